//! Drafting: a citizen or a verified association writes a petition, and its agent corrects the
//! draft until it is published.

use super::reading::visible;
use super::{PetitionDetail, detail, today, user_of};
use crate::context::AppState;
use crate::usecases::{Caller, Invalid, UseCaseError, check, check_text, in_transaction};
use chrono::{NaiveDate, TimeDelta};
use serde::Serialize;
use serde_json::json;
use tawasol_domain::petition::{
    AssociationDeclaration, AssociationRefusal, FilerType, PetitionReasons, PetitionRequest,
    PetitionStatus, PetitionTitle, check_association,
};
use tawasol_domain::text::without_personal_data;
use tawasol_domain::{Action, Actor, Locale};
use tawasol_persistence::petition::{self, PetitionEventInsertForm, PetitionInsertForm};
use tawasol_persistence::{AnyConnection, role};

/// What an association declares when it creates a petition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssociationInput {
    pub in_good_standing: bool,
    /// Its head office or a branch is in the commune (true by itself when the head office is).
    pub office_in_commune: bool,
    pub activity_linked_to_subject: bool,
}

/// What the creator sends.
#[derive(Debug, Clone)]
pub struct NewPetition {
    pub commune: String,
    pub title: String,
    pub request: String,
    pub reasons: String,
    pub filer_type: String,
    pub organisation_id: Option<i64>,
    pub association: Option<AssociationInput>,
}

fn association_refusal(r: AssociationRefusal) -> UseCaseError {
    let (field, message) = match r {
        AssociationRefusal::TooRecent => ("organisation_id", "field-association-too-recent"),
        AssociationRefusal::NotInGoodStanding => (
            "association/in_good_standing",
            "field-association-good-standing",
        ),
        AssociationRefusal::NoOfficeInCommune => {
            ("association/office_in_commune", "field-association-office")
        }
        AssociationRefusal::ActivityNotLinked => (
            "association/activity_linked_to_subject",
            "field-association-activity",
        ),
    };
    UseCaseError::invalid(field, message)
}

/// Checks an association's conditions on `filing_on` from its verified record and declaration.
pub(super) fn association_check(
    c: &mut AnyConnection,
    organisation_id: i64,
    commune_id: i64,
    declared: AssociationInput,
    filing_on: NaiveDate,
) -> Result<(), UseCaseError> {
    let org = role::find_organisation(c, organisation_id)?
        .filter(|o| o.verified_at.is_some())
        .ok_or(UseCaseError::OrganisationNotFound(organisation_id))?;
    check_association(
        &AssociationDeclaration {
            founded_on: org.founded_on,
            in_good_standing: declared.in_good_standing,
            office_in_commune: declared.office_in_commune
                || org.head_office_commune_id == commune_id,
            activity_linked_to_subject: declared.activity_linked_to_subject,
        },
        filing_on,
    )
    .map_err(association_refusal)
}

/// Creates a draft. Citizens: the creator is the agent. Associations: an admin-verified
/// organisation the creator belongs to, which meets the law's conditions.
pub async fn create(
    state: &AppState,
    caller: &Caller,
    locale: Locale,
    input: NewPetition,
) -> Result<PetitionDetail, UseCaseError> {
    caller.may(&Action::Contribute)?;
    let agent = user_of(caller)?;
    let mut invalid = Vec::new();
    let title = check_text(
        PetitionTitle::parse(&input.title).and_then(without_personal_data),
        "title",
        "field-petition-title",
        &mut invalid,
    );
    let request = check_text(
        PetitionRequest::parse(&input.request).and_then(without_personal_data),
        "request",
        "field-petition-request",
        &mut invalid,
    );
    let reasons = check_text(
        PetitionReasons::parse(&input.reasons).and_then(without_personal_data),
        "reasons",
        "field-petition-reasons",
        &mut invalid,
    );
    let filer = check(
        FilerType::parse(&input.filer_type).ok_or(()),
        "filer_type",
        "field-filer-type",
        &mut invalid,
    );
    let association = match filer {
        Some(FilerType::Association) => {
            if input.organisation_id.is_none() {
                invalid.push(Invalid {
                    field: "organisation_id",
                    message: "field-organisation-required",
                });
            }
            if input.association.is_none() {
                invalid.push(Invalid {
                    field: "association",
                    message: "field-association-required",
                });
            }
            input.organisation_id.zip(input.association)
        }
        Some(FilerType::Citizens) => {
            if input.organisation_id.is_some() || input.association.is_some() {
                invalid.push(Invalid {
                    field: "organisation_id",
                    message: "field-organisation-citizens",
                });
            }
            None
        }
        None => None,
    };
    let (Some(title), Some(request), Some(reasons), Some(filer), true) =
        (title, request, reasons, filer, invalid.is_empty())
    else {
        return Err(UseCaseError::Invalid(invalid));
    };
    if let Some((organisation_id, _)) = association {
        let member =
            matches!(&caller.actor, Actor::User(u) if u.organisations.contains(&organisation_id));
        if !member {
            return Err(UseCaseError::Denied(tawasol_domain::Denied::NotPermitted));
        }
    }
    crate::usecases::limits::throttle(
        state,
        format!("petition:user:{agent}"),
        5,
        TimeDelta::days(1),
    )
    .await?;
    let at = state.clock.now();
    let caller2 = caller.clone();
    let id = in_transaction(&state.db, move |c| {
        let commune_id = crate::usecases::resolve_place(
            role::resolve(c, input.commune.trim(), None, &[])?,
            "commune",
        )?
        .0;
        let declaration = match association {
            Some((organisation_id, declared)) => {
                association_check(c, organisation_id, commune_id, declared, today(at))?;
                Some(serde_json::to_string(&declared).unwrap_or_default())
            }
            None => None,
        };
        let id = petition::create(
            c,
            &PetitionInsertForm {
                commune_id,
                agent_id: agent,
                filer_type: filer,
                organisation_id: association.map(|a| a.0),
                title: title.as_str(),
                request: request.as_str(),
                reasons: reasons.as_str(),
                association_declaration: declaration.as_deref(),
                created_at: at,
                updated_at: at,
            },
        )?;
        petition::record_event(
            c,
            &PetitionEventInsertForm {
                petition_id: id,
                actor_id: Some(agent),
                from_status: None,
                to_status: PetitionStatus::Draft,
                details: &json!({}).to_string(),
                created_at: at,
            },
        )?;
        // The agent hears of every step the commune takes.
        petition::set_follow(c, id, agent, true, at)?;
        crate::usecases::admin::record(
            c,
            &caller2,
            "petition.create",
            ("petition", &id.to_string()),
            None,
            Some(
                json!({"filer_type": filer.as_str(), "organisation_id": association.map(|a| a.0)}),
            ),
            at,
        )?;
        Ok(id)
    })
    .await?;
    detail(state, caller, locale, id).await
}

/// What an agent corrects in a draft.
#[derive(Debug, Clone, Default)]
pub struct PetitionEdit {
    pub title: Option<String>,
    pub request: Option<String>,
    pub reasons: Option<String>,
}

/// The agent corrects their draft; once published, the text signatories read cannot change.
pub async fn edit_draft(
    state: &AppState,
    caller: &Caller,
    locale: Locale,
    id: i64,
    edit: PetitionEdit,
) -> Result<PetitionDetail, UseCaseError> {
    caller.may(&Action::Contribute)?;
    let agent = user_of(caller)?;
    let mut invalid = Vec::new();
    let title = edit.title.as_deref().and_then(|t| {
        check_text(
            PetitionTitle::parse(t).and_then(without_personal_data),
            "title",
            "field-petition-title",
            &mut invalid,
        )
    });
    let request = edit.request.as_deref().and_then(|t| {
        check_text(
            PetitionRequest::parse(t).and_then(without_personal_data),
            "request",
            "field-petition-request",
            &mut invalid,
        )
    });
    let reasons = edit.reasons.as_deref().and_then(|t| {
        check_text(
            PetitionReasons::parse(t).and_then(without_personal_data),
            "reasons",
            "field-petition-reasons",
            &mut invalid,
        )
    });
    if !invalid.is_empty() {
        return Err(UseCaseError::Invalid(invalid));
    }
    let row = visible(state, caller, id).await?;
    if row.agent_id != agent {
        return Err(UseCaseError::Denied(tawasol_domain::Denied::NotPermitted));
    }
    let at = state.clock.now();
    let caller2 = caller.clone();
    in_transaction(&state.db, move |c| {
        let changed = petition::edit_draft(
            c,
            id,
            &petition::PetitionUpdateForm {
                title: title.as_ref().map(PetitionTitle::as_str),
                request: request.as_ref().map(PetitionRequest::as_str),
                reasons: reasons.as_ref().map(PetitionReasons::as_str),
                updated_at: at,
            },
        )?;
        if !changed {
            return Err(UseCaseError::PetitionNotDraft(id));
        }
        crate::usecases::admin::record(
            c,
            &caller2,
            "petition.edit",
            ("petition", &id.to_string()),
            Some(json!({"title": row.title})),
            Some(json!({"title": title.as_ref().map(PetitionTitle::as_str).unwrap_or(&row.title)})),
            at,
        )?;
        Ok(())
    })
    .await?;
    detail(state, caller, locale, id).await
}
