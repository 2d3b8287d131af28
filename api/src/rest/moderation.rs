//! Flags (`/api/v1/issues/{id}/flag`, `/api/v1/replies/{id}/flag`) and the moderators' routes
//! under `/api/v1/moderation`.

use crate::context::AppState;
use crate::http::extract::Caller;
use crate::http::extract::JsonBody;
use crate::http::problem::ApiError;
use crate::http::schema::Problems;
use crate::usecases::moderation::{self, Target};
use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FlagBody {
    reason: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/issues/{id}/flag",
    tag = "moderation",
    summary = "Flag an issue",
    params(("id" = i64, Path, description = "The id")),
    request_body = FlagBody,
    responses(
        (status = 204, description = "Flagged (once per person: flagging again changes nothing)"),
        (status = "default", response = Problems)
    ),
    security(("bearer" = []))
)]
pub async fn flag_issue(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
    JsonBody(b): JsonBody<FlagBody>,
) -> Result<HttpResponse, ApiError> {
    moderation::flag(&state, &caller, Target::Issue, *id, &b.reason).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[utoipa::path(
    post,
    path = "/api/v1/replies/{id}/flag",
    tag = "moderation",
    summary = "Flag a reply",
    params(("id" = i64, Path, description = "The id")),
    request_body = FlagBody,
    responses(
        (status = 204, description = "Flagged (once per person: flagging again changes nothing)"),
        (status = "default", response = Problems)
    ),
    security(("bearer" = []))
)]
pub async fn flag_reply(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
    JsonBody(b): JsonBody<FlagBody>,
) -> Result<HttpResponse, ApiError> {
    moderation::flag(&state, &caller, Target::Reply, *id, &b.reason).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct QueueQuery {
    commune: Option<String>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Queue {
    items: Vec<moderation::QueueEntry>,
    next_cursor: Option<String>,
}

#[utoipa::path(
    get,
    path = "/api/v1/moderation/queue",
    tag = "moderation",
    summary = "The moderation queue",
    params(("commune" = Option<String>, Query, description = "Commune slug")),
    responses(
        (status = 200, description = "Flagged (with each flag's reason), held and hidden items", body = Queue),
        (status = "default", response = Problems)
    ),
    security(("bearer" = []))
)]
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

/// `hide`: out of public view, its author told why; `restore`: public (again), its flags
/// dismissed (the author is told only if it was hidden); `keep`: as it is, its flags dismissed.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Hide,
    Restore,
    Keep,
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
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
    let decision = match b.action {
        Decision::Hide => moderation::Decision::Hide,
        Decision::Restore => moderation::Decision::Restore,
        Decision::Keep => moderation::Decision::Keep,
    };
    moderation::decide(state, caller, target, id, decision, &b.reason).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[utoipa::path(
    post,
    path = "/api/v1/moderation/issues/{id}",
    tag = "moderation",
    summary = "Hide, restore or keep (dismissing its flags) an issue",
    params(("id" = i64, Path, description = "The id")),
    request_body = DecisionBody,
    responses(
        (status = 204, description = "Decided and audited; the author is told when it is hidden, and when a hidden item is public again"),
        (status = "default", response = Problems)
    ),
    security(("bearer" = []))
)]
pub async fn decide_issue(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
    JsonBody(b): JsonBody<DecisionBody>,
) -> Result<HttpResponse, ApiError> {
    decide(&state, &caller, Target::Issue, *id, b).await
}

#[utoipa::path(
    post,
    path = "/api/v1/moderation/replies/{id}",
    tag = "moderation",
    summary = "Hide, restore or keep (dismissing its flags) a reply",
    params(("id" = i64, Path, description = "The id")),
    request_body = DecisionBody,
    responses(
        (status = 204, description = "Decided and audited; the author is told when it is hidden, and when a hidden item is public again"),
        (status = "default", response = Problems)
    ),
    security(("bearer" = []))
)]
pub async fn decide_reply(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
    JsonBody(b): JsonBody<DecisionBody>,
) -> Result<HttpResponse, ApiError> {
    decide(&state, &caller, Target::Reply, *id, b).await
}
