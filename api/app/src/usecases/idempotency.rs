//! Creating requests sent again with the same `Idempotency-Key` create once.

use super::{Caller, UseCaseError, with_conn};
use crate::context::AppState;
use std::future::Future;
use tawasol_persistence::idempotency::{self, Begun};

/// What a creating request answered, kept to replay it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    pub status: u16,
    pub location: Option<String>,
    pub body: String,
}

/// Runs `work` once per caller and key: a retry with the same key and request gets the stored
/// answer; the same key with another request, or while the first still runs, is refused.
/// Without a key, `work` simply runs.
pub async fn once<F, Fut>(
    state: &AppState,
    caller: &Caller,
    key: Option<String>,
    request_hash: String,
    work: F,
) -> Result<Stored, UseCaseError>
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Result<Stored, UseCaseError>>,
{
    let (Some(key), Some(user)) = (key, caller.user_id()) else {
        return work().await;
    };
    let at = state.clock.now();
    let (k, h) = (key.clone(), request_hash);
    let begun = with_conn(&state.db, move |c| {
        Ok(idempotency::begin(c, user, &k, &h, at)?)
    })
    .await?;
    match begun {
        Begun::Replay {
            status,
            location,
            body,
        } => Ok(Stored {
            status: u16::try_from(status).unwrap_or(200),
            location,
            body,
        }),
        Begun::InFlight => Err(UseCaseError::IdempotencyInFlight),
        Begun::Mismatch => Err(UseCaseError::IdempotencyMismatch),
        Begun::Proceed => match work().await {
            Ok(stored) => {
                let s = stored.clone();
                with_conn(&state.db, move |c| {
                    Ok(idempotency::finish(
                        c,
                        user,
                        &key,
                        i32::from(s.status),
                        s.location.as_deref(),
                        &s.body,
                    )?)
                })
                .await?;
                Ok(stored)
            }
            Err(e) => {
                with_conn(&state.db, move |c| Ok(idempotency::abandon(c, user, &key)?)).await?;
                Err(e)
            }
        },
    }
}
