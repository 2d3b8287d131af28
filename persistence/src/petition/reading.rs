//! Reading petitions: one by id, lists (drafts only for their agent), and those filed and still
//! awaiting the bureau's decision.

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::schema::{communes, organisations, petitions, users};
use crate::stored::Stored;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use tawasol_domain::petition::{FilerType, PetitionStatus};

/// A petition with its commune, agent and organisation names.
#[derive(Debug, Clone, PartialEq, Queryable)]
pub struct PetitionRow {
    pub id: i64,
    pub commune_id: i64,
    pub commune: String,
    /// The commune's names in Arabic, French and Tamazight.
    pub commune_names: (String, String, String),
    pub threshold: i32,
    pub agent_id: i64,
    pub agent_name: String,
    #[diesel(deserialize_as = Stored<FilerType>)]
    pub filer_type: FilerType,
    pub organisation_id: Option<i64>,
    pub organisation_name: Option<String>,
    pub title: String,
    pub request: String,
    pub reasons: String,
    #[diesel(deserialize_as = Stored<PetitionStatus>)]
    pub status: PetitionStatus,
    pub signature_count: i32,
    pub receipt_number: Option<String>,
    pub filed_on: Option<NaiveDate>,
    pub next_session_on: Option<NaiveDate>,
    pub session_date: Option<NaiveDate>,
    pub committee: Option<String>,
    pub outcome: Option<String>,
    pub association_declaration: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// When the signatories' personal data was erased after the retention period.
    pub personal_data_erased_at: Option<NaiveDateTime>,
}

macro_rules! row_query {
    () => {
        petitions::table
            .inner_join(communes::table)
            .inner_join(users::table)
            .left_join(
                organisations::table
                    .on(organisations::id.nullable().eq(petitions::organisation_id)),
            )
            .select((
                petitions::id,
                petitions::commune_id,
                communes::slug,
                (communes::name_ar, communes::name_fr, communes::name_zgh),
                communes::petition_threshold,
                petitions::agent_id,
                users::display_name,
                petitions::filer_type,
                petitions::organisation_id,
                organisations::name.nullable(),
                petitions::title,
                petitions::request,
                petitions::reasons,
                petitions::status,
                petitions::signature_count,
                petitions::receipt_number,
                petitions::filed_on,
                petitions::next_session_on,
                petitions::session_date,
                petitions::committee,
                petitions::outcome,
                petitions::association_declaration,
                petitions::created_at,
                petitions::updated_at,
                petitions::personal_data_erased_at,
            ))
    };
}

pub fn find(conn: &mut AnyConnection, id: i64) -> Result<Option<PetitionRow>, PersistenceError> {
    Ok(row_query!()
        .filter(petitions::id.eq(id))
        .first(conn)
        .optional()?)
}

/// What a list asks for. Drafts appear only to their agent (`viewer_id`).
#[derive(Debug, Clone, Default)]
pub struct PetitionFilter {
    pub commune: Option<String>,
    pub status: Option<PetitionStatus>,
    pub agent_id: Option<i64>,
    pub viewer_id: Option<i64>,
}

/// Newest first, after the petition `after` (an id), at most `limit`.
pub fn list(
    conn: &mut AnyConnection,
    f: &PetitionFilter,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<PetitionRow>, PersistenceError> {
    let mut q = row_query!().into_boxed();
    if let Some(commune) = &f.commune {
        q = q.filter(communes::slug.eq(commune.clone()));
    }
    if let Some(status) = f.status {
        q = q.filter(petitions::status.eq(status.as_str()));
    }
    if let Some(agent) = f.agent_id {
        q = q.filter(petitions::agent_id.eq(agent));
    }
    q = match f.viewer_id {
        Some(v) => q.filter(
            petitions::status
                .ne(PetitionStatus::Draft.as_str())
                .or(petitions::agent_id.eq(v)),
        ),
        None => q.filter(petitions::status.ne(PetitionStatus::Draft.as_str())),
    };
    if let Some(after) = after {
        q = q.filter(petitions::id.lt(after));
    }
    Ok(q.order(petitions::id.desc()).limit(limit).load(conn)?)
}

/// Petitions filed and still awaiting the bureau's decision: id, commune, title, filing date.
pub fn awaiting_decision(
    conn: &mut AnyConnection,
) -> Result<Vec<(i64, i64, String, NaiveDate)>, PersistenceError> {
    let rows: Vec<(i64, i64, String, Option<NaiveDate>)> = petitions::table
        .filter(petitions::status.eq(PetitionStatus::Filed.as_str()))
        .order(petitions::id.asc())
        .select((
            petitions::id,
            petitions::commune_id,
            petitions::title,
            petitions::filed_on,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, c, t, f)| f.map(|f| (id, c, t, f)))
        .collect())
}
