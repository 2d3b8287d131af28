//! Who hears of an issue: its followers by their choices, and the officials of its scope.

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::schema::{issue_follows, official_categories, officials, users};
use crate::stored::Stored;
use diesel::prelude::*;
use tawasol_domain::Locale;

/// A person to notify: id, address and language.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct Recipient {
    pub user_id: i64,
    pub email: Option<String>,
    #[diesel(deserialize_as = Stored<Locale>)]
    pub locale: Locale,
}

/// Which followers to tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// Those who want official answers and status changes (the default).
    Updates,
    /// Those who asked for every reply.
    AllReplies,
}

/// Followers of an issue (the reporter among them) with an address, who want this kind of news.
pub fn followers(
    conn: &mut AnyConnection,
    issue_id: i64,
    audience: Audience,
) -> Result<Vec<Recipient>, PersistenceError> {
    use crate::schema::notification_preferences as prefs;
    let q = issue_follows::table
        .inner_join(users::table.on(users::id.eq(issue_follows::user_id)))
        .left_join(prefs::table.on(prefs::user_id.eq(issue_follows::user_id)))
        .filter(issue_follows::issue_id.eq(issue_id))
        .filter(users::email.is_not_null())
        .order(users::id.asc())
        .select((users::id, users::email, users::locale))
        .into_boxed();
    let q = match audience {
        Audience::Updates => q.filter(
            prefs::issue_updates
                .is_null()
                .or(prefs::issue_updates.eq(true)),
        ),
        Audience::AllReplies => q.filter(prefs::all_replies.eq(true)),
    };
    Ok(q.load(conn)?)
}

/// Officials whose scope covers an issue of this commune, arrondissement and category, who want
/// to hear of new issues at once. Two statements whatever the number of officials: those of the
/// commune (and arrondissement), then the categories that narrow their scopes.
pub fn officials_in_scope(
    conn: &mut AnyConnection,
    commune_id: i64,
    arrondissement_id: Option<i64>,
    category_id: i64,
) -> Result<Vec<Recipient>, PersistenceError> {
    use crate::schema::notification_preferences as prefs;
    let candidates: Vec<(i64, Recipient)> = officials::table
        .inner_join(users::table.on(users::id.eq(officials::user_id)))
        .left_join(prefs::table.on(prefs::user_id.eq(officials::user_id)))
        .filter(officials::commune_id.eq(commune_id))
        // An official of an arrondissement hears only of its issues.
        .filter(
            officials::arrondissement_id
                .is_null()
                .or(officials::arrondissement_id.eq(arrondissement_id)),
        )
        .filter(
            prefs::official_new_issues
                .is_null()
                .or(prefs::official_new_issues.eq("immediate")),
        )
        .filter(users::email.is_not_null())
        .filter(users::banned_at.is_null())
        .order(officials::id.asc())
        .select((officials::id, (users::id, users::email, users::locale)))
        .load(conn)?;
    if candidates.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i64> = candidates.iter().map(|(id, _)| *id).collect();
    let narrowed: Vec<(i64, i64)> = official_categories::table
        .filter(official_categories::official_id.eq_any(&ids))
        .select((
            official_categories::official_id,
            official_categories::category_id,
        ))
        .load(conn)?;
    // No category: the whole commune (or arrondissement); else only those categories.
    Ok(candidates
        .into_iter()
        .filter(|(official, _)| {
            let mut theirs = narrowed.iter().filter(|(o, _)| o == official).peekable();
            theirs.peek().is_none() || theirs.any(|(_, k)| *k == category_id)
        })
        .map(|(_, recipient)| recipient)
        .collect())
}
