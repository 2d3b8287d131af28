//! `/api/v1/me`: a person's own account, its export (Law 09-08 right of access) and erasure.

use crate::context::AppState;
use crate::http::extract::Caller;
use crate::http::extract::{JsonBody, Lang};
use crate::http::problem::ApiError;
use crate::http::schema::Problems;
use crate::i18n::Message;
use crate::usecases::accounts;
use actix_web::http::header;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

#[utoipa::path(
    get,
    path = "/api/v1/me",
    tag = "me",
    summary = "My account",
    responses(
        (status = 200, description = "My account and roles", body = accounts::Account),
        (status = "default", response = Problems)
    ),
    security(("bearer" = []))
)]
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

#[utoipa::path(
    patch,
    path = "/api/v1/me",
    tag = "me",
    summary = "Change my name or language",
    request_body = MeUpdateBody,
    responses(
        (status = 200, description = "Updated", body = accounts::Account),
        (status = "default", response = Problems)
    ),
    security(("bearer" = []))
)]
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

#[utoipa::path(
    get,
    path = "/api/v1/me/export",
    tag = "me",
    summary = "Export my data",
    responses(
        (status = 200, description = "Everything kept about me", body = accounts::Export),
        (status = "default", response = Problems)
    ),
    security(("bearer" = []))
)]
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

#[utoipa::path(
    delete,
    path = "/api/v1/me",
    tag = "me",
    summary = "Erase my account",
    responses(
        (status = 204, description = "Erased; public contributions stay, unsigned"),
        (status = "default", response = Problems)
    ),
    security(("bearer" = []))
)]
pub async fn delete(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    accounts::delete_me(&state, &caller).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[utoipa::path(
    get,
    path = "/api/v1/me/notifications",
    tag = "me",
    summary = "What mails I get",
    responses(
        (status = 200, description = "My choices", body = crate::usecases::notifications::NotificationSettings),
        (status = "default", response = Problems)
    ),
    security(("bearer" = []))
)]
pub async fn notifications(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let settings = crate::usecases::notifications::get(&state, &caller).await?;
    Ok(HttpResponse::Ok().json(settings))
}

#[utoipa::path(
    put,
    path = "/api/v1/me/notifications",
    tag = "me",
    summary = "Choose what mails I get",
    request_body = crate::usecases::notifications::NotificationSettings,
    responses(
        (status = 200, description = "Saved", body = crate::usecases::notifications::NotificationSettings),
        (status = "default", response = Problems)
    ),
    security(("bearer" = []))
)]
pub async fn set_notifications(
    state: web::Data<AppState>,
    caller: Caller,
    JsonBody(body): JsonBody<crate::usecases::notifications::NotificationSettings>,
) -> Result<HttpResponse, ApiError> {
    let settings = crate::usecases::notifications::put(&state, &caller, body).await?;
    Ok(HttpResponse::Ok().json(settings))
}

/// `POST /api/v1/me/feed-token`: a new secret address (shown once); the previous one stops
/// working.
#[utoipa::path(
    post,
    path = "/api/v1/me/feed-token",
    tag = "me",
    summary = "Create or rotate my personal feed address",
    responses(
        (status = 200, description = "The secret address of my feed, shown this once", body = crate::rest::schema::FeedUrl),
        (status = "default", response = Problems)
    ),
    security(("bearer" = []))
)]
pub async fn create_token(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let url = crate::usecases::feeds::create_token(&state, &caller).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(serde_json::json!({ "url": url })))
}

/// `DELETE /api/v1/me/feed-token`: the address stops working.
#[utoipa::path(
    delete,
    path = "/api/v1/me/feed-token",
    tag = "me",
    summary = "Revoke my personal feed address",
    responses(
        (status = 204, description = "The address stops working"),
        (status = "default", response = Problems)
    ),
    security(("bearer" = []))
)]
pub async fn revoke_token(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    crate::usecases::feeds::revoke_token(&state, &caller).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordChangeBody {
    current_password: String,
    new_password: String,
}

#[utoipa::path(
    put,
    path = "/api/v1/me/password",
    tag = "me",
    summary = "Change my password",
    description = "The current password is asked for (wrong ones count against the login throttles). Every other session ends (its refresh and access tokens stop working); the one that asked stays. The owner is told by mail.",
    request_body = PasswordChangeBody,
    responses(
        (status = 204, description = "Changed; the other sessions ended"),
        (status = "default", response = Problems)
    ),
    security(("bearer" = []))
)]
pub async fn change_password(
    state: web::Data<AppState>,
    caller: Caller,
    JsonBody(body): JsonBody<PasswordChangeBody>,
) -> Result<HttpResponse, ApiError> {
    accounts::change_password(&state, &caller, &body.current_password, &body.new_password).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EmailChangeBody {
    email: String,
    current_password: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/me/email",
    tag = "me",
    summary = "Change my address",
    description = "The current password is asked for. A single-use link goes to the new address and a notice to the current one; the account uses the new address only once that link is followed (`POST /api/v1/auth/email-change/confirm`). The answer is the same whether or not the new address belongs to another account.",
    params(crate::http::schema::LangQuery),
    request_body = EmailChangeBody,
    responses(
        (status = 202, description = "A link went to the new address", body = crate::rest::schema::Accepted),
        (status = "default", response = Problems)
    ),
    security(("bearer" = []))
)]
pub async fn change_email(
    state: web::Data<AppState>,
    caller: Caller,
    Lang(locale): Lang,
    JsonBody(body): JsonBody<EmailChangeBody>,
) -> Result<HttpResponse, ApiError> {
    accounts::request_email_change(&state, &caller, &body.email, &body.current_password).await?;
    Ok(HttpResponse::Accepted()
        .insert_header((header::CONTENT_LANGUAGE, locale.as_str()))
        .json(serde_json::json!({
            "status": "accepted",
            "detail": Message::new("web-email-change-sent").render(locale),
        })))
}
