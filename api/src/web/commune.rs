//! A commune's page: its issues (filters, search, pages), its figures and its petitions.

use super::home::IssueItem;
use super::labels::{
    arrondissement_options, category_options, figures_summary, petition_status_label, status_label,
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
    chart: String,
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

/// Bars of the share answered within target, per category: an SVG drawn here, no script, and
/// no inline style (its width is `svg.chart` in the stylesheet, which the pages' CSP requires).
fn share_chart(locale: Locale, rows: &[(String, Option<f64>)]) -> String {
    let row_h = 22;
    let label_w = 210;
    let bar_w = 220;
    let height = row_h * rows.len().max(1) + 4;
    let mut svg = format!(
        "<svg class=\"chart\" role=\"img\" aria-labelledby=\"chart-title\" viewBox=\"0 0 {w} {height}\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"chart-title\">{title}</title>",
        w = label_w + bar_w + 60,
        title = crate::http::html::escape(&text(locale, "web-chart-title")),
    );
    let rtl = locale.direction().as_str() == "rtl";
    for (i, (label, share)) in rows.iter().enumerate() {
        let y = i * row_h + 2;
        let pct = share.map(|s| (s * 100.0).round());
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let width = pct.map_or(0, |p| ((p / 100.0) * f64::from(bar_w as u32)) as usize);
        let value = pct.map_or_else(|| "—".to_owned(), |p| format!("{p} %"));
        let (text_x, anchor, bar_x) = if rtl {
            (label_w + bar_w + 56, "end", 50 + bar_w - width)
        } else {
            (0, "start", label_w)
        };
        let value_x = if rtl { 46 } else { label_w + width + 4 };
        let _ = write!(
            svg,
            "<text x=\"{text_x}\" y=\"{ty}\" text-anchor=\"{anchor}\">{label}</text>\
             <rect x=\"{bar_x}\" y=\"{y}\" width=\"{width}\" height=\"{h}\" fill=\"#0b5cad\"></rect>\
             <text x=\"{value_x}\" y=\"{ty}\" text-anchor=\"{vanchor}\">{value}</text>",
            ty = y + 14,
            h = row_h - 6,
            label = crate::http::html::escape(label),
            vanchor = if rtl { "end" } else { "start" },
        );
    }
    svg.push_str("</svg>");
    svg
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
    let (summary, chart) = match (figures, per_category) {
        (Ok(figures), Ok(per_category)) => {
            let rows: Vec<(String, Option<f64>)> = per_category
                .into_iter()
                .map(|(code, share)| (category_name(&code), share))
                .collect();
            (figures_summary(l, &figures), share_chart(l, &rows))
        }
        (Err(UseCaseError::Busy(_)), _) | (_, Err(UseCaseError::Busy(_))) => {
            (v.t("web-figures-busy"), String::new())
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
            progress: Message::new("web-signatures-of")
                .arg("count", i64::from(p.signature_count))
                .arg("threshold", i64::from(p.threshold))
                .render(l),
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
        chart,
        petitions,
    };
    v.page(page.render())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chart_carries_no_inline_style_and_the_stylesheet_sizes_it() {
        let rows = vec![("Voirie".to_owned(), Some(0.5)), ("Eau".to_owned(), None)];
        for locale in Locale::ALL {
            let svg = share_chart(locale, &rows);
            assert!(!svg.contains("style="), "{svg}");
            assert!(svg.starts_with("<svg class=\"chart\""));
            assert!(svg.contains("viewBox=\"0 0 490 "));
        }
        let css = include_str!("../../static/tawasol.css");
        assert!(css.contains("svg.chart{max-width:490px}"));
    }
}
