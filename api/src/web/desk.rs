//! The officials' desk, a working inbox: their scope's open issues in groups (new, overdue,
//! waiting for them, planned, all) with their counts, narrowed by category and arrondissement,
//! sorted, a page at a time (a GET form and links: no JavaScript needed); and their commune's
//! petitions with their deadlines.

use super::labels::petition_status_label;
use super::{Layout, SignedIn, WebError};
use crate::context::AppState;
use crate::i18n::{Message, text};
use crate::usecases::desk::{DeskGroup, DeskQuery, DeskSort};
use crate::usecases::{communes, desk, petitions};
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;
use tawasol_domain::PageLimit;

#[derive(Debug)]
struct DeskLine {
    id: i64,
    title: String,
    /// The category's and arrondissement's names.
    place: String,
    /// How old, and when due (or how late), in words.
    age: String,
    due: Option<String>,
    late: bool,
    supports: String,
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

/// A tab: its link, its label, how many it holds, whether it is shown.
#[derive(Debug)]
struct Tab {
    href: String,
    label: String,
    count: i64,
    current: bool,
}

#[derive(Template)]
#[template(path = "desk.html")]
struct DeskPage {
    l: Layout,
    commune_slug: String,
    tabs: Vec<Tab>,
    group: &'static str,
    group_label: String,
    /// Code or slug, name, chosen.
    categories: Vec<(String, String, bool)>,
    arrondissements: Vec<(String, String, bool)>,
    sorts: Vec<(&'static str, String, bool)>,
    lines: Vec<DeskLine>,
    next: Option<String>,
    first: Option<String>,
    petitions: Vec<DeskPetition>,
}

/// The desk's query string, as its form and links write it.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DeskParams {
    group: Option<String>,
    category: Option<String>,
    arrondissement: Option<String>,
    sort: Option<String>,
    after: Option<String>,
}

fn group_key(g: DeskGroup) -> &'static str {
    match g {
        DeskGroup::New => "web-desk-new",
        DeskGroup::Overdue => "web-desk-overdue",
        DeskGroup::Waiting => "web-desk-waiting",
        DeskGroup::Planned => "web-desk-planned",
        DeskGroup::All => "web-desk-all",
    }
}

fn sort_key(s: DeskSort) -> &'static str {
    match s {
        DeskSort::Oldest => "web-desk-sort-oldest",
        DeskSort::Newest => "web-desk-sort-newest",
        DeskSort::MostSupported => "web-desk-sort-supported",
        DeskSort::Due => "web-desk-sort-due",
    }
}

/// The desk's address for a group, the narrowing, an order and a page.
fn href(
    group: DeskGroup,
    category: Option<&str>,
    arrondissement: Option<&str>,
    sort: DeskSort,
    after: Option<&str>,
) -> String {
    let mut q = vec![format!("group={}", group.as_str())];
    if let Some(c) = category {
        q.push(format!("category={c}"));
    }
    if let Some(a) = arrondissement {
        q.push(format!("arrondissement={a}"));
    }
    q.push(format!("sort={}", sort.as_str()));
    if let Some(a) = after {
        q.push(format!("after={a}"));
    }
    format!("/desk?{}", q.join("&"))
}

/// `GET /desk`: the official's inbox (groups with their counts, filters, orders, pages) and
/// their commune's petitions with their deadlines.
#[utoipa::path(
    get,
    path = "/desk",
    tag = "pages",
    summary = "An official's desk",
    params(
        ("group" = Option<String>, Query, description = "new, overdue, waiting, planned or all (the default)"),
        ("category" = Option<String>, Query, description = "A category's code, within the official's scope"),
        ("arrondissement" = Option<String>, Query, description = "An arrondissement's slug, within the official's scope"),
        ("sort" = Option<String>, Query, description = "oldest (the default), newest, most_supported or due"),
        ("after" = Option<String>, Query, description = "The cursor of the previous page's next link")
    ),
    responses(
        (status = 200, description = "The desk", body = String, content_type = "text/html"),
        (status = 303, description = "To the login page first"),
        (status = 403, description = "Not an official", body = String, content_type = "text/html")
    )
)]
pub async fn desk(
    state: web::Data<AppState>,
    v: SignedIn,
    params: web::Query<DeskParams>,
) -> Result<HttpResponse, WebError> {
    let l = v.locale;
    let p = params.into_inner();
    let blank = |s: Option<String>| s.filter(|s| !s.is_empty());
    let query = DeskQuery {
        group: p
            .group
            .as_deref()
            .and_then(DeskGroup::parse)
            .unwrap_or_default(),
        sort: p
            .sort
            .as_deref()
            .and_then(DeskSort::parse)
            .unwrap_or_default(),
        category: blank(p.category),
        arrondissement: blank(p.arrondissement),
        after: blank(p.after),
    };
    let (group, sort, paged) = (query.group, query.sort, query.after.is_some());
    let queue = desk::desk(&state, &v.caller, query).await?;
    let found = communes::show(&state.db, &queue.commune).await?;
    let category_name = |code: &str| {
        found
            .categories
            .iter()
            .find(|c| c.code.as_str() == code)
            .map_or_else(|| code.to_owned(), |c| c.names.get(l).to_owned())
    };
    let arrondissement_name = |slug: &str| {
        found
            .commune
            .arrondissements
            .iter()
            .find(|a| a.slug.as_str() == slug)
            .map_or_else(|| slug.to_owned(), |a| a.names.get(l).to_owned())
    };
    let (cat, arr) = (queue.category.as_deref(), queue.arrondissement.as_deref());
    let lines = queue
        .items
        .iter()
        .map(|i| {
            let mut place = category_name(&i.category);
            if let Some(a) = &i.arrondissement {
                place = format!("{place} · {}", arrondissement_name(a));
            }
            let (due, late) = match (i.planned_for, i.answer_due_in_days) {
                (Some(day), _) => (
                    Some(crate::i18n::status_words(
                        l,
                        "planned",
                        Some(day),
                        None,
                        None,
                    )),
                    false,
                ),
                (None, Some(d)) if d < 0 => (
                    Some(Message::new("web-days-overdue").arg("count", -d).render(l)),
                    true,
                ),
                (None, Some(d)) => (
                    Some(Message::new("web-desk-due-in").arg("count", d).render(l)),
                    false,
                ),
                (None, None) => (None, false),
            };
            DeskLine {
                id: i.id,
                title: i.title.clone(),
                place,
                age: Message::new("web-desk-age")
                    .arg("count", i.age_days)
                    .render(l),
                due,
                late,
                supports: Message::new("web-supports")
                    .arg("count", i64::from(i.support_count))
                    .render(l),
            }
        })
        .collect();
    let tabs = DeskGroup::ALL
        .into_iter()
        .map(|g| Tab {
            href: href(g, cat, arr, sort, None),
            label: text(l, group_key(g)),
            count: queue.counts.of(g),
            current: g == group,
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
        tabs,
        group: group.as_str(),
        group_label: text(l, group_key(group)),
        categories: queue
            .categories
            .iter()
            .map(|c| (c.clone(), category_name(c), Some(c.as_str()) == cat))
            .collect(),
        arrondissements: queue
            .arrondissements
            .iter()
            .map(|a| (a.clone(), arrondissement_name(a), Some(a.as_str()) == arr))
            .collect(),
        sorts: DeskSort::ALL
            .into_iter()
            .map(|s| (s.as_str(), text(l, sort_key(s)), s == sort))
            .collect(),
        lines,
        next: queue
            .next
            .as_deref()
            .map(|n| href(group, cat, arr, sort, Some(n))),
        first: paged.then(|| href(group, cat, arr, sort, None)),
        commune_slug: queue.commune,
        petitions,
    };
    v.page(page.render())
}
