//! Request extractors that fail with our problems: JSON bodies that name the offending field,
//! and the reader's language.

use crate::context::AppState;
use crate::http::problem::{ApiError, ProblemKind};
use crate::i18n::Message;
use crate::usecases::{self, accounts};
use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use futures_util::StreamExt;
use futures_util::future::{LocalBoxFuture, Ready, ready};
use serde::de::DeserializeOwned;
use tawasol_domain::Locale;

/// The largest request body accepted (`TAWASOL_BODY_LIMIT`), shared with the middleware.
#[derive(Debug, Clone, Copy)]
pub struct BodyLimit(pub usize);

/// A JSON request body. Request types derive `Deserialize` with `#[serde(deny_unknown_fields)]`;
/// any failure becomes a problem naming the field by JSON pointer, in the reader's language.
#[derive(Debug)]
pub struct JsonBody<T>(pub T);

/// The media type a request declares for its body (`Content-Type` without its parameters),
/// lower-cased; none without the header.
pub fn media_type(req: &HttpRequest) -> Option<String> {
    let value = req.headers().get(header::CONTENT_TYPE)?.to_str().ok()?;
    Some(
        value
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase(),
    )
}

impl<T: DeserializeOwned + 'static> FromRequest for JsonBody<T> {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let limit = req
            .app_data::<web::Data<BodyLimit>>()
            .map_or(192 * 1024, |l| l.0);
        let is_json = media_type(req).is_some_and(|m| {
            m == "application/json" || (m.starts_with("application/") && m.ends_with("+json"))
        });
        let mut payload = payload.take();
        Box::pin(async move {
            if !is_json {
                return Err(ApiError::new(ProblemKind::UnsupportedMediaType)
                    .detail(Message::new("detail-unsupported-media-type")));
            }
            let mut body = web::BytesMut::new();
            while let Some(chunk) = payload.next().await {
                let chunk =
                    chunk.map_err(|e| ApiError::new(ProblemKind::MalformedBody).cause(e))?;
                if body.len() + chunk.len() > limit {
                    return Err(ApiError::payload_too_large(limit));
                }
                body.extend_from_slice(&chunk);
            }
            // Every request body is a JSON object; serde would also read a struct from an
            // array of its fields' values, which the document does not allow.
            let first = body.iter().find(|b| !b.is_ascii_whitespace());
            if first.is_some_and(|b| *b != b'{')
                && serde_json::from_slice::<serde::de::IgnoredAny>(&body).is_ok()
            {
                return Err(ApiError::new(ProblemKind::Validation)
                    .detail(Message::new("detail-validation"))
                    .field("", Message::new("field-invalid-type")));
            }
            parse_json(&body).map(JsonBody)
        })
    }
}

/// Deserialises a JSON document, mapping serde's errors to problems with JSON pointers.
pub fn parse_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    let mut de = serde_json::Deserializer::from_slice(body);
    let value =
        serde_path_to_error::deserialize::<_, T>(&mut de).map_err(|err| problem_for(&err))?;
    de.end().map_err(|e| malformed(&e))?;
    Ok(value)
}

fn malformed(inner: &serde_json::Error) -> ApiError {
    ApiError::new(ProblemKind::MalformedBody)
        .detail(
            Message::new("detail-malformed-body")
                .arg("line", inner.line())
                .arg("column", inner.column()),
        )
        .cause(inner)
}

fn problem_for(err: &serde_path_to_error::Error<serde_json::Error>) -> ApiError {
    {
        let inner = err.inner();
        if !inner.is_data() {
            return malformed(inner);
        }
        let message = inner.to_string();
        let mut pointer = json_pointer(err.path());
        let (key, named) = if let Some(rest) = message.strip_prefix("unknown field `") {
            ("field-unknown", rest.split('`').next())
        } else if let Some(rest) = message.strip_prefix("missing field `") {
            ("field-missing", rest.split('`').next())
        } else if message.starts_with("invalid type") {
            ("field-invalid-type", None)
        } else {
            ("field-invalid", None)
        };
        if let Some(name) = named {
            let segment = format!("/{}", escape_pointer(name));
            if !pointer.ends_with(&segment) {
                pointer.push_str(&segment);
            }
        }
        ApiError::new(ProblemKind::Validation)
            .detail(Message::new("detail-validation"))
            .field(pointer, Message::new(key))
            .cause(message)
    }
}

fn escape_pointer(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

fn json_pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path {
        out.push('/');
        match segment {
            Segment::Seq { index } => out.push_str(&index.to_string()),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                out.push_str(&escape_pointer(key));
            }
            Segment::Unknown => out.push('-'),
        }
    }
    out
}

/// The language of this request: `?lang=`, then `Accept-Language`, then the logged-in person's
/// own, then Arabic. The middleware decides the first two; the caller extractor may fill in the
/// third; the middleware reads the result again to render errors.
#[derive(Debug, Clone)]
pub struct LanguageChoice {
    pub explicit: bool,
    pub chosen: std::sync::Arc<std::sync::Mutex<Locale>>,
}

impl LanguageChoice {
    pub fn get(&self) -> Locale {
        *self
            .chosen
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// The language chosen for this request (see [`LanguageChoice`]), as known when the handler's
/// arguments are extracted: `?lang=`, `Accept-Language` or Arabic. Problems are rendered later,
/// in the logged-in person's own language when neither of the first two named one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lang(pub Locale);

impl FromRequest for Lang {
    type Error = ApiError;
    type Future = Ready<Result<Lang, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let locale = req
            .extensions()
            .get::<LanguageChoice>()
            .map_or(Locale::DEFAULT, LanguageChoice::get);
        ready(Ok(Lang(locale)))
    }
}

/// Who is calling, as the API reads it (a [`usecases::Caller`], which handlers pass on to the
/// use-cases): anonymous without an `Authorization` header; otherwise the bearer of a valid
/// access token, with roles, ban and verification read from the database now. A header with an
/// invalid, expired or revoked token is refused with 401 (always the same answer).
#[derive(Debug, Clone)]
pub struct Caller(pub usecases::Caller);

impl std::ops::Deref for Caller {
    type Target = usecases::Caller;

    fn deref(&self) -> &usecases::Caller {
        &self.0
    }
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Caller, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let authorization = req
            .headers()
            .get(header::AUTHORIZATION)
            .map(|v| v.to_str().unwrap_or("").to_owned());
        let request_id = req.extensions().get::<RequestId>().map(|r| r.0.clone());
        let ip = crate::http::client::throttle_key(req);
        let language = req.extensions().get::<LanguageChoice>().cloned();
        Box::pin(async move {
            let mut caller = usecases::Caller {
                request_id,
                ip,
                ..usecases::Caller::anonymous()
            };
            let Some(authorization) = authorization else {
                return Ok(Caller(caller));
            };
            let state = state.ok_or_else(|| ApiError::internal("no application state"))?;
            let rejected = || {
                ApiError::new(ProblemKind::Unauthorized)
                    .detail(Message::new("detail-not-authenticated"))
            };
            let token = authorization
                .strip_prefix("Bearer ")
                .or_else(|| authorization.strip_prefix("bearer "))
                .map(str::trim)
                .ok_or_else(rejected)?;
            let bearer = state
                .jwt
                .verify(token, state.clock.timestamp())
                .ok_or_else(rejected)?;
            let (actor, locale) = accounts::load_actor(&state, bearer.user_id, bearer.session_id)
                .await?
                .ok_or_else(rejected)?;
            // Without `?lang=` or `Accept-Language`, a logged-in person reads their own language.
            if let Some(choice) = language.as_ref().filter(|c| !c.explicit) {
                *choice
                    .chosen
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner) = locale;
            }
            caller.actor = actor;
            caller.session_id = Some(bearer.session_id);
            Ok(Caller(caller))
        })
    }
}

/// The request id given by the middleware.
#[derive(Debug, Clone)]
pub struct RequestId(pub String);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::problem::Location;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Create {
        title: String,
        location: Option<Point>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Point {
        lat: f64,
        lon: f64,
    }

    fn pointer(e: &ApiError) -> (&str, &str) {
        match &e.errors[0].location {
            Location::Pointer(p) => (p.as_str(), e.errors[0].detail.key),
            Location::Parameter(_) => panic!("not a body error"),
        }
    }

    #[test]
    fn unknown_fields_are_named_at_any_depth() {
        let e = parse_json::<Create>(br#"{"title":"x","role":"admin"}"#).unwrap_err();
        assert_eq!(e.kind, ProblemKind::Validation);
        assert_eq!(pointer(&e), ("/role", "field-unknown"));
        let e = parse_json::<Create>(br#"{"title":"x","location":{"lat":1,"lon":2,"alt":3}}"#)
            .unwrap_err();
        assert_eq!(pointer(&e), ("/location/alt", "field-unknown"));
    }

    #[test]
    fn missing_and_mistyped_fields_are_named() {
        let e = parse_json::<Create>(br#"{}"#).unwrap_err();
        assert_eq!(pointer(&e), ("/title", "field-missing"));
        let e = parse_json::<Create>(br#"{"title":5}"#).unwrap_err();
        assert_eq!(pointer(&e), ("/title", "field-invalid-type"));
        let e = parse_json::<Create>(br#"{"title":"x","location":{"lat":"north","lon":2}}"#)
            .unwrap_err();
        assert_eq!(pointer(&e), ("/location/lat", "field-invalid-type"));
    }

    #[test]
    fn broken_json_is_malformed_not_a_validation_error() {
        for body in [
            &b"{\"title\": "[..],
            b"not json",
            b"{\"title\":\"x\"} trailing",
            b"\xff\xfe",
        ] {
            let e = parse_json::<Create>(body).unwrap_err();
            assert_eq!(
                e.kind,
                ProblemKind::MalformedBody,
                "{:?}",
                String::from_utf8_lossy(body)
            );
        }
    }
}
