//! My account: my issues, follows and petitions; what mails I get; my data (download, erase).

use super::session_removed;
use crate::context::AppState;
use crate::i18n::text;
use crate::usecases::notifications::{self, NotificationSettings};
use crate::usecases::{accounts, issues, petitions};
use crate::web::labels::{petition_status_label, status_label};
use crate::web::{FormFields, Layout, Posted, SignedIn, WebError, back};
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
    let l = v.locale;
    let account = accounts::me(&state, &v.caller).await?;
    let status = |s: &str| status_label(l, s);
    let list = |author: bool| issues::IssueQuery {
        author_is_me: author,
        followed_by_me: !author,
        ..issues::IssueQuery::default()
    };
    let limit = PageLimit::parse(Some(50)).unwrap_or(PageLimit::DEFAULT);
    let mut rows = Vec::new();
    for author in [true, false] {
        let page = issues::list(&state, &v.caller, list(author), None, limit).await?;
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
    .await?
    .items
    .into_iter()
    .map(|p| {
        let label = petition_status_label(l, &p.status);
        (p.id, p.title, label)
    })
    .collect();
    let prefs = notifications::get(&state, &v.caller).await?;
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
        notice: match (&query.saved, &query.confirmed) {
            (Some(_), _) => Some(v.t("web-saved")),
            (None, Some(_)) => Some(v.t("web-verify-done")),
            (None, None) => None,
        },
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
