//! The OpenAPI document and Swagger UI (served from assets compiled into the binary, so it works
//! with no internet).

use actix_web::HttpResponse;
use actix_web::http::header;
use std::sync::OnceLock;

/// The document, rendered once.
fn rendered() -> &'static str {
    static DOC: OnceLock<String> = OnceLock::new();
    DOC.get_or_init(|| crate::openapi::document().to_string())
}

#[utoipa::path(
    get,
    path = "/api/v1/openapi.json",
    tag = "docs",
    summary = "This document (OpenAPI 3.1)",
    responses((status = 200, description = "The OpenAPI document", body = Object))
)]
pub async fn openapi_json() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(rendered())
}

#[utoipa::path(
    get,
    path = "/api/docs",
    tag = "docs",
    summary = "Swagger UI",
    responses((status = 308, description = "To /api/docs/, the interactive documentation"))
)]
pub async fn swagger_ui() -> HttpResponse {
    HttpResponse::PermanentRedirect()
        .insert_header((header::LOCATION, "/api/docs/"))
        .finish()
}

/// Swagger UI's pages and assets under `/api/docs/`, reading `/api/v1/openapi.json`.
pub fn swagger_service() -> utoipa_swagger_ui::SwaggerUi {
    utoipa_swagger_ui::SwaggerUi::new("/api/docs/{_:.*}")
        .config(utoipa_swagger_ui::Config::new(["/api/v1/openapi.json"]))
}
