//! Where a visitor goes after a form, a log-in or a language switch: a `next` address, followed
//! only when it stays on this site.

/// Encodes a path for a query parameter.
pub fn percent_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(b as char);
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The longest `next` followed; a longer one is no address of ours.
const MAX_NEXT: usize = 2048;

/// Where to go after a form, a log-in or a language switch: `next` resolved against the public
/// URL the way a browser resolves a `Location` (the WHATWG URL standard: tabs and newlines
/// dropped, `\` read as `/`, `..` applied), followed only when it stays on this site's origin,
/// and written back normalised (path and query, percent-encoded; never the raw input, so no
/// control character reaches a header). Anything else is `/`.
pub fn safe_next(public_url: &str, next: Option<&str>) -> String {
    next.and_then(|n| local_target(public_url, n))
        .unwrap_or_else(|| "/".to_owned())
}

/// A `?next=` address (the login page, the language switch).
#[derive(Debug, serde::Deserialize)]
pub struct NextQuery {
    pub next: Option<String>,
}

pub(super) fn local_target(public_url: &str, next: &str) -> Option<String> {
    if next.len() > MAX_NEXT {
        return None;
    }
    let base = url::Url::parse(public_url).ok()?;
    let target = base.join(next).ok()?;
    if !target.origin().is_tuple() || target.origin() != base.origin() {
        return None;
    }
    let path = target.path();
    // `/..//evil.example` normalises to the path `//evil.example`, which a browser would read
    // as another host if it began the address.
    if !path.starts_with('/') || path.starts_with("//") {
        return None;
    }
    Some(match target.query() {
        Some(q) => format!("{path}?{q}"),
        None => path.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SITE: &str = "https://tawasol.example";

    fn next(value: &str) -> String {
        safe_next(SITE, Some(value))
    }

    /// The address a browser would go to, given `location` in a 303 from the site.
    fn followed(location: &str) -> url::Url {
        url::Url::parse(SITE).unwrap().join(location).unwrap()
    }

    #[test]
    fn local_addresses_are_followed_normalised() {
        assert_eq!(next("/issues/3"), "/issues/3");
        assert_eq!(
            next("/communes/sefrou?q=x&status=open"),
            "/communes/sefrou?q=x&status=open"
        );
        assert_eq!(next("/petitions/2#sign"), "/petitions/2", "no fragment");
        assert_eq!(
            next("https://tawasol.example/me"),
            "/me",
            "our own origin, absolute"
        );
        assert_eq!(next("/a/../me"), "/me");
        assert_eq!(
            next("/%09/x"),
            "/%09/x",
            "an encoded tab stays encoded: a path"
        );
        assert_eq!(next("/شارع"), "/%D8%B4%D8%A7%D8%B1%D8%B9");
        assert_eq!(next("/a b"), "/a%20b");
        // A browser reads a same-scheme address without slashes as a path of this site.
        assert_eq!(next("https:evil.example"), "/evil.example");
        assert_eq!(safe_next(SITE, None), "/");
    }

    #[test]
    fn anything_that_a_browser_would_take_elsewhere_goes_home() {
        for hostile in [
            "//evil.example/x",
            "/\t/evil.example/phish",
            "/\n/evil.example/phish",
            "/\r\n/evil.example",
            "\t//evil.example",
            " //evil.example",
            "\\\\evil.example",
            "/\\evil.example",
            "\\/evil.example",
            "/\\/evil.example",
            "/..//evil.example",
            "/./..//evil.example",
            "https://evil.example",
            "http://tawasol.example/me",
            "https://tawasol.example:8443/me",
            "https:/\\evil.example",
            "javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "//tawasol.example@evil.example",
            "https://tawasol.example@evil.example/",
            &format!("/{}", "a".repeat(MAX_NEXT)),
        ] {
            assert_eq!(next(hostile), "/", "{hostile:?}");
        }
    }

    #[test]
    fn whatever_comes_out_stays_on_the_site_and_is_a_plain_header_value() {
        let inputs = [
            "/issues/3",
            "/%0a/x",
            "/\n/x",
            "/x\r\nSet-Cookie: a=b",
            "/\u{0}x",
            "/?next=//evil",
            "/..%2f..%2fevil",
            "/%2F%2Fevil.example",
            "/%5C%5Cevil.example",
            "x",
            "",
            "?q=1",
            "/a?b=\u{7f}",
            "/\u{202e}x",
        ];
        for input in inputs {
            let out = next(input);
            assert!(
                out.starts_with('/') && !out.starts_with("//"),
                "{input:?} → {out}"
            );
            assert!(
                out.bytes().all(|b| b.is_ascii_graphic()),
                "{input:?} → {out:?}: only printable ASCII"
            );
            let went = followed(&out);
            assert_eq!(
                went.host_str(),
                Some("tawasol.example"),
                "{input:?} → {out}"
            );
            assert_eq!(next(&out), out, "normalising twice changes nothing");
        }
    }
}
