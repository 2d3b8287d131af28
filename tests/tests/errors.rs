use serde_json::Value;
use tawasol_api::http::problem::ProblemKind;
use tawasol_tests::TestApp;

async fn problem(res: reqwest::Response) -> Value {
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    res.json().await.expect("a problem body")
}

#[tokio::test]
async fn unknown_routes_are_404_problems() {
    let app = TestApp::spawn().await;
    for path in [
        "/nothing",
        "/api/v1",
        "/api/v1/communes/tangier/nothing",
        "/api/v2/communes",
    ] {
        let res = app.get_in(path, "fr").await;
        assert_eq!(res.status(), 404, "{path}");
        let body = problem(res).await;
        assert_eq!(body["type"], "/problems/not-found");
        assert_eq!(body["instance"], path);
    }
}

#[tokio::test]
async fn wrong_methods_are_405_with_allow() {
    let app = TestApp::spawn().await;
    for (method, path) in [
        (reqwest::Method::POST, "/api/v1/communes"),
        (reqwest::Method::DELETE, "/api/v1/communes/tangier"),
        (reqwest::Method::PUT, "/health/ready"),
    ] {
        let res = app
            .client
            .request(method.clone(), app.url(path))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 405, "{method} {path}");
        assert_eq!(res.headers()["allow"], "GET, HEAD");
        let body = problem(res).await;
        assert_eq!(body["type"], "/problems/method-not-allowed");
        assert_eq!(body["title"], "الطريقة غير مسموح بها");
    }
}

#[tokio::test]
async fn head_is_answered_like_get_without_a_body() {
    let app = TestApp::spawn().await;
    let res = app
        .client
        .head(app.url("/api/v1/communes"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.bytes().await.unwrap().is_empty());
}

#[tokio::test]
async fn bodies_over_the_cap_are_413_before_anything_runs() {
    let app = TestApp::spawn_with(&[("TAWASOL_BODY_LIMIT", "2048")]).await;
    let big = "x".repeat(4096);
    let res = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .header("content-type", "application/json")
        .header("accept-language", "fr")
        .body(big)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 413);
    let body = problem(res).await;
    assert_eq!(body["type"], "/problems/payload-too-large");
    assert_eq!(body["detail"], "Le corps dépasse 2048 octets.");
}

#[tokio::test]
async fn every_answer_carries_a_request_id_and_keeps_a_plain_incoming_one() {
    let app = TestApp::spawn().await;
    let generated = app.get("/api/v1/communes").await;
    let id = generated.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(id.len(), 36);
    let kept = app
        .client
        .get(app.url("/nothing"))
        .header("x-request-id", "lb-1234.abc")
        .send()
        .await
        .unwrap();
    assert_eq!(kept.headers()["x-request-id"], "lb-1234.abc");
    assert_eq!(problem(kept).await["request_id"], "lb-1234.abc");
    let replaced = app
        .client
        .get(app.url("/nothing"))
        .header("x-request-id", "<script>")
        .send()
        .await
        .unwrap();
    assert_ne!(replaced.headers()["x-request-id"], "<script>");
}

#[tokio::test]
async fn every_problem_type_is_documented_in_three_languages() {
    let app = TestApp::spawn().await;
    for kind in ProblemKind::ALL {
        for (lang, dir) in [("ar", "rtl"), ("fr", "ltr"), ("zgh", "ltr")] {
            let res = app.get(&format!("{}?lang={lang}", kind.type_uri())).await;
            assert_eq!(res.status(), 200, "{}", kind.slug());
            assert!(
                res.headers()["content-type"]
                    .to_str()
                    .unwrap()
                    .starts_with("text/html")
            );
            let page = res.text().await.unwrap();
            assert!(page.contains(&format!("dir=\"{dir}\"")), "{}", kind.slug());
            assert!(page.contains(&format!("<code>{}</code>", kind.type_uri())));
            assert!(page.contains(&kind.title(tawasol_domain::Locale::parse(lang).unwrap())));
        }
    }
    assert_eq!(app.get("/problems/no-such-kind").await.status(), 404);
}

#[tokio::test]
async fn no_problem_leaks_sql_paths_or_backtraces() {
    let app = TestApp::spawn().await;
    for path in [
        "/api/v1/communes/%00",
        "/api/v1/communes?cursor=%27%3B--",
        "/api/v1/communes/a'b",
    ] {
        let res = app.get(path).await;
        assert!(res.status().is_client_error(), "{path}");
        let text = res.text().await.unwrap();
        for leak in [
            "SELECT", "sqlite", "postgres", "/src/", "panicked", "diesel",
        ] {
            assert!(!text.contains(leak), "{path} leaks {leak}: {text}");
        }
    }
}

#[tokio::test]
async fn answers_are_compressed_for_clients_that_ask() {
    let app = TestApp::spawn().await;
    let res = app
        .client
        .get(app.url("/api/v1/communes/tangier"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-encoding"], "gzip");
}

#[tokio::test]
async fn the_home_page_lists_the_communes_in_the_chosen_language() {
    let app = TestApp::spawn().await;
    let ar = app.get("/").await.text().await.unwrap();
    assert!(ar.contains("dir=\"rtl\"") && ar.contains("طنجة"));
    let zgh = app.get("/?lang=zgh").await.text().await.unwrap();
    assert!(zgh.contains("lang=\"zgh\"") && zgh.contains("ⵚⴼⵕⵓ"));
}
