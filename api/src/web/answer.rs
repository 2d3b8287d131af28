//! The official's answer: in one form, an answer and, optionally, a new status with what it
//! needs (`issues::reply`, then `issues::change_status`); what to correct comes back on the
//! issue's page (`web::issue`).

use super::form::AnswerForm;
use super::issue::issue_page;
use super::{Posted, SignedIn, WebError, back};
use crate::context::AppState;
use crate::i18n::text;
use crate::usecases::{UseCaseError, issues};
use actix_web::{HttpResponse, web};
use tawasol_domain::Locale;
use tawasol_domain::issue::{IssueStatus, StatusChange, StatusRole};

/// What a refusal says to the person at the form, in their language.
fn reasons(locale: Locale, e: UseCaseError) -> Vec<String> {
    if let UseCaseError::Invalid(fields) = &e {
        return fields.iter().map(|f| text(locale, f.message)).collect();
    }
    let error = crate::http::problem::ApiError::from(e);
    vec![error.detail.as_ref().map_or_else(
        || text(locale, &format!("problem-{}-title", error.kind.slug())),
        |m| m.render(locale),
    )]
}

/// The status change the form asks for (`None`: the status stays), or what to correct.
fn status_change(l: Locale, f: &AnswerForm) -> Result<Option<StatusChange>, Vec<String>> {
    if f.status.is_empty() {
        return Ok(None);
    }
    let mut errors = Vec::new();
    let to = IssueStatus::parse(&f.status);
    if to.is_none() {
        errors.push(text(l, "field-invalid"));
    }
    let expected_on = match f.expected_on.trim() {
        "" => None,
        d => {
            let parsed = chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
            if parsed.is_none() {
                errors.push(text(l, "web-expected-on-invalid"));
            }
            parsed
        }
    };
    let duplicate_of = match f.duplicate_of.trim().trim_start_matches('#') {
        "" => None,
        n => {
            let parsed = n.parse::<i64>().ok();
            if parsed.is_none() {
                errors.push(text(l, "field-duplicate-of"));
            }
            parsed
        }
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let note = if f.note.trim().is_empty() {
        f.body.clone()
    } else {
        f.note.clone()
    };
    Ok(to.map(|to| StatusChange {
        to,
        note,
        expected_on,
        responsible_body: Some(f.responsible_body.clone()).filter(|b| !b.trim().is_empty()),
        duplicate_of,
    }))
}

/// `POST /issues/{id}/answer`: an official answers and, in the same form, changes the status
/// (`issues::reply`, then `issues::change_status`); errors come back on the issue's page.
#[utoipa::path(
    post,
    path = "/issues/{id}/answer",
    tag = "pages",
    summary = "Answer and change the status (official's form)",
    params(("id" = i64, Path, description = "The issue")),
    request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, body, status (empty: unchanged), note, expected_on (YYYY-MM-DD), responsible_body, duplicate_of"),
    responses(
        (status = 303, description = "Back to the issue, at the answer (or to the login page)"),
        (status = 200, description = "The issue's page again, with what to correct", body = String, content_type = "text/html"),
        (status = "4XX", description = "The reason, as a page", body = String, content_type = "text/html")
    )
)]
pub async fn answer(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    Posted(f, v): Posted<AnswerForm, SignedIn<back::Issue>>,
) -> Result<HttpResponse, WebError> {
    let id = *id;
    let l = v.locale;
    let detail = issues::detail(&state, &v.caller, id).await?;
    if !issues::official_in_scope(&v.caller, &detail.issue) {
        return Err(UseCaseError::Denied(tawasol_domain::Denied::NotPermitted).into());
    }
    // The status change is read first, so that a wrong field posts nothing.
    let change = match status_change(l, &f) {
        Ok(change) => change,
        Err(errors) => return issue_page(&state, &v, id, &f, errors).await,
    };
    if let Some(change) = &change {
        // The state machine's verdict before anything is posted (the use-case decides again).
        if let Some(from) = IssueStatus::parse(&detail.issue.status)
            && let Err(e) = tawasol_domain::issue::check_transition(
                id,
                from,
                change,
                StatusRole::OfficialInScope,
                None,
                state.clock.now().date(),
            )
        {
            let errors = reasons(l, UseCaseError::Transition(e));
            return issue_page(&state, &v, id, &f, errors).await;
        }
    }
    let reply = match issues::reply(&state, &v.caller, id, &f.body).await {
        Ok(r) => r,
        Err(e @ UseCaseError::Invalid(_)) => {
            let errors = reasons(l, e);
            return issue_page(&state, &v, id, &f, errors).await;
        }
        Err(e) => return Err(e.into()),
    };
    if let Some(change) = change
        && let Err(e) = issues::change_status(&state, &v.caller, id, change).await
    {
        // The answer is published; what was chosen for the status stays on the form.
        let mut errors = vec![text(l, "web-answer-posted-status-unchanged")];
        errors.extend(reasons(l, e));
        let kept = AnswerForm {
            body: String::new(),
            ..f
        };
        return issue_page(&state, &v, id, &kept, errors).await;
    }
    Ok(v.redirect(&format!("/issues/{id}#reply-{}", reply.id)))
}
