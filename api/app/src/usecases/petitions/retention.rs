//! Retention: once a petition is closed and its retention period has passed, its signatories'
//! personal data is erased.

use crate::context::AppState;
use crate::usecases::{Caller, UseCaseError, in_transaction, with_conn};
use chrono::NaiveDateTime;
use serde_json::json;
use tawasol_domain::petition::{PetitionStatus, retention_cutoff};
use tawasol_persistence::petition::{self};

/// Erases the signatories' full names, CINs, CIN hashes and addresses of every petition that
/// was decided, refused (inadmissible) or withdrawn more than `TAWASOL_SIGNATURE_RETENTION_DAYS`
/// before `at`. The counts, declarations, dates, the public timeline and the names signatories
/// chose to show (their display names) stay. Each petition is erased and audited
/// (`petition.signatures.erase`) once, whichever replica gets there first; run daily by the
/// scheduler, and safe to run again. Returns how many petitions were erased.
pub async fn erase_expired_signatures(
    state: &AppState,
    at: NaiveDateTime,
) -> Result<usize, UseCaseError> {
    let retention_days = state.signature_retention_days;
    let cutoff = retention_cutoff(at, retention_days);
    let closed: Vec<PetitionStatus> = PetitionStatus::ALL
        .into_iter()
        .filter(|s| s.is_closed())
        .collect();
    let due = with_conn(&state.db, move |c| {
        Ok(petition::personal_data_due(c, &closed, cutoff)?)
    })
    .await?;
    let mut erased = 0;
    for (id, status) in due {
        let done = in_transaction(&state.db, move |c| {
            let Some(signatures) = petition::erase_personal_data(c, id, at)? else {
                return Ok(false);
            };
            crate::usecases::admin::record(
                c,
                &Caller::anonymous(),
                "petition.signatures.erase",
                ("petition", &id.to_string()),
                None,
                Some(json!({
                    "signatures": signatures,
                    "status": status.as_str(),
                    "retention_days": retention_days,
                })),
                at,
            )?;
            Ok(true)
        })
        .await?;
        if done {
            erased += 1;
        }
    }
    Ok(erased)
}
