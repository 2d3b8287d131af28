//! `GET /api/v1/stats`: the accountability figures.

use crate::context::AppState;
use crate::http::problem::ApiError;
use crate::http::schema::Problems;
use crate::i18n::Message;
use crate::usecases::UseCaseError;
use crate::usecases::stats::{self, StatsQuery};
use actix_web::{HttpResponse, web};
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct Query {
    commune: Option<String>,
    category: Option<String>,
    official: Option<String>,
    from: Option<String>,
    to: Option<String>,
}

/// A date (`2026-11-01`, midnight UTC) or an RFC 3339 time.
fn time(name: &str, value: Option<&str>) -> Result<Option<NaiveDateTime>, ApiError> {
    match value.filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => DateTime::parse_from_rfc3339(v)
            .map(|t| t.naive_utc())
            .or_else(|_| {
                NaiveDate::parse_from_str(v, "%Y-%m-%d").map(|d| d.and_time(NaiveTime::MIN))
            })
            .map(Some)
            .map_err(|_| ApiError::invalid_parameter(name, Message::new("param-time"))),
    }
}

#[utoipa::path(
    get,
    path = "/api/v1/stats",
    tag = "open data",
    summary = "Accountability figures",
    params(
        ("commune" = Option<String>, Query, description = "Commune slug"),
        ("category" = Option<String>, Query, description = "Category code"),
        ("official" = Option<String>, Query, description = "An official's user id"),
        ("from" = Option<String>, Query, description = "Reported at or after (date or RFC 3339)"),
        ("to" = Option<String>, Query, description = "Reported before (date or RFC 3339)")
    ),
    responses(
        (status = 200, description = "The figures", body = stats::Figures),
        (status = "default", response = Problems)
    )
)]
pub async fn show(
    state: web::Data<AppState>,
    query: web::Query<Query>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let official = match q.official.as_deref().filter(|v| !v.is_empty()) {
        None => None,
        Some(v) => Some(v.parse::<i64>().map_err(|_| {
            ApiError::invalid_parameter("official", Message::new("param-official"))
        })?),
    };
    let input = StatsQuery {
        commune: q.commune.filter(|s| !s.is_empty()),
        category: q.category.filter(|s| !s.is_empty()),
        official,
        from: time("from", q.from.as_deref())?,
        to: time("to", q.to.as_deref())?,
    };
    let figures = stats::figures(&state, input).await.map_err(|e| match e {
        UseCaseError::Invalid(fields) => {
            let field = fields.first().map_or("", |f| f.field);
            let message = fields.first().map_or("param-invalid", |f| f.message);
            ApiError::unacceptable_parameter(field, Message::new(message))
        }
        other => other.into(),
    })?;
    Ok(HttpResponse::Ok()
        .insert_header((actix_web::http::header::CACHE_CONTROL, "public, max-age=60"))
        .json(figures))
}
