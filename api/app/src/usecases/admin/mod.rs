//! What admins do: appoint and revoke officials and moderators, verify organisations and manage
//! their members, ban and unban. Every action writes an audit record in the same transaction.
//!
//! One concern a file: `roles` (officials and moderators), `organisations` (and their members),
//! `bans`, `records` (the audit log and the mail outbox an admin reads) and `communes` (editing a
//! commune's data). `record` here writes the audit line every use-case shares. Public items are
//! re-exported: callers name `usecases::admin::…`.

mod bans;
mod communes;
mod organisations;
mod records;
mod roles;

pub use bans::set_ban;
pub use communes::{CommuneEdit, update_commune};
pub use organisations::{
    NewOrganisation, Organisation, create_organisation, put_member, remove_member,
};
pub use records::{AuditEntry, audit_log, outbox, requeue_mail};
pub use roles::{
    AppointOfficial, Appointment, appoint_moderator, appoint_official, revoke_moderator,
    revoke_official,
};

use super::{Caller, UseCaseError};
use chrono::NaiveDateTime;
use serde_json::Value;
use tawasol_domain::EmailAddress;
use tawasol_persistence::account::{self, UserRow};
use tawasol_persistence::audit::{self, AuditInsertForm};
use tawasol_persistence::{AnyConnection, PersistenceError};

pub(crate) fn record(
    c: &mut AnyConnection,
    caller: &Caller,
    action: &str,
    target: (&str, &str),
    before: Option<Value>,
    after: Option<Value>,
    at: NaiveDateTime,
) -> Result<(), PersistenceError> {
    let before = before.map(|v| v.to_string());
    let after = after.map(|v| v.to_string());
    audit::record(
        c,
        &AuditInsertForm {
            actor_user_id: caller.user_id(),
            action,
            target_type: target.0,
            target_id: target.1,
            before: before.as_deref(),
            after: after.as_deref(),
            request_id: caller.request_id.as_deref(),
            created_at: at,
        },
    )
}

fn user_by_email(c: &mut AnyConnection, email: &EmailAddress) -> Result<UserRow, UseCaseError> {
    account::find_by_email(c, email.as_str())?
        .filter(|u| u.deleted_at.is_none())
        .ok_or_else(|| UseCaseError::invalid("email", "field-no-such-account"))
}
