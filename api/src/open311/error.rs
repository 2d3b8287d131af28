//! Open311's errors: `[{"code", "description"}]` in JSON, `<errors><error>…` in XML, with the
//! HTTP status of the code. One mapping from what the use-cases answer (an [`Open311Refusal`] or
//! a [`UseCaseError`]) and one from what the framework refuses (an [`ApiError`]), both exhaustive:
//! a new kind of failure is a compile error here, never a silent 500.

use super::document::{Format, Value};
use crate::http::problem::{ApiError, Location, ProblemKind};
use crate::usecases::UseCaseError;
use crate::usecases::open311::Open311Refusal;
use actix_web::HttpResponse;
use actix_web::http::header;
use tawasol_domain::Denied;
use tawasol_domain::open311::WindowError;
use tawasol_persistence::PersistenceError;

/// An error in Open311's terms: the HTTP status (404, 403 or 400; 503 when the database is
/// unreachable or the work is busy, 500 for a fault of ours) and a stable plain-text description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Open311Error {
    pub code: u16,
    pub description: String,
    /// Seconds, when the client should retry later (throttled, database unreachable).
    pub retry_after: Option<u32>,
}

impl Open311Error {
    fn new(code: u16, description: impl Into<String>) -> Open311Error {
        Open311Error {
            code,
            description: description.into(),
            retry_after: None,
        }
    }
    pub fn not_found(description: impl Into<String>) -> Open311Error {
        Open311Error::new(404, description)
    }
    pub fn forbidden(description: impl Into<String>) -> Open311Error {
        Open311Error::new(403, description)
    }
    pub fn bad_request(description: impl Into<String>) -> Open311Error {
        Open311Error::new(400, description)
    }
    fn unavailable(description: impl Into<String>, retry_after: u32) -> Open311Error {
        Open311Error {
            retry_after: Some(retry_after),
            ..Open311Error::new(503, description)
        }
    }
    fn internal(cause: &dyn std::fmt::Display) -> Open311Error {
        tracing::error!(error = %cause, "open311 request failed");
        Open311Error::new(500, "internal error")
    }

    /// The answer: the error list in `format`, with the status of its code.
    pub fn response(&self, format: Format) -> HttpResponse {
        let body = Value::List(
            "error",
            vec![Value::Object(vec![
                ("code", Value::Integer(i64::from(self.code))),
                ("description", Value::text(&self.description)),
            ])],
        );
        let status = actix_web::http::StatusCode::from_u16(self.code)
            .unwrap_or(actix_web::http::StatusCode::BAD_REQUEST);
        let mut response = HttpResponse::build(status);
        response.insert_header((header::CACHE_CONTROL, "no-store"));
        if let Some(secs) = self.retry_after {
            response.insert_header((header::RETRY_AFTER, secs.to_string()));
        }
        response
            .content_type(format.content_type())
            .body(format.render("errors", &body))
    }
}

impl From<Open311Refusal> for Open311Error {
    fn from(refusal: Open311Refusal) -> Open311Error {
        match refusal {
            Open311Refusal::JurisdictionRequired => Open311Error::bad_request(
                "jurisdiction_id is required: the slug of a commune, see /api/v1/communes",
            ),
            Open311Refusal::JurisdictionNotFound => {
                Open311Error::not_found("jurisdiction_id not found")
            }
            Open311Refusal::ServiceNotFound => Open311Error::not_found("service_code not found"),
            Open311Refusal::KeyInvalid => Open311Error::forbidden("api_key is invalid or revoked"),
            Open311Refusal::TokenNotFound => Open311Error::not_found("token not found"),
            Open311Refusal::RequestNotFound => {
                Open311Error::not_found("service_request_id not found")
            }
            Open311Refusal::Window(WindowError::Reversed) => {
                Open311Error::bad_request("end_date is before start_date")
            }
            Open311Refusal::Window(WindowError::TooWide) => {
                Open311Error::bad_request("start_date and end_date may be at most 90 days apart")
            }
            Open311Refusal::UseCase(e) => e.into(),
        }
    }
}

impl From<UseCaseError> for Open311Error {
    fn from(e: UseCaseError) -> Open311Error {
        match e {
            UseCaseError::Invalid(fields) => Open311Error::bad_request(
                fields
                    .iter()
                    .map(|f| explain(f.field, f.message))
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            UseCaseError::Denied(Denied::Banned) => {
                Open311Error::forbidden("the api_key's account is banned")
            }
            UseCaseError::Denied(Denied::Unverified) => {
                Open311Error::forbidden("the api_key's account has no verified address")
            }
            UseCaseError::Denied(Denied::NotPermitted | Denied::NotAuthenticated)
            | UseCaseError::BadCredentials
            | UseCaseError::InvalidToken => Open311Error::forbidden("api_key is not permitted"),
            UseCaseError::Throttled { retry_after } => Open311Error {
                retry_after: Some(retry_after),
                ..Open311Error::bad_request(format!(
                    "too many requests: retry in {retry_after} seconds"
                ))
            },
            UseCaseError::IssueNotFound(id) => {
                Open311Error::not_found(format!("service_request_id {id} not found"))
            }
            UseCaseError::CommuneNotFound(_) => {
                Open311Error::not_found("jurisdiction_id not found")
            }
            UseCaseError::CategoryNotFound { .. } => {
                Open311Error::not_found("service_code not found")
            }
            // Nothing Open311 reads or writes names these: whatever asked for one is not here.
            UseCaseError::OutboxNotFound(_)
            | UseCaseError::UserNotFound(_)
            | UseCaseError::FeedNotFound
            | UseCaseError::OrganisationNotFound(_)
            | UseCaseError::ApiKeyNotFound(_)
            | UseCaseError::PetitionNotFound(_) => Open311Error::not_found("not found"),
            // Nor can Open311 ask for these steps: refused as a request that cannot be done.
            UseCaseError::OutboxNotDead(_)
            | UseCaseError::Transition(_)
            | UseCaseError::IdempotencyInFlight
            | UseCaseError::IdempotencyMismatch
            | UseCaseError::OfficialAnswerIsRecord
            | UseCaseError::EditWindowClosed
            | UseCaseError::PetitionNotDraft(_)
            | UseCaseError::PetitionNotCollecting(_)
            | UseCaseError::AlreadySigned(_)
            | UseCaseError::OwnReport(_)
            | UseCaseError::AnswersIt(_)
            | UseCaseError::PetitionStep { .. } => {
                Open311Error::bad_request("the request cannot be carried out")
            }
            UseCaseError::Busy(busy) => Open311Error::unavailable(
                format!(
                    "too many long lists are being read: retry in {} seconds",
                    busy.retry_after
                ),
                busy.retry_after,
            ),
            UseCaseError::Persistence(PersistenceError::Unavailable(_)) => {
                Open311Error::unavailable("the service is unavailable: retry shortly", 5)
            }
            // Every other database failure is a fault of ours.
            UseCaseError::Persistence(other) => Open311Error::internal(&other),
            UseCaseError::Undecryptable(cause) => Open311Error::internal(&cause),
            UseCaseError::Interrupted => Open311Error::internal(&"a blocking task was cancelled"),
        }
    }
}

/// The Open311 parameter a field of ours comes from, and what is wrong with it, in plain text.
fn explain(field: &str, message: &str) -> String {
    let parameter = match field {
        "commune" => "jurisdiction_id",
        "category" => "service_code",
        "location" => "lat/long",
        "address" => "address_string",
        "title" | "description" => "description",
        "language" => "lang",
        other => other,
    };
    let why = match message {
        "field-issue-title" | "field-issue-description" => {
            "must be 10 to 4000 characters of plain text"
        }
        "field-location" => {
            "must be a latitude between -90 and 90 and a longitude between -180 and 180"
        }
        "field-location-outside" => "is outside the jurisdiction",
        "field-commune" => "is not a known jurisdiction",
        "field-category" => "is not a service of this jurisdiction",
        "param-lang" => "must be ar, fr or zgh",
        _ => "is not acceptable",
    };
    format!("{parameter} {why}")
}

/// An error that actix or the middleware raised on this surface (no route, wrong method, body
/// too large, a `?lang=` we do not speak…), in Open311's format.
pub fn render_api_error(path: &str, error: &ApiError) -> HttpResponse {
    let description = match error.kind {
        ProblemKind::NotFound => "not found: see /open311/v2/discovery.json".to_owned(),
        ProblemKind::MethodNotAllowed => format!(
            "method not allowed: use {}",
            error.allow.as_deref().unwrap_or("GET")
        ),
        ProblemKind::PayloadTooLarge => "the request body is too large".to_owned(),
        ProblemKind::UnsupportedMediaType => {
            "the body must be application/x-www-form-urlencoded".to_owned()
        }
        ProblemKind::InvalidParameter => {
            let names: Vec<&str> = error
                .errors
                .iter()
                .map(|e| match &e.location {
                    Location::Parameter(p) | Location::Pointer(p) => p.as_str(),
                })
                .collect();
            if names == ["lang"] {
                "lang must be ar, fr or zgh".to_owned()
            } else {
                format!("invalid parameter: {}", names.join(", "))
            }
        }
        ProblemKind::ServiceUnavailable => "the service is unavailable: retry shortly".to_owned(),
        ProblemKind::Internal => "internal error".to_owned(),
        // The framework raises none of these around Open311's handlers; should one appear, its
        // status says what it is.
        ProblemKind::MalformedBody
        | ProblemKind::Validation
        | ProblemKind::Conflict
        | ProblemKind::ForbiddenTransition
        | ProblemKind::Unauthorized
        | ProblemKind::Forbidden
        | ProblemKind::InvalidToken
        | ProblemKind::TooManyRequests => "bad request".to_owned(),
    };
    // The HTTP status of the problem, except that every kind of bad request is Open311's 400.
    let code = match error.kind {
        ProblemKind::Validation | ProblemKind::InvalidParameter | ProblemKind::MalformedBody => 400,
        kind => kind.status().as_u16(),
    };
    let mut response = Open311Error {
        code,
        description,
        retry_after: error.retry_after,
    }
    .response(Format::of_path(path));
    if let Some(allow) = &error.allow
        && let Ok(value) = header::HeaderValue::from_str(allow)
    {
        response.headers_mut().insert(header::ALLOW, value);
    }
    response
}
