//! The application context: what every use-case reaches (the database, the mail signal, keys,
//! caches, the clock, settings they read), built once from the settings by the server and by the
//! command line. Below the use-cases; knows nothing of HTTP.

use crate::config::Settings;
use crate::mail::transport::Transport;
use crate::mail::unsubscribe::UnsubscribeKey;
use crate::mail::{MailSignal, Mailer};
use std::time::Duration;
use tawasol_persistence::{Database, PersistenceError, PoolSettings};

/// What every use-case can reach.
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
    /// The use-cases' caches (accountability figures, computed once per query and time to
    /// live).
    pub caches: crate::cache::Caches,
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

/// Why the context could not be built.
#[derive(Debug, thiserror::Error)]
pub enum ContextError {
    #[error("{0}")]
    Database(#[from] PersistenceError),
    #[error("start-up was interrupted")]
    Interrupted,
    #[error("{0}")]
    Secret(#[from] crate::secrets::SecretError),
    #[error("mail: {0}")]
    Mail(String),
}

/// How long a request of an expensive class waits for a slot before it is answered 503.
const WORK_WAIT: Duration = Duration::from_millis(300);

/// Warns, naming each, about the data folder, the SQLite database, the generated keys and the
/// mail folder when others than their owner may read them (made by hand, or by an older version).
pub fn warn_about_open_files(settings: &Settings, db: &Database) {
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
) -> Result<AppState, ContextError> {
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
        caches: crate::cache::Caches::new(settings.stats_ttl),
        clock,
        trusted_proxies: settings.trusted_proxies.clone(),
        work: crate::work::WorkLimits::new(settings.db_pool_size, WORK_WAIT),
        stall_timeout: settings.stall_timeout,
        signature_retention_days: settings.signature_retention_days,
    })
}

/// The mail transport the settings name: SMTP, or `.eml` files under `<data dir>/mail`.
pub fn mail_transport(settings: &Settings) -> Result<Transport, ContextError> {
    match &settings.smtp_url {
        Some(url) => Transport::smtp(url, Duration::from_secs(15))
            .map_err(|e| ContextError::Mail(format!("TAWASOL_SMTP_URL: {e}"))),
        None => Transport::files(&settings.data_dir.join("mail"))
            .map_err(|e| ContextError::Mail(format!("cannot create the mail folder: {e}"))),
    }
}

fn unsubscribe_secret(settings: &Settings) -> Result<Vec<u8>, ContextError> {
    Ok(crate::secrets::load(
        "TAWASOL_UNSUBSCRIBE_SECRET",
        settings.unsubscribe_secret.as_deref(),
        settings.environment,
        &settings.data_dir,
        "unsubscribe.key",
    )?)
}

/// The sender, links and unsubscribe key every mail shares.
pub fn mailer(settings: &Settings) -> Result<Mailer, ContextError> {
    let secret = unsubscribe_secret(settings)?;
    Mailer::new(
        &settings.mail_from,
        &settings.public_url,
        UnsubscribeKey::derive(&secret),
    )
    .map_err(ContextError::Mail)
}

/// Connects and migrates, off the async workers.
pub async fn open_database(settings: &Settings) -> Result<Database, ContextError> {
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
        Ok::<_, ContextError>(db)
    })
    .await
    .map_err(|_| ContextError::Interrupted)?
}
