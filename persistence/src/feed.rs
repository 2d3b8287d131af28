//! What the Atom feeds read: the public replies and status changes of issues, the public steps of
//! petitions, newest first, for one issue or petition or for everything a person follows; and the
//! secret tokens of personal feeds (stored as hashes, one per person).
//!
//! Only public items: replies and issues that are `public` (never held or hidden ones), petitions
//! past their draft. Nothing here reads an e-mail address, a CIN or an address.

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::schema::{
    feed_tokens, issue_follows, issue_replies, issue_status_changes, issues, petition_events,
    petition_follows, petitions, signatures, users,
};
use crate::stored::Stored;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use tawasol_domain::Locale;
use tawasol_domain::issue::{IssueStatus, Visibility};
use tawasol_domain::petition::PetitionStatus;

// ---- personal feed tokens ----

/// Gives the person a new token (its hash), replacing any previous one. Call inside a write
/// transaction.
pub fn replace_token(
    conn: &mut AnyConnection,
    user_id: i64,
    token_hash: &str,
    at: NaiveDateTime,
) -> Result<(), PersistenceError> {
    delete_token(conn, user_id)?;
    diesel::insert_into(feed_tokens::table)
        .values((
            feed_tokens::user_id.eq(user_id),
            feed_tokens::token_hash.eq(token_hash),
            feed_tokens::created_at.eq(at),
        ))
        .execute(conn)?;
    Ok(())
}

/// Revokes the person's token; `true` if they had one.
pub fn delete_token(conn: &mut AnyConnection, user_id: i64) -> Result<bool, PersistenceError> {
    let n = diesel::delete(feed_tokens::table.filter(feed_tokens::user_id.eq(user_id)))
        .execute(conn)?;
    Ok(n > 0)
}

/// The owner of a token (by its hash) and when it was made, if it is current and its owner's
/// account still exists.
pub fn token_owner(
    conn: &mut AnyConnection,
    token_hash: &str,
) -> Result<Option<TokenOwner>, PersistenceError> {
    Ok(feed_tokens::table
        .inner_join(users::table)
        .filter(feed_tokens::token_hash.eq(token_hash))
        .filter(users::deleted_at.is_null())
        .select((users::id, users::locale, feed_tokens::created_at))
        .first(conn)
        .optional()?)
}

#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct TokenOwner {
    pub user_id: i64,
    #[diesel(deserialize_as = Stored<Locale>)]
    pub locale: Locale,
    pub created_at: NaiveDateTime,
}

// ---- entries ----

/// Whose items a feed gathers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// One issue, or one petition.
    One(i64),
    /// Every issue this person follows; every petition they follow or signed.
    FollowedBy(i64),
}

/// A public reply on a public issue.
#[derive(Debug, Clone, PartialEq, Queryable)]
pub struct ReplyEntry {
    pub id: i64,
    pub issue_id: i64,
    pub issue_title: String,
    #[diesel(deserialize_as = Stored<Locale>)]
    pub issue_language: Locale,
    /// Empty once the author erased their account.
    pub author_name: String,
    pub body: String,
    pub is_official: bool,
    pub official_title: Option<String>,
    pub created_at: NaiveDateTime,
    pub edited_at: Option<NaiveDateTime>,
}

/// The newest public replies in scope, newest first.
pub fn replies(
    conn: &mut AnyConnection,
    scope: Scope,
    limit: i64,
) -> Result<Vec<ReplyEntry>, PersistenceError> {
    let mut q = issue_replies::table
        .inner_join(issues::table)
        .inner_join(users::table.on(users::id.eq(issue_replies::author_id)))
        .filter(issue_replies::visibility.eq(Visibility::Public.as_str()))
        .filter(issues::visibility.eq(Visibility::Public.as_str()))
        .select((
            issue_replies::id,
            issues::id,
            issues::title,
            issues::language,
            users::display_name,
            issue_replies::body,
            issue_replies::is_official,
            issue_replies::official_title,
            issue_replies::created_at,
            issue_replies::edited_at,
        ))
        .order((issue_replies::created_at.desc(), issue_replies::id.desc()))
        .limit(limit)
        .into_boxed();
    q = match scope {
        Scope::One(issue_id) => q.filter(issues::id.eq(issue_id)),
        Scope::FollowedBy(user_id) => q.filter(
            issues::id.eq_any(
                issue_follows::table
                    .filter(issue_follows::user_id.eq(user_id))
                    .select(issue_follows::issue_id),
            ),
        ),
    };
    Ok(q.load(conn)?)
}

/// A status change of a public issue.
#[derive(Debug, Clone, PartialEq, Queryable)]
pub struct StatusEntry {
    pub id: i64,
    pub issue_id: i64,
    pub issue_title: String,
    #[diesel(deserialize_as = Stored<Locale>)]
    pub issue_language: Locale,
    /// Empty once the actor erased their account.
    pub actor_name: String,
    #[diesel(deserialize_as = Stored<IssueStatus>)]
    pub from_status: IssueStatus,
    #[diesel(deserialize_as = Stored<IssueStatus>)]
    pub to_status: IssueStatus,
    pub note: String,
    pub expected_on: Option<NaiveDate>,
    pub responsible_body: Option<String>,
    pub duplicate_of: Option<i64>,
    pub created_at: NaiveDateTime,
}

/// The newest status changes of public issues in scope, newest first.
pub fn status_changes(
    conn: &mut AnyConnection,
    scope: Scope,
    limit: i64,
) -> Result<Vec<StatusEntry>, PersistenceError> {
    let mut q = issue_status_changes::table
        .inner_join(issues::table)
        .inner_join(users::table.on(users::id.eq(issue_status_changes::actor_id)))
        .filter(issues::visibility.eq(Visibility::Public.as_str()))
        .select((
            issue_status_changes::id,
            issues::id,
            issues::title,
            issues::language,
            users::display_name,
            issue_status_changes::from_status,
            issue_status_changes::to_status,
            issue_status_changes::note,
            issue_status_changes::expected_on,
            issue_status_changes::responsible_body,
            issue_status_changes::duplicate_of,
            issue_status_changes::created_at,
        ))
        .order((
            issue_status_changes::created_at.desc(),
            issue_status_changes::id.desc(),
        ))
        .limit(limit)
        .into_boxed();
    q = match scope {
        Scope::One(issue_id) => q.filter(issues::id.eq(issue_id)),
        Scope::FollowedBy(user_id) => q.filter(
            issues::id.eq_any(
                issue_follows::table
                    .filter(issue_follows::user_id.eq(user_id))
                    .select(issue_follows::issue_id),
            ),
        ),
    };
    Ok(q.load(conn)?)
}

/// A step of a petition's public timeline.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct StepEntry {
    pub id: i64,
    pub petition_id: i64,
    pub petition_title: String,
    /// `None` when the platform took the step; empty once the actor erased their account.
    pub actor_name: Option<String>,
    /// `None` for the draft's creation (never in a feed).
    #[diesel(deserialize_as = Stored<Option<PetitionStatus>>)]
    pub from_status: Option<PetitionStatus>,
    #[diesel(deserialize_as = Stored<PetitionStatus>)]
    pub to_status: PetitionStatus,
    /// What the step carried (JSON).
    pub details: String,
    pub created_at: NaiveDateTime,
}

/// The newest public steps of petitions in scope, newest first: never a draft petition's, and
/// not the creation of the draft itself.
pub fn steps(
    conn: &mut AnyConnection,
    scope: Scope,
    limit: i64,
) -> Result<Vec<StepEntry>, PersistenceError> {
    let mut q = petition_events::table
        .inner_join(petitions::table)
        .left_join(users::table.on(petition_events::actor_id.eq(users::id.nullable())))
        .filter(petitions::status.ne(PetitionStatus::Draft.as_str()))
        .filter(petition_events::to_status.ne(PetitionStatus::Draft.as_str()))
        .select((
            petition_events::id,
            petitions::id,
            petitions::title,
            users::display_name.nullable(),
            petition_events::from_status,
            petition_events::to_status,
            petition_events::details,
            petition_events::created_at,
        ))
        .order((
            petition_events::created_at.desc(),
            petition_events::id.desc(),
        ))
        .limit(limit)
        .into_boxed();
    q = match scope {
        Scope::One(petition_id) => q.filter(petitions::id.eq(petition_id)),
        Scope::FollowedBy(user_id) => q.filter(
            petitions::id
                .eq_any(
                    petition_follows::table
                        .filter(petition_follows::user_id.eq(user_id))
                        .select(petition_follows::petition_id),
                )
                .or(petitions::id.eq_any(
                    signatures::table
                        .filter(signatures::user_id.eq(user_id))
                        .select(signatures::petition_id),
                )),
        ),
    };
    Ok(q.load(conn)?)
}
