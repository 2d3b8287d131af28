//! Signatures: one per person, counted; a CIN used twice is stored like any other and found by
//! its hash; withdrawals; the dossier's rows; a person's own signatures and their erasure.

use crate::connection::{AnyConnection, on_backend};
use crate::error::PersistenceError;
use crate::schema::{petition_follows, petitions, signatures};
use crate::stored::Stored;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use tawasol_domain::petition::PetitionStatus;

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
    /// This person (this account) already signed.
    AlreadySigned,
}

/// Adds a signature and counts it. Call inside a write transaction.
pub fn sign(
    conn: &mut AnyConnection,
    form: &SignatureInsertForm<'_>,
) -> Result<Signed, PersistenceError> {
    Ok(match sign_returning(conn, form)? {
        Some(counted) => Signed::Counted(counted.signature_count),
        None => Signed::AlreadySigned,
    })
}

/// A signature stored and counted: its id, and the petition after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counted {
    pub signature_id: i64,
    pub signature_count: i32,
    /// The petition's status as the count's update found it (the latest committed one).
    pub status: PetitionStatus,
}

/// Adds a signature and counts it, in two statements (`INSERT … ON CONFLICT DO NOTHING
/// RETURNING`, then the count's `UPDATE … RETURNING`); `None` if this person (this account)
/// already signed. Call inside a write transaction.
pub fn sign_returning(
    conn: &mut AnyConnection,
    form: &SignatureInsertForm<'_>,
) -> Result<Option<Counted>, PersistenceError> {
    // ON CONFLICT rather than catching the violation: on PostgreSQL a refused insert would abort
    // the caller's transaction (a savepoint would cost two more statements).
    let signature_id: Option<i64> = on_backend!(conn, c => diesel::insert_into(signatures::table)
        .values(form)
        .on_conflict((signatures::petition_id, signatures::user_id))
        .do_nothing()
        .returning(signatures::id)
        .get_result(c)
        .optional())?;
    let Some(signature_id) = signature_id else {
        return Ok(None);
    };
    let (signature_count, Stored(status)): (i32, Stored<PetitionStatus>) = on_backend!(conn, c => diesel::update(petitions::table.find(form.petition_id))
            .set((
                petitions::signature_count.eq(petitions::signature_count + 1),
                petitions::updated_at.eq(form.created_at),
            ))
            .returning((petitions::signature_count, petitions::status))
            .get_result(c))?;
    Ok(Some(Counted {
        signature_id,
        signature_count,
        status,
    }))
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

/// How many signatures of the petition carry this CIN hash (the one just given included).
pub fn same_cin(
    conn: &mut AnyConnection,
    petition_id: i64,
    cin_hash: &str,
) -> Result<i64, PersistenceError> {
    Ok(signatures::table
        .filter(signatures::petition_id.eq(petition_id))
        .filter(signatures::cin_hash.eq(cin_hash))
        .count()
        .get_result(conn)?)
}

/// A signature as stored, for the dossier: the CIN and address still encrypted; the personal
/// columns are `None` once erased.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct SignatureRow {
    pub user_id: i64,
    pub full_name: Option<String>,
    pub cin_encrypted: Option<String>,
    /// The CIN's keyed hash: equal on two signatures that used the same CIN.
    pub cin_hash: Option<String>,
    pub address_encrypted: Option<String>,
    pub lives_or_works_in_commune: bool,
    pub on_electoral_roll: bool,
    pub direct_interest: bool,
    pub created_at: NaiveDateTime,
}

/// Every signature, in the order they were given.
pub fn signature_rows(
    conn: &mut AnyConnection,
    petition_id: i64,
) -> Result<Vec<SignatureRow>, PersistenceError> {
    Ok(signatures::table
        .filter(signatures::petition_id.eq(petition_id))
        .order(signatures::id.asc())
        .select((
            signatures::user_id,
            signatures::full_name,
            signatures::cin_encrypted,
            signatures::cin_hash,
            signatures::address_encrypted,
            signatures::lives_or_works_in_commune,
            signatures::on_electoral_roll,
            signatures::direct_interest,
            signatures::created_at,
        ))
        .load(conn)?)
}

/// A person's signatures (petition id, title, and the signature), for their data export.
pub fn signatures_of(
    conn: &mut AnyConnection,
    user_id: i64,
) -> Result<Vec<(i64, String, SignatureRow)>, PersistenceError> {
    Ok(signatures::table
        .inner_join(petitions::table)
        .filter(signatures::user_id.eq(user_id))
        .order(signatures::id.asc())
        .select((
            petitions::id,
            petitions::title,
            (
                signatures::user_id,
                signatures::full_name,
                signatures::cin_encrypted,
                signatures::cin_hash,
                signatures::address_encrypted,
                signatures::lives_or_works_in_commune,
                signatures::on_electoral_roll,
                signatures::direct_interest,
                signatures::created_at,
            ),
        ))
        .load(conn)?)
}

/// When a person erases their account: signatures on petitions still collecting are withdrawn
/// (and uncounted); follows end. Signatures on petitions already deposited stay with the
/// dossier the council holds. Call inside a write transaction.
pub fn erase_signer(
    conn: &mut AnyConnection,
    user_id: i64,
    at: NaiveDateTime,
) -> Result<(), PersistenceError> {
    let open: Vec<i64> = signatures::table
        .inner_join(petitions::table)
        .filter(signatures::user_id.eq(user_id))
        .filter(petitions::status.eq_any([
            PetitionStatus::Draft.as_str(),
            PetitionStatus::Collecting.as_str(),
        ]))
        .select(petitions::id)
        .load(conn)?;
    for petition_id in open {
        withdraw(conn, petition_id, user_id, at)?;
    }
    diesel::update(signatures::table.filter(signatures::user_id.eq(user_id)))
        .set(signatures::show_name.eq(false))
        .execute(conn)?;
    diesel::delete(petition_follows::table.filter(petition_follows::user_id.eq(user_id)))
        .execute(conn)?;
    Ok(())
}

/// The id of a person's signature on a petition.
pub fn signature_id(
    conn: &mut AnyConnection,
    petition_id: i64,
    user_id: i64,
) -> Result<Option<i64>, PersistenceError> {
    Ok(signatures::table
        .filter(signatures::petition_id.eq(petition_id))
        .filter(signatures::user_id.eq(user_id))
        .select(signatures::id)
        .first(conn)
        .optional()?)
}
