//! The pages that account mails open, in the mail's language (`?lang=`, which the links carry)
//! and in the site's frame: confirm an address (which signs the person in and takes them back
//! to what they were doing), ask for a new confirmation link, choose a new password. Opening a
//! link only shows a form; only its POST spends the token, so that a mail scanner following
//! links spends nothing.

use super::{FormPage, field};
use crate::context::AppState;
use crate::usecases::{UseCaseError, accounts};
use crate::web::{FormFields, LANG_COOKIE, Layout, Posted, SESSION_COOKIE, Visitor, WebError};
use actix_web::http::header;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

/// What a confirmation page shows: the button that confirms, or a link that no longer works
/// (with a new one to ask for), or the answer to that request.
#[derive(Template)]
#[template(path = "verify.html")]
struct VerifyPage {
    l: Layout,
    text: Option<String>,
    confirm: bool,
    /// Where the confirming button posts, and what it says.
    action: &'static str,
    button: String,
    /// The "send the link again" button (`resend.html`): the link it replaces, where to go after.
    resend: bool,
    resend_token: String,
    resend_next: String,
    links: Vec<(String, String)>,
}

impl VerifyPage {
    fn new(v: &Visitor, token: &str, next: &str) -> VerifyPage {
        VerifyPage {
            l: v.layout(v.t("page-verify-title")),
            text: None,
            confirm: false,
            action: "/verify-email",
            button: v.t("page-verify-button"),
            resend: false,
            resend_token: token.to_owned(),
            resend_next: next.to_owned(),
            links: Vec::new(),
        }
    }
}

/// A link's token and where it leads back to (`?token=&next=`).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LinkQuery {
    token: String,
    next: Option<String>,
}

/// The local address a link leads back to, or nothing (the home page is no destination).
fn next_of(v: &Visitor, next: Option<&str>) -> String {
    match v.safe_next(next.filter(|n| !n.is_empty())) {
        home if home == "/" => String::new(),
        local => local,
    }
}

/// `GET /verify-email?token=&next=`: the button that confirms the address.
#[utoipa::path(
    get,
    path = "/verify-email",
    tag = "pages",
    summary = "Confirm an address (page)",
    params(
        ("token" = Option<String>, Query, description = "The token from the mail"),
        ("next" = Option<String>, Query, description = "Where to go once confirmed (a local path)"),
        crate::http::schema::LangQuery
    ),
    responses(
        (status = 200, description = "A page with a button that confirms the address", body = String, content_type = "text/html")
    )
)]
pub async fn verify_form(
    query: web::Query<LinkQuery>,
    v: Visitor,
) -> Result<HttpResponse, WebError> {
    let mut page = VerifyPage::new(&v, &query.token, &next_of(&v, query.next.as_deref()));
    page.confirm = true;
    v.page(page.render())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct VerifyForm {
    token: String,
    next: String,
}

impl FormFields for VerifyForm {
    const FIELDS: &'static [(&'static str, usize)] = &[("token", 64), ("next", 2048)];
}

/// `POST /verify-email`: confirms, signs the person in, and takes them back to what they were
/// doing (`next`), or to their account.
#[utoipa::path(
    post,
    path = "/verify-email",
    tag = "pages",
    summary = "Confirm an address (form)",
    params(crate::http::schema::LangQuery),
    request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, token, next"),
    responses(
        (status = 303, description = "Confirmed and signed in: to `next`, or to my account"),
        (status = 200, description = "The link is no longer valid: a button asks for a new one", body = String, content_type = "text/html"),
        (status = "4XX", description = "The reason, as a page (e.g. 403 without this browser's CSRF token)", body = String, content_type = "text/html")
    )
)]
pub async fn verify_submit(
    state: web::Data<AppState>,
    Posted(form, v): Posted<VerifyForm>,
) -> Result<HttpResponse, WebError> {
    let next = next_of(&v, Some(&form.next));
    match accounts::verify_email_and_sign_in(&state, &form.token).await {
        Ok(cookie) => {
            let to = if next.is_empty() {
                "/me?confirmed=1".to_owned()
            } else {
                next
            };
            let mut res = HttpResponse::SeeOther();
            res.cookie(v.cookie(SESSION_COOKIE, cookie, 30))
                .insert_header((header::LOCATION, to));
            if let Some(l) = v.remember_lang {
                res.cookie(v.cookie(LANG_COOKIE, l.as_str().to_owned(), 365));
            }
            Ok(res.finish())
        }
        Err(UseCaseError::InvalidToken) => {
            let mut page = VerifyPage::new(&v, &form.token, &next);
            page.text = Some(v.t("web-verify-link-used"));
            page.resend = true;
            page.links = login_link(&v, &next);
            v.page(page.render())
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ResendForm {
    token: String,
    next: String,
}

impl FormFields for ResendForm {
    const FIELDS: &'static [(&'static str, usize)] = &[("token", 64), ("next", 2048)];
}

/// `POST /verify-email/resend`: a new confirmation link, to the signed-in person's address, or
/// to the address an old link was sent to (`token`); the same answer whatever the account.
#[utoipa::path(
    post,
    path = "/verify-email/resend",
    tag = "pages",
    summary = "Send the confirmation link again (form)",
    params(crate::http::schema::LangQuery),
    request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, token (of a used or expired link; else the signed-in person's address), next"),
    responses(
        (status = 200, description = "A new link is on its way (when the address still awaits confirmation)", body = String, content_type = "text/html"),
        (status = 303, description = "To the login page first (neither signed in nor a link)"),
        (status = "4XX", description = "The reason, as a page (e.g. 429 asked too often)", body = String, content_type = "text/html")
    )
)]
pub async fn resend(
    state: web::Data<AppState>,
    Posted(form, v): Posted<ResendForm>,
) -> Result<HttpResponse, WebError> {
    let next = next_of(&v, Some(&form.next));
    let link = Some(form.token.as_str()).filter(|t| !t.is_empty());
    if link.is_none() && !v.logged_in() {
        return Err(WebError::login_first(&v.safe_next(Some(&next))));
    }
    let back = Some(next.clone()).filter(|n| !n.is_empty());
    accounts::resend_verification(&state, &v.caller, link, back).await?;
    let mut page = VerifyPage::new(&v, "", &next);
    page.text = Some(v.t("web-verify-resent"));
    page.links = login_link(&v, &next);
    v.page(page.render())
}

/// The way to log in (and back to `next`), for a visitor who is not signed in.
fn login_link(v: &Visitor, next: &str) -> Vec<(String, String)> {
    if v.logged_in() {
        return Vec::new();
    }
    let to = match next {
        "" => "/login".to_owned(),
        next => format!("/login?next={}", crate::web::percent_encode(next)),
    };
    vec![(to, v.t("web-login"))]
}

/// The "confirm your address first" page, with the button that sends the link again, leading
/// back to the page the refused form sits on (`web::error`, when a contribution is refused).
pub(crate) fn unverified_page(l: &Layout, detail: String) -> String {
    VerifyPage {
        l: l.clone(),
        text: Some(detail),
        confirm: false,
        action: "/verify-email",
        button: String::new(),
        resend: l.user.is_some(),
        resend_token: String::new(),
        resend_next: page_of_form(&l.path),
        links: Vec::new(),
    }
    .render()
    .unwrap_or_default()
}

/// `GET /confirm-email?token=`: the button that makes a new address the account's.
#[utoipa::path(
    get,
    path = "/confirm-email",
    tag = "pages",
    summary = "Confirm a new address (page)",
    params(
        ("token" = Option<String>, Query, description = "The token from the mail sent to the new address"),
        crate::http::schema::LangQuery
    ),
    responses(
        (status = 200, description = "A page with a button that confirms the new address", body = String, content_type = "text/html")
    )
)]
pub async fn email_change_form(
    query: web::Query<LinkQuery>,
    v: Visitor,
) -> Result<HttpResponse, WebError> {
    let mut page = VerifyPage::new(&v, &query.token, "");
    page.l.title = v.t("page-email-change-title");
    page.confirm = true;
    page.action = "/confirm-email";
    page.button = v.t("page-email-change-button");
    v.page(page.render())
}

/// `POST /confirm-email`: the account uses the new address from now on.
#[utoipa::path(
    post,
    path = "/confirm-email",
    tag = "pages",
    summary = "Confirm a new address (form)",
    params(crate::http::schema::LangQuery),
    request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, token"),
    responses(
        (status = 200, description = "Changed; or the link is no longer valid", body = String, content_type = "text/html"),
        (status = "4XX", description = "The reason, as a page (e.g. 403 without this browser's CSRF token)", body = String, content_type = "text/html")
    )
)]
pub async fn email_change_submit(
    state: web::Data<AppState>,
    Posted(form, v): Posted<VerifyForm>,
) -> Result<HttpResponse, WebError> {
    let text = match accounts::confirm_email_change(&state, &form.token).await {
        Ok(()) => v.t("page-email-change-done"),
        Err(UseCaseError::InvalidToken) => v.t("web-email-change-link-used"),
        Err(e) => return Err(e.into()),
    };
    let mut page = VerifyPage::new(&v, "", "");
    page.l.title = v.t("page-email-change-title");
    page.text = Some(text);
    page.links = if v.logged_in() {
        vec![("/me".to_owned(), v.t("web-my-account"))]
    } else {
        login_link(&v, "/me")
    };
    v.page(page.render())
}

fn reset_page(v: &Visitor, token: &str, error: Option<String>) -> Result<HttpResponse, WebError> {
    let mut password = field(
        v,
        "password",
        "page-reset-label",
        "password",
        "new-password",
    );
    password.hint = Some(v.t("field-password"));
    password.minlength = 10;
    password.error.clone_from(&error);
    let page = FormPage {
        l: v.layout(v.t("page-reset-title")),
        error,
        notice: None,
        action: "/reset-password",
        next: String::new(),
        hidden: vec![("token", token.to_owned())],
        fields: vec![password],
        submit: v.t("page-reset-button"),
        links: vec![("/forgot".into(), v.t("web-forgot"))],
    };
    v.page(page.render())
}

/// `GET /reset-password?token=`: the form to choose a new password.
#[utoipa::path(
    get,
    path = "/reset-password",
    tag = "pages",
    summary = "Choose a new password (page)",
    params(
        ("token" = Option<String>, Query, description = "The token from the mail"),
        crate::http::schema::LangQuery
    ),
    responses(
        (status = 200, description = "A form to choose a new password", body = String, content_type = "text/html")
    )
)]
pub async fn reset_form(
    query: web::Query<LinkQuery>,
    v: Visitor,
) -> Result<HttpResponse, WebError> {
    reset_page(&v, &query.token, None)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ResetForm {
    token: String,
    password: String,
}

impl FormFields for ResetForm {
    const FIELDS: &'static [(&'static str, usize)] = &[("token", 64), ("password", 128)];
}

/// `POST /reset-password`: the new password; every session ends.
#[utoipa::path(
    post,
    path = "/reset-password",
    tag = "pages",
    summary = "Choose a new password (form)",
    params(crate::http::schema::LangQuery),
    request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, token, password"),
    responses(
        (status = 200, description = "Changed; or the form again with the reason; or the link is no longer valid", body = String, content_type = "text/html"),
        (status = "4XX", description = "The reason, as a page (e.g. 403 without this browser's CSRF token)", body = String, content_type = "text/html")
    )
)]
pub async fn reset_submit(
    state: web::Data<AppState>,
    Posted(form, v): Posted<ResetForm>,
) -> Result<HttpResponse, WebError> {
    match accounts::confirm_password_reset(&state, &form.token, &form.password).await {
        Ok(()) => v.message(v.t("page-reset-title"), v.t("page-reset-done")),
        Err(UseCaseError::InvalidToken) => {
            let mut page = VerifyPage::new(&v, "", "");
            page.l.title = v.t("page-reset-title");
            page.text = Some(v.t("web-reset-link-used"));
            page.links = vec![("/forgot".to_owned(), v.t("web-forgot"))];
            v.page(page.render())
        }
        Err(UseCaseError::Invalid(_)) => reset_page(&v, &form.token, Some(v.t("field-password"))),
        Err(e) => Err(e.into()),
    }
}

/// The page a form sits on, from the form's address: `/issues/3/replies` → `/issues/3`,
/// `/petitions/2/sign` → `/petitions/2`; a page's own address otherwise.
fn page_of_form(path: &str) -> String {
    let path = path.split('?').next().unwrap_or_default();
    let page = match path.rsplit_once('/') {
        Some((page, "replies" | "support" | "follow" | "sign" | "withdraw" | "flag")) => page,
        _ => path,
    };
    if page.is_empty() || page == "/" {
        String::new()
    } else {
        page.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::page_of_form;

    #[test]
    fn a_refused_form_leads_back_to_its_page() {
        assert_eq!(page_of_form("/issues/3/replies"), "/issues/3");
        assert_eq!(page_of_form("/petitions/2/sign?lang=fr"), "/petitions/2");
        assert_eq!(
            page_of_form("/communes/sefrou/report"),
            "/communes/sefrou/report"
        );
        assert_eq!(page_of_form("/"), "");
    }
}
