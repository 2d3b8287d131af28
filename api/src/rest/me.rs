//! `/api/v1/me`: a person's own account, its export (Law 09-08 right of access) and erasure.

use crate::extract::Caller;
use crate::extract::JsonBody;
use crate::problem::ApiError;
use crate::startup::AppState;
use crate::usecases::accounts;
use actix_web::http::header;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

#[utoipa::path(get, path = "/api/v1/me", tag = "me", summary = "My account", responses((status = 200, description = "My account and roles", body = accounts::Account), (status = "default", description = "A problem (RFC 9457): see the `type`", body = crate::openapi::Problem, content_type = "application/problem+json")), security(("bearer" = [])))]
pub async fn show(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    let account = accounts::me(&state, &caller).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(account))
}

/// Only these fields; anything else (a role, the verification flag, the address) is refused.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MeUpdateBody {
    display_name: Option<String>,
    locale: Option<String>,
}

#[utoipa::path(patch, path = "/api/v1/me", tag = "me", summary = "Change my name or language", request_body = MeUpdateBody, responses((status = 200, description = "Updated", body = accounts::Account), (status = "default", description = "A problem (RFC 9457): see the `type`", body = crate::openapi::Problem, content_type = "application/problem+json")), security(("bearer" = [])))]
pub async fn update(
    state: web::Data<AppState>,
    caller: Caller,
    JsonBody(body): JsonBody<MeUpdateBody>,
) -> Result<HttpResponse, ApiError> {
    let changes = accounts::AccountChanges {
        display_name: body.display_name,
        locale: body.locale,
    };
    let account = accounts::update_me(&state, &caller, changes).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(account))
}

#[utoipa::path(get, path = "/api/v1/me/export", tag = "me", summary = "Export my data", responses((status = 200, description = "Everything kept about me", body = accounts::Export), (status = "default", description = "A problem (RFC 9457): see the `type`", body = crate::openapi::Problem, content_type = "application/problem+json")), security(("bearer" = [])))]
pub async fn export(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    let export = accounts::export(&state, &caller).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"tawasol-my-data.json\"",
        ))
        .json(export))
}

#[utoipa::path(delete, path = "/api/v1/me", tag = "me", summary = "Erase my account", responses((status = 204, description = "Erased; public contributions stay, unsigned"), (status = "default", description = "A problem (RFC 9457): see the `type`", body = crate::openapi::Problem, content_type = "application/problem+json")), security(("bearer" = [])))]
pub async fn delete(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    accounts::delete_me(&state, &caller).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[utoipa::path(get, path = "/api/v1/me/notifications", tag = "me", summary = "What mails I get", responses((status = 200, description = "My choices", body = crate::usecases::notifications::NotificationSettings), (status = "default", description = "A problem (RFC 9457): see the `type`", body = crate::openapi::Problem, content_type = "application/problem+json")), security(("bearer" = [])))]
pub async fn notifications(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let settings = crate::usecases::notifications::get(&state, &caller).await?;
    Ok(HttpResponse::Ok().json(settings))
}

#[utoipa::path(put, path = "/api/v1/me/notifications", tag = "me", summary = "Choose what mails I get", request_body = crate::usecases::notifications::NotificationSettings, responses((status = 200, description = "Saved", body = crate::usecases::notifications::NotificationSettings), (status = "default", description = "A problem (RFC 9457): see the `type`", body = crate::openapi::Problem, content_type = "application/problem+json")), security(("bearer" = [])))]
pub async fn set_notifications(
    state: web::Data<AppState>,
    caller: Caller,
    JsonBody(body): JsonBody<crate::usecases::notifications::NotificationSettings>,
) -> Result<HttpResponse, ApiError> {
    let settings = crate::usecases::notifications::put(&state, &caller, body).await?;
    Ok(HttpResponse::Ok().json(settings))
}
