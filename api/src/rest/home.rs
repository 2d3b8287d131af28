//! `/`: a small trilingual page that says what this server is and where its API starts. The
//! full web application replaces it.

use crate::extract::Lang;
use crate::html::{escape, page};
use crate::i18n::text;
use crate::problem::ApiError;
use crate::startup::AppState;
use crate::usecases::communes;
use actix_web::{HttpResponse, web};
use std::fmt::Write;
use tawasol_domain::{Locale, PageLimit};

#[utoipa::path(get, path = "/", tag = "pages", summary = "Home page", params(("lang" = Option<String>, Query, description = "ar, fr or zgh (else Accept-Language, else the account's, else ar)")), responses((status = 200, description = "The home page", body = String, content_type = "text/html")))]
pub async fn show(
    state: web::Data<AppState>,
    Lang(locale): Lang,
) -> Result<HttpResponse, ApiError> {
    let list = communes::list(&state.db, None, PageLimit::DEFAULT).await?;
    let mut items = String::new();
    for c in &list.items {
        let _ = write!(
            items,
            "<li><a href=\"/api/v1/communes/{slug}?lang={lang}\"><bdi>{name}</bdi></a></li>",
            slug = c.slug,
            lang = locale.as_str(),
            name = escape(c.names.get(locale)),
        );
    }
    let mut switch = String::new();
    for other in Locale::ALL {
        let _ = write!(
            switch,
            "<a href=\"/?lang={code}\" lang=\"{code}\" hreflang=\"{code}\">{label}</a> ",
            code = other.as_str(),
            label = escape(&text(other, "home-title")),
        );
    }
    let body = format!(
        "<nav>{switch}</nav><p>{tagline}</p><h2>{communes}</h2><ul>{items}</ul>\
         <p><a href=\"/api/v1/communes?lang={lang}\">{api}</a> · <a href=\"/health/ready\">{health}</a></p>",
        lang = locale.as_str(),
        tagline = escape(&text(locale, "home-tagline")),
        communes = escape(&text(locale, "home-communes")),
        api = escape(&text(locale, "home-api")),
        health = escape(&text(locale, "home-health")),
    );
    Ok(page(locale, &text(locale, "home-title"), &body))
}
