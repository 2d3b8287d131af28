//! Single-use tokens sent by mail (address verification, password reset), stored as hashes.

use crate::connection::{AnyConnection, on_backend};
use crate::error::PersistenceError;
use crate::schema::email_tokens;
use chrono::NaiveDateTime;
use diesel::prelude::*;

pub const VERIFY_EMAIL: &str = "verify_email";
pub const PASSWORD_RESET: &str = "password_reset";

pub fn insert_email_token(
    conn: &mut AnyConnection,
    user_id: i64,
    purpose: &str,
    token_hash: &str,
    expires_at: NaiveDateTime,
    now: NaiveDateTime,
) -> Result<i64, PersistenceError> {
    let id = on_backend!(conn, c => diesel::insert_into(email_tokens::table)
        .values((
            email_tokens::user_id.eq(user_id),
            email_tokens::purpose.eq(purpose),
            email_tokens::token_hash.eq(token_hash),
            email_tokens::expires_at.eq(expires_at),
            email_tokens::created_at.eq(now),
        ))
        .returning(email_tokens::id)
        .get_result::<i64>(c))?;
    Ok(id)
}

/// Uses a token: one statement, so that of many concurrent redemptions exactly one succeeds.
/// Returns the user it belongs to, or `None` if it is unknown, used or expired.
pub fn consume_email_token(
    conn: &mut AnyConnection,
    purpose: &str,
    token_hash: &str,
    now: NaiveDateTime,
) -> Result<Option<i64>, PersistenceError> {
    let user = on_backend!(conn, c => diesel::update(
        email_tokens::table
            .filter(email_tokens::token_hash.eq(token_hash))
            .filter(email_tokens::purpose.eq(purpose))
            .filter(email_tokens::new_email.is_null())
            .filter(email_tokens::used_at.is_null())
            .filter(email_tokens::expires_at.gt(now)),
    )
    .set(email_tokens::used_at.eq(Some(now)))
    .returning(email_tokens::user_id)
    .get_result::<i64>(c)
    .optional())?;
    Ok(user)
}

/// Voids the unused tokens of a purpose (a new reset link replaces older ones).
pub fn void_email_tokens(
    conn: &mut AnyConnection,
    user_id: i64,
    purpose: &str,
    now: NaiveDateTime,
) -> Result<(), PersistenceError> {
    diesel::update(
        email_tokens::table
            .filter(email_tokens::user_id.eq(user_id))
            .filter(email_tokens::purpose.eq(purpose))
            .filter(email_tokens::used_at.is_null()),
    )
    .set(email_tokens::used_at.eq(Some(now)))
    .execute(conn)?;
    Ok(())
}

/// The user a token of `purpose` was sent to, whether or not it is still usable (a used or
/// expired link may still ask for a new one, for the same person).
pub fn owner_of_email_token(
    conn: &mut AnyConnection,
    purpose: &str,
    token_hash: &str,
) -> Result<Option<i64>, PersistenceError> {
    Ok(email_tokens::table
        .filter(email_tokens::token_hash.eq(token_hash))
        .filter(email_tokens::purpose.eq(purpose))
        .filter(email_tokens::new_email.is_null())
        .select(email_tokens::user_id)
        .first::<i64>(conn)
        .optional()?)
}

/// A link that changes the account's address to `new_email` once followed: the verification of
/// an address, a new one (the account's own address has none).
pub fn insert_email_change_token(
    conn: &mut AnyConnection,
    user_id: i64,
    token_hash: &str,
    new_email: &str,
    expires_at: NaiveDateTime,
    now: NaiveDateTime,
) -> Result<i64, PersistenceError> {
    let id = on_backend!(conn, c => diesel::insert_into(email_tokens::table)
        .values((
            email_tokens::user_id.eq(user_id),
            email_tokens::purpose.eq(VERIFY_EMAIL),
            email_tokens::token_hash.eq(token_hash),
            email_tokens::new_email.eq(Some(new_email)),
            email_tokens::expires_at.eq(expires_at),
            email_tokens::created_at.eq(now),
        ))
        .returning(email_tokens::id)
        .get_result::<i64>(c))?;
    Ok(id)
}

/// Uses an address-change link (one statement: of concurrent uses exactly one succeeds): the
/// user and the new address, or `None` if it is unknown, used or expired.
pub fn consume_email_change_token(
    conn: &mut AnyConnection,
    token_hash: &str,
    now: NaiveDateTime,
) -> Result<Option<(i64, String)>, PersistenceError> {
    let found = on_backend!(conn, c => diesel::update(
        email_tokens::table
            .filter(email_tokens::token_hash.eq(token_hash))
            .filter(email_tokens::purpose.eq(VERIFY_EMAIL))
            .filter(email_tokens::new_email.is_not_null())
            .filter(email_tokens::used_at.is_null())
            .filter(email_tokens::expires_at.gt(now)),
    )
    .set(email_tokens::used_at.eq(Some(now)))
    .returning((email_tokens::user_id, email_tokens::new_email))
    .get_result::<(i64, Option<String>)>(c)
    .optional())?;
    Ok(found.and_then(|(user, email)| email.map(|e| (user, e))))
}
