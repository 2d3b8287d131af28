//! E-mail addresses.

use std::fmt;

/// A mail address as people type it: `local@domain`, at most 254 characters, no spaces or
/// control characters, a domain of dot-separated labels. Stored and compared in lower case.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EmailAddress(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not an e-mail address")]
pub struct InvalidEmail;

impl EmailAddress {
    pub fn parse(value: &str) -> Result<EmailAddress, InvalidEmail> {
        let value = value.trim();
        let (local, domain) = value.rsplit_once('@').ok_or(InvalidEmail)?;
        let clean =
            |s: &str| !s.is_empty() && !s.chars().any(|c| c.is_whitespace() || c.is_control());
        let domain_ok = domain.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
        }) && !domain
            .contains(['@', '(', ')', '<', '>', ',', ';', ':', '"', '[', ']', '\\']);
        if value.len() > 254
            || local.len() > 64
            || !clean(local)
            || !clean(domain)
            || !domain_ok
            || local.contains(['@', '<', '>', '(', ')', ',', ';', ':', '\\', '"', '[', ']'])
        {
            return Err(InvalidEmail);
        }
        Ok(EmailAddress(value.to_lowercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn domain(&self) -> &str {
        self.0.rsplit_once('@').map_or("", |(_, d)| d)
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_addresses_parse_and_are_lower_cased() {
        let a = EmailAddress::parse(" Amina.B+tawasol@Example.MA ").unwrap();
        assert_eq!(a.as_str(), "amina.b+tawasol@example.ma");
        assert_eq!(a.domain(), "example.ma");
        assert!(EmailAddress::parse("official@localhost").is_ok());
    }

    #[test]
    fn anything_else_is_refused() {
        for bad in [
            "",
            "no-at-sign",
            "@example.ma",
            "a@",
            "a b@example.ma",
            "a@exa mple.ma",
            "a@.ma",
            "a@ma.",
            "<a@b.ma>",
            "a@b.ma\r\nBcc: x@y.ma",
            "a@-b.ma",
        ] {
            assert!(EmailAddress::parse(bad).is_err(), "{bad:?}");
        }
        assert!(EmailAddress::parse(&format!("{}@example.ma", "a".repeat(65))).is_err());
    }
}
