//! Signing up: a new account and its verification mail (the same answer when the address is
//! taken), confirming the address, and the first admin.

use super::{RESET_TTL, VERIFY_TTL, client_of, link, parse_email};
use crate::auth::{password, token};
use crate::context::AppState;
use crate::mail::template::Template;
use crate::mail::{OutgoingMail, enqueue};
use crate::usecases::limits::{Quota, quota, throttle};
use crate::usecases::{Caller, UseCaseError, in_transaction, with_conn};
use chrono::TimeDelta;
use tawasol_domain::{DisplayName, EmailAddress, Locale, Password};
use tawasol_persistence::account::{
    self, PASSWORD_RESET, UserInsertForm, UserUpdateForm, VERIFY_EMAIL,
};
use tawasol_persistence::{audit, role};

/// What a person types to sign up.
#[derive(Debug, Clone)]
pub struct Registration {
    pub email: String,
    pub password: String,
    pub display_name: String,
    pub locale: String,
    pub home_commune: Option<String>,
    /// Where the confirmation link leads back to (a local address the surface checked): what the
    /// person was doing when they signed up.
    pub next: Option<String>,
}

/// Registers an account, or, when the address is taken, tells its owner by mail. The answer is
/// the same either way, so that nobody learns which addresses have accounts.
pub async fn register(
    state: &AppState,
    caller: &Caller,
    input: Registration,
) -> Result<(), UseCaseError> {
    let mut invalid = Vec::new();
    let email = crate::usecases::check(
        EmailAddress::parse(&input.email),
        "email",
        "field-email",
        &mut invalid,
    );
    let password = crate::usecases::check(
        Password::parse(&input.password),
        "password",
        "field-password",
        &mut invalid,
    );
    let name = crate::usecases::check_text(
        DisplayName::parse(&input.display_name),
        "display_name",
        "field-display-name",
        &mut invalid,
    );
    let locale = crate::usecases::check(
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
    let verify_url = link(
        &state.public_url,
        "verify-email",
        &verify_token,
        locale,
        input.next.as_deref(),
    );
    let home = input.home_commune.clone();
    let at = state.clock.now();
    let reset_token = token::generate();
    let public_url = state.public_url.clone();
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
                let reset_url = link(
                    &public_url,
                    "reset-password",
                    &reset_token,
                    owner.locale,
                    None,
                );
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

/// Confirms an address from a browser and signs its owner in there: following the link proves
/// the address, as a password-reset link does. Returns the new session's cookie value.
pub async fn verify_email_and_sign_in(
    state: &AppState,
    token_value: &str,
) -> Result<String, UseCaseError> {
    let hash = token::hash(token_value);
    let cookie = token::generate();
    let cookie_hash = token::hash(&cookie);
    let at = state.clock.now();
    in_transaction(&state.db, move |c| {
        let user = account::consume_email_token(c, VERIFY_EMAIL, &hash, at)?
            .ok_or(UseCaseError::InvalidToken)?;
        let live = account::find(c, user)?.is_some_and(|u| u.deleted_at.is_none());
        if !live {
            return Err(UseCaseError::InvalidToken);
        }
        account::mark_verified(c, user, at)?;
        account::create_browser_session(c, user, &cookie_hash, at)?;
        Ok(())
    })
    .await?;
    Ok(cookie)
}

/// Confirmation links asked for, per client, in [`RESEND_WINDOW`] (each address also shares the
/// sign-up's few mails an hour).
pub const RESENDS_PER_CLIENT: i32 = 20;
pub const RESEND_WINDOW: TimeDelta = TimeDelta::hours(1);

/// Mails a new confirmation link, leading back to `next`: to the signed-in caller's own address
/// (`link_token` absent), or to the account a confirmation link was sent to (`link_token`: a used
/// or expired link asks for a fresh one). Nothing is sent when the address is already confirmed
/// or past the quotas; the answer for a link is the same whatever its account, so that it tells
/// nothing; a signed-in person asking too often hears when to try again.
pub async fn resend_verification(
    state: &AppState,
    caller: &Caller,
    link_token: Option<&str>,
    next: Option<String>,
) -> Result<(), UseCaseError> {
    let by_link = link_token.map(token::hash);
    let signed_in = caller.user_id();
    if by_link.is_none() && signed_in.is_none() {
        return Err(UseCaseError::Denied(
            tawasol_domain::Denied::NotAuthenticated,
        ));
    }
    let per_client = quota(
        state,
        format!("verify-resend:ip:{}", client_of(caller)),
        RESENDS_PER_CLIENT,
        RESEND_WINDOW,
    )
    .await?;
    if let Quota::Over { retry_after } = per_client {
        return match by_link {
            Some(_) => Ok(()),
            None => Err(UseCaseError::Throttled { retry_after }),
        };
    }
    let quiet = by_link.is_some();
    let user = with_conn(&state.db, move |c| {
        let id = match &by_link {
            Some(hash) => account::owner_of_email_token(c, VERIFY_EMAIL, hash)?,
            None => signed_in,
        };
        Ok(match id {
            Some(id) => account::find(c, id)?,
            None => None,
        })
    })
    .await?;
    let Some(user) = user.filter(|u| u.deleted_at.is_none() && u.email_verified_at.is_none())
    else {
        return Ok(());
    };
    let Some(email) = user
        .email
        .as_deref()
        .and_then(|e| EmailAddress::parse(e).ok())
    else {
        return Ok(());
    };
    // The same few mails an hour per address as signing up: nobody floods a mailbox.
    let per_address = quota(
        state,
        format!("register:email:{}", token::hash(email.as_str())),
        3,
        TimeDelta::hours(1),
    )
    .await?;
    if let Quota::Over { retry_after } = per_address {
        return if quiet {
            Ok(())
        } else {
            Err(UseCaseError::Throttled { retry_after })
        };
    }
    let verify_token = token::generate();
    let verify_url = link(
        &state.public_url,
        "verify-email",
        &verify_token,
        user.locale,
        next.as_deref(),
    );
    let at = state.clock.now();
    in_transaction(&state.db, move |c| {
        let token_id = account::insert_email_token(
            c,
            user.id,
            VERIFY_EMAIL,
            &token::hash(&verify_token),
            at + VERIFY_TTL,
            at,
        )?;
        enqueue(
            c,
            &OutgoingMail {
                to: email,
                locale: user.locale,
                template: Template::AccountVerifyEmail {
                    display_name: user.display_name.clone(),
                    verify_url,
                },
                dedupe_key: format!("verify-email:{}:{token_id}", user.id),
            },
            at,
        )?;
        Ok(())
    })
    .await?;
    state.mail.wake();
    Ok(())
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
