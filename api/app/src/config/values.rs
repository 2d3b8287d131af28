//! How a setting's text is read: switches, bounded numbers, TOML keys and files, the host of an
//! address and the domain of a mail address.

use super::errors::{ConfigError, bad};
use std::path::Path;

pub(super) fn parse_switch(setting: &str, value: &str) -> Result<bool, ConfigError> {
    match value {
        "on" | "true" => Ok(true),
        "off" | "false" => Ok(false),
        other => Err(bad(setting, format!("{other:?} is neither on nor off"))),
    }
}

/// The keys a TOML file may use for a variable: its name in lower case (`tawasol_listen`,
/// `database_url`) or, shorter, without the `tawasol_` prefix (`listen`).
pub(super) fn toml_keys(var: &str) -> [String; 2] {
    let lower = var.to_ascii_lowercase();
    let short = lower.strip_prefix("tawasol_").unwrap_or(&lower).to_owned();
    [lower, short]
}

pub(super) fn parse_number(
    setting: &str,
    value: &str,
    min: usize,
    max: usize,
) -> Result<usize, ConfigError> {
    value
        .parse::<usize>()
        .ok()
        .filter(|n| (min..=max).contains(n))
        .ok_or_else(|| {
            bad(
                setting,
                format!("{value:?} is not a whole number from {min} to {max}"),
            )
        })
}

pub(super) fn read_toml(path: &Path, setting: &str) -> Result<toml::Table, ConfigError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| bad(setting, format!("cannot read {}: {e}", path.display())))?;
    text.parse::<toml::Table>().map_err(|e| {
        let first = e.to_string().lines().next().unwrap_or_default().to_owned();
        bad(
            setting,
            format!("{} is not valid TOML: {first}", path.display()),
        )
    })
}

/// The host of an `http://` or `https://` address (without port, user or brackets), or `None`
/// when the address is not one.
pub(super) fn url_host(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    if rest.contains(char::is_whitespace) {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = match host_port.strip_prefix('[') {
        Some(v6) => v6.split_once(']')?.0,
        None => host_port.split(':').next().unwrap_or_default(),
    };
    (!host.is_empty()).then_some(host)
}

/// `localhost`, or an address in 127.0.0.0/8 or `::1`: a host whose traffic never leaves the
/// machine.
pub(super) fn is_loopback_host(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// The domain of a mail address, with or without a display name (`Tawasol <a@b.ma>`).
pub(super) fn mail_domain(address: &str) -> Option<&str> {
    let inner = address
        .rsplit_once('<')
        .map_or(address, |(_, rest)| rest.trim_end_matches('>'));
    inner
        .rsplit_once('@')
        .map(|(_, domain)| domain.trim().trim_end_matches('.'))
}
