//! What every request goes through, once: a request id (sent back in `x-request-id`), the
//! route table's own answers (405, 401), the reader's language, the body size cap, the client's
//! address, one log line (with secret path segments redacted), errors rendered by the surface that
//! owns the path (`http::surface`), and the browser security headers (`http::security`). It knows
//! no surface: start-up registers the route table and the surfaces as application data.

use crate::http::extract::{BodyLimit, LanguageChoice, RequestId};
use crate::http::problem::{self, ApiError};
use crate::http::routes::{Access, Dispatch, RouteTable};
use crate::http::surface::{Failure, Surfaces};
use crate::i18n::Message;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, web};
use std::time::Instant;
use tawasol_domain::Locale;
use tracing::Instrument;

pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

pub async fn around(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let started = Instant::now();
    let request_id = incoming_request_id(&req).unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    let span = tracing::info_span!(
        "request",
        request_id = %request_id,
        method = %req.method(),
        path = %crate::http::telemetry::loggable_path(req.path()),
    );
    let body_limit = req
        .app_data::<web::Data<BodyLimit>>()
        .map_or(192 * 1024, |l| l.0);
    let path = req.path().to_owned();

    // What the route table and the request line decide alone comes first, in this order: a
    // method the path does not have (405), a protected route without credentials (401), then a
    // `?lang=` we do not speak (400), a control character in a parameter (400) and a declared
    // body over the cap (413).
    let (explicit, lang_error) = match choose_locale(&req) {
        Ok(locale) => (locale, None),
        Err(e) => (Some(Locale::DEFAULT), Some(e)),
    };
    let surfaces = req
        .app_data::<web::Data<Surfaces>>()
        .map(|s| s.get_ref().clone())
        .unwrap_or_default();
    let surface = *surfaces.for_path(&path);
    // A surface that reads its bodies with limits of its own (the web application's forms)
    // refuses them itself, in its own way.
    let own_body_limit = (surface.own_body_limit)(req.headers());
    let early = route_check(&req)
        .or(lang_error)
        .or_else(|| control_in_query(req.query_string()))
        .or_else(|| {
            (!own_body_limit)
                .then(|| body_too_large(&req, body_limit))
                .flatten()
        });
    let state = req
        .app_data::<web::Data<crate::context::AppState>>()
        .cloned();
    let https = state
        .as_ref()
        .is_some_and(|state| state.public_url.starts_with("https://"));
    let language = LanguageChoice {
        explicit: explicit.is_some(),
        chosen: std::sync::Arc::new(std::sync::Mutex::new(explicit.unwrap_or(Locale::DEFAULT))),
    };
    let locale = language.get();
    req.extensions_mut().insert(language.clone());
    req.extensions_mut().insert(RequestId(request_id.clone()));
    let client = state
        .and_then(|state| crate::http::client::client_addr(req.request(), &state.trusted_proxies));
    if let Some(client) = client {
        req.extensions_mut().insert(client);
    }

    let render = |error: &ApiError, locale: Locale| {
        (surface.render)(&Failure {
            error,
            locale,
            request_id: &request_id,
            path: &path,
        })
    };
    let mut res = match early {
        Some(error) => req.into_response(render(&error, locale)),
        None => {
            let res = next.call(req).instrument(span.clone()).await?;
            match res.response().error() {
                // The surface's own answer (a page, in the reader's language) goes as it is.
                Some(err) if (surface.rendered)(err) => res.map_into_boxed_body(),
                Some(err) => {
                    let locale = language.get();
                    let api_error = problem::from_actix(err, body_limit);
                    if api_error.kind.status().is_server_error() {
                        tracing::error!(parent: &span, error = %api_error, "request failed");
                    }
                    let rendered = render(&api_error, locale);
                    res.into_response(rendered)
                }
                None => res.map_into_boxed_body(),
            }
        }
    };
    let headers = res.headers_mut();
    crate::http::security::apply(&path, headers, https);
    if let Ok(value) = HeaderValue::from_str(&request_id) {
        headers.insert(REQUEST_ID, value);
    }
    if headers.contains_key(header::CONTENT_LANGUAGE) {
        headers.append(header::VARY, HeaderValue::from_static("accept-language"));
    }
    let status = res.status().as_u16();
    let latency_ms = started.elapsed().as_secs_f64() * 1000.0;
    tracing::info!(parent: &span, status, latency_ms = format!("{latency_ms:.2}"), "served");
    Ok(res)
}

/// A client's own request id is kept when it is short and plain, so that traces join up across
/// a proxy; anything else is replaced.
fn incoming_request_id(req: &ServiceRequest) -> Option<String> {
    let value = req.headers().get(REQUEST_ID)?.to_str().ok()?;
    let plain = !value.is_empty()
        && value.len() <= 64
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    plain.then(|| value.to_owned())
}

/// The route table's answer before any extractor runs: 405 with `Allow` for a method the path
/// does not have (whatever else is wrong with the request), and 401 for a protected route called
/// without an `Authorization` header, before its parameters or body are looked at (an anonymous
/// caller learns nothing about what a protected route would accept).
fn route_check(req: &ServiceRequest) -> Option<ApiError> {
    let pattern = req.match_pattern()?;
    let table = req.app_data::<web::Data<RouteTable>>()?;
    match table.dispatch(&pattern, req.method())? {
        Dispatch::WrongMethod(allow) => Some(ApiError::method_not_allowed(&allow)),
        Dispatch::Route(Access::Authenticated)
            if !req.headers().contains_key(header::AUTHORIZATION) =>
        {
            Some(ApiError::denied(tawasol_domain::Denied::NotAuthenticated))
        }
        Dispatch::Route(_) => None,
    }
}

/// `?lang=` first (refused unless it is exactly `ar`, `fr` or `zgh`, as the API documents it),
/// then `Accept-Language`; `None` when neither names one of ours (the person's own language or
/// Arabic applies then). Every `lang` of the query string is checked, even when the rest of the
/// query string is not valid UTF-8 once decoded; the last one counts, as for the handlers.
fn choose_locale(req: &ServiceRequest) -> Result<Option<Locale>, ApiError> {
    let mut chosen = None;
    for (name, value) in form_urlencoded::parse(req.query_string().as_bytes()) {
        if name == "lang" {
            let locale = match &*value {
                "ar" => Locale::Ar,
                "fr" => Locale::Fr,
                "zgh" => Locale::Zgh,
                _ => {
                    return Err(ApiError::invalid_parameter(
                        "lang",
                        Message::new("param-lang"),
                    ));
                }
            };
            chosen = Some(locale);
        }
    }
    if chosen.is_some() {
        return Ok(chosen);
    }
    let negotiated = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Locale::negotiate);
    Ok(negotiated)
}

/// A query parameter whose name or value holds a control character (`%00` and the like) is
/// refused before any handler: no parameter of ours takes one, and a NUL would otherwise reach
/// the database (PostgreSQL refuses it with an error, SQLite would store it). `next`, the
/// address to go back to after a form, is the exception: it is resolved the way a browser does
/// (which drops tabs and newlines) and anything odd becomes `/` (`web::safe_next`).
fn control_in_query(query: &str) -> Option<ApiError> {
    if query.is_empty() {
        return None;
    }
    let pairs = web::Query::<Vec<(String, String)>>::from_query(query)
        .map(web::Query::into_inner)
        .unwrap_or_default();
    pairs
        .iter()
        .find(|(k, v)| {
            k.chars().any(char::is_control) || (k != "next" && v.chars().any(char::is_control))
        })
        .map(|(k, _)| {
            let name: String = k.chars().filter(|c| !c.is_control()).collect();
            ApiError::invalid_parameter(&name, Message::new("field-text-control"))
        })
}

/// A declared body larger than the cap is refused before any handler runs; bodies without a
/// length are capped while they are read.
fn body_too_large(req: &ServiceRequest, limit: usize) -> Option<ApiError> {
    let length = req
        .headers()
        .get(header::CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .trim()
        .parse::<u64>()
        .ok()?;
    (length > limit as u64).then(|| ApiError::payload_too_large(limit))
}
