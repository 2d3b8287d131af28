//! What every HTTP surface shares: the middleware every request goes through, the route
//! declarations and table, how each surface answers failures, problems (RFC 9457), extractors,
//! browser security headers, the client's address, logging, small HTML helpers, and the petition
//! dossier's rendering (served by the API and the pages alike). It knows no surface.

pub mod client;
pub mod dossier;
pub mod extract;
pub mod html;
pub mod middleware;
pub mod problem;
pub mod routes;
pub mod schema;
pub mod security;
pub mod surface;
pub mod telemetry;
