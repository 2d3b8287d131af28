//! One text rule for every stored text, and one personal-data check on every path that creates
//! or changes public text, edits included: NUL and other control characters are refused with
//! 422 naming the field (never a 500 from PostgreSQL, never stored by SQLite), names refuse
//! bidirectional overrides, and personal data cannot reach the public through an edit.

use reqwest::Method;
use serde_json::{Value, json};
use tawasol_tests::{TestApp, access, admin, spawn_with_mail, verified_user};

async fn body(res: reqwest::Response) -> Value {
    res.json().await.unwrap()
}

fn lamp() -> Value {
    json!({
        "commune": "sefrou", "category": "public_lighting",
        "title": "Lampadaire éteint rue Ibn Khaldoun",
        "description": "Le lampadaire devant l'école est éteint depuis une semaine.",
        "address": "Rue Ibn Khaldoun"
    })
}

/// The body with `field` (a `/`-separated path) set to `value`.
fn with(mut body: Value, field: &str, value: &str) -> Value {
    let mut at = &mut body;
    let parts: Vec<&str> = field.split('/').collect();
    for p in &parts[..parts.len() - 1] {
        at = &mut at[*p];
    }
    at[parts[parts.len() - 1]] = json!(value);
    body
}

/// Sends and expects 422 with exactly one error naming `pointer`.
async fn refused(
    app: &TestApp,
    method: Method,
    path: &str,
    token: Option<&str>,
    body_value: Value,
    pointer: &str,
) {
    let res = app
        .send(method.clone(), path, token, Some(&body_value))
        .await;
    let status = res.status();
    let p = body(res).await;
    assert_eq!(status, 422, "{method} {path} {pointer}: {p}");
    assert_eq!(p["type"], "/problems/validation", "{p}");
    let pointers: Vec<&str> = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["pointer"].as_str())
        .collect();
    assert!(pointers.contains(&pointer), "{method} {path}: {p}");
}

#[tokio::test]
async fn control_characters_are_refused_in_every_text_field_with_the_field_named() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let admin = admin(&app, &catcher).await;
    let resident = access(&verified_user(&app, &catcher, "r@tawasol.test", "fr").await);
    let issue = body(app.post("/api/v1/issues", Some(&resident), &lamp()).await).await;
    let id = issue["id"].as_i64().unwrap();
    let reply = body(
        app.post(
            &format!("/api/v1/issues/{id}/replies"),
            Some(&resident),
            &json!({"body": "Toujours éteint ce soir."}),
        )
        .await,
    )
    .await;
    let reply_id = reply["id"].as_i64().unwrap();
    let nul = "Texte avec un caractère nul \u{0} au milieu";
    let bell = "Texte avec une sonnerie \u{7} au milieu";
    for bad in [nul, bell] {
        for field in ["title", "description", "address"] {
            refused(
                &app,
                Method::POST,
                "/api/v1/issues",
                Some(&resident),
                with(lamp(), field, bad),
                &format!("/{field}"),
            )
            .await;
        }
        refused(
            &app,
            Method::POST,
            &format!("/api/v1/issues/{id}/replies"),
            Some(&resident),
            json!({"body": bad}),
            "/body",
        )
        .await;
        refused(
            &app,
            Method::PATCH,
            &format!("/api/v1/issues/{id}/replies/{reply_id}"),
            Some(&resident),
            json!({"body": bad}),
            "/body",
        )
        .await;
        refused(
            &app,
            Method::POST,
            &format!("/api/v1/issues/{id}/flag"),
            Some(&resident),
            json!({"reason": bad}),
            "/reason",
        )
        .await;
        refused(
            &app,
            Method::POST,
            &format!("/api/v1/replies/{reply_id}/flag"),
            Some(&resident),
            json!({"reason": bad}),
            "/reason",
        )
        .await;
        refused(
            &app,
            Method::PATCH,
            "/api/v1/me",
            Some(&resident),
            json!({"display_name": bad}),
            "/display_name",
        )
        .await;
        refused(
            &app,
            Method::POST,
            "/api/v1/auth/register",
            None,
            json!({"email": "new@tawasol.test", "password": "a long enough password", "display_name": bad, "locale": "fr"}),
            "/display_name",
        )
        .await;
        let petition = json!({
            "commune": "sefrou", "title": "Un jardin public au quartier Habbouna",
            "request": "Inscrire l'aménagement d'un jardin public au quartier Habbouna.",
            "reasons": "Aucun espace vert à moins de deux kilomètres du quartier.",
            "filer_type": "citizens"
        });
        for field in ["title", "request", "reasons"] {
            refused(
                &app,
                Method::POST,
                "/api/v1/petitions",
                Some(&resident),
                with(petition.clone(), field, bad),
                &format!("/{field}"),
            )
            .await;
        }
        refused(
            &app,
            Method::PATCH,
            "/api/v1/admin/communes/sefrou",
            Some(&admin),
            json!({"name_fr": bad}),
            "/name_fr",
        )
        .await;
        refused(
            &app,
            Method::POST,
            "/api/v1/admin/organisations",
            Some(&admin),
            json!({"name": bad, "founded_on": "2010-01-01", "head_office_commune": "sefrou", "purpose": "Quartiers de Sefrou."}),
            "/name",
        )
        .await;
        refused(
            &app,
            Method::POST,
            "/api/v1/admin/officials",
            Some(&admin),
            json!({"email": "r@tawasol.test", "commune": "sefrou", "title": bad}),
            "/title",
        )
        .await;
        refused(
            &app,
            Method::POST,
            "/api/v1/admin/api-keys",
            Some(&admin),
            json!({"owner_email": "r@tawasol.test", "name": bad}),
            "/name",
        )
        .await;
    }
    // Query parameters: a NUL never reaches the database.
    for path in [
        "/api/v1/issues?q=lampe%00",
        "/api/v1/issues?commune=sefrou%00",
        "/api/v1/issues?category=%00",
        "/api/v1/petitions?commune=%00",
        "/api/v1/stats?commune=%00",
        "/api/v1/exports/issues.csv?commune=%00",
        "/api/v1/communes?cursor=%00",
    ] {
        let res = app.get(path).await;
        assert_eq!(res.status(), 400, "{path}");
        let p = body(res).await;
        assert_eq!(p["type"], "/problems/invalid-parameter", "{path}: {p}");
    }
    // Nothing of that was stored: the issue and the reply are as they were.
    let read = body(app.get(&format!("/api/v1/issues/{id}")).await).await;
    assert_eq!(read["title"], issue["title"]);
    assert_eq!(read["thread"][0]["body"], "Toujours éteint ce soir.");
    assert_eq!(read["thread"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn lines_keep_newlines_and_tabs_one_line_fields_do_not_and_crlf_becomes_lf() {
    let (app, catcher) = spawn_with_mail(&[]).await;
    let token = access(&verified_user(&app, &catcher, "l@tawasol.test", "fr").await);
    refused(
        &app,
        Method::POST,
        "/api/v1/issues",
        Some(&token),
        with(lamp(), "title", "Lampadaire\téteint rue Ibn Khaldoun"),
        "/title",
    )
    .await;
    let res = app
        .post(
            "/api/v1/issues",
            Some(&token),
            &with(
                lamp(),
                "description",
                "Première ligne : éteint.\r\nDeuxième ligne :\tdepuis lundi.",
            ),
        )
        .await;
    assert_eq!(res.status(), 201);
    let created = body(res).await;
    assert_eq!(
        created["description"],
        "Première ligne : éteint.\nDeuxième ligne :\tdepuis lundi."
    );
}

#[tokio::test]
async fn display_names_refuse_direction_overrides_and_personal_data() {
    let (app, catcher) = spawn_with_mail(&[]).await;
    let token = access(&verified_user(&app, &catcher, "n@tawasol.test", "fr").await);
    for name in [
        "Amina\u{202E}laiciffO",
        "Karim\u{2066}x\u{2069}",
        "Amina 0612345678",
        "Amina AB123456",
        "amina@example.ma",
    ] {
        let res = app
            .send(
                Method::PATCH,
                "/api/v1/me?lang=fr",
                Some(&token),
                Some(&json!({"display_name": name})),
            )
            .await;
        assert_eq!(res.status(), 422, "{name:?}");
        let p = body(res).await;
        assert_eq!(p["errors"][0]["pointer"], "/display_name");
        let detail = p["errors"][0]["detail"].as_str().unwrap();
        assert!(
            detail.contains("sens de lecture") || detail.contains("public"),
            "{name:?}: {detail}"
        );
        let res = app
            .post(
                "/api/v1/auth/register",
                None,
                &json!({"email": "x@tawasol.test", "password": "a long enough password", "display_name": name, "locale": "fr"}),
            )
            .await;
        assert_eq!(res.status(), 422, "register {name:?}");
    }
    // An Arabic name with its right-to-left mark is a name.
    let res = app
        .send(
            Method::PATCH,
            "/api/v1/me",
            Some(&token),
            Some(&json!({"display_name": "أمينة\u{200F}"})),
        )
        .await;
    assert_eq!(res.status(), 200);
}

#[tokio::test]
async fn a_reply_corrected_into_personal_data_is_held_again_and_leaves_the_public_count() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let admin = admin(&app, &catcher).await;
    let author = access(&verified_user(&app, &catcher, "e@tawasol.test", "fr").await);
    let id = body(app.post("/api/v1/issues", Some(&author), &lamp()).await).await["id"]
        .as_i64()
        .unwrap();
    let reply = body(
        app.post(
            &format!("/api/v1/issues/{id}/replies"),
            Some(&author),
            &json!({"body": "Toujours éteint ce soir."}),
        )
        .await,
    )
    .await;
    assert_eq!(reply["visibility"], "public");
    let public = body(app.get(&format!("/api/v1/issues/{id}")).await).await;
    assert_eq!(public["reply_count"], 1);
    let edited = app
        .send(
            Method::PATCH,
            &format!("/api/v1/issues/{id}/replies/{}", reply["id"]),
            Some(&author),
            Some(&json!({"body": "Call me on 0612345678, my CIN is AB123456"})),
        )
        .await;
    assert_eq!(edited.status(), 200);
    let edited = body(edited).await;
    assert_eq!(edited["visibility"], "pending", "the author sees it held");
    let public = app
        .get(&format!("/api/v1/issues/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(!public.contains("0612345678"), "{public}");
    assert!(!public.contains("AB123456"), "{public}");
    let public: Value = serde_json::from_str(&public).unwrap();
    assert_eq!(public["reply_count"], 0, "a held reply is not counted");
    assert_eq!(public["thread"].as_array().unwrap().len(), 0);
    // The moderators find it in their queue.
    let queue = body(
        app.send(Method::GET, "/api/v1/moderation/queue", Some(&admin), None)
            .await,
    )
    .await;
    assert!(
        queue["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["target_type"] == "reply" && e["id"] == reply["id"]),
        "{queue}"
    );
    // A status note is public at once: personal data in it is refused, not held.
    let res = app
        .post(
            &format!("/api/v1/issues/{id}/status"),
            Some(&admin),
            &json!({"status": "rejected", "note": "Appelez le 0612345678"}),
        )
        .await;
    assert_eq!(res.status(), 422);
    assert_eq!(body(res).await["errors"][0]["pointer"], "/note");
}

#[tokio::test]
async fn petitions_refuse_personal_data_in_their_public_text_at_creation_and_in_drafts() {
    let (app, catcher) = spawn_with_mail(&[]).await;
    let agent = access(&verified_user(&app, &catcher, "p@tawasol.test", "fr").await);
    let petition = json!({
        "commune": "sefrou", "title": "Un jardin public au quartier Habbouna",
        "request": "Inscrire l'aménagement d'un jardin public au quartier Habbouna.",
        "reasons": "Aucun espace vert à moins de deux kilomètres du quartier.",
        "filer_type": "citizens"
    });
    refused(
        &app,
        Method::POST,
        "/api/v1/petitions",
        Some(&agent),
        with(
            petition.clone(),
            "reasons",
            "Pour signer, écrivez à agent@example.ma ou au 0612345678.",
        ),
        "/reasons",
    )
    .await;
    let res = app.post("/api/v1/petitions", Some(&agent), &petition).await;
    assert_eq!(res.status(), 201);
    let id = body(res).await["id"].as_i64().unwrap();
    refused(
        &app,
        Method::PATCH,
        &format!("/api/v1/petitions/{id}"),
        Some(&agent),
        json!({"request": "Appeler le 0612345678 pour inscrire le jardin à l'ordre du jour."}),
        "/request",
    )
    .await;
}

#[tokio::test]
async fn titles_and_organisation_names_shown_beside_answers_refuse_personal_data() {
    let (app, catcher) = spawn_with_mail(&[]).await;
    let admin = admin(&app, &catcher).await;
    verified_user(&app, &catcher, "o@tawasol.test", "fr").await;
    refused(
        &app,
        Method::POST,
        "/api/v1/admin/officials",
        Some(&admin),
        json!({"email": "o@tawasol.test", "commune": "sefrou", "title": "Voirie, appelez le 0612345678"}),
        "/title",
    )
    .await;
    refused(
        &app,
        Method::POST,
        "/api/v1/admin/organisations",
        Some(&admin),
        json!({"name": "Association contact@asso.ma", "founded_on": "2010-01-01", "head_office_commune": "sefrou", "purpose": "Quartiers de Sefrou."}),
        "/name",
    )
    .await;
}

/// A JSON string of `n` Tifinagh letters written as `\uXXXX` escapes, as clients that keep to
/// ASCII (Python's `json.dumps` by default) send it: six bytes a letter.
fn escaped(n: usize) -> String {
    "\\u2d5c".repeat(n)
}

#[tokio::test]
async fn the_longest_valid_bodies_fit_even_written_with_ascii_escapes() {
    let (app, catcher) = spawn_with_mail(&[]).await;
    let agent = access(&verified_user(&app, &catcher, "long@tawasol.test", "zgh").await);
    let body = format!(
        r#"{{"commune": "sefrou", "title": "{}", "request": "{}", "reasons": "{}", "filer_type": "citizens"}}"#,
        escaped(200),
        escaped(2000),
        escaped(10_000)
    );
    assert!(body.len() > 64 * 1024, "{} bytes", body.len());
    let res = app
        .client
        .post(app.url("/api/v1/petitions"))
        .bearer_auth(&agent)
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    let res = tawasol_tests::checked("POST", "/api/v1/petitions", res).await;
    assert_eq!(
        res.status(),
        201,
        "a petition at its longest is a valid petition"
    );
    let created = body_of(res).await;
    assert_eq!(created["reasons"].as_str().unwrap().chars().count(), 10_000);
}

async fn body_of(res: reqwest::Response) -> Value {
    res.json().await.unwrap()
}
