//! The official's answer: in one form, an answer and, optionally, a new status with what it
//! needs, stored as one step (`issues::answer`: one transaction, one mail to the reporter and
//! followers); what to correct comes back on the issue's page (`web::issue`), next to its field,
//! with what was typed kept.

use super::form::AnswerForm;
use super::issue::issue_page;
use super::{FieldErrors, Posted, SignedIn, WebError, back};
use crate::context::AppState;
use crate::i18n::text;
use crate::usecases::{UseCaseError, issues};
use actix_web::{HttpResponse, web};
use tawasol_domain::Locale;
use tawasol_domain::issue::{IssueStatus, StatusChange, TransitionError};

/// The form's field that a use-case's field (a JSON pointer's name) stands for.
fn form_field(field: &str) -> &'static str {
    match field {
        "body" => "body",
        "note" => "note",
        "expected_on" => "expected_on",
        "responsible_body" => "responsible_body",
        "duplicate_of" => "duplicate_of",
        _ => "status",
    }
}

/// What a refusal says to the person at the form, in their language, each next to its field.
fn reasons(locale: Locale, e: UseCaseError) -> Result<FieldErrors, UseCaseError> {
    match e {
        UseCaseError::Invalid(fields) => Ok(fields
            .iter()
            .fold(FieldErrors::in_language(locale), |errors, f| {
                errors.with(form_field(f.field), f.message)
            })),
        UseCaseError::Transition(t) => {
            let field = match t {
                TransitionError::MissingNote => "note",
                TransitionError::MissingExpectedDate => "expected_on",
                TransitionError::MissingResponsibleBody => "responsible_body",
                TransitionError::MissingDuplicateOf => "duplicate_of",
                TransitionError::NotPermitted
                | TransitionError::NotAllowed { .. }
                | TransitionError::ReopenWindowClosed => "status",
            };
            let error = crate::http::problem::ApiError::from(UseCaseError::Transition(t));
            let message = error.detail.as_ref().map_or_else(
                || text(locale, &format!("problem-{}-title", error.kind.slug())),
                |m| m.render(locale),
            );
            Ok(FieldErrors::in_language(locale).with_said(field, message))
        }
        other => Err(other),
    }
}

/// The status change the form asks for (`None`: the status stays), or what to correct.
fn status_change(l: Locale, f: &AnswerForm) -> Result<Option<StatusChange>, FieldErrors> {
    if f.status.is_empty() {
        return Ok(None);
    }
    let mut errors = FieldErrors::in_language(l);
    let to = IssueStatus::parse(&f.status);
    if to.is_none() {
        errors = errors.with("status", "web-answer-status-invalid");
    }
    let expected_on = match f.expected_on.trim() {
        "" => None,
        d => {
            let parsed = chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
            if parsed.is_none() {
                errors = errors.with("expected_on", "web-expected-on-invalid");
            }
            parsed
        }
    };
    let duplicate_of = match f.duplicate_of.trim().trim_start_matches('#') {
        "" => None,
        n => {
            let parsed = n.parse::<i64>().ok();
            if parsed.is_none() {
                errors = errors.with("duplicate_of", "field-duplicate-of");
            }
            parsed
        }
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    // The status note is the answer itself unless the official wrote another.
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

/// `POST /issues/{id}/answer`: an official answers and, in the same form, changes the status,
/// as one step (`issues::answer`); errors come back on the issue's page, next to their fields.
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
    match issues::answer(&state, &v.caller, id, &f.body, change).await {
        Ok(reply) => Ok(v.redirect(&format!("/issues/{id}#reply-{}", reply.id))),
        Err(e) => {
            let errors = reasons(l, e)?;
            issue_page(&state, &v, id, &f, errors).await
        }
    }
}
