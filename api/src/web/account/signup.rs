//! Signing up from a browser: the account is created and a confirmation link mailed.

use super::{FormPage, field};
use crate::context::AppState;
use crate::i18n::text;
use crate::usecases::{UseCaseError, accounts};
use crate::web::{FormFields, NextQuery, Posted, Visitor, WebError};
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;
use tawasol_domain::Locale;

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
        next: form.next.clone(),
        hidden: Vec::new(),
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
#[utoipa::path(
    get,
    path = "/signup",
    tag = "pages",
    summary = "Sign up (page)",
    params(("next" = Option<String>, Query, description = "Where the confirmation link leads back to (a local path)")),
    responses(
        (status = 200, description = "The form, with the CNDP number", body = String, content_type = "text/html")
    )
)]
pub async fn signup_form(
    state: web::Data<AppState>,
    query: web::Query<NextQuery>,
    v: Visitor,
) -> Result<HttpResponse, WebError> {
    let notice = cndp_notice(&state, &v);
    let form = SignupForm {
        next: local_next(&v, query.next.as_deref()),
        ..SignupForm::default()
    };
    signup_page(&v, &form, None, notice)
}

/// Where the confirmation link leads back to: a local address, never the home page.
fn local_next(v: &Visitor, next: Option<&str>) -> String {
    match v.safe_next(next.filter(|n| !n.is_empty())) {
        home if home == "/" => String::new(),
        local => local,
    }
}

fn cndp_notice(state: &AppState, v: &Visitor) -> Option<String> {
    Some(crate::web::labels::cndp_notice(
        v.locale,
        &state.cndp_number,
    ))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SignupForm {
    display_name: String,
    email: String,
    password: String,
    locale: String,
    next: String,
}

impl FormFields for SignupForm {
    const FIELDS: &'static [(&'static str, usize)] = &[
        ("display_name", 120),
        ("email", 254),
        ("password", 128),
        ("locale", 8),
        ("next", 2048),
    ];
}

/// `POST /signup`: the account is created and a confirmation link mailed (the same answer
/// whether or not the address already had an account).
#[utoipa::path(
    post,
    path = "/signup",
    tag = "pages",
    summary = "Sign up (form)",
    request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, display_name, email, password, locale, next"),
    responses(
        (status = 200, description = "Check your mail; or the form again with what to correct", body = String, content_type = "text/html"),
        (status = "4XX", description = "The reason, as a page (e.g. 403 without this browser's CSRF token)", body = String, content_type = "text/html")
    )
)]
pub async fn signup(
    state: web::Data<AppState>,
    Posted(f, v): Posted<SignupForm>,
) -> Result<HttpResponse, WebError> {
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
        next: Some(local_next(&v, Some(&f.next))).filter(|n| !n.is_empty()),
    };
    match accounts::register(&state, &v.caller, input).await {
        Ok(()) => v.message(v.t("web-signup"), v.t("detail-registration-accepted")),
        Err(UseCaseError::Invalid(fields)) => {
            let reasons: Vec<String> = fields.iter().map(|x| v.t(x.message)).collect();
            signup_page(&v, &f, Some(reasons.join(" ")), cndp_notice(&state, &v))
        }
        Err(e) => Err(e.into()),
    }
}
