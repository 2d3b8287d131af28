//! The home page: what Tawasol is, the communes, the latest activity.

use super::labels::{commune_name, commune_names, status_label};
use super::{Layout, Visitor, WebError};
use crate::context::AppState;
use crate::i18n::{Message, text};
use crate::usecases::issues;
use actix_web::{HttpResponse, web};
use askama::Template;
use tawasol_domain::PageLimit;
use tawasol_persistence::issue::IssueSort;

#[derive(Debug)]
struct CommuneItem {
    slug: String,
    name: String,
    threshold_text: String,
}

/// An issue in a list (the home page's latest, a commune's).
#[derive(Debug)]
pub(super) struct IssueItem {
    pub id: i64,
    pub title: String,
    pub status_label: String,
    pub commune_name: String,
    pub category_label: String,
    pub support_text: String,
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    l: Layout,
    communes: Vec<CommuneItem>,
    latest: Vec<IssueItem>,
}

/// `GET /`: what Tawasol is, the communes, the latest activity.
#[utoipa::path(
    get,
    path = "/",
    tag = "pages",
    summary = "Home page",
    params(("lang" = Option<String>, Query, description = "ar, fr or zgh (else the language cookie, the account's, Accept-Language, ar)")),
    responses((status = 200, description = "The home page", body = String, content_type = "text/html"))
)]
pub async fn home(state: web::Data<AppState>, v: Visitor) -> Result<HttpResponse, WebError> {
    let l = v.locale;
    let names = commune_names(&state, l).await?;
    let query = issues::IssueQuery {
        sort: IssueSort::RecentlyUpdated,
        ..issues::IssueQuery::default()
    };
    let limit = PageLimit::parse(Some(8)).unwrap_or(PageLimit::DEFAULT);
    let recent = issues::list(&state, &v.caller, query, None, limit).await?;
    let latest = recent
        .items
        .into_iter()
        .map(|i| IssueItem {
            id: i.id,
            status_label: status_label(l, &i.status),
            commune_name: commune_name(&names, &i.commune),
            category_label: String::new(),
            support_text: String::new(),
            title: i.title,
        })
        .collect();
    let page = HomePage {
        l: v.layout(text(l, "site-name")),
        communes: names
            .iter()
            .map(|(slug, name, threshold)| CommuneItem {
                slug: slug.clone(),
                name: name.clone(),
                threshold_text: Message::new("web-threshold")
                    .arg("count", i64::from(*threshold))
                    .render(l),
            })
            .collect(),
        latest,
    };
    v.page(page.render())
}
