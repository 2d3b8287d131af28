//! Logging in and out from a browser: the session cookie.

use super::{FormPage, field, session_removed};
use crate::context::AppState;
use crate::usecases::{UseCaseError, accounts};
use crate::web::form::Empty;
use crate::web::{FormFields, NextQuery, Posted, SESSION_COOKIE, Visitor, WebError};
use actix_web::http::header;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

fn login_page(
    v: &Visitor,
    next: &str,
    email: &str,
    error: Option<String>,
) -> Result<HttpResponse, WebError> {
    let mut email_field = field(v, "email", "web-email", "email", "username");
    email_field.value = email.to_owned();
    let page = FormPage {
        l: v.layout(v.t("web-login")),
        error,
        notice: None,
        action: "/login",
        next: next.to_owned(),
        hidden: Vec::new(),
        fields: vec![
            email_field,
            field(
                v,
                "password",
                "web-password",
                "password",
                "current-password",
            ),
        ],
        submit: v.t("web-login"),
        links: vec![
            (signup_link(next), v.t("web-signup")),
            ("/forgot".into(), v.t("web-forgot")),
        ],
    };
    v.page(page.render())
}

/// The sign-up page, coming back to `next` once the address is confirmed.
fn signup_link(next: &str) -> String {
    match next {
        "" | "/" => "/signup".to_owned(),
        next => format!("/signup?next={}", crate::web::percent_encode(next)),
    }
}

/// `GET /login`
#[utoipa::path(
    get,
    path = "/login",
    tag = "pages",
    summary = "Log in (page)",
    params(("next" = Option<String>, Query, description = "Where to go after (a local path)")),
    responses((status = 200, description = "The form", body = String, content_type = "text/html"))
)]
pub async fn login_form(
    v: Visitor,
    query: web::Query<NextQuery>,
) -> Result<HttpResponse, WebError> {
    login_page(&v, &v.safe_next(query.next.as_deref()), "", None)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LoginForm {
    email: String,
    password: String,
    next: String,
}

impl FormFields for LoginForm {
    const FIELDS: &'static [(&'static str, usize)] =
        &[("email", 254), ("password", 128), ("next", 2048)];
}

/// `POST /login`: a session cookie, then back where the person was going.
#[utoipa::path(
    post,
    path = "/login",
    tag = "pages",
    summary = "Log in (form)",
    request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, email, password, next"),
    responses(
        (status = 303, description = "Logged in: to `next`"),
        (status = 200, description = "The form again, with the reason", body = String, content_type = "text/html"),
        (status = "4XX", description = "The reason, as a page (e.g. 403 without this browser's CSRF token)", body = String, content_type = "text/html")
    )
)]
pub async fn login(
    state: web::Data<AppState>,
    Posted(form, v): Posted<LoginForm>,
) -> Result<HttpResponse, WebError> {
    let next = v.safe_next(Some(&form.next));
    match accounts::login_browser(&state, &v.caller, &form.email, &form.password).await {
        Ok(cookie) => Ok(HttpResponse::SeeOther()
            .cookie(v.cookie(SESSION_COOKIE, cookie, 30))
            .insert_header((header::LOCATION, next))
            .finish()),
        Err(UseCaseError::BadCredentials) => {
            login_page(&v, &next, &form.email, Some(v.t("detail-bad-credentials")))
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /logout`: ends this browser's session.
#[utoipa::path(
    post,
    path = "/logout",
    tag = "pages",
    summary = "Log out (form)",
    request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf"),
    responses(
        (status = 303, description = "Logged out: to the home page"),
        (status = "4XX", description = "The reason, as a page (e.g. 403 without this browser's CSRF token)", body = String, content_type = "text/html")
    )
)]
pub async fn logout(
    state: web::Data<AppState>,
    Posted(_, v): Posted<Empty>,
) -> Result<HttpResponse, WebError> {
    if v.logged_in() {
        accounts::logout(&state, &v.caller).await?;
    }
    Ok(HttpResponse::SeeOther()
        .cookie(session_removed())
        .insert_header((header::LOCATION, "/"))
        .finish())
}
