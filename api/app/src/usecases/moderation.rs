//! Flags from the public and the moderators' decisions.

use super::{Caller, UseCaseError, in_transaction, with_conn};
use crate::context::AppState;
use crate::mail::template::Template;
use crate::mail::{OutgoingMail, enqueue};
use chrono::NaiveDateTime;
use serde::Serialize;
use tawasol_domain::issue::Visibility;
use tawasol_domain::{Action, CommuneSlug, EmailAddress};
use tawasol_persistence::audit::{self, AuditInsertForm};
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

/// What a person's flag led to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FlagOutcome {
    /// The issue the item belongs to (itself, for an issue): where the person goes back to.
    pub issue_id: i64,
    /// This person had already reported it: nothing was added.
    pub already: bool,
}

/// One person flags an item, once. When enough distinct people have flagged it
/// (`TAWASOL_FLAG_THRESHOLD`), it is hidden until a moderator looks, and its author is told.
pub async fn flag(
    state: &AppState,
    caller: &Caller,
    target: Target,
    id: i64,
    reason: &str,
) -> Result<FlagOutcome, UseCaseError> {
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
    let public_url = state.public_url.clone();
    let outcome = in_transaction(&state.db, move |c| {
        let item = load(c, target, id)?;
        if !item.visibility.is_public() {
            return Err(UseCaseError::IssueNotFound(id));
        }
        let flagged = moderation::flag(c, target.as_str(), id, user, &reason, at)?;
        // An official answer is the public record: flags reach a moderator, never hide it.
        if !flagged.already && flagged.count >= threshold && !item.official_answer {
            hide_or_restore(c, target, id, Visibility::Hidden, at)?;
            audit::record(
                c,
                &AuditInsertForm {
                    actor_user_id: None,
                    action: "moderation.auto_hide",
                    target_type: target.as_str(),
                    target_id: &id.to_string(),
                    before: Some(&serde_json::json!({"visibility": item.visibility}).to_string()),
                    after: Some(
                        &serde_json::json!({"visibility": Visibility::Hidden, "flags": flagged.count})
                            .to_string(),
                    ),
                    request_id: None,
                    created_at: at,
                },
            )?;
            tell_author(c, target, id, &item, Notice::Hidden(None), &public_url, at)?;
        }
        Ok(FlagOutcome {
            issue_id: item.issue_id,
            already: flagged.already,
        })
    })
    .await?;
    state.mail.wake();
    Ok(outcome)
}

/// An item as the person about to flag it sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlagTarget {
    pub issue_id: i64,
    /// Its text (an issue's title, a reply's body).
    pub text: String,
    /// The caller reported it already.
    pub already: bool,
    /// The caller wrote it.
    pub own: bool,
}

/// What the flag form shows: the public item, and whether the caller already reported it.
pub async fn flag_target(
    state: &AppState,
    caller: &Caller,
    target: Target,
    id: i64,
) -> Result<FlagTarget, UseCaseError> {
    caller.may(&Action::Contribute)?;
    let user = caller.user_id().ok_or(UseCaseError::Denied(
        tawasol_domain::Denied::NotAuthenticated,
    ))?;
    with_conn(&state.db, move |c| {
        let item = load(c, target, id)?;
        if !item.visibility.is_public() {
            return Err(UseCaseError::IssueNotFound(id));
        }
        Ok(FlagTarget {
            issue_id: item.issue_id,
            already: moderation::flagged_by(c, target.as_str(), id, user)?,
            own: item.author_id == user,
            text: item.text,
        })
    })
    .await
}

/// What the author of an item is told.
enum Notice {
    /// Hidden, with the moderator's reason (`None`: hidden because enough people flagged it).
    Hidden(Option<String>),
    /// Public again after being hidden, and why.
    Restored(String),
}

fn tell_author(
    c: &mut AnyConnection,
    target: Target,
    id: i64,
    item: &ItemInfo,
    notice: Notice,
    public_url: &str,
    at: NaiveDateTime,
) -> Result<(), UseCaseError> {
    let Some(author) = account::find(c, item.author_id)? else {
        return Ok(());
    };
    let Some(to) = author
        .email
        .as_deref()
        .and_then(|e| EmailAddress::parse(e).ok())
    else {
        return Ok(());
    };
    let (hidden, reason) = match notice {
        Notice::Hidden(reason) => (
            true,
            reason.unwrap_or_else(|| {
                crate::i18n::text(author.locale, "mail-moderation-flagged-reason")
            }),
        ),
        Notice::Restored(reason) => (false, reason),
    };
    let excerpt: String = item.text.chars().take(80).collect();
    enqueue(
        c,
        &OutgoingMail {
            to,
            locale: author.locale,
            template: Template::ModerationDecision {
                excerpt,
                hidden,
                reason,
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
    Ok(())
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
    /// `issue` or `reply`.
    pub target_type: &'static str,
    pub id: i64,
    pub issue_id: i64,
    pub commune: String,
    pub text: String,
    /// `public` (here because it is flagged), `pending` (held by the personal-data check) or
    /// `hidden`.
    pub visibility: String,
    /// How many people flagged it (and no moderator has decided since).
    pub flags: i64,
    /// Each flag's reason, oldest first (never who flagged).
    pub reasons: Vec<FlagView>,
    pub created_at: String,
}

/// One flag as moderators read it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct FlagView {
    pub reason: String,
    pub created_at: String,
}

/// Flagged, held and hidden items of the communes the caller moderates (all for admins and
/// moderators of every commune); `commune` narrows it to one.
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
                flags: i64::try_from(q.flags.len()).unwrap_or(i64::MAX),
                reasons: q
                    .flags
                    .into_iter()
                    .map(|f| FlagView {
                        reason: f.reason,
                        created_at: crate::clock::rfc3339(f.created_at),
                    })
                    .collect(),
                created_at: crate::clock::rfc3339(q.created_at),
            })
            .collect())
    })
    .await
}

/// What a moderator decides about an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Out of public view; its author is told why (once).
    Hide,
    /// Public (again): a hidden item's author is told; a held one is published. Its flags are
    /// dismissed.
    Restore,
    /// It stays as it is: its flags are dismissed.
    Keep,
}

impl Decision {
    fn action(self) -> &'static str {
        match self {
            Decision::Hide => "moderation.hide",
            Decision::Restore => "moderation.restore",
            Decision::Keep => "moderation.keep",
        }
    }
}

/// A moderator hides, restores or keeps (dismissing its flags) an item of their commune, with a
/// reason. The decision is audited; the author is told when the item is hidden, and when an item
/// that was hidden is public again (never after a "keep", nor for an item that was not hidden).
pub async fn decide(
    state: &AppState,
    caller: &Caller,
    target: Target,
    id: i64,
    decision: Decision,
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
        if decision == Decision::Hide && item.official_answer {
            return Err(UseCaseError::OfficialAnswerIsRecord);
        }
        let was_hidden = item.visibility == Visibility::Hidden;
        let visibility = match decision {
            Decision::Hide => Visibility::Hidden,
            Decision::Restore => Visibility::Public,
            Decision::Keep => item.visibility,
        };
        if visibility != item.visibility {
            hide_or_restore(c, target, id, visibility, at)?;
        }
        // A hidden item keeps its flags (they say why); any other decision answers them.
        let flags = moderation::flags_of(c, target.as_str(), id)?;
        if decision != Decision::Hide {
            moderation::dismiss_flags(c, target.as_str(), id)?;
        }
        let reasons: Vec<&str> = flags.iter().map(|f| f.reason.as_str()).collect();
        super::admin::record(
            c,
            &caller,
            decision.action(),
            (target.as_str(), &id.to_string()),
            Some(serde_json::json!({
                "visibility": item.visibility,
                "flags": reasons,
            })),
            Some(serde_json::json!({"visibility": visibility, "reason": reason})),
            at,
        )?;
        let notice = match decision {
            Decision::Hide if !was_hidden => Some(Notice::Hidden(Some(reason))),
            Decision::Restore if was_hidden => Some(Notice::Restored(reason)),
            _ => None,
        };
        if let Some(notice) = notice {
            tell_author(c, target, id, &item, notice, &public_url, at)?;
        }
        Ok(())
    })
    .await?;
    state.mail.wake();
    Ok(())
}

/// Why an issue or reply out of public view is so, for the moderators who open it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ModerationNote {
    /// `pending` (held by the personal-data check) or `hidden`.
    pub visibility: String,
    /// The reason of the last moderator who hid it (none: held, or hidden by flags).
    pub reason: Option<String>,
    /// How many people flag it.
    pub flags: i64,
}

/// The note on an item out of public view (`None` for a public one).
pub(crate) fn note(
    c: &mut AnyConnection,
    target: Target,
    id: i64,
    visibility: Visibility,
) -> Result<Option<ModerationNote>, UseCaseError> {
    if visibility.is_public() {
        return Ok(None);
    }
    let reason = if visibility == Visibility::Hidden {
        audit::about(c, target.as_str(), &id.to_string())?
            .into_iter()
            .rev()
            .find(|r| r.action.starts_with("moderation."))
            .filter(|r| r.action == "moderation.hide")
            .and_then(|r| r.after)
            .and_then(|after| serde_json::from_str::<serde_json::Value>(&after).ok())
            .and_then(|after| after["reason"].as_str().map(str::to_owned))
    } else {
        None
    };
    Ok(Some(ModerationNote {
        visibility: visibility.as_str().to_owned(),
        reason,
        flags: moderation::flag_count(c, target.as_str(), id)?,
    }))
}
