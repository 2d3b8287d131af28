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

use crate::text::{InvalidText, Layout, free_text};

/// The name shown on a person's public contributions: 1 to 80 characters, trimmed, one line,
/// without bidirectional controls ([`Layout::Name`]), and without a phone number, an e-mail
/// address or an ID number: a name is public at once and cannot be held for a moderator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct DisplayName(String);

impl DisplayName {
    pub fn parse(value: &str) -> Result<DisplayName, InvalidText> {
        let v = free_text(value, 1, 80, Layout::Name)?;
        if crate::personal::contains_personal_data(&v) {
            return Err(InvalidText::PersonalData);
        }
        Ok(DisplayName(v))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

crate::text_type!(
    /// An organisation's name as in its statutes: 1 to 200 characters, a name's layout.
    OrganisationName, 1, 200, Layout::Name
);
crate::text_type!(
    /// What an organisation is for: 1 to 2,000 characters.
    OrganisationPurpose, 1, 2000, Layout::Lines
);
crate::text_type!(
    /// The name an admin gives an API key ("Sefrou's 311 kiosk"): one line.
    ApiKeyName, 1, 120, Layout::Line
);
crate::text_type!(
    /// A commune's name in one language: 1 to 120 characters, a name's layout.
    CommuneName, 1, 120, Layout::Name
);

crate::text_type!(
    /// A public title of an official, shown on their answers ("Vice-president in charge of
    /// roads"): 1 to 120 characters, a name's layout.
    OfficialTitle, 1, 120, Layout::Name
);

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
        assert_eq!(
            DisplayName::parse("Admin\u{202E}nimdA"),
            Err(InvalidText::BidiControls)
        );
        for name in ["Ali 0612345678", "ali@example.ma", "Ali AB123456"] {
            assert_eq!(
                DisplayName::parse(name),
                Err(InvalidText::PersonalData),
                "{name}"
            );
        }
    }
}
