//! Whether this instance can serve: the database answers and its schema is current.

use super::{UseCaseError, blocking};
use std::time::Duration;
use tawasol_persistence::{Database, PersistenceError, Readiness};

/// How long a readiness probe waits for the database before it says "not ready".
const PROBE_TIMEOUT: Duration = Duration::from_secs(3);

/// Asked on the database's probe connection, never the request pool's, and bounded in time.
pub async fn readiness(db: &Database) -> Result<Readiness, UseCaseError> {
    let db = db.clone();
    match tokio::time::timeout(PROBE_TIMEOUT, blocking(move || Ok(db.readiness()?))).await {
        Ok(answer) => answer,
        Err(_) => Err(UseCaseError::Persistence(PersistenceError::Unavailable(
            "the database did not answer the readiness probe in time".into(),
        ))),
    }
}
