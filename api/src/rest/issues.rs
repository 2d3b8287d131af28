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
    let issue = issues::detail(&state, &caller, *id).await?;
    Ok(HttpResponse::Ok().json(issue))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReplyBody {
    body: String,
}

pub async fn reply(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
    JsonBody(b): JsonBody<ReplyBody>,
) -> Result<HttpResponse, ApiError> {
    let reply = issues::reply(&state, &caller, *id, &b.body).await?;
    Ok(created(
        format!("/api/v1/issues/{}#reply-{}", *id, reply.id),
        &reply,
    ))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusBody {
    status: String,
    #[serde(default)]
    note: String,
    expected_on: Option<chrono::NaiveDate>,
    responsible_body: Option<String>,
    duplicate_of: Option<i64>,
}

pub async fn change_status(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
    JsonBody(b): JsonBody<StatusBody>,
) -> Result<HttpResponse, ApiError> {
    let to = tawasol_domain::issue::IssueStatus::parse(&b.status).ok_or_else(|| {
        ApiError::new(crate::problem::ProblemKind::Validation)
            .detail(Message::new("detail-validation"))
            .field("/status", Message::new("field-invalid"))
    })?;
    let change = tawasol_domain::issue::StatusChange {
        to,
        note: b.note,
        expected_on: b.expected_on,
        responsible_body: b.responsible_body,
        duplicate_of: b.duplicate_of,
    };
    let issue = issues::change_status(&state, &caller, *id, change).await?;
    Ok(HttpResponse::Ok().json(issue))
}

async fn relation(
    state: &AppState,
    caller: &Caller,
    id: i64,
    support: bool,
    on: bool,
) -> Result<HttpResponse, ApiError> {
    issues::set_relation(state, caller, id, support, on).await?;
    Ok(HttpResponse::NoContent().finish())
}

pub async fn support(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    relation(&state, &caller, *id, true, true).await
}

pub async fn unsupport(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    relation(&state, &caller, *id, true, false).await
}

pub async fn follow(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    relation(&state, &caller, *id, false, true).await
}

pub async fn unfollow(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    relation(&state, &caller, *id, false, false).await
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
