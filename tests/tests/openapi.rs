//! The OpenAPI document: it names exactly the routes the server has, it is served with Swagger
//! UI (from assets inside the binary), and the contract check that every end-to-end answer goes
//! through does refuse what the document does not allow.

use serde_json::Value;
use std::collections::BTreeSet;
use tawasol_api::rest::route_specs;
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
        r.access == tawasol_api::rest::Access::Authenticated && r.method.as_str() != "HEAD"
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
