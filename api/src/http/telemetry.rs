//! Logs through `tracing`: readable lines by default, one JSON object per line with
//! `TAWASOL_LOG_FORMAT=json`. The filter comes from `TAWASOL_LOG` (`info` by default).

use crate::config::{LogFormat, Settings};
use std::io::IsTerminal;
use tracing_subscriber::EnvFilter;

/// Installs the global subscriber. Does nothing if one is already installed (tests).
pub fn init(settings: &Settings) {
    let filter =
        EnvFilter::try_new(&settings.log_filter).unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let _ = match settings.log_format {
        LogFormat::Text => builder
            .with_target(false)
            .with_ansi(std::io::stderr().is_terminal())
            .try_init(),
        LogFormat::Json => builder
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .with_span_list(false)
            .try_init(),
    };
}

/// Secret addresses: their segment after the prefix is a bearer secret.
const SECRET_PREFIXES: [&str; 2] = ["/feeds/me/", "/feedback/"];

/// The request's path as it may be written to a log line or a span: the secret segment of a
/// personal feed address (`/feeds/me/{token}.atom`, and the feedback links to come) and any
/// segment that looks like a token (32 or more URL-safe base64 characters) are replaced with
/// `[redacted]`. The path is read percent-decoded, as the router reads it, so that an encoded
/// spelling of a secret address is redacted too. The query string is never logged.
pub fn loggable_path(path: &str) -> String {
    let decoded = percent_decode(path);
    let (prefix, rest) = SECRET_PREFIXES
        .iter()
        .find_map(|p| decoded.strip_prefix(p).map(|rest| (*p, rest)))
        .map_or(("", decoded.as_str()), |(p, rest)| (p, rest));
    let mut out = String::with_capacity(decoded.len());
    out.push_str(prefix);
    for (i, segment) in rest.split('/').enumerate() {
        if i > 0 {
            out.push('/');
        }
        let secret =
            (!prefix.is_empty() && i == 0 && !segment.is_empty()) || looks_like_token(segment);
        if secret {
            out.push_str("[redacted]");
            if let Some((_, ext)) = segment.rsplit_once('.')
                && ext.len() <= 5
                && ext.bytes().all(|b| b.is_ascii_alphanumeric())
            {
                out.push('.');
                out.push_str(ext);
            }
        } else {
            out.push_str(segment);
        }
    }
    out
}

fn looks_like_token(segment: &str) -> bool {
    let stem = segment.split('.').next().unwrap_or(segment);
    stem.len() >= 32
        && stem
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// `%XX` decoded (invalid sequences kept as they are), lossy UTF-8.
fn percent_decode(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            #[allow(clippy::cast_possible_truncation)]
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::loggable_path;

    const TOKEN: &str = "Zr3k0n7Jb2m5QyXwLp9sT1uVhA8cD4eF6gH0iJ2kL3m";

    #[test]
    fn secret_segments_never_reach_a_log_line() {
        assert_eq!(
            loggable_path(&format!("/feeds/me/{TOKEN}.atom")),
            "/feeds/me/[redacted].atom"
        );
        assert_eq!(
            loggable_path("/feeds/me/short.atom"),
            "/feeds/me/[redacted].atom"
        );
        // Encoded spellings that the router would still match.
        let encoded = format!("/feeds/%6De/{TOKEN}.atom");
        assert_eq!(loggable_path(&encoded), "/feeds/me/[redacted].atom");
        let encoded = format!("/feeds/me/{}%2Eatom", &TOKEN);
        assert!(!loggable_path(&encoded).contains(TOKEN));
        // Any token-like segment, whatever the route.
        assert_eq!(
            loggable_path(&format!("/somewhere/{TOKEN}")),
            "/somewhere/[redacted]"
        );
        // Ordinary addresses are kept.
        for p in [
            "/",
            "/communes/tangier",
            "/issues/42",
            "/feeds/communes/tangier/public_lighting.atom",
            "/api/v1/issues",
        ] {
            assert_eq!(loggable_path(p), p);
        }
    }

    #[test]
    fn a_log_line_written_through_tracing_carries_no_token() {
        use std::io::Write;
        use std::sync::{Arc, Mutex};
        #[derive(Clone, Default)]
        struct Buffer(Arc<Mutex<Vec<u8>>>);
        impl Write for Buffer {
            fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
                self.0.lock().unwrap().extend_from_slice(b);
                Ok(b.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let buffer = Buffer::default();
        let writer = buffer.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(move || writer.clone())
            .with_ansi(false)
            .finish();
        tracing::subscriber::with_default(subscriber, || {
            let span = tracing::info_span!(
                "request",
                path = %loggable_path(&format!("/feeds/me/{TOKEN}.atom"))
            );
            tracing::info!(parent: &span, status = 200, "served");
        });
        let logged = String::from_utf8(buffer.0.lock().unwrap().clone()).unwrap();
        assert!(logged.contains("/feeds/me/[redacted].atom"), "{logged}");
        assert!(!logged.contains(TOKEN), "{logged}");
    }
}
