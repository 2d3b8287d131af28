//! Roll-ups of the accountability figures. Triggers on `issues`, `issue_replies` and
//! `issue_status_changes` insert delta rows into `figure_deltas` (each write its own rows: no
//! row that every report updates); [`fold`] sums them into `figure_rollup` and deletes them.
//! A read ([`tally`]) is one statement: roll-up rows for the whole UTC months and days of the
//! period, plus the issues of its partial days at the edges (through the
//! `(commune_id, created_at)` index) and the deltas not folded yet, expanded by the same SQL
//! as the fold. [`tally_direct`] computes the same sums from the issues alone: the reference.

use super::StatsFilter;
use crate::connection::{AnyConnection, on_backend};
use crate::error::PersistenceError;
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use diesel::sql_query;
use diesel::sql_types::{BigInt, Integer, Text};

/// Public issues by status (`bucket` 1 when officially answered, 0 when not).
pub const ISSUES: i32 = 0;
/// First official answers by duration bucket and who gave them (`user_id`).
pub const FIRST_ANSWERS: i32 = 1;
/// Resolutions of the issues resolved now, by duration bucket.
pub const RESOLUTIONS: i32 = 2;
/// Public official answers by author (`user_id`).
pub const ANSWERS: i32 = 3;
/// Status changes by actor (`user_id`).
pub const STATUS_CHANGES: i32 = 4;

/// Deltas folded per statement.
const FOLD_BATCH: i64 = 50_000;

/// A duration's bucket, in seconds: rounded to the nearest 6 minutes up to a day (what the API
/// shows, hours to one decimal), hour up to a week and day beyond; plus one second when that
/// rounds down onto a whole day, so that "within N days" is exact on buckets (`bucket(v) <=
/// N days` exactly when `v <= N days`). Never decreasing, so a percentile's bucket is the
/// bucket of the percentile.
pub fn bucket(seconds: i32) -> i64 {
    let v = i64::from(seconds);
    let step = if v <= 86_400 {
        360
    } else if v <= 604_800 {
        3_600
    } else {
        86_400
    };
    let r = (v + step / 2) / step * step;
    if r < v && r % 86_400 == 0 { r + 1 } else { r }
}

/// The sum of one kind of contribution, for one category, status, bucket and person.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, QueryableByName)]
pub struct Tally {
    #[diesel(sql_type = Integer)]
    pub kind: i32,
    #[diesel(sql_type = BigInt)]
    pub category_id: i64,
    #[diesel(sql_type = Text)]
    pub status: String,
    #[diesel(sql_type = BigInt)]
    pub bucket: i64,
    #[diesel(sql_type = BigInt)]
    pub user_id: i64,
    #[diesel(sql_type = BigInt)]
    pub n: i64,
}

fn is_pg(conn: &AnyConnection) -> bool {
    matches!(conn, AnyConnection::Postgresql(_))
}

/// The UTC day (days since 1970-01-01) and month (year * 12 + month - 1) of `column`.
fn day_month(pg: bool, column: &str) -> (String, String) {
    if pg {
        (
            format!("CAST(FLOOR(EXTRACT(EPOCH FROM {column}) / 86400) AS INTEGER)"),
            format!(
                "CAST(EXTRACT(YEAR FROM {column}) * 12 + EXTRACT(MONTH FROM {column}) - 1 AS INTEGER)"
            ),
        )
    } else {
        (
            format!("CAST(strftime('%s', {column}) AS INTEGER) / 86400"),
            format!(
                "CAST(strftime('%Y', {column}) AS INTEGER) * 12 + CAST(strftime('%m', {column}) AS INTEGER) - 1"
            ),
        )
    }
}

fn bucket_sql(column: &str) -> String {
    let step = |s: i64| {
        let r = format!("(CAST({column} AS BIGINT) + {}) / {s} * {s}", s / 2);
        format!("{r} + CASE WHEN {r} < {column} AND ({r}) % 86400 = 0 THEN 1 ELSE 0 END")
    };
    format!(
        "CASE WHEN {column} <= 86400 THEN {} WHEN {column} <= 604800 THEN {} ELSE {} END",
        step(360),
        step(3_600),
        step(86_400)
    )
}

/// What the rows of `source` (shaped like `figure_deltas`) add to each roll-up key: the same
/// expansion as the migration's backfill.
fn expansion(pg: bool, source: &str) -> String {
    let (day, month) = day_month(pg, "d.created_at");
    format!(
        "SELECT d.commune_id, l.level, \
         CASE WHEN l.level = 2 THEN d.arrondissement_id ELSE 0 END AS arrondissement_id, \
         CASE WHEN l.level = 0 THEN 0 ELSE d.category_id END AS category_id, \
         g.grain, CASE WHEN g.grain = 0 THEN {day} ELSE {month} END AS period, \
         k.kind, CASE WHEN k.kind = 0 THEN d.status ELSE '' END AS status, \
         CASE k.kind WHEN 0 THEN CAST(d.answered AS BIGINT) WHEN 1 THEN {fa} WHEN 2 THEN {res} ELSE 0 END AS bucket, \
         CASE WHEN k.kind IN (0, 2) THEN 0 ELSE d.user_id END AS user_id, d.n \
         FROM ({source}) d \
         CROSS JOIN (SELECT 0 AS level UNION ALL SELECT 1 UNION ALL SELECT 2) l \
         CROSS JOIN (SELECT 0 AS grain UNION ALL SELECT 1) g \
         JOIN (SELECT 0 AS kind, 0 AS source UNION ALL SELECT 1, 0 UNION ALL SELECT 2, 0 \
               UNION ALL SELECT 3, 1 UNION ALL SELECT 4, 2) k ON k.source = d.kind \
         WHERE (k.kind <> 1 OR d.first_answer_seconds IS NOT NULL) \
         AND (k.kind <> 2 OR (d.status = 'resolved' AND d.resolution_seconds IS NOT NULL))",
        fa = bucket_sql("d.first_answer_seconds"),
        res = bucket_sql("d.resolution_seconds"),
    )
}

const KEY: &str = "commune_id, level, grain, arrondissement_id, category_id, period, kind, status, bucket, user_id";
const DELTA_COLUMNS: &str = "kind, commune_id, arrondissement_id, category_id, created_at, status, \
     answered, first_answer_seconds, resolution_seconds, user_id, n";

/// Sums the pending deltas into the roll-up and deletes them; returns how many were folded.
/// Safe beside concurrent writers and other folds: on PostgreSQL the deltas a statement
/// deletes are exactly those it sums; SQLite has one writer at a time.
pub fn fold(conn: &mut AnyConnection) -> Result<usize, PersistenceError> {
    let mut folded = 0;
    // Nothing waiting is the common case (the mail worker calls this on every pass): a plain
    // read tells it without taking SQLite's write lock or running PostgreSQL's DELETE.
    while pending_over(conn, 0)? {
        let n = match conn {
            AnyConnection::Postgresql(c) => {
                let sql = format!(
                    "WITH moved AS (DELETE FROM figure_deltas WHERE id IN \
                     (SELECT id FROM figure_deltas ORDER BY id LIMIT {FOLD_BATCH}) RETURNING {DELTA_COLUMNS}), \
                     counted AS (SELECT CAST(COUNT(*) AS BIGINT) AS n FROM moved), \
                     folded AS (INSERT INTO figure_rollup ({KEY}, n) \
                     SELECT {KEY}, SUM(n) FROM ({e}) x GROUP BY {KEY} \
                     ON CONFLICT ({KEY}) DO UPDATE SET n = figure_rollup.n + EXCLUDED.n) \
                     SELECT n FROM counted",
                    e = expansion(true, "SELECT * FROM moved"),
                );
                sql_query(sql).get_result::<Count>(c)?.n
            }
            AnyConnection::Sqlite(c) => c.immediate_transaction::<_, PersistenceError, _>(|c| {
                let last: Option<i64> = sql_query(format!(
                    "SELECT MAX(id) AS n FROM (SELECT id FROM figure_deltas ORDER BY id LIMIT {FOLD_BATCH}) d"
                ))
                .get_result::<MaybeCount>(c)?
                .n;
                let Some(last) = last else { return Ok(0) };
                let source = format!("SELECT * FROM figure_deltas WHERE id <= {last}");
                sql_query(format!(
                    "INSERT INTO figure_rollup ({KEY}, n) SELECT {KEY}, SUM(n) FROM ({e}) x \
                     WHERE true GROUP BY {KEY} \
                     ON CONFLICT ({KEY}) DO UPDATE SET n = figure_rollup.n + excluded.n",
                    e = expansion(false, &source),
                ))
                .execute(c)?;
                Ok(
                    sql_query(format!("DELETE FROM figure_deltas WHERE id <= {last}"))
                        .execute(c)? as i64,
                )
            })?,
        };
        folded += usize::try_from(n).unwrap_or(0);
        if n < FOLD_BATCH {
            break;
        }
    }
    Ok(folded)
}

/// Whether more than `n` deltas wait to be folded.
pub fn pending_over(conn: &mut AnyConnection, n: i64) -> Result<bool, PersistenceError> {
    let sql = format!(
        "SELECT COUNT(*) AS n FROM (SELECT id FROM figure_deltas LIMIT {}) d",
        n + 1
    );
    let found = on_backend!(conn, c => sql_query(&sql).get_result::<Count>(c))?;
    Ok(found.n > n)
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct MaybeCount {
    #[diesel(sql_type = diesel::sql_types::Nullable<BigInt>)]
    n: Option<i64>,
}

/// How a period `[from, to)` is read: whole UTC months and days from the roll-up, the rest
/// (less than a day at each edge) from the issues.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Plan {
    pub months: Option<(Option<i64>, Option<i64>)>,
    pub days: Vec<(i64, i64)>,
    pub raw: Vec<(Option<NaiveDateTime>, Option<NaiveDateTime>)>,
}

fn day_of(t: NaiveDateTime) -> i64 {
    t.and_utc().timestamp().div_euclid(86_400)
}

fn day_start(d: i64) -> NaiveDateTime {
    chrono::DateTime::from_timestamp(d * 86_400, 0)
        .map(|t| t.naive_utc())
        .unwrap_or_default()
}

fn month_of_day(d: i64) -> i64 {
    let t = day_start(d);
    i64::from(t.year()) * 12 + i64::from(t.month0())
}

fn month_start_day(m: i64) -> i64 {
    let year = i32::try_from(m.div_euclid(12)).unwrap_or(i32::MAX);
    let month = u32::try_from(m.rem_euclid(12)).unwrap_or(0) + 1;
    NaiveDate::from_ymd_opt(year, month, 1)
        .map(|d| day_of(d.and_time(chrono::NaiveTime::MIN)))
        .unwrap_or(0)
}

/// The whole UTC days of `[from, to)`: from the first midnight at or after `from` to the last
/// at or before `to`.
fn whole_days(
    from: Option<NaiveDateTime>,
    to: Option<NaiveDateTime>,
) -> (Option<NaiveDateTime>, Option<NaiveDateTime>) {
    (
        from.map(|t| {
            let d = day_of(t);
            day_start(if day_start(d) == t { d } else { d + 1 })
        }),
        to.map(|t| day_start(day_of(t))),
    )
}

/// Splits `[from, to)` into whole months, whole days and raw edges.
pub fn plan(from: Option<NaiveDateTime>, to: Option<NaiveDateTime>) -> Plan {
    if let (Some(a), Some(b)) = (from, to)
        && a >= b
    {
        return Plan::default();
    }
    let d1 = from.map(|t| {
        let d = day_of(t);
        if day_start(d) == t { d } else { d + 1 }
    });
    let d2 = to.map(day_of);
    if let (Some(x), Some(y)) = (d1, d2)
        && x >= y
    {
        return Plan {
            raw: vec![(from, to)],
            ..Plan::default()
        };
    }
    let mut p = Plan::default();
    if let (Some(a), Some(d)) = (from, d1)
        && a < day_start(d)
    {
        p.raw.push((Some(a), Some(day_start(d))));
    }
    if let (Some(b), Some(d)) = (to, d2)
        && day_start(d) < b
    {
        p.raw.push((Some(day_start(d)), Some(b)));
    }
    let m1 = d1.map(|d| {
        let m = month_of_day(d);
        if month_start_day(m) == d { m } else { m + 1 }
    });
    let m2 = d2.map(month_of_day);
    if let (Some(x), Some(y), Some(a), Some(b)) = (m1, m2, d1, d2)
        && x >= y
    {
        p.days.push((a, b));
        return p;
    }
    p.months = Some((m1, m2));
    if let (Some(d), Some(m)) = (d1, m1)
        && d < month_start_day(m)
    {
        p.days.push((d, month_start_day(m)));
    }
    if let (Some(d), Some(m)) = (d2, m2)
        && month_start_day(m) < d
    {
        p.days.push((month_start_day(m), d));
    }
    p
}

fn ids(list: &[i64]) -> String {
    list.iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Conditions on a table with the filter's place columns (`prefix` its alias and dot).
fn place(f: &StatsFilter, prefix: &str, arrondissement_null_is_zero: bool) -> String {
    let mut w = String::new();
    if let Some(c) = f.commune_id {
        w.push_str(&format!(" AND {prefix}commune_id = {c}"));
    }
    if let Some(a) = f.arrondissement_id {
        let _ = arrondissement_null_is_zero;
        w.push_str(&format!(" AND {prefix}arrondissement_id = {a}"));
    }
    if !f.category_ids.is_empty() {
        w.push_str(&format!(
            " AND {prefix}category_id IN ({})",
            ids(&f.category_ids)
        ));
    }
    w
}

fn time_literal(t: NaiveDateTime) -> String {
    format!("'{}'", t.format("%Y-%m-%d %H:%M:%S%.f"))
}

fn range(column: &str, from: Option<NaiveDateTime>, to: Option<NaiveDateTime>, pg: bool) -> String {
    let cast = |t| {
        if pg {
            format!("CAST({} AS TIMESTAMP)", time_literal(t))
        } else {
            time_literal(t)
        }
    };
    let mut w = String::new();
    if let Some(a) = from {
        w.push_str(&format!(" AND {column} >= {}", cast(a)));
    }
    if let Some(b) = to {
        w.push_str(&format!(" AND {column} < {}", cast(b)));
    }
    w
}

/// The issues (and their official answers and status changes) reported in `[from, to)`, shaped
/// like `figure_deltas`.
fn issue_source(
    f: &StatsFilter,
    from: Option<NaiveDateTime>,
    to: Option<NaiveDateTime>,
    pg: bool,
) -> String {
    let w = format!(
        "i.visibility = 'public'{}{}",
        place(f, "i.", true),
        range("i.created_at", from, to, pg)
    );
    format!(
        "SELECT 0 AS kind, i.commune_id, COALESCE(i.arrondissement_id, 0) AS arrondissement_id, \
         i.category_id, i.created_at, i.status, \
         CASE WHEN i.first_official_answer_at IS NULL THEN 0 ELSE 1 END AS answered, \
         i.first_answer_seconds, i.resolution_seconds, COALESCE(i.first_answer_by, 0) AS user_id, \
         CAST(1 AS BIGINT) AS n FROM issues i WHERE {w} \
         UNION ALL SELECT 1, i.commune_id, COALESCE(i.arrondissement_id, 0), i.category_id, \
         i.created_at, '', 0, NULL, NULL, r.author_id, CAST(COUNT(*) AS BIGINT) \
         FROM issue_replies r JOIN issues i ON i.id = r.issue_id \
         WHERE {w} AND r.is_official AND r.visibility = 'public' GROUP BY i.id, r.author_id \
         UNION ALL SELECT 2, i.commune_id, COALESCE(i.arrondissement_id, 0), i.category_id, \
         i.created_at, '', 0, NULL, NULL, s.actor_id, CAST(COUNT(*) AS BIGINT) \
         FROM issue_status_changes s JOIN issues i ON i.id = s.issue_id \
         WHERE {w} GROUP BY i.id, s.actor_id"
    )
}

fn level(f: &StatsFilter) -> i32 {
    if f.arrondissement_id.is_some() { 2 } else { 1 }
}

fn kinds_sql(kinds: &[i32]) -> String {
    kinds
        .iter()
        .map(i32::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Sums the contributions of `source` rows, as [`Tally`] rows of the given kinds.
fn expanded(pg: bool, f: &StatsFilter, kinds: &[i32], source: &str) -> String {
    format!(
        "SELECT e.kind, e.category_id, e.status, e.bucket, e.user_id, e.n FROM ({}) e \
         WHERE e.level = {} AND e.grain = 0 AND e.kind IN ({})",
        expansion(pg, source),
        level(f),
        kinds_sql(kinds)
    )
}

fn run_tally(conn: &mut AnyConnection, parts: &[String]) -> Result<Vec<Tally>, PersistenceError> {
    if parts.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT CAST(kind AS INTEGER) AS kind, category_id, status, bucket, user_id, \
         CAST(SUM(n) AS BIGINT) AS n FROM ({}) t \
         GROUP BY kind, category_id, status, bucket, user_id",
        parts.join(" UNION ALL ")
    );
    let mut rows = on_backend!(conn, c => sql_query(&sql).load::<Tally>(c))?;
    rows.retain(|t| t.n != 0);
    rows.sort();
    Ok(rows)
}

/// The contributions of the kinds asked for, by category, status, bucket and person, for the
/// public issues the filter covers (their report time in `[f.from, f.to)`), as of now.
pub fn tally(
    conn: &mut AnyConnection,
    f: &StatsFilter,
    kinds: &[i32],
) -> Result<Vec<Tally>, PersistenceError> {
    let pg = is_pg(conn);
    let p = plan(f.from, f.to);
    if p == Plan::default() {
        return Ok(Vec::new());
    }
    let mut place_w = match f.commune_id {
        Some(c) => format!("commune_id = {c}"),
        None => "1 = 1".to_owned(),
    };
    place_w.push_str(&format!(
        " AND level = {} AND arrondissement_id = {}",
        level(f),
        f.arrondissement_id.unwrap_or(0)
    ));
    if !f.category_ids.is_empty() {
        place_w.push_str(&format!(" AND category_id IN ({})", ids(&f.category_ids)));
    }
    let kinds_w = format!(" AND kind IN ({})", kinds_sql(kinds));
    let select = "SELECT kind, category_id, status, bucket, user_id, n FROM figure_rollup WHERE ";
    let mut parts = Vec::new();
    if let Some((a, b)) = p.months {
        let mut w = format!("{select}{place_w} AND grain = 1{kinds_w}");
        if let Some(a) = a {
            w.push_str(&format!(" AND period >= {a}"));
        }
        if let Some(b) = b {
            w.push_str(&format!(" AND period < {b}"));
        }
        parts.push(w);
    }
    for (a, b) in &p.days {
        parts.push(format!(
            "{select}{place_w} AND grain = 0 AND period >= {a} AND period < {b}{kinds_w}"
        ));
    }
    for (a, b) in &p.raw {
        parts.push(expanded(pg, f, kinds, &issue_source(f, *a, *b, pg)));
    }
    // The deltas not folded yet, over the whole days and months read from the roll-up (the raw
    // edges are read whole from the issues).
    if p.months.is_some() || !p.days.is_empty() {
        let (from, to) = whole_days(f.from, f.to);
        let deltas = format!(
            "SELECT {DELTA_COLUMNS} FROM figure_deltas d WHERE 1 = 1{}{}",
            place(f, "d.", true),
            range("d.created_at", from, to, pg)
        );
        parts.push(expanded(pg, f, kinds, &deltas));
    }
    run_tally(conn, &parts)
}

/// The same sums as [`tally`], computed from the issues, answers and status changes alone
/// (no roll-up, no deltas): the reference the roll-ups must equal.
pub fn tally_direct(
    conn: &mut AnyConnection,
    f: &StatsFilter,
    kinds: &[i32],
) -> Result<Vec<Tally>, PersistenceError> {
    let pg = is_pg(conn);
    if let (Some(a), Some(b)) = (f.from, f.to)
        && a >= b
    {
        return Ok(Vec::new());
    }
    let source = issue_source(f, f.from, f.to, pg);
    run_tally(conn, &[expanded(pg, f, kinds, &source)])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    #[test]
    fn buckets_round_to_what_is_shown_and_keep_whole_days_exact() {
        assert_eq!(bucket(0), 0);
        assert_eq!(bucket(100), 1, "rounds down onto 0: one second past it");
        assert_eq!(bucket(200), 360);
        assert_eq!(bucket(36_003), 36_000);
        assert_eq!(bucket(86_400), 86_400);
        assert_eq!(bucket(86_500), 86_401);
        assert_eq!(bucket(30 * 3_600 + 3), 30 * 3_600);
        assert_eq!(bucket(30 * 3_600 + 1_900), 31 * 3_600);
        assert_eq!(bucket(7 * 86_400), 7 * 86_400);
        assert_eq!(bucket(8 * 86_400 + 100), 8 * 86_400 + 1);
        assert_eq!(bucket(8 * 86_400 + 50_000), 9 * 86_400);
        // Within N days on buckets is within N days on the durations, and buckets never decrease.
        let mut last = i64::MIN;
        for v in (0..40 * 86_400).step_by(97) {
            let b = bucket(v);
            assert!(b >= last, "{v}");
            last = b;
            for days in 0..40 {
                assert_eq!(
                    b <= days * 86_400,
                    i64::from(v) <= days * 86_400,
                    "{v} {days}"
                );
            }
        }
    }

    #[test]
    fn a_period_is_whole_months_whole_days_and_raw_edges() {
        let p = plan(
            Some(t("2026-01-14 23:00:00")),
            Some(t("2026-04-02 23:00:00")),
        );
        assert_eq!(
            p.raw,
            vec![
                (
                    Some(t("2026-01-14 23:00:00")),
                    Some(t("2026-01-15 00:00:00"))
                ),
                (
                    Some(t("2026-04-02 00:00:00")),
                    Some(t("2026-04-02 23:00:00"))
                ),
            ]
        );
        let day = |s: &str| day_of(t(s));
        assert_eq!(
            p.days,
            vec![
                (day("2026-01-15 00:00:00"), day("2026-02-01 00:00:00")),
                (day("2026-04-01 00:00:00"), day("2026-04-02 00:00:00")),
            ]
        );
        assert_eq!(p.months, Some((Some(2026 * 12 + 1), Some(2026 * 12 + 3))));
        let inside = plan(
            Some(t("2026-01-14 23:00:00")),
            Some(t("2026-01-15 10:00:00")),
        );
        assert_eq!(
            inside.raw,
            vec![(
                Some(t("2026-01-14 23:00:00")),
                Some(t("2026-01-15 10:00:00"))
            )]
        );
        let open = plan(None, None);
        assert_eq!(open.months, Some((None, None)));
        assert!(open.days.is_empty() && open.raw.is_empty());
        assert_eq!(
            plan(
                Some(t("2026-01-02 00:00:00")),
                Some(t("2026-01-01 00:00:00"))
            ),
            Plan::default()
        );
    }
}
