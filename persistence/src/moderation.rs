//! Flags and the moderators' queue. Items are issues and replies, each with its
//! [`Visibility`]: public, pending (held for review) or hidden.

use crate::connection::{AnyConnection, on_backend};
use crate::error::PersistenceError;
use crate::schema::{communes, flags, issue_replies, issues};
use crate::stored::Stored;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use tawasol_domain::issue::Visibility;

/// What recording a flag led to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flagged {
    /// This person had already flagged the item: nothing was added.
    pub already: bool,
    /// How many people flag it now.
    pub count: i64,
}

/// Records one person's flag (once per person and item).
pub fn flag(
    conn: &mut AnyConnection,
    target_type: &str,
    target_id: i64,
    user_id: i64,
    reason: &str,
    at: NaiveDateTime,
) -> Result<Flagged, PersistenceError> {
    let added = on_backend!(conn, c => diesel::insert_into(flags::table)
        .values((
            flags::target_type.eq(target_type),
            flags::target_id.eq(target_id),
            flags::user_id.eq(user_id),
            flags::reason.eq(reason),
            flags::created_at.eq(at),
        ))
        .on_conflict_do_nothing()
        .execute(c))?;
    Ok(Flagged {
        already: added == 0,
        count: flag_count(conn, target_type, target_id)?,
    })
}

/// Whether this person flagged the item (and a moderator has not dismissed it since).
pub fn flagged_by(
    conn: &mut AnyConnection,
    target_type: &str,
    target_id: i64,
    user_id: i64,
) -> Result<bool, PersistenceError> {
    Ok(flags::table
        .filter(flags::target_type.eq(target_type))
        .filter(flags::target_id.eq(target_id))
        .filter(flags::user_id.eq(user_id))
        .count()
        .get_result::<i64>(conn)?
        > 0)
}

/// One flag as a moderator reads it: why and when, never who.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlagRow {
    pub reason: String,
    pub created_at: NaiveDateTime,
}

/// The flags of an item, oldest first.
pub fn flags_of(
    conn: &mut AnyConnection,
    target_type: &str,
    target_id: i64,
) -> Result<Vec<FlagRow>, PersistenceError> {
    Ok(flags::table
        .filter(flags::target_type.eq(target_type))
        .filter(flags::target_id.eq(target_id))
        .order((flags::created_at.asc(), flags::id.asc()))
        .select((flags::reason, flags::created_at))
        .load::<(String, NaiveDateTime)>(conn)?
        .into_iter()
        .map(|(reason, created_at)| FlagRow { reason, created_at })
        .collect())
}

/// A moderator's decision dismisses an item's flags (the audit log keeps their reasons); returns
/// how many there were.
pub fn dismiss_flags(
    conn: &mut AnyConnection,
    target_type: &str,
    target_id: i64,
) -> Result<usize, PersistenceError> {
    Ok(diesel::delete(
        flags::table
            .filter(flags::target_type.eq(target_type))
            .filter(flags::target_id.eq(target_id)),
    )
    .execute(conn)?)
}

pub fn flag_count(
    conn: &mut AnyConnection,
    target_type: &str,
    target_id: i64,
) -> Result<i64, PersistenceError> {
    Ok(flags::table
        .filter(flags::target_type.eq(target_type))
        .filter(flags::target_id.eq(target_id))
        .count()
        .get_result(conn)?)
}

/// Sets an issue's visibility; `false` if it does not exist.
pub fn set_issue_visibility(
    conn: &mut AnyConnection,
    id: i64,
    visibility: Visibility,
    at: NaiveDateTime,
) -> Result<bool, PersistenceError> {
    Ok(diesel::update(issues::table.find(id))
        .set((
            issues::visibility.eq(visibility.as_str()),
            issues::updated_at.eq(at),
        ))
        .execute(conn)?
        == 1)
}

/// Sets a reply's visibility, keeping its issue's public reply count right; `false` if missing.
pub fn set_reply_visibility(
    conn: &mut AnyConnection,
    id: i64,
    visibility: Visibility,
) -> Result<bool, PersistenceError> {
    let Some((issue_id, Stored(before))) = issue_replies::table
        .find(id)
        .select((issue_replies::issue_id, issue_replies::visibility))
        .first::<(i64, Stored<Visibility>)>(conn)
        .optional()?
    else {
        return Ok(false);
    };
    diesel::update(issue_replies::table.find(id))
        .set(issue_replies::visibility.eq(visibility.as_str()))
        .execute(conn)?;
    let delta = i32::from(visibility.is_public()) - i32::from(before.is_public());
    if delta != 0 {
        diesel::update(issues::table.find(issue_id))
            .set(issues::reply_count.eq(issues::reply_count + delta))
            .execute(conn)?;
    }
    Ok(true)
}

/// The commune and author of an item, and its text, for policies and notices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemInfo {
    pub issue_id: i64,
    pub commune: String,
    pub author_id: i64,
    pub text: String,
    pub visibility: Visibility,
    /// An official answer: the public record, never hidden.
    pub official_answer: bool,
}

pub fn item(
    conn: &mut AnyConnection,
    target_type: &str,
    id: i64,
) -> Result<Option<ItemInfo>, PersistenceError> {
    if target_type == "issue" {
        let row: Option<(i64, String, i64, String, Stored<Visibility>)> = issues::table
            .inner_join(communes::table)
            .filter(issues::id.eq(id))
            .select((
                issues::id,
                communes::slug,
                issues::author_id,
                issues::title,
                issues::visibility,
            ))
            .first(conn)
            .optional()?;
        return Ok(row.map(
            |(issue_id, commune, author_id, text, Stored(visibility))| ItemInfo {
                issue_id,
                commune,
                author_id,
                text,
                visibility,
                official_answer: false,
            },
        ));
    }
    let row: Option<(i64, String, i64, String, Stored<Visibility>, bool)> = issue_replies::table
        .inner_join(issues::table.inner_join(communes::table))
        .filter(issue_replies::id.eq(id))
        .select((
            issues::id,
            communes::slug,
            issue_replies::author_id,
            issue_replies::body,
            issue_replies::visibility,
            issue_replies::is_official,
        ))
        .first(conn)
        .optional()?;
    Ok(row.map(
        |(issue_id, commune, author_id, text, Stored(visibility), official_answer)| ItemInfo {
            issue_id,
            commune,
            author_id,
            text,
            visibility,
            official_answer,
        },
    ))
}

/// An item waiting for a moderator: flagged, held (personal data) or hidden.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueItem {
    pub target_type: &'static str,
    pub id: i64,
    pub issue_id: i64,
    pub commune: String,
    pub text: String,
    pub visibility: Visibility,
    /// Its flags, oldest first (a public item is here because of them).
    pub flags: Vec<FlagRow>,
    pub created_at: NaiveDateTime,
}

/// Flagged, held and hidden items of these communes (`None`: all), oldest first.
pub fn queue(
    conn: &mut AnyConnection,
    communes_filter: Option<&[String]>,
    limit: i64,
) -> Result<Vec<QueueItem>, PersistenceError> {
    let waiting = [Visibility::Pending.as_str(), Visibility::Hidden.as_str()];
    let flagged = |kind: &'static str| {
        flags::table
            .filter(flags::target_type.eq(kind))
            .select(flags::target_id)
    };
    let mut iq = issues::table
        .inner_join(communes::table)
        .filter(
            issues::visibility
                .eq_any(waiting)
                .or(issues::id.eq_any(flagged("issue"))),
        )
        .select((
            issues::id,
            issues::id,
            communes::slug,
            issues::title,
            issues::visibility,
            issues::created_at,
        ))
        .order((issues::created_at.asc(), issues::id.asc()))
        .limit(limit)
        .into_boxed();
    let mut rq = issue_replies::table
        .inner_join(issues::table.inner_join(communes::table))
        .filter(
            issue_replies::visibility
                .eq_any(waiting)
                .or(issue_replies::id.eq_any(flagged("reply"))),
        )
        .select((
            issue_replies::id,
            issues::id,
            communes::slug,
            issue_replies::body,
            issue_replies::visibility,
            issue_replies::created_at,
        ))
        .order((issue_replies::created_at.asc(), issue_replies::id.asc()))
        .limit(limit)
        .into_boxed();
    if let Some(list) = communes_filter {
        iq = iq.filter(communes::slug.eq_any(list.to_vec()));
        rq = rq.filter(communes::slug.eq_any(list.to_vec()));
    }
    let mut out = Vec::new();
    for (kind, rows) in [
        (
            "issue",
            iq.load::<(i64, i64, String, String, Stored<Visibility>, NaiveDateTime)>(conn)?,
        ),
        ("reply", rq.load(conn)?),
    ] {
        for (id, issue_id, commune, text, Stored(visibility), created_at) in rows {
            let flags = flags_of(conn, kind, id)?;
            out.push(QueueItem {
                target_type: kind,
                id,
                issue_id,
                commune,
                text,
                visibility,
                flags,
                created_at,
            });
        }
    }
    out.sort_by_key(|i| (i.created_at, i.id));
    out.truncate(usize::try_from(limit).unwrap_or(100));
    Ok(out)
}
