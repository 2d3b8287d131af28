//! Everything Tawasol holds about a person (Law 09-08, right of access).

use super::profile::{Account, account_of, own_id};
use crate::clock::rfc3339;
use crate::context::AppState;
use crate::usecases::{Caller, UseCaseError, with_conn};
use serde::Serialize;
use tawasol_domain::Action;
use tawasol_persistence::account::{self};
use tawasol_persistence::{audit, outbox};

/// Everything Tawasol holds about the caller (Law 09-08, right of access).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Export {
    pub exported_at: String,
    pub account: Account,
    pub sessions: Vec<ExportedSession>,
    pub mails: Vec<ExportedMail>,
    pub audit: Vec<ExportedAudit>,
    /// The petitions I signed, with what I gave (decrypted: it is my own data).
    pub signatures: Vec<ExportedSignature>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ExportedSignature {
    pub petition_id: i64,
    pub petition_title: String,
    /// `null` (with `cin` and `address`) once erased after the petition's retention period.
    pub full_name: Option<String>,
    pub cin: Option<String>,
    pub address: Option<String>,
    pub lives_or_works_in_commune: bool,
    pub on_electoral_roll: bool,
    pub direct_interest: bool,
    pub signed_at: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ExportedSession {
    pub id: i64,
    pub created_at: String,
    pub last_used_at: String,
    pub revoked_at: Option<String>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ExportedMail {
    pub template: String,
    pub status: String,
    pub created_at: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ExportedAudit {
    pub action: String,
    pub created_at: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

pub async fn export(state: &AppState, caller: &Caller) -> Result<Export, UseCaseError> {
    caller.may(&Action::ReadOwnAccount)?;
    let id = own_id(caller)?;
    let vault = state.vault.clone();
    let exported_at = rfc3339(state.clock.now());
    with_conn(&state.db, move |c| {
        let user = account::find(c, id)?.ok_or(UseCaseError::UserNotFound(id))?;
        let account = account_of(c, &user)?;
        let signatures = tawasol_persistence::petition::signatures_of(c, id)?
            .into_iter()
            .map(|(petition_id, petition_title, s)| ExportedSignature {
                petition_id,
                petition_title,
                full_name: s.full_name,
                cin: s
                    .cin_encrypted
                    .and_then(|v| vault.decrypt(petition_id, "cin", &v).ok()),
                address: s
                    .address_encrypted
                    .and_then(|v| vault.decrypt(petition_id, "address", &v).ok()),
                lives_or_works_in_commune: s.lives_or_works_in_commune,
                on_electoral_roll: s.on_electoral_roll,
                direct_interest: s.direct_interest,
                signed_at: rfc3339(s.created_at),
            })
            .collect();
        let sessions = account::sessions_of(c, id)?
            .into_iter()
            .map(|s| ExportedSession {
                id: s.id,
                created_at: rfc3339(s.created_at),
                last_used_at: rfc3339(s.last_used_at),
                revoked_at: s.revoked_at.map(rfc3339),
            })
            .collect();
        let mails = match &user.email {
            Some(email) => outbox::list_for_recipient(c, email)?
                .into_iter()
                .map(|m| ExportedMail {
                    template: m.template,
                    status: m.status.as_str().to_owned(),
                    created_at: rfc3339(m.created_at),
                })
                .collect(),
            None => Vec::new(),
        };
        let audit = audit::about(c, "user", &id.to_string())?
            .into_iter()
            .map(|a| ExportedAudit {
                action: a.action,
                created_at: rfc3339(a.created_at),
                before: a.before.and_then(|b| serde_json::from_str(&b).ok()),
                after: a.after.and_then(|b| serde_json::from_str(&b).ok()),
            })
            .collect();
        Ok(Export {
            exported_at,
            account,
            sessions,
            mails,
            audit,
            signatures,
        })
    })
    .await
}
