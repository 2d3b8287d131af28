//! Text columns read as domain values. The columns stay text on both backends (with their CHECK
//! constraints); rows carry the domain's types, parsed here once as they are read. A value the
//! domain does not know fails the read with [`crate::PersistenceError::Corrupt`] naming the column and
//! the value: never a panic, and never a string for the layers above to compare.
//!
//! A row field reads one with `#[diesel(deserialize_as = Stored<T>)]`; a tuple select loads
//! `Stored<T>` and takes `.0`. Writes use the domain type's `as_str()`.

use crate::error::UnknownValue;
use diesel::backend::Backend;
use diesel::deserialize::{self, FromSql, FromSqlRow};
use diesel::sql_types::Text;
use tawasol_domain::issue::{IssueStatus, Visibility};
use tawasol_domain::petition::{FilerType, PetitionStatus};
use tawasol_domain::{Locale, OutboxStatus};

/// A domain value kept in a text column.
pub trait StoredText: Sized {
    /// What the column should hold, for the error ("an issue status").
    const EXPECTED: &'static str;
    /// The value written exactly as `as_str()` writes it, or `None`.
    fn parse_stored(text: &str) -> Option<Self>;
}

/// A text column's value, parsed into `T` as it is read (public only because row types name it
/// in their `Queryable` rows; the module is private).
#[derive(Debug, Clone, Copy, PartialEq, Eq, FromSqlRow)]
pub struct Stored<T>(pub T);

impl<T, DB> FromSql<Text, DB> for Stored<T>
where
    DB: Backend,
    String: FromSql<Text, DB>,
    T: StoredText,
{
    fn from_sql(bytes: DB::RawValue<'_>) -> deserialize::Result<Self> {
        let text = <String as FromSql<Text, DB>>::from_sql(bytes)?;
        match T::parse_stored(&text) {
            Some(value) => Ok(Stored(value)),
            None => Err(Box::new(UnknownValue {
                expected: T::EXPECTED,
                value: text,
            })),
        }
    }
}

macro_rules! stored_text {
    ($ty:ty, $expected:literal, $parse:expr) => {
        impl StoredText for $ty {
            const EXPECTED: &'static str = $expected;
            fn parse_stored(text: &str) -> Option<Self> {
                $parse(text)
            }
        }
        impl From<Stored<$ty>> for $ty {
            fn from(stored: Stored<$ty>) -> Self {
                stored.0
            }
        }
    };
}

stored_text!(IssueStatus, "an issue status", IssueStatus::parse);
stored_text!(Visibility, "a visibility", Visibility::parse);
stored_text!(PetitionStatus, "a petition status", PetitionStatus::parse);
stored_text!(
    Option<PetitionStatus>,
    "a petition status or nothing (the draft's creation)",
    |text: &str| if text.is_empty() {
        Some(None)
    } else {
        PetitionStatus::parse(text).map(Some)
    }
);
stored_text!(FilerType, "a filer type", FilerType::parse);
stored_text!(OutboxStatus, "an outbox status", OutboxStatus::parse);
stored_text!(Locale, "a language (ar, fr or zgh)", |text: &str| {
    Locale::ALL.into_iter().find(|l| l.as_str() == text)
});
