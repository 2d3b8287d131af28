//! Accounts over HTTP, with mails caught by a real SMTP server.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use reqwest::Method;
use serde_json::{Value, json};
use tawasol_tests::{access, login, mail_to, spawn_with_mail, token_in_mail, verified_user};

async fn body(res: reqwest::Response) -> Value {
    res.json().await.unwrap()
}

#[tokio::test]
async fn register_read_the_mail_verify_log_in_refresh_and_log_out() {
    let (app, catcher) = spawn_with_mail(&[]).await;
    let res = app
        .post(
            "/api/v1/auth/register",
            None,
            &json!({"email": "Amina@Tawasol.test", "password": "a long enough password", "display_name": "أمينة", "locale": "ar", "home_commune": "tangier"}),
        )
        .await;
    assert_eq!(res.status(), 202);
    let accepted = body(res).await;
    let mails = mail_to(&catcher, "amina@tawasol.test", 1).await;
    assert_eq!(mails[0].subject(), "أكد عنوانك في تواصل");
    let token = token_in_mail(&catcher, "amina@tawasol.test");
    assert!(mails[0].body("text/plain").contains(&format!(
        "{}/verify-email?token={token}",
        "http://127.0.0.1:8080"
    )));

    // Before verifying: logged in, but not allowed to contribute.
    let early = login(&app, "amina@tawasol.test").await;
    let me = body(
        app.send(Method::GET, "/api/v1/me", Some(&access(&early)), None)
            .await,
    )
    .await;
    assert_eq!(me["email_verified"], false);

    assert_eq!(
        app.post("/api/v1/auth/verify-email", None, &json!({"token": token}))
            .await
            .status(),
        204
    );
    let again = app
        .post("/api/v1/auth/verify-email", None, &json!({"token": token}))
        .await;
    assert_eq!(again.status(), 400, "single use");
    assert_eq!(body(again).await["type"], "/problems/invalid-token");

    let tokens = login(&app, "amina@tawasol.test").await;
    assert_eq!(tokens["token_type"], "Bearer");
    assert_eq!(tokens["expires_in"], 900);
    let me = body(
        app.send(Method::GET, "/api/v1/me", Some(&access(&tokens)), None)
            .await,
    )
    .await;
    assert_eq!(me["email"], "amina@tawasol.test");
    assert_eq!(me["display_name"], "أمينة");
    assert_eq!(me["home_commune"], "tangier");
    assert_eq!(me["email_verified"], true);
    assert_eq!(me["roles"]["admin"], false);

    let refreshed = app
        .post(
            "/api/v1/auth/refresh",
            None,
            &json!({"refresh_token": tokens["refresh_token"]}),
        )
        .await;
    assert_eq!(refreshed.status(), 200);
    let refreshed = body(refreshed).await;
    assert_ne!(
        refreshed["refresh_token"], tokens["refresh_token"],
        "rotated"
    );
    assert_eq!(
        app.post(
            "/api/v1/auth/logout",
            Some(&access(&refreshed)),
            &json!(null)
        )
        .await
        .status(),
        204
    );
    // The session is gone: its access token and refresh token both stop working.
    assert_eq!(
        app.send(Method::GET, "/api/v1/me", Some(&access(&refreshed)), None)
            .await
            .status(),
        401
    );
    let after = app
        .post(
            "/api/v1/auth/refresh",
            None,
            &json!({"refresh_token": refreshed["refresh_token"]}),
        )
        .await;
    assert_eq!(after.status(), 400);

    // Registering the taken address answers the same, and its owner is told.
    let res = app
        .post(
            "/api/v1/auth/register",
            None,
            &json!({"email": "amina@tawasol.test", "password": "another long password", "display_name": "X", "locale": "fr"}),
        )
        .await;
    assert_eq!(res.status(), 202);
    assert_eq!(body(res).await, accepted);
    let mails = mail_to(&catcher, "amina@tawasol.test", 2).await;
    assert_eq!(
        mails[1].subject(),
        "محاولة تسجيل بعنوانك",
        "in the owner's language"
    );
}

#[tokio::test]
async fn bad_registrations_name_each_field() {
    let (app, _catcher) = spawn_with_mail(&[]).await;
    let res = app
        .post(
            "/api/v1/auth/register",
            None,
            &json!({"email": "not-an-address", "password": "short", "display_name": " ", "locale": "en"}),
        )
        .await;
    assert_eq!(res.status(), 422);
    let problem = body(res).await;
    let pointers: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["pointer"].as_str().unwrap())
        .collect();
    assert_eq!(
        pointers,
        ["/email", "/password", "/display_name", "/locale"]
    );
    let res = app
        .post(
            "/api/v1/auth/register",
            None,
            &json!({"email": "a@tawasol.test", "password": "a long enough password", "display_name": "A", "locale": "fr", "role": "admin"}),
        )
        .await;
    assert_eq!(res.status(), 422);
    assert_eq!(body(res).await["errors"][0]["pointer"], "/role");
}

#[tokio::test]
async fn an_unknown_address_and_a_wrong_password_get_the_same_answer() {
    let (app, catcher) = spawn_with_mail(&[]).await;
    verified_user(&app, &catcher, "karim@tawasol.test", "fr").await;
    let mut answers = Vec::new();
    for (email, password) in [
        ("karim@tawasol.test", "wrong password!!"),
        ("nobody@tawasol.test", "wrong password!!"),
    ] {
        let res = app
            .post(
                "/api/v1/auth/login",
                None,
                &json!({"email": email, "password": password}),
            )
            .await;
        assert_eq!(res.status(), 401);
        let mut b = body(res).await;
        b.as_object_mut().unwrap().remove("request_id");
        answers.push(b);
    }
    assert_eq!(answers[0], answers[1]);
}

#[tokio::test]
async fn repeated_logins_on_one_address_are_throttled_with_retry_after() {
    let (app, _catcher) = spawn_with_mail(&[]).await;
    let mut last = None;
    for _ in 0..11 {
        last = Some(
            app.post(
                "/api/v1/auth/login",
                None,
                &json!({"email": "target@tawasol.test", "password": "guess guess guess"}),
            )
            .await,
        );
    }
    let res = last.unwrap();
    assert_eq!(res.status(), 429);
    let retry: u64 = res.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry > 0 && retry <= 900, "{retry}");
    assert_eq!(body(res).await["type"], "/problems/too-many-requests");
}

fn forge(header: &Value, claims: &Value, key: &[u8]) -> String {
    use hmac::{Hmac, KeyInit, Mac};
    let h = URL_SAFE_NO_PAD.encode(header.to_string());
    let c = URL_SAFE_NO_PAD.encode(claims.to_string());
    let mut mac = <Hmac<sha2::Sha256> as KeyInit>::new_from_slice(key).unwrap();
    mac.update(format!("{h}.{c}").as_bytes());
    format!(
        "{h}.{c}.{}",
        URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
    )
}

#[tokio::test]
async fn every_bad_access_token_is_the_same_401() {
    let (app, catcher) = spawn_with_mail(&[]).await;
    let tokens = verified_user(&app, &catcher, "idir@tawasol.test", "zgh").await;
    let good = access(&tokens);
    let parts: Vec<&str> = good.split('.').collect();
    let claims: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).unwrap()).unwrap();
    let key = app.jwt_key();
    let hs256 = json!({"alg": "HS256", "typ": "JWT"});
    let with = |k: &str, v: Value| {
        let mut c = claims.clone();
        c[k] = v;
        c
    };
    let now = claims["iat"].as_i64().unwrap();
    // A verification token, as mailed.
    app.post("/api/v1/auth/register", None, &json!({"email": "v@tawasol.test", "password": "a long enough password", "display_name": "V", "locale": "fr"}))
        .await;
    mail_to(&catcher, "v@tawasol.test", 1).await;
    let verification = token_in_mail(&catcher, "v@tawasol.test");
    let cases = [
        (
            "alg none",
            format!(
                "{}.{}.",
                URL_SAFE_NO_PAD.encode(r#"{"alg":"none","typ":"JWT"}"#),
                parts[1]
            ),
        ),
        (
            "algorithm swap",
            forge(&json!({"alg": "HS384", "typ": "JWT"}), &claims, &key),
        ),
        (
            "tampered payload",
            format!(
                "{}.{}.{}",
                parts[0],
                URL_SAFE_NO_PAD.encode(with("sub", json!("999")).to_string()),
                parts[2]
            ),
        ),
        (
            "wrong key",
            forge(&hs256, &claims, b"not the server's key, but 32 bytes"),
        ),
        (
            "expired",
            forge(&hs256, &with("exp", json!(now - 10)), &key),
        ),
        (
            "wrong issuer",
            forge(
                &hs256,
                &with("iss", json!("https://elsewhere.example")),
                &key,
            ),
        ),
        (
            "wrong audience",
            forge(&hs256, &with("aud", json!("another-api")), &key),
        ),
        (
            "refresh token",
            tokens["refresh_token"].as_str().unwrap().to_owned(),
        ),
        ("verification token", verification),
    ];
    let mut bodies = Vec::new();
    for (name, token) in cases {
        let res = app
            .send(Method::GET, "/api/v1/me", Some(&token), None)
            .await;
        assert_eq!(res.status(), 401, "{name}");
        assert!(res.headers().contains_key("www-authenticate"), "{name}");
        let mut b = body(res).await;
        b.as_object_mut().unwrap().remove("request_id");
        bodies.push(b);
    }
    assert!(bodies.windows(2).all(|w| w[0] == w[1]), "{bodies:#?}");
    assert_eq!(bodies[0]["type"], "/problems/unauthorized");
    // The forging helper is right: a well-signed token with the real claims passes.
    assert_eq!(
        app.send(
            Method::GET,
            "/api/v1/me",
            Some(&forge(&hs256, &claims, &key)),
            None
        )
        .await
        .status(),
        200
    );
}

#[tokio::test]
async fn a_reused_refresh_token_revokes_its_whole_family() {
    let (app, catcher) = spawn_with_mail(&[]).await;
    let first = verified_user(&app, &catcher, "salma@tawasol.test", "fr").await;
    let second = body(
        app.post(
            "/api/v1/auth/refresh",
            None,
            &json!({"refresh_token": first["refresh_token"]}),
        )
        .await,
    )
    .await;
    // The old token is replayed (stolen?): refused, and the session is revoked.
    let replay = app
        .post(
            "/api/v1/auth/refresh",
            None,
            &json!({"refresh_token": first["refresh_token"]}),
        )
        .await;
    assert_eq!(replay.status(), 400);
    let current = app
        .post(
            "/api/v1/auth/refresh",
            None,
            &json!({"refresh_token": second["refresh_token"]}),
        )
        .await;
    assert_eq!(
        current.status(),
        400,
        "the rotated token died with its family"
    );
    assert_eq!(
        app.send(Method::GET, "/api/v1/me", Some(&access(&second)), None)
            .await
            .status(),
        401
    );
    // Other sessions of the same person are not touched.
    let other = login(&app, "salma@tawasol.test").await;
    assert_eq!(
        app.send(Method::GET, "/api/v1/me", Some(&access(&other)), None)
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn twenty_parallel_redemptions_of_one_verification_token_make_one_success() {
    let (app, catcher) = spawn_with_mail(&[]).await;
    app.post("/api/v1/auth/register", None, &json!({"email": "race@tawasol.test", "password": "a long enough password", "display_name": "R", "locale": "fr"}))
        .await;
    mail_to(&catcher, "race@tawasol.test", 1).await;
    let token = token_in_mail(&catcher, "race@tawasol.test");
    let payload = json!({"token": token});
    let attempts = (0..20).map(|_| app.post("/api/v1/auth/verify-email", None, &payload));
    let statuses: Vec<u16> = futures_util::future::join_all(attempts)
        .await
        .iter()
        .map(|r| r.status().as_u16())
        .collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == 204).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 400).count(),
        19,
        "{statuses:?}"
    );
}

#[tokio::test]
async fn a_person_cannot_give_themselves_a_role_or_verify_themselves() {
    let (app, catcher) = spawn_with_mail(&[]).await;
    app.post("/api/v1/auth/register", None, &json!({"email": "mass@tawasol.test", "password": "a long enough password", "display_name": "M", "locale": "fr"}))
        .await;
    let token = access(&login(&app, "mass@tawasol.test").await);
    for attempt in [
        json!({"is_admin": true}),
        json!({"role": "admin"}),
        json!({"email_verified": true}),
        json!({"display_name": "OK", "email": "x@y.ma"}),
    ] {
        let res = app
            .send(Method::PATCH, "/api/v1/me", Some(&token), Some(&attempt))
            .await;
        assert_eq!(res.status(), 422, "{attempt}");
        assert_eq!(body(res).await["type"], "/problems/validation");
    }
    let me = body(
        app.send(Method::GET, "/api/v1/me", Some(&token), None)
            .await,
    )
    .await;
    assert_eq!(
        (
            me["display_name"].as_str(),
            me["email_verified"].as_bool(),
            me["roles"]["admin"].as_bool()
        ),
        (Some("M"), Some(false), Some(false))
    );
    let changed = app
        .send(
            Method::PATCH,
            "/api/v1/me",
            Some(&token),
            Some(&json!({"display_name": "ⵎⴰⵙⵙ", "locale": "zgh"})),
        )
        .await;
    assert_eq!(changed.status(), 200);
    let me = body(changed).await;
    assert_eq!(
        (me["display_name"].as_str(), me["locale"].as_str()),
        (Some("ⵎⴰⵙⵙ"), Some("zgh"))
    );
    let _ = catcher;
}

#[tokio::test]
async fn demoting_an_official_takes_effect_on_the_next_request_with_the_old_token() {
    let (app, catcher) = spawn_with_mail(&[]).await;
    let admin = tawasol_tests::admin(&app, &catcher).await;
    let official = access(&verified_user(&app, &catcher, "karim@tawasol.test", "fr").await);
    let res = app
        .post(
            "/api/v1/admin/officials",
            Some(&admin),
            &json!({"email": "karim@tawasol.test", "commune": "tangier", "arrondissement": "bni-makada", "categories": ["public_lighting"], "title": "Vice-président chargé de l'éclairage"}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let location = res.headers()["location"].to_str().unwrap().to_owned();
    let appointment = body(res).await;
    assert_eq!(appointment["categories"], json!(["public_lighting"]));
    let me = body(
        app.send(Method::GET, "/api/v1/me", Some(&official), None)
            .await,
    )
    .await;
    assert_eq!(me["roles"]["official"]["commune"], "tangier");
    assert_eq!(me["roles"]["official"]["arrondissement"], "bni-makada");

    assert_eq!(
        app.send(Method::DELETE, &location, Some(&admin), None)
            .await
            .status(),
        204
    );
    let me = body(
        app.send(Method::GET, "/api/v1/me", Some(&official), None)
            .await,
    )
    .await;
    assert_eq!(
        me["roles"]["official"],
        Value::Null,
        "same token, role gone"
    );

    // The audit log has both actions, with who did them and the request id.
    let audit = body(
        app.send(Method::GET, "/api/v1/admin/audit", Some(&admin), None)
            .await,
    )
    .await;
    let actions: Vec<&str> = audit["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["official.revoke", "official.appoint"]);
    assert!(audit["items"][0]["request_id"].is_string());
    assert_eq!(
        audit["items"][1]["after"]["title"],
        "Vice-président chargé de l'éclairage"
    );

    // A ban ends access at once too.
    let user_id = me["id"].as_i64().unwrap();
    let res = app
        .post(
            &format!("/api/v1/admin/users/{user_id}/ban"),
            Some(&admin),
            &json!({"reason": "spam"}),
        )
        .await;
    assert_eq!(res.status(), 204);
    assert_eq!(
        app.send(Method::GET, "/api/v1/me", Some(&official), None)
            .await
            .status(),
        401,
        "sessions ended"
    );
    let relogged = access(&login(&app, "karim@tawasol.test").await);
    let res = app
        .send(
            Method::PATCH,
            "/api/v1/me",
            Some(&relogged),
            Some(&json!({"display_name": "K"})),
        )
        .await;
    assert_eq!(res.status(), 403);
    assert_eq!(body(res).await["detail"], "Votre compte est suspendu.");
}

#[tokio::test]
async fn a_password_reset_ends_every_session_and_tells_the_owner() {
    let (app, catcher) = spawn_with_mail(&[]).await;
    let old = verified_user(&app, &catcher, "nora@tawasol.test", "fr").await;
    let res = app
        .post(
            "/api/v1/auth/password-reset/request",
            None,
            &json!({"email": "nora@tawasol.test"}),
        )
        .await;
    assert_eq!(res.status(), 202);
    let unknown = app
        .post(
            "/api/v1/auth/password-reset/request",
            None,
            &json!({"email": "ghost@tawasol.test"}),
        )
        .await;
    assert_eq!(unknown.status(), 202, "whatever the address");
    let mails = mail_to(&catcher, "nora@tawasol.test", 2).await;
    assert_eq!(
        mails[1].subject(),
        "Choisir un nouveau mot de passe Tawasol"
    );
    let token = token_in_mail(&catcher, "nora@tawasol.test");
    let weak = app
        .post(
            "/api/v1/auth/password-reset/confirm",
            None,
            &json!({"token": token, "password": "short"}),
        )
        .await;
    assert_eq!(weak.status(), 422);
    let res = app
        .post(
            "/api/v1/auth/password-reset/confirm",
            None,
            &json!({"token": token, "password": "a brand new password"}),
        )
        .await;
    assert_eq!(res.status(), 204);
    assert_eq!(
        app.send(Method::GET, "/api/v1/me", Some(&access(&old)), None)
            .await
            .status(),
        401
    );
    assert_eq!(
        app.post(
            "/api/v1/auth/refresh",
            None,
            &json!({"refresh_token": old["refresh_token"]})
        )
        .await
        .status(),
        400
    );
    let res = app
        .post(
            "/api/v1/auth/login",
            None,
            &json!({"email": "nora@tawasol.test", "password": "a brand new password"}),
        )
        .await;
    assert_eq!(res.status(), 200);
    let mails = mail_to(&catcher, "nora@tawasol.test", 3).await;
    assert_eq!(mails[2].subject(), "Votre mot de passe Tawasol a changé");
    let again = app
        .post(
            "/api/v1/auth/password-reset/confirm",
            None,
            &json!({"token": token, "password": "yet another password"}),
        )
        .await;
    assert_eq!(again.status(), 400, "single use");
}

#[tokio::test]
async fn my_export_holds_my_data_and_deleting_erases_it() {
    let (app, catcher) = spawn_with_mail(&[]).await;
    let tokens = verified_user(&app, &catcher, "yasmine@tawasol.test", "ar").await;
    let token = access(&tokens);
    let res = app
        .send(Method::GET, "/api/v1/me/export", Some(&token), None)
        .await;
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    let export = body(res).await;
    assert_eq!(export["account"]["email"], "yasmine@tawasol.test");
    assert_eq!(export["sessions"].as_array().unwrap().len(), 1);
    assert_eq!(export["mails"][0]["template"], "account_verify_email");
    assert_eq!(
        app.send(Method::DELETE, "/api/v1/me", Some(&token), None)
            .await
            .status(),
        204
    );
    assert_eq!(
        app.send(Method::GET, "/api/v1/me", Some(&token), None)
            .await
            .status(),
        401
    );
    let res = app
        .post(
            "/api/v1/auth/login",
            None,
            &json!({"email": "yasmine@tawasol.test", "password": "a long enough password"}),
        )
        .await;
    assert_eq!(res.status(), 401);
    // The address is free again.
    let res = app
        .post("/api/v1/auth/register", None, &json!({"email": "yasmine@tawasol.test", "password": "a long enough password", "display_name": "Y", "locale": "ar"}))
        .await;
    assert_eq!(res.status(), 202);
    mail_to(&catcher, "yasmine@tawasol.test", 2).await;
    assert_eq!(
        catcher.mails().last().unwrap().subject(),
        "أكد عنوانك في تواصل",
        "a new account, not a registration attempt"
    );
}

#[tokio::test]
async fn the_links_in_mails_open_pages_that_work_without_javascript() {
    use crate::web::{browser, csrf, get, location, post};
    let (app, catcher) = spawn_with_mail(&[]).await;
    app.post("/api/v1/auth/register", None, &json!({"email": "page@tawasol.test", "password": "a long enough password", "display_name": "P", "locale": "zgh"}))
        .await;
    mail_to(&catcher, "page@tawasol.test", 1).await;
    let token = token_in_mail(&catcher, "page@tawasol.test");
    assert!(
        catcher.mails()[0]
            .body("text/plain")
            .contains(&format!("/verify-email?token={token}&lang=zgh")),
        "the link carries the mail's language"
    );
    // Opening the link only shows a form: a mail scanner following it spends nothing.
    let b = browser();
    let (_, page) = get(&app, &b, &format!("/verify-email?token={token}&lang=zgh")).await;
    assert!(
        page.contains("lang=\"zgh\"") && page.contains("<form method=\"post\""),
        "{page}"
    );
    assert!(page.contains(&format!("value=\"{token}\"")));
    let done = post(
        &app,
        &b,
        "/verify-email?lang=fr",
        &[("_csrf", &csrf(&page)), ("token", &token)],
    )
    .await;
    assert_eq!(done.status(), 303, "confirmed, signed in, to my account");
    assert_eq!(location(&done), "/me?confirmed=1");
    let (_, me) = get(&app, &b, &location(&done)).await;
    assert!(me.contains("Votre adresse est confirmée"), "{me}");
    let other = browser();
    let (_, page) = get(
        &app,
        &other,
        &format!("/verify-email?token={token}&lang=ar"),
    )
    .await;
    let again = post(
        &app,
        &other,
        "/verify-email?lang=ar",
        &[("_csrf", &csrf(&page)), ("token", &token)],
    )
    .await
    .text()
    .await
    .unwrap();
    assert!(
        again.contains("dir=\"rtl\"") && again.contains("هذا الرابط لم يعد صالحا"),
        "{again}"
    );

    app.post(
        "/api/v1/auth/password-reset/request",
        None,
        &json!({"email": "page@tawasol.test"}),
    )
    .await;
    mail_to(&catcher, "page@tawasol.test", 2).await;
    let reset = token_in_mail(&catcher, "page@tawasol.test");
    let (_, form) = get(
        &app,
        &other,
        &format!("/reset-password?token={reset}&lang=fr"),
    )
    .await;
    assert!(form.contains("type=\"password\"") && form.contains("minlength=\"10\""));
    let weak = post(
        &app,
        &other,
        "/reset-password?lang=fr",
        &[
            ("_csrf", &csrf(&form)),
            ("token", &reset),
            ("password", "short"),
        ],
    )
    .await
    .text()
    .await
    .unwrap();
    assert!(
        weak.contains("Le mot de passe doit compter de 10 à 128 caractères.")
            && weak.contains("aria-invalid=\"true\""),
        "the form comes back with the reason, next to the field"
    );
    let ok = post(
        &app,
        &other,
        "/reset-password?lang=fr",
        &[
            ("_csrf", &csrf(&form)),
            ("token", &reset),
            ("password", "a brand new password"),
        ],
    )
    .await;
    assert_eq!(ok.status(), 200);
    assert!(
        ok.text()
            .await
            .unwrap()
            .contains("Votre mot de passe est changé")
    );
    let res = app
        .post(
            "/api/v1/auth/login",
            None,
            &json!({"email": "page@tawasol.test", "password": "a brand new password"}),
        )
        .await;
    assert_eq!(res.status(), 200);
}

#[tokio::test]
async fn a_thousand_wrong_passwords_from_one_client_never_lock_the_owner_out() {
    let (app, catcher) = spawn_with_mail(&[]).await;
    verified_user(&app, &catcher, "owner@tawasol.test", "fr").await;
    let attacker = app.client_at("127.0.0.2");
    let owner = app.client_at("127.0.0.3");
    let wrong = json!({"email": "owner@tawasol.test", "password": "guess guess guess"});
    let mut refused = 0;
    let mut throttled = 0;
    // Ten at a time: a burst in parallel must not slip past the limit either.
    for _ in 0..100 {
        let batch = (0..10).map(|_| app.post_from(&attacker, "/api/v1/auth/login", &wrong));
        for res in futures_util::future::join_all(batch).await {
            match res.status().as_u16() {
                401 => refused += 1,
                429 => throttled += 1,
                other => panic!("unexpected {other}"),
            }
        }
    }
    assert_eq!(refused + throttled, 1000);
    assert!(
        refused <= 10,
        "at most ten wrong passwords per address and client are even tried: {refused}"
    );
    // The owner, from their own connection, logs in at once, and again and again: right
    // passwords are never counted.
    let right = json!({"email": "owner@tawasol.test", "password": "a long enough password"});
    for _ in 0..15 {
        let res = app.post_from(&owner, "/api/v1/auth/login", &right).await;
        assert_eq!(res.status(), 200);
    }
    // The attacker's own client is stopped across every address (a ceiling per client).
    for i in 0..120 {
        let res = app
            .post_from(
                &attacker,
                "/api/v1/auth/login",
                &json!({"email": format!("someone{i}@tawasol.test"), "password": "guess guess guess"}),
            )
            .await;
        if i >= 100 {
            assert_eq!(res.status(), 429, "attempt {i}");
        }
    }
}

#[tokio::test]
async fn a_forwarded_address_counts_only_behind_a_trusted_proxy() {
    // Behind a trusted proxy (here the loopback itself), each forwarded client has its own budget.
    let (app, _catcher) = spawn_with_mail(&[("TAWASOL_TRUSTED_PROXIES", "127.0.0.1/32")]).await;
    let wrong = json!({"email": "x@tawasol.test", "password": "guess guess guess"});
    let send = |ip: &'static str| {
        app.client
            .post(app.url("/api/v1/auth/login"))
            .header("x-forwarded-for", ip)
            .json(&wrong)
            .send()
    };
    for _ in 0..10 {
        assert_eq!(send("198.51.100.7").await.unwrap().status(), 401);
    }
    assert_eq!(send("198.51.100.7").await.unwrap().status(), 429);
    assert_eq!(send("198.51.100.8").await.unwrap().status(), 401);
    // Without trusted proxies, a client cannot pick a fresh address with a header.
    let (plain, _c) = spawn_with_mail(&[]).await;
    for i in 0..11 {
        let res = plain
            .client
            .post(plain.url("/api/v1/auth/login"))
            .header("x-forwarded-for", format!("203.0.113.{i}"))
            .json(&wrong)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), if i < 10 { 401 } else { 429 }, "attempt {i}");
    }
}

#[tokio::test]
async fn reset_requests_always_answer_202_and_past_the_quota_quietly_send_nothing() {
    let (app, catcher) = spawn_with_mail(&[]).await;
    verified_user(&app, &catcher, "reset@tawasol.test", "fr").await;
    let before = catcher.mails().len();
    for _ in 0..6 {
        let res = app
            .post(
                "/api/v1/auth/password-reset/request",
                None,
                &json!({"email": "reset@tawasol.test"}),
            )
            .await;
        assert_eq!(res.status(), 202);
    }
    // The same answer for an address without an account.
    for _ in 0..6 {
        let res = app
            .post(
                "/api/v1/auth/password-reset/request",
                None,
                &json!({"email": "nobody@tawasol.test"}),
            )
            .await;
        assert_eq!(res.status(), 202);
    }
    let mails = mail_to(&catcher, "reset@tawasol.test", 4).await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(
        catcher.mails().len() - before,
        3,
        "three mails, then nothing"
    );
    assert_eq!(
        mails.len(),
        4,
        "the verification mail and three reset mails"
    );
    // Any link that was sent works (they may arrive in any order): whoever asked, the owner is
    // not locked out; using one voids the others.
    let token = token_in_mail(&catcher, "reset@tawasol.test");
    let res = app
        .post(
            "/api/v1/auth/password-reset/confirm",
            None,
            &json!({"token": token, "password": "another long password"}),
        )
        .await;
    assert_eq!(res.status(), 204);
    let reset_tokens: Vec<String> = catcher
        .mails()
        .iter()
        .filter(|m| m.to.iter().any(|t| t == "reset@tawasol.test"))
        .filter_map(|m| {
            let text = m.body("text/plain");
            let at = text.find("reset-password?token=")? + "reset-password?token=".len();
            Some(
                text[at..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                    .collect(),
            )
        })
        .collect();
    assert_eq!(reset_tokens.len(), 3);
    for other in reset_tokens.iter().filter(|t| **t != token) {
        let res = app
            .post(
                "/api/v1/auth/password-reset/confirm",
                None,
                &json!({"token": other, "password": "a third long password"}),
            )
            .await;
        assert_eq!(res.status(), 400, "a used reset voids the other links");
    }
}

#[tokio::test]
async fn a_password_reset_retires_the_personal_feeds_secret_address() {
    let (app, catcher) = spawn_with_mail(&[]).await;
    let token = access(&verified_user(&app, &catcher, "feed@tawasol.test", "fr").await);
    let feed = body(
        app.post("/api/v1/me/feed-token", Some(&token), &json!({}))
            .await,
    )
    .await;
    let url = feed["url"].as_str().expect("the feed's address").to_owned();
    let path = url.trim_start_matches(&app.address).to_owned();
    let path = path
        .find("/feeds/")
        .map_or(path.clone(), |i| path[i..].to_owned());
    assert_eq!(app.get(&path).await.status(), 200);
    app.post(
        "/api/v1/auth/password-reset/request",
        None,
        &json!({"email": "feed@tawasol.test"}),
    )
    .await;
    mail_to(&catcher, "feed@tawasol.test", 2).await;
    let reset = token_in_mail(&catcher, "feed@tawasol.test");
    let res = app
        .post(
            "/api/v1/auth/password-reset/confirm",
            None,
            &json!({"token": reset, "password": "another long password"}),
        )
        .await;
    assert_eq!(res.status(), 204);
    assert_eq!(app.get(&path).await.status(), 404);
}
