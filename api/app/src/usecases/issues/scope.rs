//! Whose official scope covers an issue: their replies are official answers and they may
//! change its status.

use super::reading::IssueView;
use crate::usecases::Caller;
use tawasol_domain::{Actor, ArrondissementSlug, CategoryCode, CommuneSlug};
use tawasol_persistence::issue::IssueRow;

pub(super) fn scope_covers(actor: &Actor, row: &IssueRow) -> bool {
    covers(
        actor,
        &row.commune,
        row.arrondissement.as_deref(),
        &row.category,
    )
}

fn covers(actor: &Actor, commune: &str, arrondissement: Option<&str>, category: &str) -> bool {
    let Actor::User(user) = actor else {
        return false;
    };
    let (Some(scope), Ok(commune), Ok(category)) = (
        &user.official,
        CommuneSlug::parse(commune),
        CategoryCode::parse(category),
    ) else {
        return false;
    };
    let arrondissement = arrondissement.and_then(|a| ArrondissementSlug::parse(a).ok());
    scope.covers(&commune, arrondissement.as_ref(), &category)
}

/// Whether the caller is an official whose scope covers this issue: their replies are official
/// answers, and they may change its status.
pub fn official_in_scope(caller: &Caller, issue: &IssueView) -> bool {
    covers(
        &caller.actor,
        &issue.commune,
        issue.arrondissement.as_deref(),
        &issue.category,
    )
}
