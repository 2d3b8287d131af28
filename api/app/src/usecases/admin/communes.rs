//! Editing a commune's data: its petition threshold and names.

use super::record;
use crate::context::AppState;
use crate::usecases::{Caller, UseCaseError, in_transaction};
use serde_json::json;
use tawasol_domain::Action;
use tawasol_domain::account::CommuneName;

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
            invalid.push(crate::usecases::Invalid {
                field: "petition_threshold",
                message: "field-petition-threshold",
            });
            None
        }
        None => None,
    };
    let name =
        |v: &Option<String>, field: &'static str, invalid: &mut Vec<crate::usecases::Invalid>| {
            crate::usecases::check_text(
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
