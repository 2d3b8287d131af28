//! The deployment files stay correct by reading: no Docker engine runs on our machines.

use std::path::Path;
use yaml_rust2::{Yaml, YamlLoader};

fn repo_file(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn compose_runs_the_app_with_postgres_and_mailpit_all_health_checked() {
    let docs = YamlLoader::load_from_str(&repo_file("docker-compose.yml"))
        .expect("docker-compose.yml parses");
    let services = &docs[0]["services"];
    for name in ["app", "postgres", "mailpit"] {
        assert!(!services[name].is_badvalue(), "service {name} is missing");
        assert!(
            !services[name]["healthcheck"]["test"].is_badvalue(),
            "{name} has no health check"
        );
    }
    let app = &services["app"];
    let env = &app["environment"];
    let database_url = env["DATABASE_URL"]
        .as_str()
        .expect("DATABASE_URL for the app");
    assert!(database_url.starts_with("postgres://") && database_url.contains("@postgres:5432/"));
    let smtp = env["TAWASOL_SMTP_URL"]
        .as_str()
        .expect("TAWASOL_SMTP_URL for the app");
    assert!(smtp.contains("mailpit:1025"), "{smtp}");
    assert_eq!(env["TAWASOL_LISTEN"].as_str(), Some("0.0.0.0:8080"));
    for dependency in ["postgres", "mailpit"] {
        assert_eq!(
            app["depends_on"][dependency]["condition"].as_str(),
            Some("service_healthy"),
            "app waits for {dependency}"
        );
    }
    let ports: Vec<&str> = services["mailpit"]["ports"]
        .as_vec()
        .unwrap()
        .iter()
        .filter_map(Yaml::as_str)
        .collect();
    assert!(ports.iter().any(|p| p.ends_with(":8025")), "{ports:?}");
}

#[test]
fn the_dockerfile_builds_and_runs_the_tawasol_binary() {
    let dockerfile = repo_file("Dockerfile");
    assert!(dockerfile.contains("cargo build --release --locked"));
    assert!(dockerfile.contains("ENTRYPOINT [\"/usr/local/bin/tawasol\"]"));
    assert!(dockerfile.contains("HEALTHCHECK"));
    assert!(dockerfile.contains("USER "), "the app does not run as root");
}

#[test]
fn the_build_context_leaves_out_build_output_local_data_and_history() {
    let ignore = repo_file(".dockerignore");
    let patterns: Vec<&str> = ignore
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.trim_end_matches('/'))
        .collect();
    for needed in [
        "target",
        "data",
        ".git",
        "*.db",
        "*.key",
        "*.eml",
        "bench/work",
    ] {
        assert!(
            patterns.contains(&needed),
            ".dockerignore leaves out {needed}: {patterns:?}"
        );
    }
    for kept in [
        "api",
        "domain",
        "persistence",
        "migrations",
        "tests",
        "Cargo.toml",
        "Cargo.lock",
    ] {
        assert!(
            !patterns.contains(&kept),
            "{kept} is needed by the build: {patterns:?}"
        );
    }
    // The image's data folder is the service user's alone, as the server would make it.
    assert!(repo_file("Dockerfile").contains("chmod 0700 /var/lib/tawasol"));
}
