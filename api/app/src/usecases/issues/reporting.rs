//! Reporting: a resident's new issue (held for a moderator when it looks like personal data),
//! the similar open issues offered before and after, and the officials of its scope told at once.

use super::reading::IssueView;
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
use tawasol_domain::{Action, BoundingBox, CommuneSlug, GeoPoint, Locale};
use tawasol_persistence::issue::{
    self, IssueFilter, IssueInsertForm, IssuePlaceNames, IssueRow, StatusFilter,
};
use tawasol_persistence::{AnyConnection, account};

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

/// A box around `point` holding every point within [`DUPLICATE_RADIUS_M`] (and a little more:
/// the exact distance decides), for the index to find the near ones.
fn box_around(point: GeoPoint) -> Option<BoundingBox> {
    const EARTH_RADIUS_M: f64 = 6_371_000.0;
    let dlat = (DUPLICATE_RADIUS_M * 1.05 / EARTH_RADIUS_M).to_degrees();
    let widest = (point.lat.abs() + dlat).min(89.0).to_radians().cos();
    let dlon = dlat / widest;
    BoundingBox::parse(
        (point.lat - dlat).max(-90.0),
        (point.lon - dlon).max(-180.0),
        (point.lat + dlat).min(90.0),
        (point.lon + dlon).min(180.0),
    )
    .ok()
}

/// The rule of [`similar_open`], on the caller's connection: up to five open public issues of
/// this commune and category (by ids) within 100 m of `location` or with a similar title among
/// the newest [`issue::SIMILAR_RECENT`], nearest first. Two statements at most: the candidates
/// (narrow, from partial indexes), then the rows of those kept.
fn similar_in(
    c: &mut AnyConnection,
    commune_id: i64,
    category_id: i64,
    title: &str,
    location: Option<GeoPoint>,
    except: Option<i64>,
) -> Result<Vec<IssueView>, UseCaseError> {
    let candidates = issue::similar_candidates(
        c,
        commune_id,
        category_id,
        location.and_then(box_around),
        except,
    )?;
    let mut seen = std::collections::HashSet::new();
    let mut scored: Vec<(f64, i64)> = candidates
        .into_iter()
        .filter(|k| seen.insert(k.id))
        .filter_map(|k| {
            let exact = k.lat.zip(k.lon).map(|(lat, lon)| GeoPoint { lat, lon });
            let distance = location.zip(exact).map(|(a, b)| a.distance_m(b));
            let near = distance.is_some_and(|d| d <= DUPLICATE_RADIUS_M);
            let alike = near || tawasol_domain::search::similar_titles(title, &k.title);
            alike.then(|| (distance.unwrap_or(DUPLICATE_RADIUS_M), k.id))
        })
        .collect();
    // Nearest first; among equals, the newest (as the list they were once taken from).
    scored.sort_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
    scored.truncate(5);
    if scored.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i64> = scored.iter().map(|(_, id)| *id).collect();
    let mut rows = issue::list(
        c,
        &IssueFilter {
            ids: Some(ids.clone()),
            status: Some(StatusFilter::Open),
            ..IssueFilter::default()
        },
        None,
        5,
    )?;
    rows.retain(|r| r.visibility.is_public());
    Ok(ids
        .iter()
        .filter_map(|id| {
            let at = rows.iter().position(|r| r.id == *id)?;
            Some(IssueView::from(rows.swap_remove(at)))
        })
        .collect())
}

/// Up to five open public issues of this commune and category within 100 m of `location` or
/// with a similar title: offered before posting ("support this one instead"), and after (the
/// same rule, [`similar_in`]).
pub async fn similar_open(
    state: &AppState,
    commune: String,
    category: String,
    title: &str,
    location: Option<GeoPoint>,
    except: Option<i64>,
) -> Result<Vec<IssueView>, UseCaseError> {
    let title = title.to_owned();
    with_conn(&state.db, move |c| {
        let Some(place) = issue::report_place(c, &commune, None, &category)? else {
            return Ok(Vec::new());
        };
        let Some((category_id, _)) = place.category else {
            return Ok(Vec::new());
        };
        similar_in(c, place.commune_id, category_id, &title, location, except)
    })
    .await
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
    let held = contains_personal_data(description.as_str())
        || contains_personal_data(title.as_str())
        || address.as_deref().is_some_and(contains_personal_data);
    let search_text = index_terms(&format!("{} {}", title.as_str(), description.as_str()));
    let rate_limits = state.rate_limits;
    let state2 = state.clone();
    let caller2 = caller.clone();
    // One connection and one transaction for everything: the account, its allowance, the place,
    // the issue, the officials' mails, what the surface records with it, and the similar issues
    // offered with the answer. A refusal anywhere rolls back all of it, the allowance's hit
    // included (a report refused for what it says does not spend it).
    let (reported, queued) = in_transaction(&state.db, move |c| {
        let account = account::find(c, author)?.ok_or(UseCaseError::UserNotFound(author))?;
        // New accounts may report less often: a fresh account is the cheapest tool of a spammer.
        let limit = if at - account.created_at < crate::usecases::limits::NEW_ACCOUNT {
            3
        } else {
            10
        };
        crate::usecases::limits::throttle_in(
            c,
            rate_limits,
            &format!("report:user:{author}"),
            limit,
            TimeDelta::hours(1),
            at,
        )?;
        let language = language.unwrap_or(account.locale);
        let slug = CommuneSlug::parse(&input.commune)
            .map_err(|_| UseCaseError::invalid("commune", "field-commune"))?;
        let place = issue::report_place(
            c,
            slug.as_str(),
            input.arrondissement.as_deref(),
            &input.category,
        )?
        .ok_or_else(|| UseCaseError::invalid("commune", "field-commune"))?;
        if location.is_some_and(|p| !place.bounding_box.contains(p)) {
            return Err(UseCaseError::invalid("location", "field-location-outside"));
        }
        if input.arrondissement.is_some() && place.arrondissement_id.is_none() {
            return Err(UseCaseError::invalid(
                "arrondissement",
                "field-arrondissement",
            ));
        }
        let Some((category_id, category_names)) = place.category.clone() else {
            return Err(UseCaseError::invalid("category", "field-category"));
        };
        let row = issue::create_returning(
            c,
            &IssueInsertForm {
                commune_id: place.commune_id,
                category_id,
                arrondissement_id: place.arrondissement_id,
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
            &IssuePlaceNames {
                commune: slug.as_str().to_owned(),
                category: input.category.clone(),
                arrondissement: input.arrondissement.clone(),
            },
        )?;
        let id = row.id;
        let mut queued = 0;
        if row.visibility.is_public() {
            let (ar, fr, zgh) = place.commune_names;
            let (k_ar, k_fr, k_zgh) = category_names;
            queued = notify_officials_of_new_issue(
                &state2,
                c,
                &row,
                (place.commune_id, place.arrondissement_id, category_id),
                Names { ar, fr, zgh },
                Names {
                    ar: k_ar,
                    fr: k_fr,
                    zgh: k_zgh,
                },
                at,
            )?;
        }
        also(c, id)?;
        let possible_duplicates = similar_in(
            c,
            place.commune_id,
            category_id,
            &row.title,
            location,
            Some(id),
        )?;
        let reported = Reported {
            issue: IssueView::for_viewer(row, &caller2),
            possible_duplicates,
        };
        Ok((reported, queued))
    })
    .await?;
    // After the commit, and without waiting for it: the mail worker takes the officials' mails
    // (not woken for nothing: under load, each wake costs it a check-out and a statement).
    if queued > 0 {
        state.mail.wake();
    }
    Ok(reported)
}

/// Officials of the issue's scope hear of a new public issue at once (names of the commune and
/// category in each official's language, as the report resolved them); how many mails queued.
fn notify_officials_of_new_issue(
    state: &AppState,
    c: &mut AnyConnection,
    row: &IssueRow,
    (commune_id, arrondissement_id, category_id): (i64, Option<i64>, i64),
    commune_names: Names,
    category_names: Names,
    at: NaiveDateTime,
) -> Result<usize, UseCaseError> {
    let officials = issue::officials_in_scope(c, commune_id, arrondissement_id, category_id)?;
    if officials.is_empty() {
        return Ok(0);
    }
    let template = Template::IssueNewForOfficial {
        issue_title: row.title.clone(),
        commune: row.commune.clone(),
        category: row.category.clone(),
        commune_names: Some(commune_names),
        category_names: Some(category_names),
        issue_url: issue_url(state, row.id),
    };
    notify(
        c,
        &officials,
        None,
        &template,
        &format!("issue-new:{}", row.id),
        at,
    )
}
