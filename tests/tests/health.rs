use tawasol_persistence::test_support::execute;
use tawasol_tests::{TestApp, test_backend_is_postgres};

#[tokio::test]
async fn live_answers_without_the_database() {
    let app = TestApp::spawn().await;
    let res = app.get("/health/live").await;
    assert_eq!(res.status(), 200);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["status"], "live");
}

#[tokio::test]
async fn ready_names_the_backend_in_use() {
    let app = TestApp::spawn().await;
    let res = app.get("/health/ready").await;
    assert_eq!(res.status(), 200);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["status"], "ready");
    let expected = if test_backend_is_postgres() {
        "postgresql"
    } else {
        "sqlite"
    };
    assert_eq!(body["database"], expected);
}

#[tokio::test]
async fn ready_is_503_with_retry_after_while_migrations_are_pending() {
    let app = TestApp::spawn().await;
    // As if the binary were newer than the database: forget the last applied migration.
    execute(
        &app.db,
        "DELETE FROM __diesel_schema_migrations WHERE version = (SELECT max(version) FROM __diesel_schema_migrations)",
    );
    let res = app.get_in("/health/ready", "fr").await;
    assert_eq!(res.status(), 503);
    assert_eq!(res.headers()["retry-after"], "5");
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["type"], "/problems/service-unavailable");
    assert_eq!(body["title"], "Service momentanément indisponible");
    // Liveness is not readiness: the process still answers.
    assert_eq!(app.get("/health/live").await.status(), 200);
}
