//! API keys that admins issue to organisations and apps (Open311), and the tokens answered to
//! Open311 POSTs. Only a key's SHA-256 is stored.

use crate::connection::{AnyConnection, on_backend};
use crate::error::PersistenceError;
use crate::schema::{api_keys, issues, open311_tokens, organisations, users};
use crate::stored::Stored;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use tawasol_domain::issue::Visibility;

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = api_keys)]
pub struct ApiKeyInsertForm<'a> {
    pub owner_user_id: i64,
    pub organisation_id: Option<i64>,
    pub name: &'a str,
    pub key_hash: &'a str,
    pub created_at: NaiveDateTime,
}

/// A key as admins list it: never its hash.
#[derive(Debug, Clone, PartialEq, Queryable)]
pub struct ApiKeyRow {
    pub id: i64,
    pub owner_user_id: i64,
    pub owner_email: Option<String>,
    pub organisation_id: Option<i64>,
    pub organisation_name: Option<String>,
    pub name: String,
    pub created_at: NaiveDateTime,
    pub revoked_at: Option<NaiveDateTime>,
}

macro_rules! key_columns {
    () => {
        (
            api_keys::id,
            api_keys::owner_user_id,
            users::email,
            api_keys::organisation_id,
            organisations::name.nullable(),
            api_keys::name,
            api_keys::created_at,
            api_keys::revoked_at,
        )
    };
}

pub fn create(
    conn: &mut AnyConnection,
    form: &ApiKeyInsertForm<'_>,
) -> Result<i64, PersistenceError> {
    Ok(on_backend!(conn, c => diesel::insert_into(api_keys::table)
        .values(form)
        .returning(api_keys::id)
        .get_result::<i64>(c))?)
}

pub fn find(conn: &mut AnyConnection, id: i64) -> Result<Option<ApiKeyRow>, PersistenceError> {
    Ok(api_keys::table
        .inner_join(users::table)
        .left_join(
            organisations::table.on(organisations::id.nullable().eq(api_keys::organisation_id)),
        )
        .filter(api_keys::id.eq(id))
        .select(key_columns!())
        .first(conn)
        .optional()?)
}

/// Keys newest first, after the id `before` (keyset pagination), at most `limit`.
pub fn list(
    conn: &mut AnyConnection,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<ApiKeyRow>, PersistenceError> {
    let mut q = api_keys::table
        .inner_join(users::table)
        .left_join(
            organisations::table.on(organisations::id.nullable().eq(api_keys::organisation_id)),
        )
        .select(key_columns!())
        .order(api_keys::id.desc())
        .limit(limit)
        .into_boxed();
    if let Some(before) = before {
        q = q.filter(api_keys::id.lt(before));
    }
    Ok(q.load(conn)?)
}

/// Revokes a key; `false` when there is no such key or it was already revoked.
pub fn revoke(
    conn: &mut AnyConnection,
    id: i64,
    at: NaiveDateTime,
) -> Result<bool, PersistenceError> {
    Ok(diesel::update(
        api_keys::table
            .find(id)
            .filter(api_keys::revoked_at.is_null()),
    )
    .set(api_keys::revoked_at.eq(Some(at)))
    .execute(conn)?
        == 1)
}

/// Revokes every key an account owns (when the account is erased).
pub fn revoke_all_of(
    conn: &mut AnyConnection,
    owner_user_id: i64,
    at: NaiveDateTime,
) -> Result<usize, PersistenceError> {
    Ok(diesel::update(
        api_keys::table
            .filter(api_keys::owner_user_id.eq(owner_user_id))
            .filter(api_keys::revoked_at.is_null()),
    )
    .set(api_keys::revoked_at.eq(Some(at)))
    .execute(conn)?)
}

/// The key id and owner of a key that is not revoked, by the key's hash.
pub fn find_active_by_hash(
    conn: &mut AnyConnection,
    key_hash: &str,
) -> Result<Option<(i64, i64)>, PersistenceError> {
    Ok(api_keys::table
        .filter(api_keys::key_hash.eq(key_hash))
        .filter(api_keys::revoked_at.is_null())
        .select((api_keys::id, api_keys::owner_user_id))
        .first(conn)
        .optional()?)
}

/// Records the token answered for an issue created through Open311.
pub fn create_token(
    conn: &mut AnyConnection,
    token: &str,
    issue_id: i64,
    api_key_id: i64,
    at: NaiveDateTime,
) -> Result<(), PersistenceError> {
    diesel::insert_into(open311_tokens::table)
        .values((
            open311_tokens::token.eq(token),
            open311_tokens::issue_id.eq(issue_id),
            open311_tokens::api_key_id.eq(api_key_id),
            open311_tokens::created_at.eq(at),
        ))
        .execute(conn)?;
    Ok(())
}

/// The issue behind a token and whether it is public now; `None` for an unknown token or an
/// issue that was hidden.
pub fn find_token(
    conn: &mut AnyConnection,
    token: &str,
) -> Result<Option<(i64, bool)>, PersistenceError> {
    let row: Option<(i64, Stored<Visibility>)> = open311_tokens::table
        .inner_join(issues::table)
        .filter(open311_tokens::token.eq(token))
        .select((issues::id, issues::visibility))
        .first(conn)
        .optional()?;
    Ok(row.and_then(|(id, Stored(visibility))| match visibility {
        Visibility::Public => Some((id, true)),
        Visibility::Pending => Some((id, false)),
        Visibility::Hidden => None,
    }))
}
