//! Local petitions over HTTP: a citizens' petition from draft to the council's decision with mails
//! checked at a real SMTP server, associations refused for each condition they miss, concurrent
//! signing, and national ID numbers that never leave the dossier: a CIN already used answers like
//! any other (and is flagged for the agent and the commune), signing steps are capped per day,
//! the dossier opens by step and role, and personal data is erased after the retention period.

use chrono::{Datelike, Months, NaiveDate};
use reqwest::Method;
use serde_json::{Value, json};
use tawasol_domain::petition::{SessionMonths, refusal_deadline};
use tawasol_tests::smtp::SmtpCatcher;
use tawasol_tests::{TestApp, access, admin, login, mail_to, spawn_with_mail, verified_user};

fn today() -> NaiveDate {
    tawasol_api::usecases::petitions::today(chrono::Utc::now().naive_utc())
}

async fn json_of(res: reqwest::Response) -> Value {
    res.json().await.expect("a JSON body")
}

async fn user(app: &TestApp, catcher: &SmtpCatcher, email: &str, locale: &str) -> String {
    access(&verified_user(app, catcher, email, locale).await)
}

fn signature(name: &str, cin: &str) -> Value {
    json!({
        "full_name": name,
        "cin": cin,
        "address": "Derb Lalla Fatima 14, Sefrou",
        "declarations": {"lives_or_works_in_commune": true, "on_electoral_roll": true, "direct_interest": true},
        "consent": true
    })
}

fn garden() -> Value {
    json!({
        "commune": "sefrou",
        "title": "Un jardin public au quartier Habbouna",
        "request": "Inscrire à l'ordre du jour l'aménagement d'un jardin public au quartier Habbouna.",
        "reasons": "Aucun espace vert à moins de deux kilomètres ; les enfants jouent dans la rue.",
        "filer_type": "citizens"
    })
}

/// The pointers of a validation problem's errors.
fn pointers(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|e| e["pointer"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

async fn step(app: &TestApp, token: &str, id: i64, body: Value) -> reqwest::Response {
    app.post(
        &format!("/api/v1/petitions/{id}/transitions"),
        Some(token),
        &body,
    )
    .await
}

#[tokio::test]
async fn a_citizens_petition_goes_from_draft_to_the_councils_decision() {
    let (app, catcher) = spawn_with_mail(&[]).await;
    let admin = admin(&app, &catcher).await;
    let agent = user(&app, &catcher, "agent@tawasol.test", "fr").await;
    let amina = user(&app, &catcher, "amina@tawasol.test", "ar").await;
    let youssef = user(&app, &catcher, "youssef@tawasol.test", "fr").await;
    let follower = user(&app, &catcher, "follower@tawasol.test", "zgh").await;
    verified_user(&app, &catcher, "official@tawasol.test", "fr").await;
    let res = app
        .post(
            "/api/v1/admin/officials",
            Some(&admin),
            &json!({"email": "official@tawasol.test", "commune": "sefrou", "categories": ["roads_sidewalks"], "title": "Directeur général des services"}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let official = access(&login(&app, "official@tawasol.test").await);

    // A test commune with a small threshold.
    let res = app
        .send(
            Method::PATCH,
            "/api/v1/admin/communes/sefrou",
            Some(&admin),
            Some(&json!({"petition_threshold": 3})),
        )
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(json_of(res).await["petition_threshold"], 3);

    // A draft: only its agent sees it.
    let res = app.post("/api/v1/petitions", Some(&agent), &garden()).await;
    assert_eq!(res.status(), 201);
    let location = res.headers()["location"].to_str().unwrap().to_owned();
    let created = json_of(res).await;
    let id = created["id"].as_i64().unwrap();
    assert_eq!(location, format!("/api/v1/petitions/{id}"));
    assert_eq!(created["status"], "draft");
    assert_eq!(created["threshold"], 3);
    assert_eq!(created["is_agent"], true);
    assert_eq!(app.get(&location).await.status(), 404);
    let public = json_of(app.get("/api/v1/petitions?commune=sefrou").await).await;
    assert_eq!(public["items"].as_array().unwrap().len(), 0);
    let mine = json_of(
        app.send(
            Method::GET,
            "/api/v1/petitions?agent=me",
            Some(&agent),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(mine["items"][0]["id"], id);

    // Signing a draft is not possible; an official cannot publish it.
    let res = app
        .post(
            &format!("/api/v1/petitions/{id}/signatures"),
            Some(&amina),
            &signature("أمينة العلوي", "C123456"),
        )
        .await;
    assert_eq!(res.status(), 404, "a draft is not public");
    // The agent corrects the draft; once published, the text is what signatories read.
    let res = app
        .send(
            Method::PATCH,
            &location,
            Some(&agent),
            Some(&json!({"title": "Un jardin public au quartier Habbouna", "reasons": "Aucun espace vert à moins de deux kilomètres ; les enfants jouent dans la rue."})),
        )
        .await;
    assert_eq!(res.status(), 200);
    let res = app
        .send(
            Method::PATCH,
            &location,
            Some(&agent),
            Some(&json!({"title": "x"})),
        )
        .await;
    assert_eq!(res.status(), 422);
    let res = step(&app, &agent, id, json!({"to": "collecting"})).await;
    assert_eq!(res.status(), 200);
    assert_eq!(json_of(res).await["status"], "collecting");
    let res = app
        .send(
            Method::PATCH,
            &location,
            Some(&agent),
            Some(&json!({"title": "Un autre titre"})),
        )
        .await;
    assert_eq!(res.status(), 409);

    // The signature form shows the CNDP number and the consent, in the reader's language.
    let detail = json_of(app.get(&format!("{location}?lang=ar")).await).await;
    assert!(
        detail["collection_notice"]["consent_text"]
            .as_str()
            .unwrap()
            .contains("09.08")
    );
    assert!(
        detail["collection_notice"]["consent_text"]
            .as_str()
            .unwrap()
            .contains("صفرو"),
        "the commune's name in the reader's language"
    );
    assert!(detail["collection_notice"]["cndp_number"].is_string());

    // Bad signatures say which field is wrong.
    let mut bad = signature("أمينة العلوي", "123456");
    bad["consent"] = json!(false);
    bad["declarations"]["on_electoral_roll"] = json!(false);
    let res = app
        .post(
            &format!("/api/v1/petitions/{id}/signatures"),
            Some(&amina),
            &bad,
        )
        .await;
    assert_eq!(res.status(), 422);
    let problem = json_of(res).await;
    assert_eq!(problem["type"], "/problems/validation");
    let mut got = pointers(&problem);
    got.sort();
    assert_eq!(
        got,
        ["/cin", "/consent", "/declarations/on_electoral_roll"],
        "{problem}"
    );

    // One signature per account; a CIN another account already used answers like any other.
    let mut shown = signature("أمينة العلوي", "C123456");
    shown["show_name"] = json!(true);
    let sign = |token: String, body: Value| {
        let app = &app;
        async move {
            app.post(
                &format!("/api/v1/petitions/{id}/signatures"),
                Some(&token),
                &body,
            )
            .await
        }
    };
    let res = sign(amina.clone(), shown.clone()).await;
    assert_eq!(res.status(), 201);
    assert!(res.headers().contains_key("location"));
    let signed = json_of(res).await;
    assert_eq!(signed["signature_count"], 1);
    assert!(!signed.to_string().contains("C123456"));
    let res = sign(amina.clone(), shown.clone()).await;
    assert_eq!(res.status(), 409);
    assert_eq!(json_of(res).await["type"], "/problems/conflict");
    // (Before issue 14 this was a 409, which told anyone whether the CIN's owner had signed.)
    let res = sign(youssef.clone(), signature("Youssef Benali", "c 123456")).await;
    assert_eq!(res.status(), 201, "the same CIN, written differently");
    assert_eq!(json_of(res).await["signature_count"], 2);

    // A signature can be withdrawn while collecting.
    let res = app
        .send(
            Method::DELETE,
            &format!("/api/v1/petitions/{id}/signatures"),
            Some(&youssef),
            None,
        )
        .await;
    assert_eq!(res.status(), 204);
    assert_eq!(
        json_of(app.get(&location).await).await["signature_count"],
        1
    );
    assert_eq!(
        sign(youssef.clone(), signature("Youssef Benali", "CD987654"))
            .await
            .status(),
        201
    );
    let res = app
        .send(
            Method::PUT,
            &format!("/api/v1/petitions/{id}/follow"),
            Some(&follower),
            None,
        )
        .await;
    assert_eq!(res.status(), 204);

    // The third signature reaches the threshold: ready, and the agent is told.
    let res = sign(agent.clone(), signature("Rachid El Idrissi", "JK55555")).await;
    assert_eq!(res.status(), 201);
    let signed = json_of(res).await;
    assert_eq!(signed["signature_count"], 3);
    assert_eq!(signed["status"], "ready");
    let mails = mail_to(&catcher, "agent@tawasol.test", 2).await;
    let ready = mails.last().unwrap();
    assert!(ready.subject().contains('3'), "{}", ready.subject());
    let text = ready.body("text/plain");
    assert!(
        text.contains(&format!("/petitions/{id}")) && !text.contains("/api/v1/"),
        "the mail links to the petition's page: {text}"
    );
    let res = sign(follower.clone(), signature("Follower", "X1")).await;
    assert_eq!(res.status(), 409, "no more signatures once ready");

    // The public sees the count and the names of those who chose to show them: nothing else.
    let other = user(&app, &catcher, "other@tawasol.test", "fr").await;
    for token in [None, Some(other.as_str())] {
        for path in [
            location.clone(),
            "/api/v1/petitions?commune=sefrou".to_owned(),
        ] {
            let text = app
                .send(Method::GET, &path, token, None)
                .await
                .text()
                .await
                .unwrap();
            for secret in [
                "C123456",
                "CD987654",
                "JK55555",
                "Derb Lalla Fatima",
                "@tawasol.test",
            ] {
                assert!(!text.contains(secret), "{secret} in {path}: {text}");
            }
        }
    }
    let detail = json_of(app.get(&location).await).await;
    assert_eq!(detail["signature_count"], 3);
    assert_eq!(detail["public_signatories"], json!(["amina"]));
    assert_eq!(detail["agent_name"], "agent");

    // At rest the CIN is ciphertext and a keyed hash.
    let state = app.state();
    let mut conn = state.db.conn().unwrap();
    let stored = tawasol_persistence::petition::stored_personal_data(&mut conn, id).unwrap();
    assert_eq!(stored.len(), 3);
    for row in &stored {
        let (encrypted, hash) = (
            row.cin_encrypted.as_deref().unwrap(),
            row.cin_hash.as_deref().unwrap(),
        );
        assert!(encrypted.starts_with("v1:"), "{encrypted}");
        for cin in ["C123456", "CD987654", "JK55555"] {
            assert!(!encrypted.contains(cin) && !hash.contains(cin));
        }
    }
    drop(conn);

    // The dossier: for the agent once ready (the commune's officials once filed), audited.
    let dossier = format!("/api/v1/petitions/{id}/dossier");
    assert_eq!(app.get(&dossier).await.status(), 401);
    let res = app.send(Method::GET, &dossier, Some(&amina), None).await;
    assert_eq!(res.status(), 403);
    let res = app.send(Method::GET, &dossier, Some(&official), None).await;
    assert_eq!(
        res.status(),
        403,
        "an official narrowed to some categories never reads it"
    );
    let res = app
        .send(
            Method::GET,
            &format!("{dossier}?format=csv"),
            Some(&agent),
            None,
        )
        .await;
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    assert_eq!(res.headers()["cache-control"], "no-store, private");
    let csv = res.text().await.unwrap();
    assert_eq!(csv.lines().count(), 4, "{csv}");
    assert!(csv.contains("أمينة العلوي") && csv.contains("C123456") && csv.contains("JK55555"));
    let res = app.send(Method::GET, &dossier, Some(&agent), None).await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    for expected in [
        "dir=\"rtl\"",
        "موضوع العريضة",
        "Objet de la pétition",
        "Identité du mandataire",
        "Rachid El Idrissi",
        "CD987654",
        "Un jardin public au quartier Habbouna",
        "رئيس مجلس جماعة صفرو",
        "commune de Sefrou",
    ] {
        assert!(
            html.contains(expected),
            "{expected} missing from the dossier"
        );
    }
    let res = app
        .send(
            Method::GET,
            &format!("{dossier}?format=pdf"),
            Some(&agent),
            None,
        )
        .await;
    assert_eq!(res.status(), 400);
    let audit = json_of(
        app.send(Method::GET, "/api/v1/admin/audit", Some(&admin), None)
            .await,
    )
    .await;
    let downloads = audit["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["action"] == "petition.dossier")
        .count();
    assert_eq!(downloads, 2);

    // Filing: the receipt is required; then the deadline runs and everyone hears of it.
    let res = step(&app, &agent, id, json!({"to": "filed"})).await;
    assert_eq!(res.status(), 422);
    let filed_on = today();
    let res = step(
        &app,
        &agent,
        id,
        json!({"to": "filed", "receipt_number": "2026/117", "filed_on": filed_on}),
    )
    .await;
    assert_eq!(res.status(), 200);
    let filed = json_of(res).await;
    assert_eq!(filed["status"], "filed");
    assert_eq!(filed["receipt_number"], "2026/117");
    assert_eq!(
        filed["refusal_deadline"],
        refusal_deadline(filed_on).to_string()
    );
    assert!(filed["days_left"].as_i64().unwrap() >= 89);
    assert_eq!(filed["overdue"], false);
    let official_mails = mail_to(&catcher, "official@tawasol.test", 2).await;
    let filed_mail = official_mails.last().unwrap();
    assert!(filed_mail.body("text/plain").contains("2026/117"));
    // The commune by its name in the official's language, not its code.
    assert!(
        filed_mail.body("text/plain").contains("(Sefrou)"),
        "{}",
        filed_mail.body("text/plain")
    );
    // The deadline as the official (French) writes a date.
    let deadline = refusal_deadline(filed_on);
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
        "{} {} {}",
        deadline.format("%-d"),
        months[usize::try_from(deadline.month0()).unwrap()],
        deadline.format("%Y")
    );
    assert!(
        filed_mail.body("text/plain").contains(&written),
        "{written} in {}",
        filed_mail.body("text/plain")
    );
    let res = app.send(Method::GET, &dossier, Some(&official), None).await;
    assert_eq!(res.status(), 403, "filed, but still narrowed to categories");

    // The bureau's decision is an official's; a refusal needs its reasons.
    let res = step(&app, &agent, id, json!({"to": "admissible"})).await;
    assert_eq!(res.status(), 403);
    let res = step(&app, &official, id, json!({"to": "inadmissible"})).await;
    assert_eq!(res.status(), 422);
    assert_eq!(pointers(&json_of(res).await), ["/reason"]);
    let res = step(&app, &official, id, json!({"to": "decided"})).await;
    assert_eq!(res.status(), 409);
    assert_eq!(json_of(res).await["type"], "/problems/forbidden-transition");
    let res = step(&app, &official, id, json!({"to": "admissible"})).await;
    assert_eq!(res.status(), 200);
    let admissible = json_of(res).await;
    assert_eq!(
        admissible["next_session_on"],
        SessionMonths::default().next_after(today()).to_string()
    );
    assert!(admissible["days_left"].is_null(), "the bureau has decided");
    let session = today().checked_add_months(Months::new(2)).unwrap();
    let res = step(
        &app,
        &official,
        id,
        json!({"to": "on_agenda", "session_date": session, "committee": "Commission de l'urbanisme et de l'environnement"}),
    )
    .await;
    assert_eq!(res.status(), 200);
    let res = step(
        &app,
        &official,
        id,
        json!({"to": "decided", "outcome": "adopted", "summary": "Le conseil inscrit le jardin au budget de l'année prochaine."}),
    )
    .await;
    assert_eq!(res.status(), 200);
    let decided = json_of(res).await;
    assert_eq!(decided["status"], "decided");
    assert_eq!(decided["outcome"], "adopted");

    // The public timeline tells every step, who took it and what it carried.
    let detail = json_of(app.get(&location).await).await;
    let steps: Vec<&str> = detail["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["to"].as_str().unwrap())
        .collect();
    assert_eq!(
        steps,
        [
            "draft",
            "collecting",
            "ready",
            "filed",
            "admissible",
            "on_agenda",
            "decided"
        ]
    );
    let timeline = detail["timeline"].as_array().unwrap();
    assert!(timeline[2]["by"].is_null(), "the platform made it ready");
    assert_eq!(timeline[3]["details"]["receipt_number"], "2026/117");
    assert_eq!(timeline[4]["by"], "official");
    assert_eq!(
        timeline[6]["details"]["summary"],
        "Le conseil inscrit le jardin au budget de l'année prochaine."
    );

    // Signatories and followers heard of the four steps after filing, in their language.
    // (The worker sends in parallel: mails may arrive in any order.)
    let amina_mails = mail_to(&catcher, "amina@tawasol.test", 5).await;
    let subjects: Vec<String> = amina_mails.iter().map(|m| m.subject()).collect();
    for status in ["مودعة", "مقبولة", "مدرجة في جدول الأعمال", "بت فيها المجلس"]
    {
        assert!(
            subjects.iter().any(|s| s.starts_with(status)),
            "{status}: {subjects:?}"
        );
    }
    let decision = amina_mails
        .iter()
        .find(|m| m.subject().starts_with("بت فيها المجلس"))
        .unwrap();
    assert!(decision.body("text/plain").contains("budget"));
    let follower_mails = mail_to(&catcher, "follower@tawasol.test", 5).await;
    assert!(
        follower_mails[1..]
            .iter()
            .all(|m| m.header("List-Unsubscribe").is_some())
    );
    let res = step(&app, &official, id, json!({"to": "admissible"})).await;
    assert_eq!(res.status(), 409);
}

#[tokio::test]
async fn an_association_is_refused_for_each_condition_it_does_not_meet() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let admin = admin(&app, &catcher).await;
    let member = user(&app, &catcher, "president@tawasol.test", "fr").await;
    let outsider = user(&app, &catcher, "outsider@tawasol.test", "fr").await;
    let two_years_ago = today().with_year(today().year() - 2).unwrap();
    let mut ids = Vec::new();
    for (name, founded, seat) in [
        ("Association Récente", two_years_ago, "sefrou"),
        (
            "Jil Sahara",
            NaiveDate::from_ymd_opt(2010, 3, 1).unwrap(),
            "tan-tan",
        ),
    ] {
        let res = app
            .post(
                "/api/v1/admin/organisations",
                Some(&admin),
                &json!({"name": name, "founded_on": founded, "head_office_commune": seat, "purpose": "Environnement et démocratie locale"}),
            )
            .await;
        assert_eq!(res.status(), 201);
        let id = json_of(res).await["id"].as_i64().unwrap();
        let res = app
            .post(
                &format!("/api/v1/admin/organisations/{id}/members"),
                Some(&admin),
                &json!({"email": "president@tawasol.test", "representative": true}),
            )
            .await;
        assert_eq!(res.status(), 201);
        ids.push(id);
    }
    // Roles are read on each request: the member's token now carries the membership.
    let petition = |org: i64, commune: &str, declaration: Option<Value>| {
        let mut body = garden();
        body["commune"] = json!(commune);
        body["filer_type"] = json!("association");
        body["organisation_id"] = json!(org);
        if let Some(d) = declaration {
            body["association"] = d;
        }
        body
    };
    let all = json!({"in_good_standing": true, "office_in_commune": true, "activity_linked_to_subject": true});
    let without = |field: &str| {
        let mut d = all.clone();
        d[field] = json!(false);
        d
    };
    let cases = [
        (
            petition(ids[0], "sefrou", Some(all.clone())),
            "/organisation_id",
            "trois ans",
        ),
        (
            petition(ids[1], "tan-tan", Some(without("in_good_standing"))),
            "/association/in_good_standing",
            "régulière",
        ),
        (
            petition(ids[1], "sefrou", Some(without("office_in_commune"))),
            "/association/office_in_commune",
            "siège",
        ),
        (
            petition(
                ids[1],
                "tan-tan",
                Some(without("activity_linked_to_subject")),
            ),
            "/association/activity_linked_to_subject",
            "activité",
        ),
        (petition(ids[1], "tan-tan", None), "/association", "déclare"),
    ];
    for (body, pointer, reason) in cases {
        let res = app
            .send(
                Method::POST,
                "/api/v1/petitions?lang=fr",
                Some(&member),
                Some(&body),
            )
            .await;
        assert_eq!(res.status(), 422, "{pointer}");
        let problem = json_of(res).await;
        assert_eq!(pointers(&problem), [pointer], "{problem}");
        assert!(
            problem["errors"][0]["detail"]
                .as_str()
                .unwrap()
                .contains(reason),
            "{problem}"
        );
    }
    // Someone who is not a member cannot speak for the association.
    let res = app
        .post(
            "/api/v1/petitions",
            Some(&outsider),
            &petition(ids[1], "tan-tan", Some(all.clone())),
        )
        .await;
    assert_eq!(res.status(), 403);

    // Its head office is in Tan-Tan: that is an office in the commune. It goes straight to ready.
    let res = app
        .post(
            "/api/v1/petitions",
            Some(&member),
            &petition(ids[1], "tan-tan", Some(without("office_in_commune"))),
        )
        .await;
    assert_eq!(res.status(), 201);
    let created = json_of(res).await;
    let id = created["id"].as_i64().unwrap();
    assert_eq!(created["organisation"]["name"], "Jil Sahara");
    let res = step(&app, &member, id, json!({"to": "collecting"})).await;
    assert_eq!(res.status(), 409, "associations do not collect signatures");
    let res = step(&app, &member, id, json!({"to": "ready"})).await;
    assert_eq!(res.status(), 200);
    assert_eq!(json_of(res).await["status"], "ready");
}

#[tokio::test]
async fn fifty_concurrent_signatures_by_one_person_leave_one() {
    // With the daily cap on: the 49 refused attempts (409, the account's own) are not counted.
    let (app, catcher) = spawn_with_mail(&[]).await;
    let agent = user(&app, &catcher, "agent@tawasol.test", "fr").await;
    let signer = user(&app, &catcher, "signer@tawasol.test", "fr").await;
    let id = json_of(app.post("/api/v1/petitions", Some(&agent), &garden()).await).await["id"]
        .as_i64()
        .unwrap();
    assert_eq!(
        step(&app, &agent, id, json!({"to": "collecting"}))
            .await
            .status(),
        200
    );
    let path = format!("/api/v1/petitions/{id}/signatures");
    let attempts = (0..50).map(|i| {
        let (app, signer, path) = (&app, signer.clone(), path.clone());
        async move {
            // Each attempt with another CIN: only the person makes them the same.
            app.post(
                &path,
                Some(&signer),
                &signature("Signataire", &format!("AB{}", 100_000 + i)),
            )
            .await
            .status()
            .as_u16()
        }
    });
    let mut statuses = futures_util::future::join_all(attempts).await;
    statuses.sort_unstable();
    assert_eq!(statuses[0], 201);
    assert!(statuses[1..].iter().all(|s| *s == 409), "{statuses:?}");
    let detail = json_of(app.get(&format!("/api/v1/petitions/{id}")).await).await;
    assert_eq!(detail["signature_count"], 1);
    let state = app.state();
    let mut conn = state.db.conn().unwrap();
    assert_eq!(
        tawasol_persistence::petition::stored_personal_data(&mut conn, id)
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn the_commune_is_reminded_before_the_deadline_and_an_overdue_petition_is_marked() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let admin = admin(&app, &catcher).await;
    let agent = user(&app, &catcher, "agent@tawasol.test", "fr").await;
    verified_user(&app, &catcher, "official@tawasol.test", "ar").await;
    app.post(
        "/api/v1/admin/officials",
        Some(&admin),
        &json!({"email": "official@tawasol.test", "commune": "sefrou", "title": "Président du conseil"}),
    )
    .await;
    app.send(
        Method::PATCH,
        "/api/v1/admin/communes/sefrou",
        Some(&admin),
        Some(&json!({"petition_threshold": 1})),
    )
    .await;
    let id = json_of(app.post("/api/v1/petitions", Some(&agent), &garden()).await).await["id"]
        .as_i64()
        .unwrap();
    step(&app, &agent, id, json!({"to": "collecting"})).await;
    let res = app
        .post(
            &format!("/api/v1/petitions/{id}/signatures"),
            Some(&agent),
            &signature("Rachid El Idrissi", "JK55555"),
        )
        .await;
    assert_eq!(json_of(res).await["status"], "ready");
    // Deposited four months ago and recorded only now: the bureau is late.
    let filed_on = today().checked_sub_months(Months::new(4)).unwrap();
    let res = step(
        &app,
        &agent,
        id,
        json!({"to": "filed", "receipt_number": "R-9", "filed_on": filed_on}),
    )
    .await;
    assert_eq!(res.status(), 200);
    let filed = json_of(res).await;
    assert_eq!(filed["overdue"], true);
    assert!(filed["days_left"].as_i64().unwrap() < 0);
    let listed = json_of(app.get("/api/v1/petitions?status=filed").await).await;
    assert_eq!(listed["items"][0]["overdue"], true);
    let before = mail_to(&catcher, "official@tawasol.test", 2).await.len();

    // Reminders, with the clock set 30 and then 7 days before the deadline.
    let state = app.state();
    let deadline = refusal_deadline(filed_on);
    let at = |days_before: u64| {
        (deadline - chrono::Days::new(days_before))
            .and_hms_opt(10, 0, 0)
            .unwrap()
    };
    let send = tawasol_api::usecases::petitions::send_reminders;
    assert_eq!(send(&state, at(31)).await.unwrap(), 0);
    assert_eq!(send(&state, at(30)).await.unwrap(), 1);
    assert_eq!(send(&state, at(29)).await.unwrap(), 0, "each reminder once");
    assert_eq!(
        send(&state, at(6)).await.unwrap(),
        1,
        "a missed day is caught up"
    );
    assert_eq!(send(&state, at(1)).await.unwrap(), 0);
    let mails = mail_to(&catcher, "official@tawasol.test", before + 2).await;
    let subjects: Vec<String> = mails[before..].iter().map(|m| m.subject()).collect();
    assert!(
        subjects.iter().any(|s| s.contains("30 يوما")),
        "{subjects:?}"
    );
    assert!(
        subjects.iter().any(|s| s.contains("6 أيام")),
        "{subjects:?}"
    );
    assert!(
        subjects.iter().all(|s| s.contains("العريضة")),
        "{subjects:?}"
    );
}

#[tokio::test]
async fn erasing_an_account_withdraws_its_signatures_and_the_agent_may_withdraw_the_petition() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let agent = user(&app, &catcher, "agent@tawasol.test", "fr").await;
    let leaving = user(&app, &catcher, "leaving@tawasol.test", "fr").await;
    let staying = user(&app, &catcher, "staying@tawasol.test", "fr").await;
    let id = json_of(app.post("/api/v1/petitions", Some(&agent), &garden()).await).await["id"]
        .as_i64()
        .unwrap();
    step(&app, &agent, id, json!({"to": "collecting"})).await;
    for (token, cin) in [(&leaving, "AA11111"), (&staying, "BB22222")] {
        let res = app
            .post(
                &format!("/api/v1/petitions/{id}/signatures"),
                Some(token),
                &signature("Signataire Test", cin),
            )
            .await;
        assert_eq!(res.status(), 201);
    }

    // One's own export holds one's signature, decrypted.
    let export = json_of(
        app.send(Method::GET, "/api/v1/me/export", Some(&leaving), None)
            .await,
    )
    .await;
    assert_eq!(export["signatures"][0]["petition_id"], id);
    assert_eq!(export["signatures"][0]["cin"], "AA11111");

    let res = app
        .send(Method::DELETE, "/api/v1/me", Some(&leaving), None)
        .await;
    assert_eq!(res.status(), 204);
    let detail = json_of(app.get(&format!("/api/v1/petitions/{id}")).await).await;
    assert_eq!(detail["signature_count"], 1);
    let state = app.state();
    let mut conn = state.db.conn().unwrap();
    assert_eq!(
        tawasol_persistence::petition::stored_personal_data(&mut conn, id)
            .unwrap()
            .len(),
        1,
        "the erased signatory's CIN and address are gone"
    );
    drop(conn);

    // Only the agent withdraws; signatories hear of it.
    let res = step(&app, &staying, id, json!({"to": "withdrawn"})).await;
    assert_eq!(res.status(), 403);
    let res = step(
        &app,
        &agent,
        id,
        json!({"to": "withdrawn", "reason": "La commune a lancé le projet elle-même."}),
    )
    .await;
    assert_eq!(res.status(), 200);
    assert_eq!(json_of(res).await["status"], "withdrawn");
    let mails = mail_to(&catcher, "staying@tawasol.test", 2).await;
    assert!(
        mails
            .iter()
            .any(|m| m.body("text/plain").contains("lancé le projet"))
    );
    let res = app
        .send(
            Method::DELETE,
            &format!("/api/v1/petitions/{id}/signatures"),
            Some(&staying),
            None,
        )
        .await;
    assert_eq!(res.status(), 409, "nothing to withdraw from once withdrawn");
}

/// Registers `email` and appoints them an official of Sefrou, narrowed to `categories` if given.
async fn official(
    app: &TestApp,
    catcher: &SmtpCatcher,
    admin: &str,
    email: &str,
    commune: &str,
    categories: Option<Value>,
) -> String {
    verified_user(app, catcher, email, "fr").await;
    let mut body = json!({"email": email, "commune": commune, "title": "Service des pétitions"});
    if let Some(c) = categories {
        body["categories"] = c;
    }
    let res = app
        .post("/api/v1/admin/officials", Some(admin), &body)
        .await;
    assert_eq!(res.status(), 201);
    access(&login(app, email).await)
}

async fn set_threshold(app: &TestApp, admin: &str, threshold: i64) {
    let res = app
        .send(
            Method::PATCH,
            "/api/v1/admin/communes/sefrou",
            Some(admin),
            Some(&json!({"petition_threshold": threshold})),
        )
        .await;
    assert_eq!(res.status(), 200);
}

/// A citizens' petition of Sefrou, published: its id.
async fn collecting(app: &TestApp, agent: &str) -> i64 {
    let res = app.post("/api/v1/petitions", Some(agent), &garden()).await;
    assert_eq!(res.status(), 201);
    let id = json_of(res).await["id"].as_i64().unwrap();
    assert_eq!(
        step(app, agent, id, json!({"to": "collecting"}))
            .await
            .status(),
        200
    );
    id
}

async fn sign_as(app: &TestApp, token: &str, id: i64, body: &Value) -> reqwest::Response {
    app.post(
        &format!("/api/v1/petitions/{id}/signatures"),
        Some(token),
        body,
    )
    .await
}

async fn withdraw_as(app: &TestApp, token: &str, id: i64) -> reqwest::Response {
    app.send(
        Method::DELETE,
        &format!("/api/v1/petitions/{id}/signatures"),
        Some(token),
        None,
    )
    .await
}

/// The audit entries of an action, newest first.
async fn audited(app: &TestApp, admin: &str, action: &str) -> Vec<Value> {
    let audit = json_of(
        app.send(
            Method::GET,
            "/api/v1/admin/audit?limit=100",
            Some(admin),
            None,
        )
        .await,
    )
    .await;
    audit["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["action"] == action)
        .cloned()
        .collect()
}

fn keys(v: &Value) -> Vec<String> {
    let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
    k.sort();
    k
}

#[tokio::test]
async fn a_cin_already_used_answers_like_any_other_and_both_lines_are_flagged_for_the_agent_and_the_commune()
 {
    let (app, catcher) = spawn_with_mail(&[]).await;
    let admin = admin(&app, &catcher).await;
    let agent = user(&app, &catcher, "agent@tawasol.test", "fr").await;
    let amina = user(&app, &catcher, "amina@tawasol.test", "ar").await;
    let guesser = user(&app, &catcher, "guesser@tawasol.test", "fr").await;
    let other = user(&app, &catcher, "other@tawasol.test", "fr").await;
    let council = official(
        &app,
        &catcher,
        &admin,
        "council@tawasol.test",
        "sefrou",
        None,
    )
    .await;
    set_threshold(&app, &admin, 4).await;
    let id = collecting(&app, &agent).await;

    // A stranger's CIN: the answer is the same whether or not its owner signed.
    let first = sign_as(&app, &amina, id, &signature("أمينة العلوي", "C123456")).await;
    assert_eq!(first.status(), 201);
    let first = json_of(first).await;
    let reused = sign_as(&app, &guesser, id, &signature("Amina Alaoui", "c-123456")).await;
    assert_eq!(reused.status(), 201, "a used CIN is not announced");
    assert!(reused.headers().contains_key("location"));
    let reused = json_of(reused).await;
    let fresh = sign_as(&app, &other, id, &signature("Omar Tazi", "CD987654")).await;
    assert_eq!(fresh.status(), 201);
    let fresh = json_of(fresh).await;
    assert_eq!(keys(&reused), keys(&first));
    assert_eq!(keys(&reused), keys(&fresh));
    assert_eq!(reused["status"], "collecting");
    assert_eq!(reused["signature_count"], 2, "counted like any other");
    assert_eq!(fresh["signature_count"], 3);
    let public = json_of(app.get(&format!("/api/v1/petitions/{id}")).await).await;
    assert_eq!(public["signature_count"], 3);
    assert!(!public.to_string().contains("123456"));

    // The agent (ready) sees both lines flagged; nobody else before the deposit.
    let res = sign_as(&app, &agent, id, &signature("Rachid El Idrissi", "JK55555")).await;
    assert_eq!(json_of(res).await["status"], "ready");
    let dossier = format!("/api/v1/petitions/{id}/dossier");
    let res = app.send(Method::GET, &dossier, Some(&council), None).await;
    assert_eq!(res.status(), 403, "the commune reads it once filed");
    let res = app
        .send(
            Method::GET,
            &format!("{dossier}?format=csv"),
            Some(&agent),
            None,
        )
        .await;
    assert_eq!(res.status(), 200);
    let csv = res.text().await.unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].ends_with(",suspected_duplicate"), "{csv}");
    assert_eq!(lines.len(), 5, "{csv}");
    for line in &lines[1..] {
        let flagged = line.ends_with(",yes");
        assert_eq!(flagged, line.contains("C123456"), "{line}");
    }
    assert_eq!(lines.iter().filter(|l| l.ends_with(",yes")).count(), 2);
    let res = step(
        &app,
        &agent,
        id,
        json!({"to": "filed", "receipt_number": "R-1", "filed_on": today()}),
    )
    .await;
    assert_eq!(res.status(), 200);
    let res = app.send(Method::GET, &dossier, Some(&council), None).await;
    assert_eq!(res.status(), 200);
    let page = res.text().await.unwrap();
    assert_eq!(page.matches("<tr class=\"dup\">").count(), 2, "{page}");
    assert!(page.contains("Doublon suspecté") && page.contains("تكرار مشتبه فيه"));

    // Audited once, for the petition, without the CIN or its hash.
    let entries = audited(&app, &admin, "petition.signature.duplicate_cin").await;
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(entries[0]["target_type"], "petition");
    assert_eq!(entries[0]["target_id"], id.to_string());
    assert_eq!(entries[0]["after"]["signatures_with_this_cin"], 2);
    let state = app.state();
    let mut conn = state.db.conn().unwrap();
    let hash = tawasol_persistence::petition::stored_personal_data(&mut conn, id).unwrap()[0]
        .cin_hash
        .clone()
        .unwrap();
    let text = entries[0].to_string();
    assert!(!text.contains("123456") && !text.contains(&hash), "{text}");
}

#[tokio::test]
async fn the_sixth_signing_step_of_a_day_is_refused_and_the_next_day_it_works() {
    let (app, catcher) = spawn_with_mail(&[]).await;
    let agent = user(&app, &catcher, "agent@tawasol.test", "fr").await;
    let signer = user(&app, &catcher, "signer@tawasol.test", "fr").await;
    let neighbour = user(&app, &catcher, "neighbour@tawasol.test", "fr").await;
    let id = collecting(&app, &agent).await;
    let other_petition = collecting(&app, &agent).await;
    let mine = signature("Signataire", "AB100001");

    // Refused attempts tell nothing about anyone: they do not spend the allowance.
    for _ in 0..3 {
        let res = sign_as(&app, &signer, id, &signature("Signataire", "123")).await;
        assert_eq!(res.status(), 422);
    }
    assert_eq!(sign_as(&app, &signer, id, &mine).await.status(), 201); // 1
    assert_eq!(
        sign_as(&app, &signer, id, &mine).await.status(),
        409,
        "my own second signature"
    );
    assert_eq!(withdraw_as(&app, &signer, id).await.status(), 204); // 2
    assert_eq!(
        withdraw_as(&app, &signer, id).await.status(),
        204,
        "nothing to withdraw: not counted"
    );
    assert_eq!(sign_as(&app, &signer, id, &mine).await.status(), 201); // 3
    assert_eq!(withdraw_as(&app, &signer, id).await.status(), 204); // 4
    assert_eq!(sign_as(&app, &signer, id, &mine).await.status(), 201); // 5

    // The sixth step, on this petition or another, waits for the next day.
    let res = withdraw_as(&app, &signer, id).await;
    assert_eq!(res.status(), 429);
    let retry: i64 = res.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=86_400).contains(&retry), "{retry}");
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/problem+json")
    );
    assert_eq!(json_of(res).await["type"], "/problems/too-many-requests");
    let res = sign_as(&app, &signer, other_petition, &mine).await;
    assert_eq!(res.status(), 429, "per account, not per petition");
    let detail = json_of(
        app.send(
            Method::GET,
            &format!("/api/v1/petitions/{id}"),
            Some(&signer),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(
        detail["signed_by_me"], true,
        "the refused withdrawal undid nothing"
    );
    assert_eq!(detail["signature_count"], 1);
    let detail = json_of(
        app.get(&format!("/api/v1/petitions/{other_petition}"))
            .await,
    )
    .await;
    assert_eq!(
        detail["signature_count"], 0,
        "the refused signature is not kept"
    );
    let res = sign_as(&app, &neighbour, id, &signature("Voisin", "AB100002")).await;
    assert_eq!(res.status(), 201, "other accounts are not held up");

    // A day later (the access token expired meanwhile: log in again).
    app.clock
        .advance(chrono::TimeDelta::days(1) + chrono::TimeDelta::minutes(1));
    let signer = access(&login(&app, "signer@tawasol.test").await);
    assert_eq!(withdraw_as(&app, &signer, id).await.status(), 204);
    assert_eq!(
        sign_as(&app, &signer, other_petition, &mine).await.status(),
        201
    );
}

#[tokio::test]
async fn the_dossier_opens_to_the_agent_when_ready_and_to_officials_of_the_whole_commune_once_filed()
 {
    let (app, catcher) = spawn_with_mail(&[]).await;
    let admin = admin(&app, &catcher).await;
    let agent = user(&app, &catcher, "agent@tawasol.test", "fr").await;
    let council = official(
        &app,
        &catcher,
        &admin,
        "council@tawasol.test",
        "sefrou",
        None,
    )
    .await;
    let roads = official(
        &app,
        &catcher,
        &admin,
        "roads@tawasol.test",
        "sefrou",
        Some(json!(["roads_sidewalks"])),
    )
    .await;
    let elsewhere = official(
        &app,
        &catcher,
        &admin,
        "tangier@tawasol.test",
        "tangier",
        None,
    )
    .await;
    set_threshold(&app, &admin, 1).await;
    let id = collecting(&app, &agent).await;
    let dossier = format!("/api/v1/petitions/{id}/dossier");
    let status_for = |token: String| {
        let (app, dossier) = (&app, dossier.clone());
        async move {
            app.send(Method::GET, &dossier, Some(&token), None)
                .await
                .status()
                .as_u16()
        }
    };
    let offered_to = |token: String| {
        let app = &app;
        async move {
            json_of(
                app.send(
                    Method::GET,
                    &format!("/api/v1/petitions/{id}"),
                    Some(&token),
                    None,
                )
                .await,
            )
            .await["may_download_dossier"]
                .as_bool()
                .unwrap()
        }
    };
    let everyone = [
        agent.clone(),
        council.clone(),
        roads.clone(),
        elsewhere.clone(),
    ];

    // Collecting: nobody.
    for token in &everyone {
        assert_eq!(status_for(token.clone()).await, 403);
        assert!(!offered_to(token.clone()).await);
    }
    // Ready: the agent alone.
    let res = sign_as(&app, &agent, id, &signature("Rachid El Idrissi", "JK55555")).await;
    assert_eq!(json_of(res).await["status"], "ready");
    let ready: Vec<(u16, bool)> = futures_util::future::join_all(
        everyone
            .iter()
            .map(|t| async { (status_for(t.clone()).await, offered_to(t.clone()).await) }),
    )
    .await;
    assert_eq!(
        ready,
        [(200, true), (403, false), (403, false), (403, false)]
    );
    // Filed: the agent and the officials of the whole commune, not one narrowed to categories.
    let res = step(
        &app,
        &agent,
        id,
        json!({"to": "filed", "receipt_number": "R-7", "filed_on": today()}),
    )
    .await;
    assert_eq!(res.status(), 200);
    let mut filed = Vec::new();
    for token in &everyone {
        filed.push((
            status_for(token.clone()).await,
            offered_to(token.clone()).await,
        ));
    }
    assert_eq!(
        filed,
        [(200, true), (200, true), (403, false), (403, false)]
    );
    // Every download is audited.
    assert_eq!(audited(&app, &admin, "petition.dossier").await.len(), 3);
}

#[tokio::test]
async fn signatories_personal_data_is_erased_once_the_retention_period_after_closing_has_passed() {
    let (app, catcher) = spawn_with_mail(&[]).await;
    let admin = admin(&app, &catcher).await;
    let agent = user(&app, &catcher, "agent@tawasol.test", "fr").await;
    let amina = user(&app, &catcher, "amina@tawasol.test", "ar").await;
    let council = official(
        &app,
        &catcher,
        &admin,
        "council@tawasol.test",
        "sefrou",
        None,
    )
    .await;
    set_threshold(&app, &admin, 2).await;

    // One petition refused by the bureau, one still collecting.
    let closed = collecting(&app, &agent).await;
    let mut shown = signature("أمينة العلوي", "AA11111");
    shown["show_name"] = json!(true);
    assert_eq!(sign_as(&app, &amina, closed, &shown).await.status(), 201);
    let res = sign_as(
        &app,
        &agent,
        closed,
        &signature("Rachid El Idrissi", "BB22222"),
    )
    .await;
    assert_eq!(json_of(res).await["status"], "ready");
    let res = step(
        &app,
        &agent,
        closed,
        json!({"to": "filed", "receipt_number": "R-3", "filed_on": today()}),
    )
    .await;
    assert_eq!(res.status(), 200);
    let res = step(
        &app,
        &council,
        closed,
        json!({"to": "inadmissible", "reason": "Hors des attributions de la commune."}),
    )
    .await;
    assert_eq!(res.status(), 200);
    let open = collecting(&app, &agent).await;
    assert_eq!(
        sign_as(&app, &amina, open, &signature("أمينة العلوي", "AA11111"))
            .await
            .status(),
        201
    );
    let public = |id: i64| {
        let app = &app;
        async move { json_of(app.get(&format!("/api/v1/petitions/{id}")).await).await }
    };
    let (closed_before, open_before) = (public(closed).await, public(open).await);
    assert_eq!(closed_before["public_signatories"], json!(["amina"]));

    let state = app.state();
    let erase = tawasol_api::usecases::petitions::erase_expired_signatures;
    let stored = |id: i64| {
        let mut conn = state.db.conn().unwrap();
        tawasol_persistence::petition::stored_personal_data(&mut conn, id).unwrap()
    };
    let kept = |rows: &[tawasol_persistence::petition::StoredPersonalData]| {
        rows.iter().all(|r| {
            r.full_name.is_some()
                && r.cin_encrypted.is_some()
                && r.cin_hash.is_some()
                && r.address_encrypted.is_some()
        })
    };
    assert_eq!(erase(&state, app.clock.now()).await.unwrap(), 0);
    // 89 days after the refusal: still kept.
    app.clock.advance(chrono::TimeDelta::days(89));
    assert_eq!(erase(&state, app.clock.now()).await.unwrap(), 0);
    assert!(kept(&stored(closed)));

    // 91 days after: erased (by this call or by the server's own daily run, never twice).
    app.clock.advance(chrono::TimeDelta::days(2));
    assert!(erase(&state, app.clock.now()).await.unwrap() <= 1);
    assert_eq!(erase(&state, app.clock.now()).await.unwrap(), 0, "once");
    let erased = stored(closed);
    assert_eq!(erased.len(), 2, "the signatures stay, counted");
    for row in &erased {
        assert_eq!(
            (
                &row.full_name,
                &row.cin_encrypted,
                &row.cin_hash,
                &row.address_encrypted
            ),
            (&None, &None, &None, &None),
            "the raw table keeps no name, CIN, hash or address"
        );
    }
    assert!(
        kept(&stored(open)),
        "a petition still collecting keeps its data"
    );
    // The public page is unchanged: the count, the timeline, the names signatories chose to show.
    assert_eq!(public(closed).await, closed_before);
    assert_eq!(public(open).await, open_before);

    // The dossier says so; the signatory's own export too; audited once for the petition.
    let agent = access(&login(&app, "agent@tawasol.test").await);
    let res = app
        .send(
            Method::GET,
            &format!("/api/v1/petitions/{closed}/dossier?lang=fr"),
            Some(&agent),
            None,
        )
        .await;
    assert_eq!(res.status(), 200);
    let page = res.text().await.unwrap();
    assert!(page.contains("ont été effacés"), "{page}");
    for secret in [
        "AA11111",
        "BB22222",
        "Derb Lalla Fatima",
        "Rachid El Idrissi",
    ] {
        assert!(!page.contains(secret), "{secret} in the erased dossier");
    }
    let res = app
        .send(
            Method::GET,
            &format!("/api/v1/petitions/{closed}/dossier?format=csv"),
            Some(&agent),
            None,
        )
        .await;
    let csv = res.text().await.unwrap();
    assert_eq!(csv.lines().count(), 3);
    assert!(!csv.contains("AA11111") && csv.contains(",erased,erased,erased,"));
    let amina = access(&login(&app, "amina@tawasol.test").await);
    let export = json_of(
        app.send(Method::GET, "/api/v1/me/export", Some(&amina), None)
            .await,
    )
    .await;
    let on = |id: i64| {
        export["signatures"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["petition_id"] == id)
            .unwrap()
            .clone()
    };
    assert!(on(closed)["cin"].is_null() && on(closed)["full_name"].is_null());
    assert_eq!(on(open)["cin"], "AA11111");
    let admin = access(&login(&app, "admin@tawasol.test").await);
    let entries = audited(&app, &admin, "petition.signatures.erase").await;
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(entries[0]["target_id"], closed.to_string());
    assert_eq!(entries[0]["after"]["signatures"], 2);
}
