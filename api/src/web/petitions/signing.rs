//! Signing a petition, withdrawing my signature, following it.

use super::page::petition_page;
use crate::context::AppState;
use crate::usecases::petitions;
use crate::web::form::SignForm;
use crate::web::form::StepForm;
use crate::web::form::Toggle;
use crate::web::{FieldErrors, Posted, SignedIn, WebError, back};
use actix_web::{HttpResponse, web};
use tawasol_domain::petition::Eligibility;

type Signatory = SignedIn<back::Petition>;

/// `POST /petitions/{id}/sign`: signs, then back to the petition; errors come back on the form
/// with what was typed (never the CIN).
#[utoipa::path(
    post,
    path = "/petitions/{id}/sign",
    tag = "pages",
    summary = "Sign a petition (form)",
    params(("id" = i64, Path, description = "The petition")),
    request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, full_name, cin, address, lives_or_works_in_commune, on_electoral_roll, direct_interest, consent, show_name"),
    responses(
        (status = 303, description = "Back to the petition (or to the login page)"),
        (status = 200, description = "The form again, with what to correct", body = String, content_type = "text/html"),
        (status = "4XX", description = "The reason, as a page", body = String, content_type = "text/html")
    )
)]
pub async fn sign(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    Posted(f, v): Posted<SignForm, Signatory>,
) -> Result<HttpResponse, WebError> {
    let input = petitions::NewSignature {
        full_name: f.full_name.clone(),
        cin: f.cin.clone(),
        address: f.address.clone(),
        declarations: Eligibility {
            lives_or_works_in_commune: f.lives_or_works_in_commune.is_some(),
            on_electoral_roll: f.on_electoral_roll.is_some(),
            direct_interest: f.direct_interest.is_some(),
        },
        consent: f.consent.is_some(),
        show_name: f.show_name.is_some(),
    };
    match petitions::sign(&state, &v.caller, *id, input).await {
        Ok(_) => Ok(v.redirect(&format!("/petitions/{}#sign", *id))),
        Err(e) => match FieldErrors::of(v.locale, &e) {
            Some(errors) => {
                let none = FieldErrors::none();
                petition_page(&state, &v, *id, f, errors, StepForm::default(), none).await
            }
            None => Err(e.into()),
        },
    }
}

/// `POST /petitions/{id}/withdraw`: withdraws my signature while collecting.
#[utoipa::path(
    post,
    path = "/petitions/{id}/withdraw",
    tag = "pages",
    summary = "Withdraw my signature (form)",
    params(("id" = i64, Path, description = "The petition")),
    request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf"),
    responses(
        (status = 303, description = "Back to the petition"),
        (status = "4XX", description = "The reason, as a page", body = String, content_type = "text/html")
    )
)]
pub async fn withdraw(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    Posted(_, v): Posted<Toggle, Signatory>,
) -> Result<HttpResponse, WebError> {
    petitions::withdraw(&state, &v.caller, *id).await?;
    Ok(v.redirect(&format!("/petitions/{}", *id)))
}

/// `POST /petitions/{id}/follow`: follow, or stop (`on=false`).
#[utoipa::path(
    post,
    path = "/petitions/{id}/follow",
    tag = "pages",
    summary = "Follow a petition or stop (form)",
    params(("id" = i64, Path, description = "The petition")),
    request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, on=true|false"),
    responses(
        (status = 303, description = "Back to the petition"),
        (status = "4XX", description = "The reason, as a page", body = String, content_type = "text/html")
    )
)]
pub async fn follow(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    Posted(form, v): Posted<Toggle, Signatory>,
) -> Result<HttpResponse, WebError> {
    petitions::set_follow(&state, &v.caller, *id, form.on()).await?;
    Ok(v.redirect(&format!("/petitions/{}", *id)))
}
