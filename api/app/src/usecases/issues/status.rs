//! Status changes, after the domain's state machine: public, audited and mailed.

use super::reading::{IssueDetail, detail};
use super::scope::scope_covers;
use super::{issue_url, notify};
use crate::context::AppState;
use crate::mail::template::Template;
use crate::usecases::{Caller, UseCaseError, in_transaction, with_conn};
use tawasol_domain::issue::{StatusChange, StatusRole, check_transition, contains_personal_data};
use tawasol_domain::{Action, CommuneSlug};
use tawasol_persistence::issue::{self, StatusUpdate};

/// Changes an issue's status, following the domain's state machine: officials in scope; moderators
/// for duplicates and rejections; the reporter to reopen a resolved issue within 30 days. Every
/// change is public, audited, and mailed to the reporter and followers.
pub async fn change_status(
    state: &AppState,
    caller: &Caller,
    id: i64,
    change: StatusChange,
) -> Result<IssueDetail, UseCaseError> {
    caller.may(&Action::Contribute)?;
    let actor_id = caller.user_id().ok_or(UseCaseError::Denied(
        tawasol_domain::Denied::NotAuthenticated,
    ))?;
    let row = with_conn(&state.db, move |c| Ok(issue::find(c, id)?))
        .await?
        .filter(|r| r.visibility.is_public())
        .ok_or(UseCaseError::IssueNotFound(id))?;
    let role = if scope_covers(&caller.actor, &row) {
        StatusRole::OfficialInScope
    } else if CommuneSlug::parse(&row.commune)
        .is_ok_and(|c| caller.may(&Action::Moderate { commune: c }).is_ok())
    {
        StatusRole::Moderator
    } else if row.author_id == actor_id {
        StatusRole::Reporter
    } else {
        StatusRole::Other
    };
    let from = row.status;
    let change = public_texts(change)?;
    // Every change is mailed to the followers: an hourly allowance per account.
    let write = if role == StatusRole::Reporter {
        crate::usecases::limits::Write::Reply
    } else {
        crate::usecases::limits::Write::OfficialStep
    };
    crate::usecases::limits::allow(state, write, actor_id).await?;
    let at = state.clock.now();
    let resolved_at = with_conn(&state.db, move |c| Ok(issue::resolved_at(c, id)?)).await?;
    let days = resolved_at.map(|r| (at - r).num_days());
    check_transition(id, from, &change, role, days, at.date()).map_err(UseCaseError::Transition)?;
    let caller2 = caller.clone();
    let state2 = state.clone();
    in_transaction(&state.db, move |c| {
        if let Some(original) = change.duplicate_of {
            let exists = issue::find(c, original)?.is_some_and(|o| o.visibility.is_public());
            if !exists {
                return Err(UseCaseError::invalid("duplicate_of", "field-duplicate-of"));
            }
        }
        let note = change.note.trim();
        let changed = issue::change_status(
            c,
            &StatusUpdate {
                issue_id: id,
                actor_id,
                from,
                to: change.to,
                note,
                expected_on: change.expected_on,
                responsible_body: change.responsible_body.as_deref().map(str::trim),
                duplicate_of: change.duplicate_of,
                at,
            },
        )?;
        if !changed {
            return Err(UseCaseError::Transition(
                tawasol_domain::issue::TransitionError::NotAllowed {
                    from,
                    to: change.to,
                },
            ));
        }
        crate::usecases::admin::record(
            c,
            &caller2,
            "issue.status",
            ("issue", &id.to_string()),
            Some(serde_json::json!({"status": from.as_str()})),
            Some(serde_json::json!({"status": change.to.as_str(), "note": note})),
            at,
        )?;
        let followers = issue::followers(c, id, issue::Audience::Updates)?;
        let template = Template::IssueStatusChanged {
            issue_title: row.title.clone(),
            status: change.to.as_str().to_owned(),
            note: note.to_owned(),
            issue_url: issue_url(&state2, id),
        };
        notify(
            c,
            &followers,
            Some(actor_id),
            &template,
            &format!("status:{id}:{}", at.and_utc().timestamp_micros()),
            at,
        )?;
        Ok(())
    })
    .await?;
    state.mail.wake();
    detail(state, caller, id).await
}

/// A status change's note and responsible body are public at once and cannot be held: the one
/// text rule applies, and personal data is refused (contact details belong in a reply, which a
/// moderator can hold). Lengths are left to the state machine, which names what is missing.
fn public_texts(mut change: StatusChange) -> Result<StatusChange, UseCaseError> {
    use tawasol_domain::issue::{ResponsibleBody, StatusNote};
    use tawasol_domain::text::InvalidText;
    match StatusNote::parse(&change.note) {
        Ok(note) if contains_personal_data(note.as_str()) => {
            return Err(UseCaseError::invalid("note", "field-personal-data"));
        }
        Ok(note) => change.note = note.into_inner(),
        Err(InvalidText::TooShort | InvalidText::TooLong) => {}
        Err(e) => {
            return Err(UseCaseError::invalid(
                "note",
                crate::usecases::text_message(e, "field-note"),
            ));
        }
    }
    if let Some(body) = change.responsible_body.take() {
        change.responsible_body = match ResponsibleBody::parse(&body) {
            Ok(b) if contains_personal_data(b.as_str()) => {
                return Err(UseCaseError::invalid(
                    "responsible_body",
                    "field-personal-data",
                ));
            }
            Ok(b) => Some(b.into_inner()),
            Err(InvalidText::TooShort) => None,
            Err(e) => {
                return Err(UseCaseError::invalid(
                    "responsible_body",
                    crate::usecases::text_message(e, "field-responsible-body"),
                ));
            }
        };
    }
    Ok(change)
}
