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
        AnyConnection::Sqlite(lite) => {
            let applied = lite
                .run_pending_migrations(SQLITE_MIGRATIONS)
                .map(|v| v.len())
                .map_err(failed)?;
            refresh_sqlite_statistics(lite, applied > 0)?;
            Ok(applied)
        }
    }
}

/// SQLite's planner reads its statistics only from `ANALYZE` (PostgreSQL's autovacuum keeps its
/// own): an index a migration just made has none, and the planner may then prefer it where it
/// does not fit (a partial index of open issues by category, for a commune's newest issues,
/// made the list sort 170,000 rows: 450 ms instead of a millisecond). After a migration the
/// whole database is analysed, sampling a bounded number of rows per index, which keeps start-up
/// short at a million issues; at every other start `PRAGMA optimize` analyses only the tables
/// whose size changed enough since.
fn refresh_sqlite_statistics(
    lite: &mut diesel::SqliteConnection,
    migrated: bool,
) -> Result<(), PersistenceError> {
    diesel::sql_query("PRAGMA analysis_limit = 1000").execute(lite)?;
    if migrated {
        diesel::sql_query("ANALYZE").execute(lite)?;
    } else {
        diesel::sql_query("PRAGMA optimize = 0x10002").execute(lite)?;
    }
    Ok(())
}

pub fn has_pending(conn: &mut AnyConnection) -> Result<bool, PersistenceError> {
    match conn {
        AnyConnection::Postgresql(pg) => pg.has_pending_migration(POSTGRES_MIGRATIONS),
        AnyConnection::Sqlite(lite) => lite.has_pending_migration(SQLITE_MIGRATIONS),
    }
    .map_err(failed)
}
