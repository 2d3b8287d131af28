//! Local issues: a resident reports, everyone reads.

use super::{Caller, Page, UseCaseError, in_transaction, with_conn};
use crate::clock::rfc3339;
use crate::context::AppState;
use chrono::{NaiveDateTime, TimeDelta};
use serde::Serialize;
use tawasol_domain::issue::{
    IssueAddress, IssueDescription, IssueTitle, ReplyBody, Visibility, contains_personal_data,
};
use tawasol_domain::search::{index_terms, query_terms};
use tawasol_domain::{Action, CommuneSlug, GeoPoint, Locale, PageLimit};
use tawasol_persistence::issue::{self, IssueFilter, IssueInsertForm, IssueRow, StatusFilter};
use tawasol_persistence::role;
use tawasol_persistence::{account, commune};

/// What a resident sends.
#[derive(Debug, Clone)]
pub struct NewIssue {
    pub commune: String,
    pub category: String,
    pub title: String,
    pub description: String,
    pub language: Option<String>,
    pub location: Option<(f64, f64)>,
    pub address: Option<String>,
    pub arrondissement: Option<String>,
}

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
    #[schema(value_type = Option<super::Position>)]
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

/// A new issue, and up to five open issues of the same commune and category that look like it
/// (within 100 m, or a similar title), so that a client can offer "support this one instead".
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Reported {
    #[serde(flatten)]
    pub issue: IssueView,
    pub possible_duplicates: Vec<IssueView>,
}

const DUPLICATE_RADIUS_M: f64 = 100.0;

async fn possible_duplicates(
    state: &AppState,
    issue: &IssueView,
) -> Result<Vec<IssueView>, UseCaseError> {
    similar_open(
        state,
        issue.commune.clone(),
        issue.category.clone(),
        &issue.title,
        issue.location,
        Some(issue.id),
    )
    .await
}

/// Up to five open public issues of this commune and category within 100 m of `location` or
/// with a similar title: offered before posting ("support this one instead"), and after.
pub async fn similar_open(
    state: &AppState,
    commune: String,
    category: String,
    title: &str,
    location: Option<GeoPoint>,
    except: Option<i64>,
) -> Result<Vec<IssueView>, UseCaseError> {
    let filter = IssueFilter {
        commune: Some(commune),
        category: Some(category),
        status: Some(StatusFilter::Open),
        ..IssueFilter::default()
    };
    let candidates = with_conn(&state.db, move |c| Ok(issue::list(c, &filter, None, 200)?)).await?;
    let mut scored: Vec<(f64, IssueView)> = candidates
        .into_iter()
        .filter(|r| Some(r.id) != except && r.visibility.is_public())
        .filter_map(|row| {
            let exact = row.lat.zip(row.lon).map(|(lat, lon)| GeoPoint { lat, lon });
            let distance = location.zip(exact).map(|(a, b)| a.distance_m(b));
            let other = IssueView::from(row);
            let near = distance.is_some_and(|d| d <= DUPLICATE_RADIUS_M);
            let alike = tawasol_domain::search::similar_titles(title, &other.title);
            (near || alike).then(|| (distance.unwrap_or(DUPLICATE_RADIUS_M), other))
        })
        .collect();
    scored.sort_by(|a, b| a.0.total_cmp(&b.0));
    Ok(scored.into_iter().take(5).map(|(_, v)| v).collect())
}

/// Reports an issue. Verified accounts only; a description that seems to hold personal data is
/// held for a moderator (its author sees it as pending).
pub async fn report(
    state: &AppState,
    caller: &Caller,
    input: NewIssue,
) -> Result<Reported, UseCaseError> {
    report_with(state, caller, input, |_, _| Ok(())).await
}

/// Reports an issue, and runs `also` with its id in the same transaction (what another surface
/// must record with it, e.g. an Open311 token): both are stored, or neither.
pub async fn report_with<F>(
    state: &AppState,
    caller: &Caller,
    input: NewIssue,
    also: F,
) -> Result<Reported, UseCaseError>
where
    F: FnOnce(&mut AnyConnection, i64) -> Result<(), UseCaseError> + Send + 'static,
{
    caller.may(&Action::Contribute)?;
    let author = caller.user_id().ok_or(UseCaseError::Denied(
        tawasol_domain::Denied::NotAuthenticated,
    ))?;
    let mut invalid = Vec::new();
    let title = super::check_text(
        IssueTitle::parse(&input.title),
        "title",
        "field-issue-title",
        &mut invalid,
    );
    let description = super::check_text(
        IssueDescription::parse(&input.description),
        "description",
        "field-issue-description",
        &mut invalid,
    );
    let language = match &input.language {
        Some(l) => super::check(
            Locale::parse(l).map(Some),
            "language",
            "param-lang",
            &mut invalid,
        )
        .flatten(),
        None => None,
    };
    let location = match input.location {
        Some((lat, lon)) => super::check(
            GeoPoint::parse(lat, lon).map(Some),
            "location",
            "field-location",
            &mut invalid,
        )
        .flatten(),
        None => None,
    };
    let address = super::check_text(
        input
            .address
            .as_deref()
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(IssueAddress::parse)
            .transpose(),
        "address",
        "field-issue-address",
        &mut invalid,
    )
    .flatten()
    .map(IssueAddress::into_inner);
    let (Some(title), Some(description)) = (title, description) else {
        return Err(UseCaseError::Invalid(invalid));
    };
    if !invalid.is_empty() {
        return Err(UseCaseError::Invalid(invalid));
    }
    let at = state.clock.now();
    // New accounts may report less often: a fresh account is the cheapest tool of a spammer.
    let created = with_conn(&state.db, move |c| {
        Ok(account::find(c, author)?.map(|u| (u.created_at, u.locale)))
    })
    .await?;
    let (account_created, author_locale) = created.ok_or(UseCaseError::UserNotFound(author))?;
    let limit = if at - account_created < super::limits::NEW_ACCOUNT {
        3
    } else {
        10
    };
    let allowance = format!("report:user:{author}");
    super::limits::throttle(state, allowance.clone(), limit, TimeDelta::hours(1)).await?;
    let language = language.unwrap_or(author_locale);
    let held = contains_personal_data(description.as_str())
        || contains_personal_data(title.as_str())
        || address.as_deref().is_some_and(contains_personal_data);
    let search_text = index_terms(&format!("{} {}", title.as_str(), description.as_str()));
    let state2 = state.clone();
    let id = in_transaction(&state.db, move |c| {
        let slug = CommuneSlug::parse(&input.commune)
            .map_err(|_| UseCaseError::invalid("commune", "field-commune"))?;
        let found = commune::find(c, &slug)?
            .ok_or_else(|| UseCaseError::invalid("commune", "field-commune"))?;
        if location.is_some_and(|p| !found.commune.contains(p)) {
            return Err(UseCaseError::invalid("location", "field-location-outside"));
        }
        let (commune_id, arrondissement_id, category_ids) = super::resolve_place(
            role::resolve(
                c,
                &input.commune,
                input.arrondissement.as_deref(),
                std::slice::from_ref(&input.category),
            )?,
            "category",
        )?;
        let category_id = category_ids[0];
        let id = issue::create(
            c,
            &IssueInsertForm {
                commune_id,
                category_id,
                arrondissement_id,
                author_id: author,
                title: title.as_str(),
                description: description.as_str(),
                language,
                lat: location.map(|p| p.lat),
                lon: location.map(|p| p.lon),
                address: address.as_deref(),
                visibility: Visibility::held_if(held),
                search_text: &search_text,
                created_at: at,
                updated_at: at,
            },
        )?;
        notify_officials_of_new_issue(&state2, c, id, at)?;
        also(c, id)?;
        Ok(id)
    })
    .await;
    let id = match id {
        Ok(id) => id,
        Err(refused) => {
            // Nothing was stored: a report refused for what it says (a place outside the commune,
            // an unknown category) does not spend the hourly allowance.
            super::limits::refund(state, allowance, TimeDelta::hours(1)).await?;
            return Err(refused);
        }
    };
    state.mail.wake();
    let issue = show(state, caller, id).await?;
    let possible_duplicates = possible_duplicates(state, &issue).await?;
    Ok(Reported {
        issue,
        possible_duplicates,
    })
}

/// One issue. Held and hidden issues exist only for their author.
pub async fn show(state: &AppState, caller: &Caller, id: i64) -> Result<IssueView, UseCaseError> {
    let viewer = caller.user_id();
    let row = with_conn(&state.db, move |c| Ok(issue::find(c, id)?)).await?;
    match row {
        Some(r) if r.visibility.is_public() || Some(r.author_id) == viewer => {
            Ok(IssueView::for_viewer(r, caller))
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

// ---- the public thread, status changes, supports and follows ----

use crate::mail::template::Template;
use crate::mail::{OutgoingMail, enqueue};
use tawasol_domain::issue::{StatusChange, StatusRole, check_transition};
use tawasol_domain::{Actor, ArrondissementSlug, CategoryCode, EmailAddress};
use tawasol_persistence::AnyConnection;
use tawasol_persistence::issue::{Recipient, ReplyInsertForm, StatusUpdate};

/// A reply as the public sees it. An official answer names the official and their title.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ReplyView {
    pub id: i64,
    /// `null` once the author deleted their account ("former resident").
    pub author_name: Option<String>,
    pub official_answer: bool,
    pub official_title: Option<String>,
    pub body: String,
    /// `public`, or `pending` while held for a moderator (seen by the author only).
    pub visibility: String,
    pub created_at: String,
    pub edited_at: Option<String>,
    /// What the reply said before each correction, oldest first.
    pub previous_versions: Vec<PreviousVersion>,
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
}

fn name(n: String) -> Option<String> {
    (!n.is_empty()).then_some(n)
}

pub async fn detail(
    state: &AppState,
    caller: &Caller,
    id: i64,
) -> Result<IssueDetail, UseCaseError> {
    let issue = show(state, caller, id).await?;
    let viewer = caller.user_id();
    with_conn(&state.db, move |c| {
        let mut thread = Vec::new();
        for r in issue::replies(c, id, viewer)? {
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
        })
    })
    .await
}

fn issue_url(state: &AppState, id: i64) -> String {
    format!("{}/issues/{id}", state.public_url)
}

/// Queues `template` for each recipient who has an address (but `skip`), deduplicated by `key`.
pub(crate) fn notify(
    c: &mut AnyConnection,
    recipients: &[Recipient],
    skip: Option<i64>,
    template: &Template,
    key: &str,
    at: NaiveDateTime,
) -> Result<(), UseCaseError> {
    for r in recipients.iter().filter(|r| Some(r.user_id) != skip) {
        let Some(to) = r.email.as_deref().and_then(|e| EmailAddress::parse(e).ok()) else {
            continue;
        };
        enqueue(
            c,
            &OutgoingMail {
                to,
                locale: r.locale,
                template: template.clone(),
                dedupe_key: format!("{key}:{}", r.user_id),
            },
            at,
        )?;
    }
    Ok(())
}

/// Officials of the issue's scope hear of a new public issue at once.
pub(crate) fn notify_officials_of_new_issue(
    state: &AppState,
    c: &mut AnyConnection,
    id: i64,
    at: NaiveDateTime,
) -> Result<(), UseCaseError> {
    let Some(row) = issue::find(c, id)? else {
        return Ok(());
    };
    if !row.visibility.is_public() {
        return Ok(());
    }
    let Some((commune_id, arrondissement_id, category_id)) = issue::place(c, id)? else {
        return Ok(());
    };
    let officials = issue::officials_in_scope(c, commune_id, arrondissement_id, category_id)?;
    let template = Template::IssueNewForOfficial {
        issue_title: row.title,
        commune: row.commune,
        category: row.category,
        issue_url: issue_url(state, id),
    };
    notify(
        c,
        &officials,
        None,
        &template,
        &format!("issue-new:{id}"),
        at,
    )
}

fn scope_covers(actor: &Actor, row: &IssueRow) -> bool {
    covers(
        actor,
        &row.commune,
        row.arrondissement.as_deref(),
        &row.category,
    )
}

fn covers(actor: &Actor, commune: &str, arrondissement: Option<&str>, category: &str) -> bool {
    let Actor::User(user) = actor else {
        return false;
    };
    let (Some(scope), Ok(commune), Ok(category)) = (
        &user.official,
        CommuneSlug::parse(commune),
        CategoryCode::parse(category),
    ) else {
        return false;
    };
    let arrondissement = arrondissement.and_then(|a| ArrondissementSlug::parse(a).ok());
    scope.covers(&commune, arrondissement.as_ref(), &category)
}

/// Whether the caller is an official whose scope covers this issue: their replies are official
/// answers, and they may change its status.
pub fn official_in_scope(caller: &Caller, issue: &IssueView) -> bool {
    covers(
        &caller.actor,
        &issue.commune,
        issue.arrondissement.as_deref(),
        &issue.category,
    )
}

/// Adds a reply. A reply by an official in scope is an official answer: it names their title,
/// and the reporter and followers are told by mail.
pub async fn reply(
    state: &AppState,
    caller: &Caller,
    id: i64,
    body: &str,
) -> Result<ReplyView, UseCaseError> {
    caller.may(&Action::Contribute)?;
    let author = caller.user_id().ok_or(UseCaseError::Denied(
        tawasol_domain::Denied::NotAuthenticated,
    ))?;
    let text = super::text(ReplyBody::parse(body), "body", "field-reply-body")?.into_inner();
    let row = with_conn(&state.db, move |c| Ok(issue::find(c, id)?)).await?;
    let row = row
        .filter(|r| r.visibility.is_public() || r.author_id == author)
        .ok_or(UseCaseError::IssueNotFound(id))?;
    let official = scope_covers(&caller.actor, &row);
    // Every reply can mail the followers: an hourly allowance per account.
    let write = if official {
        super::limits::Write::OfficialStep
    } else {
        super::limits::Write::Reply
    };
    super::limits::allow(state, write, author).await?;
    let held = contains_personal_data(&text);
    let at = state.clock.now();
    let state2 = state.clone();
    let reply = in_transaction(&state.db, move |c| {
        let title = if official {
            account::official_binding(c, author)?.map(|b| b.title)
        } else {
            None
        };
        let reply_id = issue::add_reply(
            c,
            &ReplyInsertForm {
                issue_id: id,
                author_id: author,
                body: &text,
                is_official: official,
                official_title: title.as_deref(),
                visibility: Visibility::held_if(held),
                created_at: at,
            },
        )?;
        let author_name = account::find(c, author)?.map(|u| u.display_name);
        if !official && !held {
            let everyone = issue::followers(c, id, issue::Audience::AllReplies)?;
            let template = Template::IssueNewReply {
                issue_title: row.title.clone(),
                author_name: author_name.clone().unwrap_or_default(),
                excerpt: text.chars().take(280).collect(),
                issue_url: issue_url(&state2, id),
            };
            notify(
                c,
                &everyone,
                Some(author),
                &template,
                &format!("reply:{reply_id}"),
                at,
            )?;
        }
        if official && !held {
            let followers = issue::followers(c, id, issue::Audience::Updates)?;
            let template = Template::IssueOfficialAnswer {
                issue_title: row.title.clone(),
                official_name: author_name.clone().unwrap_or_default(),
                official_title: title.clone().unwrap_or_default(),
                issue_url: issue_url(&state2, id),
            };
            notify(
                c,
                &followers,
                Some(author),
                &template,
                &format!("answer:{reply_id}"),
                at,
            )?;
        }
        Ok(ReplyView {
            id: reply_id,
            author_name: author_name.and_then(name),
            official_answer: official,
            official_title: title,
            body: text,
            visibility: Visibility::held_if(held).as_str().to_owned(),
            created_at: rfc3339(at),
            edited_at: None,
            previous_versions: Vec::new(),
        })
    })
    .await?;
    state.mail.wake();
    Ok(reply)
}

/// Changes an issue's status, following the domain's state machine: officials in scope; moderators
/// for duplicates and rejections; the reporter to reopen a resolved issue within 30 days. Every
/// change is public, audited, and mailed to the reporter and followers.
pub async fn change_status(
    state: &AppState,
    caller: &Caller,
    id: i64,
    change: StatusChange,
) -> Result<IssueDetail, UseCaseError> {
    caller.may(&Action::Contribute)?;
    let actor_id = caller.user_id().ok_or(UseCaseError::Denied(
        tawasol_domain::Denied::NotAuthenticated,
    ))?;
    let row = with_conn(&state.db, move |c| Ok(issue::find(c, id)?))
        .await?
        .filter(|r| r.visibility.is_public())
        .ok_or(UseCaseError::IssueNotFound(id))?;
    let role = if scope_covers(&caller.actor, &row) {
        StatusRole::OfficialInScope
    } else if CommuneSlug::parse(&row.commune)
        .is_ok_and(|c| caller.may(&Action::Moderate { commune: c }).is_ok())
    {
        StatusRole::Moderator
    } else if row.author_id == actor_id {
        StatusRole::Reporter
    } else {
        StatusRole::Other
    };
    let from = row.status;
    let change = public_texts(change)?;
    // Every change is mailed to the followers: an hourly allowance per account.
    let write = if role == StatusRole::Reporter {
        super::limits::Write::Reply
    } else {
        super::limits::Write::OfficialStep
    };
    super::limits::allow(state, write, actor_id).await?;
    let at = state.clock.now();
    let resolved_at = with_conn(&state.db, move |c| Ok(issue::resolved_at(c, id)?)).await?;
    let days = resolved_at.map(|r| (at - r).num_days());
    check_transition(id, from, &change, role, days, at.date()).map_err(UseCaseError::Transition)?;
    let caller2 = caller.clone();
    let state2 = state.clone();
    in_transaction(&state.db, move |c| {
        if let Some(original) = change.duplicate_of {
            let exists = issue::find(c, original)?.is_some_and(|o| o.visibility.is_public());
            if !exists {
                return Err(UseCaseError::invalid("duplicate_of", "field-duplicate-of"));
            }
        }
        let note = change.note.trim();
        let changed = issue::change_status(
            c,
            &StatusUpdate {
                issue_id: id,
                actor_id,
                from,
                to: change.to,
                note,
                expected_on: change.expected_on,
                responsible_body: change.responsible_body.as_deref().map(str::trim),
                duplicate_of: change.duplicate_of,
                at,
            },
        )?;
        if !changed {
            return Err(UseCaseError::Transition(
                tawasol_domain::issue::TransitionError::NotAllowed {
                    from,
                    to: change.to,
                },
            ));
        }
        super::admin::record(
            c,
            &caller2,
            "issue.status",
            ("issue", &id.to_string()),
            Some(serde_json::json!({"status": from.as_str()})),
            Some(serde_json::json!({"status": change.to.as_str(), "note": note})),
            at,
        )?;
        let followers = issue::followers(c, id, issue::Audience::Updates)?;
        let template = Template::IssueStatusChanged {
            issue_title: row.title.clone(),
            status: change.to.as_str().to_owned(),
            note: note.to_owned(),
            issue_url: issue_url(&state2, id),
        };
        notify(
            c,
            &followers,
            Some(actor_id),
            &template,
            &format!("status:{id}:{}", at.and_utc().timestamp_micros()),
            at,
        )?;
        Ok(())
    })
    .await?;
    state.mail.wake();
    detail(state, caller, id).await
}

/// A status change's note and responsible body are public at once and cannot be held: the one
/// text rule applies, and personal data is refused (contact details belong in a reply, which a
/// moderator can hold). Lengths are left to the state machine, which names what is missing.
fn public_texts(mut change: StatusChange) -> Result<StatusChange, UseCaseError> {
    use tawasol_domain::issue::{ResponsibleBody, StatusNote};
    use tawasol_domain::text::InvalidText;
    match StatusNote::parse(&change.note) {
        Ok(note) if contains_personal_data(note.as_str()) => {
            return Err(UseCaseError::invalid("note", "field-personal-data"));
        }
        Ok(note) => change.note = note.into_inner(),
        Err(InvalidText::TooShort | InvalidText::TooLong) => {}
        Err(e) => {
            return Err(UseCaseError::invalid(
                "note",
                super::text_message(e, "field-note"),
            ));
        }
    }
    if let Some(body) = change.responsible_body.take() {
        change.responsible_body = match ResponsibleBody::parse(&body) {
            Ok(b) if contains_personal_data(b.as_str()) => {
                return Err(UseCaseError::invalid(
                    "responsible_body",
                    "field-personal-data",
                ));
            }
            Ok(b) => Some(b.into_inner()),
            Err(InvalidText::TooShort) => None,
            Err(e) => {
                return Err(UseCaseError::invalid(
                    "responsible_body",
                    super::text_message(e, "field-responsible-body"),
                ));
            }
        };
    }
    Ok(change)
}

/// "Me too" (`on`) or its withdrawal; follow or unfollow. One per person; counters follow.
pub async fn set_relation(
    state: &AppState,
    caller: &Caller,
    id: i64,
    support: bool,
    on: bool,
) -> Result<(), UseCaseError> {
    caller.may(&Action::Contribute)?;
    let user = caller.user_id().ok_or(UseCaseError::Denied(
        tawasol_domain::Denied::NotAuthenticated,
    ))?;
    let at = state.clock.now();
    in_transaction(&state.db, move |c| {
        let visible =
            issue::find(c, id)?.is_some_and(|r| r.visibility.is_public() || r.author_id == user);
        if !visible {
            return Err(UseCaseError::IssueNotFound(id));
        }
        if support {
            issue::set_support(c, id, user, on, at)?;
        } else {
            issue::set_follow(c, id, user, on, at)?;
        }
        Ok(())
    })
    .await
}

/// How long an author may correct a reply.
pub const REPLY_EDIT_WINDOW: TimeDelta = TimeDelta::minutes(15);

/// The author corrects their reply within 15 minutes; earlier versions stay on record.
pub async fn edit_reply(
    state: &AppState,
    caller: &Caller,
    issue_id: i64,
    reply_id: i64,
    body: &str,
) -> Result<ReplyView, UseCaseError> {
    caller.may(&Action::Contribute)?;
    let author = caller.user_id().ok_or(UseCaseError::Denied(
        tawasol_domain::Denied::NotAuthenticated,
    ))?;
    let text = super::text(ReplyBody::parse(body), "body", "field-reply-body")?.into_inner();
    // The same check as a new reply: a correction cannot slip personal data past the hold.
    let hold = contains_personal_data(&text);
    let at = state.clock.now();
    let outcome = in_transaction(&state.db, move |c| {
        Ok(issue::edit_reply(
            c,
            &issue::ReplyUpdateForm {
                issue_id,
                reply_id,
                author_id: author,
                body: &text,
                hold,
                not_before: at - REPLY_EDIT_WINDOW,
                at,
            },
        )?)
    })
    .await?;
    match outcome {
        issue::Edited::Done | issue::Edited::Held => {}
        issue::Edited::NotFound => return Err(UseCaseError::IssueNotFound(issue_id)),
        issue::Edited::NotAuthor => {
            return Err(UseCaseError::Denied(tawasol_domain::Denied::NotPermitted));
        }
        issue::Edited::TooLate => return Err(UseCaseError::EditWindowClosed),
    }
    let thread = detail(state, caller, issue_id).await?.thread;
    thread
        .into_iter()
        .find(|r| r.id == reply_id)
        .ok_or(UseCaseError::IssueNotFound(issue_id))
}
