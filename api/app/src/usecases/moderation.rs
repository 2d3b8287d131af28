//! Flags from the public and the moderators' decisions.

use super::{Caller, UseCaseError, in_transaction, with_conn};
use crate::context::AppState;
use crate::mail::template::Template;
use crate::mail::{OutgoingMail, enqueue};
use chrono::NaiveDateTime;
use serde::Serialize;
use tawasol_domain::issue::Visibility;
use tawasol_domain::{Action, CommuneSlug, EmailAddress};
use tawasol_persistence::moderation::{self, ItemInfo};
use tawasol_persistence::{AnyConnection, account};

/// What can be flagged and moderated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Issue,
    Reply,
}

impl Target {
    fn as_str(self) -> &'static str {
        match self {
            Target::Issue => "issue",
            Target::Reply => "reply",
        }
    }
}

fn load(c: &mut AnyConnection, target: Target, id: i64) -> Result<ItemInfo, UseCaseError> {
    moderation::item(c, target.as_str(), id)?.ok_or(UseCaseError::IssueNotFound(id))
}

/// One person flags an item, once. When enough distinct people have flagged it
/// (`TAWASOL_FLAG_THRESHOLD`), it is hidden until a moderator looks.
pub async fn flag(
    state: &AppState,
    caller: &Caller,
    target: Target,
    id: i64,
    reason: &str,
) -> Result<(), UseCaseError> {
    caller.may(&Action::Contribute)?;
    let user = caller.user_id().ok_or(UseCaseError::Denied(
        tawasol_domain::Denied::NotAuthenticated,
    ))?;
    let reason = super::text(
        tawasol_domain::issue::FlagReason::parse(reason),
        "reason",
        "field-flag-reason",
    )?
    .into_inner();
    // Every flag is work for the moderators: an hourly allowance per account.
    super::limits::allow(state, super::limits::Write::Flag, user).await?;
    let threshold = state.flag_threshold;
    let at = state.clock.now();
    in_transaction(&state.db, move |c| {
        let item = load(c, target, id)?;
        if !item.visibility.is_public() {
            return Err(UseCaseError::IssueNotFound(id));
        }
        let count = moderation::flag(c, target.as_str(), id, user, &reason, at)?;
        // An official answer is the public record: flags reach a moderator, never hide it.
        if count >= threshold && !item.official_answer {
            hide_or_restore(c, target, id, Visibility::Hidden, at)?;
        }
        Ok(())
    })
    .await
}

fn hide_or_restore(
    c: &mut AnyConnection,
    target: Target,
    id: i64,
    visibility: Visibility,
    at: NaiveDateTime,
) -> Result<(), UseCaseError> {
    match target {
        Target::Issue => moderation::set_issue_visibility(c, id, visibility, at)?,
        Target::Reply => moderation::set_reply_visibility(c, id, visibility)?,
    };
    Ok(())
}

/// An item in the queue, as moderators see it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct QueueEntry {
    pub target_type: &'static str,
    pub id: i64,
    pub issue_id: i64,
    pub commune: String,
    pub text: String,
    pub visibility: String,
    pub flags: i64,
    pub created_at: String,
}

/// Held and hidden items of the communes the caller moderates (all for admins and moderators
/// of every commune); `commune` narrows it to one.
pub async fn queue(
    state: &AppState,
    caller: &Caller,
    commune: Option<String>,
) -> Result<Vec<QueueEntry>, UseCaseError> {
    let candidates: Vec<CommuneSlug> = match &commune {
        Some(slug) => vec![
            CommuneSlug::parse(slug)
                .map_err(|_| UseCaseError::invalid("commune", "field-commune"))?,
        ],
        None => {
            let all = super::communes::list(
                &state.db,
                None,
                tawasol_domain::PageLimit::parse(Some(100))
                    .unwrap_or(tawasol_domain::PageLimit::DEFAULT),
            )
            .await?;
            all.items.into_iter().map(|c| c.slug).collect()
        }
    };
    // The policy decides, commune by commune.
    let mut scope = Vec::new();
    let mut refusal = None;
    for c in candidates {
        match caller.may(&Action::Moderate { commune: c.clone() }) {
            Ok(()) => scope.push(c.as_str().to_owned()),
            Err(e) => refusal = refusal.or(Some(e)),
        }
    }
    if scope.is_empty() {
        return Err(refusal.unwrap_or(UseCaseError::Denied(tawasol_domain::Denied::NotPermitted)));
    }
    let scope = Some(scope);
    with_conn(&state.db, move |c| {
        Ok(moderation::queue(c, scope.as_deref(), 100)?
            .into_iter()
            .map(|q| QueueEntry {
                target_type: q.target_type,
                id: q.id,
                issue_id: q.issue_id,
                commune: q.commune,
                text: q.text,
                visibility: q.visibility.as_str().to_owned(),
                flags: q.flags,
                created_at: crate::clock::rfc3339(q.created_at),
            })
            .collect())
    })
    .await
}

/// A moderator hides (with a reason) or restores an item of their commune. The author is told
/// why; the decision is audited.
pub async fn decide(
    state: &AppState,
    caller: &Caller,
    target: Target,
    id: i64,
    hide: bool,
    reason: &str,
) -> Result<(), UseCaseError> {
    let reason = super::text(
        tawasol_domain::issue::DecisionReason::parse(reason),
        "reason",
        "field-decision-reason",
    )?
    .into_inner();
    if let Some(moderator) = caller.user_id() {
        super::limits::allow(state, super::limits::Write::Moderation, moderator).await?;
    }
    let caller = caller.clone();
    let at = state.clock.now();
    let public_url = state.public_url.clone();
    in_transaction(&state.db, move |c| {
        let item = load(c, target, id)?;
        let commune =
            CommuneSlug::parse(&item.commune).map_err(|_| UseCaseError::IssueNotFound(id))?;
        caller.may(&Action::Moderate { commune })?;
        if hide && item.official_answer {
            return Err(UseCaseError::OfficialAnswerIsRecord);
        }
        let visibility = if hide {
            Visibility::Hidden
        } else {
            Visibility::Public
        };
        hide_or_restore(c, target, id, visibility, at)?;
        super::admin::record(
            c,
            &caller,
            if hide {
                "moderation.hide"
            } else {
                "moderation.restore"
            },
            (target.as_str(), &id.to_string()),
            Some(serde_json::json!({"visibility": item.visibility})),
            Some(serde_json::json!({"visibility": visibility, "reason": reason})),
            at,
        )?;
        let recipient = account::find(c, item.author_id)?.and_then(|author| {
            let to = author
                .email
                .as_deref()
                .and_then(|e| EmailAddress::parse(e).ok())?;
            Some((to, author.locale))
        });
        if let Some((to, locale)) = recipient {
            let excerpt: String = item.text.chars().take(80).collect();
            enqueue(
                c,
                &OutgoingMail {
                    to,
                    locale,
                    template: Template::ModerationDecision {
                        excerpt,
                        hidden: hide,
                        reason: reason.clone(),
                        issue_url: format!("{public_url}/issues/{}", item.issue_id),
                    },
                    dedupe_key: format!(
                        "moderation:{}:{id}:{}",
                        target.as_str(),
                        at.and_utc().timestamp_micros()
                    ),
                },
                at,
            )?;
        }
        Ok(())
    })
    .await?;
    state.mail.wake();
    Ok(())
}
