//! The OpenAPI document: it names exactly the routes the server has, it is served with Swagger
//! UI (from assets inside the binary), and the contract check that every end-to-end answer goes
//! through does refuse what the document does not allow.

use serde_json::Value;
use std::collections::BTreeSet;
use tawasol_api::startup::route_specs;
use tawasol_tests::{TestApp, contract};

#[test]
fn the_document_names_every_route_of_the_table_and_nothing_else() {
    let doc: Value = tawasol_api::openapi::document();
    let mut documented = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            if ["get", "post", "put", "patch", "delete"].contains(&method.as_str()) {
                documented.insert(format!("{} {path}", method.to_uppercase()));
            }
        }
    }
    let routes: BTreeSet<String> = route_specs()
        .into_iter()
        .filter(|r| r.method.as_str() != "HEAD")
        .map(|r| format!("{} {}", r.method, r.path))
        .collect();
    let missing: Vec<_> = routes.difference(&documented).collect();
    let extra: Vec<_> = documented.difference(&routes).collect();
    assert!(
        missing.is_empty(),
        "routes missing from the OpenAPI document: {missing:?}"
    );
    assert!(
        extra.is_empty(),
        "documented operations with no route: {extra:?}"
    );
    // Every operation documents its answers, and every protected one its security.
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            assert!(
                op["responses"].as_object().is_some_and(|r| !r.is_empty()),
                "{method} {path} documents no answer"
            );
        }
    }
    let protected = route_specs().into_iter().filter(|r| {
        r.access == tawasol_api::http::routes::Access::Authenticated && r.method.as_str() != "HEAD"
    });
    for r in protected {
        let op = &doc["paths"][r.path][r.method.as_str().to_lowercase()];
        assert!(
            op["security"].is_array(),
            "{} {} needs a bearer token but does not say so",
            r.method,
            r.path
        );
    }
}

#[tokio::test]
async fn the_document_and_swagger_ui_are_served_without_internet() {
    let app = TestApp::spawn().await;
    let res = app.get("/api/v1/openapi.json").await;
    assert_eq!(res.status(), 200);
    let doc: Value = res.json().await.unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    assert_eq!(doc["info"]["license"]["identifier"], "AGPL-3.0-or-later");
    assert!(doc["components"]["schemas"]["Problem"].is_object());
    let res = app.get("/api/docs").await;
    assert_eq!(res.status(), 308);
    assert_eq!(res.headers()["location"], "/api/docs/");
    let page = app.get("/api/docs/").await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("swagger-ui"), "{html}");
    for asset in [
        "/api/docs/swagger-ui.css",
        "/api/docs/swagger-ui-bundle.js",
        "/api/docs/swagger-initializer.js",
    ] {
        let res = app.get(asset).await;
        assert_eq!(res.status(), 200, "{asset}");
        if asset.ends_with("initializer.js") {
            let js = res.text().await.unwrap();
            assert!(js.contains("/api/v1/openapi.json"), "{js}");
        }
    }
}

#[test]
#[should_panic(expected = "does not match its documented schema")]
fn the_contract_refuses_a_body_that_breaks_its_schema() {
    contract::check(
        "GET",
        "/api/v1/issues/1",
        200,
        "application/json",
        br#"{"id": "one", "title": 3}"#,
    );
}

#[test]
#[should_panic(expected = "is not documented")]
fn the_contract_refuses_an_undocumented_status() {
    contract::check("GET", "/api/v1/openapi.json", 418, "text/plain", b"");
}

#[test]
fn the_contract_finds_the_template_of_a_concrete_path() {
    assert_eq!(
        contract::template_of("/api/v1/issues/42/replies"),
        Some("/api/v1/issues/{id}/replies")
    );
    assert_eq!(
        contract::template_of("/open311/v2/requests.json?x=1"),
        Some("/open311/v2/requests.{format}")
    );
    assert_eq!(
        contract::template_of("/open311/v2/requests/7.xml"),
        Some("/open311/v2/requests/{service_request_id}.{format}")
    );
    assert_eq!(
        contract::template_of("/feeds/communes/tangier.atom"),
        Some("/feeds/communes/{slug}.atom")
    );
    assert_eq!(contract::template_of("/nowhere"), None);
}

#[test]
fn the_document_says_which_operations_need_a_token_as_the_route_table_does() {
    let doc: Value = tawasol_api::openapi::document();
    for r in route_specs() {
        if r.method.as_str() == "HEAD" {
            continue;
        }
        let op = &doc["paths"][r.path][r.method.as_str().to_lowercase()];
        // Required: every alternative names a scheme ([{}, {"bearer": []}] is optional).
        let required = op["security"].as_array().is_some_and(|s| {
            !s.is_empty()
                && s.iter()
                    .all(|a| a.as_object().is_some_and(|o| !o.is_empty()))
        });
        assert_eq!(
            required,
            r.access == tawasol_api::http::routes::Access::Authenticated,
            "{} {}: the document and the route table disagree on the token",
            r.method,
            r.path
        );
        // Every answer is explicit: a `default` would let any status pass for documented.
        assert!(
            op["responses"].get("default").is_none(),
            "{} {} documents a default answer",
            r.method,
            r.path
        );
        let lang = op["parameters"]
            .as_array()
            .and_then(|ps| ps.iter().find(|p| p["name"] == "lang"));
        assert_eq!(
            lang.map(|p| p["schema"]["enum"].clone()),
            Some(serde_json::json!(["ar", "fr", "zgh"])),
            "{} {} does not document ?lang=",
            r.method,
            r.path
        );
    }
}

#[tokio::test]
async fn other_methods_are_405_with_allow_whatever_else_is_wrong() {
    let app = TestApp::spawn().await;
    let trace = reqwest::Method::from_bytes(b"TRACE").unwrap();
    for (path, allow, media) in [
        (
            "/api/v1/issues?lang=xx",
            "GET, HEAD, POST",
            "application/problem+json",
        ),
        (
            "/feeds/issues/1.atom?lang=",
            "GET, HEAD",
            "application/problem+json",
        ),
        (
            "/open311/v2/discovery.json?lang=xx",
            "GET, HEAD",
            "application/json; charset=utf-8",
        ),
    ] {
        let res = app
            .client
            .request(trace.clone(), app.url(path))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 405, "{path}");
        assert_eq!(res.headers()["allow"], allow, "{path}");
        assert_eq!(res.headers()["content-type"], media, "{path}");
    }
}

#[tokio::test]
async fn a_protected_route_without_a_token_is_401_before_its_parameters_or_body_are_read() {
    let app = TestApp::spawn().await;
    for (method, path, body) in [
        (
            reqwest::Method::POST,
            "/api/v1/issues/1/status",
            r#"{"status": ""}"#,
        ),
        (reqwest::Method::PATCH, "/api/v1/petitions/1?lang=xx", "{}"),
        (reqwest::Method::POST, "/api/v1/issues", "not json"),
        (reqwest::Method::GET, "/api/v1/admin/outbox?status=nope", ""),
    ] {
        let res = app
            .client
            .request(method.clone(), app.url(path))
            .header("content-type", "application/json")
            .header("idempotency-key", "")
            .body(body)
            .send()
            .await
            .unwrap();
        let res = tawasol_tests::checked(method.as_str(), path, res).await;
        assert_eq!(res.status(), 401, "{method} {path}");
        assert_eq!(
            res.headers()["www-authenticate"],
            "Bearer realm=\"tawasol\""
        );
        let problem: Value = res.json().await.unwrap();
        assert_eq!(problem["type"], "/problems/unauthorized");
    }
}

#[tokio::test]
async fn lang_is_one_of_three_codes_exactly() {
    let app = TestApp::spawn().await;
    assert_eq!(app.get("/api/v1/communes?lang=fr").await.status(), 200);
    for query in [
        "lang=FR",
        "lang=%20fr",
        "lang=fr&lang=xx",
        "lang=%FF",
        "lang=",
    ] {
        let res = app.get(&format!("/api/v1/communes?{query}")).await;
        assert_eq!(res.status(), 400, "{query}");
        let problem: Value = res.json().await.unwrap();
        assert_eq!(problem["errors"][0]["parameter"], "lang", "{query}");
    }
}

#[tokio::test]
async fn what_the_framework_refuses_before_a_handler_is_a_problem_too() {
    let app = TestApp::spawn().await;
    // A path parameter that does not parse, a query string that does not decode.
    for path in ["/api/v1/issues/abc", "/api/v1/issues?q=a&q=b", "/issues/x"] {
        let res = app.get(path).await;
        assert!(res.status().is_client_error(), "{path}");
        assert_eq!(
            res.headers()["content-type"],
            "application/problem+json",
            "{path}"
        );
    }
    // A JSON body that is not JSON, or not an object; a form that is not a form (a person reads
    // that answer: it is a page in their language).
    for (path, content_type, body, status, answer) in [
        (
            "/api/v1/auth/login",
            "application/json",
            "{",
            400,
            "application/problem+json",
        ),
        (
            "/api/v1/auth/login",
            "application/json",
            "[1, 2]",
            422,
            "application/problem+json",
        ),
        (
            "/api/v1/auth/login",
            "text/plain",
            "{}",
            415,
            "application/problem+json",
        ),
        (
            "/login",
            "application/json",
            "{}",
            415,
            "text/html; charset=utf-8",
        ),
    ] {
        let res = app
            .client
            .post(app.url(path))
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .unwrap();
        let res = tawasol_tests::checked("POST", path, res).await;
        assert_eq!(res.status(), status, "{path} {body}");
        assert_eq!(res.headers()["content-type"], answer, "{path}");
    }
}

/// Sends raw bytes on a fresh connection and reads the whole answer (the server closes it).
async fn raw_exchange(app: &TestApp, request: &[u8]) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let address = app.address.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    stream.write_all(request).await.unwrap();
    let mut answer = Vec::new();
    tokio::time::timeout(
        std::time::Duration::from_secs(10),
        stream.read_to_end(&mut answer),
    )
    .await
    .expect("the server answers and closes")
    .unwrap();
    String::from_utf8_lossy(&answer).into_owned()
}

#[tokio::test]
async fn raw_utf8_in_the_request_line_is_an_empty_400_from_the_http_parser() {
    let app = TestApp::spawn().await;
    // What `curl '…?q=شارع'` sends: the UTF-8 bytes themselves, not percent-encoded. The HTTP
    // parser refuses the request line before any middleware or handler (no problem body: the
    // framework offers no hook there), as docs/api.md says.
    let raw = "GET /api/v1/issues?q=شارع HTTP/1.1\r\nHost: localhost\r\n\r\n";
    let answer = raw_exchange(&app, raw.as_bytes()).await;
    let head = answer.to_ascii_lowercase();
    assert!(head.starts_with("http/1.1 400 bad request\r\n"), "{answer}");
    assert!(head.contains("\r\ncontent-length: 0\r\n"), "{answer}");
    assert!(head.ends_with("\r\n\r\n"), "an empty body: {answer}");
    // The same request, percent-encoded, reaches the API.
    let encoded = "GET /api/v1/issues?q=%D8%B4%D8%A7%D8%B1%D8%B9 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
    let answer = raw_exchange(&app, encoded.as_bytes()).await;
    assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{answer}");
    assert!(answer.contains("\"items\""), "{answer}");
}

#[tokio::test]
async fn a_percent_encoded_arabic_search_finds_the_issue() {
    let (app, catcher) = tawasol_tests::spawn_with_mail(&[]).await;
    let token = tawasol_tests::access(
        &tawasol_tests::verified_user(&app, &catcher, "amina@tawasol.test", "ar").await,
    );
    let issue = serde_json::json!({
        "commune": "tangier", "category": "public_lighting",
        "title": "مصباح الشارع معطل", "description": "الإنارة منعدمة في الشارع منذ أسبوع.",
    });
    let res = app.post("/api/v1/issues", Some(&token), &issue).await;
    assert_eq!(res.status(), 201);
    let id = res.json::<Value>().await.unwrap()["id"].clone();
    // `curl -G --data-urlencode 'q=شارع'`, as docs/api.md shows it.
    let res = app
        .get("/api/v1/issues?commune=tangier&q=%D8%B4%D8%A7%D8%B1%D8%B9")
        .await;
    assert_eq!(res.status(), 200);
    let found: Value = res.json().await.unwrap();
    let ids: Vec<&Value> = found["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| &i["id"])
        .collect();
    assert_eq!(ids, [&id]);
}
