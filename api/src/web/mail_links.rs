//! The two pages that mail links open: confirm an address, choose a new password. Plain HTML
//! forms that work without JavaScript; the token travels in the form, and only a POST uses it,
//! so that a mail scanner that follows links cannot spend it.

use crate::context::AppState;
use crate::http::extract::Lang;
use crate::http::html::{escape, page};
use crate::http::problem::ApiError;
use crate::i18n::text;
use crate::usecases::{UseCaseError, accounts};
use crate::web::form::{FormError, FormFields, WebForm};
use actix_web::{HttpResponse, web};
use serde::Deserialize;
use tawasol_domain::Locale;

#[derive(Debug, Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    token: String,
}

/// The confirmation form's body (nothing else is accepted).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerifyForm {
    #[serde(default)]
    token: String,
}

impl FormFields for VerifyForm {
    const FIELDS: &'static [(&'static str, usize)] = &[("token", 64)];
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResetForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    password: String,
}

impl FormFields for ResetForm {
    const FIELDS: &'static [(&'static str, usize)] = &[("token", 64), ("password", 128)];
}

/// A form body that could not be read (too large, not a form, malformed), as a page.
fn refused(locale: Locale, title: &str, e: FormError) -> HttpResponse {
    let error = ApiError::from(e);
    let detail = error
        .detail
        .as_ref()
        .map(|m| m.render(locale))
        .unwrap_or_default();
    let mut res = page(locale, title, &format!("<p>{}</p>", escape(&detail)));
    *res.status_mut() = error.kind.status();
    res
}

fn message(locale: Locale, key: &str) -> String {
    format!("<p>{}</p>", escape(&text(locale, key)))
}

#[utoipa::path(
    get,
    path = "/verify-email",
    tag = "pages",
    summary = "Confirm an address (page)",
    params(
        ("token" = Option<String>, Query, description = "The token from the mail (the page asks for it again when it is missing)"),
        crate::http::schema::LangQuery
    ),
    responses(
        (status = 200, description = "A page with a button that confirms the address", body = String, content_type = "text/html")
    )
)]
pub async fn verify_form(query: web::Query<TokenQuery>, Lang(locale): Lang) -> HttpResponse {
    let body = format!(
        "<form method=\"post\" action=\"/verify-email?lang={lang}\">\
         <input type=\"hidden\" name=\"token\" value=\"{token}\">\
         <button type=\"submit\">{button}</button></form>",
        lang = locale.as_str(),
        token = escape(&query.token),
        button = escape(&text(locale, "page-verify-button")),
    );
    page(locale, &text(locale, "page-verify-title"), &body)
}

#[utoipa::path(
    post,
    path = "/verify-email",
    tag = "pages",
    summary = "Confirm an address (form)",
    params(
        crate::http::schema::LangQuery
    ),
    request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "token=…"),
    responses(
        (status = 200, description = "Confirmed", body = String, content_type = "text/html"),
        (status = 400, description = "The link is no longer valid", body = String, content_type = "text/html"),
        (status = "4XX", description = "The form could not be read (too large, not a form), as a page", body = String, content_type = "text/html")
    )
)]
pub async fn verify_submit(
    state: web::Data<AppState>,
    form: WebForm<VerifyForm>,
    Lang(locale): Lang,
) -> Result<HttpResponse, ApiError> {
    let title = text(locale, "page-verify-title");
    let form = match form.into_result() {
        Ok(f) => f,
        Err(e) => return Ok(refused(locale, &title, e)),
    };
    match accounts::verify_email(&state, &form.token).await {
        Ok(()) => Ok(page(locale, &title, &message(locale, "page-verify-done"))),
        Err(UseCaseError::InvalidToken) => {
            Ok(page(locale, &title, &message(locale, "page-link-invalid")))
        }
        Err(other) => Err(other.into()),
    }
}

fn reset_body(locale: Locale, token: &str, error: Option<&str>) -> String {
    format!(
        "{error}<form method=\"post\" action=\"/reset-password?lang={lang}\">\
         <input type=\"hidden\" name=\"token\" value=\"{token}\">\
         <p><label for=\"password\">{label}</label><br>\
         <input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"new-password\" \
         minlength=\"10\" maxlength=\"128\" required aria-describedby=\"hint\"></p>\
         <p id=\"hint\">{hint}</p><button type=\"submit\">{button}</button></form>",
        error = error.map(|k| message(locale, k)).unwrap_or_default(),
        lang = locale.as_str(),
        token = escape(token),
        label = escape(&text(locale, "page-reset-label")),
        hint = escape(&text(locale, "field-password")),
        button = escape(&text(locale, "page-reset-button")),
    )
}

#[utoipa::path(
    get,
    path = "/reset-password",
    tag = "pages",
    summary = "Choose a new password (page)",
    params(
        ("token" = Option<String>, Query, description = "The token from the mail (the page asks for it again when it is missing)"),
        crate::http::schema::LangQuery
    ),
    responses(
        (status = 200, description = "A form to choose a new password", body = String, content_type = "text/html")
    )
)]
pub async fn reset_form(query: web::Query<TokenQuery>, Lang(locale): Lang) -> HttpResponse {
    page(
        locale,
        &text(locale, "page-reset-title"),
        &reset_body(locale, &query.token, None),
    )
}

#[utoipa::path(
    post,
    path = "/reset-password",
    tag = "pages",
    summary = "Choose a new password (form)",
    params(
        crate::http::schema::LangQuery
    ),
    request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "token=…&password=…&confirm=…"),
    responses(
        (status = 200, description = "Changed", body = String, content_type = "text/html"),
        (status = 400, description = "The link is invalid or the password refused", body = String, content_type = "text/html"),
        (status = "4XX", description = "The form could not be read (too large, not a form), as a page", body = String, content_type = "text/html")
    )
)]
pub async fn reset_submit(
    state: web::Data<AppState>,
    form: WebForm<ResetForm>,
    Lang(locale): Lang,
) -> Result<HttpResponse, ApiError> {
    let title = text(locale, "page-reset-title");
    let form = match form.into_result() {
        Ok(f) => f,
        Err(e) => return Ok(refused(locale, &title, e)),
    };
    match accounts::confirm_password_reset(&state, &form.token, &form.password).await {
        Ok(()) => Ok(page(locale, &title, &message(locale, "page-reset-done"))),
        Err(UseCaseError::InvalidToken) => {
            Ok(page(locale, &title, &message(locale, "page-link-invalid")))
        }
        Err(UseCaseError::Invalid(_)) => Ok(page(
            locale,
            &title,
            &reset_body(locale, &form.token, Some("field-password")),
        )),
        Err(other) => Err(other.into()),
    }
}

/// `GET /api/v1/unsubscribe?token=` (a person clicking the link in a mail): a page with a button.
#[utoipa::path(
    get,
    path = "/api/v1/unsubscribe",
    tag = "pages",
    summary = "Unsubscribe (page)",
    params(
        ("token" = Option<String>, Query, description = "The token from the mail (the page asks for it again when it is missing)"),
        crate::http::schema::LangQuery
    ),
    responses(
        (status = 200, description = "A page with a button that stops this kind of mail", body = String, content_type = "text/html")
    )
)]
pub async fn unsubscribe_form(query: web::Query<TokenQuery>, Lang(locale): Lang) -> HttpResponse {
    let body = format!(
        "<form method=\"post\" action=\"/api/v1/unsubscribe?token={token}&amp;lang={lang}\">\
         <button type=\"submit\">{button}</button></form>",
        token = escape(&query.token),
        lang = locale.as_str(),
        button = escape(&text(locale, "page-unsubscribe-button")),
    );
    page(locale, &text(locale, "page-unsubscribe-title"), &body)
}

/// `POST /api/v1/unsubscribe?token=`: RFC 8058 one-click (the mail client posts
/// `List-Unsubscribe=One-Click`), or the button above. The body is not needed.
#[utoipa::path(
    post,
    path = "/api/v1/unsubscribe",
    tag = "pages",
    summary = "One-click unsubscribe (RFC 8058)",
    params(
        ("token" = String, Query, description = "The token from the mail"),
        crate::http::schema::LangQuery
    ),
    responses(
        (status = 200, description = "Stopped", body = String, content_type = "text/html"),
        (status = 400, description = "The link is not valid", body = String, content_type = "text/html"),
        (status = "default", response = crate::http::schema::Problems)
    )
)]
pub async fn unsubscribe(
    state: web::Data<AppState>,
    query: web::Query<TokenQuery>,
    Lang(locale): Lang,
) -> Result<HttpResponse, ApiError> {
    let title = text(locale, "page-unsubscribe-title");
    match crate::usecases::notifications::unsubscribe(&state, &query.token).await {
        Ok(_) => Ok(page(
            locale,
            &title,
            &message(locale, "page-unsubscribe-done"),
        )),
        Err(UseCaseError::InvalidToken) => {
            let mut res = page(locale, &title, &message(locale, "page-link-invalid"));
            *res.status_mut() = actix_web::http::StatusCode::BAD_REQUEST;
            Ok(res)
        }
        Err(other) => Err(other.into()),
    }
}
