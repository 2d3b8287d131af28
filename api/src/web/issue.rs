//! An issue's page: its thread (official answers set apart), its history, and the forms to
//! reply, support and follow; an official in scope also finds the answer form (`web::answer`).

use super::form::AnswerForm;
use super::form::Toggle;
use super::labels::{short_time, status_label};
use super::{FieldErrors, FormFields, Layout, Posted, SignedIn, Visitor, WebError, back};
use crate::context::AppState;
use crate::i18n::{Message, text};
use crate::usecases::{communes, issues};
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;
use tawasol_domain::issue::{IssueStatus, Visibility};

#[derive(Debug)]
struct ReplyItem {
    id: i64,
    author: String,
    official: bool,
    official_title: Option<String>,
    body: String,
    at: String,
    /// "Report abuse" is offered (a public reply of someone else).
    flaggable: bool,
    /// For a moderator: a held or hidden reply, marked so.
    hidden_label: Option<String>,
}

#[derive(Debug)]
struct HistoryItem {
    status_label: String,
    by: Option<String>,
    note: String,
    at: String,
}

#[derive(Template)]
#[template(path = "issue.html")]
struct IssuePage {
    l: Layout,
    /// Right after reporting: where the report went and what comes next.
    thanks: Option<String>,
    /// Right after reporting abuse: received, or received already.
    flag_notice: Option<String>,
    /// For a moderator: why this issue is out of public view.
    moderation_banner: Option<String>,
    /// "Report abuse" is offered (a public issue of someone else).
    flaggable: bool,
    id: i64,
    commune_slug: String,
    commune_name: String,
    category_label: String,
    title: String,
    description: String,
    language: String,
    address: Option<String>,
    status_label: String,
    reported_text: String,
    support_text: String,
    logged_in: bool,
    /// The issue takes replies, supports and follows from the reader: it is public, or theirs
    /// (a moderator opening a hidden one only reads it).
    contributes: bool,
    supported: bool,
    /// The support button is offered (not to the report's author).
    may_support: bool,
    followed: bool,
    thread: Vec<ReplyItem>,
    history: Vec<HistoryItem>,
    /// The official answer form, for an official whose scope covers the issue.
    answer: Option<AnswerBox>,
    /// The reply form, for anyone else signed in: what was typed, what to correct.
    reply: ReplyBox,
}

/// The reply form as it comes back after a refusal: the text kept, the reason beside it.
#[derive(Debug, Default)]
struct ReplyBox {
    body: String,
    errors: FieldErrors,
}

/// The official's form: an answer and, optionally, a new status with what it needs.
#[derive(Debug, Default)]
struct AnswerBox {
    errors: FieldErrors,
    /// Each status the state machine allows from the current one: code, label, chosen.
    statuses: Vec<(String, String, bool)>,
    body: String,
    note: String,
    expected_on: String,
    responsible_body: String,
    duplicate_of: String,
}

/// `GET /issues/{id}`: the issue, its thread (official answers set apart), its history.
#[utoipa::path(
    get,
    path = "/issues/{id}",
    tag = "pages",
    summary = "An issue's page",
    params(
        ("id" = i64, Path, description = "The issue"),
        ("reported" = Option<String>, Query, description = "1 right after reporting: the page thanks its author"),
        ("flagged" = Option<String>, Query, description = "1 right after reporting abuse (again: it was already reported): the page says it was received")
    ),
    responses(
        (status = 200, description = "The page", body = String, content_type = "text/html"),
        (status = 404, description = "No such issue", body = String, content_type = "text/html")
    )
)]
pub async fn issue(
    state: web::Data<AppState>,
    v: Visitor,
    id: web::Path<i64>,
    query: web::Query<IssueQuery>,
) -> Result<HttpResponse, WebError> {
    let thanks = query.reported.as_deref() == Some("1");
    let flagged = match query.flagged.as_deref() {
        Some("1") => Some("web-flag-done"),
        Some("again") => Some("web-flag-already"),
        _ => None,
    };
    let notices = Notices { thanks, flagged };
    let answer = AnswerForm::default();
    let reply = ReplyBox::default();
    issue_page_with(
        &state,
        &v,
        *id,
        &answer,
        FieldErrors::none(),
        reply,
        notices,
    )
    .await
}

/// What the page says once, at its top, right after the visitor did something.
#[derive(Debug, Default, Clone, Copy)]
struct Notices {
    /// Reported it: where the report went and what comes next.
    thanks: bool,
    /// Reported abuse: the message saying it was received (or already was).
    flagged: Option<&'static str>,
}

#[derive(Debug, Deserialize)]
pub struct IssueQuery {
    /// `1` right after the visitor reported it: the page thanks them.
    reported: Option<String>,
    /// `1` right after the visitor reported abuse, `again` if they had already.
    flagged: Option<String>,
}

/// The issue's page; for an official in scope, with the answer form holding `typed` and
/// `errors`.
pub(super) async fn issue_page(
    state: &AppState,
    v: &Visitor,
    id: i64,
    typed: &AnswerForm,
    errors: FieldErrors,
) -> Result<HttpResponse, WebError> {
    issue_page_with(
        state,
        v,
        id,
        typed,
        errors,
        ReplyBox::default(),
        Notices::default(),
    )
    .await
}

/// The issue's page; with `thanks`, for its author right after reporting, a word of thanks
/// saying where the report went and what comes next.
async fn issue_page_with(
    state: &AppState,
    v: &Visitor,
    id: i64,
    typed: &AnswerForm,
    errors: FieldErrors,
    reply: ReplyBox,
    notices: Notices,
) -> Result<HttpResponse, WebError> {
    let thanks = notices.thanks;
    let l = v.locale;
    let d = issues::detail(state, &v.caller, id).await?;
    let answers_it = issues::official_in_scope(&v.caller, &d.issue);
    let answer = answers_it.then(|| {
        let next = IssueStatus::parse(&d.issue.status).map_or(&[][..], IssueStatus::next);
        AnswerBox {
            errors,
            statuses: next
                .iter()
                .map(|s| {
                    (
                        s.as_str().to_owned(),
                        status_label(l, s.as_str()),
                        typed.status == s.as_str(),
                    )
                })
                .collect(),
            body: typed.body.clone(),
            note: typed.note.clone(),
            expected_on: typed.expected_on.clone(),
            responsible_body: typed.responsible_body.clone(),
            duplicate_of: typed.duplicate_of.clone(),
        }
    });
    let found = communes::show(&state.db, &d.issue.commune).await?;
    let category = found
        .categories
        .iter()
        .find(|c| c.code.as_str() == d.issue.category);
    let category_label = category
        .map(|c| c.names.get(l).to_owned())
        .unwrap_or_else(|| d.issue.category.clone());
    let commune_name = found.commune.names.get(l).to_owned();
    let thanks = (thanks && d.followed_by_me).then(|| {
        let public = d.issue.visibility == Visibility::Public.as_str();
        Message::new(if public {
            "web-report-thanks"
        } else {
            "web-report-thanks-held"
        })
        .arg(
            "department",
            category.map_or_else(
                || category_label.clone(),
                |c| c.department.get(l).to_owned(),
            ),
        )
        .arg("commune", commune_name.clone())
        .render(l)
    });
    let former = text(l, "web-former-resident");
    let moderation_banner =
        d.moderation
            .as_ref()
            .map(|m| match (&m.reason, m.visibility.as_str()) {
                (Some(reason), _) => Message::new("web-moderation-banner-hidden")
                    .arg("reason", reason.clone())
                    .render(l),
                (None, "hidden") => text(l, "web-moderation-banner-flagged"),
                _ => text(l, "web-moderation-banner-held"),
            });
    let public = d.issue.visibility == Visibility::Public.as_str();
    // A public issue's thread has its feed (a held one has none yet).
    let mut frame = v.layout(d.issue.title.clone());
    if d.issue.visibility == Visibility::Public.as_str() {
        frame = frame.with_feed(format!("/feeds/issues/{}.atom", d.issue.id));
    }
    let page = IssuePage {
        l: frame,
        id: d.issue.id,
        commune_slug: d.issue.commune.clone(),
        commune_name,
        thanks,
        flag_notice: notices.flagged.map(|key| text(l, key)),
        moderation_banner,
        flaggable: public && !d.reported_by_me,
        category_label,
        title: d.issue.title.clone(),
        description: d.issue.description.clone(),
        language: d.issue.language.clone(),
        address: d.issue.address.clone(),
        // The current status with what it carries ("planned for 15 December 2026"), as the
        // latest step of its history says it.
        status_label: d
            .history
            .last()
            .filter(|h| h.to == d.issue.status)
            .map_or_else(|| status_label(l, &d.issue.status), |h| status_words(l, h)),
        reported_text: Message::new("web-reported-on")
            .arg("at", short_time(l, &d.issue.created_at))
            .render(l),
        support_text: Message::new("web-supports")
            .arg("count", i64::from(d.issue.support_count))
            .render(l),
        logged_in: v.logged_in(),
        contributes: Visibility::parse(&d.issue.visibility)
            .is_some_and(|seen| tawasol_domain::issue::takes_part(seen, d.reported_by_me)),
        supported: d.supported_by_me,
        // Not to its author, nor to an official who answers it; either may still withdraw a
        // support given before.
        may_support: !(d.reported_by_me || answers_it) || d.supported_by_me,
        followed: d.followed_by_me,
        thread: d
            .thread
            .iter()
            .map(|r| ReplyItem {
                id: r.id,
                author: r.author_name.clone().unwrap_or_else(|| former.clone()),
                official: r.official_answer,
                official_title: r.official_title.clone(),
                body: r.body.clone(),
                at: short_time(l, &r.created_at),
                flaggable: public && !r.by_me && r.visibility == Visibility::Public.as_str(),
                hidden_label: (r.visibility != Visibility::Public.as_str())
                    .then(|| text(l, &format!("web-visibility-{}", r.visibility))),
            })
            .collect(),
        history: d
            .history
            .iter()
            .map(|h| HistoryItem {
                status_label: status_words(l, h),
                by: h.by.clone(),
                note: h.note.clone(),
                at: short_time(l, &h.at),
            })
            .collect(),
        answer,
        reply,
    };
    v.page(page.render())
}

/// A step of the history as the reader's language says it, with what it carries.
fn status_words(l: tawasol_domain::Locale, h: &issues::StatusView) -> String {
    crate::i18n::status_words(
        l,
        &h.to,
        h.expected_on
            .as_deref()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
        h.responsible_body.as_deref(),
        h.duplicate_of,
    )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ReplyForm {
    body: String,
}

impl FormFields for ReplyForm {
    const FIELDS: &'static [(&'static str, usize)] = &[("body", 5000)];
}

/// `POST /issues/{id}/replies`: the reply form; back to the issue, or the page again with the
/// text kept and what to correct beside it.
#[utoipa::path(
    post,
    path = "/issues/{id}/replies",
    tag = "pages",
    summary = "Reply (form)",
    params(("id" = i64, Path, description = "The issue")),
    request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, body"),
    responses(
        (status = 303, description = "Back to the issue (or to the login page)"),
        (status = 200, description = "The issue's page again, with the text kept and what to correct", body = String, content_type = "text/html"),
        (status = "4XX", description = "The reason, as a page", body = String, content_type = "text/html")
    )
)]
pub async fn reply(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    Posted(form, v): Posted<ReplyForm, SignedIn<back::Issue>>,
) -> Result<HttpResponse, WebError> {
    match issues::reply(&state, &v.caller, *id, &form.body).await {
        Ok(reply) => Ok(v.redirect(&format!("/issues/{}#reply-{}", *id, reply.id))),
        // The page again, the text kept and the reason beside it.
        Err(e) => match FieldErrors::of(v.locale, &e) {
            Some(errors) => {
                let reply = ReplyBox {
                    body: form.body,
                    errors: errors.for_form::<ReplyForm>(),
                };
                let answer = AnswerForm::default();
                issue_page_with(
                    &state,
                    &v,
                    *id,
                    &answer,
                    FieldErrors::none(),
                    reply,
                    Notices::default(),
                )
                .await
            }
            None => Err(e.into()),
        },
    }
}

/// `POST /issues/{id}/support`: "me too", or its withdrawal (`on=false`).
#[utoipa::path(
    post,
    path = "/issues/{id}/support",
    tag = "pages",
    summary = "Support or withdraw support (form)",
    params(("id" = i64, Path, description = "The issue")),
    request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, on=true|false"),
    responses(
        (status = 303, description = "Back to the issue"),
        (status = "4XX", description = "The reason, as a page", body = String, content_type = "text/html")
    )
)]
pub async fn support(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    Posted(form, v): Posted<Toggle, SignedIn<back::Issue>>,
) -> Result<HttpResponse, WebError> {
    issues::set_relation(&state, &v.caller, *id, true, form.on()).await?;
    Ok(v.redirect(&format!("/issues/{}", *id)))
}

/// `POST /issues/{id}/follow`: follow, or stop (`on=false`).
#[utoipa::path(
    post,
    path = "/issues/{id}/follow",
    tag = "pages",
    summary = "Follow or stop following (form)",
    params(("id" = i64, Path, description = "The issue")),
    request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, on=true|false"),
    responses(
        (status = 303, description = "Back to the issue"),
        (status = "4XX", description = "The reason, as a page", body = String, content_type = "text/html")
    )
)]
pub async fn follow(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    Posted(form, v): Posted<Toggle, SignedIn<back::Issue>>,
) -> Result<HttpResponse, WebError> {
    issues::set_relation(&state, &v.caller, *id, false, form.on()).await?;
    Ok(v.redirect(&format!("/issues/{}", *id)))
}
