//! `/api/v1/issues`: report, list, read.

use super::created;
use super::pagination::{ListBody, PageQuery, encode_cursor};
use crate::context::AppState;
use crate::http::extract::Caller;
use crate::http::extract::JsonBody;
use crate::http::problem::ApiError;
use crate::http::schema::Problems;
use crate::i18n::Message;
use crate::usecases::{idempotency, issues};
use actix_web::{HttpResponse, web};
use chrono::{DateTime, NaiveDateTime};
use serde::Deserialize;
use tawasol_persistence::issue::{IssueSort, SortKey};

#[derive(Debug, Deserialize, serde::Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LocationBody {
    lat: f64,
    lon: f64,
}

#[derive(Debug, Deserialize, serde::Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IssueBody {
    commune: String,
    category: String,
    title: String,
    description: String,
    language: Option<String>,
    location: Option<LocationBody>,
    address: Option<String>,
    arrondissement: Option<String>,
}

/// `Idempotency-Key`: 1 to 255 visible ASCII characters.
pub(super) fn idempotency_key(req: &actix_web::HttpRequest) -> Result<Option<String>, ApiError> {
    let Some(value) = req.headers().get("idempotency-key") else {
        return Ok(None);
    };
    value
        .to_str()
        .ok()
        .filter(|v| (1..=255).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_graphic()))
        .map(|v| Some(v.to_owned()))
        .ok_or_else(|| {
            ApiError::invalid_parameter("Idempotency-Key", Message::new("param-invalid"))
        })
}

#[utoipa::path(
    post,
    path = "/api/v1/issues",
    tag = "issues",
    summary = "Report an issue",
    params(
        ("Idempotency-Key" = Option<String>, Header, description = "Replays the first answer for the same key")
    ),
    request_body = IssueBody,
    responses(
        (status = 201, description = "Reported, with possible duplicates nearby", body = issues::Reported),
        (status = "default", response = Problems)
    ),
    security(("bearer" = []))
)]
pub async fn create(
    req: actix_web::HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    JsonBody(b): JsonBody<IssueBody>,
) -> Result<HttpResponse, ApiError> {
    let key = idempotency_key(&req)?;
    let hash = crate::auth::token::hash(&serde_json::to_string(&b).unwrap_or_default());
    let input = issues::NewIssue {
        commune: b.commune,
        category: b.category,
        title: b.title,
        description: b.description,
        language: b.language,
        location: b.location.map(|l| (l.lat, l.lon)),
        address: b.address,
        arrondissement: b.arrondissement,
    };
    let stored = idempotency::once(&state, &caller, key, hash, || async {
        let issue = issues::report(&state, &caller, input).await?;
        Ok(idempotency::Stored {
            status: 201,
            location: Some(format!("/api/v1/issues/{}", issue.issue.id)),
            body: serde_json::to_string(&issue).unwrap_or_default(),
        })
    })
    .await?;
    let mut res = HttpResponse::build(
        actix_web::http::StatusCode::from_u16(stored.status).unwrap_or_default(),
    );
    if let Some(location) = stored.location {
        res.insert_header((actix_web::http::header::LOCATION, location));
    }
    Ok(res.content_type("application/json").body(stored.body))
}

#[utoipa::path(
    get,
    path = "/api/v1/issues/{id}",
    tag = "issues",
    summary = "One issue",
    params(("id" = i64, Path, description = "The id")),
    responses(
        (status = 200, description = "The issue, its thread and status history", body = issues::IssueDetail),
        (status = "default", response = Problems)
    ),
    security((), ("bearer" = []))
)]
pub async fn show(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let issue = issues::detail(&state, &caller, *id).await?;
    Ok(HttpResponse::Ok().json(issue))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReplyBody {
    body: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/issues/{id}/replies",
    tag = "issues",
    summary = "Reply",
    params(("id" = i64, Path, description = "The id")),
    request_body = ReplyBody,
    responses(
        (status = 201, description = "Added (an official answer when an official in scope replies)", body = issues::ReplyView),
        (status = "default", response = Problems)
    ),
    security(("bearer" = []))
)]
pub async fn reply(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
    JsonBody(b): JsonBody<ReplyBody>,
) -> Result<HttpResponse, ApiError> {
    let reply = issues::reply(&state, &caller, *id, &b.body).await?;
    Ok(created(
        format!("/api/v1/issues/{}#reply-{}", *id, reply.id),
        &reply,
    ))
}

#[utoipa::path(
    patch,
    path = "/api/v1/issues/{id}/replies/{reply_id}",
    tag = "issues",
    summary = "Correct my reply (15 minutes)",
    params(
        ("id" = i64, Path, description = "The id"),
        ("reply_id" = i64, Path, description = "The reply")
    ),
    request_body = ReplyBody,
    responses(
        (status = 200, description = "Corrected; the earlier text stays in previous_versions", body = issues::ReplyView),
        (status = "default", response = Problems)
    ),
    security(("bearer" = []))
)]
pub async fn edit_reply(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(i64, i64)>,
    JsonBody(b): JsonBody<ReplyBody>,
) -> Result<HttpResponse, ApiError> {
    let (id, reply_id) = path.into_inner();
    let reply = issues::edit_reply(&state, &caller, id, reply_id, &b.body).await?;
    Ok(HttpResponse::Ok().json(reply))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusBody {
    status: String,
    #[serde(default)]
    note: String,
    expected_on: Option<chrono::NaiveDate>,
    responsible_body: Option<String>,
    duplicate_of: Option<i64>,
}

#[utoipa::path(
    post,
    path = "/api/v1/issues/{id}/status",
    tag = "issues",
    summary = "Change the status",
    params(("id" = i64, Path, description = "The id")),
    request_body = StatusBody,
    responses(
        (status = 200, description = "Changed", body = issues::IssueDetail),
        (status = "default", response = Problems)
    ),
    security(("bearer" = []))
)]
pub async fn change_status(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
    JsonBody(b): JsonBody<StatusBody>,
) -> Result<HttpResponse, ApiError> {
    let to = tawasol_domain::issue::IssueStatus::parse(&b.status).ok_or_else(|| {
        ApiError::new(crate::http::problem::ProblemKind::Validation)
            .detail(Message::new("detail-validation"))
            .field("/status", Message::new("field-invalid"))
    })?;
    let change = tawasol_domain::issue::StatusChange {
        to,
        note: b.note,
        expected_on: b.expected_on,
        responsible_body: b.responsible_body,
        duplicate_of: b.duplicate_of,
    };
    let issue = issues::change_status(&state, &caller, *id, change).await?;
    Ok(HttpResponse::Ok().json(issue))
}

/// An official's answer, and with it (optionally) a new status.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerBody {
    body: String,
    /// The new status and what it needs; absent: the status stays.
    status: Option<StatusBody>,
}

#[utoipa::path(
    post,
    path = "/api/v1/issues/{id}/answer",
    tag = "issues",
    summary = "Answer officially and change the status, as one step",
    description = "For an official whose scope covers the issue. The answer and the status change are stored together or not at all, and the reporter and followers get one mail telling both. A status note left empty is the answer itself.",
    params(("id" = i64, Path, description = "The id")),
    request_body = AnswerBody,
    responses(
        (status = 201, description = "Answered (and the status changed)", body = issues::ReplyView),
        (status = "default", response = Problems)
    ),
    security(("bearer" = []))
)]
pub async fn answer(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
    JsonBody(b): JsonBody<AnswerBody>,
) -> Result<HttpResponse, ApiError> {
    let change = match b.status {
        None => None,
        Some(s) => Some(tawasol_domain::issue::StatusChange {
            to: tawasol_domain::issue::IssueStatus::parse(&s.status).ok_or_else(|| {
                ApiError::new(crate::http::problem::ProblemKind::Validation)
                    .detail(Message::new("detail-validation"))
                    .field("/status/status", Message::new("field-invalid"))
            })?,
            note: if s.note.trim().is_empty() {
                b.body.clone()
            } else {
                s.note
            },
            expected_on: s.expected_on,
            responsible_body: s.responsible_body,
            duplicate_of: s.duplicate_of,
        }),
    };
    let reply = issues::answer(&state, &caller, *id, &b.body, change).await?;
    Ok(created(
        format!("/api/v1/issues/{}#reply-{}", *id, reply.id),
        &reply,
    ))
}

async fn relation(
    state: &AppState,
    caller: &Caller,
    id: i64,
    support: bool,
    on: bool,
) -> Result<HttpResponse, ApiError> {
    issues::set_relation(state, caller, id, support, on).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[utoipa::path(
    put,
    path = "/api/v1/issues/{id}/support",
    tag = "issues",
    summary = "Support (me too)",
    params(("id" = i64, Path, description = "The id")),
    responses((status = 204, description = "Done"), (status = "default", response = Problems)),
    security(("bearer" = []))
)]
pub async fn support(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    relation(&state, &caller, *id, true, true).await
}

#[utoipa::path(
    delete,
    path = "/api/v1/issues/{id}/support",
    tag = "issues",
    summary = "Withdraw my support",
    params(("id" = i64, Path, description = "The id")),
    responses((status = 204, description = "Done"), (status = "default", response = Problems)),
    security(("bearer" = []))
)]
pub async fn unsupport(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    relation(&state, &caller, *id, true, false).await
}

#[utoipa::path(
    put,
    path = "/api/v1/issues/{id}/follow",
    tag = "issues",
    summary = "Follow",
    params(("id" = i64, Path, description = "The id")),
    responses((status = 204, description = "Done"), (status = "default", response = Problems)),
    security(("bearer" = []))
)]
pub async fn follow(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    relation(&state, &caller, *id, false, true).await
}

#[utoipa::path(
    delete,
    path = "/api/v1/issues/{id}/follow",
    tag = "issues",
    summary = "Stop following",
    params(("id" = i64, Path, description = "The id")),
    responses((status = 204, description = "Done"), (status = "default", response = Problems)),
    security(("bearer" = []))
)]
pub async fn unfollow(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    relation(&state, &caller, *id, false, false).await
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct ListQuery {
    commune: Option<String>,
    category: Option<String>,
    status: Option<String>,
    author: Option<String>,
    followed: Option<String>,
    arrondissement: Option<String>,
    created_after: Option<String>,
    created_before: Option<String>,
    bbox: Option<String>,
    sort: Option<String>,
    q: Option<String>,
    #[serde(flatten)]
    page: PageQuery,
}

/// The documented `bbox` pattern: one number is an optional minus, digits, and an optional
/// decimal part, with spaces around it.
pub const BBOX_PATTERN: &str = r"^$|^ *-?[0-9]+(\.[0-9]+)? *(, *-?[0-9]+(\.[0-9]+)? *){3}$";

fn plain_number(part: &str) -> Option<f64> {
    let part = part.trim_matches(' ');
    let digits = part.strip_prefix('-').unwrap_or(part);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    let plain = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (plain(whole) && plain(fraction)).then(|| part.parse().ok())?
}

fn cursor_key((key, id): (SortKey, i64)) -> String {
    match key {
        SortKey::Time(at) => format!("t:{}:{id}", at.and_utc().timestamp_micros()),
        SortKey::Count(n) => format!("c:{n}:{id}"),
    }
}

fn parse_cursor(sort: IssueSort, text: &str) -> Option<(SortKey, i64)> {
    let mut parts = text.splitn(3, ':');
    let (kind, value, id) = (parts.next()?, parts.next()?, parts.next()?.parse().ok()?);
    let key = match (kind, sort) {
        ("t", IssueSort::Newest | IssueSort::RecentlyUpdated) => {
            SortKey::Time(DateTime::from_timestamp_micros(value.parse().ok()?)?.naive_utc())
        }
        ("c", IssueSort::MostSupported) => SortKey::Count(value.parse().ok()?),
        _ => return None,
    };
    Some((key, id))
}

#[utoipa::path(
    get,
    path = "/api/v1/issues",
    tag = "issues",
    summary = "List and search issues",
    params(
        ("commune" = Option<String>, Query, description = "Commune slug"),
        ("category" = Option<String>, Query, description = "Category code"),
        ("status" = Option<String>, Query, description = "A status, or open / closed"),
        ("author" = Option<String>, Query, description = "me: only mine"),
        ("followed" = Option<String>, Query, description = "me: only those I follow"),
        ("arrondissement" = Option<String>, Query, description = "Arrondissement slug"),
        ("created_after" = Option<String>, Query, description = "Date or RFC 3339 time"),
        ("created_before" = Option<String>, Query, description = "Date or RFC 3339 time"),
        ("bbox" = Option<String>, Query, description = "south,west,north,east"),
        ("sort" = Option<String>, Query, description = "newest (default), most_supported or recently_updated"),
        ("q" = Option<String>, Query, description = "Words to search"),
        PageQuery
    ),
    responses(
        (status = 200, description = "Issues", body = ListBody<issues::IssueView>),
        (status = "default", response = Problems)
    ),
    security((), ("bearer" = []))
)]
pub async fn list(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, ApiError> {
    let query = query.into_inner();
    let limit = query.page.limit()?;
    let sort = match query.sort.as_deref() {
        None | Some("" | "newest") => IssueSort::Newest,
        Some("most_supported") => IssueSort::MostSupported,
        Some("recently_updated") => IssueSort::RecentlyUpdated,
        Some(_) => {
            return Err(ApiError::invalid_parameter(
                "sort",
                Message::new("param-sort"),
            ));
        }
    };
    // A cursor names its order: one from another order is refused.
    let after = query.page.after(|text| parse_cursor(sort, text))?;
    let me = |name: &str, value: Option<&str>| match value {
        None | Some("") => Ok(false),
        Some("me") => Ok(true),
        Some(_) => Err(ApiError::invalid_parameter(name, Message::new("param-me"))),
    };
    let author_is_me = me("author", query.author.as_deref())?;
    let followed_by_me = me("followed", query.followed.as_deref())?;
    let time = |name: &str, value: Option<&str>| -> Result<Option<NaiveDateTime>, ApiError> {
        match value.filter(|v| !v.is_empty()) {
            None => Ok(None),
            Some(v) => DateTime::parse_from_rfc3339(v)
                .map(|t| t.naive_utc())
                .or_else(|_| {
                    chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d")
                        .map(|d| d.and_time(chrono::NaiveTime::MIN))
                })
                .map(Some)
                .map_err(|_| ApiError::invalid_parameter(name, Message::new("param-time"))),
        }
    };
    let created_after = time("created_after", query.created_after.as_deref())?;
    let created_before = time("created_before", query.created_before.as_deref())?;
    // Four plain decimal numbers (the documented pattern, else 400); a box that is no box on
    // the globe (south above north, a latitude past 90) is well formed but refused (422).
    let bbox = match query.bbox.as_deref().filter(|b| !b.is_empty()) {
        None => None,
        Some(text) => {
            let n: Vec<f64> = text.split(',').filter_map(plain_number).collect();
            let [s, w, no, e] = n.as_slice() else {
                return Err(ApiError::invalid_parameter(
                    "bbox",
                    Message::new("param-bbox"),
                ));
            };
            Some(
                tawasol_domain::BoundingBox::parse(*s, *w, *no, *e).map_err(|_| {
                    ApiError::unacceptable_parameter("bbox", Message::new("param-bbox"))
                })?,
            )
        }
    };
    let filter = issues::IssueQuery {
        commune: query.commune.filter(|s| !s.is_empty()),
        category: query.category.filter(|s| !s.is_empty()),
        status: query.status.filter(|s| !s.is_empty()),
        author_is_me,
        followed_by_me,
        arrondissement: query.arrondissement.filter(|s| !s.is_empty()),
        created_after,
        created_before,
        bbox,
        text: query.q.filter(|s| !s.trim().is_empty()),
        sort,
    };
    let page = issues::list(&state, &caller, filter, after, limit)
        .await
        .map_err(|e| match e {
            crate::usecases::UseCaseError::Invalid(_) => {
                ApiError::invalid_parameter("status", Message::new("param-invalid"))
            }
            other => other.into(),
        })?;
    Ok(HttpResponse::Ok().json(ListBody {
        items: page.items,
        next_cursor: page.next.map(|k| encode_cursor(&cursor_key(k))),
    }))
}
