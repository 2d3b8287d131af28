//! The three languages Tawasol speaks, and how a reader's language is chosen.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A language a person reads Tawasol in.
///
/// `zgh` is Standard Moroccan Tamazight written in Tifinagh (never `ber` or `tzm`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    Ar,
    Fr,
    Zgh,
}

/// Text direction of a script, for `dir=` attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language {0:?}: expected ar, fr or zgh")]
pub struct UnknownLocale(pub String);

impl Locale {
    /// Arabic is the default: the first official language and the one most residents read.
    pub const DEFAULT: Locale = Locale::Ar;
    pub const ALL: [Locale; 3] = [Locale::Ar, Locale::Fr, Locale::Zgh];

    pub fn as_str(self) -> &'static str {
        match self {
            Locale::Ar => "ar",
            Locale::Fr => "fr",
            Locale::Zgh => "zgh",
        }
    }

    pub fn direction(self) -> Direction {
        match self {
            Locale::Ar => Direction::Rtl,
            Locale::Fr | Locale::Zgh => Direction::Ltr,
        }
    }

    /// Parses one of the three codes exactly (`ar`, `fr`, `zgh`, any case), as used in `?lang=`.
    pub fn parse(code: &str) -> Result<Locale, UnknownLocale> {
        match code.trim().to_ascii_lowercase().as_str() {
            "ar" => Ok(Locale::Ar),
            "fr" => Ok(Locale::Fr),
            "zgh" => Ok(Locale::Zgh),
            _ => Err(UnknownLocale(code.to_owned())),
        }
    }

    /// Maps a BCP 47 tag (`ar-MA`, `fr-FR`, `zgh-Tfng-MA`) to a locale by its primary subtag.
    pub fn from_language_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next()?;
        Locale::parse(primary).ok()
    }

    /// Chooses the best of our locales from an `Accept-Language` header value (RFC 9110 §12.5.4):
    /// the highest quality wins, ties go to the earlier entry, `q=0` excludes, `*` means any
    /// (answered with `None` so that the caller's next fallback applies).
    pub fn negotiate(accept_language: &str) -> Option<Locale> {
        let mut best: Option<(u16, Locale)> = None;
        for entry in accept_language.split(',') {
            let mut parts = entry.split(';');
            let tag = parts.next().unwrap_or("").trim();
            let quality = parts
                .find_map(|p| p.trim().strip_prefix("q=").map(parse_quality))
                .unwrap_or(Some(1000));
            let Some(quality) = quality else { continue };
            if quality == 0 {
                continue;
            }
            let Some(locale) = Locale::from_language_tag(tag) else {
                continue;
            };
            if best.is_none_or(|(q, _)| quality > q) {
                best = Some((quality, locale));
            }
        }
        best.map(|(_, l)| l)
    }
}

/// Parses an HTTP quality value (`0`, `0.5`, `1.000`) into thousandths.
fn parse_quality(value: &str) -> Option<u16> {
    let value = value.trim();
    let (int, frac) = value.split_once('.').unwrap_or((value, ""));
    if frac.len() > 3 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let whole: u16 = match int {
        "0" => 0,
        "1" => 1000,
        _ => return None,
    };
    let mut thousandths = 0u16;
    for (i, b) in frac.bytes().enumerate() {
        thousandths += u16::from(b - b'0') * [100, 10, 1][i];
    }
    let q = whole + thousandths;
    (q <= 1000).then_some(q)
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Locale {
    type Err = UnknownLocale;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Locale::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_three_codes_and_nothing_else() {
        assert_eq!(Locale::parse("ar"), Ok(Locale::Ar));
        assert_eq!(Locale::parse("FR"), Ok(Locale::Fr));
        assert_eq!(Locale::parse("zgh"), Ok(Locale::Zgh));
        for bad in ["", "en", "ber", "tzm", "ar-MA", "zg"] {
            assert!(Locale::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn language_tags_match_on_primary_subtag() {
        assert_eq!(Locale::from_language_tag("ar-MA"), Some(Locale::Ar));
        assert_eq!(Locale::from_language_tag("zgh-Tfng-MA"), Some(Locale::Zgh));
        assert_eq!(Locale::from_language_tag("fr_FR"), Some(Locale::Fr));
        assert_eq!(Locale::from_language_tag("en-GB"), None);
    }

    #[test]
    fn negotiation_follows_quality_then_order() {
        assert_eq!(
            Locale::negotiate("fr-FR,fr;q=0.9,ar;q=0.8"),
            Some(Locale::Fr)
        );
        assert_eq!(
            Locale::negotiate("en-US,en;q=0.9,ar;q=0.5"),
            Some(Locale::Ar)
        );
        assert_eq!(Locale::negotiate("ar;q=0.4, zgh;q=0.7"), Some(Locale::Zgh));
        assert_eq!(Locale::negotiate("fr, ar"), Some(Locale::Fr));
        assert_eq!(Locale::negotiate("fr;q=0, ar;q=0.1"), Some(Locale::Ar));
        assert_eq!(Locale::negotiate("en, *;q=0.5"), None);
        assert_eq!(Locale::negotiate(""), None);
        assert_eq!(Locale::negotiate("fr;q=abc, zgh"), Some(Locale::Zgh));
        assert_eq!(Locale::negotiate("fr;q=1.5"), None);
    }

    #[test]
    fn arabic_reads_right_to_left() {
        assert_eq!(Locale::Ar.direction(), Direction::Rtl);
        assert_eq!(Locale::Zgh.direction(), Direction::Ltr);
        assert_eq!(Locale::Fr.direction(), Direction::Ltr);
    }
}
