//! Local petitions under Organic Law 113-14: prepared and signed here, deposited with the council
//! president, and followed step by step in public until the council decides.

use super::issues::notify;
use super::{Caller, Invalid, Page, UseCaseError, check, check_text, in_transaction, with_conn};
use crate::clock::rfc3339;
use crate::context::AppState;
use crate::mail::template::Template;
use crate::mail::{OutgoingMail, enqueue};
use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use serde::Serialize;
use serde_json::{Value, json};
use tawasol_domain::petition::{
    AssociationDeclaration, AssociationRefusal, Cin, DossierReader, Eligibility, FilerType,
    PetitionReasons, PetitionRequest, PetitionRole, PetitionStatus, PetitionTitle,
    SIGNING_STEPS_PER_DAY, SessionMonths, SignerAddress, SignerName, StepDetails, StepError,
    StepText, check_association, check_eligibility, days_left, may_read_dossier, overdue,
    refusal_deadline, reminder_due, retention_cutoff, suspected_duplicates,
};
use tawasol_domain::text::without_personal_data;
use tawasol_domain::{Action, Actor, EmailAddress, Locale, PageLimit};
use tawasol_persistence::AnyConnection;
use tawasol_persistence::issue::Recipient;
use tawasol_persistence::outbox::Enqueued;
use tawasol_persistence::petition::{
    self, PetitionEventInsertForm, PetitionFilter, PetitionInsertForm, PetitionRow,
    PetitionStepUpdateForm, SignatureInsertForm, Signed,
};
use tawasol_persistence::{account, role};

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

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct OrganisationView {
    pub id: i64,
    pub name: String,
}

/// A petition as the public sees it: the agent's display name, never their contact.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PetitionView {
    pub id: i64,
    pub commune: String,
    pub title: String,
    pub request: String,
    pub reasons: String,
    pub filer_type: String,
    pub organisation: Option<OrganisationView>,
    pub agent_name: Option<String>,
    pub status: String,
    pub signature_count: i32,
    /// Signatures the commune requires (citizens' petitions).
    pub threshold: i32,
    pub receipt_number: Option<String>,
    pub filed_on: Option<String>,
    /// The day by which a refusal must be notified (three months after filing).
    pub refusal_deadline: Option<String>,
    /// Days left before that day while the bureau has not decided; negative once overdue.
    pub days_left: Option<i64>,
    /// Filed, and the bureau is past its deadline.
    pub overdue: bool,
    /// The next ordinary session after the petition was found admissible.
    pub next_session_on: Option<String>,
    pub session_date: Option<String>,
    pub committee: Option<String>,
    /// `adopted` or `rejected`.
    pub outcome: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

fn view(r: PetitionRow, today: NaiveDate) -> PetitionView {
    let status = r.status;
    let awaiting = status == PetitionStatus::Filed;
    PetitionView {
        id: r.id,
        commune: r.commune,
        title: r.title,
        request: r.request,
        reasons: r.reasons,
        filer_type: r.filer_type.as_str().to_owned(),
        organisation: r
            .organisation_id
            .zip(r.organisation_name)
            .map(|(id, name)| OrganisationView { id, name }),
        agent_name: (!r.agent_name.is_empty()).then_some(r.agent_name),
        status: status.as_str().to_owned(),
        signature_count: r.signature_count,
        threshold: r.threshold,
        receipt_number: r.receipt_number,
        filed_on: r.filed_on.map(|d| d.to_string()),
        refusal_deadline: r.filed_on.map(|d| refusal_deadline(d).to_string()),
        days_left: r.filed_on.filter(|_| awaiting).map(|d| days_left(d, today)),
        overdue: overdue(status, r.filed_on, today),
        next_session_on: r.next_session_on.map(|d| d.to_string()),
        session_date: r.session_date.map(|d| d.to_string()),
        committee: r.committee,
        outcome: r.outcome,
        created_at: rfc3339(r.created_at),
        updated_at: rfc3339(r.updated_at),
    }
}

/// A step of the public timeline.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct EventView {
    pub from: Option<String>,
    pub to: String,
    /// Who took the step; `null` for the platform (threshold reached) or an erased account.
    pub by: Option<String>,
    /// What the step carried: receipt number and date, reasons, session, outcome and summary.
    pub details: Value,
    pub at: String,
}

/// What the signature form shows: the CNDP number and the consent the signatory gives.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CollectionNotice {
    pub cndp_number: String,
    pub consent_text: String,
}

/// One petition with its timeline, public signatories and the reader's own relation to it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PetitionDetail {
    #[serde(flatten)]
    pub petition: PetitionView,
    pub timeline: Vec<EventView>,
    /// Display names of signatories who chose to show them.
    pub public_signatories: Vec<String>,
    pub signed_by_me: bool,
    pub followed_by_me: bool,
    pub is_agent: bool,
    /// Whether the reader may download the deposit dossier now (the agent from `ready`, the
    /// commune's officials with a commune-wide scope from `filed`).
    pub may_download_dossier: bool,
    pub collection_notice: CollectionNotice,
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
fn association_check(
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
    super::limits::throttle(
        state,
        format!("petition:user:{agent}"),
        5,
        TimeDelta::days(1),
    )
    .await?;
    let at = state.clock.now();
    let caller2 = caller.clone();
    let id = in_transaction(&state.db, move |c| {
        let commune_id = super::resolve_place(
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
        super::admin::record(
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
        super::admin::record(
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

async fn visible(state: &AppState, caller: &Caller, id: i64) -> Result<PetitionRow, UseCaseError> {
    let viewer = caller.user_id();
    with_conn(&state.db, move |c| Ok(petition::find(c, id)?))
        .await?
        .filter(|r| r.status != PetitionStatus::Draft || Some(r.agent_id) == viewer)
        .ok_or(UseCaseError::PetitionNotFound(id))
}

/// One petition with its public timeline. Drafts exist only for their agent.
pub async fn detail(
    state: &AppState,
    caller: &Caller,
    locale: Locale,
    id: i64,
) -> Result<PetitionDetail, UseCaseError> {
    let row = visible(state, caller, id).await?;
    let viewer = caller.user_id();
    let is_agent = viewer == Some(row.agent_id);
    let may_download_dossier =
        may_download_dossier(&caller.actor, row.agent_id, &row.commune, row.status);
    let (ar, fr, zgh) = &row.commune_names;
    let commune_name = match locale {
        Locale::Ar => ar,
        Locale::Fr => fr,
        Locale::Zgh => zgh,
    };
    let consent_text = crate::i18n::Message::new("petition-consent")
        .arg("title", row.title.as_str())
        .arg("commune", commune_name.as_str())
        .render(locale);
    let cndp_number = state.cndp_number.clone();
    let today = today(state.clock.now());
    with_conn(&state.db, move |c| {
        let timeline = petition::events(c, id)?
            .into_iter()
            .map(|e| EventView {
                from: e.from_status.map(|s| s.as_str().to_owned()),
                to: e.to_status.as_str().to_owned(),
                by: e.actor_name.filter(|n| !n.is_empty()),
                details: serde_json::from_str(&e.details).unwrap_or(Value::Null),
                at: rfc3339(e.created_at),
            })
            .collect();
        let public_signatories = petition::public_names(c, id)?;
        let (signed_by_me, followed_by_me) = match viewer {
            Some(v) => petition::relation(c, id, v)?,
            None => (false, false),
        };
        Ok(PetitionDetail {
            petition: view(row, today),
            timeline,
            public_signatories,
            signed_by_me,
            followed_by_me,
            is_agent,
            may_download_dossier,
            collection_notice: CollectionNotice {
                cndp_number,
                consent_text,
            },
        })
    })
    .await
}

/// What a list asks for.
#[derive(Debug, Clone, Default)]
pub struct PetitionQuery {
    pub commune: Option<String>,
    pub status: Option<String>,
    /// Only my petitions (drafts included).
    pub agent_is_me: bool,
}

/// Petitions newest first, a page at a time; drafts only for their agent.
pub async fn list(
    state: &AppState,
    caller: &Caller,
    query: PetitionQuery,
    after: Option<i64>,
    limit: PageLimit,
) -> Result<Page<PetitionView, i64>, UseCaseError> {
    let status = match query.status.as_deref() {
        None => None,
        Some(s) => Some(
            PetitionStatus::parse(s)
                .ok_or_else(|| UseCaseError::invalid("status", "param-invalid"))?,
        ),
    };
    let viewer = caller.user_id();
    let agent_id = if query.agent_is_me {
        Some(user_of(caller)?)
    } else {
        None
    };
    let filter = PetitionFilter {
        commune: query.commune,
        status,
        agent_id,
        viewer_id: viewer,
    };
    let today = today(state.clock.now());
    with_conn(&state.db, move |c| {
        let rows = petition::list(c, &filter, after, i64::from(limit.get()) + 1)?;
        Ok(Page::from_overfetch(rows, limit, |r| r.id).map(|r| view(r, today)))
    })
    .await
}

/// The verified organisations the caller belongs to: those they may file a petition for.
pub async fn my_organisations(
    state: &AppState,
    caller: &Caller,
) -> Result<Vec<OrganisationView>, UseCaseError> {
    let ids = match &caller.actor {
        Actor::User(u) => u.organisations.clone(),
        _ => Vec::new(),
    };
    with_conn(&state.db, move |c| {
        let mut out = Vec::new();
        for id in ids {
            if let Some(o) = role::find_organisation(c, id)?.filter(|o| o.verified_at.is_some()) {
                out.push(OrganisationView { id, name: o.name });
            }
        }
        Ok(out)
    })
    .await
}

// ---- signing ----

/// What a signatory sends.
#[derive(Debug, Clone)]
pub struct NewSignature {
    pub full_name: String,
    pub cin: String,
    pub address: String,
    pub declarations: Eligibility,
    pub consent: bool,
    pub show_name: bool,
}

/// A signature as its signatory sees it (the CIN and address are not sent back).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SignatureView {
    pub id: i64,
    pub petition_id: i64,
    pub full_name: String,
    pub show_name: bool,
    pub signed_at: String,
    /// The petition after this signature: its count, and `ready` if it reached the threshold.
    pub signature_count: i32,
    pub status: String,
}

fn petition_url(state: &AppState, id: i64) -> String {
    format!("{}/petitions/{id}", state.public_url)
}

/// The throttle key of an account's signing steps.
fn signing_key(user: i64) -> String {
    format!("petition-signing:user:{user}")
}

/// Counts a stored signature or an effective withdrawal against the account's daily cap
/// ([`SIGNING_STEPS_PER_DAY`] a day). It runs inside the write transaction that makes the step:
/// concurrent requests cannot overshoot the cap, and a step refused by it is undone with the
/// transaction (and so not counted). Attempts refused earlier (invalid input, a petition not
/// collecting, the account's own second signature, nothing to withdraw) reveal nothing about
/// anyone else and are not counted, so a resident's typos never spend the allowance.
fn count_signing_step(
    c: &mut AnyConnection,
    rate_limits: bool,
    user: i64,
    at: NaiveDateTime,
) -> Result<(), UseCaseError> {
    if !rate_limits {
        return Ok(());
    }
    let (steps, ends) =
        tawasol_persistence::throttle::hit(c, &signing_key(user), at, TimeDelta::days(1))?;
    if steps > SIGNING_STEPS_PER_DAY {
        let retry_after = u32::try_from((ends - at).num_seconds().max(1)).unwrap_or(u32::MAX);
        return Err(UseCaseError::Throttled { retry_after });
    }
    Ok(())
}

/// Signs a petition that is collecting; reaching the commune's threshold makes the petition
/// ready and tells its agent. One signature per account (a second is 409: that tells the account
/// only about itself). A CIN another signature of the petition already carries is stored and
/// counted and answered exactly like any other (refusing it would tell anyone whether that
/// person signed): it is audited (`petition.signature.duplicate_cin`, without the CIN) and both
/// lines are flagged on the dossier for the agent and the commune. Signatures and withdrawals
/// are capped per account and day ([`count_signing_step`]).
pub async fn sign(
    state: &AppState,
    caller: &Caller,
    id: i64,
    input: NewSignature,
) -> Result<SignatureView, UseCaseError> {
    caller.may(&Action::Contribute)?;
    let user = user_of(caller)?;
    let mut invalid = Vec::new();
    let full_name = check(
        SignerName::parse(&input.full_name),
        "full_name",
        "field-signer-name",
        &mut invalid,
    );
    let cin = check(Cin::parse(&input.cin), "cin", "field-cin", &mut invalid);
    let address = check(
        SignerAddress::parse(&input.address),
        "address",
        "field-signer-address",
        &mut invalid,
    );
    if let Err(field) = check_eligibility(&input.declarations) {
        invalid.push(Invalid {
            field: match field {
                "lives_or_works_in_commune" => "declarations/lives_or_works_in_commune",
                "on_electoral_roll" => "declarations/on_electoral_roll",
                _ => "declarations/direct_interest",
            },
            message: "field-declaration",
        });
    }
    if !input.consent {
        invalid.push(Invalid {
            field: "consent",
            message: "field-consent",
        });
    }
    let (Some(full_name), Some(cin), Some(address), true) =
        (full_name, cin, address, invalid.is_empty())
    else {
        return Err(UseCaseError::Invalid(invalid));
    };
    let row = visible(state, caller, id).await?;
    if row.status != PetitionStatus::Collecting {
        return Err(UseCaseError::PetitionNotCollecting(id));
    }
    let vault = &state.vault;
    let cin_encrypted = vault.encrypt(id, "cin", cin.as_str());
    let cin_hash = vault.cin_hash(id, cin.as_str());
    let address_encrypted = vault.encrypt(id, "address", address.as_str());
    let at = state.clock.now();
    let url = petition_url(state, id);
    let show_name = input.show_name;
    let declarations = input.declarations;
    let rate_limits = state.rate_limits;
    let caller2 = caller.clone();
    let signed = in_transaction(&state.db, move |c| {
        let outcome = petition::sign(
            c,
            &SignatureInsertForm {
                petition_id: id,
                user_id: user,
                full_name: full_name.as_str(),
                cin_encrypted: &cin_encrypted,
                cin_hash: &cin_hash,
                address_encrypted: &address_encrypted,
                lives_or_works_in_commune: declarations.lives_or_works_in_commune,
                on_electoral_roll: declarations.on_electoral_roll,
                direct_interest: declarations.direct_interest,
                show_name,
                consented_at: at,
                created_at: at,
            },
        )?;
        let Signed::Counted(count) = outcome else {
            return Err(UseCaseError::AlreadySigned(id));
        };
        // Still collecting? (A concurrent step may have moved it; then this signature is refused.)
        let (status, _) = petition::state(c, id)?.ok_or(UseCaseError::PetitionNotFound(id))?;
        if status != PetitionStatus::Collecting {
            return Err(UseCaseError::PetitionNotCollecting(id));
        }
        count_signing_step(c, rate_limits, user, at)?;
        let signature_id = petition::signature_id(c, id, user)?.unwrap_or_default();
        let same_cin = petition::same_cin(c, id, &cin_hash)?;
        if same_cin > 1 {
            // For the agent and the commune (flagged on the dossier) and the admins (this
            // record): never the CIN or its hash, nor the other signatures' accounts.
            super::admin::record(
                c,
                &caller2,
                "petition.signature.duplicate_cin",
                ("petition", &id.to_string()),
                None,
                Some(json!({"signature_id": signature_id, "signatures_with_this_cin": same_cin})),
                at,
            )?;
        }
        let mut status = status;
        if count >= row.threshold {
            let moved = petition::step(
                c,
                &PetitionStepUpdateForm::to(PetitionStatus::Ready, at),
                &PetitionEventInsertForm {
                    petition_id: id,
                    actor_id: None,
                    from_status: Some(PetitionStatus::Collecting),
                    to_status: PetitionStatus::Ready,
                    details: &json!({"signatures": count, "threshold": row.threshold}).to_string(),
                    created_at: at,
                },
            )?;
            if moved {
                status = PetitionStatus::Ready;
                if let Some(agent) = account::find(c, row.agent_id)? {
                    let recipient = Recipient {
                        user_id: agent.id,
                        email: agent.email,
                        locale: agent.locale,
                    };
                    notify(
                        c,
                        &[recipient],
                        None,
                        &Template::PetitionThresholdReached {
                            petition_title: row.title.clone(),
                            signature_count: i64::from(count),
                            petition_url: url.clone(),
                        },
                        &format!("petition-ready:{id}"),
                        at,
                    )?;
                }
            }
        }
        Ok(SignatureView {
            id: signature_id,
            petition_id: id,
            full_name: full_name.as_str().to_owned(),
            show_name,
            signed_at: rfc3339(at),
            signature_count: count,
            status: status.as_str().to_owned(),
        })
    })
    .await?;
    state.mail.wake();
    Ok(signed)
}

/// Withdraws the caller's signature while the petition is collecting (nothing to do if they
/// had not signed). A withdrawal counts against the daily cap of signing steps: sign, withdraw
/// and sign again is how a CIN would be tried in turn.
pub async fn withdraw(state: &AppState, caller: &Caller, id: i64) -> Result<(), UseCaseError> {
    caller.may(&Action::Contribute)?;
    let user = user_of(caller)?;
    visible(state, caller, id).await?;
    let at = state.clock.now();
    let rate_limits = state.rate_limits;
    in_transaction(&state.db, move |c| {
        let (status, _) = petition::state(c, id)?.ok_or(UseCaseError::PetitionNotFound(id))?;
        if status != PetitionStatus::Collecting {
            return Err(UseCaseError::PetitionNotCollecting(id));
        }
        if petition::withdraw(c, id, user, at)? {
            count_signing_step(c, rate_limits, user, at)?;
        }
        Ok(())
    })
    .await
}

/// Follows or stops following a petition's steps.
pub async fn set_follow(
    state: &AppState,
    caller: &Caller,
    id: i64,
    on: bool,
) -> Result<(), UseCaseError> {
    caller.may(&Action::Contribute)?;
    let user = user_of(caller)?;
    visible(state, caller, id).await?;
    let at = state.clock.now();
    in_transaction(&state.db, move |c| {
        petition::set_follow(c, id, user, on, at)?;
        Ok(())
    })
    .await
}

// ---- the legal steps ----

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
    super::limits::allow(state, super::limits::Write::OfficialStep, actor_id).await?;
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
        super::admin::record(
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
            notify(
                c,
                &officials,
                Some(actor_id),
                &Template::PetitionFiledForOfficial {
                    petition_title: row.title.clone(),
                    commune: row.commune.clone(),
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

// ---- the deposit dossier ----

/// A line of the signature list, decrypted (`None`: erased after the retention period).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct DossierLine {
    pub number: usize,
    pub full_name: Option<String>,
    pub cin: Option<String>,
    pub address: Option<String>,
    pub lives_or_works_in_commune: bool,
    pub on_electoral_roll: bool,
    pub direct_interest: bool,
    pub signed_at: String,
    /// Another signature of this petition carries the same CIN: a possible fraud for the agent
    /// and the commune to check (both lines are flagged).
    pub suspected_duplicate: bool,
}

/// The agent as the decree asks: their name, CIN and address when they signed themselves.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AgentIdentity {
    pub display_name: String,
    pub full_name: Option<String>,
    pub cin: Option<String>,
    pub address: Option<String>,
}

/// What is deposited with the council president (decree 2.16.403).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Dossier {
    pub petition: PetitionView,
    pub commune_name_ar: String,
    pub commune_name_fr: String,
    pub agent: AgentIdentity,
    pub signatures: Vec<DossierLine>,
    /// When the signatories' full names, CINs and addresses were erased (the retention period
    /// after the petition closed); the lines keep their number, date and declarations.
    pub personal_data_erased_at: Option<String>,
    pub generated_at: String,
}

/// The dossier: for the agent from `ready` on and for officials of the whole commune from
/// `filed` on (403 for anyone else, and before); every download is audited.
pub async fn dossier(
    state: &AppState,
    caller: &Caller,
    id: i64,
    format: &'static str,
) -> Result<Dossier, UseCaseError> {
    user_of(caller)?;
    let row = visible(state, caller, id).await?;
    if !may_download_dossier(&caller.actor, row.agent_id, &row.commune, row.status) {
        return Err(UseCaseError::Denied(tawasol_domain::Denied::NotPermitted));
    }
    let at = state.clock.now();
    let caller2 = caller.clone();
    let stored = in_transaction(&state.db, move |c| {
        super::admin::record(
            c,
            &caller2,
            "petition.dossier",
            ("petition", &id.to_string()),
            None,
            Some(json!({"format": format})),
            at,
        )?;
        Ok(petition::signature_rows(c, id)?)
    })
    .await?;
    let vault = state.vault.clone();
    let decrypt = |field: &str, value: Option<&str>| {
        value
            .map(|v| {
                vault
                    .decrypt(id, field, v)
                    .map_err(|e| UseCaseError::Undecryptable(e.to_string()))
            })
            .transpose()
    };
    let hashes: Vec<Option<&str>> = stored.iter().map(|s| s.cin_hash.as_deref()).collect();
    let duplicates = suspected_duplicates(&hashes);
    let mut signatures = Vec::with_capacity(stored.len());
    let mut agent = AgentIdentity {
        display_name: row.agent_name.clone(),
        full_name: None,
        cin: None,
        address: None,
    };
    for (i, s) in stored.iter().enumerate() {
        let line = DossierLine {
            number: i + 1,
            cin: decrypt("cin", s.cin_encrypted.as_deref())?,
            address: decrypt("address", s.address_encrypted.as_deref())?,
            full_name: s.full_name.clone(),
            lives_or_works_in_commune: s.lives_or_works_in_commune,
            on_electoral_roll: s.on_electoral_roll,
            direct_interest: s.direct_interest,
            signed_at: rfc3339(s.created_at),
            suspected_duplicate: duplicates[i],
        };
        if s.user_id == row.agent_id {
            agent.full_name.clone_from(&line.full_name);
            agent.cin.clone_from(&line.cin);
            agent.address.clone_from(&line.address);
        }
        signatures.push(line);
    }
    let (commune_name_ar, commune_name_fr, _) = row.commune_names.clone();
    let personal_data_erased_at = row.personal_data_erased_at.map(rfc3339);
    Ok(Dossier {
        petition: view(row, today(at)),
        commune_name_ar,
        commune_name_fr,
        agent,
        signatures,
        personal_data_erased_at,
        generated_at: rfc3339(at),
    })
}

// ---- retention ----

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
            super::admin::record(
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

// ---- the refusal deadline ----

/// Mails the commune's officials 30 and 7 days before the day a refusal must be notified, for
/// every petition filed and still awaiting the bureau. Each reminder goes once (the outbox's
/// key), and one missed day is caught up the next. Returns how many mails were queued.
pub async fn send_reminders(state: &AppState, at: NaiveDateTime) -> Result<usize, UseCaseError> {
    let day = today(at);
    let base = state.public_url.clone();
    let queued = in_transaction(&state.db, move |c| {
        let mut queued = 0;
        for (id, commune_id, title, filed_on) in petition::awaiting_decision(c)? {
            let Some(reminder) = reminder_due(filed_on, day) else {
                continue;
            };
            let which = match reminder {
                tawasol_domain::petition::Reminder::ThirtyDays => 30,
                tawasol_domain::petition::Reminder::SevenDays => 7,
            };
            let officials = petition::commune_officials(c, commune_id)?;
            for r in &officials {
                let Some(to) = r.email.as_deref().and_then(|e| EmailAddress::parse(e).ok()) else {
                    continue;
                };
                let fresh = enqueue(
                    c,
                    &OutgoingMail {
                        to,
                        locale: r.locale,
                        template: Template::PetitionDeadlineReminder {
                            petition_title: title.clone(),
                            days_left: days_left(filed_on, day),
                            refusal_deadline: refusal_deadline(filed_on).to_string(),
                            petition_url: format!("{base}/petitions/{id}"),
                        },
                        dedupe_key: format!("petition-reminder:{id}:{which}:{}", r.user_id),
                    },
                    at,
                )?;
                if matches!(fresh, Enqueued::New(_)) {
                    queued += 1;
                }
            }
        }
        Ok(queued)
    })
    .await?;
    if queued > 0 {
        state.mail.wake();
    }
    Ok(queued)
}
