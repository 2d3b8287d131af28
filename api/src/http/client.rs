//! Who the client is, for throttles and the audit: the TCP peer, unless that peer is one of the
//! reverse proxies named in `TAWASOL_TRUSTED_PROXIES`, in which case the address that proxy
//! says it received the request from (`Forwarded`, else `X-Forwarded-For`). Nobody else's
//! forwarding headers are believed: a client cannot choose its own address.

use actix_web::HttpRequest;
use actix_web::http::header::HeaderMap;
use std::net::IpAddr;
use tawasol_app::client::canonical;
pub use tawasol_app::client::{ClientAddr, TrustedProxies};

/// The client of this request as throttles count it ([`ClientAddr::throttle_key`]), as the
/// middleware found it.
pub fn throttle_key(req: &HttpRequest) -> Option<String> {
    use actix_web::HttpMessage;
    req.extensions()
        .get::<ClientAddr>()
        .map(ClientAddr::throttle_key)
}

/// The client of `req`: the TCP peer, or, while the hop is a trusted proxy, the address it
/// forwarded for (the nearest hop first). An unreadable forwarded value stops the walk at the
/// proxy that wrote it.
pub fn client_addr(req: &HttpRequest, trusted: &TrustedProxies) -> Option<ClientAddr> {
    let peer = canonical(req.peer_addr()?.ip());
    Some(ClientAddr(resolve(peer, req.headers(), trusted)))
}

fn resolve(peer: IpAddr, headers: &HeaderMap, trusted: &TrustedProxies) -> IpAddr {
    if trusted.is_empty() || !trusted.contains(peer) {
        return peer;
    }
    let hops = forwarded_for(headers);
    let mut client = peer;
    for hop in hops.iter().rev() {
        let Some(ip) = hop else {
            return client;
        };
        client = canonical(*ip);
        if !trusted.contains(client) {
            return client;
        }
    }
    client
}

/// The `for=` addresses of `Forwarded` (RFC 7239) when present, else of `X-Forwarded-For`, in
/// order (client first); `None` for a value that is not an address (`unknown`, obfuscated).
fn forwarded_for(headers: &HeaderMap) -> Vec<Option<IpAddr>> {
    let forwarded: Vec<&str> = headers
        .get_all("forwarded")
        .filter_map(|v| v.to_str().ok())
        .collect();
    if !forwarded.is_empty() {
        return forwarded
            .iter()
            .flat_map(|v| v.split(','))
            .map(|element| {
                element
                    .split(';')
                    .filter_map(|pair| pair.split_once('='))
                    .find(|(k, _)| k.trim().eq_ignore_ascii_case("for"))
                    .and_then(|(_, v)| node_address(v.trim()))
            })
            .collect();
    }
    headers
        .get_all("x-forwarded-for")
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|v| node_address(v.trim()))
        .collect()
}

/// `192.0.2.43`, `"192.0.2.43:47011"`, `"[2001:db8::1]:4711"`, `2001:db8::1`.
fn node_address(value: &str) -> Option<IpAddr> {
    let v = value.trim_matches('"');
    if let Ok(ip) = v.parse::<IpAddr>() {
        return Some(ip);
    }
    if let Some(rest) = v.strip_prefix('[') {
        return rest.split(']').next()?.parse().ok();
    }
    let (host, port) = v.rsplit_once(':')?;
    port.parse::<u16>().ok()?;
    host.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::http::header::{HeaderName, HeaderValue};

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(
                HeaderName::from_bytes(k.as_bytes()).unwrap(),
                HeaderValue::from_str(v).unwrap(),
            );
        }
        h
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn only_trusted_proxies_are_believed() {
        let trusted = TrustedProxies::parse("10.0.0.0/8, 192.168.1.1").unwrap();
        let spoofed = headers(&[("x-forwarded-for", "1.2.3.4")]);
        // A client that is not a proxy cannot choose its address.
        assert_eq!(
            resolve(ip("203.0.113.9"), &spoofed, &trusted),
            ip("203.0.113.9")
        );
        // Behind the proxy, the address it saw; a spoofed value to its left is not believed.
        let chain = headers(&[("x-forwarded-for", "1.2.3.4, 198.51.100.7")]);
        assert_eq!(
            resolve(ip("10.1.2.3"), &chain, &trusted),
            ip("198.51.100.7")
        );
        // Two trusted hops.
        let two = headers(&[("x-forwarded-for", "198.51.100.7, 192.168.1.1")]);
        assert_eq!(resolve(ip("10.1.2.3"), &two, &trusted), ip("198.51.100.7"));
        // Forwarded wins over X-Forwarded-For, with ports and IPv6 brackets.
        let fwd = headers(&[
            ("forwarded", "for=\"[2001:db8::17]:4711\";proto=https"),
            ("x-forwarded-for", "5.6.7.8"),
        ]);
        assert_eq!(resolve(ip("10.0.0.1"), &fwd, &trusted), ip("2001:db8::17"));
        // Unreadable: the proxy itself is the client.
        let unknown = headers(&[("forwarded", "for=unknown")]);
        assert_eq!(resolve(ip("10.0.0.1"), &unknown, &trusted), ip("10.0.0.1"));
        // Without trusted proxies, nothing is believed.
        let none = TrustedProxies::default();
        assert_eq!(resolve(ip("10.1.2.3"), &chain, &none), ip("10.1.2.3"));
        assert!(TrustedProxies::parse("10.0.0.0/33").is_err());
        assert!(TrustedProxies::parse("proxy.local").is_err());
    }
}
