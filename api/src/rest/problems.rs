//! `/problems/<kind>`: the page each problem `type` points to, in the reader's language.

use crate::extract::Lang;
use crate::html::escape;
use crate::i18n::{Message, text};
use crate::problem::{ApiError, ProblemKind};
use actix_web::http::header;
use actix_web::{HttpResponse, web};

pub async fn show(kind: web::Path<String>, Lang(locale): Lang) -> Result<HttpResponse, ApiError> {
    let Some(kind) = ProblemKind::from_slug(&kind) else {
        return Err(ApiError::not_found(
            Message::new("detail-route-not-found").arg("path", format!("/problems/{kind}")),
        ));
    };
    let title = escape(&kind.title(locale));
    let page = format!(
        "<!doctype html>\n<html lang=\"{lang}\" dir=\"{dir}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title></head><body><main>\
         <h1>{title}</h1><p>{description}</p>\
         <dl><dt>{type_label}</dt><dd><code>{type_uri}</code></dd>\
         <dt>{status_label}</dt><dd>{status}</dd></dl>\
         </main></body></html>\n",
        lang = locale.as_str(),
        dir = locale.direction().as_str(),
        description = escape(&kind.description(locale)),
        type_label = escape(&text(locale, "problem-page-type")),
        type_uri = kind.type_uri(),
        status_label = escape(&text(locale, "problem-page-status")),
        status = kind.status().as_u16(),
    );
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CONTENT_LANGUAGE, locale.as_str()))
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(page))
}
