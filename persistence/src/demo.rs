//! Bulk loading of demonstration data (`tawasol demo-data`): multi-row inserts of rows whose ids
//! the caller assigns, so that a million issues and their threads load in large transactions
//! without a round trip per row. Everything here runs on both backends; the only
//! backend-specific steps are the identity sequences and the session settings.

use crate::connection::{AnyConnection, on_backend};
use crate::error::PersistenceError;
use crate::schema::{
    arrondissements, categories, communes, issue_follows, issue_replies, issue_status_changes,
    issue_supports, issues, petition_events, petition_follows, petitions, signatures, users,
};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use diesel::sql_query;

/// Bind parameters per statement: under SQLite's 32,766 and PostgreSQL's 65,535.
const BINDS_PER_STATEMENT: usize = 30_000;

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = users, treat_none_as_default_value = false)]
pub struct DemoUserInsertForm {
    pub id: i64,
    pub email: Option<String>,
    pub password_hash: Option<String>,
    pub display_name: String,
    pub locale: &'static str,
    pub home_commune_id: Option<i64>,
    pub email_verified_at: Option<NaiveDateTime>,
    pub is_admin: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// An issue with everything a real one accumulates (status, counts, answer and resolution
/// times), written in one go.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = issues, treat_none_as_default_value = false)]
pub struct DemoIssueInsertForm {
    pub id: i64,
    pub commune_id: i64,
    pub category_id: i64,
    pub arrondissement_id: Option<i64>,
    pub author_id: i64,
    pub title: String,
    pub description: String,
    pub language: &'static str,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub address: Option<String>,
    pub status: &'static str,
    pub visibility: &'static str,
    pub expected_on: Option<NaiveDate>,
    pub responsible_body: Option<String>,
    pub duplicate_of: Option<i64>,
    pub support_count: i32,
    pub reply_count: i32,
    pub follower_count: i32,
    pub first_official_answer_at: Option<NaiveDateTime>,
    pub first_answer_by: Option<i64>,
    pub first_answer_seconds: Option<i32>,
    pub resolved_at: Option<NaiveDateTime>,
    pub resolution_seconds: Option<i32>,
    pub search_text: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = issue_replies, treat_none_as_default_value = false)]
pub struct DemoReplyInsertForm {
    pub id: i64,
    pub issue_id: i64,
    pub author_id: i64,
    pub body: String,
    pub is_official: bool,
    pub official_title: Option<String>,
    pub visibility: &'static str,
    pub created_at: NaiveDateTime,
    pub edited_at: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = issue_status_changes, treat_none_as_default_value = false)]
pub struct DemoStatusChangeInsertForm {
    pub id: i64,
    pub issue_id: i64,
    pub actor_id: i64,
    pub from_status: &'static str,
    pub to_status: &'static str,
    pub note: String,
    pub expected_on: Option<NaiveDate>,
    pub responsible_body: Option<String>,
    pub duplicate_of: Option<i64>,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = issue_supports)]
pub struct DemoSupportInsertForm {
    pub issue_id: i64,
    pub user_id: i64,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = issue_follows)]
pub struct DemoFollowInsertForm {
    pub issue_id: i64,
    pub user_id: i64,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = petitions, treat_none_as_default_value = false)]
pub struct DemoPetitionInsertForm {
    pub id: i64,
    pub commune_id: i64,
    pub agent_id: i64,
    pub filer_type: &'static str,
    pub organisation_id: Option<i64>,
    pub title: String,
    pub request: String,
    pub reasons: String,
    pub association_declaration: Option<String>,
    pub status: &'static str,
    pub signature_count: i32,
    pub receipt_number: Option<String>,
    pub filed_on: Option<NaiveDate>,
    pub next_session_on: Option<NaiveDate>,
    pub session_date: Option<NaiveDate>,
    pub committee: Option<String>,
    pub outcome: Option<&'static str>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = petition_events, treat_none_as_default_value = false)]
pub struct DemoPetitionEventInsertForm {
    pub petition_id: i64,
    pub actor_id: Option<i64>,
    pub from_status: &'static str,
    pub to_status: &'static str,
    pub details: String,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = signatures)]
pub struct DemoSignatureInsertForm {
    pub petition_id: i64,
    pub user_id: i64,
    pub full_name: String,
    pub cin_encrypted: String,
    pub cin_hash: String,
    pub address_encrypted: String,
    pub lives_or_works_in_commune: bool,
    pub on_electoral_roll: bool,
    pub direct_interest: bool,
    pub show_name: bool,
    pub consented_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = petition_follows)]
pub struct DemoPetitionFollowInsertForm {
    pub petition_id: i64,
    pub user_id: i64,
    pub created_at: NaiveDateTime,
}

/// Inserts rows in statements of as many rows as the bind limit allows.
macro_rules! bulk {
    ($name:ident, $form:ty, $table:path, $columns:expr) => {
        #[doc = concat!("Inserts `", stringify!($form), "` rows, many per statement.")]
        pub fn $name(conn: &mut AnyConnection, rows: &[$form]) -> Result<(), PersistenceError> {
            for chunk in rows.chunks((BINDS_PER_STATEMENT / $columns).max(1)) {
                on_backend!(conn, c => diesel::insert_into($table).values(chunk).execute(c))?;
            }
            Ok(())
        }
    };
}

bulk!(insert_users, DemoUserInsertForm, users::table, 10);
bulk!(insert_issues, DemoIssueInsertForm, issues::table, 27);
bulk!(insert_replies, DemoReplyInsertForm, issue_replies::table, 9);
bulk!(
    insert_status_changes,
    DemoStatusChangeInsertForm,
    issue_status_changes::table,
    10
);
bulk!(
    insert_supports,
    DemoSupportInsertForm,
    issue_supports::table,
    3
);
bulk!(
    insert_follows,
    DemoFollowInsertForm,
    issue_follows::table,
    3
);
bulk!(
    insert_petitions,
    DemoPetitionInsertForm,
    petitions::table,
    19
);
bulk!(
    insert_petition_events,
    DemoPetitionEventInsertForm,
    petition_events::table,
    6
);
bulk!(
    insert_signatures,
    DemoSignatureInsertForm,
    signatures::table,
    12
);
bulk!(
    insert_petition_follows,
    DemoPetitionFollowInsertForm,
    petition_follows::table,
    3
);

/// The first free id of each table whose ids the loader assigns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NextIds {
    pub user: i64,
    pub issue: i64,
    pub reply: i64,
    pub status_change: i64,
    pub petition: i64,
}

pub fn next_ids(conn: &mut AnyConnection) -> Result<NextIds, PersistenceError> {
    use diesel::dsl::max;
    let next = |m: Option<i64>| m.unwrap_or(0) + 1;
    Ok(NextIds {
        user: next(users::table.select(max(users::id)).first(conn)?),
        issue: next(issues::table.select(max(issues::id)).first(conn)?),
        reply: next(
            issue_replies::table
                .select(max(issue_replies::id))
                .first(conn)?,
        ),
        status_change: next(
            issue_status_changes::table
                .select(max(issue_status_changes::id))
                .first(conn)?,
        ),
        petition: next(petitions::table.select(max(petitions::id)).first(conn)?),
    })
}

/// After rows were inserted with explicit ids: PostgreSQL's identity sequences move past them
/// (SQLite's rowids follow the largest id by themselves).
pub fn sync_id_sequences(conn: &mut AnyConnection) -> Result<(), PersistenceError> {
    if let AnyConnection::Postgresql(c) = conn {
        for table in [
            "users",
            "issues",
            "issue_replies",
            "issue_status_changes",
            "petitions",
        ] {
            sql_query(format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
                 COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
            ))
            .execute(c)?;
        }
    }
    Ok(())
}

/// Settings for a bulk load on this connection: on PostgreSQL a commit does not wait for the
/// disk (a crash loses at most the last transactions of a job that can be run again).
pub fn prepare_bulk_session(conn: &mut AnyConnection) -> Result<(), PersistenceError> {
    if let AnyConnection::Postgresql(c) = conn {
        sql_query("SET synchronous_commit = off").execute(c)?;
    }
    Ok(())
}

/// Folds the figure deltas the load's triggers wrote into the roll-ups, then refreshes the
/// planner's statistics once the data is in, so the first queries are planned on the real sizes.
pub fn analyze(conn: &mut AnyConnection) -> Result<(), PersistenceError> {
    crate::stats::rollup::fold(conn)?;
    on_backend!(conn, c => sql_query("ANALYZE").execute(c))?;
    Ok(())
}

/// A commune with the ids the loader needs.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoPlace {
    pub id: i64,
    pub slug: String,
    pub population: i64,
    pub petition_threshold: i32,
    pub centre: (f64, f64),
    /// South, west, north, east.
    pub bbox: (f64, f64, f64, f64),
    pub arrondissement_ids: Vec<i64>,
    /// Id, code and answer target in days, in the commune's order.
    pub categories: Vec<(i64, String, i32)>,
}

pub fn places(conn: &mut AnyConnection) -> Result<Vec<DemoPlace>, PersistenceError> {
    type Row = (i64, String, i64, i32, f64, f64, f64, f64, f64, f64);
    let rows: Vec<Row> = communes::table
        .order(communes::id.asc())
        .select((
            communes::id,
            communes::slug,
            communes::population,
            communes::petition_threshold,
            communes::centre_lat,
            communes::centre_lon,
            communes::bbox_south,
            communes::bbox_west,
            communes::bbox_north,
            communes::bbox_east,
        ))
        .load(conn)?;
    let arrondissements: Vec<(i64, i64)> = arrondissements::table
        .order((arrondissements::position.asc(), arrondissements::id.asc()))
        .select((arrondissements::commune_id, arrondissements::id))
        .load(conn)?;
    let categories: Vec<(i64, i64, String, i32)> = categories::table
        .order((categories::position.asc(), categories::id.asc()))
        .select((
            categories::commune_id,
            categories::id,
            categories::code,
            categories::answer_target_days,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(id, slug, population, threshold, lat, lon, s, w, n, e)| DemoPlace {
                id,
                slug,
                population,
                petition_threshold: threshold,
                centre: (lat, lon),
                bbox: (s, w, n, e),
                arrondissement_ids: arrondissements
                    .iter()
                    .filter(|(c, _)| *c == id)
                    .map(|(_, a)| *a)
                    .collect(),
                categories: categories
                    .iter()
                    .filter(|(c, ..)| *c == id)
                    .map(|(_, cat, code, days)| (*cat, code.clone(), *days))
                    .collect(),
            },
        )
        .collect())
}
