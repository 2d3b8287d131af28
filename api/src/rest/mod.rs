//! The REST API under `/api/v1`, the health probes and the problem pages. Handlers stay thin:
//! parse, call one use-case, render.

mod communes;
mod health;
mod home;
mod pagination;
mod problems;

use crate::i18n::Message;
use crate::problem::ApiError;
use actix_web::{HttpRequest, HttpResponse, Resource, web};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        resource("/", "GET, HEAD")
            .route(web::get().to(home::show))
            .route(web::head().to(home::show)),
    )
    .service(
        resource("/health/live", "GET, HEAD")
            .route(web::get().to(health::live))
            .route(web::head().to(health::live)),
    )
    .service(
        resource("/health/ready", "GET, HEAD")
            .route(web::get().to(health::ready))
            .route(web::head().to(health::ready)),
    )
    .service(
        resource("/problems/{kind}", "GET, HEAD")
            .route(web::get().to(problems::show))
            .route(web::head().to(problems::show)),
    )
    .service(
        web::scope("/api/v1")
            .service(
                resource("/communes", "GET, HEAD")
                    .route(web::get().to(communes::list::handle))
                    .route(web::head().to(communes::list::handle)),
            )
            .service(
                resource("/communes/{slug}", "GET, HEAD")
                    .route(web::get().to(communes::show::handle))
                    .route(web::head().to(communes::show::handle)),
            ),
    );
}

/// A resource that answers other methods with 405 and an `Allow` header listing `allow`.
fn resource(path: &str, allow: &'static str) -> Resource {
    web::resource(path).default_service(web::to(move || async move {
        Err::<HttpResponse, ApiError>(ApiError::method_not_allowed(allow))
    }))
}

/// Any address that matches no route.
pub async fn not_found(req: HttpRequest) -> Result<HttpResponse, ApiError> {
    Err(ApiError::not_found(
        Message::new("detail-route-not-found").arg("path", req.path()),
    ))
}
