//! Atom feeds: new public issues of a commune (or of one of its categories), the public thread
//! and status changes of an issue, the public steps of a petition, and a person's feed of
//! everything they follow, at a secret address.
//!
//! Feeds show only what the public pages show: public issues and replies, petitions past their
//! draft, display names (never an e-mail, a CIN or an address). Texts that people wrote keep
//! their own language; fixed texts are rendered in the feed's language.
//!
//! `sources` builds each feed (a commune's, an issue's, a petition's, a person's), `entries`
//! turns rows into entries with their fixed texts, `tokens` makes and revokes the personal
//! feed's secret address; `model` is what a feed holds, whatever writes it.

mod entries;
pub mod model;
mod sources;
mod tokens;

pub use sources::{commune, issue, personal, petition};
pub use tokens::{create_token, revoke_token};

use crate::context::AppState;
use chrono::{DateTime, NaiveDateTime};
use model::Entry;
use tawasol_domain::Locale;

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

/// Newest first (ties by id, so that the order is stable), at most [`ENTRIES`].
fn newest(mut entries: Vec<Entry>) -> Vec<Entry> {
    entries.sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| b.id.cmp(&a.id)));
    entries.truncate(ENTRIES);
    entries
}

const LIMIT: i64 = ENTRIES as i64;
