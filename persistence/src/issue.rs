//! Issues: creation and reading, with full-text search on each backend.

use crate::connection::{AnyConnection, on_backend};
use crate::error::PersistenceError;
use crate::schema::{arrondissements, categories, communes, issue_follows, issues};
use crate::stored::Stored;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Integer, Text, Timestamp};
use tawasol_domain::Locale;
use tawasol_domain::issue::{IssueStatus, Visibility};

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = issues)]
pub struct IssueInsertForm<'a> {
    pub commune_id: i64,
    pub category_id: i64,
    pub arrondissement_id: Option<i64>,
    pub author_id: i64,
    pub title: &'a str,
    pub description: &'a str,
    #[diesel(skip_insertion)]
    pub language: Locale,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub address: Option<&'a str>,
    /// Public, or pending when held for a moderator (personal data).
    #[diesel(skip_insertion)]
    pub visibility: Visibility,
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
        .values((
            form,
            issues::language.eq(form.language.as_str()),
            issues::visibility.eq(form.visibility.as_str()),
            issues::follower_count.eq(1),
        ))
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

/// Open or closed in Open311's sense, or one status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusFilter {
    Any,
    Open,
    Closed,
    Is(IssueStatus),
}

/// The statuses Open311 calls open, as stored.
pub(crate) fn open_statuses() -> Vec<&'static str> {
    IssueStatus::ALL
        .into_iter()
        .filter(|s| s.is_open())
        .map(IssueStatus::as_str)
        .collect()
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

// ---- thread, status, supports and follows ----

use crate::schema::{
    issue_replies, issue_status_changes, issue_supports, official_categories, officials, users,
};
use chrono::NaiveDate;

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = issue_replies)]
pub struct ReplyInsertForm<'a> {
    pub issue_id: i64,
    pub author_id: i64,
    pub body: &'a str,
    pub is_official: bool,
    pub official_title: Option<&'a str>,
    #[diesel(skip_insertion)]
    pub visibility: Visibility,
    pub created_at: NaiveDateTime,
}

/// Adds a reply; the issue's reply count and, for the first official answer, its answer time
/// follow in the same statement sequence (call inside a transaction).
pub fn add_reply(
    conn: &mut AnyConnection,
    form: &ReplyInsertForm<'_>,
) -> Result<i64, PersistenceError> {
    let id = on_backend!(conn, c => diesel::insert_into(issue_replies::table)
        .values((form, issue_replies::visibility.eq(form.visibility.as_str())))
        .returning(issue_replies::id)
        .get_result::<i64>(c))?;
    if form.visibility.is_public() {
        diesel::update(issues::table.find(form.issue_id))
            .set((
                issues::reply_count.eq(issues::reply_count + 1),
                issues::updated_at.eq(form.created_at),
            ))
            .execute(conn)?;
    }
    if form.is_official {
        let reported: NaiveDateTime = issues::table
            .find(form.issue_id)
            .select(issues::created_at)
            .first(conn)?;
        let seconds =
            i32::try_from((form.created_at - reported).num_seconds().max(0)).unwrap_or(i32::MAX);
        diesel::update(
            issues::table
                .find(form.issue_id)
                .filter(issues::first_official_answer_at.is_null()),
        )
        .set((
            issues::first_official_answer_at.eq(Some(form.created_at)),
            issues::first_answer_seconds.eq(Some(seconds)),
            issues::first_answer_by.eq(Some(form.author_id)),
        ))
        .execute(conn)?;
    }
    Ok(id)
}

/// A reply with its author's public name (empty once the account was deleted).
#[derive(Debug, Clone, PartialEq, Queryable)]
pub struct ReplyRow {
    pub id: i64,
    pub author_id: i64,
    pub author_name: String,
    pub body: String,
    pub is_official: bool,
    pub official_title: Option<String>,
    #[diesel(deserialize_as = Stored<Visibility>)]
    pub visibility: Visibility,
    pub created_at: NaiveDateTime,
    pub edited_at: Option<NaiveDateTime>,
}

/// The thread, oldest first: public replies, and the viewer's own held ones.
pub fn replies(
    conn: &mut AnyConnection,
    issue_id: i64,
    viewer: Option<i64>,
) -> Result<Vec<ReplyRow>, PersistenceError> {
    let mut q = issue_replies::table
        .inner_join(users::table.on(users::id.eq(issue_replies::author_id)))
        .filter(issue_replies::issue_id.eq(issue_id))
        .select((
            issue_replies::id,
            issue_replies::author_id,
            users::display_name,
            issue_replies::body,
            issue_replies::is_official,
            issue_replies::official_title,
            issue_replies::visibility,
            issue_replies::created_at,
            issue_replies::edited_at,
        ))
        .order((issue_replies::created_at.asc(), issue_replies::id.asc()))
        .into_boxed();
    q = match viewer {
        Some(v) => q.filter(
            issue_replies::visibility
                .eq(Visibility::Public.as_str())
                .or(issue_replies::visibility
                    .eq(Visibility::Pending.as_str())
                    .and(issue_replies::author_id.eq(v))),
        ),
        None => q.filter(issue_replies::visibility.eq(Visibility::Public.as_str())),
    };
    Ok(q.load(conn)?)
}

/// A status change as the public history shows it.
#[derive(Debug, Clone, PartialEq, Queryable)]
pub struct StatusChangeRow {
    pub actor_name: String,
    #[diesel(deserialize_as = Stored<IssueStatus>)]
    pub from_status: IssueStatus,
    #[diesel(deserialize_as = Stored<IssueStatus>)]
    pub to_status: IssueStatus,
    pub note: String,
    pub expected_on: Option<NaiveDate>,
    pub responsible_body: Option<String>,
    pub duplicate_of: Option<i64>,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone)]
pub struct StatusUpdate<'a> {
    pub issue_id: i64,
    pub actor_id: i64,
    pub from: IssueStatus,
    pub to: IssueStatus,
    pub note: &'a str,
    pub expected_on: Option<NaiveDate>,
    pub responsible_body: Option<&'a str>,
    pub duplicate_of: Option<i64>,
    pub at: NaiveDateTime,
}

/// Moves an issue from `from` to `to` and records it; `false` if the issue is no longer in
/// `from` (someone else changed it first). A duplicate hands its supports and followers to the
/// original. Call inside a transaction.
pub fn change_status(
    conn: &mut AnyConnection,
    u: &StatusUpdate<'_>,
) -> Result<bool, PersistenceError> {
    let resolved_at = (u.to == IssueStatus::Resolved).then_some(u.at);
    let reported: Option<NaiveDateTime> = issues::table
        .find(u.issue_id)
        .select(issues::created_at)
        .first(conn)
        .optional()?;
    let resolution_seconds = resolved_at
        .zip(reported)
        .map(|(r, c)| i32::try_from((r - c).num_seconds().max(0)).unwrap_or(i32::MAX));
    let n = diesel::update(
        issues::table
            .find(u.issue_id)
            .filter(issues::status.eq(u.from.as_str())),
    )
    .set((
        issues::status.eq(u.to.as_str()),
        issues::expected_on.eq(u.expected_on),
        issues::responsible_body.eq(u.responsible_body),
        issues::duplicate_of.eq(u.duplicate_of),
        issues::resolved_at.eq(resolved_at),
        issues::resolution_seconds.eq(resolution_seconds),
        issues::updated_at.eq(u.at),
    ))
    .execute(conn)?;
    if n == 0 {
        return Ok(false);
    }
    diesel::insert_into(issue_status_changes::table)
        .values((
            issue_status_changes::issue_id.eq(u.issue_id),
            issue_status_changes::actor_id.eq(u.actor_id),
            issue_status_changes::from_status.eq(u.from.as_str()),
            issue_status_changes::to_status.eq(u.to.as_str()),
            issue_status_changes::note.eq(u.note),
            issue_status_changes::expected_on.eq(u.expected_on),
            issue_status_changes::responsible_body.eq(u.responsible_body),
            issue_status_changes::duplicate_of.eq(u.duplicate_of),
            issue_status_changes::created_at.eq(u.at),
        ))
        .execute(conn)?;
    if let Some(original) = u.duplicate_of {
        let supporters: Vec<i64> = issue_supports::table
            .filter(issue_supports::issue_id.eq(u.issue_id))
            .select(issue_supports::user_id)
            .load(conn)?;
        for user in supporters {
            set_support(conn, original, user, true, u.at)?;
        }
        let followers: Vec<i64> = issue_follows::table
            .filter(issue_follows::issue_id.eq(u.issue_id))
            .select(issue_follows::user_id)
            .load(conn)?;
        for user in followers {
            set_follow(conn, original, user, true, u.at)?;
        }
    }
    Ok(true)
}

pub fn status_history(
    conn: &mut AnyConnection,
    issue_id: i64,
) -> Result<Vec<StatusChangeRow>, PersistenceError> {
    Ok(issue_status_changes::table
        .inner_join(users::table.on(users::id.eq(issue_status_changes::actor_id)))
        .filter(issue_status_changes::issue_id.eq(issue_id))
        .order((
            issue_status_changes::created_at.asc(),
            issue_status_changes::id.asc(),
        ))
        .select((
            users::display_name,
            issue_status_changes::from_status,
            issue_status_changes::to_status,
            issue_status_changes::note,
            issue_status_changes::expected_on,
            issue_status_changes::responsible_body,
            issue_status_changes::duplicate_of,
            issue_status_changes::created_at,
        ))
        .load(conn)?)
}

/// When the issue was last resolved, if it is.
pub fn resolved_at(
    conn: &mut AnyConnection,
    issue_id: i64,
) -> Result<Option<NaiveDateTime>, PersistenceError> {
    Ok(issues::table
        .find(issue_id)
        .select(issues::resolved_at)
        .first::<Option<NaiveDateTime>>(conn)
        .optional()?
        .flatten())
}

macro_rules! toggle {
    ($name:ident, $table:ident, $counter:ident) => {
        /// Adds (`on`) or removes the user's row, keeping the issue's counter in step; `true` if
        /// anything changed.
        pub fn $name(conn: &mut AnyConnection, issue_id: i64, user_id: i64, on: bool, at: NaiveDateTime) -> Result<bool, PersistenceError> {
            let changed = if on {
                on_backend!(conn, c => diesel::insert_into($table::table)
                    .values(($table::issue_id.eq(issue_id), $table::user_id.eq(user_id), $table::created_at.eq(at)))
                    .on_conflict_do_nothing()
                    .execute(c))?
            } else {
                diesel::delete($table::table.filter($table::issue_id.eq(issue_id)).filter($table::user_id.eq(user_id))).execute(conn)?
            };
            if changed == 1 {
                let delta = if on { 1 } else { -1 };
                diesel::update(issues::table.find(issue_id))
                    .set(issues::$counter.eq(issues::$counter + delta))
                    .execute(conn)?;
            }
            Ok(changed == 1)
        }
    };
}
toggle!(set_support, issue_supports, support_count);
toggle!(set_follow, issue_follows, follower_count);

/// Whether the user supports and follows the issue.
pub fn relation(
    conn: &mut AnyConnection,
    issue_id: i64,
    user_id: i64,
) -> Result<(bool, bool), PersistenceError> {
    let supports: i64 = issue_supports::table
        .filter(issue_supports::issue_id.eq(issue_id))
        .filter(issue_supports::user_id.eq(user_id))
        .count()
        .get_result(conn)?;
    let follows: i64 = issue_follows::table
        .filter(issue_follows::issue_id.eq(issue_id))
        .filter(issue_follows::user_id.eq(user_id))
        .count()
        .get_result(conn)?;
    Ok((supports > 0, follows > 0))
}

/// A person to notify: id, address and language.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct Recipient {
    pub user_id: i64,
    pub email: Option<String>,
    #[diesel(deserialize_as = Stored<Locale>)]
    pub locale: Locale,
}

/// Which followers to tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// Those who want official answers and status changes (the default).
    Updates,
    /// Those who asked for every reply.
    AllReplies,
}

/// Followers of an issue (the reporter among them) with an address, who want this kind of news.
pub fn followers(
    conn: &mut AnyConnection,
    issue_id: i64,
    audience: Audience,
) -> Result<Vec<Recipient>, PersistenceError> {
    use crate::schema::notification_preferences as prefs;
    let q = issue_follows::table
        .inner_join(users::table.on(users::id.eq(issue_follows::user_id)))
        .left_join(prefs::table.on(prefs::user_id.eq(issue_follows::user_id)))
        .filter(issue_follows::issue_id.eq(issue_id))
        .filter(users::email.is_not_null())
        .order(users::id.asc())
        .select((users::id, users::email, users::locale))
        .into_boxed();
    let q = match audience {
        Audience::Updates => q.filter(
            prefs::issue_updates
                .is_null()
                .or(prefs::issue_updates.eq(true)),
        ),
        Audience::AllReplies => q.filter(prefs::all_replies.eq(true)),
    };
    Ok(q.load(conn)?)
}

/// Officials whose scope covers an issue of this commune, arrondissement and category.
pub fn officials_in_scope(
    conn: &mut AnyConnection,
    commune_id: i64,
    arrondissement_id: Option<i64>,
    category_id: i64,
) -> Result<Vec<Recipient>, PersistenceError> {
    use crate::schema::notification_preferences as prefs;
    let candidates: Vec<(i64, Option<i64>, Recipient)> = officials::table
        .inner_join(users::table.on(users::id.eq(officials::user_id)))
        .left_join(prefs::table.on(prefs::user_id.eq(officials::user_id)))
        .filter(officials::commune_id.eq(commune_id))
        .filter(
            prefs::official_new_issues
                .is_null()
                .or(prefs::official_new_issues.eq("immediate")),
        )
        .filter(users::email.is_not_null())
        .filter(users::banned_at.is_null())
        .select((
            officials::id,
            officials::arrondissement_id,
            (users::id, users::email, users::locale),
        ))
        .load(conn)?;
    let mut out = Vec::new();
    for (official_id, arrondissement, recipient) in candidates {
        if arrondissement.is_some() && arrondissement != arrondissement_id {
            continue;
        }
        let categories: Vec<i64> = official_categories::table
            .filter(official_categories::official_id.eq(official_id))
            .select(official_categories::category_id)
            .load(conn)?;
        if categories.is_empty() || categories.contains(&category_id) {
            out.push(recipient);
        }
    }
    Ok(out)
}

/// The ids behind an issue's place and category (for scopes and notifications).
pub fn place(
    conn: &mut AnyConnection,
    issue_id: i64,
) -> Result<Option<(i64, Option<i64>, i64)>, PersistenceError> {
    Ok(issues::table
        .find(issue_id)
        .select((
            issues::commune_id,
            issues::arrondissement_id,
            issues::category_id,
        ))
        .first(conn)
        .optional()?)
}

/// What an edit of a reply led to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edited {
    Done,
    /// Done, and held for a moderator: the new text looks like personal data.
    Held,
    NotFound,
    NotAuthor,
    TooLate,
}

/// A correction of a reply by its author.
#[derive(Debug, Clone, Copy)]
pub struct ReplyUpdateForm<'a> {
    pub issue_id: i64,
    pub reply_id: i64,
    pub author_id: i64,
    pub body: &'a str,
    /// The new text looks like personal data: the reply is held again.
    pub hold: bool,
    /// Replies written before this can no longer be corrected.
    pub not_before: NaiveDateTime,
    pub at: NaiveDateTime,
}

/// Replaces a reply's body, keeping the previous one, if `author_id` wrote it after `not_before`;
/// with `hold`, a public reply goes back to `pending` (and out of the issue's public count).
pub fn edit_reply(
    conn: &mut AnyConnection,
    edit: &ReplyUpdateForm<'_>,
) -> Result<Edited, PersistenceError> {
    let ReplyUpdateForm {
        issue_id,
        reply_id,
        author_id,
        body,
        hold,
        not_before,
        at,
    } = *edit;
    use crate::schema::issue_reply_edits;
    let Some((author, created, previous, visibility)) = issue_replies::table
        .filter(issue_replies::id.eq(reply_id))
        .filter(issue_replies::issue_id.eq(issue_id))
        .select((
            issue_replies::author_id,
            issue_replies::created_at,
            issue_replies::body,
            issue_replies::visibility,
        ))
        .first::<(i64, NaiveDateTime, String, Stored<Visibility>)>(conn)
        .optional()?
    else {
        return Ok(Edited::NotFound);
    };
    let visibility = visibility.0;
    // A hidden reply is out of its author's hands; only public and held ones can be corrected.
    if visibility == Visibility::Hidden {
        return Ok(Edited::NotFound);
    }
    if author != author_id {
        return Ok(Edited::NotAuthor);
    }
    if created < not_before {
        return Ok(Edited::TooLate);
    }
    diesel::insert_into(issue_reply_edits::table)
        .values((
            issue_reply_edits::reply_id.eq(reply_id),
            issue_reply_edits::previous_body.eq(previous),
            issue_reply_edits::edited_at.eq(at),
        ))
        .execute(conn)?;
    diesel::update(issue_replies::table.find(reply_id))
        .set((
            issue_replies::body.eq(body),
            issue_replies::edited_at.eq(Some(at)),
        ))
        .execute(conn)?;
    // A correction that looks like personal data is held again until a moderator looks, and
    // leaves the public count.
    if hold && visibility.is_public() {
        crate::moderation::set_reply_visibility(conn, reply_id, Visibility::Pending)?;
        return Ok(Edited::Held);
    }
    Ok(Edited::Done)
}

/// Earlier versions of a reply, oldest first.
pub fn reply_history(
    conn: &mut AnyConnection,
    reply_id: i64,
) -> Result<Vec<(String, NaiveDateTime)>, PersistenceError> {
    use crate::schema::issue_reply_edits;
    Ok(issue_reply_edits::table
        .filter(issue_reply_edits::reply_id.eq(reply_id))
        .order(issue_reply_edits::id.asc())
        .select((
            issue_reply_edits::previous_body,
            issue_reply_edits::edited_at,
        ))
        .load(conn)?)
}

// ---- what Open311 shows beyond the row ----

/// What Open311 shows of an issue beyond its row: the planned date, its category's names and
/// department in each language (ar, fr, zgh), and the latest public official answer.
#[derive(Debug, Clone, PartialEq)]
pub struct IssueExtra {
    pub issue_id: i64,
    pub expected_on: Option<NaiveDate>,
    pub category_names: [String; 3],
    pub department: [String; 3],
    pub latest_official_answer: Option<String>,
}

type ExtraRow = (
    i64,
    Option<NaiveDate>,
    String,
    String,
    String,
    String,
    String,
    String,
);

/// The extras of these issues, in the order of `ids` (unknown ids are left out). Two queries
/// whatever the number of issues.
pub fn extras(conn: &mut AnyConnection, ids: &[i64]) -> Result<Vec<IssueExtra>, PersistenceError> {
    let rows: Vec<ExtraRow> = issues::table
        .inner_join(categories::table.on(categories::id.eq(issues::category_id)))
        .filter(issues::id.eq_any(ids))
        .select((
            issues::id,
            issues::expected_on,
            categories::name_ar,
            categories::name_fr,
            categories::name_zgh,
            categories::department_ar,
            categories::department_fr,
            categories::department_zgh,
        ))
        .load(conn)?;
    let answers: Vec<(i64, String)> = issue_replies::table
        .filter(issue_replies::issue_id.eq_any(ids))
        .filter(issue_replies::is_official.eq(true))
        .filter(issue_replies::visibility.eq(Visibility::Public.as_str()))
        .order((
            issue_replies::issue_id.asc(),
            issue_replies::created_at.desc(),
            issue_replies::id.desc(),
        ))
        .select((issue_replies::issue_id, issue_replies::body))
        .load(conn)?;
    let mut by_id: std::collections::HashMap<i64, IssueExtra> = rows
        .into_iter()
        .map(|(id, expected_on, n_ar, n_fr, n_zgh, d_ar, d_fr, d_zgh)| {
            (
                id,
                IssueExtra {
                    issue_id: id,
                    expected_on,
                    category_names: [n_ar, n_fr, n_zgh],
                    department: [d_ar, d_fr, d_zgh],
                    latest_official_answer: None,
                },
            )
        })
        .collect();
    for (issue_id, body) in answers {
        if let Some(extra) = by_id.get_mut(&issue_id) {
            // Newest first: keep the first one seen.
            extra.latest_official_answer.get_or_insert(body);
        }
    }
    Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
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
