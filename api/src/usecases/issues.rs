//! Local issues: a resident reports, everyone reads.

use super::accounts::rfc3339;
use super::{Caller, Invalid, Page, UseCaseError, now, with_conn};
use crate::startup::AppState;
use chrono::{NaiveDateTime, TimeDelta};
use diesel::Connection;
use serde::Serialize;
use tawasol_domain::issue::{IssueDescription, IssueTitle, contains_personal_data};
use tawasol_domain::search::{index_terms, query_terms};
use tawasol_domain::{Action, CommuneSlug, GeoPoint, Locale, PageLimit};
use tawasol_persistence::issue::{self, IssueFilter, IssueInsertForm, IssueRow, StatusFilter};
use tawasol_persistence::role::{self, Resolved};
use tawasol_persistence::{account, commune};

/// What a resident sends.
#[derive(Debug, Clone)]
pub struct NewIssue {
    pub commune: String,
    pub category: String,
    pub title: String,
    pub description: String,
    pub language: Option<String>,
    pub location: Option<(f64, f64)>,
    pub address: Option<String>,
    pub arrondissement: Option<String>,
}

/// An issue as the public sees it: no author contact, no e-mail.
#[derive(Debug, Clone, Serialize)]
pub struct IssueView {
    pub id: i64,
    pub commune: String,
    pub category: String,
    pub arrondissement: Option<String>,
    pub title: String,
    pub description: String,
    pub language: String,
    pub location: Option<GeoPoint>,
    pub address: Option<String>,
    pub status: String,
    /// `public`, or `pending` while held for a moderator (seen by the author only).
    pub visibility: String,
    pub support_count: i32,
    pub reply_count: i32,
    pub follower_count: i32,
    pub created_at: String,
    pub updated_at: String,
}

impl From<IssueRow> for IssueView {
    fn from(r: IssueRow) -> IssueView {
        IssueView {
            id: r.id,
            commune: r.commune,
            category: r.category,
            arrondissement: r.arrondissement,
            title: r.title,
            description: r.description,
            language: r.language,
            location: r.lat.zip(r.lon).map(|(lat, lon)| GeoPoint { lat, lon }),
            address: r.address,
            status: r.status,
            visibility: r.visibility,
            support_count: r.support_count,
            reply_count: r.reply_count,
            follower_count: r.follower_count,
            created_at: rfc3339(r.created_at),
            updated_at: rfc3339(r.updated_at),
        }
    }
}

fn field<T, E>(
    r: Result<T, E>,
    field: &'static str,
    message: &'static str,
    invalid: &mut Vec<Invalid>,
) -> Option<T> {
    r.map_err(|_| invalid.push(Invalid { field, message })).ok()
}

/// Reports an issue. Verified accounts only; a description that seems to hold personal data is
/// held for a moderator (its author sees it as pending).
pub async fn report(
    state: &AppState,
    caller: &Caller,
    input: NewIssue,
) -> Result<IssueView, UseCaseError> {
    caller.may(&Action::Contribute)?;
    let author = caller.user_id().ok_or(UseCaseError::Denied(
        tawasol_domain::Denied::NotAuthenticated,
    ))?;
    let mut invalid = Vec::new();
    let title = field(
        IssueTitle::parse(&input.title),
        "title",
        "field-issue-title",
        &mut invalid,
    );
    let description = field(
        IssueDescription::parse(&input.description),
        "description",
        "field-issue-description",
        &mut invalid,
    );
    let language = match &input.language {
        Some(l) => field(
            Locale::parse(l).map(Some),
            "language",
            "param-lang",
            &mut invalid,
        )
        .flatten(),
        None => None,
    };
    let location = match input.location {
        Some((lat, lon)) => field(
            GeoPoint::parse(lat, lon).map(Some),
            "location",
            "field-location",
            &mut invalid,
        )
        .flatten(),
        None => None,
    };
    let address = input
        .address
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_owned);
    if address.as_ref().is_some_and(|a| a.chars().count() > 300) {
        invalid.push(Invalid {
            field: "address",
            message: "field-invalid",
        });
    }
    let (Some(title), Some(description)) = (title, description) else {
        return Err(UseCaseError::Invalid(invalid));
    };
    if !invalid.is_empty() {
        return Err(UseCaseError::Invalid(invalid));
    }
    let at = now();
    // New accounts may report less often: a fresh account is the cheapest tool of a spammer.
    let created = with_conn(&state.db, move |c| {
        Ok(account::find(c, author)?.map(|u| (u.created_at, u.locale)))
    })
    .await?;
    let (account_created, author_locale) = created.ok_or(UseCaseError::UserNotFound(author))?;
    let limit = if at - account_created < TimeDelta::days(7) {
        3
    } else {
        10
    };
    super::accounts::throttle(
        state,
        format!("report:user:{author}"),
        limit,
        TimeDelta::hours(1),
    )
    .await?;
    let language =
        language.unwrap_or_else(|| Locale::parse(&author_locale).unwrap_or(Locale::DEFAULT));
    let held =
        contains_personal_data(description.as_str()) || contains_personal_data(title.as_str());
    let search_text = index_terms(&format!("{} {}", title.as_str(), description.as_str()));
    let id = with_conn(&state.db, move |conn| {
        conn.transaction(|c| {
            let slug = CommuneSlug::parse(&input.commune)
                .map_err(|_| UseCaseError::invalid("commune", "field-commune"))?;
            let found = commune::find(c, &slug)?
                .ok_or_else(|| UseCaseError::invalid("commune", "field-commune"))?;
            if location.is_some_and(|p| !found.commune.contains(p)) {
                return Err(UseCaseError::invalid("location", "field-location-outside"));
            }
            let (commune_id, arrondissement_id, category_id) = match role::resolve(
                c,
                &input.commune,
                input.arrondissement.as_deref(),
                std::slice::from_ref(&input.category),
            )? {
                Resolved::Ok {
                    commune_id,
                    arrondissement_id,
                    category_ids,
                } => (commune_id, arrondissement_id, category_ids[0]),
                Resolved::UnknownCommune => {
                    return Err(UseCaseError::invalid("commune", "field-commune"));
                }
                Resolved::UnknownArrondissement => {
                    return Err(UseCaseError::invalid(
                        "arrondissement",
                        "field-arrondissement",
                    ));
                }
                Resolved::UnknownCategory(_) => {
                    return Err(UseCaseError::invalid("category", "field-category"));
                }
            };
            Ok(issue::create(
                c,
                &IssueInsertForm {
                    commune_id,
                    category_id,
                    arrondissement_id,
                    author_id: author,
                    title: title.as_str(),
                    description: description.as_str(),
                    language: language.as_str(),
                    lat: location.map(|p| p.lat),
                    lon: location.map(|p| p.lon),
                    address: address.as_deref(),
                    visibility: if held { "pending" } else { "public" },
                    search_text: &search_text,
                    created_at: at,
                    updated_at: at,
                },
            )?)
        })
    })
    .await?;
    show(state, caller, id).await
}

/// One issue. Held and hidden issues exist only for their author.
pub async fn show(state: &AppState, caller: &Caller, id: i64) -> Result<IssueView, UseCaseError> {
    let viewer = caller.user_id();
    let row = with_conn(&state.db, move |c| Ok(issue::find(c, id)?)).await?;
    match row {
        Some(r) if r.visibility == "public" || Some(r.author_id) == viewer => Ok(r.into()),
        _ => Err(UseCaseError::IssueNotFound(id)),
    }
}

/// What a list asks for, as the surfaces parse it.
#[derive(Debug, Clone, Default)]
pub struct IssueQuery {
    pub commune: Option<String>,
    pub category: Option<String>,
    /// A status, or `open` / `closed`.
    pub status: Option<String>,
    pub author_is_me: bool,
    pub text: Option<String>,
}

/// Issues newest first, a page at a time.
pub async fn list(
    state: &AppState,
    caller: &Caller,
    query: IssueQuery,
    after: Option<(NaiveDateTime, i64)>,
    limit: PageLimit,
) -> Result<Page<IssueView, (NaiveDateTime, i64)>, UseCaseError> {
    let status = match query.status.as_deref() {
        None => None,
        Some("open") => Some(StatusFilter::Open),
        Some("closed") => Some(StatusFilter::Closed),
        Some(s) => match tawasol_domain::issue::IssueStatus::parse(s) {
            Some(st) => Some(StatusFilter::Is(st.as_str().to_owned())),
            None => return Err(UseCaseError::invalid("status", "param-invalid")),
        },
    };
    let viewer = caller.user_id();
    let author_id = if query.author_is_me {
        Some(viewer.ok_or(UseCaseError::Denied(
            tawasol_domain::Denied::NotAuthenticated,
        ))?)
    } else {
        None
    };
    let filter = IssueFilter {
        commune: query.commune,
        category: query.category,
        status,
        author_id,
        terms: query.text.as_deref().map(query_terms).unwrap_or_default(),
        viewer_id: viewer,
    };
    with_conn(&state.db, move |c| {
        let mut rows = issue::list(c, &filter, after, i64::from(limit.get()) + 1)?;
        let next = if rows.len() > usize::from(limit.get()) {
            rows.truncate(usize::from(limit.get()));
            rows.last().map(|r| (r.created_at, r.id))
        } else {
            None
        };
        Ok(Page {
            items: rows.into_iter().map(IssueView::from).collect(),
            next,
        })
    })
    .await
}
