//! What a feed holds, whatever writes it (the Atom surface writes it as RFC 4287 XML): the feed
//! use-cases build these.

use chrono::NaiveDateTime;

/// A text and the language it is written in (`xml:lang`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub lang: String,
    pub text: String,
}

impl Text {
    pub fn new(lang: impl Into<String>, text: impl Into<String>) -> Text {
        Text {
            lang: lang.into(),
            text: text.into(),
        }
    }
}

/// A link to another representation of what a feed or entry is about, with its media type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub href: String,
    pub media_type: &'static str,
}

impl Link {
    /// A web page (`text/html`).
    pub fn page(href: impl Into<String>) -> Link {
        Link {
            href: href.into(),
            media_type: "text/html",
        }
    }

    /// A resource of the REST API (`application/json`).
    pub fn json(href: impl Into<String>) -> Link {
        Link {
            href: href.into(),
            media_type: "application/json",
        }
    }
}

/// A feed: its own id, title and language, its links, and its entries newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    pub id: String,
    /// The feed's language: that of its fixed texts (`xml:lang` on `<feed>`).
    pub lang: String,
    pub title: String,
    pub updated: NaiveDateTime,
    pub self_url: String,
    /// What the feed follows in other forms: its web page, then its REST resource (at most one
    /// of each media type, as RFC 4287 asks).
    pub alternates: Vec<Link>,
    pub entries: Vec<Entry>,
}

/// An Atom category: a stable code and its name in the feed's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category {
    pub term: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: String,
    /// The language of the entry's own text (`xml:lang` on `<entry>`).
    pub lang: String,
    /// The title, with its language when that differs from the entry's (a fixed text).
    pub title: Text,
    pub author: Text,
    pub published: NaiveDateTime,
    pub updated: NaiveDateTime,
    /// The web page that shows the entry.
    pub link: String,
    pub category: Option<Category>,
    /// Fixed texts about the entry, in the feed's language.
    pub summary: Option<Text>,
    pub content: Text,
}

impl Feed {
    /// The newest `updated` of its entries, or `otherwise` when it has none.
    pub fn latest(entries: &[Entry], otherwise: NaiveDateTime) -> NaiveDateTime {
        entries.iter().map(|e| e.updated).max().unwrap_or(otherwise)
    }
}
