//! Accounts: register, verify, log in, refresh, log out, reset a password, and a person's own
//! data (read, change, export, erase).

use super::limits::{Quota, quota, throttle};
use super::{Caller, UseCaseError, in_transaction, with_conn};
use crate::auth::{jwt, password, token};
use crate::clock::rfc3339;
use crate::context::AppState;
use crate::mail::template::Template;
use crate::mail::{OutgoingMail, enqueue};
use chrono::TimeDelta;
use serde::Serialize;
use tawasol_domain::{
    Action, Actor, ArrondissementSlug, CategoryCode, CommuneSlug, DisplayName, EmailAddress,
    Locale, OfficialScope, Password, UserActor,
};
use tawasol_persistence::account::{
    self, PASSWORD_RESET, Redeemed, UserInsertForm, UserRow, UserUpdateForm, VERIFY_EMAIL,
};
use tawasol_persistence::{AnyConnection, audit, outbox, role};

const VERIFY_TTL: TimeDelta = TimeDelta::hours(48);
const RESET_TTL: TimeDelta = TimeDelta::hours(1);
const REFRESH_TTL: TimeDelta = TimeDelta::days(30);

/// What a person types to sign up.
#[derive(Debug, Clone)]
pub struct Registration {
    pub email: String,
    pub password: String,
    pub display_name: String,
    pub locale: String,
    pub home_commune: Option<String>,
}

/// Tokens a login or refresh hands out.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Tokens {
    pub access_token: String,
    pub refresh_token: String,
    pub token_type: &'static str,
    pub expires_in: i64,
}

/// A person's own account, as they see it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Account {
    pub id: i64,
    pub email: Option<String>,
    pub display_name: String,
    pub locale: String,
    pub home_commune: Option<String>,
    pub email_verified: bool,
    pub banned: bool,
    pub created_at: String,
    pub roles: Roles,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Roles {
    pub admin: bool,
    pub official: Option<OfficialRole>,
    /// Communes moderated; `null` stands for every commune.
    pub moderates: Vec<Option<String>>,
    pub organisations: Vec<OrganisationRole>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct OfficialRole {
    pub commune: String,
    pub arrondissement: Option<String>,
    pub categories: Vec<String>,
    pub title: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct OrganisationRole {
    pub id: i64,
    pub representative: bool,
}

/// Changes a person may make to their own account (nothing else: role, address and verification
/// are not theirs to set).
#[derive(Debug, Clone, Default)]
pub struct AccountChanges {
    pub display_name: Option<String>,
    pub locale: Option<String>,
}

fn parse_email(value: &str) -> Result<EmailAddress, UseCaseError> {
    EmailAddress::parse(value).map_err(|_| UseCaseError::invalid("email", "field-email"))
}

/// The client a throttle counts by, when a surface gave none (the command line).
fn client_of(caller: &Caller) -> &str {
    caller.ip.as_deref().unwrap_or("local")
}

fn link(state: &AppState, path: &str, token: &str) -> String {
    format!("{}/{path}?token={token}", state.public_url)
}

/// Registers an account, or, when the address is taken, tells its owner by mail. The answer is
/// the same either way, so that nobody learns which addresses have accounts.
pub async fn register(
    state: &AppState,
    caller: &Caller,
    input: Registration,
) -> Result<(), UseCaseError> {
    let mut invalid = Vec::new();
    let email = super::check(
        EmailAddress::parse(&input.email),
        "email",
        "field-email",
        &mut invalid,
    );
    let password = super::check(
        Password::parse(&input.password),
        "password",
        "field-password",
        &mut invalid,
    );
    let name = super::check_text(
        DisplayName::parse(&input.display_name),
        "display_name",
        "field-display-name",
        &mut invalid,
    );
    let locale = super::check(
        Locale::parse(&input.locale),
        "locale",
        "param-lang",
        &mut invalid,
    );
    let (Some(email), Some(password), Some(name), Some(locale)) = (email, password, name, locale)
    else {
        return Err(UseCaseError::Invalid(invalid));
    };
    throttle(
        state,
        format!("register:ip:{}", client_of(caller)),
        20,
        TimeDelta::hours(1),
    )
    .await?;
    // Each registration mails the address (a confirmation, or "someone tried" to its owner): past
    // a few an hour, the answer is the same and nothing is sent, so that nobody can flood a
    // mailbox, nor learn anything from the answer.
    let per_address = quota(
        state,
        format!("register:email:{}", token::hash(email.as_str())),
        3,
        TimeDelta::hours(1),
    )
    .await?;
    if per_address != Quota::Within {
        return Ok(());
    }
    let hash = password::hash(password.expose().to_owned()).await;
    let verify_token = token::generate();
    let verify_url = link(state, "verify-email", &verify_token);
    let home = input.home_commune.clone();
    let at = state.clock.now();
    let reset_token = token::generate();
    let reset_url = link(state, "reset-password", &reset_token);
    in_transaction(&state.db, move |c| {
        let home_commune_id = match &home {
            None => None,
            Some(slug) => match role::resolve(c, slug, None, &[])? {
                role::Resolved::Ok { commune_id, .. } => Some(commune_id),
                _ => return Err(UseCaseError::invalid("home_commune", "field-commune")),
            },
        };
        let created = account::create_user(
            c,
            &UserInsertForm {
                email: Some(email.as_str()),
                password_hash: Some(&hash),
                display_name: name.as_str(),
                locale,
                home_commune_id,
                email_verified_at: None,
                is_admin: false,
                created_at: at,
                updated_at: at,
            },
        )?;
        match created {
            Some(user_id) => {
                let token_id = account::insert_email_token(
                    c,
                    user_id,
                    VERIFY_EMAIL,
                    &token::hash(&verify_token),
                    at + VERIFY_TTL,
                    at,
                )?;
                let mail = OutgoingMail {
                    to: email.clone(),
                    locale,
                    template: Template::AccountVerifyEmail {
                        display_name: name.as_str().to_owned(),
                        verify_url,
                    },
                    dedupe_key: format!("verify-email:{user_id}:{token_id}"),
                };
                enqueue(c, &mail, at)?;
            }
            None => {
                // The address is taken: its owner hears of the attempt, with a way back in.
                let Some(owner) = account::find_by_email(c, email.as_str())? else {
                    return Ok(());
                };
                let token_id = account::insert_email_token(
                    c,
                    owner.id,
                    PASSWORD_RESET,
                    &token::hash(&reset_token),
                    at + RESET_TTL,
                    at,
                )?;
                let mail = OutgoingMail {
                    to: email.clone(),
                    locale: owner.locale,
                    template: Template::AccountRegistrationAttempt {
                        display_name: owner.display_name.clone(),
                        reset_url,
                    },
                    dedupe_key: format!("registration-attempt:{}:{token_id}", owner.id),
                };
                enqueue(c, &mail, at)?;
            }
        }
        Ok(())
    })
    .await?;
    state.mail.wake();
    Ok(())
}

/// Confirms an address with the single-use token from the verification mail.
pub async fn verify_email(state: &AppState, token_value: &str) -> Result<(), UseCaseError> {
    let hash = token::hash(token_value);
    let at = state.clock.now();
    in_transaction(&state.db, move |c| {
        let user = account::consume_email_token(c, VERIFY_EMAIL, &hash, at)?
            .ok_or(UseCaseError::InvalidToken)?;
        account::mark_verified(c, user, at)?;
        Ok(())
    })
    .await
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

/// Failed logins allowed per address and client, and per client over every address, in
/// [`LOGIN_WINDOW`].
pub const LOGIN_FAILURES_PER_ADDRESS_AND_CLIENT: i32 = 10;
pub const LOGIN_FAILURES_PER_CLIENT: i32 = 100;
pub const LOGIN_WINDOW: TimeDelta = TimeDelta::minutes(15);

/// Checks an address and password, the same for every surface. Throttles count failures, keyed
/// by the address together with the client, plus a ceiling per client: someone else's wrong
/// passwords never spend the owner's budget, so the owner is never locked out, and a right
/// password is never counted. Each attempt is counted before it is judged (a parallel burst
/// cannot slip past the limit) and taken back when it succeeds.
async fn authenticate(
    state: &AppState,
    caller: &Caller,
    email: &str,
    password_text: &str,
) -> Result<UserRow, UseCaseError> {
    let email = EmailAddress::parse(email).ok();
    let client = client_of(caller).to_owned();
    let address = email
        .as_ref()
        .map_or_else(|| "-".to_owned(), |e| token::hash(e.as_str()));
    let keys = [
        (
            format!("login-failed:client:{client}"),
            LOGIN_FAILURES_PER_CLIENT,
        ),
        (
            format!("login-failed:{address}:{client}"),
            LOGIN_FAILURES_PER_ADDRESS_AND_CLIENT,
        ),
    ];
    let mut counted = Vec::new();
    for (key, limit) in &keys {
        let outcome = quota(state, key.clone(), *limit, LOGIN_WINDOW).await;
        if state.rate_limits && outcome.is_ok() {
            counted.push(key.clone());
        }
        if let Quota::Over { retry_after } = outcome? {
            refund(state, counted).await?;
            return Err(UseCaseError::Throttled { retry_after });
        }
    }
    let user = match email {
        Some(e) => {
            with_conn(&state.db, move |c| {
                Ok(account::find_by_email(c, e.as_str())?)
            })
            .await?
        }
        None => None,
    };
    let stored = user.as_ref().and_then(|u| u.password_hash.clone());
    if !password::verify(password_text.to_owned(), stored).await {
        return Err(UseCaseError::BadCredentials);
    }
    let user = user.ok_or(UseCaseError::BadCredentials)?;
    refund(state, counted).await?;
    Ok(user)
}

/// Takes back the hits counted on `keys` for an attempt that did not fail.
async fn refund(state: &AppState, keys: Vec<String>) -> Result<(), UseCaseError> {
    for key in keys {
        super::limits::refund(state, key, LOGIN_WINDOW).await?;
    }
    Ok(())
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

/// Sends a reset link if the address has an account. The answer never says whether it has, and
/// is the same over the quotas (a few mails an hour per address, twenty requests per client):
/// past them nothing is sent. The owner is never locked out by someone else's requests: each
/// mail that was sent holds a live link (every link sent stays valid for its hour until one is
/// used), and the quota frees itself within the hour.
pub async fn request_password_reset(
    state: &AppState,
    caller: &Caller,
    email: &str,
) -> Result<(), UseCaseError> {
    let email = parse_email(email)?;
    let per_client = quota(
        state,
        format!("reset:ip:{}", client_of(caller)),
        20,
        TimeDelta::hours(1),
    )
    .await?;
    if per_client != Quota::Within {
        return Ok(());
    }
    let per_address = quota(
        state,
        format!("reset:email:{}", token::hash(email.as_str())),
        3,
        TimeDelta::hours(1),
    )
    .await?;
    if per_address != Quota::Within {
        return Ok(());
    }
    let reset_token = token::generate();
    let reset_url = link(state, "reset-password", &reset_token);
    let at = state.clock.now();
    in_transaction(&state.db, move |c| {
        let Some(user) = account::find_by_email(c, email.as_str())? else {
            return Ok(());
        };
        // Earlier links stay valid until one is used (they may arrive in any order); using one
        // voids the others.
        let token_id = account::insert_email_token(
            c,
            user.id,
            PASSWORD_RESET,
            &token::hash(&reset_token),
            at + RESET_TTL,
            at,
        )?;
        enqueue(
            c,
            &OutgoingMail {
                to: email.clone(),
                locale: user.locale,
                template: Template::AccountPasswordReset {
                    display_name: user.display_name.clone(),
                    reset_url,
                },
                dedupe_key: format!("password-reset:{}:{token_id}", user.id),
            },
            at,
        )?;
        Ok(())
    })
    .await?;
    state.mail.wake();
    Ok(())
}

/// Sets a new password with the single-use reset token; every session ends and the owner is told.
pub async fn confirm_password_reset(
    state: &AppState,
    token_value: &str,
    new_password: &str,
) -> Result<(), UseCaseError> {
    let password = Password::parse(new_password)
        .map_err(|_| UseCaseError::invalid("password", "field-password"))?;
    let hash = password::hash(password.expose().to_owned()).await;
    let token_hash = token::hash(token_value);
    let at = state.clock.now();
    in_transaction(&state.db, move |c| {
        let user_id = account::consume_email_token(c, PASSWORD_RESET, &token_hash, at)?
            .ok_or(UseCaseError::InvalidToken)?;
        let user = account::find(c, user_id)?.ok_or(UseCaseError::InvalidToken)?;
        account::void_email_tokens(c, user_id, PASSWORD_RESET, at)?;
        account::update(
            c,
            user_id,
            &UserUpdateForm {
                password_hash: Some(&hash),
                // Following the link proves the address.
                email_verified_at: Some(user.email_verified_at.unwrap_or(at)),
                updated_at: Some(at),
                ..UserUpdateForm::default()
            },
        )?;
        account::revoke_all_sessions(c, user_id, "password reset", at)?;
        // The personal feed's secret address goes with the sessions: whoever had it loses it.
        tawasol_persistence::feed::delete_token(c, user_id)?;
        if let Some(email) = user
            .email
            .as_deref()
            .and_then(|e| EmailAddress::parse(e).ok())
        {
            enqueue(
                c,
                &OutgoingMail {
                    to: email,
                    locale: user.locale,
                    template: Template::AccountPasswordChanged {
                        display_name: user.display_name,
                    },
                    dedupe_key: format!(
                        "password-changed:{user_id}:{}",
                        at.and_utc().timestamp_micros()
                    ),
                },
                at,
            )?;
        }
        Ok(())
    })
    .await?;
    state.mail.wake();
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
    if !account::session_is_live(c, session_id, user_id)? {
        return Ok(None);
    }
    let Some(user) = account::find(c, user_id)?.filter(|u| u.deleted_at.is_none()) else {
        return Ok(None);
    };
    let locale = user.locale;
    Ok(Some((
        Actor::User(actor_of(c, &user)?),
        locale,
        user.display_name,
    )))
}

pub(crate) fn actor_of(c: &mut AnyConnection, user: &UserRow) -> Result<UserActor, UseCaseError> {
    let official = account::official_binding(c, user.id)?.and_then(|b| {
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
    let moderates = account::moderated_communes(c, user.id)?
        .into_iter()
        .map(|m| m.and_then(|s| CommuneSlug::parse(&s).ok()))
        .collect();
    let organisations = account::organisations_of(c, user.id)?
        .into_iter()
        .map(|(id, _)| id)
        .collect();
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

fn account_of(c: &mut AnyConnection, user: &UserRow) -> Result<Account, UseCaseError> {
    let home_commune = match user.home_commune_id {
        Some(id) => tawasol_persistence::commune::slug_of(c, id)?,
        None => None,
    };
    let official = account::official_binding(c, user.id)?.map(|b| OfficialRole {
        commune: b.commune,
        arrondissement: b.arrondissement,
        categories: b.categories,
        title: b.title,
    });
    Ok(Account {
        id: user.id,
        email: user.email.clone(),
        display_name: user.display_name.clone(),
        locale: user.locale.as_str().to_owned(),
        home_commune,
        email_verified: user.email_verified_at.is_some(),
        banned: user.banned_at.is_some(),
        created_at: rfc3339(user.created_at),
        roles: Roles {
            admin: user.is_admin,
            official,
            moderates: account::moderated_communes(c, user.id)?,
            organisations: account::organisations_of(c, user.id)?
                .into_iter()
                .map(|(id, representative)| OrganisationRole { id, representative })
                .collect(),
        },
    })
}

fn own_id(caller: &Caller) -> Result<i64, UseCaseError> {
    caller.user_id().ok_or(UseCaseError::Denied(
        tawasol_domain::Denied::NotAuthenticated,
    ))
}

pub async fn me(state: &AppState, caller: &Caller) -> Result<Account, UseCaseError> {
    caller.may(&Action::ReadOwnAccount)?;
    let id = own_id(caller)?;
    with_conn(&state.db, move |c| {
        let user = account::find(c, id)?.ok_or(UseCaseError::UserNotFound(id))?;
        account_of(c, &user)
    })
    .await
}

pub async fn update_me(
    state: &AppState,
    caller: &Caller,
    changes: AccountChanges,
) -> Result<Account, UseCaseError> {
    caller.may(&Action::UpdateOwnAccount)?;
    let id = own_id(caller)?;
    let mut invalid = Vec::new();
    let name = changes.display_name.as_deref().and_then(|n| {
        super::check_text(
            DisplayName::parse(n),
            "display_name",
            "field-display-name",
            &mut invalid,
        )
    });
    let locale = changes
        .locale
        .as_deref()
        .and_then(|l| super::check(Locale::parse(l), "locale", "param-lang", &mut invalid));
    if !invalid.is_empty() {
        return Err(UseCaseError::Invalid(invalid));
    }
    let at = state.clock.now();
    with_conn(&state.db, move |c| {
        account::update(
            c,
            id,
            &UserUpdateForm {
                display_name: name.as_ref().map(DisplayName::as_str),
                locale,
                updated_at: Some(at),
                ..UserUpdateForm::default()
            },
        )?;
        let user = account::find(c, id)?.ok_or(UseCaseError::UserNotFound(id))?;
        account_of(c, &user)
    })
    .await
}

/// Everything Tawasol holds about the caller (Law 09-08, right of access).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Export {
    pub exported_at: String,
    pub account: Account,
    pub sessions: Vec<ExportedSession>,
    pub mails: Vec<ExportedMail>,
    pub audit: Vec<ExportedAudit>,
    /// The petitions I signed, with what I gave (decrypted: it is my own data).
    pub signatures: Vec<ExportedSignature>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ExportedSignature {
    pub petition_id: i64,
    pub petition_title: String,
    /// `null` (with `cin` and `address`) once erased after the petition's retention period.
    pub full_name: Option<String>,
    pub cin: Option<String>,
    pub address: Option<String>,
    pub lives_or_works_in_commune: bool,
    pub on_electoral_roll: bool,
    pub direct_interest: bool,
    pub signed_at: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ExportedSession {
    pub id: i64,
    pub created_at: String,
    pub last_used_at: String,
    pub revoked_at: Option<String>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ExportedMail {
    pub template: String,
    pub status: String,
    pub created_at: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ExportedAudit {
    pub action: String,
    pub created_at: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

pub async fn export(state: &AppState, caller: &Caller) -> Result<Export, UseCaseError> {
    caller.may(&Action::ReadOwnAccount)?;
    let id = own_id(caller)?;
    let vault = state.vault.clone();
    let exported_at = rfc3339(state.clock.now());
    with_conn(&state.db, move |c| {
        let user = account::find(c, id)?.ok_or(UseCaseError::UserNotFound(id))?;
        let account = account_of(c, &user)?;
        let signatures = tawasol_persistence::petition::signatures_of(c, id)?
            .into_iter()
            .map(|(petition_id, petition_title, s)| ExportedSignature {
                petition_id,
                petition_title,
                full_name: s.full_name,
                cin: s
                    .cin_encrypted
                    .and_then(|v| vault.decrypt(petition_id, "cin", &v).ok()),
                address: s
                    .address_encrypted
                    .and_then(|v| vault.decrypt(petition_id, "address", &v).ok()),
                lives_or_works_in_commune: s.lives_or_works_in_commune,
                on_electoral_roll: s.on_electoral_roll,
                direct_interest: s.direct_interest,
                signed_at: rfc3339(s.created_at),
            })
            .collect();
        let sessions = account::sessions_of(c, id)?
            .into_iter()
            .map(|s| ExportedSession {
                id: s.id,
                created_at: rfc3339(s.created_at),
                last_used_at: rfc3339(s.last_used_at),
                revoked_at: s.revoked_at.map(rfc3339),
            })
            .collect();
        let mails = match &user.email {
            Some(email) => outbox::list_for_recipient(c, email)?
                .into_iter()
                .map(|m| ExportedMail {
                    template: m.template,
                    status: m.status.as_str().to_owned(),
                    created_at: rfc3339(m.created_at),
                })
                .collect(),
            None => Vec::new(),
        };
        let audit = audit::about(c, "user", &id.to_string())?
            .into_iter()
            .map(|a| ExportedAudit {
                action: a.action,
                created_at: rfc3339(a.created_at),
                before: a.before.and_then(|b| serde_json::from_str(&b).ok()),
                after: a.after.and_then(|b| serde_json::from_str(&b).ok()),
            })
            .collect();
        Ok(Export {
            exported_at,
            account,
            sessions,
            mails,
            audit,
            signatures,
        })
    })
    .await
}

/// Erases the caller's personal data; public contributions stay, signed "former resident".
pub async fn delete_me(state: &AppState, caller: &Caller) -> Result<(), UseCaseError> {
    caller.may(&Action::DeleteOwnAccount)?;
    let id = own_id(caller)?;
    let at = state.clock.now();
    in_transaction(&state.db, move |c| {
        // Signatures on petitions still collecting are withdrawn before the account goes.
        tawasol_persistence::petition::erase_signer(c, id, at)?;
        Ok(account::erase(c, id, at)?)
    })
    .await
}

/// Creates the first admin (or makes an existing account admin), verified, with this password.
pub async fn create_admin(
    state: &AppState,
    email: &str,
    password_text: &str,
) -> Result<i64, UseCaseError> {
    let email = parse_email(email)?;
    let password = Password::parse(password_text)
        .map_err(|_| UseCaseError::invalid("password", "field-password"))?;
    let hash = password::hash(password.expose().to_owned()).await;
    let at = state.clock.now();
    in_transaction(&state.db, move |c| {
        let id = match account::find_by_email(c, email.as_str())? {
            Some(user) => {
                account::update(
                    c,
                    user.id,
                    &UserUpdateForm {
                        password_hash: Some(&hash),
                        is_admin: Some(true),
                        email_verified_at: Some(user.email_verified_at.unwrap_or(at)),
                        updated_at: Some(at),
                        ..UserUpdateForm::default()
                    },
                )?;
                user.id
            }
            None => account::create_user(
                c,
                &UserInsertForm {
                    email: Some(email.as_str()),
                    password_hash: Some(&hash),
                    display_name: "Admin",
                    locale: Locale::DEFAULT,
                    home_commune_id: None,
                    email_verified_at: Some(at),
                    is_admin: true,
                    created_at: at,
                    updated_at: at,
                },
            )?
            .ok_or(UseCaseError::invalid("email", "field-email"))?,
        };
        audit::record(
            c,
            &audit::AuditInsertForm {
                actor_user_id: None,
                action: "admin.create",
                target_type: "user",
                target_id: &id.to_string(),
                before: None,
                after: Some(r#"{"admin":true}"#),
                request_id: None,
                created_at: at,
            },
        )?;
        Ok(id)
    })
    .await
}
