//! The officials' desk and the moderators' queue, as a browser without JavaScript uses them.

use crate::web::{
    assert_translated, browser, csrf, get, link_to, location, logged_in_browser, post,
};
use reqwest::Method;
use serde_json::{Value, json};
use tawasol_tests::{TestApp, access, admin, login, mail_to, spawn_with_mail, verified_user};

async fn json_of(res: reqwest::Response) -> Value {
    res.json().await.unwrap()
}

async fn report(app: &TestApp, resident: &str, title: &str) -> i64 {
    json_of(
        app.post(
            "/api/v1/issues",
            Some(resident),
            &json!({"commune": "tangier", "category": "public_lighting", "title": title, "description": "Éteint depuis trois nuits, la rue est dans le noir."}),
        )
        .await,
    )
    .await["id"]
        .as_i64()
        .unwrap()
}

/// An admin, an official of Tangier, a moderator of Tangier and a resident (with a token).
async fn cast(app: &TestApp, catcher: &tawasol_tests::smtp::SmtpCatcher) -> String {
    let admin = admin(app, catcher).await;
    verified_user(app, catcher, "official@tawasol.test", "fr").await;
    verified_user(app, catcher, "mod@tawasol.test", "fr").await;
    let res = app
        .post(
            "/api/v1/admin/officials",
            Some(&admin),
            &json!({"email": "official@tawasol.test", "commune": "tangier", "title": "Chef du service de l'éclairage"}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let res = app
        .post(
            "/api/v1/admin/moderators",
            Some(&admin),
            &json!({"email": "mod@tawasol.test", "commune": "tangier"}),
        )
        .await;
    assert!(res.status().is_success(), "{}", res.status());
    access(&verified_user(app, catcher, "resident@tawasol.test", "fr").await)
}

/// How many replies the public sees on an issue.
async fn thread_len(app: &TestApp, id: i64) -> usize {
    json_of(app.get(&format!("/api/v1/issues/{id}")).await).await["thread"]
        .as_array()
        .unwrap()
        .len()
}

/// The list of a desk's group, reached by its tab.
async fn desk_group(app: &TestApp, b: &reqwest::Client, tab: &str) -> String {
    let (_, desk) = get(app, b, "/desk?lang=fr").await;
    let (status, page) = get(app, b, &link_to(&desk, tab)).await;
    assert_eq!(status, 200);
    section(&page, "id=\"desk-list\"", "Pétitions de la commune").to_owned()
}

/// The part of a page between two headings.
fn section<'a>(html: &'a str, from: &str, to: &str) -> &'a str {
    let start = html
        .find(from)
        .unwrap_or_else(|| panic!("{from} in the page"));
    let end = html[start..].find(to).map_or(html.len(), |e| start + e);
    &html[start..end]
}

#[tokio::test]
async fn web_desk_and_moderation_pages_render_in_each_language_for_their_people_only() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let resident = cast(&app, &catcher).await;
    report(&app, &resident, "Lampadaire éteint rue des Oliviers").await;
    let official = logged_in_browser(&app, "official@tawasol.test").await;
    let moderator = logged_in_browser(&app, "mod@tawasol.test").await;
    for (lang, dir) in [("ar", "rtl"), ("fr", "ltr"), ("zgh", "ltr")] {
        for (b, path, link) in [
            (&official, "/desk", "href=\"/desk\""),
            (&moderator, "/moderation", "href=\"/moderation\""),
        ] {
            let url = format!("{path}?lang={lang}");
            let (status, html) = get(&app, b, &url).await;
            assert_eq!(status, 200, "{url}");
            assert!(
                html.contains(&format!("<html lang=\"{lang}\" dir=\"{dir}\">")),
                "{url}"
            );
            assert!(html.contains(link), "{url}: the navigation links it");
            assert_translated(&html, &url);
        }
    }
    // Only officials have a desk; only moderators a queue; the others are told why, as a page.
    let b = logged_in_browser(&app, "resident@tawasol.test").await;
    let (status, html) = get(&app, &b, "/desk?lang=fr").await;
    assert_eq!(status, 403);
    assert!(html.contains("<html lang=\"fr\""));
    assert!(
        !html.contains("href=\"/desk\""),
        "no desk link for a resident"
    );
    let (status, _) = get(&app, &b, "/moderation").await;
    assert_eq!(status, 403);
    let (status, _) = get(&app, &official, "/moderation").await;
    assert_eq!(status, 403, "an official is not a moderator");
    // Anonymous visitors log in first, and come back.
    let res = browser().get(app.url("/desk")).send().await.unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), "/login?next=/desk");
    drop(catcher);
}

#[tokio::test]
async fn web_desk_an_official_answers_and_acknowledges_in_one_form() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let resident = cast(&app, &catcher).await;
    let fresh = report(&app, &resident, "Lampadaire éteint rue des Oliviers").await;
    let old = report(&app, &resident, "Poteau tombé avenue Pasteur").await;
    app.sql(&format!(
        "UPDATE issues SET created_at = '2026-01-05 08:00:00' WHERE id = {old}"
    ));
    let o = logged_in_browser(&app, "official@tawasol.test").await;
    let new = desk_group(&app, &o, "Nouveaux signalements").await;
    assert!(
        new.contains(&format!("href=\"/issues/{fresh}#answer\"")),
        "{new}"
    );
    assert!(!new.contains("Poteau tombé"), "an overdue issue is not new");
    let overdue = desk_group(&app, &o, "En retard").await;
    assert!(
        overdue.contains(&format!("href=\"/issues/{old}#answer\"")),
        "{overdue}"
    );
    assert!(overdue.contains("jours de retard"), "{overdue}");

    // The page holds the answer form, with the statuses allowed from "submitted".
    let path = format!("/issues/{fresh}");
    let (_, page) = get(&app, &o, &format!("{path}?lang=fr")).await;
    assert!(page.contains(&format!("action=\"{path}/answer\"")));
    assert!(page.contains("<option value=\"acknowledged\""));
    assert!(!page.contains("<option value=\"submitted\""));
    let token = csrf(&page);
    // Without the token: refused, nothing posted.
    let res = post(
        &app,
        &o,
        &format!("{path}/answer"),
        &[("body", "Sans jeton."), ("status", "acknowledged")],
    )
    .await;
    assert_eq!(res.status(), 403);
    // "Planned" without a date: the form again with the reason and what was typed.
    let res = post(
        &app,
        &o,
        &format!("{path}/answer"),
        &[
            ("_csrf", &token),
            ("body", "Nous planifions la réparation."),
            ("status", "planned"),
            ("expected_on", ""),
        ],
    )
    .await;
    assert_eq!(res.status(), 200);
    let again = res.text().await.unwrap();
    assert!(again.contains("role=\"alert\""), "{again}");
    assert!(again.contains("Nous planifions la réparation."));
    assert!(again.contains("<option value=\"planned\" selected"));
    assert_translated(&again, "the answer form with an error");
    // The answer and the acknowledgement, in one form.
    let res = post(
        &app,
        &o,
        &format!("{path}/answer"),
        &[
            ("_csrf", &token),
            ("body", "Une équipe passe demain matin."),
            ("status", "acknowledged"),
            ("note", ""),
            ("expected_on", ""),
            ("responsible_body", ""),
            ("duplicate_of", ""),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    assert!(location(&res).starts_with(&format!("{path}#reply-")));
    let seen = json_of(
        app.send(
            Method::GET,
            &format!("/api/v1/issues/{fresh}"),
            Some(&resident),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(seen["status"], "acknowledged");
    assert_eq!(
        seen["thread"].as_array().unwrap().len(),
        1,
        "one answer only"
    );
    assert_eq!(seen["thread"][0]["official_answer"], true);
    assert_eq!(seen["thread"][0]["body"], "Une équipe passe demain matin.");
    assert_eq!(seen["history"][0]["to"], "acknowledged");

    // Answered: off the "new" list; the resident replies: waiting for the official.
    assert!(
        !desk_group(&app, &o, "Nouveaux signalements")
            .await
            .contains("Oliviers")
    );
    assert!(
        !desk_group(&app, &o, "En attente")
            .await
            .contains("Oliviers")
    );
    let res = app
        .post(
            &format!("/api/v1/issues/{fresh}/replies"),
            Some(&resident),
            &json!({"body": "Personne n'est venu ce matin."}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let waiting = desk_group(&app, &o, "En attente").await;
    assert!(
        waiting.contains(&format!("href=\"/issues/{fresh}#answer\"")),
        "{waiting}"
    );
    // A resident has no answer form, and cannot use it.
    let b = logged_in_browser(&app, "resident@tawasol.test").await;
    let (_, page) = get(&app, &b, &path).await;
    assert!(!page.contains("/answer\""));
    let res = post(
        &app,
        &b,
        &format!("{path}/answer"),
        &[
            ("_csrf", &csrf(&page)),
            ("body", "Je change l'état ?"),
            ("status", "resolved"),
        ],
    )
    .await;
    assert_eq!(
        res.status(),
        403,
        "only an official in scope answers officially"
    );
    let seen = json_of(app.get(&format!("/api/v1/issues/{fresh}")).await).await;
    assert_eq!(
        seen["thread"].as_array().unwrap().len(),
        2,
        "nothing posted"
    );
    drop(catcher);
}

#[tokio::test]
async fn web_desk_a_moderator_hides_and_restores_a_flagged_reply_with_forms() {
    let (app, catcher) = spawn_with_mail(&[
        ("TAWASOL_RATE_LIMITS", "off"),
        ("TAWASOL_FLAG_THRESHOLD", "1"),
    ])
    .await;
    let resident = cast(&app, &catcher).await;
    let id = report(&app, &resident, "Lampadaire éteint rue des Oliviers").await;
    let reply = json_of(
        app.post(
            &format!("/api/v1/issues/{id}/replies"),
            Some(&resident),
            &json!({"body": "Un message insultant pour le voisin."}),
        )
        .await,
    )
    .await["id"]
        .as_i64()
        .unwrap();
    let flagger = access(&verified_user(&app, &catcher, "flagger@tawasol.test", "fr").await);
    let res = app
        .post(
            &format!("/api/v1/replies/{reply}/flag"),
            Some(&flagger),
            &json!({"reason": "Insultant"}),
        )
        .await;
    assert_eq!(res.status(), 204);
    assert_eq!(thread_len(&app, id).await, 0, "hidden after the flag");
    let m = logged_in_browser(&app, "mod@tawasol.test").await;
    let (_, queue) = get(&app, &m, "/moderation?lang=fr").await;
    assert!(
        queue.contains("Un message insultant pour le voisin."),
        "{queue}"
    );
    assert!(queue.contains(&format!("action=\"/moderation/replies/{reply}\"")));
    let target = format!("/moderation/replies/{reply}");
    // Without the token: refused.
    let res = post(
        &app,
        &m,
        &target,
        &[("action", "restore"), ("reason", "Rien d'insultant.")],
    )
    .await;
    assert_eq!(res.status(), 403);
    assert_eq!(thread_len(&app, id).await, 0);
    // Restore, then hide again, with the forms.
    let res = post(
        &app,
        &m,
        &target,
        &[
            ("_csrf", &csrf(&queue)),
            ("action", "restore"),
            ("reason", "Rien d'insultant."),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), "/moderation");
    assert_eq!(thread_len(&app, id).await, 1, "restored");
    let (_, queue) = get(&app, &m, "/moderation?lang=fr").await;
    assert!(!queue.contains("Un message insultant"), "off the queue");
    let res = post(
        &app,
        &m,
        &target,
        &[
            ("_csrf", &csrf(&queue)),
            ("action", "hide"),
            ("reason", "Insulte envers un voisin."),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    assert_eq!(thread_len(&app, id).await, 0, "hidden");
    let (_, queue) = get(&app, &m, "/moderation?lang=fr").await;
    assert!(queue.contains("Masqué"), "{queue}");
    // A reason is required: the refusal is a page.
    let res = post(
        &app,
        &m,
        &target,
        &[
            ("_csrf", &csrf(&queue)),
            ("action", "restore"),
            ("reason", " "),
        ],
    )
    .await;
    assert_eq!(
        res.status(),
        200,
        "the queue again, with the reason to give"
    );
    drop(catcher);
}

#[tokio::test]
async fn web_desk_pages_weigh_less_than_60_kb() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let resident = cast(&app, &catcher).await;
    for n in 0..30 {
        report(&app, &resident, &format!("Lampadaire éteint rue {n}")).await;
    }
    let official = logged_in_browser(&app, "official@tawasol.test").await;
    let moderator = logged_in_browser(&app, "mod@tawasol.test").await;
    let size = |b: &reqwest::Client, path: String| {
        let (b, app) = (b.clone(), &app);
        async move {
            let res = b
                .get(app.url(&path))
                .header("accept-encoding", "br, gzip")
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 200, "{path}");
            res.bytes().await.unwrap().len()
        }
    };
    let plain = browser();
    let css = size(&plain, "/static/tawasol.css".into()).await;
    let js = size(&plain, "/static/locate.js".into()).await;
    let font = size(&plain, "/static/noto-sans-tifinagh.woff2".into()).await;
    for lang in ["ar", "fr", "zgh"] {
        for (b, path) in [
            (&official, "/desk"),
            (&moderator, "/moderation"),
            (&official, "/issues/1"),
        ] {
            let html = size(b, format!("{path}?lang={lang}")).await;
            let total = html + css + js + if lang == "zgh" { font } else { 0 };
            assert!(total < 60 * 1024, "{lang} {path} weighs {total} bytes");
        }
    }
    drop(catcher);
}

#[tokio::test]
async fn web_desk_an_answer_with_a_planned_date_is_one_mail_and_the_page_says_planned_for() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    cast(&app, &catcher).await;
    // A resident who reads Arabic.
    let amina = access(&verified_user(&app, &catcher, "amina@tawasol.test", "ar").await);
    let id = report(&app, &amina, "Lampadaire éteint rue des Oliviers").await;
    // The official hears of it by name, in words, not codes.
    let new = mail_to(&catcher, "official@tawasol.test", 2).await;
    let told = new
        .iter()
        .find(|m| m.subject().starts_with("Nouveau signalement"))
        .expect("the new-report mail")
        .body("text/plain");
    assert!(told.contains("(Tanger, Éclairage public)"), "{told}");
    assert!(!told.contains("tangier") && !told.contains("public_lighting"));
    let before = mail_to(&catcher, "amina@tawasol.test", 1).await.len();

    // The official: from the home page to the desk, to the issue, and its form.
    let o = logged_in_browser(&app, "official@tawasol.test").await;
    let (_, home) = get(&app, &o, "/?lang=fr").await;
    let (_, desk) = get(&app, &o, &link_to(&home, "Mon bureau")).await;
    let path = link_to(&desk, "Lampadaire éteint rue des Oliviers");
    let (_, page) = get(&app, &o, &path).await;
    let path = path.split('#').next().unwrap().to_owned();
    // An official does not support what they answer.
    assert!(
        !page.contains(&format!("action=\"{path}/support\"")),
        "{page}"
    );
    let token = csrf(&page);
    // A wrong date posts nothing: the reason sits next to its field, the text is kept.
    let res = post(
        &app,
        &o,
        &format!("{path}/answer"),
        &[
            ("_csrf", &token),
            ("body", "Le remplacement est commandé."),
            ("status", "planned"),
            ("expected_on", "le 15"),
        ],
    )
    .await;
    assert_eq!(res.status(), 200);
    let again = res.text().await.unwrap();
    assert!(again.contains("role=\"alert\""));
    assert!(again.contains("aria-describedby=\"error-expected_on\""));
    assert!(again.contains("id=\"error-expected_on\""));
    assert!(again.contains("Le remplacement est commandé."));
    assert!(again.contains("value=\"le 15\""));
    assert_eq!(thread_len(&app, id).await, 0, "nothing posted");
    // The answer and "planned for" a day, in one form.
    let res = post(
        &app,
        &o,
        &format!("{path}/answer"),
        &[
            ("_csrf", &token),
            ("body", "Le remplacement est commandé."),
            ("status", "planned"),
            ("note", ""),
            ("expected_on", "2030-12-15"),
            ("responsible_body", ""),
            ("duplicate_of", ""),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    // The page says when, in the status line and the history, as each language writes it.
    let (_, fr) = get(&app, &o, &format!("{path}?lang=fr")).await;
    assert_eq!(
        fr.matches("Programmé pour le 15 décembre 2030").count(),
        2,
        "{fr}"
    );
    let (_, ar) = get(&app, &browser(), &format!("{path}?lang=ar")).await;
    assert!(ar.contains("مبرمج ليوم 15 دجنبر 2030"));
    // One mail to the resident, in Arabic, with the answer and the planned day.
    mail_to(&catcher, "amina@tawasol.test", before + 1).await;
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    let mails: Vec<_> = catcher
        .mails()
        .into_iter()
        .filter(|m| m.to.iter().any(|t| t == "amina@tawasol.test"))
        .skip(before)
        .collect();
    assert_eq!(mails.len(), 1, "one mail for the answer and the status");
    let mail = mails[0].body("text/plain");
    assert!(mails[0].subject().contains("رد رسمي"));
    assert!(mail.contains("Le remplacement est commandé."), "{mail}");
    assert!(mail.contains("مبرمج ليوم 15 دجنبر 2030"), "{mail}");

    // By REST, the same step: one more mail, with the answer and the new status.
    let karim = access(&login(&app, "official@tawasol.test").await);
    let res = app
        .post(
            &format!("/api/v1/issues/{id}/answer"),
            Some(&karim),
            &json!({"body": "Les travaux commencent.", "status": {"status": "in_progress"}}),
        )
        .await;
    assert_eq!(res.status(), 201);
    assert_eq!(json_of(res).await["official_answer"], true);
    mail_to(&catcher, "amina@tawasol.test", before + 2).await;
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    let mails: Vec<_> = catcher
        .mails()
        .into_iter()
        .filter(|m| m.to.iter().any(|t| t == "amina@tawasol.test"))
        .skip(before)
        .collect();
    assert_eq!(mails.len(), 2, "one mail per answer with its status");
    let mail = mails[1].body("text/plain");
    assert!(mail.contains("Les travaux commencent."), "{mail}");
    assert!(mail.contains("في طور الإنجاز"), "{mail}");
    // Nobody else answers for the commune.
    let resident = access(&login(&app, "resident@tawasol.test").await);
    let res = app
        .post(
            &format!("/api/v1/issues/{id}/answer"),
            Some(&resident),
            &json!({"body": "Je réponds à sa place."}),
        )
        .await;
    assert_eq!(res.status(), 403);

    // REST refuses the official's "me too", saying why; a resident may.
    let res = app
        .send(
            Method::PUT,
            &format!("/api/v1/issues/{id}/support"),
            Some(&karim),
            None,
        )
        .await;
    assert_eq!(res.status(), 409);
    let problem = json_of(res).await;
    assert_eq!(problem["type"], "/problems/conflict");
    let res = app
        .send(
            Method::PUT,
            &format!("/api/v1/issues/{id}/support"),
            Some(&resident),
            None,
        )
        .await;
    assert_eq!(res.status(), 204);
    drop(catcher);
}

/// The issues a desk's list shows, in its order.
fn listed(page: &str) -> Vec<i64> {
    let list = section(page, "id=\"desk-list\"", "Pétitions de la commune");
    list.split("href=\"/issues/")
        .skip(1)
        .map(|s| s.split('#').next().unwrap().parse().unwrap())
        .collect()
}

#[tokio::test]
async fn web_desk_an_official_filters_sorts_and_pages_the_inbox_by_its_links() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let resident = cast(&app, &catcher).await;
    let mut lighting = Vec::new();
    for n in 0..28 {
        lighting.push(report(&app, &resident, &format!("Lampadaire éteint rue {n}")).await);
    }
    let mut waste = Vec::new();
    for street in ["Pasteur", "Moulay Youssef"] {
        let res = app
            .post(
                "/api/v1/issues",
                Some(&resident),
                &json!({"commune": "tangier", "category": "waste_cleanliness", "title": format!("Dépôt d'ordures avenue {street}"), "description": "Les sacs s'entassent depuis une semaine au coin de la rue."}),
            )
            .await;
        waste.push(json_of(res).await["id"].as_i64().unwrap());
    }
    // Supports, as the residents gave them.
    app.sql(&format!(
        "UPDATE issues SET support_count = 9 WHERE id = {}",
        lighting[20]
    ));
    app.sql(&format!(
        "UPDATE issues SET support_count = 4 WHERE id = {}",
        waste[1]
    ));

    // From the home page to the desk, by its link: every open issue, oldest first.
    let o = logged_in_browser(&app, "official@tawasol.test").await;
    let (_, home) = get(&app, &o, "/?lang=fr").await;
    let (status, desk) = get(&app, &o, &link_to(&home, "Mon bureau")).await;
    assert_eq!(status, 200);
    assert_translated(&desk, "the desk");
    assert!(desk.contains("Tous les signalements ouverts <span class=\"count\">(30)</span>"));
    assert!(desk.contains("Programmés <span class=\"count\">(0)</span>"));
    let first = listed(&desk);
    assert_eq!(first.len(), 25, "a bounded page");
    assert_eq!(first[0], lighting[0], "oldest first");
    // Each row: its category, its age, when it is due, its supports.
    assert!(desk.contains("Éclairage public"));
    assert!(desk.contains("signalé aujourd’hui"));
    assert!(desk.contains("réponse attendue dans 7 jours"));
    assert!(desk.contains("aucun soutien"));

    // The next page, by its link: the rest, none twice.
    let (_, second) = get(&app, &o, &link_to(&desk, "Page suivante")).await;
    let rest = listed(&second);
    assert_eq!(rest.len(), 5);
    assert!(rest.iter().all(|id| !first.contains(id)));
    assert!(!second.contains("Page suivante"), "the last page");
    assert!(second.contains("Retour à la première page"));

    // The filter form, as a browser sends it: one category, only its issues.
    assert!(desk.contains("<form method=\"get\" action=\"/desk\""));
    assert!(desk.contains("<option value=\"waste_cleanliness\">Déchets et propreté</option>"));
    let (_, only) = get(
        &app,
        &o,
        "/desk?group=all&category=waste_cleanliness&arrondissement=&sort=oldest",
    )
    .await;
    assert_eq!(listed(&only), waste);
    assert!(only.contains("<option value=\"waste_cleanliness\" selected>"));
    assert!(only.contains("Tous les signalements ouverts <span class=\"count\">(2)</span>"));
    // Sorted by support, from the same form: the most supported first, across pages.
    let (_, supported) = get(
        &app,
        &o,
        "/desk?group=all&category=&arrondissement=&sort=most_supported",
    )
    .await;
    let order = listed(&supported);
    assert_eq!(order[..2], [lighting[20], waste[1]]);
    assert!(supported.contains("9 soutiens"));
    let (_, more) = get(&app, &o, &link_to(&supported, "Page suivante")).await;
    let more = listed(&more);
    assert_eq!(more.len(), 5);
    assert!(more.iter().all(|id| !order.contains(id)));
    // A group with nothing in it says so; its tab keeps the category chosen.
    let (_, narrowed) = get(
        &app,
        &o,
        "/desk?group=all&category=waste_cleanliness&arrondissement=&sort=oldest",
    )
    .await;
    let (_, planned) = get(&app, &o, &link_to(&narrowed, "Programmés")).await;
    assert!(planned.contains("<option value=\"waste_cleanliness\" selected>"));
    assert!(listed(&planned).is_empty());
    assert!(planned.contains("Aucun signalement ouvert ne correspond à ces critères."));
    // In every language.
    for lang in ["ar", "zgh"] {
        let (status, page) = get(&app, &o, &format!("/desk?lang={lang}&group=overdue")).await;
        assert_eq!(status, 200);
        assert_translated(&page, lang);
    }
    drop(catcher);
}
