//! Communes with their arrondissements and categories.

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::schema::{arrondissements, categories, communes};
use diesel::prelude::*;
use tawasol_domain::commune::parse_threshold;
use tawasol_domain::{
    AnswerTargetDays, Arrondissement, ArrondissementSlug, BoundingBox, Category, CategoryCode,
    CensusYear, Commune, CommuneSlug, GeoPoint, LocalizedText, Population,
};

#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = communes)]
struct CommuneRow {
    id: i64,
    slug: String,
    name_ar: String,
    name_fr: String,
    name_zgh: String,
    population: i64,
    census_year: i32,
    petition_threshold: i32,
    centre_lat: f64,
    centre_lon: f64,
    bbox_south: f64,
    bbox_west: f64,
    bbox_north: f64,
    bbox_east: f64,
    time_zone: String,
}

#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = arrondissements)]
struct ArrondissementRow {
    commune_id: i64,
    slug: String,
    name_ar: String,
    name_fr: String,
    name_zgh: String,
}

#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = categories)]
struct CategoryRow {
    code: String,
    name_ar: String,
    name_fr: String,
    name_zgh: String,
    department_ar: String,
    department_fr: String,
    department_zgh: String,
    answer_target_days: i32,
}

fn corrupt(what: &str, e: impl std::fmt::Display) -> PersistenceError {
    PersistenceError::CorruptRow(format!("{what}: {e}"))
}

impl CommuneRow {
    fn into_domain(
        self,
        arrondissements: Vec<Arrondissement>,
    ) -> Result<Commune, PersistenceError> {
        let what = format!("commune {}", self.slug);
        Ok(Commune {
            slug: CommuneSlug::parse(&self.slug).map_err(|e| corrupt(&what, e))?,
            names: LocalizedText::parse(self.name_ar, self.name_fr, self.name_zgh)
                .map_err(|e| corrupt(&what, e))?,
            population: Population::parse(self.population).map_err(|e| corrupt(&what, e))?,
            census_year: CensusYear::parse(self.census_year.into())
                .map_err(|e| corrupt(&what, e))?,
            petition_threshold: parse_threshold(self.petition_threshold.into())
                .map_err(|e| corrupt(&what, e))?,
            centre: GeoPoint::parse(self.centre_lat, self.centre_lon)
                .map_err(|e| corrupt(&what, e))?,
            bounding_box: BoundingBox::parse(
                self.bbox_south,
                self.bbox_west,
                self.bbox_north,
                self.bbox_east,
            )
            .map_err(|e| corrupt(&what, e))?,
            time_zone: self.time_zone,
            arrondissements,
        })
    }
}

impl ArrondissementRow {
    fn into_domain(self) -> Result<Arrondissement, PersistenceError> {
        let what = format!("arrondissement {}", self.slug);
        Ok(Arrondissement {
            slug: ArrondissementSlug::parse(&self.slug).map_err(|e| corrupt(&what, e))?,
            names: LocalizedText::parse(self.name_ar, self.name_fr, self.name_zgh)
                .map_err(|e| corrupt(&what, e))?,
        })
    }
}

impl CategoryRow {
    fn into_domain(self) -> Result<Category, PersistenceError> {
        let what = format!("category {}", self.code);
        Ok(Category {
            code: CategoryCode::parse(&self.code).map_err(|e| corrupt(&what, e))?,
            names: LocalizedText::parse(self.name_ar, self.name_fr, self.name_zgh)
                .map_err(|e| corrupt(&what, e))?,
            department: LocalizedText::parse(
                self.department_ar,
                self.department_fr,
                self.department_zgh,
            )
            .map_err(|e| corrupt(&what, e))?,
            answer_target_days: AnswerTargetDays::parse(self.answer_target_days.into())
                .map_err(|e| corrupt(&what, e))?,
        })
    }
}

/// A commune with everything a reader needs to report in it.
#[derive(Debug, Clone, PartialEq)]
pub struct CommuneWithCategories {
    pub commune: Commune,
    pub categories: Vec<Category>,
}

/// Communes ordered by slug, starting after `after` (keyset pagination), at most `limit`.
/// Two queries whatever the page size: the communes, then all their arrondissements.
pub fn list(
    conn: &mut AnyConnection,
    after: Option<&CommuneSlug>,
    limit: u16,
) -> Result<Vec<Commune>, PersistenceError> {
    let mut query = communes::table
        .select(CommuneRow::as_select())
        .order(communes::slug.asc())
        .limit(i64::from(limit))
        .into_boxed();
    if let Some(after) = after {
        query = query.filter(communes::slug.gt(after.as_str().to_owned()));
    }
    let rows: Vec<CommuneRow> = query.load(conn)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut arrondissements: Vec<ArrondissementRow> = arrondissements::table
        .filter(arrondissements::commune_id.eq_any(&ids))
        .order((arrondissements::position.asc(), arrondissements::slug.asc()))
        .select(ArrondissementRow::as_select())
        .load(conn)?;
    rows.into_iter()
        .map(|row| {
            let (mine, rest) = arrondissements
                .drain(..)
                .partition(|a| a.commune_id == row.id);
            arrondissements = rest;
            let mine = mine
                .into_iter()
                .map(ArrondissementRow::into_domain)
                .collect::<Result<Vec<_>, _>>()?;
            row.into_domain(mine)
        })
        .collect()
}

/// One commune by slug, with its arrondissements and categories in display order.
pub fn find(
    conn: &mut AnyConnection,
    slug: &CommuneSlug,
) -> Result<Option<CommuneWithCategories>, PersistenceError> {
    let Some(row) = communes::table
        .filter(communes::slug.eq(slug.as_str()))
        .select(CommuneRow::as_select())
        .first::<CommuneRow>(conn)
        .optional()?
    else {
        return Ok(None);
    };
    let arrondissements = arrondissements::table
        .filter(arrondissements::commune_id.eq(row.id))
        .order((arrondissements::position.asc(), arrondissements::slug.asc()))
        .select(ArrondissementRow::as_select())
        .load::<ArrondissementRow>(conn)?
        .into_iter()
        .map(ArrondissementRow::into_domain)
        .collect::<Result<Vec<_>, _>>()?;
    let categories = categories::table
        .filter(categories::commune_id.eq(row.id))
        .order((categories::position.asc(), categories::code.asc()))
        .select(CategoryRow::as_select())
        .load::<CategoryRow>(conn)?
        .into_iter()
        .map(CategoryRow::into_domain)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Some(CommuneWithCategories {
        commune: row.into_domain(arrondissements)?,
        categories,
    }))
}

/// The slug of the commune with this id (`None`: no such commune).
pub fn slug_of(conn: &mut AnyConnection, id: i64) -> Result<Option<String>, PersistenceError> {
    Ok(communes::table
        .find(id)
        .select(communes::slug)
        .first::<String>(conn)
        .optional()?)
}

/// What an admin changes on a commune (`None`: unchanged).
#[derive(Debug, Clone, Default, AsChangeset)]
#[diesel(table_name = communes)]
pub struct CommuneUpdateForm<'a> {
    pub petition_threshold: Option<i32>,
    pub name_ar: Option<&'a str>,
    pub name_fr: Option<&'a str>,
    pub name_zgh: Option<&'a str>,
    pub updated_at: chrono::NaiveDateTime,
}

/// Updates a commune; the threshold and names before the change, or `None` if there is no such
/// commune.
pub fn update(
    conn: &mut AnyConnection,
    slug: &CommuneSlug,
    form: &CommuneUpdateForm<'_>,
) -> Result<Option<(i32, String, String, String)>, PersistenceError> {
    let before = communes::table
        .filter(communes::slug.eq(slug.as_str()))
        .select((
            communes::petition_threshold,
            communes::name_ar,
            communes::name_fr,
            communes::name_zgh,
        ))
        .first(conn)
        .optional()?;
    if before.is_some() {
        diesel::update(communes::table.filter(communes::slug.eq(slug.as_str())))
            .set(form)
            .execute(conn)?;
    }
    Ok(before)
}
