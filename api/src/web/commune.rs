//! A commune's page: its issues (filters, search, pages), its figures and its petitions.

use super::home::IssueItem;
use super::labels::{
    arrondissement_options, category_options, figures_summary, percent, petition_status_label,
    span, status_label,
};
use super::{Layout, Visitor, WebError, percent_encode};
use crate::context::AppState;
use crate::i18n::{Message, text};
use crate::usecases::{UseCaseError, communes, issues, petitions, stats};
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;
use std::fmt::Write;
use tawasol_domain::issue::IssueStatus;
use tawasol_domain::{Locale, PageLimit};

#[derive(Debug)]
struct PetitionItem {
    id: i64,
    title: String,
    status_label: String,
    progress: String,
}

#[derive(Template)]
#[template(path = "commune.html")]
struct CommunePage {
    l: Layout,
    slug: String,
    name: String,
    q: String,
    /// A search or a filter is on: an empty list says that nothing matches it.
    filtered: bool,
    statuses: Vec<(String, String, bool)>,
    categories: Vec<(String, String, bool)>,
    arrondissements: Vec<(String, String, bool)>,
    issues: Vec<IssueItem>,
    next_page: Option<String>,
    figures_summary: String,
    bars: Vec<Bar>,
    petitions: Vec<PetitionItem>,
}

#[derive(Debug, Deserialize)]
pub struct CommuneQuery {
    q: Option<String>,
    status: Option<String>,
    category: Option<String>,
    arrondissement: Option<String>,
    page: Option<String>,
}

/// One category's bar on the chart: its full name on its own line, the share answered within
/// the category's deadline drawn by a `<meter>` (no script, no inline style) and written out,
/// and what it counts in words.
#[derive(Debug, PartialEq)]
struct Bar {
    label: String,
    /// Whole percent, and as the reader's language writes it; `None` while nothing is due (no
    /// bar is drawn then).
    value: Option<(u32, String)>,
    /// "3 of 4 answered within 7 days", or that nothing is due yet.
    detail: String,
}

fn bars(locale: Locale, rows: &[(String, stats::CategoryShare)]) -> Vec<Bar> {
    rows.iter()
        .map(|(label, share)| {
            let deadline = span(locale, stats::Span::Days(i64::from(share.target_days)));
            Bar {
                label: label.clone(),
                value: share.percent().map(|p| (p, percent(locale, p))),
                detail: if share.due > 0 {
                    Message::new("web-chart-row")
                        .arg("count", share.answered_within_target)
                        .arg("due", share.due)
                        .arg("deadline", deadline)
                        .render(locale)
                } else {
                    Message::new("web-chart-row-none-due")
                        .arg("deadline", deadline)
                        .render(locale)
                },
            }
        })
        .collect()
}

/// `GET /communes/{slug}`: the commune's issues (filters, search), figures and petitions.
#[utoipa::path(
    get,
    path = "/communes/{slug}",
    tag = "pages",
    summary = "A commune's page",
    params(
        ("slug" = String, Path, description = "Commune slug"),
        ("q" = Option<String>, Query, description = "Words to search"),
        ("status" = Option<String>, Query, description = "A status, or open / closed"),
        ("category" = Option<String>, Query, description = "Category code"),
        ("arrondissement" = Option<String>, Query, description = "Arrondissement slug"),
        ("page" = Option<String>, Query, description = "The next page's cursor")
    ),
    responses(
        (status = 200, description = "The page", body = String, content_type = "text/html"),
        (status = 404, description = "No such commune", body = String, content_type = "text/html")
    )
)]
pub async fn commune(
    state: web::Data<AppState>,
    v: Visitor,
    slug: web::Path<String>,
    query: web::Query<CommuneQuery>,
) -> Result<HttpResponse, WebError> {
    let l = v.locale;
    let found = communes::show(&state.db, &slug).await?;
    let query = query.into_inner();
    let pick = |v: &Option<String>| v.clone().filter(|s| !s.is_empty());
    let status = pick(&query.status);
    let category = pick(&query.category);
    let arrondissement = pick(&query.arrondissement);
    let q = pick(&query.q);
    let filtered =
        q.is_some() || status.is_some() || category.is_some() || arrondissement.is_some();
    let filter = issues::IssueQuery {
        commune: Some(slug.to_string()),
        category: category.clone(),
        status: status.clone(),
        arrondissement: arrondissement.clone(),
        text: q.clone(),
        ..issues::IssueQuery::default()
    };
    let after = query
        .page
        .as_deref()
        .and_then(|p| p.split_once(':'))
        .and_then(|(t, id)| {
            let at = chrono::DateTime::from_timestamp_micros(t.parse().ok()?)?.naive_utc();
            Some((
                tawasol_persistence::issue::SortKey::Time(at),
                id.parse().ok()?,
            ))
        });
    let page = issues::list(&state, &v.caller, filter, after, PageLimit::DEFAULT).await?;
    let category_name = |code: &str| {
        found
            .categories
            .iter()
            .find(|c| c.code.as_str() == code)
            .map(|c| c.names.get(l).to_owned())
            .unwrap_or_else(|| code.to_owned())
    };
    let issues_list = page
        .items
        .iter()
        .map(|i| IssueItem {
            id: i.id,
            title: i.title.clone(),
            status_label: status_label(l, &i.status),
            commune_name: String::new(),
            category_label: category_name(&i.category),
            support_text: Message::new("web-supports")
                .arg("count", i64::from(i.support_count))
                .render(l),
        })
        .collect();
    let next_page = page.next.map(|(key, id)| {
        let micros = match key {
            tawasol_persistence::issue::SortKey::Time(at) => at.and_utc().timestamp_micros(),
            tawasol_persistence::issue::SortKey::Count(n) => i64::from(n),
        };
        let mut href = format!("/communes/{slug}?page={micros}:{id}");
        for (k, val) in [
            ("q", &q),
            ("status", &status),
            ("category", &category),
            ("arrondissement", &arrondissement),
        ] {
            if let Some(val) = val {
                let _ = write!(href, "&{k}={}", percent_encode(val));
            }
        }
        href
    });
    let mut statuses: Vec<(String, String, bool)> = vec![
        (
            "open".into(),
            text(l, "web-open"),
            status.as_deref() == Some("open"),
        ),
        (
            "closed".into(),
            text(l, "web-closed"),
            status.as_deref() == Some("closed"),
        ),
    ];
    statuses.extend(IssueStatus::ALL.iter().map(|s| {
        (
            s.as_str().to_owned(),
            status_label(l, s.as_str()),
            status.as_deref() == Some(s.as_str()),
        )
    }));
    let categories = category_options(l, &found, category.as_deref().unwrap_or_default());
    let arrondissements =
        arrondissement_options(l, &found, arrondissement.as_deref().unwrap_or_default());
    let figures = stats::figures(
        &state,
        stats::StatsQuery {
            commune: Some(slug.to_string()),
            ..stats::StatsQuery::default()
        },
    )
    .await;
    let per_category = stats::by_category(&state, slug.to_string()).await;
    // While many figures are being computed, the page comes without them rather than not at all.
    let (summary, bars) = match (figures, per_category) {
        (Ok(figures), Ok(per_category)) => {
            let rows: Vec<(String, stats::CategoryShare)> = per_category
                .into_iter()
                .map(|share| (category_name(&share.code), share))
                .collect();
            (figures_summary(l, &figures), bars(l, &rows))
        }
        (Err(UseCaseError::Busy(_)), _) | (_, Err(UseCaseError::Busy(_))) => {
            (v.t("web-figures-busy"), Vec::new())
        }
        (Err(e), _) | (_, Err(e)) => return Err(e.into()),
    };
    let petitions_page = petitions::list(
        &state,
        &v.caller,
        petitions::PetitionQuery {
            commune: Some(slug.to_string()),
            ..petitions::PetitionQuery::default()
        },
        None,
        PageLimit::parse(Some(5)).unwrap_or(PageLimit::DEFAULT),
    )
    .await?;
    let petitions = petitions_page
        .items
        .into_iter()
        .map(|p| PetitionItem {
            id: p.id,
            status_label: petition_status_label(l, &p.status),
            progress: super::petitions::progress(l, &p),
            title: p.title,
        })
        .collect();
    let name = found.commune.names.get(l).to_owned();
    let page = CommunePage {
        l: v.layout(name.clone())
            .with_feed(format!("/feeds/communes/{slug}.atom")),
        slug: slug.to_string(),
        name,
        q: q.unwrap_or_default(),
        filtered,
        statuses,
        categories,
        arrondissements,
        issues: issues_list,
        next_page,
        figures_summary: summary,
        bars,
        petitions,
    };
    v.page(page.render())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_bar_says_its_share_in_the_readers_convention_and_in_words() {
        let share = |due, within| stats::CategoryShare {
            code: "public_lighting".into(),
            target_days: 7,
            due,
            answered_within_target: within,
        };
        let rows = vec![
            ("Éclairage public".to_owned(), share(16, 11)),
            ("Eau".to_owned(), share(0, 0)),
        ];
        let fr = bars(Locale::Fr, &rows);
        assert_eq!(fr[0].label, "Éclairage public");
        assert_eq!(fr[0].value, Some((69, "69\u{a0}%".to_owned())));
        assert!(fr[0].detail.contains("11") && fr[0].detail.contains("16"));
        assert!(fr[0].detail.contains("7 jours"), "{}", fr[0].detail);
        assert_eq!(fr[1].value, None);
        let ar = bars(Locale::Ar, &rows);
        assert_eq!(
            ar[0].value,
            Some((69, "69%".to_owned())),
            "no space for the sign to drift across"
        );
        assert!(ar[0].detail.contains("7 أيام"), "{}", ar[0].detail);
    }
}
