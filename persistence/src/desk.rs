//! The official's desk: the open public issues of their scope as a working inbox, in groups
//! (new, overdue, waiting for them, planned, all), filtered by category and arrondissement,
//! sorted, and paged by key.
//!
//! Every condition narrows the commune's issues first (`issues.commune_id`, with the
//! `issues_commune_category_status` index on both backends); the groups and orders are then
//! computed over that scope's open issues only, never over the whole table. The times the
//! groups and orders compare are written in whole seconds since 1970 by each backend's own
//! function, the only SQL here that differs between them.

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::issue::open_statuses;
use crate::schema::{arrondissements, categories};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Integer, Nullable, Text, Timestamp};

/// Whose desk: the official, and the scope of their appointment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeskScope {
    pub user_id: i64,
    pub commune_id: i64,
    pub arrondissement_id: Option<i64>,
    /// Empty: every category of the commune.
    pub category_ids: Vec<i64>,
}

/// A work group of the desk.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum DeskGroup {
    /// No official answer yet, within the category's answer target.
    New,
    /// No official answer yet, past the category's answer target.
    Overdue,
    /// Someone replied in public after this official's last answer.
    Waiting,
    /// Planned for a day.
    Planned,
    /// Every open issue of the scope.
    #[default]
    All,
}

impl DeskGroup {
    pub const ALL: [DeskGroup; 5] = [
        DeskGroup::New,
        DeskGroup::Overdue,
        DeskGroup::Waiting,
        DeskGroup::Planned,
        DeskGroup::All,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DeskGroup::New => "new",
            DeskGroup::Overdue => "overdue",
            DeskGroup::Waiting => "waiting",
            DeskGroup::Planned => "planned",
            DeskGroup::All => "all",
        }
    }

    pub fn parse(value: &str) -> Option<DeskGroup> {
        DeskGroup::ALL.into_iter().find(|g| g.as_str() == value)
    }
}

/// The orders of the desk; each breaks ties by id.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum DeskSort {
    /// The longest waiting first.
    #[default]
    Oldest,
    Newest,
    MostSupported,
    /// The nearest due day first: the expected day of a planned issue, else the answer target.
    Due,
}

impl DeskSort {
    pub const ALL: [DeskSort; 4] = [
        DeskSort::Oldest,
        DeskSort::Newest,
        DeskSort::MostSupported,
        DeskSort::Due,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DeskSort::Oldest => "oldest",
            DeskSort::Newest => "newest",
            DeskSort::MostSupported => "most_supported",
            DeskSort::Due => "due",
        }
    }

    pub fn parse(value: &str) -> Option<DeskSort> {
        DeskSort::ALL.into_iter().find(|s| s.as_str() == value)
    }
}

/// What the desk shows: a group, narrowed to a category and an arrondissement (ids within the
/// scope), in an order, at `now`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeskFilter {
    pub group: DeskGroup,
    pub sort: DeskSort,
    pub category_id: Option<i64>,
    pub arrondissement_id: Option<i64>,
    pub now: NaiveDateTime,
}

/// An issue of the desk, with its keys.
#[derive(Debug, Clone, PartialEq, Eq, QueryableByName)]
pub struct DeskRow {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = Text)]
    pub title: String,
    #[diesel(sql_type = Text)]
    pub category: String,
    #[diesel(sql_type = Nullable<Text>)]
    pub arrondissement: Option<String>,
    #[diesel(sql_type = Text)]
    pub status: String,
    #[diesel(sql_type = Timestamp)]
    pub created_at: NaiveDateTime,
    #[diesel(sql_type = Integer)]
    pub support_count: i32,
    /// 1 once an official answered.
    #[diesel(sql_type = Integer)]
    pub answered: i32,
    /// When it was reported, in seconds since 1970 (the key of the time orders).
    #[diesel(sql_type = BigInt)]
    pub created_s: i64,
    /// When it is due, in seconds since 1970: the expected day of a planned issue, else the
    /// end of the category's answer target.
    #[diesel(sql_type = BigInt)]
    pub due_s: i64,
}

impl DeskRow {
    /// This row's key under `sort`, for the next page.
    pub fn key(&self, sort: DeskSort) -> (i64, i64) {
        let k = match sort {
            DeskSort::Oldest | DeskSort::Newest => self.created_s,
            DeskSort::MostSupported => i64::from(self.support_count),
            DeskSort::Due => self.due_s,
        };
        (k, self.id)
    }
}

/// How many issues each group holds (under the same category and arrondissement).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, QueryableByName)]
pub struct DeskCounts {
    #[diesel(sql_type = BigInt)]
    pub new: i64,
    #[diesel(sql_type = BigInt)]
    pub overdue: i64,
    #[diesel(sql_type = BigInt)]
    pub waiting: i64,
    #[diesel(sql_type = BigInt)]
    pub planned: i64,
    #[diesel(sql_type = BigInt)]
    pub total: i64,
}

impl DeskCounts {
    pub fn of(&self, group: DeskGroup) -> i64 {
        match group {
            DeskGroup::New => self.new,
            DeskGroup::Overdue => self.overdue,
            DeskGroup::Waiting => self.waiting,
            DeskGroup::Planned => self.planned,
            DeskGroup::All => self.total,
        }
    }
}

/// The SQL pieces that differ between the backends.
struct Dialect {
    /// Seconds since 1970 of a timestamp column.
    seconds: fn(&str) -> String,
    /// Seconds since 1970 of the start of a date column.
    day_seconds: fn(&str) -> String,
}

fn dialect(conn: &AnyConnection) -> Dialect {
    match conn {
        AnyConnection::Sqlite(_) => Dialect {
            seconds: |c| format!("CAST(strftime('%s', {c}) AS INTEGER)"),
            day_seconds: |c| format!("CAST(strftime('%s', {c}) AS INTEGER)"),
        },
        AnyConnection::Postgresql(_) => Dialect {
            seconds: |c| format!("CAST(FLOOR(EXTRACT(EPOCH FROM {c})) AS BIGINT)"),
            day_seconds: |c| format!("CAST(EXTRACT(EPOCH FROM CAST({c} AS TIMESTAMP)) AS BIGINT)"),
        },
    }
}

/// When the category's answer target ends, in seconds since 1970, for an issue reported at
/// `created_s`.
fn answer_due(created_s: &str) -> String {
    format!("({created_s} + categories.answer_target_days * 86400)")
}

/// The expressions and conditions of a desk's query (every value in them is a number of ours,
/// or a status name of the domain's: nothing a visitor typed).
struct Parts {
    from: String,
    created_s: String,
    due_s: String,
    now_s: i64,
    user_id: i64,
}

impl Parts {
    fn new(conn: &AnyConnection, scope: &DeskScope, filter: &DeskFilter) -> Parts {
        let d = dialect(conn);
        let statuses = open_statuses()
            .iter()
            .map(|s| format!("'{s}'"))
            .collect::<Vec<_>>()
            .join(", ");
        let mut from = format!(
            "FROM issues \
             INNER JOIN categories ON categories.id = issues.category_id \
             LEFT JOIN arrondissements ON arrondissements.id = issues.arrondissement_id \
             WHERE issues.commune_id = {} AND issues.visibility = 'public' \
             AND issues.status IN ({statuses})",
            scope.commune_id
        );
        if let Some(a) = scope.arrondissement_id {
            from.push_str(&format!(" AND issues.arrondissement_id = {a}"));
        }
        if !scope.category_ids.is_empty() {
            let ids = scope
                .category_ids
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            from.push_str(&format!(" AND issues.category_id IN ({ids})"));
        }
        if let Some(c) = filter.category_id {
            from.push_str(&format!(" AND issues.category_id = {c}"));
        }
        if let Some(a) = filter.arrondissement_id {
            from.push_str(&format!(" AND issues.arrondissement_id = {a}"));
        }
        let created_s = (d.seconds)("issues.created_at");
        let answer_due = answer_due(&created_s);
        let due_s = format!(
            "(CASE WHEN issues.status = 'planned' AND issues.expected_on IS NOT NULL \
             THEN {} ELSE {answer_due} END)",
            (d.day_seconds)("issues.expected_on")
        );
        Parts {
            from,
            created_s,
            due_s,
            now_s: filter.now.and_utc().timestamp(),
            user_id: scope.user_id,
        }
    }

    /// The condition of a group.
    fn group(&self, group: DeskGroup) -> String {
        let me = self.user_id;
        match group {
            DeskGroup::New => format!(
                "(issues.first_official_answer_at IS NULL AND {} >= {})",
                answer_due(&self.created_s),
                self.now_s
            ),
            DeskGroup::Overdue => format!(
                "(issues.first_official_answer_at IS NULL AND {} < {})",
                answer_due(&self.created_s),
                self.now_s
            ),
            DeskGroup::Waiting => format!(
                "EXISTS (SELECT 1 FROM issue_replies r WHERE r.issue_id = issues.id \
                 AND r.is_official = FALSE AND r.visibility = 'public' AND r.author_id <> {me} \
                 AND r.created_at > (SELECT MAX(m.created_at) FROM issue_replies m \
                 WHERE m.issue_id = issues.id AND m.author_id = {me} AND m.is_official = TRUE))"
            ),
            DeskGroup::Planned => "(issues.status = 'planned')".to_owned(),
            DeskGroup::All => "(1 = 1)".to_owned(),
        }
    }
}

/// How many issues each group of the desk holds, under the filter's category and arrondissement.
pub fn counts(
    conn: &mut AnyConnection,
    scope: &DeskScope,
    filter: &DeskFilter,
) -> Result<DeskCounts, PersistenceError> {
    let p = Parts::new(conn, scope, filter);
    let count = |g| {
        format!(
            "CAST(COALESCE(SUM(CASE WHEN {} THEN 1 ELSE 0 END), 0) AS BIGINT)",
            p.group(g)
        )
    };
    let sql = format!(
        "SELECT {} AS new, {} AS overdue, {} AS waiting, {} AS planned, \
         CAST(COUNT(*) AS BIGINT) AS total {}",
        count(DeskGroup::New),
        count(DeskGroup::Overdue),
        count(DeskGroup::Waiting),
        count(DeskGroup::Planned),
        p.from
    );
    Ok(
        crate::connection::on_backend!(conn, c => diesel::sql_query(&sql).get_result::<DeskCounts>(c))?,
    )
}

/// A page of the desk's group in the filter's order, after the key of the last item seen
/// (`(key, id)` from [`DeskRow::key`]), at most `limit` items.
pub fn page(
    conn: &mut AnyConnection,
    scope: &DeskScope,
    filter: &DeskFilter,
    after: Option<(i64, i64)>,
    limit: i64,
) -> Result<Vec<DeskRow>, PersistenceError> {
    let sql = page_sql(conn, scope, filter, after, limit);
    Ok(crate::connection::on_backend!(conn, c => diesel::sql_query(&sql).load::<DeskRow>(c))?)
}

fn page_sql(
    conn: &AnyConnection,
    scope: &DeskScope,
    filter: &DeskFilter,
    after: Option<(i64, i64)>,
    limit: i64,
) -> String {
    let p = Parts::new(conn, scope, filter);
    let (key, ascending) = match filter.sort {
        DeskSort::Oldest => (p.created_s.clone(), true),
        DeskSort::Newest => (p.created_s.clone(), false),
        DeskSort::MostSupported => ("issues.support_count".to_owned(), false),
        DeskSort::Due => (p.due_s.clone(), true),
    };
    let (order, after_op) = if ascending {
        ("ASC", ">")
    } else {
        ("DESC", "<")
    };
    let after = after.map_or_else(String::new, |(k, id)| {
        format!(" AND ({key}, issues.id) {after_op} ({k}, {id})")
    });
    format!(
        "SELECT issues.id AS id, issues.title AS title, categories.code AS category, \
         arrondissements.slug AS arrondissement, issues.status AS status, \
         issues.created_at AS created_at, issues.support_count AS support_count, \
         CASE WHEN issues.first_official_answer_at IS NULL THEN 0 ELSE 1 END AS answered, \
         {created} AS created_s, {due} AS due_s \
         {from} AND {group}{after} \
         ORDER BY {key} {order}, issues.id {order} LIMIT {limit}",
        created = p.created_s,
        due = p.due_s,
        from = p.from,
        group = p.group(filter.group),
        limit = limit.max(0),
    )
}

/// The backend's plan for a page of the desk, one line per step (to check that it starts from
/// an index of the issues rather than reading the whole table). On PostgreSQL, sequential scans
/// are turned off for the plan, as a small test table would otherwise be read whole.
#[cfg(feature = "test-support")]
pub fn page_plan(
    conn: &mut AnyConnection,
    scope: &DeskScope,
    filter: &DeskFilter,
) -> Result<Vec<String>, PersistenceError> {
    use diesel::connection::SimpleConnection;
    #[derive(QueryableByName)]
    struct SqlitePlan {
        #[diesel(sql_type = Text)]
        detail: String,
    }
    #[derive(QueryableByName)]
    struct PgPlan {
        #[diesel(sql_type = Text, column_name = "QUERY PLAN")]
        line: String,
    }
    let sql = page_sql(conn, scope, filter, None, 25);
    Ok(match conn {
        AnyConnection::Sqlite(c) => diesel::sql_query(format!("EXPLAIN QUERY PLAN {sql}"))
            .load::<SqlitePlan>(c)?
            .into_iter()
            .map(|p| p.detail)
            .collect(),
        AnyConnection::Postgresql(c) => {
            c.batch_execute("SET enable_seqscan = off")?;
            let plan = diesel::sql_query(format!("EXPLAIN {sql}")).load::<PgPlan>(c);
            c.batch_execute("SET enable_seqscan = on")?;
            plan?.into_iter().map(|p| p.line).collect()
        }
    })
}

/// The categories (id, code) and arrondissements (id, slug) a desk can be narrowed to: those
/// of the scope.
pub type DeskOptions = (Vec<(i64, String)>, Vec<(i64, String)>);

pub fn options(
    conn: &mut AnyConnection,
    scope: &DeskScope,
) -> Result<DeskOptions, PersistenceError> {
    let mut cats = categories::table
        .filter(categories::commune_id.eq(scope.commune_id))
        .order((categories::position.asc(), categories::id.asc()))
        .select((categories::id, categories::code))
        .into_boxed();
    if !scope.category_ids.is_empty() {
        cats = cats.filter(categories::id.eq_any(scope.category_ids.clone()));
    }
    let mut arrs = arrondissements::table
        .filter(arrondissements::commune_id.eq(scope.commune_id))
        .order((arrondissements::position.asc(), arrondissements::id.asc()))
        .select((arrondissements::id, arrondissements::slug))
        .into_boxed();
    if let Some(a) = scope.arrondissement_id {
        arrs = arrs.filter(arrondissements::id.eq(a));
    }
    Ok((cats.load(conn)?, arrs.load(conn)?))
}
