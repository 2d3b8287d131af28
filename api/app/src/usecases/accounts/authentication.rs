//! Checking an address and password, the same for every surface, under throttles that count
//! failures and never lock an owner out.

use super::client_of;
use crate::auth::{password, token};
use crate::context::AppState;
use crate::usecases::limits::{Quota, quota};
use crate::usecases::{Caller, UseCaseError, with_conn};
use chrono::TimeDelta;
use tawasol_domain::EmailAddress;
use tawasol_persistence::account::{self, UserRow};

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
pub(super) async fn authenticate(
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
        crate::usecases::limits::refund(state, key, LOGIN_WINDOW).await?;
    }
    Ok(())
}
