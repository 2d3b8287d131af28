//! Status changes, after the domain's state machine: public, audited and mailed; and an
//! official's answer with a status change, as one step and one mail.

use super::reading::{IssueDetail, ReplyView, detail, name};
use super::replies::reply;
use super::scope::scope_covers;
use super::{issue_url, notify};
use crate::clock::rfc3339;
use crate::context::AppState;
use crate::mail::template::Template;
use crate::usecases::{Caller, UseCaseError, in_transaction, with_conn};
use chrono::NaiveDateTime;
use tawasol_domain::issue::{
    IssueStatus, ReplyBody, StatusChange, StatusRole, Visibility, check_transition,
    contains_personal_data,
};
use tawasol_domain::{Action, CommuneSlug};
use tawasol_persistence::issue::{self, IssueRow, ReplyInsertForm, StatusUpdate};
use tawasol_persistence::{AnyConnection, account};

/// Changes an issue's status, following the domain's state machine: officials in scope; moderators
/// for duplicates and rejections; the reporter to reopen a resolved issue within 30 days. Every
/// change is public, audited, and mailed to the reporter and followers.
pub async fn change_status(
    state: &AppState,
    caller: &Caller,
    id: i64,
    change: StatusChange,
) -> Result<IssueDetail, UseCaseError> {
    let change = public_texts(change)?;
    let step = checked(state, caller, id, change).await?;
    let caller2 = caller.clone();
    let state2 = state.clone();
    in_transaction(&state.db, move |c| {
        let note = apply(c, &caller2, &step)?;
        let followers = issue::followers(c, id, issue::Audience::Updates)?;
        let template = Template::IssueStatusChanged {
            issue_title: step.row.title.clone(),
            status: step.change.to.as_str().to_owned(),
            note,
            expected_on: step.expected_on(),
            responsible_body: step.change.responsible_body.clone(),
            duplicate_of: step.change.duplicate_of,
            issue_url: issue_url(&state2, id),
        };
        notify(
            c,
            &followers,
            Some(step.actor_id),
            &template,
            &format!("status:{id}:{}", step.at.and_utc().timestamp_micros()),
            step.at,
        )?;
        Ok(())
    })
    .await?;
    state.mail.wake();
    detail(state, caller, id).await
}

/// An official's answer and, in the same step, a new status: both stored in one transaction, or
/// neither, and the reporter and followers get one mail that tells both. Without a status change
/// it is an official answer (`reply`). Only an official whose scope covers the issue answers. What is wrong in either is refused before anything is stored, every
/// wrong field at once.
pub async fn answer(
    state: &AppState,
    caller: &Caller,
    id: i64,
    body: &str,
    change: Option<StatusChange>,
) -> Result<ReplyView, UseCaseError> {
    let Some(change) = change else {
        // An answer: from an official whose scope covers the issue only.
        let row = with_conn(&state.db, move |c| Ok(issue::find(c, id)?))
            .await?
            .filter(|r| r.visibility.is_public())
            .ok_or(UseCaseError::IssueNotFound(id))?;
        if !scope_covers(&caller.actor, &row) {
            caller.may(&Action::Contribute)?;
            return Err(UseCaseError::Denied(tawasol_domain::Denied::NotPermitted));
        }
        return reply(state, caller, id, body).await;
    };
    caller.may(&Action::Contribute)?;
    let mut invalid = Vec::new();
    let text = crate::usecases::check_text(
        ReplyBody::parse(body),
        "body",
        "field-reply-body",
        &mut invalid,
    );
    let change = match public_texts(change) {
        Ok(change) => Some(change),
        Err(UseCaseError::Invalid(fields)) => {
            invalid.extend(fields);
            None
        }
        Err(e) => return Err(e),
    };
    let (Some(text), Some(change)) = (text, change) else {
        return Err(UseCaseError::Invalid(invalid));
    };
    let text = text.into_inner();
    let step = checked(state, caller, id, change).await?;
    if step.role != StatusRole::OfficialInScope {
        return Err(UseCaseError::Denied(tawasol_domain::Denied::NotPermitted));
    }
    let held = contains_personal_data(&text);
    let caller2 = caller.clone();
    let state2 = state.clone();
    let reply = in_transaction(&state.db, move |c| {
        let author = step.actor_id;
        let title = account::official_binding(c, author)?.map(|b| b.title);
        let reply_id = issue::add_reply(
            c,
            &ReplyInsertForm {
                issue_id: id,
                author_id: author,
                body: &text,
                is_official: true,
                official_title: title.as_deref(),
                visibility: Visibility::held_if(held),
                created_at: step.at,
            },
        )?;
        let note = apply(c, &caller2, &step)?;
        let author_name = account::find(c, author)?.map(|u| u.display_name);
        let followers = issue::followers(c, id, issue::Audience::Updates)?;
        // A held answer is not public yet: the mail tells the status alone.
        let template = if held {
            Template::IssueStatusChanged {
                issue_title: step.row.title.clone(),
                status: step.change.to.as_str().to_owned(),
                note,
                expected_on: step.expected_on(),
                responsible_body: step.change.responsible_body.clone(),
                duplicate_of: step.change.duplicate_of,
                issue_url: issue_url(&state2, id),
            }
        } else {
            Template::IssueAnsweredWithStatus {
                issue_title: step.row.title.clone(),
                official_name: author_name.clone().unwrap_or_default(),
                official_title: title.clone().unwrap_or_default(),
                excerpt: text.chars().take(280).collect(),
                status: step.change.to.as_str().to_owned(),
                // The form's note is the answer itself unless the official wrote another.
                note: if note == text.trim() {
                    String::new()
                } else {
                    note
                },
                expected_on: step.expected_on(),
                responsible_body: step.change.responsible_body.clone(),
                duplicate_of: step.change.duplicate_of,
                issue_url: issue_url(&state2, id),
            }
        };
        notify(
            c,
            &followers,
            Some(author),
            &template,
            &format!("answer:{reply_id}"),
            step.at,
        )?;
        Ok(ReplyView {
            id: reply_id,
            author_name: author_name.and_then(name),
            official_answer: true,
            official_title: title,
            body: text,
            visibility: Visibility::held_if(held).as_str().to_owned(),
            created_at: rfc3339(step.at),
            edited_at: None,
            previous_versions: Vec::new(),
            by_me: true,
        })
    })
    .await?;
    state.mail.wake();
    Ok(reply)
}

/// A status change that the state machine allows, with who asks and when.
struct Step {
    row: IssueRow,
    actor_id: i64,
    role: StatusRole,
    from: IssueStatus,
    change: StatusChange,
    at: NaiveDateTime,
}

impl Step {
    fn expected_on(&self) -> Option<String> {
        self.change.expected_on.map(|d| d.to_string())
    }
}

/// Who asks (their role towards the issue), the hourly allowance, and the state machine's
/// verdict: everything decided before the transaction.
async fn checked(
    state: &AppState,
    caller: &Caller,
    id: i64,
    change: StatusChange,
) -> Result<Step, UseCaseError> {
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
    Ok(Step {
        row,
        actor_id,
        role,
        from,
        change,
        at,
    })
}

/// Stores the change and its audit record (in the caller's transaction); the public note.
fn apply(c: &mut AnyConnection, caller: &Caller, step: &Step) -> Result<String, UseCaseError> {
    let id = step.row.id;
    let change = &step.change;
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
            actor_id: step.actor_id,
            from: step.from,
            to: change.to,
            note,
            expected_on: change.expected_on,
            responsible_body: change.responsible_body.as_deref().map(str::trim),
            duplicate_of: change.duplicate_of,
            at: step.at,
        },
    )?;
    if !changed {
        return Err(UseCaseError::Transition(
            tawasol_domain::issue::TransitionError::NotAllowed {
                from: step.from,
                to: change.to,
            },
        ));
    }
    crate::usecases::admin::record(
        c,
        caller,
        "issue.status",
        ("issue", &id.to_string()),
        Some(serde_json::json!({"status": step.from.as_str()})),
        Some(serde_json::json!({"status": change.to.as_str(), "note": note})),
        step.at,
    )?;
    Ok(note.to_owned())
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
