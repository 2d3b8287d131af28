//! One petition's page: its progress, the legal steps in plain words, the public timeline, the
//! signing form and the steps its agent and the commune's officials take.

use crate::context::AppState;
use crate::i18n::{Message, text};
use crate::usecases::{communes, petitions};
use crate::web::form::SignForm;
use crate::web::form::StepForm;
use crate::web::labels::{petition_status_label, short_time};
use crate::web::{FieldErrors, Layout, Visitor, WebError};
use actix_web::{HttpResponse, web};
use askama::Template;
use tawasol_domain::Locale;
use tawasol_domain::petition::PetitionStatus;

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
    sign_errors: FieldErrors,
    step_errors: FieldErrors,
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

/// The steps as the law has them, said plainly; `admissible` and `inadmissible` share a line.
const STEPS: [(&str, &[&str]); 6] = [
    ("collecting", &["collecting"]),
    ("ready", &["ready"]),
    ("filed", &["filed"]),
    ("admissible", &["admissible", "inadmissible"]),
    ("on-agenda", &["on_agenda"]),
    ("decided", &["decided"]),
];

/// The steps, said for who files: an association collects no signatures, it gathers its
/// documents instead.
fn steps(locale: Locale, status: &str, association: bool) -> Vec<StepItem> {
    let steps: Vec<_> = STEPS
        .iter()
        .filter(|(key, _)| !(association && *key == "collecting"))
        .collect();
    let at = steps.iter().position(|(_, s)| s.contains(&status));
    steps
        .iter()
        .enumerate()
        .map(|(i, (key, statuses))| {
            let current = at == Some(i);
            let shown = if current { status } else { statuses[0] };
            let explained = if association && *key == "ready" {
                "web-petition-step-ready-association".to_owned()
            } else {
                format!("web-petition-step-{key}")
            };
            StepItem {
                label: petition_status_label(locale, shown),
                explained: text(locale, &explained),
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
                // Days as the reader's language writes them.
                serde_json::Value::String(s)
                    if matches!(
                        *k,
                        "filed_on" | "refusal_deadline" | "next_session_on" | "session_date"
                    ) =>
                {
                    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
                        .map_or_else(|_| s.clone(), |d| crate::i18n::local_date(locale, d))
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

pub(super) async fn petition_page(
    state: &AppState,
    v: &Visitor,
    id: i64,
    form: SignForm,
    sign_errors: FieldErrors,
    step: StepForm,
    step_errors: FieldErrors,
) -> Result<HttpResponse, WebError> {
    let l = v.locale;
    let d = petitions::detail(state, &v.caller, l, id).await?;
    let p = &d.petition;
    let found = communes::show(&state.db, &p.commune).await?;
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
    // Once published, a petition's steps have their feed.
    let mut frame = v.layout(p.title.clone());
    if p.status != PetitionStatus::Draft.as_str() {
        frame = frame.with_feed(format!("/feeds/petitions/{}.atom", p.id));
    }
    let page = PetitionPage {
        l: frame,
        id: p.id,
        commune_slug: p.commune.clone(),
        commune_name: found.commune.names.get(l).to_owned(),
        title: p.title.clone(),
        request: p.request.clone(),
        reasons: p.reasons.clone(),
        status: p.status.clone(),
        status_label: petition_status_label(l, &p.status),
        by_line,
        progress: super::progress(l, p),
        count: p.signature_count,
        threshold,
        percent,
        steps: steps(l, &p.status, super::by_association(p)),
        timeline: d
            .timeline
            .iter()
            .map(|e| EventItem {
                status_label: petition_status_label(l, &e.to),
                // Who took the step; the platform itself only when the threshold was reached
                // (other steps without a name say none rather than a wrong one).
                by: e.by.clone().unwrap_or_else(|| {
                    if e.to == PetitionStatus::Ready.as_str() {
                        platform.clone()
                    } else {
                        String::new()
                    }
                }),
                at: short_time(l, &e.at),
                details: event_details(l, &e.details),
            })
            .collect(),
        deadline: p.refusal_deadline.as_ref().map(|date| {
            Message::new("web-petition-deadline")
                .arg("date", crate::i18n::Arg::day(date))
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
        association: super::by_association(p),
        consent_text: d.collection_notice.consent_text.clone(),
        cndp_notice: crate::web::labels::cndp_notice(l, &d.collection_notice.cndp_number),
        sign_errors: sign_errors.for_form::<SignForm>(),
        step_errors: step_errors.for_form::<StepForm>(),
        form: SignForm {
            cin: String::new(),
            ..form
        },
        step,
    };
    v.page(page.render())
}

/// `GET /petitions/{id}`: the petition, its progress, the legal steps and the forms.
#[utoipa::path(
    get,
    path = "/petitions/{id}",
    tag = "pages",
    summary = "A petition's page",
    params(("id" = i64, Path, description = "The petition")),
    responses(
        (status = 200, description = "The page", body = String, content_type = "text/html"),
        (status = 404, description = "No such petition", body = String, content_type = "text/html")
    )
)]
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
        FieldErrors::none(),
        StepForm::default(),
        FieldErrors::none(),
    )
    .await
}
