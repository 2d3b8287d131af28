//! Users, the single-use tokens sent to them by mail, and their sessions.
//!
//! Users here; `mail_tokens` (single-use tokens sent by mail), `logins` (sessions, browser
//! sessions and refresh tokens) and `roles` (what the policies need to know of a person). Public
//! items are re-exported here.

mod logins;
mod mail_tokens;
mod roles;

pub use logins::{
    Redeemed, RoleHints, SessionRow, browser_session, create_browser_session, create_session,
    insert_refresh_token, live_user, redeem_refresh_token, revoke_all_sessions,
    revoke_other_sessions, revoke_session, sessions_of,
};
pub use mail_tokens::{
    PASSWORD_RESET, VERIFY_EMAIL, consume_email_change_token, consume_email_token,
    insert_email_change_token, insert_email_token, owner_of_email_token, void_email_tokens,
};
pub use roles::{
    OfficialBinding, moderated_communes, official_binding, official_title, organisations_of,
};

use crate::connection::{AnyConnection, on_backend};
use crate::error::PersistenceError;
use crate::schema::{email_tokens, moderators, officials, organisation_members, users};
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
    pub email: Option<&'a str>,
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
