//! Reading requests (`GET requests`, one request) and their status changes
//! (`servicerequestupdates`), in the commune's time, at the public precision.

use super::{Open311Refusal, caller_of, optional_jurisdiction, pick};
use crate::context::AppState;
use crate::usecases::{UseCaseError, with_conn};
use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use std::collections::HashMap;
use tawasol_domain::Locale;
use tawasol_domain::open311 as rules;
use tawasol_persistence::commune;
use tawasol_persistence::issue::{self as issue_repo, IssueFilter, IssueRow, StatusFilter};

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
