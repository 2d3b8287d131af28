//! Starts the real Tawasol server on a loopback port, on a fresh database of the backend the
//! environment names, for tests that act as a user over HTTP.

pub mod contract;
pub mod smtp;

use std::collections::BTreeMap;
use tawasol_api::startup::ServerHandle;
use tawasol_api::{Application, Settings};
use tawasol_persistence::test_support::TestDatabase;

pub use tawasol_persistence::test_support::test_backend_is_postgres;

/// A client that lets go of an idle connection before the server does (actix-web closes one
/// after 5 s of keep-alive): reusing a connection at the instant the server closes it fails the
/// request before it is sent, which no user of a real browser would see as the server's fault.
pub fn http_client() -> reqwest::ClientBuilder {
    reqwest::Client::builder().pool_idle_timeout(std::time::Duration::from_secs(2))
}

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub db: TestDatabase,
    pub data_dir: tempfile::TempDir,
    /// The server's clock: `app.clock.advance(…)` moves time for the server and its jobs.
    pub clock: tawasol_api::clock::Clock,
    handle: ServerHandle,
}

impl std::fmt::Debug for TestApp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TestApp")
            .field("address", &self.address)
            .finish()
    }
}

impl TestApp {
    /// A server with default settings.
    pub async fn spawn() -> TestApp {
        TestApp::spawn_with(&[]).await
    }

    /// A server with some settings changed, as environment variables would.
    pub async fn spawn_with(settings: &[(&str, &str)]) -> TestApp {
        let db = TestDatabase::new();
        let data_dir = tempfile::tempdir().expect("temporary data folder");
        let mut env: BTreeMap<String, String> = BTreeMap::new();
        env.insert("TAWASOL_LISTEN".into(), "127.0.0.1:0".into());
        env.insert("DATABASE_URL".into(), db.url().to_owned());
        env.insert(
            "TAWASOL_DATA_DIR".into(),
            data_dir.path().to_string_lossy().into_owned(),
        );
        env.insert("TAWASOL_WORKERS".into(), "1".into());
        env.insert("TAWASOL_DB_POOL_SIZE".into(), "5".into());
        env.insert("TAWASOL_SHUTDOWN_TIMEOUT".into(), "1".into());
        // Figures computed on every request, so that a test reads its own writes at once
        // (tests/tests/stats.rs tests the cache with its default time to live).
        env.insert("TAWASOL_STATS_TTL".into(), "0".into());
        for (k, v) in settings {
            env.insert((*k).to_owned(), (*v).to_owned());
        }
        let settings = Settings::from_sources(&env, None).expect("test settings are valid");
        let clock = tawasol_api::clock::Clock::adjustable();
        let app = Application::build_with_clock(&settings, clock.clone())
            .await
            .expect("the server starts");
        let address = format!("http://127.0.0.1:{}", app.port());
        let handle = app.handle();
        tokio::spawn(app.run_until_stopped());
        let client = http_client()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("HTTP client");
        TestApp {
            address,
            client,
            db,
            data_dir,
            clock,
            handle,
        }
    }

    /// An HTTP client whose connections come from another loopback address (`127.0.0.2`, …):
    /// another client, as the server's throttles see it.
    pub fn client_at(&self, ip: &str) -> reqwest::Client {
        http_client()
            .redirect(reqwest::redirect::Policy::none())
            .local_address(ip.parse::<std::net::IpAddr>().expect("an IP address"))
            .build()
            .expect("HTTP client")
    }

    /// POSTs a JSON body from `client` (see [`TestApp::client_at`]), checked against the contract.
    pub async fn post_from(
        &self,
        client: &reqwest::Client,
        path: &str,
        body: &serde_json::Value,
    ) -> reqwest::Response {
        let res = client
            .post(self.url(path))
            .json(body)
            .send()
            .await
            .expect("request sent");
        checked("POST", path, res).await
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        let res = self
            .client
            .get(self.url(path))
            .send()
            .await
            .expect("request sent");
        checked("GET", path, res).await
    }

    /// GET with an `Accept-Language` header.
    pub async fn get_in(&self, path: &str, accept_language: &str) -> reqwest::Response {
        let res = self
            .client
            .get(self.url(path))
            .header("accept-language", accept_language)
            .send()
            .await
            .expect("request sent");
        checked("GET", path, res).await
    }
}

/// The answer, after checking it against the published OpenAPI document (`contract`), rebuilt
/// so that the test can read it as if untouched.
pub async fn checked(method: &str, path: &str, res: reqwest::Response) -> reqwest::Response {
    let status = res.status();
    let version = res.version();
    let headers = res.headers().clone();
    let body = res.bytes().await.expect("the answer's body");
    let content_type = headers
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    contract::check(method, path, status.as_u16(), content_type, &body);
    let mut rebuilt = http::Response::builder().status(status).version(version);
    for (name, value) in &headers {
        rebuilt = rebuilt.header(name, value);
    }
    reqwest::Response::from(rebuilt.body(body).expect("the same answer"))
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let stop = self.handle.stop(false);
        if let Ok(rt) = tokio::runtime::Handle::try_current() {
            rt.spawn(stop);
        }
    }
}

/// A server whose mails go to a real SMTP server inside the test.
pub async fn spawn_with_mail(settings: &[(&str, &str)]) -> (TestApp, smtp::SmtpCatcher) {
    let catcher = smtp::SmtpCatcher::start();
    let url = catcher.url();
    let mut all: Vec<(&str, &str)> = vec![("TAWASOL_SMTP_URL", url.as_str())];
    all.extend_from_slice(settings);
    let app = TestApp::spawn_with(&all).await;
    (app, catcher)
}

impl TestApp {
    /// POST a JSON body, optionally with a bearer token.
    pub async fn post(
        &self,
        path: &str,
        token: Option<&str>,
        body: &serde_json::Value,
    ) -> reqwest::Response {
        self.send(reqwest::Method::POST, path, token, Some(body))
            .await
    }

    /// Any method, optional bearer token and JSON body.
    pub async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        token: Option<&str>,
        body: Option<&serde_json::Value>,
    ) -> reqwest::Response {
        let mut req = self.client.request(method.clone(), self.url(path));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        if let Some(b) = body {
            req = req.json(b);
        }
        let res = req.send().await.expect("request sent");
        checked(method.as_str(), path, res).await
    }

    /// The use-cases' state for this app (same database and keys), to call a use-case directly
    /// (scheduled jobs, with a chosen time).
    pub fn state(&self) -> tawasol_api::startup::AppState {
        let mut env: BTreeMap<String, String> = BTreeMap::new();
        env.insert("DATABASE_URL".into(), self.db.url().to_owned());
        env.insert(
            "TAWASOL_DATA_DIR".into(),
            self.data_dir.path().to_string_lossy().into_owned(),
        );
        let settings = Settings::from_sources(&env, None).expect("test settings are valid");
        let db = tawasol_persistence::Database::connect(
            self.db.url(),
            tawasol_persistence::PoolSettings::default(),
        )
        .expect("connect");
        tawasol_api::startup::app_state(
            &settings,
            &db,
            tawasol_api::mail::MailSignal::default(),
            self.clock.clone(),
        )
        .expect("state")
    }

    /// Runs SQL on this app's database, as an operator would.
    pub fn sql(&self, sql: &str) {
        tawasol_persistence::test_support::execute(&self.db, sql);
    }

    /// The JWT signing key this server generated into its data folder.
    pub fn jwt_key(&self) -> Vec<u8> {
        std::fs::read(self.data_dir.path().join("jwt.key")).expect("the generated JWT key")
    }
}

/// The `token=` value of the first link in the newest mail to `to`.
pub fn token_in_mail(catcher: &smtp::SmtpCatcher, to: &str) -> String {
    let mails = catcher.mails();
    let mail = mails
        .iter()
        .rev()
        .find(|m| m.to.iter().any(|t| t == to))
        .unwrap_or_else(|| panic!("no mail to {to}"));
    let text = mail.body("text/plain");
    let start = text.find("token=").expect("a link with a token") + "token=".len();
    text[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

/// Waits until a mail to `to` arrived (the server's worker sends it).
pub async fn mail_to(catcher: &smtp::SmtpCatcher, to: &str, count: usize) -> Vec<smtp::CaughtMail> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let mine: Vec<_> = catcher
            .mails()
            .into_iter()
            .filter(|m| m.to.iter().any(|t| t == to))
            .collect();
        if mine.len() >= count || std::time::Instant::now() > deadline {
            assert!(
                mine.len() >= count,
                "expected {count} mail(s) to {to}, got {}",
                mine.len()
            );
            return mine;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
}

/// Registers, verifies through the mail, and logs in; returns the login answer.
pub async fn verified_user(
    app: &TestApp,
    catcher: &smtp::SmtpCatcher,
    email: &str,
    locale: &str,
) -> serde_json::Value {
    let res = app
        .post(
            "/api/v1/auth/register",
            None,
            &serde_json::json!({"email": email, "password": "a long enough password", "display_name": email.split('@').next().unwrap(), "locale": locale}),
        )
        .await;
    assert_eq!(
        res.status(),
        202,
        "{}",
        res.text().await.unwrap_or_default()
    );
    mail_to(catcher, email, 1).await;
    let token = token_in_mail(catcher, email);
    let res = app
        .post(
            "/api/v1/auth/verify-email",
            None,
            &serde_json::json!({"token": token}),
        )
        .await;
    assert_eq!(res.status(), 204);
    login(app, email).await
}

pub async fn login(app: &TestApp, email: &str) -> serde_json::Value {
    let res = app
        .post(
            "/api/v1/auth/login",
            None,
            &serde_json::json!({"email": email, "password": "a long enough password"}),
        )
        .await;
    assert_eq!(res.status(), 200, "login {email}");
    res.json().await.unwrap()
}

/// The access token of a login answer.
pub fn access(tokens: &serde_json::Value) -> String {
    tokens["access_token"]
        .as_str()
        .expect("an access token")
        .to_owned()
}

/// A verified admin (admin@tawasol.test), logged in: returns the access token.
pub async fn admin(app: &TestApp, catcher: &smtp::SmtpCatcher) -> String {
    verified_user(app, catcher, "admin@tawasol.test", "fr").await;
    app.sql("UPDATE users SET is_admin = true WHERE email = 'admin@tawasol.test'");
    access(&login(app, "admin@tawasol.test").await)
}
