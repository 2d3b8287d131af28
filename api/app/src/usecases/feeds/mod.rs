//! Atom feeds: new public issues of a commune (or of one of its categories), the public thread
//! and status changes of an issue, the public steps of a petition, and a person's feed of
//! everything they follow, at a secret address.
//!
//! Feeds show only what the public pages show: public issues and replies, petitions past their
//! draft, display names (never an e-mail, a CIN or an address). Texts that people wrote keep
//! their own language; fixed texts are rendered in the feed's language.

pub mod model;

use super::{Caller, UseCaseError, in_transaction, with_conn};
use crate::auth::token;
use crate::context::AppState;
use crate::i18n::{Message, text};
use chrono::{DateTime, NaiveDateTime};
use model::{Category, Entry, Feed, Link, Text};
use serde_json::Value;
use tawasol_domain::issue::IssueStatus;
use tawasol_domain::petition::PetitionStatus;
use tawasol_domain::{Action, CommuneSlug, Locale};
use tawasol_persistence::feed::{self, ReplyEntry, Scope, StatusEntry, StepEntry};
use tawasol_persistence::issue::{self, IssueFilter, IssueRow};
use tawasol_persistence::{commune, petition};

/// The newest entries a feed carries.
pub const ENTRIES: usize = 50;

/// When a feed has no entry yet and nothing else dates it: the day the reference data (communes
/// and categories) was published.
fn epoch() -> NaiveDateTime {
    DateTime::parse_from_rfc3339("2026-11-22T00:00:00Z")
        .map(|d| d.naive_utc())
        .unwrap_or_default()
}

/// Where a feed is read from: its address (without the query), and the query's language if the
/// reader named one, for the `self` link.
#[derive(Debug, Clone)]
pub struct Address {
    pub path: String,
    pub lang: Option<Locale>,
}

impl Address {
    fn id(&self, state: &AppState) -> String {
        format!("{}{}", state.public_url, self.path)
    }

    fn self_url(&self, state: &AppState) -> String {
        match self.lang {
            Some(l) => format!("{}{}?lang={}", state.public_url, self.path, l.as_str()),
            None => self.id(state),
        }
    }
}

fn issue_url(state: &AppState, id: i64) -> String {
    format!("{}/issues/{id}", state.public_url)
}

fn petition_url(state: &AppState, id: i64) -> String {
    format!("{}/petitions/{id}", state.public_url)
}

/// A person's public name (in no language of its own: it goes with the entry's), or "former
/// resident", in the feed's language, once they erased their account.
fn person(name: &str, locale: Locale, entry_lang: &str) -> Text {
    if name.is_empty() {
        Text::new(locale.as_str(), text(locale, "feed-former-resident"))
    } else {
        Text::new(entry_lang, name)
    }
}

fn issue_entry(state: &AppState, locale: Locale, r: IssueRow, category: &str) -> Entry {
    let lang = r.language.as_str().to_owned();
    Entry {
        id: issue_url(state, r.id),
        title: Text::new(&lang, r.title),
        // The public record does not name reporters; neither does the feed.
        author: Text::new(locale.as_str(), text(locale, "feed-resident")),
        published: r.created_at,
        updated: r.created_at,
        link: issue_url(state, r.id),
        category: Some(Category {
            term: r.category,
            label: category.to_owned(),
        }),
        summary: None,
        content: Text::new(&lang, r.description),
        lang,
    }
}

fn reply_entry(state: &AppState, locale: Locale, r: ReplyEntry) -> Entry {
    let author = person(&r.author_name, locale, r.issue_language.as_str());
    let title = match (&r.official_title, r.is_official) {
        (Some(role), true) => Message::new("feed-answer-title")
            .arg("author", author.text.as_str())
            .arg("role", role.as_str()),
        _ => Message::new("feed-reply-title").arg("author", author.text.as_str()),
    }
    .arg("issue", r.issue_title.as_str())
    .render(locale);
    let url = issue_url(state, r.issue_id);
    Entry {
        id: format!("{url}#reply-{}", r.id),
        lang: r.issue_language.as_str().to_owned(),
        title: Text::new(locale.as_str(), title),
        author,
        published: r.created_at,
        updated: r.edited_at.unwrap_or(r.created_at),
        link: url,
        category: None,
        summary: None,
        content: Text::new(r.issue_language.as_str(), r.body),
    }
}

fn status_name(locale: Locale, status: IssueStatus) -> String {
    text(
        locale,
        &format!("status-{}", status.as_str().replace('_', "-")),
    )
}

fn status_entry(state: &AppState, locale: Locale, s: StatusEntry) -> Entry {
    let title = Message::new("feed-status-title")
        .arg("status", status_name(locale, s.to_status))
        .arg("issue", s.issue_title.as_str())
        .render(locale);
    let mut facts = Vec::new();
    if let Some(d) = s.expected_on {
        facts.push(Message::new("feed-status-expected").arg("date", d.to_string()));
    }
    if let Some(b) = s.responsible_body.as_deref().filter(|b| !b.is_empty()) {
        facts.push(Message::new("feed-status-responsible").arg("body", b));
    }
    if let Some(original) = s.duplicate_of {
        facts.push(Message::new("feed-status-duplicate").arg("url", issue_url(state, original)));
    }
    let summary = (!facts.is_empty()).then(|| {
        let lines: Vec<String> = facts.iter().map(|m| m.render(locale)).collect();
        Text::new(locale.as_str(), lines.join("\n"))
    });
    let url = issue_url(state, s.issue_id);
    // A change without a note still says what happened.
    let content = if s.note.trim().is_empty() {
        Text::new(locale.as_str(), title.clone())
    } else {
        Text::new(s.issue_language.as_str(), s.note)
    };
    Entry {
        id: format!("{url}#status-{}", s.id),
        lang: s.issue_language.as_str().to_owned(),
        title: Text::new(locale.as_str(), title),
        author: person(&s.actor_name, locale, s.issue_language.as_str()),
        published: s.created_at,
        updated: s.created_at,
        link: url,
        category: Some(Category {
            term: s.to_status.as_str().to_owned(),
            label: status_name(locale, s.to_status),
        }),
        summary,
        content,
    }
}

fn petition_status_name(locale: Locale, status: PetitionStatus) -> String {
    text(
        locale,
        &format!("petition-status-{}", status.as_str().replace('_', "-")),
    )
}

/// What a step carried, as sentences in the feed's language; the reasons and summaries that
/// people wrote are quoted as they wrote them.
fn step_lines(locale: Locale, details: &Value) -> Vec<String> {
    let get = |k: &str| details.get(k).and_then(Value::as_str).map(str::to_owned);
    let mut lines = Vec::new();
    if let (Some(number), Some(date)) = (get("receipt_number"), get("filed_on")) {
        lines.push(
            Message::new("feed-step-filed")
                .arg("number", number)
                .arg("date", date)
                .render(locale),
        );
    }
    if let Some(date) = get("refusal_deadline") {
        lines.push(
            Message::new("feed-step-refusal-deadline")
                .arg("date", date)
                .render(locale),
        );
    }
    if let Some(date) = get("next_session_on") {
        lines.push(
            Message::new("feed-step-next-session")
                .arg("date", date)
                .render(locale),
        );
    }
    if let Some(date) = get("session_date") {
        lines.push(
            Message::new("feed-step-agenda")
                .arg("date", date)
                .arg("committee", get("committee").unwrap_or_default())
                .render(locale),
        );
    }
    match get("outcome").as_deref() {
        Some("adopted") => lines.push(text(locale, "feed-step-outcome-adopted")),
        Some("rejected") => lines.push(text(locale, "feed-step-outcome-rejected")),
        _ => {}
    }
    if let (Some(count), Some(threshold)) = (
        details.get("signatures").and_then(Value::as_i64),
        details.get("threshold").and_then(Value::as_i64),
    ) {
        lines.push(
            Message::new("feed-step-threshold")
                .arg("count", count)
                .arg("threshold", threshold)
                .render(locale),
        );
    }
    for key in ["reason", "summary"] {
        if let Some(t) = get(key).filter(|t| !t.trim().is_empty()) {
            lines.push(t);
        }
    }
    lines
}

fn step_entry(state: &AppState, locale: Locale, s: &StepEntry) -> Entry {
    let status = petition_status_name(locale, s.to_status);
    let title = Message::new("feed-step-title")
        .arg("status", status.as_str())
        .arg("petition", s.petition_title.as_str())
        .render(locale);
    let author = match s.actor_name.as_deref() {
        None => Text::new(locale.as_str(), text(locale, "feed-platform")),
        Some(name) => person(name, locale, locale.as_str()),
    };
    let details = serde_json::from_str(&s.details).unwrap_or(Value::Null);
    let mut lines = step_lines(locale, &details);
    if lines.is_empty() {
        lines.push(status.clone());
    }
    let url = petition_url(state, s.petition_id);
    // Petitions carry no language of their own: their entries are in the feed's language.
    Entry {
        id: format!("{url}#step-{}", s.id),
        lang: locale.as_str().to_owned(),
        title: Text::new(locale.as_str(), title),
        author,
        published: s.created_at,
        updated: s.created_at,
        link: url,
        category: Some(Category {
            term: s.to_status.as_str().to_owned(),
            label: status,
        }),
        summary: None,
        content: Text::new(locale.as_str(), lines.join("\n")),
    }
}

/// Newest first (ties by id, so that the order is stable), at most [`ENTRIES`].
fn newest(mut entries: Vec<Entry>) -> Vec<Entry> {
    entries.sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| b.id.cmp(&a.id)));
    entries.truncate(ENTRIES);
    entries
}

const LIMIT: i64 = ENTRIES as i64;

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

/// The secret address of the caller's personal feed, made now (shown this once; only its hash is
/// kept). Any previous address stops working.
pub async fn create_token(state: &AppState, caller: &Caller) -> Result<String, UseCaseError> {
    caller.may(&Action::ReadOwnAccount)?;
    let user = caller.user_id().ok_or(UseCaseError::Denied(
        tawasol_domain::Denied::NotAuthenticated,
    ))?;
    let value = token::generate();
    let hash = token::hash(&value);
    let at = state.clock.now();
    in_transaction(&state.db, move |c| {
        Ok(feed::replace_token(c, user, &hash, at)?)
    })
    .await?;
    Ok(format!("{}/feeds/me/{value}.atom", state.public_url))
}

/// Revokes the caller's personal feed address (nothing to do if they had none).
pub async fn revoke_token(state: &AppState, caller: &Caller) -> Result<(), UseCaseError> {
    caller.may(&Action::ReadOwnAccount)?;
    let user = caller.user_id().ok_or(UseCaseError::Denied(
        tawasol_domain::Denied::NotAuthenticated,
    ))?;
    in_transaction(&state.db, move |c| {
        feed::delete_token(c, user)?;
        Ok(())
    })
    .await
}
