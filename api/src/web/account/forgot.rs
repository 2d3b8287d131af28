//! A forgotten password: the form that mails a reset link (the link opens `web::mail_links`).

use super::{FormPage, field};
use crate::context::AppState;
use crate::usecases::{UseCaseError, accounts};
use crate::web::{FormFields, Posted, Visitor, WebError};
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

/// `GET /forgot`: asks for the address to send a reset link to.
#[utoipa::path(
    get,
    path = "/forgot",
    tag = "pages",
    summary = "Forgotten password (page)",
    responses((status = 200, description = "The form", body = String, content_type = "text/html"))
)]
pub async fn forgot_form(v: Visitor) -> Result<HttpResponse, WebError> {
    let page = FormPage {
        l: v.layout(v.t("web-forgot")),
        error: None,
        notice: None,
        action: "/forgot",
        next: String::new(),
        hidden: Vec::new(),
        fields: vec![field(&v, "email", "web-email", "email", "email")],
        submit: v.t("web-send"),
        links: vec![("/login".into(), v.t("web-login"))],
    };
    v.page(page.render())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ForgotForm {
    email: String,
}

impl FormFields for ForgotForm {
    const FIELDS: &'static [(&'static str, usize)] = &[("email", 254)];
}

/// `POST /forgot`: mails a single-use link (the same answer whether or not there is an account).
#[utoipa::path(
    post,
    path = "/forgot",
    tag = "pages",
    summary = "Forgotten password (form)",
    request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, email"),
    responses(
        (status = 200, description = "Check your mail", body = String, content_type = "text/html"),
        (status = "4XX", description = "The reason, as a page", body = String, content_type = "text/html")
    )
)]
pub async fn forgot(
    state: web::Data<AppState>,
    Posted(form, v): Posted<ForgotForm>,
) -> Result<HttpResponse, WebError> {
    match accounts::request_password_reset(&state, &v.caller, &form.email).await {
        Ok(()) | Err(UseCaseError::Invalid(_)) => {
            v.message(v.t("web-forgot"), v.t("detail-registration-accepted"))
        }
        Err(e) => Err(e.into()),
    }
}
