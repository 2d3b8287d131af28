//! The watchers' page (associations, journalists, anyone): each commune's figures, its exports
//! and its feeds (per category), public like everything on it; signed in, a personal feed of
//! what I follow.

use crate::context::AppState;
use crate::usecases::{UseCaseError, communes, feeds, stats};
use crate::web::form::Empty;
use crate::web::labels::figures_summary;
use crate::web::{Layout, Posted, SignedIn, Visitor, WebError, back};
use actix_web::{HttpResponse, web};
use askama::Template;
use tawasol_domain::PageLimit;

#[derive(Debug)]
struct WatchedCommune {
    slug: String,
    name: String,
    summary: String,
    categories: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "watch.html")]
struct WatchPage {
    l: Layout,
    feed_url: Option<String>,
    communes: Vec<WatchedCommune>,
}

async fn watch_page(
    state: &AppState,
    v: &Visitor,
    feed_url: Option<String>,
) -> Result<HttpResponse, WebError> {
    let l = v.locale;
    let list = communes::list(&state.db, None, PageLimit::DEFAULT).await?;
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
        let summary = match figures {
            Ok(figures) => figures_summary(l, &figures),
            // While many figures are being computed, the page comes without them.
            Err(UseCaseError::Busy(_)) => v.t("web-figures-busy"),
            Err(e) => return Err(e.into()),
        };
        let found = communes::show(&state.db, &slug).await?;
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
    let page = WatchPage {
        l: v.layout(v.t("web-watch")),
        feed_url,
        communes: watched,
    };
    v.page(page.render())
}

/// `GET /watch`: for associations, journalists and anyone who watches the communes: each
/// commune's figures, its exports and its feeds (per category); signed in, a personal feed of
/// what I follow.
#[utoipa::path(
    get,
    path = "/watch",
    tag = "pages",
    summary = "Watching the communes (page)",
    responses((status = 200, description = "The page", body = String, content_type = "text/html"))
)]
pub async fn watch(state: web::Data<AppState>, v: Visitor) -> Result<HttpResponse, WebError> {
    watch_page(&state, &v, None).await
}

/// `POST /watch/feed`: a new secret address for my personal feed, shown once.
#[utoipa::path(
    post,
    path = "/watch/feed",
    tag = "pages",
    summary = "Create my personal feed address (form)",
    request_body(
        content = String,
        content_type = "application/x-www-form-urlencoded",
        description = "_csrf"
    ),
    responses(
        (status = 200, description = "The page with the new address", body = String, content_type = "text/html"),
        (status = "4XX", description = "The reason, as a page", body = String, content_type = "text/html")
    )
)]
pub async fn create_feed(
    state: web::Data<AppState>,
    Posted(_, v): Posted<Empty, SignedIn<back::Watch>>,
) -> Result<HttpResponse, WebError> {
    let url = feeds::create_token(&state, &v.caller).await?;
    watch_page(&state, &v, Some(url)).await
}

/// `GET /organisation`: the watchers' page's former address, which now leads to `/watch`.
#[utoipa::path(
    get,
    path = "/organisation",
    tag = "pages",
    summary = "The watchers' page's former address",
    responses((status = 308, description = "To /watch"))
)]
pub async fn moved() -> HttpResponse {
    HttpResponse::PermanentRedirect()
        .insert_header((actix_web::http::header::LOCATION, "/watch"))
        .finish()
}
