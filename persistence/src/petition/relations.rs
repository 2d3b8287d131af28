//! A person and a petition: signed, followed; and the names signatories chose to show.

use crate::connection::{AnyConnection, on_backend};
use crate::error::PersistenceError;
use crate::schema::{petition_follows, signatures, users};
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// Whether the user signed and follows the petition.
pub fn relation(
    conn: &mut AnyConnection,
    petition_id: i64,
    user_id: i64,
) -> Result<(bool, bool), PersistenceError> {
    let signed: i64 = signatures::table
        .filter(signatures::petition_id.eq(petition_id))
        .filter(signatures::user_id.eq(user_id))
        .count()
        .get_result(conn)?;
    let follows: i64 = petition_follows::table
        .filter(petition_follows::petition_id.eq(petition_id))
        .filter(petition_follows::user_id.eq(user_id))
        .count()
        .get_result(conn)?;
    Ok((signed > 0, follows > 0))
}

/// The display names of signatories who chose to show them, in the order they signed.
pub fn public_names(
    conn: &mut AnyConnection,
    petition_id: i64,
) -> Result<Vec<String>, PersistenceError> {
    Ok(signatures::table
        .inner_join(users::table.on(users::id.eq(signatures::user_id)))
        .filter(signatures::petition_id.eq(petition_id))
        .filter(signatures::show_name.eq(true))
        .filter(users::deleted_at.is_null())
        .order(signatures::id.asc())
        .select(users::display_name)
        .load(conn)?)
}

/// Follows (`on`) or stops following; `true` if anything changed.
pub fn set_follow(
    conn: &mut AnyConnection,
    petition_id: i64,
    user_id: i64,
    on: bool,
    at: NaiveDateTime,
) -> Result<bool, PersistenceError> {
    let n = if on {
        on_backend!(conn, c => diesel::insert_into(petition_follows::table)
            .values((
                petition_follows::petition_id.eq(petition_id),
                petition_follows::user_id.eq(user_id),
                petition_follows::created_at.eq(at),
            ))
            .on_conflict_do_nothing()
            .execute(c))?
    } else {
        diesel::delete(
            petition_follows::table
                .filter(petition_follows::petition_id.eq(petition_id))
                .filter(petition_follows::user_id.eq(user_id)),
        )
        .execute(conn)?
    };
    Ok(n == 1)
}
