//! Reporting and reading local issues over HTTP.

use reqwest::Method;
use serde_json::{Value, json};
use tawasol_tests::{access, login, mail_to, spawn_with_mail, verified_user};

async fn body(res: reqwest::Response) -> Value {
    res.json().await.unwrap()
}

fn lamp() -> Value {
    json!({
        "commune": "tangier", "category": "public_lighting", "arrondissement": "bni-makada",
        "title": "مصباح الشارع مُعَطَّل", "description": "الإنارة منعدمة في الشارع منذ أسبوع، والأطفال يمرون ليلا.",
        "location": {"lat": 35.7601, "lon": -5.8150}, "address": "زنقة ابن بطوطة"
    })
}

#[tokio::test]
async fn a_resident_reports_in_arabic_and_anyone_reads_it_without_personal_data() {
    let (app, catcher) = spawn_with_mail(&[]).await;
    let token = access(&verified_user(&app, &catcher, "amina@tawasol.test", "ar").await);
    let res = app.post("/api/v1/issues", Some(&token), &lamp()).await;
    assert_eq!(res.status(), 201);
    let location = res.headers()["location"].to_str().unwrap().to_owned();
    let created = body(res).await;
    assert_eq!(location, format!("/api/v1/issues/{}", created["id"]));
    assert_eq!(created["status"], "submitted");
    assert_eq!(created["visibility"], "public");
    assert_eq!(
        created["language"], "ar",
        "the author's language by default"
    );
    assert_eq!(created["follower_count"], 1, "the reporter follows");
    assert_eq!(created["arrondissement"], "bni-makada");
    let public = app.get(&location).await;
    assert_eq!(public.status(), 200);
    let text = public.text().await.unwrap();
    assert!(
        !text.contains("amina@") && !text.contains("@tawasol.test"),
        "no e-mail in a public answer: {text}"
    );
    let read: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(read["title"], "مصباح الشارع مُعَطَّل");
    assert_eq!(read["location"]["lat"], 35.7601);
}

#[tokio::test]
async fn bad_reports_are_refused_with_the_reason_and_unverified_accounts_cannot_report() {
    let (app, catcher) = spawn_with_mail(&[]).await;
    let token = access(&verified_user(&app, &catcher, "k@tawasol.test", "fr").await);
    let mut far = lamp();
    far["location"] = json!({"lat": 33.8294, "lon": -4.8395});
    let res = app
        .send(
            Method::POST,
            "/api/v1/issues?lang=fr",
            Some(&token),
            Some(&far),
        )
        .await;
    assert_eq!(res.status(), 422);
    let p = body(res).await;
    assert_eq!(p["errors"][0]["pointer"], "/location");
    assert_eq!(
        p["errors"][0]["detail"],
        "Ce lieu est en dehors de la commune choisie."
    );
    let mut short = lamp();
    short["title"] = json!("ab");
    short["description"] = json!("court");
    let p = body(app.post("/api/v1/issues", Some(&token), &short).await).await;
    let pointers: Vec<&str> = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["pointer"].as_str().unwrap())
        .collect();
    assert_eq!(pointers, ["/title", "/description"]);
    let mut wrong = lamp();
    wrong["category"] = json!("no_such_category");
    assert_eq!(
        body(app.post("/api/v1/issues", Some(&token), &wrong).await).await["errors"][0]["pointer"],
        "/category"
    );
    let mut extra = lamp();
    extra["status"] = json!("resolved");
    assert_eq!(
        body(app.post("/api/v1/issues", Some(&token), &extra).await).await["errors"][0]["pointer"],
        "/status"
    );
    assert_eq!(
        app.post("/api/v1/issues", None, &lamp()).await.status(),
        401
    );

    app.post("/api/v1/auth/register", None, &json!({"email": "new@tawasol.test", "password": "a long enough password", "display_name": "N", "locale": "fr"}))
        .await;
    let unverified = access(&login(&app, "new@tawasol.test").await);
    let res = app.post("/api/v1/issues", Some(&unverified), &lamp()).await;
    assert_eq!(res.status(), 403);
    assert_eq!(
        body(res).await["detail"],
        "Confirmez d’abord votre adresse avec le lien reçu par courriel."
    );
}

#[tokio::test]
async fn a_description_with_a_phone_number_is_held_for_moderation() {
    let (app, catcher) = spawn_with_mail(&[]).await;
    let token = access(&verified_user(&app, &catcher, "h@tawasol.test", "fr").await);
    let mut held = lamp();
    held["description"] = json!("Appelez-moi au 06 12 34 56 78 pour plus de détails.");
    let created = body(app.post("/api/v1/issues", Some(&token), &held).await).await;
    assert_eq!(created["visibility"], "pending");
    let path = format!("/api/v1/issues/{}", created["id"]);
    assert_eq!(app.get(&path).await.status(), 404, "not published");
    assert_eq!(
        app.send(Method::GET, &path, Some(&token), None)
            .await
            .status(),
        200,
        "its author sees it"
    );
    let public = body(app.get("/api/v1/issues").await).await;
    assert_eq!(public["items"].as_array().unwrap().len(), 0);
    let mine = body(
        app.send(Method::GET, "/api/v1/issues?author=me", Some(&token), None)
            .await,
    )
    .await;
    assert_eq!(mine["items"][0]["visibility"], "pending");
}

#[tokio::test]
async fn search_lists_and_pages_work_as_residents_type() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let token = access(&verified_user(&app, &catcher, "s@tawasol.test", "fr").await);
    app.post("/api/v1/issues", Some(&token), &lamp()).await;
    let tif = json!({"commune": "tan-tan", "category": "green_spaces", "title": "ⴰⵔⵜⵉ ⵉⵅⵚⵚⴰ ⴰⵎⴰⵏ", "description": "ⵉⵙⴰⴳⵎⴰⵜⵏ ⵏ ⵓⵔⵜⵉ ⵜⵎⵎⵓⵜⵏ ⴰⴽⴽ"});
    assert_eq!(
        app.post("/api/v1/issues", Some(&token), &tif)
            .await
            .status(),
        201
    );
    for q in [
        "شارع",
        "الشارع",
        "معطل",
        "%D8%A7%D9%84%D8%A5%D9%86%D8%A7%D8%B1%D8%A9",
    ] {
        let found = body(app.get(&format!("/api/v1/issues?q={q}")).await).await;
        assert_eq!(found["items"].as_array().unwrap().len(), 1, "{q}");
        assert_eq!(found["items"][0]["commune"], "tangier");
    }
    let found = body(app.get("/api/v1/issues?q=ⴰⵔⵜⵉ").await).await;
    assert_eq!(found["items"][0]["commune"], "tan-tan");

    for i in 0..4 {
        let mut b = lamp();
        b["title"] = json!(format!("Lampadaire numéro {i}"));
        app.post("/api/v1/issues", Some(&token), &b).await;
    }
    let first = body(app.get("/api/v1/issues?commune=tangier&limit=2").await).await;
    let seen: Vec<i64> = first["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_i64().unwrap())
        .collect();
    let cursor = first["next_cursor"].as_str().unwrap().to_owned();
    // Added between pages: not on the next page, and nothing is skipped.
    let mut b = lamp();
    b["title"] = json!("Arrivé entre deux pages");
    app.post("/api/v1/issues", Some(&token), &b).await;
    let second = body(
        app.get(&format!(
            "/api/v1/issues?commune=tangier&limit=10&cursor={cursor}"
        ))
        .await,
    )
    .await;
    let rest: Vec<i64> = second["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_i64().unwrap())
        .collect();
    assert_eq!(seen.len() + rest.len(), 5);
    assert!(rest.iter().all(|id| !seen.contains(id) && *id < seen[1]));
    assert_eq!(
        body(app.get("/api/v1/issues?status=open&commune=tan-tan").await).await["items"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        body(app.get("/api/v1/issues?status=closed").await).await["items"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
    let bad = app.get("/api/v1/issues?status=finished").await;
    assert_eq!(bad.status(), 400);
    assert_eq!(body(bad).await["errors"][0]["parameter"], "status");
    assert_eq!(app.get("/api/v1/issues?author=me").await.status(), 401);
}

#[tokio::test]
async fn the_whole_story_a_street_light_in_tangier_from_report_to_resolution() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let admin = tawasol_tests::admin(&app, &catcher).await;
    let official = access(&verified_user(&app, &catcher, "karim@tawasol.test", "fr").await);
    let sefrou = access(&verified_user(&app, &catcher, "sefrou@tawasol.test", "fr").await);
    for (email, commune, categories, title) in [
        (
            "karim@tawasol.test",
            "tangier",
            json!(["public_lighting"]),
            "Vice-président chargé de l'éclairage public",
        ),
        (
            "sefrou@tawasol.test",
            "sefrou",
            json!([]),
            "Président du conseil",
        ),
    ] {
        let res = app
            .post("/api/v1/admin/officials", Some(&admin), &json!({"email": email, "commune": commune, "categories": categories, "title": title}))
            .await;
        assert_eq!(res.status(), 201);
    }
    let reporter = access(&verified_user(&app, &catcher, "amina@tawasol.test", "ar").await);
    let follower = access(&verified_user(&app, &catcher, "claire@tawasol.test", "fr").await);

    // A resident of Tangier reports a broken street light, in Arabic.
    let created = body(app.post("/api/v1/issues", Some(&reporter), &lamp()).await).await;
    let path = format!("/api/v1/issues/{}", created["id"]);
    // The official bound to public lighting in Tangier hears of it; the one of Sefrou does not.
    let mails = mail_to(&catcher, "karim@tawasol.test", 2).await;
    assert_eq!(
        mails[1].subject(),
        "Nouveau signalement : مصباح الشارع مُعَطَّل"
    );
    assert!(mails[1].header("List-Unsubscribe").is_some());
    assert_eq!(mail_to(&catcher, "sefrou@tawasol.test", 1).await.len(), 1);

    // Another resident supports and follows it.
    for rel in ["support", "follow"] {
        assert_eq!(
            app.send(Method::PUT, &format!("{path}/{rel}"), Some(&follower), None)
                .await
                .status(),
            204
        );
        assert_eq!(
            app.send(Method::PUT, &format!("{path}/{rel}"), Some(&follower), None)
                .await
                .status(),
            204,
            "idempotent"
        );
    }
    let seen = body(app.send(Method::GET, &path, Some(&follower), None).await).await;
    assert_eq!(
        (
            seen["support_count"].as_i64(),
            seen["follower_count"].as_i64()
        ),
        (Some(1), Some(2))
    );
    assert_eq!(
        (
            seen["supported_by_me"].as_bool(),
            seen["followed_by_me"].as_bool()
        ),
        (Some(true), Some(true))
    );

    // The official answers in public.
    let res = app
        .post(
            &format!("{path}/replies"),
            Some(&official),
            &json!({"body": "Une équipe passe demain soir."}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let answer = body(res).await;
    assert_eq!(answer["official_answer"], true);
    assert_eq!(
        answer["official_title"],
        "Vice-président chargé de l'éclairage public"
    );
    let ar = mail_to(&catcher, "amina@tawasol.test", 2).await;
    assert_eq!(
        ar[1].subject(),
        "رد رسمي: مصباح الشارع مُعَطَّل",
        "the reporter reads Arabic"
    );
    let fr = mail_to(&catcher, "claire@tawasol.test", 2).await;
    assert_eq!(
        fr[1].subject(),
        "Réponse officielle : مصباح الشارع مُعَطَّل",
        "the follower reads French"
    );

    // Others may not move it; the state machine holds.
    let change = |status: &str| json!({"status": status, "note": "Équipe sur place."});
    assert_eq!(
        app.post(
            &format!("{path}/status"),
            Some(&sefrou),
            &change("in_progress")
        )
        .await
        .status(),
        403
    );
    assert_eq!(
        app.post(
            &format!("{path}/status"),
            Some(&reporter),
            &change("in_progress")
        )
        .await
        .status(),
        403
    );
    let res = app
        .post(
            &format!("{path}/status"),
            Some(&official),
            &change("in_progress"),
        )
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(body(res).await["status"], "in_progress");
    let resolved = body(
        app.post(
            &format!("{path}/status"),
            Some(&official),
            &json!({"status": "resolved", "note": "Lampe remplacée."}),
        )
        .await,
    )
    .await;
    assert_eq!(resolved["status"], "resolved");
    let back = app
        .post(
            &format!("{path}/status"),
            Some(&official),
            &change("in_progress"),
        )
        .await;
    assert_eq!(back.status(), 409);
    assert_eq!(body(back).await["type"], "/problems/forbidden-transition");
    let ar = mail_to(&catcher, "amina@tawasol.test", 4).await;
    assert_eq!(ar[3].subject(), "تمت المعالجة: مصباح الشارع مُعَطَّل");
    let fr = mail_to(&catcher, "claire@tawasol.test", 4).await;
    assert_eq!(fr[2].subject(), "En cours : مصباح الشارع مُعَطَّل");
    assert!(fr[3].body("text/plain").contains("Lampe remplacée."));

    // The reporter reopens it within 30 days, with a comment.
    let reopened = app
        .post(
            &format!("{path}/status"),
            Some(&reporter),
            &json!({"status": "acknowledged", "note": "La lampe s'est éteinte de nouveau."}),
        )
        .await;
    assert_eq!(reopened.status(), 200);

    // The public record: the answer set apart with its title, the history, no e-mail anywhere.
    let public = app.get(&path).await.text().await.unwrap();
    assert!(!public.contains("@tawasol.test"), "{public}");
    let record: Value = serde_json::from_str(&public).unwrap();
    assert_eq!(record["thread"][0]["author_name"], "karim");
    assert_eq!(record["thread"][0]["official_answer"], true);
    let history: Vec<&str> = record["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["to"].as_str().unwrap())
        .collect();
    assert_eq!(history, ["in_progress", "resolved", "acknowledged"]);
    assert_eq!(record["history"][1]["note"], "Lampe remplacée.");
    assert_eq!(record["reply_count"], 1);
    // Every status change is in the audit log too.
    let audit = body(
        app.send(Method::GET, "/api/v1/admin/audit", Some(&admin), None)
            .await,
    )
    .await;
    let issue_changes = audit["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["action"] == "issue.status")
        .count();
    assert_eq!(issue_changes, 3);
}

#[tokio::test]
async fn status_changes_need_what_each_step_needs() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let admin = tawasol_tests::admin(&app, &catcher).await;
    let official = access(&verified_user(&app, &catcher, "k@tawasol.test", "fr").await);
    app.post(
        "/api/v1/admin/officials",
        Some(&admin),
        &json!({"email": "k@tawasol.test", "commune": "tangier", "title": "Président"}),
    )
    .await;
    let reporter = access(&verified_user(&app, &catcher, "r@tawasol.test", "fr").await);
    let id = body(app.post("/api/v1/issues", Some(&reporter), &lamp()).await).await["id"]
        .as_i64()
        .unwrap();
    let other = body(app.post("/api/v1/issues", Some(&reporter), &lamp()).await).await["id"]
        .as_i64()
        .unwrap();
    let path = format!("/api/v1/issues/{other}/status");
    for (req, pointer) in [
        (
            json!({"status": "planned", "note": "Bientôt"}),
            "/expected_on",
        ),
        (
            json!({"status": "planned", "note": "Bientôt", "expected_on": "2020-01-01"}),
            "/expected_on",
        ),
        (
            json!({"status": "not_responsible", "note": "Eau"}),
            "/responsible_body",
        ),
        (
            json!({"status": "duplicate", "note": "Doublon"}),
            "/duplicate_of",
        ),
        (json!({"status": "rejected", "note": " "}), "/note"),
        (json!({"status": "done", "note": "x"}), "/status"),
    ] {
        let res = app.post(&path, Some(&official), &req).await;
        assert_eq!(res.status(), 422, "{req}");
        assert_eq!(body(res).await["errors"][0]["pointer"], pointer, "{req}");
    }
    let water = json!({"status": "not_responsible", "note": "Relève de l'eau", "responsible_body": "Amendis (gestionnaire délégué)"});
    assert_eq!(app.post(&path, Some(&official), &water).await.status(), 200);
    // A duplicate hands its supporters and followers to the original.
    let third = body(app.post("/api/v1/issues", Some(&reporter), &lamp()).await).await["id"]
        .as_i64()
        .unwrap();
    let supporter = access(&verified_user(&app, &catcher, "s@tawasol.test", "fr").await);
    app.send(
        Method::PUT,
        &format!("/api/v1/issues/{third}/support"),
        Some(&supporter),
        None,
    )
    .await;
    let dup = json!({"status": "duplicate", "note": "Même lampadaire", "duplicate_of": id});
    assert_eq!(
        app.post(
            &format!("/api/v1/issues/{third}/status"),
            Some(&official),
            &dup
        )
        .await
        .status(),
        200
    );
    let original = body(app.get(&format!("/api/v1/issues/{id}")).await).await;
    assert_eq!(original["support_count"], 1);
}

#[tokio::test]
async fn one_idempotency_key_makes_one_issue_even_under_ten_concurrent_posts() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let token = access(&verified_user(&app, &catcher, "i@tawasol.test", "fr").await);
    let post = |body: Value, key: &'static str| {
        app.client
            .post(app.url("/api/v1/issues"))
            .bearer_auth(&token)
            .header("idempotency-key", key)
            .json(&body)
            .send()
    };
    let answers = futures_util::future::join_all((0..10).map(|_| post(lamp(), "key-1"))).await;
    let statuses: Vec<u16> = answers
        .iter()
        .map(|r| r.as_ref().unwrap().status().as_u16())
        .collect();
    assert!(
        statuses.iter().all(|s| *s == 201 || *s == 409),
        "{statuses:?}"
    );
    assert!(statuses.contains(&201));
    let listed = body(
        app.send(Method::GET, "/api/v1/issues?author=me", Some(&token), None)
            .await,
    )
    .await;
    assert_eq!(listed["items"].as_array().unwrap().len(), 1, "one issue");
    // Once done, a retry gets the same answer, Location included.
    let first = post(lamp(), "key-1").await.unwrap();
    assert_eq!(first.status(), 201);
    let location = first.headers()["location"].to_str().unwrap().to_owned();
    let replay = body(first).await;
    let again = post(lamp(), "key-1").await.unwrap();
    assert_eq!(again.headers()["location"].to_str().unwrap(), location);
    assert_eq!(body(again).await, replay);
    // The same key with another body is refused.
    let mut other = lamp();
    other["title"] = json!("Un autre problème");
    let res = post(other, "key-1").await.unwrap();
    assert_eq!(res.status(), 422);
    // Another key is another issue, offered its look-alike as a possible duplicate.
    let second = body(post(lamp(), "key-2").await.unwrap()).await;
    assert_eq!(second["possible_duplicates"].as_array().unwrap().len(), 1);
    assert_eq!(
        second["possible_duplicates"][0]["location"],
        replay["location"]
    );
    let far = json!({"commune": "tangier", "category": "public_lighting", "title": "Panneau solaire volé", "description": "Le panneau du parc a disparu cette nuit."});
    assert_eq!(
        body(post(far, "key-3").await.unwrap()).await["possible_duplicates"],
        json!([])
    );
}

#[tokio::test]
async fn three_flags_hide_an_item_until_a_moderator_of_its_commune_decides() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let admin = tawasol_tests::admin(&app, &catcher).await;
    let moderator = access(&verified_user(&app, &catcher, "mod@tawasol.test", "fr").await);
    let sefrou_mod = access(&verified_user(&app, &catcher, "modsefrou@tawasol.test", "fr").await);
    app.post(
        "/api/v1/admin/moderators",
        Some(&admin),
        &json!({"email": "mod@tawasol.test", "commune": "tangier"}),
    )
    .await;
    app.post(
        "/api/v1/admin/moderators",
        Some(&admin),
        &json!({"email": "modsefrou@tawasol.test", "commune": "sefrou"}),
    )
    .await;
    let author = access(&verified_user(&app, &catcher, "author@tawasol.test", "ar").await);
    let id = body(app.post("/api/v1/issues", Some(&author), &lamp()).await).await["id"]
        .as_i64()
        .unwrap();
    let reply = body(
        app.post(
            &format!("/api/v1/issues/{id}/replies"),
            Some(&author),
            &json!({"body": "Rien n'a changé."}),
        )
        .await,
    )
    .await;
    let mut flaggers = Vec::new();
    for i in 0..3 {
        flaggers.push(access(
            &verified_user(&app, &catcher, &format!("f{i}@tawasol.test"), "fr").await,
        ));
    }
    let path = format!("/api/v1/issues/{id}");
    // One person flagging twice counts once.
    for _ in 0..2 {
        let res = app
            .post(
                &format!("{path}/flag"),
                Some(&flaggers[0]),
                &json!({"reason": "Insultant"}),
            )
            .await;
        assert_eq!(res.status(), 204);
    }
    app.post(
        &format!("{path}/flag"),
        Some(&flaggers[1]),
        &json!({"reason": "Insultant"}),
    )
    .await;
    assert_eq!(
        app.get(&path).await.status(),
        200,
        "two flags: still public"
    );
    app.post(
        &format!("{path}/flag"),
        Some(&flaggers[2]),
        &json!({"reason": "Insultant"}),
    )
    .await;
    assert_eq!(
        app.get(&path).await.status(),
        404,
        "three flags: hidden pending review"
    );
    let mails = mail_to(&catcher, "author@tawasol.test", 2).await;
    assert_eq!(
        mails[1].subject(),
        "تم إخفاء مساهمتك",
        "the author is told it is hidden, in Arabic"
    );
    assert!(
        mails[1]
            .body("text/plain")
            .contains("أبلغ عنه عدد من السكان")
    );

    let queue = body(
        app.send(
            Method::GET,
            "/api/v1/moderation/queue",
            Some(&moderator),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(queue["items"][0]["id"], id);
    assert_eq!(queue["items"][0]["flags"], 3);
    let other = body(
        app.send(
            Method::GET,
            "/api/v1/moderation/queue",
            Some(&sefrou_mod),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(
        other["items"],
        json!([]),
        "Sefrou's moderator sees only Sefrou"
    );
    assert_eq!(
        app.send(
            Method::GET,
            "/api/v1/moderation/queue?commune=tangier",
            Some(&sefrou_mod),
            None
        )
        .await
        .status(),
        403
    );
    let decide = |token: &str, path: String, action: &str| {
        let (token, body) = (
            token.to_owned(),
            json!({"action": action, "reason": "Conforme à la charte après relecture."}),
        );
        let app = &app;
        async move { app.post(&path, Some(&token), &body).await }
    };
    assert_eq!(
        decide(
            &sefrou_mod,
            format!("/api/v1/moderation/issues/{id}"),
            "restore"
        )
        .await
        .status(),
        403
    );
    assert_eq!(
        decide(
            &moderator,
            format!("/api/v1/moderation/issues/{id}"),
            "restore"
        )
        .await
        .status(),
        204
    );
    assert_eq!(app.get(&path).await.status(), 200);
    let mails = mail_to(&catcher, "author@tawasol.test", 3).await;
    assert_eq!(
        mails[2].subject(),
        "أصبحت مساهمتك منشورة من جديد",
        "the author is told, in Arabic"
    );

    // Hiding a reply takes it out of the thread and the count.
    assert_eq!(
        decide(
            &moderator,
            format!("/api/v1/moderation/replies/{}", reply["id"]),
            "hide"
        )
        .await
        .status(),
        204
    );
    let record = body(app.get(&path).await).await;
    assert_eq!(record["reply_count"], 0);
    assert_eq!(record["thread"], json!([]));
    let mails = mail_to(&catcher, "author@tawasol.test", 4).await;
    assert!(
        mails[3]
            .body("text/plain")
            .contains("Conforme à la charte après relecture.")
    );
}

#[tokio::test]
async fn authors_may_correct_a_reply_for_fifteen_minutes_and_the_earlier_text_is_kept() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let author = access(&verified_user(&app, &catcher, "a@tawasol.test", "fr").await);
    let other = access(&verified_user(&app, &catcher, "b@tawasol.test", "fr").await);
    let id = body(app.post("/api/v1/issues", Some(&author), &lamp()).await).await["id"]
        .as_i64()
        .unwrap();
    let reply = body(
        app.post(
            &format!("/api/v1/issues/{id}/replies"),
            Some(&author),
            &json!({"body": "Eteint depuis lundi."}),
        )
        .await,
    )
    .await;
    let path = format!("/api/v1/issues/{id}/replies/{}", reply["id"]);
    let fixed = app
        .send(
            Method::PATCH,
            &path,
            Some(&author),
            Some(&json!({"body": "Éteint depuis dimanche."})),
        )
        .await;
    assert_eq!(fixed.status(), 200);
    let fixed = body(fixed).await;
    assert_eq!(fixed["body"], "Éteint depuis dimanche.");
    assert!(fixed["edited_at"].is_string());
    assert_eq!(
        app.send(
            Method::PATCH,
            &path,
            Some(&other),
            Some(&json!({"body": "Pas à toi"}))
        )
        .await
        .status(),
        403
    );
    app.sql(&format!(
        "UPDATE issue_replies SET created_at = '2020-01-01 00:00:00' WHERE id = {}",
        reply["id"]
    ));
    let late = app
        .send(
            Method::PATCH,
            &path,
            Some(&author),
            Some(&json!({"body": "Trop tard"})),
        )
        .await;
    assert_eq!(late.status(), 409);
    let record = body(app.get(&format!("/api/v1/issues/{id}")).await).await;
    assert_eq!(record["thread"][0]["body"], "Éteint depuis dimanche.");
    assert_eq!(
        record["thread"][0]["previous_versions"][0]["body"], "Eteint depuis lundi.",
        "the record keeps what was first said"
    );
}

#[tokio::test]
async fn followers_choose_what_they_hear_and_one_click_stops_it() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let admin = tawasol_tests::admin(&app, &catcher).await;
    let official = access(&verified_user(&app, &catcher, "o@tawasol.test", "fr").await);
    app.post(
        "/api/v1/admin/officials",
        Some(&admin),
        &json!({"email": "o@tawasol.test", "commune": "tangier", "title": "Président"}),
    )
    .await;
    let reporter = access(&verified_user(&app, &catcher, "r@tawasol.test", "ar").await);
    let follower = access(&verified_user(&app, &catcher, "f@tawasol.test", "fr").await);
    let id = body(app.post("/api/v1/issues", Some(&reporter), &lamp()).await).await["id"]
        .as_i64()
        .unwrap();
    app.send(
        Method::PUT,
        &format!("/api/v1/issues/{id}/follow"),
        Some(&follower),
        None,
    )
    .await;

    let defaults = body(
        app.send(
            Method::GET,
            "/api/v1/me/notifications",
            Some(&follower),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(
        defaults,
        json!({"issue_updates": true, "all_replies": false, "official_new_issues": "immediate", "petition_updates": true})
    );
    let wrong = app
        .send(Method::PUT, "/api/v1/me/notifications", Some(&follower), Some(&json!({"issue_updates": true, "all_replies": true, "official_new_issues": "weekly"})))
        .await;
    assert_eq!(wrong.status(), 422);
    let every =
        json!({"issue_updates": true, "all_replies": true, "official_new_issues": "immediate"});
    assert_eq!(
        app.send(
            Method::PUT,
            "/api/v1/me/notifications",
            Some(&follower),
            Some(&every)
        )
        .await
        .status(),
        200
    );

    // A resident's reply reaches the follower who asked for every reply, not the reporter.
    app.post(
        &format!("/api/v1/issues/{id}/replies"),
        Some(&reporter),
        &json!({"body": "Toujours rien ce soir."}),
    )
    .await;
    let mails = mail_to(&catcher, "f@tawasol.test", 2).await;
    assert_eq!(mails[1].subject(), "Nouvelle réponse : مصباح الشارع مُعَطَّل");

    // One click on the link of a notification stops them.
    let link = mails[1].header("List-Unsubscribe").unwrap();
    let url = link
        .trim_matches(['<', '>'])
        .replace("http://127.0.0.1:8080", &app.address);
    let page = app
        .client
        .get(&url)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("<form method=\"post\""),
        "a person sees a button: {page}"
    );
    let one_click = app
        .client
        .post(&url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(one_click.status(), 200);
    let now_off = body(
        app.send(
            Method::GET,
            "/api/v1/me/notifications",
            Some(&follower),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(
        (
            now_off["issue_updates"].as_bool(),
            now_off["all_replies"].as_bool()
        ),
        (Some(false), Some(false))
    );
    assert_eq!(
        now_off["petition_updates"], true,
        "one topic's link leaves the others alone"
    );
    app.post(
        &format!("/api/v1/issues/{id}/status"),
        Some(&official),
        &json!({"status": "acknowledged", "note": "Vu."}),
    )
    .await;
    mail_to(&catcher, "r@tawasol.test", 2).await;
    assert_eq!(
        mail_to(&catcher, "f@tawasol.test", 2).await.len(),
        2,
        "nothing more for the follower"
    );
    let forged = app
        .client
        .post(app.url("/api/v1/unsubscribe?token=forged.token"))
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 400);
}

#[tokio::test]
async fn lists_filter_by_arrondissement_follows_dates_and_map_box() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let a = access(&verified_user(&app, &catcher, "a@tawasol.test", "fr").await);
    let b = access(&verified_user(&app, &catcher, "b@tawasol.test", "fr").await);
    let in_bni = body(app.post("/api/v1/issues", Some(&a), &lamp()).await).await["id"]
        .as_i64()
        .unwrap();
    let mut medina = lamp();
    medina["arrondissement"] = json!("tanger-medina");
    medina["location"] = json!({"lat": 35.7850, "lon": -5.8120});
    let in_medina = body(app.post("/api/v1/issues", Some(&a), &medina).await).await["id"]
        .as_i64()
        .unwrap();
    let ids = |v: &Value| {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_i64().unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        ids(&body(app.get("/api/v1/issues?arrondissement=bni-makada").await).await),
        [in_bni]
    );
    app.send(
        Method::PUT,
        &format!("/api/v1/issues/{in_medina}/follow"),
        Some(&b),
        None,
    )
    .await;
    assert_eq!(
        ids(&body(
            app.send(Method::GET, "/api/v1/issues?followed=me", Some(&b), None)
                .await
        )
        .await),
        [in_medina]
    );
    assert_eq!(
        ids(&body(app.get("/api/v1/issues?bbox=35.78,-5.82,35.79,-5.80").await).await),
        [in_medina]
    );
    assert_eq!(
        ids(&body(app.get("/api/v1/issues?created_after=2020-01-01").await).await).len(),
        2
    );
    assert!(
        ids(&body(
            app.get("/api/v1/issues?created_before=2020-01-01T00:00:00Z")
                .await
        )
        .await)
        .is_empty()
    );
    // 400 for a value that breaks the documented parameter; 422 for a box that follows the
    // pattern but is no box on the globe (south above north).
    for (q, param, status) in [
        ("bbox=1,2,3", "bbox", 400),
        ("bbox=1e1,2,3,4", "bbox", 400),
        ("bbox=40,0,30,1", "bbox", 422),
        ("created_after=yesterday", "created_after", 400),
        ("followed=you", "followed", 400),
    ] {
        let res = app.get(&format!("/api/v1/issues?{q}")).await;
        assert_eq!(res.status(), status, "{q}");
        assert_eq!(body(res).await["errors"][0]["parameter"], param);
    }
}

#[tokio::test]
async fn lists_sort_by_support_or_by_last_change_and_page_in_that_order() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let a = access(&verified_user(&app, &catcher, "a@tawasol.test", "fr").await);
    let b = access(&verified_user(&app, &catcher, "b@tawasol.test", "fr").await);
    let c = access(&verified_user(&app, &catcher, "c@tawasol.test", "fr").await);
    let mut ids = Vec::new();
    for i in 0..3 {
        let mut issue = lamp();
        issue["title"] = json!(format!("Lampadaire {i} éteint"));
        ids.push(
            body(app.post("/api/v1/issues", Some(&a), &issue).await).await["id"]
                .as_i64()
                .unwrap(),
        );
    }
    for (who, issue) in [(&c, ids[0]), (&b, ids[0]), (&b, ids[1])] {
        let res = app
            .send(
                Method::PUT,
                &format!("/api/v1/issues/{issue}/support"),
                Some(who),
                None,
            )
            .await;
        assert_eq!(res.status(), 204);
    }
    // Its author does not support their own report: it counts them already.
    let res = app
        .send(
            Method::PUT,
            &format!("/api/v1/issues/{}/support", ids[2]),
            Some(&a),
            None,
        )
        .await;
    assert_eq!(res.status(), 409);
    assert_eq!(body(res).await["type"], "/problems/conflict");
    app.post(
        &format!("/api/v1/issues/{}/replies", ids[1]),
        Some(&b),
        &json!({"body": "Toujours éteint."}),
    )
    .await;
    let order = |v: &Value| {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_i64().unwrap())
            .collect::<Vec<_>>()
    };
    let first = body(app.get("/api/v1/issues?sort=most_supported&limit=2").await).await;
    assert_eq!(order(&first), [ids[0], ids[1]]);
    let cursor = first["next_cursor"].as_str().unwrap();
    assert_eq!(
        order(
            &body(
                app.get(&format!(
                    "/api/v1/issues?sort=most_supported&cursor={cursor}"
                ))
                .await
            )
            .await
        ),
        [ids[2]]
    );
    let wrong = app
        .get(&format!("/api/v1/issues?sort=newest&cursor={cursor}"))
        .await;
    assert_eq!(wrong.status(), 422, "a cursor of another order");
    assert_eq!(
        order(&body(app.get("/api/v1/issues?sort=recently_updated").await).await)[0],
        ids[1]
    );
    assert_eq!(app.get("/api/v1/issues?sort=loudest").await.status(), 400);
}

#[tokio::test]
async fn officials_get_one_morning_digest_of_new_and_overdue_issues() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let admin = tawasol_tests::admin(&app, &catcher).await;
    let official = access(&verified_user(&app, &catcher, "o@tawasol.test", "fr").await);
    app.post(
        "/api/v1/admin/officials",
        Some(&admin),
        &json!({"email": "o@tawasol.test", "commune": "tangier", "categories": ["public_lighting"], "title": "Chef du service"}),
    )
    .await;
    let daily =
        json!({"issue_updates": true, "all_replies": false, "official_new_issues": "daily"});
    assert_eq!(
        app.send(
            Method::PUT,
            "/api/v1/me/notifications",
            Some(&official),
            Some(&daily)
        )
        .await
        .status(),
        200
    );
    let reporter = access(&verified_user(&app, &catcher, "r@tawasol.test", "ar").await);
    let mut fresh = lamp();
    fresh["title"] = json!("Lampadaire tombé hier soir");
    let fresh = body(app.post("/api/v1/issues", Some(&reporter), &fresh).await).await["id"]
        .as_i64()
        .unwrap();
    let mut old = lamp();
    old["title"] = json!("Lampadaire éteint depuis des semaines");
    let old = body(app.post("/api/v1/issues", Some(&reporter), &old).await).await["id"]
        .as_i64()
        .unwrap();
    let mut other = lamp();
    other["category"] = json!("roads_sidewalks");
    other["title"] = json!("Trottoir hors de son ressort");
    app.post("/api/v1/issues", Some(&reporter), &other).await;
    // Chosen dates, far from today, so that the server's own scheduler never claims that day.
    app.sql(&format!(
        "UPDATE issues SET created_at = '2030-01-15 08:00:00' WHERE id = {fresh}"
    ));
    app.sql(&format!(
        "UPDATE issues SET created_at = '2030-01-01 08:00:00' WHERE id = {old}"
    ));
    app.sql("UPDATE issues SET created_at = '2030-01-01 08:00:00' WHERE title = 'Trottoir hors de son ressort'");
    let state = app.state();
    let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap().naive_utc();
    // 06:30 in Morocco (UTC+1 in January): too early.
    assert_eq!(
        tawasol_api::usecases::digests::send_daily(&state, at("2030-01-15T05:30:00Z"))
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        tawasol_api::usecases::digests::send_daily(&state, at("2030-01-15T09:00:00Z"))
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        tawasol_api::usecases::digests::send_daily(&state, at("2030-01-15T10:00:00Z"))
            .await
            .unwrap(),
        0,
        "once a day"
    );
    // The verification mail, then the digest: no mail per new issue for a daily choice.
    let mails = mail_to(&catcher, "o@tawasol.test", 2).await;
    let digest = mails
        .iter()
        .find(|m| m.subject().starts_with("Votre point du matin"))
        .expect("the digest");
    assert_eq!(
        digest.subject(),
        "Votre point du matin : 1 signalement en retard"
    );
    let text = digest.body("text/plain");
    assert!(
        text.contains("Lampadaire tombé hier soir")
            && text.contains("Lampadaire éteint depuis des semaines"),
        "{text}"
    );
    assert!(!text.contains("Trottoir"), "only the official's scope");
    assert!(digest.header("List-Unsubscribe").is_some());
}

#[tokio::test]
async fn replies_and_flags_that_make_mail_or_work_for_others_have_an_hourly_allowance() {
    let (app, catcher) = spawn_with_mail(&[]).await;
    let reporter = access(&verified_user(&app, &catcher, "rr@tawasol.test", "fr").await);
    let follower = access(&verified_user(&app, &catcher, "ff@tawasol.test", "fr").await);
    let every =
        json!({"issue_updates": true, "all_replies": true, "official_new_issues": "immediate"});
    app.send(
        Method::PUT,
        "/api/v1/me/notifications",
        Some(&follower),
        Some(&every),
    )
    .await;
    let id = body(app.post("/api/v1/issues", Some(&reporter), &lamp()).await).await["id"]
        .as_i64()
        .unwrap();
    app.send(
        Method::PUT,
        &format!("/api/v1/issues/{id}/follow"),
        Some(&follower),
        None,
    )
    .await;
    // A new account (its first week): ten replies an hour, then 429 with Retry-After.
    let mut statuses = Vec::new();
    for i in 0..12 {
        let res = app
            .post(
                &format!("/api/v1/issues/{id}/replies"),
                Some(&reporter),
                &json!({"body": format!("Toujours rien, soir {i}.")}),
            )
            .await;
        if res.status() == 429 {
            assert!(res.headers().contains_key("retry-after"));
        }
        statuses.push(res.status().as_u16());
    }
    assert_eq!(statuses[..10], [201; 10]);
    assert_eq!(statuses[10..], [429, 429]);
    // The follower who hears every reply got ten mails, not twelve.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let replies = catcher
        .mails()
        .iter()
        .filter(|m| m.to.iter().any(|t| t == "ff@tawasol.test"))
        .filter(|m| m.subject().starts_with("Nouvelle réponse"))
        .count();
    assert_eq!(replies, 10);
    // An hour later the allowance is back (with a new access token: the old one expired).
    app.clock.advance(chrono::TimeDelta::minutes(61));
    let reporter = access(&login(&app, "rr@tawasol.test").await);
    let follower = access(&login(&app, "ff@tawasol.test").await);
    let again = app
        .post(
            &format!("/api/v1/issues/{id}/replies"),
            Some(&reporter),
            &json!({"body": "Une heure plus tard, toujours rien."}),
        )
        .await;
    assert_eq!(again.status(), 201);
    // Flags are work for the moderators: five an hour for a new account.
    let reply_ids: Vec<i64> = body(app.get(&format!("/api/v1/issues/{id}")).await).await["thread"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_i64().unwrap())
        .collect();
    let mut flags = Vec::new();
    for reply in reply_ids.iter().take(7) {
        let res = app
            .post(
                &format!("/api/v1/replies/{reply}/flag"),
                Some(&follower),
                &json!({"reason": "Répétitif"}),
            )
            .await;
        flags.push(res.status().as_u16());
    }
    assert_eq!(flags, [204, 204, 204, 204, 204, 429, 429]);
}

#[tokio::test]
async fn a_report_refused_for_what_it_says_does_not_spend_the_hourly_allowance() {
    let (app, catcher) = spawn_with_mail(&[]).await;
    let token = access(&verified_user(&app, &catcher, "al@tawasol.test", "fr").await);
    let mut far = lamp();
    far["location"] = json!({"lat": 33.8294, "lon": -4.8395});
    let mut unknown = lamp();
    unknown["category"] = json!("no_such_category");
    for refused in [&far, &unknown, &far, &unknown, &far] {
        let res = app.post("/api/v1/issues", Some(&token), refused).await;
        assert_eq!(res.status(), 422);
    }
    // A new account still has its three reports of the hour.
    for _ in 0..3 {
        assert_eq!(
            app.post("/api/v1/issues", Some(&token), &lamp())
                .await
                .status(),
            201
        );
    }
    assert_eq!(
        app.post("/api/v1/issues", Some(&token), &lamp())
            .await
            .status(),
        429
    );
}
