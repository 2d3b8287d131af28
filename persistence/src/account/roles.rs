//! A person's roles, as the policies need them: official binding, moderated communes,
//! organisations.

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::schema::{communes, moderators, official_categories, officials, organisation_members};
use diesel::prelude::*;

/// An official's binding, with slugs and codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficialBinding {
    pub commune: String,
    pub arrondissement: Option<String>,
    pub categories: Vec<String>,
    pub title: String,
}

/// An official's title (`None`: not an official), in one statement.
pub fn official_title(
    conn: &mut AnyConnection,
    user_id: i64,
) -> Result<Option<String>, PersistenceError> {
    Ok(officials::table
        .filter(officials::user_id.eq(user_id))
        .select(officials::title)
        .first(conn)
        .optional()?)
}

pub fn official_binding(
    conn: &mut AnyConnection,
    user_id: i64,
) -> Result<Option<OfficialBinding>, PersistenceError> {
    use crate::schema::{arrondissements, categories};
    let row: Option<(i64, String, Option<i64>, String)> = officials::table
        .inner_join(communes::table)
        .filter(officials::user_id.eq(user_id))
        .select((
            officials::id,
            communes::slug,
            officials::arrondissement_id,
            officials::title,
        ))
        .first(conn)
        .optional()?;
    let Some((official_id, commune, arrondissement_id, title)) = row else {
        return Ok(None);
    };
    let arrondissement = match arrondissement_id {
        Some(id) => Some(
            arrondissements::table
                .find(id)
                .select(arrondissements::slug)
                .first::<String>(conn)?,
        ),
        None => None,
    };
    let categories: Vec<String> = official_categories::table
        .inner_join(categories::table.on(categories::id.eq(official_categories::category_id)))
        .filter(official_categories::official_id.eq(official_id))
        .order(categories::position.asc())
        .select(categories::code)
        .load(conn)?;
    Ok(Some(OfficialBinding {
        commune,
        arrondissement,
        categories,
        title,
    }))
}

/// Communes a user moderates (`None`: all).
pub fn moderated_communes(
    conn: &mut AnyConnection,
    user_id: i64,
) -> Result<Vec<Option<String>>, PersistenceError> {
    Ok(moderators::table
        .left_join(communes::table.on(communes::id.nullable().eq(moderators::commune_id)))
        .filter(moderators::user_id.eq(user_id))
        .select(communes::slug.nullable())
        .load(conn)?)
}

/// Verified organisations a user belongs to.
pub fn organisations_of(
    conn: &mut AnyConnection,
    user_id: i64,
) -> Result<Vec<(i64, bool)>, PersistenceError> {
    use crate::schema::organisations;
    Ok(organisation_members::table
        .inner_join(organisations::table)
        .filter(organisation_members::user_id.eq(user_id))
        .filter(organisations::verified_at.is_not_null())
        .select((
            organisation_members::organisation_id,
            organisation_members::is_representative,
        ))
        .load(conn)?)
}
