//! Officials (bound to a commune, perhaps an arrondissement and categories) and moderators:
//! appointed and revoked by admins.

use super::{record, user_by_email};
use crate::context::AppState;
use crate::usecases::{Caller, UseCaseError, in_transaction};
use serde::Serialize;
use serde_json::{Value, json};
use tawasol_domain::{Action, EmailAddress, OfficialTitle};
use tawasol_persistence::account::{self};
use tawasol_persistence::role::{self, Resolved};

fn binding_json(b: Option<account::OfficialBinding>) -> Option<Value> {
    b.map(|b| json!({"commune": b.commune, "arrondissement": b.arrondissement, "categories": b.categories, "title": b.title}))
}

/// An official's appointment, as the API shows it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Appointment {
    pub user_id: i64,
    pub display_name: String,
    pub commune: String,
    pub arrondissement: Option<String>,
    pub categories: Vec<String>,
    pub title: String,
}

#[derive(Debug, Clone)]
pub struct AppointOfficial {
    pub email: String,
    pub commune: String,
    pub arrondissement: Option<String>,
    pub categories: Vec<String>,
    pub title: String,
}

/// Binds an account to a commune (and optionally an arrondissement and categories) as official,
/// replacing any earlier binding.
pub async fn appoint_official(
    state: &AppState,
    caller: &Caller,
    input: AppointOfficial,
) -> Result<Appointment, UseCaseError> {
    caller.may(&Action::Administer)?;
    let email = EmailAddress::parse(&input.email)
        .map_err(|_| UseCaseError::invalid("email", "field-email"))?;
    // A title is shown on every answer, at once: no personal data in it.
    let title = crate::usecases::text(
        OfficialTitle::parse(&input.title).and_then(tawasol_domain::text::without_personal_data),
        "title",
        "field-title",
    )?;
    let caller = caller.clone();
    let at = state.clock.now();
    in_transaction(&state.db, move |c| {
        let user = user_by_email(c, &email)?;
        let (commune_id, arrondissement_id, category_ids) = crate::usecases::resolve_place(
            role::resolve(
                c,
                &input.commune,
                input.arrondissement.as_deref(),
                &input.categories,
            )?,
            "categories",
        )?;
        let before = binding_json(account::official_binding(c, user.id)?);
        role::appoint_official(
            c,
            user.id,
            commune_id,
            arrondissement_id,
            &category_ids,
            title.as_str(),
            at,
        )?;
        let binding =
            account::official_binding(c, user.id)?.ok_or(UseCaseError::UserNotFound(user.id))?;
        record(
            c,
            &caller,
            "official.appoint",
            ("user", &user.id.to_string()),
            before,
            binding_json(Some(binding.clone())),
            at,
        )?;
        Ok(Appointment {
            user_id: user.id,
            display_name: user.display_name,
            commune: binding.commune,
            arrondissement: binding.arrondissement,
            categories: binding.categories,
            title: binding.title,
        })
    })
    .await
}

/// Ends an official's binding; from the next request on they act as a resident.
pub async fn revoke_official(
    state: &AppState,
    caller: &Caller,
    user_id: i64,
) -> Result<(), UseCaseError> {
    caller.may(&Action::Administer)?;
    let caller = caller.clone();
    let at = state.clock.now();
    in_transaction(&state.db, move |c| {
        let before = binding_json(account::official_binding(c, user_id)?)
            .ok_or(UseCaseError::UserNotFound(user_id))?;
        role::revoke_official(c, user_id)?;
        record(
            c,
            &caller,
            "official.revoke",
            ("user", &user_id.to_string()),
            Some(before),
            None,
            at,
        )?;
        Ok(())
    })
    .await
}

/// Makes an account moderator of one commune, or of all (`commune: None`).
pub async fn appoint_moderator(
    state: &AppState,
    caller: &Caller,
    email: &str,
    commune: Option<String>,
) -> Result<i64, UseCaseError> {
    caller.may(&Action::Administer)?;
    let email =
        EmailAddress::parse(email).map_err(|_| UseCaseError::invalid("email", "field-email"))?;
    let caller = caller.clone();
    let at = state.clock.now();
    in_transaction(&state.db, move |c| {
        let user = user_by_email(c, &email)?;
        let commune_id = match &commune {
            None => None,
            Some(slug) => match role::resolve(c, slug, None, &[])? {
                Resolved::Ok { commune_id, .. } => Some(commune_id),
                _ => return Err(UseCaseError::invalid("commune", "field-commune")),
            },
        };
        if role::appoint_moderator(c, user.id, commune_id, at)? {
            record(
                c,
                &caller,
                "moderator.appoint",
                ("user", &user.id.to_string()),
                None,
                Some(json!({"commune": commune})),
                at,
            )?;
        }
        Ok(user.id)
    })
    .await
}

pub async fn revoke_moderator(
    state: &AppState,
    caller: &Caller,
    user_id: i64,
) -> Result<(), UseCaseError> {
    caller.may(&Action::Administer)?;
    let caller = caller.clone();
    let at = state.clock.now();
    in_transaction(&state.db, move |c| {
        let before = account::moderated_communes(c, user_id)?;
        if role::revoke_moderator(c, user_id)? == 0 {
            return Err(UseCaseError::UserNotFound(user_id));
        }
        record(
            c,
            &caller,
            "moderator.revoke",
            ("user", &user_id.to_string()),
            Some(json!({"communes": before})),
            None,
            at,
        )?;
        Ok(())
    })
    .await
}
