//! `Idempotency-Key` records: the first request with a key proceeds; a retry with the same key
//! and body gets the stored answer; the same key with another body, or while the first is still
//! running, is refused. Keys are per caller and expire after 24 hours.

use crate::connection::{AnyConnection, on_backend};
use crate::error::PersistenceError;
use crate::schema::idempotency_keys;
use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;

pub const TTL: TimeDelta = TimeDelta::hours(24);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Begun {
    /// This request owns the key: do the work, then [`finish`] (or [`abandon`] on failure).
    Proceed,
    /// Done before: answer this.
    Replay {
        status: i32,
        location: Option<String>,
        body: String,
    },
    /// The first request with this key is still running.
    InFlight,
    /// The key was used with another body.
    Mismatch,
}

pub fn begin(
    conn: &mut AnyConnection,
    user_id: i64,
    key: &str,
    request_hash: &str,
    now: NaiveDateTime,
) -> Result<Begun, PersistenceError> {
    diesel::delete(
        idempotency_keys::table
            .filter(idempotency_keys::user_id.eq(user_id))
            .filter(idempotency_keys::key.eq(key))
            .filter(idempotency_keys::created_at.lt(now - TTL)),
    )
    .execute(conn)?;
    let inserted = on_backend!(conn, c => diesel::insert_into(idempotency_keys::table)
        .values((
            idempotency_keys::user_id.eq(user_id),
            idempotency_keys::key.eq(key),
            idempotency_keys::request_hash.eq(request_hash),
            idempotency_keys::created_at.eq(now),
        ))
        .on_conflict_do_nothing()
        .execute(c))?;
    if inserted == 1 {
        return Ok(Begun::Proceed);
    }
    let row: Option<KeyRow> = idempotency_keys::table
        .filter(idempotency_keys::user_id.eq(user_id))
        .filter(idempotency_keys::key.eq(key))
        .select((
            idempotency_keys::request_hash,
            idempotency_keys::response_status,
            idempotency_keys::response_location,
            idempotency_keys::response_body,
        ))
        .first(conn)
        .optional()?;
    Ok(match row {
        // Abandoned between our insert and read: the caller may simply retry.
        None => Begun::InFlight,
        Some((hash, _, _, _)) if hash != request_hash => Begun::Mismatch,
        Some((_, Some(status), location, body)) => Begun::Replay {
            status,
            location,
            body: body.unwrap_or_default(),
        },
        Some(_) => Begun::InFlight,
    })
}

/// Request hash, and the stored answer's status, location and body.
type KeyRow = (String, Option<i32>, Option<String>, Option<String>);

pub fn finish(
    conn: &mut AnyConnection,
    user_id: i64,
    key: &str,
    status: i32,
    location: Option<&str>,
    body: &str,
) -> Result<(), PersistenceError> {
    diesel::update(
        idempotency_keys::table
            .filter(idempotency_keys::user_id.eq(user_id))
            .filter(idempotency_keys::key.eq(key)),
    )
    .set((
        idempotency_keys::response_status.eq(Some(status)),
        idempotency_keys::response_location.eq(location),
        idempotency_keys::response_body.eq(Some(body)),
    ))
    .execute(conn)?;
    Ok(())
}

/// Frees the key after a failed attempt, so that the client may try again with it.
pub fn abandon(conn: &mut AnyConnection, user_id: i64, key: &str) -> Result<(), PersistenceError> {
    diesel::delete(
        idempotency_keys::table
            .filter(idempotency_keys::user_id.eq(user_id))
            .filter(idempotency_keys::key.eq(key))
            .filter(idempotency_keys::response_status.is_null()),
    )
    .execute(conn)?;
    Ok(())
}
