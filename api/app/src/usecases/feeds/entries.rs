//! Rows as feed entries: people's own texts keep their language, fixed texts are rendered in
//! the feed's.

use super::model::{Category, Entry, Text};
use super::{issue_url, petition_url};
use crate::context::AppState;
use crate::i18n::{Message, text};
use serde_json::Value;
use tawasol_domain::Locale;
use tawasol_domain::issue::IssueStatus;
use tawasol_domain::petition::PetitionStatus;
use tawasol_persistence::feed::{ReplyEntry, StatusEntry, StepEntry};
use tawasol_persistence::issue::IssueRow;

/// A person's public name (in no language of its own: it goes with the entry's), or "former
/// resident", in the feed's language, once they erased their account.
fn person(name: &str, locale: Locale, entry_lang: &str) -> Text {
    if name.is_empty() {
        Text::new(locale.as_str(), text(locale, "feed-former-resident"))
    } else {
        Text::new(entry_lang, name)
    }
}

pub(super) fn issue_entry(state: &AppState, locale: Locale, r: IssueRow, category: &str) -> Entry {
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

pub(super) fn reply_entry(state: &AppState, locale: Locale, r: ReplyEntry) -> Entry {
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

pub(super) fn status_entry(state: &AppState, locale: Locale, s: StatusEntry) -> Entry {
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

pub(super) fn step_entry(state: &AppState, locale: Locale, s: &StepEntry) -> Entry {
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
