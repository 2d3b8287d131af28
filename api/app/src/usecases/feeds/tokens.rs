//! The secret address of a person's feed: made (shown once, only its hash kept) and revoked.

use crate::auth::token;
use crate::context::AppState;
use crate::usecases::{Caller, UseCaseError, in_transaction};
use tawasol_domain::Action;
use tawasol_persistence::feed::{self};

/// The secret address of the caller's personal feed, made now (shown this once; only its hash is
/// kept). Any previous address stops working.
pub async fn create_token(state: &AppState, caller: &Caller) -> Result<String, UseCaseError> {
    caller.may(&Action::ReadOwnAccount)?;
    let user = caller.user_id().ok_or(UseCaseError::Denied(
        tawasol_domain::Denied::NotAuthenticated,
    ))?;
    let value = token::generate();
    let hash = token::hash(&value);
    let at = state.clock.now();
    in_transaction(&state.db, move |c| {
        Ok(feed::replace_token(c, user, &hash, at)?)
    })
    .await?;
    Ok(format!("{}/feeds/me/{value}.atom", state.public_url))
}

/// Revokes the caller's personal feed address (nothing to do if they had none).
pub async fn revoke_token(state: &AppState, caller: &Caller) -> Result<(), UseCaseError> {
    caller.may(&Action::ReadOwnAccount)?;
    let user = caller.user_id().ok_or(UseCaseError::Denied(
        tawasol_domain::Denied::NotAuthenticated,
    ))?;
    in_transaction(&state.db, move |c| {
        feed::delete_token(c, user)?;
        Ok(())
    })
    .await
}
