//! Flags (`/api/v1/issues/{id}/flag`, `/api/v1/replies/{id}/flag`) and the moderators' routes
//! under `/api/v1/moderation`.

use crate::extract::JsonBody;
use crate::problem::ApiError;
use crate::startup::AppState;
use crate::usecases::Caller;
use crate::usecases::moderation::{self, Target};
use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlagBody {
    reason: String,
}

pub async fn flag_issue(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
    JsonBody(b): JsonBody<FlagBody>,
) -> Result<HttpResponse, ApiError> {
    moderation::flag(&state, &caller, Target::Issue, *id, &b.reason).await?;
    Ok(HttpResponse::NoContent().finish())
}

pub async fn flag_reply(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
    JsonBody(b): JsonBody<FlagBody>,
) -> Result<HttpResponse, ApiError> {
    moderation::flag(&state, &caller, Target::Reply, *id, &b.reason).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Deserialize)]
pub struct QueueQuery {
    commune: Option<String>,
}

#[derive(Debug, Serialize)]
struct Queue {
    items: Vec<moderation::QueueEntry>,
    next_cursor: Option<String>,
}

pub async fn queue(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<QueueQuery>,
) -> Result<HttpResponse, ApiError> {
    let commune = query.into_inner().commune.filter(|c| !c.is_empty());
    let items = moderation::queue(&state, &caller, commune).await?;
    Ok(HttpResponse::Ok().json(Queue {
        items,
        next_cursor: None,
    }))
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Hide,
    Restore,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionBody {
    action: Decision,
    reason: String,
}

async fn decide(
    state: &AppState,
    caller: &Caller,
    target: Target,
    id: i64,
    b: DecisionBody,
) -> Result<HttpResponse, ApiError> {
    moderation::decide(
        state,
        caller,
        target,
        id,
        matches!(b.action, Decision::Hide),
        &b.reason,
    )
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

pub async fn decide_issue(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
    JsonBody(b): JsonBody<DecisionBody>,
) -> Result<HttpResponse, ApiError> {
    decide(&state, &caller, Target::Issue, *id, b).await
}

pub async fn decide_reply(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
    JsonBody(b): JsonBody<DecisionBody>,
) -> Result<HttpResponse, ApiError> {
    decide(&state, &caller, Target::Reply, *id, b).await
}
