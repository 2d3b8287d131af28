//! Open data: every public issue and every published petition, as CSV or JSON Lines, streamed a
//! batch at a time so that memory stays the same whatever the size. No personal data: no
//! author or agent, no e-mail, no address, issue locations at the public precision (four decimal
//! places, about 11 m: `GeoPoint::public`), as on every public surface.

use super::UseCaseError;
use crate::clock::rfc3339;
use crate::context::AppState;
use bytes::Bytes;
use futures_util::Stream;
use serde::Serialize;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use tawasol_domain::geo::public_degrees;
use tawasol_persistence::export::{self, IssueExportRow, PetitionExportRow};
use tawasol_persistence::role::{self, Resolved};
use tokio::sync::mpsc;

/// Rows read from the database per batch.
pub const BATCH: i64 = 500;

/// Batches that may wait for a slow reader before the producer pauses.
const IN_FLIGHT: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    JsonLines,
}

#[derive(Debug, Serialize)]
struct IssueRecord {
    id: i64,
    commune: String,
    arrondissement: Option<String>,
    category: String,
    status: String,
    language: String,
    title: String,
    description: String,
    lat: Option<f64>,
    lon: Option<f64>,
    support_count: i32,
    reply_count: i32,
    follower_count: i32,
    created_at: String,
    updated_at: String,
    first_official_answer_at: Option<String>,
    first_answer_hours: Option<f64>,
    resolved_at: Option<String>,
    expected_on: Option<String>,
    responsible_body: Option<String>,
    duplicate_of: Option<i64>,
}

impl From<IssueExportRow> for IssueRecord {
    fn from(r: IssueExportRow) -> Self {
        IssueRecord {
            id: r.id,
            commune: r.commune,
            arrondissement: r.arrondissement,
            category: r.category,
            status: r.status.as_str().to_owned(),
            language: r.language.as_str().to_owned(),
            title: r.title,
            description: r.description,
            lat: r.lat.map(public_degrees),
            lon: r.lon.map(public_degrees),
            support_count: r.support_count,
            reply_count: r.reply_count,
            follower_count: r.follower_count,
            created_at: rfc3339(r.created_at),
            updated_at: rfc3339(r.updated_at),
            first_official_answer_at: r.first_official_answer_at.map(rfc3339),
            first_answer_hours: r
                .first_answer_seconds
                .map(|s| (f64::from(s) / 360.0).round() / 10.0),
            resolved_at: r.resolved_at.map(rfc3339),
            expected_on: r.expected_on.map(|d| d.to_string()),
            responsible_body: r.responsible_body,
            duplicate_of: r.duplicate_of,
        }
    }
}

const ISSUE_COLUMNS: [&str; 21] = [
    "id",
    "commune",
    "arrondissement",
    "category",
    "status",
    "language",
    "title",
    "description",
    "lat",
    "lon",
    "support_count",
    "reply_count",
    "follower_count",
    "created_at",
    "updated_at",
    "first_official_answer_at",
    "first_answer_hours",
    "resolved_at",
    "expected_on",
    "responsible_body",
    "duplicate_of",
];

fn opt<T: ToString>(v: Option<&T>) -> String {
    v.map(ToString::to_string).unwrap_or_default()
}

impl IssueRecord {
    fn cells(&self) -> Vec<String> {
        let text = crate::spreadsheet::cell;
        vec![
            self.id.to_string(),
            self.commune.clone(),
            opt(self.arrondissement.as_ref()),
            self.category.clone(),
            self.status.clone(),
            self.language.clone(),
            text(&self.title),
            text(&self.description),
            opt(self.lat.as_ref()),
            opt(self.lon.as_ref()),
            self.support_count.to_string(),
            self.reply_count.to_string(),
            self.follower_count.to_string(),
            self.created_at.clone(),
            self.updated_at.clone(),
            opt(self.first_official_answer_at.as_ref()),
            opt(self.first_answer_hours.as_ref()),
            opt(self.resolved_at.as_ref()),
            opt(self.expected_on.as_ref()),
            self.responsible_body
                .as_deref()
                .map(text)
                .unwrap_or_default(),
            opt(self.duplicate_of.as_ref()),
        ]
    }
}

/// The steps a petition can reach, each a column of the CSV (`<status>_at`).
const STEPS: [&str; 8] = [
    "collecting",
    "ready",
    "filed",
    "admissible",
    "inadmissible",
    "on_agenda",
    "decided",
    "withdrawn",
];

#[derive(Debug, Serialize)]
struct Step {
    status: String,
    at: String,
}

#[derive(Debug, Serialize)]
struct PetitionRecord {
    id: i64,
    commune: String,
    filer_type: String,
    organisation: Option<String>,
    title: String,
    status: String,
    signature_count: i32,
    threshold: i32,
    receipt_number: Option<String>,
    filed_on: Option<String>,
    refusal_deadline: Option<String>,
    next_session_on: Option<String>,
    session_date: Option<String>,
    committee: Option<String>,
    outcome: Option<String>,
    created_at: String,
    updated_at: String,
    steps: Vec<Step>,
}

impl PetitionRecord {
    fn new(r: PetitionExportRow, steps: Vec<Step>) -> PetitionRecord {
        PetitionRecord {
            id: r.id,
            commune: r.commune,
            filer_type: r.filer_type.as_str().to_owned(),
            organisation: r.organisation,
            title: r.title,
            status: r.status.as_str().to_owned(),
            signature_count: r.signature_count,
            threshold: r.threshold,
            receipt_number: r.receipt_number,
            filed_on: r.filed_on.map(|d| d.to_string()),
            refusal_deadline: r
                .filed_on
                .map(|d| tawasol_domain::petition::refusal_deadline(d).to_string()),
            next_session_on: r.next_session_on.map(|d| d.to_string()),
            session_date: r.session_date.map(|d| d.to_string()),
            committee: r.committee,
            outcome: r.outcome,
            created_at: rfc3339(r.created_at),
            updated_at: rfc3339(r.updated_at),
            steps,
        }
    }

    fn columns() -> Vec<String> {
        let mut c: Vec<String> = [
            "id",
            "commune",
            "filer_type",
            "organisation",
            "title",
            "status",
            "signature_count",
            "threshold",
            "receipt_number",
            "filed_on",
            "refusal_deadline",
            "next_session_on",
            "session_date",
            "committee",
            "outcome",
            "created_at",
            "updated_at",
        ]
        .map(str::to_owned)
        .to_vec();
        c.extend(STEPS.iter().map(|s| format!("{s}_at")));
        c
    }

    fn cells(&self) -> Vec<String> {
        let text = crate::spreadsheet::cell;
        let mut c = vec![
            self.id.to_string(),
            self.commune.clone(),
            self.filer_type.clone(),
            self.organisation.as_deref().map(text).unwrap_or_default(),
            text(&self.title),
            self.status.clone(),
            self.signature_count.to_string(),
            self.threshold.to_string(),
            self.receipt_number.as_deref().map(text).unwrap_or_default(),
            opt(self.filed_on.as_ref()),
            opt(self.refusal_deadline.as_ref()),
            opt(self.next_session_on.as_ref()),
            opt(self.session_date.as_ref()),
            self.committee.as_deref().map(text).unwrap_or_default(),
            opt(self.outcome.as_ref()),
            self.created_at.clone(),
            self.updated_at.clone(),
        ];
        for s in STEPS {
            // The latest time the petition reached that step.
            c.push(
                self.steps
                    .iter()
                    .rev()
                    .find(|st| st.status == s)
                    .map(|st| st.at.clone())
                    .unwrap_or_default(),
            );
        }
        c
    }
}

fn csv_line(cells: &[String]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(cells);
    w.into_inner().unwrap_or_default()
}

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dataset {
    Issues,
    Petitions,
}

/// The commune's id, or a field error; checked before the answer starts.
pub async fn commune_id(
    state: &AppState,
    commune: Option<String>,
) -> Result<Option<i64>, UseCaseError> {
    let Some(slug) = commune else {
        return Ok(None);
    };
    super::with_conn(&state.db, move |c| {
        match role::resolve(c, &slug, None, &[])? {
            Resolved::Ok { commune_id, .. } => Ok(Some(commune_id)),
            _ => Err(UseCaseError::invalid("commune", "field-commune")),
        }
    })
    .await
}

/// One batch rendered: the bytes, the last id, and whether it was the last batch.
fn render_batch(
    state: &AppState,
    dataset: Dataset,
    format: Format,
    commune_id: Option<i64>,
    after: i64,
    batch: i64,
) -> Result<(Vec<u8>, Option<i64>), UseCaseError> {
    let mut conn = state.db.conn()?;
    let mut out = Vec::new();
    match dataset {
        Dataset::Issues => {
            let rows = export::issues_after(&mut conn, commune_id, after, batch)?;
            drop(conn);
            let last = rows.last().map(|r| r.id);
            for r in rows {
                let record = IssueRecord::from(r);
                match format {
                    Format::Csv => out.extend(csv_line(&record.cells())),
                    Format::JsonLines => {
                        out.extend(serde_json::to_vec(&record).unwrap_or_default());
                        out.push(b'\n');
                    }
                }
            }
            Ok((out, last))
        }
        Dataset::Petitions => {
            let rows = export::petitions_after(&mut conn, commune_id, after, batch)?;
            let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
            let mut steps = export::steps_of(&mut conn, &ids)?.into_iter().peekable();
            drop(conn);
            let last = rows.last().map(|r| r.id);
            for r in rows {
                let mut mine = Vec::new();
                while let Some((_, status, at)) = steps.next_if(|(id, _, _)| *id == r.id) {
                    mine.push(Step {
                        status: status.as_str().to_owned(),
                        at: rfc3339(at),
                    });
                }
                let record = PetitionRecord::new(r, mine);
                match format {
                    Format::Csv => out.extend(csv_line(&record.cells())),
                    Format::JsonLines => {
                        out.extend(serde_json::to_vec(&record).unwrap_or_default());
                        out.push(b'\n');
                    }
                }
            }
            Ok((out, last))
        }
    }
}

/// The export as a stream of chunks, `batch` rows at a time, once a slot of the export class is
/// free (else [`UseCaseError::Busy`], before the answer starts). A producer task reads and
/// renders one batch on the blocking pool while the reader consumes the previous ones; it holds
/// the slot, and no thread, while it waits for the reader. A reader that takes nothing for
/// `state.stall_timeout` is cut off and the slot freed; so is one that goes away. An export cut
/// short (a stalled reader, a database failure) ends with an error, so that the answer is
/// aborted rather than ended cleanly: a client never mistakes a cut export for a whole one.
pub async fn stream(
    state: &AppState,
    dataset: Dataset,
    format: Format,
    commune_id: Option<i64>,
    batch: i64,
) -> Result<impl Stream<Item = Result<Bytes, UseCaseError>> + use<>, UseCaseError> {
    let slot = state.work.enter(crate::work::WorkClass::Export).await?;
    let (tx, rx) = mpsc::channel::<Result<Bytes, UseCaseError>>(IN_FLIGHT);
    let complete = Arc::new(AtomicBool::new(false));
    let state = state.clone();
    let finished = Arc::clone(&complete);
    tokio::spawn(async move {
        let _slot = slot;
        let stall = state.stall_timeout;
        // Hands a chunk to the reader; `false` when the reader went away or stopped reading.
        let send = |item: Result<Bytes, UseCaseError>| {
            let tx = tx.clone();
            async move { matches!(tokio::time::timeout(stall, tx.send(item)).await, Ok(Ok(()))) }
        };
        if format == Format::Csv {
            // A byte-order mark so that spreadsheet programs read Arabic and Tifinagh as UTF-8.
            let mut head = "\u{feff}".as_bytes().to_vec();
            head.extend(csv_line(&match dataset {
                Dataset::Issues => ISSUE_COLUMNS.map(str::to_owned).to_vec(),
                Dataset::Petitions => PetitionRecord::columns(),
            }));
            if !send(Ok(Bytes::from(head))).await {
                return;
            }
        }
        let mut after = 0;
        loop {
            let reading = state.clone();
            let rendered = super::blocking(move || {
                render_batch(&reading, dataset, format, commune_id, after, batch)
            })
            .await;
            match rendered {
                Ok((bytes, Some(last))) => {
                    after = last;
                    if !send(Ok(Bytes::from(bytes))).await {
                        tracing::info!("open data export stopped: the reader stalled or left");
                        return;
                    }
                }
                Ok((_, None)) => {
                    finished.store(true, Ordering::Release);
                    return;
                }
                Err(e) => {
                    tracing::warn!(error = %e, "open data export failed");
                    let _ = send(Err(e)).await;
                    return;
                }
            }
        }
    });
    Ok(futures_util::stream::unfold(
        (rx, complete, false),
        |(mut rx, complete, ended)| async move {
            if ended {
                return None;
            }
            match rx.recv().await {
                Some(item) => Some((item, (rx, complete, false))),
                None if complete.load(Ordering::Acquire) => None,
                None => Some((Err(UseCaseError::Interrupted), (rx, complete, true))),
            }
        },
    ))
}
