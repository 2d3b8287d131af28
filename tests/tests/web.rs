//! The web application, as a browser without JavaScript uses it: pages in the three languages,
//! forms that post and redirect, sessions in cookies, CSRF tokens, and the weight budget.

use reqwest::Method;
use serde_json::json;
use tawasol_tests::{
    TestApp, access, admin, checked, login, mail_to, spawn_with_mail, token_in_mail, verified_user,
};

/// A browser: keeps cookies, does not follow redirects (the tests look at them).
pub(crate) fn browser() -> reqwest::Client {
    tawasol_tests::http_client()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

pub(crate) async fn get(app: &TestApp, b: &reqwest::Client, path: &str) -> (u16, String) {
    let res = checked("GET", path, b.get(app.url(path)).send().await.unwrap()).await;
    (res.status().as_u16(), res.text().await.unwrap())
}

pub(crate) async fn post(
    app: &TestApp,
    b: &reqwest::Client,
    path: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    let res = b.post(app.url(path)).form(form).send().await.unwrap();
    checked("POST", path, res).await
}

/// The CSRF token of the first form of a page.
pub(crate) fn csrf(html: &str) -> String {
    let at = html
        .find("name=\"_csrf\" value=\"")
        .expect("a form with a CSRF token")
        + 20;
    html[at..].chars().take_while(|c| *c != '"').collect()
}

pub(crate) fn location(res: &reqwest::Response) -> String {
    res.headers()["location"].to_str().unwrap().to_owned()
}

pub(crate) fn assert_translated(html: &str, what: &str) {
    for prefix in [
        "web-",
        "status-",
        "petition-status-",
        "field-",
        "detail-",
        "problem-",
    ] {
        let untranslated = html
            .split(|c: char| !(c.is_ascii_lowercase() || c == '-'))
            .any(|word| word.starts_with(prefix) && word.len() > prefix.len() + 2);
        assert!(!untranslated, "{what}: an untranslated {prefix}… key");
    }
}

pub(crate) async fn logged_in_browser(app: &TestApp, email: &str) -> reqwest::Client {
    let b = browser();
    let (_, page) = get(app, &b, "/login").await;
    let res = post(
        app,
        &b,
        "/login",
        &[
            ("_csrf", &csrf(&page)),
            ("email", email),
            ("password", "a long enough password"),
            ("next", "/"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303, "login {email}");
    b
}

#[tokio::test]
async fn every_page_renders_in_each_language_with_its_direction_and_script() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let resident = access(&verified_user(&app, &catcher, "resident@tawasol.test", "fr").await);
    let issue = app
        .post(
            "/api/v1/issues",
            Some(&resident),
            &json!({"commune": "tangier", "category": "public_lighting", "title": "مصباح الشارع معطل", "description": "الإنارة منعدمة منذ أسبوع في الزنقة."}),
        )
        .await
        .json::<serde_json::Value>()
        .await
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let anonymous = [
        "/",
        "/communes/tangier",
        "/communes/sefrou?status=open&q=x",
        &format!("/issues/{issue}"),
        "/login",
        "/signup",
    ];
    let b = logged_in_browser(&app, "resident@tawasol.test").await;
    for (lang, dir) in [("ar", "rtl"), ("fr", "ltr"), ("zgh", "ltr")] {
        for path in anonymous
            .iter()
            .copied()
            .chain(["/communes/tangier/report"])
        {
            let sep = if path.contains('?') { '&' } else { '?' };
            let url = format!("{path}{sep}lang={lang}");
            let (status, html) = get(&app, &b, &url).await;
            assert_eq!(status, 200, "{url}");
            assert!(
                html.contains(&format!("<html lang=\"{lang}\" dir=\"{dir}\">")),
                "{url}: {}",
                &html[..200.min(html.len())]
            );
            assert_translated(&html, &url);
            if lang == "zgh" {
                assert!(
                    html.chars().any(|c| ('\u{2D30}'..='\u{2D7F}').contains(&c)),
                    "{url}: no Tifinagh"
                );
            }
            assert!(
                html.contains("name=\"_csrf\""),
                "{url}: forms carry a CSRF token"
            );
        }
    }
    // The Arabic title keeps its own direction inside a French page.
    let (_, html) = get(&app, &browser(), &format!("/issues/{issue}?lang=fr")).await;
    assert!(html.contains("<bdi dir=\"auto\">مصباح الشارع معطل</bdi>"));
    // The language switcher remembers the choice in a cookie.
    let b = browser();
    let res = b
        .get(app.url("/lang/zgh?next=/communes/sefrou"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), "/communes/sefrou");
    let (_, html) = get(&app, &b, "/communes/sefrou").await;
    assert!(html.contains("<html lang=\"zgh\""));
    let res = b.get(app.url("/lang/en?next=/")).send().await.unwrap();
    assert_eq!(res.status(), 404);
    let res = b
        .get(app.url("/lang/fr?next=//evil.example"))
        .send()
        .await
        .unwrap();
    assert_eq!(location(&res), "/");
    // A page that does not exist says so, as a page.
    let (status, html) = get(&app, &b, "/issues/999999?lang=fr").await;
    assert_eq!(status, 404);
    assert!(html.contains("<html lang=\"fr\""));
    drop(catcher);
}

#[tokio::test]
async fn a_resident_and_an_official_do_their_job_with_forms_alone() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let admin = admin(&app, &catcher).await;
    // Sign up in Arabic, from the page.
    let b = browser();
    let (_, page) = get(&app, &b, "/signup?lang=ar").await;
    assert!(page.contains("09.08"), "the CNDP notice is on the form");
    let res = post(
        &app,
        &b,
        "/signup",
        &[
            ("_csrf", &csrf(&page)),
            ("display_name", "أمينة"),
            ("email", "amina@tawasol.test"),
            ("password", "a long enough password"),
            ("locale", "ar"),
        ],
    )
    .await;
    assert_eq!(res.status(), 200);
    mail_to(&catcher, "amina@tawasol.test", 1).await;
    let token = token_in_mail(&catcher, "amina@tawasol.test");
    let res = app
        .post("/api/v1/auth/verify-email", None, &json!({"token": token}))
        .await;
    assert_eq!(res.status(), 204);
    // Log in, then report with the form; a wrong field comes back with what was typed.
    let (_, page) = get(&app, &b, "/login?next=/communes/tangier/report").await;
    let res = post(
        &app,
        &b,
        "/login",
        &[
            ("_csrf", &csrf(&page)),
            ("email", "amina@tawasol.test"),
            ("password", "a long enough password"),
            ("next", "/communes/tangier/report"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), "/communes/tangier/report");
    let (_, form) = get(&app, &b, "/communes/tangier/report").await;
    let token = csrf(&form);
    let res = post(
        &app,
        &b,
        "/communes/tangier/report",
        &[
            ("_csrf", &token),
            ("category", "public_lighting"),
            ("title", "x"),
            ("description", "الإنارة منعدمة منذ أسبوع في الزنقة."),
            ("lat", ""),
            ("lon", ""),
        ],
    )
    .await;
    assert_eq!(res.status(), 200, "the form again");
    let again = res.text().await.unwrap();
    assert!(
        again.contains("الإنارة منعدمة منذ أسبوع في الزنقة."),
        "what was typed stays"
    );
    let res = post(
        &app,
        &b,
        "/communes/tangier/report",
        &[
            ("_csrf", &token),
            ("category", "public_lighting"),
            ("title", "مصباح الشارع معطل"),
            ("description", "الإنارة منعدمة منذ أسبوع في الزنقة."),
            ("lat", "35.7601"),
            ("lon", "-5.8150"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    // To the issue's page, which thanks the author and says where the report went.
    let thanked = location(&res);
    let (issue_path, query) = thanked.split_once('?').expect("the page's thanks");
    assert!(issue_path.starts_with("/issues/"), "{thanked}");
    assert_eq!(query, "reported=1");
    let (_, html) = get(&app, &b, &thanked).await;
    assert!(
        html.contains("<p class=\"notice\" role=\"status\">شكرا! بلاغك عمومي وقد أُحيل إلى"),
        "{html}"
    );
    assert!(
        html.contains("مصلحة الإنارة العمومية"),
        "the service it went to"
    );
    let (_, again) = get(&app, &b, issue_path).await;
    assert!(!again.contains("شكرا!"), "thanked once, not on every visit");
    let issue_path = issue_path.to_owned();
    // The same light again, a few metres away: the open issue is offered before posting.
    let report = [
        ("_csrf", token.as_str()),
        ("category", "public_lighting"),
        ("title", "مصباح معطل قرب المسجد"),
        ("description", "الإنارة منعدمة منذ أسبوع في الزنقة."),
        ("lat", "35.76012"),
        ("lon", "-5.81503"),
    ];
    let res = post(&app, &b, "/communes/tangier/report", &report).await;
    assert_eq!(res.status(), 200, "not posted yet");
    let offered = res.text().await.unwrap();
    assert!(
        offered.contains(&format!("action=\"{issue_path}/support\"")),
        "support this one instead"
    );
    assert!(offered.contains("name=\"post_anyway\""));
    let mut anyway = report.to_vec();
    anyway.push(("post_anyway", "1"));
    let res = post(&app, &b, "/communes/tangier/report", &anyway).await;
    assert_eq!(res.status(), 303, "posted anyway");
    let (_, html) = get(&app, &b, &issue_path).await;
    assert!(html.contains("مصباح الشارع معطل"));

    // The official of Tangier answers from the browser.
    verified_user(&app, &catcher, "official@tawasol.test", "fr").await;
    let res = app
        .post(
            "/api/v1/admin/officials",
            Some(&admin),
            &json!({"email": "official@tawasol.test", "commune": "tangier", "title": "Chef du service de l'éclairage"}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let o = logged_in_browser(&app, "official@tawasol.test").await;
    let (_, page) = get(&app, &o, &issue_path).await;
    let res = post(
        &app,
        &o,
        &format!("{issue_path}/replies"),
        &[
            ("_csrf", &csrf(&page)),
            ("body", "Une équipe passe demain matin."),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    // The resident sees the answer set apart, with the official's title; supports and follows.
    let (_, html) = get(&app, &b, &issue_path).await;
    assert!(html.contains("class=\"reply official\""), "{html}");
    assert!(
        html.contains("Chef du service de l&#39;éclairage")
            || html.contains("Chef du service de l&#x27;éclairage"),
        "{html}"
    );
    assert!(html.contains("Une équipe passe demain matin."));
    // Its author is not offered "me too" (the report counts them); a neighbour is, and supports.
    assert!(!html.contains(&format!("action=\"{issue_path}/support\"")));
    verified_user(&app, &catcher, "neighbour@tawasol.test", "ar").await;
    let n = logged_in_browser(&app, "neighbour@tawasol.test").await;
    let (_, seen) = get(&app, &n, &issue_path).await;
    let res = post(
        &app,
        &n,
        &format!("{issue_path}/support"),
        &[("_csrf", &csrf(&seen)), ("on", "true")],
    )
    .await;
    assert_eq!(res.status(), 303);
    let (_, seen) = get(&app, &n, &issue_path).await;
    assert!(
        seen.contains("سحب مساندتي"),
        "the button now withdraws the support"
    );
    // Logging out ends the session: the next form asks to log in again.
    let res = post(&app, &b, "/logout", &[("_csrf", &csrf(&html))]).await;
    assert_eq!(res.status(), 303);
    let res = b
        .get(app.url("/communes/tangier/report"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert!(location(&res).starts_with("/login"));
    // The official's account can also be read through the API: the answer is official.
    let official = access(&login(&app, "official@tawasol.test").await);
    let id = issue_path.trim_start_matches("/issues/");
    let detail = app
        .send(
            Method::GET,
            &format!("/api/v1/issues/{id}"),
            Some(&official),
            None,
        )
        .await
        .json::<serde_json::Value>()
        .await
        .unwrap();
    assert_eq!(detail["thread"][0]["official_answer"], true);
}

#[tokio::test]
async fn a_form_without_this_browsers_token_is_refused() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    verified_user(&app, &catcher, "resident@tawasol.test", "fr").await;
    let b = browser();
    let res = post(
        &app,
        &b,
        "/login",
        &[
            ("email", "resident@tawasol.test"),
            ("password", "a long enough password"),
        ],
    )
    .await;
    let status = res.status();
    assert_eq!(status, 403, "no token: {}", res.text().await.unwrap());
    let (_, page) = get(&app, &b, "/login?lang=fr").await;
    let other = browser();
    let (_, theirs) = get(&app, &other, "/login").await;
    assert_ne!(csrf(&page), csrf(&theirs));
    let res = post(
        &app,
        &b,
        "/login",
        &[
            ("_csrf", &csrf(&theirs)),
            ("email", "resident@tawasol.test"),
            ("password", "a long enough password"),
        ],
    )
    .await;
    assert_eq!(res.status(), 403, "another browser's token");
    assert!(res.text().await.unwrap().contains("<html lang=\"fr\""));
    let res = post(
        &app,
        &b,
        "/login",
        &[
            ("_csrf", &csrf(&page)),
            ("email", "resident@tawasol.test"),
            ("password", "wrong password!"),
        ],
    )
    .await;
    assert_eq!(res.status(), 200, "the form again, with the reason");
    let res = post(
        &app,
        &b,
        "/login",
        &[
            ("_csrf", &csrf(&page)),
            ("email", "resident@tawasol.test"),
            ("password", "a long enough password"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let cookie = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|c| c.starts_with("tawasol_session="))
        .expect("a session cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
}

/// Each page, compressed as a phone on mobile data receives it, with its stylesheet and script
/// (and, in Tamazight, the Tifinagh font), stays under 60 KB.
#[tokio::test]
async fn every_page_weighs_less_than_60_kb_with_what_it_loads() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let resident = access(&verified_user(&app, &catcher, "resident@tawasol.test", "fr").await);
    for n in 0..30 {
        app.post(
            "/api/v1/issues",
            Some(&resident),
            &json!({"commune": "tangier", "category": "public_lighting", "title": format!("Lampadaire éteint rue {n}"), "description": "Éteint depuis trois nuits, la rue est dans le noir."}),
        )
        .await;
    }
    let client = tawasol_tests::http_client().build().unwrap();
    let size = |path: String| {
        let (client, app) = (&client, &app);
        async move {
            let res = client
                .get(app.url(&path))
                .header("accept-encoding", "br, gzip")
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 200, "{path}");
            res.bytes().await.unwrap().len()
        }
    };
    let css = size("/static/tawasol.css".into()).await;
    let js = size("/static/locate.js".into()).await;
    let font = size("/static/noto-sans-tifinagh.woff2".into()).await;
    let mut report = Vec::new();
    for lang in ["ar", "fr", "zgh"] {
        for path in ["/", "/communes/tangier", "/issues/1", "/login", "/signup"] {
            let html = size(format!("{path}?lang={lang}")).await;
            let total = html + css + js + if lang == "zgh" { font } else { 0 };
            report.push(format!("{lang} {path}: {total} bytes (HTML {html})"));
            assert!(total < 60 * 1024, "{lang} {path} weighs {total} bytes");
        }
    }
    // The figures, for whoever reads the test's output.
    eprintln!(
        "page weights (compressed, with CSS {css}, JS {js}, font {font}):\n{}",
        report.join("\n")
    );
}

#[tokio::test]
async fn a_resident_manages_their_account_from_the_browser() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let token = access(&verified_user(&app, &catcher, "resident@tawasol.test", "fr").await);
    app.post(
        "/api/v1/issues",
        Some(&token),
        &json!({"commune": "sefrou", "category": "roads_sidewalks", "title": "Nid-de-poule avenue Hassan II", "description": "Un trou profond devant la pharmacie."}),
    )
    .await;
    let b = logged_in_browser(&app, "resident@tawasol.test").await;
    let (status, html) = get(&app, &b, "/me?lang=fr").await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Nid-de-poule avenue Hassan II"),
        "my issue is listed"
    );
    assert!(
        html.contains("resident@tawasol.test"),
        "my own address, on my own page"
    );
    // Turn off the issue updates; the box comes back unchecked.
    let res = post(
        &app,
        &b,
        "/me/notifications",
        &[("_csrf", &csrf(&html)), ("petition_updates", "on")],
    )
    .await;
    assert_eq!(res.status(), 303);
    let prefs = app
        .send(Method::GET, "/api/v1/me/notifications", Some(&token), None)
        .await
        .json::<serde_json::Value>()
        .await
        .unwrap();
    assert_eq!(prefs["issue_updates"], false);
    assert_eq!(prefs["petition_updates"], true);
    // My data, as a file.
    let res = b.get(app.url("/me/export")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("attachment")
    );
    let data: serde_json::Value = res.json().await.unwrap();
    assert_eq!(data["account"]["email"], "resident@tawasol.test");
    // The watcher's page: a personal feed address, shown once, that answers Atom.
    let (_, page) = get(&app, &b, "/watch?lang=fr").await;
    assert!(page.contains("/api/v1/exports/issues.csv?commune=tangier"));
    assert!(page.contains("/feeds/communes/sefrou/roads_sidewalks.atom"));
    let res = post(&app, &b, "/watch/feed", &[("_csrf", &csrf(&page))]).await;
    assert_eq!(res.status(), 200);
    let shown = res.text().await.unwrap();
    let start = shown.find("/feeds/me/").expect("the feed address");
    let path: String = shown[start..].chars().take_while(|c| *c != '<').collect();
    let feed = app.get(&path).await;
    assert_eq!(feed.status(), 200);
    assert!(
        feed.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/atom+xml")
    );
    // Forgotten password: the same answer for any address.
    let (_, form) = get(&app, &browser(), "/forgot").await;
    assert!(form.contains("name=\"email\""));
    // Erase: not without the confirmation; then gone, and logged out.
    let (_, html) = get(&app, &b, "/me").await;
    let res = post(&app, &b, "/me/delete", &[("_csrf", &csrf(&html))]).await;
    assert_eq!(res.status(), 303, "not confirmed");
    let res = post(
        &app,
        &b,
        "/me/delete",
        &[("_csrf", &csrf(&html)), ("confirm", "yes")],
    )
    .await;
    assert_eq!(res.status(), 200);
    let res = b.get(app.url("/me")).send().await.unwrap();
    assert_eq!(res.status(), 303, "the session ended with the account");
    let login = app
        .post(
            "/api/v1/auth/login",
            None,
            &json!({"email": "resident@tawasol.test", "password": "a long enough password"}),
        )
        .await;
    assert_eq!(login.status(), 401);
}

/// The address of the first link of a page whose text (or attribute run) contains `marker`
/// (`href="…"` just before it), as a browser follows what it sees.
pub(crate) fn link_to(html: &str, marker: &str) -> String {
    let at = html
        .find(marker)
        .unwrap_or_else(|| panic!("{marker:?} on the page"));
    let href = html[..at].rfind("href=\"").expect("a link before it") + 6;
    html[href..].chars().take_while(|c| *c != '"').collect()
}

#[tokio::test]
async fn a_visitor_finds_the_way_from_the_home_page_by_its_links() {
    let (app, catcher) = spawn_with_mail(&[]).await;
    let token = access(&verified_user(&app, &catcher, "karim@tawasol.test", "fr").await);
    let res = app
        .post(
            "/api/v1/issues",
            Some(&token),
            &json!({"commune": "tangier", "category": "public_lighting", "title": "Lampadaire éteint rue Ibn Battouta", "description": "Le lampadaire devant le numéro 12 est éteint depuis une semaine.", "location": {"lat": 35.7601, "lon": -5.815}}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let b = browser();
    // The home page's title is the site's name once.
    let (_, home) = get(&app, &b, "/?lang=fr").await;
    assert!(
        home.contains("<title>Tawasol</title>"),
        "one name in the title"
    );
    // "Report a problem", from the header, leads to the communes, each with its report form.
    let report = link_to(&home, ">Signaler un problème<");
    assert_eq!(report, "/#communes");
    assert!(home.contains("<h2 id=\"communes\">"));
    let form = link_to(&home, "Tanger</bdi></a>\n<span class=\"muted\">");
    assert_eq!(form, "/communes/tangier");
    assert!(home.contains("href=\"/communes/tangier/report\">Signaler un problème</a>"));
    // The header leads to the petitions, on every page.
    let petitions = link_to(&home, ">Pétitions<");
    assert_eq!(get(&app, &b, &petitions).await.0, 200);
    // The watchers' page is public: figures, exports and feeds without an account, and the way
    // to a personal feed for those who sign in. Its former address leads there.
    let watch = link_to(&home, ">Veille<");
    let (status, watch_page) = get(&app, &b, &watch).await;
    assert_eq!(status, 200);
    assert!(watch_page.contains("/api/v1/exports/issues.csv?commune=tangier"));
    // The footer's open data leads to what the exports hold, not to a download.
    let open_data = link_to(&home, ">Données ouvertes<");
    assert_eq!(open_data, "/watch#open-data");
    assert!(watch_page.contains("id=\"open-data\""));
    assert!(watch_page.contains("Aucune donnée personnelle"));
    let sign_in = link_to(&watch_page, ">Se connecter pour créer le sien<");
    assert_eq!(sign_in, "/login?next=/watch");
    let res = b.get(app.url("/organisation")).send().await.unwrap();
    assert_eq!(res.status(), 308);
    assert_eq!(location(&res), "/watch");
    // Without a CNDP declaration (not a production instance), the sign-up form says so plainly.
    let signup = link_to(&home, ">Créer un compte<");
    let (_, signup_page) = get(&app, &b, &signup).await;
    assert!(signup_page.contains("n’a pas déclaré ce traitement à la CNDP"));
    assert!(!signup_page.contains("n° —"));
    // Forgotten password: from the log-in page to a form that works in the browser.
    let login = link_to(&home, ">Se connecter<");
    let (_, login_page) = get(&app, &b, &login).await;
    let forgot = link_to(&login_page, ">Mot de passe oublié<");
    let (status, forgot_page) = get(&app, &b, &forgot).await;
    assert_eq!(status, 200);
    assert!(forgot_page.contains("<form method=\"post\" action=\"/forgot\""));
    // A commune's page and an issue's page advertise their Atom feeds, which answer.
    let commune = link_to(&home, "<bdi>Tanger</bdi>");
    let (_, commune_page) = get(&app, &b, &commune).await;
    for page in [commune_page.clone(), {
        let issue = link_to(&commune_page, "Lampadaire éteint");
        get(&app, &b, &issue).await.1
    }] {
        let feed = link_to(&page, "\" title=\"Flux Atom de cette page\"");
        let res = b.get(app.url(&feed)).send().await.unwrap();
        assert_eq!(res.status(), 200, "{feed}");
        assert!(
            res.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("application/atom+xml"),
            "{feed}"
        );
    }
    // Times are written in Morocco's time, as French writes them, never as UTC.
    let issue = link_to(&commune_page, "Lampadaire éteint");
    let issue_page = get(&app, &b, &issue).await.1;
    let api = app.get(&issue.replace("/issues/", "/api/v1/issues/")).await;
    let created = api.json::<serde_json::Value>().await.unwrap()["created_at"]
        .as_str()
        .unwrap()
        .to_owned();
    let local = chrono::DateTime::parse_from_rfc3339(&created)
        .unwrap()
        .with_timezone(&chrono_tz::Africa::Casablanca);
    let months = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    let written = format!(
        "Signalé le {} {} {} à {}",
        local.format("%-d"),
        months[usize::try_from(chrono::Datelike::month0(&local)).unwrap()],
        local.format("%Y"),
        local.format("%H:%M")
    );
    assert!(issue_page.contains(&written), "{written} in {issue_page}");
    assert!(!issue_page.contains("UTC"));
    // A search that finds nothing says so, and offers the whole list again.
    let search = format!("{commune}?q=zzzzyx");
    let (_, empty) = get(&app, &b, &search).await;
    assert!(
        empty.contains("<p role=\"status\">Aucun signalement ne correspond à cette recherche.")
    );
    let all = link_to(&empty, ">Voir tous les signalements<");
    let (_, again) = get(&app, &b, &all).await;
    assert!(again.contains("Lampadaire éteint"));
    assert_translated(&empty, "an empty search");
}
