//! The web application: pages rendered on the server (askama templates checked at compile
//! time) over the same use-cases and policies as the REST API. Forms post and the server
//! redirects, so every page works with JavaScript off; scripts only enhance.
//!
//! A browser is known by three cookies: the session (`tawasol_session`, HttpOnly, SameSite=Lax,
//! Secure over TLS), the language chosen with the switcher (`tawasol_lang`), and the CSRF token
//! (`tawasol_csrf`) that every form repeats, masked afresh in each answer (`csrf`), in a hidden
//! field. Form bodies are read by `form::WebForm` within limits computed from their fields.

pub(crate) mod account;
pub(crate) mod assets;
pub(crate) mod csrf;
pub(crate) mod desk;
pub(crate) mod form;
pub(crate) mod mail_links;
pub(crate) mod pages;
pub(crate) mod petitions;

pub use form::{FormFields, WebForm};

use crate::context::AppState;
use crate::http::extract::LanguageChoice;
use crate::http::problem::ApiError;
use crate::i18n::text;
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

/// Whether `path` belongs to the web application (pages and their forms), as opposed to the
/// REST API, Open311, the feeds and the probes.
pub fn owns(path: &str) -> bool {
    !["/api/", "/open311/", "/feeds/", "/health/"]
        .iter()
        .any(|p| path.starts_with(p))
}

/// How the web application answers failures around its handlers (`http::surface`): its own
/// error pages go as they are, and a body too large for a page is a page in the reader's
/// language (a person sent a form); other failures before a handler (an unknown address, a bad
/// `?lang=`) are answered as problems. Its forms are read with limits of their own
/// (`web::form`).
pub const SURFACE: crate::http::surface::Surface = crate::http::surface::Surface {
    name: "web",
    owns: |path| owns(path) && !path.starts_with("/problems/"),
    render: render_failure,
    rendered: |error| error.as_error::<WebError>().is_some(),
    own_body_limit: form::is_form,
};

fn render_failure(f: &crate::http::surface::Failure<'_>) -> HttpResponse {
    use crate::http::problem::ProblemKind;
    if f.error.kind != ProblemKind::PayloadTooLarge {
        return (crate::http::surface::Surface::PROBLEMS.render)(f);
    }
    let mut res = crate::http::html::page(
        f.locale,
        &f.error.kind.title(f.locale),
        &format!(
            "<p>{}</p>",
            crate::http::html::escape(&text(f.locale, "web-form-too-large"))
        ),
    );
    *res.status_mut() = f.error.kind.status();
    res
}

/// The longest `next` followed; a longer one is no address of ours.
const MAX_NEXT: usize = 2048;

/// Where to go after a form, a log-in or a language switch: `next` resolved against the public
/// URL the way a browser resolves a `Location` (the WHATWG URL standard: tabs and newlines
/// dropped, `\` read as `/`, `..` applied), followed only when it stays on this site's origin,
/// and written back normalised (path and query, percent-encoded; never the raw input, so no
/// control character reaches a header). Anything else is `/`.
pub fn safe_next(public_url: &str, next: Option<&str>) -> String {
    next.and_then(|n| local_target(public_url, n))
        .unwrap_or_else(|| "/".to_owned())
}

fn local_target(public_url: &str, next: &str) -> Option<String> {
    if next.len() > MAX_NEXT {
        return None;
    }
    let base = url::Url::parse(public_url).ok()?;
    let target = base.join(next).ok()?;
    if !target.origin().is_tuple() || target.origin() != base.origin() {
        return None;
    }
    let path = target.path();
    // `/..//evil.example` normalises to the path `//evil.example`, which a browser would read
    // as another host if it began the address.
    if !path.starts_with('/') || path.starts_with("//") {
        return None;
    }
    Some(match target.query() {
        Some(q) => format!("{path}?{q}"),
        None => path.to_owned(),
    })
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
    /// The public URL, against which a `next` address is resolved.
    pub public_url: String,
    /// A `?lang=` that the language cookie does not hold yet: remembered with this answer.
    pub remember_lang: Option<Locale>,
}

impl Visitor {
    pub fn layout(&self, title: impl Into<String>) -> Layout {
        Layout {
            locale: self.locale,
            title: title.into(),
            // Masked afresh for each page (BREACH).
            csrf: csrf::mask(&self.csrf),
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
        (!self.logged_in()).then(|| {
            let back = self.safe_next(Some(back));
            self.redirect(&format!("/login?next={}", percent_encode(&back)))
        })
    }

    /// [`safe_next`] against this site's public URL.
    pub fn safe_next(&self, next: Option<&str>) -> String {
        safe_next(&self.public_url, next)
    }

    /// After a form: 303 to `to`.
    pub fn redirect(&self, to: &str) -> HttpResponse {
        HttpResponse::SeeOther()
            .insert_header((header::LOCATION, to.to_owned()))
            .finish()
    }

    /// The form's token is this browser's (unmasked, it equals the cookie): a form posted from
    /// another site is refused.
    pub fn check_csrf(&self, posted: &str) -> Result<(), WebError> {
        if !self.new_csrf && csrf::matches(posted, &self.csrf) {
            Ok(())
        } else {
            Err(self.error(
                ApiError::new(crate::http::problem::ProblemKind::Forbidden)
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
            .get::<crate::http::extract::RequestId>()
            .map(|r| r.0.clone());
        let ip = crate::http::client::throttle_key(req);
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
                public_url: state.public_url.clone(),
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

#[derive(Debug, serde::Deserialize)]
pub struct NextQuery {
    pub next: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    const SITE: &str = "https://tawasol.example";

    fn next(value: &str) -> String {
        safe_next(SITE, Some(value))
    }

    /// The address a browser would go to, given `location` in a 303 from the site.
    fn followed(location: &str) -> url::Url {
        url::Url::parse(SITE).unwrap().join(location).unwrap()
    }

    #[test]
    fn local_addresses_are_followed_normalised() {
        assert_eq!(next("/issues/3"), "/issues/3");
        assert_eq!(
            next("/communes/sefrou?q=x&status=open"),
            "/communes/sefrou?q=x&status=open"
        );
        assert_eq!(next("/petitions/2#sign"), "/petitions/2", "no fragment");
        assert_eq!(
            next("https://tawasol.example/me"),
            "/me",
            "our own origin, absolute"
        );
        assert_eq!(next("/a/../me"), "/me");
        assert_eq!(
            next("/%09/x"),
            "/%09/x",
            "an encoded tab stays encoded: a path"
        );
        assert_eq!(next("/شارع"), "/%D8%B4%D8%A7%D8%B1%D8%B9");
        assert_eq!(next("/a b"), "/a%20b");
        // A browser reads a same-scheme address without slashes as a path of this site.
        assert_eq!(next("https:evil.example"), "/evil.example");
        assert_eq!(safe_next(SITE, None), "/");
    }

    #[test]
    fn anything_that_a_browser_would_take_elsewhere_goes_home() {
        for hostile in [
            "//evil.example/x",
            "/\t/evil.example/phish",
            "/\n/evil.example/phish",
            "/\r\n/evil.example",
            "\t//evil.example",
            " //evil.example",
            "\\\\evil.example",
            "/\\evil.example",
            "\\/evil.example",
            "/\\/evil.example",
            "/..//evil.example",
            "/./..//evil.example",
            "https://evil.example",
            "http://tawasol.example/me",
            "https://tawasol.example:8443/me",
            "https:/\\evil.example",
            "javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "//tawasol.example@evil.example",
            "https://tawasol.example@evil.example/",
            &format!("/{}", "a".repeat(MAX_NEXT)),
        ] {
            assert_eq!(next(hostile), "/", "{hostile:?}");
        }
    }

    #[test]
    fn whatever_comes_out_stays_on_the_site_and_is_a_plain_header_value() {
        let inputs = [
            "/issues/3",
            "/%0a/x",
            "/\n/x",
            "/x\r\nSet-Cookie: a=b",
            "/\u{0}x",
            "/?next=//evil",
            "/..%2f..%2fevil",
            "/%2F%2Fevil.example",
            "/%5C%5Cevil.example",
            "x",
            "",
            "?q=1",
            "/a?b=\u{7f}",
            "/\u{202e}x",
        ];
        for input in inputs {
            let out = next(input);
            assert!(
                out.starts_with('/') && !out.starts_with("//"),
                "{input:?} → {out}"
            );
            assert!(
                out.bytes().all(|b| b.is_ascii_graphic()),
                "{input:?} → {out:?}: only printable ASCII"
            );
            let went = followed(&out);
            assert_eq!(
                went.host_str(),
                Some("tawasol.example"),
                "{input:?} → {out}"
            );
            assert_eq!(next(&out), out, "normalising twice changes nothing");
        }
    }

    #[test]
    fn the_language_switch_drops_an_old_choice() {
        assert_eq!(
            strip_lang("/communes/sefrou?lang=fr&q=x"),
            "/communes/sefrou?q=x"
        );
        assert_eq!(strip_lang("/?lang=fr"), "/");
    }
}

/// The web application's pages and forms, and the pages that mail links open.
pub fn routes() -> Vec<crate::http::routes::Route> {
    crate::routes![
        GET "/" Public => pages::home,
        GET "/static/{file}" Public => assets::file,
        GET "/lang/{code}" Public => switch_language,
        GET "/communes/{slug}" Public => pages::commune,
        GET "/communes/{slug}/report" Public => pages::report_form,
        POST "/communes/{slug}/report" Public => pages::report,
        GET "/issues/{id}" Public => pages::issue,
        POST "/issues/{id}/replies" Public => pages::reply,
        POST "/issues/{id}/support" Public => pages::support,
        POST "/issues/{id}/follow" Public => pages::follow,
        GET "/petitions" Public => petitions::list,
        GET "/petitions/{id}" Public => petitions::show,
        GET "/petitions/{id}/dossier" Public => petitions::dossier,
        POST "/petitions/{id}/sign" Public => petitions::sign,
        POST "/petitions/{id}/withdraw" Public => petitions::withdraw,
        POST "/petitions/{id}/follow" Public => petitions::follow,
        POST "/petitions/{id}/step" Public => petitions::step,
        GET "/communes/{slug}/petitions/new" Public => petitions::new_form,
        POST "/communes/{slug}/petitions/new" Public => petitions::create,
        POST "/issues/{id}/answer" Public => pages::answer,
        GET "/desk" Public => desk::desk,
        GET "/moderation" Public => desk::queue,
        POST "/moderation/issues/{id}" Public => desk::decide_issue,
        POST "/moderation/replies/{id}" Public => desk::decide_reply,
        GET "/login" Public => account::login_form,
        POST "/login" Public => account::login,
        POST "/logout" Public => account::logout,
        GET "/me" Public => account::me,
        POST "/me/notifications" Public => account::set_notifications,
        GET "/me/export" Public => account::export,
        POST "/me/delete" Public => account::delete,
        GET "/organisation" Public => account::organisation,
        POST "/organisation/feed" Public => account::organisation_feed,
        GET "/forgot" Public => account::forgot_form,
        POST "/forgot" Public => account::forgot,
        GET "/signup" Public => account::signup_form,
        POST "/signup" Public => account::signup,
        GET "/verify-email" Public => mail_links::verify_form,
        POST "/verify-email" Public => mail_links::verify_submit,
        GET "/reset-password" Public => mail_links::reset_form,
        GET "/api/v1/unsubscribe" Public => mail_links::unsubscribe_form,
        POST "/api/v1/unsubscribe" Public => mail_links::unsubscribe,
        POST "/reset-password" Public => mail_links::reset_submit,
    ]
}

/// This surface's part of the OpenAPI document (its operations; the schemas they name come
/// along); `crate::openapi` assembles the surfaces' parts.
#[derive(Debug, utoipa::OpenApi)]
#[openapi(paths(
    pages::home,
    assets::file,
    switch_language,
    pages::commune,
    pages::report_form,
    pages::report,
    pages::issue,
    pages::reply,
    pages::support,
    pages::follow,
    petitions::list,
    petitions::show,
    petitions::dossier,
    petitions::sign,
    petitions::withdraw,
    petitions::follow,
    petitions::step,
    petitions::new_form,
    petitions::create,
    pages::answer,
    desk::desk,
    desk::queue,
    desk::decide_issue,
    desk::decide_reply,
    account::login_form,
    account::login,
    account::logout,
    account::me,
    account::set_notifications,
    account::export,
    account::delete,
    account::organisation,
    account::organisation_feed,
    account::forgot_form,
    account::forgot,
    account::signup_form,
    account::signup,
    mail_links::verify_form,
    mail_links::verify_submit,
    mail_links::reset_form,
    mail_links::reset_submit,
    mail_links::unsubscribe_form,
    mail_links::unsubscribe
))]
pub struct Api;
