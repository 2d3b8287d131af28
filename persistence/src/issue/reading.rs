//! Reading issues: one by id, and lists in three orders with their filters, keyset pages and
//! each backend's full-text search.

use super::open_statuses;
use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::schema::{arrondissements, categories, communes, issue_follows, issues};
use crate::stored::Stored;
use chrono::NaiveDateTime;
use diesel::backend::Backend;
use diesel::dsl::AsExprOf;
use diesel::expression::{
    AppearsOnTable, Expression, SelectableExpression, ValidGrouping, is_aggregate,
};
use diesel::prelude::*;
use diesel::query_builder::{AstPass, QueryFragment, QueryId};
use diesel::serialize::ToSql;
use diesel::sql_types::{BigInt, Bool, HasSqlType, Integer, Text, Timestamp};
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
        .into_boxed();
    q = match filter.sort {
        IssueSort::Newest => q.order((issues::created_at.desc(), issues::id.desc())),
        IssueSort::MostSupported => q.order((issues::support_count.desc(), issues::id.desc())),
        IssueSort::RecentlyUpdated => q.order((issues::updated_at.desc(), issues::id.desc())),
    };
    // Constants are written as constants, not bound: PostgreSQL then estimates a prepared
    // statement's generic plan as well as a custom one, and keeps it instead of planning anew.
    let public = issues::visibility.eq(Constant(Visibility::Public.as_str()));
    q = match filter.viewer_id {
        Some(viewer) => q.filter(
            public.or(issues::visibility
                .eq(Constant(Visibility::Pending.as_str()))
                .and(issues::author_id.eq(viewer))),
        ),
        None => q.filter(public),
    };
    if let Some(commune) = &filter.commune {
        // The commune's id first (one row by its unique slug), so that the issues are sought
        // by `commune_id` in its index, whatever plan the statement keeps.
        q = q.filter(InCommune(commune.clone()));
    }
    if let Some(category) = &filter.category {
        q = q.filter(categories::code.eq(category.clone()));
    }
    match &filter.status {
        None | Some(StatusFilter::Any) => {}
        Some(StatusFilter::Open) => q = q.filter(OpenStatus { open: true }),
        Some(StatusFilter::Closed) => q = q.filter(OpenStatus { open: false }),
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
    match (filter.sort, after) {
        (_, None) => {}
        (IssueSort::Newest, Some((SortKey::Time(at), id))) => {
            q = q.filter(RowBefore::new(
                issues::created_at,
                at.into_sql::<Timestamp>(),
                id,
            ));
        }
        (IssueSort::RecentlyUpdated, Some((SortKey::Time(at), id))) => {
            q = q.filter(RowBefore::new(
                issues::updated_at,
                at.into_sql::<Timestamp>(),
                id,
            ));
        }
        (IssueSort::MostSupported, Some((SortKey::Count(n), id))) => {
            q = q.filter(RowBefore::new(
                issues::support_count,
                n.into_sql::<Integer>(),
                id,
            ));
        }
        // A key of the wrong kind for this order: start from the top rather than guess.
        _ => {}
    }
    if let Some(search) = search {
        q = q.filter(search);
    }
    Ok(Limited { query: q, limit }.load(conn)?)
}

/// A query with its `LIMIT` written as a number rather than bound: PostgreSQL plans a bound
/// limit as a tenth of the rows, so a prepared statement's generic plan would look costlier than
/// a custom one and the statement would be planned again at every execution. A page size is one
/// of a hundred values, so this makes at most that many statements of each shape.
struct Limited<Q> {
    query: Q,
    limit: i64,
}

impl<Q: diesel::query_builder::Query> diesel::query_builder::Query for Limited<Q> {
    type SqlType = Q::SqlType;
}

impl<Q> QueryId for Limited<Q> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<Q: QueryFragment<DB>, DB: Backend> QueryFragment<DB> for Limited<Q> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, DB>) -> QueryResult<()> {
        self.query.walk_ast(out.reborrow())?;
        out.push_sql(" LIMIT ");
        out.push_sql(&self.limit.max(0).to_string());
        Ok(())
    }
}

impl<Q, C> RunQueryDsl<C> for Limited<Q> {}

/// The expression traits of a condition or constant this file writes itself: the SQL type, the
/// tables it may appear on (those of `$column`, when it reads one), never an aggregate, and no
/// static query id, so that Diesel caches the statement by its text (which differs with the
/// fragment's shape) instead of by a type.
macro_rules! cacheable_expression {
    ($name:ident, $sql_type:ty) => {
        impl<QS> AppearsOnTable<QS> for $name {}
        impl<QS> SelectableExpression<QS> for $name {}
        cacheable_expression!(@common $name, $sql_type);
    };
    ($name:ident, $sql_type:ty, $column:path) => {
        impl<QS> AppearsOnTable<QS> for $name where $column: AppearsOnTable<QS> {}
        impl<QS> SelectableExpression<QS> for $name where $column: SelectableExpression<QS> {}
        cacheable_expression!(@common $name, $sql_type);
    };
    (@common $name:ident, $sql_type:ty) => {
        impl Expression for $name {
            type SqlType = $sql_type;
        }
        impl<GB> ValidGrouping<GB> for $name {
            type IsAggregate = is_aggregate::Never;
        }
        impl QueryId for $name {
            type QueryId = ();
            const HAS_STATIC_QUERY_ID: bool = false;
        }
    };
}

/// `issues.commune_id = (SELECT id FROM communes WHERE slug = ?)`: the commune's id first (one
/// row by its unique slug), so that its issues are sought by `commune_id` in their index,
/// whatever plan the prepared statement keeps.
#[derive(Debug, Clone)]
struct InCommune(String);

cacheable_expression!(InCommune, Bool, issues::commune_id);

impl<DB> QueryFragment<DB> for InCommune
where
    DB: Backend + HasSqlType<Text>,
    String: ToSql<Text, DB>,
{
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, DB>) -> QueryResult<()> {
        out.push_sql(
            "(issues.commune_id = (SELECT communes.id FROM communes WHERE communes.slug = ",
        );
        out.push_bind_param::<Text, String>(&self.0)?;
        out.push_sql("))");
        Ok(())
    }
}

/// A text constant of the domain's (a status, a visibility), written into the statement.
#[derive(Debug, Clone, Copy)]
struct Constant(&'static str);

cacheable_expression!(Constant, Text);

impl<DB: Backend> QueryFragment<DB> for Constant {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, DB>) -> QueryResult<()> {
        // Only the domain's own words (lower-case letters and underscores) are ever written.
        if !self.0.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
            return Err(diesel::result::Error::QueryBuilderError(
                format!("not a constant of the domain: {:?}", self.0).into(),
            ));
        }
        out.push_sql("'");
        out.push_sql(self.0);
        out.push_sql("'");
        Ok(())
    }
}

/// Matches from which SQLite walks the issues in the list's order and checks each one's words,
/// rather than fetching every match and sorting them.
const SQLITE_DENSE_MATCHES: i64 = 1_000;

/// The longest prefix FTS5 keeps an index for (`prefix='2 3 4'`, migration
/// `2026-12-02-000201_search_prefixes`).
const SQLITE_PREFIX_INDEX: usize = 4;

/// The backend's own full-text condition over the normalised words: FTS5 on SQLite,
/// a stored `to_tsvector('simple', …)` with its GIN index on PostgreSQL. Every word matches as a
/// prefix of a word of the issue.
///
/// PostgreSQL's planner weighs each word against the column's statistics and takes the GIN
/// index for a rare word, the list's order for a common one.
///
/// SQLite's planner cannot tell a rare word from a common one, and any plan through FTS5 reads
/// every match: for a word in 30,000 of a million issues, 750 ms to sort them, or to gather them
/// for an `IN`. So the matches are first counted, up to [`SQLITE_DENSE_MATCHES`], a count that
/// FTS5 streams from its index and stops early (for a word longer than its prefix indexes, the
/// count is of the whole word: a word still being typed counts as rare). A common word is
/// then checked issue by issue while walking the list's own order, on the stored words
/// (`' ' || search_text LIKE '% word%'`, the same prefix match), stopping at the page's end; a
/// rare one keeps the FTS5 lookup of its few matches (a walk would read the whole index).
fn search_condition(
    conn: &mut AnyConnection,
    terms: &[String],
) -> Result<Option<Search>, PersistenceError> {
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
    let fts = |whole_words: bool| {
        clean
            .iter()
            .map(|t| {
                if whole_words && t.chars().count() > SQLITE_PREFIX_INDEX {
                    format!("\"{t}\"")
                } else {
                    format!("\"{t}\"*")
                }
            })
            .collect::<Vec<_>>()
            .join(" AND ")
    };
    Ok(Some(match conn {
        AnyConnection::Sqlite(c) => {
            let dense =
                CountMatches { query: fts(true) }.get_result::<i64>(c)? >= SQLITE_DENSE_MATCHES;
            if dense {
                Search::SqliteWalk(clean.iter().map(|t| format!("% {t}%")).collect())
            } else {
                Search::SqliteLookup(fts(false))
            }
        }
        AnyConnection::Postgresql(_) => Search::Pg(
            clean
                .iter()
                .map(|t| format!("{t}:*"))
                .collect::<Vec<_>>()
                .join(" & "),
        ),
    }))
}

/// `SELECT COUNT(*)` of the FTS5 matches, up to [`SQLITE_DENSE_MATCHES`]: a statement of fixed
/// text with the query bound, so SQLite prepares it once per connection.
#[derive(Debug, Clone)]
struct CountMatches {
    query: String,
}

impl QueryId for CountMatches {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl diesel::query_builder::Query for CountMatches {
    type SqlType = BigInt;
}

impl QueryFragment<diesel::sqlite::Sqlite> for CountMatches {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, diesel::sqlite::Sqlite>) -> QueryResult<()> {
        out.push_sql("SELECT COUNT(*) FROM (SELECT 1 FROM issues_fts WHERE issues_fts MATCH ");
        out.push_bind_param::<Text, String>(&self.query)?;
        out.push_sql(" LIMIT ");
        out.push_sql(&SQLITE_DENSE_MATCHES.to_string());
        out.push_sql(")");
        Ok(())
    }
}

impl RunQueryDsl<SqliteConnection> for CountMatches {}

/// `(column, issues.id) < (value, id)`: the keyset row comparison, with the values bound. Unlike
/// a `dsl::sql` literal it leaves the statement cacheable: a page deep in the list is the same
/// prepared statement as the next one, only with other values.
#[derive(Debug, Clone, Copy)]
struct RowBefore<C, V> {
    column: C,
    value: V,
    id: AsExprOf<i64, BigInt>,
}

impl<C, V> RowBefore<C, V> {
    fn new(column: C, value: V, id: i64) -> Self {
        RowBefore {
            column,
            value,
            id: id.into_sql::<BigInt>(),
        }
    }
}

impl<C, V> Expression for RowBefore<C, V> {
    type SqlType = Bool;
}

impl<C, V, QS> AppearsOnTable<QS> for RowBefore<C, V>
where
    C: AppearsOnTable<QS>,
    V: AppearsOnTable<QS>,
    issues::id: AppearsOnTable<QS>,
{
}

impl<C, V, QS> SelectableExpression<QS> for RowBefore<C, V>
where
    C: SelectableExpression<QS>,
    V: SelectableExpression<QS>,
    issues::id: SelectableExpression<QS>,
{
}

impl<C, V, GB> ValidGrouping<GB> for RowBefore<C, V> {
    type IsAggregate = is_aggregate::Never;
}

impl<C, V> QueryId for RowBefore<C, V> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<C, V, DB> QueryFragment<DB> for RowBefore<C, V>
where
    DB: Backend,
    C: QueryFragment<DB>,
    V: QueryFragment<DB>,
    issues::id: QueryFragment<DB>,
    AsExprOf<i64, BigInt>: QueryFragment<DB>,
{
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, DB>) -> QueryResult<()> {
        out.push_sql("((");
        self.column.walk_ast(out.reborrow())?;
        out.push_sql(", ");
        issues::id.walk_ast(out.reborrow())?;
        out.push_sql(") < (");
        self.value.walk_ast(out.reborrow())?;
        out.push_sql(", ");
        self.id.walk_ast(out.reborrow())?;
        out.push_sql("))");
        Ok(())
    }
}

/// `issues.status IN (…)` over the open statuses (or `NOT IN`, for closed ones), written out as
/// constants: a fixed text on both backends (Diesel's `eq_any` writes SQLite's `IN (?, ?, …)` as
/// a statement it never caches), and the planner sees the values.
#[derive(Debug, Clone, Copy)]
struct OpenStatus {
    open: bool,
}

cacheable_expression!(OpenStatus, Bool, issues::status);

impl<DB: Backend> QueryFragment<DB> for OpenStatus
where
    issues::status: QueryFragment<DB>,
{
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, DB>) -> QueryResult<()> {
        out.push_sql("(");
        issues::status.walk_ast(out.reborrow())?;
        out.push_sql(if self.open { " IN (" } else { " NOT IN (" });
        // The statuses are the domain's own constants (lower-case words), never user input.
        for (i, status) in open_statuses().into_iter().enumerate() {
            if i > 0 {
                out.push_sql(", ");
            }
            out.push_sql("'");
            out.push_sql(status);
            out.push_sql("'");
        }
        out.push_sql("))");
        Ok(())
    }
}

/// The full-text condition over the normalised words, its values bound: a fixed text for each
/// path (and number of words), so the statement stays cacheable.
#[derive(Debug, Clone)]
enum Search {
    /// PostgreSQL: the stored tsvector (migration 12) against the prefix query, GIN-indexed.
    Pg(String),
    /// SQLite: the FTS5 matches, looked up by id.
    SqliteLookup(String),
    /// SQLite: each issue's stored words, while walking the list's order (`% word%` patterns).
    SqliteWalk(Vec<String>),
}

cacheable_expression!(Search, Bool, issues::id);

impl<DB> QueryFragment<DB> for Search
where
    DB: Backend + HasSqlType<Text>,
    String: ToSql<Text, DB>,
{
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, DB>) -> QueryResult<()> {
        match self {
            Search::Pg(query) => {
                out.push_sql("(issues.search_fts @@ to_tsquery('simple', ");
                out.push_bind_param::<Text, String>(query)?;
                out.push_sql("))");
            }
            Search::SqliteLookup(query) => {
                out.push_sql("(issues.id IN (SELECT rowid FROM issues_fts WHERE issues_fts MATCH ");
                out.push_bind_param::<Text, String>(query)?;
                out.push_sql("))");
            }
            Search::SqliteWalk(patterns) => {
                out.push_sql("(");
                for (i, pattern) in patterns.iter().enumerate() {
                    if i > 0 {
                        out.push_sql(" AND ");
                    }
                    out.push_sql("(' ' || issues.search_text) LIKE ");
                    out.push_bind_param::<Text, String>(pattern)?;
                }
                out.push_sql(")");
            }
        }
        Ok(())
    }
}
