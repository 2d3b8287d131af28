//! Notification preferences, one row per person who changed the defaults.

use crate::connection::{AnyConnection, on_backend};
use crate::error::PersistenceError;
use crate::schema::notification_preferences as prefs;
use chrono::NaiveDateTime;
use diesel::prelude::*;

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = prefs)]
pub struct Preferences {
    pub issue_updates: bool,
    pub all_replies: bool,
    pub official_new_issues: String,
    /// The legal steps of petitions I signed or follow.
    pub petition_updates: bool,
}

impl Default for Preferences {
    fn default() -> Self {
        Preferences {
            issue_updates: true,
            all_replies: false,
            official_new_issues: "immediate".to_owned(),
            petition_updates: true,
        }
    }
}

pub fn get(conn: &mut AnyConnection, user_id: i64) -> Result<Preferences, PersistenceError> {
    Ok(prefs::table
        .find(user_id)
        .select(Preferences::as_select())
        .first(conn)
        .optional()?
        .unwrap_or_default())
}

pub fn put(
    conn: &mut AnyConnection,
    user_id: i64,
    p: &Preferences,
    at: NaiveDateTime,
) -> Result<(), PersistenceError> {
    let values = (
        prefs::user_id.eq(user_id),
        prefs::issue_updates.eq(p.issue_updates),
        prefs::all_replies.eq(p.all_replies),
        prefs::official_new_issues.eq(&p.official_new_issues),
        prefs::petition_updates.eq(p.petition_updates),
        prefs::updated_at.eq(at),
    );
    on_backend!(conn, c => diesel::insert_into(prefs::table)
        .values(values)
        .on_conflict(prefs::user_id)
        .do_update()
        .set((
            prefs::issue_updates.eq(p.issue_updates),
            prefs::all_replies.eq(p.all_replies),
            prefs::official_new_issues.eq(&p.official_new_issues),
            prefs::petition_updates.eq(p.petition_updates),
            prefs::updated_at.eq(at),
        ))
        .execute(c))?;
    Ok(())
}
