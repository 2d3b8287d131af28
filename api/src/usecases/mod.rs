//! The operations every surface shares (REST, web pages, Open311, feeds): each takes parsed
//! input, does the work through persistence, and returns domain values or a [`UseCaseError`].

pub mod communes;
pub mod health;
pub mod outbox;

use tawasol_persistence::{AnyConnection, Database, PersistenceError};

#[derive(Debug, thiserror::Error)]
pub enum UseCaseError {
    #[error("no commune is named {0:?}")]
    CommuneNotFound(String),
    #[error("no mail {0} in the outbox")]
    OutboxNotFound(i64),
    #[error("mail {0} is not dead: only dead mails can be re-queued")]
    OutboxNotDead(i64),
    #[error(transparent)]
    Persistence(#[from] PersistenceError),
    #[error("the task was interrupted")]
    Interrupted,
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
