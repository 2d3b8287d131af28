//! The official's desk, a working inbox: the open issues of their scope in groups (new, overdue,
//! waiting for them, planned, all) with how many each holds, narrowed to a category and an
//! arrondissement of the scope, in four orders, a bounded page at a time (keyset paging).

use super::{Caller, UseCaseError, with_conn};
use crate::context::AppState;
use chrono::{NaiveDate, NaiveDateTime};
use tawasol_domain::{Actor, Denied};
use tawasol_persistence::desk::{self, DeskFilter, DeskScope};
pub use tawasol_persistence::desk::{DeskCounts, DeskGroup, DeskSort};

/// Issues on one page of the desk.
pub const DESK_PAGE: i64 = 25;

/// What the official asks the desk for. Unknown codes narrow nothing; a cursor that does not
/// read starts from the top.
#[derive(Debug, Clone, Default)]
pub struct DeskQuery {
    pub group: DeskGroup,
    pub sort: DeskSort,
    /// A category's code, within the scope.
    pub category: Option<String>,
    /// An arrondissement's slug, within the scope.
    pub arrondissement: Option<String>,
    /// The cursor of the previous page's "next".
    pub after: Option<String>,
}

/// An issue of the desk, with what the official needs to pick it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeskEntry {
    pub id: i64,
    pub title: String,
    /// The category's code.
    pub category: String,
    /// The arrondissement's slug.
    pub arrondissement: Option<String>,
    pub status: String,
    pub support_count: i32,
    /// Whole days since it was reported, as Morocco counts days (0: today).
    pub age_days: i64,
    /// Not answered yet: days until the category's answer target (negative: that many late).
    pub answer_due_in_days: Option<i64>,
    /// Planned: the day it is expected.
    pub planned_for: Option<NaiveDate>,
}

/// A page of the desk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Desk {
    /// The official's commune (slug).
    pub commune: String,
    pub counts: DeskCounts,
    pub items: Vec<DeskEntry>,
    /// The next page's cursor, if there is one.
    pub next: Option<String>,
    /// The categories (codes) and arrondissements (slugs) the desk can be narrowed to.
    pub categories: Vec<String>,
    pub arrondissements: Vec<String>,
    /// The narrowing that applied (unknown codes dropped).
    pub category: Option<String>,
    pub arrondissement: Option<String>,
}

fn cursor(key: (i64, i64)) -> String {
    format!("{}.{}", key.0, key.1)
}

fn parse_cursor(s: &str) -> Option<(i64, i64)> {
    let (k, id) = s.split_once('.')?;
    Some((k.parse().ok()?, id.parse().ok()?))
}

/// Morocco's day of a stored (UTC) time.
fn local_day(t: NaiveDateTime) -> NaiveDate {
    t.and_utc()
        .with_timezone(&crate::i18n::LOCAL_TIME_ZONE)
        .date_naive()
}

/// The caller's desk, for officials only.
pub async fn desk(state: &AppState, caller: &Caller, q: DeskQuery) -> Result<Desk, UseCaseError> {
    let Actor::User(user) = &caller.actor else {
        return Err(UseCaseError::Denied(Denied::NotAuthenticated));
    };
    let Some(scope) = &user.official else {
        return Err(UseCaseError::Denied(Denied::NotPermitted));
    };
    let (user_id, commune) = (user.id, scope.commune.as_str().to_owned());
    let now = state.clock.now();
    with_conn(&state.db, move |c| {
        let (commune_id, arrondissement_id, category_ids) =
            tawasol_persistence::stats::official_scope(c, user_id)?
                .ok_or(UseCaseError::Denied(Denied::NotPermitted))?;
        let scope = DeskScope {
            user_id,
            commune_id,
            arrondissement_id,
            category_ids,
        };
        let (categories, arrondissements) = desk::options(c, &scope)?;
        let category = q
            .category
            .as_deref()
            .and_then(|code| categories.iter().find(|(_, k)| k == code));
        let arrondissement = q
            .arrondissement
            .as_deref()
            .and_then(|slug| arrondissements.iter().find(|(_, a)| a == slug));
        let filter = DeskFilter {
            group: q.group,
            sort: q.sort,
            category_id: category.map(|(id, _)| *id),
            arrondissement_id: arrondissement.map(|(id, _)| *id),
            now,
        };
        let counts = desk::counts(c, &scope, &filter)?;
        let after = q.after.as_deref().and_then(parse_cursor);
        let mut rows = desk::page(c, &scope, &filter, after, DESK_PAGE + 1)?;
        let next = (rows.len() as i64 > DESK_PAGE).then(|| {
            rows.truncate(DESK_PAGE as usize);
            rows.last().map(|r| cursor(r.key(q.sort)))
        });
        let today = local_day(now);
        let items = rows
            .into_iter()
            .map(|r| {
                let due = chrono::DateTime::from_timestamp(r.due_s, 0)
                    .map(|d| d.naive_utc())
                    .unwrap_or(now);
                // A planned issue is due on its expected day (the state machine requires one).
                let planned = r.status == "planned";
                DeskEntry {
                    id: r.id,
                    title: r.title,
                    category: r.category,
                    arrondissement: r.arrondissement,
                    support_count: r.support_count,
                    age_days: (today - local_day(r.created_at)).num_days().max(0),
                    answer_due_in_days: (r.answered == 0 && !planned)
                        .then(|| (local_day(due) - today).num_days()),
                    planned_for: planned.then(|| due.date()),
                    status: r.status,
                }
            })
            .collect();
        Ok(Desk {
            commune,
            counts,
            items,
            next: next.flatten(),
            category: category.map(|(_, k)| k.clone()),
            arrondissement: arrondissement.map(|(_, a)| a.clone()),
            categories: categories.into_iter().map(|(_, k)| k).collect(),
            arrondissements: arrondissements.into_iter().map(|(_, a)| a).collect(),
        })
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_read_back_what_they_write() {
        assert_eq!(
            parse_cursor(&cursor((1_765_000_000, 42))),
            Some((1_765_000_000, 42))
        );
        assert_eq!(parse_cursor("3.7"), Some((3, 7)));
        assert_eq!(parse_cursor("x.7"), None);
        assert_eq!(parse_cursor("37"), None);
    }
}
