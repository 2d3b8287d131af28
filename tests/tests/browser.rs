//! A real browser: Debian's Chromium, headless, driven by chromedriver over the W3C WebDriver
//! protocol. A resident signs up in Arabic, confirms the address from the mail the test's SMTP
//! server caught, reports an issue; the official logs in and answers; the resident sees the
//! answer. Screenshots of the issue page in ar, fr and zgh are saved in a folder the test prints.
//!
//! Built with `--features browser` (`.ci/run` installs `chromium` and `chromium-driver` and runs
//! it): `cargo test --workspace` on a machine without a browser does not compile this module.

use serde_json::{Value, json};
use std::process::{Child, Command, Stdio};
use std::time::Duration;
use tawasol_tests::{admin, mail_to, smtp, spawn_with_mail, token_in_mail, verified_user};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

struct Driver {
    process: Child,
    base: String,
    session: String,
    http: reqwest::Client,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

impl Driver {
    async fn start() -> Driver {
        let port = smtp::free_port();
        let process = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("{CHROMEDRIVER} must be installed (apt-get install chromium-driver): {e}")
            });
        let base = format!("http://127.0.0.1:{port}");
        let http = reqwest::Client::new();
        for _ in 0..100 {
            if http.get(format!("{base}/status")).send().await.is_ok() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                         "--window-size=412,1200"]
            }
        }}});
        let res: Value = http
            .post(format!("{base}/session"))
            .json(&caps)
            .send()
            .await
            .expect("chromedriver answers")
            .json()
            .await
            .unwrap();
        let session = res["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no browser session: {res}"))
            .to_owned();
        Driver {
            process,
            base,
            session,
            http,
        }
    }

    async fn call(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}/session/{}{path}", self.base, self.session);
        let mut req = self.http.request(method, url);
        if let Some(b) = body {
            req = req.json(&b);
        }
        let res: Value = req.send().await.unwrap().json().await.unwrap();
        assert!(
            res["value"].get("error").is_none(),
            "WebDriver {path}: {res}"
        );
        res["value"].clone()
    }

    async fn go(&self, url: &str) {
        self.call(reqwest::Method::POST, "/url", Some(json!({"url": url})))
            .await;
    }

    async fn find(&self, css: &str) -> String {
        let v = self
            .call(
                reqwest::Method::POST,
                "/element",
                Some(json!({"using": "css selector", "value": css})),
            )
            .await;
        v.as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("no element {css}"))
            .to_owned()
    }

    async fn fill(&self, css: &str, text: &str) {
        let id = self.find(css).await;
        self.call(
            reqwest::Method::POST,
            &format!("/element/{id}/value"),
            Some(json!({"text": text})),
        )
        .await;
    }

    async fn click(&self, css: &str) {
        let id = self.find(css).await;
        self.call(
            reqwest::Method::POST,
            &format!("/element/{id}/click"),
            Some(json!({})),
        )
        .await;
    }

    /// Clicks a form's button and waits until the browser has left the page (the server
    /// answers a form with a redirect or a new page at another address).
    async fn submit(&self, css: &str) {
        let before = self.current_url().await;
        self.click(css).await;
        for _ in 0..150 {
            if self.current_url().await != before {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!(
            "the form {css} did not leave {before}: {}",
            self.source().await
        );
    }

    async fn source(&self) -> String {
        self.call(reqwest::Method::GET, "/source", None)
            .await
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    async fn current_url(&self) -> String {
        self.call(reqwest::Method::GET, "/url", None)
            .await
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    async fn screenshot(&self, file: &std::path::Path) {
        use base64::Engine;
        let png = self.call(reqwest::Method::GET, "/screenshot", None).await;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(png.as_str().unwrap_or_default())
            .unwrap();
        std::fs::write(file, bytes).unwrap();
    }

    async fn delete_cookies(&self) {
        self.call(reqwest::Method::DELETE, "/cookie", None).await;
    }
}

#[tokio::test]
async fn a_resident_reports_in_arabic_and_reads_the_officials_answer_in_a_real_browser() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let admin = admin(&app, &catcher).await;
    let d = Driver::start().await;

    // Sign up in Arabic.
    d.go(&app.url("/signup?lang=ar")).await;
    assert!(d.source().await.contains("dir=\"rtl\""));
    d.fill("#display_name", "أمينة").await;
    d.fill("#email", "amina@tawasol.test").await;
    d.fill("#password", "a long enough password").await;
    d.submit("button[type=submit]").await;
    // Confirm the address from the mail, in the browser.
    mail_to(&catcher, "amina@tawasol.test", 1).await;
    let token = token_in_mail(&catcher, "amina@tawasol.test");
    d.go(&app.url(&format!("/verify-email?token={token}")))
        .await;
    d.submit("button[type=submit]").await;
    // Log in and report.
    d.go(&app.url("/login?next=/communes/tangier/report")).await;
    d.fill("#email", "amina@tawasol.test").await;
    d.fill("#password", "a long enough password").await;
    d.submit("button[type=submit]").await;
    assert!(d.current_url().await.ends_with("/communes/tangier/report"));
    d.fill("#title", "مصباح الشارع معطل").await;
    d.fill("#description", "الإنارة منعدمة منذ أسبوع في زنقة ابن بطوطة.")
        .await;
    d.submit("form[action$='/report'] button[type=submit]")
        .await;
    let issue_url = d.current_url().await;
    assert!(issue_url.contains("/issues/"), "{issue_url}");
    assert!(d.source().await.contains("مصباح الشارع معطل"));

    // The official of Tangier logs in and answers.
    verified_user(&app, &catcher, "official@tawasol.test", "fr").await;
    let res = app
        .post(
            "/api/v1/admin/officials",
            Some(&admin),
            &json!({"email": "official@tawasol.test", "commune": "tangier", "title": "Chef du service de l'éclairage"}),
        )
        .await;
    assert_eq!(res.status(), 201);
    d.delete_cookies().await;
    d.go(&app.url(&format!(
        "/login?next={}",
        issue_url.trim_start_matches(&app.address)
    )))
    .await;
    d.fill("#email", "official@tawasol.test").await;
    d.fill("#password", "a long enough password").await;
    d.submit("button[type=submit]").await;
    // An official in scope answers (and may change the status) in one form.
    d.fill("#answer-body", "Une équipe passe demain matin.")
        .await;
    d.submit("form#answer button[type=submit]").await;

    // The resident sees the answer, set apart, with the official's title.
    d.delete_cookies().await;
    d.go(&app.url("/login")).await;
    d.fill("#email", "amina@tawasol.test").await;
    d.fill("#password", "a long enough password").await;
    d.submit("button[type=submit]").await;
    d.go(&issue_url).await;
    let html = d.source().await;
    assert!(
        html.contains("reply official"),
        "the official answer is set apart"
    );
    assert!(html.contains("Une équipe passe demain matin."));

    // Screenshots in the three languages.
    let folder = std::env::temp_dir().join(format!("tawasol-screenshots-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    for lang in ["ar", "fr", "zgh"] {
        d.go(&format!("{issue_url}?lang={lang}")).await;
        let html = d.source().await;
        assert!(html.contains(&format!("lang=\"{lang}\"")));
        d.screenshot(&folder.join(format!("issue-{lang}.png")))
            .await;
    }
    eprintln!("screenshots of the issue page: {}", folder.display());
    for lang in ["ar", "fr", "zgh"] {
        let size = std::fs::metadata(folder.join(format!("issue-{lang}.png")))
            .unwrap()
            .len();
        assert!(size > 1000, "{lang} screenshot is empty");
    }
}
