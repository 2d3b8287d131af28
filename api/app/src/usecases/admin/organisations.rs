//! Organisations: created verified by an admin, with their members and representatives.

use super::{record, user_by_email};
use crate::clock::rfc3339;
use crate::context::AppState;
use crate::usecases::{Caller, UseCaseError, in_transaction};
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::json;
use tawasol_domain::account::{OrganisationName, OrganisationPurpose};
use tawasol_domain::{Action, EmailAddress};
use tawasol_persistence::role::{self, OrganisationInsertForm, Resolved};

#[derive(Debug, Clone)]
pub struct NewOrganisation {
    pub name: String,
    pub founded_on: String,
    pub head_office_commune: String,
    pub purpose: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Organisation {
    pub id: i64,
    pub name: String,
    pub founded_on: String,
    pub head_office_commune: String,
    pub purpose: String,
    pub verified_at: Option<String>,
}

/// Records an organisation that an admin has verified (statutes, legal receipt, seat).
pub async fn create_organisation(
    state: &AppState,
    caller: &Caller,
    input: NewOrganisation,
) -> Result<Organisation, UseCaseError> {
    caller.may(&Action::Administer)?;
    let name = crate::usecases::text(
        OrganisationName::parse(&input.name).and_then(tawasol_domain::text::without_personal_data),
        "name",
        "field-organisation-name",
    )?;
    let founded_on = NaiveDate::parse_from_str(&input.founded_on, "%Y-%m-%d")
        .ok()
        .filter(|d| *d <= state.clock.now().date())
        .ok_or_else(|| UseCaseError::invalid("founded_on", "field-date"))?;
    let purpose = crate::usecases::text(
        OrganisationPurpose::parse(&input.purpose),
        "purpose",
        "field-organisation-purpose",
    )?
    .into_inner();
    let caller = caller.clone();
    let at = state.clock.now();
    in_transaction(&state.db, move |c| {
        let Resolved::Ok { commune_id, .. } =
            role::resolve(c, &input.head_office_commune, None, &[])?
        else {
            return Err(UseCaseError::invalid(
                "head_office_commune",
                "field-commune",
            ));
        };
        let id = role::create_organisation(
            c,
            &OrganisationInsertForm {
                name: name.as_str(),
                founded_on,
                head_office_commune_id: commune_id,
                purpose: &purpose,
                verified_at: Some(at),
                created_at: at,
            },
        )?;
        let org = Organisation {
            id,
            name: name.as_str().to_owned(),
            founded_on: founded_on.to_string(),
            head_office_commune: input.head_office_commune.clone(),
            purpose: purpose.clone(),
            verified_at: Some(rfc3339(at)),
        };
        record(
            c,
            &caller,
            "organisation.verify",
            ("organisation", &id.to_string()),
            None,
            Some(json!(org)),
            at,
        )?;
        Ok(org)
    })
    .await
}

/// Adds an account to an organisation (or changes its representative flag).
pub async fn put_member(
    state: &AppState,
    caller: &Caller,
    organisation_id: i64,
    email: &str,
    representative: bool,
) -> Result<i64, UseCaseError> {
    caller.may(&Action::Administer)?;
    let email =
        EmailAddress::parse(email).map_err(|_| UseCaseError::invalid("email", "field-email"))?;
    let caller = caller.clone();
    let at = state.clock.now();
    in_transaction(&state.db, move |c| {
        role::find_organisation(c, organisation_id)?
            .ok_or(UseCaseError::OrganisationNotFound(organisation_id))?;
        let user = user_by_email(c, &email)?;
        role::put_member(c, organisation_id, user.id, representative, at)?;
        record(
            c,
            &caller,
            "organisation.member.put",
            ("organisation", &organisation_id.to_string()),
            None,
            Some(json!({"user_id": user.id, "representative": representative})),
            at,
        )?;
        Ok(user.id)
    })
    .await
}

pub async fn remove_member(
    state: &AppState,
    caller: &Caller,
    organisation_id: i64,
    user_id: i64,
) -> Result<(), UseCaseError> {
    caller.may(&Action::Administer)?;
    let caller = caller.clone();
    let at = state.clock.now();
    in_transaction(&state.db, move |c| {
        if !role::remove_member(c, organisation_id, user_id)? {
            return Err(UseCaseError::UserNotFound(user_id));
        }
        record(
            c,
            &caller,
            "organisation.member.remove",
            ("organisation", &organisation_id.to_string()),
            Some(json!({"user_id": user_id})),
            None,
            at,
        )?;
        Ok(())
    })
    .await
}
