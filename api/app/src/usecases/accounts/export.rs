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
    /// The issues I reported, whatever their visibility now.
    pub issues: Vec<ExportedIssue>,
    /// The replies I wrote, whatever their visibility now.
    pub replies: Vec<ExportedReply>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ExportedIssue {
    pub id: i64,
    pub commune: String,
    pub category: String,
    pub arrondissement: Option<String>,
    pub title: String,
    pub description: String,
    pub language: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub address: Option<String>,
    pub status: String,
    /// `public`, `pending` (held for a moderator) or `hidden`.
    pub visibility: String,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ExportedReply {
    pub id: i64,
    pub issue_id: i64,
    pub body: String,
    pub is_official: bool,
    pub official_title: Option<String>,
    /// `public`, `pending` (held for a moderator) or `hidden`.
    pub visibility: String,
    pub created_at: String,
    pub edited_at: Option<String>,
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
        let issues = tawasol_persistence::issue::by_author(c, id)?
            .into_iter()
            .map(|i| ExportedIssue {
                id: i.id,
                commune: i.commune,
                category: i.category,
                arrondissement: i.arrondissement,
                title: i.title,
                description: i.description,
                language: i.language.as_str().to_owned(),
                lat: i.lat,
                lon: i.lon,
                address: i.address,
                status: i.status.as_str().to_owned(),
                visibility: i.visibility.as_str().to_owned(),
                created_at: rfc3339(i.created_at),
                updated_at: rfc3339(i.updated_at),
            })
            .collect();
        let replies = tawasol_persistence::issue::replies_by_author(c, id)?
            .into_iter()
            .map(|(issue_id, r)| ExportedReply {
                id: r.id,
                issue_id,
                body: r.body,
                is_official: r.is_official,
                official_title: r.official_title,
                visibility: r.visibility.as_str().to_owned(),
                created_at: rfc3339(r.created_at),
                edited_at: r.edited_at.map(rfc3339),
            })
            .collect();
        Ok(Export {
            exported_at,
            account,
            sessions,
            mails,
            audit,
            signatures,
            issues,
            replies,
        })
    })
    .await
}
