//! What the web application answers instead of a page: a refusal or a failure, shown as a page
//! in the visitor's language and frame (never problem+json: a person reads it), or the way to the
//! login page.
//!
//! A handler returns its failures with `?` (a use-case's `UseCaseError`, an `ApiError`): the
//! error does not know the visitor. Every web route is [`Framed`] (`web::routes`), which puts the
//! frame of the visitor's pages (kept in the request by the `Visitor` extractor) around a failure
//! before it is rendered; the extractors, which hold the visitor, frame their own refusals.

use super::layout::{Layout, MessagePage};
use crate::http::extract::LanguageChoice;
use crate::http::problem::ApiError;
use crate::i18n::text;
use crate::usecases::UseCaseError;
use actix_web::http::header;
use actix_web::{FromRequest, Handler, HttpMessage, HttpRequest, HttpResponse, ResponseError};
use askama::Template;
use futures_util::future::LocalBoxFuture;
use tawasol_domain::Locale;

/// An error shown as a page in the visitor's language, or the way to the login page.
#[derive(Debug)]
pub struct WebError {
    answer: Answer,
    /// The frame of the visitor's pages, once known.
    frame: Option<Box<Layout>>,
    /// The page a refused form was posted from (same site), offered to go back to.
    back: Option<String>,
}

#[derive(Debug)]
enum Answer {
    /// A refusal or a failure, as a page.
    Refused(ApiError),
    /// Nobody is signed in: 303 to this address (the login page, and back).
    LoginFirst(String),
}

impl WebError {
    /// The way to the login page, which comes back to `back` (a local address).
    pub fn login_first(back: &str) -> WebError {
        WebError {
            answer: Answer::LoginFirst(format!("/login?next={}", super::percent_encode(back))),
            frame: None,
            back: None,
        }
    }

    /// This error, in the frame of the visitor's pages.
    pub fn framed(mut self, frame: Layout) -> WebError {
        self.frame = Some(Box::new(frame));
        self
    }

    /// This error, in the frame of the page `req` asked for (its visitor's, kept by the `Visitor`
    /// extractor; a bare frame in the request's language when there is none).
    fn framed_for(mut self, req: &HttpRequest) -> WebError {
        if self.back.is_none() {
            self.back = form_page(req);
        }
        if self.frame.is_some() {
            return self;
        }
        let frame = req.extensions().get::<Layout>().cloned();
        match frame {
            Some(frame) => self.framed(frame),
            None => {
                let locale = req
                    .extensions()
                    .get::<LanguageChoice>()
                    .map_or(Locale::DEFAULT, LanguageChoice::get);
                WebError {
                    frame: Some(Box::new(bare_frame(locale, req.path()))),
                    ..self
                }
            }
        }
    }
}

/// The page a form was posted from, when the browser says so and it is on this site (the
/// `Referer` of a POST; `Referrer-Policy` sends it whole within the site), as a local address:
/// the way back to the form from a refusal that could not be shown on it.
fn form_page(req: &HttpRequest) -> Option<String> {
    if req.method() != actix_web::http::Method::POST {
        return None;
    }
    let from = req.headers().get(header::REFERER)?.to_str().ok()?;
    // The browser's own origin for the site (as it sent the request), else the public URL's
    // (behind a proxy that does not pass the scheme on).
    let origin = {
        let info = req.connection_info();
        format!("{}://{}", info.scheme(), info.host())
    };
    let public_url = req
        .app_data::<actix_web::web::Data<crate::context::AppState>>()
        .map(|state| state.public_url.clone());
    let to = super::next::local_target(&origin, from)
        .or_else(|| super::next::local_target(public_url.as_deref()?, from))?;
    // Never the form's own address (a POST answer).
    (to != req.path()).then_some(to)
}

fn bare_frame(locale: Locale, path: &str) -> Layout {
    Layout {
        locale,
        title: String::new(),
        csrf: String::new(),
        user: None,
        path: path.to_owned(),
        official: false,
        moderator: false,
        feed: None,
    }
}

impl From<ApiError> for WebError {
    fn from(error: ApiError) -> WebError {
        WebError {
            answer: Answer::Refused(error),
            frame: None,
            back: None,
        }
    }
}

/// A use-case's refusal as a page.
impl From<UseCaseError> for WebError {
    fn from(error: UseCaseError) -> WebError {
        WebError::from(ApiError::from(error))
    }
}

impl std::fmt::Display for WebError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.answer {
            Answer::Refused(error) => write!(f, "{error}"),
            Answer::LoginFirst(to) => write!(f, "to the login page first ({to})"),
        }
    }
}

impl ResponseError for WebError {
    fn status_code(&self) -> actix_web::http::StatusCode {
        match &self.answer {
            Answer::Refused(error) => error.kind.status(),
            Answer::LoginFirst(_) => actix_web::http::StatusCode::SEE_OTHER,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let error = match &self.answer {
            Answer::Refused(error) => error,
            Answer::LoginFirst(to) => {
                return HttpResponse::SeeOther()
                    .insert_header((header::LOCATION, to.clone()))
                    .finish();
            }
        };
        let mut layout = self
            .frame
            .as_deref()
            .cloned()
            .unwrap_or_else(|| bare_frame(Locale::DEFAULT, "/"));
        let locale = layout.locale;
        layout.title = text(locale, &format!("problem-{}-title", error.kind.slug()));
        // A refusal about fields lists them in the reader's language (the API's detail points
        // at a list a person does not see).
        let list: Vec<String> = error
            .errors
            .iter()
            .map(|e| e.detail.render(locale))
            .collect();
        let detail = if list.is_empty() {
            error
                .detail
                .as_ref()
                .map(|m| m.render(locale))
                .unwrap_or_default()
        } else {
            text(locale, "web-fix-fields")
        };
        if error.kind.status().is_server_error() {
            tracing::error!(error = %error, "page failed");
        }
        // "Confirm your address first" offers, in one click, the link again.
        let body = if error
            .detail
            .as_ref()
            .is_some_and(|m| m.key == "detail-unverified")
        {
            super::account::verify::unverified_page(&layout, detail)
        } else {
            MessagePage {
                l: &layout,
                text: detail,
                list,
                back: self.back.clone(),
            }
            .render()
            .unwrap_or_default()
        };
        let mut res = HttpResponse::build(self.status_code());
        // 429 and 503 pages say when to come back, as the API's problems do.
        if let Some(secs) = error.retry_after {
            res.insert_header((header::RETRY_AFTER, secs.to_string()));
        }
        res.content_type("text/html; charset=utf-8")
            .insert_header((header::CONTENT_LANGUAGE, locale.as_str()))
            .body(body)
    }
}

/// A web handler whose failures are framed as the page the request asked for
/// ([`WebError::framed_for`]); `web::routes` wraps every handler in one.
#[derive(Debug, Clone)]
pub struct Framed<H>(pub H);

impl<H, Args> Handler<(HttpRequest, Args)> for Framed<H>
where
    H: Handler<Args>,
    H::Output: Frame,
    H::Future: 'static,
    Args: FromRequest + 'static,
{
    type Output = H::Output;
    type Future = LocalBoxFuture<'static, H::Output>;

    fn call(&self, (req, args): (HttpRequest, Args)) -> Self::Future {
        let answer = self.0.call(args);
        Box::pin(async move { answer.await.frame(&req) })
    }
}

/// What a web handler answers, framed for the request ([`Framed`]).
pub trait Frame {
    fn frame(self, req: &HttpRequest) -> Self;
}

impl Frame for Result<HttpResponse, WebError> {
    fn frame(self, req: &HttpRequest) -> Self {
        self.map_err(|e| e.framed_for(req))
    }
}

/// The static files and the pages that mail links open have no frame to put around anything.
impl Frame for HttpResponse {
    fn frame(self, _: &HttpRequest) -> Self {
        self
    }
}

impl Frame for Result<HttpResponse, ApiError> {
    fn frame(self, _: &HttpRequest) -> Self {
        self
    }
}
