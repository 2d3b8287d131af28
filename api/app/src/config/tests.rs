//! The configuration's tests: sources, defaults, every problem named, production's refusals.

use super::values::mail_domain;
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
    let s =
        Settings::from_sources(&env(&[("TAWASOL_LISTEN", "127.0.0.1:7000")]), Some(&file)).unwrap();
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
