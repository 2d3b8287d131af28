//! `/api/v1/issues`: report, list, read.

use super::created;
use super::pagination::{ListBody, PageQuery, encode_cursor};
use crate::extract::JsonBody;
use crate::i18n::Message;
use crate::problem::ApiError;
use crate::startup::AppState;
use crate::usecases::{Caller, issues};
use actix_web::{HttpResponse, web};
use chrono::{DateTime, NaiveDateTime};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocationBody {
    lat: f64,
    lon: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IssueBody {
    commune: String,
    category: String,
    title: String,
    description: String,
    language: Option<String>,
    location: Option<LocationBody>,
    address: Option<String>,
    arrondissement: Option<String>,
}

pub async fn create(
    state: web::Data<AppState>,
    caller: Caller,
    JsonBody(b): JsonBody<IssueBody>,
) -> Result<HttpResponse, ApiError> {
    let input = issues::NewIssue {
        commune: b.commune,
        category: b.category,
        title: b.title,
        description: b.description,
        language: b.language,
        location: b.location.map(|l| (l.lat, l.lon)),
        address: b.address,
        arrondissement: b.arrondissement,
    };
    let issue = issues::report(&state, &caller, input).await?;
    Ok(created(format!("/api/v1/issues/{}", issue.id), &issue))
}

pub async fn show(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let issue = issues::show(&state, &caller, *id).await?;
    Ok(HttpResponse::Ok().json(issue))
}

#[derive(Debug, Deserialize)]
pub struct ListQuery {
    commune: Option<String>,
    category: Option<String>,
    status: Option<String>,
    author: Option<String>,
    q: Option<String>,
    #[serde(flatten)]
    page: PageQuery,
}

fn cursor_key((at, id): (NaiveDateTime, i64)) -> String {
    format!("{}:{id}", at.and_utc().timestamp_micros())
}

fn parse_cursor(key: &str) -> Option<(NaiveDateTime, i64)> {
    let (micros, id) = key.split_once(':')?;
    let at = DateTime::from_timestamp_micros(micros.parse().ok()?)?.naive_utc();
    Some((at, id.parse().ok()?))
}

pub async fn list(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, ApiError> {
    let query = query.into_inner();
    let limit = query.page.limit()?;
    let after = query.page.after(parse_cursor)?;
    let author_is_me = match query.author.as_deref() {
        None | Some("") => false,
        Some("me") => true,
        Some(_) => {
            return Err(ApiError::invalid_parameter(
                "author",
                Message::new("param-invalid"),
            ));
        }
    };
    let filter = issues::IssueQuery {
        commune: query.commune.filter(|s| !s.is_empty()),
        category: query.category.filter(|s| !s.is_empty()),
        status: query.status.filter(|s| !s.is_empty()),
        author_is_me,
        text: query.q.filter(|s| !s.trim().is_empty()),
    };
    let page = issues::list(&state, &caller, filter, after, limit)
        .await
        .map_err(|e| match e {
            crate::usecases::UseCaseError::Invalid(_) => {
                ApiError::invalid_parameter("status", Message::new("param-invalid"))
            }
            other => other.into(),
        })?;
    Ok(HttpResponse::Ok().json(ListBody {
        items: page.items,
        next_cursor: page.next.map(|k| encode_cursor(&cursor_key(k))),
    }))
}
