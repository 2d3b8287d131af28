//! What Open311 shows of issues beyond their rows, and the public status changes of a window.

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::schema::{categories, communes, issue_replies, issue_status_changes, issues};
use crate::stored::Stored;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use tawasol_domain::issue::{IssueStatus, Visibility};

/// What Open311 shows of an issue beyond its row: the planned date, its category's names and
/// department in each language (ar, fr, zgh), and the latest public official answer.
#[derive(Debug, Clone, PartialEq)]
pub struct IssueExtra {
    pub issue_id: i64,
    pub expected_on: Option<NaiveDate>,
    pub category_names: [String; 3],
    pub department: [String; 3],
    pub latest_official_answer: Option<String>,
}

type ExtraRow = (
    i64,
    Option<NaiveDate>,
    String,
    String,
    String,
    String,
    String,
    String,
);

/// The extras of these issues, in the order of `ids` (unknown ids are left out). Two queries
/// whatever the number of issues.
pub fn extras(conn: &mut AnyConnection, ids: &[i64]) -> Result<Vec<IssueExtra>, PersistenceError> {
    let rows: Vec<ExtraRow> = issues::table
        .inner_join(categories::table.on(categories::id.eq(issues::category_id)))
        .filter(issues::id.eq_any(ids))
        .select((
            issues::id,
            issues::expected_on,
            categories::name_ar,
            categories::name_fr,
            categories::name_zgh,
            categories::department_ar,
            categories::department_fr,
            categories::department_zgh,
        ))
        .load(conn)?;
    let answers: Vec<(i64, String)> = issue_replies::table
        .filter(issue_replies::issue_id.eq_any(ids))
        .filter(issue_replies::is_official.eq(true))
        .filter(issue_replies::visibility.eq(Visibility::Public.as_str()))
        .order((
            issue_replies::issue_id.asc(),
            issue_replies::created_at.desc(),
            issue_replies::id.desc(),
        ))
        .select((issue_replies::issue_id, issue_replies::body))
        .load(conn)?;
    let mut by_id: std::collections::HashMap<i64, IssueExtra> = rows
        .into_iter()
        .map(|(id, expected_on, n_ar, n_fr, n_zgh, d_ar, d_fr, d_zgh)| {
            (
                id,
                IssueExtra {
                    issue_id: id,
                    expected_on,
                    category_names: [n_ar, n_fr, n_zgh],
                    department: [d_ar, d_fr, d_zgh],
                    latest_official_answer: None,
                },
            )
        })
        .collect();
    for (issue_id, body) in answers {
        if let Some(extra) = by_id.get_mut(&issue_id) {
            // Newest first: keep the first one seen.
            extra.latest_official_answer.get_or_insert(body);
        }
    }
    Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
}

/// A public status change, as Open311's `servicerequestupdates` lists them.
#[derive(Debug, Clone, PartialEq, Queryable)]
pub struct StatusEvent {
    pub id: i64,
    pub issue_id: i64,
    #[diesel(deserialize_as = Stored<IssueStatus>)]
    pub to_status: IssueStatus,
    pub note: String,
    pub created_at: NaiveDateTime,
}

/// Status changes of public issues made from `start` to `end` (both included), oldest first,
/// optionally in one commune, at most `limit`.
pub fn status_changes_between(
    conn: &mut AnyConnection,
    commune: Option<&str>,
    start: NaiveDateTime,
    end: NaiveDateTime,
    limit: i64,
) -> Result<Vec<StatusEvent>, PersistenceError> {
    let mut q = issue_status_changes::table
        .inner_join(issues::table.inner_join(communes::table))
        .filter(issues::visibility.eq(Visibility::Public.as_str()))
        .filter(issue_status_changes::created_at.ge(start))
        .filter(issue_status_changes::created_at.le(end))
        .order((
            issue_status_changes::created_at.asc(),
            issue_status_changes::id.asc(),
        ))
        .select((
            issue_status_changes::id,
            issue_status_changes::issue_id,
            issue_status_changes::to_status,
            issue_status_changes::note,
            issue_status_changes::created_at,
        ))
        .limit(limit)
        .into_boxed();
    if let Some(slug) = commune {
        q = q.filter(communes::slug.eq(slug.to_owned()));
    }
    Ok(q.load(conn)?)
}
