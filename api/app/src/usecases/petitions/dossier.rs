//! The deposit dossier: the signature list with CINs and addresses decrypted, for the agent and
//! the commune's officials at the steps the law allows, duplicate CINs flagged.

use super::reading::{view, visible};
use super::{PetitionView, may_download_dossier, today, user_of};
use crate::clock::rfc3339;
use crate::context::AppState;
use crate::usecases::{Caller, UseCaseError, in_transaction};
use serde::Serialize;
use serde_json::json;
use tawasol_domain::petition::suspected_duplicates;
use tawasol_persistence::petition::{self};

/// A line of the signature list, decrypted (`None`: erased after the retention period).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct DossierLine {
    pub number: usize,
    pub full_name: Option<String>,
    pub cin: Option<String>,
    pub address: Option<String>,
    pub lives_or_works_in_commune: bool,
    pub on_electoral_roll: bool,
    pub direct_interest: bool,
    pub signed_at: String,
    /// Another signature of this petition carries the same CIN: a possible fraud for the agent
    /// and the commune to check (both lines are flagged).
    pub suspected_duplicate: bool,
}

/// The agent as the decree asks: their name, CIN and address when they signed themselves.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AgentIdentity {
    pub display_name: String,
    pub full_name: Option<String>,
    pub cin: Option<String>,
    pub address: Option<String>,
}

/// What is deposited with the council president (decree 2.16.403).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Dossier {
    pub petition: PetitionView,
    pub commune_name_ar: String,
    pub commune_name_fr: String,
    pub agent: AgentIdentity,
    pub signatures: Vec<DossierLine>,
    /// When the signatories' full names, CINs and addresses were erased (the retention period
    /// after the petition closed); the lines keep their number, date and declarations.
    pub personal_data_erased_at: Option<String>,
    pub generated_at: String,
}

/// The dossier: for the agent from `ready` on and for officials of the whole commune from
/// `filed` on (403 for anyone else, and before); every download is audited.
pub async fn dossier(
    state: &AppState,
    caller: &Caller,
    id: i64,
    format: &'static str,
) -> Result<Dossier, UseCaseError> {
    user_of(caller)?;
    let row = visible(state, caller, id).await?;
    if !may_download_dossier(&caller.actor, row.agent_id, &row.commune, row.status) {
        return Err(UseCaseError::Denied(tawasol_domain::Denied::NotPermitted));
    }
    let at = state.clock.now();
    let caller2 = caller.clone();
    let stored = in_transaction(&state.db, move |c| {
        crate::usecases::admin::record(
            c,
            &caller2,
            "petition.dossier",
            ("petition", &id.to_string()),
            None,
            Some(json!({"format": format})),
            at,
        )?;
        Ok(petition::signature_rows(c, id)?)
    })
    .await?;
    let vault = state.vault.clone();
    let decrypt = |field: &str, value: Option<&str>| {
        value
            .map(|v| {
                vault
                    .decrypt(id, field, v)
                    .map_err(|e| UseCaseError::Undecryptable(e.to_string()))
            })
            .transpose()
    };
    let hashes: Vec<Option<&str>> = stored.iter().map(|s| s.cin_hash.as_deref()).collect();
    let duplicates = suspected_duplicates(&hashes);
    let mut signatures = Vec::with_capacity(stored.len());
    let mut agent = AgentIdentity {
        display_name: row.agent_name.clone(),
        full_name: None,
        cin: None,
        address: None,
    };
    for (i, s) in stored.iter().enumerate() {
        let line = DossierLine {
            number: i + 1,
            cin: decrypt("cin", s.cin_encrypted.as_deref())?,
            address: decrypt("address", s.address_encrypted.as_deref())?,
            full_name: s.full_name.clone(),
            lives_or_works_in_commune: s.lives_or_works_in_commune,
            on_electoral_roll: s.on_electoral_roll,
            direct_interest: s.direct_interest,
            signed_at: rfc3339(s.created_at),
            suspected_duplicate: duplicates[i],
        };
        if s.user_id == row.agent_id {
            agent.full_name.clone_from(&line.full_name);
            agent.cin.clone_from(&line.cin);
            agent.address.clone_from(&line.address);
        }
        signatures.push(line);
    }
    let (commune_name_ar, commune_name_fr, _) = row.commune_names.clone();
    let personal_data_erased_at = row.personal_data_erased_at.map(rfc3339);
    Ok(Dossier {
        petition: view(row, today(at)),
        commune_name_ar,
        commune_name_fr,
        agent,
        signatures,
        personal_data_erased_at,
        generated_at: rfc3339(at),
    })
}
