//! Errors as RFC 9457 problem details. Every kind has a stable `type` (`/problems/<kind>`),
//! a localised title, and a page at that address that documents it. Errors are mapped to HTTP
//! here, once; the middleware renders them in the reader's language.

use crate::i18n::Message;
use crate::usecases::UseCaseError;
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use serde_json::{Map, Value, json};
use std::fmt;
use tawasol_domain::Locale;

pub const PROBLEM_JSON: &str = "application/problem+json";

/// The kinds of problem the API answers with. Their slugs are part of the API: never rename one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    NotFound,
    MethodNotAllowed,
    PayloadTooLarge,
    UnsupportedMediaType,
    MalformedBody,
    Validation,
    InvalidParameter,
    Conflict,
    ForbiddenTransition,
    Unauthorized,
    Forbidden,
    InvalidToken,
    TooManyRequests,
    Internal,
    ServiceUnavailable,
}

impl ProblemKind {
    pub const ALL: [ProblemKind; 15] = [
        ProblemKind::NotFound,
        ProblemKind::MethodNotAllowed,
        ProblemKind::PayloadTooLarge,
        ProblemKind::UnsupportedMediaType,
        ProblemKind::MalformedBody,
        ProblemKind::Validation,
        ProblemKind::InvalidParameter,
        ProblemKind::Conflict,
        ProblemKind::ForbiddenTransition,
        ProblemKind::Unauthorized,
        ProblemKind::Forbidden,
        ProblemKind::InvalidToken,
        ProblemKind::TooManyRequests,
        ProblemKind::Internal,
        ProblemKind::ServiceUnavailable,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            ProblemKind::NotFound => "not-found",
            ProblemKind::MethodNotAllowed => "method-not-allowed",
            ProblemKind::PayloadTooLarge => "payload-too-large",
            ProblemKind::UnsupportedMediaType => "unsupported-media-type",
            ProblemKind::MalformedBody => "malformed-body",
            ProblemKind::Validation => "validation",
            ProblemKind::InvalidParameter => "invalid-parameter",
            ProblemKind::Conflict => "conflict",
            ProblemKind::ForbiddenTransition => "forbidden-transition",
            ProblemKind::Unauthorized => "unauthorized",
            ProblemKind::Forbidden => "forbidden",
            ProblemKind::InvalidToken => "invalid-token",
            ProblemKind::TooManyRequests => "too-many-requests",
            ProblemKind::Internal => "internal",
            ProblemKind::ServiceUnavailable => "service-unavailable",
        }
    }

    pub fn from_slug(slug: &str) -> Option<ProblemKind> {
        ProblemKind::ALL.into_iter().find(|k| k.slug() == slug)
    }

    pub fn status(self) -> StatusCode {
        match self {
            ProblemKind::NotFound => StatusCode::NOT_FOUND,
            ProblemKind::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ProblemKind::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ProblemKind::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ProblemKind::MalformedBody | ProblemKind::InvalidParameter => StatusCode::BAD_REQUEST,
            ProblemKind::Validation => StatusCode::UNPROCESSABLE_ENTITY,
            ProblemKind::Conflict | ProblemKind::ForbiddenTransition => StatusCode::CONFLICT,
            ProblemKind::Unauthorized => StatusCode::UNAUTHORIZED,
            ProblemKind::Forbidden => StatusCode::FORBIDDEN,
            ProblemKind::InvalidToken => StatusCode::BAD_REQUEST,
            ProblemKind::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            ProblemKind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            ProblemKind::ServiceUnavailable => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    pub fn type_uri(self) -> String {
        format!("/problems/{}", self.slug())
    }

    pub fn title(self, locale: Locale) -> String {
        crate::i18n::text(locale, &format!("problem-{}-title", self.slug()))
    }

    pub fn description(self, locale: Locale) -> String {
        crate::i18n::text(locale, &format!("problem-{}-description", self.slug()))
    }
}

/// Where in the request a field error lies.
#[derive(Debug, Clone, PartialEq)]
pub enum Location {
    /// A JSON pointer (RFC 6901) into the body: `/title`, `/location/lat`.
    Pointer(String),
    /// A query parameter's name.
    Parameter(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct FieldError {
    pub location: Location,
    pub detail: Message,
}

/// An error on its way to becoming a problem+json answer.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub kind: ProblemKind,
    pub detail: Option<Box<Message>>,
    pub errors: Vec<FieldError>,
    pub allow: Option<Box<str>>,
    pub retry_after: Option<u32>,
    /// For the log only: what really happened (never sent to the client).
    pub cause: Option<Box<str>>,
}

impl ApiError {
    pub fn new(kind: ProblemKind) -> ApiError {
        ApiError {
            kind,
            detail: None,
            errors: Vec::new(),
            allow: None,
            retry_after: match kind {
                ProblemKind::ServiceUnavailable => Some(5),
                _ => None,
            },
            cause: None,
        }
    }

    pub fn detail(mut self, detail: Message) -> ApiError {
        self.detail = Some(Box::new(detail));
        self
    }

    pub fn cause(mut self, cause: impl fmt::Display) -> ApiError {
        self.cause = Some(cause.to_string().into());
        self
    }

    pub fn field(mut self, pointer: impl Into<String>, detail: Message) -> ApiError {
        self.errors.push(FieldError {
            location: Location::Pointer(pointer.into()),
            detail,
        });
        self
    }

    pub fn not_found(detail: Message) -> ApiError {
        ApiError::new(ProblemKind::NotFound).detail(detail)
    }

    pub fn method_not_allowed(allow: &str) -> ApiError {
        let mut e = ApiError::new(ProblemKind::MethodNotAllowed)
            .detail(Message::new("detail-method-not-allowed").arg("allow", allow));
        e.allow = Some(allow.into());
        e
    }

    pub fn payload_too_large(limit: usize) -> ApiError {
        ApiError::new(ProblemKind::PayloadTooLarge)
            .detail(Message::new("detail-payload-too-large").arg("limit", limit))
    }

    pub fn invalid_parameter(name: &str, detail: Message) -> ApiError {
        let mut e = ApiError::new(ProblemKind::InvalidParameter)
            .detail(Message::new("detail-invalid-parameter"));
        e.errors.push(FieldError {
            location: Location::Parameter(name.to_owned()),
            detail,
        });
        e
    }

    /// A parameter that follows the document but that the server cannot use: it names nothing
    /// the server knows (a commune, an account), or it is a cursor this server did not issue.
    /// 422, as for a body's field; 400 is for a parameter that breaks the document.
    pub fn unacceptable_parameter(name: &str, detail: Message) -> ApiError {
        let mut e =
            ApiError::new(ProblemKind::Validation).detail(Message::new("detail-validation"));
        e.errors.push(FieldError {
            location: Location::Parameter(name.to_owned()),
            detail,
        });
        e
    }

    /// A policy's refusal: 401 when nobody is logged in, 403 with the reason otherwise.
    pub fn denied(denied: tawasol_domain::Denied) -> ApiError {
        use tawasol_domain::Denied;
        match denied {
            Denied::NotAuthenticated => ApiError::new(ProblemKind::Unauthorized)
                .detail(Message::new("detail-not-authenticated")),
            Denied::Banned => {
                ApiError::new(ProblemKind::Forbidden).detail(Message::new("detail-banned"))
            }
            Denied::Unverified => {
                ApiError::new(ProblemKind::Forbidden).detail(Message::new("detail-unverified"))
            }
            Denied::NotPermitted => {
                ApiError::new(ProblemKind::Forbidden).detail(Message::new("detail-not-permitted"))
            }
        }
    }

    pub fn internal(cause: impl fmt::Display) -> ApiError {
        ApiError::new(ProblemKind::Internal).cause(cause)
    }

    /// The problem+json answer, in `locale`, for the request `request_id` at `instance`.
    pub fn render(
        &self,
        locale: Locale,
        request_id: Option<&str>,
        instance: Option<&str>,
    ) -> HttpResponse {
        let mut body = Map::new();
        body.insert("type".into(), json!(self.kind.type_uri()));
        body.insert("title".into(), json!(self.kind.title(locale)));
        body.insert("status".into(), json!(self.kind.status().as_u16()));
        let detail = match (&self.detail, self.kind) {
            (Some(d), _) => Some(d.render(locale)),
            (None, ProblemKind::Internal) => Some(
                Message::new("detail-internal")
                    .arg("request_id", request_id.unwrap_or("-"))
                    .render(locale),
            ),
            (None, _) => None,
        };
        if let Some(detail) = detail {
            body.insert("detail".into(), json!(detail));
        }
        if let Some(instance) = instance {
            body.insert("instance".into(), json!(instance));
        }
        if let Some(id) = request_id {
            body.insert("request_id".into(), json!(id));
        }
        if !self.errors.is_empty() {
            let errors: Vec<Value> = self
                .errors
                .iter()
                .map(|e| match &e.location {
                    Location::Pointer(p) => {
                        json!({"pointer": p, "detail": e.detail.render(locale)})
                    }
                    Location::Parameter(p) => {
                        json!({"parameter": p, "detail": e.detail.render(locale)})
                    }
                })
                .collect();
            body.insert("errors".into(), Value::Array(errors));
        }
        let mut response = HttpResponse::build(self.kind.status());
        response.insert_header((header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON)));
        response.insert_header((header::CONTENT_LANGUAGE, locale.as_str()));
        response.insert_header((header::CACHE_CONTROL, "no-store"));
        if let Some(allow) = &self.allow {
            response.insert_header((header::ALLOW, &**allow));
        }
        if self.kind == ProblemKind::Unauthorized {
            response.insert_header((header::WWW_AUTHENTICATE, "Bearer realm=\"tawasol\""));
        }
        if let Some(secs) = self.retry_after {
            response.insert_header((header::RETRY_AFTER, secs.to_string()));
        }
        response.body(Value::Object(body).to_string())
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.kind.slug())?;
        if let Some(cause) = &self.cause {
            write!(f, ": {cause}")?;
        }
        Ok(())
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.kind.status()
    }

    /// Rendered in the default language here; the middleware renders it again in the reader's.
    fn error_response(&self) -> HttpResponse {
        self.render(Locale::DEFAULT, None, None)
    }
}

impl From<UseCaseError> for ApiError {
    fn from(e: UseCaseError) -> ApiError {
        use tawasol_persistence::PersistenceError as P;
        match e {
            UseCaseError::CommuneNotFound(slug) => {
                ApiError::not_found(Message::new("detail-commune-not-found").arg("slug", slug))
            }
            UseCaseError::OutboxNotFound(id) => {
                ApiError::not_found(Message::new("detail-outbox-not-found").arg("id", id))
            }
            UseCaseError::OutboxNotDead(id) => ApiError::new(ProblemKind::Conflict)
                .detail(Message::new("detail-outbox-not-dead").arg("id", id)),
            UseCaseError::Invalid(fields) => {
                let mut e = ApiError::new(ProblemKind::Validation)
                    .detail(Message::new("detail-validation"));
                for f in fields {
                    e = e.field(format!("/{}", f.field), Message::new(f.message));
                }
                e
            }
            UseCaseError::BadCredentials => ApiError::new(ProblemKind::Unauthorized)
                .detail(Message::new("detail-bad-credentials")),
            UseCaseError::InvalidToken => ApiError::new(ProblemKind::InvalidToken)
                .detail(Message::new("detail-invalid-token")),
            UseCaseError::Denied(denied) => ApiError::denied(denied),
            UseCaseError::Throttled { retry_after } => {
                let mut e = ApiError::new(ProblemKind::TooManyRequests)
                    .detail(Message::new("detail-too-many-requests"));
                e.retry_after = Some(retry_after);
                e
            }
            UseCaseError::UserNotFound(id) => {
                ApiError::not_found(Message::new("detail-user-not-found").arg("id", id))
            }
            UseCaseError::Transition(e) => transition_problem(e),
            UseCaseError::OfficialAnswerIsRecord => ApiError::new(ProblemKind::Conflict)
                .detail(Message::new("detail-official-answer-is-record")),
            UseCaseError::EditWindowClosed => ApiError::new(ProblemKind::Conflict)
                .detail(Message::new("detail-edit-window-closed")),
            UseCaseError::IdempotencyInFlight => ApiError::new(ProblemKind::Conflict)
                .detail(Message::new("detail-idempotency-in-flight")),
            UseCaseError::IdempotencyMismatch => ApiError::new(ProblemKind::Validation)
                .detail(Message::new("detail-idempotency-mismatch"))
                .field("", Message::new("detail-idempotency-mismatch")),
            UseCaseError::CategoryNotFound { commune, category } => ApiError::not_found(
                Message::new("detail-category-not-found")
                    .arg("commune", commune)
                    .arg("category", category),
            ),
            UseCaseError::FeedNotFound => {
                ApiError::not_found(Message::new("detail-feed-not-found"))
            }
            UseCaseError::IssueNotFound(id) => {
                ApiError::not_found(Message::new("detail-issue-not-found").arg("id", id))
            }
            UseCaseError::OrganisationNotFound(id) => {
                ApiError::not_found(Message::new("detail-organisation-not-found").arg("id", id))
            }
            UseCaseError::ApiKeyNotFound(id) => {
                ApiError::not_found(Message::new("detail-api-key-not-found").arg("id", id))
            }
            UseCaseError::PetitionNotFound(id) => {
                ApiError::not_found(Message::new("detail-petition-not-found").arg("id", id))
            }
            UseCaseError::PetitionNotDraft(id) => ApiError::new(ProblemKind::Conflict)
                .detail(Message::new("detail-petition-not-draft").arg("id", id)),
            UseCaseError::PetitionNotCollecting(id) => ApiError::new(ProblemKind::Conflict)
                .detail(Message::new("detail-petition-not-collecting").arg("id", id)),
            UseCaseError::AlreadySigned(id) => ApiError::new(ProblemKind::Conflict)
                .detail(Message::new("detail-already-signed").arg("id", id)),
            UseCaseError::OwnReport(id) => ApiError::new(ProblemKind::Conflict)
                .detail(Message::new("detail-own-report").arg("id", id)),
            UseCaseError::AnswersIt(id) => ApiError::new(ProblemKind::Conflict)
                .detail(Message::new("detail-official-support").arg("id", id)),
            UseCaseError::PetitionStep { from, to } => {
                ApiError::new(ProblemKind::ForbiddenTransition).detail(
                    Message::new("detail-petition-step")
                        .arg("from", from.as_str())
                        .arg("to", to.as_str()),
                )
            }
            UseCaseError::Busy(busy) => {
                let mut e = ApiError::new(ProblemKind::ServiceUnavailable)
                    .detail(Message::new("detail-busy"))
                    .cause(format!("no free slot of the {} class", busy.class.as_str()));
                e.retry_after = Some(busy.retry_after);
                e
            }
            UseCaseError::Undecryptable(cause) => ApiError::internal(cause),
            UseCaseError::Persistence(P::Unavailable(cause)) => {
                ApiError::new(ProblemKind::ServiceUnavailable)
                    .detail(Message::new("detail-database-unavailable"))
                    .cause(cause)
            }
            UseCaseError::Persistence(other) => ApiError::internal(other),
            UseCaseError::Interrupted => ApiError::internal("a blocking task was cancelled"),
        }
    }
}

/// Turns any error actix produced (extractors, payload, routing) into our problem, so that every
/// answer has the same shape whatever failed.
pub fn from_actix(error: &actix_web::Error, body_limit: usize) -> ApiError {
    use actix_web::error::{
        JsonPayloadError, PathError, PayloadError, QueryPayloadError, UrlencodedError,
    };
    if let Some(e) = error.as_error::<ApiError>() {
        return e.clone();
    }
    if let Some(e) = error.as_error::<JsonPayloadError>() {
        return match e {
            JsonPayloadError::Overflow { .. } | JsonPayloadError::OverflowKnownLength { .. } => {
                ApiError::payload_too_large(body_limit)
            }
            JsonPayloadError::ContentType => ApiError::new(ProblemKind::UnsupportedMediaType)
                .detail(Message::new("detail-unsupported-media-type")),
            JsonPayloadError::Deserialize(_) => {
                ApiError::new(ProblemKind::Validation).detail(Message::new("detail-validation"))
            }
            _ => ApiError::new(ProblemKind::MalformedBody),
        };
    }
    if let Some(e) = error.as_error::<PayloadError>() {
        return match e {
            PayloadError::Overflow => ApiError::payload_too_large(body_limit),
            _ => ApiError::new(ProblemKind::MalformedBody),
        };
    }
    if let Some(e) = error.as_error::<UrlencodedError>() {
        return match e {
            UrlencodedError::Overflow { .. } => ApiError::payload_too_large(body_limit),
            UrlencodedError::ContentType => ApiError::new(ProblemKind::UnsupportedMediaType),
            _ => ApiError::new(ProblemKind::MalformedBody),
        };
    }
    if error.as_error::<QueryPayloadError>().is_some() {
        return ApiError::new(ProblemKind::InvalidParameter)
            .detail(Message::new("detail-invalid-parameter"));
    }
    if error.as_error::<PathError>().is_some() {
        return ApiError::new(ProblemKind::NotFound);
    }
    let status = error.as_response_error().status_code();
    let kind = match status {
        StatusCode::NOT_FOUND => ProblemKind::NotFound,
        StatusCode::METHOD_NOT_ALLOWED => ProblemKind::MethodNotAllowed,
        StatusCode::PAYLOAD_TOO_LARGE => ProblemKind::PayloadTooLarge,
        StatusCode::UNSUPPORTED_MEDIA_TYPE => ProblemKind::UnsupportedMediaType,
        StatusCode::SERVICE_UNAVAILABLE => ProblemKind::ServiceUnavailable,
        s if s.is_client_error() => ProblemKind::MalformedBody,
        _ => ProblemKind::Internal,
    };
    ApiError::new(kind).cause(error)
}

/// A refused status change: 403 when the person may not change it at all, 409 when the state
/// machine forbids this step (its own problem type), 422 when the step lacks what it needs.
fn transition_problem(e: tawasol_domain::issue::TransitionError) -> ApiError {
    use tawasol_domain::issue::TransitionError as T;
    match e {
        T::NotPermitted => {
            ApiError::new(ProblemKind::Forbidden).detail(Message::new("detail-not-permitted"))
        }
        T::NotAllowed { from, to } => ApiError::new(ProblemKind::ForbiddenTransition).detail(
            Message::new("detail-forbidden-transition")
                .arg("from", from.as_str())
                .arg("to", to.as_str()),
        ),
        T::ReopenWindowClosed => ApiError::new(ProblemKind::ForbiddenTransition)
            .detail(Message::new("detail-reopen-window-closed")),
        T::MissingNote => ApiError::new(ProblemKind::Validation)
            .detail(Message::new("detail-validation"))
            .field("/note", Message::new("field-note")),
        T::MissingExpectedDate => ApiError::new(ProblemKind::Validation)
            .detail(Message::new("detail-validation"))
            .field("/expected_on", Message::new("field-expected-on")),
        T::MissingResponsibleBody => ApiError::new(ProblemKind::Validation)
            .detail(Message::new("detail-validation"))
            .field("/responsible_body", Message::new("field-responsible-body")),
        T::MissingDuplicateOf => ApiError::new(ProblemKind::Validation)
            .detail(Message::new("detail-validation"))
            .field("/duplicate_of", Message::new("field-duplicate-of")),
    }
}
