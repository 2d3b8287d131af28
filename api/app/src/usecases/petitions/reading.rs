//! Reading: a petition as the public sees it, its timeline, lists, and the organisations a person
//! may petition for.

use super::{may_download_dossier, today, user_of};
use crate::clock::rfc3339;
use crate::context::AppState;
use crate::usecases::{Caller, Page, UseCaseError, with_conn};
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::Value;
use tawasol_domain::petition::{PetitionStatus, days_left, overdue, refusal_deadline};
use tawasol_domain::{Actor, Locale, PageLimit};
use tawasol_persistence::petition::{self, PetitionFilter, PetitionRow};
use tawasol_persistence::{AnyConnection, role};

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

pub(super) fn view(r: PetitionRow, today: NaiveDate) -> PetitionView {
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

pub(super) async fn visible(
    state: &AppState,
    caller: &Caller,
    id: i64,
) -> Result<PetitionRow, UseCaseError> {
    let viewer = caller.user_id();
    with_conn(&state.db, move |c| visible_on(c, viewer, id)).await
}

/// [`visible`] on the caller's connection (inside its transaction): drafts exist only for their
/// agent.
pub(super) fn visible_on(
    c: &mut AnyConnection,
    viewer: Option<i64>,
    id: i64,
) -> Result<PetitionRow, UseCaseError> {
    petition::find(c, id)?
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
