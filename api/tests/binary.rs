use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tawasol_persistence::test_support::TestDatabase;

const BIN: &str = env!("CARGO_BIN_EXE_tawasol");

/// The binary with a clean environment: only what the test gives it.
pub(crate) fn tawasol(dir: &std::path::Path) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(dir).env_clear();
    if let Ok(path) = std::env::var("PATH") {
        cmd.env("PATH", path);
    }
    cmd
}

/// Waits for the line saying where the server listens; returns its port and the log lines
/// (those read so far, and a channel with the rest, which ends when the process exits).
pub(crate) fn wait_for_port(
    child: &mut Child,
    lines: &mut Vec<String>,
) -> (u16, std::sync::mpsc::Receiver<String>) {
    let stderr = child.stderr.take().expect("piped stderr");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let line = rx
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            .expect("the server said where it listens within 30 s");
        lines.push(line.clone());
        if line.contains("Tawasol is listening") {
            let port = line
                .split("127.0.0.1:")
                .nth(1)
                .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
                .and_then(|p| p.parse().ok())
                .expect("a port in the listening line");
            return (port, rx);
        }
    }
}

pub(crate) fn sigterm(child: &Child) {
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
}

pub(crate) fn wait_exit(child: &mut Child) -> std::process::ExitStatus {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        assert!(
            Instant::now() < deadline,
            "the server did not stop within 20 s of SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_bad_setting_stops_start_up_with_one_line_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    for (var, value) in [
        ("TAWASOL_LISTEN", "everywhere"),
        ("TAWASOL_ENV", "staging"),
        ("DATABASE_URL", "mysql://db/tawasol"),
        ("TAWASOL_BODY_LIMIT", "lots"),
    ] {
        let out = tawasol(dir.path()).env(var, value).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{var}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{var}: {stderr}");
        assert!(stderr.contains(var), "{stderr}");
        assert!(
            !stderr.contains("panicked") && !stderr.contains("backtrace"),
            "{stderr}"
        );
    }
}

#[test]
fn a_bad_configuration_file_is_named_too() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("tawasol.toml"),
        "listen = \"127.0.0.1:0\"\nbody_limt = 5\n",
    )
    .unwrap();
    let out = tawasol(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("body_limt"), "{stderr}");
}

#[test]
fn an_unreachable_database_is_one_clear_line_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let out = tawasol(dir.path())
        .env("DATABASE_URL", "postgres://nobody@127.0.0.1:1/tawasol")
        .env("TAWASOL_LISTEN", "127.0.0.1:0")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("cannot reach the database"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn with_no_settings_it_creates_and_serves_sqlite_under_data_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = tawasol(dir.path())
        .env("TAWASOL_LISTEN", "127.0.0.1:0")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = Vec::new();
    let (port, _rest) = wait_for_port(&mut child, &mut lines);
    assert!(
        dir.path().join("data/tawasol.db").is_file(),
        "./data/tawasol.db created"
    );
    let body = http_get(port, "/api/v1/communes?lang=fr");
    assert!(body.contains("\"Tanger\""), "{body}");
    sigterm(&child);
    assert!(wait_exit(&mut child).success(), "graceful exit on SIGTERM");
}

#[test]
fn json_logs_have_one_object_per_line_with_the_request_id() {
    let db = TestDatabase::new();
    let dir = tempfile::tempdir().unwrap();
    let mut child = tawasol(dir.path())
        .env("TAWASOL_LISTEN", "127.0.0.1:0")
        .env("DATABASE_URL", db.url())
        .env("TAWASOL_LOG_FORMAT", "json")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = Vec::new();
    let (port, rest) = wait_for_port(&mut child, &mut lines);
    let (head, _) = http_get_raw(port, "/health/live");
    let id = head
        .lines()
        .find_map(|l| l.strip_prefix("x-request-id: "))
        .expect("x-request-id header")
        .trim()
        .to_owned();
    sigterm(&child);
    assert!(wait_exit(&mut child).success());
    lines.extend(rest.iter());
    let parsed: Vec<serde_json::Value> = lines
        .iter()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON: {line}: {e}")))
        .collect();
    assert!(
        parsed
            .iter()
            .all(|l| l["level"].is_string() && l["timestamp"].is_string())
    );
    let request = parsed
        .iter()
        .find(|l| l["span"]["request_id"] == id.as_str())
        .unwrap_or_else(|| panic!("no log line for request {id}: {lines:#?}"));
    assert_eq!(request["status"], 200);
    assert_eq!(request["span"]["path"], "/health/live");
}

pub(crate) fn http_get(port: u16, path: &str) -> String {
    http_get_raw(port, path).1
}

/// A plain HTTP/1.1 GET over TCP, so the binary is tested with nothing in between.
pub(crate) fn http_get_raw(port: u16, path: &str) -> (String, String) {
    http(port, "GET", path, None)
}

/// A plain HTTP/1.1 request over TCP, with an optional JSON body: (head, body) of the answer.
pub(crate) fn http(port: u16, method: &str, path: &str, json: Option<&str>) -> (String, String) {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let body = json.unwrap_or_default();
    let content_type = if json.is_some() {
        "Content-Type: application/json\r\n"
    } else {
        ""
    };
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n{content_type}Content-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    (head.to_owned(), body.to_owned())
}

/// The status code of an answer's head.
pub(crate) fn status(head: &str) -> u16 {
    head.split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status in {head:?}"))
}

#[test]
fn the_worker_alone_drains_the_outbox_into_eml_files_and_stops_on_sigterm() {
    use tawasol_api::mail::template::Template;
    use tawasol_api::mail::{OutgoingMail, enqueue};
    use tawasol_domain::{EmailAddress, Locale};
    let db = TestDatabase::new();
    let dir = tempfile::tempdir().unwrap();
    {
        let database = tawasol_persistence::Database::connect(
            db.url(),
            tawasol_persistence::PoolSettings::default(),
        )
        .unwrap();
        let mail = OutgoingMail {
            to: EmailAddress::parse("amina@tawasol.test").unwrap(),
            locale: Locale::Zgh,
            template: Template::AccountVerifyEmail {
                display_name: "Amina".into(),
                verify_url: "http://127.0.0.1:8080/verify?token=t".into(),
            },
            dedupe_key: "cli-worker".into(),
        };
        enqueue(
            &mut database.conn().unwrap(),
            &mail,
            chrono::Utc::now().naive_utc(),
        )
        .unwrap();
    }
    let mut child = tawasol(dir.path())
        .arg("worker")
        .env("DATABASE_URL", db.url())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mail_dir = dir.path().join("data/mail");
    let deadline = Instant::now() + Duration::from_secs(20);
    let eml = loop {
        let found = std::fs::read_dir(&mail_dir)
            .ok()
            .and_then(|mut entries| entries.find_map(|e| e.ok().map(|e| e.path())));
        if let Some(path) = found {
            break path;
        }
        assert!(Instant::now() < deadline, "no .eml file within 20 s");
        std::thread::sleep(Duration::from_millis(100));
    };
    assert_eq!(eml.extension().and_then(|e| e.to_str()), Some("eml"));
    sigterm(&child);
    assert!(wait_exit(&mut child).success());

    let listed = tawasol(dir.path())
        .args(["admin", "outbox", "--status", "sent"])
        .env("DATABASE_URL", db.url())
        .output()
        .unwrap();
    assert!(listed.status.success());
    let table = String::from_utf8(listed.stdout).unwrap();
    assert_eq!(table.lines().count(), 2, "{table}");
    assert!(table.contains("account_verify_email\tzgh"), "{table}");

    let requeue = tawasol(dir.path())
        .args(["admin", "requeue", "9999"])
        .env("DATABASE_URL", db.url())
        .output()
        .unwrap();
    assert_eq!(requeue.status.code(), Some(1));
    assert!(
        String::from_utf8(requeue.stderr)
            .unwrap()
            .contains("no mail 9999")
    );
}

#[test]
fn create_admin_takes_the_password_from_the_environment_or_stdin() {
    use std::io::Write;
    let db = TestDatabase::new();
    let dir = tempfile::tempdir().unwrap();
    let out = tawasol(dir.path())
        .args(["admin", "create-admin", "--email", "Admin@Tawasol.test"])
        .env("DATABASE_URL", db.url())
        .env("TAWASOL_ADMIN_PASSWORD", "a long admin password")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("(Admin@Tawasol.test) is an admin")
    );

    let mut child = tawasol(dir.path())
        .args(["admin", "create-admin", "--email", "second@tawasol.test"])
        .env("DATABASE_URL", db.url())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"another admin password\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let short = tawasol(dir.path())
        .args(["admin", "create-admin", "--email", "third@tawasol.test"])
        .env("DATABASE_URL", db.url())
        .env("TAWASOL_ADMIN_PASSWORD", "short")
        .output()
        .unwrap();
    assert_eq!(short.status.code(), Some(1));
    assert!(
        String::from_utf8(short.stderr)
            .unwrap()
            .contains("10 to 128 characters")
    );
}

/// The permission bits of a path.
#[cfg(unix)]
fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

#[cfg(unix)]
#[test]
fn the_data_folder_and_every_file_in_it_are_the_service_users_alone_whatever_the_umask() {
    let dir = tempfile::tempdir().unwrap();
    // umask 000: every mode checked below is set by Tawasol, not inherited from a kind umask.
    let mut child = Command::new("sh")
        .args(["-c", "umask 000 && exec \"$0\"", BIN])
        .current_dir(dir.path())
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("TAWASOL_LISTEN", "127.0.0.1:0")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = Vec::new();
    let (port, _rest) = wait_for_port(&mut child, &mut lines);
    // Registering queues a verification mail, which the server's worker writes as an .eml file.
    let (head, body) = http(
        port,
        "POST",
        "/api/v1/auth/register",
        Some(
            r#"{"email": "amina@tawasol.test", "password": "a long enough password", "display_name": "Amina", "locale": "ar"}"#,
        ),
    );
    assert_eq!(status(&head), 202, "{head}\n{body}");
    let data = dir.path().join("data");
    let mail = data.join("mail");
    let deadline = Instant::now() + Duration::from_secs(20);
    let eml = loop {
        let found = std::fs::read_dir(&mail).ok().and_then(|mut entries| {
            entries.find_map(|e| {
                e.ok()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "eml"))
            })
        });
        // The verification mail, with its live link (once written whole).
        if let Some(path) = found.filter(|p| {
            std::fs::read_to_string(p).is_ok_and(|t| t.contains("To: amina@tawasol.test"))
        }) {
            break path;
        }
        assert!(Instant::now() < deadline, "no .eml file within 20 s");
        std::thread::sleep(Duration::from_millis(100));
    };
    assert_eq!(mode(&data), 0o700, "the data folder");
    assert_eq!(mode(&mail), 0o700, "the mail folder");
    assert_eq!(mode(&eml), 0o600, "{}", eml.display());
    let db = data.join("tawasol.db");
    assert_eq!(mode(&db), 0o600, "the database");
    for suffix in ["-wal", "-shm"] {
        let companion = data.join(format!("tawasol.db{suffix}"));
        assert!(
            companion.exists(),
            "SQLite in WAL mode keeps {suffix} while serving"
        );
        assert_eq!(mode(&companion), 0o600, "{}", companion.display());
    }
    for key in ["jwt.key", "unsubscribe.key", "data.key"] {
        assert_eq!(mode(&data.join(key)), 0o600, "{key}");
    }
    let mut everything = vec![data];
    while let Some(path) = everything.pop() {
        if path.is_dir() {
            assert_eq!(mode(&path), 0o700, "{}", path.display());
            everything.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        } else {
            assert_eq!(mode(&path), 0o600, "{}", path.display());
        }
    }
    sigterm(&child);
    assert!(wait_exit(&mut child).success());
}

#[cfg(unix)]
#[test]
fn an_existing_data_folder_open_to_others_is_kept_and_named_in_a_warning() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut child = tawasol(dir.path())
        .env("TAWASOL_LISTEN", "127.0.0.1:0")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = Vec::new();
    let (port, _rest) = wait_for_port(&mut child, &mut lines);
    // Serving (so that its SIGTERM handler is in place).
    assert_eq!(status(&http_get_raw(port, "/health/live").0), 200);
    sigterm(&child);
    assert!(wait_exit(&mut child).success());
    assert_eq!(
        mode(&data),
        0o755,
        "the operator's folder is left as it was"
    );
    let warning = lines
        .iter()
        .find(|l| l.contains("WARN") && l.contains("0755"))
        .unwrap_or_else(|| panic!("a warning naming the mode: {lines:#?}"));
    assert!(warning.contains("data"), "{warning}");
    assert_eq!(
        mode(&data.join("tawasol.db")),
        0o600,
        "new files are still the owner's alone"
    );
}
