//! Open data: public issues and petitions a batch at a time (keyset on the id), so that an
//! export of any size streams in constant memory.

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::schema::{
    arrondissements, categories, communes, issues, organisations, petition_events, petitions,
};
use crate::stored::Stored;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use tawasol_domain::Locale;
use tawasol_domain::issue::{IssueStatus, Visibility};
use tawasol_domain::petition::{FilerType, PetitionStatus};

/// A public issue as open data: no author, no address, the exact location kept (the caller
/// rounds it).
#[derive(Debug, Clone, PartialEq, Queryable)]
pub struct IssueExportRow {
    pub id: i64,
    pub commune: String,
    pub arrondissement: Option<String>,
    pub category: String,
    #[diesel(deserialize_as = Stored<IssueStatus>)]
    pub status: IssueStatus,
    #[diesel(deserialize_as = Stored<Locale>)]
    pub language: Locale,
    pub title: String,
    pub description: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub support_count: i32,
    pub reply_count: i32,
    pub follower_count: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub first_official_answer_at: Option<NaiveDateTime>,
    pub first_answer_seconds: Option<i32>,
    pub resolved_at: Option<NaiveDateTime>,
    pub expected_on: Option<NaiveDate>,
    pub responsible_body: Option<String>,
    pub duplicate_of: Option<i64>,
}

/// Public issues with an id above `after`, in id order, at most `limit`.
pub fn issues_after(
    conn: &mut AnyConnection,
    commune_id: Option<i64>,
    after: i64,
    limit: i64,
) -> Result<Vec<IssueExportRow>, PersistenceError> {
    let mut q = issues::table
        .inner_join(communes::table)
        .inner_join(categories::table)
        .left_join(
            arrondissements::table.on(issues::arrondissement_id.eq(arrondissements::id.nullable())),
        )
        .filter(issues::visibility.eq(Visibility::Public.as_str()))
        .filter(issues::id.gt(after))
        .select((
            issues::id,
            communes::slug,
            arrondissements::slug.nullable(),
            categories::code,
            issues::status,
            issues::language,
            issues::title,
            issues::description,
            issues::lat,
            issues::lon,
            issues::support_count,
            issues::reply_count,
            issues::follower_count,
            issues::created_at,
            issues::updated_at,
            issues::first_official_answer_at,
            issues::first_answer_seconds,
            issues::resolved_at,
            issues::expected_on,
            issues::responsible_body,
            issues::duplicate_of,
        ))
        .into_boxed();
    if let Some(c) = commune_id {
        q = q.filter(issues::commune_id.eq(c));
    }
    Ok(q.order(issues::id.asc()).limit(limit).load(conn)?)
}

/// A petition as open data: counts and steps, no people.
#[derive(Debug, Clone, PartialEq, Queryable)]
pub struct PetitionExportRow {
    pub id: i64,
    pub commune: String,
    #[diesel(deserialize_as = Stored<FilerType>)]
    pub filer_type: FilerType,
    pub organisation: Option<String>,
    pub title: String,
    #[diesel(deserialize_as = Stored<PetitionStatus>)]
    pub status: PetitionStatus,
    pub signature_count: i32,
    pub threshold: i32,
    pub receipt_number: Option<String>,
    pub filed_on: Option<NaiveDate>,
    pub next_session_on: Option<NaiveDate>,
    pub session_date: Option<NaiveDate>,
    pub committee: Option<String>,
    pub outcome: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// Published petitions (never drafts) with an id above `after`, in id order, at most `limit`.
pub fn petitions_after(
    conn: &mut AnyConnection,
    commune_id: Option<i64>,
    after: i64,
    limit: i64,
) -> Result<Vec<PetitionExportRow>, PersistenceError> {
    let mut q = petitions::table
        .inner_join(communes::table)
        .left_join(
            organisations::table.on(organisations::id.nullable().eq(petitions::organisation_id)),
        )
        .filter(petitions::status.ne(PetitionStatus::Draft.as_str()))
        .filter(petitions::id.gt(after))
        .select((
            petitions::id,
            communes::slug,
            petitions::filer_type,
            organisations::name.nullable(),
            petitions::title,
            petitions::status,
            petitions::signature_count,
            communes::petition_threshold,
            petitions::receipt_number,
            petitions::filed_on,
            petitions::next_session_on,
            petitions::session_date,
            petitions::committee,
            petitions::outcome,
            petitions::created_at,
            petitions::updated_at,
        ))
        .into_boxed();
    if let Some(c) = commune_id {
        q = q.filter(petitions::commune_id.eq(c));
    }
    Ok(q.order(petitions::id.asc()).limit(limit).load(conn)?)
}

/// The steps of these petitions: petition id, status reached, when; in order.
pub fn steps_of(
    conn: &mut AnyConnection,
    petition_ids: &[i64],
) -> Result<Vec<(i64, PetitionStatus, NaiveDateTime)>, PersistenceError> {
    Ok(petition_events::table
        .filter(petition_events::petition_id.eq_any(petition_ids.to_vec()))
        .order((
            petition_events::petition_id.asc(),
            petition_events::id.asc(),
        ))
        .select((
            petition_events::petition_id,
            petition_events::to_status,
            petition_events::created_at,
        ))
        .load::<(i64, Stored<PetitionStatus>, NaiveDateTime)>(conn)?
        .into_iter()
        .map(|(id, Stored(status), at)| (id, status, at))
        .collect())
}
