//! The Open311 GeoReport v2 surface at `/open311/v2/`: every method in `.json` and `.xml`, with
//! Open311's own shapes and errors (never problem+json). Each handler is one frame
//! ([`answer`]): read the call ([`params`]), call one use-case of
//! [`crate::usecases::open311`], render a value tree ([`document`]); every failure becomes
//! Open311's error list ([`error`]). The search ([`requests`], up to a thousand requests) is
//! the one exception: its document is written a batch at a time as the use-case reads them.

mod document;
mod error;
mod params;
pub mod schema;

pub use document::{Format, Value};
pub use error::{Open311Error, render_api_error};

use crate::context::AppState;
use crate::usecases::open311::{self as usecase, RequestUpdate, Service, ServiceRequest};
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use futures_util::StreamExt;
use params::Call;

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

/// The frame of every handler: read the call, run `body` with it, answer its value under
/// `root` in the format the path asks, or Open311's error list for whatever failed.
async fn answer<F, Fut>(req: &HttpRequest, root: &'static str, body: F) -> HttpResponse
where
    F: FnOnce(Call) -> Fut,
    Fut: Future<Output = Result<Value, Open311Error>>,
{
    let call = match Call::read(req) {
        Ok(call) => call,
        Err((format, e)) => return e.response(format),
    };
    let format = call.format;
    match body(call).await {
        Ok(value) => HttpResponse::Ok()
            .content_type(format.content_type())
            .insert_header((header::VARY, "accept-language"))
            .body(format.render(root, &value)),
        Err(e) => e.response(format),
    }
}

/// A path parameter (the router matched it: never absent).
fn segment(req: &HttpRequest, name: &str) -> String {
    req.match_info().get(name).unwrap_or("").to_owned()
}

fn id(value: i64) -> Value {
    Value::Text(value.to_string())
}

fn optional(value: Option<String>) -> Value {
    value.map_or(Value::Null, Value::Text)
}

fn service_fields(s: Service) -> Value {
    Value::Object(vec![
        ("service_code", Value::Text(s.code)),
        ("service_name", Value::Text(s.name)),
        ("description", Value::Text(s.description)),
        ("metadata", Value::Bool(false)),
        ("type", Value::text("realtime")),
        ("keywords", Value::Text(s.keywords)),
        ("group", Value::Text(s.group)),
    ])
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

fn update_fields(u: RequestUpdate) -> Value {
    Value::Object(vec![
        ("update_id", id(u.update_id)),
        ("service_request_id", id(u.service_request_id)),
        ("status", Value::text(u.status)),
        ("description", Value::Text(u.description)),
        ("updated_datetime", Value::Text(u.updated_datetime)),
        ("media_url", Value::Null),
    ])
}

/// `GET /open311/v2/discovery.{format}`
#[utoipa::path(
    get,
    path = "/open311/v2/discovery.{format}",
    tag = "open311",
    summary = "Open311 discovery",
    params(schema::FormatPath),
    responses(
        (status = 200, description = "Endpoints, formats and contact",
            content((schema::Discovery = "application/json"), (String = "text/xml"))),
        (status = "4XX", response = schema::Errors)
    )
)]
pub async fn discovery(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    answer(&req, "discovery", |_| async move {
        let d = usecase::discovery(&state);
        let formats = vec![Value::text("text/xml"), Value::text("application/json")];
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
            ("formats", Value::List("format", formats)),
        ]);
        Ok(Value::Object(vec![
            ("changeset", Value::Text(d.changeset)),
            ("contact", Value::Text(d.contact)),
            ("key_service", Value::Text(d.key_service)),
            ("endpoints", Value::List("endpoint", vec![endpoint])),
        ]))
    })
    .await
}

/// `GET /open311/v2/services.{format}`
#[utoipa::path(
    get,
    path = "/open311/v2/services.{format}",
    tag = "open311",
    summary = "Open311 services",
    params(schema::FormatPath, schema::JurisdictionQuery, crate::http::schema::LangQuery),
    responses(
        (status = 200, description = "The commune's categories as services",
            content((Vec<schema::Service> = "application/json"), (String = "text/xml"))),
        (status = "4XX", response = schema::Errors)
    )
)]
pub async fn services(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    answer(&req, "services", |call| async move {
        let found = usecase::services(&state, call.jurisdiction(), call.locale).await?;
        let items = found.into_iter().map(service_fields).collect();
        Ok(Value::List("service", items))
    })
    .await
}

/// `GET /open311/v2/services/{service_code}.{format}`
#[utoipa::path(
    get,
    path = "/open311/v2/services/{service_code}.{format}",
    tag = "open311",
    summary = "Open311 service definition",
    params(
        ("service_code" = String, Path, description = "Category code"),
        schema::FormatPath,
        schema::JurisdictionQuery
    ),
    responses(
        (status = 200, description = "The service definition",
            content((schema::ServiceDefinition = "application/json"), (String = "text/xml"))),
        (status = "4XX", response = schema::Errors)
    )
)]
pub async fn service_definition(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let code = segment(&req, "service_code");
    answer(&req, "service_definition", |call| async move {
        let code = usecase::service_definition(&state, call.jurisdiction(), &code).await?;
        Ok(Value::Object(vec![
            ("service_code", Value::Text(code)),
            ("attributes", Value::List("attribute", Vec::new())),
        ]))
    })
    .await
}

/// `POST /open311/v2/requests.{format}`: a form; `api_key` in the form or the query string.
#[utoipa::path(
    post,
    path = "/open311/v2/requests.{format}",
    tag = "open311",
    summary = "Open311: report (creates a real issue)",
    params(
        schema::FormatPath,
        ("api_key" = Option<String>, Query, description = "The key (or in the body)")
    ),
    request_body(
        content = String,
        content_type = "application/x-www-form-urlencoded",
        description = "api_key, jurisdiction_id, service_code, lat and long or address_string, description, …"
    ),
    responses(
        (status = 200, description = "[{service_request_id, token, service_notice, account_id}]",
            content((Vec<schema::Created> = "application/json"), (String = "text/xml"))),
        (status = "4XX", response = schema::Errors)
    )
)]
pub async fn create_request(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Bytes,
) -> HttpResponse {
    let form = params::is_form(&req);
    answer(&req, "service_requests", |call| async move {
        let submission = call.submission(form, &body)?;
        let s = usecase::submit(&state, submission, call.request_id, call.ip).await?;
        let item = Value::Object(vec![
            (
                "service_request_id",
                s.service_request_id.map_or(Value::Null, id),
            ),
            ("token", Value::Text(s.token)),
            ("service_notice", Value::Text(s.service_notice)),
            ("account_id", Value::Null),
        ]);
        Ok(Value::List("request", vec![item]))
    })
    .await
}

/// `GET /open311/v2/tokens/{token}.{format}`
#[utoipa::path(
    get,
    path = "/open311/v2/tokens/{token}.{format}",
    tag = "open311",
    summary = "Open311: a request by its token",
    params(
        ("token" = String, Path, description = "The token a POST answered"),
        schema::FormatPath,
        schema::JurisdictionQuery
    ),
    responses(
        (status = 200, description = "[{service_request_id, token}]",
            content((Vec<schema::Token> = "application/json"), (String = "text/xml"))),
        (status = "4XX", response = schema::Errors)
    )
)]
pub async fn token(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let token = segment(&req, "token");
    answer(&req, "service_requests", |call| async move {
        let found = usecase::token_status(&state, call.jurisdiction(), &token).await?;
        let item = Value::Object(vec![
            ("service_request_id", found.map_or(Value::Null, id)),
            ("token", Value::Text(token)),
        ]);
        Ok(Value::List("request", vec![item]))
    })
    .await
}

/// `GET /open311/v2/requests.{format}`
#[utoipa::path(
    get,
    path = "/open311/v2/requests.{format}",
    tag = "open311",
    summary = "Open311: search requests",
    params(schema::FormatPath, schema::JurisdictionQuery, schema::RequestsQuery),
    responses(
        (status = 200, description = "At most 1000 requests",
            content((Vec<schema::Request> = "application/json"), (String = "text/xml"))),
        (status = "4XX", response = schema::Errors)
    )
)]
pub async fn requests(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    const ROOT: &str = "service_requests";
    const ITEM: &str = "request";
    let call = match Call::read(&req) {
        Ok(call) => call,
        Err((format, e)) => return e.response(format),
    };
    let format = call.format;
    let batches = match call.request_query() {
        Ok(query) => usecase::requests(&state, query, call.locale).await,
        Err(e) => return e.response(format),
    };
    let batches = match batches {
        Ok(batches) => batches,
        Err(e) => return Open311Error::from(e).response(format),
    };
    // The document a batch at a time: the same bytes as the whole list rendered at once.
    let (mut started, mut written) = (false, 0usize);
    let items = batches.map(move |batch| {
        let batch = batch.map_err(|e| actix_web::error::ErrorInternalServerError(e.to_string()))?;
        let values: Vec<Value> = batch.into_iter().map(request_fields).collect();
        let mut chunk = if started {
            Vec::new()
        } else {
            started = true;
            format.list_start(ROOT)
        };
        chunk.extend(format.list_items(ITEM, &values, written == 0));
        written += values.len();
        Ok::<_, actix_web::Error>(web::Bytes::from(chunk))
    });
    // The first batch (even an empty one) opens the list; the end closes it.
    let end =
        futures_util::stream::once(async move { Ok(web::Bytes::from(format.list_end(ROOT))) });
    HttpResponse::Ok()
        .content_type(format.content_type())
        .insert_header((header::VARY, "accept-language"))
        .streaming(items.chain(end))
}

/// `GET /open311/v2/requests/{service_request_id}.{format}`: a one-element list.
#[utoipa::path(
    get,
    path = "/open311/v2/requests/{service_request_id}.{format}",
    tag = "open311",
    summary = "Open311: one request",
    params(
        ("service_request_id" = String, Path, description = "The issue id"),
        schema::FormatPath,
        schema::JurisdictionQuery
    ),
    responses(
        (status = 200, description = "A one-element list",
            content((Vec<schema::Request> = "application/json"), (String = "text/xml"))),
        (status = "4XX", response = schema::Errors)
    )
)]
pub async fn request(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let wanted = segment(&req, "service_request_id");
    answer(&req, "service_requests", |call| async move {
        // Anything but a number names no request.
        let id = wanted
            .trim()
            .parse::<i64>()
            .map_err(|_| Open311Error::from(usecase::Open311Refusal::RequestNotFound))?;
        let found = usecase::request(&state, call.jurisdiction(), id, call.locale).await?;
        Ok(Value::List("request", vec![request_fields(found)]))
    })
    .await
}

/// `GET /open311/v2/servicerequestupdates.{format}`: needs an `api_key`.
#[utoipa::path(
    get,
    path = "/open311/v2/servicerequestupdates.{format}",
    tag = "open311",
    summary = "Open311 extension: status changes",
    params(
        schema::FormatPath,
        ("api_key" = Option<String>, Query, description = "The key"),
        schema::WindowQuery
    ),
    responses(
        (status = 200, description = "Status changes in the window",
            content((Vec<schema::Update> = "application/json"), (String = "text/xml"))),
        (status = "4XX", response = schema::Errors)
    )
)]
pub async fn updates(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    answer(&req, "service_requests_updates", |call| async move {
        let query = call.update_query()?;
        let found = usecase::updates(&state, query, call.request_id, call.ip).await?;
        let items = found.into_iter().map(update_fields).collect();
        Ok(Value::List("request_update", items))
    })
    .await
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
#[openapi(
    paths(
        discovery,
        services,
        service_definition,
        create_request,
        requests,
        request,
        token,
        updates
    ),
    components(schemas(schema::Error), responses(schema::Errors))
)]
pub struct Api;
