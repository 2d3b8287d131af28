//! Text: the one rule every stored free text follows, and text that exists in all three
//! languages.

use crate::locale::Locale;
use serde::Serialize;

/// How a stored text may be laid out. Every field that stores text a person typed goes through
/// [`free_text`] with one of these, so that one rule holds everywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One line (titles, addresses, short reasons): no control character at all.
    Line,
    /// Several lines (descriptions, replies, notes): newline and tab allowed; a carriage return,
    /// alone or before a newline (what browsers send from a textarea), becomes a newline.
    Lines,
    /// The name of a person or a body, shown beside their words: one line, and no bidirectional
    /// embedding, override or isolate (U+202A–U+202E, U+2066–U+2069), which could make a name
    /// read as something else ("Official" spelt backwards, a fake title).
    Name,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum InvalidText {
    #[error("too short")]
    TooShort,
    #[error("too long")]
    TooLong,
    #[error("contains control characters")]
    ControlCharacters,
    #[error("contains bidirectional control characters")]
    BidiControls,
    #[error("contains a phone number, an e-mail address or an ID number")]
    PersonalData,
}

/// Whether `c` embeds, overrides or isolates a direction (U+202A–U+202E, U+2066–U+2069).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The text trimmed, with `min` to `max` characters, laid out as `layout` allows; else why not.
/// This is the one rule for every stored free text: control characters (NUL included) are
/// refused, except newline and tab where several lines are allowed.
pub fn free_text(
    value: &str,
    min: usize,
    max: usize,
    layout: Layout,
) -> Result<String, InvalidText> {
    let normalised;
    let value = if layout == Layout::Lines && value.contains('\r') {
        normalised = value.replace("\r\n", "\n").replace('\r', "\n");
        normalised.as_str()
    } else {
        value
    };
    let v = value.trim();
    let n = v.chars().count();
    if n < min {
        return Err(InvalidText::TooShort);
    }
    if n > max {
        return Err(InvalidText::TooLong);
    }
    let allowed = |c: char| layout == Layout::Lines && (c == '\n' || c == '\t');
    if v.chars().any(|c| c.is_control() && !allowed(c)) {
        return Err(InvalidText::ControlCharacters);
    }
    if layout == Layout::Name && v.chars().any(is_bidi_control) {
        return Err(InvalidText::BidiControls);
    }
    Ok(v.to_owned())
}

/// An optional field: blank (after trimming) is `None`, anything else follows [`free_text`].
pub fn optional_text(
    value: Option<&str>,
    max: usize,
    layout: Layout,
) -> Result<Option<String>, InvalidText> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => free_text(v, 1, max, layout).map(Some),
    }
}

/// The text, unless it seems to hold personal data ([`crate::personal::contains_personal_data`]):
/// for public text that cannot be held for a moderator (names, petitions, status notes).
pub fn without_personal_data<T: AsRef<str>>(value: T) -> Result<T, InvalidText> {
    if crate::personal::contains_personal_data(value.as_ref()) {
        Err(InvalidText::PersonalData)
    } else {
        Ok(value)
    }
}

/// Declares a text type that can only hold what [`free_text`] accepts for its bounds and layout.
#[macro_export]
macro_rules! text_type {
    ($(#[$doc:meta])* $name:ident, $min:expr, $max:expr, $layout:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl $name {
            pub const MAX: usize = $max;

            pub fn parse(value: &str) -> Result<$name, $crate::text::InvalidText> {
                $crate::text::free_text(value, $min, $max, $layout).map($name)
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }

            pub fn into_inner(self) -> String {
                self.0
            }
        }
    };
}

/// A name or label in Arabic, French and Tamazight (Tifinagh). None of the three may be blank.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LocalizedText {
    pub ar: String,
    pub fr: String,
    pub zgh: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the {0} text is empty")]
pub struct MissingTranslation(pub Locale);

impl LocalizedText {
    pub fn parse(
        ar: impl Into<String>,
        fr: impl Into<String>,
        zgh: impl Into<String>,
    ) -> Result<LocalizedText, MissingTranslation> {
        let text = LocalizedText {
            ar: ar.into().trim().to_owned(),
            fr: fr.into().trim().to_owned(),
            zgh: zgh.into().trim().to_owned(),
        };
        for locale in Locale::ALL {
            if text.get(locale).is_empty() {
                return Err(MissingTranslation(locale));
            }
        }
        Ok(text)
    }

    pub fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::Ar => &self.ar,
            Locale::Fr => &self.fr,
            Locale::Zgh => &self.zgh,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_rule_for_every_stored_text() {
        assert_eq!(
            free_text("  حفرة  ", 1, 10, Layout::Line),
            Ok("حفرة".into())
        );
        for bad in ["a\u{0}b", "a\u{7}b", "a\tb", "a\nb", "a\u{85}b", "a\u{7f}b"] {
            assert_eq!(
                free_text(bad, 1, 10, Layout::Line),
                Err(InvalidText::ControlCharacters),
                "{bad:?}"
            );
        }
        assert_eq!(
            free_text("one\r\ntwo\rthree\tfour", 1, 40, Layout::Lines),
            Ok("one\ntwo\nthree\tfour".into())
        );
        assert_eq!(
            free_text("a\u{0}b", 1, 10, Layout::Lines),
            Err(InvalidText::ControlCharacters)
        );
        assert_eq!(
            free_text("x", 2, 10, Layout::Lines),
            Err(InvalidText::TooShort)
        );
        assert_eq!(
            free_text(&"ⵜ".repeat(11), 1, 10, Layout::Lines),
            Err(InvalidText::TooLong)
        );
        // Arabic and its direction marks are text; overrides and isolates are refused in names.
        assert!(free_text("أمينة\u{200F}", 1, 10, Layout::Name).is_ok());
        for c in ['\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}'] {
            let name = format!("Ali{c}laiciffO");
            assert_eq!(
                free_text(&name, 1, 20, Layout::Name),
                Err(InvalidText::BidiControls)
            );
            assert!(free_text(&name, 1, 20, Layout::Line).is_ok());
        }
        assert_eq!(optional_text(Some("   "), 10, Layout::Line), Ok(None));
        assert_eq!(optional_text(None, 10, Layout::Line), Ok(None));
        assert!(optional_text(Some("a\u{0}"), 10, Layout::Line).is_err());
    }

    #[test]
    fn every_language_is_required() {
        let t = LocalizedText::parse(" صفرو ", "Sefrou", "ⵚⴼⵕⵓ").unwrap();
        assert_eq!(t.get(Locale::Ar), "صفرو");
        assert_eq!(t.get(Locale::Zgh), "ⵚⴼⵕⵓ");
        assert_eq!(
            LocalizedText::parse("صفرو", "Sefrou", "  "),
            Err(MissingTranslation(Locale::Zgh))
        );
    }
}
