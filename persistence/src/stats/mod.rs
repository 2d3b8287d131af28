//! Accountability figures: sums read from roll-ups kept by triggers ([`rollup`]), the most
//! overdue issues from a partial index, and the few rows (categories, officials) they name.
//! Nothing here reads every issue of a commune.

pub mod rollup;

use crate::connection::{AnyConnection, on_backend};
use crate::error::PersistenceError;
use crate::schema::{categories, communes, official_categories, officials, users};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use tawasol_domain::issue::IssueStatus;

/// Which public issues the figures are about.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatsFilter {
    pub commune_id: Option<i64>,
    pub arrondissement_id: Option<i64>,
    /// Empty: every category.
    pub category_ids: Vec<i64>,
    /// Reported at or after.
    pub from: Option<NaiveDateTime>,
    /// Reported before.
    pub to: Option<NaiveDateTime>,
}

/// A category with its answer target, for the figures that depend on it.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct CategoryTarget {
    pub id: i64,
    pub code: String,
    pub commune: String,
    pub target_days: i32,
}

/// The categories the filter covers.
pub fn categories(
    conn: &mut AnyConnection,
    f: &StatsFilter,
) -> Result<Vec<CategoryTarget>, PersistenceError> {
    let mut q = categories::table
        .inner_join(communes::table)
        .select((
            categories::id,
            categories::code,
            communes::slug,
            categories::answer_target_days,
        ))
        .order(categories::id.asc())
        .into_boxed();
    if let Some(c) = f.commune_id {
        q = q.filter(categories::commune_id.eq(c));
    }
    if !f.category_ids.is_empty() {
        q = q.filter(categories::id.eq_any(f.category_ids.clone()));
    }
    Ok(q.load(conn)?)
}

/// The oldest open public issues of these categories (sharing one target) still unanswered
/// since before `cutoff`, with their category: a range of the partial index `issues_overdue`
/// (its condition is written out, with constants, so that both planners use it).
pub fn overdue_in(
    conn: &mut AnyConnection,
    f: &StatsFilter,
    category_ids: &[i64],
    cutoff: NaiveDateTime,
    limit: i64,
) -> Result<Vec<(i64, OverdueRow)>, PersistenceError> {
    if category_ids.is_empty() {
        return Ok(Vec::new());
    }
    let open: Vec<String> = crate::issue::open_statuses()
        .into_iter()
        .map(|s| format!("'{s}'"))
        .collect();
    let mut w = format!(
        "visibility = 'public' AND first_official_answer_at IS NULL AND status IN ({}) \
         AND category_id IN ({})",
        open.join(", "),
        category_ids
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    );
    if let Some(c) = f.commune_id {
        w.push_str(&format!(" AND commune_id = {c}"));
    }
    if let Some(a) = f.arrondissement_id {
        w.push_str(&format!(" AND arrondissement_id = {a}"));
    }
    let pg = matches!(conn, AnyConnection::Postgresql(_));
    let time = |t: NaiveDateTime| {
        let literal = format!("'{}'", t.format("%Y-%m-%d %H:%M:%S%.f"));
        if pg {
            format!("CAST({literal} AS TIMESTAMP)")
        } else {
            literal
        }
    };
    let until = f.to.map_or(cutoff, |to| to.min(cutoff));
    w.push_str(&format!(" AND created_at < {}", time(until)));
    if let Some(from) = f.from {
        w.push_str(&format!(" AND created_at >= {}", time(from)));
    }
    let sql = format!(
        "SELECT category_id, id, title, status, created_at FROM issues WHERE {w} \
         ORDER BY created_at, id LIMIT {limit}"
    );
    let rows: Vec<OverdueSqlRow> =
        on_backend!(conn, c => diesel::sql_query(&sql).load::<OverdueSqlRow>(c))?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let status = IssueStatus::parse(&r.status)?;
            Some((
                r.category_id,
                OverdueRow {
                    id: r.id,
                    title: r.title,
                    status,
                    created_at: r.created_at,
                },
            ))
        })
        .collect())
}

#[derive(QueryableByName)]
struct OverdueSqlRow {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    category_id: i64,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    id: i64,
    #[diesel(sql_type = diesel::sql_types::Text)]
    title: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    status: String,
    #[diesel(sql_type = diesel::sql_types::Timestamp)]
    created_at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct OverdueRow {
    pub id: i64,
    pub title: String,
    pub status: IssueStatus,
    pub created_at: NaiveDateTime,
}

/// An official as the figures name them.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct OfficialRow {
    pub user_id: i64,
    pub name: String,
    pub title: String,
    pub commune: String,
}

/// Officials of the commune (every commune without one), or only `user_id`.
pub fn officials(
    conn: &mut AnyConnection,
    commune_id: Option<i64>,
    user_id: Option<i64>,
) -> Result<Vec<OfficialRow>, PersistenceError> {
    let mut q = officials::table
        .inner_join(users::table.on(users::id.eq(officials::user_id)))
        .inner_join(communes::table.on(communes::id.eq(officials::commune_id)))
        .select((
            officials::user_id,
            users::display_name,
            officials::title,
            communes::slug,
        ))
        .order(officials::user_id.asc())
        .into_boxed();
    if let Some(c) = commune_id {
        q = q.filter(officials::commune_id.eq(c));
    }
    if let Some(u) = user_id {
        q = q.filter(officials::user_id.eq(u));
    }
    Ok(q.load(conn)?)
}

/// Where an official answers: commune, arrondissement and categories (empty: all).
pub type Scope = (i64, Option<i64>, Vec<i64>);

pub fn official_scope(
    conn: &mut AnyConnection,
    user_id: i64,
) -> Result<Option<Scope>, PersistenceError> {
    let Some((id, commune_id, arrondissement_id)) = officials::table
        .filter(officials::user_id.eq(user_id))
        .select((
            officials::id,
            officials::commune_id,
            officials::arrondissement_id,
        ))
        .first::<(i64, i64, Option<i64>)>(conn)
        .optional()?
    else {
        return Ok(None);
    };
    let categories = official_categories::table
        .filter(official_categories::official_id.eq(id))
        .select(official_categories::category_id)
        .load(conn)?;
    Ok(Some((commune_id, arrondissement_id, categories)))
}

/// The ids of the categories with this code (in one commune, or in every commune).
pub fn category_ids(
    conn: &mut AnyConnection,
    commune_id: Option<i64>,
    code: &str,
) -> Result<Vec<i64>, PersistenceError> {
    let mut q = categories::table
        .filter(categories::code.eq(code.to_owned()))
        .select(categories::id)
        .into_boxed();
    if let Some(c) = commune_id {
        q = q.filter(categories::commune_id.eq(c));
    }
    Ok(q.load(conn)?)
}
