//! Builds the application from settings: database (connected and migrated), listener, server.

use crate::config::Settings;
use crate::extract::BodyLimit;
use crate::mail::transport::Transport;
use crate::mail::unsubscribe::UnsubscribeKey;
use crate::mail::worker::{MailWorker, WorkerConfig};
use crate::mail::{MailSignal, Mailer};
use crate::{middleware, rest};
use actix_web::dev::Server;
pub use actix_web::dev::ServerHandle;
use actix_web::middleware::{Compress, from_fn};
use actix_web::{App, HttpServer, web};
use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;
use tawasol_domain::RetryPolicy;
use tawasol_persistence::{Database, PersistenceError, PoolSettings};

/// What every handler can reach.
#[derive(Debug, Clone)]
pub struct AppState {
    pub db: Database,
    pub public_url: String,
    /// Wakes this process's mail worker after a use-case queued a mail.
    pub mail: MailSignal,
    pub jwt: crate::auth::jwt::JwtKeys,
    pub rate_limits: bool,
    /// Distinct flags that hide an item until a moderator looks.
    pub flag_threshold: i64,
    /// Checks the one-click unsubscribe tokens that mails carry.
    pub unsubscribe: UnsubscribeKey,
    /// Encrypts and hashes signatories' personal data.
    pub vault: crate::vault::Vault,
    /// Shown on every form that collects personal data (Law 09-08).
    pub cndp_number: String,
    /// `TAWASOL_ENV=production` (Open311's discovery tells clients a production endpoint from a
    /// test one).
    pub production: bool,
    /// Accountability figures, computed once per query and time to live.
    pub stats: crate::usecases::stats::StatsCache,
    /// The time, as every use-case reads it (movable in tests).
    pub clock: crate::clock::Clock,
    /// Reverse proxies whose forwarding headers name the client.
    pub trusted_proxies: crate::client::TrustedProxies,
    /// The slots of the expensive classes of work (figures, search, exports, bulk reads).
    pub work: crate::work::WorkLimits,
    /// How long a streamed answer waits for a reader that stopped reading.
    pub stall_timeout: Duration,
    /// Days a closed petition keeps its signatories' CINs, addresses and full names.
    pub signature_retention_days: u32,
}

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("{0}")]
    Database(#[from] PersistenceError),
    #[error("cannot create the data folder {path}: {source}")]
    DataDir {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot listen on {address}: {source}")]
    Bind {
        address: String,
        source: std::io::Error,
    },
    #[error("start-up was interrupted")]
    Interrupted,
    #[error("{0}")]
    Secret(#[from] crate::secrets::SecretError),
    #[error("mail: {0}")]
    Mail(String),
}

/// A running server, before it is awaited.
pub struct Application {
    port: u16,
    server: Server,
    db: Database,
    worker: Option<MailWorker>,
    state: web::Data<AppState>,
}

impl std::fmt::Debug for Application {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Application")
            .field("port", &self.port)
            .field("db", &self.db)
            .finish()
    }
}

impl Application {
    /// Connects to the database, applies pending migrations, binds the listener and prepares the
    /// server. Port 0 picks a free port (tests).
    pub async fn build(settings: &Settings) -> Result<Application, StartupError> {
        Application::build_with_clock(settings, crate::clock::Clock::system()).await
    }

    /// [`Application::build`] with a given clock (tests move an adjustable one).
    pub async fn build_with_clock(
        settings: &Settings,
        clock: crate::clock::Clock,
    ) -> Result<Application, StartupError> {
        crate::data_dir::create_private_dir(&settings.data_dir).map_err(|source| {
            StartupError::DataDir {
                path: settings.data_dir.display().to_string(),
                source,
            }
        })?;
        let db = open_database(settings).await?;
        let listener = TcpListener::bind(settings.listen).map_err(|source| StartupError::Bind {
            address: settings.listen.to_string(),
            source,
        })?;
        let port = listener
            .local_addr()
            .map(|a| a.port())
            .unwrap_or(settings.listen.port());
        let signal = MailSignal::default();
        let worker = if settings.mail_worker {
            Some(
                mail_worker(settings, &db)?
                    .with_signal(signal.clone())
                    .with_clock(Arc::new(clock.clone())),
            )
        } else {
            None
        };
        let state = web::Data::new(app_state(settings, &db, signal, clock)?);
        warn_about_open_files(settings, &db);
        crate::auth::password::warm_up();
        let limit = web::Data::new(BodyLimit(settings.body_limit));
        let state_for_jobs = state.clone();
        let server = HttpServer::new(move || {
            App::new()
                .app_data(state.clone())
                .app_data(limit.clone())
                .app_data(web::PayloadConfig::new(limit.0))
                .app_data(web::JsonConfig::default().limit(limit.0))
                .configure(rest::configure)
                .default_service(web::to(rest::not_found))
                .wrap(from_fn(middleware::around))
                .wrap(Compress::default())
        })
        .workers(settings.workers)
        .shutdown_timeout(settings.shutdown_timeout.as_secs())
        .listen(listener)
        .map_err(|source| StartupError::Bind {
            address: settings.listen.to_string(),
            source,
        })?
        .run();
        tracing::info!(
            address = %format!("{}:{port}", settings.listen.ip()),
            database = db.backend().name(),
            "Tawasol is listening"
        );
        Ok(Application {
            port,
            server,
            db,
            worker,
            state: state_for_jobs,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn database(&self) -> &Database {
        &self.db
    }

    /// A handle to stop the server gracefully (what SIGTERM and SIGINT also do).
    pub fn handle(&self) -> ServerHandle {
        self.server.handle()
    }

    /// Serves until stopped; in-flight requests finish (up to `TAWASOL_SHUTDOWN_TIMEOUT`), then
    /// the mail worker finishes its current batch.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let (stop, stopped) = tokio::sync::watch::channel(false);
        // The server that sends mail also queues the morning digests.
        let digests = self.worker.is_some().then(|| {
            tokio::spawn(crate::usecases::digests::run_scheduler(
                self.state.get_ref().clone(),
                stopped.clone(),
            ))
        });
        let worker = self.worker.map(|w| tokio::spawn(w.run(stopped)));
        let served = self.server.await;
        let _ = stop.send(true);
        if let Some(worker) = worker {
            let _ = worker.await;
        }
        if let Some(digests) = digests {
            let _ = digests.await;
        }
        served
    }
}

/// How long a request of an expensive class waits for a slot before it is answered 503.
const WORK_WAIT: Duration = Duration::from_millis(300);

/// Warns, naming each, about the data folder, the SQLite database, the generated keys and the
/// mail folder when others than their owner may read them (made by hand, or by an older version).
fn warn_about_open_files(settings: &Settings, db: &Database) {
    let dir = &settings.data_dir;
    let mut paths = vec![
        dir.clone(),
        dir.join("mail"),
        dir.join("jwt.key"),
        dir.join("unsubscribe.key"),
        dir.join("data.key"),
    ];
    if let tawasol_persistence::Backend::Sqlite { path } = db.backend() {
        paths.push(path.clone());
    }
    let refs: Vec<&std::path::Path> = paths.iter().map(std::path::PathBuf::as_path).collect();
    crate::data_dir::warn_if_open(&refs);
}

/// What use-cases need, built from the settings (also used by the command line).
pub fn app_state(
    settings: &Settings,
    db: &Database,
    mail: MailSignal,
    clock: crate::clock::Clock,
) -> Result<AppState, StartupError> {
    let jwt_secret = crate::secrets::load(
        "TAWASOL_JWT_SECRET",
        settings.jwt_secret.as_deref(),
        settings.environment,
        &settings.data_dir,
        "jwt.key",
    )?;
    Ok(AppState {
        db: db.clone(),
        public_url: settings.public_url.clone(),
        mail,
        jwt: crate::auth::jwt::JwtKeys::new(&jwt_secret, &settings.public_url),
        rate_limits: settings.rate_limits,
        flag_threshold: i64::from(settings.flag_threshold),
        unsubscribe: UnsubscribeKey::derive(&unsubscribe_secret(settings)?),
        vault: crate::vault::Vault::new(&crate::secrets::load(
            "TAWASOL_DATA_KEY",
            settings.data_key.as_deref(),
            settings.environment,
            &settings.data_dir,
            "data.key",
        )?),
        cndp_number: settings.cndp_number.clone(),
        production: settings.environment == crate::config::Environment::Production,
        stats: crate::usecases::stats::StatsCache::new(settings.stats_ttl),
        clock,
        trusted_proxies: settings.trusted_proxies.clone(),
        work: crate::work::WorkLimits::new(settings.db_pool_size, WORK_WAIT),
        stall_timeout: settings.stall_timeout,
        signature_retention_days: settings.signature_retention_days,
    })
}

/// The mail transport the settings name: SMTP, or `.eml` files under `<data dir>/mail`.
pub fn mail_transport(settings: &Settings) -> Result<Transport, StartupError> {
    match &settings.smtp_url {
        Some(url) => Transport::smtp(url, Duration::from_secs(15))
            .map_err(|e| StartupError::Mail(format!("TAWASOL_SMTP_URL: {e}"))),
        None => Transport::files(&settings.data_dir.join("mail"))
            .map_err(|e| StartupError::Mail(format!("cannot create the mail folder: {e}"))),
    }
}

fn unsubscribe_secret(settings: &Settings) -> Result<Vec<u8>, StartupError> {
    Ok(crate::secrets::load(
        "TAWASOL_UNSUBSCRIBE_SECRET",
        settings.unsubscribe_secret.as_deref(),
        settings.environment,
        &settings.data_dir,
        "unsubscribe.key",
    )?)
}

/// The sender, links and unsubscribe key every mail shares.
pub fn mailer(settings: &Settings) -> Result<Mailer, StartupError> {
    let secret = unsubscribe_secret(settings)?;
    Mailer::new(
        &settings.mail_from,
        &settings.public_url,
        UnsubscribeKey::derive(&secret),
    )
    .map_err(StartupError::Mail)
}

/// A mail worker configured from the settings.
pub fn mail_worker(settings: &Settings, db: &Database) -> Result<MailWorker, StartupError> {
    let config = WorkerConfig {
        retry: RetryPolicy {
            max_attempts: settings.mail_max_attempts,
            ..RetryPolicy::default()
        },
        retention: settings.mail_retention,
        ..WorkerConfig::default()
    };
    Ok(MailWorker::new(
        db.clone(),
        Arc::new(mail_transport(settings)?),
        Arc::new(mailer(settings)?),
        config,
    ))
}

/// Connects and migrates, off the async workers.
pub async fn open_database(settings: &Settings) -> Result<Database, StartupError> {
    let url = settings.database_url.clone();
    let pool = PoolSettings {
        max_size: settings.db_pool_size,
        ..PoolSettings::default()
    };
    tokio::task::spawn_blocking(move || {
        let db = Database::connect(&url, pool)?;
        let applied = db.migrate()?;
        if applied > 0 {
            tracing::info!(applied, "database migrations applied");
        }
        Ok::<_, StartupError>(db)
    })
    .await
    .map_err(|_| StartupError::Interrupted)?
}
