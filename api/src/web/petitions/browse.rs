//! The petitions, newest first, by commune and status.

use crate::context::AppState;
use crate::i18n::text;
use crate::usecases::petitions;
use crate::web::labels::{commune_name, commune_names, petition_status_label};
use crate::web::{Layout, Visitor, WebError, percent_encode};
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;
use tawasol_domain::PageLimit;
use tawasol_domain::petition::PetitionStatus;

#[derive(Debug)]
struct ListItem {
    id: i64,
    title: String,
    status_label: String,
    commune_name: String,
    progress: String,
    overdue: bool,
}

#[derive(Template)]
#[template(path = "petitions.html")]
struct ListPage {
    l: Layout,
    communes: Vec<(String, String, bool)>,
    statuses: Vec<(String, String, bool)>,
    items: Vec<ListItem>,
    new_href: Option<String>,
    next_page: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct ListQuery {
    commune: Option<String>,
    status: Option<String>,
    page: Option<String>,
}

/// `GET /petitions`: petitions newest first, by commune and status.
#[utoipa::path(
    get,
    path = "/petitions",
    tag = "pages",
    summary = "Petitions (page)",
    params(
        ("commune" = Option<String>, Query, description = "Commune slug"),
        ("status" = Option<String>, Query, description = "A petition status"),
        ("page" = Option<String>, Query, description = "The next page's cursor")
    ),
    responses(
        (status = 200, description = "The page", body = String, content_type = "text/html"),
        (status = "4XX", description = "The reason, as a page", body = String, content_type = "text/html")
    )
)]
pub async fn list(
    state: web::Data<AppState>,
    v: Visitor,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, WebError> {
    let l = v.locale;
    let pick = |s: &Option<String>| s.clone().filter(|s| !s.is_empty());
    let commune = pick(&query.commune);
    let status = pick(&query.status).filter(|s| PetitionStatus::parse(s).is_some());
    let after = query.page.as_deref().and_then(|p| p.parse::<i64>().ok());
    let names = commune_names(&state, l).await?;
    let page = petitions::list(
        &state,
        &v.caller,
        petitions::PetitionQuery {
            commune: commune.clone(),
            status: status.clone(),
            agent_is_me: false,
        },
        after,
        PageLimit::DEFAULT,
    )
    .await?;
    let items = page
        .items
        .into_iter()
        .map(|p| ListItem {
            id: p.id,
            status_label: petition_status_label(l, &p.status),
            commune_name: commune_name(&names, &p.commune),
            progress: super::progress(l, &p),
            overdue: p.overdue,
            title: p.title,
        })
        .collect();
    let next_page = page.next.map(|id| {
        let mut href = format!("/petitions?page={id}");
        for (k, val) in [("commune", &commune), ("status", &status)] {
            if let Some(val) = val {
                href.push_str(&format!("&{k}={}", percent_encode(val)));
            }
        }
        href
    });
    let statuses = PetitionStatus::ALL
        .iter()
        .filter(|s| **s != PetitionStatus::Draft)
        .map(|s| {
            (
                s.as_str().to_owned(),
                petition_status_label(l, s.as_str()),
                status.as_deref() == Some(s.as_str()),
            )
        })
        .collect();
    let page = ListPage {
        l: v.layout(text(l, "web-petitions")),
        communes: names
            .iter()
            .map(|(slug, name, _)| (slug.clone(), name.clone(), commune.as_deref() == Some(slug)))
            .collect(),
        statuses,
        items,
        new_href: commune.map(|c| format!("/communes/{c}/petitions/new")),
        next_page,
    };
    v.page(page.render())
}
