//! The site's own static files, compiled into the binary: nothing is loaded from another host.

use actix_web::http::header;
use actix_web::{HttpResponse, web};

/// Name, content type and bytes of every file under `/static/`.
const FILES: &[(&str, &str, &[u8])] = &[
    (
        "tawasol.css",
        "text/css; charset=utf-8",
        include_bytes!("../../static/tawasol.css"),
    ),
    (
        "dossier.css",
        "text/css; charset=utf-8",
        include_bytes!("../../static/dossier.css"),
    ),
    (
        "locate.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/locate.js"),
    ),
    (
        "noto-sans-tifinagh.woff2",
        "font/woff2",
        include_bytes!("../../static/fonts/noto-sans-tifinagh.woff2"),
    ),
    (
        "OFL.txt",
        "text/plain; charset=utf-8",
        include_bytes!("../../static/fonts/OFL.txt"),
    ),
];

/// `GET /static/{file}`: cached for a day (file names are stable; a release may change them).
#[utoipa::path(
    get,
    path = "/static/{file}",
    tag = "pages",
    summary = "The site's stylesheets, script and Tifinagh font",
    params(
        ("file" = String, Path, description = "tawasol.css, dossier.css (the printable petition dossier), locate.js, noto-sans-tifinagh.woff2, OFL.txt (the font's licence)")
    ),
    responses(
        (status = 200, description = "The file", body = String, content_type = "application/octet-stream"),
        (status = 404, description = "No such file", body = String, content_type = "text/plain")
    )
)]
pub async fn file(name: web::Path<String>) -> HttpResponse {
    match FILES.iter().find(|(n, _, _)| *n == name.as_str()) {
        Some((_, content_type, bytes)) => HttpResponse::Ok()
            .content_type(*content_type)
            .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
            .body(*bytes),
        None => HttpResponse::NotFound()
            .content_type("text/plain; charset=utf-8")
            .body("not found"),
    }
}
