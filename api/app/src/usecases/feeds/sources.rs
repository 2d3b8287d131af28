//! The feeds: a commune's new issues, an issue's thread and status changes, a petition's
//! steps, and a person's feed of everything they follow.

use super::entries::{issue_entry, reply_entry, status_entry, step_entry};
use super::model::{Entry, Feed, Link};
use super::{Address, LIMIT, epoch, issue_url, newest, petition_url};
use crate::auth::token;
use crate::context::AppState;
use crate::i18n::{Message, text};
use crate::usecases::{UseCaseError, with_conn};
use tawasol_domain::petition::PetitionStatus;
use tawasol_domain::{CommuneSlug, Locale};
use tawasol_persistence::feed::{self, Scope};
use tawasol_persistence::issue::{self, IssueFilter};
use tawasol_persistence::{commune, petition};

/// New public issues of a commune, or of one of its categories.
pub async fn commune(
    state: &AppState,
    locale: Locale,
    slug: &str,
    category: Option<&str>,
    address: Address,
) -> Result<Feed, UseCaseError> {
    let Ok(parsed) = CommuneSlug::parse(slug) else {
        return Err(UseCaseError::CommuneNotFound(slug.to_owned()));
    };
    let wanted = slug.to_owned();
    let chosen = category.map(str::to_owned);
    let category = chosen.clone();
    let (found, rows) = with_conn(&state.db, move |c| {
        let found = commune::find(c, &parsed)?.ok_or(UseCaseError::CommuneNotFound(wanted))?;
        if let Some(code) = &category
            && !found.categories.iter().any(|k| k.code.as_str() == code)
        {
            return Err(UseCaseError::CategoryNotFound {
                commune: parsed.as_str().to_owned(),
                category: code.clone(),
            });
        }
        let filter = IssueFilter {
            commune: Some(parsed.as_str().to_owned()),
            category: category.clone(),
            ..IssueFilter::default()
        };
        let rows = issue::list(c, &filter, None, LIMIT)?;
        Ok((found, rows))
    })
    .await?;
    let commune_name = found.commune.names.get(locale).to_owned();
    let label = |code: &str| {
        found
            .categories
            .iter()
            .find(|k| k.code.as_str() == code)
            .map_or_else(|| code.to_owned(), |k| k.names.get(locale).to_owned())
    };
    let entries: Vec<Entry> = rows
        .into_iter()
        .map(|r| {
            let name = label(&r.category);
            issue_entry(state, locale, r, &name)
        })
        .collect();
    let base = &state.public_url;
    let (title, alternates) = match &chosen {
        Some(code) => (
            Message::new("feed-category-title")
                .arg("commune", commune_name.as_str())
                .arg("category", label(code))
                .render(locale),
            vec![
                Link::page(format!("{base}/communes/{slug}?category={code}")),
                Link::json(format!(
                    "{base}/api/v1/issues?commune={slug}&category={code}"
                )),
            ],
        ),
        None => (
            Message::new("feed-commune-title")
                .arg("commune", commune_name.as_str())
                .render(locale),
            vec![
                Link::page(format!("{base}/communes/{slug}")),
                Link::json(format!("{base}/api/v1/issues?commune={slug}")),
            ],
        ),
    };
    Ok(Feed {
        id: address.id(state),
        lang: locale.as_str().to_owned(),
        title,
        updated: Feed::latest(&entries, epoch()),
        self_url: address.self_url(state),
        alternates,
        entries: newest(entries),
    })
}

/// The public thread and status changes of a public issue.
pub async fn issue(
    state: &AppState,
    locale: Locale,
    id: i64,
    address: Address,
) -> Result<Feed, UseCaseError> {
    let (row, replies, changes) = with_conn(&state.db, move |c| {
        let row = issue::find(c, id)?
            .filter(|r| r.visibility.is_public())
            .ok_or(UseCaseError::IssueNotFound(id))?;
        let replies = feed::replies(c, Scope::One(id), LIMIT)?;
        let changes = feed::status_changes(c, Scope::One(id), LIMIT)?;
        Ok((row, replies, changes))
    })
    .await?;
    let mut entries: Vec<Entry> = replies
        .into_iter()
        .map(|r| reply_entry(state, locale, r))
        .collect();
    entries.extend(changes.into_iter().map(|s| status_entry(state, locale, s)));
    Ok(Feed {
        id: address.id(state),
        lang: locale.as_str().to_owned(),
        title: Message::new("feed-issue-title")
            .arg("issue", row.title.as_str())
            .render(locale),
        updated: Feed::latest(&entries, row.created_at),
        self_url: address.self_url(state),
        alternates: vec![
            Link::page(issue_url(state, id)),
            Link::json(format!("{}/api/v1/issues/{id}", state.public_url)),
        ],
        entries: newest(entries),
    })
}

/// The public timeline of a petition past its draft.
pub async fn petition(
    state: &AppState,
    locale: Locale,
    id: i64,
    address: Address,
) -> Result<Feed, UseCaseError> {
    let (row, steps) = with_conn(&state.db, move |c| {
        let row = petition::find(c, id)?
            .filter(|r| r.status != PetitionStatus::Draft)
            .ok_or(UseCaseError::PetitionNotFound(id))?;
        Ok((row, feed::steps(c, Scope::One(id), LIMIT)?))
    })
    .await?;
    let entries: Vec<Entry> = steps
        .into_iter()
        .map(|s| step_entry(state, locale, &s))
        .collect();
    Ok(Feed {
        id: address.id(state),
        lang: locale.as_str().to_owned(),
        title: Message::new("feed-petition-title")
            .arg("petition", row.title.as_str())
            .render(locale),
        updated: Feed::latest(&entries, row.created_at),
        self_url: address.self_url(state),
        alternates: vec![
            Link::page(petition_url(state, id)),
            Link::json(format!("{}/api/v1/petitions/{id}", state.public_url)),
        ],
        entries: newest(entries),
    })
}

/// Everything the token's owner follows: replies and status changes of the issues they follow,
/// steps of the petitions they follow or signed. In `locale` when the reader named a language,
/// else in the owner's own. An unknown, replaced or revoked token is not found.
pub async fn personal(
    state: &AppState,
    token_value: &str,
    locale: Option<Locale>,
    address: Address,
) -> Result<Feed, UseCaseError> {
    let hash = token::hash(token_value);
    let (owner, replies, changes, steps) = with_conn(&state.db, move |c| {
        let owner = feed::token_owner(c, &hash)?.ok_or(UseCaseError::FeedNotFound)?;
        let scope = Scope::FollowedBy(owner.user_id);
        let replies = feed::replies(c, scope, LIMIT)?;
        let changes = feed::status_changes(c, scope, LIMIT)?;
        let steps = feed::steps(c, scope, LIMIT)?;
        Ok((owner, replies, changes, steps))
    })
    .await?;
    let locale = locale.unwrap_or(owner.locale);
    let mut entries: Vec<Entry> = replies
        .into_iter()
        .map(|r| reply_entry(state, locale, r))
        .collect();
    entries.extend(changes.into_iter().map(|s| status_entry(state, locale, s)));
    entries.extend(steps.iter().map(|s| step_entry(state, locale, s)));
    Ok(Feed {
        id: address.id(state),
        lang: locale.as_str().to_owned(),
        title: text(locale, "feed-me-title"),
        updated: Feed::latest(&entries, owner.created_at),
        self_url: address.self_url(state),
        alternates: Vec::new(),
        entries: newest(entries),
    })
}
