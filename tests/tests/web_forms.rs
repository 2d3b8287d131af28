//! A refused form comes back on the same page, with what was typed and the reason beside each
//! field (tied to it for screen readers, announced above the form), in the reader's language; a
//! refusal that cannot be shown on its form names what to correct and leads back to it.

use crate::web::{assert_translated, csrf, get, link_to, logged_in_browser, post};
use serde_json::json;
use tawasol_tests::{access, spawn_with_mail, verified_user};

/// The note beside `field`, and the field tied to it.
fn assert_noted(page: &str, field: &str, said: &str) {
    let note = format!(r#"<p class="error fix" id="error-{field}">{said}</p>"#);
    assert!(page.contains(&note), "{note} beside the field in\n{page}");
    assert!(
        page.contains(&format!(
            r#" aria-invalid="true" aria-describedby="error-{field}""#
        )),
        "the {field} field points at its note"
    );
    // Listed above the form, announced, leading to the note.
    assert!(page.contains(r#"role="alert""#));
    assert!(page.contains(&format!(r##"<a href="#error-{field}">{said}</a>"##)));
}

#[tokio::test]
async fn a_refused_form_comes_back_with_what_was_typed_and_the_reason_beside_each_field() {
    let (app, catcher) = spawn_with_mail(&[]).await;
    verified_user(&app, &catcher, "salma@tawasol.test", "fr").await;
    let b = logged_in_browser(&app, "salma@tawasol.test").await;

    // The report form, reached from the home page by its links.
    let (_, home) = get(&app, &b, "/").await;
    let (_, commune) = get(&app, &b, &link_to(&home, "Tanger")).await;
    let form_path = link_to(&commune, "Signaler un problème</a></p>");
    let (_, form) = get(&app, &b, &form_path).await;
    let description = "Le lampadaire devant l’école est éteint depuis dix jours.";
    let res = post(
        &app,
        &b,
        &form_path,
        &[
            ("_csrf", &csrf(&form)),
            ("category", "public_lighting"),
            ("title", "ab"),
            ("description", description),
            ("address", "Rue Ibn Battouta"),
            ("post_anyway", "1"),
        ],
    )
    .await;
    assert_eq!(res.status(), 200, "the form again");
    let page = res.text().await.unwrap();
    assert_noted(
        &page,
        "title",
        "Donnez un titre de 5 à 140 caractères, sur une ligne.",
    );
    assert!(page.contains(description), "the description is kept");
    assert!(
        page.contains(r#"value="Rue Ibn Battouta""#),
        "the address is kept"
    );
    assert!(page.contains(r#"value="ab""#), "the title as typed");
    assert!(
        !page.contains("listés dans errors"),
        "no word of the API's error list on a page"
    );
    assert_translated(&page, "the refused report form");

    // A reply too long, on the issue's page: the text stays in the box.
    let other = access(&verified_user(&app, &catcher, "omar@tawasol.test", "fr").await);
    let issue = app
        .post(
            "/api/v1/issues",
            Some(&other),
            &json!({"commune": "tangier", "category": "public_lighting", "title": "Lampadaire éteint", "description": "Plus de lumière depuis une semaine dans la rue."}),
        )
        .await;
    assert_eq!(issue.status(), 201);
    let id = issue.json::<serde_json::Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap();
    let (_, issue_page) = get(&app, &b, &format!("/issues/{id}")).await;
    let long = "é".repeat(5001);
    let res = post(
        &app,
        &b,
        &format!("/issues/{id}/replies"),
        &[("_csrf", &csrf(&issue_page)), ("body", &long)],
    )
    .await;
    assert_eq!(res.status(), 200, "the issue's page again");
    let page = res.text().await.unwrap();
    assert_noted(
        &page,
        "body",
        "Écrivez une réponse de 1 à 5 000 caractères.",
    );
    assert!(page.contains(&long), "the reply as typed, in its box");
    assert!(
        page.contains("Lampadaire éteint"),
        "on the issue's own page"
    );

    // A petition whose title is too short: the request and the reasons stay.
    let (_, commune) = get(&app, &b, "/communes/tangier").await;
    let new_path = link_to(&commune, "Lancer une pétition");
    let (_, form) = get(&app, &b, &new_path).await;
    let request = "Inscrire à l’ordre du jour l’éclairage du quartier Marshan.";
    let res = post(
        &app,
        &b,
        &new_path,
        &[
            ("_csrf", &csrf(&form)),
            ("title", "ab"),
            ("request", request),
            ("reasons", "Le quartier est dans le noir depuis des mois."),
            ("filer_type", "citizens"),
        ],
    )
    .await;
    assert_eq!(res.status(), 200);
    let page = res.text().await.unwrap();
    assert_noted(
        &page,
        "title",
        "Donnez un titre de 5 à 200 caractères, sur une ligne.",
    );
    assert!(page.contains(request), "the request is kept");
}

#[tokio::test]
async fn a_refused_form_speaks_the_readers_language() {
    let (app, catcher) = spawn_with_mail(&[]).await;
    verified_user(&app, &catcher, "nadia@tawasol.test", "ar").await;
    let b = logged_in_browser(&app, "nadia@tawasol.test").await;
    let (_, form) = get(&app, &b, "/communes/tangier/report?lang=ar").await;
    let res = post(
        &app,
        &b,
        "/communes/tangier/report",
        &[
            ("_csrf", &csrf(&form)),
            ("category", "public_lighting"),
            ("title", "مصباح الشارع معطل"),
            ("description", "قصير"),
            ("post_anyway", "1"),
        ],
    )
    .await;
    assert_eq!(res.status(), 200);
    let page = res.text().await.unwrap();
    assert!(page.contains(r#"lang="ar""#) && page.contains(r#"dir="rtl""#));
    assert!(page.contains(r#"id="error-description""#));
    assert!(page.contains("مصباح الشارع معطل"), "the title is kept");
    assert!(
        !page.contains("Décrivez") && !page.contains("في errors"),
        "in Arabic, without the API's words"
    );
    assert_translated(&page, "the refused report form in Arabic");
}

#[tokio::test]
async fn a_refusal_that_cannot_stand_on_its_form_names_what_to_correct_and_leads_back() {
    let (app, catcher) = spawn_with_mail(&[]).await;
    verified_user(&app, &catcher, "youssef@tawasol.test", "fr").await;
    let b = logged_in_browser(&app, "youssef@tawasol.test").await;
    let (_, me) = get(&app, &b, "/me").await;
    // A value the account page's own choices never send (an old form, a tampered one).
    let res = b
        .post(app.url("/me/notifications"))
        .header("Referer", app.url("/me"))
        .form(&[
            ("_csrf", csrf(&me).as_str()),
            ("issue_updates", "on"),
            ("official_new_issues", "weekly"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let page = res.text().await.unwrap();
    assert!(page.contains("Corrigez ces points"), "{page}");
    assert!(page.contains("Choisissez immediate ou off."));
    assert!(!page.contains("listés dans errors"));
    assert!(
        page.contains(r#"<a href="/me">Revenir au formulaire</a>"#),
        "the way back to the form: {page}"
    );
    assert_translated(&page, "a refusal page");
}
