//! What each person wants to hear about, and the one-click unsubscribe of RFC 8058.

use super::{Caller, UseCaseError, in_transaction, with_conn};
use crate::context::AppState;
use serde::{Deserialize, Serialize};
use tawasol_domain::Action;
use tawasol_persistence::account;
use tawasol_persistence::preferences::{self, Preferences};

/// The preferences as the API shows and takes them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NotificationSettings {
    /// Official answers and status changes of issues I report or follow.
    pub issue_updates: bool,
    /// Every other reply on those issues too.
    pub all_replies: bool,
    /// For officials: `immediate` (a mail per new issue in my scope), `daily` (in the morning
    /// digest), or `off` (neither, nor the digest of overdue issues).
    pub official_new_issues: String,
    /// The legal steps of petitions I signed or follow (on when left out).
    #[serde(default = "on")]
    pub petition_updates: bool,
}

fn on() -> bool {
    true
}

impl From<Preferences> for NotificationSettings {
    fn from(p: Preferences) -> Self {
        NotificationSettings {
            issue_updates: p.issue_updates,
            all_replies: p.all_replies,
            official_new_issues: p.official_new_issues,
            petition_updates: p.petition_updates,
        }
    }
}

fn own(caller: &Caller) -> Result<i64, UseCaseError> {
    caller.user_id().ok_or(UseCaseError::Denied(
        tawasol_domain::Denied::NotAuthenticated,
    ))
}

pub async fn get(state: &AppState, caller: &Caller) -> Result<NotificationSettings, UseCaseError> {
    caller.may(&Action::ReadOwnAccount)?;
    let id = own(caller)?;
    with_conn(&state.db, move |c| Ok(preferences::get(c, id)?.into())).await
}

pub async fn put(
    state: &AppState,
    caller: &Caller,
    settings: NotificationSettings,
) -> Result<NotificationSettings, UseCaseError> {
    caller.may(&Action::UpdateOwnAccount)?;
    let id = own(caller)?;
    if !matches!(
        settings.official_new_issues.as_str(),
        "immediate" | "daily" | "off"
    ) {
        return Err(UseCaseError::invalid(
            "official_new_issues",
            "field-official-new-issues",
        ));
    }
    let prefs = Preferences {
        issue_updates: settings.issue_updates,
        all_replies: settings.all_replies,
        official_new_issues: settings.official_new_issues.clone(),
        petition_updates: settings.petition_updates,
    };
    let at = state.clock.now();
    with_conn(&state.db, move |c| Ok(preferences::put(c, id, &prefs, at)?)).await?;
    Ok(settings)
}

/// Stops the mails of the token's topic to the token's address. Valid tokens always succeed
/// (an address without an account simply gets nothing more).
pub async fn unsubscribe(state: &AppState, token: &str) -> Result<String, UseCaseError> {
    let request = state
        .unsubscribe
        .verify(token)
        .ok_or(UseCaseError::InvalidToken)?;
    let topic = request.topic.clone();
    let at = state.clock.now();
    in_transaction(&state.db, move |c| {
        let Some(user) = account::find_by_email(c, request.recipient.as_str())? else {
            return Ok(());
        };
        let mut prefs = preferences::get(c, user.id)?;
        match request.topic.as_str() {
            "official_new_issues" => prefs.official_new_issues = "off".to_owned(),
            "petition_updates" => prefs.petition_updates = false,
            _ => {
                prefs.issue_updates = false;
                prefs.all_replies = false;
            }
        }
        Ok(preferences::put(c, user.id, &prefs, at)?)
    })
    .await?;
    Ok(topic)
}
