//! The moderators' queue: held and hidden issues and replies of the communes the visitor
//! moderates, with the forms to hide or restore them.

use super::labels::short_time;
use super::{FormFields, Layout, Posted, SignedIn, WebError, back};
use crate::context::AppState;
use crate::i18n::{Message, text};
use crate::usecases::{UseCaseError, moderation};
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;
use tawasol_domain::issue::Visibility;

#[derive(Debug)]
struct QueueLine {
    kind: &'static str,
    kind_label: String,
    id: i64,
    issue_id: i64,
    text: String,
    visibility_label: String,
    hidden: bool,
    flags: String,
    at: String,
}

#[derive(Template)]
#[template(path = "moderation.html")]
struct ModerationPage {
    l: Layout,
    items: Vec<QueueLine>,
}

/// `GET /moderation`: held and hidden issues and replies of the communes the visitor moderates.
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
    let l = v.locale;
    let entries = moderation::queue(&state, &v.caller, None).await?;
    let items = entries
        .into_iter()
        .map(|e| {
            let kind = if e.target_type == "issue" {
                "issues"
            } else {
                "replies"
            };
            QueueLine {
                kind,
                kind_label: text(l, &format!("web-kind-{}", e.target_type)),
                id: e.id,
                issue_id: e.issue_id,
                visibility_label: text(l, &format!("web-visibility-{}", e.visibility)),
                hidden: e.visibility == Visibility::Hidden.as_str(),
                flags: Message::new("web-flags").arg("count", e.flags).render(l),
                at: short_time(l, &e.created_at),
                text: e.text,
            }
        })
        .collect();
    let page = ModerationPage {
        l: v.layout(text(l, "web-moderation-title")),
        items,
    };
    v.page(page.render())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DecisionForm {
    /// `hide` or `restore`.
    action: String,
    reason: String,
}

impl FormFields for DecisionForm {
    const FIELDS: &'static [(&'static str, usize)] = &[("action", 16), ("reason", 1000)];
}

type Moderator = SignedIn<back::Moderation>;

async fn decide(
    state: &AppState,
    v: &Moderator,
    target: moderation::Target,
    id: i64,
    form: &DecisionForm,
) -> Result<HttpResponse, WebError> {
    let hide = match form.action.as_str() {
        "hide" => true,
        "restore" => false,
        _ => return Err(UseCaseError::invalid("action", "field-invalid").into()),
    };
    moderation::decide(state, &v.caller, target, id, hide, &form.reason).await?;
    Ok(v.redirect("/moderation"))
}

/// `POST /moderation/issues/{id}`: a moderator hides or restores an issue.
#[utoipa::path(
    post,
    path = "/moderation/issues/{id}",
    tag = "pages",
    summary = "Hide or restore an issue (moderator's form)",
    params(("id" = i64, Path, description = "The issue")),
    request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, action=hide|restore, reason"),
    responses(
        (status = 303, description = "Back to the queue (or to the login page)"),
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

/// `POST /moderation/replies/{id}`: a moderator hides or restores a reply.
#[utoipa::path(
    post,
    path = "/moderation/replies/{id}",
    tag = "pages",
    summary = "Hide or restore a reply (moderator's form)",
    params(("id" = i64, Path, description = "The reply")),
    request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, action=hide|restore, reason"),
    responses(
        (status = 303, description = "Back to the queue (or to the login page)"),
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
