//! The web application: pages rendered on the server (askama templates checked at compile
//! time) over the same use-cases and policies as the REST API. Forms post and the server
//! redirects, so every page works with JavaScript off; scripts only enhance.
//!
//! A browser is known by three cookies: the session (`tawasol_session`, HttpOnly, SameSite=Lax,
//! Secure over TLS), the language chosen with the switcher (`tawasol_lang`), and the CSRF token
//! (`tawasol_csrf`) that every form repeats in a hidden field.

pub(crate) mod account;
pub(crate) mod assets;
pub(crate) mod desk;
pub(crate) mod pages;
pub(crate) mod petitions;

use crate::extract::LanguageChoice;
use crate::i18n::text;
use crate::problem::ApiError;
use crate::startup::AppState;
use crate::usecases::{Caller, accounts};
use actix_web::cookie::{Cookie, SameSite};
use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpMessage, HttpRequest, HttpResponse, ResponseError, web};
use futures_util::future::LocalBoxFuture;
use tawasol_domain::{Actor, Locale};

pub const SESSION_COOKIE: &str = "tawasol_session";
pub const LANG_COOKIE: &str = "tawasol_lang";
pub const CSRF_COOKIE: &str = "tawasol_csrf";

/// What every page's frame needs: language, title, the signed-in person, the CSRF token.
#[derive(Debug, Clone)]
pub struct Layout {
    pub locale: Locale,
    pub title: String,
    pub csrf: String,
    pub user: Option<String>,
    /// The page's address, for the language switcher to come back to.
    pub path: String,
    /// The signed-in person is an official (the navigation links their desk).
    pub official: bool,
    /// The signed-in person moderates a commune or administers (the navigation links the queue).
    pub moderator: bool,
}

impl Layout {
    pub fn t(&self, key: &str) -> String {
        text(self.locale, key)
    }

    pub fn lang(&self) -> &'static str {
        self.locale.as_str()
    }

    pub fn dir(&self) -> &'static str {
        self.locale.direction().as_str()
    }

    /// Each language: its code, its own name, the switch address, whether it is the current.
    pub fn switcher(&self) -> Vec<(&'static str, String, String, bool)> {
        Locale::ALL
            .into_iter()
            .map(|l| {
                (
                    l.as_str(),
                    text(l, "web-language-name"),
                    format!("/lang/{}?next={}", l.as_str(), percent_encode(&self.path)),
                    l == self.locale,
                )
            })
            .collect()
    }
}

/// Encodes a path for a query parameter.
pub fn percent_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(b as char);
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// A local address to go back to after a form (never another site).
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => n.to_owned(),
        _ => "/".to_owned(),
    }
}

/// Who is at the browser, in which language, with which CSRF token.
#[derive(Debug, Clone)]
pub struct Visitor {
    pub caller: Caller,
    pub locale: Locale,
    pub csrf: String,
    /// The CSRF cookie must be (re)set on the answer.
    pub new_csrf: bool,
    pub user_name: Option<String>,
    pub path: String,
    /// The site is served over TLS: cookies are Secure.
    pub secure: bool,
    /// A `?lang=` that the language cookie does not hold yet: remembered with this answer.
    pub remember_lang: Option<Locale>,
}

impl Visitor {
    pub fn layout(&self, title: impl Into<String>) -> Layout {
        Layout {
            locale: self.locale,
            title: title.into(),
            csrf: self.csrf.clone(),
            user: self.user_name.clone(),
            path: self.path.clone(),
            official: matches!(&self.caller.actor, Actor::User(u) if u.official.is_some()),
            moderator: matches!(
                &self.caller.actor,
                Actor::User(u) if u.admin || !u.moderates.is_empty()
            ),
        }
    }

    pub fn t(&self, key: &str) -> String {
        text(self.locale, key)
    }

    pub fn logged_in(&self) -> bool {
        matches!(self.caller.actor, Actor::User(_))
    }

    /// A cookie of this site: HttpOnly, SameSite=Lax, Secure over TLS, for the whole site.
    pub fn cookie(&self, name: &'static str, value: String, max_age_days: i64) -> Cookie<'static> {
        let mut c = Cookie::build(name, value)
            .path("/")
            .http_only(true)
            .same_site(SameSite::Lax)
            .secure(self.secure)
            .finish();
        c.set_max_age(actix_web::cookie::time::Duration::days(max_age_days));
        c
    }

    /// A page: HTML, its language, never cached by shared caches, the CSRF cookie when new.
    pub fn page(&self, html: Result<String, askama::Error>) -> Result<HttpResponse, WebError> {
        let html = html.map_err(|e| self.error(ApiError::internal(e.to_string())))?;
        let mut res = HttpResponse::Ok();
        res.content_type("text/html; charset=utf-8")
            .insert_header((header::CONTENT_LANGUAGE, self.locale.as_str()))
            .insert_header((header::CACHE_CONTROL, "private, no-cache"))
            .insert_header((header::VARY, "Cookie, Accept-Language"));
        if self.new_csrf {
            res.cookie(self.cookie(CSRF_COOKIE, self.csrf.clone(), 365));
        }
        if let Some(l) = self.remember_lang {
            res.cookie(self.cookie(LANG_COOKIE, l.as_str().to_owned(), 365));
        }
        Ok(res.body(html))
    }

    /// A page that only says something.
    pub fn message(&self, title: String, body: String) -> Result<HttpResponse, WebError> {
        use askama::Template;
        let layout = self.layout(title);
        self.page(
            MessagePage {
                l: &layout,
                text: body,
            }
            .render(),
        )
    }

    /// For a page or form that needs an account: the way to the login page (and back to
    /// `back`) when nobody is logged in.
    pub fn login_first(&self, back: &str) -> Option<HttpResponse> {
        (!self.logged_in()).then(|| self.redirect(&format!("/login?next={}", percent_encode(back))))
    }

    /// After a form: 303 to `to`.
    pub fn redirect(&self, to: &str) -> HttpResponse {
        HttpResponse::SeeOther()
            .insert_header((header::LOCATION, to.to_owned()))
            .finish()
    }

    /// The form's token is this browser's: a form posted from another site is refused.
    pub fn check_csrf(&self, posted: &str) -> Result<(), WebError> {
        if !self.new_csrf && !posted.is_empty() && posted == self.csrf {
            Ok(())
        } else {
            Err(self.error(
                ApiError::new(crate::problem::ProblemKind::Forbidden)
                    .detail(crate::i18n::Message::new("detail-csrf")),
            ))
        }
    }

    pub fn error(&self, error: ApiError) -> WebError {
        WebError {
            error,
            layout: Box::new(self.layout(String::new())),
        }
    }

    /// A use-case's refusal as a page.
    pub fn fail(&self, e: crate::usecases::UseCaseError) -> WebError {
        self.error(e.into())
    }
}

fn new_token() -> String {
    crate::auth::token::generate()
}

impl FromRequest for Visitor {
    type Error = WebError;
    type Future = LocalBoxFuture<'static, Result<Visitor, WebError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let session = req.cookie(SESSION_COOKIE).map(|c| c.value().to_owned());
        let lang_cookie = req
            .cookie(LANG_COOKIE)
            .and_then(|c| Locale::parse(c.value()).ok());
        let query_lang = web::Query::<LangQuery>::from_query(req.query_string())
            .ok()
            .and_then(|q| q.lang.as_deref().and_then(|l| Locale::parse(l).ok()));
        let choice = req.extensions().get::<LanguageChoice>().cloned();
        let csrf = req
            .cookie(CSRF_COOKIE)
            .map(|c| c.value().to_owned())
            .filter(|v| {
                v.len() >= 32
                    && v.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            });
        let path = match req.query_string() {
            "" => req.path().to_owned(),
            q => format!("{}?{q}", req.path()),
        };
        let request_id = req
            .extensions()
            .get::<crate::extract::RequestId>()
            .map(|r| r.0.clone());
        let ip = crate::client::throttle_key(req);
        Box::pin(async move {
            let state = state.expect("the application state is registered");
            let secure = state.public_url.starts_with("https://");
            let mut caller = Caller {
                request_id,
                ip,
                ..Caller::anonymous()
            };
            let mut user_locale = None;
            let mut user_name = None;
            if let Some(cookie) = session
                && let Ok(Some(s)) = accounts::browser_session(&state, &cookie).await
            {
                user_name = Some(s.display_name);
                caller.actor = s.actor;
                caller.session_id = Some(s.session_id);
                user_locale = Some(s.locale);
            }
            let explicit = choice
                .as_ref()
                .filter(|c| c.explicit)
                .map(LanguageChoice::get);
            let remember_lang = query_lang.filter(|q| Some(*q) != lang_cookie);
            let locale = query_lang
                .or(lang_cookie)
                .or(user_locale)
                .or(explicit)
                .unwrap_or(Locale::DEFAULT);
            if let Some(choice) = &choice {
                *choice
                    .chosen
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner) = locale;
            }
            let (csrf, new_csrf) = match csrf {
                Some(c) => (c, false),
                None => (new_token(), true),
            };
            Ok(Visitor {
                caller,
                locale,
                csrf,
                new_csrf,
                user_name,
                path,
                secure,
                remember_lang,
            })
        })
    }
}

#[derive(Debug, serde::Deserialize)]
struct LangQuery {
    lang: Option<String>,
}

/// An error shown as a page in the visitor's language (not problem+json: a person reads it).
#[derive(Debug)]
pub struct WebError {
    pub error: ApiError,
    layout: Box<Layout>,
}

impl std::fmt::Display for WebError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.error)
    }
}

#[derive(askama::Template)]
#[template(path = "message.html")]
struct MessagePage<'a> {
    l: &'a Layout,
    text: String,
}

impl ResponseError for WebError {
    fn status_code(&self) -> actix_web::http::StatusCode {
        self.error.kind.status()
    }

    fn error_response(&self) -> HttpResponse {
        use askama::Template;
        let locale = self.layout.locale;
        let mut layout = (*self.layout).clone();
        layout.title = text(locale, &format!("problem-{}-title", self.error.kind.slug()));
        let detail = self
            .error
            .detail
            .as_ref()
            .map(|m| m.render(locale))
            .unwrap_or_default();
        if self.error.kind.status().is_server_error() {
            tracing::error!(error = %self.error, "page failed");
        }
        let body = MessagePage {
            l: &layout,
            text: detail,
        }
        .render()
        .unwrap_or_default();
        let mut res = HttpResponse::build(self.status_code());
        // 429 and 503 pages say when to come back, as the API's problems do.
        if let Some(secs) = self.error.retry_after {
            res.insert_header((header::RETRY_AFTER, secs.to_string()));
        }
        res.content_type("text/html; charset=utf-8")
            .insert_header((header::CONTENT_LANGUAGE, locale.as_str()))
            .body(body)
    }
}

/// `GET /lang/{code}?next=`: remembers the language in a cookie and goes back.
#[utoipa::path(get, path = "/lang/{code}", tag = "pages", summary = "Choose the site's language", params(("code" = String, Path, description = "ar, fr or zgh"), ("next" = Option<String>, Query, description = "Where to go back (a local path)")), responses((status = 303, description = "Back to the page, in that language")))]
pub async fn switch_language(
    visitor: Visitor,
    code: web::Path<String>,
    query: web::Query<NextQuery>,
) -> Result<HttpResponse, WebError> {
    let locale = Locale::parse(&code).map_err(|_| {
        visitor.error(ApiError::not_found(
            crate::i18n::Message::new("detail-route-not-found").arg("path", code.as_str()),
        ))
    })?;
    let next = safe_next(query.next.as_deref());
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

#[derive(Debug, serde::Deserialize)]
pub struct NextQuery {
    pub next: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed_after_a_form() {
        assert_eq!(safe_next(Some("/issues/3")), "/issues/3");
        assert_eq!(safe_next(Some("//evil.example/x")), "/");
        assert_eq!(safe_next(Some("https://evil.example")), "/");
        assert_eq!(safe_next(Some("/\\evil")), "/");
        assert_eq!(safe_next(None), "/");
        assert_eq!(
            strip_lang("/communes/sefrou?lang=fr&q=x"),
            "/communes/sefrou?q=x"
        );
        assert_eq!(strip_lang("/?lang=fr"), "/");
    }
}
