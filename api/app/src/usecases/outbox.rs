//! What admins do with the mail outbox: see what was given up, and send it again.

use super::{Page, UseCaseError, with_conn};
use chrono::NaiveDateTime;
use tawasol_domain::{OutboxStatus, PageLimit};
use tawasol_persistence::Database;
use tawasol_persistence::outbox::{self, OutboxEntry};

/// Rows newest first, optionally of one status, a page at a time.
pub async fn list(
    db: &Database,
    status: Option<OutboxStatus>,
    before: Option<i64>,
    limit: PageLimit,
) -> Result<Page<OutboxEntry, i64>, UseCaseError> {
    with_conn(db, move |c| {
        let rows = outbox::list(c, status, before, i64::from(limit.get()) + 1)?;
        Ok(Page::from_overfetch(rows, limit, |e| e.id))
    })
    .await
}

/// Puts a dead mail back in the queue, due now, with its attempts counted from zero.
pub async fn requeue(db: &Database, id: i64, now: NaiveDateTime) -> Result<(), UseCaseError> {
    with_conn(db, move |c| {
        if outbox::requeue(c, id, now)? {
            return Ok(());
        }
        match outbox::find(c, id)? {
            None => Err(UseCaseError::OutboxNotFound(id)),
            Some(_) => Err(UseCaseError::OutboxNotDead(id)),
        }
    })
    .await
}
