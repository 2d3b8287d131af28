use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::migrations;
use diesel::connection::{InstrumentationEvent, SimpleConnection};
use diesel::prelude::*;
use diesel::r2d2::{
    self, CustomizeConnection, ManageConnection, Pool, PooledConnection, R2D2Connection,
};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Which database a URL names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Backend {
    Postgres { url: String },
    Sqlite { path: PathBuf },
}

impl Backend {
    /// `postgres://…` or `postgresql://…` is PostgreSQL; `sqlite://path`, `sqlite:path` or a plain
    /// file path is SQLite. Other schemes are refused rather than mistaken for a file name.
    pub fn from_url(url: &str) -> Result<Backend, PersistenceError> {
        let url = url.trim();
        if url.is_empty() {
            return Err(PersistenceError::InvalidUrl("it is empty".into()));
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(Backend::Postgres {
                url: url.to_owned(),
            });
        }
        let path = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
            .unwrap_or(url);
        if let Some((scheme, _)) = path.split_once("://") {
            return Err(PersistenceError::InvalidUrl(format!(
                "unsupported scheme {scheme:?}: use postgres://… or a SQLite file path"
            )));
        }
        if path.is_empty() || path == ":memory:" {
            return Err(PersistenceError::InvalidUrl(
                "a SQLite database needs a file path (an in-memory database would vanish)".into(),
            ));
        }
        Ok(Backend::Sqlite {
            path: PathBuf::from(path),
        })
    }

    pub fn name(&self) -> &'static str {
        match self {
            Backend::Postgres { .. } => "postgresql",
            Backend::Sqlite { .. } => "sqlite",
        }
    }
}

/// Builds each pooled connection for the backend the URL names. Diesel's own `establish` on a
/// multi-connection tries each backend in turn, and SQLite accepts any string as a file name: an
/// unreachable PostgreSQL would silently become a local file. This manager never guesses.
///
/// A check-out costs no round trip: a connection is asked `SELECT 1` only when it may be stale,
/// i.e. when it has been idle for [`PoolSettings::validate_after_idle`] (a database restarted
/// while the server was quiet, a connection a firewall dropped), or when another connection of
/// the pool has lost its server since this one was last seen working (a restart under load: the
/// first request to meet it fails, and every other connection is asked before its next use
/// rather than failing a request each). A connection that lost its server is closed when it
/// comes back to the pool. SQLite has no server to lose: its connections are never asked.
#[derive(Debug, Clone)]
pub struct AnyConnectionManager {
    backend: Backend,
    validate_after_idle: Duration,
    /// How many times a connection of this pool found its server gone.
    losses: Arc<AtomicU64>,
}

impl AnyConnectionManager {
    fn new(backend: Backend, validate_after_idle: Duration) -> AnyConnectionManager {
        AnyConnectionManager {
            backend,
            validate_after_idle,
            losses: Arc::default(),
        }
    }
}

/// What the pool knows of one connection, kept in the connection itself as its Diesel
/// instrumentation (which sees every statement's outcome).
struct Health {
    /// A statement failed because the connection to the server is gone.
    lost: bool,
    /// When it last came back to the pool.
    returned: Instant,
    /// The pool's count of losses when this connection was last known to work.
    losses_seen: u64,
    /// The pool's count, to raise when this connection loses its server.
    losses: Arc<AtomicU64>,
    /// Statements prepared and kept in the connection's cache ([`Database::statements_cached`]).
    cached: u64,
}

impl diesel::connection::Instrumentation for Health {
    fn on_connection_event(&mut self, event: InstrumentationEvent<'_>) {
        match event {
            InstrumentationEvent::FinishQuery {
                error: Some(error), ..
            } if !self.lost && connection_lost(error) => {
                self.lost = true;
                self.losses.fetch_add(1, Ordering::Relaxed);
            }
            InstrumentationEvent::CacheQuery { .. } => self.cached += 1,
            _ => {}
        }
    }
}

/// Errors after which the connection cannot be used again: the server closed it (restart,
/// `pg_terminate_backend`, a network cut), or a statement could not even be sent.
fn connection_lost(error: &diesel::result::Error) -> bool {
    use diesel::result::{DatabaseErrorKind, Error};
    matches!(
        error,
        Error::DatabaseError(
            DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand,
            _
        )
    )
}

fn health(conn: &mut AnyConnection) -> Option<&mut Health> {
    conn.instrumentation().downcast_mut::<Health>()
}

impl ManageConnection for AnyConnectionManager {
    type Connection = AnyConnection;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<AnyConnection, r2d2::Error> {
        let mut conn = match &self.backend {
            Backend::Postgres { url } => PgConnection::establish(url)
                .map(AnyConnection::Postgresql)
                .map_err(r2d2::Error::ConnectionError)?,
            Backend::Sqlite { path } => {
                let path = path.to_str().ok_or_else(|| {
                    r2d2::Error::ConnectionError(ConnectionError::BadConnection(
                        "the SQLite path is not valid UTF-8".into(),
                    ))
                })?;
                SqliteConnection::establish(path)
                    .map(AnyConnection::Sqlite)
                    .map_err(r2d2::Error::ConnectionError)?
            }
        };
        conn.set_instrumentation(Health {
            lost: false,
            returned: Instant::now(),
            losses_seen: self.losses.load(Ordering::Relaxed),
            losses: Arc::clone(&self.losses),
            cached: 0,
        });
        Ok(conn)
    }

    /// Called at each check-out: a round trip only when the connection may be stale.
    fn is_valid(&self, conn: &mut AnyConnection) -> Result<(), r2d2::Error> {
        let losses = self.losses.load(Ordering::Relaxed);
        let sqlite = matches!(conn, AnyConnection::Sqlite(_));
        match health(conn) {
            Some(h) if h.lost => {
                return Err(r2d2::Error::QueryError(
                    diesel::result::Error::BrokenTransactionManager,
                ));
            }
            Some(_) if sqlite => return Ok(()),
            Some(h)
                if h.losses_seen == losses && h.returned.elapsed() < self.validate_after_idle =>
            {
                return Ok(());
            }
            _ => {}
        }
        conn.ping().map_err(r2d2::Error::QueryError)?;
        if let Some(h) = health(conn) {
            h.losses_seen = losses;
        }
        Ok(())
    }

    /// Called at each return to the pool.
    fn has_broken(&self, conn: &mut AnyConnection) -> bool {
        if std::thread::panicking() || conn.is_broken() {
            return true;
        }
        match health(conn) {
            Some(h) => {
                h.returned = Instant::now();
                h.lost
            }
            None => false,
        }
    }
}

/// Settings applied to every SQLite connection: write-ahead log so readers never wait for the
/// writer, a busy timeout instead of immediate "database is locked", and foreign keys enforced.
#[derive(Debug, Clone, Copy)]
struct SqlitePragmas;

impl CustomizeConnection<AnyConnection, r2d2::Error> for SqlitePragmas {
    fn on_acquire(&self, conn: &mut AnyConnection) -> Result<(), r2d2::Error> {
        if let AnyConnection::Sqlite(c) = conn {
            c.batch_execute(
                // The busy timeout first: switching a new database to WAL takes a lock that
                // the pool's other first connections then wait for instead of failing.
                "PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; \
                 PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;",
            )
            .map_err(r2d2::Error::QueryError)?;
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Copy)]
pub struct PoolSettings {
    pub max_size: u32,
    pub connect_timeout: Duration,
    /// A connection idle for this long is asked `SELECT 1` before it is used again.
    pub validate_after_idle: Duration,
}

impl Default for PoolSettings {
    fn default() -> Self {
        PoolSettings {
            max_size: 10,
            connect_timeout: Duration::from_secs(5),
            validate_after_idle: Duration::from_secs(1),
        }
    }
}

/// What `/health/ready` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Readiness {
    Ready,
    PendingMigrations,
}

/// A pool of connections to one database, cheap to clone.
#[derive(Clone)]
pub struct Database {
    pool: Pool<AnyConnectionManager>,
    backend: Backend,
    /// The readiness probe's own connection, outside the pool: a probe never waits in the
    /// pool's queue behind requests, so a busy server is not mistaken for a dead one.
    probe: Arc<std::sync::Mutex<Option<AnyConnection>>>,
}

impl std::fmt::Debug for Database {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Database")
            .field("backend", &self.backend.name())
            .finish()
    }
}

pub type PooledConn = PooledConnection<AnyConnectionManager>;

impl Database {
    /// Opens a pool (creating the SQLite file and its folder if needed: on Unix the folder 0700
    /// and the file 0600, which SQLite gives its `-wal` and `-shm` files too). Blocking: call it
    /// from a blocking context. Fails if no connection can be made within the timeout.
    pub fn connect(url: &str, settings: PoolSettings) -> Result<Database, PersistenceError> {
        let backend = Backend::from_url(url)?;
        if let Backend::Sqlite { path } = &backend {
            create_sqlite_file(path)?;
        }
        let pool = Pool::builder()
            .max_size(settings.max_size.max(1))
            .min_idle(Some(1))
            .connection_timeout(settings.connect_timeout)
            .connection_customizer(Box::new(SqlitePragmas))
            .build(AnyConnectionManager::new(
                backend.clone(),
                settings.validate_after_idle,
            ))
            .map_err(|e| PersistenceError::Unavailable(e.to_string()))?;
        Ok(Database {
            pool,
            backend,
            probe: Arc::default(),
        })
    }

    pub fn backend(&self) -> &Backend {
        &self.backend
    }

    /// A connection from the pool. Blocking.
    pub fn conn(&self) -> Result<PooledConn, PersistenceError> {
        Ok(self.pool.get()?)
    }

    /// How many statements `conn` has prepared and cached so far: a statement of a fixed shape
    /// is prepared once, then only bound and executed, so running it again adds nothing. `None`
    /// for a connection that did not come from a pool.
    pub fn statements_cached(conn: &mut AnyConnection) -> Option<u64> {
        health(conn).map(|h| h.cached)
    }

    /// Applies every pending embedded migration of this backend. Safe to call from several
    /// replicas at once on PostgreSQL (an advisory lock serialises them).
    pub fn migrate(&self) -> Result<usize, PersistenceError> {
        migrations::run_pending(&mut *self.conn()?)
    }

    /// The database answers and its schema is current, asked on the probe's own connection
    /// (opened on first use, and again after a failure), never one of the pool's.
    pub fn readiness(&self) -> Result<Readiness, PersistenceError> {
        let mut probe = self
            .probe
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if probe
            .as_mut()
            .is_none_or(|c| c.is_broken() || health(c).is_some_and(|h| h.lost))
        {
            let manager = AnyConnectionManager::new(self.backend.clone(), Duration::ZERO);
            let mut conn = manager
                .connect()
                .map_err(|e| PersistenceError::Unavailable(e.to_string()))?;
            SqlitePragmas
                .on_acquire(&mut conn)
                .map_err(|e| PersistenceError::Unavailable(e.to_string()))?;
            *probe = Some(conn);
        }
        let Some(conn) = probe.as_mut() else {
            return Err(PersistenceError::Unavailable("no probe connection".into()));
        };
        match migrations::has_pending(conn) {
            Ok(true) => Ok(Readiness::PendingMigrations),
            Ok(false) => Ok(Readiness::Ready),
            Err(e) => {
                *probe = None;
                Err(e)
            }
        }
    }
}

/// Creates the SQLite file's folder (0700) and the empty file (0600) before SQLite opens it, so
/// that neither is ever readable by others, whatever the umask. Existing ones are left alone;
/// `file:` URIs are left to SQLite.
fn create_sqlite_file(path: &Path) -> Result<(), PersistenceError> {
    if path.to_string_lossy().starts_with("file:") {
        return Ok(());
    }
    let failed = |what: &str, e: std::io::Error| {
        PersistenceError::Unavailable(format!(
            "cannot create the {what} of the SQLite database: {e}"
        ))
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(dir).map_err(|e| failed("folder", e))?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(failed("file", e)),
    }
}

/// Runs `work` in a transaction that holds the database's write lock from its first statement.
///
/// On SQLite (WAL), a transaction that reads and then writes fails at once with "database is
/// locked" if another connection wrote in between: its snapshot cannot be upgraded. Taking the
/// write lock first makes it wait its turn (busy timeout) instead. PostgreSQL needs nothing.
/// Use it for every use-case transaction that writes.
pub fn write_transaction<T, E, F>(conn: &mut AnyConnection, work: F) -> Result<T, E>
where
    F: FnOnce(&mut AnyConnection) -> Result<T, E>,
    E: From<PersistenceError>,
{
    /// The work's own failure, or Diesel's (begin, lock, commit, rollback), kept apart so that
    /// callers need not know Diesel's error type.
    enum Failed<E> {
        Work(E),
        Database(diesel::result::Error),
    }
    impl<E> From<diesel::result::Error> for Failed<E> {
        fn from(e: diesel::result::Error) -> Self {
            Failed::Database(e)
        }
    }
    conn.transaction(|c| {
        if let AnyConnection::Sqlite(lite) = c {
            // A write that changes nothing, only to take the lock (BEGIN IMMEDIATE, in effect).
            lite.batch_execute("UPDATE communes SET id = id WHERE 0 = 1")?;
        }
        work(c).map_err(Failed::Work)
    })
    .map_err(|e| match e {
        Failed::Work(e) => e,
        Failed::Database(e) => E::from(PersistenceError::Query(e)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_name_their_backend_and_nothing_is_guessed() {
        assert!(matches!(
            Backend::from_url("postgres://u@h/db"),
            Ok(Backend::Postgres { .. })
        ));
        assert!(matches!(
            Backend::from_url("postgresql://u@h/db"),
            Ok(Backend::Postgres { .. })
        ));
        assert_eq!(
            Backend::from_url("sqlite://data/x.db").unwrap(),
            Backend::Sqlite {
                path: "data/x.db".into()
            }
        );
        assert_eq!(
            Backend::from_url("./data/tawasol.db").unwrap(),
            Backend::Sqlite {
                path: "./data/tawasol.db".into()
            }
        );
        assert!(Backend::from_url("mysql://u@h/db").is_err());
        assert!(Backend::from_url("").is_err());
        assert!(Backend::from_url(":memory:").is_err());
    }
}
