//! One fresh database per test, on the backend the environment names, and the rows the
//! repository tests start from (`fixtures`).
//!
//! With `TAWASOL_TEST_DATABASE_URL=postgres://…` (a server where the user may create databases),
//! each test gets a new PostgreSQL database cloned from a migrated template; otherwise a new SQLite
//! file in the temporary folder. Either is removed when the [`TestDatabase`] is dropped.

mod fixtures;

pub use fixtures::{
    NewIssue, answer, at, open, person, petition, place, reply, signature, t0, user,
};

use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection, RunQueryDsl};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::migrations::{POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS};
use diesel_migrations::MigrationHarness;

pub const TEST_DATABASE_URL_VAR: &str = "TAWASOL_TEST_DATABASE_URL";

/// Names the PostgreSQL databases of a test run (`<namespace>_test_…`, `<namespace>_tpl_…`;
/// default `tawasol`), so that runs from several checkouts on one server, each with its own
/// migrations, never drop one another's template.
pub const TEST_NAMESPACE_VAR: &str = "TAWASOL_TEST_DB_NAMESPACE";

fn namespace() -> String {
    std::env::var(TEST_NAMESPACE_VAR)
        .ok()
        .map(|n| n.trim().to_ascii_lowercase())
        .filter(|n| {
            !n.is_empty()
                && n.len() <= 20
                && n.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        })
        .unwrap_or_else(|| "tawasol".to_owned())
}

/// Which backend the tests of this run use.
pub fn test_backend_is_postgres() -> bool {
    std::env::var(TEST_DATABASE_URL_VAR).is_ok_and(|u| !u.trim().is_empty())
}

#[derive(Debug)]
pub struct TestDatabase {
    url: String,
    cleanup: Cleanup,
}

#[derive(Debug)]
enum Cleanup {
    Postgres { admin_url: String, name: String },
    Sqlite { path: PathBuf },
}

impl TestDatabase {
    /// A new, migrated database. Panics with a clear message when the configured server cannot
    /// be used: a test must never pass silently on the wrong backend.
    pub fn new() -> TestDatabase {
        match std::env::var(TEST_DATABASE_URL_VAR) {
            Ok(admin_url) if !admin_url.trim().is_empty() => {
                TestDatabase::postgres(admin_url.trim())
            }
            _ => TestDatabase::sqlite(),
        }
    }

    /// An empty database with no migrations applied, to test migrating itself.
    pub fn empty() -> TestDatabase {
        match std::env::var(TEST_DATABASE_URL_VAR) {
            Ok(admin_url) if !admin_url.trim().is_empty() => {
                let admin_url = admin_url.trim();
                let name = unique_name(&format!("{}_test", namespace()));
                admin(admin_url)
                    .batch_execute(&format!("CREATE DATABASE {name} {UTF8}"))
                    .unwrap_or_else(|e| panic!("cannot create test database {name}: {e}"));
                TestDatabase {
                    url: with_database(admin_url, &name),
                    cleanup: Cleanup::Postgres {
                        admin_url: admin_url.to_owned(),
                        name,
                    },
                }
            }
            _ => {
                let path = std::env::temp_dir().join(format!("{}.db", unique_name("tawasol-test")));
                TestDatabase {
                    url: path.to_string_lossy().into_owned(),
                    cleanup: Cleanup::Sqlite { path },
                }
            }
        }
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    fn sqlite() -> TestDatabase {
        let db = TestDatabase::empty();
        let mut conn = diesel::SqliteConnection::establish(&db.url)
            .unwrap_or_else(|e| panic!("cannot open SQLite test database: {e}"));
        conn.run_pending_migrations(SQLITE_MIGRATIONS)
            .unwrap_or_else(|e| panic!("cannot migrate SQLite test database: {e}"));
        db
    }

    fn postgres(admin_url: &str) -> TestDatabase {
        let template = postgres_template(admin_url);
        let name = unique_name(&format!("{}_test", namespace()));
        admin(admin_url)
            .batch_execute(&format!("CREATE DATABASE {name} TEMPLATE {template}"))
            .unwrap_or_else(|e| panic!("cannot create test database {name}: {e}"));
        TestDatabase {
            url: with_database(admin_url, &name),
            cleanup: Cleanup::Postgres {
                admin_url: admin_url.to_owned(),
                name,
            },
        }
    }
}

impl Default for TestDatabase {
    fn default() -> Self {
        TestDatabase::new()
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::Postgres { admin_url, name } => {
                if let Ok(mut conn) = PgConnection::establish(admin_url) {
                    let _ =
                        conn.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
                }
            }
            Cleanup::Sqlite { path } => {
                for suffix in ["", "-wal", "-shm"] {
                    let mut p = path.clone().into_os_string();
                    p.push(suffix);
                    let _ = std::fs::remove_file(p);
                }
            }
        }
    }
}

/// UTF-8 with a UTF-8 locale, so that trigram and full-text search see Arabic and Tifinagh.
const UTF8: &str = "TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'";

fn unique_name(prefix: &str) -> String {
    format!("{prefix}_{}", uuid::Uuid::new_v4().simple())
}

fn admin(admin_url: &str) -> PgConnection {
    PgConnection::establish(admin_url).unwrap_or_else(|e| {
        panic!("{TEST_DATABASE_URL_VAR} is set but PostgreSQL cannot be reached: {e}")
    })
}

/// Replaces the database name in a `postgres://` URL, keeping its query parameters.
pub fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let after_scheme = base.find("://").map_or(0, |i| i + 3);
    let authority_end = base[after_scheme..]
        .find('/')
        .map_or(base.len(), |i| after_scheme + i);
    let mut out = format!("{}/{name}", &base[..authority_end]);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

/// A migrated template named after a hash of the PostgreSQL migrations, created once by whichever
/// test process gets there first (an advisory lock keeps parallel processes from racing).
fn postgres_template(admin_url: &str) -> &'static str {
    static TEMPLATE: OnceLock<String> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../migrations/postgres");
        let prefix = format!("{}_tpl_", namespace());
        let name = format!("{prefix}{}", &hash_dir(&dir)[..16]);
        let mut conn = admin(admin_url);
        conn.batch_execute("SELECT pg_advisory_lock(7478512)")
            .expect("advisory lock for the test template");
        let exists: i64 = diesel::sql_query(format!(
            "SELECT count(*) AS n FROM pg_database WHERE datname = '{name}'"
        ))
        .get_result::<Count>(&mut conn)
        .expect("looking up the test template")
        .n;
        if exists == 0 {
            let building = format!("{name}_building");
            for sql in [
                format!("DROP DATABASE IF EXISTS {building} WITH (FORCE)"),
                format!("CREATE DATABASE {building} {UTF8}"),
            ] {
                conn.batch_execute(&sql)
                    .unwrap_or_else(|e| panic!("cannot create the test template: {e}"));
            }
            {
                let mut tpl = PgConnection::establish(&with_database(admin_url, &building))
                    .expect("connecting to the test template");
                tpl.run_pending_migrations(POSTGRES_MIGRATIONS)
                    .unwrap_or_else(|e| panic!("cannot migrate the test template: {e}"));
            }
            conn.batch_execute(&format!("ALTER DATABASE {building} RENAME TO {name}"))
                .expect("publishing the test template");
            // Templates of older migrations are of no more use.
            let stale: Vec<Name> = diesel::sql_query(format!(
                "SELECT datname AS name FROM pg_database WHERE datname LIKE '{}%' AND datname <> '{name}'",
                prefix.replace('_', "\\_")
            ))
            .load(&mut conn)
            .unwrap_or_default();
            for old in stale {
                let _ = conn.batch_execute(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", old.name));
            }
        }
        conn.batch_execute("SELECT pg_advisory_unlock(7478512)")
            .expect("advisory unlock for the test template");
        name
    })
}

#[derive(diesel::QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

#[derive(diesel::QueryableByName)]
struct Name {
    #[diesel(sql_type = diesel::sql_types::Text)]
    name: String,
}

fn hash_dir(dir: &Path) -> String {
    let mut files = Vec::new();
    collect(dir, &mut files);
    files.sort();
    let mut hasher = Sha256::new();
    for f in files {
        hasher.update(f.to_string_lossy().as_bytes());
        hasher.update(std::fs::read(&f).unwrap_or_default());
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                collect(&p, out);
            } else {
                out.push(p);
            }
        }
    }
}

/// The schema of a database as sorted lines `table.column kind null|not null`, in words common to
/// both backends, to compare each with `migrations/schema.txt` so that the two can never drift.
/// The search structures, backend-specific by design, are left out: SQLite's `*_fts` FTS5
/// tables and PostgreSQL's stored `*_fts` tsvector columns.
pub fn describe_schema(db: &crate::Database) -> Vec<String> {
    use crate::connection::AnyConnection;
    #[derive(diesel::QueryableByName)]
    struct Column {
        #[diesel(sql_type = diesel::sql_types::Text)]
        table_name: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        column_name: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        data_type: String,
        #[diesel(sql_type = diesel::sql_types::Bool)]
        not_null: bool,
        #[diesel(sql_type = diesel::sql_types::Bool)]
        integer_key: bool,
    }
    let mut conn = db.conn().expect("connection for schema description");
    let columns: Vec<Column> = match &mut *conn {
        AnyConnection::Postgresql(pg) => diesel::sql_query(
            "SELECT table_name::text AS table_name, column_name::text AS column_name, \
                    data_type::text AS data_type, is_nullable = 'NO' AS not_null, false AS integer_key \
             FROM information_schema.columns \
             WHERE table_schema = 'public' AND table_name <> '__diesel_schema_migrations' \
               AND column_name NOT LIKE '%\\_fts' ESCAPE '\\'",
        )
        .load(pg),
        AnyConnection::Sqlite(lite) => diesel::sql_query(
            "SELECT m.name AS table_name, p.name AS column_name, p.type AS data_type, \
                    p.\"notnull\" <> 0 AS not_null, (p.pk <> 0 AND upper(p.type) = 'INTEGER') AS integer_key \
             FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' \
               AND m.name <> '__diesel_schema_migrations' AND m.name NOT LIKE '%\\_fts%' ESCAPE '\\'",
        )
        .load(lite),
    }
    .expect("reading the schema");
    let mut lines: Vec<String> = columns
        .into_iter()
        .map(|c| {
            let kind = match c.data_type.to_ascii_lowercase().as_str() {
                _ if c.integer_key => "bigint",
                "bigint" => "bigint",
                "integer" | "int" => "integer",
                "smallint" => "smallint",
                "text" | "character varying" => "text",
                "double precision" | "double" | "real" => "double",
                "timestamp" | "timestamp without time zone" => "timestamp",
                "date" => "date",
                "boolean" => "boolean",
                "bytea" | "blob" => "binary",
                other => return format!("{}.{} UNKNOWN({other})", c.table_name, c.column_name),
            };
            let null = if c.not_null { "not null" } else { "null" };
            format!("{}.{} {kind} {null}", c.table_name, c.column_name)
        })
        .collect();
    lines.sort();
    lines
}

/// Runs SQL on the test database directly, as an operator would (same SQL on both backends).
pub fn execute(db: &TestDatabase, sql: &str) {
    use crate::connection::AnyConnection;
    let database = crate::Database::connect(db.url(), crate::PoolSettings::default())
        .expect("connect to the test database");
    let mut conn = database.conn().expect("a connection");
    match &mut *conn {
        AnyConnection::Postgresql(c) => c.batch_execute(sql),
        AnyConnection::Sqlite(c) => c.batch_execute(sql),
    }
    .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

/// How many rows `table` holds (a test's look behind the repositories; the name is trusted).
pub fn count_rows(
    conn: &mut crate::AnyConnection,
    table: &str,
) -> Result<i64, crate::PersistenceError> {
    Ok(
        diesel::sql_query(format!("SELECT count(*) AS n FROM {table}"))
            .get_result::<Count>(conn)?
            .n,
    )
}

#[cfg(test)]
mod tests {
    use super::with_database;

    #[test]
    fn database_name_is_replaced_and_parameters_kept() {
        assert_eq!(
            with_database("postgres://postgres@127.0.0.1:5432/postgres", "t1"),
            "postgres://postgres@127.0.0.1:5432/t1"
        );
        assert_eq!(with_database("postgres://u@h", "t1"), "postgres://u@h/t1");
        assert_eq!(
            with_database("postgres://postgres@/db?host=/var/run/postgresql", "t1"),
            "postgres://postgres@/t1?host=/var/run/postgresql"
        );
    }
}
