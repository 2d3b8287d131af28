//! The thread: replies (counted on the issue when public; the first official answer timed),
//! held replies for their authors, corrections with their history.

use crate::connection::{AnyConnection, on_backend};
use crate::error::PersistenceError;
use crate::schema::{issue_replies, issues, users};
use crate::stored::Stored;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use tawasol_domain::issue::Visibility;

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = issue_replies)]
pub struct ReplyInsertForm<'a> {
    pub issue_id: i64,
    pub author_id: i64,
    pub body: &'a str,
    pub is_official: bool,
    pub official_title: Option<&'a str>,
    #[diesel(skip_insertion)]
    pub visibility: Visibility,
    pub created_at: NaiveDateTime,
}

/// Adds a reply; the issue's reply count and, for the first official answer, its answer time
/// follow in the same statement sequence (call inside a transaction).
pub fn add_reply(
    conn: &mut AnyConnection,
    form: &ReplyInsertForm<'_>,
) -> Result<i64, PersistenceError> {
    let id = on_backend!(conn, c => diesel::insert_into(issue_replies::table)
        .values((form, issue_replies::visibility.eq(form.visibility.as_str())))
        .returning(issue_replies::id)
        .get_result::<i64>(c))?;
    if form.visibility.is_public() {
        diesel::update(issues::table.find(form.issue_id))
            .set((
                issues::reply_count.eq(issues::reply_count + 1),
                issues::updated_at.eq(form.created_at),
            ))
            .execute(conn)?;
    }
    if form.is_official {
        let reported: NaiveDateTime = issues::table
            .find(form.issue_id)
            .select(issues::created_at)
            .first(conn)?;
        let seconds =
            i32::try_from((form.created_at - reported).num_seconds().max(0)).unwrap_or(i32::MAX);
        diesel::update(
            issues::table
                .find(form.issue_id)
                .filter(issues::first_official_answer_at.is_null()),
        )
        .set((
            issues::first_official_answer_at.eq(Some(form.created_at)),
            issues::first_answer_seconds.eq(Some(seconds)),
            issues::first_answer_by.eq(Some(form.author_id)),
        ))
        .execute(conn)?;
    }
    Ok(id)
}

/// A reply with its author's public name (empty once the account was deleted).
#[derive(Debug, Clone, PartialEq, Queryable)]
pub struct ReplyRow {
    pub id: i64,
    pub author_id: i64,
    pub author_name: String,
    pub body: String,
    pub is_official: bool,
    pub official_title: Option<String>,
    #[diesel(deserialize_as = Stored<Visibility>)]
    pub visibility: Visibility,
    pub created_at: NaiveDateTime,
    pub edited_at: Option<NaiveDateTime>,
}

/// The thread, oldest first: public replies, and the viewer's own held ones; with `everything`
/// (a moderator of the issue's commune), held and hidden replies too.
pub fn replies(
    conn: &mut AnyConnection,
    issue_id: i64,
    viewer: Option<i64>,
    everything: bool,
) -> Result<Vec<ReplyRow>, PersistenceError> {
    let mut q = issue_replies::table
        .inner_join(users::table.on(users::id.eq(issue_replies::author_id)))
        .filter(issue_replies::issue_id.eq(issue_id))
        .select((
            issue_replies::id,
            issue_replies::author_id,
            users::display_name,
            issue_replies::body,
            issue_replies::is_official,
            issue_replies::official_title,
            issue_replies::visibility,
            issue_replies::created_at,
            issue_replies::edited_at,
        ))
        .order((issue_replies::created_at.asc(), issue_replies::id.asc()))
        .into_boxed();
    q = match viewer {
        _ if everything => q,
        Some(v) => q.filter(
            issue_replies::visibility
                .eq(Visibility::Public.as_str())
                .or(issue_replies::visibility
                    .eq(Visibility::Pending.as_str())
                    .and(issue_replies::author_id.eq(v))),
        ),
        None => q.filter(issue_replies::visibility.eq(Visibility::Public.as_str())),
    };
    Ok(q.load(conn)?)
}

/// Every reply `author` wrote, whatever its visibility, oldest first, with its issue's id (their
/// own data).
pub fn replies_by_author(
    conn: &mut AnyConnection,
    author: i64,
) -> Result<Vec<(i64, ReplyRow)>, PersistenceError> {
    let rows: Vec<(i64, ReplyRow)> = issue_replies::table
        .inner_join(users::table.on(users::id.eq(issue_replies::author_id)))
        .filter(issue_replies::author_id.eq(author))
        .select((
            issue_replies::issue_id,
            (
                issue_replies::id,
                issue_replies::author_id,
                users::display_name,
                issue_replies::body,
                issue_replies::is_official,
                issue_replies::official_title,
                issue_replies::visibility,
                issue_replies::created_at,
                issue_replies::edited_at,
            ),
        ))
        .order(issue_replies::id.asc())
        .load(conn)?;
    Ok(rows)
}

/// What an edit of a reply led to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edited {
    Done,
    /// Done, and held for a moderator: the new text looks like personal data.
    Held,
    NotFound,
    NotAuthor,
    TooLate,
}

/// A correction of a reply by its author.
#[derive(Debug, Clone, Copy)]
pub struct ReplyUpdateForm<'a> {
    pub issue_id: i64,
    pub reply_id: i64,
    pub author_id: i64,
    pub body: &'a str,
    /// The new text looks like personal data: the reply is held again.
    pub hold: bool,
    /// Replies written before this can no longer be corrected.
    pub not_before: NaiveDateTime,
    pub at: NaiveDateTime,
}

/// Replaces a reply's body, keeping the previous one, if `author_id` wrote it after `not_before`;
/// with `hold`, a public reply goes back to `pending` (and out of the issue's public count).
pub fn edit_reply(
    conn: &mut AnyConnection,
    edit: &ReplyUpdateForm<'_>,
) -> Result<Edited, PersistenceError> {
    let ReplyUpdateForm {
        issue_id,
        reply_id,
        author_id,
        body,
        hold,
        not_before,
        at,
    } = *edit;
    use crate::schema::issue_reply_edits;
    let Some((author, created, previous, visibility)) = issue_replies::table
        .filter(issue_replies::id.eq(reply_id))
        .filter(issue_replies::issue_id.eq(issue_id))
        .select((
            issue_replies::author_id,
            issue_replies::created_at,
            issue_replies::body,
            issue_replies::visibility,
        ))
        .first::<(i64, NaiveDateTime, String, Stored<Visibility>)>(conn)
        .optional()?
    else {
        return Ok(Edited::NotFound);
    };
    let visibility = visibility.0;
    // A hidden reply is out of its author's hands; only public and held ones can be corrected.
    if visibility == Visibility::Hidden {
        return Ok(Edited::NotFound);
    }
    if author != author_id {
        return Ok(Edited::NotAuthor);
    }
    if created < not_before {
        return Ok(Edited::TooLate);
    }
    diesel::insert_into(issue_reply_edits::table)
        .values((
            issue_reply_edits::reply_id.eq(reply_id),
            issue_reply_edits::previous_body.eq(previous),
            issue_reply_edits::edited_at.eq(at),
        ))
        .execute(conn)?;
    diesel::update(issue_replies::table.find(reply_id))
        .set((
            issue_replies::body.eq(body),
            issue_replies::edited_at.eq(Some(at)),
        ))
        .execute(conn)?;
    // A correction that looks like personal data is held again until a moderator looks, and
    // leaves the public count.
    if hold && visibility.is_public() {
        crate::moderation::set_reply_visibility(conn, reply_id, Visibility::Pending)?;
        return Ok(Edited::Held);
    }
    Ok(Edited::Done)
}

/// Earlier versions of a reply, oldest first.
pub fn reply_history(
    conn: &mut AnyConnection,
    reply_id: i64,
) -> Result<Vec<(String, NaiveDateTime)>, PersistenceError> {
    use crate::schema::issue_reply_edits;
    Ok(issue_reply_edits::table
        .filter(issue_reply_edits::reply_id.eq(reply_id))
        .order(issue_reply_edits::id.asc())
        .select((
            issue_reply_edits::previous_body,
            issue_reply_edits::edited_at,
        ))
        .load(conn)?)
}
