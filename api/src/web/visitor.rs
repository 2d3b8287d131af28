//! Who is at the browser ([`Visitor`]: the account behind the session cookie, the language, the
//! CSRF token) and the frame of every page they see ([`Layout`]).

use super::error::WebError;
use super::layout::{Layout, MessagePage};
use super::next::safe_next;
use super::{CSRF_COOKIE, LANG_COOKIE, SESSION_COOKIE, csrf};
use crate::context::AppState;
use crate::http::extract::LanguageChoice;
use crate::http::problem::{ApiError, ProblemKind};
use crate::i18n::{Message, text};
use crate::usecases::{Caller, accounts};
use actix_web::cookie::{Cookie, SameSite};
use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpMessage, HttpRequest, HttpResponse, web};
use askama::Template;
use futures_util::future::LocalBoxFuture;
use tawasol_domain::{Actor, Locale};

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
            feed: None,
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
        let layout = self.layout(title);
        self.page(
            MessagePage {
                l: &layout,
                text: body,
                list: Vec::new(),
                back: None,
            }
            .render(),
        )
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
    /// another site is refused (`web::extract::Posted`).
    pub fn check_csrf(&self, posted: &str) -> Result<(), WebError> {
        if !self.new_csrf && csrf::matches(posted, &self.csrf) {
            Ok(())
        } else {
            Err(self
                .error(ApiError::new(ProblemKind::Forbidden).detail(Message::new("detail-csrf"))))
        }
    }

    /// `error` as a page in this visitor's frame.
    pub fn error(&self, error: ApiError) -> WebError {
        WebError::from(error).framed(self.layout(String::new()))
    }
}

fn new_token() -> String {
    crate::auth::token::generate()
}

/// The visitor is read from the cookies (the session's account, the language, the CSRF token);
/// the frame of its pages is kept in the request's extensions, where a handler's failure finds
/// it (`web::error::Framed`).
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
        let req = req.clone();
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
            let visitor = Visitor {
                caller,
                locale,
                csrf,
                new_csrf,
                user_name,
                path,
                secure,
                public_url: state.public_url.clone(),
                remember_lang,
            };
            // The frame of this request's pages, where a handler's failure finds it.
            req.extensions_mut().insert(visitor.layout(String::new()));
            Ok(visitor)
        })
    }
}

#[derive(Debug, serde::Deserialize)]
struct LangQuery {
    lang: Option<String>,
}
