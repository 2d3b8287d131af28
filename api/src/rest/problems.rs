//! `/problems/<kind>`: the page each problem `type` points to, in the reader's language.

use crate::http::extract::Lang;
use crate::http::html::{escape, page};
use crate::http::problem::{ApiError, ProblemKind};
use crate::http::schema::Problems;
use crate::i18n::{Message, text};
use actix_web::http::header;
use actix_web::{HttpResponse, web};

#[utoipa::path(
    get,
    path = "/problems/{kind}",
    tag = "pages",
    summary = "A problem type's page",
    params(
        ("kind" = String, Path, description = "A problem type, e.g. validation"),
        crate::http::schema::LangQuery
    ),
    responses(
        (status = 200, description = "What the problem means and what to do", body = String, content_type = "text/html"),
        (status = "default", response = Problems)
    )
)]
pub async fn show(kind: web::Path<String>, Lang(locale): Lang) -> Result<HttpResponse, ApiError> {
    let Some(kind) = ProblemKind::from_slug(&kind) else {
        return Err(ApiError::not_found(
            Message::new("detail-route-not-found").arg("path", format!("/problems/{kind}")),
        ));
    };
    let body = format!(
        "<p>{description}</p><dl><dt>{type_label}</dt><dd><code>{type_uri}</code></dd>\
         <dt>{status_label}</dt><dd>{status}</dd></dl>",
        description = escape(&kind.description(locale)),
        type_label = escape(&text(locale, "problem-page-type")),
        type_uri = kind.type_uri(),
        status_label = escape(&text(locale, "problem-page-status")),
        status = kind.status().as_u16(),
    );
    let mut response = page(locale, &kind.title(locale), &body);
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("public, max-age=3600"),
    );
    Ok(response)
}
