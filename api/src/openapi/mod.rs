//! The OpenAPI 3.1 document, assembled from the surfaces' parts (each surface's `Api`: its
//! operations, annotated where they are written with `#[utoipa::path]`, and the schemas their
//! bodies derive), then refined (`refine`) with what every operation shares. A test checks that the document and the route table name the same
//! operations, and the end-to-end tests check every JSON answer against its schema.

pub mod docs;
pub mod refine;

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .build(),
            ),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Tawasol",
        description = "Local issues and petitions of Moroccan communes, in Arabic, French and Tamazight. Errors are RFC 9457 problems; lists are {items, next_cursor}; see docs/api.md.",
        license(name = "AGPL-3.0-or-later", identifier = "AGPL-3.0-or-later")
    ),
    paths(
        docs::openapi_json,
        docs::swagger_ui
    ),
    modifiers(&BearerAuth),
    components(
        schemas(
            crate::http::schema::Problem,
            crate::http::schema::ProblemError,
            crate::rest::schema::GeoPointSchema,
            crate::rest::schema::BoundingBoxSchema,
            crate::rest::schema::LocalizedTextSchema
        ),
        responses(crate::http::schema::Problems)
    )
)]
#[derive(Debug)]
pub struct ApiDoc;

/// The document served at `/api/v1/openapi.json`: every surface's part (its annotations),
/// refined by [`refine`] with what every operation shares (parameters, framework answers).
pub fn document() -> serde_json::Value {
    let mut doc = ApiDoc::openapi();
    doc.merge(crate::rest::Api::openapi());
    doc.merge(crate::web::Api::openapi());
    doc.merge(crate::feeds::Api::openapi());
    doc.merge(crate::open311::Api::openapi());
    let mut value = serde_json::to_value(doc).expect("the document serialises");
    refine::refine(&mut value);
    value
}

/// The OpenAPI document and Swagger UI's page.
pub fn routes() -> Vec<crate::http::routes::Route> {
    crate::routes![
        GET "/api/v1/openapi.json" Public => docs::openapi_json,
        GET "/api/docs" Public => docs::swagger_ui,
    ]
}
