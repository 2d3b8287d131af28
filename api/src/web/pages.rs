//! The resident's pages: home, a commune (its issues, figures and petitions), an issue (its
//! thread, history, and the forms to reply, support and follow), and the report form.

use super::{FormFields, Layout, Visitor, WebError, WebForm, percent_encode};
use crate::context::AppState;
use crate::i18n::{Message, text};
use crate::usecases::{UseCaseError, communes, issues, petitions, stats};
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;
use std::fmt::Write;
use tawasol_domain::issue::IssueStatus;
use tawasol_domain::{Locale, PageLimit};
use tawasol_persistence::issue::IssueSort;

pub(super) fn status_label(locale: Locale, status: &str) -> String {
    text(locale, &format!("status-{}", status.replace('_', "-")))
}

pub(super) fn petition_status_label(locale: Locale, status: &str) -> String {
    text(
        locale,
        &format!("petition-status-{}", status.replace('_', "-")),
    )
}

/// `2026-11-23T10:15:00Z` as `2026-11-23 10:15` (UTC); dates read the same in every language.
pub(super) fn short_time(rfc: &str) -> String {
    rfc.get(..16).unwrap_or(rfc).replace('T', " ")
}

#[derive(Debug)]
struct CommuneItem {
    slug: String,
    name: String,
    threshold_text: String,
}

#[derive(Debug)]
struct IssueItem {
    id: i64,
    title: String,
    status_label: String,
    commune_name: String,
    category_label: String,
    support_text: String,
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    l: Layout,
    communes: Vec<CommuneItem>,
    latest: Vec<IssueItem>,
}

pub(super) async fn commune_names(
    state: &AppState,
    locale: Locale,
) -> Result<Vec<(String, String, u32)>, UseCaseError> {
    let list = communes::list(&state.db, None, PageLimit::DEFAULT).await?;
    Ok(list
        .items
        .iter()
        .map(|c| {
            (
                c.slug.as_str().to_owned(),
                c.names.get(locale).to_owned(),
                c.petition_threshold,
            )
        })
        .collect())
}

/// `GET /`: what Tawasol is, the communes, the latest activity.
#[utoipa::path(get, path = "/", tag = "pages", summary = "Home page", params(("lang" = Option<String>, Query, description = "ar, fr or zgh (else the language cookie, the account's, Accept-Language, ar)")), responses((status = 200, description = "The home page", body = String, content_type = "text/html")))]
pub async fn home(state: web::Data<AppState>, v: Visitor) -> Result<HttpResponse, WebError> {
    let l = v.locale;
    let names = commune_names(&state, l).await.map_err(|e| v.fail(e))?;
    let query = issues::IssueQuery {
        sort: IssueSort::RecentlyUpdated,
        ..issues::IssueQuery::default()
    };
    let recent = issues::list(
        &state,
        &v.caller,
        query,
        None,
        PageLimit::parse(Some(8)).unwrap_or(PageLimit::DEFAULT),
    )
    .await
    .map_err(|e| v.fail(e))?;
    let name_of = |slug: &str| {
        names
            .iter()
            .find(|(s, _, _)| s == slug)
            .map(|(_, n, _)| n.clone())
            .unwrap_or_else(|| slug.to_owned())
    };
    let latest = recent
        .items
        .into_iter()
        .map(|i| IssueItem {
            id: i.id,
            status_label: status_label(l, &i.status),
            commune_name: name_of(&i.commune),
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
#[utoipa::path(get, path = "/communes/{slug}", tag = "pages", summary = "A commune's page", params(("slug" = String, Path, description = "Commune slug"), ("q" = Option<String>, Query, description = "Words to search"), ("status" = Option<String>, Query, description = "A status, or open / closed"), ("category" = Option<String>, Query, description = "Category code"), ("arrondissement" = Option<String>, Query, description = "Arrondissement slug"), ("page" = Option<String>, Query, description = "The next page's cursor")), responses((status = 200, description = "The page", body = String, content_type = "text/html"), (status = 404, description = "No such commune", body = String, content_type = "text/html")))]
pub async fn commune(
    state: web::Data<AppState>,
    v: Visitor,
    slug: web::Path<String>,
    query: web::Query<CommuneQuery>,
) -> Result<HttpResponse, WebError> {
    let l = v.locale;
    let found = communes::show(&state.db, &slug)
        .await
        .map_err(|e| v.fail(e))?;
    let query = query.into_inner();
    let pick = |v: &Option<String>| v.clone().filter(|s| !s.is_empty());
    let status = pick(&query.status);
    let category = pick(&query.category);
    let arrondissement = pick(&query.arrondissement);
    let q = pick(&query.q);
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
    let page = issues::list(&state, &v.caller, filter, after, PageLimit::DEFAULT)
        .await
        .map_err(|e| v.fail(e))?;
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
    let categories = found
        .categories
        .iter()
        .map(|c| {
            (
                c.code.as_str().to_owned(),
                c.names.get(l).to_owned(),
                category.as_deref() == Some(c.code.as_str()),
            )
        })
        .collect();
    let arrondissements = found
        .commune
        .arrondissements
        .iter()
        .map(|a| {
            (
                a.slug.as_str().to_owned(),
                a.names.get(l).to_owned(),
                arrondissement.as_deref() == Some(a.slug.as_str()),
            )
        })
        .collect();
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
    let (figures_summary, chart) = match (figures, per_category) {
        (Ok(figures), Ok(per_category)) => {
            let hours = |h: Option<f64>| h.map_or_else(|| "—".to_owned(), |h| format!("{h}"));
            let summary = Message::new("web-figures-summary")
                .arg("total", figures.total)
                .arg("median", hours(figures.first_answer.median_hours))
                .arg("p90", hours(figures.first_answer.p90_hours))
                .arg("overdue", i64::try_from(figures.overdue.len()).unwrap_or(0))
                .render(l);
            let rows: Vec<(String, Option<f64>)> = per_category
                .into_iter()
                .map(|(code, share)| (category_name(&code), share))
                .collect();
            (summary, share_chart(l, &rows))
        }
        (Err(UseCaseError::Busy(_)), _) | (_, Err(UseCaseError::Busy(_))) => {
            (v.t("web-figures-busy"), String::new())
        }
        (Err(e), _) | (_, Err(e)) => return Err(v.fail(e)),
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
    .await
    .map_err(|e| v.fail(e))?;
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
        l: v.layout(name.clone()),
        slug: slug.to_string(),
        name,
        q: q.unwrap_or_default(),
        statuses,
        categories,
        arrondissements,
        issues: issues_list,
        next_page,
        figures_summary,
        chart,
        petitions,
    };
    v.page(page.render())
}

#[derive(Debug)]
struct ReplyItem {
    id: i64,
    author: String,
    official: bool,
    official_title: Option<String>,
    body: String,
    at: String,
}

#[derive(Debug)]
struct HistoryItem {
    status_label: String,
    by: Option<String>,
    note: String,
    at: String,
}

#[derive(Template)]
#[template(path = "issue.html")]
struct IssuePage {
    l: Layout,
    id: i64,
    commune_slug: String,
    commune_name: String,
    category_label: String,
    title: String,
    description: String,
    language: String,
    address: Option<String>,
    status_label: String,
    reported_text: String,
    support_text: String,
    logged_in: bool,
    supported: bool,
    followed: bool,
    thread: Vec<ReplyItem>,
    history: Vec<HistoryItem>,
    /// The official answer form, for an official whose scope covers the issue.
    answer: Option<AnswerBox>,
}

/// The official's form: an answer and, optionally, a new status with what it needs.
#[derive(Debug, Default)]
struct AnswerBox {
    errors: Vec<String>,
    /// Each status the state machine allows from the current one: code, label, chosen.
    statuses: Vec<(String, String, bool)>,
    body: String,
    note: String,
    expected_on: String,
    responsible_body: String,
    duplicate_of: String,
}

/// `GET /issues/{id}`: the issue, its thread (official answers set apart), its history.
#[utoipa::path(get, path = "/issues/{id}", tag = "pages", summary = "An issue's page", params(("id" = i64, Path, description = "The issue")), responses((status = 200, description = "The page", body = String, content_type = "text/html"), (status = 404, description = "No such issue", body = String, content_type = "text/html")))]
pub async fn issue(
    state: web::Data<AppState>,
    v: Visitor,
    id: web::Path<i64>,
) -> Result<HttpResponse, WebError> {
    issue_page(&state, &v, *id, &AnswerForm::default(), Vec::new()).await
}

/// The issue's page; for an official in scope, with the answer form holding `typed` and
/// `errors`.
async fn issue_page(
    state: &AppState,
    v: &Visitor,
    id: i64,
    typed: &AnswerForm,
    errors: Vec<String>,
) -> Result<HttpResponse, WebError> {
    let l = v.locale;
    let d = issues::detail(state, &v.caller, id)
        .await
        .map_err(|e| v.fail(e))?;
    let answer = issues::official_in_scope(&v.caller, &d.issue).then(|| {
        let next = IssueStatus::parse(&d.issue.status).map_or(&[][..], IssueStatus::next);
        AnswerBox {
            errors,
            statuses: next
                .iter()
                .map(|s| {
                    (
                        s.as_str().to_owned(),
                        status_label(l, s.as_str()),
                        typed.status == s.as_str(),
                    )
                })
                .collect(),
            body: typed.body.clone(),
            note: typed.note.clone(),
            expected_on: typed.expected_on.clone(),
            responsible_body: typed.responsible_body.clone(),
            duplicate_of: typed.duplicate_of.clone(),
        }
    });
    let found = communes::show(&state.db, &d.issue.commune)
        .await
        .map_err(|e| v.fail(e))?;
    let category_label = found
        .categories
        .iter()
        .find(|c| c.code.as_str() == d.issue.category)
        .map(|c| c.names.get(l).to_owned())
        .unwrap_or_else(|| d.issue.category.clone());
    let former = text(l, "web-former-resident");
    let page = IssuePage {
        l: v.layout(d.issue.title.clone()),
        id: d.issue.id,
        commune_slug: d.issue.commune.clone(),
        commune_name: found.commune.names.get(l).to_owned(),
        category_label,
        title: d.issue.title.clone(),
        description: d.issue.description.clone(),
        language: d.issue.language.clone(),
        address: d.issue.address.clone(),
        status_label: status_label(l, &d.issue.status),
        reported_text: Message::new("web-reported-on")
            .arg("at", short_time(&d.issue.created_at))
            .render(l),
        support_text: Message::new("web-supports")
            .arg("count", i64::from(d.issue.support_count))
            .render(l),
        logged_in: v.logged_in(),
        supported: d.supported_by_me,
        followed: d.followed_by_me,
        thread: d
            .thread
            .iter()
            .map(|r| ReplyItem {
                id: r.id,
                author: r.author_name.clone().unwrap_or_else(|| former.clone()),
                official: r.official_answer,
                official_title: r.official_title.clone(),
                body: r.body.clone(),
                at: short_time(&r.created_at),
            })
            .collect(),
        history: d
            .history
            .iter()
            .map(|h| HistoryItem {
                status_label: status_label(l, &h.to),
                by: h.by.clone(),
                note: h.note.clone(),
                at: short_time(&h.at),
            })
            .collect(),
        answer,
    };
    v.page(page.render())
}

#[derive(Debug, Default, Deserialize)]
pub struct AnswerForm {
    #[serde(rename = "_csrf", default)]
    csrf: String,
    #[serde(default)]
    body: String,
    /// Empty: the status stays.
    #[serde(default)]
    status: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    expected_on: String,
    #[serde(default)]
    responsible_body: String,
    #[serde(default)]
    duplicate_of: String,
}

impl FormFields for AnswerForm {
    const FIELDS: &'static [(&'static str, usize)] = &[
        ("body", 5000),
        ("status", 32),
        ("note", 2000),
        ("expected_on", 16),
        ("responsible_body", 300),
        ("duplicate_of", 24),
    ];
}

/// What a refusal says to the person at the form, in their language.
fn reasons(locale: Locale, e: UseCaseError) -> Vec<String> {
    if let UseCaseError::Invalid(fields) = &e {
        return fields.iter().map(|f| text(locale, f.message)).collect();
    }
    let error = crate::http::problem::ApiError::from(e);
    vec![error.detail.as_ref().map_or_else(
        || text(locale, &format!("problem-{}-title", error.kind.slug())),
        |m| m.render(locale),
    )]
}

/// `POST /issues/{id}/answer`: an official answers and, in the same form, changes the status
/// (`issues::reply`, then `issues::change_status`); errors come back on the issue's page.
#[utoipa::path(post, path = "/issues/{id}/answer", tag = "pages", summary = "Answer and change the status (official's form)", params(("id" = i64, Path, description = "The issue")), request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, body, status (empty: unchanged), note, expected_on (YYYY-MM-DD), responsible_body, duplicate_of"), responses((status = 303, description = "Back to the issue, at the answer (or to the login page)"), (status = 200, description = "The issue's page again, with what to correct", body = String, content_type = "text/html"), (status = "4XX", description = "The reason, as a page", body = String, content_type = "text/html")))]
pub async fn answer(
    state: web::Data<AppState>,
    v: Visitor,
    id: web::Path<i64>,
    form: WebForm<AnswerForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.accept(&v)?;
    v.check_csrf(&form.csrf)?;
    let id = *id;
    if let Some(go) = v.login_first(&format!("/issues/{id}")) {
        return Ok(go);
    }
    let f = form;
    let l = v.locale;
    let detail = issues::detail(&state, &v.caller, id)
        .await
        .map_err(|e| v.fail(e))?;
    if !issues::official_in_scope(&v.caller, &detail.issue) {
        return Err(v.fail(UseCaseError::Denied(tawasol_domain::Denied::NotPermitted)));
    }
    // The status change is read first, so that a wrong field posts nothing.
    let change = if f.status.is_empty() {
        None
    } else {
        let mut errors = Vec::new();
        let to = IssueStatus::parse(&f.status);
        if to.is_none() {
            errors.push(text(l, "field-invalid"));
        }
        let expected_on = match f.expected_on.trim() {
            "" => None,
            d => {
                let parsed = chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
                if parsed.is_none() {
                    errors.push(text(l, "web-expected-on-invalid"));
                }
                parsed
            }
        };
        let duplicate_of = match f.duplicate_of.trim().trim_start_matches('#') {
            "" => None,
            n => {
                let parsed = n.parse::<i64>().ok();
                if parsed.is_none() {
                    errors.push(text(l, "field-duplicate-of"));
                }
                parsed
            }
        };
        if !errors.is_empty() {
            return issue_page(&state, &v, id, &f, errors).await;
        }
        let note = if f.note.trim().is_empty() {
            f.body.clone()
        } else {
            f.note.clone()
        };
        to.map(|to| tawasol_domain::issue::StatusChange {
            to,
            note,
            expected_on,
            responsible_body: Some(f.responsible_body.clone()).filter(|b| !b.trim().is_empty()),
            duplicate_of,
        })
    };
    if let Some(change) = &change {
        // The state machine's verdict before anything is posted (the use-case decides again).
        if let Some(from) = IssueStatus::parse(&detail.issue.status)
            && let Err(e) = tawasol_domain::issue::check_transition(
                id,
                from,
                change,
                tawasol_domain::issue::StatusRole::OfficialInScope,
                None,
                state.clock.now().date(),
            )
        {
            let errors = reasons(l, UseCaseError::Transition(e));
            return issue_page(&state, &v, id, &f, errors).await;
        }
    }
    let reply = match issues::reply(&state, &v.caller, id, &f.body).await {
        Ok(r) => r,
        Err(e @ UseCaseError::Invalid(_)) => {
            let errors = reasons(l, e);
            return issue_page(&state, &v, id, &f, errors).await;
        }
        Err(e) => return Err(v.fail(e)),
    };
    if let Some(change) = change
        && let Err(e) = issues::change_status(&state, &v.caller, id, change).await
    {
        // The answer is published; what was chosen for the status stays on the form.
        let mut errors = vec![text(l, "web-answer-posted-status-unchanged")];
        errors.extend(reasons(l, e));
        let kept = AnswerForm {
            body: String::new(),
            ..f
        };
        return issue_page(&state, &v, id, &kept, errors).await;
    }
    Ok(v.redirect(&format!("/issues/{id}#reply-{}", reply.id)))
}

#[derive(Debug, Deserialize)]
pub struct ReplyForm {
    #[serde(rename = "_csrf", default)]
    csrf: String,
    #[serde(default)]
    body: String,
}

impl FormFields for ReplyForm {
    const FIELDS: &'static [(&'static str, usize)] = &[("body", 5000)];
}

/// `POST /issues/{id}/replies`: the reply form; back to the issue.
#[utoipa::path(post, path = "/issues/{id}/replies", tag = "pages", summary = "Reply (form)", params(("id" = i64, Path, description = "The issue")), request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, body"), responses((status = 303, description = "Back to the issue (or to the login page)"), (status = "4XX", description = "The reason, as a page", body = String, content_type = "text/html")))]
pub async fn reply(
    state: web::Data<AppState>,
    v: Visitor,
    id: web::Path<i64>,
    form: WebForm<ReplyForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.accept(&v)?;
    v.check_csrf(&form.csrf)?;
    if let Some(go) = v.login_first(&format!("/issues/{}", *id)) {
        return Ok(go);
    }
    let reply = issues::reply(&state, &v.caller, *id, &form.body)
        .await
        .map_err(|e| v.fail(e))?;
    Ok(v.redirect(&format!("/issues/{}#reply-{}", *id, reply.id)))
}

#[derive(Debug, Deserialize)]
pub struct ToggleForm {
    #[serde(rename = "_csrf", default)]
    csrf: String,
    #[serde(default)]
    on: String,
}

impl FormFields for ToggleForm {
    const FIELDS: &'static [(&'static str, usize)] = &[("on", 8)];
}

async fn toggle(
    state: &AppState,
    v: &Visitor,
    id: i64,
    form: &ToggleForm,
    support: bool,
) -> Result<HttpResponse, WebError> {
    v.check_csrf(&form.csrf)?;
    if let Some(go) = v.login_first(&format!("/issues/{id}")) {
        return Ok(go);
    }
    issues::set_relation(state, &v.caller, id, support, form.on == "true")
        .await
        .map_err(|e| v.fail(e))?;
    Ok(v.redirect(&format!("/issues/{id}")))
}

/// `POST /issues/{id}/support`: "me too", or its withdrawal (`on=false`).
#[utoipa::path(post, path = "/issues/{id}/support", tag = "pages", summary = "Support or withdraw support (form)", params(("id" = i64, Path, description = "The issue")), request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, on=true|false"), responses((status = 303, description = "Back to the issue"), (status = "4XX", description = "The reason, as a page", body = String, content_type = "text/html")))]
pub async fn support(
    state: web::Data<AppState>,
    v: Visitor,
    id: web::Path<i64>,
    form: WebForm<ToggleForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.accept(&v)?;
    toggle(&state, &v, *id, &form, true).await
}

/// `POST /issues/{id}/follow`: follow, or stop (`on=false`).
#[utoipa::path(post, path = "/issues/{id}/follow", tag = "pages", summary = "Follow or stop following (form)", params(("id" = i64, Path, description = "The issue")), request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, on=true|false"), responses((status = 303, description = "Back to the issue"), (status = "4XX", description = "The reason, as a page", body = String, content_type = "text/html")))]
pub async fn follow(
    state: web::Data<AppState>,
    v: Visitor,
    id: web::Path<i64>,
    form: WebForm<ToggleForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.accept(&v)?;
    toggle(&state, &v, *id, &form, false).await
}

#[derive(Template)]
#[template(path = "report.html")]
struct ReportPage {
    l: Layout,
    slug: String,
    commune_name: String,
    errors: Vec<String>,
    categories: Vec<(String, String, bool)>,
    arrondissements: Vec<(String, String, bool)>,
    title: String,
    description: String,
    address: String,
    lat: String,
    lon: String,
    duplicates: Vec<(i64, String, String)>,
}

#[derive(Debug, Default, Deserialize)]
pub struct ReportForm {
    /// Set once the similar issues were shown: post without showing them again.
    #[serde(default)]
    post_anyway: String,
    #[serde(rename = "_csrf", default)]
    csrf: String,
    #[serde(default)]
    category: String,
    #[serde(default)]
    arrondissement: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    address: String,
    #[serde(default)]
    lat: String,
    #[serde(default)]
    lon: String,
}

impl FormFields for ReportForm {
    const FIELDS: &'static [(&'static str, usize)] = &[
        ("post_anyway", 8),
        ("category", 64),
        ("arrondissement", 64),
        ("title", 140),
        ("description", 5000),
        ("address", 300),
        ("lat", 32),
        ("lon", 32),
    ];
}

async fn report_page(
    state: &AppState,
    v: &Visitor,
    slug: &str,
    form: &ReportForm,
    errors: Vec<String>,
    duplicates: Vec<issues::IssueView>,
) -> Result<HttpResponse, WebError> {
    let l = v.locale;
    let found = communes::show(&state.db, slug)
        .await
        .map_err(|e| v.fail(e))?;
    let page = ReportPage {
        l: v.layout(text(l, "web-report")),
        slug: slug.to_owned(),
        commune_name: found.commune.names.get(l).to_owned(),
        errors,
        categories: found
            .categories
            .iter()
            .map(|c| {
                (
                    c.code.as_str().to_owned(),
                    c.names.get(l).to_owned(),
                    form.category == c.code.as_str(),
                )
            })
            .collect(),
        arrondissements: found
            .commune
            .arrondissements
            .iter()
            .map(|a| {
                (
                    a.slug.as_str().to_owned(),
                    a.names.get(l).to_owned(),
                    form.arrondissement == a.slug.as_str(),
                )
            })
            .collect(),
        title: form.title.clone(),
        description: form.description.clone(),
        address: form.address.clone(),
        lat: form.lat.clone(),
        lon: form.lon.clone(),
        duplicates: duplicates
            .into_iter()
            .map(|d| (d.id, d.title, status_label(l, &d.status)))
            .collect(),
    };
    v.page(page.render())
}

/// `GET /communes/{slug}/report`: the report form (log in first).
#[utoipa::path(get, path = "/communes/{slug}/report", tag = "pages", summary = "Report an issue (page)", params(("slug" = String, Path, description = "Commune slug")), responses((status = 200, description = "The form", body = String, content_type = "text/html"), (status = 303, description = "To the login page first")))]
pub async fn report_form(
    state: web::Data<AppState>,
    v: Visitor,
    slug: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    if let Some(go) = v.login_first(&format!("/communes/{slug}/report")) {
        return Ok(go);
    }
    report_page(
        &state,
        &v,
        &slug,
        &ReportForm::default(),
        Vec::new(),
        Vec::new(),
    )
    .await
}

/// `POST /communes/{slug}/report`: reports, then shows the new issue; errors come back on the
/// form with what was typed.
#[utoipa::path(post, path = "/communes/{slug}/report", tag = "pages", summary = "Report an issue (form)", params(("slug" = String, Path, description = "Commune slug")), request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, category, arrondissement, title, description, address, lat, lon, post_anyway (once similar issues were shown)"), responses((status = 303, description = "To the new issue"), (status = 200, description = "The form again, with what to correct", body = String, content_type = "text/html"), (status = "4XX", description = "The reason, as a page", body = String, content_type = "text/html")))]
pub async fn report(
    state: web::Data<AppState>,
    v: Visitor,
    slug: web::Path<String>,
    form: WebForm<ReportForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.accept(&v)?;
    v.check_csrf(&form.csrf)?;
    if let Some(go) = v.login_first(&format!("/communes/{slug}/report")) {
        return Ok(go);
    }
    let f = form;
    let location = match (f.lat.trim(), f.lon.trim()) {
        ("", "") => Ok(None),
        (lat, lon) => match (lat.parse::<f64>(), lon.parse::<f64>()) {
            (Ok(a), Ok(b)) => Ok(Some((a, b))),
            _ => Err(()),
        },
    };
    let Ok(location) = location else {
        let errors = vec![text(v.locale, "field-location")];
        return report_page(&state, &v, &slug, &f, errors, Vec::new()).await;
    };
    // Before posting, the open issues that look like this one: support one instead?
    if f.post_anyway.is_empty() && !f.title.trim().is_empty() {
        let point = location.and_then(|(lat, lon)| tawasol_domain::GeoPoint::parse(lat, lon).ok());
        let similar = issues::similar_open(
            &state,
            slug.to_string(),
            f.category.clone(),
            f.title.trim(),
            point,
            None,
        )
        .await
        .map_err(|e| v.fail(e))?;
        if !similar.is_empty() {
            return report_page(&state, &v, &slug, &f, Vec::new(), similar).await;
        }
    }
    let input = issues::NewIssue {
        commune: slug.to_string(),
        category: f.category.clone(),
        title: f.title.clone(),
        description: f.description.clone(),
        language: Some(v.locale.as_str().to_owned()),
        location,
        address: Some(f.address.clone()).filter(|a| !a.trim().is_empty()),
        arrondissement: Some(f.arrondissement.clone()).filter(|a| !a.is_empty()),
    };
    match issues::report(&state, &v.caller, input).await {
        Ok(reported) => Ok(v.redirect(&format!("/issues/{}", reported.issue.id))),
        Err(UseCaseError::Invalid(fields)) => {
            let errors = fields.iter().map(|f| text(v.locale, f.message)).collect();
            report_page(&state, &v, &slug, &f, errors, Vec::new()).await
        }
        Err(e) => Err(v.fail(e)),
    }
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
