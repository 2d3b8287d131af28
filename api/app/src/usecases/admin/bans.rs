//! Banning and unbanning an account.

use super::record;
use crate::context::AppState;
use crate::usecases::{Caller, UseCaseError, in_transaction};
use serde_json::json;
use tawasol_domain::Action;
use tawasol_persistence::account::{self};

/// Bans (with a reason) or unbans an account. A ban ends every session at once.
pub async fn set_ban(
    state: &AppState,
    caller: &Caller,
    user_id: i64,
    reason: Option<String>,
) -> Result<(), UseCaseError> {
    caller.may(&Action::Administer)?;
    let reason = reason
        .map(|r| {
            crate::usecases::text(
                tawasol_domain::issue::DecisionReason::parse(&r),
                "reason",
                "field-decision-reason",
            )
            .map(tawasol_domain::issue::DecisionReason::into_inner)
        })
        .transpose()?;
    let caller = caller.clone();
    let at = state.clock.now();
    in_transaction(&state.db, move |c| {
        let user = account::find(c, user_id)?
            .filter(|u| u.deleted_at.is_none())
            .ok_or(UseCaseError::UserNotFound(user_id))?;
        let before = json!({"banned": user.banned_at.is_some(), "reason": user.ban_reason});
        account::set_ban(c, user_id, reason.as_deref().map(|r| (r.trim(), at)), at)?;
        if reason.is_some() {
            account::revoke_all_sessions(c, user_id, "banned", at)?;
        }
        let action = if reason.is_some() {
            "user.ban"
        } else {
            "user.unban"
        };
        record(
            c,
            &caller,
            action,
            ("user", &user_id.to_string()),
            Some(before),
            Some(json!({"banned": reason.is_some(), "reason": reason})),
            at,
        )?;
        Ok(())
    })
    .await
}
