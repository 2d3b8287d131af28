//! How each surface answers what fails around its handlers (the middleware's own refusals, an
//! extractor's error, a route that does not exist): the middleware knows no surface, it asks the
//! [`Surfaces`] that start-up registered which one owns a path, and lets that one render.

use crate::http::problem::ApiError;
use actix_web::HttpResponse;
use actix_web::http::header::HeaderMap;
use tawasol_domain::Locale;

/// What a surface needs to render a failure.
#[derive(Debug, Clone, Copy)]
pub struct Failure<'a> {
    pub error: &'a ApiError,
    pub locale: Locale,
    pub request_id: &'a str,
    pub path: &'a str,
}

/// One surface's answers to failures.
#[derive(Debug, Clone, Copy)]
pub struct Surface {
    pub name: &'static str,
    /// Whether a path belongs to this surface.
    pub owns: fn(&str) -> bool,
    /// The answer to a failure on this surface.
    pub render: fn(&Failure<'_>) -> HttpResponse,
    /// Whether an error a handler returned is already this surface's own answer (a page), to be
    /// sent as it is.
    pub rendered: fn(&actix_web::Error) -> bool,
    /// Whether this surface reads this request's body itself, with limits of its own (the web
    /// application's forms), so that the middleware's cap does not apply.
    pub own_body_limit: fn(&HeaderMap) -> bool,
}

impl Surface {
    /// RFC 9457 problems in the reader's language: what the REST API answers, and every path no
    /// other surface owns.
    pub const PROBLEMS: Surface = Surface {
        name: "problems",
        owns: |_| true,
        render: |f| f.error.render(f.locale, Some(f.request_id), Some(f.path)),
        rendered: |_| false,
        own_body_limit: |_| false,
    };
}

/// The surfaces, most specific first; [`Surface::PROBLEMS`] answers for any path none owns.
#[derive(Debug, Clone, Default)]
pub struct Surfaces(Vec<Surface>);

impl Surfaces {
    pub fn new(surfaces: Vec<Surface>) -> Surfaces {
        Surfaces(surfaces)
    }

    /// The surface that owns `path`.
    pub fn for_path(&self, path: &str) -> &Surface {
        self.0
            .iter()
            .find(|s| (s.owns)(path))
            .unwrap_or(&Surface::PROBLEMS)
    }
}
