//! The Open311 GeoReport v2 surface at `/open311/v2/`: every method in `.json` and `.xml`, with
//! Open311's own shapes and errors (never problem+json). Handlers stay thin: read the parameters,
//! call one use-case of [`crate::usecases::open311`], render. The routes are in the one route
//! table of [`crate::rest`], as public routes: the API key is checked by the use-cases.

mod document;
pub mod schema;

pub use document::{Format, Value};

use crate::context::AppState;
use crate::http::extract::{LanguageChoice, RequestId};
use crate::http::problem::{ApiError, ProblemKind};
use crate::usecases::open311::{self as usecase, Open311Error, RequestQuery, ServiceRequest};
use actix_web::http::header;
use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};
use tawasol_domain::Locale;

/// Where the surface lives: errors under it are rendered in Open311's format.
pub const PREFIX: &str = "/open311/";

/// Whether a path belongs to this surface.
pub fn owns(path: &str) -> bool {
    path.starts_with(PREFIX)
}

/// How Open311 answers failures around its handlers (`http::surface`): in its own error
/// format, JSON or XML as the path asks.
pub const SURFACE: crate::http::surface::Surface = crate::http::surface::Surface {
    name: "open311",
    owns,
    render: |f| render_api_error(f.path, f.error),
    rendered: |_| false,
    own_body_limit: |_| false,
};

/// The format a path asks for by its suffix; JSON when it names none we know (errors about an
/// unknown format are written in JSON).
fn format_of_path(path: &str) -> Format {
    if path.ends_with(".xml") {
        Format::Xml
    } else {
        Format::Json
    }
}

/// An Open311 error answer: `[{"code", "description"}]` or `<errors><error>…`.
pub fn error_response(format: Format, error: &Open311Error) -> HttpResponse {
    let body = Value::List(
        "error",
        vec![Value::Object(vec![
            ("code", Value::Integer(i64::from(error.code))),
            ("description", Value::text(&error.description)),
        ])],
    );
    let status = actix_web::http::StatusCode::from_u16(error.code)
        .unwrap_or(actix_web::http::StatusCode::BAD_REQUEST);
    let mut response = HttpResponse::build(status);
    response.insert_header((header::CACHE_CONTROL, "no-store"));
    if let Some(secs) = error.retry_after {
        response.insert_header((header::RETRY_AFTER, secs.to_string()));
    }
    response
        .content_type(format.content_type())
        .body(format.render("errors", &body))
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
                    crate::http::problem::Location::Parameter(p)
                    | crate::http::problem::Location::Pointer(p) => p.as_str(),
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
        _ => "bad request".to_owned(),
    };
    // The HTTP status of the problem, except that every kind of bad request is Open311's 400.
    let code = match error.kind {
        ProblemKind::Validation | ProblemKind::InvalidParameter | ProblemKind::MalformedBody => 400,
        kind => kind.status().as_u16(),
    };
    let mut response = error_response(
        format_of_path(path),
        &Open311Error {
            code,
            description,
            retry_after: error.retry_after,
        },
    );
    if let Some(allow) = &error.allow
        && let Ok(value) = header::HeaderValue::from_str(allow)
    {
        response.headers_mut().insert(header::ALLOW, value);
    }
    response
}

/// The query string's (or a form's) parameters, first value of each name.
struct Params(Vec<(String, String)>);

impl Params {
    fn parse(encoded: &str) -> Result<Params, Open311Error> {
        web::Query::<Vec<(String, String)>>::from_query(encoded)
            .map(|q| Params(q.into_inner()))
            .map_err(|_| Open311Error::bad_request("malformed parameters"))
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.trim().is_empty())
    }

    fn owned(&self, name: &str) -> Option<String> {
        self.get(name).map(str::to_owned)
    }
}

/// Everything a handler needs from the request, read without any extractor that could fail
/// with a problem+json answer.
struct Call {
    format: Format,
    query: Params,
    locale: Locale,
    request_id: Option<String>,
    ip: Option<String>,
}

impl Call {
    fn read(req: &HttpRequest) -> Result<Call, (Format, Open311Error)> {
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

    fn answer(&self, root: &'static str, value: &Value) -> HttpResponse {
        HttpResponse::Ok()
            .content_type(self.format.content_type())
            .insert_header((header::VARY, "accept-language"))
            .body(self.format.render(root, value))
    }
}

/// Runs a handler's body, turning any Open311 error into Open311's error answer.
fn respond(
    result: Result<HttpResponse, (Format, Open311Error)>,
) -> Result<HttpResponse, actix_web::Error> {
    Ok(result.unwrap_or_else(|(format, e)| error_response(format, &e)))
}

fn id(value: i64) -> Value {
    Value::Text(value.to_string())
}

fn optional(value: Option<String>) -> Value {
    value.map_or(Value::Null, Value::Text)
}

fn request_fields(r: ServiceRequest) -> Value {
    Value::Object(vec![
        ("service_request_id", id(r.id)),
        ("status", Value::text(r.status)),
        ("status_notes", optional(r.status_notes)),
        ("service_name", Value::Text(r.service_name)),
        ("service_code", Value::Text(r.service_code)),
        ("description", Value::Text(r.description)),
        ("agency_responsible", Value::Text(r.agency_responsible)),
        ("service_notice", Value::Null),
        ("requested_datetime", Value::Text(r.requested_datetime)),
        ("updated_datetime", Value::Text(r.updated_datetime)),
        ("expected_datetime", optional(r.expected_datetime)),
        ("address", optional(r.address)),
        ("address_id", Value::Null),
        ("zipcode", Value::Null),
        ("lat", r.lat.map_or(Value::Null, Value::Number)),
        ("long", r.long.map_or(Value::Null, Value::Number)),
        ("media_url", Value::Null),
    ])
}

/// `GET /open311/v2/discovery.{format}`
#[utoipa::path(get, path = "/open311/v2/discovery.{format}", tag = "open311", summary = "Open311 discovery", params(("format" = String, Path, description = "json or xml")), responses((status = 200, description = "Endpoints, formats and contact", content((schema::Discovery = "application/json"), (String = "text/xml"))), (status = "4XX", description = "Open311 errors: [{code, description}] or <errors>", content((Vec<schema::Error> = "application/json"), (String = "text/xml")))))]
pub async fn discovery(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, actix_web::Error> {
    respond((|| {
        let call = Call::read(&req)?;
        let d = usecase::discovery(&state);
        let endpoint = Value::Object(vec![
            (
                "specification",
                Value::text("http://wiki.open311.org/GeoReport_v2"),
            ),
            ("url", Value::Text(d.url)),
            ("changeset", Value::Text(d.changeset.clone())),
            (
                "type",
                Value::text(if d.production { "production" } else { "test" }),
            ),
            (
                "formats",
                Value::List(
                    "format",
                    vec![Value::text("text/xml"), Value::text("application/json")],
                ),
            ),
        ]);
        let body = Value::Object(vec![
            ("changeset", Value::Text(d.changeset)),
            ("contact", Value::Text(d.contact)),
            ("key_service", Value::Text(d.key_service)),
            ("endpoints", Value::List("endpoint", vec![endpoint])),
        ]);
        Ok(call.answer("discovery", &body))
    })())
}

/// `GET /open311/v2/services.{format}`
#[utoipa::path(get, path = "/open311/v2/services.{format}", tag = "open311", summary = "Open311 services", params(("format" = String, Path, description = "json or xml"), ("jurisdiction_id" = Option<String>, Query, description = "Commune slug (needed when several communes are served)"), ("lang" = Option<String>, Query, description = "ar, fr or zgh (else Accept-Language, else the account's, else ar)")), responses((status = 200, description = "The commune's categories as services", content((Vec<schema::Service> = "application/json"), (String = "text/xml"))), (status = "4XX", description = "Open311 errors: [{code, description}] or <errors>", content((Vec<schema::Error> = "application/json"), (String = "text/xml")))))]
pub async fn services(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, actix_web::Error> {
    let call = match Call::read(&req) {
        Ok(c) => c,
        Err(e) => return respond(Err(e)),
    };
    let result = usecase::services(&state, call.query.get("jurisdiction_id"), call.locale).await;
    respond(match result {
        Ok(services) => {
            let items = services
                .into_iter()
                .map(|s| {
                    Value::Object(vec![
                        ("service_code", Value::Text(s.code)),
                        ("service_name", Value::Text(s.name)),
                        ("description", Value::Text(s.description)),
                        ("metadata", Value::Bool(false)),
                        ("type", Value::text("realtime")),
                        ("keywords", Value::Text(s.keywords)),
                        ("group", Value::Text(s.group)),
                    ])
                })
                .collect();
            Ok(call.answer("services", &Value::List("service", items)))
        }
        Err(e) => Err((call.format, e)),
    })
}

/// `GET /open311/v2/services/{service_code}.{format}`
#[utoipa::path(get, path = "/open311/v2/services/{service_code}.{format}", tag = "open311", summary = "Open311 service definition", params(("service_code" = String, Path, description = "Category code"), ("format" = String, Path, description = "json or xml"), ("jurisdiction_id" = Option<String>, Query, description = "Commune slug (needed when several communes are served)")), responses((status = 200, description = "The service definition", content((schema::ServiceDefinition = "application/json"), (String = "text/xml"))), (status = "4XX", description = "Open311 errors: [{code, description}] or <errors>", content((Vec<schema::Error> = "application/json"), (String = "text/xml")))))]
pub async fn service_definition(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, actix_web::Error> {
    let call = match Call::read(&req) {
        Ok(c) => c,
        Err(e) => return respond(Err(e)),
    };
    let code = req
        .match_info()
        .get("service_code")
        .unwrap_or("")
        .to_owned();
    let result =
        usecase::service_definition(&state, call.query.get("jurisdiction_id"), &code).await;
    respond(match result {
        Ok(code) => {
            let body = Value::Object(vec![
                ("service_code", Value::Text(code)),
                ("attributes", Value::List("attribute", Vec::new())),
            ]);
            Ok(call.answer("service_definition", &body))
        }
        Err(e) => Err((call.format, e)),
    })
}

fn is_form(req: &HttpRequest) -> bool {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            v.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
        .is_some_and(|m| m == "application/x-www-form-urlencoded")
}

/// `POST /open311/v2/requests.{format}`: a form; `api_key` in the form or the query string.
#[utoipa::path(post, path = "/open311/v2/requests.{format}", tag = "open311", summary = "Open311: report (creates a real issue)", params(("format" = String, Path, description = "json or xml"), ("api_key" = Option<String>, Query, description = "The key (or in the body)")), request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "api_key, jurisdiction_id, service_code, lat and long or address_string, description, …"), responses((status = 200, description = "[{service_request_id, token, service_notice, account_id}]", content((Vec<schema::Created> = "application/json"), (String = "text/xml"))), (status = "4XX", description = "Open311 errors: [{code, description}] or <errors>", content((Vec<schema::Error> = "application/json"), (String = "text/xml")))))]
pub async fn create_request(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Bytes,
) -> Result<HttpResponse, actix_web::Error> {
    let call = match Call::read(&req) {
        Ok(c) => c,
        Err(e) => return respond(Err(e)),
    };
    let format = call.format;
    let form = if body.is_empty() {
        Ok(Params(Vec::new()))
    } else if !is_form(&req) {
        Err(Open311Error::bad_request(
            "the body must be application/x-www-form-urlencoded",
        ))
    } else {
        std::str::from_utf8(&body)
            .map_err(|_| Open311Error::bad_request("the body must be UTF-8"))
            .and_then(Params::parse)
    };
    let form = match form {
        Ok(f) => f,
        Err(e) => return respond(Err((format, e))),
    };
    let param = |name: &str| form.owned(name).or_else(|| call.query.owned(name));
    let language = match param("lang") {
        None => None,
        Some(code) => match Locale::parse(code.trim()) {
            Ok(l) => Some(l),
            Err(_) => {
                return respond(Err((
                    format,
                    Open311Error::bad_request("lang must be ar, fr or zgh"),
                )));
            }
        },
    };
    let submission = usecase::Submission {
        api_key: param("api_key"),
        jurisdiction_id: param("jurisdiction_id"),
        service_code: param("service_code"),
        lat: param("lat"),
        long: param("long"),
        address_string: param("address_string"),
        address_id: param("address_id"),
        description: param("description"),
        media_url: param("media_url"),
        language,
        locale: call.locale,
    };
    let result =
        usecase::submit(&state, submission, call.request_id.clone(), call.ip.clone()).await;
    respond(match result {
        Ok(s) => {
            let item = Value::Object(vec![
                (
                    "service_request_id",
                    s.service_request_id.map_or(Value::Null, id),
                ),
                ("token", Value::Text(s.token)),
                ("service_notice", Value::Text(s.service_notice)),
                ("account_id", Value::Null),
            ]);
            Ok(call.answer("service_requests", &Value::List("request", vec![item])))
        }
        Err(e) => Err((format, e)),
    })
}

/// `GET /open311/v2/tokens/{token}.{format}`
#[utoipa::path(get, path = "/open311/v2/tokens/{token}.{format}", tag = "open311", summary = "Open311: a request by its token", params(("token" = String, Path, description = "The token a POST answered"), ("format" = String, Path, description = "json or xml"), ("jurisdiction_id" = Option<String>, Query, description = "Commune slug (needed when several communes are served)")), responses((status = 200, description = "[{service_request_id, token}]", content((Vec<schema::Token> = "application/json"), (String = "text/xml"))), (status = "4XX", description = "Open311 errors: [{code, description}] or <errors>", content((Vec<schema::Error> = "application/json"), (String = "text/xml")))))]
pub async fn token(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, actix_web::Error> {
    let call = match Call::read(&req) {
        Ok(c) => c,
        Err(e) => return respond(Err(e)),
    };
    let token = req.match_info().get("token").unwrap_or("").to_owned();
    let result = usecase::token_status(&state, call.query.get("jurisdiction_id"), &token).await;
    respond(match result {
        Ok(found) => {
            let item = Value::Object(vec![
                ("service_request_id", found.map_or(Value::Null, id)),
                ("token", Value::Text(token)),
            ]);
            Ok(call.answer("service_requests", &Value::List("request", vec![item])))
        }
        Err(e) => Err((call.format, e)),
    })
}

/// `GET /open311/v2/requests.{format}`
#[utoipa::path(get, path = "/open311/v2/requests.{format}", tag = "open311", summary = "Open311: search requests", params(("format" = String, Path, description = "json or xml"), ("jurisdiction_id" = Option<String>, Query, description = "Commune slug (needed when several communes are served)"), ("service_request_id" = Option<String>, Query, description = "Comma list; overrides the other filters"), ("service_code" = Option<String>, Query, description = "Comma list"), ("start_date" = Option<String>, Query, description = "W3C date-time"), ("end_date" = Option<String>, Query, description = "W3C date-time (at most 90 days after start_date)"), ("status" = Option<String>, Query, description = "open, closed or both")), responses((status = 200, description = "At most 1000 requests", content((Vec<schema::Request> = "application/json"), (String = "text/xml"))), (status = "4XX", description = "Open311 errors: [{code, description}] or <errors>", content((Vec<schema::Error> = "application/json"), (String = "text/xml")))))]
pub async fn requests(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, actix_web::Error> {
    let call = match Call::read(&req) {
        Ok(c) => c,
        Err(e) => return respond(Err(e)),
    };
    let q = &call.query;
    let query = RequestQuery {
        jurisdiction_id: q.owned("jurisdiction_id"),
        service_request_id: q.owned("service_request_id"),
        service_code: q.owned("service_code"),
        start_date: q.owned("start_date"),
        end_date: q.owned("end_date"),
        status: q.owned("status"),
    };
    let result = usecase::requests(&state, query, call.locale).await;
    respond(match result {
        Ok(found) => {
            let items = found.into_iter().map(request_fields).collect();
            Ok(call.answer("service_requests", &Value::List("request", items)))
        }
        Err(e) => Err((call.format, e)),
    })
}

/// `GET /open311/v2/requests/{service_request_id}.{format}`: a one-element list.
#[utoipa::path(get, path = "/open311/v2/requests/{service_request_id}.{format}", tag = "open311", summary = "Open311: one request", params(("service_request_id" = String, Path, description = "The issue id"), ("format" = String, Path, description = "json or xml"), ("jurisdiction_id" = Option<String>, Query, description = "Commune slug (needed when several communes are served)")), responses((status = 200, description = "A one-element list", content((Vec<schema::Request> = "application/json"), (String = "text/xml"))), (status = "4XX", description = "Open311 errors: [{code, description}] or <errors>", content((Vec<schema::Error> = "application/json"), (String = "text/xml")))))]
pub async fn request(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, actix_web::Error> {
    let call = match Call::read(&req) {
        Ok(c) => c,
        Err(e) => return respond(Err(e)),
    };
    let wanted = req
        .match_info()
        .get("service_request_id")
        .unwrap_or("")
        .to_owned();
    let result = usecase::request(
        &state,
        call.query.get("jurisdiction_id"),
        &wanted,
        call.locale,
    )
    .await;
    respond(match result {
        Ok(found) => Ok(call.answer(
            "service_requests",
            &Value::List("request", vec![request_fields(found)]),
        )),
        Err(e) => Err((call.format, e)),
    })
}

/// `GET /open311/v2/servicerequestupdates.{format}`: needs an `api_key`.
#[utoipa::path(get, path = "/open311/v2/servicerequestupdates.{format}", tag = "open311", summary = "Open311 extension: status changes", params(("format" = String, Path, description = "json or xml"), ("api_key" = Option<String>, Query, description = "The key"), ("start_date" = Option<String>, Query, description = "W3C date-time"), ("end_date" = Option<String>, Query, description = "W3C date-time")), responses((status = 200, description = "Status changes in the window", content((Vec<schema::Update> = "application/json"), (String = "text/xml"))), (status = "4XX", description = "Open311 errors: [{code, description}] or <errors>", content((Vec<schema::Error> = "application/json"), (String = "text/xml")))))]
pub async fn updates(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, actix_web::Error> {
    let call = match Call::read(&req) {
        Ok(c) => c,
        Err(e) => return respond(Err(e)),
    };
    let q = &call.query;
    let result = usecase::updates(
        &state,
        q.get("api_key"),
        q.get("jurisdiction_id"),
        q.get("start_date"),
        q.get("end_date"),
        call.request_id.clone(),
        call.ip.clone(),
    )
    .await;
    respond(match result {
        Ok(found) => {
            let items = found
                .into_iter()
                .map(|u| {
                    Value::Object(vec![
                        ("update_id", id(u.update_id)),
                        ("service_request_id", id(u.service_request_id)),
                        ("status", Value::text(u.status)),
                        ("description", Value::Text(u.description)),
                        ("updated_datetime", Value::Text(u.updated_datetime)),
                        ("media_url", Value::Null),
                    ])
                })
                .collect();
            Ok(call.answer(
                "service_requests_updates",
                &Value::List("request_update", items),
            ))
        }
        Err(e) => Err((call.format, e)),
    })
}

/// Open311 GeoReport v2: public routes; the API key is checked by the use-cases.
pub fn routes() -> Vec<crate::http::routes::Route> {
    crate::routes![
        GET "/open311/v2/discovery.{format}" Public => discovery,
        GET "/open311/v2/services.{format}" Public => services,
        GET "/open311/v2/services/{service_code}.{format}" Public => service_definition,
        GET "/open311/v2/requests.{format}" Public => requests,
        POST "/open311/v2/requests.{format}" Public => create_request,
        GET "/open311/v2/requests/{service_request_id}.{format}" Public => request,
        GET "/open311/v2/tokens/{token}.{format}" Public => token,
        GET "/open311/v2/servicerequestupdates.{format}" Public => updates,
    ]
}

/// This surface's part of the OpenAPI document (its operations; the schemas they name come
/// along); `crate::openapi` assembles the surfaces' parts.
#[derive(Debug, utoipa::OpenApi)]
#[openapi(paths(
    discovery,
    services,
    service_definition,
    create_request,
    requests,
    request,
    token,
    updates
))]
pub struct Api;
