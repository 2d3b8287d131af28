//! The legal steps after signing: the agent publishes, withdraws or records the deposit, the
//! commune's officials record the council's steps; and the deposit dossier they download.

use super::page::petition_page;
use crate::context::AppState;
use crate::usecases::petitions;
use crate::web::FieldErrors;
use crate::web::form::SignForm;
use crate::web::form::StepForm;
use crate::web::{Posted, SignedIn, WebError, back};
use actix_web::http::header;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

/// `POST /petitions/{id}/step`: the agent publishes, withdraws or records the deposit.
#[utoipa::path(
    post,
    path = "/petitions/{id}/step",
    tag = "pages",
    summary = "Take a legal step (form)",
    params(("id" = i64, Path, description = "The petition")),
    request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, to, and what the step needs: receipt_number, filed_on (YYYY-MM-DD), reason"),
    responses(
        (status = 303, description = "Back to the petition"),
        (status = 200, description = "The page again, with what to correct", body = String, content_type = "text/html"),
        (status = "4XX", description = "The reason, as a page", body = String, content_type = "text/html")
    )
)]
pub async fn step(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    Posted(f, v): Posted<StepForm, SignedIn<back::Petition>>,
) -> Result<HttpResponse, WebError> {
    let date = |value: &str| match value.trim() {
        "" => Ok(None),
        d => chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| ()),
    };
    let (filed_on, session_date) = match (date(&f.filed_on), date(&f.session_date)) {
        (Ok(a), Ok(b)) => (a, b),
        (bad_filed, _) => {
            let errors = if bad_filed.is_err() {
                FieldErrors::in_language(v.locale).with("filed_on", "field-filed-on")
            } else {
                FieldErrors::in_language(v.locale).with("session_date", "field-session-date")
            };
            let none = FieldErrors::none();
            return petition_page(&state, &v, *id, SignForm::default(), none, f, errors).await;
        }
    };
    let some = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
    let input = petitions::StepInput {
        to: f.to.clone(),
        receipt_number: some(&f.receipt_number),
        filed_on,
        reason: some(&f.reason),
        session_date,
        committee: some(&f.committee),
        outcome: some(&f.outcome),
        summary: some(&f.summary),
    };
    match petitions::transition(&state, &v.caller, v.locale, *id, input).await {
        Ok(_) => Ok(v.redirect(&format!("/petitions/{}", *id))),
        Err(e) => match FieldErrors::of(v.locale, &e) {
            Some(errors) => {
                let none = FieldErrors::none();
                petition_page(&state, &v, *id, SignForm::default(), none, f, errors).await
            }
            None => Err(e.into()),
        },
    }
}

#[derive(Debug, Deserialize)]
pub struct DossierQuery {
    format: Option<String>,
}

/// `GET /petitions/{id}/dossier`: the deposit dossier for the agent (from `ready`) and the
/// officials of the whole commune (from `filed`), from the browser (the same use-case, rule and
/// audit as the API's); anyone else gets a 403 page.
#[utoipa::path(
    get,
    path = "/petitions/{id}/dossier",
    tag = "pages",
    summary = "The deposit dossier (page or CSV)",
    params(
        ("id" = i64, Path, description = "The petition"),
        ("format" = Option<String>, Query, description = "html (default) or csv")
    ),
    responses(
        (status = 200, description = "A printable page in Arabic and French, or CSV", content((String = "text/html"), (String = "text/csv"))),
        (status = 303, description = "To the login page first"),
        (status = "4XX", description = "The reason, as a page", body = String, content_type = "text/html")
    )
)]
pub async fn dossier(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    query: web::Query<DossierQuery>,
    v: SignedIn<back::Petition>,
) -> Result<HttpResponse, WebError> {
    let csv = query.format.as_deref() == Some("csv");
    let d = petitions::dossier(&state, &v.caller, *id, if csv { "csv" } else { "html" }).await?;
    let mut res = HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store, private"))
        .take();
    if csv {
        return Ok(res
            .insert_header((
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"petition-{}-signatures.csv\"", *id),
            ))
            .content_type("text/csv; charset=utf-8")
            .body(crate::http::dossier::csv(&d)));
    }
    Ok(res
        .content_type("text/html; charset=utf-8")
        .body(crate::http::dossier::html(&d)))
}
