//! The accountability figures against a small dataset computed by hand.

use chrono::{TimeDelta, Utc};
use reqwest::Method;
use serde_json::{Value, json};
use tawasol_tests::{access, admin, login, spawn_with_mail, verified_user};

#[tokio::test]
async fn the_figures_match_a_dataset_computed_by_hand() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let admin = admin(&app, &catcher).await;
    let resident = access(&verified_user(&app, &catcher, "resident@tawasol.test", "fr").await);
    verified_user(&app, &catcher, "official@tawasol.test", "fr").await;
    let res = app
        .post(
            "/api/v1/admin/officials",
            Some(&admin),
            &json!({"email": "official@tawasol.test", "commune": "tan-tan", "title": "Chef du service technique"}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let official = access(&login(&app, "official@tawasol.test").await);
    let me: Value = app
        .send(Method::GET, "/api/v1/me", Some(&official), None)
        .await
        .json()
        .await
        .unwrap();
    let official_id = me["id"].as_i64().unwrap();

    // Five street lights, reported 2 h, 10 h, 30 h, 8 days and 1 h ago (the target is 7 days).
    let mut ids = Vec::new();
    for (n, hours_ago) in [2, 10, 30, 8 * 24, 1].into_iter().enumerate() {
        let res = app
            .post(
                "/api/v1/issues",
                Some(&resident),
                &json!({"commune": "tan-tan", "category": "public_lighting", "title": format!("Lampadaire éteint numéro {n}"), "description": "Éteint depuis plusieurs nuits."}),
            )
            .await;
        assert_eq!(res.status(), 201);
        let id = res.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
        let reported = (Utc::now().naive_utc() - TimeDelta::hours(hours_ago))
            .format("%Y-%m-%d %H:%M:%S%.f")
            .to_string();
        app.sql(&format!(
            "UPDATE issues SET created_at = '{reported}' WHERE id = {id}"
        ));
        ids.push(id);
    }
    // The official answers the first three now; the first is then resolved.
    for id in &ids[..3] {
        let res = app
            .post(
                &format!("/api/v1/issues/{id}/replies"),
                Some(&official),
                &json!({"body": "Une équipe passe cette semaine."}),
            )
            .await;
        assert_eq!(res.status(), 201);
    }
    let res = app
        .post(
            &format!("/api/v1/issues/{}/status", ids[0]),
            Some(&official),
            &json!({"status": "resolved", "note": "Lampe remplacée."}),
        )
        .await;
    assert_eq!(res.status(), 200);
    // Noise elsewhere that the commune filter must leave out.
    app.post(
        "/api/v1/issues",
        Some(&resident),
        &json!({"commune": "sefrou", "category": "public_lighting", "title": "Lampadaire à Sefrou", "description": "Éteint depuis plusieurs nuits."}),
    )
    .await;

    let figures: Value = app
        .get("/api/v1/stats?commune=tan-tan&category=public_lighting")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(figures["total"], 5);
    assert_eq!(figures["by_status"]["submitted"], 4);
    assert_eq!(figures["by_status"]["resolved"], 1);
    assert_eq!(
        (figures["open"].as_i64(), figures["closed"].as_i64()),
        (Some(4), Some(1))
    );
    // Answers after 2, 10 and 30 hours: nearest-rank median 10 h, 90th percentile 30 h.
    assert_eq!(
        figures["first_answer"],
        json!({"count": 3, "median_hours": 10.0, "p90_hours": 30.0})
    );
    assert_eq!(
        figures["resolution"],
        json!({"count": 1, "median_hours": 2.0, "p90_hours": 2.0})
    );
    // Due: the three answered and the one 8 days old; all three answers came in time.
    assert_eq!(
        figures["target"],
        json!({"due": 4, "answered_within_target": 3, "share": 0.75})
    );
    let overdue = figures["overdue"].as_array().unwrap();
    assert_eq!(overdue.len(), 1);
    assert_eq!(overdue[0]["id"], ids[3]);
    assert_eq!(overdue[0]["days_overdue"], 1);
    assert_eq!(overdue[0]["target_days"], 7);
    let officials = figures["officials"].as_array().unwrap();
    assert_eq!(officials.len(), 1);
    assert_eq!(officials[0]["user_id"], official_id);
    assert_eq!(officials[0]["answers"], 3);
    assert_eq!(officials[0]["status_changes"], 1);
    assert_eq!(
        officials[0]["first_answers"],
        json!({"count": 3, "median_hours": 10.0, "p90_hours": 30.0})
    );
    assert!(!figures.to_string().contains("@tawasol.test"));

    // A resident reads the same figures on the commune's page, found from the home page, in
    // plain words in each language: half answered within 10 hours (the median, 10 h), nine in
    // ten within 2 days (30 h, rounded up to whole days), 3 of the 4 due answered in time, one
    // waiting past its deadline. Each category's full name heads its bar, with its share as the
    // language writes a percentage.
    let b = crate::web::browser();
    for (lang, said, lighting_share) in [
        (
            "fr",
            "5 signalements jusqu’ici. 3 signalements ont reçu une réponse officielle : la moitié en 10 heures au plus, neuf sur dix en 2 jours au plus. Réponses dans le délai fixé : 3 sur 4. 1 signalement attend encore sa réponse, son délai passé.",
            "75\u{a0}%",
        ),
        (
            "ar",
            "5 بلاغات إلى الآن. تلقت 3 بلاغات ردا رسميا: نصفها خلال 10 ساعات على الأكثر، وتسعة من كل عشرة خلال يومين على الأكثر. الردود داخل الأجل المحدد: 3 من أصل 4. بلاغ واحد ينتظر ردا بعد انقضاء أجله.",
            "75%",
        ),
        (
            "zgh",
            "5 ⵏ ⵉⵎⵓⴽⵔⴰⴹ ⴰⵔ ⴷⵖⵉ. 3 ⵏ ⵉⵎⵓⴽⵔⴰⴹ ⵓⴼⴰⵏ ⵜⵉⵔⴰⵔⵉⵜ ⵜⵓⵏⵚⵉⴱⵜ: ⴰⵣⴳⵏ ⵏⵏⵙⵏ ⴳ 10 ⵏ ⵜⵙⵔⴰⴳⵉⵏ ⵏⵖ ⴷⵔⵓⵙ, ⵜⵥⴰ ⵙⴳ ⵎⵔⴰⵡ ⴳ 2 ⵏ ⵡⵓⵙⵙⴰⵏ ⵏⵖ ⴷⵔⵓⵙ. ⵜⵉⵔⴰⵔⵉⵏ ⴳ ⵓⵣⵎⵣ: 3 ⵙⴳ 4. ⵢⴰⵏ ⵓⵎⵓⴽⵔⴰⴹ ⵉⵣⵔⵉ ⴰⵣⵎⵣ ⵏⵏⵙ ⴱⵍⴰ ⵜⵉⵔⴰⵔⵉⵜ.",
            "75\u{a0}%",
        ),
    ] {
        let (_, home) = crate::web::get(&app, &b, &format!("/?lang={lang}")).await;
        let commune: Value = app
            .get(&format!("/api/v1/communes/tan-tan?lang={lang}"))
            .await
            .json()
            .await
            .unwrap();
        let name = commune["name"].as_str().unwrap();
        let href = crate::web::link_to(&home, &format!("<bdi>{}</bdi></a>", escaped(name)));
        let (status, page) = crate::web::get(&app, &b, &href).await;
        assert_eq!(status, 200, "{href}");
        assert!(page.contains(said), "{lang}: {said}\n{page}");
        assert!(!page.contains("médiane") && !page.contains("الوسيط"));
        let categories = commune["categories"].as_array().unwrap();
        for category in categories {
            let full = escaped(category["name"].as_str().unwrap());
            assert!(
                page.contains(&format!("<span class=\"bar-label\">{full}</span>")),
                "{lang}: the whole name {full} heads its bar"
            );
        }
        let lighting = categories
            .iter()
            .find(|c| c["code"] == "public_lighting")
            .unwrap();
        let bar = &page[page
            .find(&format!(
                "<span class=\"bar-label\">{}</span>",
                escaped(lighting["name"].as_str().unwrap())
            ))
            .unwrap()..];
        let bar = &bar[..bar.find("</li>").unwrap()];
        assert!(
            bar.contains(&format!(
                "<meter min=\"0\" max=\"100\" value=\"75\" aria-hidden=\"true\"></meter><bdi class=\"bar-value\" dir=\"ltr\">{lighting_share}</bdi>"
            )),
            "{lang}: {bar}"
        );
        let in_words = match lang {
            "fr" => "3 sur 4 dans le délai de 7 jours",
            "ar" => "3 من أصل 4 خلال أجل 7 أيام",
            _ => "3 ⵙⴳ 4 ⴳ ⵓⵣⵎⵣ ⵏ 7 ⵏ ⵡⵓⵙⵙⴰⵏ",
        };
        assert!(bar.contains(in_words), "{lang}: {bar}");
        // Categories with nothing due yet say so, without a bar.
        assert_eq!(
            page.matches("<meter ").count(),
            1,
            "{lang}: one category has answers due"
        );
    }

    // The official's own scope, and a time window.
    let mine: Value = app
        .get(&format!("/api/v1/stats?official={official_id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(mine["total"], 5);
    // Windows are whole days of Moroccan time: a date, or any time within it, means that day.
    let three_days_ago = (Utc::now().with_timezone(&chrono_tz::Africa::Casablanca)
        - TimeDelta::days(3))
    .date_naive();
    let recent: Value = app
        .get(&format!(
            "/api/v1/stats?commune=tan-tan&from={three_days_ago}"
        ))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        recent["total"], 4,
        "the last three days and today: not the 8-day-old one"
    );
    assert_eq!(recent["first_answer"]["count"], 3);
    let day_start = recent["from"].as_str().unwrap().to_owned();
    for within in ["T01:00:00.000000001+01:00", "T13:45:00+01:00", "T22:59:59Z"] {
        let same: Value = app
            .get(&format!(
                "/api/v1/stats?commune=tan-tan&from={three_days_ago}{}",
                within.replace('+', "%2B")
            ))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(same["from"], day_start.as_str(), "{within}");
        assert_eq!(same["total"], 4, "{within}");
    }
    let older: Value = app
        .get(&format!(
            "/api/v1/stats?commune=tan-tan&to={three_days_ago}"
        ))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(older["total"], 1, "only the 8-day-old one");
    let everywhere: Value = app.get("/api/v1/stats").await.json().await.unwrap();
    assert_eq!(everywhere["total"], 6);

    // Bad parameters are named.
    // 400 when the value breaks the document (not a number, not a date); 422 when it follows it
    // but names nothing known or makes no sense with the others.
    for (query, name, status, kind) in [
        ("commune=atlantis", "commune", 422, "validation"),
        (
            "commune=tan-tan&category=unicorns",
            "category",
            422,
            "validation",
        ),
        ("official=abc", "official", 400, "invalid-parameter"),
        ("official=999999", "official", 422, "validation"),
        ("from=yesterday", "from", 400, "invalid-parameter"),
        ("from=2026-11-20&to=2026-11-10", "to", 422, "validation"),
    ] {
        let res = app.get(&format!("/api/v1/stats?{query}")).await;
        assert_eq!(res.status(), status, "{query}");
        let problem: Value = res.json().await.unwrap();
        assert_eq!(problem["type"], format!("/problems/{kind}"), "{query}");
        assert_eq!(
            problem["errors"][0]["parameter"].as_str(),
            Some(name),
            "{query}: {problem}"
        );
    }
}

#[tokio::test]
async fn figures_are_computed_once_per_time_to_live_and_say_when() {
    let (app, catcher) =
        spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off"), ("TAWASOL_STATS_TTL", "300")]).await;
    let resident = access(&verified_user(&app, &catcher, "resident@tawasol.test", "fr").await);
    let report = |n: usize| {
        json!({"commune": "sefrou", "category": "public_lighting",
               "title": format!("Lampadaire éteint numéro {n}"), "description": "Depuis une semaine."})
    };
    assert_eq!(
        app.post("/api/v1/issues", Some(&resident), &report(1))
            .await
            .status(),
        201
    );
    let first: Value = app
        .get("/api/v1/stats?commune=sefrou")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(first["total"], 1);
    assert_eq!(
        app.post("/api/v1/issues", Some(&resident), &report(2))
            .await
            .status(),
        201
    );
    // Within five minutes the same figures come back, with the time they were computed; another
    // query is computed on its own.
    let again: Value = app
        .get("/api/v1/stats?commune=sefrou")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(again, first);
    let everywhere: Value = app.get("/api/v1/stats").await.json().await.unwrap();
    assert_eq!(everywhere["total"], 2);
}

/// Text as the pages write it in HTML.
fn escaped(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#x27;")
}
