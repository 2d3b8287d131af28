//! The language switcher: `/lang/{code}` remembers the choice and goes back.

use super::{LANG_COOKIE, NextQuery, Visitor, WebError};
use crate::http::problem::ApiError;
use actix_web::http::header;
use actix_web::{HttpResponse, web};
use tawasol_domain::Locale;

/// `GET /lang/{code}?next=`: remembers the language in a cookie and goes back.
#[utoipa::path(
    get,
    path = "/lang/{code}",
    tag = "pages",
    summary = "Choose the site's language",
    params(
        ("code" = String, Path, description = "ar, fr or zgh"),
        ("next" = Option<String>, Query, description = "Where to go back (a local path)")
    ),
    responses((status = 303, description = "Back to the page, in that language"))
)]
pub async fn switch_language(
    visitor: Visitor,
    code: web::Path<String>,
    query: web::Query<NextQuery>,
) -> Result<HttpResponse, WebError> {
    let locale = Locale::parse(&code).map_err(|_| {
        ApiError::not_found(
            crate::i18n::Message::new("detail-route-not-found").arg("path", code.as_str()),
        )
    })?;
    let next = visitor.safe_next(query.next.as_deref());
    // The page comes back without an old `?lang=` that would override the new choice.
    let next = strip_lang(&next);
    Ok(HttpResponse::SeeOther()
        .cookie(visitor.cookie(LANG_COOKIE, locale.as_str().to_owned(), 365))
        .insert_header((header::LOCATION, next))
        .finish())
}

fn strip_lang(path: &str) -> String {
    let Some((base, query)) = path.split_once('?') else {
        return path.to_owned();
    };
    let kept: Vec<&str> = query
        .split('&')
        .filter(|p| !p.starts_with("lang="))
        .collect();
    if kept.is_empty() {
        base.to_owned()
    } else {
        format!("{base}?{}", kept.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_switch_drops_an_old_choice() {
        assert_eq!(
            strip_lang("/communes/sefrou?lang=fr&q=x"),
            "/communes/sefrou?q=x"
        );
        assert_eq!(strip_lang("/?lang=fr"), "/");
    }
}
