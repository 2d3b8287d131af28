//! Who the client is, as throttles and the audit count it: an address (IPv4) or a /64 (IPv6),
//! and the reverse proxies (`TAWASOL_TRUSTED_PROXIES`) whose word on it is believed. Reading it
//! from a request is the HTTP surfaces' business (`tawasol_api::client`).

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
pub fn canonical(ip: IpAddr) -> IpAddr {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
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
