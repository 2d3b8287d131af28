//! Who hears of a petition: signatories and followers who want to, and the commune's officials.

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::issue::Recipient;
use crate::schema::{officials, petition_follows, signatures, users};
use diesel::prelude::*;

/// Signatories and followers who want to hear of the petition's steps, each once.
pub fn audience(
    conn: &mut AnyConnection,
    petition_id: i64,
) -> Result<Vec<Recipient>, PersistenceError> {
    use crate::schema::notification_preferences as prefs;
    let wants = prefs::petition_updates
        .is_null()
        .or(prefs::petition_updates.eq(true));
    let mut people: Vec<Recipient> = signatures::table
        .inner_join(users::table.on(users::id.eq(signatures::user_id)))
        .left_join(prefs::table.on(prefs::user_id.eq(signatures::user_id)))
        .filter(signatures::petition_id.eq(petition_id))
        .filter(users::email.is_not_null())
        .filter(wants)
        .select((users::id, users::email, users::locale))
        .load(conn)?;
    let followers: Vec<Recipient> = petition_follows::table
        .inner_join(users::table.on(users::id.eq(petition_follows::user_id)))
        .left_join(prefs::table.on(prefs::user_id.eq(petition_follows::user_id)))
        .filter(petition_follows::petition_id.eq(petition_id))
        .filter(users::email.is_not_null())
        .filter(wants)
        .select((users::id, users::email, users::locale))
        .load(conn)?;
    people.extend(followers);
    people.sort_by_key(|r| r.user_id);
    people.dedup_by_key(|r| r.user_id);
    Ok(people)
}

/// Every official of the commune, whatever their arrondissement or categories: a petition is
/// addressed to the council as a whole.
pub fn commune_officials(
    conn: &mut AnyConnection,
    commune_id: i64,
) -> Result<Vec<Recipient>, PersistenceError> {
    let mut people: Vec<Recipient> = officials::table
        .inner_join(users::table.on(users::id.eq(officials::user_id)))
        .filter(officials::commune_id.eq(commune_id))
        .filter(users::email.is_not_null())
        .select((users::id, users::email, users::locale))
        .load(conn)?;
    people.sort_by_key(|r| r.user_id);
    people.dedup_by_key(|r| r.user_id);
    Ok(people)
}
