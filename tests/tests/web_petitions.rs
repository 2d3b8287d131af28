//! The petition pages, as a browser without JavaScript uses them: start a petition, publish it,
//! sign it (a wrong CIN comes back without being echoed; a CIN already used answers like any
//! other), reach the threshold, record the deposit; the dossier link only for those who may
//! download it now; the daily cap of signing steps as a page; in the three languages, guarded by
//! CSRF, and light enough for mobile data.

use crate::web::{assert_translated, browser, csrf, get, location, logged_in_browser, post};
use reqwest::Method;
use serde_json::json;
use tawasol_tests::{TestApp, admin, spawn_with_mail, verified_user};

const AGENT_CIN: &str = "AB123456";
const SIGNER_CIN: &str = "C998877";
const BAD_CIN: &str = "ZQ-77X";

/// Every page the test visits, to check afterwards that no CIN ever shows.
struct Seen(Vec<String>);

impl Seen {
    async fn get(&mut self, app: &TestApp, b: &reqwest::Client, path: &str) -> (u16, String) {
        let (status, html) = get(app, b, path).await;
        self.0.push(html.clone());
        (status, html)
    }
}

#[tokio::test]
async fn a_petition_is_started_published_signed_and_filed_with_forms_alone() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let admin = admin(&app, &catcher).await;
    let res = app
        .send(
            Method::PATCH,
            "/api/v1/admin/communes/sefrou",
            Some(&admin),
            Some(&json!({"petition_threshold": 2})),
        )
        .await;
    assert_eq!(res.status(), 200);
    verified_user(&app, &catcher, "agent@tawasol.test", "fr").await;
    verified_user(&app, &catcher, "signer@tawasol.test", "ar").await;
    let a = logged_in_browser(&app, "agent@tawasol.test").await;
    let s = logged_in_browser(&app, "signer@tawasol.test").await;
    let anon = browser();
    let mut seen = Seen(Vec::new());

    // The commune page links to the form; the form comes back with what was typed.
    let (_, commune) = seen.get(&app, &a, "/communes/sefrou?lang=fr").await;
    assert!(commune.contains("/communes/sefrou/petitions/new"));
    let (status, form) = seen
        .get(&app, &a, "/communes/sefrou/petitions/new?lang=fr")
        .await;
    assert_eq!(status, 200);
    assert!(
        !form.contains("name=\"organisation_id\""),
        "no association option for a resident without one"
    );
    let token = csrf(&form);
    let request = "Inscrire à l’ordre du jour l’aménagement d’un jardin public.";
    let reasons = "Aucun espace vert à moins de deux kilomètres.";
    let res = post(
        &app,
        &a,
        "/communes/sefrou/petitions/new",
        &[
            ("_csrf", &token),
            ("title", "x"),
            ("request", request),
            ("reasons", reasons),
            ("filer_type", "citizens"),
        ],
    )
    .await;
    assert_eq!(res.status(), 200, "the form again");
    let again = res.text().await.unwrap();
    assert!(again.contains(request) && again.contains("role=\"alert\""));
    let res = post(
        &app,
        &a,
        "/communes/sefrou/petitions/new",
        &[
            ("_csrf", &token),
            ("title", "Un jardin public au quartier Habbouna"),
            ("request", request),
            ("reasons", reasons),
            ("filer_type", "citizens"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let path = location(&res);
    assert!(path.starts_with("/petitions/"), "{path}");
    // A draft is its agent's alone.
    let (status, _) = seen.get(&app, &anon, &path).await;
    assert_eq!(status, 404);
    let (_, page) = seen.get(&app, &a, &format!("{path}?lang=fr")).await;
    assert!(page.contains("Brouillon"));

    // Without this browser's token, a step is refused.
    let res = post(&app, &a, &format!("{path}/step"), &[("to", "collecting")]).await;
    assert_eq!(res.status(), 403);
    let res = post(
        &app,
        &a,
        &format!("{path}/step"),
        &[("_csrf", &csrf(&page)), ("to", "collecting")],
    )
    .await;
    assert_eq!(res.status(), 303);

    // Collecting: every page renders in each language, the signing form with its consent.
    for (lang, dir) in [("ar", "rtl"), ("fr", "ltr"), ("zgh", "ltr")] {
        for p in [
            format!("{path}?lang={lang}"),
            format!("/petitions?lang={lang}"),
            format!("/petitions?commune=sefrou&status=collecting&lang={lang}"),
            format!("/communes/sefrou/petitions/new?lang={lang}"),
        ] {
            let (status, html) = seen.get(&app, &s, &p).await;
            assert_eq!(status, 200, "{p}");
            assert!(
                html.contains(&format!("<html lang=\"{lang}\" dir=\"{dir}\">")),
                "{p}"
            );
            assert_translated(&html, &p);
            if lang == "zgh" {
                assert!(
                    html.chars().any(|c| ('\u{2D30}'..='\u{2D7F}').contains(&c)),
                    "{p}: no Tifinagh"
                );
            }
        }
        let (_, html) = seen.get(&app, &s, &format!("{path}?lang={lang}")).await;
        assert!(html.contains(&format!("action=\"{path}/sign\"")), "{lang}");
        assert!(html.contains("name=\"consent\""));
        assert!(html.contains("aria-current=\"step\""));
        assert!(html.contains("<progress"));
    }
    let (_, html) = seen.get(&app, &s, &format!("{path}?lang=fr")).await;
    assert!(
        html.contains("pétition « Un jardin public"),
        "the consent text"
    );
    assert!(html.contains("09-08"), "the CNDP notice");
    let (_, list) = seen
        .get(&app, &anon, "/petitions?commune=sefrou&lang=fr")
        .await;
    assert!(list.contains(&format!("href=\"{path}\"")));

    // The agent signs; a bad CIN comes back as an error, with what was typed but not the CIN.
    let (_, page) = seen.get(&app, &a, &format!("{path}?lang=fr")).await;
    let token = csrf(&page);
    let sign = |cin: &'static str, name: &'static str, token: String| {
        vec![
            ("_csrf", token),
            ("full_name", name.to_owned()),
            ("cin", cin.to_owned()),
            ("address", "Derb Lalla Fatima 14, Sefrou".to_owned()),
            ("lives_or_works_in_commune", "on".to_owned()),
            ("on_electoral_roll", "on".to_owned()),
            ("direct_interest", "on".to_owned()),
            ("consent", "on".to_owned()),
            ("show_name", "on".to_owned()),
        ]
    };
    let form = sign(BAD_CIN, "Karim Bennani", token.clone());
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = post(&app, &a, &format!("{path}/sign?lang=fr"), &fields).await;
    assert_eq!(res.status(), 200, "the form again");
    let again = res.text().await.unwrap();
    assert!(
        again.contains("Donnez le numéro de votre carte nationale"),
        "{again}"
    );
    assert!(again.contains("Karim Bennani") && again.contains("Derb Lalla Fatima 14"));
    assert!(!again.contains(BAD_CIN), "the CIN is never echoed");
    seen.0.push(again);
    // Without consent: refused too.
    let mut no_consent: Vec<(&str, &str)> = fields
        .iter()
        .copied()
        .filter(|(k, _)| *k != "consent")
        .collect();
    for f in &mut no_consent {
        if f.0 == "cin" {
            f.1 = AGENT_CIN;
        }
    }
    let res = post(&app, &a, &format!("{path}/sign"), &no_consent).await;
    assert_eq!(res.status(), 200);
    let again = res.text().await.unwrap();
    assert!(!again.contains(AGENT_CIN));
    seen.0.push(again);
    let form = sign(AGENT_CIN, "Karim Bennani", token.clone());
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = post(&app, &a, &format!("{path}/sign"), &fields).await;
    assert_eq!(res.status(), 303);
    assert!(location(&res).starts_with(&path));
    let (_, page) = seen.get(&app, &a, &format!("{path}?lang=fr")).await;
    assert!(page.contains("Vous avez signé"));
    assert!(page.contains("1 signature sur 2"), "progress");
    assert!(
        !page.contains(&format!("{path}/dossier")),
        "no dossier while collecting, even for the agent"
    );
    // Withdrawn, then signed again.
    let res = post(
        &app,
        &a,
        &format!("{path}/withdraw"),
        &[("_csrf", &csrf(&page))],
    )
    .await;
    assert_eq!(res.status(), 303);
    let (_, page) = seen.get(&app, &a, &format!("{path}?lang=fr")).await;
    assert!(page.contains("Aucune signature sur 2"));
    let res = post(&app, &a, &format!("{path}/sign"), &fields).await;
    assert_eq!(res.status(), 303);

    // A second signature, from Arabic, reaches the threshold: ready.
    let (_, page) = seen.get(&app, &s, &format!("{path}?lang=ar")).await;
    let form = sign(SIGNER_CIN, "أمينة العلوي", csrf(&page));
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = post(&app, &s, &format!("{path}/sign"), &fields).await;
    assert_eq!(res.status(), 303);
    let (_, page) = seen.get(&app, &anon, &format!("{path}?lang=fr")).await;
    assert!(page.contains("Prête à déposer"), "ready");
    assert!(
        page.contains("<li><bdi>signer</bdi></li>"),
        "a public signatory"
    );
    assert!(
        !page.contains("action=\"/petitions/"),
        "no form for a stranger"
    );
    // Follow and unfollow.
    let (_, page) = seen.get(&app, &s, &format!("{path}?lang=fr")).await;
    let res = post(
        &app,
        &s,
        &format!("{path}/follow"),
        &[("_csrf", &csrf(&page)), ("on", "true")],
    )
    .await;
    assert_eq!(res.status(), 303);
    let (_, page) = seen.get(&app, &s, &format!("{path}?lang=fr")).await;
    assert!(page.contains("Ne plus suivre"));

    // The agent records the deposit; a missing receipt comes back on the page.
    let (_, page) = seen.get(&app, &a, &format!("{path}?lang=fr")).await;
    assert!(page.contains("name=\"receipt_number\""));
    assert!(
        page.contains(&format!("href=\"{path}/dossier\"")),
        "the agent prints the dossier once ready"
    );
    let (_, signer_page) = seen.get(&app, &s, &format!("{path}?lang=fr")).await;
    assert!(!signer_page.contains(&format!("{path}/dossier")));
    let token = csrf(&page);
    let today = chrono::Utc::now().date_naive().to_string();
    let res = post(
        &app,
        &a,
        &format!("{path}/step?lang=fr"),
        &[("_csrf", &token), ("to", "filed"), ("filed_on", &today)],
    )
    .await;
    assert_eq!(res.status(), 200);
    let again = res.text().await.unwrap();
    assert!(again.contains("récépissé"), "{again}");
    let res = post(
        &app,
        &a,
        &format!("{path}/step"),
        &[
            ("_csrf", &token),
            ("to", "filed"),
            ("receipt_number", "R-2026-17"),
            ("filed_on", &today),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let (_, page) = seen.get(&app, &anon, &format!("{path}?lang=fr")).await;
    assert!(page.contains("R-2026-17"));
    // The history names the platform only beside the threshold it reached, and writes its days
    // as French does (not as ISO strings).
    assert_eq!(page.matches("Tawasol (seuil atteint)").count(), 1, "{page}");
    assert!(
        !page.contains(&format!(": <bdi dir=\"auto\">{today}</bdi>")),
        "{page}"
    );
    assert!(page.contains("au plus tard le"), "the refusal deadline");
    assert!(page.contains("Il reste"), "days left");
    let (_, list) = seen
        .get(&app, &anon, "/petitions?status=filed&lang=ar")
        .await;
    assert!(list.contains(&format!("href=\"{path}\"")));

    // No page ever shows a CIN.
    for html in &seen.0 {
        for cin in [AGENT_CIN, SIGNER_CIN, BAD_CIN] {
            assert!(!html.contains(cin), "a page shows the CIN {cin}");
        }
    }

    // Each page, compressed, with its stylesheet, script and (zgh) font, stays under 60 KB.
    let client = tawasol_tests::http_client().build().unwrap();
    let size = |p: String| {
        let (client, app) = (&client, &app);
        async move {
            let res = client
                .get(app.url(&p))
                .header("accept-encoding", "br, gzip")
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 200, "{p}");
            res.bytes().await.unwrap().len()
        }
    };
    let css = size("/static/tawasol.css".into()).await;
    let js = size("/static/locate.js".into()).await;
    let font = size("/static/noto-sans-tifinagh.woff2".into()).await;
    for lang in ["ar", "fr", "zgh"] {
        for p in [path.as_str(), "/petitions"] {
            let html = size(format!("{p}?lang={lang}")).await;
            let total = html + css + js + if lang == "zgh" { font } else { 0 };
            assert!(total < 60 * 1024, "{lang} {p} weighs {total} bytes");
        }
    }
    drop(catcher);
}

#[tokio::test]
async fn the_communes_official_records_the_councils_steps_and_downloads_the_dossier_in_the_browser()
{
    use crate::web::{browser, csrf, get, logged_in_browser, post};
    use tawasol_tests::{access, admin, spawn_with_mail, verified_user};
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let admin = admin(&app, &catcher).await;
    let agent = access(&verified_user(&app, &catcher, "agent@tawasol.test", "fr").await);
    verified_user(&app, &catcher, "official@tawasol.test", "fr").await;
    let res = app
        .post(
            "/api/v1/admin/officials",
            Some(&admin),
            &serde_json::json!({"email": "official@tawasol.test", "commune": "sefrou", "title": "Président du conseil"}),
        )
        .await;
    assert_eq!(res.status(), 201);
    app.send(
        Method::PATCH,
        "/api/v1/admin/communes/sefrou",
        Some(&admin),
        Some(&serde_json::json!({"petition_threshold": 1})),
    )
    .await;
    let id = app
        .post(
            "/api/v1/petitions",
            Some(&agent),
            &serde_json::json!({"commune": "sefrou", "title": "Un jardin public", "request": "Aménager un jardin public au quartier.", "reasons": "Aucun espace vert à moins de deux kilomètres.", "filer_type": "citizens"}),
        )
        .await
        .json::<serde_json::Value>()
        .await
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let step = |body: serde_json::Value| {
        let (app, agent) = (&app, agent.clone());
        async move {
            let res = app
                .post(
                    &format!("/api/v1/petitions/{id}/transitions"),
                    Some(&agent),
                    &body,
                )
                .await;
            assert_eq!(res.status(), 200);
        }
    };
    step(serde_json::json!({"to": "collecting"})).await;
    app.post(
        &format!("/api/v1/petitions/{id}/signatures"),
        Some(&agent),
        &serde_json::json!({"full_name": "Rachid El Idrissi", "cin": "JK55555", "address": "Derb Lalla Fatima 14",
                            "declarations": {"lives_or_works_in_commune": true, "on_electoral_roll": true, "direct_interest": true}, "consent": true}),
    )
    .await;
    // Ready: the agent's page offers the dossier; the commune's official's does not, yet, and
    // the address is refused to them.
    let path = format!("/petitions/{id}");
    let o = logged_in_browser(&app, "official@tawasol.test").await;
    let a = logged_in_browser(&app, "agent@tawasol.test").await;
    let link = format!("href=\"{path}/dossier\"");
    let (_, page) = get(&app, &a, &format!("{path}?lang=fr")).await;
    assert!(page.contains(&link), "the agent, once ready");
    let (_, page) = get(&app, &o, &format!("{path}?lang=fr")).await;
    assert!(!page.contains(&link), "the commune, not before the deposit");
    let (status, page) = get(&app, &o, &format!("{path}/dossier?lang=fr")).await;
    assert_eq!(status, 403);
    assert!(
        page.contains("<html lang=\"fr\""),
        "a page in the reader's language"
    );
    assert!(!page.contains("JK55555"));

    let today = chrono::Utc::now().date_naive().to_string();
    step(serde_json::json!({"to": "filed", "receipt_number": "R-12", "filed_on": today})).await;
    let (_, page) = get(&app, &o, &format!("{path}?lang=fr")).await;
    assert!(page.contains(&link), "the commune, once filed");
    for (to, extra) in [
        ("admissible", vec![]),
        (
            "on_agenda",
            vec![
                ("session_date", "2027-02-10"),
                ("committee", "Commission de l'urbanisme"),
            ],
        ),
        (
            "decided",
            vec![
                ("outcome", "adopted"),
                ("summary", "Le jardin est inscrit au budget."),
            ],
        ),
    ] {
        let (status, page) = get(&app, &o, &format!("{path}?lang=fr")).await;
        assert_eq!(status, 200);
        assert!(
            page.contains(&format!("name=\"to\" value=\"{to}\"")),
            "{to} form for the official"
        );
        let token = csrf(&page);
        let mut form = vec![("_csrf", token.as_str()), ("to", to)];
        form.extend(extra);
        let res = post(&app, &o, &format!("{path}/step"), &form).await;
        assert_eq!(res.status(), 303, "{to}");
    }
    let (_, page) = get(&app, &o, &format!("{path}?lang=fr")).await;
    assert!(page.contains("Le jardin est inscrit au budget."));
    // The dossier: the official and the agent, nobody else.
    let res = o
        .get(app.url(&format!("{path}/dossier?format=csv")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().contains("JK55555"));
    let stranger = {
        verified_user(&app, &catcher, "stranger@tawasol.test", "fr").await;
        logged_in_browser(&app, "stranger@tawasol.test").await
    };
    let res = stranger
        .get(app.url(&format!("{path}/dossier")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let res = browser()
        .get(app.url(&format!("{path}/dossier")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303, "log in first");
    // An official narrowed to some categories neither sees the link nor gets the dossier.
    verified_user(&app, &catcher, "roads@tawasol.test", "fr").await;
    let res = app
        .post(
            "/api/v1/admin/officials",
            Some(&admin),
            &serde_json::json!({"email": "roads@tawasol.test", "commune": "sefrou", "categories": ["roads_sidewalks"], "title": "Chef du service de la voirie"}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let roads = logged_in_browser(&app, "roads@tawasol.test").await;
    let (_, page) = get(&app, &roads, &format!("{path}?lang=fr")).await;
    assert!(!page.contains(&link));
    let (status, _) = get(&app, &roads, &format!("{path}/dossier?format=csv")).await;
    assert_eq!(status, 403);
}

#[tokio::test]
async fn a_used_cin_signs_like_any_other_and_the_sixth_step_of_a_day_is_a_page_saying_to_wait() {
    let (app, catcher) = spawn_with_mail(&[]).await;
    let agent =
        tawasol_tests::access(&verified_user(&app, &catcher, "agent@tawasol.test", "fr").await);
    verified_user(&app, &catcher, "amina@tawasol.test", "ar").await;
    verified_user(&app, &catcher, "guesser@tawasol.test", "fr").await;
    let id = app
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
            &format!("/api/v1/petitions/{id}/transitions"),
            Some(&agent),
            &json!({"to": "collecting"}),
        )
        .await;
    assert_eq!(res.status(), 200);
    let path = format!("/petitions/{id}");
    let form = |token: &str, name: &str| -> Vec<(String, String)> {
        [
            ("_csrf", token),
            ("full_name", name),
            ("cin", SIGNER_CIN),
            ("address", "Derb Lalla Fatima 14, Sefrou"),
            ("lives_or_works_in_commune", "on"),
            ("on_electoral_roll", "on"),
            ("direct_interest", "on"),
            ("consent", "on"),
        ]
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
    };
    let sign = |b: reqwest::Client, name: &'static str| {
        let (app, path) = (&app, path.clone());
        async move {
            let (_, page) = get(app, &b, &format!("{path}?lang=fr")).await;
            let fields = form(&csrf(&page), name);
            let fields: Vec<(&str, &str)> = fields
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            post(app, &b, &format!("{path}/sign?lang=fr"), &fields).await
        }
    };
    let withdraw = |b: reqwest::Client| {
        let (app, path) = (&app, path.clone());
        async move {
            let (_, page) = get(app, &b, &format!("{path}?lang=fr")).await;
            post(
                app,
                &b,
                &format!("{path}/withdraw?lang=fr"),
                &[("_csrf", &csrf(&page))],
            )
            .await
        }
    };

    // Amina signs; then someone else with her CIN: the same redirect, the same page.
    let amina = logged_in_browser(&app, "amina@tawasol.test").await;
    let g = logged_in_browser(&app, "guesser@tawasol.test").await;
    let first = sign(amina.clone(), "أمينة العلوي").await;
    assert_eq!(first.status(), 303);
    let reused = sign(g.clone(), "Amina Alaoui").await;
    assert_eq!(reused.status(), 303, "a used CIN is not announced");
    assert_eq!(location(&reused), location(&first));
    let (_, page) = get(&app, &g, &format!("{path}?lang=fr")).await;
    assert!(page.contains("Vous avez signé") && page.contains("2 signatures sur"));

    // Withdraw, sign, withdraw, sign: five steps; the sixth is a page saying to wait.
    assert_eq!(withdraw(g.clone()).await.status(), 303);
    assert_eq!(sign(g.clone(), "Amina Alaoui").await.status(), 303);
    assert_eq!(withdraw(g.clone()).await.status(), 303);
    assert_eq!(sign(g.clone(), "Amina Alaoui").await.status(), 303);
    let res = withdraw(g.clone()).await;
    assert_eq!(res.status(), 429);
    assert!(res.headers().contains_key("retry-after"));
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let page = res.text().await.unwrap();
    assert!(
        page.contains("<html lang=\"fr\""),
        "in the reader's language"
    );
    assert!(page.contains("Trop de tentatives"), "{page}");
    assert!(!page.contains(SIGNER_CIN));

    // The next day it works again.
    app.clock
        .advance(chrono::TimeDelta::days(1) + chrono::TimeDelta::minutes(1));
    assert_eq!(withdraw(g.clone()).await.status(), 303);
    let (_, page) = get(&app, &g, &format!("{path}?lang=fr")).await;
    assert!(page.contains("1 signature sur"), "{page}");
}

/// An association's petition collects no signatures (Organic Law 113-14): its page says what
/// applies instead (the conditions and the documents), its steps skip the collecting one and never
/// say "enough signatures", and the lists do not count "0 signatures of 200" for it.
#[tokio::test]
async fn an_association_petition_says_what_applies_to_it_instead_of_a_signature_count() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let admin = admin(&app, &catcher).await;
    verified_user(&app, &catcher, "president@tawasol.test", "fr").await;
    let res = app
        .post(
            "/api/v1/admin/organisations",
            Some(&admin),
            &json!({"name": "Jil Sahara", "founded_on": "2010-03-01", "head_office_commune": "tan-tan", "purpose": "Environnement et démocratie locale"}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let org = res.json::<serde_json::Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap();
    let res = app
        .post(
            &format!("/api/v1/admin/organisations/{org}/members"),
            Some(&admin),
            &json!({"email": "president@tawasol.test", "representative": true}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let b = logged_in_browser(&app, "president@tawasol.test").await;

    // From the commune's page, the form; the association files, declaring the law's conditions.
    let (_, commune) = get(&app, &b, "/communes/tan-tan?lang=fr").await;
    let new = crate::web::link_to(&commune, "Lancer une pétition");
    let (_, form) = get(&app, &b, &new).await;
    let org_id = org.to_string();
    let res = post(
        &app,
        &b,
        &new,
        &[
            ("_csrf", &csrf(&form)),
            ("title", "Une décharge contrôlée"),
            (
                "request",
                "Aménager une décharge contrôlée loin des maisons.",
            ),
            (
                "reasons",
                "Les déchets brûlent à ciel ouvert près du quartier.",
            ),
            ("filer_type", "association"),
            ("organisation_id", &org_id),
            ("in_good_standing", "on"),
            ("office_in_commune", "on"),
            ("activity_linked_to_subject", "on"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let path = location(&res);
    let (_, draft) = get(&app, &b, &format!("{path}?lang=fr")).await;
    let res = post(
        &app,
        &b,
        &format!("{path}/step"),
        &[("_csrf", &csrf(&draft)), ("to", "ready")],
    )
    .await;
    assert_eq!(res.status(), 303);

    let anon = browser();
    for (lang, rule, listed, counted, steps_said, not_said) in [
        (
            "fr",
            "Une association ne recueille pas de signatures (loi organique 113-14)",
            "Pétition d’association : aucune signature requise",
            "sur 200",
            "L’association réunit ses pièces",
            [
                "Les habitants signent ici",
                "Assez de signatures",
                "Signataires publics",
            ],
        ),
        (
            "ar",
            "لا تجمع الجمعية توقيعات (القانون التنظيمي 113.14)",
            "عريضة جمعية: لا تحتاج إلى توقيعات",
            "من أصل 200",
            "تجمع الجمعية وثائقها",
            ["يوقع السكان هنا", "التوقيعات كافية", "الموقعون العلنيون"],
        ),
        (
            "zgh",
            "ⵜⴰⵎⵙⵙⵓⴷⵙⵜ ⵓⵔ ⵜⵙⵎⵓⵜⵜⵓⵢ ⵜⵉⵙⵎⴰⵍ (ⴰⵣⵔⴼ ⴰⵏⴰⵎⵓⵔ 113-14)",
            "ⵜⵓⵙⵏⵉⵜ ⵏ ⵜⵎⵙⵙⵓⴷⵙⵜ: ⵓⵔ ⵜⵃⵜⴰⵊ ⵜⵉⵙⵎⴰⵍ",
            "ⵙⴳ 200",
            "ⵜⴰⵎⵙⵙⵓⴷⵙⵜ ⵜⵙⵎⵓⵜⵜⵓⵢ ⵉⵙⵔⴰⴳⵏ",
            ["ⵉⵣⴷⵖⵏ ⵙⵎⴰⵍⵏ ⴷⵖⵉ", "ⵜⵉⵙⵎⴰⵍ ⵙⵡⴰⵏⵜ", "ⵉⵎⵙⵎⴰⵍⵏ ⵉⴳⴷⵓⴷⴰⵏⵏ"],
        ),
    ] {
        // The petition's page, as anyone reads it: the rule that applies, its own steps.
        let (status, page) = get(&app, &anon, &format!("{path}?lang={lang}")).await;
        assert_eq!(status, 200);
        assert_translated(&page, &path);
        assert!(page.contains(rule), "{lang}: the rule that applies");
        assert!(!page.contains("<progress"), "{lang}: no signature bar");
        assert!(!page.contains(counted), "{lang}: no count of signatures");
        assert!(
            page.contains(steps_said),
            "{lang}: the association's own step"
        );
        for said in not_said {
            assert!(!page.contains(said), "{lang}: {said}");
        }
        // The lists it appears in, reached by the page's own links: the commune's page and the
        // commune's petitions.
        for href in [
            crate::web::link_to(&page, "#petitions\""),
            crate::web::link_to(&page, "?commune=tan-tan\""),
        ] {
            let (status, html) = get(&app, &anon, &href).await;
            assert_eq!(status, 200, "{href}");
            let item = &html[html.find("Une décharge contrôlée").unwrap()..];
            let item = &item[..item.find("</li>").unwrap()];
            assert!(item.contains(listed), "{lang} {href}: {item}");
            assert!(!item.contains(counted), "{lang} {href}: {item}");
        }
    }
}
