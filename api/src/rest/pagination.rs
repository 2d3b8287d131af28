//! `?limit=` and `?cursor=` for every list, and the `{"items", "next_cursor"}` envelope.
//!
//! Cursors are opaque to clients: base64url of a versioned key, so their content can change
//! without breaking anyone who follows `next_cursor`.

use crate::http::problem::ApiError;
use crate::i18n::Message;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};
use tawasol_domain::PageLimit;

/// A page of a list: how many, and where the previous page stopped.
#[derive(Debug, Deserialize, utoipa::ToSchema, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Page size, 1 to 100 (default 20)
    pub limit: Option<String>,
    /// `next_cursor` of the previous page
    pub cursor: Option<String>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ListBody<T> {
    pub items: Vec<T>,
    pub next_cursor: Option<String>,
}

const VERSION: &str = "v1:";

impl PageQuery {
    /// `?limit=`: digits only, 1 to 100 (as documented: an integer); absent or empty, 20.
    pub fn limit(&self) -> Result<PageLimit, ApiError> {
        let parsed = match self.limit.as_deref() {
            None | Some("") => None,
            Some(text) if text.bytes().all(|b| b.is_ascii_digit()) => {
                Some(text.parse::<i64>().unwrap_or(i64::MAX))
            }
            Some(_) => return Err(limit_error()),
        };
        PageLimit::parse(parsed).map_err(|_| limit_error())
    }

    /// The key after which the page starts, as the list's own parser reads it. A cursor that is
    /// not base64url breaks the document (400); one that is, but that this server did not issue
    /// for this list, is refused as unusable (422).
    pub fn after<K>(&self, parse: impl FnOnce(&str) -> Option<K>) -> Result<Option<K>, ApiError> {
        let Some(cursor) = self.cursor.as_deref().filter(|c| !c.is_empty()) else {
            return Ok(None);
        };
        let well_formed = cursor
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !well_formed {
            return Err(ApiError::invalid_parameter(
                "cursor",
                Message::new("param-cursor"),
            ));
        }
        URL_SAFE_NO_PAD
            .decode(cursor)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .and_then(|text| text.strip_prefix(VERSION).and_then(parse))
            .map(Some)
            .ok_or_else(|| ApiError::unacceptable_parameter("cursor", Message::new("param-cursor")))
    }
}

pub fn encode_cursor(key: &str) -> String {
    URL_SAFE_NO_PAD.encode(format!("{VERSION}{key}"))
}

fn limit_error() -> ApiError {
    ApiError::invalid_parameter("limit", Message::new("param-limit"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(limit: Option<&str>, cursor: Option<&str>) -> PageQuery {
        PageQuery {
            limit: limit.map(str::to_owned),
            cursor: cursor.map(str::to_owned),
        }
    }

    #[test]
    fn cursors_round_trip_and_foreign_ones_are_refused() {
        let c = encode_cursor("tan-tan");
        assert_eq!(
            q(None, Some(&c))
                .after(|s| Some(s.to_owned()))
                .unwrap()
                .as_deref(),
            Some("tan-tan")
        );
        assert!(
            q(None, Some("tan-tan"))
                .after(|s| Some(s.to_owned()))
                .is_err()
        );
        assert!(
            q(None, Some(&URL_SAFE_NO_PAD.encode("v9:x")))
                .after(|s| Some(s.to_owned()))
                .is_err()
        );
        assert_eq!(q(None, None).after(|s| Some(s.to_owned())).unwrap(), None);
    }

    #[test]
    fn limits_follow_the_convention() {
        assert_eq!(q(None, None).limit().unwrap().get(), 20);
        assert_eq!(q(Some("100"), None).limit().unwrap().get(), 100);
        assert!(q(Some("101"), None).limit().is_err());
        assert!(q(Some("ten"), None).limit().is_err());
    }
}
