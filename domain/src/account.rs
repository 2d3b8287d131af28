//! Accounts: what a person types when signing up, checked once.

use serde::Serialize;

/// A password: 10 to 128 characters, no composition rules (NIST SP 800-63B).
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(..)")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum InvalidPassword {
    #[error("a password needs at least 10 characters")]
    TooShort,
    #[error("a password has at most 128 characters")]
    TooLong,
}

impl Password {
    pub const MIN: usize = 10;
    pub const MAX: usize = 128;

    pub fn parse(value: &str) -> Result<Password, InvalidPassword> {
        let n = value.chars().count();
        if n < Password::MIN {
            Err(InvalidPassword::TooShort)
        } else if n > Password::MAX {
            Err(InvalidPassword::TooLong)
        } else {
            Ok(Password(value.to_owned()))
        }
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// The name shown on a person's public contributions: 1 to 80 characters, trimmed, without
/// control characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct DisplayName(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a display name has 1 to 80 characters and no control characters")]
pub struct InvalidDisplayName;

impl DisplayName {
    pub fn parse(value: &str) -> Result<DisplayName, InvalidDisplayName> {
        let v = value.trim();
        let n = v.chars().count();
        if n == 0 || n > 80 || v.chars().any(char::is_control) {
            return Err(InvalidDisplayName);
        }
        Ok(DisplayName(v.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A public title of an official, shown on their answers ("Vice-president in charge of roads").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct OfficialTitle(String);

impl OfficialTitle {
    pub fn parse(value: &str) -> Result<OfficialTitle, InvalidDisplayName> {
        let v = value.trim();
        let n = v.chars().count();
        if n == 0 || n > 120 || v.chars().any(char::is_control) {
            return Err(InvalidDisplayName);
        }
        Ok(OfficialTitle(v.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_10_to_128_characters_of_anything() {
        assert_eq!(Password::parse("short"), Err(InvalidPassword::TooShort));
        assert!(Password::parse("tenchars!!").is_ok());
        // Characters, not bytes: ten Arabic letters are enough.
        assert!(Password::parse("كلمةسرطويل").is_ok());
        assert_eq!(
            Password::parse(&"x".repeat(129)),
            Err(InvalidPassword::TooLong)
        );
        assert!(!format!("{:?}", Password::parse("secret-password").unwrap()).contains("secret"));
    }

    #[test]
    fn display_names_are_trimmed_and_bounded() {
        assert_eq!(DisplayName::parse("  أمينة ").unwrap().as_str(), "أمينة");
        assert!(DisplayName::parse("   ").is_err());
        assert!(DisplayName::parse("a\u{0}b").is_err());
        assert!(DisplayName::parse(&"ⵜ".repeat(81)).is_err());
    }
}
