//! `/api/v1/exports/{issues,petitions}.{csv,jsonl}`: open data, streamed.

use crate::context::AppState;
use crate::http::problem::ApiError;
use crate::http::schema::Problems;
use crate::i18n::Message;
use crate::usecases::UseCaseError;
use crate::usecases::exports::{self, Dataset, Format};
use actix_web::http::header;
use actix_web::{HttpResponse, web};
use futures_util::StreamExt;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct Query {
    commune: Option<String>,
}

async fn export(
    state: &AppState,
    query: Query,
    dataset: Dataset,
    format: Format,
) -> Result<HttpResponse, ApiError> {
    let commune = query.commune.filter(|c| !c.is_empty());
    let commune_id = exports::commune_id(state, commune)
        .await
        .map_err(|e| match e {
            UseCaseError::Invalid(_) => {
                ApiError::unacceptable_parameter("commune", Message::new("field-commune"))
            }
            other => other.into(),
        })?;
    let body = exports::stream(state, dataset, format, commune_id, exports::BATCH)
        .await?
        .map(|chunk| chunk.map_err(|e| actix_web::error::ErrorInternalServerError(e.to_string())));
    let (name, ext, content_type) = match (dataset, format) {
        (Dataset::Issues, Format::Csv) => ("issues", "csv", "text/csv; charset=utf-8"),
        (Dataset::Issues, Format::JsonLines) => {
            ("issues", "jsonl", "application/jsonl; charset=utf-8")
        }
        (Dataset::Petitions, Format::Csv) => ("petitions", "csv", "text/csv; charset=utf-8"),
        (Dataset::Petitions, Format::JsonLines) => {
            ("petitions", "jsonl", "application/jsonl; charset=utf-8")
        }
    };
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("inline; filename=\"tawasol-{name}.{ext}\""),
        ))
        .insert_header((header::CACHE_CONTROL, "public, max-age=300"))
        .streaming(body))
}

#[utoipa::path(
    get,
    path = "/api/v1/exports/issues.csv",
    tag = "open data",
    summary = "Every public issue (CSV)",
    params(("commune" = Option<String>, Query, description = "Commune slug")),
    responses(
        (status = 200, description = "Every public issue (CSV), streamed; see docs/open-data.md", body = String, content_type = "text/csv"),
        (status = "default", response = Problems)
    )
)]
pub async fn issues_csv(
    state: web::Data<AppState>,
    query: web::Query<Query>,
) -> Result<HttpResponse, ApiError> {
    export(&state, query.into_inner(), Dataset::Issues, Format::Csv).await
}

#[utoipa::path(
    get,
    path = "/api/v1/exports/issues.jsonl",
    tag = "open data",
    summary = "Every public issue (JSON Lines)",
    params(("commune" = Option<String>, Query, description = "Commune slug")),
    responses(
        (status = 200, description = "Every public issue (JSON Lines), streamed; see docs/open-data.md", body = String, content_type = "application/jsonl"),
        (status = "default", response = Problems)
    )
)]
pub async fn issues_jsonl(
    state: web::Data<AppState>,
    query: web::Query<Query>,
) -> Result<HttpResponse, ApiError> {
    export(
        &state,
        query.into_inner(),
        Dataset::Issues,
        Format::JsonLines,
    )
    .await
}

#[utoipa::path(
    get,
    path = "/api/v1/exports/petitions.csv",
    tag = "open data",
    summary = "Every published petition (CSV)",
    params(("commune" = Option<String>, Query, description = "Commune slug")),
    responses(
        (status = 200, description = "Every published petition (CSV), streamed; see docs/open-data.md", body = String, content_type = "text/csv"),
        (status = "default", response = Problems)
    )
)]
pub async fn petitions_csv(
    state: web::Data<AppState>,
    query: web::Query<Query>,
) -> Result<HttpResponse, ApiError> {
    export(&state, query.into_inner(), Dataset::Petitions, Format::Csv).await
}

#[utoipa::path(
    get,
    path = "/api/v1/exports/petitions.jsonl",
    tag = "open data",
    summary = "Every published petition (JSON Lines)",
    params(("commune" = Option<String>, Query, description = "Commune slug")),
    responses(
        (status = 200, description = "Every published petition (JSON Lines), streamed; see docs/open-data.md", body = String, content_type = "application/jsonl"),
        (status = "default", response = Problems)
    )
)]
pub async fn petitions_jsonl(
    state: web::Data<AppState>,
    query: web::Query<Query>,
) -> Result<HttpResponse, ApiError> {
    export(
        &state,
        query.into_inner(),
        Dataset::Petitions,
        Format::JsonLines,
    )
    .await
}
