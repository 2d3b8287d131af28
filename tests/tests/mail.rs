//! Mail delivery over a real SMTP server in the test process: the outbox, the worker, the SMTP
//! and file transports, the templates in three languages.

use chrono::{NaiveDateTime, TimeDelta};
use diesel::Connection;
use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tawasol_api::mail::template::Template;
use tawasol_api::mail::transport::Transport;
use tawasol_api::mail::unsubscribe::UnsubscribeKey;
use tawasol_api::mail::{Mailer, OutgoingMail, enqueue};
use tawasol_api::worker::{Clock, MailWorker, WorkerConfig};
use tawasol_domain::{EmailAddress, Locale, OutboxStatus};
use tawasol_persistence::outbox::{self, OutboxEntry};
use tawasol_persistence::test_support::TestDatabase;
use tawasol_persistence::{AnyConnection, Database, PoolSettings};
use tawasol_tests::TestApp;
use tawasol_tests::smtp::{SmtpCatcher, free_port};

const SECRET: &[u8] = b"a test secret of at least 32 bytes!!";

struct ManualClock(Mutex<NaiveDateTime>);

impl ManualClock {
    fn at(t: NaiveDateTime) -> Arc<ManualClock> {
        Arc::new(ManualClock(Mutex::new(t)))
    }
    fn set(&self, t: NaiveDateTime) {
        *self.0.lock().unwrap() = t;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> NaiveDateTime {
        *self.0.lock().unwrap()
    }
}

fn t0() -> NaiveDateTime {
    chrono::DateTime::parse_from_rfc3339("2026-11-22T10:00:00Z")
        .unwrap()
        .naive_utc()
}

fn mailer() -> Mailer {
    Mailer::new(
        "Tawasol <no-reply@tawasol.test>",
        "https://tawasol.test",
        UnsubscribeKey::derive(SECRET),
    )
    .unwrap()
}

fn open(db: &TestDatabase) -> Database {
    Database::connect(db.url(), PoolSettings::default()).unwrap()
}

fn worker(db: &Database, transport: Transport, clock: Arc<ManualClock>) -> MailWorker {
    let config = WorkerConfig {
        batch_size: 50,
        ..WorkerConfig::default()
    };
    MailWorker::new(db.clone(), Arc::new(transport), Arc::new(mailer()), config)
        .with_clock(clock)
        .with_jitter(Arc::new(|| 1.0))
}

fn smtp(catcher_port: u16) -> Transport {
    Transport::smtp(
        &format!("smtp://127.0.0.1:{catcher_port}"),
        Duration::from_secs(5),
    )
    .unwrap()
}

fn verify_mail(to: &str, locale: Locale, key: &str) -> OutgoingMail {
    OutgoingMail {
        to: EmailAddress::parse(to).unwrap(),
        locale,
        template: Template::AccountVerifyEmail {
            display_name: "Amina".into(),
            verify_url: format!("https://tawasol.test/verify?token={key}"),
        },
        dedupe_key: format!("verify:{key}"),
    }
}

fn answer_mail(to: &str, key: &str) -> OutgoingMail {
    OutgoingMail {
        to: EmailAddress::parse(to).unwrap(),
        locale: Locale::Fr,
        template: Template::IssueOfficialAnswer {
            issue_title: "Lampadaire éteint rue Ibn Battouta".into(),
            official_name: "Karim Alaoui".into(),
            official_title: "Vice-président chargé de l'éclairage".into(),
            issue_url: "https://tawasol.test/issues/7".into(),
        },
        dedupe_key: format!("answer:{key}"),
    }
}

fn enqueue_all(database: &Database, mails: &[OutgoingMail], at: NaiveDateTime) {
    let mut conn = database.conn().unwrap();
    conn.transaction(|c| {
        for m in mails {
            enqueue(c, m, at).unwrap();
        }
        Ok::<_, diesel::result::Error>(())
    })
    .unwrap();
}

fn rows(database: &Database) -> Vec<OutboxEntry> {
    outbox::list(&mut database.conn().unwrap(), None, None, 100).unwrap()
}

async fn drain(worker: &MailWorker) -> usize {
    let mut sent = 0;
    loop {
        let d = worker.run_once().await.unwrap();
        sent += d.sent;
        if d.claimed == 0 {
            return sent;
        }
    }
}

#[tokio::test]
async fn a_mail_committed_with_its_change_arrives_in_each_language_and_a_rolled_back_one_never_exists()
 {
    let catcher = SmtpCatcher::start();
    let app = TestApp::spawn_with(&[("TAWASOL_SMTP_URL", &catcher.url())]).await;
    let database = open(&app.db);
    let now = chrono::Utc::now().naive_utc();
    {
        let mut conn = database.conn().unwrap();
        // The business change and its mails commit together…
        conn.transaction(|c| {
            raw(
                c,
                "UPDATE communes SET petition_threshold = 3 WHERE slug = 'sefrou'",
            );
            for (to, locale) in [
                ("amina@tawasol.test", Locale::Ar),
                ("claire@tawasol.test", Locale::Fr),
                ("idir@tawasol.test", Locale::Zgh),
            ] {
                enqueue(c, &verify_mail(to, locale, to), now).unwrap();
            }
            Ok::<_, diesel::result::Error>(())
        })
        .unwrap();
        // …and a change that rolls back takes its mail with it.
        let _ = conn.transaction(|c| {
            raw(
                c,
                "UPDATE communes SET petition_threshold = 4 WHERE slug = 'tan-tan'",
            );
            enqueue(
                c,
                &verify_mail("ghost@tawasol.test", Locale::Fr, "ghost"),
                now,
            )
            .unwrap();
            Err::<(), _>(diesel::result::Error::RollbackTransaction)
        });
    }
    assert_eq!(
        rows(&database).len(),
        3,
        "no outbox row for the rolled-back change"
    );

    // The server's own worker polls the outbox and delivers.
    let mails = catcher.wait_for(3, Duration::from_secs(20)).await;
    assert_eq!(mails.len(), 3);
    let by_to = |to: &str| {
        mails
            .iter()
            .find(|m| m.to == [to])
            .unwrap_or_else(|| panic!("no mail to {to}"))
    };

    let ar = by_to("amina@tawasol.test");
    assert_eq!(ar.subject(), "أكد عنوانك في تواصل");
    assert_eq!(ar.header("Content-Language").as_deref(), Some("ar"));
    assert!(ar.body("text/plain").contains("مرحبا Amina"));
    assert!(
        ar.body("text/plain")
            .contains("https://tawasol.test/verify?token=amina@tawasol.test")
    );
    assert!(ar.body("text/html").contains("dir=\"rtl\""));

    let fr = by_to("claire@tawasol.test");
    assert_eq!(fr.subject(), "Confirmez votre adresse pour Tawasol");
    assert!(fr.body("text/plain").starts_with("Bonjour Amina,"));
    assert!(fr.body("text/html").contains("dir=\"ltr\""));

    let zgh = by_to("idir@tawasol.test");
    assert_eq!(zgh.subject(), "ⵙⵙⵏⵜⵎ ⴰⵏⵙⴰ ⵏⵏⴽ ⴳ ⵜⴰⵡⴰⵚⵍ");
    assert!(zgh.body("text/plain").contains("ⴰⵣⵓⵍ Amina"));

    for m in &mails {
        assert!(
            !m.subject().contains(['\u{2068}', '\u{2069}']),
            "no bidi marks in subjects"
        );
        assert!(
            !m.body("text/plain").contains(['\u{2068}', '\u{2069}']),
            "nor in plain text"
        );
        assert_eq!(
            m.header("From").as_deref(),
            Some("Tawasol <no-reply@localhost>")
        );
        assert!(
            m.header("List-Unsubscribe").is_none(),
            "account mails have no unsubscribe"
        );
    }
    // Every row is marked sent, and the business change is there.
    let settled = wait_until(
        || rows(&database).iter().all(|r| r.status.as_str() == "sent"),
        Duration::from_secs(10),
    )
    .await;
    assert!(settled, "{:?}", rows(&database));
    let sefrou: serde_json::Value = app
        .get("/api/v1/communes/sefrou")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(sefrou["petition_threshold"], 3);
    let tan_tan: serde_json::Value = app
        .get("/api/v1/communes/tan-tan")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(tan_tan["petition_threshold"], 200);
}

#[tokio::test]
async fn mails_wait_out_an_smtp_outage_with_backoff_and_each_arrives_once() {
    let db = TestDatabase::new();
    let database = open(&db);
    let port = free_port();
    let clock = ManualClock::at(t0());
    let worker = worker(&database, smtp(port), clock.clone());
    let mails: Vec<_> = (0..20)
        .map(|i| verify_mail(&format!("r{i}@tawasol.test"), Locale::Fr, &i.to_string()))
        .collect();
    enqueue_all(&database, &mails, t0());

    // Down: every row is retried later, 30 s then 60 s (jitter fixed at its maximum).
    let first = worker.run_once().await.unwrap();
    assert_eq!((first.claimed, first.retried, first.sent), (20, 20, 0));
    assert!(
        rows(&database)
            .iter()
            .all(|r| r.attempts == 1 && r.next_attempt_at == t0() + TimeDelta::seconds(30))
    );
    clock.set(t0() + TimeDelta::seconds(29));
    assert_eq!(
        worker.run_once().await.unwrap().claimed,
        0,
        "not due before the backoff"
    );
    clock.set(t0() + TimeDelta::seconds(30));
    assert_eq!(worker.run_once().await.unwrap().retried, 20);
    assert!(
        rows(&database)
            .iter()
            .all(|r| r.attempts == 2 && r.next_attempt_at == t0() + TimeDelta::seconds(90))
    );
    assert!(rows(&database).iter().all(|r| r.last_error.is_some()));

    // The server comes up; the next pass delivers everything.
    let catcher = SmtpCatcher::start_on(port);
    clock.set(t0() + TimeDelta::seconds(90));
    assert_eq!(drain(&worker).await, 20);
    let caught = catcher.mails();
    assert_eq!(caught.len(), 20);
    let ids: HashSet<String> = caught
        .iter()
        .map(|m| m.header("Message-ID").unwrap())
        .collect();
    assert_eq!(ids.len(), 20, "20 distinct Message-IDs");
    let all = rows(&database);
    assert!(
        all.iter()
            .all(|r| r.status.as_str() == "sent" && r.attempts == 3 && r.last_error.is_none())
    );
    for r in &all {
        assert!(ids.contains(&format!("<outbox.{}.tawasol@tawasol.test>", r.id)));
    }
}

#[tokio::test]
async fn a_refused_recipient_is_dead_after_one_attempt_and_blocks_no_one() {
    let catcher = SmtpCatcher::start_refusing(&["nobody@tawasol.test"]);
    let db = TestDatabase::new();
    let database = open(&db);
    let worker = worker(&database, smtp(catcher.port), ManualClock::at(t0()));
    let mut mails = vec![verify_mail("nobody@tawasol.test", Locale::Ar, "dead")];
    mails.extend(
        (0..4).map(|i| verify_mail(&format!("ok{i}@tawasol.test"), Locale::Ar, &i.to_string())),
    );
    enqueue_all(&database, &mails, t0());

    let pass = worker.run_once().await.unwrap();
    assert_eq!((pass.sent, pass.dead, pass.retried), (4, 1, 0));
    assert_eq!(catcher.mails().len(), 4);
    let dead = outbox::list(
        &mut database.conn().unwrap(),
        Some(OutboxStatus::Dead),
        None,
        10,
    )
    .unwrap();
    assert_eq!(dead.len(), 1);
    assert_eq!(dead[0].recipient, "nobody@tawasol.test");
    assert_eq!(dead[0].attempts, 1);
    assert!(
        dead[0].last_error.as_deref().unwrap().contains("550"),
        "{:?}",
        dead[0].last_error
    );
    // An admin re-queues it; it is refused again, and dead again.
    tawasol_api::usecases::outbox::requeue(&database, dead[0].id, t0())
        .await
        .unwrap();
    assert_eq!(worker.run_once().await.unwrap().dead, 1);
}

#[tokio::test]
async fn two_workers_over_one_database_send_each_of_1000_mails_once() {
    let catcher = SmtpCatcher::start();
    let db = TestDatabase::new();
    let database = open(&db);
    let mails: Vec<_> = (0..1000)
        .map(|i| verify_mail(&format!("r{i}@tawasol.test"), Locale::Fr, &i.to_string()))
        .collect();
    enqueue_all(&database, &mails, t0());
    let clock = ManualClock::at(t0());
    let a = worker(&database, smtp(catcher.port), clock.clone());
    let b = worker(&database, smtp(catcher.port), clock);
    assert_ne!(a.id(), b.id());
    let (sent_a, sent_b) = tokio::join!(drain(&a), drain(&b));
    assert_eq!(sent_a + sent_b, 1000);
    let caught = catcher.wait_for(1000, Duration::from_secs(10)).await;
    assert_eq!(caught.len(), 1000, "each row sent once");
    let ids: HashSet<String> = caught
        .iter()
        .map(|m| m.header("Message-ID").unwrap())
        .collect();
    assert_eq!(ids.len(), 1000);
    let counts = outbox::count_by_status(&mut database.conn().unwrap()).unwrap();
    assert_eq!(counts, [(OutboxStatus::Sent, 1000)]);
}

#[tokio::test]
async fn without_smtp_mails_are_written_as_parseable_eml_files() {
    let db = TestDatabase::new();
    let database = open(&db);
    let dir = tempfile::tempdir().unwrap();
    let worker = worker(
        &database,
        Transport::files(dir.path()).unwrap(),
        ManualClock::at(t0()),
    );
    enqueue_all(
        &database,
        &[
            verify_mail("amina@tawasol.test", Locale::Ar, "a"),
            answer_mail("claire@tawasol.test", "c"),
        ],
        t0(),
    );
    assert_eq!(drain(&worker).await, 2);
    let mut subjects = Vec::new();
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        assert_eq!(path.extension().and_then(|e| e.to_str()), Some("eml"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "it holds live links: its owner's alone");
        }
        let raw = std::fs::read(&path).unwrap();
        assert!(raw.windows(2).any(|w| w == b"\r\n"), "CRLF line endings");
        let mail = tawasol_tests::smtp::CaughtMail { to: vec![], raw };
        assert!(mail.header("Message-ID").unwrap().starts_with("<outbox."));
        assert!(!mail.body("text/plain").is_empty() && !mail.body("text/html").is_empty());
        subjects.push(mail.subject());
    }
    subjects.sort();
    assert_eq!(
        subjects,
        [
            "Réponse officielle : Lampadaire éteint rue Ibn Battouta",
            "أكد عنوانك في تواصل"
        ]
    );
}

#[tokio::test]
async fn notifications_carry_one_click_unsubscribe_with_a_signed_token() {
    let catcher = SmtpCatcher::start();
    let db = TestDatabase::new();
    let database = open(&db);
    let worker = worker(&database, smtp(catcher.port), ManualClock::at(t0()));
    enqueue_all(&database, &[answer_mail("claire@tawasol.test", "n")], t0());
    assert_eq!(drain(&worker).await, 1);
    let mail = &catcher.mails()[0];
    assert_eq!(
        mail.header("List-Unsubscribe-Post").as_deref(),
        Some("List-Unsubscribe=One-Click")
    );
    let link = mail.header("List-Unsubscribe").unwrap();
    let token = link
        .strip_prefix("<https://tawasol.test/api/v1/unsubscribe?token=")
        .and_then(|rest| rest.strip_suffix('>'))
        .unwrap_or_else(|| panic!("{link}"));
    let request = UnsubscribeKey::derive(SECRET)
        .verify(token)
        .expect("a token we signed");
    assert_eq!(request.recipient.as_str(), "claire@tawasol.test");
    assert_eq!(request.topic, "issue_updates");
    assert!(
        mail.body("text/plain").contains(token),
        "the footer links it too"
    );
    assert!(
        mail.body("text/plain")
            .contains("Karim Alaoui (Vice-président chargé de l'éclairage)")
    );
}

fn raw(conn: &mut AnyConnection, sql: &str) {
    use diesel::connection::SimpleConnection;
    match conn {
        AnyConnection::Postgresql(c) => c.batch_execute(sql),
        AnyConnection::Sqlite(c) => c.batch_execute(sql),
    }
    .unwrap();
}

async fn wait_until(mut check: impl FnMut() -> bool, timeout: Duration) -> bool {
    let deadline = std::time::Instant::now() + timeout;
    while std::time::Instant::now() < deadline {
        if check() {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    check()
}

#[tokio::test]
async fn a_server_that_never_answers_is_a_temporary_failure_not_a_stuck_worker() {
    // Accepts connections (the kernel's backlog) but never says a word.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = silent.local_addr().unwrap().port();
    let db = TestDatabase::new();
    let database = open(&db);
    let config = WorkerConfig {
        send_timeout: Duration::from_millis(500),
        ..WorkerConfig::default()
    };
    let worker = MailWorker::new(
        database.clone(),
        Arc::new(smtp(port)),
        Arc::new(mailer()),
        config,
    )
    .with_clock(ManualClock::at(t0()));
    enqueue_all(
        &database,
        &[verify_mail("amina@tawasol.test", Locale::Ar, "s")],
        t0(),
    );
    let pass = tokio::time::timeout(Duration::from_secs(10), worker.run_once())
        .await
        .expect("the pass ends")
        .unwrap();
    assert_eq!(pass.retried, 1);
    assert_eq!(rows(&database)[0].status.as_str(), "pending");
    drop(silent);
}

#[tokio::test]
async fn erasing_an_account_cancels_its_unsent_mails_and_sent_ones_wait_for_the_retention_purge() {
    let (app, catcher) = tawasol_tests::spawn_with_mail(&[]).await;
    let admin = tawasol_tests::admin(&app, &catcher).await;
    let salma = tawasol_tests::access(
        &tawasol_tests::verified_user(&app, &catcher, "salma@tawasol.test", "fr").await,
    );
    // A mail due tomorrow and one given up on, both to Salma; one due tomorrow to the admin.
    app.sql(
        "INSERT INTO outbox (dedupe_key, recipient, locale, template, payload, status, attempts, next_attempt_at, created_at) VALUES \
         ('later:salma', 'salma@tawasol.test', 'fr', 'account_verify_email', '{}', 'pending', 0, '2099-01-01 00:00:00', '2026-11-22 10:00:00'), \
         ('dead:salma', 'salma@tawasol.test', 'fr', 'account_verify_email', '{}', 'dead', 8, '2026-11-22 10:00:00', '2026-11-22 10:00:00'), \
         ('later:admin', 'admin@tawasol.test', 'fr', 'account_verify_email', '{}', 'pending', 0, '2099-01-01 00:00:00', '2026-11-22 10:00:00')",
    );
    let res = app
        .send(reqwest::Method::DELETE, "/api/v1/me", Some(&salma), None)
        .await;
    assert_eq!(res.status(), 204);
    let database = open(&app.db);
    let left =
        outbox::list_for_recipient(&mut database.conn().unwrap(), "salma@tawasol.test").unwrap();
    let statuses: Vec<&str> = left.iter().map(|e| e.status.as_str()).collect();
    assert_eq!(
        statuses,
        ["sent"],
        "only the verification mail already sent keeps the address, until the retention purge"
    );
    let others =
        outbox::list_for_recipient(&mut database.conn().unwrap(), "admin@tawasol.test").unwrap();
    assert!(
        others.iter().any(|e| e.dedupe_key == "later:admin"),
        "others' mails stay"
    );
    // The admin's view of the outbox agrees.
    let listed: serde_json::Value = app
        .send(
            reqwest::Method::GET,
            "/api/v1/admin/outbox?status=pending",
            Some(&admin),
            None,
        )
        .await
        .json()
        .await
        .unwrap();
    let recipients: Vec<&str> = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|m| m["recipient"].as_str())
        .collect();
    assert!(
        !recipients.contains(&"salma@tawasol.test"),
        "{recipients:?}"
    );
}
