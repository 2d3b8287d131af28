use super::{CategoryBody, CommuneBody};
use crate::context::AppState;
use crate::http::extract::Lang;
use crate::http::problem::ApiError;
use crate::http::schema::Problems;
use crate::usecases::communes;
use actix_web::http::header;
use actix_web::{HttpResponse, web};
use serde::Serialize;

/// A commune with its service categories.
#[derive(Serialize, utoipa::ToSchema)]
pub struct CommuneDetailBody<'a> {
    #[serde(flatten)]
    commune: CommuneBody<'a>,
    categories: Vec<CategoryBody<'a>>,
}

#[utoipa::path(
    get,
    path = "/api/v1/communes/{slug}",
    tag = "communes",
    summary = "One commune",
    params(
        ("slug" = String, Path, description = "tan-tan, tangier or sefrou"),
        crate::http::schema::LangQuery
    ),
    responses(
        (status = 200, description = "A commune with its arrondissements and categories", body = CommuneDetailBody),
        (status = "default", response = Problems)
    )
)]
pub async fn handle(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    Lang(locale): Lang,
) -> Result<HttpResponse, ApiError> {
    let found = communes::show(&state.db, &slug).await?;
    let body = CommuneDetailBody {
        commune: CommuneBody::new(&found.commune, locale),
        categories: found
            .categories
            .iter()
            .map(|c| CategoryBody::new(c, locale))
            .collect(),
    };
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_LANGUAGE, locale.as_str()))
        .json(body))
}
