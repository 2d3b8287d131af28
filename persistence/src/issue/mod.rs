//! Issues: creation and reading, with full-text search on each backend.
//!
//! One concern a file: creation here, `reading` (one issue, lists with their filters, keyset
//! pages and search), `thread` (replies and their corrections), `status` (status changes and
//! their history), `relations` (supports and follows), `recipients` (who hears of an issue)
//! and `open311` (what Open311 shows beyond the row). Public items are re-exported here.

mod open311;
mod reading;
mod recipients;
mod relations;
mod similar;
mod status;
mod thread;

pub use open311::{
    RequestFilter, RequestRow, StatusEvent, commune_exists, service_requests,
    status_changes_between,
};
pub use reading::{IssueFilter, IssueRow, IssueSort, SortKey, StatusFilter, by_author, find, list};
pub use recipients::{Audience, Recipient, followers, officials_in_scope};
pub use relations::{relation, set_follow, set_support};
pub use similar::{SIMILAR_RECENT, SimilarCandidate, similar_candidates};
pub use status::{StatusChangeRow, StatusUpdate, change_status, resolved_at, status_history};
pub use thread::{
    Edited, ReplyInsertForm, ReplyRow, ReplyUpdateForm, add_reply, edit_reply, replies,
    replies_by_author, reply_history,
};

use crate::connection::{AnyConnection, on_backend};
use crate::error::PersistenceError;
use crate::schema::{arrondissements, categories, communes, issue_follows, issues};
use crate::stored::Stored;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use tawasol_domain::issue::{IssueStatus, Visibility};
use tawasol_domain::{BoundingBox, Locale};

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
    Ok(create_returning(conn, form, &IssuePlaceNames::default())?.id)
}

/// The slugs and code an issue row shows for its place and category (what the caller resolved
/// the ids from), so that the created row needs no read back.
#[derive(Debug, Clone, Default)]
pub struct IssuePlaceNames {
    pub commune: String,
    pub category: String,
    pub arrondissement: Option<String>,
}

/// The columns of a new row as `INSERT … RETURNING` gives them back.
#[derive(Queryable)]
struct Inserted {
    id: i64,
    author_id: i64,
    title: String,
    description: String,
    language: Stored<Locale>,
    lat: Option<f64>,
    lon: Option<f64>,
    address: Option<String>,
    status: Stored<IssueStatus>,
    visibility: Stored<Visibility>,
    support_count: i32,
    reply_count: i32,
    follower_count: i32,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

/// Creates an issue, its author following it from the start, and returns the stored row
/// (`INSERT … RETURNING`: defaults and anything the database set included) with `names` as its
/// place and category. Two statements.
pub fn create_returning(
    conn: &mut AnyConnection,
    form: &IssueInsertForm<'_>,
    names: &IssuePlaceNames,
) -> Result<IssueRow, PersistenceError> {
    let row: Inserted = on_backend!(conn, c => diesel::insert_into(issues::table)
        .values((
            form,
            issues::language.eq(form.language.as_str()),
            issues::visibility.eq(form.visibility.as_str()),
            issues::follower_count.eq(1),
        ))
        .returning((
            issues::id,
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
        ))
        .get_result::<Inserted>(c))?;
    diesel::insert_into(issue_follows::table)
        .values((
            issue_follows::issue_id.eq(row.id),
            issue_follows::user_id.eq(form.author_id),
            issue_follows::created_at.eq(form.created_at),
        ))
        .execute(conn)?;
    Ok(IssueRow {
        id: row.id,
        commune: names.commune.clone(),
        category: names.category.clone(),
        arrondissement: names.arrondissement.clone(),
        author_id: row.author_id,
        title: row.title,
        description: row.description,
        language: row.language.0,
        lat: row.lat,
        lon: row.lon,
        address: row.address,
        status: row.status.0,
        visibility: row.visibility.0,
        support_count: row.support_count,
        reply_count: row.reply_count,
        follower_count: row.follower_count,
        created_at: row.created_at,
        updated_at: row.updated_at,
    })
}

/// Where a new issue goes, as one query resolves it from the names a resident sent: the
/// commune (its box and names), and the arrondissement and category asked for, if the commune
/// has them.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportPlace {
    pub commune_id: i64,
    pub commune_names: (String, String, String),
    pub bounding_box: BoundingBox,
    /// `None`: none was asked for, or the commune has no such arrondissement.
    pub arrondissement_id: Option<i64>,
    /// The category's id and names (ar, fr, zgh); `None`: the commune has no such category.
    pub category: Option<(i64, (String, String, String))>,
}

/// Resolves a report's commune, arrondissement and category in one statement (`None`: no such
/// commune).
pub fn report_place(
    conn: &mut AnyConnection,
    commune: &str,
    arrondissement: Option<&str>,
    category: &str,
) -> Result<Option<ReportPlace>, PersistenceError> {
    type Row = (
        i64,
        (String, String, String),
        (f64, f64, f64, f64),
        Option<i64>,
        Option<i64>,
        Option<(String, String, String)>,
    );
    // An arrondissement that was not asked for matches no row (slugs are never empty).
    let row: Option<Row> = communes::table
        .left_join(
            arrondissements::table.on(arrondissements::commune_id
                .eq(communes::id)
                .and(arrondissements::slug.eq(arrondissement.unwrap_or("").to_owned()))),
        )
        .left_join(
            categories::table.on(categories::commune_id
                .eq(communes::id)
                .and(categories::code.eq(category.to_owned()))),
        )
        .filter(communes::slug.eq(commune))
        .select((
            communes::id,
            (communes::name_ar, communes::name_fr, communes::name_zgh),
            (
                communes::bbox_south,
                communes::bbox_west,
                communes::bbox_north,
                communes::bbox_east,
            ),
            arrondissements::id.nullable(),
            categories::id.nullable(),
            (
                categories::name_ar,
                categories::name_fr,
                categories::name_zgh,
            )
                .nullable(),
        ))
        .first(conn)
        .optional()?;
    let Some((
        commune_id,
        commune_names,
        (south, west, north, east),
        arrondissement_id,
        category_id,
        category_names,
    )) = row
    else {
        return Ok(None);
    };
    let bounding_box = BoundingBox::parse(south, west, north, east)
        .map_err(|e| PersistenceError::CorruptRow(format!("commune {commune}: {e}")))?;
    Ok(Some(ReportPlace {
        commune_id,
        commune_names,
        bounding_box,
        arrondissement_id,
        category: category_id.zip(category_names),
    }))
}

/// The statuses Open311 calls open, as stored.
pub(crate) fn open_statuses() -> Vec<&'static str> {
    IssueStatus::ALL
        .into_iter()
        .filter(|s| s.is_open())
        .map(IssueStatus::as_str)
        .collect()
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
