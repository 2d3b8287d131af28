//! Posting a request (`POST requests`) and finding it again by its token.

use super::{Open311Refusal, caller_of, jurisdiction, optional_jurisdiction};
use crate::auth::token;
use crate::context::AppState;
use crate::usecases::issues::{self, NewIssue};
use crate::usecases::with_conn;
use tawasol_domain::Locale;
use tawasol_domain::issue::Visibility;
use tawasol_domain::open311 as rules;
use tawasol_persistence::api_key;
use tawasol_persistence::issue as issue_repo;

/// What a client posts (`POST requests`), as the surface parsed it from the form and the
/// query: the key, the service, where, and what.
#[derive(Debug, Clone)]
pub struct Submission {
    pub api_key: String,
    pub jurisdiction_id: Option<String>,
    pub service_code: String,
    /// Latitude and longitude, when the client gives them.
    pub location: Option<(f64, f64)>,
    pub address: Option<String>,
    pub description: String,
    /// The language of the description, when the client says it (`lang`).
    pub language: Option<Locale>,
    /// The reader's language (`?lang=`, `Accept-Language`, Arabic), for the service notice.
    pub locale: Locale,
}

/// The answer to a POST.
#[derive(Debug, Clone)]
pub struct Submitted {
    /// `None` while the issue is held for a moderator (it has no public id yet).
    pub service_request_id: Option<i64>,
    pub token: String,
    pub service_notice: String,
}

/// Reports an issue for the key's owner. The title is derived from the description; contact
/// fields (email, names, phone, device and account ids) are not kept at all.
pub async fn submit(
    state: &AppState,
    input: Submission,
    request_id: Option<String>,
    ip: Option<String>,
) -> Result<Submitted, Open311Refusal> {
    let (key_id, caller) = caller_of(state, &input.api_key, request_id, ip).await?;
    let found = jurisdiction(state, input.jurisdiction_id.as_deref()).await?;
    let code = input.service_code;
    if !found.categories.iter().any(|k| k.code.as_str() == code) {
        return Err(Open311Refusal::ServiceNotFound);
    }
    let token = token::generate();
    let stored = token.clone();
    let at = state.clock.now();
    let reported = issues::report_with(
        state,
        &caller,
        NewIssue {
            commune: found.commune.slug.as_str().to_owned(),
            category: code,
            title: rules::title_from_description(&input.description),
            description: input.description,
            language: input.language.map(|l| l.as_str().to_owned()),
            location: input.location,
            address: input.address,
            arrondissement: None,
        },
        // The token is stored with the issue: never an issue without its token.
        move |c, id| Ok(api_key::create_token(c, &stored, id, key_id, at)?),
    )
    .await?;
    let id = reported.issue.id;
    let public = reported.issue.visibility == Visibility::Public.as_str();
    let notice = if public {
        "open311-notice-published"
    } else {
        "open311-notice-held"
    };
    Ok(Submitted {
        service_request_id: public.then_some(id),
        token,
        service_notice: crate::i18n::text(input.locale, notice),
    })
}

/// `tokens/{token}`: the request's id once public, none while held; not found otherwise.
pub async fn token_status(
    state: &AppState,
    jurisdiction_id: Option<&str>,
    token: &str,
) -> Result<Option<i64>, Open311Refusal> {
    let commune = optional_jurisdiction(state, jurisdiction_id).await?;
    let wanted = token.to_owned();
    let found = with_conn(&state.db, move |c| {
        let Some((id, public)) = api_key::find_token(c, &wanted)? else {
            return Ok(None);
        };
        let in_commune = match &commune {
            None => true,
            Some(slug) => issue_repo::find(c, id)?.is_some_and(|r| r.commune == *slug),
        };
        Ok(in_commune.then_some((id, public)))
    })
    .await?;
    match found {
        Some((id, true)) => Ok(Some(id)),
        Some((_, false)) => Ok(None),
        None => Err(Open311Refusal::TokenNotFound),
    }
}
