//! A real browser: Debian's Chromium, headless, driven by chromedriver over the W3C WebDriver
//! protocol. A resident signs up in Arabic, confirms the address from the mail the test's SMTP
//! server caught, reports an issue; the official logs in and answers; the resident sees the
//! answer. Screenshots of the issue page in ar, fr and zgh are saved in a folder the test prints.
//! Every page the journeys walk is checked against WCAG 2.1 A and AA by axe-core, in the three
//! languages, on a phone-sized window and on a desktop one.
//!
//! Built with `--features browser` (`.ci/run` installs `chromium` and `chromium-driver`, and
//! axe-core from npm with `npm ci --prefix .ci`, and runs it): `cargo test --workspace` on a
//! machine without a browser does not compile this module.

use serde_json::{Value, json};
use std::process::{Child, Command, Stdio};
use std::time::Duration;
use tawasol_tests::{admin, smtp, spawn_with_mail, verified_user};

const CHROMIUM: &str = "/usr/bin/chromium";
/// axe-core, as `npm ci --prefix .ci` installs it (the version is pinned in `.ci/package.json`).
pub(crate) const AXE: &str = "../.ci/node_modules/axe-core/axe.min.js";
/// The visible texts of the page written in Tifinagh whose font is under 16 px, each with its
/// size.
const TIFINAGH_UNDER_16_PX: &str = r"
const small = [];
const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (walk.nextNode()) {
  const node = walk.currentNode;
  if (!/[ⴰ-⵿]/.test(node.data)) continue;
  const el = node.parentElement;
  if (!el || el.closest('[hidden]') || el.getClientRects().length === 0) continue;
  const size = parseFloat(getComputedStyle(el).fontSize);
  if (size < 16) small.push(el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') + ' ' + size + 'px: ' + node.data.trim().slice(0, 40));
}
return small;
";

/// Runs axe-core on the whole page with the WCAG 2.1 A and AA rules; answers how many rules the
/// page passed and each violation as "rule (impact): help — the elements".
const AXE_RUN: &str = r"
const done = arguments[arguments.length - 1];
axe.run(document, {
  runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
  resultTypes: ['violations'],
}).then(
  (r) => done({
    passes: r.passes.length,
    violations: r.violations.map((v) => v.id + ' (' + v.impact + '): ' + v.help + ' — ' +
      v.nodes.slice(0, 6).map((n) => n.target.join(' ') + (n.failureSummary ? ' [' + n.failureSummary.replace(/\s+/g, ' ') + ']' : '')).join('; ')),
  }),
  (e) => done({passes: 0, violations: ['axe-core failed: ' + e]}),
);
";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

pub(crate) struct Driver {
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
    pub(crate) async fn start() -> Driver {
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
            "goog:loggingPrefs": {"browser": "ALL"},
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

    pub(crate) async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
    ) -> Value {
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

    pub(crate) async fn go(&self, url: &str) {
        self.call(reqwest::Method::POST, "/url", Some(json!({"url": url})))
            .await;
    }

    pub(crate) async fn find(&self, css: &str) -> String {
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

    pub(crate) async fn fill(&self, css: &str, text: &str) {
        let id = self.find(css).await;
        self.call(
            reqwest::Method::POST,
            &format!("/element/{id}/value"),
            Some(json!({"text": text})),
        )
        .await;
    }

    pub(crate) async fn click(&self, css: &str) {
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
    pub(crate) async fn submit(&self, css: &str) {
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

    pub(crate) async fn source(&self) -> String {
        self.call(reqwest::Method::GET, "/source", None)
            .await
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    pub(crate) async fn current_url(&self) -> String {
        self.call(reqwest::Method::GET, "/url", None)
            .await
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    pub(crate) async fn screenshot(&self, file: &std::path::Path) {
        use base64::Engine;
        let png = self.call(reqwest::Method::GET, "/screenshot", None).await;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(png.as_str().unwrap_or_default())
            .unwrap();
        std::fs::write(file, bytes).unwrap();
    }

    pub(crate) async fn delete_cookies(&self) {
        self.call(reqwest::Method::DELETE, "/cookie", None).await;
    }

    /// Runs a script in the page and returns its value.
    pub(crate) async fn script(&self, body: &str) -> Value {
        self.call(
            reqwest::Method::POST,
            "/execute/sync",
            Some(json!({"script": body, "args": []})),
        )
        .await
    }

    /// The console's messages since the last call (chromedriver's log of the browser).
    pub(crate) async fn console(&self) -> Vec<String> {
        self.call(
            reqwest::Method::POST,
            "/se/log",
            Some(json!({"type": "browser"})),
        )
        .await
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|e| e["message"].as_str().unwrap_or_default().to_owned())
        .collect()
    }

    /// Resizes the window (the viewport of headless Chromium).
    async fn window(&self, width: u32, height: u32) {
        self.call(
            reqwest::Method::POST,
            "/window/rect",
            Some(json!({"width": width, "height": height})),
        )
        .await;
    }

    /// Runs axe-core in the page against WCAG 2.1 A and AA: each violation with the elements it
    /// found (none is an accessible page). `axe` is axe-core's source, injected as a script of
    /// the test (not of the page, so the page's CSP stays as it is).
    pub(crate) async fn accessibility_violations(&self, axe: &str) -> Vec<String> {
        self.call(
            reqwest::Method::POST,
            "/execute/sync",
            Some(json!({"script": format!("{axe}\nreturn typeof window.axe;"), "args": []})),
        )
        .await;
        let found = self
            .call(
                reqwest::Method::POST,
                "/execute/async",
                Some(json!({"script": AXE_RUN, "args": []})),
            )
            .await;
        // A check that checked nothing would pass every page: axe-core must have run its rules.
        assert!(
            found["passes"].as_u64().unwrap_or(0) > 10,
            "axe-core ran no rule: {found}"
        );
        found["violations"]
            .as_array()
            .unwrap_or_else(|| panic!("axe-core answered {found}"))
            .iter()
            .map(|v| v.as_str().unwrap_or_default().to_owned())
            .collect()
    }

    /// Waits until `css` matches an element (a script drawing the page).
    pub(crate) async fn wait_for(&self, css: &str) {
        for _ in 0..150 {
            let found = self
                .script(&format!(
                    "return document.querySelector({}) !== null;",
                    json!(css)
                ))
                .await;
            if found == Value::Bool(true) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("{css} never appeared: {}", self.source().await);
    }
}

#[tokio::test]
async fn a_resident_reports_in_arabic_and_reads_the_officials_answer_in_a_real_browser() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let admin = admin(&app, &catcher).await;
    let d = Driver::start().await;

    // Sign up in Arabic, on the way to the report form.
    d.go(&app.url("/signup?lang=ar&next=/communes/tangier/report"))
        .await;
    assert!(d.source().await.contains("dir=\"rtl\""));
    d.fill("#display_name", "أمينة").await;
    d.fill("#email", "amina@tawasol.test").await;
    d.fill("#password", "a long enough password").await;
    d.submit("button[type=submit]").await;
    // Confirm the address from the mail, in the browser.
    let link = super::journeys::link_in_mail(&catcher, "amina@tawasol.test", "/verify-email").await;
    d.go(&super::journeys::at_test_server(&app, &link)).await;
    // Confirming logs in and goes on to the report form.
    d.submit("main form button[type=submit]").await;
    assert!(d.current_url().await.ends_with("/communes/tangier/report"));
    // "Use my location" shows with JavaScript; when the browser gives no position (headless
    // Chromium grants none), the page says so instead of doing nothing.
    assert_eq!(
        d.script("return document.getElementById('locate').hidden;")
            .await,
        Value::Bool(false)
    );
    d.click("#locate").await;
    let mut said = String::new();
    for _ in 0..200 {
        said = d
            .script("return document.getElementById('locate-status').textContent;")
            .await
            .as_str()
            .unwrap_or_default()
            .to_owned();
        if !said.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(said.starts_with("لم يعط جهازك موقعه"), "{said:?}");
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

/// Every page, the dossier and Swagger UI under their Content-Security-Policy: the browser's
/// console reports no violation, and what the policy would block if it were inline (the chart's
/// width, the dossier's styles, Swagger UI's scripts) still applies.
#[tokio::test]
async fn the_pages_work_under_their_content_security_policy_in_a_real_browser() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let admin = admin(&app, &catcher).await;
    let agent =
        tawasol_tests::access(&verified_user(&app, &catcher, "agent@tawasol.test", "fr").await);
    let issue = app
        .post(
            "/api/v1/issues",
            Some(&agent),
            &json!({"commune": "tangier", "category": "public_lighting", "title": "مصباح الشارع معطل", "description": "الإنارة منعدمة منذ أسبوع في الزنقة."}),
        )
        .await
        .json::<Value>()
        .await
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    app.send(
        reqwest::Method::PATCH,
        "/api/v1/admin/communes/sefrou",
        Some(&admin),
        Some(&json!({"petition_threshold": 1})),
    )
    .await;
    let petition = app
        .post(
            "/api/v1/petitions",
            Some(&agent),
            &json!({"commune": "sefrou", "title": "Un jardin public", "request": "Aménager un jardin public au quartier.", "reasons": "Aucun espace vert à moins de deux kilomètres.", "filer_type": "citizens"}),
        )
        .await
        .json::<Value>()
        .await
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    app.post(
        &format!("/api/v1/petitions/{petition}/transitions"),
        Some(&agent),
        &json!({"to": "collecting"}),
    )
    .await;
    app.post(
        &format!("/api/v1/petitions/{petition}/signatures"),
        Some(&agent),
        &json!({"full_name": "Rachid El Idrissi", "cin": "JK55555", "address": "Derb Lalla Fatima 14",
                "declarations": {"lives_or_works_in_commune": true, "on_electoral_roll": true, "direct_interest": true}, "consent": true}),
    )
    .await;

    let d = Driver::start().await;
    d.go(&app.url("/login?lang=fr")).await;
    d.fill("#email", "agent@tawasol.test").await;
    d.fill("#password", "a long enough password").await;
    d.submit("button[type=submit]").await;
    let mut violations = Vec::new();
    for path in [
        "/".to_owned(),
        "/communes/tangier".to_owned(),
        format!("/issues/{issue}"),
        "/communes/tangier/report".to_owned(),
        format!("/petitions/{petition}"),
        format!("/petitions/{petition}/dossier"),
        "/verify-email?token=x".to_owned(),
        "/api/docs/".to_owned(),
    ] {
        d.go(&app.url(&path)).await;
        if path == "/communes/tangier" {
            // The chart is drawn by the stylesheet: each category's name on its own line.
            let display = d
                .script(
                    "return getComputedStyle(document.querySelector('.bars .bar-label')).display;",
                )
                .await;
            assert_eq!(
                display,
                json!("block"),
                "the chart is laid out by the stylesheet"
            );
        }
        if path.ends_with("/dossier") {
            let align = d
                .script("return getComputedStyle(document.querySelector('.addressee')).textAlign;")
                .await;
            assert_eq!(align, json!("center"), "the dossier's stylesheet applies");
        }
        if path == "/communes/tangier/report" {
            // locate.js ran: it shows the location button when the browser can locate.
            let shown = d
                .script(
                    "return !document.getElementById('locate').hidden || !navigator.geolocation;",
                )
                .await;
            assert_eq!(shown, json!(true), "the page's script runs");
        }
        if path == "/api/docs/" {
            // Swagger UI draws the document, opens an operation and runs it from the page.
            d.wait_for(".swagger-ui .info .title").await;
            let path_css = ".opblock-summary-path[data-path='/api/v1/communes/{slug}']";
            d.wait_for(path_css).await;
            d.script(&format!(
                "document.querySelector({}).closest('.opblock').setAttribute('data-test', 'commune');",
                json!(path_css)
            ))
            .await;
            let op = "[data-test=commune]";
            d.click(&format!("{op} .opblock-summary-control")).await;
            d.wait_for(&format!("{op} .try-out__btn")).await;
            d.click(&format!("{op} .try-out__btn")).await;
            d.wait_for(&format!("{op} input[placeholder='slug']")).await;
            d.fill(&format!("{op} input[placeholder='slug']"), "tangier")
                .await;
            d.click(&format!("{op} .execute")).await;
            d.wait_for(&format!("{op} .live-responses-table")).await;
            let answer = d
                .script(&format!(
                    "return document.querySelector({}).innerText;",
                    json!(format!("{op} .live-responses-table"))
                ))
                .await;
            assert!(
                answer.as_str().unwrap_or_default().contains("tangier"),
                "Swagger UI called the API: {answer}"
            );
            d.wait_for(".models").await;
            d.click(".models h4").await;
        }
        for message in d.console().await {
            if message.contains("Content Security Policy") || message.contains("Refused to") {
                violations.push(format!("{path}: {message}"));
            }
        }
    }
    assert!(
        violations.is_empty(),
        "violations of the Content-Security-Policy:\n{}",
        violations.join("\n")
    );
}

/// Every page the journeys walk (Swagger UI excepted), as each of its people sees it, passes
/// axe-core's WCAG 2.1 A and AA rules in Arabic, French and Tamazight, on a 390 px phone and on a
/// desktop: the home page, a commune's page with its figures, the report form, an issue with its
/// thread, logging in, signing up, the forgotten password, the petitions and a petition, the
/// watchers' page, the account, the official's desk and the moderators' queue. A screenshot of
/// each is saved in the folder the test prints (the commune page's at its figures).
#[tokio::test]
async fn every_page_of_the_journeys_passes_wcag_2_1_aa_in_each_language_on_a_phone_and_a_desktop() {
    let axe_path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(AXE);
    let axe = std::fs::read_to_string(&axe_path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (`npm ci --prefix .ci` installs axe-core)",
            axe_path.display()
        )
    });
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let admin = admin(&app, &catcher).await;
    let resident =
        tawasol_tests::access(&verified_user(&app, &catcher, "amina@tawasol.test", "ar").await);
    verified_user(&app, &catcher, "official@tawasol.test", "fr").await;
    verified_user(&app, &catcher, "mod@tawasol.test", "fr").await;
    for (path, body) in [
        (
            "/api/v1/admin/officials",
            json!({"email": "official@tawasol.test", "commune": "tangier", "title": "Chef du service de l'éclairage"}),
        ),
        (
            "/api/v1/admin/moderators",
            json!({"email": "mod@tawasol.test", "commune": "tangier"}),
        ),
    ] {
        let res = app.post(path, Some(&admin), &body).await;
        assert!(res.status().is_success(), "{path}: {}", res.status());
    }
    let official =
        tawasol_tests::access(&tawasol_tests::login(&app, "official@tawasol.test").await);
    // An issue with a thread: the official's answer and the resident's reply; and a second
    // report whose reply a moderator hid, so that the queue has something in it.
    let issue = app
        .post(
            "/api/v1/issues",
            Some(&resident),
            &json!({"commune": "tangier", "category": "public_lighting", "title": "مصباح الشارع معطل", "description": "الإنارة منعدمة منذ أسبوع في زنقة ابن بطوطة."}),
        )
        .await
        .json::<Value>()
        .await
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    for (who, body) in [
        (&official, "Une équipe passe demain matin."),
        (&resident, "شكرا، ننتظر."),
    ] {
        let res = app
            .post(
                &format!("/api/v1/issues/{issue}/replies"),
                Some(who),
                &json!({"body": body}),
            )
            .await;
        assert_eq!(res.status(), 201);
    }
    let moderator = tawasol_tests::access(&tawasol_tests::login(&app, "mod@tawasol.test").await);
    let reply = app
        .post(
            &format!("/api/v1/issues/{issue}/replies"),
            Some(&resident),
            &json!({"body": "رد للإخفاء"}),
        )
        .await
        .json::<Value>()
        .await
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let res = app
        .post(
            &format!("/api/v1/moderation/replies/{reply}"),
            Some(&moderator),
            &json!({"action": "hide", "reason": "Hors sujet."}),
        )
        .await;
    assert!(res.status().is_success(), "hide: {}", res.status());
    app.send(
        reqwest::Method::PATCH,
        "/api/v1/admin/communes/sefrou",
        Some(&admin),
        Some(&json!({"petition_threshold": 1})),
    )
    .await;
    let petition = app
        .post(
            "/api/v1/petitions",
            Some(&resident),
            &json!({"commune": "sefrou", "title": "Un jardin public", "request": "Aménager un jardin public au quartier.", "reasons": "Aucun espace vert à moins de deux kilomètres.", "filer_type": "citizens"}),
        )
        .await
        .json::<Value>()
        .await
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    app.post(
        &format!("/api/v1/petitions/{petition}/transitions"),
        Some(&resident),
        &json!({"to": "collecting"}),
    )
    .await;

    let d = Driver::start().await;
    d.call(
        reqwest::Method::POST,
        "/timeouts",
        Some(json!({"script": 120_000})),
    )
    .await;
    let folder = std::env::temp_dir().join(format!("tawasol-accessibility-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let anyone: Vec<String> = [
        "/",
        "/communes/tangier#figures",
        "/login",
        "/signup",
        "/forgot",
        "/petitions",
        &format!("/petitions/{petition}"),
        "/watch",
    ]
    .iter()
    .map(|p| (*p).to_owned())
    .collect();
    let people: [(&str, Option<&str>, Vec<String>); 4] = [
        ("visitor", None, anyone),
        (
            "resident",
            Some("amina@tawasol.test"),
            vec![
                "/communes/tangier/report".to_owned(),
                format!("/issues/{issue}"),
                "/me".to_owned(),
            ],
        ),
        (
            "official",
            Some("official@tawasol.test"),
            vec!["/desk".to_owned()],
        ),
        (
            "moderator",
            Some("mod@tawasol.test"),
            vec!["/moderation".to_owned()],
        ),
    ];
    // The check finds what it is for: an image without a text alternative, added to a page.
    d.go(&app.url("/?lang=fr")).await;
    d.script("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/static/none.png\">');")
        .await;
    let found = d.accessibility_violations(&axe).await;
    assert!(
        found.iter().any(|v| v.starts_with("image-alt ")),
        "{found:?}"
    );
    // And so does the size check: Tifinagh in a <small>.
    d.go(&app.url("/?lang=zgh")).await;
    d.script("document.querySelector('main').insertAdjacentHTML('beforeend', '<small>ⵜⴰⵎⵙⵙⵓⴷⵙⵜ</small>');")
        .await;
    let small = d.script(TIFINAGH_UNDER_16_PX).await;
    assert_eq!(small.as_array().map(Vec::len), Some(1), "{small}");
    let mut violations = Vec::new();
    let mut checked = 0;
    for (who, email, pages) in &people {
        d.delete_cookies().await;
        if let Some(email) = email {
            d.go(&app.url("/login")).await;
            d.fill("#email", email).await;
            d.fill("#password", "a long enough password").await;
            d.submit("button[type=submit]").await;
        }
        for (size, width, height) in [("phone", 390, 844), ("desktop", 1280, 900)] {
            d.window(width, height).await;
            for lang in ["ar", "fr", "zgh"] {
                for page in pages {
                    let (path, anchor) = page.split_once('#').unwrap_or((page, ""));
                    let mut url = app.url(&format!("{path}?lang={lang}"));
                    if !anchor.is_empty() {
                        url = format!("{url}#{anchor}");
                    }
                    d.go(&url).await;
                    let html = d.source().await;
                    assert!(
                        html.contains(&format!("lang=\"{lang}\"")),
                        "{who} {path} {lang}: {html}"
                    );
                    let place = match path.trim_matches('/') {
                        "" => "home".to_owned(),
                        p => p.replace('/', "-"),
                    };
                    d.screenshot(&folder.join(format!("{who}-{place}-{lang}-{size}.png")))
                        .await;
                    for v in d.accessibility_violations(&axe).await {
                        violations.push(format!("{who} {path} {lang} {size}: {v}"));
                    }
                    if lang == "zgh" {
                        // Tifinagh is unreadable small: no text in it under 16 px.
                        let small = d.script(TIFINAGH_UNDER_16_PX).await;
                        for text in small.as_array().into_iter().flatten() {
                            violations.push(format!(
                                "{who} {path} {lang} {size}: Tifinagh under 16 px: {text}"
                            ));
                        }
                    }
                    checked += 1;
                }
            }
        }
    }
    eprintln!(
        "{checked} pages checked with axe-core; screenshots: {}",
        folder.display()
    );
    assert_eq!(checked, 13 * 3 * 2);
    assert!(
        violations.is_empty(),
        "WCAG 2.1 A/AA violations (axe-core):\n{}",
        violations.join("\n")
    );
}
