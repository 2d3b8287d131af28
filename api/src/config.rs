//! Typed configuration: environment variables (`TAWASOL_*` and `DATABASE_URL`) over an optional
//! TOML file over documented defaults (docs/configuration.md). A bad value is refused at start-up
//! with one line that names the setting.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

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
    /// Days after a petition is decided, refused or withdrawn before its signatories' CINs,
    /// addresses and full names are erased.
    pub signature_retention_days: u32,
}

/// One line naming the setting and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{setting}: {message}")]
pub struct ConfigError {
    pub setting: String,
    pub message: String,
}

fn bad(setting: &str, message: impl Into<String>) -> ConfigError {
    ConfigError {
        setting: setting.to_owned(),
        message: message.into(),
    }
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
    ("TAWASOL_BODY_LIMIT", Some("65536")),
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
    ("TAWASOL_SIGNATURE_RETENTION_DAYS", Some("90")),
];

/// The variable that names the TOML file; without it `./tawasol.toml` is read when present.
pub const CONFIG_FILE_VAR: &str = "TAWASOL_CONFIG";
const DEFAULT_CONFIG_FILE: &str = "tawasol.toml";

impl Settings {
    /// Reads the process environment and the TOML file it names (or `./tawasol.toml`).
    pub fn load() -> Result<Settings, ConfigError> {
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
    /// so a typo never silently leaves a default in place.
    pub fn from_sources(
        env: &BTreeMap<String, String>,
        file: Option<&toml::Table>,
    ) -> Result<Settings, ConfigError> {
        let mut values: BTreeMap<&'static str, String> = BTreeMap::new();
        for (var, default) in SETTINGS {
            if let Some(d) = default {
                values.insert(var, (*d).to_owned());
            }
        }
        if let Some(table) = file {
            for (key, value) in table {
                let var = SETTINGS
                    .iter()
                    .map(|(v, _)| *v)
                    .find(|v| toml_keys(v).iter().any(|k| k == key))
                    .ok_or_else(|| {
                        bad(
                            key,
                            "unknown setting in the configuration file (see docs/configuration.md)",
                        )
                    })?;
                let text = match value {
                    toml::Value::String(s) => s.clone(),
                    toml::Value::Integer(i) => i.to_string(),
                    toml::Value::Boolean(b) => b.to_string(),
                    _ => return Err(bad(key, "must be a string, a number or a boolean")),
                };
                values.insert(var, text);
            }
        }
        for (key, value) in env {
            if key == CONFIG_FILE_VAR
                || key == "TAWASOL_ADMIN_PASSWORD"
                || key.starts_with("TAWASOL_TEST_")
            {
                continue;
            }
            let var = SETTINGS
                .iter()
                .map(|(v, _)| *v)
                .find(|v| v == key)
                .ok_or_else(|| bad(key, "unknown setting (see docs/configuration.md)"))?;
            values.insert(var, value.clone());
        }
        let get = |var: &str| values.get(var).map(|s| s.trim()).unwrap_or_default();

        let listen = get("TAWASOL_LISTEN").parse::<SocketAddr>().map_err(|_| {
            bad(
                "TAWASOL_LISTEN",
                format!(
                    "{:?} is not an address and port such as 127.0.0.1:8080",
                    get("TAWASOL_LISTEN")
                ),
            )
        })?;
        let data_dir = PathBuf::from(get("TAWASOL_DATA_DIR"));
        if data_dir.as_os_str().is_empty() {
            return Err(bad("TAWASOL_DATA_DIR", "must name a folder"));
        }
        let database_url = match values.get("DATABASE_URL").map(|s| s.trim()) {
            Some(url) if !url.is_empty() => {
                tawasol_persistence::Backend::from_url(url)
                    .map_err(|e| bad("DATABASE_URL", e.to_string()))?;
                url.to_owned()
            }
            _ => data_dir.join("tawasol.db").to_string_lossy().into_owned(),
        };
        let environment = match get("TAWASOL_ENV") {
            "local" => Environment::Local,
            "production" => Environment::Production,
            other => {
                return Err(bad(
                    "TAWASOL_ENV",
                    format!("{other:?} is neither local nor production"),
                ));
            }
        };
        let public_url = get("TAWASOL_PUBLIC_URL").trim_end_matches('/').to_owned();
        let valid_url = (public_url.starts_with("http://") || public_url.starts_with("https://"))
            && public_url
                .split("://")
                .nth(1)
                .is_some_and(|rest| !rest.is_empty() && !rest.contains(char::is_whitespace));
        if !valid_url {
            return Err(bad(
                "TAWASOL_PUBLIC_URL",
                format!("{public_url:?} is not an http:// or https:// address"),
            ));
        }
        let log_format = match get("TAWASOL_LOG_FORMAT") {
            "text" => LogFormat::Text,
            "json" => LogFormat::Json,
            other => {
                return Err(bad(
                    "TAWASOL_LOG_FORMAT",
                    format!("{other:?} is neither text nor json"),
                ));
            }
        };
        let log_filter = get("TAWASOL_LOG").to_owned();
        tracing_subscriber::EnvFilter::try_new(&log_filter).map_err(|e| {
            bad(
                "TAWASOL_LOG",
                format!("{log_filter:?} is not a log filter: {e}"),
            )
        })?;
        let body_limit = parse_number(
            "TAWASOL_BODY_LIMIT",
            get("TAWASOL_BODY_LIMIT"),
            1024,
            64 * 1024 * 1024,
        )?;
        let db_pool_size =
            parse_number("TAWASOL_DB_POOL_SIZE", get("TAWASOL_DB_POOL_SIZE"), 1, 1000)?;
        let workers = match parse_number("TAWASOL_WORKERS", get("TAWASOL_WORKERS"), 0, 1024)? {
            0 => std::thread::available_parallelism().map_or(2, std::num::NonZero::get),
            n => n,
        };
        let shutdown_secs = parse_number(
            "TAWASOL_SHUTDOWN_TIMEOUT",
            get("TAWASOL_SHUTDOWN_TIMEOUT"),
            0,
            3600,
        )?;
        let shutdown_timeout = Duration::from_secs(u64::try_from(shutdown_secs).unwrap_or(3600));

        let smtp_url = match values.get("TAWASOL_SMTP_URL").map(|s| s.trim()) {
            Some(url) if !url.is_empty() => {
                if !(url.starts_with("smtp://") || url.starts_with("smtps://")) {
                    return Err(bad(
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
            return Err(bad(
                "TAWASOL_MAIL_FROM",
                format!(
                    "{mail_from:?} is not a mail address such as Tawasol <no-reply@example.ma>"
                ),
            ));
        }

        let mail_worker = match get("TAWASOL_MAIL_WORKER") {
            "on" | "true" => true,
            "off" | "false" => false,
            other => {
                return Err(bad(
                    "TAWASOL_MAIL_WORKER",
                    format!("{other:?} is neither on nor off"),
                ));
            }
        };
        let mail_max_attempts = parse_number(
            "TAWASOL_MAIL_MAX_ATTEMPTS",
            get("TAWASOL_MAIL_MAX_ATTEMPTS"),
            1,
            100,
        )?;
        let retention_days = parse_number(
            "TAWASOL_MAIL_RETENTION_DAYS",
            get("TAWASOL_MAIL_RETENTION_DAYS"),
            1,
            3650,
        )?;
        let unsubscribe_secret = values
            .get("TAWASOL_UNSUBSCRIBE_SECRET")
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty());
        if unsubscribe_secret.as_ref().is_some_and(|s| s.len() < 32) {
            return Err(bad(
                "TAWASOL_UNSUBSCRIBE_SECRET",
                "must be at least 32 bytes",
            ));
        }

        let jwt_secret = values
            .get("TAWASOL_JWT_SECRET")
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty());
        if jwt_secret.as_ref().is_some_and(|s| s.len() < 32) {
            return Err(bad("TAWASOL_JWT_SECRET", "must be at least 32 bytes"));
        }
        let data_key = values
            .get("TAWASOL_DATA_KEY")
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty());
        if data_key.as_ref().is_some_and(|s| s.len() < 32) {
            return Err(bad("TAWASOL_DATA_KEY", "must be at least 32 bytes"));
        }
        let cndp_number = get("TAWASOL_CNDP_NUMBER").trim().to_owned();
        if cndp_number.chars().count() > 100 {
            return Err(bad("TAWASOL_CNDP_NUMBER", "must be at most 100 characters"));
        }
        let rate_limits = match get("TAWASOL_RATE_LIMITS") {
            "on" | "true" => true,
            "off" | "false" => false,
            other => {
                return Err(bad(
                    "TAWASOL_RATE_LIMITS",
                    format!("{other:?} is neither on nor off"),
                ));
            }
        };

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
            flag_threshold: u32::try_from(parse_number(
                "TAWASOL_FLAG_THRESHOLD",
                get("TAWASOL_FLAG_THRESHOLD"),
                1,
                1000,
            )?)
            .unwrap_or(3),
            stats_ttl: Duration::from_secs(
                u64::try_from(parse_number(
                    "TAWASOL_STATS_TTL",
                    get("TAWASOL_STATS_TTL"),
                    0,
                    86_400,
                )?)
                .unwrap_or(300),
            ),
            trusted_proxies: crate::client::TrustedProxies::parse(get("TAWASOL_TRUSTED_PROXIES"))
                .map_err(|e| bad("TAWASOL_TRUSTED_PROXIES", e))?,
            signature_retention_days: u32::try_from(parse_number(
                "TAWASOL_SIGNATURE_RETENTION_DAYS",
                get("TAWASOL_SIGNATURE_RETENTION_DAYS"),
                1,
                3650,
            )?)
            .unwrap_or(90),
        };
        settings.check_production()?;
        Ok(settings)
    }

    /// Production refuses what is only acceptable on a developer's machine.
    fn check_production(&self) -> Result<(), ConfigError> {
        if self.environment != Environment::Production {
            return Ok(());
        }
        if self.jwt_secret.is_none() {
            return Err(bad(
                "TAWASOL_JWT_SECRET",
                "must be set in production (at least 32 random bytes; generated keys are for local use only)",
            ));
        }
        if !self.rate_limits {
            return Err(bad("TAWASOL_RATE_LIMITS", "cannot be off in production"));
        }
        if self.unsubscribe_secret.is_none() {
            return Err(bad(
                "TAWASOL_UNSUBSCRIBE_SECRET",
                "must be set in production (at least 32 bytes; generated keys are for local use only)",
            ));
        }
        if self.public_url.contains("://127.0.0.1") || self.public_url.contains("://localhost") {
            return Err(bad(
                "TAWASOL_PUBLIC_URL",
                "must be set to the public address in production (links in mails and feeds use it)",
            ));
        }
        if self.data_key.is_none() {
            return Err(bad(
                "TAWASOL_DATA_KEY",
                "must be set in production (at least 32 random bytes, kept safe: without it signatories' data cannot be read)",
            ));
        }
        if self.cndp_number.is_empty() {
            return Err(bad(
                "TAWASOL_CNDP_NUMBER",
                "must be set in production (Law 09-08: the CNDP number appears on every collection form)",
            ));
        }
        Ok(())
    }
}

/// The keys a TOML file may use for a variable: its name in lower case (`tawasol_listen`,
/// `database_url`) or, shorter, without the `tawasol_` prefix (`listen`).
fn toml_keys(var: &str) -> [String; 2] {
    let lower = var.to_ascii_lowercase();
    let short = lower.strip_prefix("tawasol_").unwrap_or(&lower).to_owned();
    [lower, short]
}

fn parse_number(setting: &str, value: &str, min: usize, max: usize) -> Result<usize, ConfigError> {
    value
        .parse::<usize>()
        .ok()
        .filter(|n| (min..=max).contains(n))
        .ok_or_else(|| {
            bad(
                setting,
                format!("{value:?} is not a whole number from {min} to {max}"),
            )
        })
}

fn read_toml(path: &Path, setting: &str) -> Result<toml::Table, ConfigError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| bad(setting, format!("cannot read {}: {e}", path.display())))?;
    text.parse::<toml::Table>().map_err(|e| {
        let first = e.to_string().lines().next().unwrap_or_default().to_owned();
        bad(
            setting,
            format!("{} is not valid TOML: {first}", path.display()),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn defaults_serve_loopback_on_sqlite_in_the_data_folder() {
        let s = Settings::from_sources(&env(&[]), None).unwrap();
        assert_eq!(s.listen.to_string(), "127.0.0.1:8080");
        assert_eq!(s.data_dir, PathBuf::from("./data"));
        assert_eq!(s.database_url, "./data/tawasol.db");
        assert_eq!(s.environment, Environment::Local);
        assert_eq!(s.public_url, "http://127.0.0.1:8080");
        assert_eq!(s.body_limit, 65536);
        assert_eq!(s.log_format, LogFormat::Text);
        assert!(s.workers >= 1);
        assert_eq!(s.signature_retention_days, 90);
    }

    #[test]
    fn environment_wins_over_the_file_which_wins_over_defaults() {
        let file: toml::Table =
            "listen = \"0.0.0.0:9000\"\ntawasol_body_limit = 2048\ndata_dir = \"/srv/t\""
                .parse()
                .unwrap();
        let s = Settings::from_sources(&env(&[("TAWASOL_LISTEN", "127.0.0.1:7000")]), Some(&file))
            .unwrap();
        assert_eq!(s.listen.to_string(), "127.0.0.1:7000");
        assert_eq!(s.body_limit, 2048);
        assert_eq!(s.database_url, "/srv/t/tawasol.db");
    }

    #[test]
    fn each_bad_value_names_its_setting() {
        let cases = [
            ("TAWASOL_LISTEN", "8080"),
            ("DATABASE_URL", "mysql://x/y"),
            ("TAWASOL_ENV", "prod"),
            ("TAWASOL_PUBLIC_URL", "ftp://x"),
            ("TAWASOL_LOG_FORMAT", "xml"),
            ("TAWASOL_BODY_LIMIT", "-1"),
            ("TAWASOL_BODY_LIMIT", "10"),
            ("TAWASOL_DB_POOL_SIZE", "0"),
            ("TAWASOL_SHUTDOWN_TIMEOUT", "soon"),
            ("TAWASOL_LISTN", "127.0.0.1:1"),
            ("TAWASOL_SMTP_URL", "http://mail"),
            ("TAWASOL_MAIL_FROM", "nobody"),
            ("TAWASOL_MAIL_WORKER", "sometimes"),
            ("TAWASOL_MAIL_MAX_ATTEMPTS", "0"),
            ("TAWASOL_UNSUBSCRIBE_SECRET", "short"),
            ("TAWASOL_DATA_KEY", "short"),
            ("TAWASOL_SIGNATURE_RETENTION_DAYS", "0"),
            ("TAWASOL_SIGNATURE_RETENTION_DAYS", "3651"),
            ("TAWASOL_SIGNATURE_RETENTION_DAYS", "forever"),
        ];
        for (var, value) in cases {
            let err = Settings::from_sources(&env(&[(var, value)]), None).unwrap_err();
            assert_eq!(err.setting, var, "{var}={value}: {err}");
            assert!(!err.to_string().contains('\n'));
        }
        let file: toml::Table = "lisen = \"x\"".parse().unwrap();
        assert_eq!(
            Settings::from_sources(&env(&[]), Some(&file))
                .unwrap_err()
                .setting,
            "lisen"
        );
    }

    #[test]
    fn production_needs_its_secrets_and_a_public_address() {
        let secret = "s".repeat(32);
        let err = Settings::from_sources(&env(&[("TAWASOL_ENV", "production")]), None).unwrap_err();
        assert_eq!(err.setting, "TAWASOL_JWT_SECRET");
        let err = Settings::from_sources(
            &env(&[
                ("TAWASOL_ENV", "production"),
                ("TAWASOL_JWT_SECRET", &secret),
                ("TAWASOL_RATE_LIMITS", "off"),
            ]),
            None,
        )
        .unwrap_err();
        assert_eq!(err.setting, "TAWASOL_RATE_LIMITS");
        let err = Settings::from_sources(
            &env(&[
                ("TAWASOL_ENV", "production"),
                ("TAWASOL_JWT_SECRET", &secret),
            ]),
            None,
        )
        .unwrap_err();
        assert_eq!(err.setting, "TAWASOL_UNSUBSCRIBE_SECRET");
        let err = Settings::from_sources(
            &env(&[
                ("TAWASOL_ENV", "production"),
                ("TAWASOL_JWT_SECRET", &secret),
                ("TAWASOL_UNSUBSCRIBE_SECRET", &secret),
            ]),
            None,
        )
        .unwrap_err();
        assert_eq!(err.setting, "TAWASOL_PUBLIC_URL");
        let mut vars = vec![
            ("TAWASOL_ENV", "production"),
            ("TAWASOL_PUBLIC_URL", "https://tawasol.ma/"),
            ("TAWASOL_UNSUBSCRIBE_SECRET", secret.as_str()),
            ("TAWASOL_JWT_SECRET", secret.as_str()),
        ];
        let err = Settings::from_sources(&env(&vars), None).unwrap_err();
        assert_eq!(err.setting, "TAWASOL_DATA_KEY");
        vars.push(("TAWASOL_DATA_KEY", secret.as_str()));
        let err = Settings::from_sources(&env(&vars), None).unwrap_err();
        assert_eq!(err.setting, "TAWASOL_CNDP_NUMBER");
        vars.push(("TAWASOL_CNDP_NUMBER", "A-GC-123/2026"));
        let ok = Settings::from_sources(&env(&vars), None).unwrap();
        assert_eq!(ok.cndp_number, "A-GC-123/2026");
        assert_eq!(ok.public_url, "https://tawasol.ma");
    }
}
