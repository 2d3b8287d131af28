//! Users, the single-use tokens sent to them by mail, and their sessions.

use crate::connection::{AnyConnection, on_backend};
use crate::error::PersistenceError;
use crate::schema::{
    communes, email_tokens, moderators, official_categories, officials, organisation_members,
    refresh_tokens, sessions, users,
};
use crate::stored::Stored;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use tawasol_domain::Locale;

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = users)]
pub struct UserInsertForm<'a> {
    pub email: Option<&'a str>,
    pub password_hash: Option<&'a str>,
    pub display_name: &'a str,
    #[diesel(skip_insertion)]
    pub locale: Locale,
    pub home_commune_id: Option<i64>,
    pub email_verified_at: Option<NaiveDateTime>,
    pub is_admin: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct UserRow {
    pub id: i64,
    pub email: Option<String>,
    pub password_hash: Option<String>,
    pub display_name: String,
    #[diesel(deserialize_as = Stored<Locale>)]
    pub locale: Locale,
    pub home_commune_id: Option<i64>,
    pub email_verified_at: Option<NaiveDateTime>,
    pub is_admin: bool,
    pub banned_at: Option<NaiveDateTime>,
    pub ban_reason: Option<String>,
    pub deleted_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// Creates a user; `None` when the address is already taken.
pub fn create_user(
    conn: &mut AnyConnection,
    form: &UserInsertForm<'_>,
) -> Result<Option<i64>, PersistenceError> {
    let inserted = on_backend!(conn, c => diesel::insert_into(users::table)
        .values((form, users::locale.eq(form.locale.as_str())))
        .on_conflict_do_nothing()
        .returning(users::id)
        .get_result::<i64>(c)
        .optional())?;
    Ok(inserted)
}

pub fn find_by_email(
    conn: &mut AnyConnection,
    email: &str,
) -> Result<Option<UserRow>, PersistenceError> {
    Ok(users::table
        .filter(users::email.eq(email))
        .select(UserRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn find(conn: &mut AnyConnection, id: i64) -> Result<Option<UserRow>, PersistenceError> {
    Ok(users::table
        .find(id)
        .select(UserRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn mark_verified(
    conn: &mut AnyConnection,
    id: i64,
    now: NaiveDateTime,
) -> Result<(), PersistenceError> {
    diesel::update(
        users::table
            .find(id)
            .filter(users::email_verified_at.is_null()),
    )
    .set((
        users::email_verified_at.eq(Some(now)),
        users::updated_at.eq(now),
    ))
    .execute(conn)?;
    Ok(())
}

#[derive(Debug, Clone, Default, AsChangeset)]
#[diesel(table_name = users)]
pub struct UserUpdateForm<'a> {
    pub display_name: Option<&'a str>,
    #[diesel(skip_update)]
    pub locale: Option<Locale>,
    pub password_hash: Option<&'a str>,
    pub is_admin: Option<bool>,
    pub email_verified_at: Option<NaiveDateTime>,
    pub updated_at: Option<NaiveDateTime>,
}

pub fn update(
    conn: &mut AnyConnection,
    id: i64,
    form: &UserUpdateForm<'_>,
) -> Result<bool, PersistenceError> {
    Ok(
        diesel::update(users::table.find(id).filter(users::deleted_at.is_null()))
            .set((form, form.locale.map(|l| users::locale.eq(l.as_str()))))
            .execute(conn)?
            == 1,
    )
}

pub fn set_ban(
    conn: &mut AnyConnection,
    id: i64,
    ban: Option<(&str, NaiveDateTime)>,
    now: NaiveDateTime,
) -> Result<bool, PersistenceError> {
    Ok(
        diesel::update(users::table.find(id).filter(users::deleted_at.is_null()))
            .set((
                users::banned_at.eq(ban.map(|(_, at)| at)),
                users::ban_reason.eq(ban.map(|(r, _)| r)),
                users::updated_at.eq(now),
            ))
            .execute(conn)?
            == 1,
    )
}

/// Erases a user's personal data: address, password, name, roles, tokens, sessions and the mails
/// still queued for the address (sent ones stay until the outbox's retention purge). The row
/// stays so that public contributions keep an author ("former resident").
pub fn erase(
    conn: &mut AnyConnection,
    id: i64,
    now: NaiveDateTime,
) -> Result<(), PersistenceError> {
    let email: Option<String> = users::table
        .find(id)
        .select(users::email)
        .first::<Option<String>>(conn)
        .optional()?
        .flatten();
    if let Some(email) = email {
        crate::outbox::cancel_unsent_to(conn, &email)?;
    }
    diesel::update(users::table.find(id))
        .set((
            users::email.eq(None::<String>),
            users::password_hash.eq(None::<String>),
            users::display_name.eq(""),
            users::home_commune_id.eq(None::<i64>),
            users::is_admin.eq(false),
            users::deleted_at.eq(Some(now)),
            users::updated_at.eq(now),
        ))
        .execute(conn)?;
    diesel::delete(email_tokens::table.filter(email_tokens::user_id.eq(id))).execute(conn)?;
    crate::feed::delete_token(conn, id)?;
    revoke_all_sessions(conn, id, "account deleted", now)?;
    diesel::delete(officials::table.filter(officials::user_id.eq(id))).execute(conn)?;
    diesel::delete(moderators::table.filter(moderators::user_id.eq(id))).execute(conn)?;
    diesel::delete(organisation_members::table.filter(organisation_members::user_id.eq(id)))
        .execute(conn)?;
    crate::api_key::revoke_all_of(conn, id, now)?;
    Ok(())
}

// ---- single-use tokens sent by mail ----

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

// ---- sessions and refresh tokens ----

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

/// Whether a session exists, belongs to the user and is not revoked.
pub fn session_is_live(
    conn: &mut AnyConnection,
    session_id: i64,
    user_id: i64,
) -> Result<bool, PersistenceError> {
    let n: i64 = sessions::table
        .filter(sessions::id.eq(session_id))
        .filter(sessions::user_id.eq(user_id))
        .filter(sessions::revoked_at.is_null())
        .count()
        .get_result(conn)?;
    Ok(n == 1)
}

// ---- roles, as the policies need them ----

/// An official's binding, with slugs and codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficialBinding {
    pub commune: String,
    pub arrondissement: Option<String>,
    pub categories: Vec<String>,
    pub title: String,
}

pub fn official_binding(
    conn: &mut AnyConnection,
    user_id: i64,
) -> Result<Option<OfficialBinding>, PersistenceError> {
    use crate::schema::{arrondissements, categories};
    let row: Option<(i64, String, Option<i64>, String)> = officials::table
        .inner_join(communes::table)
        .filter(officials::user_id.eq(user_id))
        .select((
            officials::id,
            communes::slug,
            officials::arrondissement_id,
            officials::title,
        ))
        .first(conn)
        .optional()?;
    let Some((official_id, commune, arrondissement_id, title)) = row else {
        return Ok(None);
    };
    let arrondissement = match arrondissement_id {
        Some(id) => Some(
            arrondissements::table
                .find(id)
                .select(arrondissements::slug)
                .first::<String>(conn)?,
        ),
        None => None,
    };
    let categories: Vec<String> = official_categories::table
        .inner_join(categories::table.on(categories::id.eq(official_categories::category_id)))
        .filter(official_categories::official_id.eq(official_id))
        .order(categories::position.asc())
        .select(categories::code)
        .load(conn)?;
    Ok(Some(OfficialBinding {
        commune,
        arrondissement,
        categories,
        title,
    }))
}

/// Communes a user moderates (`None`: all).
pub fn moderated_communes(
    conn: &mut AnyConnection,
    user_id: i64,
) -> Result<Vec<Option<String>>, PersistenceError> {
    Ok(moderators::table
        .left_join(communes::table.on(communes::id.nullable().eq(moderators::commune_id)))
        .filter(moderators::user_id.eq(user_id))
        .select(communes::slug.nullable())
        .load(conn)?)
}

/// Verified organisations a user belongs to.
pub fn organisations_of(
    conn: &mut AnyConnection,
    user_id: i64,
) -> Result<Vec<(i64, bool)>, PersistenceError> {
    use crate::schema::organisations;
    Ok(organisation_members::table
        .inner_join(organisations::table)
        .filter(organisation_members::user_id.eq(user_id))
        .filter(organisations::verified_at.is_not_null())
        .select((
            organisation_members::organisation_id,
            organisation_members::is_representative,
        ))
        .load(conn)?)
}
