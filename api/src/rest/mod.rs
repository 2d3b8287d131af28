//! The REST API under `/api/v1`, the health probes and the problem pages. Handlers stay thin:
//! parse, call one use-case, render.
//!
//! Every route of the API is declared once in [`routes`], with whether it needs a logged-in
//! caller; start-up puts it together with the other surfaces' routes into the one table.

pub(crate) mod admin;
pub(crate) mod auth;
pub(crate) mod communes;
pub(crate) mod exports;
pub(crate) mod health;
pub(crate) mod issues;
pub(crate) mod me;
pub(crate) mod moderation;
pub(crate) mod pagination;
pub(crate) mod petitions;
pub(crate) mod problems;
pub mod schema;
pub(crate) mod stats;

use crate::http::problem::ApiError;
use crate::http::routes::Route;
use crate::i18n::Message;
use actix_web::{HttpRequest, HttpResponse};

/// The REST API's routes, the health probes and the problem pages.
pub fn routes() -> Vec<Route> {
    crate::routes![
        GET "/health/live" Public => health::live,
        GET "/health/ready" Public => health::ready,
        GET "/problems/{kind}" Public => problems::show,
        GET "/api/v1/communes" Public => communes::list::handle,
        GET "/api/v1/communes/{slug}" Public => communes::show::handle,
        GET "/api/v1/issues" Public => issues::list,
        POST "/api/v1/issues" Authenticated => issues::create,
        GET "/api/v1/issues/{id}" Public => issues::show,
        POST "/api/v1/issues/{id}/replies" Authenticated => issues::reply,
        POST "/api/v1/issues/{id}/status" Authenticated => issues::change_status,
        POST "/api/v1/issues/{id}/answer" Authenticated => issues::answer,
        PATCH "/api/v1/issues/{id}/replies/{reply_id}" Authenticated => issues::edit_reply,
        PUT "/api/v1/issues/{id}/support" Authenticated => issues::support,
        DELETE "/api/v1/issues/{id}/support" Authenticated => issues::unsupport,
        PUT "/api/v1/issues/{id}/follow" Authenticated => issues::follow,
        DELETE "/api/v1/issues/{id}/follow" Authenticated => issues::unfollow,
        POST "/api/v1/issues/{id}/flag" Authenticated => moderation::flag_issue,
        POST "/api/v1/replies/{id}/flag" Authenticated => moderation::flag_reply,
        GET "/api/v1/stats" Public => stats::show,
        GET "/api/v1/exports/issues.csv" Public => exports::issues_csv,
        GET "/api/v1/exports/issues.jsonl" Public => exports::issues_jsonl,
        GET "/api/v1/exports/petitions.csv" Public => exports::petitions_csv,
        GET "/api/v1/exports/petitions.jsonl" Public => exports::petitions_jsonl,
        GET "/api/v1/petitions" Public => petitions::list,
        POST "/api/v1/petitions" Authenticated => petitions::create,
        GET "/api/v1/petitions/{id}" Public => petitions::show,
        PATCH "/api/v1/petitions/{id}" Authenticated => petitions::edit,
        POST "/api/v1/petitions/{id}/signatures" Authenticated => petitions::sign,
        DELETE "/api/v1/petitions/{id}/signatures" Authenticated => petitions::withdraw,
        POST "/api/v1/petitions/{id}/transitions" Authenticated => petitions::transition,
        GET "/api/v1/petitions/{id}/dossier" Authenticated => petitions::dossier,
        PUT "/api/v1/petitions/{id}/follow" Authenticated => petitions::follow,
        DELETE "/api/v1/petitions/{id}/follow" Authenticated => petitions::unfollow,
        GET "/api/v1/moderation/queue" Authenticated => moderation::queue,
        POST "/api/v1/moderation/issues/{id}" Authenticated => moderation::decide_issue,
        POST "/api/v1/moderation/replies/{id}" Authenticated => moderation::decide_reply,
        POST "/api/v1/auth/register" Public => auth::register,
        POST "/api/v1/auth/verify-email" Public => auth::verify_email,
        POST "/api/v1/auth/email-change/confirm" Public => auth::confirm_email_change,
        POST "/api/v1/auth/login" Public => auth::login,
        POST "/api/v1/auth/refresh" Public => auth::refresh,
        POST "/api/v1/auth/logout" Authenticated => auth::logout,
        POST "/api/v1/auth/password-reset/request" Public => auth::reset_request,
        POST "/api/v1/auth/password-reset/confirm" Public => auth::reset_confirm,
        GET "/api/v1/me" Authenticated => me::show,
        PATCH "/api/v1/me" Authenticated => me::update,
        DELETE "/api/v1/me" Authenticated => me::delete,
        GET "/api/v1/me/export" Authenticated => me::export,
        GET "/api/v1/me/notifications" Authenticated => me::notifications,
        PUT "/api/v1/me/notifications" Authenticated => me::set_notifications,
        POST "/api/v1/me/feed-token" Authenticated => me::create_token,
        DELETE "/api/v1/me/feed-token" Authenticated => me::revoke_token,
        PUT "/api/v1/me/password" Authenticated => me::change_password,
        POST "/api/v1/me/email" Authenticated => me::change_email,
        POST "/api/v1/admin/officials" Authenticated => admin::appoint_official,
        DELETE "/api/v1/admin/officials/{user_id}" Authenticated => admin::revoke_official,
        POST "/api/v1/admin/moderators" Authenticated => admin::appoint_moderator,
        DELETE "/api/v1/admin/moderators/{user_id}" Authenticated => admin::revoke_moderator,
        POST "/api/v1/admin/organisations" Authenticated => admin::create_organisation,
        POST "/api/v1/admin/organisations/{id}/members" Authenticated => admin::put_member,
        DELETE "/api/v1/admin/organisations/{id}/members/{user_id}" Authenticated => admin::remove_member,
        PATCH "/api/v1/admin/communes/{slug}" Authenticated => admin::update_commune,
        POST "/api/v1/admin/users/{user_id}/ban" Authenticated => admin::ban,
        DELETE "/api/v1/admin/users/{user_id}/ban" Authenticated => admin::unban,
        GET "/api/v1/admin/outbox" Authenticated => admin::outbox,
        POST "/api/v1/admin/outbox/{id}/requeue" Authenticated => admin::requeue,
        GET "/api/v1/admin/audit" Authenticated => admin::audit,
        POST "/api/v1/admin/api-keys" Authenticated => admin::issue_api_key,
        GET "/api/v1/admin/api-keys" Authenticated => admin::api_keys,
        DELETE "/api/v1/admin/api-keys/{id}" Authenticated => admin::revoke_api_key,
    ]
}

/// Any address that matches no route.
pub async fn not_found(req: HttpRequest) -> Result<HttpResponse, ApiError> {
    Err(ApiError::not_found(
        Message::new("detail-route-not-found").arg("path", req.path()),
    ))
}

/// `201 Created` with a `Location` and the created object.
fn created(location: String, body: &impl serde::Serialize) -> HttpResponse {
    HttpResponse::Created()
        .insert_header((actix_web::http::header::LOCATION, location))
        .json(body)
}

/// This surface's part of the OpenAPI document (its operations; the schemas they name come
/// along); `crate::openapi` assembles the surfaces' parts.
#[derive(Debug, utoipa::OpenApi)]
#[openapi(paths(
    admin::issue_api_key,
    admin::api_keys,
    admin::revoke_api_key,
    me::create_token,
    me::revoke_token,
    health::live,
    health::ready,
    problems::show,
    communes::list::handle,
    communes::show::handle,
    auth::register,
    auth::verify_email,
    auth::confirm_email_change,
    auth::login,
    auth::refresh,
    auth::logout,
    auth::reset_request,
    auth::reset_confirm,
    me::show,
    me::update,
    me::delete,
    me::export,
    me::notifications,
    me::set_notifications,
    me::change_password,
    me::change_email,
    issues::list,
    issues::create,
    issues::show,
    issues::reply,
    issues::edit_reply,
    issues::change_status,
    issues::answer,
    issues::support,
    issues::unsupport,
    issues::follow,
    issues::unfollow,
    moderation::flag_issue,
    moderation::flag_reply,
    moderation::queue,
    moderation::decide_issue,
    moderation::decide_reply,
    admin::appoint_official,
    admin::revoke_official,
    admin::appoint_moderator,
    admin::revoke_moderator,
    admin::create_organisation,
    admin::put_member,
    admin::remove_member,
    admin::update_commune,
    admin::ban,
    admin::unban,
    admin::outbox,
    admin::requeue,
    admin::audit,
    petitions::list,
    petitions::create,
    petitions::show,
    petitions::edit,
    petitions::sign,
    petitions::withdraw,
    petitions::transition,
    petitions::dossier,
    petitions::follow,
    petitions::unfollow,
    stats::show,
    exports::issues_csv,
    exports::issues_jsonl,
    exports::petitions_csv,
    exports::petitions_jsonl
))]
pub struct Api;
