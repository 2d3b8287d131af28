//! Service categories: what a resident reports about, and who answers it.

use crate::text::LocalizedText;
use serde::Serialize;
use std::fmt;

/// A category's stable code, shared by every commune and used as the Open311 `service_code`:
/// lower-case ASCII letters, digits and underscores, 2 to 40 characters, e.g. `public_lighting`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct CategoryCode(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{0:?} is not a valid category code: use 2 to 40 lower-case letters, digits and underscores"
)]
pub struct InvalidCategoryCode(pub String);

impl CategoryCode {
    pub fn parse(value: &str) -> Result<CategoryCode, InvalidCategoryCode> {
        let ok = (2..=40).contains(&value.len())
            && value.as_bytes()[0].is_ascii_lowercase()
            && value
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if ok {
            Ok(CategoryCode(value.to_owned()))
        } else {
            Err(InvalidCategoryCode(value.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CategoryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Days within which a first official answer is expected for a category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct AnswerTargetDays(u16);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the answer target must be between 1 and 365 days")]
pub struct InvalidAnswerTarget;

impl AnswerTargetDays {
    pub const DEFAULT: AnswerTargetDays = AnswerTargetDays(7);

    pub fn parse(days: i64) -> Result<AnswerTargetDays, InvalidAnswerTarget> {
        u16::try_from(days)
            .ok()
            .filter(|d| (1..=365).contains(d))
            .map(AnswerTargetDays)
            .ok_or(InvalidAnswerTarget)
    }

    pub fn get(self) -> u16 {
        self.0
    }
}

impl Default for AnswerTargetDays {
    fn default() -> Self {
        AnswerTargetDays::DEFAULT
    }
}

/// A category as one commune runs it: its names, the department that answers, its target.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Category {
    pub code: CategoryCode,
    pub names: LocalizedText,
    pub department: LocalizedText,
    pub answer_target_days: AnswerTargetDays,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_snake_case_ascii() {
        assert!(CategoryCode::parse("public_lighting").is_ok());
        assert!(CategoryCode::parse("other").is_ok());
        for bad in ["", "x", "Public", "1abc", "roads-sidewalks", "إنارة", "a b"] {
            assert!(CategoryCode::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn answer_target_defaults_to_a_week_and_stays_within_a_year() {
        assert_eq!(AnswerTargetDays::default().get(), 7);
        assert!(AnswerTargetDays::parse(0).is_err());
        assert!(AnswerTargetDays::parse(366).is_err());
        assert_eq!(AnswerTargetDays::parse(30).unwrap().get(), 30);
    }
}
