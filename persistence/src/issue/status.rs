//! Status changes: the conditional move from one status to the next, its public record, and a
//! duplicate's supporters and followers handed to the original.

use super::relations::{set_follow, set_support};
use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::schema::{issue_follows, issue_status_changes, issue_supports, issues, users};
use crate::stored::Stored;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use tawasol_domain::issue::IssueStatus;

/// A status change as the public history shows it.
#[derive(Debug, Clone, PartialEq, Queryable)]
pub struct StatusChangeRow {
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

#[derive(Debug, Clone)]
pub struct StatusUpdate<'a> {
    pub issue_id: i64,
    pub actor_id: i64,
    pub from: IssueStatus,
    pub to: IssueStatus,
    pub note: &'a str,
    pub expected_on: Option<NaiveDate>,
    pub responsible_body: Option<&'a str>,
    pub duplicate_of: Option<i64>,
    pub at: NaiveDateTime,
}

/// Moves an issue from `from` to `to` and records it; `false` if the issue is no longer in
/// `from` (someone else changed it first). A duplicate hands its supports and followers to the
/// original. Call inside a transaction.
pub fn change_status(
    conn: &mut AnyConnection,
    u: &StatusUpdate<'_>,
) -> Result<bool, PersistenceError> {
    let resolved_at = (u.to == IssueStatus::Resolved).then_some(u.at);
    let reported: Option<NaiveDateTime> = issues::table
        .find(u.issue_id)
        .select(issues::created_at)
        .first(conn)
        .optional()?;
    let resolution_seconds = resolved_at
        .zip(reported)
        .map(|(r, c)| i32::try_from((r - c).num_seconds().max(0)).unwrap_or(i32::MAX));
    let n = diesel::update(
        issues::table
            .find(u.issue_id)
            .filter(issues::status.eq(u.from.as_str())),
    )
    .set((
        issues::status.eq(u.to.as_str()),
        issues::expected_on.eq(u.expected_on),
        issues::responsible_body.eq(u.responsible_body),
        issues::duplicate_of.eq(u.duplicate_of),
        issues::resolved_at.eq(resolved_at),
        issues::resolution_seconds.eq(resolution_seconds),
        issues::updated_at.eq(u.at),
    ))
    .execute(conn)?;
    if n == 0 {
        return Ok(false);
    }
    diesel::insert_into(issue_status_changes::table)
        .values((
            issue_status_changes::issue_id.eq(u.issue_id),
            issue_status_changes::actor_id.eq(u.actor_id),
            issue_status_changes::from_status.eq(u.from.as_str()),
            issue_status_changes::to_status.eq(u.to.as_str()),
            issue_status_changes::note.eq(u.note),
            issue_status_changes::expected_on.eq(u.expected_on),
            issue_status_changes::responsible_body.eq(u.responsible_body),
            issue_status_changes::duplicate_of.eq(u.duplicate_of),
            issue_status_changes::created_at.eq(u.at),
        ))
        .execute(conn)?;
    if let Some(original) = u.duplicate_of {
        let supporters: Vec<i64> = issue_supports::table
            .filter(issue_supports::issue_id.eq(u.issue_id))
            .select(issue_supports::user_id)
            .load(conn)?;
        for user in supporters {
            set_support(conn, original, user, true, u.at)?;
        }
        let followers: Vec<i64> = issue_follows::table
            .filter(issue_follows::issue_id.eq(u.issue_id))
            .select(issue_follows::user_id)
            .load(conn)?;
        for user in followers {
            set_follow(conn, original, user, true, u.at)?;
        }
    }
    Ok(true)
}

pub fn status_history(
    conn: &mut AnyConnection,
    issue_id: i64,
) -> Result<Vec<StatusChangeRow>, PersistenceError> {
    Ok(issue_status_changes::table
        .inner_join(users::table.on(users::id.eq(issue_status_changes::actor_id)))
        .filter(issue_status_changes::issue_id.eq(issue_id))
        .order((
            issue_status_changes::created_at.asc(),
            issue_status_changes::id.asc(),
        ))
        .select((
            users::display_name,
            issue_status_changes::from_status,
            issue_status_changes::to_status,
            issue_status_changes::note,
            issue_status_changes::expected_on,
            issue_status_changes::responsible_body,
            issue_status_changes::duplicate_of,
            issue_status_changes::created_at,
        ))
        .load(conn)?)
}

/// When the issue was last resolved, if it is.
pub fn resolved_at(
    conn: &mut AnyConnection,
    issue_id: i64,
) -> Result<Option<NaiveDateTime>, PersistenceError> {
    Ok(issues::table
        .find(issue_id)
        .select(issues::resolved_at)
        .first::<Option<NaiveDateTime>>(conn)
        .optional()?
        .flatten())
}
