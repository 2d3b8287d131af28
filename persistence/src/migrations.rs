//! Embedded migrations, one directory per backend, applied at start-up.

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use diesel::RunQueryDsl;
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

pub const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations/postgres");
pub const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations/sqlite");

/// Arbitrary, fixed key of the advisory lock that serialises migrations across replicas.
const MIGRATION_LOCK_KEY: i64 = 0x7461_7761_736f_6c00;

fn failed(e: impl std::fmt::Display) -> PersistenceError {
    PersistenceError::Migration(e.to_string())
}

pub fn run_pending(conn: &mut AnyConnection) -> Result<usize, PersistenceError> {
    match conn {
        AnyConnection::Postgresql(pg) => {
            diesel::sql_query(format!("SELECT pg_advisory_lock({MIGRATION_LOCK_KEY})"))
                .execute(pg)?;
            let applied = pg
                .run_pending_migrations(POSTGRES_MIGRATIONS)
                .map(|v| v.len());
            diesel::sql_query(format!("SELECT pg_advisory_unlock({MIGRATION_LOCK_KEY})"))
                .execute(pg)?;
            applied.map_err(failed)
        }
        AnyConnection::Sqlite(lite) => lite
            .run_pending_migrations(SQLITE_MIGRATIONS)
            .map(|v| v.len())
            .map_err(failed),
    }
}

pub fn has_pending(conn: &mut AnyConnection) -> Result<bool, PersistenceError> {
    match conn {
        AnyConnection::Postgresql(pg) => pg.has_pending_migration(POSTGRES_MIGRATIONS),
        AnyConnection::Sqlite(lite) => lite.has_pending_migration(SQLITE_MIGRATIONS),
    }
    .map_err(failed)
}
