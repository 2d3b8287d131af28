//! "Report abuse": the form that sends an issue or a reply to the moderators of its commune
//! (`moderation::flag`, as the REST API's flag), with the reason typed kept and the error beside
//! its field; then the issue's page says it was received, or that it was already.

use super::{FormFields, Posted, SignedIn, WebError};
use crate::context::AppState;
use crate::i18n::text;
use crate::usecases::UseCaseError;
use crate::usecases::moderation::{self, Target};
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "flag.html")]
struct FlagPage {
    l: super::Layout,
    /// Where the form posts.
    action: String,
    /// The issue's page (and the reply's place in it).
    back: String,
    /// What is reported: its kind, and its text.
    kind_label: String,
    text: String,
    already: bool,
    own: bool,
    reason: String,
    /// What to correct in the reason, beside the field.
    error: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct FlagForm {
    reason: String,
}

impl FormFields for FlagForm {
    const FIELDS: &'static [(&'static str, usize)] = &[("reason", 2000)];
}

fn paths(target: Target, id: i64, issue_id: i64) -> (String, String) {
    match target {
        Target::Issue => (format!("/issues/{id}/flag"), format!("/issues/{issue_id}")),
        Target::Reply => (
            format!("/replies/{id}/flag"),
            format!("/issues/{issue_id}#reply-{id}"),
        ),
    }
}

async fn form_page(
    state: &AppState,
    v: &SignedIn,
    target: Target,
    id: i64,
    reason: &str,
    error: Option<String>,
) -> Result<HttpResponse, WebError> {
    let l = v.locale;
    let found = moderation::flag_target(state, &v.caller, target, id).await?;
    let (action, back) = paths(target, id, found.issue_id);
    let kind = match target {
        Target::Issue => "web-kind-issue",
        Target::Reply => "web-kind-reply",
    };
    let page = FlagPage {
        l: v.layout(text(l, "web-flag-title")),
        action,
        back,
        kind_label: text(l, kind),
        text: found.text,
        already: found.already,
        own: found.own,
        reason: reason.to_owned(),
        error,
    };
    v.page(page.render())
}

async fn send(
    state: &AppState,
    v: &SignedIn,
    target: Target,
    id: i64,
    form: &FlagForm,
) -> Result<HttpResponse, WebError> {
    match moderation::flag(state, &v.caller, target, id, &form.reason).await {
        Ok(done) => {
            let (_, back) = paths(target, id, done.issue_id);
            let said = if done.already { "again" } else { "1" };
            let to = match back.split_once('#') {
                Some((page, place)) => format!("{page}?flagged={said}#{place}"),
                None => format!("{back}?flagged={said}"),
            };
            Ok(v.redirect(&to))
        }
        Err(UseCaseError::Invalid(fields)) => {
            let error = fields
                .iter()
                .map(|f| text(v.locale, f.message))
                .collect::<Vec<_>>()
                .join(" ");
            form_page(state, v, target, id, &form.reason, Some(error)).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `GET /issues/{id}/flag`: the form to report an issue as abusive.
#[utoipa::path(
    get,
    path = "/issues/{id}/flag",
    tag = "pages",
    summary = "Report an issue as abusive (form)",
    params(("id" = i64, Path, description = "The issue")),
    responses(
        (status = 200, description = "The form", body = String, content_type = "text/html"),
        (status = 303, description = "To the login page first, and back"),
        (status = 404, description = "No such public issue", body = String, content_type = "text/html")
    )
)]
pub async fn issue_form(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    v: SignedIn,
) -> Result<HttpResponse, WebError> {
    form_page(&state, &v, Target::Issue, *id, "", None).await
}

/// `POST /issues/{id}/flag`: report an issue; back to its page, which says it was received.
#[utoipa::path(
    post,
    path = "/issues/{id}/flag",
    tag = "pages",
    summary = "Report an issue as abusive",
    params(("id" = i64, Path, description = "The issue")),
    request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, reason"),
    responses(
        (status = 303, description = "To the issue, which says the report was received (or already was)"),
        (status = 200, description = "The form again, the reason typed kept, what to correct beside it", body = String, content_type = "text/html"),
        (status = "4XX", description = "The reason, as a page", body = String, content_type = "text/html")
    )
)]
pub async fn flag_issue(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    Posted(form, v): Posted<FlagForm, SignedIn>,
) -> Result<HttpResponse, WebError> {
    send(&state, &v, Target::Issue, *id, &form).await
}

/// `GET /replies/{id}/flag`: the form to report a reply as abusive.
#[utoipa::path(
    get,
    path = "/replies/{id}/flag",
    tag = "pages",
    summary = "Report a reply as abusive (form)",
    params(("id" = i64, Path, description = "The reply")),
    responses(
        (status = 200, description = "The form", body = String, content_type = "text/html"),
        (status = 303, description = "To the login page first, and back"),
        (status = 404, description = "No such public reply", body = String, content_type = "text/html")
    )
)]
pub async fn reply_form(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    v: SignedIn,
) -> Result<HttpResponse, WebError> {
    form_page(&state, &v, Target::Reply, *id, "", None).await
}

/// `POST /replies/{id}/flag`: report a reply; back to its place in the thread.
#[utoipa::path(
    post,
    path = "/replies/{id}/flag",
    tag = "pages",
    summary = "Report a reply as abusive",
    params(("id" = i64, Path, description = "The reply")),
    request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, reason"),
    responses(
        (status = 303, description = "To the issue, which says the report was received (or already was)"),
        (status = 200, description = "The form again, the reason typed kept, what to correct beside it", body = String, content_type = "text/html"),
        (status = "4XX", description = "The reason, as a page", body = String, content_type = "text/html")
    )
)]
pub async fn flag_reply(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    Posted(form, v): Posted<FlagForm, SignedIn>,
) -> Result<HttpResponse, WebError> {
    send(&state, &v, Target::Reply, *id, &form).await
}
