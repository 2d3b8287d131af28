//! Reading: an issue as the public, its author and the commune's officials see it; one issue,
//! lists with their filters, and the thread with its status history.

use crate::clock::rfc3339;
use crate::context::AppState;
use crate::usecases::{Caller, Page, UseCaseError, with_conn};
use chrono::NaiveDateTime;
use serde::Serialize;
use tawasol_domain::issue::Visibility;
use tawasol_domain::search::query_terms;
use tawasol_domain::{Actor, GeoPoint, PageLimit};
use tawasol_persistence::issue::{self, IssueFilter, IssueRow, StatusFilter};

/// An issue as the public sees it: no author contact, no e-mail.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct IssueView {
    pub id: i64,
    pub commune: String,
    pub category: String,
    pub arrondissement: Option<String>,
    pub title: String,
    pub description: String,
    pub language: String,
    #[schema(value_type = Option<crate::usecases::Position>)]
    pub location: Option<GeoPoint>,
    pub address: Option<String>,
    pub status: String,
    /// `public`, or `pending` while held for a moderator (seen by the author only).
    pub visibility: String,
    pub support_count: i32,
    pub reply_count: i32,
    pub follower_count: i32,
    pub created_at: String,
    pub updated_at: String,
}

/// What anyone may see: the location rounded to the public precision
/// ([`GeoPoint::public`]).
impl From<IssueRow> for IssueView {
    fn from(r: IssueRow) -> IssueView {
        let mut view = IssueView::exact(r);
        view.location = view.location.map(GeoPoint::public);
        view
    }
}

impl IssueView {
    /// As its author and the commune's officials see it: the exact location.
    pub fn exact(r: IssueRow) -> IssueView {
        IssueView {
            id: r.id,
            commune: r.commune,
            category: r.category,
            arrondissement: r.arrondissement,
            title: r.title,
            description: r.description,
            language: r.language.as_str().to_owned(),
            location: r.lat.zip(r.lon).map(|(lat, lon)| GeoPoint { lat, lon }),
            address: r.address,
            status: r.status.as_str().to_owned(),
            visibility: r.visibility.as_str().to_owned(),
            support_count: r.support_count,
            reply_count: r.reply_count,
            follower_count: r.follower_count,
            created_at: rfc3339(r.created_at),
            updated_at: rfc3339(r.updated_at),
        }
    }

    /// The view `viewer` may have: the exact location for the author and the officials of the
    /// issue's commune, the public precision for everyone else.
    pub fn for_viewer(r: IssueRow, viewer: &Caller) -> IssueView {
        let exact =
            viewer.user_id() == Some(r.author_id) || official_of_commune(viewer, &r.commune);
        if exact {
            IssueView::exact(r)
        } else {
            IssueView::from(r)
        }
    }
}

/// Whether the caller is an official of this commune (whatever their scope within it).
fn official_of_commune(caller: &Caller, commune: &str) -> bool {
    matches!(&caller.actor, Actor::User(u)
        if u.official.as_ref().is_some_and(|o| o.commune.as_str() == commune))
}

/// One issue. Held and hidden issues exist only for their author and the moderators of their
/// commune.
pub async fn show(state: &AppState, caller: &Caller, id: i64) -> Result<IssueView, UseCaseError> {
    Ok(shown(state, caller, id).await?.0)
}

/// Whether the caller moderates this commune (and so sees what is held or hidden there).
fn moderates(caller: &Caller, commune: &str) -> bool {
    tawasol_domain::CommuneSlug::parse(commune).is_ok_and(|commune| {
        caller
            .may(&tawasol_domain::Action::Moderate { commune })
            .is_ok()
    })
}

/// One issue as [`show`] finds it, and whether the caller reported it.
async fn shown(
    state: &AppState,
    caller: &Caller,
    id: i64,
) -> Result<(IssueView, bool), UseCaseError> {
    let caller = caller.clone();
    with_conn(&state.db, move |c| shown_on(c, &caller, id)).await
}

/// [`shown`] on a connection already checked out.
fn shown_on(
    c: &mut tawasol_persistence::AnyConnection,
    caller: &Caller,
    id: i64,
) -> Result<(IssueView, bool), UseCaseError> {
    let viewer = caller.user_id();
    match issue::find(c, id)? {
        Some(r)
            if r.visibility.is_public()
                || Some(r.author_id) == viewer
                || moderates(caller, &r.commune) =>
        {
            let mine = Some(r.author_id) == viewer;
            Ok((IssueView::for_viewer(r, caller), mine))
        }
        _ => Err(UseCaseError::IssueNotFound(id)),
    }
}

/// What a list asks for, as the surfaces parse it.
#[derive(Debug, Clone, Default)]
pub struct IssueQuery {
    pub commune: Option<String>,
    pub category: Option<String>,
    /// A status, or `open` / `closed`.
    pub status: Option<String>,
    pub author_is_me: bool,
    pub followed_by_me: bool,
    pub arrondissement: Option<String>,
    pub created_after: Option<NaiveDateTime>,
    pub created_before: Option<NaiveDateTime>,
    pub bbox: Option<tawasol_domain::BoundingBox>,
    pub text: Option<String>,
    pub sort: issue::IssueSort,
}

/// Issues newest first, a page at a time.
pub async fn list(
    state: &AppState,
    caller: &Caller,
    query: IssueQuery,
    after: Option<(issue::SortKey, i64)>,
    limit: PageLimit,
) -> Result<Page<IssueView, (issue::SortKey, i64)>, UseCaseError> {
    let status = match query.status.as_deref() {
        None => None,
        Some("open") => Some(StatusFilter::Open),
        Some("closed") => Some(StatusFilter::Closed),
        Some(s) => match tawasol_domain::issue::IssueStatus::parse(s) {
            Some(st) => Some(StatusFilter::Is(st)),
            None => return Err(UseCaseError::invalid("status", "param-invalid")),
        },
    };
    let viewer = caller.user_id();
    let author_id = if query.author_is_me {
        Some(viewer.ok_or(UseCaseError::Denied(
            tawasol_domain::Denied::NotAuthenticated,
        ))?)
    } else {
        None
    };
    let followed_by = if query.followed_by_me {
        Some(viewer.ok_or(UseCaseError::Denied(
            tawasol_domain::Denied::NotAuthenticated,
        ))?)
    } else {
        None
    };
    let sort = query.sort;
    let filter = IssueFilter {
        sort,
        commune: query.commune,
        category: query.category,
        status,
        author_id,
        arrondissement: query.arrondissement,
        followed_by,
        created_after: query.created_after,
        created_before: query.created_before,
        bbox: query.bbox.map(|b| (b.south, b.west, b.north, b.east)),
        terms: query.text.as_deref().map(query_terms).unwrap_or_default(),
        viewer_id: viewer,
        ids: None,
        categories: None,
    };
    // A text search, a map box and the orders no index serves (most supported, recently updated)
    // read a share of the table that grows with the data: they take a slot of the search class.
    // The newest-first list with its filters walks an index and stays cheap.
    let heavy = !filter.terms.is_empty()
        || filter.bbox.is_some()
        || filter.sort != issue::IssueSort::Newest;
    let _slot = if heavy {
        Some(state.work.enter(crate::work::WorkClass::Search).await?)
    } else {
        None
    };
    let caller = caller.clone();
    with_conn(&state.db, move |c| {
        let rows = issue::list(c, &filter, after, i64::from(limit.get()) + 1)?;
        Ok(Page::from_overfetch(rows, limit, |r| r.key(sort))
            .map(|r| IssueView::for_viewer(r, &caller)))
    })
    .await
}

/// A reply as the public sees it. An official answer names the official and their title.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ReplyView {
    pub id: i64,
    /// `null` once the author deleted their account ("former resident").
    pub author_name: Option<String>,
    pub official_answer: bool,
    pub official_title: Option<String>,
    pub body: String,
    /// `public`, or `pending` while held for a moderator (seen by its author and the moderators),
    /// or `hidden` (seen by the moderators only).
    pub visibility: String,
    pub created_at: String,
    pub edited_at: Option<String>,
    /// What the reply said before each correction, oldest first.
    pub previous_versions: Vec<PreviousVersion>,
    /// The reader wrote it (the pages offer no "report abuse" on one's own words).
    #[serde(skip)]
    pub by_me: bool,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PreviousVersion {
    pub body: String,
    pub replaced_at: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct StatusView {
    pub from: String,
    pub to: String,
    pub note: String,
    pub by: Option<String>,
    pub expected_on: Option<String>,
    pub responsible_body: Option<String>,
    pub duplicate_of: Option<i64>,
    pub at: String,
}

/// One issue with its thread (oldest first), its public status history, and the reader's own
/// support and follow.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct IssueDetail {
    #[serde(flatten)]
    pub issue: IssueView,
    pub thread: Vec<ReplyView>,
    pub history: Vec<StatusView>,
    pub supported_by_me: bool,
    pub followed_by_me: bool,
    /// The reader reported it (its author does not support it: the report counts them).
    pub reported_by_me: bool,
    /// For a moderator of its commune, why a held or hidden issue is out of public view.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub moderation: Option<crate::usecases::moderation::ModerationNote>,
}

pub(super) fn name(n: String) -> Option<String> {
    (!n.is_empty()).then_some(n)
}

pub async fn detail(
    state: &AppState,
    caller: &Caller,
    id: i64,
) -> Result<IssueDetail, UseCaseError> {
    // One check-out for the whole page: the issue, its thread, its history (and, for a reader
    // who is logged in, their support and follow).
    let caller = caller.clone();
    with_conn(&state.db, move |c| {
        let (issue, reported_by_me) = shown_on(c, &caller, id)?;
        let viewer = caller.user_id();
        let moderator = moderates(&caller, &issue.commune);
        let moderation = match Visibility::parse(&issue.visibility) {
            Some(v) if moderator => crate::usecases::moderation::note(
                c,
                crate::usecases::moderation::Target::Issue,
                id,
                v,
            )?,
            _ => None,
        };
        let mut thread = Vec::new();
        for r in issue::replies(c, id, viewer, moderator)? {
            let previous_versions = if r.edited_at.is_some() {
                issue::reply_history(c, r.id)?
                    .into_iter()
                    .map(|(body, at)| PreviousVersion {
                        body,
                        replaced_at: rfc3339(at),
                    })
                    .collect()
            } else {
                Vec::new()
            };
            thread.push(ReplyView {
                by_me: viewer == Some(r.author_id),
                id: r.id,
                author_name: name(r.author_name),
                official_answer: r.is_official,
                official_title: r.official_title,
                body: r.body,
                visibility: r.visibility.as_str().to_owned(),
                created_at: rfc3339(r.created_at),
                edited_at: r.edited_at.map(rfc3339),
                previous_versions,
            });
        }
        let history = issue::status_history(c, id)?
            .into_iter()
            .map(|h| StatusView {
                from: h.from_status.as_str().to_owned(),
                to: h.to_status.as_str().to_owned(),
                note: h.note,
                by: name(h.actor_name),
                expected_on: h.expected_on.map(|d| d.to_string()),
                responsible_body: h.responsible_body,
                duplicate_of: h.duplicate_of,
                at: rfc3339(h.created_at),
            })
            .collect();
        let (supported_by_me, followed_by_me) = match viewer {
            Some(v) => issue::relation(c, id, v)?,
            None => (false, false),
        };
        Ok(IssueDetail {
            issue,
            thread,
            history,
            supported_by_me,
            followed_by_me,
            reported_by_me,
            moderation,
        })
    })
    .await
}
