//! What Open311 reads of issues (its `requests`, a batch at a time), and the public status
//! changes of a window.

use super::open_statuses;
use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::schema::{categories, communes, issue_status_changes, issues};
use crate::stored::Stored;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Nullable, Text, Timestamp};
use tawasol_domain::issue::{IssueStatus, Visibility};

/// A public issue as Open311's `requests` shows it: only the columns it needs, with its
/// category's names and department in each language (ar, fr, zgh), its commune's time zone and
/// its latest public official answer, all read by one statement.
#[derive(Debug, Clone, PartialEq, Queryable)]
pub struct RequestRow {
    pub id: i64,
    #[diesel(deserialize_as = Stored<IssueStatus>)]
    pub status: IssueStatus,
    pub category: String,
    pub category_names: (String, String, String),
    pub department: (String, String, String),
    pub description: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub expected_on: Option<NaiveDate>,
    pub address: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub time_zone: String,
    pub latest_official_answer: Option<String>,
}

/// Which public issues Open311's `requests` reads (every field narrows; `None` does not).
#[derive(Debug, Clone, Default)]
pub struct RequestFilter {
    /// The commune's slug.
    pub commune: Option<String>,
    pub ids: Option<Vec<i64>>,
    /// Category codes.
    pub categories: Option<Vec<String>>,
    /// `Some(true)`: only the statuses Open311 calls open; `Some(false)`: only the others.
    pub open: Option<bool>,
    /// Created at or after.
    pub created_after: Option<NaiveDateTime>,
    /// Created strictly before.
    pub created_before: Option<NaiveDateTime>,
}

/// The latest public official answer of the row's issue (the thread's index serves it).
const LATEST_OFFICIAL_ANSWER: &str = "(SELECT r.body FROM issue_replies r \
     WHERE r.issue_id = issues.id AND r.is_official AND r.visibility = 'public' \
     ORDER BY r.created_at DESC, r.id DESC LIMIT 1)";

/// Public issues matching `filter`, newest first (creation time, then id), after the key
/// `(created_at, id)` of the last one already read (keyset: the next batch of a long answer),
/// at most `limit`. One statement.
pub fn service_requests(
    conn: &mut AnyConnection,
    filter: &RequestFilter,
    after: Option<(NaiveDateTime, i64)>,
    limit: i64,
) -> Result<Vec<RequestRow>, PersistenceError> {
    let mut q = issues::table
        .inner_join(communes::table)
        .inner_join(categories::table.on(categories::id.eq(issues::category_id)))
        .filter(issues::visibility.eq(Visibility::Public.as_str()))
        .select((
            issues::id,
            issues::status,
            categories::code,
            (
                categories::name_ar,
                categories::name_fr,
                categories::name_zgh,
            ),
            (
                categories::department_ar,
                categories::department_fr,
                categories::department_zgh,
            ),
            issues::description,
            issues::created_at,
            issues::updated_at,
            issues::expected_on,
            issues::address,
            issues::lat,
            issues::lon,
            communes::time_zone,
            diesel::dsl::sql::<Nullable<Text>>(LATEST_OFFICIAL_ANSWER),
        ))
        .order((issues::created_at.desc(), issues::id.desc()))
        .limit(limit)
        .into_boxed();
    if let Some(slug) = &filter.commune {
        q = q.filter(communes::slug.eq(slug.clone()));
    }
    if let Some(ids) = &filter.ids {
        q = q.filter(issues::id.eq_any(ids.clone()));
    }
    if let Some(codes) = &filter.categories {
        q = q.filter(categories::code.eq_any(codes.clone()));
    }
    match filter.open {
        None => {}
        Some(true) => q = q.filter(issues::status.eq_any(open_statuses())),
        Some(false) => q = q.filter(issues::status.ne_all(open_statuses())),
    }
    if let Some(t) = filter.created_after {
        q = q.filter(issues::created_at.ge(t));
    }
    if let Some(t) = filter.created_before {
        q = q.filter(issues::created_at.lt(t));
    }
    if let Some((at, id)) = after {
        // A row comparison, so that the database seeks the date index to the key.
        q = q.filter(
            diesel::dsl::sql::<Bool>("(issues.created_at, issues.id) < (")
                .bind::<Timestamp, _>(at)
                .sql(", ")
                .bind::<BigInt, _>(id)
                .sql(")"),
        );
    }
    Ok(q.load(conn)?)
}

/// Whether a commune has this slug.
pub fn commune_exists(conn: &mut AnyConnection, slug: &str) -> Result<bool, PersistenceError> {
    Ok(diesel::select(diesel::dsl::exists(
        communes::table.filter(communes::slug.eq(slug)),
    ))
    .get_result(conn)?)
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
