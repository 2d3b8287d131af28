//! The Atom feeds surface, under `/feeds/…` (the personal feed's secret address is made by the
//! REST API, `/api/v1/me/feed-token`). Answers carry a strong `ETag` (the body's hash), so that a
//! reader polling with `If-None-Match` gets `304 Not Modified` while nothing changed.

pub mod atom;

use crate::context::AppState;
use crate::http::extract::{Lang, LanguageChoice};
use crate::http::problem::ApiError;
use crate::http::schema::Problems;
use crate::usecases::feeds::{self, Address};
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};
use atom::Feed;
use tawasol_domain::Locale;

/// The address a feed is read at, and the language the reader named in the query, if any.
fn address(req: &HttpRequest) -> Address {
    let lang =
        web::Query::<std::collections::HashMap<String, String>>::from_query(req.query_string())
            .ok()
            .and_then(|q| q.get("lang").and_then(|l| Locale::parse(l).ok()));
    Address {
        path: req.path().to_owned(),
        lang,
    }
}

/// Whether `If-None-Match` names this entity tag (or `*`).
fn matches(req: &HttpRequest, etag: &str) -> bool {
    req.headers()
        .get_all(header::IF_NONE_MATCH)
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .any(|t| t == "*" || t == etag || t.strip_prefix("W/") == Some(etag))
}

/// The document, or `304` when the reader already has it.
fn answer(req: &HttpRequest, feed: &Feed, cache: &'static str) -> HttpResponse {
    let body = atom::render(feed);
    let etag = format!("\"{}\"", &crate::auth::token::hash(&body)[..32]);
    let last_modified = feed
        .updated
        .and_utc()
        .format("%a, %d %b %Y %H:%M:%S GMT")
        .to_string();
    let fresh = matches(req, &etag);
    let mut res = if fresh {
        HttpResponse::NotModified()
    } else {
        HttpResponse::Ok()
    };
    res.insert_header((header::ETAG, etag))
        .insert_header((header::LAST_MODIFIED, last_modified))
        .insert_header((header::CACHE_CONTROL, cache))
        .insert_header((header::CONTENT_LANGUAGE, feed.lang.as_str()));
    if fresh {
        return res.finish();
    }
    res.content_type(atom::CONTENT_TYPE).body(body)
}

const PUBLIC: &str = "public, max-age=300";

/// `/feeds/communes/{slug}.atom`: new public issues of the commune.
#[utoipa::path(
    get,
    path = "/feeds/communes/{slug}.atom",
    tag = "feeds",
    summary = "A commune's feed",
    params(
        ("slug" = String, Path, description = "Commune slug"),
        crate::http::schema::LangQuery
    ),
    responses(
        (status = 200, description = "New public issues of the commune (Atom, RFC 4287)", body = String, content_type = "application/atom+xml"),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = "default", response = Problems)
    )
)]
pub async fn commune(
    req: HttpRequest,
    state: web::Data<AppState>,
    Lang(locale): Lang,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let feed = feeds::commune(&state, locale, &slug, None, address(&req)).await?;
    Ok(answer(&req, &feed, PUBLIC))
}

/// `/feeds/communes/{slug}/{category}.atom`: new public issues of one category of the commune.
#[utoipa::path(
    get,
    path = "/feeds/communes/{slug}/{category}.atom",
    tag = "feeds",
    summary = "A category's feed",
    params(
        ("slug" = String, Path, description = "Commune slug"),
        ("category" = String, Path, description = "Category code"),
        crate::http::schema::LangQuery
    ),
    responses(
        (status = 200, description = "New public issues of the category (Atom, RFC 4287)", body = String, content_type = "application/atom+xml"),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = "default", response = Problems)
    )
)]
pub async fn category(
    req: HttpRequest,
    state: web::Data<AppState>,
    Lang(locale): Lang,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    let (slug, category) = path.into_inner();
    let feed = feeds::commune(&state, locale, &slug, Some(&category), address(&req)).await?;
    Ok(answer(&req, &feed, PUBLIC))
}

/// `/feeds/issues/{id}.atom`: the issue's public replies and status changes.
#[utoipa::path(
    get,
    path = "/feeds/issues/{id}.atom",
    tag = "feeds",
    summary = "An issue's feed",
    params(
        ("id" = i64, Path, description = "The issue"),
        crate::http::schema::LangQuery
    ),
    responses(
        (status = 200, description = "Replies and status changes of the issue (Atom, RFC 4287)", body = String, content_type = "application/atom+xml"),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = "default", response = Problems)
    )
)]
pub async fn issue(
    req: HttpRequest,
    state: web::Data<AppState>,
    Lang(locale): Lang,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let feed = feeds::issue(&state, locale, *id, address(&req)).await?;
    Ok(answer(&req, &feed, PUBLIC))
}

/// `/feeds/petitions/{id}.atom`: the petition's public steps.
#[utoipa::path(
    get,
    path = "/feeds/petitions/{id}.atom",
    tag = "feeds",
    summary = "A petition's feed",
    params(
        ("id" = i64, Path, description = "The petition"),
        crate::http::schema::LangQuery
    ),
    responses(
        (status = 200, description = "The petition's steps (Atom, RFC 4287)", body = String, content_type = "application/atom+xml"),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = "default", response = Problems)
    )
)]
pub async fn petition(
    req: HttpRequest,
    state: web::Data<AppState>,
    Lang(locale): Lang,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let feed = feeds::petition(&state, locale, *id, address(&req)).await?;
    Ok(answer(&req, &feed, PUBLIC))
}

/// `/feeds/me/{token}.atom`: everything the token's owner follows; in the language the reader
/// names, else in the owner's own.
#[utoipa::path(
    get,
    path = "/feeds/me/{token}.atom",
    tag = "feeds",
    summary = "My personal feed",
    params(
        ("token" = String, Path, description = "The secret from POST /api/v1/me/feed-token"),
        crate::http::schema::LangQuery
    ),
    responses(
        (status = 200, description = "Everything I follow (Atom, RFC 4287)", body = String, content_type = "application/atom+xml"),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = "default", response = Problems)
    )
)]
pub async fn personal(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let named = req
        .extensions()
        .get::<LanguageChoice>()
        .filter(|c| c.explicit)
        .map(LanguageChoice::get);
    let feed = feeds::personal(&state, &token, named, address(&req)).await?;
    let mut res = answer(&req, &feed, "private, no-cache");
    // The address is the secret: keep it out of referrers and search engines.
    res.headers_mut().insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    res.headers_mut().insert(
        header::HeaderName::from_static("x-robots-tag"),
        HeaderValue::from_static("noindex"),
    );
    Ok(res)
}

/// The Atom feeds.
pub fn routes() -> Vec<crate::http::routes::Route> {
    crate::routes![
        GET "/feeds/communes/{slug}.atom" Public => commune,
        GET "/feeds/communes/{slug}/{category}.atom" Public => category,
        GET "/feeds/issues/{id}.atom" Public => issue,
        GET "/feeds/petitions/{id}.atom" Public => petition,
        GET "/feeds/me/{token}.atom" Public => personal,
    ]
}

/// This surface's part of the OpenAPI document (its operations; the schemas they name come
/// along); `crate::openapi` assembles the surfaces' parts.
#[derive(Debug, utoipa::OpenApi)]
#[openapi(paths(commune, category, issue, petition, personal))]
pub struct Api;
