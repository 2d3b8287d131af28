//! The petition pages: the list, one petition (its progress, the legal steps in plain words, the
//! public timeline, the signing form and the agent's own steps), and the form to start one. All
//! rules stay in `usecases::petitions`; these pages only read forms and show answers.

use super::pages::{commune_names, petition_status_label, short_time};
use super::{FormFields, Layout, Visitor, WebError, WebForm, percent_encode};
use crate::context::AppState;
use crate::i18n::{Message, text};
use crate::usecases::petitions::{self, AssociationInput};
use crate::usecases::{UseCaseError, communes};
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;
use tawasol_domain::petition::{Eligibility, PetitionStatus};
use tawasol_domain::{Locale, PageLimit};

fn errors_of(locale: Locale, e: &UseCaseError) -> Option<Vec<String>> {
    match e {
        UseCaseError::Invalid(fields) => {
            let mut out: Vec<String> = Vec::new();
            for f in fields {
                let m = text(locale, f.message);
                if !out.contains(&m) {
                    out.push(m);
                }
            }
            Some(out)
        }
        _ => None,
    }
}

// ---- the list ----

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
#[utoipa::path(get, path = "/petitions", tag = "pages", summary = "Petitions (page)", params(("commune" = Option<String>, Query, description = "Commune slug"), ("status" = Option<String>, Query, description = "A petition status"), ("page" = Option<String>, Query, description = "The next page's cursor")), responses((status = 200, description = "The page", body = String, content_type = "text/html"), (status = "4XX", description = "The reason, as a page", body = String, content_type = "text/html")))]
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
    let names = commune_names(&state, l).await.map_err(|e| v.fail(e))?;
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
    .await
    .map_err(|e| v.fail(e))?;
    let name_of = |slug: &str| {
        names
            .iter()
            .find(|(s, _, _)| s == slug)
            .map(|(_, n, _)| n.clone())
            .unwrap_or_else(|| slug.to_owned())
    };
    let items = page
        .items
        .into_iter()
        .map(|p| ListItem {
            id: p.id,
            status_label: petition_status_label(l, &p.status),
            commune_name: name_of(&p.commune),
            progress: Message::new("web-signatures-of")
                .arg("count", i64::from(p.signature_count))
                .arg("threshold", i64::from(p.threshold))
                .render(l),
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

// ---- one petition ----

#[derive(Debug)]
struct StepItem {
    label: String,
    explained: String,
    current: bool,
    done: bool,
}

#[derive(Debug)]
struct EventItem {
    status_label: String,
    by: String,
    at: String,
    details: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "petition.html")]
struct PetitionPage {
    l: Layout,
    id: i64,
    commune_slug: String,
    commune_name: String,
    title: String,
    request: String,
    reasons: String,
    status: String,
    status_label: String,
    by_line: String,
    progress: String,
    count: i32,
    threshold: i32,
    percent: u32,
    steps: Vec<StepItem>,
    timeline: Vec<EventItem>,
    deadline: Option<String>,
    days_left: Option<String>,
    overdue: bool,
    signatories: Vec<String>,
    logged_in: bool,
    signed: bool,
    followed: bool,
    is_agent: bool,
    /// An official of the petition's commune: records the council's steps.
    is_official: bool,
    /// The reader may download the dossier now (the agent from `ready`, an official of the
    /// whole commune from `filed`): only then is the link shown.
    may_download_dossier: bool,
    association: bool,
    consent_text: String,
    cndp_notice: String,
    sign_errors: Vec<String>,
    step_errors: Vec<String>,
    form: SignForm,
    step: StepForm,
}

impl PetitionPage {
    fn collecting(&self) -> bool {
        self.status == "collecting"
    }

    fn may_withdraw(&self) -> bool {
        matches!(self.status.as_str(), "draft" | "collecting" | "ready")
    }
}

/// What the signing form posts. The CIN is read, never written back into a page.
#[derive(Debug, Default, Deserialize)]
pub struct SignForm {
    #[serde(rename = "_csrf", default)]
    csrf: String,
    #[serde(default)]
    full_name: String,
    #[serde(default)]
    cin: String,
    #[serde(default)]
    address: String,
    lives_or_works_in_commune: Option<String>,
    on_electoral_roll: Option<String>,
    direct_interest: Option<String>,
    consent: Option<String>,
    show_name: Option<String>,
}

impl FormFields for SignForm {
    const FIELDS: &'static [(&'static str, usize)] = &[
        ("full_name", 120),
        ("cin", 16),
        ("address", 300),
        ("lives_or_works_in_commune", 8),
        ("on_electoral_roll", 8),
        ("direct_interest", 8),
        ("consent", 8),
        ("show_name", 8),
    ];
}

/// What the agent's step forms post.
#[derive(Debug, Default, Deserialize)]
pub struct StepForm {
    #[serde(rename = "_csrf", default)]
    csrf: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    receipt_number: String,
    #[serde(default)]
    filed_on: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    session_date: String,
    #[serde(default)]
    committee: String,
    #[serde(default)]
    outcome: String,
    #[serde(default)]
    summary: String,
}

impl FormFields for StepForm {
    const FIELDS: &'static [(&'static str, usize)] = &[
        ("to", 32),
        ("receipt_number", 5000),
        ("filed_on", 16),
        ("reason", 5000),
        ("session_date", 16),
        ("committee", 5000),
        ("outcome", 5000),
        ("summary", 5000),
    ];
}

/// The steps as the law has them, said plainly; `admissible` and `inadmissible` share a line.
const STEPS: [(&str, &[&str]); 6] = [
    ("collecting", &["collecting"]),
    ("ready", &["ready"]),
    ("filed", &["filed"]),
    ("admissible", &["admissible", "inadmissible"]),
    ("on-agenda", &["on_agenda"]),
    ("decided", &["decided"]),
];

fn steps(locale: Locale, status: &str) -> Vec<StepItem> {
    let at = STEPS.iter().position(|(_, s)| s.contains(&status));
    STEPS
        .iter()
        .enumerate()
        .map(|(i, (key, statuses))| {
            let current = at == Some(i);
            let shown = if current { status } else { statuses[0] };
            StepItem {
                label: petition_status_label(locale, shown),
                explained: text(locale, &format!("web-petition-step-{key}")),
                current,
                done: at.is_some_and(|a| i < a),
            }
        })
        .collect()
}

fn event_details(locale: Locale, details: &serde_json::Value) -> Vec<(String, String)> {
    let Some(map) = details.as_object() else {
        return Vec::new();
    };
    const KNOWN: [&str; 11] = [
        "receipt_number",
        "filed_on",
        "refusal_deadline",
        "next_session_on",
        "reason",
        "session_date",
        "committee",
        "outcome",
        "summary",
        "signatures",
        "threshold",
    ];
    KNOWN
        .iter()
        .filter_map(|k| {
            let value = match map.get(*k)? {
                serde_json::Value::String(s) if *k == "outcome" => {
                    text(locale, &format!("feed-step-outcome-{s}"))
                }
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            Some((
                text(
                    locale,
                    &format!("web-petition-detail-{}", k.replace('_', "-")),
                ),
                value,
            ))
        })
        .collect()
}

async fn petition_page(
    state: &AppState,
    v: &Visitor,
    id: i64,
    form: SignForm,
    sign_errors: Vec<String>,
    step: StepForm,
    step_errors: Vec<String>,
) -> Result<HttpResponse, WebError> {
    let l = v.locale;
    let d = petitions::detail(state, &v.caller, l, id)
        .await
        .map_err(|e| v.fail(e))?;
    let p = &d.petition;
    let found = communes::show(&state.db, &p.commune)
        .await
        .map_err(|e| v.fail(e))?;
    let platform = text(l, "web-petition-platform");
    let by_line = match (&p.organisation, &p.agent_name) {
        (Some(o), _) => Message::new("web-petition-by-association")
            .arg("name", o.name.as_str())
            .render(l),
        (None, Some(a)) => Message::new("web-petition-agent")
            .arg("name", a.as_str())
            .render(l),
        (None, None) => String::new(),
    };
    let threshold = p.threshold.max(1);
    let percent =
        u32::try_from((i64::from(p.signature_count) * 100 / i64::from(threshold)).clamp(0, 100))
            .unwrap_or(0);
    let page = PetitionPage {
        l: v.layout(p.title.clone()),
        id: p.id,
        commune_slug: p.commune.clone(),
        commune_name: found.commune.names.get(l).to_owned(),
        title: p.title.clone(),
        request: p.request.clone(),
        reasons: p.reasons.clone(),
        status: p.status.clone(),
        status_label: petition_status_label(l, &p.status),
        by_line,
        progress: Message::new("web-signatures-of")
            .arg("count", i64::from(p.signature_count))
            .arg("threshold", i64::from(p.threshold))
            .render(l),
        count: p.signature_count,
        threshold,
        percent,
        steps: steps(l, &p.status),
        timeline: d
            .timeline
            .iter()
            .map(|e| EventItem {
                status_label: petition_status_label(l, &e.to),
                by: e.by.clone().unwrap_or_else(|| platform.clone()),
                at: short_time(&e.at),
                details: event_details(l, &e.details),
            })
            .collect(),
        deadline: p.refusal_deadline.as_ref().map(|date| {
            Message::new("web-petition-deadline")
                .arg("date", date.as_str())
                .render(l)
        }),
        days_left: p.days_left.filter(|d| *d >= 0).map(|days| {
            Message::new("web-petition-days-left")
                .arg("count", days)
                .render(l)
        }),
        overdue: p.overdue,
        signatories: d.public_signatories.clone(),
        logged_in: v.logged_in(),
        signed: d.signed_by_me,
        followed: d.followed_by_me,
        is_agent: d.is_agent,
        is_official: petitions::official_of(&v.caller.actor, &p.commune),
        may_download_dossier: d.may_download_dossier,
        association: p.filer_type == "association",
        consent_text: d.collection_notice.consent_text.clone(),
        cndp_notice: Message::new("web-cndp-notice")
            .arg("number", d.collection_notice.cndp_number.as_str())
            .render(l),
        sign_errors,
        step_errors,
        form: SignForm {
            cin: String::new(),
            ..form
        },
        step,
    };
    v.page(page.render())
}

/// `GET /petitions/{id}`: the petition, its progress, the legal steps and the forms.
#[utoipa::path(get, path = "/petitions/{id}", tag = "pages", summary = "A petition's page", params(("id" = i64, Path, description = "The petition")), responses((status = 200, description = "The page", body = String, content_type = "text/html"), (status = 404, description = "No such petition", body = String, content_type = "text/html")))]
pub async fn show(
    state: web::Data<AppState>,
    v: Visitor,
    id: web::Path<i64>,
) -> Result<HttpResponse, WebError> {
    let form = SignForm {
        show_name: Some("on".into()),
        ..SignForm::default()
    };
    petition_page(
        &state,
        &v,
        *id,
        form,
        Vec::new(),
        StepForm::default(),
        Vec::new(),
    )
    .await
}

/// `POST /petitions/{id}/sign`: signs, then back to the petition; errors come back on the form
/// with what was typed (never the CIN).
#[utoipa::path(post, path = "/petitions/{id}/sign", tag = "pages", summary = "Sign a petition (form)", params(("id" = i64, Path, description = "The petition")), request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, full_name, cin, address, lives_or_works_in_commune, on_electoral_roll, direct_interest, consent, show_name"), responses((status = 303, description = "Back to the petition (or to the login page)"), (status = 200, description = "The form again, with what to correct", body = String, content_type = "text/html"), (status = "4XX", description = "The reason, as a page", body = String, content_type = "text/html")))]
pub async fn sign(
    state: web::Data<AppState>,
    v: Visitor,
    id: web::Path<i64>,
    form: WebForm<SignForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.accept(&v)?;
    v.check_csrf(&form.csrf)?;
    let back = format!("/petitions/{}", *id);
    if let Some(go) = v.login_first(&back) {
        return Ok(go);
    }
    let f = form;
    let input = petitions::NewSignature {
        full_name: f.full_name.clone(),
        cin: f.cin.clone(),
        address: f.address.clone(),
        declarations: Eligibility {
            lives_or_works_in_commune: f.lives_or_works_in_commune.is_some(),
            on_electoral_roll: f.on_electoral_roll.is_some(),
            direct_interest: f.direct_interest.is_some(),
        },
        consent: f.consent.is_some(),
        show_name: f.show_name.is_some(),
    };
    match petitions::sign(&state, &v.caller, *id, input).await {
        Ok(_) => Ok(v.redirect(&format!("{back}#sign"))),
        Err(e) => match errors_of(v.locale, &e) {
            Some(errors) => {
                petition_page(&state, &v, *id, f, errors, StepForm::default(), Vec::new()).await
            }
            None => Err(v.fail(e)),
        },
    }
}

#[derive(Debug, Deserialize)]
pub struct CsrfForm {
    #[serde(rename = "_csrf", default)]
    csrf: String,
    #[serde(default)]
    on: String,
}

impl FormFields for CsrfForm {
    const FIELDS: &'static [(&'static str, usize)] = &[("on", 8)];
}

/// `POST /petitions/{id}/withdraw`: withdraws my signature while collecting.
#[utoipa::path(post, path = "/petitions/{id}/withdraw", tag = "pages", summary = "Withdraw my signature (form)", params(("id" = i64, Path, description = "The petition")), request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf"), responses((status = 303, description = "Back to the petition"), (status = "4XX", description = "The reason, as a page", body = String, content_type = "text/html")))]
pub async fn withdraw(
    state: web::Data<AppState>,
    v: Visitor,
    id: web::Path<i64>,
    form: WebForm<CsrfForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.accept(&v)?;
    v.check_csrf(&form.csrf)?;
    let back = format!("/petitions/{}", *id);
    if let Some(go) = v.login_first(&back) {
        return Ok(go);
    }
    petitions::withdraw(&state, &v.caller, *id)
        .await
        .map_err(|e| v.fail(e))?;
    Ok(v.redirect(&back))
}

/// `POST /petitions/{id}/follow`: follow, or stop (`on=false`).
#[utoipa::path(post, path = "/petitions/{id}/follow", tag = "pages", summary = "Follow a petition or stop (form)", params(("id" = i64, Path, description = "The petition")), request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, on=true|false"), responses((status = 303, description = "Back to the petition"), (status = "4XX", description = "The reason, as a page", body = String, content_type = "text/html")))]
pub async fn follow(
    state: web::Data<AppState>,
    v: Visitor,
    id: web::Path<i64>,
    form: WebForm<CsrfForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.accept(&v)?;
    v.check_csrf(&form.csrf)?;
    let back = format!("/petitions/{}", *id);
    if let Some(go) = v.login_first(&back) {
        return Ok(go);
    }
    petitions::set_follow(&state, &v.caller, *id, form.on == "true")
        .await
        .map_err(|e| v.fail(e))?;
    Ok(v.redirect(&back))
}

/// `POST /petitions/{id}/step`: the agent publishes, withdraws or records the deposit.
#[utoipa::path(post, path = "/petitions/{id}/step", tag = "pages", summary = "Take a legal step (form)", params(("id" = i64, Path, description = "The petition")), request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, to, and what the step needs: receipt_number, filed_on (YYYY-MM-DD), reason"), responses((status = 303, description = "Back to the petition"), (status = 200, description = "The page again, with what to correct", body = String, content_type = "text/html"), (status = "4XX", description = "The reason, as a page", body = String, content_type = "text/html")))]
pub async fn step(
    state: web::Data<AppState>,
    v: Visitor,
    id: web::Path<i64>,
    form: WebForm<StepForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.accept(&v)?;
    v.check_csrf(&form.csrf)?;
    let back = format!("/petitions/{}", *id);
    if let Some(go) = v.login_first(&back) {
        return Ok(go);
    }
    let f = form;
    let date = |value: &str| match value.trim() {
        "" => Ok(None),
        d => chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| ()),
    };
    let (filed_on, session_date) = match (date(&f.filed_on), date(&f.session_date)) {
        (Ok(a), Ok(b)) => (a, b),
        (bad_filed, _) => {
            let key = if bad_filed.is_err() {
                "field-filed-on"
            } else {
                "field-session-date"
            };
            let errors = vec![text(v.locale, key)];
            return petition_page(&state, &v, *id, SignForm::default(), Vec::new(), f, errors)
                .await;
        }
    };
    let some = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
    let input = petitions::StepInput {
        to: f.to.clone(),
        receipt_number: some(&f.receipt_number),
        filed_on,
        reason: some(&f.reason),
        session_date,
        committee: some(&f.committee),
        outcome: some(&f.outcome),
        summary: some(&f.summary),
    };
    match petitions::transition(&state, &v.caller, v.locale, *id, input).await {
        Ok(_) => Ok(v.redirect(&back)),
        Err(e) => match errors_of(v.locale, &e) {
            Some(errors) => {
                petition_page(&state, &v, *id, SignForm::default(), Vec::new(), f, errors).await
            }
            None => Err(v.fail(e)),
        },
    }
}

// ---- starting one ----

#[derive(Template)]
#[template(path = "petition_new.html")]
struct NewPage {
    l: Layout,
    slug: String,
    commune_name: String,
    threshold_text: String,
    errors: Vec<String>,
    organisations: Vec<(i64, String, bool)>,
    form: NewForm,
}

impl NewPage {
    fn association(&self) -> bool {
        self.form.filer_type == "association"
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct NewForm {
    #[serde(rename = "_csrf", default)]
    csrf: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    request: String,
    #[serde(default)]
    reasons: String,
    #[serde(default)]
    filer_type: String,
    #[serde(default)]
    organisation_id: String,
    in_good_standing: Option<String>,
    office_in_commune: Option<String>,
    activity_linked_to_subject: Option<String>,
}

impl FormFields for NewForm {
    const FIELDS: &'static [(&'static str, usize)] = &[
        ("title", 200),
        ("request", 2000),
        ("reasons", 10_000),
        ("filer_type", 16),
        ("organisation_id", 24),
        ("in_good_standing", 8),
        ("office_in_commune", 8),
        ("activity_linked_to_subject", 8),
    ];
}

async fn new_page(
    state: &AppState,
    v: &Visitor,
    slug: &str,
    form: NewForm,
    errors: Vec<String>,
) -> Result<HttpResponse, WebError> {
    let l = v.locale;
    let found = communes::show(&state.db, slug)
        .await
        .map_err(|e| v.fail(e))?;
    let organisations = petitions::my_organisations(state, &v.caller)
        .await
        .map_err(|e| v.fail(e))?
        .into_iter()
        .map(|o| {
            let chosen = form.organisation_id == o.id.to_string();
            (o.id, o.name, chosen)
        })
        .collect();
    let page = NewPage {
        l: v.layout(text(l, "web-petition-new")),
        slug: slug.to_owned(),
        commune_name: found.commune.names.get(l).to_owned(),
        threshold_text: Message::new("web-threshold")
            .arg("count", i64::from(found.commune.petition_threshold))
            .render(l),
        errors,
        organisations,
        form,
    };
    v.page(page.render())
}

/// `GET /communes/{slug}/petitions/new`: the form to start a petition (log in first).
#[utoipa::path(get, path = "/communes/{slug}/petitions/new", tag = "pages", summary = "Start a petition (page)", params(("slug" = String, Path, description = "Commune slug")), responses((status = 200, description = "The form", body = String, content_type = "text/html"), (status = 303, description = "To the login page first"), (status = 404, description = "No such commune", body = String, content_type = "text/html")))]
pub async fn new_form(
    state: web::Data<AppState>,
    v: Visitor,
    slug: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    if let Some(go) = v.login_first(&format!("/communes/{slug}/petitions/new")) {
        return Ok(go);
    }
    let form = NewForm {
        filer_type: "citizens".into(),
        ..NewForm::default()
    };
    new_page(&state, &v, &slug, form, Vec::new()).await
}

/// `POST /communes/{slug}/petitions/new`: creates the draft, then shows it; errors come back on
/// the form with what was typed.
#[utoipa::path(post, path = "/communes/{slug}/petitions/new", tag = "pages", summary = "Start a petition (form)", params(("slug" = String, Path, description = "Commune slug")), request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "_csrf, title, request, reasons, filer_type (citizens or association), organisation_id, in_good_standing, office_in_commune, activity_linked_to_subject"), responses((status = 303, description = "To the new draft"), (status = 200, description = "The form again, with what to correct", body = String, content_type = "text/html"), (status = "4XX", description = "The reason, as a page", body = String, content_type = "text/html")))]
pub async fn create(
    state: web::Data<AppState>,
    v: Visitor,
    slug: web::Path<String>,
    form: WebForm<NewForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.accept(&v)?;
    v.check_csrf(&form.csrf)?;
    if let Some(go) = v.login_first(&format!("/communes/{slug}/petitions/new")) {
        return Ok(go);
    }
    let f = form;
    let association = f.filer_type == "association";
    let input = petitions::NewPetition {
        commune: slug.to_string(),
        title: f.title.clone(),
        request: f.request.clone(),
        reasons: f.reasons.clone(),
        filer_type: if f.filer_type.is_empty() {
            "citizens".to_owned()
        } else {
            f.filer_type.clone()
        },
        organisation_id: association
            .then(|| f.organisation_id.trim().parse::<i64>().ok())
            .flatten(),
        association: association.then_some(AssociationInput {
            in_good_standing: f.in_good_standing.is_some(),
            office_in_commune: f.office_in_commune.is_some(),
            activity_linked_to_subject: f.activity_linked_to_subject.is_some(),
        }),
    };
    match petitions::create(&state, &v.caller, v.locale, input).await {
        Ok(d) => Ok(v.redirect(&format!("/petitions/{}", d.petition.id))),
        Err(e) => match errors_of(v.locale, &e) {
            Some(errors) => new_page(&state, &v, &slug, f, errors).await,
            None => Err(v.fail(e)),
        },
    }
}

#[derive(Debug, Deserialize)]
pub struct DossierQuery {
    format: Option<String>,
}

/// `GET /petitions/{id}/dossier`: the deposit dossier for the agent (from `ready`) and the
/// officials of the whole commune (from `filed`), from the browser (the same use-case, rule and
/// audit as the API's); anyone else gets a 403 page.
#[utoipa::path(get, path = "/petitions/{id}/dossier", tag = "pages", summary = "The deposit dossier (page or CSV)", params(("id" = i64, Path, description = "The petition"), ("format" = Option<String>, Query, description = "html (default) or csv")), responses((status = 200, description = "A printable page in Arabic and French, or CSV", content((String = "text/html"), (String = "text/csv"))), (status = 303, description = "To the login page first"), (status = "4XX", description = "The reason, as a page", body = String, content_type = "text/html")))]
pub async fn dossier(
    state: web::Data<AppState>,
    v: Visitor,
    id: web::Path<i64>,
    query: web::Query<DossierQuery>,
) -> Result<HttpResponse, WebError> {
    if let Some(go) = v.login_first(&format!("/petitions/{}", *id)) {
        return Ok(go);
    }
    let csv = query.format.as_deref() == Some("csv");
    let d = petitions::dossier(&state, &v.caller, *id, if csv { "csv" } else { "html" })
        .await
        .map_err(|e| v.fail(e))?;
    let res = HttpResponse::Ok()
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store, private"))
        .take();
    let mut res = res;
    if csv {
        return Ok(res
            .insert_header((
                actix_web::http::header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"petition-{}-signatures.csv\"", *id),
            ))
            .content_type("text/csv; charset=utf-8")
            .body(crate::http::dossier::csv(&d)));
    }
    Ok(res
        .content_type("text/html; charset=utf-8")
        .body(crate::http::dossier::html(&d)))
}
