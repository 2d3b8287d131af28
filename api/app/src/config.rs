//! Typed configuration: environment variables (`TAWASOL_*` and `DATABASE_URL`) over an optional
//! TOML file over documented defaults (docs/configuration.md). A bad value is refused at start-up
//! with one line that names the setting.

use std::collections::{BTreeMap, BTreeSet};
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
    /// How long a streamed answer (an export) waits for a reader that stopped reading before it
    /// is cut and its slot freed.
    pub stall_timeout: Duration,
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

/// Every problem the configuration has, in the order found, so that a deployer fixes them all at
/// once: displayed as one line per problem, each naming its setting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigErrors(pub Vec<ConfigError>);

impl ConfigErrors {
    pub fn iter(&self) -> std::slice::Iter<'_, ConfigError> {
        self.0.iter()
    }

    /// The settings named, in order.
    pub fn settings(&self) -> Vec<&str> {
        self.0.iter().map(|e| e.setting.as_str()).collect()
    }
}

impl std::fmt::Display for ConfigErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ConfigErrors {}

impl From<ConfigError> for ConfigErrors {
    fn from(e: ConfigError) -> ConfigErrors {
        ConfigErrors(vec![e])
    }
}

fn bad(setting: &str, message: impl Into<String>) -> ConfigError {
    ConfigError {
        setting: setting.to_owned(),
        message: message.into(),
    }
}

/// The problems found while reading the settings. A bad value is recorded and a stand-in takes
/// its place so that reading goes on; the stand-ins are never used, since any problem refuses the
/// whole configuration.
#[derive(Debug, Default)]
struct Problems(Vec<ConfigError>);

impl Problems {
    fn keep<T>(&mut self, value: Result<T, ConfigError>, stand_in: T) -> T {
        value.unwrap_or_else(|e| {
            self.add(e);
            stand_in
        })
    }

    /// Records a problem, unless its setting has one already (one line per setting).
    fn add(&mut self, e: ConfigError) {
        if !self.0.iter().any(|p| p.setting == e.setting) {
            self.0.push(e);
        }
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

    /// What production refuses, as it would only fit a developer's machine: every problem, in
    /// the order of the settings table. `given`: the settings set by the file or the environment.
    fn production_problems(&self, given: &BTreeSet<&str>) -> Vec<ConfigError> {
        let mut problems = Vec::new();
        if self.environment != Environment::Production {
            return problems;
        }
        if !given.contains("TAWASOL_PUBLIC_URL") {
            problems.push(bad(
                "TAWASOL_PUBLIC_URL",
                "must be set in production to the address residents use, https://… (links in mails and feeds are built on it)",
            ));
        } else if !self.public_url.starts_with("https://")
            && !url_host(&self.public_url).is_some_and(is_loopback_host)
        {
            problems.push(bad(
                "TAWASOL_PUBLIC_URL",
                format!(
                    "{:?} must be https:// in production (mails carry log-in and reset links; only a loopback address may use http://)",
                    self.public_url
                ),
            ));
        }
        if self.smtp_url.is_none() {
            problems.push(bad(
                "TAWASOL_SMTP_URL",
                "must be set in production (without it mails are only written as .eml files in the data folder)",
            ));
        }
        if mail_domain(&self.mail_from).is_some_and(is_loopback_host) {
            problems.push(bad(
                "TAWASOL_MAIL_FROM",
                format!(
                    "{:?} must be an address of your own domain in production, such as Tawasol <no-reply@example.ma>",
                    self.mail_from
                ),
            ));
        }
        // One secret per purpose: a secret shared by two lets a leak of one break both.
        let secrets = [
            ("TAWASOL_UNSUBSCRIBE_SECRET", &self.unsubscribe_secret),
            ("TAWASOL_JWT_SECRET", &self.jwt_secret),
            ("TAWASOL_DATA_KEY", &self.data_key),
        ];
        for (i, (setting, value)) in secrets.iter().enumerate() {
            match value {
                None => problems.push(bad(
                    setting,
                    "must be set in production: at least 32 random bytes, such as the output of `openssl rand -hex 32` (generated keys are for local use only)",
                )),
                Some(v) => {
                    if let Some((other, _)) = secrets[..i]
                        .iter()
                        .find(|(_, earlier)| earlier.as_deref() == Some(v.as_str()))
                    {
                        problems.push(bad(
                            setting,
                            format!("must differ from {other} in production (one secret per purpose)"),
                        ));
                    }
                }
            }
        }
        if self.cndp_number.is_empty() {
            problems.push(bad(
                "TAWASOL_CNDP_NUMBER",
                "must be set in production (Law 09-08: the CNDP number appears on every collection form)",
            ));
        }
        if !self.rate_limits {
            problems.push(bad("TAWASOL_RATE_LIMITS", "cannot be off in production"));
        }
        problems
    }
}

/// The host of an `http://` or `https://` address (without port, user or brackets), or `None`
/// when the address is not one.
fn url_host(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    if rest.contains(char::is_whitespace) {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = match host_port.strip_prefix('[') {
        Some(v6) => v6.split_once(']')?.0,
        None => host_port.split(':').next().unwrap_or_default(),
    };
    (!host.is_empty()).then_some(host)
}

/// `localhost`, or an address in 127.0.0.0/8 or `::1`: a host whose traffic never leaves the
/// machine.
fn is_loopback_host(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// The domain of a mail address, with or without a display name (`Tawasol <a@b.ma>`).
fn mail_domain(address: &str) -> Option<&str> {
    let inner = address
        .rsplit_once('<')
        .map_or(address, |(_, rest)| rest.trim_end_matches('>'));
    inner
        .rsplit_once('@')
        .map(|(_, domain)| domain.trim().trim_end_matches('.'))
}

fn parse_switch(setting: &str, value: &str) -> Result<bool, ConfigError> {
    match value {
        "on" | "true" => Ok(true),
        "off" | "false" => Ok(false),
        other => Err(bad(setting, format!("{other:?} is neither on nor off"))),
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
        assert_eq!(s.body_limit, 196_608);
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
            ("TAWASOL_PUBLIC_URL", "http://"),
            ("TAWASOL_LOG_FORMAT", "xml"),
            ("TAWASOL_BODY_LIMIT", "-1"),
            ("TAWASOL_BODY_LIMIT", "10"),
            ("TAWASOL_DB_POOL_SIZE", "0"),
            ("TAWASOL_DB_POOL_SIZE", "4"),
            ("TAWASOL_STALL_TIMEOUT", "0"),
            ("TAWASOL_TRUSTED_PROXIES", "proxy.local"),
            ("TAWASOL_SHUTDOWN_TIMEOUT", "soon"),
            ("TAWASOL_LISTN", "127.0.0.1:1"),
            ("TAWASOL_SMTP_URL", "http://mail"),
            ("TAWASOL_MAIL_FROM", "nobody"),
            ("TAWASOL_MAIL_WORKER", "sometimes"),
            ("TAWASOL_MAIL_MAX_ATTEMPTS", "0"),
            ("TAWASOL_UNSUBSCRIBE_SECRET", "short"),
            ("TAWASOL_JWT_SECRET", "short"),
            ("TAWASOL_DATA_KEY", "short"),
            ("TAWASOL_TRUSTED_PROXIES", "proxy.example"),
            ("TAWASOL_SIGNATURE_RETENTION_DAYS", "0"),
            ("TAWASOL_SIGNATURE_RETENTION_DAYS", "3651"),
            ("TAWASOL_SIGNATURE_RETENTION_DAYS", "forever"),
        ];
        for (var, value) in cases {
            let err = Settings::from_sources(&env(&[(var, value)]), None).unwrap_err();
            assert_eq!(err.settings(), [var], "{var}={value}: {err}");
            assert!(!err.to_string().contains('\n'));
        }
        let file: toml::Table = "lisen = \"x\"".parse().unwrap();
        assert_eq!(
            Settings::from_sources(&env(&[]), Some(&file))
                .unwrap_err()
                .settings(),
            ["lisen"]
        );
    }

    #[test]
    fn every_bad_value_is_named_at_once_one_line_each() {
        let file: toml::Table = "body_limit = 10\nlisen = 1".parse().unwrap();
        let err = Settings::from_sources(
            &env(&[
                ("TAWASOL_LISTEN", "8080"),
                ("TAWASOL_MAIL_WORKER", "sometimes"),
                ("TAWASOL_LISTN", "x"),
            ]),
            Some(&file),
        )
        .unwrap_err();
        assert_eq!(
            err.settings(),
            [
                "lisen",
                "TAWASOL_LISTN",
                "TAWASOL_LISTEN",
                "TAWASOL_BODY_LIMIT",
                "TAWASOL_MAIL_WORKER"
            ]
        );
        assert_eq!(err.to_string().lines().count(), 5, "{err}");
    }

    fn production(extra: &[(&'static str, &'static str)]) -> Vec<(&'static str, &'static str)> {
        let mut vars = vec![
            ("TAWASOL_ENV", "production"),
            ("TAWASOL_PUBLIC_URL", "https://tawasol.ma/"),
            (
                "TAWASOL_SMTP_URL",
                "smtp://mail.tawasol.ma:587?tls=required",
            ),
            ("TAWASOL_MAIL_FROM", "Tawasol <no-reply@tawasol.ma>"),
            (
                "TAWASOL_UNSUBSCRIBE_SECRET",
                "u-0123456789abcdef0123456789abcdef",
            ),
            ("TAWASOL_JWT_SECRET", "j-0123456789abcdef0123456789abcdef"),
            ("TAWASOL_DATA_KEY", "d-0123456789abcdef0123456789abcdef"),
            ("TAWASOL_CNDP_NUMBER", "A-GC-123/2026"),
        ];
        for (k, v) in extra {
            vars.retain(|(key, _)| key != k);
            vars.push((k, v));
        }
        vars
    }

    #[test]
    fn production_with_nothing_set_names_every_missing_setting_at_once() {
        let err = Settings::from_sources(&env(&[("TAWASOL_ENV", "production")]), None).unwrap_err();
        assert_eq!(
            err.settings(),
            [
                "TAWASOL_PUBLIC_URL",
                "TAWASOL_SMTP_URL",
                "TAWASOL_MAIL_FROM",
                "TAWASOL_UNSUBSCRIBE_SECRET",
                "TAWASOL_JWT_SECRET",
                "TAWASOL_DATA_KEY",
                "TAWASOL_CNDP_NUMBER",
            ]
        );
        assert_eq!(err.to_string().lines().count(), 7, "{err}");
        for line in err.to_string().lines() {
            assert!(line.starts_with("TAWASOL_"), "{line}");
        }
        let ok = Settings::from_sources(&env(&production(&[])), None).unwrap();
        assert_eq!(ok.cndp_number, "A-GC-123/2026");
        assert_eq!(ok.public_url, "https://tawasol.ma");
    }

    #[test]
    fn production_refuses_each_unsafe_value_by_name() {
        const SAME: &str = "s-0123456789abcdef0123456789abcdef";
        // (what changes from a valid production configuration, the settings refused)
        type Case<'a> = (&'a [(&'a str, &'a str)], &'a [&'a str]);
        let cases: [Case<'static>; 11] = [
            (&[("TAWASOL_RATE_LIMITS", "off")], &["TAWASOL_RATE_LIMITS"]),
            (&[("TAWASOL_JWT_SECRET", "short")], &["TAWASOL_JWT_SECRET"]),
            (
                &[("TAWASOL_JWT_SECRET", SAME), ("TAWASOL_DATA_KEY", SAME)],
                &["TAWASOL_DATA_KEY"],
            ),
            (
                &[
                    ("TAWASOL_UNSUBSCRIBE_SECRET", SAME),
                    ("TAWASOL_JWT_SECRET", SAME),
                    ("TAWASOL_DATA_KEY", SAME),
                ],
                &["TAWASOL_JWT_SECRET", "TAWASOL_DATA_KEY"],
            ),
            (
                &[("TAWASOL_PUBLIC_URL", "http://tawasol.ma")],
                &["TAWASOL_PUBLIC_URL"],
            ),
            (
                &[("TAWASOL_PUBLIC_URL", "http://127.0.0.1@evil.example")],
                &["TAWASOL_PUBLIC_URL"],
            ),
            (
                &[("TAWASOL_PUBLIC_URL", "http://10.0.0.1:8080")],
                &["TAWASOL_PUBLIC_URL"],
            ),
            (&[("TAWASOL_SMTP_URL", "")], &["TAWASOL_SMTP_URL"]),
            (
                &[("TAWASOL_MAIL_FROM", "Tawasol <no-reply@localhost>")],
                &["TAWASOL_MAIL_FROM"],
            ),
            (&[("TAWASOL_CNDP_NUMBER", " ")], &["TAWASOL_CNDP_NUMBER"]),
            (
                &[("TAWASOL_RATE_LIMITS", "off"), ("TAWASOL_SMTP_URL", "")],
                &["TAWASOL_SMTP_URL", "TAWASOL_RATE_LIMITS"],
            ),
        ];
        for (changes, named) in cases {
            let vars = production(changes);
            let err = Settings::from_sources(&env(&vars), None).unwrap_err();
            assert_eq!(err.settings(), named, "{changes:?}: {err}");
        }
        // The same values are accepted locally (a developer's machine).
        let mut local = production(&[("TAWASOL_RATE_LIMITS", "off")]);
        local.retain(|(k, _)| *k != "TAWASOL_ENV");
        assert!(Settings::from_sources(&env(&local), None).is_ok());
    }

    #[test]
    fn production_accepts_http_only_on_a_loopback_address() {
        for url in [
            "http://127.0.0.1:8080",
            "http://127.0.0.2",
            "http://localhost:8080/",
            "http://[::1]:8080",
            "https://localhost",
        ] {
            let vars = production(&[("TAWASOL_PUBLIC_URL", url)]);
            assert!(
                Settings::from_sources(&env(&vars), None).is_ok(),
                "{url} is accepted"
            );
        }
        for url in [
            "http://tawasol.ma",
            "http://localhost.tawasol.ma",
            "http://[::2]",
            "http://128.0.0.1",
        ] {
            let vars = production(&[("TAWASOL_PUBLIC_URL", url)]);
            assert!(
                Settings::from_sources(&env(&vars), None).is_err(),
                "{url} is refused"
            );
        }
    }

    #[test]
    fn mail_domains_and_url_hosts_are_read_as_a_mail_client_would() {
        assert_eq!(
            mail_domain("Tawasol <no-reply@localhost>"),
            Some("localhost")
        );
        assert_eq!(mail_domain("a@b.ma"), Some("b.ma"));
        assert_eq!(url_host("https://user@h.ma:8443/x?y"), Some("h.ma"));
        assert_eq!(url_host("http://[::1]:80"), Some("::1"));
        assert_eq!(url_host("http://a b"), None);
    }
}
