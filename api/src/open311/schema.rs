//! Open311 GeoReport v2 shapes (JSON; the XML carries the same elements), for the OpenAPI
//! document.

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

/// Every Open311 error answer, by reference: the list of errors, JSON or XML as the path asks.
/// The OpenAPI assembly writes it out in each operation (with the 5XX that shares its shape).
#[derive(Debug)]
pub struct Errors;

impl<'s> utoipa::ToResponse<'s> for Errors {
    fn response() -> (
        &'s str,
        utoipa::openapi::RefOr<utoipa::openapi::response::Response>,
    ) {
        use utoipa::openapi::{ContentBuilder, ResponseBuilder, schema};
        let list = schema::ArrayBuilder::new()
            .items(schema::Ref::from_schema_name("Open311Error"))
            .build();
        let text = schema::ObjectBuilder::new()
            .schema_type(schema::Type::String)
            .build();
        (
            "Open311Errors",
            ResponseBuilder::new()
                .description("Open311 errors: [{code, description}] or <errors>")
                .content(
                    "application/json",
                    ContentBuilder::new().schema(Some(list)).build(),
                )
                .content("text/xml", ContentBuilder::new().schema(Some(text)).build())
                .build()
                .into(),
        )
    }
}

/// The format every Open311 path ends with.
#[derive(Debug, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct FormatPath {
    /// json or xml
    pub format: String,
}

/// The commune a call is about.
#[derive(Debug, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct JurisdictionQuery {
    /// Commune slug (needed when several communes are served)
    pub jurisdiction_id: Option<String>,
}

/// A search's filters.
#[derive(Debug, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RequestsQuery {
    /// Comma list; overrides the other filters
    pub service_request_id: Option<String>,
    /// Comma list
    pub service_code: Option<String>,
    /// W3C date-time
    pub start_date: Option<String>,
    /// W3C date-time (at most 90 days after start_date)
    pub end_date: Option<String>,
    /// open, closed or both
    pub status: Option<String>,
}

/// A window of time.
#[derive(Debug, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct WindowQuery {
    /// W3C date-time
    pub start_date: Option<String>,
    /// W3C date-time
    pub end_date: Option<String>,
}
