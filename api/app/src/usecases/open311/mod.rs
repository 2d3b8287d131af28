//! Open311 GeoReport v2 over Tawasol's issues: a commune is a jurisdiction (its slug is the
//! `jurisdiction_id`), its categories are the services, its public issues are the service
//! requests. A request posted with an API key is reported through [`issues::report_with`] with
//! the key's owner as caller, so every rule of the REST API applies unchanged.
//!
//! The protocol itself (reading parameters, the error format and its wording) is the Open311
//! surface's (`tawasol_api::open311`): these use-cases take parsed input and answer with values
//! or an [`Open311Refusal`], which the surface words in Open311's terms.

use super::{Caller, UseCaseError, with_conn};
use crate::context::AppState;
use tawasol_domain::open311::WindowError;
use tawasol_domain::{CommuneSlug, Locale};
use tawasol_persistence::commune::{self, CommuneWithCategories};

mod requests;
mod submit;

pub use requests::{
    BATCH, RequestQuery, RequestUpdate, ServiceRequest, UpdateQuery, request, requests, updates,
    w3c,
};
pub use submit::{Submission, Submitted, submit, token_status};

/// Why an Open311 call cannot be answered, in the use-cases' terms (the surface words each).
#[derive(Debug, thiserror::Error)]
pub enum Open311Refusal {
    /// Several communes are served and the call names none.
    #[error("jurisdiction_id is required")]
    JurisdictionRequired,
    #[error("no such jurisdiction")]
    JurisdictionNotFound,
    #[error("no such service in the jurisdiction")]
    ServiceNotFound,
    #[error("the API key is invalid or revoked")]
    KeyInvalid,
    #[error("no such token")]
    TokenNotFound,
    #[error("no such public request")]
    RequestNotFound,
    /// The search window is reversed or wider than the protocol allows.
    #[error("the date window is refused: {0:?}")]
    Window(WindowError),
    #[error(transparent)]
    UseCase(#[from] UseCaseError),
}

impl From<tawasol_persistence::PersistenceError> for Open311Refusal {
    fn from(e: tawasol_persistence::PersistenceError) -> Self {
        Open311Refusal::UseCase(e.into())
    }
}

/// What `discovery` tells.
#[derive(Debug, Clone)]
pub struct Discovery {
    pub changeset: String,
    pub contact: String,
    pub key_service: String,
    pub url: String,
    pub production: bool,
}

/// When this endpoint's behaviour last changed (discovery's `changeset`).
pub const CHANGESET: &str = "2026-11-23T00:00:00+00:00";

pub fn discovery(state: &AppState) -> Discovery {
    let base = state.public_url.trim_end_matches('/');
    Discovery {
        changeset: CHANGESET.to_owned(),
        contact: format!("Tawasol, {base}/"),
        key_service: format!(
            "API keys are issued by the administrators of {base}/ to organisations and apps"
        ),
        url: format!("{base}/open311/v2"),
        production: state.production,
    }
}

/// The commune a request names, or the only one when there is one. `jurisdiction_id` is
/// required as soon as Tawasol serves several communes (a service code alone is ambiguous).
pub(super) async fn jurisdiction(
    state: &AppState,
    jurisdiction_id: Option<&str>,
) -> Result<CommuneWithCategories, Open311Refusal> {
    match jurisdiction_id {
        Some(slug) => {
            let Ok(parsed) = CommuneSlug::parse(slug) else {
                return Err(Open311Refusal::JurisdictionNotFound);
            };
            with_conn(&state.db, move |c| Ok(commune::find(c, &parsed)?))
                .await?
                .ok_or(Open311Refusal::JurisdictionNotFound)
        }
        None => with_conn(&state.db, move |c| {
            let all = commune::list(c, None, 2)?;
            match all.as_slice() {
                [only] => Ok(commune::find(c, &only.slug)?),
                _ => Ok(None),
            }
        })
        .await?
        .ok_or(Open311Refusal::JurisdictionRequired),
    }
}

/// A commune named by an optional `jurisdiction_id` (to narrow a search), checked to exist.
pub(super) async fn optional_jurisdiction(
    state: &AppState,
    jurisdiction_id: Option<&str>,
) -> Result<Option<String>, Open311Refusal> {
    match jurisdiction_id {
        None => Ok(None),
        Some(_) => Ok(Some(
            jurisdiction(state, jurisdiction_id)
                .await?
                .commune
                .slug
                .as_str()
                .to_owned(),
        )),
    }
}

/// A service: one category of a commune.
#[derive(Debug, Clone)]
pub struct Service {
    pub code: String,
    pub name: String,
    pub description: String,
    pub keywords: String,
    pub group: String,
}

/// The commune's categories in `locale`: the name, the department that handles it as the
/// description, the commune's name as the group, and the names in the other languages as
/// keywords.
pub async fn services(
    state: &AppState,
    jurisdiction_id: Option<&str>,
    locale: Locale,
) -> Result<Vec<Service>, Open311Refusal> {
    let found = jurisdiction(state, jurisdiction_id).await?;
    let group = found.commune.names.get(locale).to_owned();
    Ok(found
        .categories
        .iter()
        .map(|k| {
            let mut keywords = vec![k.code.as_str().to_owned()];
            keywords.extend(
                Locale::ALL
                    .into_iter()
                    .filter(|l| *l != locale)
                    .map(|l| k.names.get(l).to_owned()),
            );
            Service {
                code: k.code.as_str().to_owned(),
                name: k.names.get(locale).to_owned(),
                description: k.department.get(locale).to_owned(),
                keywords: keywords.join(", "),
                group: group.clone(),
            }
        })
        .collect())
}

/// A service's definition. No category has attributes (`metadata` is false), so the definition
/// has none; an unknown code is not found.
pub async fn service_definition(
    state: &AppState,
    jurisdiction_id: Option<&str>,
    code: &str,
) -> Result<String, Open311Refusal> {
    let found = jurisdiction(state, jurisdiction_id).await?;
    found
        .categories
        .iter()
        .find(|k| k.code.as_str() == code)
        .map(|k| k.code.as_str().to_owned())
        .ok_or(Open311Refusal::ServiceNotFound)
}

/// The key's id and its owner as the caller, or the key is refused.
pub(super) async fn caller_of(
    state: &AppState,
    api_key: &str,
    request_id: Option<String>,
    ip: Option<String>,
) -> Result<(i64, Caller), Open311Refusal> {
    super::api_keys::authenticate(state, api_key, request_id, ip)
        .await?
        .ok_or(Open311Refusal::KeyInvalid)
}
