//! `/api/v1/admin/*`: officials, moderators, organisations, communes, bans, the outbox, the
//! audit log and the API keys of Open311.
//! The use-cases check that the caller is an admin.

use super::created;
use super::pagination::{ListBody, PageQuery, encode_cursor};
use crate::context::AppState;
use crate::http::extract::Caller;
use crate::http::extract::JsonBody;
use crate::http::problem::ApiError;
use crate::http::schema::Problems;
use crate::i18n::Message;
use crate::usecases::admin;
use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};
use tawasol_domain::OutboxStatus;

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OfficialBody {
    email: String,
    commune: String,
    arrondissement: Option<String>,
    #[serde(default)]
    categories: Vec<String>,
    title: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/admin/officials",
    tag = "admin",
    summary = "Appoint an official",
    request_body = OfficialBody,
    responses(
        (status = 201, description = "Appointed", body = admin::Appointment),
        (status = "default", response = Problems)
    ),
    security(("bearer" = []))
)]
pub async fn appoint_official(
    state: web::Data<AppState>,
    caller: Caller,
    JsonBody(b): JsonBody<OfficialBody>,
) -> Result<HttpResponse, ApiError> {
    let input = admin::AppointOfficial {
        email: b.email,
        commune: b.commune,
        arrondissement: b.arrondissement,
        categories: b.categories,
        title: b.title,
    };
    let appointment = admin::appoint_official(&state, &caller, input).await?;
    Ok(created(
        format!("/api/v1/admin/officials/{}", appointment.user_id),
        &appointment,
    ))
}

#[utoipa::path(
    delete,
    path = "/api/v1/admin/officials/{user_id}",
    tag = "admin",
    summary = "Revoke an official",
    params(("user_id" = i64, Path, description = "The official's account")),
    responses((status = 204, description = "Revoked"), (status = "default", response = Problems)),
    security(("bearer" = []))
)]
pub async fn revoke_official(
    state: web::Data<AppState>,
    caller: Caller,
    user_id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    admin::revoke_official(&state, &caller, *user_id).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ModeratorBody {
    email: String,
    commune: Option<String>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Moderator {
    user_id: i64,
    commune: Option<String>,
}

#[utoipa::path(
    post,
    path = "/api/v1/admin/moderators",
    tag = "admin",
    summary = "Appoint a moderator",
    request_body = ModeratorBody,
    responses(
        (status = 201, description = "Appointed", body = Moderator),
        (status = "default", response = Problems)
    ),
    security(("bearer" = []))
)]
pub async fn appoint_moderator(
    state: web::Data<AppState>,
    caller: Caller,
    JsonBody(b): JsonBody<ModeratorBody>,
) -> Result<HttpResponse, ApiError> {
    let user_id = admin::appoint_moderator(&state, &caller, &b.email, b.commune.clone()).await?;
    Ok(created(
        format!("/api/v1/admin/moderators/{user_id}"),
        &Moderator {
            user_id,
            commune: b.commune,
        },
    ))
}

#[utoipa::path(
    delete,
    path = "/api/v1/admin/moderators/{user_id}",
    tag = "admin",
    summary = "Revoke a moderator",
    params(("user_id" = i64, Path, description = "The moderator's account")),
    responses((status = 204, description = "Revoked"), (status = "default", response = Problems)),
    security(("bearer" = []))
)]
pub async fn revoke_moderator(
    state: web::Data<AppState>,
    caller: Caller,
    user_id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    admin::revoke_moderator(&state, &caller, *user_id).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrganisationBody {
    name: String,
    founded_on: String,
    head_office_commune: String,
    purpose: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/admin/organisations",
    tag = "admin",
    summary = "Record a verified organisation",
    request_body = OrganisationBody,
    responses(
        (status = 201, description = "Recorded as verified", body = admin::Organisation),
        (status = "default", response = Problems)
    ),
    security(("bearer" = []))
)]
pub async fn create_organisation(
    state: web::Data<AppState>,
    caller: Caller,
    JsonBody(b): JsonBody<OrganisationBody>,
) -> Result<HttpResponse, ApiError> {
    let input = admin::NewOrganisation {
        name: b.name,
        founded_on: b.founded_on,
        head_office_commune: b.head_office_commune,
        purpose: b.purpose,
    };
    let org = admin::create_organisation(&state, &caller, input).await?;
    Ok(created(
        format!("/api/v1/admin/organisations/{}", org.id),
        &org,
    ))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MemberBody {
    email: String,
    #[serde(default)]
    representative: bool,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Member {
    organisation_id: i64,
    user_id: i64,
    representative: bool,
}

#[utoipa::path(
    post,
    path = "/api/v1/admin/organisations/{id}/members",
    tag = "admin",
    summary = "Add a member to an organisation",
    params(("id" = i64, Path, description = "The organisation")),
    request_body = MemberBody,
    responses(
        (status = 201, description = "Added or updated", body = Member),
        (status = "default", response = Problems)
    ),
    security(("bearer" = []))
)]
pub async fn put_member(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
    JsonBody(b): JsonBody<MemberBody>,
) -> Result<HttpResponse, ApiError> {
    let user_id = admin::put_member(&state, &caller, *id, &b.email, b.representative).await?;
    Ok(created(
        format!("/api/v1/admin/organisations/{}/members/{user_id}", *id),
        &Member {
            organisation_id: *id,
            user_id,
            representative: b.representative,
        },
    ))
}

#[utoipa::path(
    delete,
    path = "/api/v1/admin/organisations/{id}/members/{user_id}",
    tag = "admin",
    summary = "Remove a member",
    params(
        ("id" = i64, Path, description = "The organisation"),
        ("user_id" = i64, Path, description = "The member")
    ),
    responses((status = 204, description = "Removed"), (status = "default", response = Problems)),
    security(("bearer" = []))
)]
pub async fn remove_member(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(i64, i64)>,
) -> Result<HttpResponse, ApiError> {
    let (id, user_id) = path.into_inner();
    admin::remove_member(&state, &caller, id, user_id).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BanBody {
    reason: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/admin/users/{user_id}/ban",
    tag = "admin",
    summary = "Ban an account",
    params(("user_id" = i64, Path, description = "The account")),
    request_body = BanBody,
    responses(
        (status = 204, description = "Banned; sessions ended"),
        (status = "default", response = Problems)
    ),
    security(("bearer" = []))
)]
pub async fn ban(
    state: web::Data<AppState>,
    caller: Caller,
    user_id: web::Path<i64>,
    JsonBody(b): JsonBody<BanBody>,
) -> Result<HttpResponse, ApiError> {
    admin::set_ban(&state, &caller, *user_id, Some(b.reason)).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[utoipa::path(
    delete,
    path = "/api/v1/admin/users/{user_id}/ban",
    tag = "admin",
    summary = "Lift a ban",
    params(("user_id" = i64, Path, description = "The account")),
    responses((status = 204, description = "Unbanned"), (status = "default", response = Problems)),
    security(("bearer" = []))
)]
pub async fn unban(
    state: web::Data<AppState>,
    caller: Caller,
    user_id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    admin::set_ban(&state, &caller, *user_id, None).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct OutboxQuery {
    status: Option<String>,
    #[serde(flatten)]
    page: PageQuery,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Mail {
    id: i64,
    recipient: String,
    locale: String,
    template: String,
    status: String,
    attempts: i32,
    next_attempt_at: String,
    last_error: Option<String>,
    created_at: String,
    sent_at: Option<String>,
}

#[utoipa::path(
    get,
    path = "/api/v1/admin/outbox",
    tag = "admin",
    summary = "The mail outbox",
    params(
        ("status" = Option<String>, Query, description = "pending, sending, sent or dead"),
        PageQuery
    ),
    responses(
        (status = 200, description = "Mails, newest first", body = ListBody<Mail>),
        (status = "default", response = Problems)
    ),
    security(("bearer" = []))
)]
pub async fn outbox(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<OutboxQuery>,
) -> Result<HttpResponse, ApiError> {
    use crate::clock::rfc3339;
    let status =
        match query.status.as_deref().filter(|s| !s.is_empty()) {
            None => None,
            Some(s) => Some(OutboxStatus::parse(s).ok_or_else(|| {
                ApiError::invalid_parameter("status", Message::new("param-invalid"))
            })?),
        };
    let limit = query.page.limit()?;
    let before = query.page.after(|k| k.parse::<i64>().ok())?;
    let page = admin::outbox(&state, &caller, status, before, limit).await?;
    let body = ListBody {
        items: page
            .items
            .into_iter()
            .map(|e| Mail {
                id: e.id,
                recipient: e.recipient,
                locale: e.locale.as_str().to_owned(),
                template: e.template,
                status: e.status.as_str().to_owned(),
                attempts: e.attempts,
                next_attempt_at: rfc3339(e.next_attempt_at),
                last_error: e.last_error,
                created_at: rfc3339(e.created_at),
                sent_at: e.sent_at.map(rfc3339),
            })
            .collect(),
        next_cursor: page.next.map(|id| encode_cursor(&id.to_string())),
    };
    Ok(HttpResponse::Ok().json(body))
}

#[utoipa::path(
    post,
    path = "/api/v1/admin/outbox/{id}/requeue",
    tag = "admin",
    summary = "Send a dead mail again",
    params(("id" = i64, Path, description = "The mail")),
    responses(
        (status = 204, description = "Queued again"),
        (status = "default", response = Problems)
    ),
    security(("bearer" = []))
)]
pub async fn requeue(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    admin::requeue_mail(&state, &caller, *id).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[utoipa::path(
    get,
    path = "/api/v1/admin/audit",
    tag = "admin",
    summary = "The audit log",
    params(
        PageQuery
    ),
    responses(
        (status = 200, description = "Audit records, newest first", body = ListBody<admin::AuditEntry>),
        (status = "default", response = Problems)
    ),
    security(("bearer" = []))
)]
pub async fn audit(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let limit = query.limit()?;
    let before = query.after(|k| k.parse::<i64>().ok())?;
    let page = admin::audit_log(&state, &caller, before, limit).await?;
    Ok(HttpResponse::Ok().json(ListBody {
        next_cursor: page.next.map(|id| encode_cursor(&id.to_string())),
        items: page.items,
    }))
}

/// `PATCH /api/v1/admin/communes/{slug}`: answers the commune as `GET /api/v1/communes/{slug}`.
#[utoipa::path(
    patch,
    path = "/api/v1/admin/communes/{slug}",
    tag = "admin",
    summary = "Edit a commune (threshold, names)",
    params(
        ("slug" = String, Path, description = "Commune slug"),
        crate::http::schema::LangQuery
    ),
    request_body = admin::CommuneEdit,
    responses(
        (status = 200, description = "The commune as changed", body = crate::rest::communes::show::CommuneDetailBody),
        (status = "default", response = Problems)
    ),
    security(("bearer" = []))
)]
pub async fn update_commune(
    state: web::Data<AppState>,
    caller: Caller,
    slug: web::Path<String>,
    lang: crate::http::extract::Lang,
    JsonBody(b): JsonBody<admin::CommuneEdit>,
) -> Result<HttpResponse, ApiError> {
    admin::update_commune(&state, &caller, &slug, b).await?;
    super::communes::show::handle(state, slug, lang).await
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApiKeyBody {
    owner_email: String,
    name: String,
    organisation_id: Option<i64>,
}

/// `POST /api/v1/admin/api-keys`: the answer carries the key in `api_key`, this once.
#[utoipa::path(
    post,
    path = "/api/v1/admin/api-keys",
    tag = "admin",
    summary = "Issue an Open311 API key",
    request_body = ApiKeyBody,
    responses(
        (status = 201, description = "Issued; the key is shown this once", body = crate::usecases::api_keys::IssuedKey),
        (status = "default", response = Problems)
    ),
    security(("bearer" = []))
)]
pub async fn issue_api_key(
    state: web::Data<AppState>,
    caller: Caller,
    JsonBody(b): JsonBody<ApiKeyBody>,
) -> Result<HttpResponse, ApiError> {
    let input = crate::usecases::api_keys::NewApiKey {
        owner_email: b.owner_email,
        name: b.name,
        organisation_id: b.organisation_id,
    };
    let issued = crate::usecases::api_keys::issue(&state, &caller, input).await?;
    let mut res = created(format!("/api/v1/admin/api-keys/{}", issued.key.id), &issued);
    res.headers_mut().insert(
        actix_web::http::header::CACHE_CONTROL,
        actix_web::http::header::HeaderValue::from_static("no-store"),
    );
    Ok(res)
}

/// `GET /api/v1/admin/api-keys`: never the keys themselves.
#[utoipa::path(
    get,
    path = "/api/v1/admin/api-keys",
    tag = "admin",
    summary = "List API keys",
    params(
        PageQuery
    ),
    responses(
        (status = 200, description = "Keys, newest first (never the keys themselves)", body = ListBody<crate::usecases::api_keys::ApiKeyView>),
        (status = "default", response = Problems)
    ),
    security(("bearer" = []))
)]
pub async fn api_keys(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let limit = query.limit()?;
    let before = query.after(|k| k.parse::<i64>().ok())?;
    let page = crate::usecases::api_keys::list(&state, &caller, before, limit).await?;
    Ok(HttpResponse::Ok().json(ListBody {
        next_cursor: page.next.map(|id| encode_cursor(&id.to_string())),
        items: page.items,
    }))
}

/// `DELETE /api/v1/admin/api-keys/{id}`
#[utoipa::path(
    delete,
    path = "/api/v1/admin/api-keys/{id}",
    tag = "admin",
    summary = "Revoke an API key",
    params(("id" = i64, Path, description = "The key")),
    responses((status = 204, description = "Revoked"), (status = "default", response = Problems)),
    security(("bearer" = []))
)]
pub async fn revoke_api_key(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    crate::usecases::api_keys::revoke(&state, &caller, *id).await?;
    Ok(HttpResponse::NoContent().finish())
}
