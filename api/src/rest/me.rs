//! `/api/v1/me`: a person's own account, its export (Law 09-08 right of access) and erasure.

use crate::extract::JsonBody;
use crate::problem::ApiError;
use crate::startup::AppState;
use crate::usecases::{Caller, accounts};
use actix_web::http::header;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

pub async fn show(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    let account = accounts::me(&state, &caller).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(account))
}

/// Only these fields; anything else (a role, the verification flag, the address) is refused.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeUpdateBody {
    display_name: Option<String>,
    locale: Option<String>,
}

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

pub async fn delete(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    accounts::delete_me(&state, &caller).await?;
    Ok(HttpResponse::NoContent().finish())
}

pub async fn notifications(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let settings = crate::usecases::notifications::get(&state, &caller).await?;
    Ok(HttpResponse::Ok().json(settings))
}

pub async fn set_notifications(
    state: web::Data<AppState>,
    caller: Caller,
    JsonBody(body): JsonBody<crate::usecases::notifications::NotificationSettings>,
) -> Result<HttpResponse, ApiError> {
    let settings = crate::usecases::notifications::put(&state, &caller, body).await?;
    Ok(HttpResponse::Ok().json(settings))
}
