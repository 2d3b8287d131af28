//! The mail outbox: rows written in the same transaction as the change that causes a mail, then
//! claimed, sent and marked by workers. Claims are leases: a row whose worker died becomes due
//! again when `locked_until` passes.

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::schema::outbox;
use crate::stored::Stored;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Integer, Text, Timestamp};
use tawasol_domain::{Locale, OutboxStatus};

/// A mail to send, as a use-case describes it.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = outbox)]
pub struct OutboxInsertForm<'a> {
    /// Unique per event and recipient (`verify-email:42:1`): the same event never enqueues the
    /// same mail twice.
    pub dedupe_key: &'a str,
    pub recipient: &'a str,
    #[diesel(skip_insertion)]
    pub locale: Locale,
    /// Which message this is (`account_verify_email`); rendering happens at send time.
    pub template: &'a str,
    /// The message's arguments, as JSON.
    pub payload: &'a str,
    /// When the mail becomes due (usually now).
    pub next_attempt_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
}

/// Whether a mail was queued or was already there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Enqueued {
    New(i64),
    AlreadyQueued,
}

/// Queues a mail. Call it inside the transaction of the change that causes the mail.
pub fn enqueue(
    conn: &mut AnyConnection,
    form: &OutboxInsertForm<'_>,
) -> Result<Enqueued, PersistenceError> {
    // ON CONFLICT exists on both backends but not through the multi-connection: run it on the
    // inner connection.
    let id = match conn {
        AnyConnection::Postgresql(c) => diesel::insert_into(outbox::table)
            .values((form, outbox::locale.eq(form.locale.as_str())))
            .on_conflict(outbox::dedupe_key)
            .do_nothing()
            .returning(outbox::id)
            .get_result::<i64>(c)
            .optional()?,
        AnyConnection::Sqlite(c) => diesel::insert_into(outbox::table)
            .values((form, outbox::locale.eq(form.locale.as_str())))
            .on_conflict(outbox::dedupe_key)
            .do_nothing()
            .returning(outbox::id)
            .get_result::<i64>(c)
            .optional()?,
    };
    Ok(id.map_or(Enqueued::AlreadyQueued, Enqueued::New))
}

/// Queues several mails (those already queued under their dedupe key are left as they are).
/// Call it inside the transaction of the change that causes the mails.
///
/// PostgreSQL: one multi-row `INSERT … ON CONFLICT DO NOTHING` (one round trip whatever the
/// number of recipients). SQLite: Diesel cannot write a multi-row insert with `ON CONFLICT`
/// there, and a statement costs no round trip in-process: one prepared insert a mail.
pub fn enqueue_many(
    conn: &mut AnyConnection,
    forms: &[OutboxInsertForm<'_>],
) -> Result<(), PersistenceError> {
    if forms.is_empty() {
        return Ok(());
    }
    match conn {
        AnyConnection::Postgresql(c) => {
            let rows: Vec<_> = forms
                .iter()
                .map(|form| (form, outbox::locale.eq(form.locale.as_str())))
                .collect();
            diesel::insert_into(outbox::table)
                .values(rows)
                .on_conflict(outbox::dedupe_key)
                .do_nothing()
                .execute(c)?;
        }
        AnyConnection::Sqlite(_) => {
            for form in forms {
                enqueue(conn, form)?;
            }
        }
    }
    Ok(())
}

/// A row a worker holds under lease.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct ClaimedMail {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = Text)]
    pub recipient: String,
    #[diesel(sql_type = Text, deserialize_as = Stored<Locale>)]
    pub locale: Locale,
    #[diesel(sql_type = Text)]
    pub template: String,
    #[diesel(sql_type = Text)]
    pub payload: String,
    /// Including this attempt.
    #[diesel(sql_type = Integer)]
    pub attempts: i32,
}

/// Claims up to `limit` due rows for `worker` until `lease_until`, counting the attempt.
///
/// PostgreSQL: `FOR UPDATE SKIP LOCKED`, so concurrent workers on several replicas never claim
/// the same row. SQLite: one UPDATE under the database's single write lock, equally exclusive.
pub fn claim(
    conn: &mut AnyConnection,
    worker: &str,
    now: NaiveDateTime,
    lease_until: NaiveDateTime,
    limit: i64,
) -> Result<Vec<ClaimedMail>, PersistenceError> {
    const DUE: &str = "status = 'pending' AND next_attempt_at <= {now} \
                       AND (locked_until IS NULL OR locked_until <= {now})";
    let mut rows = match conn {
        AnyConnection::Postgresql(c) => diesel::sql_query(format!(
            "UPDATE outbox SET locked_by = $1, locked_until = $2, attempts = attempts + 1 \
             WHERE id IN (SELECT id FROM outbox WHERE {} ORDER BY next_attempt_at, id LIMIT $4 \
                          FOR UPDATE SKIP LOCKED) \
             RETURNING id, recipient, locale, template, payload, attempts",
            DUE.replace("{now}", "$3")
        ))
        .bind::<Text, _>(worker)
        .bind::<Timestamp, _>(lease_until)
        .bind::<Timestamp, _>(now)
        .bind::<BigInt, _>(limit)
        .load::<ClaimedMail>(c)?,
        AnyConnection::Sqlite(c) => diesel::sql_query(format!(
            "UPDATE outbox SET locked_by = ?1, locked_until = ?2, attempts = attempts + 1 \
             WHERE id IN (SELECT id FROM outbox WHERE {} ORDER BY next_attempt_at, id LIMIT ?4) \
             RETURNING id, recipient, locale, template, payload, attempts",
            DUE.replace("{now}", "?3")
        ))
        .bind::<Text, _>(worker)
        .bind::<Timestamp, _>(lease_until)
        .bind::<Timestamp, _>(now)
        .bind::<BigInt, _>(limit)
        .load::<ClaimedMail>(c)?,
    };
    rows.sort_by_key(|r| r.id);
    Ok(rows)
}

/// Only the worker that holds the lease may settle a row; `false` when it no longer does.
fn held(id: i64, worker: &str) -> _Held<'_> {
    outbox::id
        .eq(id)
        .and(outbox::locked_by.eq(worker))
        .and(outbox::status.eq(OutboxStatus::Pending.as_str()))
}
type _Held<'a> = diesel::dsl::And<
    diesel::dsl::And<diesel::dsl::Eq<outbox::id, i64>, diesel::dsl::Eq<outbox::locked_by, &'a str>>,
    diesel::dsl::Eq<outbox::status, &'static str>,
>;

pub fn mark_sent(
    conn: &mut AnyConnection,
    id: i64,
    worker: &str,
    now: NaiveDateTime,
) -> Result<bool, PersistenceError> {
    let n = diesel::update(outbox::table.filter(held(id, worker)))
        .set((
            outbox::status.eq(OutboxStatus::Sent.as_str()),
            outbox::sent_at.eq(Some(now)),
            outbox::locked_by.eq(None::<String>),
            outbox::locked_until.eq(None::<NaiveDateTime>),
            outbox::last_error.eq(None::<String>),
        ))
        .execute(conn)?;
    Ok(n == 1)
}

pub fn schedule_retry(
    conn: &mut AnyConnection,
    id: i64,
    worker: &str,
    at: NaiveDateTime,
    error: &str,
) -> Result<bool, PersistenceError> {
    let n = diesel::update(outbox::table.filter(held(id, worker)))
        .set((
            outbox::next_attempt_at.eq(at),
            outbox::locked_by.eq(None::<String>),
            outbox::locked_until.eq(None::<NaiveDateTime>),
            outbox::last_error.eq(Some(error)),
        ))
        .execute(conn)?;
    Ok(n == 1)
}

pub fn mark_dead(
    conn: &mut AnyConnection,
    id: i64,
    worker: &str,
    error: &str,
) -> Result<bool, PersistenceError> {
    let n = diesel::update(outbox::table.filter(held(id, worker)))
        .set((
            outbox::status.eq(OutboxStatus::Dead.as_str()),
            outbox::locked_by.eq(None::<String>),
            outbox::locked_until.eq(None::<NaiveDateTime>),
            outbox::last_error.eq(Some(error)),
        ))
        .execute(conn)?;
    Ok(n == 1)
}

/// Deletes sent rows older than `before`; returns how many.
pub fn purge_sent(
    conn: &mut AnyConnection,
    before: NaiveDateTime,
) -> Result<usize, PersistenceError> {
    Ok(diesel::delete(
        outbox::table
            .filter(outbox::status.eq(OutboxStatus::Sent.as_str()))
            .filter(outbox::sent_at.lt(before)),
    )
    .execute(conn)?)
}

/// Deletes the mails to `recipient` that are not sent yet (pending, or dead and kept for an admin
/// to requeue): an erased account's address must not wait in the queue. Sent rows stay until
/// `purge_sent` (the retention period). Returns how many.
pub fn cancel_unsent_to(
    conn: &mut AnyConnection,
    recipient: &str,
) -> Result<usize, PersistenceError> {
    Ok(diesel::delete(
        outbox::table
            .filter(outbox::recipient.eq(recipient))
            .filter(outbox::status.ne(OutboxStatus::Sent.as_str())),
    )
    .execute(conn)?)
}

/// A row as an admin sees it.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = outbox)]
pub struct OutboxEntry {
    pub id: i64,
    pub dedupe_key: String,
    pub recipient: String,
    #[diesel(deserialize_as = Stored<Locale>)]
    pub locale: Locale,
    pub template: String,
    #[diesel(deserialize_as = Stored<OutboxStatus>)]
    pub status: OutboxStatus,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub last_error: Option<String>,
    pub created_at: NaiveDateTime,
    pub sent_at: Option<NaiveDateTime>,
}

/// Rows of one status (or all), newest first, after `before_id` (keyset pagination).
pub fn list(
    conn: &mut AnyConnection,
    status: Option<OutboxStatus>,
    before_id: Option<i64>,
    limit: i64,
) -> Result<Vec<OutboxEntry>, PersistenceError> {
    let mut query = outbox::table
        .select(OutboxEntry::as_select())
        .order(outbox::id.desc())
        .limit(limit)
        .into_boxed();
    if let Some(s) = status {
        query = query.filter(outbox::status.eq(s.as_str()));
    }
    if let Some(id) = before_id {
        query = query.filter(outbox::id.lt(id));
    }
    Ok(query.load(conn)?)
}

pub fn find(conn: &mut AnyConnection, id: i64) -> Result<Option<OutboxEntry>, PersistenceError> {
    Ok(outbox::table
        .find(id)
        .select(OutboxEntry::as_select())
        .first(conn)
        .optional()?)
}

/// Puts a dead row back in the queue with a fresh count of attempts; `false` if it is not dead.
pub fn requeue(
    conn: &mut AnyConnection,
    id: i64,
    now: NaiveDateTime,
) -> Result<bool, PersistenceError> {
    let n = diesel::update(
        outbox::table
            .filter(outbox::id.eq(id))
            .filter(outbox::status.eq(OutboxStatus::Dead.as_str())),
    )
    .set((
        outbox::status.eq(OutboxStatus::Pending.as_str()),
        outbox::attempts.eq(0),
        outbox::next_attempt_at.eq(now),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// How many rows are in each status.
pub fn count_by_status(
    conn: &mut AnyConnection,
) -> Result<Vec<(OutboxStatus, i64)>, PersistenceError> {
    let rows: Vec<(Stored<OutboxStatus>, i64)> = outbox::table
        .group_by(outbox::status)
        .select((outbox::status, diesel::dsl::count_star()))
        .load(conn)?;
    Ok(rows.into_iter().map(|(Stored(s), n)| (s, n)).collect())
}

/// Mails queued or sent to an address (for a person's data export).
pub fn list_for_recipient(
    conn: &mut AnyConnection,
    recipient: &str,
) -> Result<Vec<OutboxEntry>, PersistenceError> {
    Ok(outbox::table
        .filter(outbox::recipient.eq(recipient))
        .order(outbox::id.asc())
        .select(OutboxEntry::as_select())
        .load(conn)?)
}
