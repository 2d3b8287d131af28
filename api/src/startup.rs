//! Builds the server from settings: the application context (database connected and migrated,
//! mail worker), the surfaces' routes, the listener.

use crate::config::Settings;
use crate::http::extract::BodyLimit;
use crate::http::middleware;
use crate::http::routes::{Route, RouteSpec, RouteTable};
use crate::http::surface::{Surface, Surfaces};
use crate::mail::MailSignal;
use crate::worker::{MailWorker, mail_worker};
use crate::{feeds, open311, openapi, rest};
use actix_web::dev::Server;
pub use actix_web::dev::ServerHandle;
use actix_web::middleware::{Compress, from_fn};
use actix_web::{App, HttpServer, web};
use std::net::TcpListener;
use std::sync::Arc;
use tawasol_app::context::warn_about_open_files;
pub use tawasol_app::context::{
    AppState, ContextError, app_state, mail_transport, mailer, open_database,
};
use tawasol_persistence::Database;

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error(transparent)]
    Context(#[from] ContextError),
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
        let routes = web::Data::new(RouteTable::new(route_specs()));
        let surfaces = web::Data::new(surfaces());
        let state_for_jobs = state.clone();
        let server = HttpServer::new(move || {
            App::new()
                .app_data(state.clone())
                .app_data(limit.clone())
                .app_data(web::PayloadConfig::new(limit.0))
                .app_data(web::JsonConfig::default().limit(limit.0))
                .app_data(routes.clone())
                .app_data(surfaces.clone())
                .configure(configure)
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

/// Every route of every surface: the one table that is registered, that the middleware consults,
/// and that the authorization-matrix test enumerates.
pub fn routes() -> Vec<Route> {
    let mut all = crate::web::routes();
    all.extend(rest::routes());
    all.extend(openapi::routes());
    all.extend(feeds::routes());
    all.extend(open311::routes());
    all
}

/// Every route, for tests and documentation.
pub fn route_specs() -> Vec<RouteSpec> {
    routes().into_iter().map(|r| r.spec).collect()
}

/// How each surface answers failures, the most specific first; problems for any other path.
pub fn surfaces() -> Surfaces {
    let owned: [Surface; 2] = [open311::SURFACE, crate::web::SURFACE];
    Surfaces::new(owned.to_vec())
}

/// Registers Swagger UI's assets, then every route of every surface.
fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(openapi::docs::swagger_service());
    crate::http::routes::register(cfg, routes());
}
