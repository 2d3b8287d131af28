//! Retention: the signatories' personal data of closed petitions past their period, erased once.

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::schema::{petition_events, petitions, signatures};
use crate::stored::Stored;
use chrono::NaiveDateTime;
use diesel::dsl::exists;
use diesel::prelude::*;
use tawasol_domain::petition::PetitionStatus;

/// A signature's personal data exactly as stored (`None` once erased).
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct StoredPersonalData {
    pub full_name: Option<String>,
    pub cin_encrypted: Option<String>,
    pub cin_hash: Option<String>,
    pub address_encrypted: Option<String>,
}

/// The personal columns of every signature of a petition, as stored (for tests and operators).
pub fn stored_personal_data(
    conn: &mut AnyConnection,
    petition_id: i64,
) -> Result<Vec<StoredPersonalData>, PersistenceError> {
    Ok(signatures::table
        .filter(signatures::petition_id.eq(petition_id))
        .order(signatures::id.asc())
        .select((
            signatures::full_name,
            signatures::cin_encrypted,
            signatures::cin_hash,
            signatures::address_encrypted,
        ))
        .load(conn)?)
}

/// Closed petitions (in one of `closed_statuses`) whose signatories' personal data is still
/// kept although the step that closed them was taken at or before `cutoff`: id and status.
pub fn personal_data_due(
    conn: &mut AnyConnection,
    closed_statuses: &[PetitionStatus],
    cutoff: NaiveDateTime,
) -> Result<Vec<(i64, PetitionStatus)>, PersistenceError> {
    let closed_statuses: Vec<&str> = closed_statuses.iter().map(|s| s.as_str()).collect();
    let closing = petition_events::table
        .filter(petition_events::petition_id.eq(petitions::id))
        .filter(petition_events::to_status.eq(petitions::status))
        .filter(petition_events::created_at.le(cutoff));
    Ok(petitions::table
        .filter(petitions::status.eq_any(closed_statuses))
        .filter(petitions::personal_data_erased_at.is_null())
        .filter(exists(closing))
        .order(petitions::id.asc())
        .select((petitions::id, petitions::status))
        .load::<(i64, Stored<PetitionStatus>)>(conn)?
        .into_iter()
        .map(|(id, Stored(status))| (id, status))
        .collect())
}

/// Erases the full names, CINs, CIN hashes and addresses of a petition's signatures and notes
/// when; the count, the declarations, the dates and who signed (for their own account and the
/// names they chose to show) stay. `None` if it was already done (by another replica): each
/// petition is erased, and audited, once. Call inside a write transaction.
pub fn erase_personal_data(
    conn: &mut AnyConnection,
    petition_id: i64,
    at: NaiveDateTime,
) -> Result<Option<usize>, PersistenceError> {
    let claimed = diesel::update(
        petitions::table
            .filter(petitions::id.eq(petition_id))
            .filter(petitions::personal_data_erased_at.is_null()),
    )
    .set(petitions::personal_data_erased_at.eq(at))
    .execute(conn)?;
    if claimed == 0 {
        return Ok(None);
    }
    let none: Option<&str> = None;
    let erased = diesel::update(signatures::table.filter(signatures::petition_id.eq(petition_id)))
        .set((
            signatures::full_name.eq(none),
            signatures::cin_encrypted.eq(none),
            signatures::cin_hash.eq(none),
            signatures::address_encrypted.eq(none),
        ))
        .execute(conn)?;
    Ok(Some(erased))
}
