//! What the officials' morning digest needs: who gets one, and which issues go in it.

use crate::connection::{AnyConnection, on_backend};
use crate::error::PersistenceError;
use crate::issue::open_statuses;
use crate::schema::{
    categories, digest_runs, issues, notification_preferences as prefs, official_categories,
    officials, users,
};
use crate::stored::Stored;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use tawasol_domain::Locale;
use tawasol_domain::issue::Visibility;

/// Claims the digest of `day`; `false` if another run (or replica) already has it.
/// Whether the day's digests were already sent (here or by another replica).
pub fn day_claimed(conn: &mut AnyConnection, day: NaiveDate) -> Result<bool, PersistenceError> {
    use diesel::dsl::{exists, select};
    Ok(select(exists(digest_runs::table.filter(digest_runs::day.eq(day)))).get_result(conn)?)
}

pub fn claim_day(
    conn: &mut AnyConnection,
    day: NaiveDate,
    at: NaiveDateTime,
) -> Result<bool, PersistenceError> {
    let n = on_backend!(conn, c => diesel::insert_into(digest_runs::table)
        .values((digest_runs::day.eq(day), digest_runs::ran_at.eq(at)))
        .on_conflict_do_nothing()
        .execute(c))?;
    Ok(n == 1)
}

/// An official who may get a digest, with their scope.
#[derive(Debug, Clone, PartialEq)]
pub struct DigestOfficial {
    pub user_id: i64,
    pub email: String,
    pub locale: Locale,
    /// `immediate`, `daily` (new issues go in the digest) or `off` (no digest at all).
    pub new_issues: String,
    pub commune_id: i64,
    pub arrondissement_id: Option<i64>,
    pub category_ids: Vec<i64>,
}

/// Official id, user id, address, language, new-issue choice, commune, arrondissement.
type OfficialRow = (
    i64,
    i64,
    Option<String>,
    Stored<Locale>,
    Option<String>,
    i64,
    Option<i64>,
);

pub fn officials(conn: &mut AnyConnection) -> Result<Vec<DigestOfficial>, PersistenceError> {
    let rows: Vec<OfficialRow> = officials::table
        .inner_join(users::table.on(users::id.eq(officials::user_id)))
        .left_join(prefs::table.on(prefs::user_id.eq(officials::user_id)))
        .filter(users::email.is_not_null())
        .filter(users::banned_at.is_null())
        .order(users::id.asc())
        .select((
            officials::id,
            users::id,
            users::email,
            users::locale,
            prefs::official_new_issues.nullable(),
            officials::commune_id,
            officials::arrondissement_id,
        ))
        .load(conn)?;
    let mut out = Vec::new();
    for (official_id, user_id, email, Stored(locale), new_issues, commune_id, arrondissement_id) in
        rows
    {
        let category_ids = official_categories::table
            .filter(official_categories::official_id.eq(official_id))
            .select(official_categories::category_id)
            .load(conn)?;
        out.push(DigestOfficial {
            user_id,
            email: email.unwrap_or_default(),
            locale,
            new_issues: new_issues.unwrap_or_else(|| "immediate".to_owned()),
            commune_id,
            arrondissement_id,
            category_ids,
        });
    }
    Ok(out)
}

/// A public, open issue of a scope: id, title, when reported, the category's answer target,
/// and whether an official already answered.
pub type ScopedIssue = (i64, String, NaiveDateTime, i32, Option<NaiveDateTime>);

/// Open public issues of an official's scope reported since `since`, or not yet answered at all
/// (the caller sorts out which are past their category's target).
pub fn scope_issues(
    conn: &mut AnyConnection,
    o: &DigestOfficial,
    since: NaiveDateTime,
) -> Result<Vec<ScopedIssue>, PersistenceError> {
    let mut q = issues::table
        .inner_join(categories::table.on(categories::id.eq(issues::category_id)))
        .filter(issues::commune_id.eq(o.commune_id))
        .filter(issues::visibility.eq(Visibility::Public.as_str()))
        .filter(issues::status.eq_any(open_statuses()))
        .filter(
            issues::created_at
                .ge(since)
                .or(issues::first_official_answer_at.is_null()),
        )
        .order((issues::created_at.asc(), issues::id.asc()))
        .select((
            issues::id,
            issues::title,
            issues::created_at,
            categories::answer_target_days,
            issues::first_official_answer_at,
        ))
        .into_boxed();
    if let Some(a) = o.arrondissement_id {
        q = q.filter(issues::arrondissement_id.eq(a));
    }
    if !o.category_ids.is_empty() {
        q = q.filter(issues::category_id.eq_any(o.category_ids.clone()));
    }
    Ok(q.limit(500).load(conn)?)
}

/// An issue waiting for an official: id, title, and when the newest reply after their last
/// answer came.
pub type WaitingIssue = (i64, String, NaiveDateTime);

/// Open public issues of an official's scope that the official (`o.user_id`) answered, and on
/// which someone else (the reporter or a resident) replied in public after their last answer;
/// by the time of that newest reply, oldest first.
pub fn waiting_for(
    conn: &mut AnyConnection,
    o: &DigestOfficial,
) -> Result<Vec<WaitingIssue>, PersistenceError> {
    use crate::schema::issue_replies as replies;
    let mut q = replies::table
        .inner_join(issues::table.on(issues::id.eq(replies::issue_id)))
        .filter(replies::author_id.eq(o.user_id))
        .filter(replies::is_official.eq(true))
        .filter(issues::commune_id.eq(o.commune_id))
        .filter(issues::visibility.eq(Visibility::Public.as_str()))
        .filter(issues::status.eq_any(open_statuses()))
        .select((issues::id, issues::title, replies::created_at))
        .into_boxed();
    if let Some(a) = o.arrondissement_id {
        q = q.filter(issues::arrondissement_id.eq(a));
    }
    if !o.category_ids.is_empty() {
        q = q.filter(issues::category_id.eq_any(o.category_ids.clone()));
    }
    let mine: Vec<(i64, String, NaiveDateTime)> = q.load(conn)?;
    let mut last: std::collections::BTreeMap<i64, (String, NaiveDateTime)> =
        std::collections::BTreeMap::new();
    for (id, title, at) in mine {
        let entry = last.entry(id).or_insert((title, at));
        if at > entry.1 {
            entry.1 = at;
        }
    }
    if last.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i64> = last.keys().copied().collect();
    let others: Vec<(i64, NaiveDateTime)> = replies::table
        .filter(replies::issue_id.eq_any(ids))
        .filter(replies::author_id.ne(o.user_id))
        .filter(replies::is_official.eq(false))
        .filter(replies::visibility.eq(Visibility::Public.as_str()))
        .select((replies::issue_id, replies::created_at))
        .load(conn)?;
    let mut newest: std::collections::BTreeMap<i64, NaiveDateTime> =
        std::collections::BTreeMap::new();
    for (id, at) in others {
        if last.get(&id).is_some_and(|(_, mine)| at > *mine) {
            let e = newest.entry(id).or_insert(at);
            if at > *e {
                *e = at;
            }
        }
    }
    let mut out: Vec<WaitingIssue> = newest
        .into_iter()
        .filter_map(|(id, at)| last.remove(&id).map(|(title, _)| (id, title, at)))
        .collect();
    out.sort_by(|a, b| a.2.cmp(&b.2).then(a.0.cmp(&b.0)));
    Ok(out)
}
