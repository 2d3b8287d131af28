//! Accountability figures, computed by the database: counts by aggregate, percentiles as one
//! indexed `ORDER BY … LIMIT 1 OFFSET k` on the durations kept with each issue. Nothing here
//! loads the issues themselves.

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::schema::{
    categories, communes, issue_replies, issue_status_changes, issues, official_categories,
    officials, users,
};
use crate::stored::Stored;
use chrono::NaiveDateTime;
use diesel::dsl::count_star;
use diesel::prelude::*;
use tawasol_domain::issue::{IssueStatus, Visibility};

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

/// Narrows a boxed query that reads `issues` to the public issues the filter covers.
macro_rules! narrow {
    ($q:expr, $f:expr) => {{
        let f: &StatsFilter = $f;
        let mut q = $q.filter(issues::visibility.eq(Visibility::Public.as_str()));
        if let Some(c) = f.commune_id {
            q = q.filter(issues::commune_id.eq(c));
        }
        if let Some(a) = f.arrondissement_id {
            q = q.filter(issues::arrondissement_id.eq(a));
        }
        if !f.category_ids.is_empty() {
            q = q.filter(issues::category_id.eq_any(f.category_ids.clone()));
        }
        if let Some(from) = f.from {
            q = q.filter(issues::created_at.ge(from));
        }
        if let Some(to) = f.to {
            q = q.filter(issues::created_at.lt(to));
        }
        q
    }};
}

macro_rules! public_issues {
    ($f:expr) => {
        narrow!(issues::table.into_boxed(), $f)
    };
}

/// How many issues are in each of `statuses`.
pub fn counts_by_status(
    conn: &mut AnyConnection,
    f: &StatsFilter,
    statuses: &[IssueStatus],
) -> Result<Vec<(IssueStatus, i64)>, PersistenceError> {
    // One pass grouped by status, rather than a count per status.
    let found: Vec<(Stored<IssueStatus>, i64)> = narrow!(
        issues::table
            .group_by(issues::status)
            .select((issues::status, count_star()))
            .into_boxed(),
        f
    )
    .load(conn)?;
    Ok(statuses
        .iter()
        .map(|&s| {
            let n = found
                .iter()
                .find(|(Stored(k), _)| *k == s)
                .map_or(0, |(_, n)| *n);
            (s, n)
        })
        .collect())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Duration {
    /// From the report to the first official answer.
    FirstAnswer,
    /// From the report to its resolution (issues resolved now).
    Resolution,
}

/// How many issues have the duration, and its nearest-rank percentiles (in seconds) for each
/// of `ranks` (in (0, 1]): the smallest value with at least that share of values at or below it.
/// `answered_by` narrows to the issues whose first official answer this person gave.
pub fn percentiles(
    conn: &mut AnyConnection,
    f: &StatsFilter,
    duration: Duration,
    answered_by: Option<i64>,
    ranks: &[f64],
) -> Result<(i64, Vec<Option<i32>>), PersistenceError> {
    let base = || {
        let mut q = public_issues!(f);
        if let Some(by) = answered_by {
            q = q.filter(issues::first_answer_by.eq(by));
        }
        match duration {
            Duration::FirstAnswer => q.filter(issues::first_answer_seconds.is_not_null()),
            Duration::Resolution => q
                .filter(issues::resolution_seconds.is_not_null())
                .filter(issues::status.eq(IssueStatus::Resolved.as_str())),
        }
    };
    let n: i64 = base().select(count_star()).first(conn)?;
    let mut values = Vec::with_capacity(ranks.len());
    for p in ranks {
        if n == 0 {
            values.push(None);
            continue;
        }
        // Nearest rank: the ⌈p·n⌉-th smallest, 1-based.
        #[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
        let rank = ((p * n as f64).ceil() as i64).clamp(1, n);
        let q = base().offset(rank - 1).limit(1);
        let value: Option<i32> = match duration {
            Duration::FirstAnswer => q
                .order((issues::first_answer_seconds.asc(), issues::id.asc()))
                .select(issues::first_answer_seconds)
                .first::<Option<i32>>(conn)
                .optional()?
                .flatten(),
            Duration::Resolution => q
                .order((issues::resolution_seconds.asc(), issues::id.asc()))
                .select(issues::resolution_seconds)
                .first::<Option<i32>>(conn)
                .optional()?
                .flatten(),
        };
        values.push(value);
    }
    Ok((n, values))
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

/// An open issue past its category's target with no official answer.
/// For categories that share one answer target, each category's `(answered, answered within
/// `target_seconds`, unanswered since before `cutoff`)`, in three grouped passes instead of three
/// counts per category. Categories without issues are absent.
pub fn target_counts_by_category(
    conn: &mut AnyConnection,
    f: &StatsFilter,
    category_ids: &[i64],
    target_seconds: i32,
    cutoff: NaiveDateTime,
) -> Result<std::collections::HashMap<i64, (i64, i64, i64)>, PersistenceError> {
    // Issues per category among the filter's public ones that also meet `$condition`.
    macro_rules! per_category {
        ($condition:expr) => {
            narrow!(
                issues::table
                    .filter(issues::category_id.eq_any(category_ids.to_vec()))
                    .filter($condition)
                    .group_by(issues::category_id)
                    .select((issues::category_id, count_star()))
                    .into_boxed(),
                f
            )
            .load::<(i64, i64)>(conn)?
        };
    }
    let answered = per_category!(issues::first_answer_seconds.is_not_null());
    let within = per_category!(issues::first_answer_seconds.le(target_seconds));
    let late = per_category!(
        issues::first_official_answer_at
            .is_null()
            .and(issues::created_at.lt(cutoff))
    );
    let mut counts = std::collections::HashMap::new();
    for (id, n) in answered {
        counts.entry(id).or_insert((0, 0, 0)).0 = n;
    }
    for (id, n) in within {
        counts.entry(id).or_insert((0, 0, 0)).1 = n;
    }
    for (id, n) in late {
        counts.entry(id).or_insert((0, 0, 0)).2 = n;
    }
    Ok(counts)
}

/// The oldest open issues of these categories (sharing one target) still unanswered since
/// before `cutoff`, with their category.
pub fn overdue_in(
    conn: &mut AnyConnection,
    f: &StatsFilter,
    category_ids: &[i64],
    cutoff: NaiveDateTime,
    limit: i64,
) -> Result<Vec<(i64, OverdueRow)>, PersistenceError> {
    let rows: Vec<(i64, i64, String, Stored<IssueStatus>, NaiveDateTime)> = public_issues!(f)
        .filter(issues::category_id.eq_any(category_ids.to_vec()))
        .filter(issues::first_official_answer_at.is_null())
        .filter(issues::created_at.lt(cutoff))
        .filter(issues::status.eq_any(crate::issue::open_statuses()))
        .order((issues::created_at.asc(), issues::id.asc()))
        .limit(limit)
        .select((
            issues::category_id,
            issues::id,
            issues::title,
            issues::status,
            issues::created_at,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(category, id, title, Stored(status), created_at)| {
            (
                category,
                OverdueRow {
                    id,
                    title,
                    status,
                    created_at,
                },
            )
        })
        .collect())
}

/// Each official's public answers and status changes on the issues the filter covers, in two
/// grouped passes: `user id → (answers, status changes)`.
pub fn officials_activity(
    conn: &mut AnyConnection,
    f: &StatsFilter,
    user_ids: &[i64],
) -> Result<std::collections::HashMap<i64, (i64, i64)>, PersistenceError> {
    let answers: Vec<(i64, i64)> = narrow!(
        issue_replies::table
            .inner_join(issues::table)
            .filter(issue_replies::author_id.eq_any(user_ids.to_vec()))
            .filter(issue_replies::is_official.eq(true))
            .filter(issue_replies::visibility.eq(Visibility::Public.as_str()))
            .group_by(issue_replies::author_id)
            .select((issue_replies::author_id, count_star()))
            .into_boxed(),
        f
    )
    .load(conn)?;
    let changes: Vec<(i64, i64)> = narrow!(
        issue_status_changes::table
            .inner_join(issues::table)
            .filter(issue_status_changes::actor_id.eq_any(user_ids.to_vec()))
            .group_by(issue_status_changes::actor_id)
            .select((issue_status_changes::actor_id, count_star()))
            .into_boxed(),
        f
    )
    .load(conn)?;
    let mut activity = std::collections::HashMap::new();
    for (id, n) in answers {
        activity.entry(id).or_insert((0, 0)).0 = n;
    }
    for (id, n) in changes {
        activity.entry(id).or_insert((0, 0)).1 = n;
    }
    Ok(activity)
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
