//! The page that a mail's unsubscribe link opens: a plain HTML form that works without
//! JavaScript, and the RFC 8058 one-click POST. (The account mails' pages, confirming an address
//! and choosing a new password, are the web application's: `web::account::verify`.)

use crate::context::AppState;
use crate::http::extract::Lang;
use crate::http::html::{escape, page};
use crate::http::problem::ApiError;
use crate::i18n::text;
use crate::usecases::UseCaseError;
use actix_web::{HttpResponse, web};
use serde::Deserialize;
use tawasol_domain::Locale;

#[derive(Debug, Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    token: String,
}

fn message(locale: Locale, key: &str) -> String {
    format!("<p>{}</p>", escape(&text(locale, key)))
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
