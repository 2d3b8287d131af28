//! Sessions: API sessions with their rotating refresh tokens (reuse revokes the session) and
//! browser sessions, and whether a session is still live.

use crate::connection::{AnyConnection, on_backend};
use crate::error::PersistenceError;
use crate::schema::{refresh_tokens, sessions};
use chrono::NaiveDateTime;
use diesel::prelude::*;

pub fn create_session(
    conn: &mut AnyConnection,
    user_id: i64,
    now: NaiveDateTime,
) -> Result<i64, PersistenceError> {
    let id = on_backend!(conn, c => diesel::insert_into(sessions::table)
        .values((
            sessions::user_id.eq(user_id),
            sessions::created_at.eq(now),
            sessions::last_used_at.eq(now),
        ))
        .returning(sessions::id)
        .get_result::<i64>(c))?;
    Ok(id)
}

/// A session opened in a browser, found later by its cookie's hash.
pub fn create_browser_session(
    conn: &mut AnyConnection,
    user_id: i64,
    cookie_hash: &str,
    now: NaiveDateTime,
) -> Result<i64, PersistenceError> {
    let id = on_backend!(conn, c => diesel::insert_into(sessions::table)
        .values((
            sessions::user_id.eq(user_id),
            sessions::created_at.eq(now),
            sessions::last_used_at.eq(now),
            sessions::cookie_hash.eq(cookie_hash),
        ))
        .returning(sessions::id)
        .get_result::<i64>(c))?;
    Ok(id)
}

/// The live browser session of this cookie, used since `fresh_after`: its id and user; its use
/// is recorded (at most every ten minutes).
pub fn browser_session(
    conn: &mut AnyConnection,
    cookie_hash: &str,
    fresh_after: NaiveDateTime,
    now: NaiveDateTime,
) -> Result<Option<(i64, i64)>, PersistenceError> {
    let found: Option<(i64, i64, NaiveDateTime)> = sessions::table
        .filter(sessions::cookie_hash.eq(cookie_hash))
        .filter(sessions::revoked_at.is_null())
        .filter(sessions::last_used_at.gt(fresh_after))
        .select((sessions::id, sessions::user_id, sessions::last_used_at))
        .first(conn)
        .optional()?;
    // Recorded at most every ten minutes: a page view is not a write.
    if let Some((id, _, last)) = found
        && now - last > chrono::TimeDelta::minutes(10)
    {
        diesel::update(sessions::table.find(id))
            .set(sessions::last_used_at.eq(now))
            .execute(conn)?;
    }
    Ok(found.map(|(id, user, _)| (id, user)))
}

pub fn insert_refresh_token(
    conn: &mut AnyConnection,
    session_id: i64,
    token_hash: &str,
    expires_at: NaiveDateTime,
    now: NaiveDateTime,
) -> Result<(), PersistenceError> {
    diesel::insert_into(refresh_tokens::table)
        .values((
            refresh_tokens::session_id.eq(session_id),
            refresh_tokens::token_hash.eq(token_hash),
            refresh_tokens::expires_at.eq(expires_at),
            refresh_tokens::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// What presenting a refresh token led to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Redeemed {
    /// The token was current: it is now used, and the session goes on.
    Current { user_id: i64, session_id: i64 },
    /// The token had already been rotated: someone replayed it, so the whole session (family)
    /// is now revoked.
    Reused,
    /// Unknown, expired, or its session was revoked.
    Invalid,
}

/// Marks a refresh token used, atomically; see [`Redeemed`]. Call inside a transaction with the
/// insertion of its successor.
pub fn redeem_refresh_token(
    conn: &mut AnyConnection,
    token_hash: &str,
    now: NaiveDateTime,
) -> Result<Redeemed, PersistenceError> {
    let session = on_backend!(conn, c => diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::token_hash.eq(token_hash))
            .filter(refresh_tokens::used_at.is_null())
            .filter(refresh_tokens::expires_at.gt(now)),
    )
    .set(refresh_tokens::used_at.eq(Some(now)))
    .returning(refresh_tokens::session_id)
    .get_result::<i64>(c)
    .optional())?;
    if let Some(session_id) = session {
        let live: Option<i64> = sessions::table
            .filter(sessions::id.eq(session_id))
            .filter(sessions::revoked_at.is_null())
            .select(sessions::user_id)
            .first(conn)
            .optional()?;
        return Ok(match live {
            Some(user_id) => {
                diesel::update(sessions::table.find(session_id))
                    .set(sessions::last_used_at.eq(now))
                    .execute(conn)?;
                Redeemed::Current {
                    user_id,
                    session_id,
                }
            }
            None => Redeemed::Invalid,
        });
    }
    let used: Option<(i64, Option<NaiveDateTime>)> = refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(token_hash))
        .select((refresh_tokens::session_id, refresh_tokens::used_at))
        .first(conn)
        .optional()?;
    match used {
        Some((session_id, Some(_))) => {
            revoke_session(conn, session_id, "refresh token reused", now)?;
            Ok(Redeemed::Reused)
        }
        _ => Ok(Redeemed::Invalid),
    }
}

pub fn revoke_session(
    conn: &mut AnyConnection,
    session_id: i64,
    reason: &str,
    now: NaiveDateTime,
) -> Result<bool, PersistenceError> {
    Ok(diesel::update(
        sessions::table
            .find(session_id)
            .filter(sessions::revoked_at.is_null()),
    )
    .set((
        sessions::revoked_at.eq(Some(now)),
        sessions::revoked_reason.eq(Some(reason)),
    ))
    .execute(conn)?
        == 1)
}

pub fn revoke_all_sessions(
    conn: &mut AnyConnection,
    user_id: i64,
    reason: &str,
    now: NaiveDateTime,
) -> Result<usize, PersistenceError> {
    Ok(diesel::update(
        sessions::table
            .filter(sessions::user_id.eq(user_id))
            .filter(sessions::revoked_at.is_null()),
    )
    .set((
        sessions::revoked_at.eq(Some(now)),
        sessions::revoked_reason.eq(Some(reason)),
    ))
    .execute(conn)?)
}

/// Ends every session of the user but `keep` (the one that asked): their refresh tokens and
/// access tokens stop working, and browser sessions with them.
pub fn revoke_other_sessions(
    conn: &mut AnyConnection,
    user_id: i64,
    keep: i64,
    reason: &str,
    now: NaiveDateTime,
) -> Result<usize, PersistenceError> {
    Ok(diesel::update(
        sessions::table
            .filter(sessions::user_id.eq(user_id))
            .filter(sessions::id.ne(keep))
            .filter(sessions::revoked_at.is_null()),
    )
    .set((
        sessions::revoked_at.eq(Some(now)),
        sessions::revoked_reason.eq(Some(reason)),
    ))
    .execute(conn)?)
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = sessions)]
pub struct SessionRow {
    pub id: i64,
    pub user_id: i64,
    pub created_at: NaiveDateTime,
    pub last_used_at: NaiveDateTime,
    pub revoked_at: Option<NaiveDateTime>,
    pub revoked_reason: Option<String>,
}

pub fn sessions_of(
    conn: &mut AnyConnection,
    user_id: i64,
) -> Result<Vec<SessionRow>, PersistenceError> {
    Ok(sessions::table
        .filter(sessions::user_id.eq(user_id))
        .order(sessions::id.asc())
        .select(SessionRow::as_select())
        .load(conn)?)
}

/// Which roles a user may hold, from one look at the role tables: a resident (most readers)
/// holds none, and their actor needs no further query.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RoleHints {
    pub official: bool,
    pub moderator: bool,
    pub member: bool,
}

/// The user of a live session (not revoked, theirs), with which roles they may hold: one
/// statement for what every authenticated request asks first.
pub fn live_user(
    conn: &mut AnyConnection,
    session_id: i64,
    user_id: i64,
) -> Result<Option<(super::UserRow, RoleHints)>, PersistenceError> {
    use crate::schema::{moderators, officials, organisation_members, users};
    use diesel::dsl::exists;
    let row = users::table
        .inner_join(sessions::table)
        .filter(sessions::id.eq(session_id))
        .filter(users::id.eq(user_id))
        .filter(sessions::revoked_at.is_null())
        .select((
            super::UserRow::as_select(),
            exists(officials::table.filter(officials::user_id.eq(users::id))),
            exists(moderators::table.filter(moderators::user_id.eq(users::id))),
            exists(organisation_members::table.filter(organisation_members::user_id.eq(users::id))),
        ))
        .first::<(super::UserRow, bool, bool, bool)>(conn)
        .optional()?;
    Ok(row.map(|(user, official, moderator, member)| {
        (
            user,
            RoleHints {
                official,
                moderator,
                member,
            },
        )
    }))
}
