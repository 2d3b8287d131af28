//! Probes for load balancers and orchestrators.

use crate::i18n::Message;
use crate::problem::{ApiError, ProblemKind};
use crate::startup::AppState;
use crate::usecases::health;
use actix_web::http::header;
use actix_web::{HttpResponse, web};
use serde_json::json;
use tawasol_persistence::Readiness;

/// The process answers. Never touches the database.
#[utoipa::path(get, path = "/health/live", tag = "health", summary = "Liveness", responses((status = 200, description = "The process answers", body = crate::openapi::Status)))]
pub async fn live() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(json!({"status": "live"}))
}

/// The database is reachable and migrated; 503 with `Retry-After` otherwise.
#[utoipa::path(get, path = "/health/ready", tag = "health", summary = "Readiness (503 while the database is unreachable or migrating)", responses((status = 200, description = "Ready to serve", body = crate::openapi::Status), (status = "default", description = "A problem (RFC 9457): see the `type`", body = crate::openapi::Problem, content_type = "application/problem+json")))]
pub async fn ready(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    match health::readiness(&state.db).await? {
        Readiness::Ready => Ok(HttpResponse::Ok()
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .json(json!({"status": "ready", "database": state.db.backend().name()}))),
        Readiness::PendingMigrations => Err(ApiError::new(ProblemKind::ServiceUnavailable)
            .detail(Message::new("detail-migrations-pending"))),
    }
}
