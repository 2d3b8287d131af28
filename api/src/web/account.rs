//! Signing up, logging in and out from a browser (the same use-cases as the REST API).

use super::{Layout, SESSION_COOKIE, Visitor, WebError, safe_next};
use crate::i18n::text;
use crate::startup::AppState;
use crate::usecases::{UseCaseError, accounts};
use actix_web::cookie::Cookie;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;
use tawasol_domain::Locale;

#[derive(Debug)]
struct Field {
    name: &'static str,
    label: String,
    kind: &'static str,
    value: String,
    autocomplete: &'static str,
    required: bool,
    options: Vec<(String, String, bool)>,
}

fn field(
    v: &Visitor,
    name: &'static str,
    key: &str,
    kind: &'static str,
    autocomplete: &'static str,
) -> Field {
    Field {
        name,
        label: v.t(key),
        kind,
        value: String::new(),
        autocomplete,
        required: true,
        options: Vec::new(),
    }
}

#[derive(Template)]
#[template(path = "form.html")]
struct FormPage {
    l: Layout,
    error: Option<String>,
    notice: Option<String>,
    action: &'static str,
    next: String,
    fields: Vec<Field>,
    submit: String,
    links: Vec<(String, String)>,
}

#[derive(Debug, Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

fn login_page(
    v: &Visitor,
    next: &str,
    email: &str,
    error: Option<String>,
) -> Result<HttpResponse, WebError> {
    let mut email_field = field(v, "email", "web-email", "email", "username");
    email_field.value = email.to_owned();
    let page = FormPage {
        l: v.layout(v.t("web-login")),
        error,
        notice: None,
        action: "/login",
        next: next.to_owned(),
        fields: vec![
            email_field,
            field(
                v,
                "password",
                "web-password",
                "password",
                "current-password",
            ),
        ],
        submit: v.t("web-login"),
        links: vec![
            ("/signup".into(), v.t("web-signup")),
            (
                "/api/v1/auth/password-reset/request".into(),
                v.t("web-forgot"),
            ),
        ],
    };
    v.page(page.render())
}

/// `GET /login`
#[utoipa::path(get, path = "/login", tag = "pages", summary = "Log in (page)", params(("next" = Option<String>, Query, description = "Where to go after (a local path)")), responses((status = 200, description = "The form", body = String, content_type = "text/html")))]
pub async fn login_form(
    v: Visitor,
    query: web::Query<NextQuery>,
) -> Result<HttpResponse, WebError> {
    login_page(&v, &safe_next(query.next.as_deref()), "", None)
}

#[derive(Debug, Deserialize)]
pub struct LoginForm {
    #[serde(rename = "_csrf", default)]
    csrf: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

/// `POST /login`: a session cookie, then back where the person was going.
#[utoipa::path(post, path = "/login", tag = "pages", summary = "Log in (form)", request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, email, password, next"), responses((status = 303, description = "Logged in: to `next`"), (status = 200, description = "The form again, with the reason", body = String, content_type = "text/html"), (status = "4XX", description = "The reason, as a page (e.g. 403 without this browser's CSRF token)", body = String, content_type = "text/html")))]
pub async fn login(
    state: web::Data<AppState>,
    v: Visitor,
    form: web::Form<LoginForm>,
) -> Result<HttpResponse, WebError> {
    v.check_csrf(&form.csrf)?;
    let next = safe_next(Some(&form.next));
    match accounts::login_browser(&state, &v.caller, &form.email, &form.password).await {
        Ok(cookie) => Ok(HttpResponse::SeeOther()
            .cookie(v.cookie(SESSION_COOKIE, cookie, 30))
            .insert_header((actix_web::http::header::LOCATION, next))
            .finish()),
        Err(UseCaseError::BadCredentials) => {
            login_page(&v, &next, &form.email, Some(v.t("detail-bad-credentials")))
        }
        Err(e) => Err(v.fail(e)),
    }
}

#[derive(Debug, Deserialize)]
pub struct CsrfForm {
    #[serde(rename = "_csrf", default)]
    csrf: String,
}

/// `POST /logout`: ends this browser's session.
#[utoipa::path(post, path = "/logout", tag = "pages", summary = "Log out (form)", request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf"), responses((status = 303, description = "Logged out: to the home page"), (status = "4XX", description = "The reason, as a page (e.g. 403 without this browser's CSRF token)", body = String, content_type = "text/html")))]
pub async fn logout(
    state: web::Data<AppState>,
    v: Visitor,
    form: web::Form<CsrfForm>,
) -> Result<HttpResponse, WebError> {
    v.check_csrf(&form.csrf)?;
    if v.logged_in() {
        accounts::logout(&state, &v.caller)
            .await
            .map_err(|e| v.fail(e))?;
    }
    let mut gone = Cookie::build(SESSION_COOKIE, "").path("/").finish();
    gone.make_removal();
    Ok(HttpResponse::SeeOther()
        .cookie(gone)
        .insert_header((actix_web::http::header::LOCATION, "/"))
        .finish())
}

fn signup_page(
    v: &Visitor,
    form: &SignupForm,
    error: Option<String>,
    notice: Option<String>,
) -> Result<HttpResponse, WebError> {
    let mut name = field(v, "display_name", "web-display-name", "text", "nickname");
    name.value = form.display_name.clone();
    let mut email = field(v, "email", "web-email", "email", "email");
    email.value = form.email.clone();
    let mut language = field(v, "locale", "web-language", "select", "off");
    language.options = Locale::ALL
        .into_iter()
        .map(|l| {
            let chosen = if form.locale.is_empty() {
                l == v.locale
            } else {
                form.locale == l.as_str()
            };
            (l.as_str().to_owned(), text(l, "web-language-name"), chosen)
        })
        .collect();
    let page = FormPage {
        l: v.layout(v.t("web-signup")),
        error,
        notice,
        action: "/signup",
        next: String::new(),
        fields: vec![
            name,
            email,
            field(
                v,
                "password",
                "web-password-new",
                "password",
                "new-password",
            ),
            language,
        ],
        submit: v.t("web-signup"),
        links: vec![("/login".into(), v.t("web-login"))],
    };
    v.page(page.render())
}

/// `GET /signup`
#[utoipa::path(get, path = "/signup", tag = "pages", summary = "Sign up (page)", responses((status = 200, description = "The form, with the CNDP number", body = String, content_type = "text/html")))]
pub async fn signup_form(state: web::Data<AppState>, v: Visitor) -> Result<HttpResponse, WebError> {
    let notice = cndp_notice(&state, &v);
    signup_page(&v, &SignupForm::default(), None, notice)
}

fn cndp_notice(state: &AppState, v: &Visitor) -> Option<String> {
    let number = if state.cndp_number.is_empty() {
        "—"
    } else {
        state.cndp_number.as_str()
    };
    Some(
        crate::i18n::Message::new("web-cndp-notice")
            .arg("number", number)
            .render(v.locale),
    )
}

#[derive(Debug, Default, Deserialize)]
pub struct SignupForm {
    #[serde(rename = "_csrf", default)]
    csrf: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    locale: String,
}

/// `POST /signup`: the account is created and a confirmation link mailed (the same answer
/// whether or not the address already had an account).
#[utoipa::path(post, path = "/signup", tag = "pages", summary = "Sign up (form)", request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, display_name, email, password, locale"), responses((status = 200, description = "Check your mail; or the form again with what to correct", body = String, content_type = "text/html"), (status = "4XX", description = "The reason, as a page (e.g. 403 without this browser's CSRF token)", body = String, content_type = "text/html")))]
pub async fn signup(
    state: web::Data<AppState>,
    v: Visitor,
    form: web::Form<SignupForm>,
) -> Result<HttpResponse, WebError> {
    v.check_csrf(&form.csrf)?;
    let f = form.into_inner();
    let input = accounts::Registration {
        email: f.email.clone(),
        password: f.password.clone(),
        display_name: f.display_name.clone(),
        locale: if f.locale.is_empty() {
            v.locale.as_str().to_owned()
        } else {
            f.locale.clone()
        },
        home_commune: None,
    };
    match accounts::register(&state, &v.caller, input).await {
        Ok(()) => v.message(v.t("web-signup"), v.t("detail-registration-accepted")),
        Err(UseCaseError::Invalid(fields)) => {
            let reasons: Vec<String> = fields.iter().map(|x| v.t(x.message)).collect();
            signup_page(&v, &f, Some(reasons.join(" ")), cndp_notice(&state, &v))
        }
        Err(e) => Err(v.fail(e)),
    }
}
