//! Supports and follows, with the issue's counters kept in step.

use crate::connection::{AnyConnection, on_backend};
use crate::error::PersistenceError;
use crate::schema::{issue_follows, issue_supports, issues};
use chrono::NaiveDateTime;
use diesel::prelude::*;

macro_rules! toggle {
    ($name:ident, $table:ident, $counter:ident) => {
        /// Adds (`on`) or removes the user's row, keeping the issue's counter in step; `true` if
        /// anything changed.
        pub fn $name(conn: &mut AnyConnection, issue_id: i64, user_id: i64, on: bool, at: NaiveDateTime) -> Result<bool, PersistenceError> {
            let changed = if on {
                on_backend!(conn, c => diesel::insert_into($table::table)
                    .values(($table::issue_id.eq(issue_id), $table::user_id.eq(user_id), $table::created_at.eq(at)))
                    .on_conflict_do_nothing()
                    .execute(c))?
            } else {
                diesel::delete($table::table.filter($table::issue_id.eq(issue_id)).filter($table::user_id.eq(user_id))).execute(conn)?
            };
            if changed == 1 {
                let delta = if on { 1 } else { -1 };
                diesel::update(issues::table.find(issue_id))
                    .set(issues::$counter.eq(issues::$counter + delta))
                    .execute(conn)?;
            }
            Ok(changed == 1)
        }
    };
}
toggle!(set_support, issue_supports, support_count);
toggle!(set_follow, issue_follows, follower_count);

/// Whether the user supports and follows the issue.
pub fn relation(
    conn: &mut AnyConnection,
    issue_id: i64,
    user_id: i64,
) -> Result<(bool, bool), PersistenceError> {
    let supports: i64 = issue_supports::table
        .filter(issue_supports::issue_id.eq(issue_id))
        .filter(issue_supports::user_id.eq(user_id))
        .count()
        .get_result(conn)?;
    let follows: i64 = issue_follows::table
        .filter(issue_follows::issue_id.eq(issue_id))
        .filter(issue_follows::user_id.eq(user_id))
        .count()
        .get_result(conn)?;
    Ok((supports > 0, follows > 0))
}
