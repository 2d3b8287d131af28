//! The report form: a resident reports an issue in a commune (log in first); before it is
//! posted, the open issues that look like it are offered for support instead.

use super::labels::{arrondissement_options, category_options, status_label};
use super::{FieldErrors, FormFields, Layout, Posted, SignedIn, Visitor, WebError};
use crate::context::AppState;
use crate::i18n::text;
use crate::usecases::{UseCaseError, communes, issues};
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;
use tawasol_domain::{Actor, Denied};

#[derive(Template)]
#[template(path = "report.html")]
struct ReportPage {
    l: Layout,
    slug: String,
    commune_name: String,
    errors: FieldErrors,
    categories: Vec<(String, String, bool)>,
    arrondissements: Vec<(String, String, bool)>,
    title: String,
    description: String,
    address: String,
    lat: String,
    lon: String,
    duplicates: Vec<(i64, String, String)>,
    /// The address is not confirmed yet: said before anything is typed, with the link again.
    unverified: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ReportForm {
    /// Set once the similar issues were shown: post without showing them again.
    post_anyway: String,
    category: String,
    arrondissement: String,
    title: String,
    description: String,
    address: String,
    lat: String,
    lon: String,
}

impl FormFields for ReportForm {
    const FIELDS: &'static [(&'static str, usize)] = &[
        ("post_anyway", 8),
        ("category", 64),
        ("arrondissement", 64),
        ("title", 140),
        ("description", 5000),
        ("address", 300),
        ("lat", 32),
        ("lon", 32),
    ];
    const GROUPS: &'static [&'static str] = &["location"];
}

async fn report_page(
    state: &AppState,
    v: &Visitor,
    slug: &str,
    form: &ReportForm,
    errors: FieldErrors,
    duplicates: Vec<issues::IssueView>,
) -> Result<HttpResponse, WebError> {
    let l = v.locale;
    let found = communes::show(&state.db, slug).await?;
    let page = ReportPage {
        l: v.layout(text(l, "web-report")),
        slug: slug.to_owned(),
        commune_name: found.commune.names.get(l).to_owned(),
        errors: errors.for_form::<ReportForm>(),
        categories: category_options(l, &found, &form.category),
        arrondissements: arrondissement_options(l, &found, &form.arrondissement),
        title: form.title.clone(),
        description: form.description.clone(),
        address: form.address.clone(),
        lat: form.lat.clone(),
        lon: form.lon.clone(),
        duplicates: duplicates
            .into_iter()
            .map(|d| (d.id, d.title, status_label(l, &d.status)))
            .collect(),
        unverified: matches!(&v.caller.actor, Actor::User(u) if !u.verified),
    };
    v.page(page.render())
}

/// `GET /communes/{slug}/report`: the report form (log in first).
#[utoipa::path(
    get,
    path = "/communes/{slug}/report",
    tag = "pages",
    summary = "Report an issue (page)",
    params(("slug" = String, Path, description = "Commune slug")),
    responses(
        (status = 200, description = "The form", body = String, content_type = "text/html"),
        (status = 303, description = "To the login page first")
    )
)]
pub async fn report_form(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    v: SignedIn,
) -> Result<HttpResponse, WebError> {
    let empty = ReportForm::default();
    report_page(&state, &v, &slug, &empty, FieldErrors::none(), Vec::new()).await
}

/// `POST /communes/{slug}/report`: reports, then shows the new issue; errors come back on the
/// form with what was typed.
#[utoipa::path(
    post,
    path = "/communes/{slug}/report",
    tag = "pages",
    summary = "Report an issue (form)",
    params(("slug" = String, Path, description = "Commune slug")),
    request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, category, arrondissement, title, description, address, lat, lon, post_anyway (once similar issues were shown)"),
    responses(
        (status = 303, description = "To the new issue"),
        (status = 200, description = "The form again, with what to correct", body = String, content_type = "text/html"),
        (status = "4XX", description = "The reason, as a page", body = String, content_type = "text/html")
    )
)]
pub async fn report(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    Posted(f, v): Posted<ReportForm, SignedIn>,
) -> Result<HttpResponse, WebError> {
    let location = match (f.lat.trim(), f.lon.trim()) {
        ("", "") => Ok(None),
        (lat, lon) => match (lat.parse::<f64>(), lon.parse::<f64>()) {
            (Ok(a), Ok(b)) => Ok(Some((a, b))),
            _ => Err(()),
        },
    };
    let Ok(location) = location else {
        let errors = FieldErrors::in_language(v.locale).with("location", "field-location");
        return report_page(&state, &v, &slug, &f, errors, Vec::new()).await;
    };
    // Before posting, the open issues that look like this one: support one instead?
    if f.post_anyway.is_empty() && !f.title.trim().is_empty() {
        let point = location.and_then(|(lat, lon)| tawasol_domain::GeoPoint::parse(lat, lon).ok());
        let similar = issues::similar_open(
            &state,
            slug.to_string(),
            f.category.clone(),
            f.title.trim(),
            point,
            None,
        )
        .await?;
        if !similar.is_empty() {
            return report_page(&state, &v, &slug, &f, FieldErrors::none(), similar).await;
        }
    }
    let input = issues::NewIssue {
        commune: slug.to_string(),
        category: f.category.clone(),
        title: f.title.clone(),
        description: f.description.clone(),
        language: Some(v.locale.as_str().to_owned()),
        location,
        address: Some(f.address.clone()).filter(|a| !a.trim().is_empty()),
        arrondissement: Some(f.arrondissement.clone()).filter(|a| !a.is_empty()),
    };
    match issues::report(&state, &v.caller, input).await {
        // To the issue's page, which thanks the author and says where the report went.
        Ok(reported) => Ok(v.redirect(&format!("/issues/{}?reported=1", reported.issue.id))),
        // Not confirmed yet: the form again, with all that was typed and the link to ask for.
        Err(UseCaseError::Denied(Denied::Unverified)) => {
            report_page(&state, &v, &slug, &f, FieldErrors::none(), Vec::new()).await
        }
        Err(e) => match FieldErrors::of(v.locale, &e) {
            Some(errors) => report_page(&state, &v, &slug, &f, errors, Vec::new()).await,
            None => Err(e.into()),
        },
    }
}
