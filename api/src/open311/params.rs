//! Reading an Open311 call: its format, its parameters (first value of each name, blank is
//! absent), the reader's language, and the inputs of the use-cases parsed from them, each refusal
//! worded as Open311 words it. Nothing here can fail with a problem+json answer.

use super::document::Format;
use super::error::Open311Error;
use crate::http::extract::{LanguageChoice, RequestId};
use crate::usecases::open311::{RequestQuery, Submission, UpdateQuery};
use actix_web::{HttpMessage, HttpRequest, web};
use chrono::NaiveDateTime;
use tawasol_domain::Locale;
use tawasol_domain::open311 as rules;

/// The query string's (or a form's) parameters, first value of each name.
pub(super) struct Params(Vec<(String, String)>);

impl Params {
    fn parse(encoded: &str) -> Result<Params, Open311Error> {
        web::Query::<Vec<(String, String)>>::from_query(encoded)
            .map(|q| Params(q.into_inner()))
            .map_err(|_| Open311Error::bad_request("malformed parameters"))
    }

    /// A parameter's value, trimmed; present but blank is absent.
    pub(super) fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    fn owned(&self, name: &str) -> Option<String> {
        self.get(name).map(str::to_owned)
    }
}

/// Everything a handler needs from the request, read without any extractor that could fail
/// with a problem+json answer.
pub(super) struct Call {
    pub format: Format,
    pub query: Params,
    pub locale: Locale,
    pub request_id: Option<String>,
    pub ip: Option<String>,
}

impl Call {
    pub(super) fn read(req: &HttpRequest) -> Result<Call, (Format, Open311Error)> {
        let format_name = req.match_info().get("format").unwrap_or("");
        let Some(format) = Format::parse(format_name) else {
            return Err((
                Format::Json,
                Open311Error::bad_request("the format must be .json or .xml"),
            ));
        };
        let query = Params::parse(req.query_string()).map_err(|e| (format, e))?;
        let locale = req
            .extensions()
            .get::<LanguageChoice>()
            .map_or(Locale::DEFAULT, LanguageChoice::get);
        Ok(Call {
            format,
            query,
            locale,
            request_id: req.extensions().get::<RequestId>().map(|r| r.0.clone()),
            ip: crate::http::client::throttle_key(req),
        })
    }

    /// `jurisdiction_id`, when given.
    pub(super) fn jurisdiction(&self) -> Option<&str> {
        self.query.get("jurisdiction_id")
    }

    /// `GET requests`' filters.
    pub(super) fn request_query(&self) -> Result<RequestQuery, Open311Error> {
        let q = &self.query;
        let mut query = RequestQuery {
            jurisdiction_id: q.owned("jurisdiction_id"),
            ..RequestQuery::default()
        };
        if let Some(ids) = q.get("service_request_id") {
            let ids = comma_list(ids)
                .iter()
                .map(|id| id.parse::<i64>())
                .collect::<Result<Vec<i64>, _>>()
                .map_err(|_| {
                    Open311Error::bad_request(
                        "service_request_id must be a comma-separated list of ids",
                    )
                })?;
            if ids.len() as i64 > rules::MAX_RESULTS {
                return Err(Open311Error::bad_request(
                    "service_request_id may list at most 1000 ids",
                ));
            }
            query.ids = Some(ids);
            return Ok(query);
        }
        query.service_codes = q.get("service_code").map(comma_list);
        if let Some(status) = q.get("status") {
            let wanted = comma_list(status);
            if wanted.is_empty() || wanted.iter().any(|s| s != "open" && s != "closed") {
                return Err(Open311Error::bad_request(
                    "status must be open, closed, or both separated by a comma",
                ));
            }
            query.open = wanted.iter().any(|s| s == "open");
            query.closed = wanted.iter().any(|s| s == "closed");
        }
        (query.start, query.end) = self.dates()?;
        Ok(query)
    }

    /// `servicerequestupdates`' key and window.
    pub(super) fn update_query(&self) -> Result<UpdateQuery, Open311Error> {
        let api_key = required_key(self.query.get("api_key"))?;
        let (start, end) = self.dates()?;
        Ok(UpdateQuery {
            api_key,
            jurisdiction_id: self.query.owned("jurisdiction_id"),
            start,
            end,
        })
    }

    /// `start_date` and `end_date`, W3C datetimes (the end of the day for a bare end date).
    fn dates(&self) -> Result<(Option<NaiveDateTime>, Option<NaiveDateTime>), Open311Error> {
        let parse = |name: &str, end_of_day: bool| match self.query.get(name) {
            None => Ok(None),
            Some(v) => rules::parse_datetime(v, end_of_day)
                .map(Some)
                .ok_or_else(|| {
                    Open311Error::bad_request(format!(
                        "{name} must be a W3C datetime such as 2026-11-22T10:15:00+01:00"
                    ))
                }),
        };
        Ok((parse("start_date", false)?, parse("end_date", true)?))
    }

    /// A POST's report, from its body (`form`: sent as a form) and the query string.
    pub(super) fn submission(&self, form: bool, body: &[u8]) -> Result<Submission, Open311Error> {
        let form = if body.is_empty() {
            Params(Vec::new())
        } else if !form {
            return Err(Open311Error::bad_request(
                "the body must be application/x-www-form-urlencoded",
            ));
        } else {
            std::str::from_utf8(body)
                .map_err(|_| Open311Error::bad_request("the body must be UTF-8"))
                .and_then(Params::parse)?
        };
        let param = |name: &str| form.get(name).or_else(|| self.query.get(name));
        let language = match param("lang") {
            None => None,
            Some(code) => Some(
                Locale::parse(code)
                    .map_err(|_| Open311Error::bad_request("lang must be ar, fr or zgh"))?,
            ),
        };
        let api_key = required_key(param("api_key"))?;
        let Some(service_code) = param("service_code") else {
            return Err(Open311Error::bad_request("service_code is required"));
        };
        let location = match (param("lat"), param("long")) {
            (Some(lat), Some(long)) => Some((coordinate(lat, "lat")?, coordinate(long, "long")?)),
            (None, None) => None,
            _ => {
                return Err(Open311Error::bad_request(
                    "lat and long must be given together",
                ));
            }
        };
        let address = param("address_string").map(str::to_owned);
        if location.is_none() && address.is_none() {
            return Err(Open311Error::bad_request(
                if param("address_id").is_some() {
                    "address_id is not supported here: send lat and long, or address_string"
                } else {
                    "a location is required: lat and long, or address_string"
                },
            ));
        }
        if address.as_ref().is_some_and(|a| rules::contains_html(a)) {
            return Err(Open311Error::bad_request(
                "address_string must be plain text, not HTML",
            ));
        }
        let Some(description) = param("description").map(str::to_owned) else {
            return Err(Open311Error::bad_request(
                "description is required (10 to 4000 characters)",
            ));
        };
        if description.chars().count() > rules::MAX_DESCRIPTION {
            return Err(Open311Error::bad_request(
                "description must be at most 4000 characters",
            ));
        }
        if rules::contains_html(&description) {
            return Err(Open311Error::bad_request(
                "description must be plain text, not HTML",
            ));
        }
        if let Some(url) = param("media_url") {
            let web = url.starts_with("https://") || url.starts_with("http://");
            if !web || url.len() > 2048 || url.chars().any(|c| c.is_whitespace() || c.is_control())
            {
                return Err(Open311Error::bad_request(
                    "media_url must be an http(s) URL",
                ));
            }
        }
        Ok(Submission {
            api_key,
            jurisdiction_id: param("jurisdiction_id").map(str::to_owned),
            service_code: service_code.to_owned(),
            location,
            address,
            description,
            language,
            locale: self.locale,
        })
    }
}

/// The `api_key`, which these calls cannot do without.
fn required_key(value: Option<&str>) -> Result<String, Open311Error> {
    value
        .map(str::to_owned)
        .ok_or_else(|| Open311Error::forbidden("api_key is required"))
}

/// Whether the body is declared a form (`application/x-www-form-urlencoded`).
pub(super) fn is_form(req: &HttpRequest) -> bool {
    crate::http::extract::media_type(req).is_some_and(|m| m == "application/x-www-form-urlencoded")
}

/// A comma list's items, trimmed, blanks left out.
fn comma_list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A latitude or longitude: a finite decimal number (the range is the domain's to check).
fn coordinate(value: &str, name: &str) -> Result<f64, Open311Error> {
    value
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| Open311Error::bad_request(format!("{name} must be a decimal number")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comma_lists_drop_blanks_and_coordinates_must_be_finite() {
        assert_eq!(comma_list(" a, ,b ,"), ["a", "b"]);
        assert!(comma_list(" , ").is_empty());
        assert_eq!(coordinate("35.76", "lat"), Ok(35.76));
        for bad in ["north", "NaN", "inf", ""] {
            let e = coordinate(bad, "lat").unwrap_err();
            assert_eq!(
                (e.code, e.description.as_str()),
                (400, "lat must be a decimal number")
            );
        }
    }
}
