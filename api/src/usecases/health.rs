//! Whether this instance can serve: the database answers and its schema is current.

use super::{UseCaseError, blocking};
use tawasol_persistence::{Database, Readiness};

pub async fn readiness(db: &Database) -> Result<Readiness, UseCaseError> {
    let db = db.clone();
    blocking(move || Ok(db.readiness()?)).await
}
