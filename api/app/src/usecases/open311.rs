//! Open311 GeoReport v2 over Tawasol's issues: a commune is a jurisdiction (its slug is the
//! `jurisdiction_id`), its categories are the services, its public issues are the service
//! requests. A request posted with an API key is reported through [`issues::report`] with the
//! key's owner as caller, so every rule of the REST API applies unchanged.
//!
//! Errors are Open311's own: 404 for an unknown jurisdiction, service, token or id, 403 for a
//! missing, invalid or revoked `api_key`, 400 for anything else (see [`Open311Error`]).

use super::issues::{self, NewIssue};
use super::{Caller, UseCaseError, with_conn};
use crate::auth::token;
use crate::context::AppState;
use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use std::collections::HashMap;
use tawasol_domain::open311::{self as rules, WindowError};
use tawasol_domain::{CommuneSlug, Locale};
use tawasol_persistence::commune::{self, CommuneWithCategories};
use tawasol_persistence::issue::{self as issue_repo, IssueFilter, IssueRow, StatusFilter};
use tawasol_persistence::{PersistenceError, api_key};

/// An error in Open311's terms: the HTTP status (404, 403 or 400; 503 when the database is
/// unreachable, 500 for a fault of ours) and a stable plain-text description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Open311Error {
    pub code: u16,
    pub description: String,
    /// Seconds, when the client should retry later (throttled, database unreachable).
    pub retry_after: Option<u32>,
}

impl Open311Error {
    pub fn not_found(description: impl Into<String>) -> Open311Error {
        Open311Error {
            code: 404,
            description: description.into(),
            retry_after: None,
        }
    }
    pub fn forbidden(description: impl Into<String>) -> Open311Error {
        Open311Error {
            code: 403,
            description: description.into(),
            retry_after: None,
        }
    }
    pub fn bad_request(description: impl Into<String>) -> Open311Error {
        Open311Error {
            code: 400,
            description: description.into(),
            retry_after: None,
        }
    }
}

/// The Open311 parameter a field of ours comes from, and what is wrong with it, in plain text.
fn explain(field: &str, message: &str) -> String {
    let parameter = match field {
        "commune" => "jurisdiction_id",
        "category" => "service_code",
        "location" => "lat/long",
        "address" => "address_string",
        "title" | "description" => "description",
        "language" => "lang",
        other => other,
    };
    let why = match message {
        "field-issue-title" | "field-issue-description" => {
            "must be 10 to 4000 characters of plain text"
        }
        "field-location" => {
            "must be a latitude between -90 and 90 and a longitude between -180 and 180"
        }
        "field-location-outside" => "is outside the jurisdiction",
        "field-commune" => "is not a known jurisdiction",
        "field-category" => "is not a service of this jurisdiction",
        "param-lang" => "must be ar, fr or zgh",
        _ => "is not acceptable",
    };
    format!("{parameter} {why}")
}

impl From<UseCaseError> for Open311Error {
    fn from(e: UseCaseError) -> Open311Error {
        use tawasol_domain::Denied;
        match e {
            UseCaseError::Invalid(fields) => Open311Error::bad_request(
                fields
                    .iter()
                    .map(|f| explain(f.field, f.message))
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            UseCaseError::Denied(Denied::Banned) => {
                Open311Error::forbidden("the api_key's account is banned")
            }
            UseCaseError::Denied(Denied::Unverified) => {
                Open311Error::forbidden("the api_key's account has no verified address")
            }
            UseCaseError::Denied(_) => Open311Error::forbidden("api_key is not permitted"),
            UseCaseError::Throttled { retry_after } => Open311Error {
                code: 400,
                description: format!("too many requests: retry in {retry_after} seconds"),
                retry_after: Some(retry_after),
            },
            UseCaseError::IssueNotFound(id) => {
                Open311Error::not_found(format!("service_request_id {id} not found"))
            }
            UseCaseError::CommuneNotFound(_) => {
                Open311Error::not_found("jurisdiction_id not found")
            }
            UseCaseError::Persistence(PersistenceError::Unavailable(_)) => Open311Error {
                code: 503,
                description: "the service is unavailable: retry shortly".into(),
                retry_after: Some(5),
            },
            UseCaseError::Busy(busy) => Open311Error {
                code: 503,
                description: format!(
                    "too many long lists are being read: retry in {} seconds",
                    busy.retry_after
                ),
                retry_after: Some(busy.retry_after),
            },
            other => {
                tracing::error!(error = %other, "open311 request failed");
                Open311Error {
                    code: 500,
                    description: "internal error".into(),
                    retry_after: None,
                }
            }
        }
    }
}

/// An optional parameter: present but empty is absent.
pub fn present(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
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
) -> Result<CommuneWithCategories, Open311Error> {
    match present(jurisdiction_id) {
        Some(slug) => {
            let Ok(parsed) = CommuneSlug::parse(slug) else {
                return Err(Open311Error::not_found("jurisdiction_id not found"));
            };
            with_conn(&state.db, move |c| Ok(commune::find(c, &parsed)?))
                .await?
                .ok_or_else(|| Open311Error::not_found("jurisdiction_id not found"))
        }
        None => {
            let found = with_conn(&state.db, move |c| {
                let all = commune::list(c, None, 2)?;
                match all.as_slice() {
                    [only] => Ok(commune::find(c, &only.slug)?),
                    _ => Ok(None),
                }
            })
            .await?;
            found.ok_or_else(|| {
                Open311Error::bad_request(
                    "jurisdiction_id is required: the slug of a commune, see /api/v1/communes",
                )
            })
        }
    }
}

/// A commune named by an optional `jurisdiction_id` (to narrow a search), checked to exist.
async fn optional_jurisdiction(
    state: &AppState,
    jurisdiction_id: Option<&str>,
) -> Result<Option<String>, Open311Error> {
    match present(jurisdiction_id) {
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
) -> Result<Vec<Service>, Open311Error> {
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
) -> Result<String, Open311Error> {
    let found = jurisdiction(state, jurisdiction_id).await?;
    found
        .categories
        .iter()
        .find(|k| k.code.as_str() == code)
        .map(|k| k.code.as_str().to_owned())
        .ok_or_else(|| Open311Error::not_found("service_code not found"))
}

/// What a client posts (`POST requests`), as the surface read it from the form and the query.
#[derive(Debug, Clone)]
pub struct Submission {
    pub api_key: Option<String>,
    pub jurisdiction_id: Option<String>,
    pub service_code: Option<String>,
    pub lat: Option<String>,
    pub long: Option<String>,
    pub address_string: Option<String>,
    pub address_id: Option<String>,
    pub description: Option<String>,
    pub media_url: Option<String>,
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

async fn caller_of(
    state: &AppState,
    api_key: Option<&str>,
    request_id: Option<String>,
    ip: Option<String>,
) -> Result<(i64, Caller), Open311Error> {
    let Some(key) = present(api_key) else {
        return Err(Open311Error::forbidden("api_key is required"));
    };
    super::api_keys::authenticate(state, key, request_id, ip)
        .await?
        .ok_or_else(|| Open311Error::forbidden("api_key is invalid or revoked"))
}

fn parse_coordinate(value: &str, name: &str) -> Result<f64, Open311Error> {
    value
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| Open311Error::bad_request(format!("{name} must be a decimal number")))
}

/// Reports an issue for the key's owner. The title is derived from the description; contact
/// fields (email, names, phone, device and account ids) are not kept at all.
pub async fn submit(
    state: &AppState,
    input: Submission,
    request_id: Option<String>,
    ip: Option<String>,
) -> Result<Submitted, Open311Error> {
    let (key_id, caller) = caller_of(state, input.api_key.as_deref(), request_id, ip).await?;
    let found = jurisdiction(state, input.jurisdiction_id.as_deref()).await?;
    let Some(code) = present(input.service_code.as_deref()) else {
        return Err(Open311Error::bad_request("service_code is required"));
    };
    if !found.categories.iter().any(|k| k.code.as_str() == code) {
        return Err(Open311Error::not_found("service_code not found"));
    }
    let location = match (
        present(input.lat.as_deref()),
        present(input.long.as_deref()),
    ) {
        (Some(lat), Some(long)) => Some((
            parse_coordinate(lat, "lat")?,
            parse_coordinate(long, "long")?,
        )),
        (None, None) => None,
        _ => {
            return Err(Open311Error::bad_request(
                "lat and long must be given together",
            ));
        }
    };
    let address = present(input.address_string.as_deref()).map(str::to_owned);
    if location.is_none() && address.is_none() {
        return Err(Open311Error::bad_request(
            if present(input.address_id.as_deref()).is_some() {
                "address_id is not supported here: send lat and long, or address_string"
            } else {
                "a location is required: lat and long, or address_string"
            },
        ));
    }
    if address.as_ref().is_some_and(|a| rules::contains_html(a)) {
        return Err(Open311Error::bad_request(
            "address_string must be plain text, not HTML",
        ));
    }
    let Some(description) = present(input.description.as_deref()).map(str::to_owned) else {
        return Err(Open311Error::bad_request(
            "description is required (10 to 4000 characters)",
        ));
    };
    if description.chars().count() > rules::MAX_DESCRIPTION {
        return Err(Open311Error::bad_request(
            "description must be at most 4000 characters",
        ));
    }
    if rules::contains_html(&description) {
        return Err(Open311Error::bad_request(
            "description must be plain text, not HTML",
        ));
    }
    if let Some(url) = present(input.media_url.as_deref()) {
        let web = url.starts_with("https://") || url.starts_with("http://");
        if !web || url.len() > 2048 || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(Open311Error::bad_request(
                "media_url must be an http(s) URL",
            ));
        }
    }
    let token = token::generate();
    let stored = token.clone();
    let at = state.clock.now();
    let reported = issues::report_with(
        state,
        &caller,
        NewIssue {
            commune: found.commune.slug.as_str().to_owned(),
            category: code.to_owned(),
            title: rules::title_from_description(&description),
            description,
            language: input.language.map(|l| l.as_str().to_owned()),
            location,
            address,
            arrondissement: None,
        },
        // The token is stored with the issue: never an issue without its token.
        move |c, id| Ok(api_key::create_token(c, &stored, id, key_id, at)?),
    )
    .await?;
    let id = reported.issue.id;
    let public = reported.issue.visibility == "public";
    let locale = input.locale;
    let notice = if public {
        "open311-notice-published"
    } else {
        "open311-notice-held"
    };
    Ok(Submitted {
        service_request_id: public.then_some(id),
        token,
        service_notice: crate::i18n::text(locale, notice),
    })
}

/// `tokens/{token}`: the request's id once public, none while held; not found otherwise.
pub async fn token_status(
    state: &AppState,
    jurisdiction_id: Option<&str>,
    token: &str,
) -> Result<Option<i64>, Open311Error> {
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
        None => Err(Open311Error::not_found("token not found")),
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

/// What `GET requests` asks for, as the surface read it.
#[derive(Debug, Clone, Default)]
pub struct RequestQuery {
    pub jurisdiction_id: Option<String>,
    pub service_request_id: Option<String>,
    pub service_code: Option<String>,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub status: Option<String>,
}

fn comma_list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
        .collect()
}

fn date_window(
    start: Option<&str>,
    end: Option<&str>,
    now: NaiveDateTime,
) -> Result<(NaiveDateTime, NaiveDateTime), Open311Error> {
    let parse = |value: Option<&str>, name: &str, end_of_day: bool| match present(value) {
        None => Ok(None),
        Some(v) => rules::parse_datetime(v, end_of_day)
            .map(Some)
            .ok_or_else(|| {
                Open311Error::bad_request(format!(
                    "{name} must be a W3C datetime such as 2026-11-22T10:15:00+01:00"
                ))
            }),
    };
    let start = parse(start, "start_date", false)?;
    let end = parse(end, "end_date", true)?;
    rules::window(start, end, now).map_err(|e| match e {
        WindowError::Reversed => Open311Error::bad_request("end_date is before start_date"),
        WindowError::TooWide => {
            Open311Error::bad_request("start_date and end_date may be at most 90 days apart")
        }
    })
}

/// `GET requests`: public issues, newest first, at most 1000. `service_request_id` (a comma
/// list) overrides every other filter; otherwise `service_code` (a comma list), `status`
/// (`open`, `closed`, or both) and the window on `requested_datetime` (90 days at most, the
/// last 90 by default).
pub async fn requests(
    state: &AppState,
    query: RequestQuery,
    locale: Locale,
) -> Result<Vec<ServiceRequest>, Open311Error> {
    let commune = optional_jurisdiction(state, query.jurisdiction_id.as_deref()).await?;
    let mut filter = IssueFilter {
        commune,
        ..IssueFilter::default()
    };
    if let Some(ids) = present(query.service_request_id.as_deref()) {
        let ids = comma_list(ids)
            .iter()
            .map(|id| id.parse::<i64>())
            .collect::<Result<Vec<i64>, _>>()
            .map_err(|_| {
                Open311Error::bad_request(
                    "service_request_id must be a comma-separated list of ids",
                )
            })?;
        if ids.len() as i64 > rules::MAX_RESULTS {
            return Err(Open311Error::bad_request(
                "service_request_id may list at most 1000 ids",
            ));
        }
        filter.ids = Some(ids);
    } else {
        if let Some(codes) = present(query.service_code.as_deref()) {
            filter.categories = Some(comma_list(codes));
        }
        if let Some(status) = present(query.status.as_deref()) {
            let wanted = comma_list(status);
            if wanted.is_empty() || wanted.iter().any(|s| s != "open" && s != "closed") {
                return Err(Open311Error::bad_request(
                    "status must be open, closed, or both separated by a comma",
                ));
            }
            let open = wanted.iter().any(|s| s == "open");
            let closed = wanted.iter().any(|s| s == "closed");
            filter.status = Some(match (open, closed) {
                (true, false) => StatusFilter::Open,
                (false, true) => StatusFilter::Closed,
                _ => StatusFilter::Any,
            });
        }
        let (start, end) = date_window(
            query.start_date.as_deref(),
            query.end_date.as_deref(),
            state.clock.now(),
        )?;
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
    id: &str,
    locale: Locale,
) -> Result<ServiceRequest, Open311Error> {
    let commune = optional_jurisdiction(state, jurisdiction_id).await?;
    let not_found = || Open311Error::not_found("service_request_id not found");
    let id = id.trim().parse::<i64>().map_err(|_| not_found())?;
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
    found.into_iter().next().ok_or_else(not_found)
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

/// `servicerequestupdates`: the public status changes in a window (90 days at most, the last 90
/// by default), oldest first, at most 1000. Needs an API key.
pub async fn updates(
    state: &AppState,
    api_key: Option<&str>,
    jurisdiction_id: Option<&str>,
    start_date: Option<&str>,
    end_date: Option<&str>,
    request_id: Option<String>,
    ip: Option<String>,
) -> Result<Vec<RequestUpdate>, Open311Error> {
    caller_of(state, api_key, request_id, ip).await?;
    let commune = optional_jurisdiction(state, jurisdiction_id).await?;
    let (start, end) = date_window(start_date, end_date, state.clock.now())?;
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
