//! My account: my issues, follows and petitions; what mails I get; my data (download, erase).

use super::{Field, field, session_removed};
use crate::context::AppState;
use crate::i18n::text;
use crate::usecases::notifications::{self, NotificationSettings};
use crate::usecases::{Invalid, UseCaseError, accounts, issues, petitions};
use crate::web::labels::{petition_status_label, status_label};
use crate::web::{FormFields, Layout, Posted, SignedIn, Visitor, WebError, back};
use actix_web::http::header;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;
use tawasol_domain::PageLimit;

type Rows = Vec<(i64, String, String)>;

#[derive(Template)]
#[template(path = "me.html")]
struct MePage {
    l: Layout,
    notice: Option<String>,
    name: String,
    email: String,
    /// The address awaits confirmation: said, with the button that sends the link again.
    unverified: bool,
    mine: Rows,
    followed: Rows,
    petitions: Rows,
    issue_updates: bool,
    all_replies: bool,
    petition_updates: bool,
    official: bool,
    official_value: String,
    official_options: Vec<(String, String, bool)>,
    /// Changing my name, address and password: three forms.
    account_forms: Vec<AccountForm>,
    /// What to correct in them, each leading to its field (`role="alert"`).
    problems: Vec<(String, String)>,
}

/// One of the forms that change the account (`me.html`).
#[derive(Debug)]
struct AccountForm {
    action: &'static str,
    title: String,
    fields: Vec<Field>,
    submit: String,
}

/// What was posted to one of the account forms, and what was wrong with it: the form comes back
/// with what was typed (never a password) and each reason next to its field.
#[derive(Debug, Default)]
struct Typed {
    form: &'static str,
    values: Vec<(&'static str, String)>,
    invalid: Vec<Invalid>,
}

fn account_forms(
    v: &Visitor,
    name: &str,
    typed: &Typed,
) -> (Vec<AccountForm>, Vec<(String, String)>) {
    let mut problems = Vec::new();
    let mut make = |action: &'static str,
                    prefix: &'static str,
                    title: &str,
                    fields: Vec<Field>,
                    submit: &str| {
        let fields = fields
            .into_iter()
            .map(|mut f| {
                f.prefix = prefix;
                if typed.form == action {
                    if let Some((_, value)) = typed.values.iter().find(|(n, _)| *n == f.name) {
                        f.value.clone_from(value);
                    }
                    if let Some(why) = typed.invalid.iter().find(|i| i.field == f.name) {
                        let message = v.t(why.message);
                        problems.push((format!("#{}", f.id()), message.clone()));
                        f.error = Some(message);
                    }
                }
                f
            })
            .collect();
        AccountForm {
            action,
            title: v.t(title),
            fields,
            submit: v.t(submit),
        }
    };
    let mut display_name = field(v, "display_name", "web-display-name", "text", "nickname");
    display_name.value = name.to_owned();
    display_name.hint = Some(v.t("web-name-hint"));
    let mut new_email = field(v, "email", "web-email-new", "email", "email");
    new_email.hint = Some(v.t("web-email-change-hint"));
    let current = |v: &Visitor| {
        field(
            v,
            "current_password",
            "web-password-current",
            "password",
            "current-password",
        )
    };
    let mut new_password = field(
        v,
        "new_password",
        "web-password-new",
        "password",
        "new-password",
    );
    new_password.minlength = 10;
    new_password.hint = Some(v.t("web-password-change-hint"));
    let forms = vec![
        make(
            "/me/name",
            "name",
            "web-change-name",
            vec![display_name],
            "web-save",
        ),
        make(
            "/me/email",
            "email",
            "web-change-email",
            vec![new_email, current(v)],
            "web-save",
        ),
        make(
            "/me/password",
            "password",
            "web-change-password",
            vec![current(v), new_password],
            "web-save",
        ),
    ];
    (forms, problems)
}

#[derive(Debug, Deserialize)]
pub struct NoticeQuery {
    saved: Option<String>,
    confirmed: Option<String>,
}

/// `GET /me`: my issues, follows and petitions; what mails I get; my data.
#[utoipa::path(
    get,
    path = "/me",
    tag = "pages",
    summary = "My account (page)",
    responses(
        (status = 200, description = "The page", body = String, content_type = "text/html"),
        (status = 303, description = "To the login page first")
    )
)]
pub async fn me(
    state: web::Data<AppState>,
    query: web::Query<NoticeQuery>,
    v: SignedIn,
) -> Result<HttpResponse, WebError> {
    let notice = match (query.saved.as_deref(), &query.confirmed) {
        (Some("name"), _) => Some(v.t("web-name-changed")),
        (Some("email"), _) => Some(v.t("web-email-change-sent")),
        (Some("password"), _) => Some(v.t("web-password-changed")),
        (Some(_), _) => Some(v.t("web-saved")),
        (None, Some(_)) => Some(v.t("web-verify-done")),
        (None, None) => None,
    };
    me_page(&state, &v, notice, &Typed::default()).await
}

async fn me_page(
    state: &AppState,
    v: &Visitor,
    notice: Option<String>,
    typed: &Typed,
) -> Result<HttpResponse, WebError> {
    let l = v.locale;
    let account = accounts::me(state, &v.caller).await?;
    let status = |s: &str| status_label(l, s);
    let list = |author: bool| issues::IssueQuery {
        author_is_me: author,
        followed_by_me: !author,
        ..issues::IssueQuery::default()
    };
    let limit = PageLimit::parse(Some(50)).unwrap_or(PageLimit::DEFAULT);
    let mut rows = Vec::new();
    for author in [true, false] {
        let page = issues::list(state, &v.caller, list(author), None, limit).await?;
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
        state,
        &v.caller,
        petitions::PetitionQuery {
            agent_is_me: true,
            ..petitions::PetitionQuery::default()
        },
        None,
        limit,
    )
    .await?
    .items
    .into_iter()
    .map(|p| {
        let label = petition_status_label(l, &p.status);
        (p.id, p.title, label)
    })
    .collect();
    let prefs = notifications::get(state, &v.caller).await?;
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
    let (account_forms, problems) = account_forms(v, &account.display_name, typed);
    let page = MePage {
        l: v.layout(v.t("web-my-account")),
        notice,
        account_forms,
        problems,
        name: account.display_name,
        email: account.email.unwrap_or_default(),
        unverified: !account.email_verified,
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

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PrefsForm {
    issue_updates: Option<String>,
    all_replies: Option<String>,
    petition_updates: Option<String>,
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
#[utoipa::path(
    post,
    path = "/me/notifications",
    tag = "pages",
    summary = "Choose what mails I get (form)",
    request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, issue_updates, all_replies, petition_updates (on when checked), official_new_issues"),
    responses(
        (status = 303, description = "Back to my account"),
        (status = "4XX", description = "The reason, as a page", body = String, content_type = "text/html")
    )
)]
pub async fn set_notifications(
    state: web::Data<AppState>,
    Posted(form, v): Posted<PrefsForm, SignedIn<back::Me>>,
) -> Result<HttpResponse, WebError> {
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
    notifications::put(&state, &v.caller, settings).await?;
    Ok(v.redirect("/me?saved=1#notifications"))
}

/// `GET /me/export`: everything kept about me, as a JSON file (Law 09-08 right of access).
#[utoipa::path(
    get,
    path = "/me/export",
    tag = "pages",
    summary = "Download my data",
    responses(
        (status = 200, description = "My data", body = accounts::Export),
        (status = 303, description = "To the login page first")
    )
)]
pub async fn export(
    state: web::Data<AppState>,
    v: SignedIn<back::Me>,
) -> Result<HttpResponse, WebError> {
    let data = accounts::export(&state, &v.caller).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"tawasol-my-data.json\"",
        ))
        .json(data))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DeleteForm {
    confirm: String,
}

impl FormFields for DeleteForm {
    const FIELDS: &'static [(&'static str, usize)] = &[("confirm", 8)];
}

/// `POST /me/delete`: erases my account (public contributions stay, unsigned) and logs out.
#[utoipa::path(
    post,
    path = "/me/delete",
    tag = "pages",
    summary = "Erase my account (form)",
    request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, confirm=yes"),
    responses(
        (status = 200, description = "Erased", body = String, content_type = "text/html"),
        (status = 303, description = "Back to my account when not confirmed"),
        (status = "4XX", description = "The reason, as a page", body = String, content_type = "text/html")
    )
)]
pub async fn delete(
    state: web::Data<AppState>,
    Posted(form, v): Posted<DeleteForm, SignedIn<back::Me>>,
) -> Result<HttpResponse, WebError> {
    if form.confirm != "yes" {
        return Ok(v.redirect("/me"));
    }
    accounts::delete_me(&state, &v.caller).await?;
    let mut res = v.message(v.t("web-deleted-title"), v.t("web-deleted"))?;
    let _ = res.add_cookie(&session_removed());
    Ok(res)
}

/// After an account form: back to my account, saying what changed; or the page again with the
/// form as typed and each reason next to its field.
async fn after_change(
    state: &AppState,
    v: &Visitor,
    done: Result<(), UseCaseError>,
    typed: Typed,
    saved: &str,
) -> Result<HttpResponse, WebError> {
    match done {
        Ok(()) => Ok(v.redirect(&format!("/me?saved={saved}#account"))),
        Err(UseCaseError::Invalid(invalid)) => {
            me_page(state, v, None, &Typed { invalid, ..typed }).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NameForm {
    display_name: String,
}

impl FormFields for NameForm {
    const FIELDS: &'static [(&'static str, usize)] = &[("display_name", 120)];
}

/// `POST /me/name`: my public name (the personal-data check of every public text applies).
#[utoipa::path(
    post,
    path = "/me/name",
    tag = "pages",
    summary = "Change my display name (form)",
    request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, display_name"),
    responses(
        (status = 303, description = "Changed: back to my account"),
        (status = 200, description = "My account again, the form as typed with the reason next to the field", body = String, content_type = "text/html"),
        (status = "4XX", description = "The reason, as a page", body = String, content_type = "text/html")
    )
)]
pub async fn change_name(
    state: web::Data<AppState>,
    Posted(form, v): Posted<NameForm, SignedIn<back::Me>>,
) -> Result<HttpResponse, WebError> {
    let changes = accounts::AccountChanges {
        display_name: Some(form.display_name.clone()),
        locale: None,
    };
    let done = accounts::update_me(&state, &v.caller, changes)
        .await
        .map(|_| ());
    let typed = Typed {
        form: "/me/name",
        values: vec![("display_name", form.display_name)],
        invalid: Vec::new(),
    };
    after_change(&state, &v, done, typed, "name").await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EmailForm {
    email: String,
    current_password: String,
}

impl FormFields for EmailForm {
    const FIELDS: &'static [(&'static str, usize)] = &[("email", 254), ("current_password", 128)];
}

/// `POST /me/email`: a new address, used once the link mailed to it is followed; the current
/// address is told.
#[utoipa::path(
    post,
    path = "/me/email",
    tag = "pages",
    summary = "Change my address (form)",
    request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, email, current_password"),
    responses(
        (status = 303, description = "A link went to the new address: back to my account"),
        (status = 200, description = "My account again, the form as typed with the reasons next to the fields", body = String, content_type = "text/html"),
        (status = "4XX", description = "The reason, as a page (e.g. 429 asked too often)", body = String, content_type = "text/html")
    )
)]
pub async fn change_email(
    state: web::Data<AppState>,
    Posted(form, v): Posted<EmailForm, SignedIn<back::Me>>,
) -> Result<HttpResponse, WebError> {
    let done =
        accounts::request_email_change(&state, &v.caller, &form.email, &form.current_password)
            .await;
    let typed = Typed {
        form: "/me/email",
        values: vec![("email", form.email)],
        invalid: Vec::new(),
    };
    after_change(&state, &v, done, typed, "email").await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PasswordForm {
    current_password: String,
    new_password: String,
}

impl FormFields for PasswordForm {
    const FIELDS: &'static [(&'static str, usize)] =
        &[("current_password", 128), ("new_password", 128)];
}

/// `POST /me/password`: a new password; my other sessions end and I am told by mail.
#[utoipa::path(
    post,
    path = "/me/password",
    tag = "pages",
    summary = "Change my password (form)",
    request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, current_password, new_password"),
    responses(
        (status = 303, description = "Changed: back to my account"),
        (status = 200, description = "My account again, with the reasons next to the fields (passwords are not kept)", body = String, content_type = "text/html"),
        (status = "4XX", description = "The reason, as a page (e.g. 429 too many wrong passwords)", body = String, content_type = "text/html")
    )
)]
pub async fn change_password(
    state: web::Data<AppState>,
    Posted(form, v): Posted<PasswordForm, SignedIn<back::Me>>,
) -> Result<HttpResponse, WebError> {
    let done = accounts::change_password(
        &state,
        &v.caller,
        &form.current_password,
        &form.new_password,
    )
    .await;
    let typed = Typed {
        form: "/me/password",
        values: Vec::new(),
        invalid: Vec::new(),
    };
    after_change(&state, &v, done, typed, "password").await
}
