//! The operations every surface shares (REST, web pages, Open311, feeds): each takes parsed
//! input, does the work through persistence, and returns domain values or a [`UseCaseError`].

pub mod accounts;
pub mod admin;
pub mod api_keys;
pub mod communes;
pub mod desk;
pub mod digests;
pub mod exports;
pub mod feeds;
pub mod health;
pub mod idempotency;
pub mod issues;
pub mod limits;
pub mod moderation;
pub mod notifications;
pub mod open311;
pub mod outbox;
pub mod petitions;
pub mod stats;

use tawasol_domain::{Action, Actor, Denied, authorize};
use tawasol_persistence::{AnyConnection, Database, PersistenceError};

#[derive(Debug, thiserror::Error)]
pub enum UseCaseError {
    #[error("no commune is named {0:?}")]
    CommuneNotFound(String),
    #[error("no mail {0} in the outbox")]
    OutboxNotFound(i64),
    #[error("mail {0} is not dead: only dead mails can be re-queued")]
    OutboxNotDead(i64),
    #[error("invalid input: {0:?}")]
    Invalid(Vec<Invalid>),
    #[error("wrong address or password")]
    BadCredentials,
    #[error("the token is unknown, used or expired")]
    InvalidToken,
    #[error("denied: {0:?}")]
    Denied(Denied),
    #[error("too many attempts; retry in {retry_after} s")]
    Throttled { retry_after: u32 },
    #[error("no user {0}")]
    UserNotFound(i64),
    #[error("status change refused: {0}")]
    Transition(tawasol_domain::issue::TransitionError),
    #[error("a request with this Idempotency-Key is still running")]
    IdempotencyInFlight,
    #[error("this Idempotency-Key was used for another request")]
    IdempotencyMismatch,
    #[error("an official answer is the public record and cannot be hidden")]
    OfficialAnswerIsRecord,
    #[error("the reply can no longer be edited")]
    EditWindowClosed,
    #[error("no category {category:?} in commune {commune:?}")]
    CategoryNotFound { commune: String, category: String },
    #[error("no feed at this address")]
    FeedNotFound,
    #[error("no issue {0}")]
    IssueNotFound(i64),
    #[error("no organisation {0}")]
    OrganisationNotFound(i64),
    #[error("no API key {0}")]
    ApiKeyNotFound(i64),
    #[error("no petition {0}")]
    PetitionNotFound(i64),
    #[error("petition {0} is no longer a draft: its text is what signatories read")]
    PetitionNotDraft(i64),
    #[error("petition {0} is not collecting signatures")]
    PetitionNotCollecting(i64),
    #[error("this account already signed petition {0}")]
    AlreadySigned(i64),
    #[error("issue {0} is this account's own report: it cannot support it")]
    OwnReport(i64),
    #[error("issue {0} is in this official's scope: they answer it and do not support it")]
    AnswersIt(i64),
    #[error("a petition cannot go from {from:?} to {to:?}")]
    PetitionStep {
        from: tawasol_domain::petition::PetitionStatus,
        to: tawasol_domain::petition::PetitionStatus,
    },
    #[error("stored personal data cannot be decrypted: {0}")]
    Undecryptable(String),
    #[error("too many {} requests at once; retry in {} s", .0.class.as_str(), .0.retry_after)]
    Busy(crate::work::Busy),
    #[error(transparent)]
    Persistence(#[from] PersistenceError),
    #[error("the task was interrupted")]
    Interrupted,
}

/// A WGS 84 position as the answers give it (`domain::GeoPoint` serialised): how the views
/// describe their locations' schema.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, utoipa::ToSchema)]
#[schema(as = GeoPoint)]
pub struct Position {
    /// Latitude, -90 to 90.
    pub lat: f64,
    /// Longitude, -180 to 180.
    pub lon: f64,
}

/// A field of the input that cannot be accepted, and why (a Fluent key).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Invalid {
    pub field: &'static str,
    pub message: &'static str,
}

/// The parsed value, or a note of which field is wrong, so that every wrong field is reported at
/// once.
pub(crate) fn check<T, E>(
    parsed: Result<T, E>,
    field: &'static str,
    message: &'static str,
    invalid: &mut Vec<Invalid>,
) -> Option<T> {
    match parsed {
        Ok(v) => Some(v),
        Err(_) => {
            invalid.push(Invalid { field, message });
            None
        }
    }
}

/// A parsed text, or a note of which field is wrong and why: its length (`message`), control
/// characters, bidirectional controls in a name, or personal data where it cannot be held.
pub(crate) fn check_text<T>(
    parsed: Result<T, tawasol_domain::text::InvalidText>,
    field: &'static str,
    message: &'static str,
    invalid: &mut Vec<Invalid>,
) -> Option<T> {
    let message = match &parsed {
        Err(e) => text_message(*e, message),
        Ok(_) => message,
    };
    check(parsed, field, message, invalid)
}

/// The Fluent key that says what is wrong with a text (`length` for its length).
pub(crate) fn text_message(
    e: tawasol_domain::text::InvalidText,
    length: &'static str,
) -> &'static str {
    use tawasol_domain::text::InvalidText as T;
    match e {
        T::TooShort | T::TooLong => length,
        T::ControlCharacters => "field-text-control",
        T::BidiControls => "field-text-bidi",
        T::PersonalData => "field-personal-data",
    }
}

/// One text field, parsed or refused with its own error (for use-cases with a single field).
pub(crate) fn text<T>(
    parsed: Result<T, tawasol_domain::text::InvalidText>,
    field: &'static str,
    message: &'static str,
) -> Result<T, UseCaseError> {
    parsed.map_err(|e| UseCaseError::invalid(field, text_message(e, message)))
}

impl UseCaseError {
    pub fn invalid(field: &'static str, message: &'static str) -> UseCaseError {
        UseCaseError::Invalid(vec![Invalid { field, message }])
    }
}

/// Who is asking, as every surface tells it: the actor (read from the database on this request),
/// their session, and for the audit and throttles the request id and address.
#[derive(Debug, Clone)]
pub struct Caller {
    pub actor: Actor,
    pub session_id: Option<i64>,
    pub request_id: Option<String>,
    pub ip: Option<String>,
}

impl Caller {
    pub fn anonymous() -> Caller {
        Caller {
            actor: Actor::Anonymous,
            session_id: None,
            request_id: None,
            ip: None,
        }
    }

    /// The policy's verdict on `action`, as a use-case error.
    pub fn may(&self, action: &Action) -> Result<(), UseCaseError> {
        authorize(&self.actor, action).map_err(UseCaseError::Denied)
    }

    pub fn user_id(&self) -> Option<i64> {
        match &self.actor {
            Actor::User(u) => Some(u.id),
            Actor::Anonymous => None,
        }
    }
}

impl From<crate::work::Busy> for UseCaseError {
    fn from(busy: crate::work::Busy) -> Self {
        UseCaseError::Busy(busy)
    }
}

/// Runs blocking database work off the async workers, on a pooled connection.
pub(crate) async fn with_conn<T, F>(db: &Database, work: F) -> Result<T, UseCaseError>
where
    T: Send + 'static,
    F: FnOnce(&mut AnyConnection) -> Result<T, UseCaseError> + Send + 'static,
{
    let db = db.clone();
    blocking(move || work(&mut *db.conn()?)).await
}

/// Runs blocking database work in one write transaction (`persistence::write_transaction`):
/// everything commits together, or nothing does.
pub(crate) async fn in_transaction<T, F>(db: &Database, work: F) -> Result<T, UseCaseError>
where
    T: Send + 'static,
    F: FnOnce(&mut AnyConnection) -> Result<T, UseCaseError> + Send + 'static,
{
    with_conn(db, move |conn| {
        tawasol_persistence::write_transaction(conn, work)
    })
    .await
}

/// Runs blocking work off the async workers.
pub(crate) async fn blocking<T, F>(work: F) -> Result<T, UseCaseError>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T, UseCaseError> + Send + 'static,
{
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|_| UseCaseError::Interrupted)?
}

/// One page of a list, and the key to continue after it (if there is more).
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T, K> {
    pub items: Vec<T>,
    pub next: Option<K>,
}

impl<T, K> Page<T, K> {
    /// The page from rows fetched with one more than `limit` (that extra row tells whether
    /// another page follows); `key` gives the cursor key of the last row kept.
    pub fn from_overfetch(
        mut rows: Vec<T>,
        limit: tawasol_domain::PageLimit,
        key: impl Fn(&T) -> K,
    ) -> Page<T, K> {
        let limit = usize::from(limit.get());
        let next = if rows.len() > limit {
            rows.truncate(limit);
            rows.last().map(key)
        } else {
            None
        };
        Page { items: rows, next }
    }

    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U, K> {
        Page {
            items: self.items.into_iter().map(f).collect(),
            next: self.next,
        }
    }
}

/// The ids behind a commune, arrondissement and categories, or a field error naming the unknown
/// one (`categories_field` is the name of the categories field in the caller's input).
pub(crate) fn resolve_place(
    resolved: tawasol_persistence::role::Resolved,
    categories_field: &'static str,
) -> Result<(i64, Option<i64>, Vec<i64>), UseCaseError> {
    use tawasol_persistence::role::Resolved;
    match resolved {
        Resolved::Ok {
            commune_id,
            arrondissement_id,
            category_ids,
        } => Ok((commune_id, arrondissement_id, category_ids)),
        Resolved::UnknownCommune => Err(UseCaseError::invalid("commune", "field-commune")),
        Resolved::UnknownArrondissement => Err(UseCaseError::invalid(
            "arrondissement",
            "field-arrondissement",
        )),
        Resolved::UnknownCategory(_) => {
            Err(UseCaseError::invalid(categories_field, "field-category"))
        }
    }
}
