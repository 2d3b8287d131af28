//! Supports ("me too") and follows.

use crate::context::AppState;
use crate::usecases::{Caller, UseCaseError, in_transaction};
use tawasol_domain::Action;
use tawasol_persistence::issue::{self};

/// "Me too" (`on`) or its withdrawal; follow or unfollow. One per person; counters follow.
pub async fn set_relation(
    state: &AppState,
    caller: &Caller,
    id: i64,
    support: bool,
    on: bool,
) -> Result<(), UseCaseError> {
    caller.may(&Action::Contribute)?;
    let user = caller.user_id().ok_or(UseCaseError::Denied(
        tawasol_domain::Denied::NotAuthenticated,
    ))?;
    let at = state.clock.now();
    let caller = caller.clone();
    in_transaction(&state.db, move |c| {
        let found = issue::find(c, id)?
            .filter(|r| tawasol_domain::issue::takes_part(r.visibility, r.author_id == user))
            .ok_or(UseCaseError::IssueNotFound(id))?;
        if support && on {
            let answers_it = super::scope::scope_covers(&caller.actor, &found);
            if !tawasol_domain::issue::may_support(found.author_id, user, answers_it) {
                return Err(if answers_it {
                    UseCaseError::AnswersIt(id)
                } else {
                    UseCaseError::OwnReport(id)
                });
            }
        }
        if support {
            issue::set_support(c, id, user, on, at)?;
        } else {
            issue::set_follow(c, id, user, on, at)?;
        }
        Ok(())
    })
    .await
}
