//! Routes as every surface declares them: a method, a path, whether a logged-in caller is needed,
//! and the handler. Each surface lists its own with [`routes!`](crate::routes) (one line a
//! route); start-up puts the surfaces' lists together into the one table that registers them
//! (with 405 and `Allow` for other methods), that the middleware consults before any extractor
//! runs ([`RouteTable`]), and that the authorization-matrix test enumerates.

use crate::http::problem::ApiError;
use actix_web::http::Method;
use actix_web::{FromRequest, Handler, HttpResponse, Responder, web};
use std::collections::HashMap;

/// Whether a route answers anyone, or only a logged-in caller (whose roles the use-case checks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Public,
    Authenticated,
}

/// A route as a surface declares it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteSpec {
    pub method: Method,
    pub path: &'static str,
    pub access: Access,
}

/// A declared route and the handler that answers it.
pub struct Route {
    pub spec: RouteSpec,
    route: actix_web::Route,
}

impl std::fmt::Debug for Route {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.spec.fmt(f)
    }
}

/// Adds `handler` at `method path` to `routes`; `GET` also answers `HEAD` with the same handler.
pub fn push<F, Args>(
    routes: &mut Vec<Route>,
    method: &str,
    path: &'static str,
    access: Access,
    handler: F,
) where
    F: Handler<Args> + Clone,
    Args: FromRequest + 'static,
    F::Output: Responder + 'static,
{
    let method = Method::from_bytes(method.as_bytes()).expect("an HTTP method");
    let route = |method: Method, handler: F| Route {
        route: web::route().method(method.clone()).to(handler),
        spec: RouteSpec {
            method,
            path,
            access,
        },
    };
    if method == Method::GET {
        routes.push(route(Method::GET, handler.clone()));
        routes.push(route(Method::HEAD, handler));
    } else {
        routes.push(route(method, handler));
    }
}

/// A surface's routes, one a line: `METHOD "path" Access => handler`. `GET` also answers `HEAD`.
///
/// ```text
/// routes![
///     GET "/api/v1/issues" Public => issues::list,
///     POST "/api/v1/issues" Authenticated => issues::create,
/// ]
/// ```
#[macro_export]
macro_rules! routes {
    ($($method:ident $path:literal $access:ident => $handler:expr),* $(,)?) => {{
        let mut routes = Vec::new();
        $(
            $crate::http::routes::push(
                &mut routes,
                stringify!($method),
                $path,
                $crate::http::routes::Access::$access,
                $handler,
            );
        )*
        routes
    }};
}

/// Registers `routes`, one resource per path; a method the path does not have is answered 405
/// with the path's methods in `Allow`.
pub fn register(cfg: &mut web::ServiceConfig, routes: Vec<Route>) {
    let mut paths: Vec<&'static str> = Vec::new();
    let mut grouped: Vec<Vec<Route>> = Vec::new();
    for r in routes {
        match paths.iter().position(|p| *p == r.spec.path) {
            Some(i) => grouped[i].push(r),
            None => {
                paths.push(r.spec.path);
                grouped.push(vec![r]);
            }
        }
    }
    for (path, routes) in paths.into_iter().zip(grouped) {
        let allow = allow_list(routes.iter().map(|r| &r.spec.method));
        let mut resource = web::resource(path).default_service(web::to(move || {
            let allow = allow.clone();
            async move { Err::<HttpResponse, ApiError>(ApiError::method_not_allowed(&allow)) }
        }));
        for r in routes {
            resource = resource.route(r.route);
        }
        cfg.service(resource);
    }
}

fn allow_list<'a>(methods: impl Iterator<Item = &'a Method>) -> String {
    methods.map(Method::as_str).collect::<Vec<_>>().join(", ")
}

/// What the route table says about a request, known before any extractor runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dispatch {
    /// The table has this method at this path.
    Route(Access),
    /// The path is in the table, not with this method: 405, with these methods in `Allow`.
    WrongMethod(String),
}

/// Every route's path pattern, with its methods and their access: what the middleware asks
/// before any extractor runs (a wrong method is 405, a protected route without credentials 401,
/// whatever else is wrong with the request).
#[derive(Debug, Clone, Default)]
pub struct RouteTable {
    by_pattern: HashMap<&'static str, Methods>,
}

/// A path's methods with their access, and the `Allow` list they make.
type Methods = (String, Vec<(Method, Access)>);

impl RouteTable {
    pub fn new(specs: impl IntoIterator<Item = RouteSpec>) -> RouteTable {
        let mut by_pattern: HashMap<&'static str, Methods> = HashMap::new();
        for spec in specs {
            by_pattern
                .entry(spec.path)
                .or_default()
                .1
                .push((spec.method, spec.access));
        }
        for (allow, methods) in by_pattern.values_mut() {
            *allow = allow_list(methods.iter().map(|(m, _)| m));
        }
        RouteTable { by_pattern }
    }

    /// The table's word on a request by the path pattern actix matched
    /// (`HttpRequest::match_pattern`); `None` when the table does not have the pattern (a 404, or
    /// a service outside the table such as Swagger UI's assets).
    pub fn dispatch(&self, pattern: &str, method: &Method) -> Option<Dispatch> {
        let (allow, methods) = self.by_pattern.get(pattern)?;
        Some(methods.iter().find(|(m, _)| m == method).map_or_else(
            || Dispatch::WrongMethod(allow.clone()),
            |(_, access)| Dispatch::Route(*access),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn ok() -> HttpResponse {
        HttpResponse::Ok().finish()
    }

    #[test]
    fn get_also_answers_head_and_the_table_tells_wrong_methods_from_unknown_paths() {
        let routes: Vec<Route> = crate::routes![
            GET "/a" Public => ok,
            POST "/a" Authenticated => ok,
        ];
        let specs: Vec<RouteSpec> = routes.into_iter().map(|r| r.spec).collect();
        let methods: Vec<&str> = specs.iter().map(|s| s.method.as_str()).collect();
        assert_eq!(methods, ["GET", "HEAD", "POST"]);
        let table = RouteTable::new(specs);
        assert_eq!(
            table.dispatch("/a", &Method::POST),
            Some(Dispatch::Route(Access::Authenticated))
        );
        assert_eq!(
            table.dispatch("/a", &Method::DELETE),
            Some(Dispatch::WrongMethod("GET, HEAD, POST".into()))
        );
        assert_eq!(table.dispatch("/b", &Method::GET), None);
    }
}
