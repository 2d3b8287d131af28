//! Sessions: the tokens a login hands out, browser sessions, refresh and log out, and the actor
//! behind a live session (read from the database on every request).

use super::REFRESH_TTL;
use super::authentication::authenticate;
use crate::auth::{jwt, token};
use crate::context::AppState;
use crate::usecases::{Caller, UseCaseError, in_transaction, with_conn};
use chrono::TimeDelta;
use serde::Serialize;
use tawasol_domain::{
    Action, Actor, ArrondissementSlug, CategoryCode, CommuneSlug, Locale, OfficialScope, UserActor,
};
use tawasol_persistence::AnyConnection;
use tawasol_persistence::account::{self, Redeemed, UserRow};

/// Tokens a login or refresh hands out.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Tokens {
    pub access_token: String,
    pub refresh_token: String,
    pub token_type: &'static str,
    pub expires_in: i64,
}

fn tokens(state: &AppState, user_id: i64, session_id: i64, refresh: String) -> Tokens {
    Tokens {
        access_token: state
            .jwt
            .issue(user_id, session_id, state.clock.timestamp()),
        refresh_token: refresh,
        token_type: "Bearer",
        expires_in: jwt::ACCESS_TTL_SECONDS,
    }
}

/// Logs in. An unknown address and a wrong password get the same answer in the same time;
/// repeated attempts per address and per client address are throttled (never locked out).
pub async fn login(
    state: &AppState,
    caller: &Caller,
    email: &str,
    password_text: &str,
) -> Result<Tokens, UseCaseError> {
    let user = authenticate(state, caller, email, password_text).await?;
    let refresh = token::generate();
    let refresh_hash = token::hash(&refresh);
    let at = state.clock.now();
    let user_id = user.id;
    let session_id = in_transaction(&state.db, move |c| {
        let sid = account::create_session(c, user_id, at)?;
        account::insert_refresh_token(c, sid, &refresh_hash, at + REFRESH_TTL, at)?;
        Ok(sid)
    })
    .await?;
    Ok(tokens(state, user_id, session_id, refresh))
}

/// How long a browser session lasts without being used.
pub const BROWSER_SESSION_IDLE: TimeDelta = TimeDelta::days(30);

/// Logs in from a browser: a new session, found later by the cookie value this returns.
pub async fn login_browser(
    state: &AppState,
    caller: &Caller,
    email: &str,
    password_text: &str,
) -> Result<String, UseCaseError> {
    let user = authenticate(state, caller, email, password_text).await?;
    let cookie = token::generate();
    let cookie_hash = token::hash(&cookie);
    let at = state.clock.now();
    in_transaction(&state.db, move |c| {
        Ok(account::create_browser_session(
            c,
            user.id,
            &cookie_hash,
            at,
        )?)
    })
    .await?;
    Ok(cookie)
}

/// The person behind a browser's session cookie (their actor, language and session), if the
/// session is live and used within [`BROWSER_SESSION_IDLE`].
pub async fn browser_session(
    state: &AppState,
    cookie: &str,
) -> Result<Option<BrowserSession>, UseCaseError> {
    let hash = token::hash(cookie);
    let at = state.clock.now();
    with_conn(&state.db, move |c| {
        let Some((session_id, user_id)) =
            account::browser_session(c, &hash, at - BROWSER_SESSION_IDLE, at)?
        else {
            return Ok(None);
        };
        Ok(
            live_actor(c, user_id, session_id)?.map(|(actor, locale, display_name)| {
                BrowserSession {
                    actor,
                    locale,
                    session_id,
                    display_name,
                }
            }),
        )
    })
    .await
}

/// Who is behind a browser's session cookie.
#[derive(Debug, Clone)]
pub struct BrowserSession {
    pub actor: Actor,
    pub locale: Locale,
    pub session_id: i64,
    pub display_name: String,
}

/// Exchanges a refresh token for new tokens. Each refresh token works once; presenting one that
/// was already exchanged revokes the whole session, for it means two parties hold it.
pub async fn refresh(state: &AppState, refresh_token: &str) -> Result<Tokens, UseCaseError> {
    let hash = token::hash(refresh_token);
    let next = token::generate();
    let next_hash = token::hash(&next);
    let at = state.clock.now();
    let redeemed = in_transaction(&state.db, move |c| {
        let r = account::redeem_refresh_token(c, &hash, at)?;
        if let Redeemed::Current { session_id, .. } = r {
            account::insert_refresh_token(c, session_id, &next_hash, at + REFRESH_TTL, at)?;
        }
        Ok(r)
    })
    .await?;
    match redeemed {
        Redeemed::Current {
            user_id,
            session_id,
        } => Ok(tokens(state, user_id, session_id, next)),
        Redeemed::Reused | Redeemed::Invalid => Err(UseCaseError::InvalidToken),
    }
}

/// Ends the caller's session: its refresh tokens stop working, and so does its access token.
pub async fn logout(state: &AppState, caller: &Caller) -> Result<(), UseCaseError> {
    caller.may(&Action::Logout)?;
    let Some(sid) = caller.session_id else {
        return Err(UseCaseError::Denied(
            tawasol_domain::Denied::NotAuthenticated,
        ));
    };
    let at = state.clock.now();
    with_conn(&state.db, move |c| {
        Ok(account::revoke_session(c, sid, "logout", at)?)
    })
    .await?;
    Ok(())
}

/// The actor behind a valid access token: the user as the database says now (roles, ban,
/// verification), if the user and the session still exist.
pub async fn load_actor(
    state: &AppState,
    user_id: i64,
    session_id: i64,
) -> Result<Option<(Actor, Locale)>, UseCaseError> {
    with_conn(&state.db, move |c| {
        Ok(live_actor(c, user_id, session_id)?.map(|(actor, locale, _)| (actor, locale)))
    })
    .await
}

/// The actor of a live session, with their language and display name.
fn live_actor(
    c: &mut AnyConnection,
    user_id: i64,
    session_id: i64,
) -> Result<Option<(Actor, Locale, String)>, UseCaseError> {
    // The session, the user and which roles they may hold in one statement: a resident's
    // actor needs nothing more.
    let Some((user, hints)) =
        account::live_user(c, session_id, user_id)?.filter(|(u, _)| u.deleted_at.is_none())
    else {
        return Ok(None);
    };
    let locale = user.locale;
    Ok(Some((
        Actor::User(actor_with(c, &user, hints)?),
        locale,
        user.display_name,
    )))
}

pub(crate) fn actor_of(c: &mut AnyConnection, user: &UserRow) -> Result<UserActor, UseCaseError> {
    let every = account::RoleHints {
        official: true,
        moderator: true,
        member: true,
    };
    actor_with(c, user, every)
}

/// The user's actor, reading only the role tables `hints` say may hold a row of theirs.
fn actor_with(
    c: &mut AnyConnection,
    user: &UserRow,
    hints: account::RoleHints,
) -> Result<UserActor, UseCaseError> {
    let binding = if hints.official {
        account::official_binding(c, user.id)?
    } else {
        None
    };
    let official = binding.and_then(|b| {
        Some(OfficialScope {
            commune: CommuneSlug::parse(&b.commune).ok()?,
            arrondissement: b
                .arrondissement
                .as_deref()
                .and_then(|a| ArrondissementSlug::parse(a).ok()),
            categories: b
                .categories
                .iter()
                .filter_map(|c| CategoryCode::parse(c).ok())
                .collect(),
        })
    });
    let moderated = if hints.moderator {
        account::moderated_communes(c, user.id)?
    } else {
        Vec::new()
    };
    let moderates = moderated
        .into_iter()
        .map(|m| m.and_then(|s| CommuneSlug::parse(&s).ok()))
        .collect();
    let memberships = if hints.member {
        account::organisations_of(c, user.id)?
    } else {
        Vec::new()
    };
    let organisations = memberships.into_iter().map(|(id, _)| id).collect();
    Ok(UserActor {
        id: user.id,
        verified: user.email_verified_at.is_some(),
        banned: user.banned_at.is_some(),
        admin: user.is_admin,
        official,
        moderates,
        organisations,
    })
}
