//! A person's own account: read it, change the name or language, erase it.

use crate::clock::rfc3339;
use crate::context::AppState;
use crate::usecases::{Caller, UseCaseError, in_transaction, with_conn};
use serde::Serialize;
use tawasol_domain::{Action, DisplayName, Locale};
use tawasol_persistence::AnyConnection;
use tawasol_persistence::account::{self, UserRow, UserUpdateForm};

/// A person's own account, as they see it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Account {
    pub id: i64,
    pub email: Option<String>,
    pub display_name: String,
    pub locale: String,
    pub home_commune: Option<String>,
    pub email_verified: bool,
    pub banned: bool,
    pub created_at: String,
    pub roles: Roles,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Roles {
    pub admin: bool,
    pub official: Option<OfficialRole>,
    /// Communes moderated; `null` stands for every commune.
    pub moderates: Vec<Option<String>>,
    pub organisations: Vec<OrganisationRole>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct OfficialRole {
    pub commune: String,
    pub arrondissement: Option<String>,
    pub categories: Vec<String>,
    pub title: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct OrganisationRole {
    pub id: i64,
    pub representative: bool,
}

/// Changes a person may make to their own account (nothing else: role, address and verification
/// are not theirs to set).
#[derive(Debug, Clone, Default)]
pub struct AccountChanges {
    pub display_name: Option<String>,
    pub locale: Option<String>,
}

pub(super) fn account_of(c: &mut AnyConnection, user: &UserRow) -> Result<Account, UseCaseError> {
    let home_commune = match user.home_commune_id {
        Some(id) => tawasol_persistence::commune::slug_of(c, id)?,
        None => None,
    };
    let official = account::official_binding(c, user.id)?.map(|b| OfficialRole {
        commune: b.commune,
        arrondissement: b.arrondissement,
        categories: b.categories,
        title: b.title,
    });
    Ok(Account {
        id: user.id,
        email: user.email.clone(),
        display_name: user.display_name.clone(),
        locale: user.locale.as_str().to_owned(),
        home_commune,
        email_verified: user.email_verified_at.is_some(),
        banned: user.banned_at.is_some(),
        created_at: rfc3339(user.created_at),
        roles: Roles {
            admin: user.is_admin,
            official,
            moderates: account::moderated_communes(c, user.id)?,
            organisations: account::organisations_of(c, user.id)?
                .into_iter()
                .map(|(id, representative)| OrganisationRole { id, representative })
                .collect(),
        },
    })
}

pub(super) fn own_id(caller: &Caller) -> Result<i64, UseCaseError> {
    caller.user_id().ok_or(UseCaseError::Denied(
        tawasol_domain::Denied::NotAuthenticated,
    ))
}

pub async fn me(state: &AppState, caller: &Caller) -> Result<Account, UseCaseError> {
    caller.may(&Action::ReadOwnAccount)?;
    let id = own_id(caller)?;
    with_conn(&state.db, move |c| {
        let user = account::find(c, id)?.ok_or(UseCaseError::UserNotFound(id))?;
        account_of(c, &user)
    })
    .await
}

pub async fn update_me(
    state: &AppState,
    caller: &Caller,
    changes: AccountChanges,
) -> Result<Account, UseCaseError> {
    caller.may(&Action::UpdateOwnAccount)?;
    let id = own_id(caller)?;
    let mut invalid = Vec::new();
    let name = changes.display_name.as_deref().and_then(|n| {
        crate::usecases::check_text(
            DisplayName::parse(n),
            "display_name",
            "field-display-name",
            &mut invalid,
        )
    });
    let locale = changes.locale.as_deref().and_then(|l| {
        crate::usecases::check(Locale::parse(l), "locale", "param-lang", &mut invalid)
    });
    if !invalid.is_empty() {
        return Err(UseCaseError::Invalid(invalid));
    }
    let at = state.clock.now();
    with_conn(&state.db, move |c| {
        account::update(
            c,
            id,
            &UserUpdateForm {
                display_name: name.as_ref().map(DisplayName::as_str),
                locale,
                updated_at: Some(at),
                ..UserUpdateForm::default()
            },
        )?;
        let user = account::find(c, id)?.ok_or(UseCaseError::UserNotFound(id))?;
        account_of(c, &user)
    })
    .await
}

/// Erases the caller's personal data; public contributions stay, signed "former resident".
pub async fn delete_me(state: &AppState, caller: &Caller) -> Result<(), UseCaseError> {
    caller.may(&Action::DeleteOwnAccount)?;
    let id = own_id(caller)?;
    let at = state.clock.now();
    in_transaction(&state.db, move |c| {
        // Signatures on petitions still collecting are withdrawn before the account goes.
        tawasol_persistence::petition::erase_signer(c, id, at)?;
        Ok(account::erase(c, id, at)?)
    })
    .await
}
