//! The production examples of docs/deployment.md and docs/configuration.md start as written.
//!
//! Each example is the fenced block after an `<!-- example: NAME` comment. The test reads it the
//! way a shell, systemd or the TOML file would, and runs the real binary with what it sets,
//! changing only what must differ on a test machine: the listening port, the data folder, the
//! database, the SMTP server (a catcher here) and the secrets, generated as the example generates
//! them. A line the test does not understand fails it, so the docs cannot drift from the test.

use crate::binary::{http, sigterm, status, tawasol, wait_exit, wait_for_port};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::mpsc;
use std::time::{Duration, Instant};
use tawasol_persistence::test_support::TestDatabase;

fn doc(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../docs")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The fenced block that follows `<!-- example: NAME` in `text`.
fn example(text: &str, name: &str) -> String {
    let marker = format!("<!-- example: {name} ");
    let start = text
        .find(&marker)
        .unwrap_or_else(|| panic!("no example {name:?} in the docs"));
    let after = &text[start..];
    let fence = after
        .find("\n```")
        .expect("a fenced block after the marker")
        + 1;
    let body = after[fence..]
        .split_once('\n')
        .expect("the fence's first line")
        .1;
    let end = body.find("\n```").expect("the end of the fenced block");
    body[..end].to_owned()
}

/// Splits a line into words as a shell (or systemd) does: quotes group, backslashes escape.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut quote: Option<char> = None;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => word.push(c),
            None => match c {
                '\'' | '"' => {
                    quote = Some(c);
                    in_word = true;
                }
                '\\' => {
                    if let Some(next) = chars.next() {
                        word.push(next);
                        in_word = true;
                    }
                }
                c if c.is_whitespace() => {
                    if in_word {
                        out.push(std::mem::take(&mut word));
                        in_word = false;
                    }
                }
                c => {
                    word.push(c);
                    in_word = true;
                }
            },
        }
    }
    assert!(quote.is_none(), "an unclosed quote in {line:?}");
    if in_word {
        out.push(word);
    }
    out
}

/// `NAME=value` as a variable and its value.
fn assignment(word: &str) -> Option<(String, String)> {
    let (name, value) = word.split_once('=')?;
    (!name.is_empty() && name.chars().all(|c| c.is_ascii_uppercase() || c == '_'))
        .then(|| (name.to_owned(), value.to_owned()))
}

/// 32 random bytes in hex, as `openssl rand -hex 32` prints them.
fn rand_hex_32() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).unwrap();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The secrets example: the file it writes and the variables in it, each `$(openssl rand -hex
/// 32)` generated anew.
fn secrets() -> (String, BTreeMap<String, String>) {
    let block = example(&doc("deployment.md"), "secrets");
    let first = block.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("(umask 077 && cat > ") && first.ends_with(" <<EOF"),
        "the secrets are written by the owner alone: {first}"
    );
    let file = first
        .trim_start_matches("(umask 077 && cat > ")
        .trim_end_matches(" <<EOF")
        .to_owned();
    let mut vars = BTreeMap::new();
    for line in block.lines().skip(1) {
        if line == "EOF" || line == ")" {
            continue;
        }
        let (name, value) =
            assignment(line).unwrap_or_else(|| panic!("not a NAME=value line: {line}"));
        let value = match value.as_str() {
            "$(openssl rand -hex 32)" => rand_hex_32(),
            v if v.contains('$') || v.contains('`') => panic!("the test cannot run {v}"),
            v => v.to_owned(),
        };
        vars.insert(name, value);
    }
    for secret in [
        "TAWASOL_JWT_SECRET",
        "TAWASOL_UNSUBSCRIBE_SECRET",
        "TAWASOL_DATA_KEY",
    ] {
        assert!(
            vars.contains_key(secret),
            "the secrets example sets {secret}"
        );
    }
    (file, vars)
}

/// A minimal SMTP server that accepts every mail and reports (sender, recipients).
fn smtp_catcher() -> (String, mpsc::Receiver<(String, Vec<String>)>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("smtp://{}", listener.local_addr().unwrap());
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { break };
            let tx = tx.clone();
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut say = |s: &str| stream.write_all(format!("{s}\r\n").as_bytes());
                let _ = say("220 catcher ESMTP");
                let (mut from, mut to) = (String::new(), Vec::new());
                let mut line = String::new();
                while reader.read_line(&mut line).is_ok_and(|n| n > 0) {
                    let command = line.trim_end().to_owned();
                    line.clear();
                    let upper = command.to_ascii_uppercase();
                    let answer = if upper.starts_with("MAIL FROM:") {
                        from = command[10..].trim().trim_matches(['<', '>']).to_owned();
                        to.clear();
                        "250 ok"
                    } else if upper.starts_with("RCPT TO:") {
                        to.push(command[8..].trim().trim_matches(['<', '>']).to_owned());
                        "250 ok"
                    } else if upper == "DATA" {
                        let _ = say("354 go on");
                        while reader.read_line(&mut line).is_ok_and(|n| n > 0) {
                            let end = line.trim_end() == ".";
                            line.clear();
                            if end {
                                break;
                            }
                        }
                        let _ = tx.send((from.clone(), to.clone()));
                        "250 queued"
                    } else if upper == "QUIT" {
                        let _ = say("221 bye");
                        break;
                    } else {
                        "250 ok"
                    };
                    if say(answer).is_err() {
                        break;
                    }
                }
            });
        }
    });
    (url, rx)
}

/// What must differ on a test machine, whatever the example set.
struct Machine {
    dir: tempfile::TempDir,
    db: TestDatabase,
    smtp: String,
    mails: mpsc::Receiver<(String, Vec<String>)>,
}

impl Machine {
    fn new() -> Machine {
        let (smtp, mails) = smtp_catcher();
        Machine {
            dir: tempfile::tempdir().unwrap(),
            db: TestDatabase::new(),
            smtp,
            mails,
        }
    }

    fn data_dir(&self) -> PathBuf {
        self.dir.path().join("var-lib-tawasol")
    }

    /// Replaces the port, data folder, database and SMTP server of an example's variables.
    fn localise(&self, vars: &mut BTreeMap<String, String>) {
        assert_eq!(
            vars.get("TAWASOL_ENV").map(String::as_str),
            Some("production"),
            "the example is a production one: {vars:?}"
        );
        for (name, value) in [
            ("TAWASOL_LISTEN", "127.0.0.1:0".to_owned()),
            (
                "TAWASOL_DATA_DIR",
                self.data_dir().to_string_lossy().into_owned(),
            ),
            ("TAWASOL_SMTP_URL", self.smtp.clone()),
        ] {
            let old = vars.insert(name.to_owned(), value);
            assert!(old.is_some(), "the example sets {name}");
        }
        if vars.contains_key("DATABASE_URL") {
            vars.insert("DATABASE_URL".into(), self.db.url().to_owned());
        }
    }

    /// Starts the binary with `vars`, waits for `/health/ready`, registers a resident and waits
    /// for the verification mail to reach the SMTP catcher, then stops the server.
    fn start(&self, vars: &BTreeMap<String, String>, what: &str) {
        let mut child = tawasol(self.dir.path())
            .envs(vars)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = Vec::new();
        let (port, _rest) = wait_for_port(&mut child, &mut lines);
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let (head, _) = http(port, "GET", "/health/ready", None);
            if status(&head) == 200 {
                break;
            }
            assert!(Instant::now() < deadline, "{what}: not ready: {head}");
            std::thread::sleep(Duration::from_millis(100));
        }
        let (head, body) = http(
            port,
            "POST",
            "/api/v1/auth/register",
            Some(
                r#"{"email": "amina@tawasol.test", "password": "a long enough password", "display_name": "Amina", "locale": "fr"}"#,
            ),
        );
        assert_eq!(status(&head), 202, "{what}: {head}\n{body}");
        let (from, to) = self
            .mails
            .recv_timeout(Duration::from_secs(20))
            .unwrap_or_else(|_| panic!("{what}: no mail reached the SMTP server within 20 s"));
        assert_eq!(to, ["amina@tawasol.test"], "{what}");
        assert_eq!(from, "no-reply@tawasol.example.ma", "{what}");
        sigterm(&child);
        assert!(wait_exit(&mut child).success(), "{what}: {lines:#?}");
    }
}

#[test]
fn the_production_shell_command_of_deployment_md_starts_as_written() {
    let (secrets_file, secrets) = secrets();
    let block = example(&doc("deployment.md"), "production-shell");
    let machine = Machine::new();
    let mut vars = BTreeMap::new();
    let mut ran = false;
    for line in block.replace("\\\n", " ").lines() {
        let line = line.trim();
        if line == "cargo build --release" {
            continue; // The test runs the binary Cargo built for it.
        }
        if line == format!("set -a && . ./{secrets_file} && set +a") {
            vars.extend(secrets.clone());
            continue;
        }
        let words = words(line);
        let (command, assignments): (Vec<_>, Vec<_>) =
            words.iter().partition(|w| assignment(w).is_none());
        assert_eq!(
            command,
            [&"./target/release/tawasol".to_owned()],
            "the test does not know how to run {line:?}"
        );
        vars.extend(assignments.iter().filter_map(|w| assignment(w)));
        ran = true;
    }
    assert!(ran, "the example runs the binary");
    machine.localise(&mut vars);
    machine.start(&vars, "deployment.md's production command");
}

#[test]
fn the_systemd_unit_of_deployment_md_starts_as_written() {
    let (secrets_file, secrets) = secrets();
    let block = example(&doc("deployment.md"), "systemd-unit");
    let machine = Machine::new();
    let mut vars = BTreeMap::new();
    let mut exec = None;
    let mut section = String::new();
    for line in block.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if line.starts_with('[') {
            section = line.to_owned();
            continue;
        }
        let (key, value) = line
            .split_once('=')
            .unwrap_or_else(|| panic!("not a key=value line: {line}"));
        match (section.as_str(), key) {
            ("[Service]", "ExecStart") => exec = Some(words(value)),
            ("[Service]", "EnvironmentFile") => {
                assert_eq!(
                    Path::new(value).file_name(),
                    Some(std::ffi::OsStr::new(&secrets_file)),
                    "the unit reads the secrets file the first example writes"
                );
                vars.extend(secrets.clone());
            }
            ("[Service]", "Environment") => {
                for word in words(value) {
                    let (name, value) = assignment(&word)
                        .unwrap_or_else(|| panic!("not NAME=value: {word} in {line}"));
                    vars.insert(name, value);
                }
            }
            ("[Service]", "StateDirectoryMode") => assert_eq!(value, "0700"),
            _ => {} // User=, KillSignal=, [Install], …: systemd's, not the binary's.
        }
    }
    let exec = exec.expect("an ExecStart= line");
    assert_eq!(exec.len(), 1, "the binary alone serves: {exec:?}");
    assert!(exec[0].ends_with("/tawasol"), "{exec:?}");
    machine.localise(&mut vars);
    machine.start(&vars, "deployment.md's systemd unit");
}

#[test]
fn the_example_file_of_configuration_md_starts_as_written() {
    let (_, secrets) = secrets();
    let block = example(&doc("configuration.md"), "production-toml");
    let file: toml::Table = block.parse().expect("the example file is TOML");
    assert_eq!(file["env"].as_str(), Some("production"));
    let machine = Machine::new();
    let mut replaced = Vec::new();
    let text: Vec<String> = block
        .lines()
        .map(|line| {
            let key = line.split('=').next().unwrap_or_default().trim();
            let value = match key {
                "listen" => "127.0.0.1:0".to_owned(),
                "database_url" => machine.db.url().to_owned(),
                _ => return line.to_owned(),
            };
            replaced.push(key.to_owned());
            format!("{key} = {}", serde_json::Value::String(value))
        })
        .collect();
    assert_eq!(
        replaced,
        ["listen", "database_url"],
        "the example file sets both"
    );
    let path = machine.dir.path().join("tawasol.toml");
    std::fs::write(&path, text.join("\n")).unwrap();
    // The secrets and the SMTP address come from the environment (the unit's EnvironmentFile=).
    let mut vars = secrets;
    vars.insert("TAWASOL_SMTP_URL".into(), machine.smtp.clone());
    vars.insert("TAWASOL_CONFIG".into(), path.to_string_lossy().into_owned());
    machine.start(&vars, "configuration.md's example file");
}

#[test]
fn production_with_nothing_set_names_every_missing_setting_at_once_as_the_docs_show() {
    let dir = tempfile::tempdir().unwrap();
    let out = tawasol(dir.path())
        .env("TAWASOL_ENV", "production")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    let named: Vec<&str> = lines
        .iter()
        .map(|l| {
            l.strip_prefix("tawasol: configuration error: ")
                .and_then(|rest| rest.split(':').next())
                .unwrap_or_else(|| panic!("not a configuration error line: {l}"))
        })
        .collect();
    assert_eq!(
        named,
        [
            "TAWASOL_PUBLIC_URL",
            "TAWASOL_SMTP_URL",
            "TAWASOL_MAIL_FROM",
            "TAWASOL_UNSUBSCRIBE_SECRET",
            "TAWASOL_JWT_SECRET",
            "TAWASOL_DATA_KEY",
            "TAWASOL_CNDP_NUMBER",
        ],
        "{stderr}"
    );
    assert!(!dir.path().join("data").exists(), "nothing is created");
    // docs/deployment.md shows this very output.
    let deployment = doc("deployment.md");
    let shown = deployment
        .split("$ TAWASOL_ENV=production tawasol\n")
        .nth(1)
        .and_then(|rest| rest.split("\n```").next())
        .expect("deployment.md shows the output of a production start with nothing set");
    assert_eq!(shown, stderr.trim_end());
}
