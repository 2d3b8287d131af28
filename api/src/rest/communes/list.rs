use super::CommuneBody;
use crate::context::AppState;
use crate::http::extract::Lang;
use crate::http::problem::ApiError;
use crate::http::schema::Problems;
use crate::rest::pagination::{ListBody, PageQuery, encode_cursor};
use crate::usecases::communes;
use actix_web::http::header;
use actix_web::{HttpResponse, web};
use tawasol_domain::CommuneSlug;

#[utoipa::path(
    get,
    path = "/api/v1/communes",
    tag = "communes",
    summary = "List communes",
    params(
        PageQuery,
        crate::http::schema::LangQuery
    ),
    responses(
        (status = 200, description = "Communes by slug", body = ListBody<CommuneBody>),
        (status = "default", response = Problems)
    )
)]
pub async fn handle(
    state: web::Data<AppState>,
    query: web::Query<PageQuery>,
    Lang(locale): Lang,
) -> Result<HttpResponse, ApiError> {
    let limit = query.limit()?;
    let after = query.after(|key| CommuneSlug::parse(key).ok())?;
    let page = communes::list(&state.db, after, limit).await?;
    let body = ListBody {
        items: page
            .items
            .iter()
            .map(|c| CommuneBody::new(c, locale))
            .collect(),
        next_cursor: page.next.as_ref().map(|slug| encode_cursor(slug.as_str())),
    };
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_LANGUAGE, locale.as_str()))
        .json(body))
}
