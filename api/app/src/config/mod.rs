//! Typed configuration: environment variables (`TAWASOL_*` and `DATABASE_URL`) over an optional
//! TOML file over documented defaults (docs/configuration.md). A bad value is refused at start-up
//! with one line that names the setting.
//!
//! `errors` holds the one-line problems and their collection, `values` how a setting's text is
//! read (switches, numbers, TOML keys and files), `production` what production refuses.

mod errors;
mod production;
#[cfg(test)]
mod tests;
mod values;

pub use errors::{ConfigError, ConfigErrors};

use errors::{Problems, bad};
use std::collections::{BTreeMap, BTreeSet};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;
use values::{parse_number, parse_switch, read_toml, toml_keys, url_host};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Environment {
    /// A developer's machine or a demo: generated keys, `.eml` files, relaxed checks.
    Local,
    /// Refuses missing secrets, generated keys and disabled protections.
    Production,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub listen: SocketAddr,
    pub database_url: String,
    pub data_dir: PathBuf,
    pub environment: Environment,
    pub public_url: String,
    pub log_format: LogFormat,
    pub log_filter: String,
    pub body_limit: usize,
    pub db_pool_size: u32,
    pub workers: usize,
    pub shutdown_timeout: Duration,
    /// `None`: mails are written as `.eml` files under `<data dir>/mail`.
    pub smtp_url: Option<String>,
    pub mail_from: String,
    /// Whether the server drains the outbox itself (`tawasol worker` can do it instead).
    pub mail_worker: bool,
    pub mail_max_attempts: u32,
    pub mail_retention: Duration,
    pub unsubscribe_secret: Option<String>,
    pub jwt_secret: Option<String>,
    /// Encrypts signatories' national ID numbers and addresses (AES-256-GCM) and keys their hash.
    pub data_key: Option<String>,
    /// The CNDP receipt or authorisation number shown on every form that collects personal data.
    pub cndp_number: String,
    /// `false` disables every rate limit (benchmarks, demos); refused in production.
    pub rate_limits: bool,
    /// Distinct flags that hide an issue or reply until a moderator reviews it.
    pub flag_threshold: u32,
    /// How long computed accountability figures are served before they are recomputed
    /// (zero: computed on every request).
    pub stats_ttl: Duration,
    /// Reverse proxies whose `Forwarded` / `X-Forwarded-For` headers name the client.
    pub trusted_proxies: crate::client::TrustedProxies,
    /// How long a streamed answer (an export) waits for a reader that stopped reading before it
    /// is cut and its slot freed.
    pub stall_timeout: Duration,
    /// Days after a petition is decided, refused or withdrawn before its signatories' CINs,
    /// addresses and full names are erased.
    pub signature_retention_days: u32,
}

/// Every setting: its environment variable, and its documented default (`None`: unset).
const SETTINGS: &[(&str, Option<&str>)] = &[
    ("TAWASOL_LISTEN", Some("127.0.0.1:8080")),
    ("DATABASE_URL", None),
    ("TAWASOL_DATA_DIR", Some("./data")),
    ("TAWASOL_ENV", Some("local")),
    ("TAWASOL_PUBLIC_URL", Some("http://127.0.0.1:8080")),
    ("TAWASOL_LOG_FORMAT", Some("text")),
    ("TAWASOL_LOG", Some("info")),
    // The longest valid body, a petition step with five texts of 5,000 characters written as
    // `\uXXXX` escapes (six bytes a character, as ASCII-only JSON encoders write them), is about
    // 150 KB: every valid request fits.
    ("TAWASOL_BODY_LIMIT", Some("196608")),
    ("TAWASOL_DB_POOL_SIZE", Some("10")),
    ("TAWASOL_WORKERS", Some("0")),
    ("TAWASOL_SHUTDOWN_TIMEOUT", Some("30")),
    ("TAWASOL_SMTP_URL", None),
    ("TAWASOL_MAIL_FROM", Some("Tawasol <no-reply@localhost>")),
    ("TAWASOL_MAIL_WORKER", Some("on")),
    ("TAWASOL_MAIL_MAX_ATTEMPTS", Some("8")),
    ("TAWASOL_MAIL_RETENTION_DAYS", Some("30")),
    ("TAWASOL_UNSUBSCRIBE_SECRET", None),
    ("TAWASOL_JWT_SECRET", None),
    ("TAWASOL_DATA_KEY", None),
    ("TAWASOL_CNDP_NUMBER", Some("")),
    ("TAWASOL_RATE_LIMITS", Some("on")),
    ("TAWASOL_FLAG_THRESHOLD", Some("3")),
    ("TAWASOL_STATS_TTL", Some("300")),
    ("TAWASOL_TRUSTED_PROXIES", Some("")),
    ("TAWASOL_STALL_TIMEOUT", Some("60")),
    ("TAWASOL_SIGNATURE_RETENTION_DAYS", Some("90")),
];

/// The variable that names the TOML file; without it `./tawasol.toml` is read when present.
pub const CONFIG_FILE_VAR: &str = "TAWASOL_CONFIG";
const DEFAULT_CONFIG_FILE: &str = "tawasol.toml";

impl Settings {
    /// Reads the process environment and the TOML file it names (or `./tawasol.toml`).
    pub fn load() -> Result<Settings, ConfigErrors> {
        let env: BTreeMap<String, String> = std::env::vars()
            .filter(|(k, _)| k.starts_with("TAWASOL_") || k == "DATABASE_URL")
            .collect();
        let file = match env.get(CONFIG_FILE_VAR) {
            Some(path) => Some(read_toml(Path::new(path), CONFIG_FILE_VAR)?),
            None if Path::new(DEFAULT_CONFIG_FILE).is_file() => Some(read_toml(
                Path::new(DEFAULT_CONFIG_FILE),
                DEFAULT_CONFIG_FILE,
            )?),
            None => None,
        };
        Settings::from_sources(&env, file.as_ref())
    }

    /// Builds settings from explicit sources: environment variables win over the TOML table,
    /// which wins over defaults. Unknown `TAWASOL_*` variables and unknown TOML keys are refused,
    /// so a typo never silently leaves a default in place. Every problem is reported, not only
    /// the first.
    pub fn from_sources(
        env: &BTreeMap<String, String>,
        file: Option<&toml::Table>,
    ) -> Result<Settings, ConfigErrors> {
        let mut problems = Problems::default();
        let mut values: BTreeMap<&'static str, String> = BTreeMap::new();
        // The settings given by the file or the environment, as opposed to defaulted.
        let mut given: BTreeSet<&'static str> = BTreeSet::new();
        for (var, default) in SETTINGS {
            if let Some(d) = default {
                values.insert(var, (*d).to_owned());
            }
        }
        if let Some(table) = file {
            for (key, value) in table {
                let Some(var) = SETTINGS
                    .iter()
                    .map(|(v, _)| *v)
                    .find(|v| toml_keys(v).iter().any(|k| k == key))
                else {
                    problems.add(bad(
                        key,
                        "unknown setting in the configuration file (see docs/configuration.md)",
                    ));
                    continue;
                };
                let text = match value {
                    toml::Value::String(s) => s.clone(),
                    toml::Value::Integer(i) => i.to_string(),
                    toml::Value::Boolean(b) => b.to_string(),
                    _ => {
                        problems.add(bad(key, "must be a string, a number or a boolean"));
                        continue;
                    }
                };
                values.insert(var, text);
                given.insert(var);
            }
        }
        for (key, value) in env {
            if key == CONFIG_FILE_VAR
                || key == "TAWASOL_ADMIN_PASSWORD"
                || key.starts_with("TAWASOL_TEST_")
            {
                continue;
            }
            let Some(var) = SETTINGS.iter().map(|(v, _)| *v).find(|v| v == key) else {
                problems.add(bad(key, "unknown setting (see docs/configuration.md)"));
                continue;
            };
            values.insert(var, value.clone());
            given.insert(var);
        }
        let get = |var: &str| values.get(var).map(|s| s.trim()).unwrap_or_default();

        let listen = problems.keep(
            get("TAWASOL_LISTEN").parse::<SocketAddr>().map_err(|_| {
                bad(
                    "TAWASOL_LISTEN",
                    format!(
                        "{:?} is not an address and port such as 127.0.0.1:8080",
                        get("TAWASOL_LISTEN")
                    ),
                )
            }),
            SocketAddr::from(([127, 0, 0, 1], 0)),
        );
        let data_dir = PathBuf::from(get("TAWASOL_DATA_DIR"));
        if data_dir.as_os_str().is_empty() {
            problems.add(bad("TAWASOL_DATA_DIR", "must name a folder"));
        }
        let database_url = match values.get("DATABASE_URL").map(|s| s.trim()) {
            Some(url) if !url.is_empty() => {
                if let Err(e) = tawasol_persistence::Backend::from_url(url) {
                    problems.add(bad("DATABASE_URL", e.to_string()));
                }
                url.to_owned()
            }
            _ => data_dir.join("tawasol.db").to_string_lossy().into_owned(),
        };
        let environment = problems.keep(
            match get("TAWASOL_ENV") {
                "local" => Ok(Environment::Local),
                "production" => Ok(Environment::Production),
                other => Err(bad(
                    "TAWASOL_ENV",
                    format!("{other:?} is neither local nor production"),
                )),
            },
            Environment::Local,
        );
        let public_url = get("TAWASOL_PUBLIC_URL").trim_end_matches('/').to_owned();
        if url_host(&public_url).is_none() {
            problems.add(bad(
                "TAWASOL_PUBLIC_URL",
                format!("{public_url:?} is not an http:// or https:// address"),
            ));
        }
        let log_format = problems.keep(
            match get("TAWASOL_LOG_FORMAT") {
                "text" => Ok(LogFormat::Text),
                "json" => Ok(LogFormat::Json),
                other => Err(bad(
                    "TAWASOL_LOG_FORMAT",
                    format!("{other:?} is neither text nor json"),
                )),
            },
            LogFormat::Text,
        );
        let log_filter = get("TAWASOL_LOG").to_owned();
        if let Err(e) = tracing_subscriber::EnvFilter::try_new(&log_filter) {
            problems.add(bad(
                "TAWASOL_LOG",
                format!("{log_filter:?} is not a log filter: {e}"),
            ));
        }
        let body_limit = problems.keep(
            parse_number(
                "TAWASOL_BODY_LIMIT",
                get("TAWASOL_BODY_LIMIT"),
                1024,
                64 * 1024 * 1024,
            ),
            196_608,
        );
        // Room for the expensive classes of work and one connection more (crate::work).
        let db_pool_size = problems.keep(
            parse_number(
                "TAWASOL_DB_POOL_SIZE",
                get("TAWASOL_DB_POOL_SIZE"),
                crate::work::MIN_POOL_SIZE as usize,
                1000,
            ),
            10,
        );
        let workers = match problems.keep(
            parse_number("TAWASOL_WORKERS", get("TAWASOL_WORKERS"), 0, 1024),
            1,
        ) {
            0 => std::thread::available_parallelism().map_or(2, std::num::NonZero::get),
            n => n,
        };
        let shutdown_secs = problems.keep(
            parse_number(
                "TAWASOL_SHUTDOWN_TIMEOUT",
                get("TAWASOL_SHUTDOWN_TIMEOUT"),
                0,
                3600,
            ),
            30,
        );
        let shutdown_timeout = Duration::from_secs(u64::try_from(shutdown_secs).unwrap_or(3600));

        let smtp_url = match values.get("TAWASOL_SMTP_URL").map(|s| s.trim()) {
            Some(url) if !url.is_empty() => {
                if !(url.starts_with("smtp://") || url.starts_with("smtps://")) {
                    problems.add(bad(
                        "TAWASOL_SMTP_URL",
                        "must start with smtp:// or smtps://",
                    ));
                }
                Some(url.to_owned())
            }
            _ => None,
        };
        let mail_from = get("TAWASOL_MAIL_FROM").to_owned();
        if !mail_from.contains('@') {
            problems.add(bad(
                "TAWASOL_MAIL_FROM",
                format!(
                    "{mail_from:?} is not a mail address such as Tawasol <no-reply@example.ma>"
                ),
            ));
        }
        let mail_worker = problems.keep(
            parse_switch("TAWASOL_MAIL_WORKER", get("TAWASOL_MAIL_WORKER")),
            true,
        );
        let mail_max_attempts = problems.keep(
            parse_number(
                "TAWASOL_MAIL_MAX_ATTEMPTS",
                get("TAWASOL_MAIL_MAX_ATTEMPTS"),
                1,
                100,
            ),
            8,
        );
        let retention_days = problems.keep(
            parse_number(
                "TAWASOL_MAIL_RETENTION_DAYS",
                get("TAWASOL_MAIL_RETENTION_DAYS"),
                1,
                3650,
            ),
            30,
        );
        let mut secret = |setting: &str| {
            let value = values
                .get(setting)
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty());
            if value.as_ref().is_some_and(|s| s.len() < 32) {
                problems.add(bad(setting, "must be at least 32 bytes"));
            }
            value
        };
        let unsubscribe_secret = secret("TAWASOL_UNSUBSCRIBE_SECRET");
        let jwt_secret = secret("TAWASOL_JWT_SECRET");
        let data_key = secret("TAWASOL_DATA_KEY");
        let cndp_number = get("TAWASOL_CNDP_NUMBER").trim().to_owned();
        if cndp_number.chars().count() > 100 {
            problems.add(bad("TAWASOL_CNDP_NUMBER", "must be at most 100 characters"));
        }
        let rate_limits = problems.keep(
            parse_switch("TAWASOL_RATE_LIMITS", get("TAWASOL_RATE_LIMITS")),
            true,
        );
        let flag_threshold = problems.keep(
            parse_number(
                "TAWASOL_FLAG_THRESHOLD",
                get("TAWASOL_FLAG_THRESHOLD"),
                1,
                1000,
            ),
            3,
        );
        let stats_ttl = problems.keep(
            parse_number("TAWASOL_STATS_TTL", get("TAWASOL_STATS_TTL"), 0, 86_400),
            300,
        );
        let trusted_proxies = problems.keep(
            crate::client::TrustedProxies::parse(get("TAWASOL_TRUSTED_PROXIES"))
                .map_err(|e| bad("TAWASOL_TRUSTED_PROXIES", e)),
            crate::client::TrustedProxies::default(),
        );
        let stall_timeout = problems.keep(
            parse_number(
                "TAWASOL_STALL_TIMEOUT",
                get("TAWASOL_STALL_TIMEOUT"),
                1,
                3600,
            ),
            60,
        );
        let signature_retention_days = problems.keep(
            parse_number(
                "TAWASOL_SIGNATURE_RETENTION_DAYS",
                get("TAWASOL_SIGNATURE_RETENTION_DAYS"),
                1,
                3650,
            ),
            90,
        );

        let settings = Settings {
            listen,
            database_url,
            data_dir,
            environment,
            public_url,
            log_format,
            log_filter,
            body_limit,
            db_pool_size: u32::try_from(db_pool_size).unwrap_or(1000),
            workers,
            shutdown_timeout,
            smtp_url,
            mail_from,
            mail_worker,
            mail_max_attempts: u32::try_from(mail_max_attempts).unwrap_or(100),
            mail_retention: Duration::from_secs(
                u64::try_from(retention_days).unwrap_or(3650) * 24 * 3600,
            ),
            unsubscribe_secret,
            jwt_secret,
            data_key,
            cndp_number,
            rate_limits,
            flag_threshold: u32::try_from(flag_threshold).unwrap_or(3),
            stats_ttl: Duration::from_secs(u64::try_from(stats_ttl).unwrap_or(300)),
            trusted_proxies,
            stall_timeout: Duration::from_secs(u64::try_from(stall_timeout).unwrap_or(60)),
            signature_retention_days: u32::try_from(signature_retention_days).unwrap_or(90),
        };
        for problem in settings.production_problems(&given) {
            problems.add(problem);
        }
        if problems.0.is_empty() {
            Ok(settings)
        } else {
            Err(ConfigErrors(problems.0))
        }
    }
}
