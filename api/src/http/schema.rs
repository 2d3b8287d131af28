//! The schemas of what every surface may answer: RFC 9457 problems, described once and used by
//! every operation's annotations (`(status = "default", response = Problems)`); the OpenAPI
//! assembly (`crate::openapi::refine`) turns that into the statuses each operation can answer.

use utoipa::{ToResponse, ToSchema};

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

/// Every operation's error answers, by reference: a problem (RFC 9457), whose `type` says which.
#[derive(Debug, ToResponse)]
#[response(
    description = "A problem (RFC 9457): see the `type`",
    content_type = "application/problem+json"
)]
pub struct Problems(#[to_schema] pub Problem);

/// The reader's language (`?lang=`), as every surface reads it (the middleware checks it).
#[derive(Debug, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LangQuery {
    /// ar, fr or zgh (else Accept-Language, else the account's, else ar)
    pub lang: Option<String>,
}
