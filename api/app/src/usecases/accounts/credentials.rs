//! Changing one's password or address from one's account: each asks for the current password
//! (checked under the login throttles), and each tells the owner by mail. A new password ends
//! every other session; a new address takes effect only once the link mailed to it is followed,
//! and the old address hears of the request.

use super::authentication::authenticate;
use super::profile::own_id;
use super::{VERIFY_TTL, link};
use crate::auth::{password, token};
use crate::context::AppState;
use crate::mail::template::Template;
use crate::mail::{OutgoingMail, enqueue};
use crate::usecases::limits::throttle;
use crate::usecases::{Caller, Invalid, UseCaseError, in_transaction, with_conn};
use chrono::TimeDelta;
use tawasol_domain::{Action, EmailAddress, Password};
use tawasol_persistence::account::{self, UserRow, UserUpdateForm};

/// Address changes asked for per account in [`EMAIL_CHANGE_WINDOW`]: each mails two addresses.
pub const EMAIL_CHANGES_PER_ACCOUNT: i32 = 3;
pub const EMAIL_CHANGE_WINDOW: TimeDelta = TimeDelta::hours(1);

/// The caller's account, with their current password checked: a wrong one is a mistake in the
/// field `current_password` (counted by the login throttles, which never lock the owner out).
async fn with_password(
    state: &AppState,
    caller: &Caller,
    current: &str,
    mut invalid: Vec<Invalid>,
) -> Result<UserRow, UseCaseError> {
    caller.may(&Action::UpdateOwnAccount)?;
    let id = own_id(caller)?;
    let user = with_conn(&state.db, move |c| Ok(account::find(c, id)?))
        .await?
        .filter(|u| u.deleted_at.is_none())
        .ok_or(UseCaseError::UserNotFound(id))?;
    let email = user.email.clone().unwrap_or_default();
    match authenticate(state, caller, &email, current).await {
        Ok(checked) if checked.id == user.id => {}
        Ok(_) | Err(UseCaseError::BadCredentials) => invalid.insert(
            0,
            Invalid {
                field: "current_password",
                message: "field-password-current",
            },
        ),
        Err(other) => return Err(other),
    }
    if invalid.is_empty() {
        Ok(user)
    } else {
        Err(UseCaseError::Invalid(invalid))
    }
}

/// Changes the caller's password: the current one is asked for; every other session ends (its
/// refresh and access tokens stop working), this one stays; the owner is told by mail.
pub async fn change_password(
    state: &AppState,
    caller: &Caller,
    current: &str,
    new_password: &str,
) -> Result<(), UseCaseError> {
    let mut invalid = Vec::new();
    let new = crate::usecases::check(
        Password::parse(new_password),
        "new_password",
        "field-password",
        &mut invalid,
    );
    let user = with_password(state, caller, current, invalid).await?;
    let Some(new) = new else {
        return Err(UseCaseError::invalid("new_password", "field-password"));
    };
    let hash = password::hash(new.expose().to_owned()).await;
    let keep = caller.session_id;
    let at = state.clock.now();
    in_transaction(&state.db, move |c| {
        account::update(
            c,
            user.id,
            &UserUpdateForm {
                password_hash: Some(&hash),
                updated_at: Some(at),
                ..UserUpdateForm::default()
            },
        )?;
        match keep {
            Some(session) => {
                account::revoke_other_sessions(c, user.id, session, "password changed", at)?
            }
            None => account::revoke_all_sessions(c, user.id, "password changed", at)?,
        };
        // Links to choose a password that were mailed earlier no longer work.
        account::void_email_tokens(c, user.id, account::PASSWORD_RESET, at)?;
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
                    template: Template::AccountPasswordChangedByOwner {
                        display_name: user.display_name.clone(),
                    },
                    dedupe_key: format!(
                        "password-changed:{}:{}",
                        user.id,
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

/// Asks to change the caller's address to `new_email`: the current password is asked for; a
/// single-use link goes to the new address (the change happens when it is followed) and a notice
/// to the current one. The answer is the same whether or not the new address already belongs to
/// another account (then nothing is mailed to it, and the link could not be used anyway).
pub async fn request_email_change(
    state: &AppState,
    caller: &Caller,
    new_email: &str,
    current: &str,
) -> Result<(), UseCaseError> {
    let mut invalid = Vec::new();
    let new = crate::usecases::check(
        EmailAddress::parse(new_email),
        "email",
        "field-email",
        &mut invalid,
    );
    let user = with_password(state, caller, current, invalid).await?;
    let new = new.ok_or_else(|| UseCaseError::invalid("email", "field-email"))?;
    if user.email.as_deref() == Some(new.as_str()) {
        return Err(UseCaseError::invalid("email", "field-email-same"));
    }
    throttle(
        state,
        format!("email-change:user:{}", user.id),
        EMAIL_CHANGES_PER_ACCOUNT,
        EMAIL_CHANGE_WINDOW,
    )
    .await?;
    let confirm_token = token::generate();
    let confirm_url = link(
        &state.public_url,
        "confirm-email",
        &confirm_token,
        user.locale,
        None,
    );
    let at = state.clock.now();
    in_transaction(&state.db, move |c| {
        if account::find_by_email(c, new.as_str())?.is_none() {
            let token_id = account::insert_email_change_token(
                c,
                user.id,
                &token::hash(&confirm_token),
                new.as_str(),
                at + VERIFY_TTL,
                at,
            )?;
            enqueue(
                c,
                &OutgoingMail {
                    to: new.clone(),
                    locale: user.locale,
                    template: Template::AccountEmailChangeConfirm {
                        display_name: user.display_name.clone(),
                        confirm_url,
                    },
                    dedupe_key: format!("email-change:{}:{token_id}", user.id),
                },
                at,
            )?;
        }
        if let Some(old) = user
            .email
            .as_deref()
            .and_then(|e| EmailAddress::parse(e).ok())
        {
            enqueue(
                c,
                &OutgoingMail {
                    to: old,
                    locale: user.locale,
                    template: Template::AccountEmailChangeNotice {
                        display_name: user.display_name.clone(),
                        new_email: new.as_str().to_owned(),
                    },
                    dedupe_key: format!(
                        "email-change-notice:{}:{}",
                        user.id,
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

/// Follows the link mailed to a new address: the account uses it from now on (confirmed, since
/// the link reached it). A link that is used, expired, or whose address was taken meanwhile is
/// refused as an invalid token.
pub async fn confirm_email_change(state: &AppState, token_value: &str) -> Result<(), UseCaseError> {
    let hash = token::hash(token_value);
    let at = state.clock.now();
    in_transaction(&state.db, move |c| {
        let (user_id, new_email) =
            account::consume_email_change_token(c, &hash, at)?.ok_or(UseCaseError::InvalidToken)?;
        if account::find_by_email(c, &new_email)?.is_some() {
            return Err(UseCaseError::InvalidToken);
        }
        let changed = account::update(
            c,
            user_id,
            &UserUpdateForm {
                email: Some(&new_email),
                email_verified_at: Some(at),
                updated_at: Some(at),
                ..UserUpdateForm::default()
            },
        )?;
        if !changed {
            return Err(UseCaseError::InvalidToken);
        }
        Ok(())
    })
    .await
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_address_change_leaves_it_to_the_link() {
        // The link's address is the confirmation page of the web application, in the mail's
        // language.
        let url = super::link(
            "https://t.example",
            "confirm-email",
            "TOK",
            tawasol_domain::Locale::Fr,
            None,
        );
        assert_eq!(url, "https://t.example/confirm-email?token=TOK&lang=fr");
    }
}
