//! The web application against a hostile visitor (issue 14): no redirect off the site after a
//! form, the browser security headers on every surface, a CSRF token masked afresh in each
//! answer, form bodies sized from their fields (and refused as a page), and no secret address
//! in the log.

use crate::web::{browser, csrf, get, location, logged_in_browser, post};
use reqwest::Method;
use serde_json::json;
use tawasol_tests::{TestApp, access, checked, spawn_with_mail, verified_user};

/// `next` values that a browser would resolve to another site (or that broke the server).
const HOSTILE: [&str; 16] = [
    "/\t/evil.example/phish",
    "/\n/evil.example/phish",
    "/\r\n/evil.example",
    "//evil.example/phish",
    "\\\\evil.example",
    "/\\evil.example",
    "\\/evil.example",
    "/\\/evil.example",
    "/..//evil.example",
    " //evil.example",
    "https://evil.example/phish",
    "http:\\\\evil.example",
    "https:/\\evil.example",
    "javascript:alert(1)",
    "//127.0.0.1@evil.example",
    "https://evil.example@127.0.0.1/",
];

async fn status_and_location(app: &TestApp, b: &reqwest::Client, path: &str) -> (u16, String) {
    let res = checked("GET", path, b.get(app.url(path)).send().await.unwrap()).await;
    let status = res.status().as_u16();
    let to = res
        .headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, to)
}

/// The value of the login form's hidden `next` field.
fn next_field(html: &str) -> Option<String> {
    let at = html.find("name=\"next\" value=\"")? + 19;
    Some(html[at..].chars().take_while(|c| *c != '"').collect())
}

#[tokio::test]
async fn no_next_address_leads_off_the_site() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    verified_user(&app, &catcher, "resident@tawasol.test", "fr").await;
    let b = browser();
    // As the issue typed them: raw query strings, percent-encoded by the attacker.
    for query in [
        "/%09/evil.example/phish",
        "/%0a/x",
        "/%0d%0aSet-Cookie:%20a=b",
        "/%5C/evil.example",
        "%2F%2Fevil.example",
        "%5C%5Cevil.example",
        "/%2e%2e//evil.example",
        "https%3A%2F%2Fevil.example",
        "%09//evil.example",
    ] {
        let (status, to) = status_and_location(&app, &b, &format!("/lang/fr?next={query}")).await;
        assert_eq!(status, 303, "{query}: a redirect, never a 500");
        let went = url_of(&app, &to);
        assert_eq!(went.host_str(), Some("127.0.0.1"), "{query} → {to}");
        assert!(
            to.starts_with('/') && !to.starts_with("//"),
            "{query} → {to}"
        );
        assert!(to.bytes().all(|c| c.is_ascii_graphic()), "{query} → {to:?}");
    }
    // The decoded values, each through the language switch, the login page and the login form.
    for hostile in HOSTILE {
        let res = checked(
            "GET",
            "/lang/fr",
            b.get(app.url("/lang/fr"))
                .query(&[("next", hostile)])
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(res.status(), 303, "{hostile:?}");
        assert_eq!(location(&res), "/", "{hostile:?}");
        let res = checked(
            "GET",
            "/login",
            b.get(app.url("/login"))
                .query(&[("next", hostile)])
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(res.status(), 200);
        let page = res.text().await.unwrap();
        assert_eq!(next_field(&page).as_deref(), Some("/"), "{hostile:?}");
    }
    // A successful login with a hostile `next` lands at home; a local one is kept, normalised.
    for (next, expected) in [
        ("/\t/evil.example/phish", "/"),
        ("https://evil.example", "/"),
        (
            "/communes/tangier?status=open",
            "/communes/tangier?status=open",
        ),
        ("/communes/../petitions", "/petitions"),
    ] {
        let b = browser();
        let (_, page) = get(&app, &b, "/login").await;
        let res = post(
            &app,
            &b,
            "/login",
            &[
                ("_csrf", &csrf(&page)),
                ("email", "resident@tawasol.test"),
                ("password", "a long enough password"),
                ("next", next),
            ],
        )
        .await;
        assert_eq!(res.status(), 303, "{next:?}");
        assert_eq!(location(&res), expected, "{next:?}");
    }
    // A wrong password shows the form again, with the normalised address only.
    let b = browser();
    let (_, page) = get(&app, &b, "/login").await;
    let res = post(
        &app,
        &b,
        "/login",
        &[
            ("_csrf", &csrf(&page)),
            ("email", "resident@tawasol.test"),
            ("password", "not the password"),
            ("next", "/\t/evil.example"),
        ],
    )
    .await;
    assert_eq!(res.status(), 200);
    assert_eq!(next_field(&res.text().await.unwrap()).as_deref(), Some("/"));
    // The way to the login page from a page that needs an account, and back.
    let (status, to) = status_and_location(&app, &b, "/communes/tangier/report").await;
    assert_eq!(status, 303);
    assert_eq!(to, "/login?next=/communes/tangier/report");
    // The language switch keeps a local address and its query, without an old `lang`.
    let (_, to) = status_and_location(
        &app,
        &b,
        "/lang/zgh?next=%2Fcommunes%2Fsefrou%3Flang%3Dfr%26q%3D%D8%B4%D8%A7%D8%B1%D8%B9",
    )
    .await;
    assert_eq!(to, "/communes/sefrou?q=%D8%B4%D8%A7%D8%B1%D8%B9");
}

fn url_of(app: &TestApp, location: &str) -> reqwest::Url {
    reqwest::Url::parse(&app.address)
        .unwrap()
        .join(location)
        .unwrap()
}

fn header(res: &reqwest::Response, name: &str) -> String {
    res.headers()
        .get(name)
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

const PAGE_POLICY: &str = "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";
const DATA_POLICY: &str = "default-src 'none'; frame-ancestors 'none'";

#[tokio::test]
async fn every_answer_carries_the_browser_security_headers_of_its_surface() {
    let app = TestApp::spawn().await;
    let client = &app.client;
    let answers = [
        ("/", 200, PAGE_POLICY),
        ("/communes/tangier?lang=fr", 200, PAGE_POLICY),
        ("/login", 200, PAGE_POLICY),
        ("/issues/999999", 404, PAGE_POLICY),
        ("/verify-email?token=x", 200, PAGE_POLICY),
        ("/api/v1/communes", 200, DATA_POLICY),
        ("/api/v1/issues/999999", 404, DATA_POLICY),
        ("/api/v1/nowhere", 404, DATA_POLICY),
        ("/api/v1/openapi.json", 200, DATA_POLICY),
        ("/feeds/communes/tangier.atom", 200, DATA_POLICY),
        ("/static/tawasol.css", 200, DATA_POLICY),
        ("/health/live", 200, DATA_POLICY),
        ("/lang/fr?next=/", 303, DATA_POLICY),
        ("/open311/v2/discovery.json", 200, DATA_POLICY),
    ];
    for (path, status, policy) in answers {
        let res = client.get(app.url(path)).send().await.unwrap();
        assert_eq!(res.status(), status, "{path}");
        assert_eq!(header(&res, "content-security-policy"), policy, "{path}");
        assert_eq!(header(&res, "x-content-type-options"), "nosniff", "{path}");
        assert_eq!(
            header(&res, "referrer-policy"),
            "strict-origin-when-cross-origin",
            "{path}"
        );
        assert!(
            res.headers().get("strict-transport-security").is_none(),
            "{path}: no HSTS over plain HTTP"
        );
    }
    // Swagger UI: its own policy, still nothing inline but its one style element, by hash.
    let res = client.get(app.url("/api/docs/")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let docs = header(&res, "content-security-policy");
    assert!(docs.contains("frame-ancestors 'none'"), "{docs}");
    assert!(docs.contains("default-src 'self'"), "{docs}");
    assert!(
        !docs.contains("script-src"),
        "scripts only from the site: {docs}"
    );
    assert!(!docs.contains("unsafe"), "{docs}");
    let index = res.text().await.unwrap();
    assert!(
        !index.contains("<script>") && !index.contains(" onload="),
        "Swagger UI's index runs no inline script"
    );

    // Served over TLS: HSTS on every answer.
    let app = TestApp::spawn_with(&[("TAWASOL_PUBLIC_URL", "https://tawasol.example")]).await;
    for path in [
        "/",
        "/api/v1/communes",
        "/static/tawasol.css",
        "/api/v1/nowhere",
    ] {
        let res = app.client.get(app.url(path)).send().await.unwrap();
        assert_eq!(
            header(&res, "strict-transport-security"),
            "max-age=31536000; includeSubDomains",
            "{path}"
        );
    }
}

/// Inline scripts, style elements or attributes and event handlers, which the pages' policy
/// forbids: what a page must not carry.
fn inline_code(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    let lower = html.to_ascii_lowercase();
    if lower.contains("<style") {
        found.push("<style>".to_owned());
    }
    for (i, _) in lower.match_indices("<script") {
        let tag: String = lower[i..].chars().take_while(|c| *c != '>').collect();
        if !tag.contains(" src=") {
            found.push(tag);
        }
    }
    for (i, _) in lower.match_indices(" style=") {
        found.push(lower[i..].chars().take(40).collect());
    }
    for (i, _) in lower.match_indices(" on") {
        let attr: String = lower[i + 1..]
            .chars()
            .take_while(|c| c.is_ascii_lowercase())
            .collect();
        if attr.len() > 2 && lower[i + 1 + attr.len()..].starts_with('=') {
            found.push(attr);
        }
    }
    if lower.contains("javascript:") {
        found.push("javascript:".to_owned());
    }
    found
}

#[tokio::test]
async fn no_page_carries_inline_script_or_style() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let agent = access(&verified_user(&app, &catcher, "agent@tawasol.test", "fr").await);
    let admin = tawasol_tests::admin(&app, &catcher).await;
    let issue = app
        .post(
            "/api/v1/issues",
            Some(&agent),
            &json!({"commune": "tangier", "category": "public_lighting", "title": "Lampadaire éteint", "description": "Éteint depuis trois nuits, la rue est dans le noir."}),
        )
        .await
        .json::<serde_json::Value>()
        .await
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    // A petition that reached its threshold: its agent may print the dossier.
    app.send(
        Method::PATCH,
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
        .json::<serde_json::Value>()
        .await
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let res = app
        .post(
            &format!("/api/v1/petitions/{petition}/transitions"),
            Some(&agent),
            &json!({"to": "collecting"}),
        )
        .await;
    assert_eq!(res.status(), 200);
    let res = app
        .post(
            &format!("/api/v1/petitions/{petition}/signatures"),
            Some(&agent),
            &json!({"full_name": "Rachid El Idrissi", "cin": "JK55555", "address": "Derb Lalla Fatima 14",
                    "declarations": {"lives_or_works_in_commune": true, "on_electoral_roll": true, "direct_interest": true}, "consent": true}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let b = logged_in_browser(&app, "agent@tawasol.test").await;
    for lang in ["ar", "fr", "zgh"] {
        for path in [
            "/".to_owned(),
            "/communes/tangier".to_owned(),
            format!("/issues/{issue}"),
            "/communes/tangier/report".to_owned(),
            "/petitions".to_owned(),
            format!("/petitions/{petition}"),
            "/communes/sefrou/petitions/new".to_owned(),
            "/me".to_owned(),
            "/watch".to_owned(),
            format!("/petitions/{petition}/dossier"),
            "/verify-email?token=x".to_owned(),
            "/reset-password?token=x".to_owned(),
            "/api/v1/unsubscribe?token=x".to_owned(),
            "/issues/999999".to_owned(),
        ] {
            let sep = if path.contains('?') { '&' } else { '?' };
            let url = format!("{path}{sep}lang={lang}");
            let res = checked("GET", &url, b.get(app.url(&url)).send().await.unwrap()).await;
            assert_eq!(
                header(&res, "content-security-policy"),
                PAGE_POLICY,
                "{url}"
            );
            let html = res.text().await.unwrap();
            assert!(html.contains("<html"), "{url}");
            let found = inline_code(&html);
            assert!(found.is_empty(), "{url}: inline {found:?}");
        }
    }
    let (_, anonymous) = get(&app, &browser(), "/login?lang=fr").await;
    assert!(inline_code(&anonymous).is_empty());
}

/// The raw CSRF token, from the cookie the server set.
fn csrf_cookie(res: &reqwest::Response) -> String {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap())
        .find_map(|c| c.strip_prefix("tawasol_csrf="))
        .map(|c| c.split(';').next().unwrap().to_owned())
        .expect("the CSRF cookie")
}

#[tokio::test]
async fn the_csrf_token_is_masked_afresh_in_every_answer() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    verified_user(&app, &catcher, "resident@tawasol.test", "fr").await;
    let b = browser();
    let res = b.get(app.url("/login")).send().await.unwrap();
    let raw = csrf_cookie(&res);
    let first = csrf(&res.text().await.unwrap());
    let (_, again) = get(&app, &b, "/login").await;
    let second = csrf(&again);
    let (_, elsewhere) = get(&app, &b, "/signup").await;
    let third = csrf(&elsewhere);
    assert_ne!(first, second, "two renders of the same page");
    assert_ne!(second, third);
    for field in [&first, &second, &third] {
        assert!(
            !field.contains(&raw),
            "the raw token never appears in a page"
        );
    }
    // Each masked value is this browser's token: a form posted with any of them is accepted
    // (a wrong password shows the form again, past the CSRF check).
    for field in [&first, &second, &third] {
        let res = post(
            &app,
            &b,
            "/login",
            &[
                ("_csrf", field),
                ("email", "resident@tawasol.test"),
                ("password", "not the password"),
            ],
        )
        .await;
        assert_eq!(res.status(), 200, "accepted");
    }
    // Forged values are refused: the raw cookie value, another browser's masked token, a
    // masked value with one character changed, nothing.
    let other = browser();
    let (_, theirs) = get(&app, &other, "/login").await;
    let mut tampered = first.clone().into_bytes();
    let last = tampered.len() - 2;
    tampered[last] = if tampered[last] == b'A' { b'B' } else { b'A' };
    let tampered = String::from_utf8(tampered).unwrap();
    for forged in [raw.as_str(), &csrf(&theirs), &tampered, ""] {
        let res = post(
            &app,
            &b,
            "/login",
            &[
                ("_csrf", forged),
                ("email", "resident@tawasol.test"),
                ("password", "a long enough password"),
            ],
        )
        .await;
        assert_eq!(res.status(), 403, "forged {forged:?}");
    }
    // And the real one logs in.
    let res = post(
        &app,
        &b,
        "/login",
        &[
            ("_csrf", &second),
            ("email", "resident@tawasol.test"),
            ("password", "a long enough password"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
}

#[tokio::test]
async fn forms_take_their_longest_text_in_any_script_and_refuse_more_as_a_page() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let token = access(&verified_user(&app, &catcher, "resident@tawasol.test", "fr").await);
    let b = logged_in_browser(&app, "resident@tawasol.test").await;
    // A report at the longest the rules allow, in Tifinagh (3 bytes a character, 9 once
    // percent-encoded: 45,000 bytes for the description) and in Arabic.
    for (title, word) in [
        ("ⵜⴰⴼⵍⵓⵜ ⵏ ⵓⵙⴰⵔⴰⴳ ⵜⵔⵥⵎ", "ⴰⵣⵓⵍ "),
        ("مصباح الشارع معطل", "شارع "),
    ] {
        let description: String = word.repeat(1000).chars().take(5000).collect();
        let title: String = format!("{title} {}", "ⵣ".repeat(140))
            .chars()
            .take(140)
            .collect();
        let address: String = "ⴰⵙⵓⵏ ".repeat(60).chars().take(300).collect();
        assert_eq!(description.chars().count(), 5000);
        let (_, form) = get(&app, &b, "/communes/tangier/report").await;
        let res = post(
            &app,
            &b,
            "/communes/tangier/report",
            &[
                ("_csrf", &csrf(&form)),
                ("category", "public_lighting"),
                ("title", &title),
                ("description", &description),
                ("address", &address),
                ("lat", ""),
                ("lon", ""),
                ("post_anyway", "1"),
            ],
        )
        .await;
        assert_eq!(res.status(), 303, "posted");
        let id = location(&res).trim_start_matches("/issues/").to_owned();
        let stored = app
            .send(
                Method::GET,
                &format!("/api/v1/issues/{id}"),
                Some(&token),
                None,
            )
            .await
            .json::<serde_json::Value>()
            .await
            .unwrap();
        assert_eq!(
            stored["description"].as_str().unwrap().chars().count(),
            description.trim().chars().count(),
            "stored whole"
        );
    }
    // A petition at its longest: 12,200 characters, more than 64 KiB once percent-encoded.
    let (_, form) = get(&app, &b, "/communes/sefrou/petitions/new").await;
    let title: String = "حديقة عمومية ".repeat(20).chars().take(200).collect();
    let request: String = "تهيئة حديقة ".repeat(200).chars().take(2000).collect();
    let reasons: String = "ⵓⵔ ⵍⵍⵉⵏ ⵉⴳⵔⴰⵏ ⵉⵣⴳⵣⴰⵡⵏ "
        .repeat(500)
        .chars()
        .take(10_000)
        .collect();
    let fields = [
        ("_csrf", csrf(&form)),
        ("title", title),
        ("request", request),
        ("reasons", reasons),
        ("filer_type", "citizens".to_owned()),
    ];
    let size: usize = fields
        .iter()
        .map(|(k, v)| k.len() + 2 + encoded_len(v))
        .sum();
    assert!(size > 64 * 1024, "{size} bytes");
    let res = b
        .post(app.url("/communes/sefrou/petitions/new"))
        .form(&fields)
        .send()
        .await
        .unwrap();
    let res = checked("POST", "/communes/sefrou/petitions/new", res).await;
    assert_eq!(res.status(), 303, "the petition is started");

    // Beyond its limit: a 413 page in the reader's language, never problem+json.
    let (_, form) = get(&app, &b, "/communes/tangier/report?lang=fr").await;
    let res = post(
        &app,
        &b,
        "/communes/tangier/report",
        &[
            ("_csrf", &csrf(&form)),
            ("category", "public_lighting"),
            ("title", "Lampadaire éteint"),
            ("description", &"ⵣ".repeat(9000)),
        ],
    )
    .await;
    assert_eq!(res.status(), 413);
    assert!(header(&res, "content-type").starts_with("text/html"));
    let page = res.text().await.unwrap();
    assert!(page.contains("<html lang=\"fr\""), "in French");
    assert!(page.contains("Ce formulaire est trop long"), "{page}");
    // Not a form: 415, as a page.
    let res = b
        .post(app.url("/logout?lang=fr"))
        .json(&json!({"_csrf": "x"}))
        .send()
        .await
        .unwrap();
    let res = checked("POST", "/logout", res).await;
    assert_eq!(res.status(), 415);
    assert!(header(&res, "content-type").starts_with("text/html"));
    assert!(res.text().await.unwrap().contains("<html lang=\"fr\""));
    // A malformed form (a field twice): 400, as a page.
    let res = b
        .post(app.url("/issues/1/replies?lang=fr"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("_csrf=a&body=x&body=y")
        .send()
        .await
        .unwrap();
    let res = checked("POST", "/issues/1/replies", res).await;
    assert_eq!(res.status(), 400);
    assert!(header(&res, "content-type").starts_with("text/html"));
    // The pages that mail links open, too.
    let res = app
        .client
        .post(app.url("/reset-password?lang=fr"))
        .form(&[("token", "x"), ("password", &"ⵣ".repeat(5000))])
        .send()
        .await
        .unwrap();
    let res = checked("POST", "/reset-password", res).await;
    assert_eq!(res.status(), 413);
    assert!(header(&res, "content-type").starts_with("text/html"));
    // Any other body over the cap sent to a page is refused as a page too.
    let res = b
        .post(app.url("/login?lang=fr"))
        .header("content-type", "text/plain")
        .body("x".repeat(200 * 1024))
        .send()
        .await
        .unwrap();
    let res = checked("POST", "/login", res).await;
    assert_eq!(res.status(), 413);
    assert!(header(&res, "content-type").starts_with("text/html"));
}

/// The length of a value once a browser has percent-encoded it in a form.
fn encoded_len(value: &str) -> usize {
    value
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b" *-._".contains(&b) {
                1
            } else {
                3
            }
        })
        .sum()
}

mod logs {
    use std::io::Write;
    use std::sync::{Arc, Mutex, OnceLock};

    #[derive(Clone, Default)]
    pub struct Buffer(Arc<Mutex<Vec<u8>>>);

    impl Write for Buffer {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Buffer {
        pub fn text(&self) -> String {
            String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
        }
    }

    /// The log of this test process (every server the tests start), as production writes it
    /// (`info`, text lines with their spans). Installed once.
    pub fn captured() -> Option<Buffer> {
        static LOG: OnceLock<Option<Buffer>> = OnceLock::new();
        LOG.get_or_init(|| {
            let buffer = Buffer::default();
            let writer = buffer.clone();
            let subscriber = tracing_subscriber::fmt()
                .with_env_filter(tracing_subscriber::EnvFilter::new("info"))
                .with_writer(move || writer.clone())
                .with_ansi(false)
                .finish();
            tracing::subscriber::set_global_default(subscriber)
                .ok()
                .map(|()| buffer)
        })
        .clone()
    }
}

#[tokio::test]
async fn no_secret_address_reaches_the_log() {
    let log = logs::captured().expect("this test installs the process's log subscriber");
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let me = access(&verified_user(&app, &catcher, "watcher@tawasol.test", "fr").await);
    let res = app
        .send(Method::POST, "/api/v1/me/feed-token", Some(&me), None)
        .await;
    let url = res.json::<serde_json::Value>().await.unwrap()["url"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = &url[url.find("/feeds/me/").unwrap()..];
    let secret = path
        .trim_start_matches("/feeds/me/")
        .trim_end_matches(".atom")
        .to_owned();
    assert!(secret.len() >= 32);
    let feed = app.get(path).await;
    assert_eq!(feed.status(), 200);
    // An encoded spelling that the router still matches.
    let encoded = path.replace("/me/", "/%6De/");
    app.client.get(app.url(&encoded)).send().await.unwrap();
    // Tokens of mail links travel in query strings.
    let mail_token = "Zr3k0n7Jb2m5QyXwLp9sT1uVhA8cD4eF6gH0iJ2kL3m";
    for page in ["/verify-email", "/reset-password", "/api/v1/unsubscribe"] {
        app.client
            .get(app.url(&format!("{page}?token={mail_token}")))
            .send()
            .await
            .unwrap();
    }
    app.client
        .post(app.url(&format!("/api/v1/unsubscribe?token={mail_token}")))
        .send()
        .await
        .unwrap();
    app.client
        .post(app.url("/verify-email"))
        .form(&[("token", mail_token)])
        .send()
        .await
        .unwrap();
    // The log line of each request is written as the answer leaves.
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let text = log.text();
    assert!(
        text.contains("/feeds/me/[redacted].atom"),
        "the feed's requests are logged, redacted"
    );
    assert!(
        text.contains("path=/verify-email"),
        "the mail pages are logged"
    );
    assert!(!text.contains(&secret), "the feed's secret is in the log");
    assert!(
        !text.contains(mail_token),
        "a mail link's token is in the log"
    );
}

/// Where a page or a form that needs an account sends a visitor without one: to the login page,
/// which comes back to the page itself, or to the page the form or the download sits on.
#[tokio::test]
async fn the_way_to_the_login_page_comes_back_to_where_the_visitor_was() {
    let (app, _catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let b = browser();
    let pages = [
        ("/communes/tangier/report", "/communes/tangier/report"),
        ("/communes/%74angier/report", "/communes/tangier/report"),
        (
            "/communes/tangier/report?lang=fr",
            "/communes/tangier/report",
        ),
        (
            "/communes/sefrou/petitions/new",
            "/communes/sefrou/petitions/new",
        ),
        ("/petitions/1/dossier?format=csv", "/petitions/1"),
        ("/me", "/me"),
        ("/me?saved=1", "/me"),
        ("/me/export", "/me"),
        ("/desk", "/desk"),
        ("/moderation", "/moderation"),
    ];
    for (path, back) in pages {
        let res = b.get(app.url(path)).send().await.unwrap();
        assert_eq!(res.status(), 303, "GET {path}");
        assert_eq!(location(&res), format!("/login?next={back}"), "GET {path}");
    }
    let forms = [
        ("/issues/1/replies", "/issues/1"),
        ("/issues/007/replies", "/issues/7"),
        ("/issues/1/support", "/issues/1"),
        ("/issues/1/follow", "/issues/1"),
        ("/issues/1/answer", "/issues/1"),
        ("/communes/tangier/report", "/communes/tangier/report"),
        ("/petitions/1/sign", "/petitions/1"),
        ("/petitions/1/withdraw", "/petitions/1"),
        ("/petitions/1/follow", "/petitions/1"),
        ("/petitions/1/step", "/petitions/1"),
        (
            "/communes/sefrou/petitions/new",
            "/communes/sefrou/petitions/new",
        ),
        ("/me/notifications", "/me"),
        ("/me/delete", "/me"),
        ("/watch/feed", "/watch"),
        ("/moderation/issues/1", "/moderation"),
        ("/moderation/replies/1", "/moderation"),
    ];
    let (_, page) = get(&app, &b, "/login").await;
    let token = csrf(&page);
    for (path, back) in forms {
        // Without this browser's token, the form is refused before anything else is said.
        let res = b
            .post(app.url(path))
            .form(&[("_csrf", "not-the-token")])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403, "POST {path} without the token");
        let res = b
            .post(app.url(path))
            .form(&[("_csrf", token.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "POST {path}");
        assert_eq!(location(&res), format!("/login?next={back}"), "POST {path}");
    }
}
