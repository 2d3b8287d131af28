//! Text that exists in all three languages.

use crate::locale::Locale;
use serde::Serialize;

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
