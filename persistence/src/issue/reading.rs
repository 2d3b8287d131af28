//! Reading issues: one by id, and lists in three orders with their filters, keyset pages and
//! each backend's full-text search.

use super::open_statuses;
use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::schema::{arrondissements, categories, communes, issue_follows, issues};
use crate::stored::Stored;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Integer, Text, Timestamp};
use tawasol_domain::Locale;
use tawasol_domain::issue::{IssueStatus, Visibility};

/// An issue as lists show it, with the slugs and codes of its place and category.
#[derive(Debug, Clone, PartialEq, Queryable)]
pub struct IssueRow {
    pub id: i64,
    pub commune: String,
    pub category: String,
    pub arrondissement: Option<String>,
    pub author_id: i64,
    pub title: String,
    pub description: String,
    #[diesel(deserialize_as = Stored<Locale>)]
    pub language: Locale,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub address: Option<String>,
    #[diesel(deserialize_as = Stored<IssueStatus>)]
    pub status: IssueStatus,
    #[diesel(deserialize_as = Stored<Visibility>)]
    pub visibility: Visibility,
    pub support_count: i32,
    pub reply_count: i32,
    pub follower_count: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

macro_rules! issue_columns {
    () => {
        (
            issues::id,
            communes::slug,
            categories::code,
            arrondissements::slug.nullable(),
            issues::author_id,
            issues::title,
            issues::description,
            issues::language,
            issues::lat,
            issues::lon,
            issues::address,
            issues::status,
            issues::visibility,
            issues::support_count,
            issues::reply_count,
            issues::follower_count,
            issues::created_at,
            issues::updated_at,
        )
    };
}

pub fn find(conn: &mut AnyConnection, id: i64) -> Result<Option<IssueRow>, PersistenceError> {
    Ok(issues::table
        .inner_join(communes::table)
        .inner_join(categories::table.on(categories::id.eq(issues::category_id)))
        .left_join(
            arrondissements::table.on(arrondissements::id.nullable().eq(issues::arrondissement_id)),
        )
        .filter(issues::id.eq(id))
        .select(issue_columns!())
        .first(conn)
        .optional()?)
}

/// Every issue `author` reported, whatever its visibility, oldest first (their own data).
pub fn by_author(conn: &mut AnyConnection, author: i64) -> Result<Vec<IssueRow>, PersistenceError> {
    Ok(issues::table
        .inner_join(communes::table)
        .inner_join(categories::table.on(categories::id.eq(issues::category_id)))
        .left_join(
            arrondissements::table.on(arrondissements::id.nullable().eq(issues::arrondissement_id)),
        )
        .filter(issues::author_id.eq(author))
        .order(issues::id.asc())
        .select(issue_columns!())
        .load(conn)?)
}

/// Open or closed in Open311's sense, or one status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusFilter {
    Any,
    Open,
    Closed,
    Is(IssueStatus),
}

/// The orders a list can come in; each breaks ties by id, newest first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum IssueSort {
    #[default]
    Newest,
    MostSupported,
    RecentlyUpdated,
}

/// Where a page starts: the sort key and id of the last item of the previous page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Time(NaiveDateTime),
    Count(i32),
}

impl IssueRow {
    /// This row's key under `sort`, for the next page's cursor.
    pub fn key(&self, sort: IssueSort) -> (SortKey, i64) {
        let k = match sort {
            IssueSort::Newest => SortKey::Time(self.created_at),
            IssueSort::MostSupported => SortKey::Count(self.support_count),
            IssueSort::RecentlyUpdated => SortKey::Time(self.updated_at),
        };
        (k, self.id)
    }
}

/// What a list asks for. Hidden items never appear; held (`pending`) ones only to their author.
#[derive(Debug, Clone, Default)]
pub struct IssueFilter {
    pub sort: IssueSort,
    pub commune: Option<String>,
    pub category: Option<String>,
    pub status: Option<StatusFilter>,
    pub author_id: Option<i64>,
    pub arrondissement: Option<String>,
    /// Only issues this user follows.
    pub followed_by: Option<i64>,
    pub created_after: Option<NaiveDateTime>,
    pub created_before: Option<NaiveDateTime>,
    /// South, west, north, east.
    pub bbox: Option<(f64, f64, f64, f64)>,
    /// Normalised query words (domain::search::query_terms); all must match, as prefixes.
    pub terms: Vec<String>,
    /// Who is looking (to include their own held issues).
    pub viewer_id: Option<i64>,
    /// Only these issues (Open311's `service_request_id` list).
    pub ids: Option<Vec<i64>>,
    /// Only these categories (Open311's `service_code` list); `category` narrows further.
    pub categories: Option<Vec<String>>,
}

/// A page of issues in the filter's order, after the key of the last item seen (keyset
/// pagination: a page never repeats or skips an item when issues are added between pages).
pub fn list(
    conn: &mut AnyConnection,
    filter: &IssueFilter,
    after: Option<(SortKey, i64)>,
    limit: i64,
) -> Result<Vec<IssueRow>, PersistenceError> {
    let search = search_condition(conn, &filter.terms)?;
    let mut q = issues::table
        .inner_join(communes::table)
        .inner_join(categories::table.on(categories::id.eq(issues::category_id)))
        .left_join(
            arrondissements::table.on(arrondissements::id.nullable().eq(issues::arrondissement_id)),
        )
        .select(issue_columns!())
        .limit(limit)
        .into_boxed();
    q = match filter.sort {
        IssueSort::Newest => q.order((issues::created_at.desc(), issues::id.desc())),
        IssueSort::MostSupported => q.order((issues::support_count.desc(), issues::id.desc())),
        IssueSort::RecentlyUpdated => q.order((issues::updated_at.desc(), issues::id.desc())),
    };
    q = match filter.viewer_id {
        Some(viewer) => q.filter(
            issues::visibility
                .eq(Visibility::Public.as_str())
                .or(issues::visibility
                    .eq(Visibility::Pending.as_str())
                    .and(issues::author_id.eq(viewer))),
        ),
        None => q.filter(issues::visibility.eq(Visibility::Public.as_str())),
    };
    if let Some(commune) = &filter.commune {
        q = q.filter(communes::slug.eq(commune.clone()));
    }
    if let Some(category) = &filter.category {
        q = q.filter(categories::code.eq(category.clone()));
    }
    match &filter.status {
        None | Some(StatusFilter::Any) => {}
        Some(StatusFilter::Open) => q = q.filter(issues::status.eq_any(open_statuses())),
        Some(StatusFilter::Closed) => q = q.filter(issues::status.ne_all(open_statuses())),
        Some(StatusFilter::Is(s)) => q = q.filter(issues::status.eq(s.as_str())),
    }
    if let Some(author) = filter.author_id {
        q = q.filter(issues::author_id.eq(author));
    }
    if let Some(ids) = &filter.ids {
        q = q.filter(issues::id.eq_any(ids.clone()));
    }
    if let Some(codes) = &filter.categories {
        q = q.filter(categories::code.eq_any(codes.clone()));
    }
    if let Some(a) = &filter.arrondissement {
        q = q.filter(arrondissements::slug.nullable().eq(a.clone()));
    }
    if let Some(user) = filter.followed_by {
        q = q.filter(
            issues::id.eq_any(
                issue_follows::table
                    .filter(issue_follows::user_id.eq(user))
                    .select(issue_follows::issue_id),
            ),
        );
    }
    if let Some(t) = filter.created_after {
        q = q.filter(issues::created_at.ge(t));
    }
    if let Some(t) = filter.created_before {
        q = q.filter(issues::created_at.lt(t));
    }
    if let Some((south, west, north, east)) = filter.bbox {
        q = q.filter(
            issues::lat
                .ge(south)
                .and(issues::lat.le(north))
                .and(issues::lon.ge(west))
                .and(issues::lon.le(east)),
        );
    }
    // The page starts after the previous page's last key, written as a row comparison so that
    // the database seeks the sort index to it: the equivalent `a < x OR (a = x AND id < y)` made
    // PostgreSQL walk the index from the top (1.7 s for a page deep in a million issues).
    let key = |column: &str| format!("(issues.{column}, issues.id) < (");
    match (filter.sort, after) {
        (_, None) => {}
        (IssueSort::Newest | IssueSort::RecentlyUpdated, Some((SortKey::Time(at), id))) => {
            let column = if filter.sort == IssueSort::Newest {
                "created_at"
            } else {
                "updated_at"
            };
            q = q.filter(
                diesel::dsl::sql::<Bool>(&key(column))
                    .bind::<Timestamp, _>(at)
                    .sql(", ")
                    .bind::<BigInt, _>(id)
                    .sql(")"),
            );
        }
        (IssueSort::MostSupported, Some((SortKey::Count(n), id))) => {
            q = q.filter(
                diesel::dsl::sql::<Bool>(&key("support_count"))
                    .bind::<Integer, _>(n)
                    .sql(", ")
                    .bind::<BigInt, _>(id)
                    .sql(")"),
            );
        }
        // A key of the wrong kind for this order: start from the top rather than guess.
        _ => {}
    }
    if let Some((sql, query)) = search {
        q = q.filter(
            diesel::dsl::sql::<Bool>(&sql)
                .bind::<Text, _>(query)
                .sql("))"),
        );
    }
    Ok(q.load(conn)?)
}

/// Matches from which SQLite walks the issues in the list's order and checks each against the
/// matches, rather than fetching every match and sorting them.
const SQLITE_DENSE_MATCHES: i64 = 1_000;

/// The backend's own full-text condition over the normalised words: FTS5 on SQLite,
/// a stored `to_tsvector('simple', …)` with its GIN index on PostgreSQL. Terms match as prefixes.
///
/// SQLite's planner cannot tell a rare word from a common one: it fetches every issue that
/// matches and sorts them, which for a word in 30,000 of a million issues took 750 ms. So the
/// matches are first counted, up to [`SQLITE_DENSE_MATCHES`]: when there are that many, the
/// condition is written `+issues.id IN (…)`, which keeps the planner off the id lookup, and it
/// walks the date index instead, stopping at the page's end (20 ms); a rare word keeps the
/// lookup (a full walk would read the whole index for nothing).
fn search_condition(
    conn: &mut AnyConnection,
    terms: &[String],
) -> Result<Option<(String, String)>, PersistenceError> {
    let clean: Vec<String> = terms
        .iter()
        .map(|t| {
            t.chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
        })
        .filter(|t| !t.is_empty())
        .collect();
    if clean.is_empty() {
        return Ok(None);
    }
    Ok(Some(match conn {
        AnyConnection::Sqlite(c) => {
            let query = clean
                .iter()
                .map(|t| format!("\"{t}\"*"))
                .collect::<Vec<_>>()
                .join(" AND ");
            #[derive(QueryableByName)]
            struct Matches {
                #[diesel(sql_type = BigInt)]
                n: i64,
            }
            let dense = diesel::sql_query(format!(
                "SELECT COUNT(*) AS n FROM (SELECT 1 FROM issues_fts WHERE issues_fts MATCH ? \
                 LIMIT {SQLITE_DENSE_MATCHES})"
            ))
            .bind::<Text, _>(&query)
            .get_result::<Matches>(c)?
            .n >= SQLITE_DENSE_MATCHES;
            let column = if dense { "+issues.id" } else { "issues.id" };
            (
                format!("({column} IN (SELECT rowid FROM issues_fts WHERE issues_fts MATCH "),
                query,
            )
        }
        AnyConnection::Postgresql(_) => (
            // The stored tsvector (migration 12), with its GIN index.
            "(issues.search_fts @@ to_tsquery('simple', ".to_owned(),
            clean
                .iter()
                .map(|t| format!("{t}:*"))
                .collect::<Vec<_>>()
                .join(" & "),
        ),
    }))
}
