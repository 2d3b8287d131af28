//! `/api/v1/petitions`: create, list and read petitions; sign and withdraw; the legal steps; the
//! deposit dossier; follow.

use super::created;
use super::pagination::{ListBody, PageQuery, encode_cursor};
use crate::context::AppState;
use crate::http::extract::Caller;
use crate::http::extract::{JsonBody, Lang};
use crate::http::problem::ApiError;
use crate::http::schema::Problems;
use crate::i18n::Message;
use crate::usecases::idempotency;
use crate::usecases::petitions::{self, AssociationInput};
use actix_web::http::header;
use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};
use tawasol_domain::petition::Eligibility;

#[derive(Debug, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PetitionBody {
    commune: String,
    title: String,
    request: String,
    reasons: String,
    filer_type: String,
    organisation_id: Option<i64>,
    association: Option<AssociationInput>,
}

#[utoipa::path(
    post,
    path = "/api/v1/petitions",
    tag = "petitions",
    summary = "Draft a petition",
    params(
        ("Idempotency-Key" = Option<String>, Header, description = "Replays the first answer for the same key"),
        crate::http::schema::LangQuery
    ),
    request_body = PetitionBody,
    responses(
        (status = 201, description = "A draft; its creator is the agent", body = petitions::PetitionDetail),
        (status = "default", response = Problems)
    ),
    security(("bearer" = []))
)]
pub async fn create(
    req: actix_web::HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    Lang(locale): Lang,
    JsonBody(b): JsonBody<PetitionBody>,
) -> Result<HttpResponse, ApiError> {
    let key = super::issues::idempotency_key(&req)?;
    let hash = crate::auth::token::hash(&serde_json::to_string(&b).unwrap_or_default());
    let input = petitions::NewPetition {
        commune: b.commune,
        title: b.title,
        request: b.request,
        reasons: b.reasons,
        filer_type: b.filer_type,
        organisation_id: b.organisation_id,
        association: b.association,
    };
    let stored = idempotency::once(&state, &caller, key, hash, || async {
        let detail = petitions::create(&state, &caller, locale, input).await?;
        Ok(idempotency::Stored {
            status: 201,
            location: Some(format!("/api/v1/petitions/{}", detail.petition.id)),
            body: serde_json::to_string(&detail).unwrap_or_default(),
        })
    })
    .await?;
    let mut res = HttpResponse::build(
        actix_web::http::StatusCode::from_u16(stored.status).unwrap_or_default(),
    );
    if let Some(location) = stored.location {
        res.insert_header((header::LOCATION, location));
    }
    Ok(res.content_type("application/json").body(stored.body))
}

#[utoipa::path(
    get,
    path = "/api/v1/petitions/{id}",
    tag = "petitions",
    summary = "One petition",
    params(
        ("id" = i64, Path, description = "The id"),
        crate::http::schema::LangQuery
    ),
    responses(
        (status = 200, description = "The petition and its public timeline", body = petitions::PetitionDetail),
        (status = "default", response = Problems)
    ),
    security((), ("bearer" = []))
)]
pub async fn show(
    state: web::Data<AppState>,
    caller: Caller,
    Lang(locale): Lang,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let petition = petitions::detail(&state, &caller, locale, *id).await?;
    Ok(HttpResponse::Ok().json(petition))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PetitionEditBody {
    title: Option<String>,
    request: Option<String>,
    reasons: Option<String>,
}

/// `PATCH /api/v1/petitions/{id}`: the agent corrects their draft.
#[utoipa::path(
    patch,
    path = "/api/v1/petitions/{id}",
    tag = "petitions",
    summary = "Correct my draft",
    params(
        ("id" = i64, Path, description = "The id"),
        crate::http::schema::LangQuery
    ),
    request_body = PetitionEditBody,
    responses(
        (status = 200, description = "Corrected", body = petitions::PetitionDetail),
        (status = "default", response = Problems)
    ),
    security(("bearer" = []))
)]
pub async fn edit(
    state: web::Data<AppState>,
    caller: Caller,
    Lang(locale): Lang,
    id: web::Path<i64>,
    JsonBody(b): JsonBody<PetitionEditBody>,
) -> Result<HttpResponse, ApiError> {
    let edit = petitions::PetitionEdit {
        title: b.title,
        request: b.request,
        reasons: b.reasons,
    };
    let petition = petitions::edit_draft(&state, &caller, locale, *id, edit).await?;
    Ok(HttpResponse::Ok().json(petition))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct ListQuery {
    commune: Option<String>,
    status: Option<String>,
    agent: Option<String>,
    #[serde(flatten)]
    page: PageQuery,
}

#[utoipa::path(
    get,
    path = "/api/v1/petitions",
    tag = "petitions",
    summary = "List petitions",
    params(
        ("commune" = Option<String>, Query, description = "Commune slug"),
        ("status" = Option<String>, Query, description = "A step: collecting, ready, filed, …"),
        ("agent" = Option<String>, Query, description = "me: mine, drafts included"),
        PageQuery
    ),
    responses(
        (status = 200, description = "Petitions, newest first", body = ListBody<petitions::PetitionView>),
        (status = "default", response = Problems)
    ),
    security((), ("bearer" = []))
)]
pub async fn list(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, ApiError> {
    let query = query.into_inner();
    let limit = query.page.limit()?;
    let after = query.page.after(|text| text.parse::<i64>().ok())?;
    let agent_is_me = match query.agent.as_deref() {
        None | Some("") => false,
        Some("me") => true,
        Some(_) => {
            return Err(ApiError::invalid_parameter(
                "agent",
                Message::new("param-me"),
            ));
        }
    };
    let filter = petitions::PetitionQuery {
        commune: query.commune.filter(|s| !s.is_empty()),
        status: query.status.filter(|s| !s.is_empty()),
        agent_is_me,
    };
    let page = petitions::list(&state, &caller, filter, after, limit)
        .await
        .map_err(|e| match e {
            crate::usecases::UseCaseError::Invalid(_) => {
                ApiError::invalid_parameter("status", Message::new("param-invalid"))
            }
            other => other.into(),
        })?;
    Ok(HttpResponse::Ok().json(ListBody {
        items: page.items,
        next_cursor: page.next.map(|id| encode_cursor(&id.to_string())),
    }))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeclarationsBody {
    lives_or_works_in_commune: bool,
    on_electoral_roll: bool,
    direct_interest: bool,
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignatureBody {
    full_name: String,
    cin: String,
    address: String,
    declarations: DeclarationsBody,
    consent: bool,
    #[serde(default)]
    show_name: bool,
}

#[utoipa::path(
    post,
    path = "/api/v1/petitions/{id}/signatures",
    tag = "petitions",
    summary = "Sign",
    params(("id" = i64, Path, description = "The id")),
    request_body = SignatureBody,
    responses(
        (status = 201, description = "Signed and counted; the same answer whether or not another signature already used this CIN (such lines are flagged on the dossier). A problem otherwise: 409 when this account already signed or the petition is not collecting, 429 (with Retry-After) past the account's daily cap of signatures and withdrawals", body = petitions::SignatureView),
        (status = "default", response = Problems)
    ),
    security(("bearer" = []))
)]
pub async fn sign(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
    JsonBody(b): JsonBody<SignatureBody>,
) -> Result<HttpResponse, ApiError> {
    let input = petitions::NewSignature {
        full_name: b.full_name,
        cin: b.cin,
        address: b.address,
        declarations: Eligibility {
            lives_or_works_in_commune: b.declarations.lives_or_works_in_commune,
            on_electoral_roll: b.declarations.on_electoral_roll,
            direct_interest: b.declarations.direct_interest,
        },
        consent: b.consent,
        show_name: b.show_name,
    };
    let signature = petitions::sign(&state, &caller, *id, input).await?;
    Ok(created(
        format!("/api/v1/petitions/{}/signatures/{}", *id, signature.id),
        &signature,
    ))
}

#[utoipa::path(
    delete,
    path = "/api/v1/petitions/{id}/signatures",
    tag = "petitions",
    summary = "Withdraw my signature",
    params(("id" = i64, Path, description = "The id")),
    responses(
        (status = 204, description = "Withdrawn (while collecting); counts against the account's daily cap of signatures and withdrawals (429 past it)"),
        (status = "default", response = Problems)
    ),
    security(("bearer" = []))
)]
pub async fn withdraw(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    petitions::withdraw(&state, &caller, *id).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TransitionBody {
    to: String,
    receipt_number: Option<String>,
    filed_on: Option<chrono::NaiveDate>,
    reason: Option<String>,
    session_date: Option<chrono::NaiveDate>,
    committee: Option<String>,
    outcome: Option<String>,
    summary: Option<String>,
}

#[utoipa::path(
    post,
    path = "/api/v1/petitions/{id}/transitions",
    tag = "petitions",
    summary = "Take a legal step",
    params(
        ("id" = i64, Path, description = "The id"),
        crate::http::schema::LangQuery
    ),
    request_body = TransitionBody,
    responses(
        (status = 200, description = "The step is taken", body = petitions::PetitionDetail),
        (status = "default", response = Problems)
    ),
    security(("bearer" = []))
)]
pub async fn transition(
    state: web::Data<AppState>,
    caller: Caller,
    Lang(locale): Lang,
    id: web::Path<i64>,
    JsonBody(b): JsonBody<TransitionBody>,
) -> Result<HttpResponse, ApiError> {
    let input = petitions::StepInput {
        to: b.to,
        receipt_number: b.receipt_number,
        filed_on: b.filed_on,
        reason: b.reason,
        session_date: b.session_date,
        committee: b.committee,
        outcome: b.outcome,
        summary: b.summary,
    };
    let petition = petitions::transition(&state, &caller, locale, *id, input).await?;
    Ok(HttpResponse::Ok().json(petition))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct DossierQuery {
    format: Option<String>,
}

/// `?format=html` (the default: a printable page in Arabic and French) or `?format=csv`.
#[utoipa::path(
    get,
    path = "/api/v1/petitions/{id}/dossier",
    tag = "petitions",
    summary = "The deposit dossier (the agent from ready, officials of the whole commune from filed; 403 otherwise)",
    params(
        ("id" = i64, Path, description = "The id"),
        ("format" = Option<String>, Query, description = "html (default) or csv")
    ),
    responses(
        (status = 200, description = "The deposit dossier: a printable page in Arabic and French, or CSV", content((String = "text/html"), (String = "text/csv"))),
        (status = "default", response = Problems)
    ),
    security(("bearer" = []))
)]
pub async fn dossier(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
    query: web::Query<DossierQuery>,
) -> Result<HttpResponse, ApiError> {
    let format = match query.format.as_deref() {
        None | Some("" | "html") => "html",
        Some("csv") => "csv",
        Some(_) => {
            return Err(ApiError::invalid_parameter(
                "format",
                Message::new("param-dossier-format"),
            ));
        }
    };
    let dossier = petitions::dossier(&state, &caller, *id, format).await?;
    let private = (header::CACHE_CONTROL, "no-store, private");
    if format == "csv" {
        return Ok(HttpResponse::Ok()
            .insert_header(private)
            .insert_header((
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"petition-{}-signatures.csv\"", *id),
            ))
            .content_type("text/csv; charset=utf-8")
            .body(crate::http::dossier::csv(&dossier)));
    }
    Ok(HttpResponse::Ok()
        .insert_header(private)
        .content_type("text/html; charset=utf-8")
        .body(crate::http::dossier::html(&dossier)))
}

async fn follow_as(
    state: &AppState,
    caller: &Caller,
    id: i64,
    on: bool,
) -> Result<HttpResponse, ApiError> {
    petitions::set_follow(state, caller, id, on).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[utoipa::path(
    put,
    path = "/api/v1/petitions/{id}/follow",
    tag = "petitions",
    summary = "Follow",
    params(("id" = i64, Path, description = "The id")),
    responses((status = 204, description = "Following"), (status = "default", response = Problems)),
    security(("bearer" = []))
)]
pub async fn follow(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    follow_as(&state, &caller, *id, true).await
}

#[utoipa::path(
    delete,
    path = "/api/v1/petitions/{id}/follow",
    tag = "petitions",
    summary = "Stop following",
    params(("id" = i64, Path, description = "The id")),
    responses(
        (status = 204, description = "No longer following"),
        (status = "default", response = Problems)
    ),
    security(("bearer" = []))
)]
pub async fn unfollow(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    follow_as(&state, &caller, *id, false).await
}
