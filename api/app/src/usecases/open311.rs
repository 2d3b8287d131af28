//! Open311 GeoReport v2 over Tawasol's issues: a commune is a jurisdiction (its slug is the
//! `jurisdiction_id`), its categories are the services, its public issues are the service
//! requests. A request posted with an API key is reported through [`issues::report_with`] with
//! the key's owner as caller, so every rule of the REST API applies unchanged.
//!
//! The protocol itself (reading parameters, the error format and its wording) is the Open311
//! surface's (`tawasol_api::open311`): these use-cases take parsed input and answer with values
//! or an [`Open311Refusal`], which the surface words in Open311's terms.

use super::issues::{self, NewIssue};
use super::{Caller, UseCaseError, with_conn};
use crate::auth::token;
use crate::context::AppState;
use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use std::collections::HashMap;
use tawasol_domain::issue::Visibility;
use tawasol_domain::open311::{self as rules, WindowError};
use tawasol_domain::{CommuneSlug, Locale};
use tawasol_persistence::api_key;
use tawasol_persistence::commune::{self, CommuneWithCategories};
use tawasol_persistence::issue::{self as issue_repo, IssueFilter, IssueRow, StatusFilter};

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

fn pick(texts: &[String; 3], locale: Locale) -> String {
    match locale {
        Locale::Ar => texts[0].clone(),
        Locale::Fr => texts[1].clone(),
        Locale::Zgh => texts[2].clone(),
    }
}

/// The commune a request names, or the only one when there is one. `jurisdiction_id` is
/// required as soon as Tawasol serves several communes (a service code alone is ambiguous).
async fn jurisdiction(
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
async fn optional_jurisdiction(
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

/// What a client posts (`POST requests`), as the surface parsed it from the form and the
/// query: the key, the service, where, and what.
#[derive(Debug, Clone)]
pub struct Submission {
    pub api_key: String,
    pub jurisdiction_id: Option<String>,
    pub service_code: String,
    /// Latitude and longitude, when the client gives them.
    pub location: Option<(f64, f64)>,
    pub address: Option<String>,
    pub description: String,
    /// The language of the description, when the client says it (`lang`).
    pub language: Option<Locale>,
    /// The reader's language (`?lang=`, `Accept-Language`, Arabic), for the service notice.
    pub locale: Locale,
}

/// The answer to a POST.
#[derive(Debug, Clone)]
pub struct Submitted {
    /// `None` while the issue is held for a moderator (it has no public id yet).
    pub service_request_id: Option<i64>,
    pub token: String,
    pub service_notice: String,
}

/// The key's id and its owner as the caller, or the key is refused.
async fn caller_of(
    state: &AppState,
    api_key: &str,
    request_id: Option<String>,
    ip: Option<String>,
) -> Result<(i64, Caller), Open311Refusal> {
    super::api_keys::authenticate(state, api_key, request_id, ip)
        .await?
        .ok_or(Open311Refusal::KeyInvalid)
}

/// Reports an issue for the key's owner. The title is derived from the description; contact
/// fields (email, names, phone, device and account ids) are not kept at all.
pub async fn submit(
    state: &AppState,
    input: Submission,
    request_id: Option<String>,
    ip: Option<String>,
) -> Result<Submitted, Open311Refusal> {
    let (key_id, caller) = caller_of(state, &input.api_key, request_id, ip).await?;
    let found = jurisdiction(state, input.jurisdiction_id.as_deref()).await?;
    let code = input.service_code;
    if !found.categories.iter().any(|k| k.code.as_str() == code) {
        return Err(Open311Refusal::ServiceNotFound);
    }
    let token = token::generate();
    let stored = token.clone();
    let at = state.clock.now();
    let reported = issues::report_with(
        state,
        &caller,
        NewIssue {
            commune: found.commune.slug.as_str().to_owned(),
            category: code,
            title: rules::title_from_description(&input.description),
            description: input.description,
            language: input.language.map(|l| l.as_str().to_owned()),
            location: input.location,
            address: input.address,
            arrondissement: None,
        },
        // The token is stored with the issue: never an issue without its token.
        move |c, id| Ok(api_key::create_token(c, &stored, id, key_id, at)?),
    )
    .await?;
    let id = reported.issue.id;
    let public = reported.issue.visibility == Visibility::Public.as_str();
    let notice = if public {
        "open311-notice-published"
    } else {
        "open311-notice-held"
    };
    Ok(Submitted {
        service_request_id: public.then_some(id),
        token,
        service_notice: crate::i18n::text(input.locale, notice),
    })
}

/// `tokens/{token}`: the request's id once public, none while held; not found otherwise.
pub async fn token_status(
    state: &AppState,
    jurisdiction_id: Option<&str>,
    token: &str,
) -> Result<Option<i64>, Open311Refusal> {
    let commune = optional_jurisdiction(state, jurisdiction_id).await?;
    let wanted = token.to_owned();
    let found = with_conn(&state.db, move |c| {
        let Some((id, public)) = api_key::find_token(c, &wanted)? else {
            return Ok(None);
        };
        let in_commune = match &commune {
            None => true,
            Some(slug) => issue_repo::find(c, id)?.is_some_and(|r| r.commune == *slug),
        };
        Ok(in_commune.then_some((id, public)))
    })
    .await?;
    match found {
        Some((id, true)) => Ok(Some(id)),
        Some((_, false)) => Ok(None),
        None => Err(Open311Refusal::TokenNotFound),
    }
}

/// A service request as Open311 shows it. No author, no contact, no e-mail.
#[derive(Debug, Clone)]
pub struct ServiceRequest {
    pub id: i64,
    /// `open` or `closed`.
    pub status: &'static str,
    pub status_notes: Option<String>,
    pub service_name: String,
    pub service_code: String,
    pub description: String,
    pub agency_responsible: String,
    pub requested_datetime: String,
    pub updated_datetime: String,
    pub expected_datetime: Option<String>,
    pub address: Option<String>,
    pub lat: Option<f64>,
    pub long: Option<f64>,
}

/// A datetime of a commune, in its time zone with the offset (`2026-11-22T11:15:00+01:00`).
pub fn w3c(t: NaiveDateTime, time_zone: &str) -> String {
    let tz: chrono_tz::Tz = time_zone.parse().unwrap_or(chrono_tz::UTC);
    t.and_utc()
        .with_timezone(&tz)
        .format("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

/// A planned date as the start of that day in the commune's time zone.
fn w3c_date(d: NaiveDate, time_zone: &str) -> String {
    let tz: chrono_tz::Tz = time_zone.parse().unwrap_or(chrono_tz::UTC);
    let midnight = d.and_hms_opt(0, 0, 0).unwrap_or_default();
    match midnight.and_local_timezone(tz).earliest() {
        Some(local) => local.format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
        None => w3c(midnight, time_zone),
    }
}

fn time_zones(
    c: &mut tawasol_persistence::AnyConnection,
) -> Result<HashMap<String, String>, UseCaseError> {
    Ok(commune::list(c, None, u16::MAX)?
        .into_iter()
        .map(|k| (k.slug.as_str().to_owned(), k.time_zone))
        .collect())
}

fn to_requests(
    c: &mut tawasol_persistence::AnyConnection,
    rows: Vec<IssueRow>,
    locale: Locale,
) -> Result<Vec<ServiceRequest>, UseCaseError> {
    let zones = time_zones(c)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut extras: HashMap<i64, issue_repo::IssueExtra> = issue_repo::extras(c, &ids)?
        .into_iter()
        .map(|e| (e.issue_id, e))
        .collect();
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let extra = extras.remove(&r.id)?;
            let zone = zones.get(&r.commune).map_or("UTC", String::as_str);
            let status = r.status;
            Some(ServiceRequest {
                id: r.id,
                status: rules::open_or_closed(status),
                status_notes: extra.latest_official_answer,
                service_name: pick(&extra.category_names, locale),
                service_code: r.category,
                description: r.description,
                agency_responsible: pick(&extra.department, locale),
                requested_datetime: w3c(r.created_at, zone),
                updated_datetime: w3c(r.updated_at, zone),
                expected_datetime: extra.expected_on.map(|d| w3c_date(d, zone)),
                address: r.address,
                // Open311 is public: the public precision, as everywhere (GeoPoint::public).
                lat: r.lat.map(tawasol_domain::geo::public_degrees),
                long: r.lon.map(tawasol_domain::geo::public_degrees),
            })
        })
        .collect())
}

/// What `GET requests` asks for, as the surface parsed it.
#[derive(Debug, Clone, Default)]
pub struct RequestQuery {
    pub jurisdiction_id: Option<String>,
    /// These requests, whatever the other filters say.
    pub ids: Option<Vec<i64>>,
    pub service_codes: Option<Vec<String>>,
    /// Open ones, closed ones; both (or neither said) is every request.
    pub open: bool,
    pub closed: bool,
    /// The window on `requested_datetime`, as given (see [`window`]).
    pub start: Option<NaiveDateTime>,
    pub end: Option<NaiveDateTime>,
}

/// The window a search reads: the one given, or the last 90 days; at most 90 days wide.
fn window(
    start: Option<NaiveDateTime>,
    end: Option<NaiveDateTime>,
    now: NaiveDateTime,
) -> Result<(NaiveDateTime, NaiveDateTime), Open311Refusal> {
    rules::window(start, end, now).map_err(Open311Refusal::Window)
}

/// `GET requests`: public issues, newest first, at most 1000. `ids` overrides every other
/// filter; otherwise the service codes, open or closed, and the window on
/// `requested_datetime` (90 days at most, the last 90 by default).
pub async fn requests(
    state: &AppState,
    query: RequestQuery,
    locale: Locale,
) -> Result<Vec<ServiceRequest>, Open311Refusal> {
    let commune = optional_jurisdiction(state, query.jurisdiction_id.as_deref()).await?;
    let mut filter = IssueFilter {
        commune,
        ..IssueFilter::default()
    };
    if let Some(ids) = query.ids {
        filter.ids = Some(ids);
    } else {
        filter.categories = query.service_codes;
        filter.status = match (query.open, query.closed) {
            (true, false) => Some(StatusFilter::Open),
            (false, true) => Some(StatusFilter::Closed),
            _ => None,
        };
        let (start, end) = window(query.start, query.end, state.clock.now())?;
        filter.created_after = Some(start);
        // The list's upper bound is exclusive; the window's end is included.
        filter.created_before = Some(end + TimeDelta::microseconds(1));
    }
    // Up to a thousand requests with their extras: a slot of the bulk class.
    let _slot = state
        .work
        .enter(crate::work::WorkClass::Bulk)
        .await
        .map_err(UseCaseError::from)?;
    Ok(with_conn(&state.db, move |c| {
        let rows = issue_repo::list(c, &filter, None, rules::MAX_RESULTS)?;
        to_requests(c, rows, locale)
    })
    .await?)
}

/// `requests/{id}`: one public issue.
pub async fn request(
    state: &AppState,
    jurisdiction_id: Option<&str>,
    id: i64,
    locale: Locale,
) -> Result<ServiceRequest, Open311Refusal> {
    let commune = optional_jurisdiction(state, jurisdiction_id).await?;
    let filter = IssueFilter {
        commune,
        ids: Some(vec![id]),
        ..IssueFilter::default()
    };
    let found = with_conn(&state.db, move |c| {
        let rows = issue_repo::list(c, &filter, None, 1)?;
        to_requests(c, rows, locale)
    })
    .await?;
    found
        .into_iter()
        .next()
        .ok_or(Open311Refusal::RequestNotFound)
}

/// One status change, as `servicerequestupdates` lists them.
#[derive(Debug, Clone)]
pub struct RequestUpdate {
    pub update_id: i64,
    pub service_request_id: i64,
    /// In the extension's vocabulary (`INVESTIGATING`, `FIXED`, …).
    pub status: &'static str,
    pub description: String,
    pub updated_datetime: String,
}

/// What `servicerequestupdates` asks for, as the surface parsed it.
#[derive(Debug, Clone)]
pub struct UpdateQuery {
    pub api_key: String,
    pub jurisdiction_id: Option<String>,
    pub start: Option<NaiveDateTime>,
    pub end: Option<NaiveDateTime>,
}

/// `servicerequestupdates`: the public status changes in a window (90 days at most, the last 90
/// by default), oldest first, at most 1000. Needs an API key.
pub async fn updates(
    state: &AppState,
    query: UpdateQuery,
    request_id: Option<String>,
    ip: Option<String>,
) -> Result<Vec<RequestUpdate>, Open311Refusal> {
    caller_of(state, &query.api_key, request_id, ip).await?;
    let commune = optional_jurisdiction(state, query.jurisdiction_id.as_deref()).await?;
    let (start, end) = window(query.start, query.end, state.clock.now())?;
    let _slot = state
        .work
        .enter(crate::work::WorkClass::Bulk)
        .await
        .map_err(UseCaseError::from)?;
    Ok(with_conn(&state.db, move |c| {
        let zones = time_zones(c)?;
        let events = issue_repo::status_changes_between(
            c,
            commune.as_deref(),
            start,
            end,
            rules::MAX_RESULTS,
        )?;
        let ids: Vec<i64> = events.iter().map(|e| e.issue_id).collect();
        let places: HashMap<i64, String> = issue_repo::list(
            c,
            &IssueFilter {
                ids: Some(ids),
                ..IssueFilter::default()
            },
            None,
            rules::MAX_RESULTS,
        )?
        .into_iter()
        .map(|r| (r.id, r.commune))
        .collect();
        Ok(events
            .into_iter()
            .map(|e| {
                let zone = places
                    .get(&e.issue_id)
                    .and_then(|slug| zones.get(slug))
                    .map_or("UTC", String::as_str);
                RequestUpdate {
                    update_id: e.id,
                    service_request_id: e.issue_id,
                    status: rules::update_status(e.to_status),
                    description: e.note,
                    updated_datetime: w3c(e.created_at, zone),
                }
            })
            .collect())
    })
    .await?)
}
