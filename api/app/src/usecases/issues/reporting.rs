//! Reporting: a resident's new issue (held for a moderator when it looks like personal data),
//! the similar open issues offered before and after, and the officials of its scope told at once.

use super::reading::{IssueView, show};
use super::{issue_url, notify};
use crate::context::AppState;
use crate::mail::template::{Names, Template};
use crate::usecases::{Caller, UseCaseError, in_transaction, with_conn};
use chrono::{NaiveDateTime, TimeDelta};
use serde::Serialize;
use tawasol_domain::issue::{
    IssueAddress, IssueDescription, IssueTitle, Visibility, contains_personal_data,
};
use tawasol_domain::search::index_terms;
use tawasol_domain::{Action, CommuneSlug, GeoPoint, Locale};
use tawasol_persistence::issue::{self, IssueFilter, IssueInsertForm, StatusFilter};
use tawasol_persistence::{AnyConnection, account, commune, role};

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

/// A new issue, and up to five open issues of the same commune and category that look like it
/// (within 100 m, or a similar title), so that a client can offer "support this one instead".
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Reported {
    #[serde(flatten)]
    pub issue: IssueView,
    pub possible_duplicates: Vec<IssueView>,
}

const DUPLICATE_RADIUS_M: f64 = 100.0;

async fn possible_duplicates(
    state: &AppState,
    issue: &IssueView,
) -> Result<Vec<IssueView>, UseCaseError> {
    similar_open(
        state,
        issue.commune.clone(),
        issue.category.clone(),
        &issue.title,
        issue.location,
        Some(issue.id),
    )
    .await
}

/// Up to five open public issues of this commune and category within 100 m of `location` or
/// with a similar title: offered before posting ("support this one instead"), and after.
pub async fn similar_open(
    state: &AppState,
    commune: String,
    category: String,
    title: &str,
    location: Option<GeoPoint>,
    except: Option<i64>,
) -> Result<Vec<IssueView>, UseCaseError> {
    let filter = IssueFilter {
        commune: Some(commune),
        category: Some(category),
        status: Some(StatusFilter::Open),
        ..IssueFilter::default()
    };
    let candidates = with_conn(&state.db, move |c| Ok(issue::list(c, &filter, None, 200)?)).await?;
    let mut scored: Vec<(f64, IssueView)> = candidates
        .into_iter()
        .filter(|r| Some(r.id) != except && r.visibility.is_public())
        .filter_map(|row| {
            let exact = row.lat.zip(row.lon).map(|(lat, lon)| GeoPoint { lat, lon });
            let distance = location.zip(exact).map(|(a, b)| a.distance_m(b));
            let other = IssueView::from(row);
            let near = distance.is_some_and(|d| d <= DUPLICATE_RADIUS_M);
            let alike = tawasol_domain::search::similar_titles(title, &other.title);
            (near || alike).then(|| (distance.unwrap_or(DUPLICATE_RADIUS_M), other))
        })
        .collect();
    scored.sort_by(|a, b| a.0.total_cmp(&b.0));
    Ok(scored.into_iter().take(5).map(|(_, v)| v).collect())
}

/// Reports an issue. Verified accounts only; a description that seems to hold personal data is
/// held for a moderator (its author sees it as pending).
pub async fn report(
    state: &AppState,
    caller: &Caller,
    input: NewIssue,
) -> Result<Reported, UseCaseError> {
    report_with(state, caller, input, |_, _| Ok(())).await
}

/// Reports an issue, and runs `also` with its id in the same transaction (what another surface
/// must record with it, e.g. an Open311 token): both are stored, or neither.
pub async fn report_with<F>(
    state: &AppState,
    caller: &Caller,
    input: NewIssue,
    also: F,
) -> Result<Reported, UseCaseError>
where
    F: FnOnce(&mut AnyConnection, i64) -> Result<(), UseCaseError> + Send + 'static,
{
    caller.may(&Action::Contribute)?;
    let author = caller.user_id().ok_or(UseCaseError::Denied(
        tawasol_domain::Denied::NotAuthenticated,
    ))?;
    let mut invalid = Vec::new();
    let title = crate::usecases::check_text(
        IssueTitle::parse(&input.title),
        "title",
        "field-issue-title",
        &mut invalid,
    );
    let description = crate::usecases::check_text(
        IssueDescription::parse(&input.description),
        "description",
        "field-issue-description",
        &mut invalid,
    );
    let language = match &input.language {
        Some(l) => crate::usecases::check(
            Locale::parse(l).map(Some),
            "language",
            "param-lang",
            &mut invalid,
        )
        .flatten(),
        None => None,
    };
    let location = match input.location {
        Some((lat, lon)) => crate::usecases::check(
            GeoPoint::parse(lat, lon).map(Some),
            "location",
            "field-location",
            &mut invalid,
        )
        .flatten(),
        None => None,
    };
    let address = crate::usecases::check_text(
        input
            .address
            .as_deref()
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(IssueAddress::parse)
            .transpose(),
        "address",
        "field-issue-address",
        &mut invalid,
    )
    .flatten()
    .map(IssueAddress::into_inner);
    let (Some(title), Some(description)) = (title, description) else {
        return Err(UseCaseError::Invalid(invalid));
    };
    if !invalid.is_empty() {
        return Err(UseCaseError::Invalid(invalid));
    }
    let at = state.clock.now();
    // New accounts may report less often: a fresh account is the cheapest tool of a spammer.
    let created = with_conn(&state.db, move |c| {
        Ok(account::find(c, author)?.map(|u| (u.created_at, u.locale)))
    })
    .await?;
    let (account_created, author_locale) = created.ok_or(UseCaseError::UserNotFound(author))?;
    let limit = if at - account_created < crate::usecases::limits::NEW_ACCOUNT {
        3
    } else {
        10
    };
    let allowance = format!("report:user:{author}");
    crate::usecases::limits::throttle(state, allowance.clone(), limit, TimeDelta::hours(1)).await?;
    let language = language.unwrap_or(author_locale);
    let held = contains_personal_data(description.as_str())
        || contains_personal_data(title.as_str())
        || address.as_deref().is_some_and(contains_personal_data);
    let search_text = index_terms(&format!("{} {}", title.as_str(), description.as_str()));
    let state2 = state.clone();
    let id = in_transaction(&state.db, move |c| {
        let slug = CommuneSlug::parse(&input.commune)
            .map_err(|_| UseCaseError::invalid("commune", "field-commune"))?;
        let found = commune::find(c, &slug)?
            .ok_or_else(|| UseCaseError::invalid("commune", "field-commune"))?;
        if location.is_some_and(|p| !found.commune.contains(p)) {
            return Err(UseCaseError::invalid("location", "field-location-outside"));
        }
        let (commune_id, arrondissement_id, category_ids) = crate::usecases::resolve_place(
            role::resolve(
                c,
                &input.commune,
                input.arrondissement.as_deref(),
                std::slice::from_ref(&input.category),
            )?,
            "category",
        )?;
        let category_id = category_ids[0];
        let id = issue::create(
            c,
            &IssueInsertForm {
                commune_id,
                category_id,
                arrondissement_id,
                author_id: author,
                title: title.as_str(),
                description: description.as_str(),
                language,
                lat: location.map(|p| p.lat),
                lon: location.map(|p| p.lon),
                address: address.as_deref(),
                visibility: Visibility::held_if(held),
                search_text: &search_text,
                created_at: at,
                updated_at: at,
            },
        )?;
        notify_officials_of_new_issue(&state2, c, id, at)?;
        also(c, id)?;
        Ok(id)
    })
    .await;
    let id = match id {
        Ok(id) => id,
        Err(refused) => {
            // Nothing was stored: a report refused for what it says (a place outside the commune,
            // an unknown category) does not spend the hourly allowance.
            crate::usecases::limits::refund(state, allowance, TimeDelta::hours(1)).await?;
            return Err(refused);
        }
    };
    state.mail.wake();
    let issue = show(state, caller, id).await?;
    let possible_duplicates = possible_duplicates(state, &issue).await?;
    Ok(Reported {
        issue,
        possible_duplicates,
    })
}

/// Officials of the issue's scope hear of a new public issue at once.
fn notify_officials_of_new_issue(
    state: &AppState,
    c: &mut AnyConnection,
    id: i64,
    at: NaiveDateTime,
) -> Result<(), UseCaseError> {
    let Some(row) = issue::find(c, id)? else {
        return Ok(());
    };
    if !row.visibility.is_public() {
        return Ok(());
    }
    let Some((commune_id, arrondissement_id, category_id)) = issue::place(c, id)? else {
        return Ok(());
    };
    let officials = issue::officials_in_scope(c, commune_id, arrondissement_id, category_id)?;
    // The commune and category by their names, in each official's language.
    let found = CommuneSlug::parse(&row.commune)
        .ok()
        .and_then(|slug| commune::find(c, &slug).transpose())
        .transpose()?;
    let commune_names = found.as_ref().map(|f| Names::from(&f.commune.names));
    let category_names = found.as_ref().and_then(|f| {
        f.categories
            .iter()
            .find(|k| k.code.as_str() == row.category)
            .map(|k| Names::from(&k.names))
    });
    let template = Template::IssueNewForOfficial {
        issue_title: row.title,
        commune: row.commune,
        category: row.category,
        commune_names,
        category_names,
        issue_url: issue_url(state, id),
    };
    notify(
        c,
        &officials,
        None,
        &template,
        &format!("issue-new:{id}"),
        at,
    )
}
