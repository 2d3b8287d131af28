//! The HTTP surface: the REST API under `/api/v1`, the health probes and the problem pages.
//! Handlers stay thin: parse, call one use-case, render.
//!
//! Every route is declared once in [`routes`], with whether it needs a logged-in caller; the
//! table registers the routes (with 405 and `Allow` for other methods) and is what the
//! authorization-matrix test enumerates, so a new protected route cannot escape that test.

pub(crate) mod admin;
pub(crate) mod auth;
pub(crate) mod communes;
pub(crate) mod docs;
pub(crate) mod exports;
pub(crate) mod feeds;
pub(crate) mod health;
pub(crate) mod issues;
pub(crate) mod me;
pub(crate) mod moderation;
pub(crate) mod pages;
pub(crate) mod pagination;
pub(crate) mod petitions;
pub(crate) mod problems;
pub(crate) mod stats;

use crate::i18n::Message;
use crate::open311;
use crate::problem::ApiError;
use actix_web::http::Method;
use actix_web::{FromRequest, Handler, HttpRequest, HttpResponse, Responder, Route, web};

/// Whether a route answers anyone, or only a logged-in caller (whose roles the use-case checks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Public,
    Authenticated,
}

/// A route as the table declares it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteSpec {
    pub method: Method,
    pub path: &'static str,
    pub access: Access,
}

struct Entry {
    spec: RouteSpec,
    route: Route,
}

fn entry<F, Args>(method: Method, path: &'static str, access: Access, handler: F) -> Entry
where
    F: Handler<Args>,
    Args: FromRequest + 'static,
    F::Output: Responder + 'static,
{
    Entry {
        route: web::route().method(method.clone()).to(handler),
        spec: RouteSpec {
            method,
            path,
            access,
        },
    }
}

/// GET, and HEAD answered by the same handler.
fn get<F, Args>(path: &'static str, access: Access, handler: F) -> [Entry; 2]
where
    F: Handler<Args> + Clone,
    Args: FromRequest + 'static,
    F::Output: Responder + 'static,
{
    [
        entry(Method::GET, path, access, handler.clone()),
        entry(Method::HEAD, path, access, handler),
    ]
}

fn routes() -> Vec<Entry> {
    use Access::{Authenticated, Public};
    let mut r = Vec::new();
    // The web application (pages and their forms)
    r.extend(get("/", Public, crate::web::pages::home));
    r.extend(get("/static/{file}", Public, crate::web::assets::file));
    r.extend(get("/lang/{code}", Public, crate::web::switch_language));
    r.extend(get("/communes/{slug}", Public, crate::web::pages::commune));
    r.extend(get(
        "/communes/{slug}/report",
        Public,
        crate::web::pages::report_form,
    ));
    r.push(entry(
        Method::POST,
        "/communes/{slug}/report",
        Public,
        crate::web::pages::report,
    ));
    r.extend(get("/issues/{id}", Public, crate::web::pages::issue));
    r.push(entry(
        Method::POST,
        "/issues/{id}/replies",
        Public,
        crate::web::pages::reply,
    ));
    r.push(entry(
        Method::POST,
        "/issues/{id}/support",
        Public,
        crate::web::pages::support,
    ));
    r.push(entry(
        Method::POST,
        "/issues/{id}/follow",
        Public,
        crate::web::pages::follow,
    ));
    r.extend(get("/petitions", Public, crate::web::petitions::list));
    r.extend(get("/petitions/{id}", Public, crate::web::petitions::show));
    r.extend(get(
        "/petitions/{id}/dossier",
        Public,
        crate::web::petitions::dossier,
    ));
    r.push(entry(
        Method::POST,
        "/petitions/{id}/sign",
        Public,
        crate::web::petitions::sign,
    ));
    r.push(entry(
        Method::POST,
        "/petitions/{id}/withdraw",
        Public,
        crate::web::petitions::withdraw,
    ));
    r.push(entry(
        Method::POST,
        "/petitions/{id}/follow",
        Public,
        crate::web::petitions::follow,
    ));
    r.push(entry(
        Method::POST,
        "/petitions/{id}/step",
        Public,
        crate::web::petitions::step,
    ));
    r.extend(get(
        "/communes/{slug}/petitions/new",
        Public,
        crate::web::petitions::new_form,
    ));
    r.push(entry(
        Method::POST,
        "/communes/{slug}/petitions/new",
        Public,
        crate::web::petitions::create,
    ));
    r.push(entry(
        Method::POST,
        "/issues/{id}/answer",
        Public,
        crate::web::pages::answer,
    ));
    r.extend(get("/desk", Public, crate::web::desk::desk));
    r.extend(get("/moderation", Public, crate::web::desk::queue));
    r.push(entry(
        Method::POST,
        "/moderation/issues/{id}",
        Public,
        crate::web::desk::decide_issue,
    ));
    r.push(entry(
        Method::POST,
        "/moderation/replies/{id}",
        Public,
        crate::web::desk::decide_reply,
    ));
    r.extend(get("/login", Public, crate::web::account::login_form));
    r.push(entry(
        Method::POST,
        "/login",
        Public,
        crate::web::account::login,
    ));
    r.push(entry(
        Method::POST,
        "/logout",
        Public,
        crate::web::account::logout,
    ));
    r.extend(get("/me", Public, crate::web::account::me));
    r.push(entry(
        Method::POST,
        "/me/notifications",
        Public,
        crate::web::account::set_notifications,
    ));
    r.extend(get("/me/export", Public, crate::web::account::export));
    r.push(entry(
        Method::POST,
        "/me/delete",
        Public,
        crate::web::account::delete,
    ));
    r.extend(get(
        "/organisation",
        Public,
        crate::web::account::organisation,
    ));
    r.push(entry(
        Method::POST,
        "/organisation/feed",
        Public,
        crate::web::account::organisation_feed,
    ));
    r.extend(get("/forgot", Public, crate::web::account::forgot_form));
    r.push(entry(
        Method::POST,
        "/forgot",
        Public,
        crate::web::account::forgot,
    ));
    r.extend(get("/signup", Public, crate::web::account::signup_form));
    r.push(entry(
        Method::POST,
        "/signup",
        Public,
        crate::web::account::signup,
    ));
    r.extend(get("/health/live", Public, health::live));
    r.extend(get("/health/ready", Public, health::ready));
    r.extend(get("/problems/{kind}", Public, problems::show));
    r.extend(get("/api/v1/openapi.json", Public, docs::openapi_json));
    r.extend(get("/api/docs", Public, docs::swagger_ui));
    r.extend(get("/api/v1/communes", Public, communes::list::handle));
    r.extend(get(
        "/api/v1/communes/{slug}",
        Public,
        communes::show::handle,
    ));
    // Pages that mail links open
    r.extend(get("/verify-email", Public, pages::verify_form));
    r.push(entry(
        Method::POST,
        "/verify-email",
        Public,
        pages::verify_submit,
    ));
    r.extend(get("/reset-password", Public, pages::reset_form));
    r.extend(get("/api/v1/unsubscribe", Public, pages::unsubscribe_form));
    r.push(entry(
        Method::POST,
        "/api/v1/unsubscribe",
        Public,
        pages::unsubscribe,
    ));
    r.push(entry(
        Method::POST,
        "/reset-password",
        Public,
        pages::reset_submit,
    ));
    // Issues
    r.extend(get("/api/v1/issues", Public, issues::list));
    r.push(entry(
        Method::POST,
        "/api/v1/issues",
        Authenticated,
        issues::create,
    ));
    r.extend(get("/api/v1/issues/{id}", Public, issues::show));
    r.push(entry(
        Method::POST,
        "/api/v1/issues/{id}/replies",
        Authenticated,
        issues::reply,
    ));
    r.push(entry(
        Method::POST,
        "/api/v1/issues/{id}/status",
        Authenticated,
        issues::change_status,
    ));
    r.push(entry(
        Method::PATCH,
        "/api/v1/issues/{id}/replies/{reply_id}",
        Authenticated,
        issues::edit_reply,
    ));
    r.push(entry(
        Method::PUT,
        "/api/v1/issues/{id}/support",
        Authenticated,
        issues::support,
    ));
    r.push(entry(
        Method::DELETE,
        "/api/v1/issues/{id}/support",
        Authenticated,
        issues::unsupport,
    ));
    r.push(entry(
        Method::PUT,
        "/api/v1/issues/{id}/follow",
        Authenticated,
        issues::follow,
    ));
    r.push(entry(
        Method::DELETE,
        "/api/v1/issues/{id}/follow",
        Authenticated,
        issues::unfollow,
    ));
    r.push(entry(
        Method::POST,
        "/api/v1/issues/{id}/flag",
        Authenticated,
        moderation::flag_issue,
    ));
    r.push(entry(
        Method::POST,
        "/api/v1/replies/{id}/flag",
        Authenticated,
        moderation::flag_reply,
    ));
    // Accountability figures and open data
    r.extend(get("/api/v1/stats", Public, stats::show));
    r.extend(get(
        "/api/v1/exports/issues.csv",
        Public,
        exports::issues_csv,
    ));
    r.extend(get(
        "/api/v1/exports/issues.jsonl",
        Public,
        exports::issues_jsonl,
    ));
    r.extend(get(
        "/api/v1/exports/petitions.csv",
        Public,
        exports::petitions_csv,
    ));
    r.extend(get(
        "/api/v1/exports/petitions.jsonl",
        Public,
        exports::petitions_jsonl,
    ));
    // Petitions
    r.extend(get("/api/v1/petitions", Public, petitions::list));
    r.push(entry(
        Method::POST,
        "/api/v1/petitions",
        Authenticated,
        petitions::create,
    ));
    r.extend(get("/api/v1/petitions/{id}", Public, petitions::show));
    r.push(entry(
        Method::PATCH,
        "/api/v1/petitions/{id}",
        Authenticated,
        petitions::edit,
    ));
    r.push(entry(
        Method::POST,
        "/api/v1/petitions/{id}/signatures",
        Authenticated,
        petitions::sign,
    ));
    r.push(entry(
        Method::DELETE,
        "/api/v1/petitions/{id}/signatures",
        Authenticated,
        petitions::withdraw,
    ));
    r.push(entry(
        Method::POST,
        "/api/v1/petitions/{id}/transitions",
        Authenticated,
        petitions::transition,
    ));
    r.extend(get(
        "/api/v1/petitions/{id}/dossier",
        Authenticated,
        petitions::dossier,
    ));
    r.push(entry(
        Method::PUT,
        "/api/v1/petitions/{id}/follow",
        Authenticated,
        petitions::follow,
    ));
    r.push(entry(
        Method::DELETE,
        "/api/v1/petitions/{id}/follow",
        Authenticated,
        petitions::unfollow,
    ));
    // Atom feeds (the personal one at a secret address, made by its owner below)
    r.extend(get("/feeds/communes/{slug}.atom", Public, feeds::commune));
    r.extend(get(
        "/feeds/communes/{slug}/{category}.atom",
        Public,
        feeds::category,
    ));
    r.extend(get("/feeds/issues/{id}.atom", Public, feeds::issue));
    r.extend(get("/feeds/petitions/{id}.atom", Public, feeds::petition));
    r.extend(get("/feeds/me/{token}.atom", Public, feeds::personal));
    // Moderation
    r.extend(get(
        "/api/v1/moderation/queue",
        Authenticated,
        moderation::queue,
    ));
    r.push(entry(
        Method::POST,
        "/api/v1/moderation/issues/{id}",
        Authenticated,
        moderation::decide_issue,
    ));
    r.push(entry(
        Method::POST,
        "/api/v1/moderation/replies/{id}",
        Authenticated,
        moderation::decide_reply,
    ));
    // Accounts
    r.push(entry(
        Method::POST,
        "/api/v1/auth/register",
        Public,
        auth::register,
    ));
    r.push(entry(
        Method::POST,
        "/api/v1/auth/verify-email",
        Public,
        auth::verify_email,
    ));
    r.push(entry(
        Method::POST,
        "/api/v1/auth/login",
        Public,
        auth::login,
    ));
    r.push(entry(
        Method::POST,
        "/api/v1/auth/refresh",
        Public,
        auth::refresh,
    ));
    r.push(entry(
        Method::POST,
        "/api/v1/auth/logout",
        Authenticated,
        auth::logout,
    ));
    r.push(entry(
        Method::POST,
        "/api/v1/auth/password-reset/request",
        Public,
        auth::reset_request,
    ));
    r.push(entry(
        Method::POST,
        "/api/v1/auth/password-reset/confirm",
        Public,
        auth::reset_confirm,
    ));
    r.extend(get("/api/v1/me", Authenticated, me::show));
    r.push(entry(
        Method::PATCH,
        "/api/v1/me",
        Authenticated,
        me::update,
    ));
    r.push(entry(
        Method::DELETE,
        "/api/v1/me",
        Authenticated,
        me::delete,
    ));
    r.extend(get("/api/v1/me/export", Authenticated, me::export));
    r.extend(get(
        "/api/v1/me/notifications",
        Authenticated,
        me::notifications,
    ));
    r.push(entry(
        Method::PUT,
        "/api/v1/me/notifications",
        Authenticated,
        me::set_notifications,
    ));
    r.push(entry(
        Method::POST,
        "/api/v1/me/feed-token",
        Authenticated,
        feeds::create_token,
    ));
    r.push(entry(
        Method::DELETE,
        "/api/v1/me/feed-token",
        Authenticated,
        feeds::revoke_token,
    ));
    // Administration
    r.push(entry(
        Method::POST,
        "/api/v1/admin/officials",
        Authenticated,
        admin::appoint_official,
    ));
    r.push(entry(
        Method::DELETE,
        "/api/v1/admin/officials/{user_id}",
        Authenticated,
        admin::revoke_official,
    ));
    r.push(entry(
        Method::POST,
        "/api/v1/admin/moderators",
        Authenticated,
        admin::appoint_moderator,
    ));
    r.push(entry(
        Method::DELETE,
        "/api/v1/admin/moderators/{user_id}",
        Authenticated,
        admin::revoke_moderator,
    ));
    r.push(entry(
        Method::POST,
        "/api/v1/admin/organisations",
        Authenticated,
        admin::create_organisation,
    ));
    r.push(entry(
        Method::POST,
        "/api/v1/admin/organisations/{id}/members",
        Authenticated,
        admin::put_member,
    ));
    r.push(entry(
        Method::DELETE,
        "/api/v1/admin/organisations/{id}/members/{user_id}",
        Authenticated,
        admin::remove_member,
    ));
    r.push(entry(
        Method::PATCH,
        "/api/v1/admin/communes/{slug}",
        Authenticated,
        admin::update_commune,
    ));
    r.push(entry(
        Method::POST,
        "/api/v1/admin/users/{user_id}/ban",
        Authenticated,
        admin::ban,
    ));
    r.push(entry(
        Method::DELETE,
        "/api/v1/admin/users/{user_id}/ban",
        Authenticated,
        admin::unban,
    ));
    r.extend(get("/api/v1/admin/outbox", Authenticated, admin::outbox));
    r.push(entry(
        Method::POST,
        "/api/v1/admin/outbox/{id}/requeue",
        Authenticated,
        admin::requeue,
    ));
    r.extend(get("/api/v1/admin/audit", Authenticated, admin::audit));
    r.push(entry(
        Method::POST,
        "/api/v1/admin/api-keys",
        Authenticated,
        admin::issue_api_key,
    ));
    r.extend(get(
        "/api/v1/admin/api-keys",
        Authenticated,
        admin::api_keys,
    ));
    r.push(entry(
        Method::DELETE,
        "/api/v1/admin/api-keys/{id}",
        Authenticated,
        admin::revoke_api_key,
    ));
    // Open311 GeoReport v2: public routes; the API key is checked by the use-cases.
    r.extend(get(
        "/open311/v2/discovery.{format}",
        Public,
        open311::discovery,
    ));
    r.extend(get(
        "/open311/v2/services.{format}",
        Public,
        open311::services,
    ));
    r.extend(get(
        "/open311/v2/services/{service_code}.{format}",
        Public,
        open311::service_definition,
    ));
    r.extend(get(
        "/open311/v2/requests.{format}",
        Public,
        open311::requests,
    ));
    r.push(entry(
        Method::POST,
        "/open311/v2/requests.{format}",
        Public,
        open311::create_request,
    ));
    r.extend(get(
        "/open311/v2/requests/{service_request_id}.{format}",
        Public,
        open311::request,
    ));
    r.extend(get(
        "/open311/v2/tokens/{token}.{format}",
        Public,
        open311::token,
    ));
    r.extend(get(
        "/open311/v2/servicerequestupdates.{format}",
        Public,
        open311::updates,
    ));
    r
}

/// Every route, for tests and documentation.
pub fn route_specs() -> Vec<RouteSpec> {
    routes().into_iter().map(|e| e.spec).collect()
}

/// What the route table says about a request, known before any extractor runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dispatch {
    /// The table has this method at this path.
    Route(Access),
    /// The path is in the table, not with this method: 405, with these methods in `Allow`.
    WrongMethod(&'static str),
}

/// Looks a request up in the route table by the path pattern actix matched
/// (`HttpRequest::match_pattern`); `None` when the table does not have the pattern (a 404, or a
/// service outside the table such as Swagger UI's assets).
pub fn dispatch(pattern: &str, method: &Method) -> Option<Dispatch> {
    type Table = std::collections::HashMap<&'static str, (&'static str, Vec<(Method, Access)>)>;
    static TABLE: std::sync::OnceLock<Table> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table = Table::new();
        for spec in route_specs() {
            table
                .entry(spec.path)
                .or_insert_with(|| ("", Vec::new()))
                .1
                .push((spec.method, spec.access));
        }
        for (allow, methods) in table.values_mut() {
            let list = methods
                .iter()
                .map(|(m, _)| m.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            *allow = Box::leak(list.into_boxed_str());
        }
        table
    });
    let (allow, methods) = table.get(pattern)?;
    Some(
        methods
            .iter()
            .find(|(m, _)| m == method)
            .map_or(Dispatch::WrongMethod(allow), |(_, access)| {
                Dispatch::Route(*access)
            }),
    )
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    let mut paths: Vec<&'static str> = Vec::new();
    let mut grouped: Vec<Vec<Entry>> = Vec::new();
    for e in routes() {
        match paths.iter().position(|p| *p == e.spec.path) {
            Some(i) => grouped[i].push(e),
            None => {
                paths.push(e.spec.path);
                grouped.push(vec![e]);
            }
        }
    }
    cfg.service(docs::swagger_service());
    for (path, entries) in paths.into_iter().zip(grouped) {
        let allow = entries
            .iter()
            .map(|e| e.spec.method.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        let mut resource = web::resource(path).default_service(web::to(move || {
            let allow = allow.clone();
            async move { Err::<HttpResponse, ApiError>(ApiError::method_not_allowed(&allow)) }
        }));
        for e in entries {
            resource = resource.route(e.route);
        }
        cfg.service(resource);
    }
}

/// Any address that matches no route.
pub async fn not_found(req: HttpRequest) -> Result<HttpResponse, ApiError> {
    Err(ApiError::not_found(
        Message::new("detail-route-not-found").arg("path", req.path()),
    ))
}

/// `201 Created` with a `Location` and the created object.
fn created(location: String, body: &impl serde::Serialize) -> HttpResponse {
    HttpResponse::Created()
        .insert_header((actix_web::http::header::LOCATION, location))
        .json(body)
}
