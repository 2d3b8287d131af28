//! Reading requests (`GET requests`, one request) and their status changes
//! (`servicerequestupdates`), in the commune's time, at the public precision.

use super::{Open311Refusal, caller_of, optional_jurisdiction};
use crate::context::AppState;
use crate::usecases::{UseCaseError, blocking, with_conn};
use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use futures_util::Stream;
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use tawasol_domain::open311 as rules;
use tawasol_domain::{CommuneSlug, Locale};
use tawasol_persistence::commune;
use tawasol_persistence::issue::{self as issue_repo, IssueFilter, RequestFilter, RequestRow};
use tawasol_persistence::{AnyConnection, PooledConn};
use tokio::sync::mpsc;

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
    in_zone(t, zone(time_zone))
}

fn zone(time_zone: &str) -> chrono_tz::Tz {
    time_zone.parse().unwrap_or(chrono_tz::UTC)
}

fn in_zone(t: NaiveDateTime, tz: chrono_tz::Tz) -> String {
    t.and_utc()
        .with_timezone(&tz)
        .format("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

/// A planned date as the start of that day in the commune's time zone.
fn w3c_date(d: NaiveDate, tz: chrono_tz::Tz) -> String {
    let midnight = d.and_hms_opt(0, 0, 0).unwrap_or_default();
    match midnight.and_local_timezone(tz).earliest() {
        Some(local) => local.format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
        None => in_zone(midnight, tz),
    }
}

fn time_zones(c: &mut AnyConnection) -> Result<HashMap<String, String>, UseCaseError> {
    Ok(commune::list(c, None, u16::MAX)?
        .into_iter()
        .map(|k| (k.slug.as_str().to_owned(), k.time_zone))
        .collect())
}

fn pick(texts: (String, String, String), locale: Locale) -> String {
    match locale {
        Locale::Ar => texts.0,
        Locale::Fr => texts.1,
        Locale::Zgh => texts.2,
    }
}

/// Rows as Open311 shows them; each time zone is read once a batch.
fn to_requests(rows: Vec<RequestRow>, locale: Locale) -> Vec<ServiceRequest> {
    let mut zones: HashMap<String, chrono_tz::Tz> = HashMap::new();
    rows.into_iter()
        .map(|r| {
            let tz = *zones
                .entry(r.time_zone)
                .or_insert_with_key(|name| zone(name));
            ServiceRequest {
                id: r.id,
                status: rules::open_or_closed(r.status),
                status_notes: r.latest_official_answer,
                service_name: pick(r.category_names, locale),
                service_code: r.category,
                description: r.description,
                agency_responsible: pick(r.department, locale),
                requested_datetime: in_zone(r.created_at, tz),
                updated_datetime: in_zone(r.updated_at, tz),
                expected_datetime: r.expected_on.map(|d| w3c_date(d, tz)),
                address: r.address,
                // Open311 is public: the public precision, as everywhere (GeoPoint::public).
                lat: r.lat.map(tawasol_domain::geo::public_degrees),
                long: r.lon.map(tawasol_domain::geo::public_degrees),
            }
        })
        .collect()
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

/// Requests read by one statement while an answer streams: the answer is written a batch at a
/// time, so that a thousand requests never sit in memory at once.
pub const BATCH: i64 = 250;

/// Batches that may wait for a slow reader before the producer pauses.
const IN_FLIGHT: usize = 2;

/// The slug a `jurisdiction_id` names as stored; a value that cannot be a slug names none.
fn jurisdiction_slug(jurisdiction_id: Option<&str>) -> Result<Option<String>, Open311Refusal> {
    jurisdiction_id
        .map(|id| {
            CommuneSlug::parse(id)
                .map(|slug| slug.as_str().to_owned())
                .map_err(|_| Open311Refusal::JurisdictionNotFound)
        })
        .transpose()
}

/// Where a batch ends: the creation time and id of its last request.
type Key = (NaiveDateTime, i64);

/// A batch read: the connection (for the next one), the requests, the key of the last.
type Batch = (PooledConn, Vec<ServiceRequest>, Option<Key>);

/// One batch after `after`, on `conn` (or a connection from the pool); the connection is handed
/// back for the next batch. A first batch that finds nothing in a named commune checks that the
/// commune exists.
fn batch(
    state: &AppState,
    conn: Option<PooledConn>,
    filter: &RequestFilter,
    after: Option<Key>,
    size: i64,
    locale: Locale,
) -> Result<Batch, Open311Refusal> {
    let mut conn = match conn {
        Some(conn) => conn,
        None => state.db.conn()?,
    };
    let rows = issue_repo::service_requests(&mut conn, filter, after, size)?;
    if after.is_none()
        && rows.is_empty()
        && let Some(slug) = &filter.commune
        && !issue_repo::commune_exists(&mut conn, slug)?
    {
        return Err(Open311Refusal::JurisdictionNotFound);
    }
    let last = rows.last().map(|r| (r.created_at, r.id));
    Ok((conn, to_requests(rows, locale), last))
}

/// `GET requests`: public issues, newest first, at most 1000. `ids` overrides every other
/// filter; otherwise the service codes, open or closed, and the window on
/// `requested_datetime` (90 days at most, the last 90 by default).
///
/// The answer is a stream of batches of [`BATCH`] requests. The first batch (or the refusal: an
/// unknown jurisdiction, no slot of the bulk class free) comes before the answer starts. A
/// producer task holds the slot and one connection while it reads the batches, and no thread
/// while it waits for the reader; a reader that takes nothing for `state.stall_timeout` is cut
/// off, and so is one that goes away. An answer cut short (a stalled reader, a database failure)
/// ends with an error, so that it is aborted rather than ended cleanly.
pub async fn requests(
    state: &AppState,
    query: RequestQuery,
    locale: Locale,
) -> Result<impl Stream<Item = Result<Vec<ServiceRequest>, Open311Refusal>> + use<>, Open311Refusal>
{
    let mut filter = RequestFilter {
        commune: jurisdiction_slug(query.jurisdiction_id.as_deref())?,
        ..RequestFilter::default()
    };
    if let Some(ids) = query.ids {
        filter.ids = Some(ids);
    } else {
        filter.categories = query.service_codes;
        filter.open = match (query.open, query.closed) {
            (true, false) => Some(true),
            (false, true) => Some(false),
            _ => None,
        };
        let (start, end) = window(query.start, query.end, state.clock.now())?;
        filter.created_after = Some(start);
        // The window's end is included.
        filter.created_before = Some(end + TimeDelta::microseconds(1));
    }
    // Up to a thousand requests: a slot of the bulk class, for as long as the answer streams.
    let slot = state
        .work
        .enter(crate::work::WorkClass::Bulk)
        .await
        .map_err(UseCaseError::from)?;
    let (tx, mut rx) = mpsc::channel::<Result<Vec<ServiceRequest>, Open311Refusal>>(IN_FLIGHT);
    let complete = Arc::new(AtomicBool::new(false));
    let finished = Arc::clone(&complete);
    let state = state.clone();
    tokio::spawn(async move {
        let _slot = slot;
        let stall = state.stall_timeout;
        let filter = Arc::new(filter);
        let mut conn = None;
        let mut after = None;
        let mut left = rules::MAX_RESULTS;
        loop {
            let size = left.min(BATCH);
            let (reading, wanted, held) = (state.clone(), Arc::clone(&filter), conn.take());
            let read = blocking(move || Ok(batch(&reading, held, &wanted, after, size, locale)))
                .await
                .map_err(Open311Refusal::from)
                .and_then(|read| read);
            let (held, items, last) = match read {
                Ok(read) => read,
                Err(e) => {
                    if !matches!(e, Open311Refusal::JurisdictionNotFound) {
                        tracing::warn!(error = %e, "Open311 requests failed");
                    }
                    let _ = tokio::time::timeout(stall, tx.send(Err(e))).await;
                    return;
                }
            };
            let count = i64::try_from(items.len()).unwrap_or(i64::MAX);
            left -= count;
            let done = count < size || left <= 0;
            if done {
                // Back to the pool before the last batch is handed over.
                drop(held);
                finished.store(true, Ordering::Release);
            } else {
                conn = Some(held);
            }
            if !matches!(
                tokio::time::timeout(stall, tx.send(Ok(items))).await,
                Ok(Ok(()))
            ) {
                tracing::info!("Open311 requests stopped: the reader stalled or left");
                return;
            }
            if done {
                return;
            }
            after = last;
        }
    });
    // The first batch, or the refusal, before the answer starts.
    let first = match rx.recv().await {
        Some(Ok(items)) => items,
        Some(Err(e)) => return Err(e),
        None => return Err(UseCaseError::Interrupted.into()),
    };
    Ok(futures_util::stream::unfold(
        (Some(first), rx, complete, false),
        |(first, mut rx, complete, ended)| async move {
            if let Some(items) = first {
                return Some((Ok(items), (None, rx, complete, false)));
            }
            if ended {
                return None;
            }
            match rx.recv().await {
                Some(item) => Some((item, (None, rx, complete, false))),
                None if complete.load(Ordering::Acquire) => None,
                None => Some((
                    Err(UseCaseError::Interrupted.into()),
                    (None, rx, complete, true),
                )),
            }
        },
    ))
}

/// `requests/{id}`: one public issue.
pub async fn request(
    state: &AppState,
    jurisdiction_id: Option<&str>,
    id: i64,
    locale: Locale,
) -> Result<ServiceRequest, Open311Refusal> {
    let filter = RequestFilter {
        commune: jurisdiction_slug(jurisdiction_id)?,
        ids: Some(vec![id]),
        ..RequestFilter::default()
    };
    let state = state.clone();
    let (_, found, _) = blocking(move || Ok(batch(&state, None, &filter, None, 1, locale)))
        .await
        .map_err(Open311Refusal::from)
        .and_then(|read| read)?;
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
