//! The legal steps: the conditional move from one status to the next, and the public timeline.

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::schema::{petition_events, petitions, users};
use crate::stored::Stored;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use tawasol_domain::petition::PetitionStatus;

/// What a step writes on the petition (`None`: unchanged).
#[derive(Debug, Clone, AsChangeset)]
#[diesel(table_name = petitions)]
pub struct PetitionStepUpdateForm<'a> {
    #[diesel(skip_update)]
    pub status: PetitionStatus,
    pub receipt_number: Option<&'a str>,
    pub filed_on: Option<NaiveDate>,
    pub next_session_on: Option<NaiveDate>,
    pub session_date: Option<NaiveDate>,
    pub committee: Option<&'a str>,
    pub outcome: Option<&'a str>,
    pub updated_at: NaiveDateTime,
}

impl PetitionStepUpdateForm<'_> {
    /// A step that writes the status alone (and when).
    pub fn to(status: PetitionStatus, at: NaiveDateTime) -> Self {
        PetitionStepUpdateForm {
            status,
            receipt_number: None,
            filed_on: None,
            next_session_on: None,
            session_date: None,
            committee: None,
            outcome: None,
            updated_at: at,
        }
    }
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = petition_events)]
pub struct PetitionEventInsertForm<'a> {
    pub petition_id: i64,
    /// `None` when the platform took the step (the threshold was reached).
    pub actor_id: Option<i64>,
    /// `None` for the line that records the draft's creation.
    #[diesel(skip_insertion)]
    pub from_status: Option<PetitionStatus>,
    #[diesel(skip_insertion)]
    pub to_status: PetitionStatus,
    /// What the step carried (JSON).
    pub details: &'a str,
    pub created_at: NaiveDateTime,
}

/// Moves the petition from `event.from_status` to `event.to_status` and records the step on its
/// timeline; `false` (and nothing written) if it was no longer in `from_status`. Call inside a
/// write transaction.
pub fn step(
    conn: &mut AnyConnection,
    update: &PetitionStepUpdateForm<'_>,
    event: &PetitionEventInsertForm<'_>,
) -> Result<bool, PersistenceError> {
    let n = diesel::update(
        petitions::table
            .filter(petitions::id.eq(event.petition_id))
            .filter(petitions::status.eq(from_status(event.from_status))),
    )
    .set((petitions::status.eq(update.status.as_str()), update))
    .execute(conn)?;
    if n == 1 {
        record_event(conn, event)?;
    }
    Ok(n == 1)
}

/// Adds a line to the public timeline.
pub fn record_event(
    conn: &mut AnyConnection,
    event: &PetitionEventInsertForm<'_>,
) -> Result<(), PersistenceError> {
    diesel::insert_into(petition_events::table)
        .values((
            event,
            petition_events::from_status.eq(from_status(event.from_status)),
            petition_events::to_status.eq(event.to_status.as_str()),
        ))
        .execute(conn)?;
    Ok(())
}

/// A timeline line's `from_status` as stored: empty for the draft's creation.
fn from_status(status: Option<PetitionStatus>) -> &'static str {
    status.map_or("", PetitionStatus::as_str)
}

/// A line of the public timeline.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct EventRow {
    /// Empty once the actor erased their account; `None` for the platform.
    pub actor_name: Option<String>,
    /// `None` for the line that records the draft's creation.
    #[diesel(deserialize_as = Stored<Option<PetitionStatus>>)]
    pub from_status: Option<PetitionStatus>,
    #[diesel(deserialize_as = Stored<PetitionStatus>)]
    pub to_status: PetitionStatus,
    pub details: String,
    pub created_at: NaiveDateTime,
}

pub fn events(
    conn: &mut AnyConnection,
    petition_id: i64,
) -> Result<Vec<EventRow>, PersistenceError> {
    Ok(petition_events::table
        .left_join(users::table.on(petition_events::actor_id.eq(users::id.nullable())))
        .filter(petition_events::petition_id.eq(petition_id))
        .order(petition_events::id.asc())
        .select((
            users::display_name.nullable(),
            petition_events::from_status,
            petition_events::to_status,
            petition_events::details,
            petition_events::created_at,
        ))
        .load(conn)?)
}
