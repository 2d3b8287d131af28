//! What admins do: appoint and revoke officials and moderators, verify organisations and manage
//! their members, ban and unban. Every action writes an audit record in the same transaction.

use super::{Caller, UseCaseError, in_transaction, with_conn};
use crate::clock::rfc3339;
use crate::context::AppState;
use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;
use serde_json::{Value, json};
use tawasol_domain::account::{CommuneName, OrganisationName, OrganisationPurpose};
use tawasol_domain::{Action, EmailAddress, OfficialTitle};
use tawasol_persistence::account::{self, UserRow};
use tawasol_persistence::audit::{self, AuditInsertForm};
use tawasol_persistence::role::{self, OrganisationInsertForm, Resolved};
use tawasol_persistence::{AnyConnection, PersistenceError};

pub(crate) fn record(
    c: &mut AnyConnection,
    caller: &Caller,
    action: &str,
    target: (&str, &str),
    before: Option<Value>,
    after: Option<Value>,
    at: NaiveDateTime,
) -> Result<(), PersistenceError> {
    let before = before.map(|v| v.to_string());
    let after = after.map(|v| v.to_string());
    audit::record(
        c,
        &AuditInsertForm {
            actor_user_id: caller.user_id(),
            action,
            target_type: target.0,
            target_id: target.1,
            before: before.as_deref(),
            after: after.as_deref(),
            request_id: caller.request_id.as_deref(),
            created_at: at,
        },
    )
}

fn user_by_email(c: &mut AnyConnection, email: &EmailAddress) -> Result<UserRow, UseCaseError> {
    account::find_by_email(c, email.as_str())?
        .filter(|u| u.deleted_at.is_none())
        .ok_or_else(|| UseCaseError::invalid("email", "field-no-such-account"))
}

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
    let title = super::text(
        OfficialTitle::parse(&input.title).and_then(tawasol_domain::text::without_personal_data),
        "title",
        "field-title",
    )?;
    let caller = caller.clone();
    let at = state.clock.now();
    in_transaction(&state.db, move |c| {
        let user = user_by_email(c, &email)?;
        let (commune_id, arrondissement_id, category_ids) = super::resolve_place(
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
    let name = super::text(
        OrganisationName::parse(&input.name).and_then(tawasol_domain::text::without_personal_data),
        "name",
        "field-organisation-name",
    )?;
    let founded_on = NaiveDate::parse_from_str(&input.founded_on, "%Y-%m-%d")
        .ok()
        .filter(|d| *d <= state.clock.now().date())
        .ok_or_else(|| UseCaseError::invalid("founded_on", "field-date"))?;
    let purpose = super::text(
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
            super::text(
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

/// An audit record, as admins read them.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AuditEntry {
    pub id: i64,
    pub actor_user_id: Option<i64>,
    pub action: String,
    pub target_type: String,
    pub target_id: String,
    pub before: Option<Value>,
    pub after: Option<Value>,
    pub request_id: Option<String>,
    pub created_at: String,
}

pub async fn audit_log(
    state: &AppState,
    caller: &Caller,
    before: Option<i64>,
    limit: tawasol_domain::PageLimit,
) -> Result<super::Page<AuditEntry, i64>, UseCaseError> {
    caller.may(&Action::Administer)?;
    with_conn(&state.db, move |c| {
        let rows = audit::list(c, before, i64::from(limit.get()) + 1)?;
        Ok(
            super::Page::from_overfetch(rows, limit, |r| r.id).map(|r| AuditEntry {
                id: r.id,
                actor_user_id: r.actor_user_id,
                action: r.action,
                target_type: r.target_type,
                target_id: r.target_id,
                before: r.before.and_then(|b| serde_json::from_str(&b).ok()),
                after: r.after.and_then(|a| serde_json::from_str(&a).ok()),
                request_id: r.request_id,
                created_at: rfc3339(r.created_at),
            }),
        )
    })
    .await
}

/// Mails in the outbox (dead ones are what an admin looks at), newest first.
pub async fn outbox(
    state: &AppState,
    caller: &Caller,
    status: Option<tawasol_domain::OutboxStatus>,
    before: Option<i64>,
    limit: tawasol_domain::PageLimit,
) -> Result<super::Page<tawasol_persistence::outbox::OutboxEntry, i64>, UseCaseError> {
    caller.may(&Action::Administer)?;
    super::outbox::list(&state.db, status, before, limit).await
}

/// Puts a dead mail back in the queue, and records who did.
pub async fn requeue_mail(state: &AppState, caller: &Caller, id: i64) -> Result<(), UseCaseError> {
    caller.may(&Action::Administer)?;
    let at = state.clock.now();
    super::outbox::requeue(&state.db, id, at).await?;
    let caller = caller.clone();
    with_conn(&state.db, move |c| {
        Ok(record(
            c,
            &caller,
            "outbox.requeue",
            ("outbox", &id.to_string()),
            None,
            None,
            at,
        )?)
    })
    .await
}

/// What an admin changes on a commune.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CommuneEdit {
    /// Signatures a citizens' petition needs (the law's figure unless a council decides).
    pub petition_threshold: Option<i64>,
    pub name_ar: Option<String>,
    pub name_fr: Option<String>,
    pub name_zgh: Option<String>,
}

/// Edits a commune's data (threshold, names); audited with the values before and after.
pub async fn update_commune(
    state: &AppState,
    caller: &Caller,
    slug: &str,
    edit: CommuneEdit,
) -> Result<(), UseCaseError> {
    caller.may(&Action::Administer)?;
    let parsed = tawasol_domain::CommuneSlug::parse(slug)
        .map_err(|_| UseCaseError::CommuneNotFound(slug.to_owned()))?;
    let mut invalid = Vec::new();
    let threshold = match edit.petition_threshold {
        Some(n) if (1..=100_000).contains(&n) => i32::try_from(n).ok(),
        Some(_) => {
            invalid.push(super::Invalid {
                field: "petition_threshold",
                message: "field-petition-threshold",
            });
            None
        }
        None => None,
    };
    let name = |v: &Option<String>, field: &'static str, invalid: &mut Vec<super::Invalid>| {
        super::check_text(
            CommuneName::parse(v.as_deref()?),
            field,
            "field-commune-name",
            invalid,
        )
        .map(CommuneName::into_inner)
    };
    let name_ar = name(&edit.name_ar, "name_ar", &mut invalid);
    let name_fr = name(&edit.name_fr, "name_fr", &mut invalid);
    let name_zgh = name(&edit.name_zgh, "name_zgh", &mut invalid);
    if !invalid.is_empty() {
        return Err(UseCaseError::Invalid(invalid));
    }
    let caller = caller.clone();
    let at = state.clock.now();
    let wanted = slug.to_owned();
    in_transaction(&state.db, move |c| {
        let form = tawasol_persistence::commune::CommuneUpdateForm {
            petition_threshold: threshold,
            name_ar: name_ar.as_deref(),
            name_fr: name_fr.as_deref(),
            name_zgh: name_zgh.as_deref(),
            updated_at: at,
        };
        let (t, ar, fr, zgh) = tawasol_persistence::commune::update(c, &parsed, &form)?
            .ok_or(UseCaseError::CommuneNotFound(wanted))?;
        record(
            c,
            &caller,
            "commune.update",
            ("commune", parsed.as_str()),
            Some(json!({"petition_threshold": t, "name_ar": ar, "name_fr": fr, "name_zgh": zgh})),
            Some(json!({
                "petition_threshold": threshold,
                "name_ar": name_ar,
                "name_fr": name_fr,
                "name_zgh": name_zgh,
            })),
            at,
        )?;
        Ok(())
    })
    .await
}
