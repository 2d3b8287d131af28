//! `tawasol demo-data`: what it loads is what the real server serves (threads, histories,
//! counts, petitions at every step, accounts that log in), the next rows the server writes
//! follow it, and the same seed gives the same data.

use chrono::NaiveDate;
use reqwest::Method;
use serde_json::{Value, json};
use tawasol_api::demo::{self, DemoError, DemoOptions, DemoReport};
use tawasol_tests::{TestApp, access};

const PASSWORD: &str = "demo password for tests";

fn options(seed: u64) -> DemoOptions {
    DemoOptions {
        issues: 300,
        residents: 250,
        replies_per_issue: 3,
        petitions: 14,
        signatures: 1_200,
        seed,
        until: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
    }
}

async fn load(app: &TestApp, options: DemoOptions) -> Result<DemoReport, DemoError> {
    let state = app.state();
    let hash = tawasol_api::auth::password::hash(PASSWORD.to_owned()).await;
    tokio::task::spawn_blocking(move || {
        demo::load(&state.db, &state.vault, &hash, &options, &mut |_, _, _| {})
    })
    .await
    .unwrap()
}

/// Whether a text holds something shaped like the demo's CIN numbers (letters, six digits).
fn looks_like_cin(text: &str) -> bool {
    let b = text.as_bytes();
    (0..b.len()).any(|i| {
        b[i].is_ascii_uppercase() && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) && {
            let letters = if b.get(i + 1).is_some_and(u8::is_ascii_uppercase) {
                2
            } else {
                1
            };
            let digits = b[i + letters..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            digits == 6
        }
    })
}

async fn json(res: reqwest::Response) -> Value {
    res.json().await.unwrap()
}

async fn login(app: &TestApp, email: &str) -> String {
    let res = app
        .post(
            "/api/v1/auth/login",
            None,
            &json!({"email": email, "password": PASSWORD}),
        )
        .await;
    assert_eq!(res.status(), 200, "{email} logs in with the demo password");
    access(&json(res).await)
}

#[tokio::test]
async fn demo_data_is_what_the_server_serves_and_what_it_writes_next_follows() {
    let app = TestApp::spawn_with(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let report = load(&app, options(7)).await.unwrap();
    assert_eq!(report.issues, 300);
    // The residents, three officials and a moderator per commune, and the admin.
    assert_eq!(report.users, 250 + 3 * 4 + 1);
    assert!(report.replies > 300, "threads have replies: {report:?}");
    assert!(report.status_changes > 100 && report.supports > 100);
    assert_eq!(report.petitions, 14);

    // Each issue's counts agree with its thread; whatever moved has its history and the
    // official answer that went with it.
    let mut public = 0;
    let mut statuses = std::collections::BTreeSet::new();
    for id in 1..=300 {
        let res = app.get(&format!("/api/v1/issues/{id}")).await;
        if res.status() == 404 {
            continue; // held or hidden by moderation
        }
        assert_eq!(res.status(), 200);
        public += 1;
        let issue = json(res).await;
        let thread = issue["thread"].as_array().unwrap();
        assert_eq!(
            issue["reply_count"].as_u64().unwrap() as usize,
            thread.len()
        );
        assert!(
            issue["follower_count"].as_i64().unwrap() >= 1,
            "the author follows"
        );
        let status = issue["status"].as_str().unwrap().to_owned();
        let history = issue["history"].as_array().unwrap();
        if status == "submitted" {
            assert!(history.is_empty());
        } else {
            assert_eq!(history.last().unwrap()["to"], status.as_str(), "{issue}");
            assert!(
                thread.iter().any(|r| r["official_answer"] == true),
                "an official answered issue {id}"
            );
        }
        let created = issue["created_at"].as_str().unwrap();
        assert!(
            created < "2026-11-30T00:00:01Z",
            "nothing after --until: {created}"
        );
        statuses.insert(status);
    }
    assert!(public >= 290, "almost every issue is public ({public})");
    for s in ["submitted", "acknowledged", "in_progress", "resolved"] {
        assert!(statuses.contains(s), "some issues are {s}: {statuses:?}");
    }

    // Petitions at every public step, with their timelines; those past collection that
    // citizens filed had the commune's threshold of signatures.
    for step in [
        "collecting",
        "ready",
        "filed",
        "admissible",
        "inadmissible",
        "on_agenda",
        "decided",
        "withdrawn",
    ] {
        let page = json(app.get(&format!("/api/v1/petitions?status={step}")).await).await;
        let items = page["items"].as_array().unwrap();
        assert!(!items.is_empty(), "a petition is {step}");
        for p in items {
            if p["filer_type"] == "citizens" && !matches!(step, "collecting" | "withdrawn") {
                assert!(
                    p["signature_count"].as_i64() >= p["threshold"].as_i64(),
                    "{p}"
                );
            }
            let id = p["id"].as_i64().unwrap();
            let detail = json(app.get(&format!("/api/v1/petitions/{id}")).await).await;
            let text = detail.to_string();
            assert!(
                !looks_like_cin(&text),
                "no national ID number in public: {text}"
            );
        }
    }

    // The demo accounts log in; what they write next gets the next ids.
    let resident = login(&app, "resident-1@demo.tawasol.ma").await;
    let res = app
        .post(
            "/api/v1/issues",
            Some(&resident),
            &json!({"commune": "tangier", "category": "public_lighting",
                    "title": "Lampadaire éteint après la démo", "description": "Depuis hier soir."}),
        )
        .await;
    assert_eq!(res.status(), 201);
    assert_eq!(json(res).await["id"], 301);
    let collecting = json(app.get("/api/v1/petitions?status=collecting").await).await;
    let petition = collecting["items"][0]["id"].as_i64().unwrap();
    let before = collecting["items"][0]["signature_count"].as_i64().unwrap();
    let mut signed = false;
    for n in 1..=250 {
        let token = login(&app, &format!("resident-{n}@demo.tawasol.ma")).await;
        let res = app
            .post(
                &format!("/api/v1/petitions/{petition}/signatures"),
                Some(&token),
                &json!({"full_name": "Signataire de test", "cin": format!("ZZ{n:06}"),
                        "address": "12 rue de la Démo", "consent": true,
                        "declarations": {"lives_or_works_in_commune": true,
                                         "on_electoral_roll": true, "direct_interest": true}}),
            )
            .await;
        if res.status() == 201 {
            signed = true;
            break;
        }
        assert_eq!(res.status(), 409, "only an earlier signature refuses");
    }
    assert!(signed, "a resident who had not signed can sign");
    let after = json(app.get(&format!("/api/v1/petitions/{petition}")).await).await;
    assert_eq!(after["signature_count"].as_i64().unwrap(), before + 1);
    let official = login(&app, "official-tangier-1@demo.tawasol.ma").await;
    let me = json(
        app.send(Method::GET, "/api/v1/me", Some(&official), None)
            .await,
    )
    .await;
    assert!(
        me.to_string().contains("tangier"),
        "an official of Tangier: {me}"
    );
    let stats = json(app.get("/api/v1/stats?commune=tangier").await).await;
    assert!(stats.to_string().contains("median"), "{stats}");

    // A second load into the same database is refused, and changes nothing.
    assert!(matches!(
        load(&app, options(8)).await,
        Err(DemoError::AlreadyLoaded)
    ));
    let res = app.get("/api/v1/issues/302").await;
    assert_eq!(res.status(), 404);
}

#[tokio::test]
async fn the_same_seed_gives_the_same_data() {
    let mut exports = Vec::new();
    for seed in [11, 11, 12] {
        let app = TestApp::spawn().await;
        load(&app, options(seed)).await.unwrap();
        let issues = app
            .get("/api/v1/exports/issues.jsonl")
            .await
            .text()
            .await
            .unwrap();
        let petitions = app
            .get("/api/v1/exports/petitions.jsonl")
            .await
            .text()
            .await
            .unwrap();
        assert!(issues.lines().count() >= 290);
        exports.push((issues, petitions));
    }
    assert!(exports[0] == exports[1], "seed 11 twice: the same rows");
    assert!(exports[0].0 != exports[2].0, "another seed: other rows");
}
