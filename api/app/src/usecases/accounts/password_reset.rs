//! Forgotten passwords: a reset link by mail (the same answer whether or not the address has an
//! account), and the new password with every session ended.

use super::{RESET_TTL, client_of, link, parse_email};
use crate::auth::{password, token};
use crate::context::AppState;
use crate::mail::template::Template;
use crate::mail::{OutgoingMail, enqueue};
use crate::usecases::limits::{Quota, quota};
use crate::usecases::{Caller, UseCaseError, in_transaction};
use chrono::TimeDelta;
use tawasol_domain::{EmailAddress, Password};
use tawasol_persistence::account::{self, PASSWORD_RESET, UserUpdateForm};

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
    let public_url = state.public_url.clone();
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
        let reset_url = link(
            &public_url,
            "reset-password",
            &reset_token,
            user.locale,
            None,
        );
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
