//! Mail: every notification goes through the outbox.
//!
//! 1. A use-case calls [`enqueue`] inside the database transaction of the change that causes the
//!    mail: if the transaction rolls back, no mail exists; if it commits, the mail will be sent.
//! 2. A [`worker::MailWorker`] (inside the server, or alone as `tawasol worker`) claims due rows
//!    under a lease, renders them in the recipient's language ([`template`]), and hands them to
//!    the [`transport::Transport`] (SMTP, or `.eml` files).
//! 3. The row is marked sent, scheduled for a retry with backoff, or dead.

pub mod compose;
#[cfg(test)]
mod snapshots;
pub mod template;
pub mod transport;
pub mod unsubscribe;

use chrono::NaiveDateTime;
pub use compose::Mailer;
use std::sync::Arc;
use tawasol_domain::{EmailAddress, Locale};
use tawasol_persistence::AnyConnection;
use tawasol_persistence::PersistenceError;
use tawasol_persistence::outbox::{self, Enqueued, OutboxInsertForm};
use template::Template;
use tokio::sync::Notify;

/// A mail a use-case wants sent.
#[derive(Debug, Clone)]
pub struct OutgoingMail {
    pub to: EmailAddress,
    pub locale: Locale,
    pub template: Template,
    /// Names the event, so that the same event never queues the same mail twice
    /// (`verify-email:<user>:<token id>`).
    pub dedupe_key: String,
}

/// Queues a mail in the caller's transaction.
pub fn enqueue(
    conn: &mut AnyConnection,
    mail: &OutgoingMail,
    now: NaiveDateTime,
) -> Result<Enqueued, PersistenceError> {
    let (name, payload) = mail.template.to_parts();
    outbox::enqueue(
        conn,
        &OutboxInsertForm {
            dedupe_key: &mail.dedupe_key,
            recipient: mail.to.as_str(),
            locale: mail.locale,
            template: name,
            payload: &payload,
            next_attempt_at: now,
            created_at: now,
        },
    )
}

/// Wakes this process's mail worker after a commit, so a mail leaves at once instead of at the
/// next poll. Other replicas' workers find it at their next poll.
#[derive(Debug, Clone, Default)]
pub struct MailSignal(Arc<Notify>);

impl MailSignal {
    pub fn wake(&self) {
        self.0.notify_one();
    }

    pub async fn woken(&self) {
        self.0.notified().await;
    }
}
