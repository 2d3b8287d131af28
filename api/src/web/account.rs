//! Signing up, logging in and out from a browser (the same use-cases as the REST API).

use super::{FormFields, Layout, SESSION_COOKIE, Visitor, WebError, WebForm};
use crate::context::AppState;
use crate::i18n::text;
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
    login_page(&v, &v.safe_next(query.next.as_deref()), "", None)
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

impl FormFields for LoginForm {
    const FIELDS: &'static [(&'static str, usize)] =
        &[("email", 254), ("password", 128), ("next", 2048)];
}

/// `POST /login`: a session cookie, then back where the person was going.
#[utoipa::path(post, path = "/login", tag = "pages", summary = "Log in (form)", request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, email, password, next"), responses((status = 303, description = "Logged in: to `next`"), (status = 200, description = "The form again, with the reason", body = String, content_type = "text/html"), (status = "4XX", description = "The reason, as a page (e.g. 403 without this browser's CSRF token)", body = String, content_type = "text/html")))]
pub async fn login(
    state: web::Data<AppState>,
    v: Visitor,
    form: WebForm<LoginForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.accept(&v)?;
    v.check_csrf(&form.csrf)?;
    let next = v.safe_next(Some(&form.next));
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

impl FormFields for CsrfForm {
    const FIELDS: &'static [(&'static str, usize)] = &[];
}

/// `POST /logout`: ends this browser's session.
#[utoipa::path(post, path = "/logout", tag = "pages", summary = "Log out (form)", request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf"), responses((status = 303, description = "Logged out: to the home page"), (status = "4XX", description = "The reason, as a page (e.g. 403 without this browser's CSRF token)", body = String, content_type = "text/html")))]
pub async fn logout(
    state: web::Data<AppState>,
    v: Visitor,
    form: WebForm<CsrfForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.accept(&v)?;
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

impl FormFields for SignupForm {
    const FIELDS: &'static [(&'static str, usize)] = &[
        ("display_name", 120),
        ("email", 254),
        ("password", 128),
        ("locale", 8),
    ];
}

/// `POST /signup`: the account is created and a confirmation link mailed (the same answer
/// whether or not the address already had an account).
#[utoipa::path(post, path = "/signup", tag = "pages", summary = "Sign up (form)", request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, display_name, email, password, locale"), responses((status = 200, description = "Check your mail; or the form again with what to correct", body = String, content_type = "text/html"), (status = "4XX", description = "The reason, as a page (e.g. 403 without this browser's CSRF token)", body = String, content_type = "text/html")))]
pub async fn signup(
    state: web::Data<AppState>,
    v: Visitor,
    form: WebForm<SignupForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.accept(&v)?;
    v.check_csrf(&form.csrf)?;
    let f = form;
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

// ---- my account ----

type Rows = Vec<(i64, String, String)>;

#[derive(Template)]
#[template(path = "me.html")]
struct MePage {
    l: Layout,
    notice: Option<String>,
    name: String,
    email: String,
    mine: Rows,
    followed: Rows,
    petitions: Rows,
    issue_updates: bool,
    all_replies: bool,
    petition_updates: bool,
    official: bool,
    official_value: String,
    official_options: Vec<(String, String, bool)>,
}

#[derive(Debug, Deserialize)]
pub struct NoticeQuery {
    saved: Option<String>,
}

/// `GET /me`: my issues, follows and petitions; what mails I get; my data.
#[utoipa::path(get, path = "/me", tag = "pages", summary = "My account (page)", responses((status = 200, description = "The page", body = String, content_type = "text/html"), (status = 303, description = "To the login page first")))]
pub async fn me(
    state: web::Data<AppState>,
    v: Visitor,
    query: web::Query<NoticeQuery>,
) -> Result<HttpResponse, WebError> {
    use crate::usecases::{issues, notifications, petitions};
    use tawasol_domain::PageLimit;
    if let Some(go) = v.login_first("/me") {
        return Ok(go);
    }
    let l = v.locale;
    let account = accounts::me(&state, &v.caller)
        .await
        .map_err(|e| v.fail(e))?;
    let status = |s: &str| super::pages::status_label(l, s);
    let list = |author: bool| issues::IssueQuery {
        author_is_me: author,
        followed_by_me: !author,
        ..issues::IssueQuery::default()
    };
    let limit = PageLimit::parse(Some(50)).unwrap_or(PageLimit::DEFAULT);
    let mut rows = Vec::new();
    for author in [true, false] {
        let page = issues::list(&state, &v.caller, list(author), None, limit)
            .await
            .map_err(|e| v.fail(e))?;
        rows.push(
            page.items
                .into_iter()
                .map(|i| (i.id, i.title, status(&i.status)))
                .collect::<Rows>(),
        );
    }
    let followed = rows.pop().unwrap_or_default();
    let mine = rows.pop().unwrap_or_default();
    let petitions = petitions::list(
        &state,
        &v.caller,
        petitions::PetitionQuery {
            agent_is_me: true,
            ..petitions::PetitionQuery::default()
        },
        None,
        limit,
    )
    .await
    .map_err(|e| v.fail(e))?
    .items
    .into_iter()
    .map(|p| {
        let label = super::pages::petition_status_label(l, &p.status);
        (p.id, p.title, label)
    })
    .collect();
    let prefs = notifications::get(&state, &v.caller)
        .await
        .map_err(|e| v.fail(e))?;
    let official = account.roles.official.is_some();
    let official_options = ["immediate", "daily", "off"]
        .into_iter()
        .map(|o| {
            (
                o.to_owned(),
                text(l, &format!("web-pref-official-{o}")),
                prefs.official_new_issues == o,
            )
        })
        .collect();
    let page = MePage {
        l: v.layout(v.t("web-my-account")),
        notice: query.saved.as_ref().map(|_| v.t("web-saved")),
        name: account.display_name,
        email: account.email.unwrap_or_default(),
        mine,
        followed,
        petitions,
        issue_updates: prefs.issue_updates,
        all_replies: prefs.all_replies,
        petition_updates: prefs.petition_updates,
        official,
        official_value: prefs.official_new_issues,
        official_options,
    };
    v.page(page.render())
}

#[derive(Debug, Deserialize)]
pub struct PrefsForm {
    #[serde(rename = "_csrf", default)]
    csrf: String,
    issue_updates: Option<String>,
    all_replies: Option<String>,
    petition_updates: Option<String>,
    #[serde(default)]
    official_new_issues: String,
}

impl FormFields for PrefsForm {
    const FIELDS: &'static [(&'static str, usize)] = &[
        ("issue_updates", 8),
        ("all_replies", 8),
        ("petition_updates", 8),
        ("official_new_issues", 16),
    ];
}

/// `POST /me/notifications`: what mails I get (unchecked boxes are off).
#[utoipa::path(post, path = "/me/notifications", tag = "pages", summary = "Choose what mails I get (form)", request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, issue_updates, all_replies, petition_updates (on when checked), official_new_issues"), responses((status = 303, description = "Back to my account"), (status = "4XX", description = "The reason, as a page", body = String, content_type = "text/html")))]
pub async fn set_notifications(
    state: web::Data<AppState>,
    v: Visitor,
    form: WebForm<PrefsForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.accept(&v)?;
    use crate::usecases::notifications::{self, NotificationSettings};
    v.check_csrf(&form.csrf)?;
    if let Some(go) = v.login_first("/me") {
        return Ok(go);
    }
    let settings = NotificationSettings {
        issue_updates: form.issue_updates.is_some(),
        all_replies: form.all_replies.is_some(),
        petition_updates: form.petition_updates.is_some(),
        official_new_issues: if form.official_new_issues.is_empty() {
            "immediate".to_owned()
        } else {
            form.official_new_issues.clone()
        },
    };
    notifications::put(&state, &v.caller, settings)
        .await
        .map_err(|e| v.fail(e))?;
    Ok(v.redirect("/me?saved=1#notifications"))
}

/// `GET /me/export`: everything kept about me, as a JSON file (Law 09-08 right of access).
#[utoipa::path(get, path = "/me/export", tag = "pages", summary = "Download my data", responses((status = 200, description = "My data", body = accounts::Export), (status = 303, description = "To the login page first")))]
pub async fn export(state: web::Data<AppState>, v: Visitor) -> Result<HttpResponse, WebError> {
    if let Some(go) = v.login_first("/me") {
        return Ok(go);
    }
    let data = accounts::export(&state, &v.caller)
        .await
        .map_err(|e| v.fail(e))?;
    Ok(HttpResponse::Ok()
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            "attachment; filename=\"tawasol-my-data.json\"",
        ))
        .json(data))
}

#[derive(Debug, Deserialize)]
pub struct DeleteForm {
    #[serde(rename = "_csrf", default)]
    csrf: String,
    #[serde(default)]
    confirm: String,
}

impl FormFields for DeleteForm {
    const FIELDS: &'static [(&'static str, usize)] = &[("confirm", 8)];
}

/// `POST /me/delete`: erases my account (public contributions stay, unsigned) and logs out.
#[utoipa::path(post, path = "/me/delete", tag = "pages", summary = "Erase my account (form)", request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, confirm=yes"), responses((status = 200, description = "Erased", body = String, content_type = "text/html"), (status = 303, description = "Back to my account when not confirmed"), (status = "4XX", description = "The reason, as a page", body = String, content_type = "text/html")))]
pub async fn delete(
    state: web::Data<AppState>,
    v: Visitor,
    form: WebForm<DeleteForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.accept(&v)?;
    v.check_csrf(&form.csrf)?;
    if let Some(go) = v.login_first("/me") {
        return Ok(go);
    }
    if form.confirm != "yes" {
        return Ok(v.redirect("/me"));
    }
    accounts::delete_me(&state, &v.caller)
        .await
        .map_err(|e| v.fail(e))?;
    let mut gone = Cookie::build(SESSION_COOKIE, "").path("/").finish();
    gone.make_removal();
    let mut res = v.message(v.t("web-deleted-title"), v.t("web-deleted"))?;
    let _ = res.add_cookie(&gone);
    Ok(res)
}

/// `GET /forgot`: asks for the address to send a reset link to.
#[utoipa::path(get, path = "/forgot", tag = "pages", summary = "Forgotten password (page)", responses((status = 200, description = "The form", body = String, content_type = "text/html")))]
pub async fn forgot_form(v: Visitor) -> Result<HttpResponse, WebError> {
    let page = FormPage {
        l: v.layout(v.t("web-forgot")),
        error: None,
        notice: None,
        action: "/forgot",
        next: String::new(),
        fields: vec![field(&v, "email", "web-email", "email", "email")],
        submit: v.t("web-send"),
        links: vec![("/login".into(), v.t("web-login"))],
    };
    v.page(page.render())
}

#[derive(Debug, Deserialize)]
pub struct ForgotForm {
    #[serde(rename = "_csrf", default)]
    csrf: String,
    #[serde(default)]
    email: String,
}

impl FormFields for ForgotForm {
    const FIELDS: &'static [(&'static str, usize)] = &[("email", 254)];
}

/// `POST /forgot`: mails a single-use link (the same answer whether or not there is an account).
#[utoipa::path(post, path = "/forgot", tag = "pages", summary = "Forgotten password (form)", request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, email"), responses((status = 200, description = "Check your mail", body = String, content_type = "text/html"), (status = "4XX", description = "The reason, as a page", body = String, content_type = "text/html")))]
pub async fn forgot(
    state: web::Data<AppState>,
    v: Visitor,
    form: WebForm<ForgotForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.accept(&v)?;
    v.check_csrf(&form.csrf)?;
    match accounts::request_password_reset(&state, &v.caller, &form.email).await {
        Ok(()) | Err(UseCaseError::Invalid(_)) => {
            v.message(v.t("web-forgot"), v.t("detail-registration-accepted"))
        }
        Err(e) => Err(v.fail(e)),
    }
}

// ---- the watcher's view (organisations, journalists) ----

#[derive(Debug)]
struct WatchedCommune {
    slug: String,
    name: String,
    summary: String,
    categories: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "organisation.html")]
struct OrganisationPage {
    l: Layout,
    feed_url: Option<String>,
    communes: Vec<WatchedCommune>,
}

async fn organisation_page(
    state: &AppState,
    v: &Visitor,
    feed_url: Option<String>,
) -> Result<HttpResponse, WebError> {
    use crate::usecases::{communes, stats};
    use tawasol_domain::PageLimit;
    let l = v.locale;
    let list = communes::list(&state.db, None, PageLimit::DEFAULT)
        .await
        .map_err(|e| v.fail(e))?;
    let mut watched = Vec::new();
    for c in &list.items {
        let slug = c.slug.as_str().to_owned();
        let figures = stats::figures(
            state,
            stats::StatsQuery {
                commune: Some(slug.clone()),
                ..stats::StatsQuery::default()
            },
        )
        .await;
        let hours = |h: Option<f64>| h.map_or_else(|| "—".to_owned(), |h| format!("{h}"));
        let summary = match figures {
            Ok(figures) => crate::i18n::Message::new("web-figures-summary")
                .arg("total", figures.total)
                .arg("median", hours(figures.first_answer.median_hours))
                .arg("p90", hours(figures.first_answer.p90_hours))
                .arg("overdue", i64::try_from(figures.overdue.len()).unwrap_or(0))
                .render(l),
            // While many figures are being computed, the page comes without them.
            Err(UseCaseError::Busy(_)) => v.t("web-figures-busy"),
            Err(e) => return Err(v.fail(e)),
        };
        let found = communes::show(&state.db, &slug)
            .await
            .map_err(|e| v.fail(e))?;
        watched.push(WatchedCommune {
            name: c.names.get(l).to_owned(),
            summary,
            categories: found
                .categories
                .iter()
                .map(|k| (k.code.as_str().to_owned(), k.names.get(l).to_owned()))
                .collect(),
            slug,
        });
    }
    let page = OrganisationPage {
        l: v.layout(v.t("web-watch")),
        feed_url,
        communes: watched,
    };
    v.page(page.render())
}

/// `GET /organisation`: for associations and journalists who watch the communes: each commune's
/// figures, its exports and its feeds (per category), and a personal feed of what I follow.
#[utoipa::path(get, path = "/organisation", tag = "pages", summary = "Watching the communes (page)", responses((status = 200, description = "The page", body = String, content_type = "text/html"), (status = 303, description = "To the login page first")))]
pub async fn organisation(
    state: web::Data<AppState>,
    v: Visitor,
) -> Result<HttpResponse, WebError> {
    if let Some(go) = v.login_first("/organisation") {
        return Ok(go);
    }
    organisation_page(&state, &v, None).await
}

/// `POST /organisation/feed`: a new secret address for my personal feed, shown once.
#[utoipa::path(post, path = "/organisation/feed", tag = "pages", summary = "Create my personal feed address (form)", request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf"), responses((status = 200, description = "The page with the new address", body = String, content_type = "text/html"), (status = "4XX", description = "The reason, as a page", body = String, content_type = "text/html")))]
pub async fn organisation_feed(
    state: web::Data<AppState>,
    v: Visitor,
    form: WebForm<CsrfForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.accept(&v)?;
    v.check_csrf(&form.csrf)?;
    if let Some(go) = v.login_first("/organisation") {
        return Ok(go);
    }
    let url = crate::usecases::feeds::create_token(&state, &v.caller)
        .await
        .map_err(|e| v.fail(e))?;
    organisation_page(&state, &v, Some(url)).await
}
