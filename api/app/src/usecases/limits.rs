//! Per-account and per-client limits on what costs others something (mail, moderators' time)
//! or can be abused (guessing passwords): fixed-window counters in the database, so that they
//! hold across replicas. `TAWASOL_RATE_LIMITS=off` lifts them all (benchmarks, demos).

use super::{UseCaseError, with_conn};
use crate::context::AppState;
use chrono::{NaiveDateTime, TimeDelta};
use tawasol_persistence::AnyConnection;

/// Counts a hit on `key`; refuses beyond `limit` in `window` (unless rate limits are off).
pub async fn throttle(
    state: &AppState,
    key: String,
    limit: i32,
    window: TimeDelta,
) -> Result<(), UseCaseError> {
    match quota(state, key, limit, window).await? {
        Quota::Within => Ok(()),
        Quota::Over { retry_after } => Err(UseCaseError::Throttled { retry_after }),
    }
}

/// Counts a hit on `key` on the caller's connection, inside its write transaction, and refuses
/// beyond `limit` in `window` (unless `rate_limits` is off). The hit is part of the transaction:
/// a write refused afterwards (what it says, a place outside the commune) rolls it back, so it
/// is not counted, as [`refund`] would have it; a refused hit rolls back with its refusal. The
/// counter's row stays locked until the transaction ends, so concurrent hits of one key are
/// each counted.
pub(crate) fn throttle_in(
    c: &mut AnyConnection,
    rate_limits: bool,
    key: &str,
    limit: i32,
    window: TimeDelta,
    at: NaiveDateTime,
) -> Result<(), UseCaseError> {
    if !rate_limits {
        return Ok(());
    }
    let (hits, ends) = tawasol_persistence::throttle::hit(c, key, at, window)?;
    if hits > limit {
        let retry_after = u32::try_from((ends - at).num_seconds().max(1)).unwrap_or(u32::MAX);
        return Err(UseCaseError::Throttled { retry_after });
    }
    Ok(())
}

/// Whether a hit on a key stays within its limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quota {
    Within,
    Over { retry_after: u32 },
}

/// Counts a hit on `key` and says whether it stays within `limit` in `window` (always within
/// when rate limits are off); for callers that answer the excess quietly instead of with 429.
pub async fn quota(
    state: &AppState,
    key: String,
    limit: i32,
    window: TimeDelta,
) -> Result<Quota, UseCaseError> {
    if !state.rate_limits {
        return Ok(Quota::Within);
    }
    let at = state.clock.now();
    let (hits, ends) = with_conn(&state.db, move |c| {
        Ok(tawasol_persistence::throttle::hit(c, &key, at, window)?)
    })
    .await?;
    if hits > limit {
        let retry_after = u32::try_from((ends - at).num_seconds().max(1)).unwrap_or(u32::MAX);
        return Ok(Quota::Over { retry_after });
    }
    Ok(Quota::Within)
}

/// Takes back one hit on `key` (an attempt that turned out not to count: a right password, a
/// report refused for its content).
pub async fn refund(state: &AppState, key: String, window: TimeDelta) -> Result<(), UseCaseError> {
    if !state.rate_limits {
        return Ok(());
    }
    let at = state.clock.now();
    with_conn(&state.db, move |c| {
        Ok(tawasol_persistence::throttle::refund(c, &key, at, window)?)
    })
    .await
}

/// How many a person may do in an hour of each write that makes mail or work for others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Write {
    /// A reply in a thread (mailed to followers who hear every reply).
    Reply,
    /// A flag (work for the moderators).
    Flag,
    /// An official's answer, status change or petition step (mailed to followers or signatories).
    OfficialStep,
    /// A moderator's decision (mailed to the author).
    Moderation,
}

impl Write {
    fn name(self) -> &'static str {
        match self {
            Write::Reply => "reply",
            Write::Flag => "flag",
            Write::OfficialStep => "official-step",
            Write::Moderation => "moderation",
        }
    }

    /// The hourly allowance; accounts younger than a week get less of what residents do.
    pub fn per_hour(self, new_account: bool) -> i32 {
        match (self, new_account) {
            (Write::Reply, false) => 30,
            (Write::Reply, true) => 10,
            (Write::Flag, false) => 20,
            (Write::Flag, true) => 5,
            (Write::OfficialStep | Write::Moderation, _) => 300,
        }
    }
}

/// [`allow`] on the caller's connection, inside its write transaction ([`throttle_in`]), for an
/// account created at `account_created` (which the caller has read already).
pub(crate) fn allow_in(
    c: &mut AnyConnection,
    rate_limits: bool,
    write: Write,
    user: i64,
    account_created: NaiveDateTime,
    at: NaiveDateTime,
) -> Result<(), UseCaseError> {
    throttle_in(
        c,
        rate_limits,
        &format!("{}:user:{user}", write.name()),
        write.per_hour(at - account_created < NEW_ACCOUNT),
        TimeDelta::hours(1),
        at,
    )
}

/// An account is new for its first week: a fresh account is the cheapest tool of a spammer.
pub const NEW_ACCOUNT: TimeDelta = TimeDelta::days(7);

/// Counts one `write` by `user`; 429 past its hourly allowance (smaller in the account's first
/// week for what residents do).
pub async fn allow(state: &AppState, write: Write, user: i64) -> Result<(), UseCaseError> {
    if !state.rate_limits {
        return Ok(());
    }
    let new_account = if write.per_hour(true) == write.per_hour(false) {
        false
    } else {
        let now = state.clock.now();
        with_conn(&state.db, move |c| {
            Ok(tawasol_persistence::account::find(c, user)?
                .is_some_and(|u| now - u.created_at < NEW_ACCOUNT))
        })
        .await?
    };
    throttle(
        state,
        format!("{}:user:{user}", write.name()),
        write.per_hour(new_account),
        TimeDelta::hours(1),
    )
    .await
}
