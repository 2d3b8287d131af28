//! The moderators' queue: flagged (with each flag's reason), held and hidden issues and replies
//! of the communes the visitor moderates, with the forms to hide, keep (dismissing the flags) or
//! restore them; a reason left out comes back on the queue, beside its field, as typed.

use super::labels::short_time;
use super::{FormFields, Layout, Posted, SignedIn, WebError, back};
use crate::context::AppState;
use crate::i18n::{Message, text};
use crate::usecases::{UseCaseError, moderation};
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;
use tawasol_domain::Locale;

#[derive(Debug)]
struct QueueLine {
    kind: &'static str,
    kind_label: String,
    id: i64,
    /// The issue's page (the reply's place in it).
    page: String,
    text: String,
    visibility_label: String,
    /// `public` (flagged), `pending` (held) or `hidden`.
    visibility: String,
    flags: String,
    /// Each flag's reason and when it came.
    reasons: Vec<(String, String)>,
    at: String,
    /// The reason typed, and what to correct, when this item's form came back.
    typed: String,
    error: Option<String>,
}

#[derive(Template)]
#[template(path = "moderation.html")]
struct ModerationPage {
    l: Layout,
    items: Vec<QueueLine>,
    /// The item whose form came back, and what to correct (the summary at the top).
    failed: Option<(String, String)>,
}

/// A form that came back: which item, what was typed, what to correct.
struct Returned<'a> {
    kind: &'static str,
    id: i64,
    typed: &'a str,
    error: String,
}

async fn page(
    state: &AppState,
    v: &SignedIn<impl back::Back>,
    returned: Option<Returned<'_>>,
) -> Result<HttpResponse, WebError> {
    let l = v.locale;
    let entries = moderation::queue(state, &v.caller, None).await?;
    let mut failed = None;
    let items = entries
        .into_iter()
        .map(|e| {
            let kind = if e.target_type == "issue" {
                "issues"
            } else {
                "replies"
            };
            let mine = returned.as_ref().filter(|r| r.kind == kind && r.id == e.id);
            if let Some(r) = mine {
                failed = Some((format!("reason-{kind}-{}", e.id), r.error.clone()));
            }
            QueueLine {
                kind,
                kind_label: text(l, &format!("web-kind-{}", e.target_type)),
                id: e.id,
                page: if kind == "issues" {
                    format!("/issues/{}", e.issue_id)
                } else {
                    format!("/issues/{}#reply-{}", e.issue_id, e.id)
                },
                visibility_label: text(l, &format!("web-visibility-{}", e.visibility)),
                flags: Message::new("web-flags").arg("count", e.flags).render(l),
                reasons: e
                    .reasons
                    .iter()
                    .map(|f| (f.reason.clone(), short_time(l, &f.created_at)))
                    .collect(),
                at: short_time(l, &e.created_at),
                typed: mine.map(|r| r.typed.to_owned()).unwrap_or_default(),
                error: mine.map(|r| r.error.clone()),
                visibility: e.visibility,
                text: e.text,
            }
        })
        .collect();
    let page = ModerationPage {
        l: v.layout(text(l, "web-moderation-title")),
        items,
        failed,
    };
    v.page(page.render())
}

/// `GET /moderation`: flagged, held and hidden issues and replies of the communes the visitor
/// moderates.
#[utoipa::path(
    get,
    path = "/moderation",
    tag = "pages",
    summary = "The moderators' queue",
    responses(
        (status = 200, description = "The queue", body = String, content_type = "text/html"),
        (status = 303, description = "To the login page first"),
        (status = 403, description = "Not a moderator", body = String, content_type = "text/html")
    )
)]
pub async fn queue(state: web::Data<AppState>, v: SignedIn) -> Result<HttpResponse, WebError> {
    page(&state, &v, None).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DecisionForm {
    /// `hide`, `keep` or `restore`.
    action: String,
    reason: String,
}

impl FormFields for DecisionForm {
    const FIELDS: &'static [(&'static str, usize)] = &[("action", 16), ("reason", 4000)];
}

type Moderator = SignedIn<back::Moderation>;

/// What a refusal of the reason says beside the field, in the moderator's language.
fn correction(l: Locale, fields: &[crate::usecases::Invalid]) -> String {
    fields
        .iter()
        .map(|f| text(l, f.message))
        .collect::<Vec<_>>()
        .join(" ")
}

async fn decide(
    state: &AppState,
    v: &Moderator,
    target: moderation::Target,
    id: i64,
    form: &DecisionForm,
) -> Result<HttpResponse, WebError> {
    let decision = match form.action.as_str() {
        "hide" => moderation::Decision::Hide,
        "restore" => moderation::Decision::Restore,
        "keep" => moderation::Decision::Keep,
        _ => return Err(UseCaseError::invalid("action", "field-invalid").into()),
    };
    match moderation::decide(state, &v.caller, target, id, decision, &form.reason).await {
        Ok(()) => Ok(v.redirect("/moderation")),
        Err(UseCaseError::Invalid(fields)) => {
            let kind = match target {
                moderation::Target::Issue => "issues",
                moderation::Target::Reply => "replies",
            };
            let returned = Returned {
                kind,
                id,
                typed: &form.reason,
                error: correction(v.locale, &fields),
            };
            page(state, v, Some(returned)).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /moderation/issues/{id}`: a moderator hides, keeps or restores an issue.
#[utoipa::path(
    post,
    path = "/moderation/issues/{id}",
    tag = "pages",
    summary = "Hide, keep or restore an issue (moderator's form)",
    params(("id" = i64, Path, description = "The issue")),
    request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, action=hide|keep|restore, reason"),
    responses(
        (status = 303, description = "Back to the queue (or to the login page)"),
        (status = 200, description = "The queue again, the reason typed kept, what to correct beside it", body = String, content_type = "text/html"),
        (status = "4XX", description = "The reason, as a page", body = String, content_type = "text/html")
    )
)]
pub async fn decide_issue(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    Posted(form, v): Posted<DecisionForm, Moderator>,
) -> Result<HttpResponse, WebError> {
    decide(&state, &v, moderation::Target::Issue, *id, &form).await
}

/// `POST /moderation/replies/{id}`: a moderator hides, keeps or restores a reply.
#[utoipa::path(
    post,
    path = "/moderation/replies/{id}",
    tag = "pages",
    summary = "Hide, keep or restore a reply (moderator's form)",
    params(("id" = i64, Path, description = "The reply")),
    request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, action=hide|keep|restore, reason"),
    responses(
        (status = 303, description = "Back to the queue (or to the login page)"),
        (status = 200, description = "The queue again, the reason typed kept, what to correct beside it", body = String, content_type = "text/html"),
        (status = "4XX", description = "The reason, as a page", body = String, content_type = "text/html")
    )
)]
pub async fn decide_reply(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    Posted(form, v): Posted<DecisionForm, Moderator>,
) -> Result<HttpResponse, WebError> {
    decide(&state, &v, moderation::Target::Reply, *id, &form).await
}
