use super::{CategoryBody, CommuneBody};
use crate::extract::Lang;
use crate::problem::ApiError;
use crate::startup::AppState;
use crate::usecases::communes;
use actix_web::http::header;
use actix_web::{HttpResponse, web};
use serde::Serialize;

#[derive(Serialize)]
struct Body<'a> {
    #[serde(flatten)]
    commune: CommuneBody<'a>,
    categories: Vec<CategoryBody<'a>>,
}

pub async fn handle(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    Lang(locale): Lang,
) -> Result<HttpResponse, ApiError> {
    let found = communes::show(&state.db, &slug).await?;
    let body = Body {
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
