//! Probes for load balancers and orchestrators.

use crate::context::AppState;
use crate::http::problem::{ApiError, ProblemKind};
use crate::http::schema::Problems;
use crate::i18n::Message;
use crate::usecases::health;
use actix_web::http::header;
use actix_web::{HttpResponse, web};
use serde_json::json;
use tawasol_persistence::Readiness;

/// The process answers. Never touches the database.
#[utoipa::path(
    get,
    path = "/health/live",
    tag = "health",
    summary = "Liveness",
    responses(
        (status = 200, description = "The process answers", body = crate::rest::schema::Status)
    )
)]
pub async fn live() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(json!({"status": "live"}))
}

/// The database is reachable and migrated; 503 with `Retry-After` otherwise.
#[utoipa::path(
    get,
    path = "/health/ready",
    tag = "health",
    summary = "Readiness (503 while the database is unreachable or migrating)",
    responses(
        (status = 200, description = "Ready to serve", body = crate::rest::schema::Status),
        (status = "default", response = Problems)
    )
)]
pub async fn ready(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    match health::readiness(&state.db).await? {
        Readiness::Ready => Ok(HttpResponse::Ok()
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .json(json!({"status": "ready", "database": state.db.backend().name()}))),
        Readiness::PendingMigrations => Err(ApiError::new(ProblemKind::ServiceUnavailable)
            .detail(Message::new("detail-migrations-pending"))),
    }
}
