//! Open data exports: they parse, hold what is public and nothing personal, and stream.

use futures_util::StreamExt;
use serde_json::{Value, json};
use tawasol_api::usecases::exports::{self, Dataset, Format};
use tawasol_tests::{TestApp, access, spawn_with_mail, verified_user};

async fn report(app: &TestApp, token: &str, title: &str, description: &str) -> i64 {
    let res = app
        .post(
            "/api/v1/issues",
            Some(token),
            &json!({"commune": "tan-tan", "category": "public_lighting", "title": title, "description": description,
                    "location": {"lat": 28.43712, "lon": -11.10234}, "address": "14 rue Mohammed V, Tan-Tan"}),
        )
        .await;
    assert_eq!(res.status(), 201);
    res.json::<Value>().await.unwrap()["id"].as_i64().unwrap()
}

fn parse_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let text = text.strip_prefix('\u{feff}').expect("a byte-order mark");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

#[tokio::test]
async fn exports_hold_public_data_only_and_stream() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let resident = access(&verified_user(&app, &catcher, "resident@tawasol.test", "ar").await);
    let mut public = Vec::new();
    public.push(
        report(
            &app,
            &resident,
            "Lampadaire éteint",
            "Éteint depuis trois nuits.",
        )
        .await,
    );
    public.push(
        report(
            &app,
            &resident,
            "=HYPERLINK(\"http://x\")",
            "Une cellule piégée.",
        )
        .await,
    );
    for n in 0..3 {
        public.push(
            report(
                &app,
                &resident,
                &format!("Lampe cassée {n}"),
                "Plus de lumière dans la rue.",
            )
            .await,
        );
    }
    // Held for a moderator (an address and a phone number): never exported.
    let held = report(
        &app,
        &resident,
        "Appelez-moi",
        "Mon numéro : 0612345678, écrivez à moi@exemple.ma",
    )
    .await;

    let res = app.get("/api/v1/exports/issues.csv").await;
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let text = res.text().await.unwrap();
    assert!(!text.contains('@'), "no e-mail address: {text}");
    assert!(!text.contains("Mohammed V"), "no address");
    assert!(!text.contains("resident"), "no author");
    let (header, rows) = parse_csv(&text);
    assert_eq!(header[0], "id");
    for absent in ["author", "address", "email", "author_name"] {
        assert!(!header.iter().any(|h| h == absent), "{absent} column");
    }
    let ids: Vec<i64> = rows.iter().map(|r| r[0].parse().unwrap()).collect();
    assert_eq!(ids, public);
    assert!(!ids.contains(&held));
    let lat = header.iter().position(|h| h == "lat").unwrap();
    let lon = header.iter().position(|h| h == "lon").unwrap();
    let title = header.iter().position(|h| h == "title").unwrap();
    assert_eq!(
        (rows[0][lat].as_str(), rows[0][lon].as_str()),
        ("28.4371", "-11.1023"),
        "the public precision, four decimal places"
    );
    assert!(rows[1][title].starts_with("'="), "a formula is defused");

    let res = app
        .get("/api/v1/exports/issues.jsonl?commune=tan-tan")
        .await;
    assert_eq!(res.status(), 200);
    let text = res.text().await.unwrap();
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[0]["lat"], 28.4371);
    assert_eq!(lines[0]["lon"], -11.1023);
    assert!(lines[0].get("address").is_none() && lines[0].get("author_name").is_none());
    let other = app.get("/api/v1/exports/issues.jsonl?commune=sefrou").await;
    assert_eq!(other.text().await.unwrap(), "");
    // A well-formed slug of no commune is unusable (422); one that is no slug breaks the document.
    let bad = app.get("/api/v1/exports/issues.csv?commune=atlantis").await;
    assert_eq!(bad.status(), 422);

    // A batch of two: the same rows, in several chunks.
    let state = app.state();
    let chunks: Vec<_> = exports::stream(&state, Dataset::Issues, Format::JsonLines, None, 2)
        .await
        .expect("a free export slot")
        .collect()
        .await;
    assert_eq!(chunks.len(), 3, "5 rows in batches of 2");
    let streamed: Vec<i64> = chunks
        .into_iter()
        .flat_map(|c| {
            String::from_utf8(c.unwrap().to_vec())
                .unwrap()
                .lines()
                .map(|l| {
                    serde_json::from_str::<Value>(l).unwrap()["id"]
                        .as_i64()
                        .unwrap()
                })
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(streamed, public);
}

#[tokio::test]
async fn the_petitions_export_has_counts_and_steps_and_no_people() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let agent = access(&verified_user(&app, &catcher, "agent@tawasol.test", "fr").await);
    let body = json!({"commune": "sefrou", "title": "Un jardin public", "request": "Aménager un jardin public au quartier.", "reasons": "Aucun espace vert à moins de deux kilomètres.", "filer_type": "citizens"});
    let published = app.post("/api/v1/petitions", Some(&agent), &body).await;
    let published = published.json::<Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap();
    app.post(
        &format!("/api/v1/petitions/{published}/transitions"),
        Some(&agent),
        &json!({"to": "collecting"}),
    )
    .await;
    let res = app
        .post(
            &format!("/api/v1/petitions/{published}/signatures"),
            Some(&agent),
            &json!({"full_name": "Rachid El Idrissi", "cin": "JK55555", "address": "Derb Lalla Fatima 14",
                    "declarations": {"lives_or_works_in_commune": true, "on_electoral_roll": true, "direct_interest": true},
                    "consent": true, "show_name": true}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let draft = app.post("/api/v1/petitions", Some(&agent), &body).await;
    let draft = draft.json::<Value>().await.unwrap()["id"].as_i64().unwrap();

    let text = app
        .get("/api/v1/exports/petitions.jsonl")
        .await
        .text()
        .await
        .unwrap();
    for secret in ["JK55555", "Derb Lalla", "Rachid", "agent", "@"] {
        assert!(!text.contains(secret), "{secret} in {text}");
    }
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1, "drafts are not published");
    assert_eq!(lines[0]["id"], published);
    assert_ne!(lines[0]["id"], draft);
    assert_eq!(lines[0]["signature_count"], 1);
    assert_eq!(lines[0]["status"], "collecting");
    let steps: Vec<&str> = lines[0]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["status"].as_str().unwrap())
        .collect();
    assert_eq!(steps, ["draft", "collecting"]);

    let csv_text = app
        .get("/api/v1/exports/petitions.csv")
        .await
        .text()
        .await
        .unwrap();
    let (header, rows) = parse_csv(&csv_text);
    assert_eq!(rows.len(), 1);
    let collecting = header.iter().position(|h| h == "collecting_at").unwrap();
    assert!(rows[0][collecting].ends_with('Z'));
    let filed = header.iter().position(|h| h == "filed_at").unwrap();
    assert_eq!(rows[0][filed], "");
}

#[tokio::test]
async fn every_public_surface_gives_one_precision_and_the_author_and_officials_the_exact_point() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let admin = tawasol_tests::admin(&app, &catcher).await;
    let author = access(&verified_user(&app, &catcher, "exact@tawasol.test", "fr").await);
    let other = access(&verified_user(&app, &catcher, "other@tawasol.test", "fr").await);
    verified_user(&app, &catcher, "official@tawasol.test", "fr").await;
    let res = app
        .post(
            "/api/v1/admin/officials",
            Some(&admin),
            &json!({"email": "official@tawasol.test", "commune": "tan-tan", "categories": ["roads_sidewalks"], "title": "Voirie"}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let official = access(&tawasol_tests::login(&app, "official@tawasol.test").await);
    let id = report(
        &app,
        &author,
        "Lampadaire éteint",
        "Éteint depuis trois nuits.",
    )
    .await;
    let path = format!("/api/v1/issues/{id}");
    let get = |token: Option<String>| {
        let app = &app;
        let path = path.clone();
        async move {
            app.send(reqwest::Method::GET, &path, token.as_deref(), None)
                .await
                .json::<Value>()
                .await
                .unwrap()
        }
    };
    let exact = json!({"lat": 28.43712, "lon": -11.10234});
    let public = json!({"lat": 28.4371, "lon": -11.1023});
    assert_eq!(get(None).await["location"], public, "anyone");
    assert_eq!(
        get(Some(other.clone())).await["location"],
        public,
        "another resident"
    );
    assert_eq!(
        get(Some(author.clone())).await["location"],
        exact,
        "the author"
    );
    assert_eq!(
        get(Some(official.clone())).await["location"],
        exact,
        "an official of the commune, whatever their categories"
    );
    let list = app
        .get("/api/v1/issues?commune=tan-tan")
        .await
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(list["items"][0]["location"], public);
    let open311 = app
        .get(&format!("/open311/v2/requests/{id}.json"))
        .await
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(open311[0]["lat"], 28.4371);
    assert_eq!(open311[0]["long"], -11.1023);
    let jsonl = app
        .get("/api/v1/exports/issues.jsonl")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        jsonl.contains("\"lat\":28.4371,\"lon\":-11.1023"),
        "{jsonl}"
    );
    for text in [
        app.get(&path).await.text().await.unwrap(),
        app.get("/api/v1/issues").await.text().await.unwrap(),
        app.get(&format!("/open311/v2/requests/{id}.xml"))
            .await
            .text()
            .await
            .unwrap(),
        jsonl,
        app.get("/feeds/communes/tan-tan.atom")
            .await
            .text()
            .await
            .unwrap(),
        app.get(&format!("/issues/{id}"))
            .await
            .text()
            .await
            .unwrap(),
    ] {
        assert!(!text.contains("43712") && !text.contains("10234"), "{text}");
    }
}
