//! `GET /api/v1/communes` and `GET /api/v1/communes/{slug}`.

pub mod list;
pub mod show;

use serde::Serialize;
use tawasol_domain::{
    Arrondissement, BoundingBox, Category, Commune, GeoPoint, Locale, LocalizedText,
};

/// A commune as the API shows it: `name` in the reader's language, `names` in all three.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CommuneBody<'a> {
    pub slug: &'a str,
    pub name: &'a str,
    #[schema(value_type = crate::rest::schema::LocalizedTextSchema)]
    pub names: &'a LocalizedText,
    pub population: u32,
    pub census_year: u16,
    pub petition_threshold: u32,
    #[schema(value_type = crate::rest::schema::GeoPointSchema)]
    pub centre: GeoPoint,
    #[schema(value_type = crate::rest::schema::BoundingBoxSchema)]
    pub bounding_box: BoundingBox,
    pub time_zone: &'a str,
    pub arrondissements: Vec<ArrondissementBody<'a>>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ArrondissementBody<'a> {
    pub slug: &'a str,
    pub name: &'a str,
    #[schema(value_type = crate::rest::schema::LocalizedTextSchema)]
    pub names: &'a LocalizedText,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CategoryBody<'a> {
    pub code: &'a str,
    pub name: &'a str,
    #[schema(value_type = crate::rest::schema::LocalizedTextSchema)]
    pub names: &'a LocalizedText,
    pub department: NamedBody<'a>,
    pub answer_target_days: u16,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct NamedBody<'a> {
    pub name: &'a str,
    #[schema(value_type = crate::rest::schema::LocalizedTextSchema)]
    pub names: &'a LocalizedText,
}

impl<'a> CommuneBody<'a> {
    pub fn new(c: &'a Commune, locale: Locale) -> CommuneBody<'a> {
        CommuneBody {
            slug: c.slug.as_str(),
            name: c.names.get(locale),
            names: &c.names,
            population: c.population.get(),
            census_year: c.census_year.get(),
            petition_threshold: c.petition_threshold,
            centre: c.centre,
            bounding_box: c.bounding_box,
            time_zone: &c.time_zone,
            arrondissements: c
                .arrondissements
                .iter()
                .map(|a| ArrondissementBody::new(a, locale))
                .collect(),
        }
    }
}

impl<'a> ArrondissementBody<'a> {
    fn new(a: &'a Arrondissement, locale: Locale) -> ArrondissementBody<'a> {
        ArrondissementBody {
            slug: a.slug.as_str(),
            name: a.names.get(locale),
            names: &a.names,
        }
    }
}

impl<'a> CategoryBody<'a> {
    pub fn new(c: &'a Category, locale: Locale) -> CategoryBody<'a> {
        CategoryBody {
            code: c.code.as_str(),
            name: c.names.get(locale),
            names: &c.names,
            department: NamedBody {
                name: c.department.get(locale),
                names: &c.department,
            },
            answer_target_days: c.answer_target_days.get(),
        }
    }
}
