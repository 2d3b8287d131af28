//! The OpenAPI 3.1 document, generated from the code with utoipa: every route of the table in
//! `rest/mod.rs` is annotated where it is written (`#[utoipa::path]`), and every body it takes or
//! gives derives its schema. A test checks that the document and the route table name the same
//! operations, and the end-to-end tests check every JSON answer against its schema.

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};

/// A WGS 84 position (the use-cases' views describe theirs with it).
pub use tawasol_app::usecases::Position as GeoPointSchema;

/// A rectangle in degrees.
#[derive(Debug, ToSchema)]
#[schema(as = BoundingBox)]
pub struct BoundingBoxSchema {
    pub south: f64,
    pub west: f64,
    pub north: f64,
    pub east: f64,
}

/// A text in Arabic, French and Tamazight (Tifinagh).
#[derive(Debug, ToSchema)]
#[schema(as = LocalizedText)]
pub struct LocalizedTextSchema {
    pub ar: String,
    pub fr: String,
    pub zgh: String,
}

/// Open311 GeoReport v2 shapes (JSON; the XML carries the same elements).
pub mod open311 {
    use utoipa::ToSchema;

    #[derive(Debug, ToSchema)]
    #[schema(as = Open311Endpoint)]
    pub struct Endpoint {
        pub specification: String,
        pub url: String,
        pub changeset: String,
        /// `production` or `test`.
        #[schema(rename = "type")]
        pub kind: String,
        pub formats: Vec<String>,
    }

    #[derive(Debug, ToSchema)]
    #[schema(as = Open311Discovery)]
    pub struct Discovery {
        pub changeset: String,
        pub contact: String,
        pub key_service: String,
        pub endpoints: Vec<Endpoint>,
    }

    /// A category of a commune.
    #[derive(Debug, ToSchema)]
    #[schema(as = Open311Service)]
    pub struct Service {
        pub service_code: String,
        pub service_name: String,
        pub description: String,
        pub metadata: bool,
        /// `realtime`.
        #[schema(rename = "type")]
        pub kind: String,
        pub keywords: String,
        pub group: String,
    }

    #[derive(Debug, ToSchema)]
    #[schema(as = Open311ServiceDefinition)]
    pub struct ServiceDefinition {
        pub service_code: String,
        pub attributes: Vec<serde_json::Value>,
    }

    /// An issue as Open311 shows it.
    #[derive(Debug, ToSchema)]
    #[schema(as = Open311Request)]
    pub struct Request {
        pub service_request_id: String,
        /// `open` or `closed`.
        pub status: String,
        pub status_notes: Option<String>,
        pub service_name: String,
        pub service_code: String,
        pub description: String,
        pub agency_responsible: String,
        pub service_notice: Option<String>,
        pub requested_datetime: String,
        pub updated_datetime: String,
        pub expected_datetime: Option<String>,
        pub address: Option<String>,
        pub address_id: Option<String>,
        pub zipcode: Option<String>,
        pub lat: Option<f64>,
        pub long: Option<f64>,
        pub media_url: Option<String>,
    }

    /// What a POST answers (`service_request_id` is null while a moderator holds the issue).
    #[derive(Debug, ToSchema)]
    #[schema(as = Open311Created)]
    pub struct Created {
        pub service_request_id: Option<String>,
        pub token: Option<String>,
        pub service_notice: Option<String>,
        pub account_id: Option<String>,
    }

    #[derive(Debug, ToSchema)]
    #[schema(as = Open311Token)]
    pub struct Token {
        pub service_request_id: Option<String>,
        pub token: String,
    }

    /// A status change (the `servicerequestupdates` extension).
    #[derive(Debug, ToSchema)]
    #[schema(as = Open311Update)]
    pub struct Update {
        pub update_id: String,
        pub service_request_id: String,
        pub status: String,
        pub description: String,
        pub updated_datetime: String,
        pub media_url: Option<String>,
    }

    #[derive(Debug, ToSchema)]
    #[schema(as = Open311Error)]
    pub struct Error {
        pub code: u16,
        pub description: String,
    }
}

/// The secret address of a personal feed.
#[derive(Debug, ToSchema)]
pub struct FeedUrl {
    pub url: String,
}

/// A probe's answer.
#[derive(Debug, ToSchema)]
pub struct Status {
    /// `live` or `ready`.
    pub status: String,
    /// `sqlite` or `postgresql` (readiness only).
    pub database: Option<String>,
}

/// An answer that says the same whatever happened (no account enumeration).
#[derive(Debug, ToSchema)]
pub struct Accepted {
    /// `accepted`.
    pub status: String,
    /// What happens next, localised.
    pub detail: String,
}

/// What is wrong with one field or parameter of a request.
#[derive(Debug, ToSchema)]
pub struct ProblemError {
    /// JSON pointer to the field of the body (`/title`), for a body.
    pub pointer: Option<String>,
    /// The query parameter or header, for a parameter.
    pub parameter: Option<String>,
    pub detail: String,
}

/// An RFC 9457 problem (`application/problem+json`). `type` is one of `/problems/not-found`,
/// `method-not-allowed`, `payload-too-large`, `unsupported-media-type`, `malformed-body`,
/// `validation`, `invalid-parameter`, `conflict`, `forbidden-transition`, `unauthorized`,
/// `forbidden`, `invalid-token`, `too-many-requests`, `internal`, `service-unavailable`; each
/// page documents its problem.
#[derive(Debug, ToSchema)]
pub struct Problem {
    #[schema(rename = "type")]
    pub kind: String,
    /// Localised.
    pub title: String,
    pub status: u16,
    pub detail: Option<String>,
    pub instance: Option<String>,
    pub request_id: Option<String>,
    pub errors: Option<Vec<ProblemError>>,
}

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
        crate::rest::docs::openapi_json,
        crate::rest::docs::swagger_ui,
        crate::rest::admin::issue_api_key,
        crate::rest::admin::api_keys,
        crate::rest::admin::revoke_api_key,
        crate::rest::feeds::create_token,
        crate::rest::feeds::revoke_token,
        crate::rest::feeds::commune,
        crate::rest::feeds::category,
        crate::rest::feeds::issue,
        crate::rest::feeds::petition,
        crate::rest::feeds::personal,
        crate::open311::discovery,
        crate::open311::services,
        crate::open311::service_definition,
        crate::open311::create_request,
        crate::open311::requests,
        crate::open311::request,
        crate::open311::token,
        crate::open311::updates,
        crate::web::pages::home,
        crate::web::assets::file,
        crate::web::switch_language,
        crate::web::pages::commune,
        crate::web::pages::report_form,
        crate::web::pages::report,
        crate::web::pages::issue,
        crate::web::pages::reply,
        crate::web::pages::support,
        crate::web::pages::follow,
        crate::web::petitions::list,
        crate::web::petitions::show,
        crate::web::petitions::dossier,
        crate::web::petitions::sign,
        crate::web::petitions::withdraw,
        crate::web::petitions::follow,
        crate::web::petitions::step,
        crate::web::petitions::new_form,
        crate::web::petitions::create,
        crate::web::pages::answer,
        crate::web::desk::desk,
        crate::web::desk::queue,
        crate::web::desk::decide_issue,
        crate::web::desk::decide_reply,
        crate::web::account::login_form,
        crate::web::account::login,
        crate::web::account::logout,
        crate::web::account::me,
        crate::web::account::set_notifications,
        crate::web::account::export,
        crate::web::account::delete,
        crate::web::account::organisation,
        crate::web::account::organisation_feed,
        crate::web::account::forgot_form,
        crate::web::account::forgot,
        crate::web::account::signup_form,
        crate::web::account::signup,
        crate::rest::health::live,
        crate::rest::health::ready,
        crate::rest::problems::show,
        crate::rest::communes::list::handle,
        crate::rest::communes::show::handle,
        crate::rest::pages::verify_form,
        crate::rest::pages::verify_submit,
        crate::rest::pages::reset_form,
        crate::rest::pages::reset_submit,
        crate::rest::pages::unsubscribe_form,
        crate::rest::pages::unsubscribe,
        crate::rest::auth::register,
        crate::rest::auth::verify_email,
        crate::rest::auth::login,
        crate::rest::auth::refresh,
        crate::rest::auth::logout,
        crate::rest::auth::reset_request,
        crate::rest::auth::reset_confirm,
        crate::rest::me::show,
        crate::rest::me::update,
        crate::rest::me::delete,
        crate::rest::me::export,
        crate::rest::me::notifications,
        crate::rest::me::set_notifications,
        crate::rest::issues::list,
        crate::rest::issues::create,
        crate::rest::issues::show,
        crate::rest::issues::reply,
        crate::rest::issues::edit_reply,
        crate::rest::issues::change_status,
        crate::rest::issues::support,
        crate::rest::issues::unsupport,
        crate::rest::issues::follow,
        crate::rest::issues::unfollow,
        crate::rest::moderation::flag_issue,
        crate::rest::moderation::flag_reply,
        crate::rest::moderation::queue,
        crate::rest::moderation::decide_issue,
        crate::rest::moderation::decide_reply,
        crate::rest::admin::appoint_official,
        crate::rest::admin::revoke_official,
        crate::rest::admin::appoint_moderator,
        crate::rest::admin::revoke_moderator,
        crate::rest::admin::create_organisation,
        crate::rest::admin::put_member,
        crate::rest::admin::remove_member,
        crate::rest::admin::update_commune,
        crate::rest::admin::ban,
        crate::rest::admin::unban,
        crate::rest::admin::outbox,
        crate::rest::admin::requeue,
        crate::rest::admin::audit,
        crate::rest::petitions::list,
        crate::rest::petitions::create,
        crate::rest::petitions::show,
        crate::rest::petitions::edit,
        crate::rest::petitions::sign,
        crate::rest::petitions::withdraw,
        crate::rest::petitions::transition,
        crate::rest::petitions::dossier,
        crate::rest::petitions::follow,
        crate::rest::petitions::unfollow,
        crate::rest::stats::show,
        crate::rest::exports::issues_csv,
        crate::rest::exports::issues_jsonl,
        crate::rest::exports::petitions_csv,
        crate::rest::exports::petitions_jsonl
    ),
    modifiers(&BearerAuth),
    components(schemas(Problem, ProblemError, GeoPointSchema, BoundingBoxSchema, LocalizedTextSchema))
)]
#[derive(Debug)]
pub struct ApiDoc;

/// The document served at `/api/v1/openapi.json`: the annotations, refined by
/// [`crate::openapi_refine`] with what every operation shares (parameters, framework answers).
pub fn document() -> serde_json::Value {
    let mut value = serde_json::to_value(ApiDoc::openapi()).expect("the document serialises");
    crate::openapi_refine::refine(&mut value);
    value
}
