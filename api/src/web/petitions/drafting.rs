//! Starting a petition: the form, then the draft (its agent publishes it from its page).

use crate::context::AppState;
use crate::i18n::{Message, text};
use crate::usecases::communes;
use crate::usecases::petitions::{self, AssociationInput};
use crate::web::{FieldErrors, FormFields, Layout, Posted, SignedIn, Visitor, WebError};
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "petition_new.html")]
struct NewPage {
    l: Layout,
    slug: String,
    commune_name: String,
    threshold_text: String,
    errors: FieldErrors,
    organisations: Vec<(i64, String, bool)>,
    form: NewForm,
}

impl NewPage {
    fn association(&self) -> bool {
        self.form.filer_type == "association"
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NewForm {
    title: String,
    request: String,
    reasons: String,
    filer_type: String,
    organisation_id: String,
    in_good_standing: Option<String>,
    office_in_commune: Option<String>,
    activity_linked_to_subject: Option<String>,
}

impl FormFields for NewForm {
    const FIELDS: &'static [(&'static str, usize)] = &[
        ("title", 200),
        ("request", 2000),
        ("reasons", 10_000),
        ("filer_type", 16),
        ("organisation_id", 24),
        ("in_good_standing", 8),
        ("office_in_commune", 8),
        ("activity_linked_to_subject", 8),
    ];
    const GROUPS: &'static [&'static str] = &["association"];
}

async fn new_page(
    state: &AppState,
    v: &Visitor,
    slug: &str,
    form: NewForm,
    errors: FieldErrors,
) -> Result<HttpResponse, WebError> {
    let l = v.locale;
    let found = communes::show(&state.db, slug).await?;
    let organisations = petitions::my_organisations(state, &v.caller)
        .await?
        .into_iter()
        .map(|o| {
            let chosen = form.organisation_id == o.id.to_string();
            (o.id, o.name, chosen)
        })
        .collect();
    let page = NewPage {
        l: v.layout(text(l, "web-petition-new")),
        slug: slug.to_owned(),
        commune_name: found.commune.names.get(l).to_owned(),
        threshold_text: Message::new("web-threshold")
            .arg("count", i64::from(found.commune.petition_threshold))
            .render(l),
        errors: errors.for_form::<NewForm>(),
        organisations,
        form,
    };
    v.page(page.render())
}

/// `GET /communes/{slug}/petitions/new`: the form to start a petition (log in first).
#[utoipa::path(
    get,
    path = "/communes/{slug}/petitions/new",
    tag = "pages",
    summary = "Start a petition (page)",
    params(("slug" = String, Path, description = "Commune slug")),
    responses(
        (status = 200, description = "The form", body = String, content_type = "text/html"),
        (status = 303, description = "To the login page first"),
        (status = 404, description = "No such commune", body = String, content_type = "text/html")
    )
)]
pub async fn new_form(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    v: SignedIn,
) -> Result<HttpResponse, WebError> {
    let form = NewForm {
        filer_type: "citizens".into(),
        ..NewForm::default()
    };
    new_page(&state, &v, &slug, form, FieldErrors::none()).await
}

/// `POST /communes/{slug}/petitions/new`: creates the draft, then shows it; errors come back on
/// the form with what was typed.
#[utoipa::path(
    post,
    path = "/communes/{slug}/petitions/new",
    tag = "pages",
    summary = "Start a petition (form)",
    params(("slug" = String, Path, description = "Commune slug")),
    request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, title, request, reasons, filer_type (citizens or association), organisation_id, in_good_standing, office_in_commune, activity_linked_to_subject"),
    responses(
        (status = 303, description = "To the new draft"),
        (status = 200, description = "The form again, with what to correct", body = String, content_type = "text/html"),
        (status = "4XX", description = "The reason, as a page", body = String, content_type = "text/html")
    )
)]
pub async fn create(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    Posted(f, v): Posted<NewForm, SignedIn>,
) -> Result<HttpResponse, WebError> {
    let association = f.filer_type == "association";
    let input = petitions::NewPetition {
        commune: slug.to_string(),
        title: f.title.clone(),
        request: f.request.clone(),
        reasons: f.reasons.clone(),
        filer_type: if f.filer_type.is_empty() {
            "citizens".to_owned()
        } else {
            f.filer_type.clone()
        },
        organisation_id: association
            .then(|| f.organisation_id.trim().parse::<i64>().ok())
            .flatten(),
        association: association.then_some(AssociationInput {
            in_good_standing: f.in_good_standing.is_some(),
            office_in_commune: f.office_in_commune.is_some(),
            activity_linked_to_subject: f.activity_linked_to_subject.is_some(),
        }),
    };
    match petitions::create(&state, &v.caller, v.locale, input).await {
        Ok(d) => Ok(v.redirect(&format!("/petitions/{}", d.petition.id))),
        Err(e) => match FieldErrors::of(v.locale, &e) {
            Some(errors) => new_page(&state, &v, &slug, f, errors).await,
            None => Err(e.into()),
        },
    }
}
