//! Issues: creation and reading, with full-text search on each backend.

use crate::connection::{AnyConnection, on_backend};
use crate::error::PersistenceError;
use crate::schema::{arrondissements, categories, communes, issue_follows, issues};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{Bool, Text};

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = issues)]
pub struct IssueInsertForm<'a> {
    pub commune_id: i64,
    pub category_id: i64,
    pub arrondissement_id: Option<i64>,
    pub author_id: i64,
    pub title: &'a str,
    pub description: &'a str,
    pub language: &'a str,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub address: Option<&'a str>,
    /// `public`, or `pending` when held for a moderator (personal data).
    pub visibility: &'a str,
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
        .values((form, issues::follower_count.eq(1)))
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
    pub language: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub address: Option<String>,
    pub status: String,
    pub visibility: String,
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

/// Open or closed in Open311's sense, or one status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusFilter {
    Any,
    Open,
    Closed,
    Is(String),
}

const OPEN: [&str; 4] = ["submitted", "acknowledged", "in_progress", "planned"];

/// What a list asks for. Hidden items never appear; held (`pending`) ones only to their author.
#[derive(Debug, Clone, Default)]
pub struct IssueFilter {
    pub commune: Option<String>,
    pub category: Option<String>,
    pub status: Option<StatusFilter>,
    pub author_id: Option<i64>,
    /// Normalised query words (domain::search::query_terms); all must match, as prefixes.
    pub terms: Vec<String>,
    /// Who is looking (to include their own held issues).
    pub viewer_id: Option<i64>,
}

/// Newest first, a page at a time after `(created_at, id)` of the last item seen: a page never
/// repeats or skips an item when issues are added between pages.
pub fn list(
    conn: &mut AnyConnection,
    filter: &IssueFilter,
    after: Option<(NaiveDateTime, i64)>,
    limit: i64,
) -> Result<Vec<IssueRow>, PersistenceError> {
    let search = search_condition(conn, &filter.terms);
    let mut q = issues::table
        .inner_join(communes::table)
        .inner_join(categories::table.on(categories::id.eq(issues::category_id)))
        .left_join(
            arrondissements::table.on(arrondissements::id.nullable().eq(issues::arrondissement_id)),
        )
        .select(issue_columns!())
        .order((issues::created_at.desc(), issues::id.desc()))
        .limit(limit)
        .into_boxed();
    q = match filter.viewer_id {
        Some(viewer) => q.filter(
            issues::visibility.eq("public").or(issues::visibility
                .eq("pending")
                .and(issues::author_id.eq(viewer))),
        ),
        None => q.filter(issues::visibility.eq("public")),
    };
    if let Some(commune) = &filter.commune {
        q = q.filter(communes::slug.eq(commune.clone()));
    }
    if let Some(category) = &filter.category {
        q = q.filter(categories::code.eq(category.clone()));
    }
    match &filter.status {
        None | Some(StatusFilter::Any) => {}
        Some(StatusFilter::Open) => q = q.filter(issues::status.eq_any(OPEN)),
        Some(StatusFilter::Closed) => q = q.filter(issues::status.ne_all(OPEN)),
        Some(StatusFilter::Is(s)) => q = q.filter(issues::status.eq(s.clone())),
    }
    if let Some(author) = filter.author_id {
        q = q.filter(issues::author_id.eq(author));
    }
    if let Some((at, id)) = after {
        q = q.filter(
            issues::created_at
                .lt(at)
                .or(issues::created_at.eq(at).and(issues::id.lt(id))),
        );
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

/// The backend's own full-text condition over the normalised words: FTS5 on SQLite,
/// `to_tsvector('simple', …)` with its GIN index on PostgreSQL. Terms match as prefixes.
fn search_condition(conn: &AnyConnection, terms: &[String]) -> Option<(String, String)> {
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
        return None;
    }
    Some(match conn {
        AnyConnection::Sqlite(_) => (
            "(issues.id IN (SELECT rowid FROM issues_fts WHERE issues_fts MATCH ".to_owned(),
            clean
                .iter()
                .map(|t| format!("\"{t}\"*"))
                .collect::<Vec<_>>()
                .join(" AND "),
        ),
        AnyConnection::Postgresql(_) => (
            "(to_tsvector('simple', issues.search_text) @@ to_tsquery('simple', ".to_owned(),
            clean
                .iter()
                .map(|t| format!("{t}:*"))
                .collect::<Vec<_>>()
                .join(" & "),
        ),
    })
}
