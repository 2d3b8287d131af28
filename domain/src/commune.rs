//! Communes, their arrondissements, and the petition threshold rule of Organic Law 113-14.

use crate::geo::{BoundingBox, GeoPoint};
use crate::text::LocalizedText;
use serde::Serialize;
use std::fmt;

/// A commune's stable identifier in URLs and the API: lower-case ASCII letters, digits and
/// single hyphens, 2 to 63 characters, e.g. `tan-tan`, `tangier`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct CommuneSlug(String);

/// Same shape as a commune slug, unique within its commune: `bni-makada`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct ArrondissementSlug(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a valid slug: use 2 to 63 lower-case letters, digits and single hyphens")]
pub struct InvalidSlug(pub String);

fn parse_slug(value: &str) -> Result<String, InvalidSlug> {
    let ok = (2..=63).contains(&value.len())
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !value.starts_with('-')
        && !value.ends_with('-')
        && !value.contains("--");
    if ok {
        Ok(value.to_owned())
    } else {
        Err(InvalidSlug(value.to_owned()))
    }
}

macro_rules! slug_type {
    ($name:ident) => {
        impl $name {
            pub fn parse(value: &str) -> Result<$name, InvalidSlug> {
                parse_slug(value).map($name)
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}
slug_type!(CommuneSlug);
slug_type!(ArrondissementSlug);

/// Number of inhabitants at a census.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Population(u32);

/// The year of the census a population comes from (Morocco counts every ten years or so).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct CensusYear(u16);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidCommune {
    #[error("population must be a positive number")]
    Population,
    #[error("census year must be between 1900 and 2100")]
    CensusYear,
    #[error("the petition threshold must be at least 1 signature")]
    Threshold,
}

impl Population {
    pub fn parse(value: i64) -> Result<Population, InvalidCommune> {
        u32::try_from(value)
            .ok()
            .filter(|n| *n > 0)
            .map(Population)
            .ok_or(InvalidCommune::Population)
    }
    pub fn get(self) -> u32 {
        self.0
    }
}

impl CensusYear {
    pub fn parse(value: i64) -> Result<CensusYear, InvalidCommune> {
        u16::try_from(value)
            .ok()
            .filter(|y| (1900..=2100).contains(y))
            .map(CensusYear)
            .ok_or(InvalidCommune::CensusYear)
    }
    pub fn get(self) -> u16 {
        self.0
    }
}

/// The least number of signatures a citizens' petition to a commune council needs
/// (Organic Law 113-14 and its decree, as currently understood; see docs): 100 in communes
/// under 35,000 inhabitants, 200 in the others, 400 in communes divided into arrondissements.
///
/// This is the rule that proposes a value; the value stored on a commune is data an admin
/// can override when the legal text or its reading changes.
pub fn petition_threshold(population: Population, has_arrondissements: bool) -> u32 {
    const SMALL_COMMUNE_LIMIT: u32 = 35_000;
    if has_arrondissements {
        400
    } else if population.get() < SMALL_COMMUNE_LIMIT {
        100
    } else {
        200
    }
}

/// Checks a stored or edited threshold: any positive number of signatures.
pub fn parse_threshold(value: i64) -> Result<u32, InvalidCommune> {
    u32::try_from(value)
        .ok()
        .filter(|n| *n > 0)
        .ok_or(InvalidCommune::Threshold)
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Arrondissement {
    pub slug: ArrondissementSlug,
    pub names: LocalizedText,
}

/// A commune with its reference data.
#[derive(Debug, Clone, PartialEq)]
pub struct Commune {
    pub slug: CommuneSlug,
    pub names: LocalizedText,
    pub population: Population,
    pub census_year: CensusYear,
    pub petition_threshold: u32,
    pub centre: GeoPoint,
    pub bounding_box: BoundingBox,
    /// IANA zone in which legal deadlines and session months are computed.
    pub time_zone: String,
    pub arrondissements: Vec<Arrondissement>,
}

impl Commune {
    /// What the law's rule proposes for this commune, whatever is stored.
    pub fn proposed_threshold(&self) -> u32 {
        petition_threshold(self.population, !self.arrondissements.is_empty())
    }

    pub fn contains(&self, point: GeoPoint) -> bool {
        self.bounding_box.contains(point)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pop(n: i64) -> Population {
        Population::parse(n).unwrap()
    }

    #[test]
    fn small_communes_need_one_hundred_signatures() {
        assert_eq!(petition_threshold(pop(1), false), 100);
        assert_eq!(petition_threshold(pop(34_999), false), 100);
    }

    #[test]
    fn communes_from_35000_inhabitants_need_two_hundred() {
        assert_eq!(petition_threshold(pop(35_000), false), 200);
        // Tan-Tan (73,209 in 2014) and Sefrou (86,903 in 2024).
        assert_eq!(petition_threshold(pop(73_209), false), 200);
        assert_eq!(petition_threshold(pop(86_903), false), 200);
    }

    #[test]
    fn communes_with_arrondissements_need_four_hundred_whatever_their_size() {
        // Tangier (1,275,428 in 2024) has four arrondissements.
        assert_eq!(petition_threshold(pop(1_275_428), true), 400);
        assert_eq!(petition_threshold(pop(20_000), true), 400);
    }

    #[test]
    fn slugs_are_lower_case_ascii_with_single_hyphens() {
        assert!(CommuneSlug::parse("tan-tan").is_ok());
        assert!(CommuneSlug::parse("tangier").is_ok());
        for bad in [
            "", "t", "Tangier", "tan--tan", "-tan", "tan-", "طنجة", "a b", "x/../y",
        ] {
            assert!(CommuneSlug::parse(bad).is_err(), "{bad}");
        }
        assert!(CommuneSlug::parse(&"a".repeat(64)).is_err());
    }

    #[test]
    fn population_census_and_threshold_are_positive() {
        assert!(Population::parse(0).is_err());
        assert!(Population::parse(-3).is_err());
        assert!(Population::parse(i64::from(u32::MAX) + 1).is_err());
        assert!(CensusYear::parse(2024).is_ok());
        assert!(CensusYear::parse(1800).is_err());
        assert_eq!(parse_threshold(3), Ok(3));
        assert_eq!(parse_threshold(0), Err(InvalidCommune::Threshold));
    }
}
