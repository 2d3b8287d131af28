//! Signing: a resident signs a petition that is collecting (and may withdraw), under a daily cap;
//! the threshold makes it ready. Following a petition.

use super::reading::{visible, visible_on};
use super::{petition_url, user_of};
use crate::clock::rfc3339;
use crate::context::AppState;
use crate::mail::template::Template;
use crate::usecases::issues::notify;
use crate::usecases::{Caller, Invalid, UseCaseError, check, in_transaction};
use chrono::{NaiveDateTime, TimeDelta};
use serde::Serialize;
use serde_json::json;
use tawasol_domain::Action;
use tawasol_domain::petition::{
    Cin, Eligibility, PetitionStatus, SIGNING_STEPS_PER_DAY, SignerAddress, SignerName,
    check_eligibility,
};
use tawasol_persistence::issue::Recipient;
use tawasol_persistence::petition::{
    self, Counted, PetitionEventInsertForm, PetitionStepUpdateForm, SignatureInsertForm,
};
use tawasol_persistence::{AnyConnection, account};

/// What a signatory sends.
#[derive(Debug, Clone)]
pub struct NewSignature {
    pub full_name: String,
    pub cin: String,
    pub address: String,
    pub declarations: Eligibility,
    pub consent: bool,
    pub show_name: bool,
}

/// A signature as its signatory sees it (the CIN and address are not sent back).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SignatureView {
    pub id: i64,
    pub petition_id: i64,
    pub full_name: String,
    pub show_name: bool,
    pub signed_at: String,
    /// The petition after this signature: its count, and `ready` if it reached the threshold.
    pub signature_count: i32,
    pub status: String,
}

/// The throttle key of an account's signing steps.
fn signing_key(user: i64) -> String {
    format!("petition-signing:user:{user}")
}

/// Counts a stored signature or an effective withdrawal against the account's daily cap
/// ([`SIGNING_STEPS_PER_DAY`] a day). It runs inside the write transaction that makes the step:
/// concurrent requests cannot overshoot the cap, and a step refused by it is undone with the
/// transaction (and so not counted). Attempts refused earlier (invalid input, a petition not
/// collecting, the account's own second signature, nothing to withdraw) reveal nothing about
/// anyone else and are not counted, so a resident's typos never spend the allowance.
fn count_signing_step(
    c: &mut AnyConnection,
    rate_limits: bool,
    user: i64,
    at: NaiveDateTime,
) -> Result<(), UseCaseError> {
    if !rate_limits {
        return Ok(());
    }
    let (steps, ends) =
        tawasol_persistence::throttle::hit(c, &signing_key(user), at, TimeDelta::days(1))?;
    if steps > SIGNING_STEPS_PER_DAY {
        let retry_after = u32::try_from((ends - at).num_seconds().max(1)).unwrap_or(u32::MAX);
        return Err(UseCaseError::Throttled { retry_after });
    }
    Ok(())
}

/// Signs a petition that is collecting; reaching the commune's threshold makes the petition
/// ready and tells its agent. One signature per account (a second is 409: that tells the account
/// only about itself). A CIN another signature of the petition already carries is stored and
/// counted and answered exactly like any other (refusing it would tell anyone whether that
/// person signed): it is audited (`petition.signature.duplicate_cin`, without the CIN) and both
/// lines are flagged on the dossier for the agent and the commune. Signatures and withdrawals
/// are capped per account and day ([`count_signing_step`]).
pub async fn sign(
    state: &AppState,
    caller: &Caller,
    id: i64,
    input: NewSignature,
) -> Result<SignatureView, UseCaseError> {
    caller.may(&Action::Contribute)?;
    let user = user_of(caller)?;
    let mut invalid = Vec::new();
    let full_name = check(
        SignerName::parse(&input.full_name),
        "full_name",
        "field-signer-name",
        &mut invalid,
    );
    let cin = check(Cin::parse(&input.cin), "cin", "field-cin", &mut invalid);
    let address = check(
        SignerAddress::parse(&input.address),
        "address",
        "field-signer-address",
        &mut invalid,
    );
    if let Err(field) = check_eligibility(&input.declarations) {
        invalid.push(Invalid {
            field: match field {
                "lives_or_works_in_commune" => "declarations/lives_or_works_in_commune",
                "on_electoral_roll" => "declarations/on_electoral_roll",
                _ => "declarations/direct_interest",
            },
            message: "field-declaration",
        });
    }
    if !input.consent {
        invalid.push(Invalid {
            field: "consent",
            message: "field-consent",
        });
    }
    let (Some(full_name), Some(cin), Some(address), true) =
        (full_name, cin, address, invalid.is_empty())
    else {
        return Err(UseCaseError::Invalid(invalid));
    };
    let vault = &state.vault;
    let cin_encrypted = vault.encrypt(id, "cin", cin.as_str());
    let cin_hash = vault.cin_hash(id, cin.as_str());
    let address_encrypted = vault.encrypt(id, "address", address.as_str());
    let at = state.clock.now();
    let url = petition_url(state, id);
    let show_name = input.show_name;
    let declarations = input.declarations;
    let rate_limits = state.rate_limits;
    let caller2 = caller.clone();
    // One connection and one transaction: the petition read once, the signature stored and
    // counted (its id and the petition's count and status returned by the same statements).
    let (signed, queued) = in_transaction(&state.db, move |c| {
        let row = visible_on(c, Some(user), id)?;
        if row.status != PetitionStatus::Collecting {
            return Err(UseCaseError::PetitionNotCollecting(id));
        }
        let counted = petition::sign_returning(
            c,
            &SignatureInsertForm {
                petition_id: id,
                user_id: user,
                full_name: full_name.as_str(),
                cin_encrypted: &cin_encrypted,
                cin_hash: &cin_hash,
                address_encrypted: &address_encrypted,
                lives_or_works_in_commune: declarations.lives_or_works_in_commune,
                on_electoral_roll: declarations.on_electoral_roll,
                direct_interest: declarations.direct_interest,
                show_name,
                consented_at: at,
                created_at: at,
            },
        )?;
        let Some(Counted {
            signature_id,
            signature_count: count,
            status,
        }) = counted
        else {
            return Err(UseCaseError::AlreadySigned(id));
        };
        // Still collecting? (A concurrent step may have moved it; then this signature is refused.)
        if status != PetitionStatus::Collecting {
            return Err(UseCaseError::PetitionNotCollecting(id));
        }
        count_signing_step(c, rate_limits, user, at)?;
        let same_cin = petition::same_cin(c, id, &cin_hash)?;
        if same_cin > 1 {
            // For the agent and the commune (flagged on the dossier) and the admins (this
            // record): never the CIN or its hash, nor the other signatures' accounts.
            crate::usecases::admin::record(
                c,
                &caller2,
                "petition.signature.duplicate_cin",
                ("petition", &id.to_string()),
                None,
                Some(json!({"signature_id": signature_id, "signatures_with_this_cin": same_cin})),
                at,
            )?;
        }
        let mut status = status;
        let mut queued = 0;
        if count >= row.threshold {
            let moved = petition::step(
                c,
                &PetitionStepUpdateForm::to(PetitionStatus::Ready, at),
                &PetitionEventInsertForm {
                    petition_id: id,
                    actor_id: None,
                    from_status: Some(PetitionStatus::Collecting),
                    to_status: PetitionStatus::Ready,
                    details: &json!({"signatures": count, "threshold": row.threshold}).to_string(),
                    created_at: at,
                },
            )?;
            if moved {
                status = PetitionStatus::Ready;
                if let Some(agent) = account::find(c, row.agent_id)? {
                    let recipient = Recipient {
                        user_id: agent.id,
                        email: agent.email,
                        locale: agent.locale,
                    };
                    queued = notify(
                        c,
                        &[recipient],
                        None,
                        &Template::PetitionThresholdReached {
                            petition_title: row.title,
                            signature_count: i64::from(count),
                            petition_url: url.clone(),
                        },
                        &format!("petition-ready:{id}"),
                        at,
                    )?;
                }
            }
        }
        let view = SignatureView {
            id: signature_id,
            petition_id: id,
            full_name: full_name.as_str().to_owned(),
            show_name,
            signed_at: rfc3339(at),
            signature_count: count,
            status: status.as_str().to_owned(),
        };
        Ok((view, queued))
    })
    .await?;
    // After the commit, and without waiting for it: the mail worker takes the agent's mail (not
    // woken for nothing: under load, each wake costs it a check-out and a statement).
    if queued > 0 {
        state.mail.wake();
    }
    Ok(signed)
}

/// Withdraws the caller's signature while the petition is collecting (nothing to do if they
/// had not signed). A withdrawal counts against the daily cap of signing steps: sign, withdraw
/// and sign again is how a CIN would be tried in turn.
pub async fn withdraw(state: &AppState, caller: &Caller, id: i64) -> Result<(), UseCaseError> {
    caller.may(&Action::Contribute)?;
    let user = user_of(caller)?;
    visible(state, caller, id).await?;
    let at = state.clock.now();
    let rate_limits = state.rate_limits;
    in_transaction(&state.db, move |c| {
        let (status, _) = petition::state(c, id)?.ok_or(UseCaseError::PetitionNotFound(id))?;
        if status != PetitionStatus::Collecting {
            return Err(UseCaseError::PetitionNotCollecting(id));
        }
        if petition::withdraw(c, id, user, at)? {
            count_signing_step(c, rate_limits, user, at)?;
        }
        Ok(())
    })
    .await
}

/// Follows or stops following a petition's steps.
pub async fn set_follow(
    state: &AppState,
    caller: &Caller,
    id: i64,
    on: bool,
) -> Result<(), UseCaseError> {
    caller.may(&Action::Contribute)?;
    let user = user_of(caller)?;
    visible(state, caller, id).await?;
    let at = state.clock.now();
    in_transaction(&state.db, move |c| {
        petition::set_follow(c, id, user, on, at)?;
        Ok(())
    })
    .await
}
