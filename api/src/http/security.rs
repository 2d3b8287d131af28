//! The browser security headers, chosen once per answer by the middleware from the surface the
//! answer belongs to.
//!
//! - Every answer: `X-Content-Type-Options: nosniff` and
//!   `Referrer-Policy: strict-origin-when-cross-origin` (another site learns at most our origin,
//!   never a path or a query, so no token of a mail link leaves; the origin is still sent, which
//!   map tile servers' usage policies ask of the pages that embed them).
//! - Pages (`text/html`): [`PAGE_POLICY`]: everything from this origin, nothing inline, no
//!   framing, no `<base>`, forms only to this site. The pages use no inline script, style element,
//!   style attribute or event handler (a test reads every page for them; the browser test reads
//!   the console for violations). When the map comes, `img-src` gains the tile origin of its
//!   setting.
//! - Swagger UI under `/api/docs/`: [`DOCS_POLICY`], which adds what its vendored bundle needs.
//! - Everything else (JSON, problems, feeds, CSV, static files): [`DATA_POLICY`], nothing at all
//!   (a JSON answer opened as a document runs nothing and loads nothing).
//! - With an `https://` public URL: `Strict-Transport-Security` ([`HSTS`]).

use actix_web::http::header::{self, HeaderMap, HeaderValue};

pub const PAGE_POLICY: &str = "default-src 'self'; base-uri 'none'; form-action 'self'; \
                               frame-ancestors 'none'; object-src 'none'";

/// Swagger UI (the vendored 5.32.6 of utoipa-swagger-ui): its scripts and stylesheets are files of
/// this origin; its bundle adds one `<style>` element (allowed by its hash, not by
/// `'unsafe-inline'`) and draws icons as `data:` SVG images. The browser test runs it (it opens an
/// operation and executes it) and fails on any violation, so an upgrade that changes the
/// element's content is caught.
pub const DOCS_POLICY: &str = "default-src 'self'; img-src 'self' data:; \
                               style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='; \
                               base-uri 'none'; form-action 'self'; frame-ancestors 'none'; \
                               object-src 'none'";

pub const DATA_POLICY: &str = "default-src 'none'; frame-ancestors 'none'";

pub const REFERRER_POLICY: &str = "strict-origin-when-cross-origin";

/// A year, and the host's subdomains too: a subdomain can set cookies for this host, and the
/// CSRF check compares a cookie with a field, so no subdomain may be reachable over plain HTTP.
pub const HSTS: &str = "max-age=31536000; includeSubDomains";

/// The policy for an answer to `path` with these headers (a handler's own policy is kept).
pub fn policy_for(path: &str, headers: &HeaderMap) -> &'static str {
    let html = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim_start().to_ascii_lowercase().starts_with("text/html"));
    if !html {
        DATA_POLICY
    } else if path.starts_with("/api/docs/") {
        DOCS_POLICY
    } else {
        PAGE_POLICY
    }
}

/// Adds the security headers to an answer to `path`; `https`: the public URL is https.
pub fn apply(path: &str, headers: &mut HeaderMap, https: bool) {
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        let policy = policy_for(path, headers);
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(policy),
        );
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static(REFERRER_POLICY),
    );
    if https {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_type(content_type: &'static str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
        h
    }

    #[test]
    fn each_surface_gets_its_policy() {
        let page = with_type("text/html; charset=utf-8");
        assert_eq!(policy_for("/communes/tangier", &page), PAGE_POLICY);
        assert_eq!(policy_for("/api/docs/", &page), DOCS_POLICY);
        let json = with_type("application/problem+json");
        assert_eq!(policy_for("/api/v1/issues", &json), DATA_POLICY);
        assert_eq!(
            policy_for("/api/docs/swagger-ui.css", &with_type("text/css")),
            DATA_POLICY
        );
        assert_eq!(
            policy_for("/login", &HeaderMap::new()),
            DATA_POLICY,
            "a redirect"
        );
        for p in [PAGE_POLICY, DOCS_POLICY, DATA_POLICY] {
            assert!(p.contains("frame-ancestors 'none'"), "{p}");
        }
        assert!(!PAGE_POLICY.contains("unsafe"), "pages run nothing inline");
    }

    #[test]
    fn hsts_only_over_tls_and_a_handlers_policy_is_kept() {
        let mut h = with_type("text/html");
        apply("/", &mut h, false);
        assert!(!h.contains_key(header::STRICT_TRANSPORT_SECURITY));
        assert_eq!(h.get(header::X_CONTENT_TYPE_OPTIONS).unwrap(), "nosniff");
        let mut h = with_type("text/html");
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'"),
        );
        apply("/", &mut h, true);
        assert_eq!(h.get(header::STRICT_TRANSPORT_SECURITY).unwrap(), HSTS);
        assert_eq!(
            h.get(header::CONTENT_SECURITY_POLICY).unwrap(),
            "default-src 'none'"
        );
    }
}
