//! Local issues: a resident reports, everyone reads.
//!
//! One concern a file: `reporting` (a new issue, the similar ones offered, the officials told),
//! `reading` (the views, one issue, lists, the thread and history), `scope` (whose official
//! scope covers an issue), `replies` (reply, official answers, corrections), `status` (status
//! changes, and an official's answer with a status change as one step) and `relations` (supports and follows). Their public items are re-exported here:
//! callers name `usecases::issues::…`.

mod reading;
mod relations;
mod replies;
mod reporting;
mod scope;
mod status;

pub use reading::{
    IssueDetail, IssueQuery, IssueView, PreviousVersion, ReplyView, StatusView, detail, list, show,
};
pub use relations::set_relation;
pub use replies::{REPLY_EDIT_WINDOW, edit_reply, reply};
pub use reporting::{NewIssue, Reported, report, report_with, similar_open};
pub use scope::official_in_scope;
pub use status::{answer, change_status};

use super::UseCaseError;
use crate::context::AppState;
use crate::mail::template::Template;
use chrono::NaiveDateTime;
use tawasol_domain::EmailAddress;
use tawasol_persistence::AnyConnection;
use tawasol_persistence::issue::Recipient;
use tawasol_persistence::outbox::{self, OutboxInsertForm};

fn issue_url(state: &AppState, id: i64) -> String {
    format!("{}/issues/{id}", state.public_url)
}

/// Queues `template` for each recipient who has an address (but `skip`), deduplicated by `key`:
/// one statement for them all. Says how many mails it queued (or found queued already), so
/// that the caller wakes the mail worker only when there is something to send.
pub(crate) fn notify(
    c: &mut AnyConnection,
    recipients: &[Recipient],
    skip: Option<i64>,
    template: &Template,
    key: &str,
    at: NaiveDateTime,
) -> Result<usize, UseCaseError> {
    let addressed: Vec<(EmailAddress, &Recipient, String)> = recipients
        .iter()
        .filter(|r| Some(r.user_id) != skip)
        .filter_map(|r| {
            let to = r
                .email
                .as_deref()
                .and_then(|e| EmailAddress::parse(e).ok())?;
            Some((to, r, format!("{key}:{}", r.user_id)))
        })
        .collect();
    if addressed.is_empty() {
        return Ok(0);
    }
    let (name, payload) = template.to_parts();
    let forms: Vec<OutboxInsertForm<'_>> = addressed
        .iter()
        .map(|(to, r, dedupe_key)| OutboxInsertForm {
            dedupe_key,
            recipient: to.as_str(),
            locale: r.locale,
            template: name,
            payload: &payload,
            next_attempt_at: at,
            created_at: at,
        })
        .collect();
    outbox::enqueue_many(c, &forms)?;
    Ok(forms.len())
}
