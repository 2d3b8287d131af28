//! The thread: replies (an official in scope answers officially, and the reporter and followers
//! hear of it), and their authors' corrections within a short window.

use super::reading::{ReplyView, detail, name};
use super::scope::scope_covers;
use super::{issue_url, notify};
use crate::clock::rfc3339;
use crate::context::AppState;
use crate::mail::template::Template;
use crate::usecases::{Caller, UseCaseError, in_transaction};
use chrono::TimeDelta;
use tawasol_domain::Action;
use tawasol_domain::issue::{ReplyBody, Visibility, contains_personal_data};
use tawasol_persistence::account;
use tawasol_persistence::issue::{self, ReplyInsertForm};

/// Adds a reply. A reply by an official in scope is an official answer: it names their title,
/// and the reporter and followers are told by mail.
pub async fn reply(
    state: &AppState,
    caller: &Caller,
    id: i64,
    body: &str,
) -> Result<ReplyView, UseCaseError> {
    caller.may(&Action::Contribute)?;
    let author = caller.user_id().ok_or(UseCaseError::Denied(
        tawasol_domain::Denied::NotAuthenticated,
    ))?;
    let text =
        crate::usecases::text(ReplyBody::parse(body), "body", "field-reply-body")?.into_inner();
    let held = contains_personal_data(&text);
    let at = state.clock.now();
    let rate_limits = state.rate_limits;
    let state2 = state.clone();
    let actor = caller.actor.clone();
    // One connection and one transaction: the issue and the author read once, the allowance
    // counted, the reply stored, its readers' mails queued.
    let (reply, queued) = in_transaction(&state.db, move |c| {
        let row = issue::find(c, id)?
            .filter(|r| tawasol_domain::issue::takes_part(r.visibility, r.author_id == author))
            .ok_or(UseCaseError::IssueNotFound(id))?;
        let official = scope_covers(&actor, &row);
        let account = account::find(c, author)?.ok_or(UseCaseError::UserNotFound(author))?;
        // Every reply can mail the followers: an hourly allowance per account.
        let write = if official {
            crate::usecases::limits::Write::OfficialStep
        } else {
            crate::usecases::limits::Write::Reply
        };
        crate::usecases::limits::allow_in(c, rate_limits, write, author, account.created_at, at)?;
        let title = if official {
            account::official_title(c, author)?
        } else {
            None
        };
        let reply_id = issue::add_reply(
            c,
            &ReplyInsertForm {
                issue_id: id,
                author_id: author,
                body: &text,
                is_official: official,
                official_title: title.as_deref(),
                visibility: Visibility::held_if(held),
                created_at: at,
            },
        )?;
        let author_name = Some(account.display_name);
        let mut queued = 0;
        if !official && !held {
            let everyone = issue::followers(c, id, issue::Audience::AllReplies)?;
            let template = Template::IssueNewReply {
                issue_title: row.title.clone(),
                author_name: author_name.clone().unwrap_or_default(),
                excerpt: text.chars().take(280).collect(),
                issue_url: issue_url(&state2, id),
            };
            queued = notify(
                c,
                &everyone,
                Some(author),
                &template,
                &format!("reply:{reply_id}"),
                at,
            )?;
        }
        if official && !held {
            let followers = issue::followers(c, id, issue::Audience::Updates)?;
            let template = Template::IssueOfficialAnswer {
                issue_title: row.title,
                official_name: author_name.clone().unwrap_or_default(),
                official_title: title.clone().unwrap_or_default(),
                issue_url: issue_url(&state2, id),
            };
            queued = notify(
                c,
                &followers,
                Some(author),
                &template,
                &format!("answer:{reply_id}"),
                at,
            )?;
        }
        let view = ReplyView {
            id: reply_id,
            author_name: author_name.and_then(name),
            official_answer: official,
            official_title: title,
            body: text,
            visibility: Visibility::held_if(held).as_str().to_owned(),
            created_at: rfc3339(at),
            edited_at: None,
            previous_versions: Vec::new(),
            by_me: true,
        };
        Ok((view, queued))
    })
    .await?;
    // After the commit, and without waiting for it: the mail worker takes the followers' mails
    // (not woken for nothing: under load, each wake costs it a check-out and a statement).
    if queued > 0 {
        state.mail.wake();
    }
    Ok(reply)
}

/// How long an author may correct a reply.
pub const REPLY_EDIT_WINDOW: TimeDelta = TimeDelta::minutes(15);

/// The author corrects their reply within 15 minutes; earlier versions stay on record.
pub async fn edit_reply(
    state: &AppState,
    caller: &Caller,
    issue_id: i64,
    reply_id: i64,
    body: &str,
) -> Result<ReplyView, UseCaseError> {
    caller.may(&Action::Contribute)?;
    let author = caller.user_id().ok_or(UseCaseError::Denied(
        tawasol_domain::Denied::NotAuthenticated,
    ))?;
    let text =
        crate::usecases::text(ReplyBody::parse(body), "body", "field-reply-body")?.into_inner();
    // The same check as a new reply: a correction cannot slip personal data past the hold.
    let hold = contains_personal_data(&text);
    let at = state.clock.now();
    let outcome = in_transaction(&state.db, move |c| {
        Ok(issue::edit_reply(
            c,
            &issue::ReplyUpdateForm {
                issue_id,
                reply_id,
                author_id: author,
                body: &text,
                hold,
                not_before: at - REPLY_EDIT_WINDOW,
                at,
            },
        )?)
    })
    .await?;
    match outcome {
        issue::Edited::Done | issue::Edited::Held => {}
        issue::Edited::NotFound => return Err(UseCaseError::IssueNotFound(issue_id)),
        issue::Edited::NotAuthor => {
            return Err(UseCaseError::Denied(tawasol_domain::Denied::NotPermitted));
        }
        issue::Edited::TooLate => return Err(UseCaseError::EditWindowClosed),
    }
    let thread = detail(state, caller, issue_id).await?.thread;
    thread
        .into_iter()
        .find(|r| r.id == reply_id)
        .ok_or(UseCaseError::IssueNotFound(issue_id))
}
