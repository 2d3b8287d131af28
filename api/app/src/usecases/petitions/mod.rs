//! Local petitions under Organic Law 113-14: prepared and signed here, deposited with the council
//! president, and followed step by step in public until the council decides.
//!
//! One concern a file: `drafting` (create, correct a draft), `reading` (the views, one petition,
//! lists), `signing` (sign, withdraw, follow), `steps` (the legal steps), `dossier` (the deposit
//! dossier), `retention` (erasing signatories' personal data) and `reminders` (the refusal
//! deadline). Their public items are re-exported here: callers name `usecases::petitions::…`.

mod dossier;
mod drafting;
mod reading;
mod reminders;
mod retention;
mod signing;
mod steps;

pub use dossier::{AgentIdentity, Dossier, DossierLine, dossier};
pub use drafting::{AssociationInput, NewPetition, PetitionEdit, create, edit_draft};
pub use reading::{
    CollectionNotice, EventView, OrganisationView, PetitionDetail, PetitionQuery, PetitionView,
    detail, list, my_organisations,
};
pub use reminders::send_reminders;
pub use retention::erase_expired_signatures;
pub use signing::{NewSignature, SignatureView, set_follow, sign, withdraw};
pub use steps::{StepInput, may_download_dossier, official_of, transition};

use crate::context::AppState;
use crate::usecases::{Caller, UseCaseError};
use chrono::{NaiveDate, NaiveDateTime};

/// Today in Morocco: the law's dates are local dates.
pub fn today(at: NaiveDateTime) -> NaiveDate {
    at.and_utc()
        .with_timezone(&chrono_tz::Africa::Casablanca)
        .date_naive()
}

fn user_of(caller: &Caller) -> Result<i64, UseCaseError> {
    caller.user_id().ok_or(UseCaseError::Denied(
        tawasol_domain::Denied::NotAuthenticated,
    ))
}

fn petition_url(state: &AppState, id: i64) -> String {
    format!("{}/petitions/{id}", state.public_url)
}
