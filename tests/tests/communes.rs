use serde_json::Value;
use tawasol_tests::TestApp;

async fn json(res: reqwest::Response) -> Value {
    res.json().await.expect("a JSON body")
}

fn slugs(body: &Value) -> Vec<&str> {
    body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["slug"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn the_three_communes_are_listed_in_arabic_by_default_with_all_three_names() {
    let app = TestApp::spawn().await;
    let res = app.get("/api/v1/communes").await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-language"], "ar");
    let body = json(res).await;
    assert_eq!(slugs(&body), ["sefrou", "tan-tan", "tangier"]);
    assert_eq!(body["next_cursor"], Value::Null);
    let tangier = &body["items"][2];
    assert_eq!(tangier["name"], "طنجة");
    assert_eq!(tangier["names"]["fr"], "Tanger");
    assert_eq!(tangier["names"]["zgh"], "ⵟⴰⵏⵊⴰ");
    assert_eq!(tangier["petition_threshold"], 400);
    assert_eq!(tangier["population"], 1_275_428);
    assert_eq!(tangier["census_year"], 2024);
    assert_eq!(tangier["time_zone"], "Africa/Casablanca");
    assert_eq!(tangier["arrondissements"].as_array().unwrap().len(), 4);
    assert_eq!(body["items"][1]["name"], "طانطان");
    assert_eq!(body["items"][1]["petition_threshold"], 200);
    assert_eq!(body["items"][0]["centre"]["lat"], 33.8294);
}

#[tokio::test]
async fn accept_language_picks_the_name_and_lang_overrides_it() {
    let app = TestApp::spawn().await;
    let fr = json(
        app.get_in("/api/v1/communes", "fr-FR,fr;q=0.9,en;q=0.5")
            .await,
    )
    .await;
    assert_eq!(fr["items"][2]["name"], "Tanger");
    let res = app.get_in("/api/v1/communes?lang=zgh", "fr").await;
    assert_eq!(res.headers()["content-language"], "zgh");
    let zgh = json(res).await;
    assert_eq!(zgh["items"][2]["name"], "ⵟⴰⵏⵊⴰ");
    assert_eq!(zgh["items"][2]["arrondissements"][1]["name"], "ⴱⵏⵉ ⵎⴽⴰⴷⴰ");
    // A language we do not speak falls back to Arabic.
    let en = json(app.get_in("/api/v1/communes", "en-GB").await).await;
    assert_eq!(en["items"][0]["name"], "صفرو");
}

#[tokio::test]
async fn one_commune_comes_with_its_arrondissements_and_categories() {
    let app = TestApp::spawn().await;
    let res = app.get("/api/v1/communes/tangier?lang=fr").await;
    assert_eq!(res.status(), 200);
    let body = json(res).await;
    assert_eq!(body["slug"], "tangier");
    assert_eq!(body["name"], "Tanger");
    let arr: Vec<&str> = body["arrondissements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        arr,
        [
            "Tanger-Médina",
            "Bni Makada",
            "Charf-Mghogha",
            "Charf-Souani"
        ]
    );
    let categories = body["categories"].as_array().unwrap();
    assert_eq!(categories.len(), 11);
    let lighting = categories
        .iter()
        .find(|c| c["code"] == "public_lighting")
        .unwrap();
    assert_eq!(lighting["name"], "Éclairage public");
    assert_eq!(lighting["names"]["ar"], "الإنارة العمومية");
    assert_eq!(
        lighting["department"]["name"],
        "Service de l'éclairage public"
    );
    assert!(
        lighting["department"]["names"]["zgh"]
            .as_str()
            .unwrap()
            .contains('ⵜ')
    );
    assert_eq!(lighting["answer_target_days"], 7);

    let sefrou = json(app.get("/api/v1/communes/sefrou").await).await;
    assert_eq!(sefrou["arrondissements"], serde_json::json!([]));
    assert_eq!(sefrou["categories"][0]["name"], "الطرق والأرصفة");
}

#[tokio::test]
async fn an_unknown_commune_is_a_localised_404_problem() {
    let app = TestApp::spawn().await;
    for (path, lang, title) in [
        ("/api/v1/communes/casablanca", "fr", "Ressource introuvable"),
        ("/api/v1/communes/casablanca", "ar", "غير موجود"),
        ("/api/v1/communes/Not%20a%20slug", "zgh", "ⵓⵔ ⵉⵜⵜⵢⴰⴼⴰ"),
    ] {
        let res = app.get_in(path, lang).await;
        assert_eq!(res.status(), 404);
        assert_eq!(res.headers()["content-type"], "application/problem+json");
        let body = json(res).await;
        assert_eq!(body["type"], "/problems/not-found");
        assert_eq!(body["title"], title);
        assert_eq!(body["status"], 404);
    }
    let body = json(app.get_in("/api/v1/communes/casablanca", "fr").await).await;
    assert_eq!(
        body["detail"],
        "Aucune commune ne porte l’identifiant « casablanca »."
    );
}

#[tokio::test]
async fn pages_follow_the_cursor_without_repeating_or_skipping() {
    let app = TestApp::spawn().await;
    let first = json(app.get("/api/v1/communes?limit=2").await).await;
    assert_eq!(slugs(&first), ["sefrou", "tan-tan"]);
    let cursor = first["next_cursor"].as_str().expect("a next cursor");
    let second = json(
        app.get(&format!("/api/v1/communes?limit=2&cursor={cursor}"))
            .await,
    )
    .await;
    assert_eq!(slugs(&second), ["tangier"]);
    assert_eq!(second["next_cursor"], Value::Null);
}

#[tokio::test]
async fn bad_list_parameters_are_400_problems_naming_the_parameter() {
    let app = TestApp::spawn().await;
    // 400 for a value the document does not allow; 422 for a well-formed cursor (base64url)
    // that this server did not issue.
    for (query, parameter, status, kind) in [
        ("limit=0", "limit", 400, "invalid-parameter"),
        ("limit=101", "limit", 400, "invalid-parameter"),
        ("limit=many", "limit", 400, "invalid-parameter"),
        ("limit=+5", "limit", 400, "invalid-parameter"),
        ("cursor=not.ours", "cursor", 400, "invalid-parameter"),
        ("cursor=not-ours", "cursor", 422, "validation"),
        ("lang=en", "lang", 400, "invalid-parameter"),
    ] {
        let res = app.get_in(&format!("/api/v1/communes?{query}"), "fr").await;
        assert_eq!(res.status(), status, "{query}");
        let body = json(res).await;
        assert_eq!(body["type"], format!("/problems/{kind}"), "{query}");
        assert_eq!(body["errors"][0]["parameter"], parameter, "{query}");
        assert!(body["errors"][0]["detail"].as_str().unwrap().len() > 5);
    }
}
