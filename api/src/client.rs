//! Who the client is, for throttles and the audit: the TCP peer, unless that peer is one of the
//! reverse proxies named in `TAWASOL_TRUSTED_PROXIES`, in which case the address that proxy
//! says it received the request from (`Forwarded`, else `X-Forwarded-For`). Nobody else's
//! forwarding headers are believed: a client cannot choose its own address.

use actix_web::HttpRequest;
use actix_web::http::header::HeaderMap;
use ipnet::IpNet;
use std::net::IpAddr;

/// The proxies whose forwarding headers are believed (addresses or networks).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    /// A comma-separated list of addresses (`10.0.0.5`) or networks (`10.0.0.0/8`, `fd00::/8`);
    /// empty: none. The error names the entry that is neither.
    pub fn parse(list: &str) -> Result<TrustedProxies, String> {
        let mut nets = Vec::new();
        for entry in list.split(',').map(str::trim).filter(|e| !e.is_empty()) {
            let net = entry
                .parse::<IpNet>()
                .or_else(|_| entry.parse::<IpAddr>().map(IpNet::from))
                .map_err(|_| format!("{entry:?} is neither an IP address nor a network"))?;
            nets.push(net);
        }
        Ok(TrustedProxies(nets))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = canonical(ip);
        self.0.iter().any(|n| n.contains(&ip))
    }
}

/// An IPv4 address mapped into IPv6 is the IPv4 address.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

/// The client's address, as the middleware found it for this request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddr(pub IpAddr);

impl ClientAddr {
    /// What throttles count by: the address for IPv4; for IPv6 its /64, the block one home or
    /// one machine usually holds (counting single IPv6 addresses would let anyone have billions).
    pub fn throttle_key(&self) -> String {
        match self.0 {
            IpAddr::V4(v4) => v4.to_string(),
            IpAddr::V6(v6) => ipnet::Ipv6Net::new(v6, 64)
                .map(|n| n.trunc())
                .map_or_else(|_| v6.to_string(), |n| n.to_string()),
        }
    }
}

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

    #[test]
    fn ipv6_clients_are_counted_by_their_64() {
        let a = ClientAddr(ip("2001:db8:1:2:aaaa::1")).throttle_key();
        let b = ClientAddr(ip("2001:db8:1:2:bbbb::9")).throttle_key();
        assert_eq!(a, b);
        assert_eq!(a, "2001:db8:1:2::/64");
        assert_eq!(ClientAddr(ip("127.0.0.2")).throttle_key(), "127.0.0.2");
    }
}
