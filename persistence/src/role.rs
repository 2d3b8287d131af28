//! What admins change: officials' bindings, moderators, organisations and their members.

use crate::connection::{AnyConnection, on_backend};
use crate::error::PersistenceError;
use crate::schema::{
    arrondissements, categories, communes, moderators, official_categories, officials,
    organisation_members, organisations,
};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

/// Ids behind the slugs and codes of a binding, or which one is unknown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    Ok {
        commune_id: i64,
        arrondissement_id: Option<i64>,
        category_ids: Vec<i64>,
    },
    UnknownCommune,
    UnknownArrondissement,
    UnknownCategory(String),
}

pub fn resolve(
    conn: &mut AnyConnection,
    commune: &str,
    arrondissement: Option<&str>,
    category_codes: &[String],
) -> Result<Resolved, PersistenceError> {
    let Some(commune_id) = communes::table
        .filter(communes::slug.eq(commune))
        .select(communes::id)
        .first::<i64>(conn)
        .optional()?
    else {
        return Ok(Resolved::UnknownCommune);
    };
    let arrondissement_id = match arrondissement {
        None => None,
        Some(slug) => match arrondissements::table
            .filter(arrondissements::commune_id.eq(commune_id))
            .filter(arrondissements::slug.eq(slug))
            .select(arrondissements::id)
            .first::<i64>(conn)
            .optional()?
        {
            Some(id) => Some(id),
            None => return Ok(Resolved::UnknownArrondissement),
        },
    };
    let mut category_ids = Vec::new();
    for code in category_codes {
        match categories::table
            .filter(categories::commune_id.eq(commune_id))
            .filter(categories::code.eq(code))
            .select(categories::id)
            .first::<i64>(conn)
            .optional()?
        {
            Some(id) => category_ids.push(id),
            None => return Ok(Resolved::UnknownCategory(code.clone())),
        }
    }
    Ok(Resolved::Ok {
        commune_id,
        arrondissement_id,
        category_ids,
    })
}

/// Binds a user as official (replacing any earlier binding).
pub fn appoint_official(
    conn: &mut AnyConnection,
    user_id: i64,
    commune_id: i64,
    arrondissement_id: Option<i64>,
    category_ids: &[i64],
    title: &str,
    now: NaiveDateTime,
) -> Result<i64, PersistenceError> {
    diesel::delete(officials::table.filter(officials::user_id.eq(user_id))).execute(conn)?;
    let id = on_backend!(conn, c => diesel::insert_into(officials::table)
        .values((
            officials::user_id.eq(user_id),
            officials::commune_id.eq(commune_id),
            officials::arrondissement_id.eq(arrondissement_id),
            officials::title.eq(title),
            officials::created_at.eq(now),
        ))
        .returning(officials::id)
        .get_result::<i64>(c))?;
    for category_id in category_ids {
        diesel::insert_into(official_categories::table)
            .values((
                official_categories::official_id.eq(id),
                official_categories::category_id.eq(category_id),
            ))
            .execute(conn)?;
    }
    Ok(id)
}

pub fn revoke_official(conn: &mut AnyConnection, user_id: i64) -> Result<bool, PersistenceError> {
    Ok(diesel::delete(officials::table.filter(officials::user_id.eq(user_id))).execute(conn)? > 0)
}

/// `false` when the user already moderates that scope.
pub fn appoint_moderator(
    conn: &mut AnyConnection,
    user_id: i64,
    commune_id: Option<i64>,
    now: NaiveDateTime,
) -> Result<bool, PersistenceError> {
    let mut existing = moderators::table
        .filter(moderators::user_id.eq(user_id))
        .into_boxed();
    existing = match commune_id {
        Some(id) => existing.filter(moderators::commune_id.eq(id)),
        None => existing.filter(moderators::commune_id.is_null()),
    };
    if existing.count().get_result::<i64>(conn)? > 0 {
        return Ok(false);
    }
    diesel::insert_into(moderators::table)
        .values((
            moderators::user_id.eq(user_id),
            moderators::commune_id.eq(commune_id),
            moderators::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(true)
}

/// Removes every moderator role of a user; how many there were.
pub fn revoke_moderator(conn: &mut AnyConnection, user_id: i64) -> Result<usize, PersistenceError> {
    Ok(diesel::delete(moderators::table.filter(moderators::user_id.eq(user_id))).execute(conn)?)
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = organisations)]
pub struct OrganisationInsertForm<'a> {
    pub name: &'a str,
    pub founded_on: NaiveDate,
    pub head_office_commune_id: i64,
    pub purpose: &'a str,
    pub verified_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

pub fn create_organisation(
    conn: &mut AnyConnection,
    form: &OrganisationInsertForm<'_>,
) -> Result<i64, PersistenceError> {
    let id = on_backend!(conn, c => diesel::insert_into(organisations::table)
        .values(form)
        .returning(organisations::id)
        .get_result::<i64>(c))?;
    Ok(id)
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = organisations)]
pub struct OrganisationRow {
    pub id: i64,
    pub name: String,
    pub founded_on: NaiveDate,
    pub head_office_commune_id: i64,
    pub purpose: String,
    pub verified_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

pub fn find_organisation(
    conn: &mut AnyConnection,
    id: i64,
) -> Result<Option<OrganisationRow>, PersistenceError> {
    Ok(organisations::table
        .find(id)
        .select(OrganisationRow::as_select())
        .first(conn)
        .optional()?)
}

/// Adds (or updates) a member; a new representative replaces the previous one.
pub fn put_member(
    conn: &mut AnyConnection,
    organisation_id: i64,
    user_id: i64,
    representative: bool,
    now: NaiveDateTime,
) -> Result<(), PersistenceError> {
    if representative {
        diesel::update(
            organisation_members::table
                .filter(organisation_members::organisation_id.eq(organisation_id)),
        )
        .set(organisation_members::is_representative.eq(false))
        .execute(conn)?;
    }
    let existing = diesel::update(
        organisation_members::table
            .filter(organisation_members::organisation_id.eq(organisation_id))
            .filter(organisation_members::user_id.eq(user_id)),
    )
    .set(organisation_members::is_representative.eq(representative))
    .execute(conn)?;
    if existing == 0 {
        diesel::insert_into(organisation_members::table)
            .values((
                organisation_members::organisation_id.eq(organisation_id),
                organisation_members::user_id.eq(user_id),
                organisation_members::is_representative.eq(representative),
                organisation_members::created_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}

pub fn remove_member(
    conn: &mut AnyConnection,
    organisation_id: i64,
    user_id: i64,
) -> Result<bool, PersistenceError> {
    Ok(diesel::delete(
        organisation_members::table
            .filter(organisation_members::organisation_id.eq(organisation_id))
            .filter(organisation_members::user_id.eq(user_id)),
    )
    .execute(conn)?
        == 1)
}
