//! The bodies of the web application's forms, each read with a limit computed from its own
//! fields, and refused as a page in the reader's language (never problem+json).
//!
//! A field of `n` characters may weigh `12 n` bytes once posted: a character is at most 4 bytes
//! of UTF-8 (Arabic and Tifinagh take 2 and 3) and a browser percent-encodes every byte of it
//! as 3 (`%D8`). A form's limit is the sum over its fields of the longest value its rules
//! accept, so that any form the use-case would accept is read, and anything larger is a 413
//! page; the middleware's own body cap (`TAWASOL_BODY_LIMIT`) does not apply to form bodies of
//! the web application (the petition form alone may carry 12,200 characters).

use crate::http::problem::{ApiError, ProblemKind};
use crate::i18n::Message;
use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest};
use futures_util::StreamExt;
use futures_util::future::LocalBoxFuture;
use serde::Deserialize;
use serde::de::DeserializeOwned;

/// Bytes a posted character may take: 4 bytes of UTF-8, each percent-encoded as 3.
pub const BYTES_PER_CHAR: usize = 12;

/// The `_csrf` field (a masked token is 115 characters) and the separators, with room to spare.
const CSRF_FIELD: usize = 256;

/// Room for what a browser adds (a submit button's name, an empty field it posts anyway).
const SLACK: usize = 1024;

/// A body beyond its limit is still read (and dropped) up to this size, so that the browser,
/// which sends the whole body before it reads the answer, gets to show the 413 page instead of
/// a reset connection. Beyond it the connection is closed.
const DRAIN_MAX: usize = 1024 * 1024;

/// A form's fields, each with the most characters its rules accept.
pub trait FormFields {
    const FIELDS: &'static [(&'static str, usize)];
    /// Names a use-case gives to several of the form's fields together (a fieldset, such as a
    /// `location` made of `lat` and `lon`), which its template notes as one
    /// (`web::fields::FieldErrors::for_form`).
    const GROUPS: &'static [&'static str] = &[];
    /// The largest body this form may have.
    const LIMIT: usize = limit(Self::FIELDS);
}

/// The limit of a form with these fields (see the module's documentation).
pub const fn limit(fields: &[(&str, usize)]) -> usize {
    let mut total = CSRF_FIELD + SLACK;
    let mut i = 0;
    while i < fields.len() {
        // `&name=` and the value.
        total += fields[i].0.len() + 2 + fields[i].1 * BYTES_PER_CHAR;
        i += 1;
    }
    total
}

/// Why a form's body could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormError {
    TooLarge { limit: usize },
    UnsupportedMediaType,
    Malformed(String),
}

impl From<FormError> for ApiError {
    fn from(e: FormError) -> ApiError {
        match e {
            FormError::TooLarge { limit } => ApiError::new(ProblemKind::PayloadTooLarge)
                .detail(Message::new("web-form-too-large"))
                .cause(format!("form body over {limit} bytes")),
            FormError::UnsupportedMediaType => ApiError::new(ProblemKind::UnsupportedMediaType)
                .detail(Message::new("web-form-unsupported")),
            FormError::Malformed(cause) => ApiError::new(ProblemKind::MalformedBody)
                .detail(Message::new("web-form-malformed"))
                .cause(cause),
        }
    }
}

/// A form body (`application/x-www-form-urlencoded`) read within `T::LIMIT`, for the pages that
/// mail links open (no visitor, no CSRF token: the form carries a token of its own). Extraction
/// never fails by itself: the handler answers [`WebForm::into_result`]'s refusal as its page.
/// The site's other forms are read by `web::extract::Posted`.
#[derive(Debug)]
pub struct WebForm<T>(Result<T, FormError>);

impl<T> WebForm<T> {
    /// The form, or why it was refused.
    pub fn into_result(self) -> Result<T, FormError> {
        self.0
    }
}

/// A form that carries nothing but the CSRF token (log out, a new feed address).
#[derive(Debug, Deserialize)]
pub struct Empty {}

impl FormFields for Empty {
    const FIELDS: &'static [(&'static str, usize)] = &[];
}

/// A switch: `on=true` or `on=false` (support, follow, withdraw a signature).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Toggle {
    on: String,
}

impl FormFields for Toggle {
    const FIELDS: &'static [(&'static str, usize)] = &[("on", 8)];
}

impl Toggle {
    /// Whether the switch is turned on (`on=true`); anything else turns it off.
    pub fn on(&self) -> bool {
        self.on == "true"
    }
}

/// The CSRF token every form of the site repeats, read beside the form's own fields.
#[derive(Debug, Deserialize)]
struct Token {
    #[serde(rename = "_csrf", default)]
    csrf: String,
}

/// Whether the request declares a form body (`application/x-www-form-urlencoded`).
pub fn is_form(headers: &header::HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|m| {
            m.trim()
                .eq_ignore_ascii_case("application/x-www-form-urlencoded")
        })
}

/// Reads a body of at most `limit` bytes; a larger one is drained (up to [`DRAIN_MAX`]) and
/// refused.
async fn read(mut payload: Payload, limit: usize) -> Result<Vec<u8>, FormError> {
    let mut body = Vec::new();
    let mut seen = 0usize;
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| FormError::Malformed(e.to_string()))?;
        seen += chunk.len();
        if seen > limit {
            body.clear();
            if seen > DRAIN_MAX {
                break;
            }
            continue;
        }
        body.extend_from_slice(&chunk);
    }
    if seen > limit {
        Err(FormError::TooLarge { limit })
    } else {
        Ok(body)
    }
}

/// Reads the body as the form `T` within `T::LIMIT`: a body that is not a form is drained and
/// refused (415), a larger one refused (413), one that does not parse refused (400).
async fn read_form<T: DeserializeOwned + FormFields>(
    form: bool,
    payload: Payload,
) -> Result<(T, Vec<u8>), FormError> {
    if !form {
        let _ = read(payload, 0).await;
        return Err(FormError::UnsupportedMediaType);
    }
    let body = read(payload, T::LIMIT).await?;
    let parsed = decode(&body)?;
    Ok((parsed, body))
}

fn decode<T: DeserializeOwned>(body: &[u8]) -> Result<T, FormError> {
    serde_urlencoded::from_bytes::<T>(body).map_err(|e| FormError::Malformed(e.to_string()))
}

/// The form `T` that this request posts and the CSRF token it carries (`_csrf`), read as
/// [`read_form`] does; the token is compared with the browser's by `web::extract::Posted`.
pub(super) fn read_posted<T: DeserializeOwned + FormFields + 'static>(
    req: &HttpRequest,
    payload: &mut Payload,
) -> LocalBoxFuture<'static, Result<(T, String), FormError>> {
    let form = is_form(req.headers());
    let payload = payload.take();
    Box::pin(async move {
        let (parsed, body) = read_form::<T>(form, payload).await?;
        let token = decode::<Token>(&body)?;
        Ok((parsed, token.csrf))
    })
}

impl<T: DeserializeOwned + FormFields + 'static> FromRequest for WebForm<T> {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let form = is_form(req.headers());
        let payload = payload.take();
        Box::pin(async move {
            let parsed = read_form::<T>(form, payload).await.map(|(form, _)| form);
            Ok(WebForm(parsed))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_limit_holds_every_field_at_its_longest_in_any_script() {
        let fields = [("title", 140), ("description", 5000)];
        let n = limit(&fields);
        // 5,140 Tifinagh characters, percent-encoded, fit.
        let tifinagh = "ⵜ".repeat(5000);
        let body = serde_urlencoded::to_string([
            ("_csrf", "x".repeat(115)),
            ("title", "ⵜ".repeat(140)),
            ("description", tifinagh),
        ])
        .unwrap();
        assert!(body.len() <= n, "{} > {n}", body.len());
        // So do 4-byte characters (an emoji a character).
        let body = serde_urlencoded::to_string([("description", "😀".repeat(5000))]).unwrap();
        assert!(body.len() <= n);
        assert!(n < 5140 * BYTES_PER_CHAR + 2048, "and not much more");
    }
}

/// The official's answer form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AnswerForm {
    pub(super) body: String,
    /// Empty: the status stays.
    pub(super) status: String,
    pub(super) note: String,
    pub(super) expected_on: String,
    pub(super) responsible_body: String,
    pub(super) duplicate_of: String,
}

impl FormFields for AnswerForm {
    const FIELDS: &'static [(&'static str, usize)] = &[
        ("body", 5000),
        ("status", 32),
        ("note", 2000),
        ("expected_on", 16),
        ("responsible_body", 300),
        ("duplicate_of", 24),
    ];
}

/// What the signing form posts. The CIN is read, never written back into a page.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SignForm {
    pub(super) full_name: String,
    pub(super) cin: String,
    pub(super) address: String,
    pub(super) lives_or_works_in_commune: Option<String>,
    pub(super) on_electoral_roll: Option<String>,
    pub(super) direct_interest: Option<String>,
    pub(super) consent: Option<String>,
    pub(super) show_name: Option<String>,
}

impl FormFields for SignForm {
    const FIELDS: &'static [(&'static str, usize)] = &[
        ("full_name", 120),
        ("cin", 16),
        ("address", 300),
        ("lives_or_works_in_commune", 8),
        ("on_electoral_roll", 8),
        ("direct_interest", 8),
        ("consent", 8),
        ("show_name", 8),
    ];
}

/// What the agent's step forms post.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StepForm {
    pub(super) to: String,
    pub(super) receipt_number: String,
    pub(super) filed_on: String,
    pub(super) reason: String,
    pub(super) session_date: String,
    pub(super) committee: String,
    pub(super) outcome: String,
    pub(super) summary: String,
}

impl FormFields for StepForm {
    const FIELDS: &'static [(&'static str, usize)] = &[
        ("to", 32),
        ("receipt_number", 5000),
        ("filed_on", 16),
        ("reason", 5000),
        ("session_date", 16),
        ("committee", 5000),
        ("outcome", 5000),
        ("summary", 5000),
    ];
}
