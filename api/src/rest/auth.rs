//! `/api/v1/auth/*`: register, verify, log in, refresh, log out, reset a password.

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
use serde_json::json;

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegisterBody {
    email: String,
    password: String,
    display_name: String,
    locale: String,
    home_commune: Option<String>,
}

/// 202 with the same body whether or not the address already has an account.
fn accepted(locale: tawasol_domain::Locale) -> HttpResponse {
    HttpResponse::Accepted()
        .insert_header((header::CONTENT_LANGUAGE, locale.as_str()))
        .json(json!({"status": "accepted", "detail": Message::new("detail-registration-accepted").render(locale)}))
}

#[utoipa::path(
    post,
    path = "/api/v1/auth/register",
    tag = "accounts",
    summary = "Register",
    params(
        crate::http::schema::LangQuery
    ),
    request_body = RegisterBody,
    responses(
        (status = 202, description = "The same answer whether or not the address has an account", body = crate::rest::schema::Accepted),
        (status = "default", response = Problems)
    ),
    security((), ("bearer" = []))
)]
pub async fn register(
    state: web::Data<AppState>,
    caller: Caller,
    Lang(locale): Lang,
    JsonBody(body): JsonBody<RegisterBody>,
) -> Result<HttpResponse, ApiError> {
    let input = accounts::Registration {
        email: body.email,
        password: body.password,
        display_name: body.display_name,
        locale: body.locale,
        home_commune: body.home_commune,
        next: None,
    };
    accounts::register(&state, &caller, input).await?;
    Ok(accepted(locale))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenBody {
    token: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/auth/verify-email",
    tag = "accounts",
    summary = "Confirm an address",
    request_body = TokenBody,
    responses((status = 204, description = "Confirmed"), (status = "default", response = Problems))
)]
pub async fn verify_email(
    state: web::Data<AppState>,
    JsonBody(body): JsonBody<TokenBody>,
) -> Result<HttpResponse, ApiError> {
    accounts::verify_email(&state, &body.token).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[utoipa::path(
    post,
    path = "/api/v1/auth/email-change/confirm",
    tag = "accounts",
    summary = "Confirm a new address",
    description = "The token of the link mailed to the new address (`POST /api/v1/me/email`): the account uses that address from now on.",
    request_body = TokenBody,
    responses((status = 204, description = "The account uses the new address"), (status = "default", response = Problems))
)]
pub async fn confirm_email_change(
    state: web::Data<AppState>,
    JsonBody(body): JsonBody<TokenBody>,
) -> Result<HttpResponse, ApiError> {
    accounts::confirm_email_change(&state, &body.token).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginBody {
    email: String,
    password: String,
}

fn no_store(tokens: &accounts::Tokens) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(tokens)
}

#[utoipa::path(
    post,
    path = "/api/v1/auth/login",
    tag = "accounts",
    summary = "Log in",
    request_body = LoginBody,
    responses(
        (status = 200, description = "Access and refresh tokens", body = accounts::Tokens),
        (status = "default", response = Problems)
    ),
    security((), ("bearer" = []))
)]
pub async fn login(
    state: web::Data<AppState>,
    caller: Caller,
    JsonBody(body): JsonBody<LoginBody>,
) -> Result<HttpResponse, ApiError> {
    let tokens = accounts::login(&state, &caller, &body.email, &body.password).await?;
    Ok(no_store(&tokens))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RefreshBody {
    refresh_token: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/auth/refresh",
    tag = "accounts",
    summary = "Refresh the tokens",
    request_body = RefreshBody,
    responses(
        (status = 200, description = "New tokens (the refresh token rotates)", body = accounts::Tokens),
        (status = "default", response = Problems)
    )
)]
pub async fn refresh(
    state: web::Data<AppState>,
    JsonBody(body): JsonBody<RefreshBody>,
) -> Result<HttpResponse, ApiError> {
    let tokens = accounts::refresh(&state, &body.refresh_token).await?;
    Ok(no_store(&tokens))
}

#[utoipa::path(
    post,
    path = "/api/v1/auth/logout",
    tag = "accounts",
    summary = "Log out",
    responses(
        (status = 204, description = "The session is ended"),
        (status = "default", response = Problems)
    ),
    security(("bearer" = []))
)]
pub async fn logout(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    accounts::logout(&state, &caller).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResetRequestBody {
    email: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/auth/password-reset/request",
    tag = "accounts",
    summary = "Ask for a password reset link",
    params(
        crate::http::schema::LangQuery
    ),
    request_body = ResetRequestBody,
    responses(
        (status = 202, description = "The same answer whether or not the address has an account", body = crate::rest::schema::Accepted),
        (status = "default", response = Problems)
    ),
    security((), ("bearer" = []))
)]
pub async fn reset_request(
    state: web::Data<AppState>,
    caller: Caller,
    Lang(locale): Lang,
    JsonBody(body): JsonBody<ResetRequestBody>,
) -> Result<HttpResponse, ApiError> {
    accounts::request_password_reset(&state, &caller, &body.email).await?;
    Ok(accepted(locale))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResetConfirmBody {
    token: String,
    password: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/auth/password-reset/confirm",
    tag = "accounts",
    summary = "Set a new password with the mailed token",
    request_body = ResetConfirmBody,
    responses(
        (status = 204, description = "Changed; every session ended"),
        (status = "default", response = Problems)
    )
)]
pub async fn reset_confirm(
    state: web::Data<AppState>,
    JsonBody(body): JsonBody<ResetConfirmBody>,
) -> Result<HttpResponse, ApiError> {
    accounts::confirm_password_reset(&state, &body.token, &body.password).await?;
    Ok(HttpResponse::NoContent().finish())
}
