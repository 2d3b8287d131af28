//! Builds the application from settings: database (connected and migrated), listener, server.

use crate::config::Settings;
use crate::extract::BodyLimit;
use crate::{middleware, rest};
use actix_web::dev::Server;
pub use actix_web::dev::ServerHandle;
use actix_web::middleware::{Compress, from_fn};
use actix_web::{App, HttpServer, web};
use std::net::TcpListener;
use tawasol_persistence::{Database, PersistenceError, PoolSettings};

/// What every handler can reach.
#[derive(Debug, Clone)]
pub struct AppState {
    pub db: Database,
    pub public_url: String,
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
}

/// A running server, before it is awaited.
pub struct Application {
    port: u16,
    server: Server,
    db: Database,
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
        std::fs::create_dir_all(&settings.data_dir).map_err(|source| StartupError::DataDir {
            path: settings.data_dir.display().to_string(),
            source,
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
        let state = web::Data::new(AppState {
            db: db.clone(),
            public_url: settings.public_url.clone(),
        });
        let limit = web::Data::new(BodyLimit(settings.body_limit));
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
        Ok(Application { port, server, db })
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

    /// Serves until stopped; in-flight requests finish (up to `TAWASOL_SHUTDOWN_TIMEOUT`).
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }
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
