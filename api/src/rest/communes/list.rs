use super::CommuneBody;
use crate::extract::Lang;
use crate::problem::ApiError;
use crate::rest::pagination::{ListBody, PageQuery, encode_cursor};
use crate::startup::AppState;
use crate::usecases::communes;
use actix_web::http::header;
use actix_web::{HttpResponse, web};
use tawasol_domain::CommuneSlug;

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
