//! The officials' desk (their queue and their commune's petitions) and the moderators' queue
//! (held and hidden items, with the forms to hide or restore them).

use super::pages::{petition_status_label, short_time};
use super::{FormFields, Layout, Visitor, WebError, WebForm};
use crate::clock::rfc3339;
use crate::context::AppState;
use crate::i18n::{Message, text};
use crate::usecases::{digests, moderation, petitions};
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;
use tawasol_domain::PageLimit;

#[derive(Debug)]
struct DeskLine {
    id: i64,
    title: String,
    when: String,
}

#[derive(Debug)]
struct DeskPetition {
    id: i64,
    title: String,
    status_label: String,
    deadline: Option<String>,
    days_left: Option<String>,
    overdue: bool,
}

#[derive(Template)]
#[template(path = "desk.html")]
struct DeskPage {
    l: Layout,
    commune_slug: String,
    /// New, overdue, waiting: the heading's key, the issues, whether they are late.
    sections: Vec<(&'static str, Vec<DeskLine>, bool)>,
    petitions: Vec<DeskPetition>,
}

/// `GET /desk`: the official's queue (new, overdue, waiting for them) and their commune's
/// petitions with their deadlines.
#[utoipa::path(get, path = "/desk", tag = "pages", summary = "An official's desk", responses((status = 200, description = "The desk", body = String, content_type = "text/html"), (status = 303, description = "To the login page first"), (status = 403, description = "Not an official", body = String, content_type = "text/html")))]
pub async fn desk(state: web::Data<AppState>, v: Visitor) -> Result<HttpResponse, WebError> {
    if let Some(go) = v.login_first("/desk") {
        return Ok(go);
    }
    let l = v.locale;
    let queue = digests::desk(&state, &v.caller)
        .await
        .map_err(|e| v.fail(e))?;
    let reported = |at| {
        Message::new("web-reported-on")
            .arg("at", short_time(&rfc3339(at)))
            .render(l)
    };
    let new: Vec<DeskLine> = queue
        .new
        .into_iter()
        .map(|i| DeskLine {
            id: i.id,
            when: reported(i.at),
            title: i.title,
        })
        .collect();
    let overdue: Vec<DeskLine> = queue
        .overdue
        .into_iter()
        .map(|i| DeskLine {
            id: i.id,
            when: format!(
                "{} · {}",
                reported(i.at),
                Message::new("web-days-overdue")
                    .arg("count", i.days_overdue.unwrap_or(0))
                    .render(l)
            ),
            title: i.title,
        })
        .collect();
    let waiting: Vec<DeskLine> = queue
        .waiting
        .into_iter()
        .map(|i| DeskLine {
            id: i.id,
            when: Message::new("web-replied-on")
                .arg("at", short_time(&rfc3339(i.at)))
                .render(l),
            title: i.title,
        })
        .collect();
    let list = petitions::list(
        &state,
        &v.caller,
        petitions::PetitionQuery {
            commune: Some(queue.commune.clone()),
            ..petitions::PetitionQuery::default()
        },
        None,
        PageLimit::parse(Some(50)).unwrap_or(PageLimit::DEFAULT),
    )
    .await
    .map_err(|e| v.fail(e))?;
    let petitions = list
        .items
        .into_iter()
        .map(|p| DeskPetition {
            id: p.id,
            status_label: petition_status_label(l, &p.status),
            deadline: p.refusal_deadline.map(|d| {
                Message::new("web-refusal-deadline")
                    .arg("date", d)
                    .render(l)
            }),
            days_left: p
                .days_left
                .filter(|d| *d >= 0)
                .map(|d| Message::new("web-days-left").arg("count", d).render(l)),
            overdue: p.overdue,
            title: p.title,
        })
        .collect();
    let page = DeskPage {
        l: v.layout(text(l, "web-desk-title")),
        commune_slug: queue.commune,
        sections: vec![
            ("web-desk-new", new, false),
            ("web-desk-overdue", overdue, true),
            ("web-desk-waiting", waiting, false),
        ],
        petitions,
    };
    v.page(page.render())
}

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
#[utoipa::path(get, path = "/moderation", tag = "pages", summary = "The moderators' queue", responses((status = 200, description = "The queue", body = String, content_type = "text/html"), (status = 303, description = "To the login page first"), (status = 403, description = "Not a moderator", body = String, content_type = "text/html")))]
pub async fn queue(state: web::Data<AppState>, v: Visitor) -> Result<HttpResponse, WebError> {
    if let Some(go) = v.login_first("/moderation") {
        return Ok(go);
    }
    let l = v.locale;
    let entries = moderation::queue(&state, &v.caller, None)
        .await
        .map_err(|e| v.fail(e))?;
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
                hidden: e.visibility == "hidden",
                flags: Message::new("web-flags").arg("count", e.flags).render(l),
                at: short_time(&e.created_at),
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

#[derive(Debug, Deserialize)]
pub struct DecisionForm {
    #[serde(rename = "_csrf", default)]
    csrf: String,
    /// `hide` or `restore`.
    #[serde(default)]
    action: String,
    #[serde(default)]
    reason: String,
}

impl FormFields for DecisionForm {
    const FIELDS: &'static [(&'static str, usize)] = &[("action", 16), ("reason", 1000)];
}

async fn decide(
    state: &AppState,
    v: &Visitor,
    target: moderation::Target,
    id: i64,
    form: &DecisionForm,
) -> Result<HttpResponse, WebError> {
    v.check_csrf(&form.csrf)?;
    if let Some(go) = v.login_first("/moderation") {
        return Ok(go);
    }
    let hide = match form.action.as_str() {
        "hide" => true,
        "restore" => false,
        _ => {
            return Err(v.fail(crate::usecases::UseCaseError::invalid(
                "action",
                "field-invalid",
            )));
        }
    };
    moderation::decide(state, &v.caller, target, id, hide, &form.reason)
        .await
        .map_err(|e| v.fail(e))?;
    Ok(v.redirect("/moderation"))
}

/// `POST /moderation/issues/{id}`: a moderator hides or restores an issue.
#[utoipa::path(post, path = "/moderation/issues/{id}", tag = "pages", summary = "Hide or restore an issue (moderator's form)", params(("id" = i64, Path, description = "The issue")), request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, action=hide|restore, reason"), responses((status = 303, description = "Back to the queue (or to the login page)"), (status = "4XX", description = "The reason, as a page", body = String, content_type = "text/html")))]
pub async fn decide_issue(
    state: web::Data<AppState>,
    v: Visitor,
    id: web::Path<i64>,
    form: WebForm<DecisionForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.accept(&v)?;
    decide(&state, &v, moderation::Target::Issue, *id, &form).await
}

/// `POST /moderation/replies/{id}`: a moderator hides or restores a reply.
#[utoipa::path(post, path = "/moderation/replies/{id}", tag = "pages", summary = "Hide or restore a reply (moderator's form)", params(("id" = i64, Path, description = "The reply")), request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, action=hide|restore, reason"), responses((status = 303, description = "Back to the queue (or to the login page)"), (status = "4XX", description = "The reason, as a page", body = String, content_type = "text/html")))]
pub async fn decide_reply(
    state: web::Data<AppState>,
    v: Visitor,
    id: web::Path<i64>,
    form: WebForm<DecisionForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.accept(&v)?;
    decide(&state, &v, moderation::Target::Reply, *id, &form).await
}
