//! The legal steps: the agent and the commune's officials move a petition through the procedure
//! (`domain::petition::check_step`), each step public on its timeline, audited and mailed.

use super::drafting::association_check;
use super::reading::visible;
use super::{AssociationInput, PetitionDetail, detail, petition_url, today, user_of};
use crate::context::AppState;
use crate::mail::template::Template;
use crate::usecases::issues::notify;
use crate::usecases::{Caller, Invalid, UseCaseError, check, check_text, in_transaction};
use chrono::NaiveDate;
use serde_json::{Value, json};
use tawasol_domain::petition::{
    DossierReader, PetitionRole, PetitionStatus, SessionMonths, StepDetails, StepError, StepText,
    may_read_dossier, refusal_deadline,
};
use tawasol_domain::text::without_personal_data;
use tawasol_domain::{Action, Actor, Locale};
use tawasol_persistence::petition::{self, PetitionEventInsertForm, PetitionStepUpdateForm};

/// A step as the surfaces parse it.
#[derive(Debug, Clone, Default)]
pub struct StepInput {
    pub to: String,
    pub receipt_number: Option<String>,
    pub filed_on: Option<NaiveDate>,
    pub reason: Option<String>,
    pub session_date: Option<NaiveDate>,
    pub committee: Option<String>,
    pub outcome: Option<String>,
    pub summary: Option<String>,
}

/// Whether this person is an official of the commune (any scope within it).
pub fn official_of(actor: &Actor, commune: &str) -> bool {
    matches!(actor, Actor::User(u) if u.official.as_ref().is_some_and(|s| s.commune.as_str() == commune))
}

/// Whether this person may download the dossier of a petition (its agent, commune and status)
/// now: as its agent from `ready`, as an official of the whole commune (not one narrowed to an
/// arrondissement or to categories) from `filed` (`domain::petition::may_read_dossier`).
pub fn may_download_dossier(
    actor: &Actor,
    agent_id: i64,
    commune: &str,
    status: PetitionStatus,
) -> bool {
    let Actor::User(u) = actor else {
        return false;
    };
    let agent = (u.id == agent_id).then_some(DossierReader::Agent);
    let official = u
        .official
        .as_ref()
        .filter(|s| s.commune.as_str() == commune && s.is_commune_wide())
        .map(|_| DossierReader::CommuneWideOfficial);
    [agent, official]
        .into_iter()
        .flatten()
        .any(|reader| may_read_dossier(status, reader))
}

fn step_error(e: StepError) -> UseCaseError {
    match e {
        StepError::NotPermitted => UseCaseError::Denied(tawasol_domain::Denied::NotPermitted),
        StepError::NotAllowed { from, to } => UseCaseError::PetitionStep { from, to },
        StepError::MissingReceipt => UseCaseError::Invalid(vec![
            Invalid {
                field: "receipt_number",
                message: "field-receipt",
            },
            Invalid {
                field: "filed_on",
                message: "field-filed-on",
            },
        ]),
        StepError::MissingReason => UseCaseError::invalid("reason", "field-step-reason"),
        StepError::MissingSession => UseCaseError::Invalid(vec![
            Invalid {
                field: "session_date",
                message: "field-session-date",
            },
            Invalid {
                field: "committee",
                message: "field-committee",
            },
        ]),
        StepError::MissingOutcome => UseCaseError::Invalid(vec![
            Invalid {
                field: "outcome",
                message: "field-outcome",
            },
            Invalid {
                field: "summary",
                message: "field-summary",
            },
        ]),
    }
}

/// A step's text, public on the timeline. Prose (the reasons of a refusal, the summary of a
/// decision) is refused when it seems to hold personal data: it cannot be held for a moderator.
/// Reference numbers and names of committees are left alone (a receipt number may look like an
/// ID number).
fn text_field(
    value: Option<&String>,
    field: &'static str,
    prose: bool,
    invalid: &mut Vec<Invalid>,
) -> Option<String> {
    let v = value.map(|s| s.trim()).filter(|s| !s.is_empty())?;
    let parsed = StepText::parse(v);
    let parsed = if prose {
        parsed.and_then(without_personal_data)
    } else {
        parsed
    };
    check_text(parsed, field, "field-invalid", invalid).map(StepText::into_inner)
}

/// Takes one legal step: the agent publishes, withdraws or marks the deposit; an official of the
/// commune records the deposit and the council's decisions. Each step is public on the timeline,
/// audited, and mailed to signatories and followers (and, on filing, to the commune's officials).
pub async fn transition(
    state: &AppState,
    caller: &Caller,
    locale: Locale,
    id: i64,
    input: StepInput,
) -> Result<PetitionDetail, UseCaseError> {
    caller.may(&Action::Contribute)?;
    let actor_id = user_of(caller)?;
    let mut invalid = Vec::new();
    let to = check(
        PetitionStatus::parse(&input.to).ok_or(()),
        "to",
        "field-petition-status",
        &mut invalid,
    );
    let details = StepDetails {
        receipt_number: text_field(
            input.receipt_number.as_ref(),
            "receipt_number",
            false,
            &mut invalid,
        ),
        filed_on: input.filed_on,
        reason: text_field(input.reason.as_ref(), "reason", true, &mut invalid),
        session_date: input.session_date,
        committee: text_field(input.committee.as_ref(), "committee", false, &mut invalid),
        outcome: input.outcome.map(|o| o.trim().to_owned()),
        summary: text_field(input.summary.as_ref(), "summary", true, &mut invalid),
    };
    let (Some(to), true) = (to, invalid.is_empty()) else {
        return Err(UseCaseError::Invalid(invalid));
    };
    let row = visible(state, caller, id).await?;
    let is_agent = row.agent_id == actor_id;
    let is_official = official_of(&caller.actor, &row.commune);
    if !is_agent && !is_official {
        return Err(UseCaseError::Denied(tawasol_domain::Denied::NotPermitted));
    }
    let filer = row.filer_type;
    let from = row.status;
    let at = state.clock.now();
    let day = today(at);
    let roles = [
        is_official.then_some(PetitionRole::OfficialOfCommune),
        is_agent.then_some(PetitionRole::Agent),
    ];
    let mut verdict = Err(StepError::NotPermitted);
    for role in roles.into_iter().flatten() {
        verdict = tawasol_domain::petition::check_step(filer, from, to, role, &details, day);
        if !matches!(verdict, Err(StepError::NotPermitted)) {
            break;
        }
    }
    verdict.map_err(step_error)?;
    // Every step is mailed to the signatories and followers: an hourly allowance per account.
    crate::usecases::limits::allow(
        state,
        crate::usecases::limits::Write::OfficialStep,
        actor_id,
    )
    .await?;
    let next_session =
        (to == PetitionStatus::Admissible).then(|| SessionMonths::default().next_after(day));
    let mut carried = serde_json::Map::new();
    let mut put = |k: &str, v: Option<String>| {
        if let Some(v) = v {
            carried.insert(k.to_owned(), Value::String(v));
        }
    };
    match to {
        PetitionStatus::Filed => {
            put("receipt_number", details.receipt_number.clone());
            put("filed_on", details.filed_on.map(|d| d.to_string()));
            put(
                "refusal_deadline",
                details.filed_on.map(|d| refusal_deadline(d).to_string()),
            );
        }
        PetitionStatus::Admissible => put("next_session_on", next_session.map(|d| d.to_string())),
        PetitionStatus::Inadmissible => put("reason", details.reason.clone()),
        PetitionStatus::OnAgenda => {
            put("session_date", details.session_date.map(|d| d.to_string()));
            put("committee", details.committee.clone());
        }
        PetitionStatus::Decided => {
            put("outcome", details.outcome.clone());
            put("summary", details.summary.clone());
        }
        PetitionStatus::Withdrawn => put("reason", details.reason.clone()),
        _ => {}
    }
    let carried = Value::Object(carried);
    let note = details
        .reason
        .clone()
        .or_else(|| details.summary.clone())
        .unwrap_or_default();
    let caller2 = caller.clone();
    let url = petition_url(state, id);
    let association = row.organisation_id.zip(row.association_declaration.clone());
    let commune_id = row.commune_id;
    in_transaction(&state.db, move |c| {
        // An association's conditions hold on the day it files, not only on the day it drafted.
        if let (PetitionStatus::Ready, Some((organisation_id, declared))) = (to, &association) {
            let declared: AssociationInput = serde_json::from_str(declared)
                .map_err(|_| UseCaseError::invalid("association", "field-association-required"))?;
            association_check(c, *organisation_id, commune_id, declared, day)?;
        }
        let moved = petition::step(
            c,
            &PetitionStepUpdateForm {
                status: to,
                receipt_number: details
                    .receipt_number
                    .as_deref()
                    .filter(|_| to == PetitionStatus::Filed),
                filed_on: details.filed_on.filter(|_| to == PetitionStatus::Filed),
                next_session_on: next_session,
                session_date: details
                    .session_date
                    .filter(|_| to == PetitionStatus::OnAgenda),
                committee: details
                    .committee
                    .as_deref()
                    .filter(|_| to == PetitionStatus::OnAgenda),
                outcome: details
                    .outcome
                    .as_deref()
                    .filter(|_| to == PetitionStatus::Decided),
                updated_at: at,
            },
            &PetitionEventInsertForm {
                petition_id: id,
                actor_id: Some(actor_id),
                from_status: Some(from),
                to_status: to,
                details: &carried.to_string(),
                created_at: at,
            },
        )?;
        if !moved {
            return Err(UseCaseError::PetitionStep { from, to });
        }
        crate::usecases::admin::record(
            c,
            &caller2,
            "petition.step",
            ("petition", &id.to_string()),
            Some(json!({"status": from.as_str()})),
            Some(json!({"status": to.as_str(), "details": carried})),
            at,
        )?;
        let key = format!("petition-step:{id}:{}", to.as_str());
        if matches!(
            to,
            PetitionStatus::Filed
                | PetitionStatus::Admissible
                | PetitionStatus::Inadmissible
                | PetitionStatus::OnAgenda
                | PetitionStatus::Decided
                | PetitionStatus::Withdrawn
        ) {
            let audience = petition::audience(c, id)?;
            notify(
                c,
                &audience,
                Some(actor_id),
                &Template::PetitionStep {
                    petition_title: row.title.clone(),
                    status: to.as_str().to_owned(),
                    note: note.clone(),
                    petition_url: url.clone(),
                },
                &key,
                at,
            )?;
        }
        if let (PetitionStatus::Filed, Some(filed_on)) = (to, details.filed_on) {
            let officials = petition::commune_officials(c, commune_id)?;
            // The commune by its name, in each official's language.
            let commune_names = tawasol_domain::CommuneSlug::parse(&row.commune)
                .ok()
                .and_then(|slug| tawasol_persistence::commune::find(c, &slug).transpose())
                .transpose()?
                .map(|f| crate::mail::template::Names::from(&f.commune.names));
            notify(
                c,
                &officials,
                Some(actor_id),
                &Template::PetitionFiledForOfficial {
                    petition_title: row.title.clone(),
                    commune: row.commune.clone(),
                    commune_names,
                    receipt_number: details.receipt_number.clone().unwrap_or_default(),
                    filed_on: filed_on.to_string(),
                    refusal_deadline: refusal_deadline(filed_on).to_string(),
                    petition_url: url.clone(),
                },
                &format!("{key}:official"),
                at,
            )?;
        }
        Ok(())
    })
    .await?;
    state.mail.wake();
    detail(state, caller, locale, id).await
}
