//! Accountability figures: how many issues in each status, how fast the commune answers and
//! resolves (median and 90th percentile), how many answers come within the category's target,
//! which issues are overdue, and what each official did. Public, like the answers themselves.

use super::{UseCaseError, with_conn};
use crate::cache::FreshCache;
use crate::clock::rfc3339;
use crate::context::AppState;
use crate::work::WorkClass;
use chrono::{NaiveDateTime, TimeDelta};
use serde::Serialize;
use std::sync::Arc;
use tawasol_domain::issue::IssueStatus;
use tawasol_persistence::role::{self, Resolved};
use tawasol_persistence::stats::rollup::{self, Tally};
use tawasol_persistence::stats::{self, StatsFilter};

/// What the figures are about, as the surfaces parse it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct StatsQuery {
    pub commune: Option<String>,
    pub category: Option<String>,
    /// An official's user id: the issues of their scope, and only them in `officials`.
    pub official: Option<i64>,
    /// Issues reported at or after.
    pub from: Option<NaiveDateTime>,
    /// Issues reported before.
    pub to: Option<NaiveDateTime>,
}

/// How long something took, over the issues where it happened.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct DurationFigures {
    /// Issues the duration is known for.
    pub count: i64,
    pub median_hours: Option<f64>,
    pub p90_hours: Option<f64>,
}

/// Answers given within the category's target.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct TargetFigures {
    /// Issues answered, or whose target has passed without an answer.
    pub due: i64,
    pub answered_within_target: i64,
    /// `answered_within_target / due`, from 0 to 1; `null` when nothing is due yet.
    pub share: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct OverdueIssue {
    pub id: i64,
    pub title: String,
    pub commune: String,
    pub category: String,
    pub status: String,
    pub created_at: String,
    pub target_days: i32,
    /// Whole days past the target.
    pub days_overdue: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct OfficialFigures {
    pub user_id: i64,
    pub name: String,
    pub title: String,
    pub commune: String,
    /// Public official answers on the issues counted.
    pub answers: i64,
    /// Status changes they made on them.
    pub status_changes: i64,
    /// Issues whose first official answer was theirs, and how long it took.
    pub first_answers: DurationFigures,
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Figures {
    pub generated_at: String,
    /// The start of the first day counted (midnight in Morocco, in UTC), when `from` was given.
    pub from: Option<String>,
    /// The end of the last day counted (exclusive), when `to` was given.
    pub to: Option<String>,
    pub total: i64,
    pub by_status: std::collections::BTreeMap<String, i64>,
    pub open: i64,
    pub closed: i64,
    pub first_answer: DurationFigures,
    pub resolution: DurationFigures,
    pub target: TargetFigures,
    /// Open issues past their target with no official answer, oldest first (at most 100).
    pub overdue: Vec<OverdueIssue>,
    pub officials: Vec<OfficialFigures>,
}

/// The most overdue issues listed.
pub const OVERDUE_LIMIT: usize = 100;

/// Categories grouped by their answer target (most communes use one target for all).
fn by_target(
    categories: Vec<stats::CategoryTarget>,
) -> std::collections::BTreeMap<i32, Vec<stats::CategoryTarget>> {
    let mut groups: std::collections::BTreeMap<i32, Vec<stats::CategoryTarget>> =
        std::collections::BTreeMap::new();
    for category in categories {
        groups
            .entry(category.target_days)
            .or_default()
            .push(category);
    }
    groups
}

/// A duration's bucket in hours to one decimal; a bucket just past a whole day (see
/// [`rollup::bucket`]) reads 0.1 h past it, so that "within N days" rounded up stays true.
fn hours(bucket: Option<i64>) -> Option<f64> {
    #[allow(clippy::cast_precision_loss)]
    bucket.map(|s| {
        let past_a_day = s > 1 && s % 86_400 == 1;
        let h = ((s - i64::from(past_a_day)) as f64 / 360.0).round() / 10.0;
        if past_a_day { h + 0.1 } else { h }
    })
}

/// Count, median and 90th percentile (nearest rank: the smallest bucket with at least that
/// share of the values at or below it, reported as the bucket's upper edge) of the durations
/// counted in `rows` (one kind, any buckets).
fn durations<'a>(rows: impl Iterator<Item = &'a Tally>) -> DurationFigures {
    let mut histogram: std::collections::BTreeMap<i64, i64> = std::collections::BTreeMap::new();
    for t in rows {
        *histogram.entry(t.bucket).or_default() += t.n;
    }
    let count: i64 = histogram.values().sum();
    let rank = |p: f64| -> Option<i64> {
        if count <= 0 {
            return None;
        }
        #[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
        let rank = ((p * count as f64).ceil() as i64).clamp(1, count);
        let mut seen = 0;
        for (bucket, n) in &histogram {
            seen += n;
            if seen >= rank {
                return Some(*bucket);
            }
        }
        None
    };
    DurationFigures {
        count,
        median_hours: hours(rank(0.5)),
        p90_hours: hours(rank(0.9)),
    }
}

/// Every kind of contribution the figures use.
const ALL_KINDS: [i32; 5] = [
    rollup::ISSUES,
    rollup::FIRST_ANSWERS,
    rollup::RESOLUTIONS,
    rollup::ANSWERS,
    rollup::STATUS_CHANGES,
];

/// Deltas a read folds first, when more than this many wait (the worker folds every pass).
const FOLD_ON_READ_OVER: i64 = 10_000;

/// For categories sharing one answer target: the answers given, those within target, and the
/// issues still unanswered since before `cutoff`, of the filter's issues.
fn against_target(
    c: &mut tawasol_persistence::AnyConnection,
    filter: &StatsFilter,
    tallies: &[Tally],
    ids: &[i64],
    target_days: i32,
    cutoff: NaiveDateTime,
) -> Result<std::collections::HashMap<i64, (i64, i64, i64)>, UseCaseError> {
    let target = i64::from(target_days) * 86_400;
    let mut counts: std::collections::HashMap<i64, (i64, i64, i64)> =
        ids.iter().map(|&id| (id, (0, 0, 0))).collect();
    for t in tallies.iter().filter(|t| t.kind == rollup::FIRST_ANSWERS) {
        if let Some(entry) = counts.get_mut(&t.category_id) {
            entry.0 += t.n;
            if t.bucket <= target {
                entry.1 += t.n;
            }
        }
    }
    let before = StatsFilter {
        to: Some(filter.to.map_or(cutoff, |to| to.min(cutoff))),
        category_ids: ids.to_vec(),
        ..filter.clone()
    };
    for t in rollup::tally(c, &before, &[rollup::ISSUES])? {
        if t.bucket == 0
            && let Some(entry) = counts.get_mut(&t.category_id)
        {
            entry.2 += t.n;
        }
    }
    Ok(counts)
}

fn fold_if_many(c: &mut tawasol_persistence::AnyConnection) -> Result<(), UseCaseError> {
    if rollup::pending_over(c, FOLD_ON_READ_OVER)? {
        rollup::fold(c)?;
    }
    Ok(())
}

/// One category's answers against its target: the chart on a commune's page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryShare {
    pub code: String,
    /// Days the commune gives itself to answer in this category.
    pub target_days: i32,
    /// Issues answered, or whose target has passed without an answer.
    pub due: i64,
    pub answered_within_target: i64,
}

impl CategoryShare {
    /// The share answered within target, in whole percent; `None` while nothing is due.
    pub fn percent(&self) -> Option<u32> {
        if self.due <= 0 {
            return None;
        }
        let within = self.answered_within_target.clamp(0, self.due);
        // Rounded to the nearest whole percent, halves up (3 of 8 is 38 %).
        u32::try_from((within * 200 + self.due) / (2 * self.due)).ok()
    }
}

/// Each category of a commune with its answers against target.
pub type CategoryShares = Vec<CategoryShare>;

/// A duration as a reader counts it: whole hours under a day, whole days beyond, always
/// rounded up, so that "within" stays true ("half got an answer within 4 days" for 80.3 h).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    Hours(i64),
    Days(i64),
}

impl Span {
    /// At least one hour (an answer within the minute is "within an hour").
    pub fn within_hours(hours: f64) -> Span {
        #[allow(clippy::cast_possible_truncation)]
        let whole = hours.max(0.0).ceil() as i64;
        if whole < 24 {
            Span::Hours(whole.max(1))
        } else {
            #[allow(clippy::cast_possible_truncation)]
            let days = (hours / 24.0).ceil() as i64;
            Span::Days(days)
        }
    }
}

/// The figures already computed, per query (see [`crate::cache`]): at a million issues a
/// computation reads hundreds of thousands of index entries, so it runs once per query and
/// `TAWASOL_STATS_TTL`, not once per reader.
#[derive(Debug, Clone)]
pub struct StatsCache {
    figures: Arc<FreshCache<StatsQuery, Figures>>,
    by_category: Arc<FreshCache<String, CategoryShares>>,
}

impl StatsCache {
    fn new(ttl: std::time::Duration) -> StatsCache {
        StatsCache {
            figures: Arc::new(FreshCache::new(ttl, 256)),
            by_category: Arc::new(FreshCache::new(ttl, 64)),
        }
    }

    /// This application's figures cache (one per application state, made on first use).
    fn of(state: &AppState) -> Arc<StatsCache> {
        state.caches.get_or_init(StatsCache::new)
    }
}

/// The figures for a query, as of `generated_at` (at most `TAWASOL_STATS_TTL` old, or a little
/// more while their successor is computed).
pub async fn figures(state: &AppState, query: StatsQuery) -> Result<Figures, UseCaseError> {
    // Whole days: what a reader means, and a cache key a visitor cannot vary at will.
    let query = StatsQuery {
        from: query.from.map(|t| whole_day(t, false)),
        to: query.to.map(|t| whole_day(t, true)),
        ..query
    };
    if let (Some(from), Some(to)) = (query.from, query.to)
        && from >= to
    {
        return Err(UseCaseError::invalid("to", "param-time"));
    }
    let computing = state.clone();
    let key = query.clone();
    let figures = StatsCache::of(state)
        .figures
        .get(key, move || compute(computing.clone(), query.clone()))
        .await?;
    Ok((*figures).clone())
}

/// The start of the day (Morocco's time, Africa/Casablanca, every commune's time zone) that
/// holds `t`, as stored (UTC); with `round_up`, the start of the next day unless `t` is a day's
/// start already. Figures cover whole days.
pub fn whole_day(t: NaiveDateTime, round_up: bool) -> NaiveDateTime {
    use chrono::TimeZone;
    let tz = chrono_tz::Africa::Casablanca;
    let start_of = |day: chrono::NaiveDate| {
        tz.from_local_datetime(&day.and_time(chrono::NaiveTime::MIN))
            .earliest()
            .map(|d| d.naive_utc())
    };
    let day = t.and_utc().with_timezone(&tz).date_naive();
    let Some(start) = start_of(day) else {
        return t;
    };
    if !round_up || start == t {
        return start;
    }
    day.succ_opt().and_then(start_of).unwrap_or(t)
}

/// The figures for the issues the query covers, computed by the database, with a slot of the
/// figures class.
async fn compute(state: AppState, query: StatsQuery) -> Result<Figures, UseCaseError> {
    let _slot = state.work.enter(WorkClass::Figures).await?;
    let at = state.clock.now();
    with_conn(&state.db, move |c| {
        let mut filter = StatsFilter {
            from: query.from,
            to: query.to,
            ..StatsFilter::default()
        };
        if let Some(slug) = &query.commune {
            match role::resolve(c, slug, None, &[])? {
                Resolved::Ok { commune_id, .. } => filter.commune_id = Some(commune_id),
                _ => return Err(UseCaseError::invalid("commune", "field-commune")),
            }
        }
        if let Some(code) = &query.category {
            let ids = stats::category_ids(c, filter.commune_id, code)?;
            if ids.is_empty() {
                return Err(UseCaseError::invalid("category", "field-category"));
            }
            filter.category_ids = ids;
        }
        if let Some(official) = query.official {
            let (commune_id, arrondissement_id, categories) =
                stats::official_scope(c, official)?
                    .ok_or_else(|| UseCaseError::invalid("official", "param-official"))?;
            if filter.commune_id.is_some_and(|id| id != commune_id) {
                return Err(UseCaseError::invalid("official", "param-official"));
            }
            filter.commune_id = Some(commune_id);
            filter.arrondissement_id = arrondissement_id;
            if !categories.is_empty() {
                filter.category_ids = if filter.category_ids.is_empty() {
                    categories
                } else {
                    filter
                        .category_ids
                        .iter()
                        .copied()
                        .filter(|id| categories.contains(id))
                        .collect()
                };
                if filter.category_ids.is_empty() {
                    // The category asked for is outside the official's scope: nothing to count.
                    filter.category_ids = vec![-1];
                }
            }
        }
        fold_if_many(c)?;
        let tallies = rollup::tally(c, &filter, &ALL_KINDS)?;
        let mut by_status: std::collections::BTreeMap<String, i64> = IssueStatus::ALL
            .iter()
            .map(|s| (s.as_str().to_owned(), 0))
            .collect();
        let (mut open, mut closed) = (0, 0);
        for t in tallies.iter().filter(|t| t.kind == rollup::ISSUES) {
            let Some(status) = IssueStatus::parse(&t.status) else {
                continue;
            };
            if status.is_open() {
                open += t.n;
            } else {
                closed += t.n;
            }
            *by_status.entry(t.status.clone()).or_default() += t.n;
        }
        let (mut due, mut within) = (0, 0);
        let mut overdue = Vec::new();
        // Categories sharing an answer target are counted together.
        for (target_days, group) in by_target(stats::categories(c, &filter)?) {
            let target = TimeDelta::days(i64::from(target_days));
            let cutoff = at - target;
            let ids: Vec<i64> = group.iter().map(|g| g.id).collect();
            let counts = against_target(c, &filter, &tallies, &ids, target_days, cutoff)?;
            for (answered, in_time, late) in counts.values() {
                due += answered + late;
                within += in_time;
            }
            for (category_id, row) in
                stats::overdue_in(c, &filter, &ids, cutoff, OVERDUE_LIMIT as i64)?
            {
                let Some(category) = group.iter().find(|g| g.id == category_id) else {
                    continue;
                };
                overdue.push(OverdueIssue {
                    id: row.id,
                    title: row.title,
                    commune: category.commune.clone(),
                    category: category.code.clone(),
                    status: row.status.as_str().to_owned(),
                    created_at: rfc3339(row.created_at),
                    target_days,
                    days_overdue: (at - (row.created_at + target)).num_days(),
                });
            }
        }
        overdue.sort_by(|a, b| a.created_at.cmp(&b.created_at).then(a.id.cmp(&b.id)));
        overdue.truncate(OVERDUE_LIMIT);
        let chosen = stats::officials(c, filter.commune_id, query.official)?;
        let mut officials = Vec::new();
        for o in chosen {
            let sum = |kind: i32| -> i64 {
                tallies
                    .iter()
                    .filter(|t| t.kind == kind && t.user_id == o.user_id)
                    .map(|t| t.n)
                    .sum()
            };
            let (answers, status_changes) = (sum(rollup::ANSWERS), sum(rollup::STATUS_CHANGES));
            officials.push(OfficialFigures {
                first_answers: durations(
                    tallies
                        .iter()
                        .filter(|t| t.kind == rollup::FIRST_ANSWERS && t.user_id == o.user_id),
                ),
                user_id: o.user_id,
                name: o.name,
                title: o.title,
                commune: o.commune,
                answers,
                status_changes,
            });
        }
        #[allow(clippy::cast_precision_loss)]
        let share = (due > 0).then(|| ((within as f64 / due as f64) * 1000.0).round() / 1000.0);
        Ok(Figures {
            generated_at: rfc3339(at),
            from: query.from.map(rfc3339),
            to: query.to.map(rfc3339),
            total: open + closed,
            by_status,
            open,
            closed,
            first_answer: durations(tallies.iter().filter(|t| t.kind == rollup::FIRST_ANSWERS)),
            resolution: durations(tallies.iter().filter(|t| t.kind == rollup::RESOLUTIONS)),
            target: TargetFigures {
                due,
                answered_within_target: within,
                share,
            },
            overdue,
            officials,
        })
    })
    .await
}

/// Each category of a commune with its target and its answers within it (cached like
/// [`figures`]).
pub async fn by_category(
    state: &AppState,
    commune: String,
) -> Result<CategoryShares, UseCaseError> {
    let computing = state.clone();
    let key = commune.clone();
    let rows = StatsCache::of(state)
        .by_category
        .get(key, move || {
            compute_by_category(computing.clone(), commune.clone())
        })
        .await?;
    Ok((*rows).clone())
}

async fn compute_by_category(
    state: AppState,
    commune: String,
) -> Result<CategoryShares, UseCaseError> {
    let _slot = state.work.enter(WorkClass::Figures).await?;
    let at = state.clock.now();
    with_conn(&state.db, move |c| {
        let Resolved::Ok { commune_id, .. } = role::resolve(c, &commune, None, &[])? else {
            return Err(UseCaseError::CommuneNotFound(commune));
        };
        let filter = StatsFilter {
            commune_id: Some(commune_id),
            ..StatsFilter::default()
        };
        let categories = stats::categories(c, &filter)?;
        fold_if_many(c)?;
        let tallies = rollup::tally(c, &filter, &[rollup::FIRST_ANSWERS])?;
        let mut counted = std::collections::HashMap::new();
        for (target_days, group) in by_target(categories.clone()) {
            let cutoff = at - TimeDelta::days(i64::from(target_days));
            let ids: Vec<i64> = group.iter().map(|g| g.id).collect();
            let counts = against_target(c, &filter, &tallies, &ids, target_days, cutoff)?;
            for id in ids {
                let (answered, within, late) = counts.get(&id).copied().unwrap_or((0, 0, 0));
                counted.insert(id, (answered + late, within));
            }
        }
        let rows = categories
            .into_iter()
            .map(|category| {
                let (due, within) = counted.get(&category.id).copied().unwrap_or((0, 0));
                CategoryShare {
                    code: category.code,
                    target_days: category.target_days,
                    due,
                    answered_within_target: within,
                }
            })
            .collect();
        Ok(rows)
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::{CategoryShare, Span, whole_day};
    use chrono::NaiveDateTime;

    fn t(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S%.f").unwrap()
    }

    #[test]
    fn figures_cover_whole_days_of_moroccan_time() {
        // Morocco is UTC+1 outside Ramadan: its day starts at 23:00 UTC the day before.
        let start = t("2019-12-31 23:00:00");
        for from in [
            "2019-12-31 23:00:00",
            "2020-01-01 00:00:00.000000001",
            "2020-01-01 00:00:00.000000002",
            "2020-01-01 22:59:59",
        ] {
            assert_eq!(whole_day(t(from), false), start, "{from}");
        }
        assert_eq!(
            whole_day(t("2020-01-01 10:00:00"), true),
            t("2020-01-01 23:00:00")
        );
        assert_eq!(whole_day(start, true), start, "a day's start stays");
    }

    #[test]
    fn durations_read_in_whole_hours_under_a_day_and_whole_days_beyond_rounded_up() {
        assert_eq!(Span::within_hours(0.0), Span::Hours(1));
        assert_eq!(Span::within_hours(0.4), Span::Hours(1));
        assert_eq!(Span::within_hours(10.0), Span::Hours(10));
        assert_eq!(Span::within_hours(10.1), Span::Hours(11));
        assert_eq!(Span::within_hours(23.0), Span::Hours(23));
        assert_eq!(Span::within_hours(23.5), Span::Days(1));
        assert_eq!(Span::within_hours(24.0), Span::Days(1));
        assert_eq!(Span::within_hours(30.0), Span::Days(2));
        assert_eq!(Span::within_hours(80.3), Span::Days(4));
        assert_eq!(Span::within_hours(258.1), Span::Days(11));
    }

    #[test]
    fn a_categorys_share_is_a_whole_percent_and_none_while_nothing_is_due() {
        let share = |due, within| CategoryShare {
            code: "x".into(),
            target_days: 7,
            due,
            answered_within_target: within,
        };
        assert_eq!(share(0, 0).percent(), None);
        assert_eq!(share(4, 3).percent(), Some(75));
        assert_eq!(share(8, 3).percent(), Some(38));
        assert_eq!(share(3, 2).percent(), Some(67));
        assert_eq!(share(3, 0).percent(), Some(0));
        assert_eq!(share(3, 3).percent(), Some(100));
    }
}
