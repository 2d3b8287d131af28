//! The officials' desk: their queue (new, overdue, waiting for them) and their commune's
//! petitions with their deadlines.

use super::labels::petition_status_label;
use super::{Layout, SignedIn, WebError};
use crate::context::AppState;
use crate::i18n::{Message, text};
use crate::usecases::{digests, petitions};
use actix_web::{HttpResponse, web};
use askama::Template;
use tawasol_domain::PageLimit;

#[derive(Debug)]
struct DeskLine {
    id: i64,
    title: String,
    when: String,
}

#[derive(Debug)]
struct DeskPetition {
    id: i64,
    title: String,
    status_label: String,
    deadline: Option<String>,
    days_left: Option<String>,
    overdue: bool,
}

#[derive(Template)]
#[template(path = "desk.html")]
struct DeskPage {
    l: Layout,
    commune_slug: String,
    /// New, overdue, waiting: the heading's key, the issues, whether they are late.
    sections: Vec<(&'static str, Vec<DeskLine>, bool)>,
    petitions: Vec<DeskPetition>,
}

/// `GET /desk`: the official's queue (new, overdue, waiting for them) and their commune's
/// petitions with their deadlines.
#[utoipa::path(
    get,
    path = "/desk",
    tag = "pages",
    summary = "An official's desk",
    responses(
        (status = 200, description = "The desk", body = String, content_type = "text/html"),
        (status = 303, description = "To the login page first"),
        (status = 403, description = "Not an official", body = String, content_type = "text/html")
    )
)]
pub async fn desk(state: web::Data<AppState>, v: SignedIn) -> Result<HttpResponse, WebError> {
    let l = v.locale;
    let queue = digests::desk(&state, &v.caller).await?;
    let reported = |at| {
        Message::new("web-reported-on")
            .arg("at", crate::i18n::local_time(l, at))
            .render(l)
    };
    let new: Vec<DeskLine> = queue
        .new
        .into_iter()
        .map(|i| DeskLine {
            id: i.id,
            when: reported(i.at),
            title: i.title,
        })
        .collect();
    let overdue: Vec<DeskLine> = queue
        .overdue
        .into_iter()
        .map(|i| DeskLine {
            id: i.id,
            when: format!(
                "{} · {}",
                reported(i.at),
                Message::new("web-days-overdue")
                    .arg("count", i.days_overdue.unwrap_or(0))
                    .render(l)
            ),
            title: i.title,
        })
        .collect();
    let waiting: Vec<DeskLine> = queue
        .waiting
        .into_iter()
        .map(|i| DeskLine {
            id: i.id,
            when: Message::new("web-replied-on")
                .arg("at", crate::i18n::local_time(l, i.at))
                .render(l),
            title: i.title,
        })
        .collect();
    let list = petitions::list(
        &state,
        &v.caller,
        petitions::PetitionQuery {
            commune: Some(queue.commune.clone()),
            ..petitions::PetitionQuery::default()
        },
        None,
        PageLimit::parse(Some(50)).unwrap_or(PageLimit::DEFAULT),
    )
    .await?;
    let petitions = list
        .items
        .into_iter()
        .map(|p| DeskPetition {
            id: p.id,
            status_label: petition_status_label(l, &p.status),
            deadline: p.refusal_deadline.map(|d| {
                Message::new("web-refusal-deadline")
                    .arg("date", crate::i18n::Arg::day(&d))
                    .render(l)
            }),
            days_left: p
                .days_left
                .filter(|d| *d >= 0)
                .map(|d| Message::new("web-days-left").arg("count", d).render(l)),
            overdue: p.overdue,
            title: p.title,
        })
        .collect();
    let page = DeskPage {
        l: v.layout(text(l, "web-desk-title")),
        commune_slug: queue.commune,
        sections: vec![
            ("web-desk-new", new, false),
            ("web-desk-overdue", overdue, true),
            ("web-desk-waiting", waiting, false),
        ],
        petitions,
    };
    v.page(page.render())
}
