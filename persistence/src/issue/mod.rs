//! Issues: creation and reading, with full-text search on each backend.
//!
//! One concern a file: creation here, `reading` (one issue, lists with their filters, keyset
//! pages and search), `thread` (replies and their corrections), `status` (status changes and
//! their history), `relations` (supports and follows), `recipients` (who hears of an issue)
//! and `open311` (what Open311 shows beyond the row). Public items are re-exported here.

mod open311;
mod reading;
mod recipients;
mod relations;
mod status;
mod thread;

pub use open311::{
    RequestFilter, RequestRow, StatusEvent, commune_exists, service_requests,
    status_changes_between,
};
pub use reading::{IssueFilter, IssueRow, IssueSort, SortKey, StatusFilter, by_author, find, list};
pub use recipients::{Audience, Recipient, followers, officials_in_scope};
pub use relations::{relation, set_follow, set_support};
pub use status::{StatusChangeRow, StatusUpdate, change_status, resolved_at, status_history};
pub use thread::{
    Edited, ReplyInsertForm, ReplyRow, ReplyUpdateForm, add_reply, edit_reply, replies,
    replies_by_author, reply_history,
};

use crate::connection::{AnyConnection, on_backend};
use crate::error::PersistenceError;
use crate::schema::{issue_follows, issues};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use tawasol_domain::Locale;
use tawasol_domain::issue::{IssueStatus, Visibility};

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = issues)]
pub struct IssueInsertForm<'a> {
    pub commune_id: i64,
    pub category_id: i64,
    pub arrondissement_id: Option<i64>,
    pub author_id: i64,
    pub title: &'a str,
    pub description: &'a str,
    #[diesel(skip_insertion)]
    pub language: Locale,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub address: Option<&'a str>,
    /// Public, or pending when held for a moderator (personal data).
    #[diesel(skip_insertion)]
    pub visibility: Visibility,
    pub search_text: &'a str,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// Creates an issue; its author follows it from the start.
pub fn create(
    conn: &mut AnyConnection,
    form: &IssueInsertForm<'_>,
) -> Result<i64, PersistenceError> {
    let id = on_backend!(conn, c => diesel::insert_into(issues::table)
        .values((
            form,
            issues::language.eq(form.language.as_str()),
            issues::visibility.eq(form.visibility.as_str()),
            issues::follower_count.eq(1),
        ))
        .returning(issues::id)
        .get_result::<i64>(c))?;
    diesel::insert_into(issue_follows::table)
        .values((
            issue_follows::issue_id.eq(id),
            issue_follows::user_id.eq(form.author_id),
            issue_follows::created_at.eq(form.created_at),
        ))
        .execute(conn)?;
    Ok(id)
}

/// The statuses Open311 calls open, as stored.
pub(crate) fn open_statuses() -> Vec<&'static str> {
    IssueStatus::ALL
        .into_iter()
        .filter(|s| s.is_open())
        .map(IssueStatus::as_str)
        .collect()
}

/// The ids behind an issue's place and category (for scopes and notifications).
pub fn place(
    conn: &mut AnyConnection,
    issue_id: i64,
) -> Result<Option<(i64, Option<i64>, i64)>, PersistenceError> {
    Ok(issues::table
        .find(issue_id)
        .select((
            issues::commune_id,
            issues::arrondissement_id,
            issues::category_id,
        ))
        .first(conn)
        .optional()?)
}
