//! What admins read: the audit log, and the mail outbox (with requeuing a dead mail).

use super::record;
use crate::clock::rfc3339;
use crate::context::AppState;
use crate::usecases::{Caller, UseCaseError, with_conn};
use serde::Serialize;
use serde_json::Value;
use tawasol_domain::Action;
use tawasol_persistence::audit::{self};

/// An audit record, as admins read them.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AuditEntry {
    pub id: i64,
    pub actor_user_id: Option<i64>,
    pub action: String,
    pub target_type: String,
    pub target_id: String,
    pub before: Option<Value>,
    pub after: Option<Value>,
    pub request_id: Option<String>,
    pub created_at: String,
}

pub async fn audit_log(
    state: &AppState,
    caller: &Caller,
    before: Option<i64>,
    limit: tawasol_domain::PageLimit,
) -> Result<crate::usecases::Page<AuditEntry, i64>, UseCaseError> {
    caller.may(&Action::Administer)?;
    with_conn(&state.db, move |c| {
        let rows = audit::list(c, before, i64::from(limit.get()) + 1)?;
        Ok(
            crate::usecases::Page::from_overfetch(rows, limit, |r| r.id).map(|r| AuditEntry {
                id: r.id,
                actor_user_id: r.actor_user_id,
                action: r.action,
                target_type: r.target_type,
                target_id: r.target_id,
                before: r.before.and_then(|b| serde_json::from_str(&b).ok()),
                after: r.after.and_then(|a| serde_json::from_str(&a).ok()),
                request_id: r.request_id,
                created_at: rfc3339(r.created_at),
            }),
        )
    })
    .await
}

/// Mails in the outbox (dead ones are what an admin looks at), newest first.
pub async fn outbox(
    state: &AppState,
    caller: &Caller,
    status: Option<tawasol_domain::OutboxStatus>,
    before: Option<i64>,
    limit: tawasol_domain::PageLimit,
) -> Result<crate::usecases::Page<tawasol_persistence::outbox::OutboxEntry, i64>, UseCaseError> {
    caller.may(&Action::Administer)?;
    crate::usecases::outbox::list(&state.db, status, before, limit).await
}

/// Puts a dead mail back in the queue, and records who did.
pub async fn requeue_mail(state: &AppState, caller: &Caller, id: i64) -> Result<(), UseCaseError> {
    caller.may(&Action::Administer)?;
    let at = state.clock.now();
    crate::usecases::outbox::requeue(&state.db, id, at).await?;
    let caller = caller.clone();
    with_conn(&state.db, move |c| {
        Ok(record(
            c,
            &caller,
            "outbox.requeue",
            ("outbox", &id.to_string()),
            None,
            None,
            at,
        )?)
    })
    .await
}
