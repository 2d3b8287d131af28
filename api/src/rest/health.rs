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
pub async fn live() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(json!({"status": "live"}))
}

/// The database is reachable and migrated; 503 with `Retry-After` otherwise.
pub async fn ready(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    match health::readiness(&state.db).await? {
        Readiness::Ready => Ok(HttpResponse::Ok()
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .json(json!({"status": "ready", "database": state.db.backend().name()}))),
        Readiness::PendingMigrations => Err(ApiError::new(ProblemKind::ServiceUnavailable)
            .detail(Message::new("detail-migrations-pending"))),
    }
}
