//! Petitions and their signatures. The CIN and address arrive encrypted, with the CIN's keyed
//! hash; the database enforces one signature per person and per CIN.

use crate::connection::{AnyConnection, on_backend};
use crate::error::PersistenceError;
use crate::schema::{petitions, signatures};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error as DieselError};

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = petitions)]
pub struct PetitionInsertForm<'a> {
    pub commune_id: i64,
    pub agent_id: i64,
    pub filer_type: &'a str,
    pub organisation_id: Option<i64>,
    pub title: &'a str,
    pub request: &'a str,
    pub reasons: &'a str,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub fn create(
    conn: &mut AnyConnection,
    form: &PetitionInsertForm<'_>,
) -> Result<i64, PersistenceError> {
    let id = on_backend!(conn, c => diesel::insert_into(petitions::table)
        .values(form)
        .returning(petitions::id)
        .get_result::<i64>(c))?;
    Ok(id)
}

/// Status and signature count of a petition.
pub fn state(conn: &mut AnyConnection, id: i64) -> Result<Option<(String, i32)>, PersistenceError> {
    Ok(petitions::table
        .find(id)
        .select((petitions::status, petitions::signature_count))
        .first(conn)
        .optional()?)
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = signatures)]
pub struct SignatureInsertForm<'a> {
    pub petition_id: i64,
    pub user_id: i64,
    pub full_name: &'a str,
    pub cin_encrypted: &'a str,
    pub cin_hash: &'a str,
    pub address_encrypted: &'a str,
    pub lives_or_works_in_commune: bool,
    pub on_electoral_roll: bool,
    pub direct_interest: bool,
    pub show_name: bool,
    pub consented_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signed {
    /// Counted; the petition now has this many signatures.
    Counted(i32),
    /// This person, or this national ID number, already signed.
    AlreadySigned,
}

/// Adds a signature and counts it. Call inside a write transaction.
pub fn sign(
    conn: &mut AnyConnection,
    form: &SignatureInsertForm<'_>,
) -> Result<Signed, PersistenceError> {
    // In a savepoint: on PostgreSQL a refused insert would otherwise abort the caller's transaction.
    match conn.transaction(|c| {
        diesel::insert_into(signatures::table)
            .values(form)
            .execute(c)
    }) {
        Ok(_) => {}
        Err(DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {
            return Ok(Signed::AlreadySigned);
        }
        Err(e) => return Err(e.into()),
    }
    diesel::update(petitions::table.find(form.petition_id))
        .set((
            petitions::signature_count.eq(petitions::signature_count + 1),
            petitions::updated_at.eq(form.created_at),
        ))
        .execute(conn)?;
    let count = petitions::table
        .find(form.petition_id)
        .select(petitions::signature_count)
        .first(conn)?;
    Ok(Signed::Counted(count))
}

/// Withdraws a person's signature; `false` if they had not signed.
pub fn withdraw(
    conn: &mut AnyConnection,
    petition_id: i64,
    user_id: i64,
    at: NaiveDateTime,
) -> Result<bool, PersistenceError> {
    let n = diesel::delete(
        signatures::table
            .filter(signatures::petition_id.eq(petition_id))
            .filter(signatures::user_id.eq(user_id)),
    )
    .execute(conn)?;
    if n == 1 {
        diesel::update(petitions::table.find(petition_id))
            .set((
                petitions::signature_count.eq(petitions::signature_count - 1),
                petitions::updated_at.eq(at),
            ))
            .execute(conn)?;
    }
    Ok(n == 1)
}

/// The encrypted columns as stored (for tests and the dossier).
pub fn stored_cins(
    conn: &mut AnyConnection,
    petition_id: i64,
) -> Result<Vec<(String, String)>, PersistenceError> {
    Ok(signatures::table
        .filter(signatures::petition_id.eq(petition_id))
        .order(signatures::id.asc())
        .select((signatures::cin_encrypted, signatures::cin_hash))
        .load(conn)?)
}
