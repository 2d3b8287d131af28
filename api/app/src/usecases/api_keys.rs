//! API keys for Open311: admins issue them to organisations and apps, each attributed to an owner
//! account (the author of what is posted with it). The key is shown once; only its SHA-256 is
//! kept. Issuing and revoking are audited.

use super::{Caller, Page, UseCaseError, in_transaction, with_conn};
use crate::auth::token;
use crate::clock::rfc3339;
use crate::context::AppState;
use serde::Serialize;
use serde_json::json;
use tawasol_domain::{Action, EmailAddress, PageLimit};
use tawasol_persistence::api_key::{self, ApiKeyInsertForm, ApiKeyRow};
use tawasol_persistence::{account, role};

/// What an admin asks for.
#[derive(Debug, Clone)]
pub struct NewApiKey {
    pub owner_email: String,
    pub name: String,
    pub organisation_id: Option<i64>,
}

/// A key as admins see it: never the key itself.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ApiKeyView {
    pub id: i64,
    pub name: String,
    pub owner_user_id: i64,
    pub owner_email: Option<String>,
    pub organisation_id: Option<i64>,
    pub organisation_name: Option<String>,
    pub created_at: String,
    pub revoked_at: Option<String>,
}

impl From<ApiKeyRow> for ApiKeyView {
    fn from(r: ApiKeyRow) -> ApiKeyView {
        ApiKeyView {
            id: r.id,
            name: r.name,
            owner_user_id: r.owner_user_id,
            owner_email: r.owner_email,
            organisation_id: r.organisation_id,
            organisation_name: r.organisation_name,
            created_at: rfc3339(r.created_at),
            revoked_at: r.revoked_at.map(rfc3339),
        }
    }
}

/// A key just issued, with its plaintext (shown this once).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct IssuedKey {
    #[serde(flatten)]
    pub key: ApiKeyView,
    pub api_key: String,
}

/// Keys start with this, so that a leaked one is easy to recognise in logs and repositories.
pub const KEY_PREFIX: &str = "tw311_";

/// Issues a key to a verified, non-banned account, optionally for an organisation it belongs to.
pub async fn issue(
    state: &AppState,
    caller: &Caller,
    input: NewApiKey,
) -> Result<IssuedKey, UseCaseError> {
    caller.may(&Action::Administer)?;
    let mut invalid = Vec::new();
    let name = super::check_text(
        tawasol_domain::account::ApiKeyName::parse(&input.name),
        "name",
        "field-api-key-name",
        &mut invalid,
    )
    .map(tawasol_domain::account::ApiKeyName::into_inner)
    .unwrap_or_default();
    let email = super::check(
        EmailAddress::parse(&input.owner_email),
        "owner_email",
        "field-email",
        &mut invalid,
    );
    let Some(email) = email.filter(|_| invalid.is_empty()) else {
        return Err(UseCaseError::Invalid(invalid));
    };
    let caller = caller.clone();
    let at = state.clock.now();
    let key = format!("{KEY_PREFIX}{}", token::generate());
    let key_hash = token::hash(&key);
    let view = in_transaction(&state.db, move |c| {
        let owner = account::find_by_email(c, email.as_str())?
            .filter(|u| u.deleted_at.is_none())
            .ok_or_else(|| UseCaseError::invalid("owner_email", "field-no-such-account"))?;
        if owner.email_verified_at.is_none() || owner.banned_at.is_some() {
            return Err(UseCaseError::invalid("owner_email", "field-api-key-owner"));
        }
        if let Some(org) = input.organisation_id {
            role::find_organisation(c, org)?
                .ok_or_else(|| UseCaseError::invalid("organisation_id", "field-organisation"))?;
            let member = account::organisations_of(c, owner.id)?
                .iter()
                .any(|(id, _)| *id == org);
            if !member {
                return Err(UseCaseError::invalid(
                    "organisation_id",
                    "field-api-key-member",
                ));
            }
        }
        let id = api_key::create(
            c,
            &ApiKeyInsertForm {
                owner_user_id: owner.id,
                organisation_id: input.organisation_id,
                name: &name,
                key_hash: &key_hash,
                created_at: at,
            },
        )?;
        let row = api_key::find(c, id)?.ok_or(UseCaseError::ApiKeyNotFound(id))?;
        super::admin::record(
            c,
            &caller,
            "api_key.issue",
            ("api_key", &id.to_string()),
            None,
            Some(json!({
                "name": row.name,
                "owner_user_id": row.owner_user_id,
                "organisation_id": row.organisation_id,
            })),
            at,
        )?;
        Ok(ApiKeyView::from(row))
    })
    .await?;
    Ok(IssuedKey {
        key: view,
        api_key: key,
    })
}

/// Keys newest first, a page at a time.
pub async fn list(
    state: &AppState,
    caller: &Caller,
    before: Option<i64>,
    limit: PageLimit,
) -> Result<Page<ApiKeyView, i64>, UseCaseError> {
    caller.may(&Action::Administer)?;
    with_conn(&state.db, move |c| {
        let rows = api_key::list(c, before, i64::from(limit.get()) + 1)?;
        Ok(Page::from_overfetch(rows, limit, |r| r.id).map(ApiKeyView::from))
    })
    .await
}

/// Revokes a key at once: the next request made with it is refused. Revoking a revoked key
/// changes nothing.
pub async fn revoke(state: &AppState, caller: &Caller, id: i64) -> Result<(), UseCaseError> {
    caller.may(&Action::Administer)?;
    let caller = caller.clone();
    let at = state.clock.now();
    in_transaction(&state.db, move |c| {
        let row = api_key::find(c, id)?.ok_or(UseCaseError::ApiKeyNotFound(id))?;
        if api_key::revoke(c, id, at)? {
            super::admin::record(
                c,
                &caller,
                "api_key.revoke",
                ("api_key", &id.to_string()),
                Some(json!({"name": row.name, "revoked": false})),
                Some(json!({"revoked": true})),
                at,
            )?;
        }
        Ok(())
    })
    .await
}

/// The key's id and the caller it stands for (its owner, with roles, ban and verification read
/// now), or `None` for an unknown or revoked key, or one whose owner was erased.
pub async fn authenticate(
    state: &AppState,
    key: &str,
    request_id: Option<String>,
    ip: Option<String>,
) -> Result<Option<(i64, Caller)>, UseCaseError> {
    let key_hash = token::hash(key.trim());
    with_conn(&state.db, move |c| {
        let Some((key_id, owner)) = api_key::find_active_by_hash(c, &key_hash)? else {
            return Ok(None);
        };
        let Some(user) = account::find(c, owner)?.filter(|u| u.deleted_at.is_none()) else {
            return Ok(None);
        };
        let actor = tawasol_domain::Actor::User(super::accounts::actor_of(c, &user)?);
        Ok(Some((
            key_id,
            Caller {
                actor,
                session_id: None,
                request_id,
                ip,
            },
        )))
    })
    .await
}
