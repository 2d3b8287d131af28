//! Petitions and their signatures. The CIN and address arrive encrypted, with the CIN's keyed
//! hash; the database enforces one signature per person. A CIN used twice on a petition is
//! stored like any other (refusing it would tell a stranger who signed) and found by its hash
//! for the dossier. Once a petition is closed and its retention period over, the signatories'
//! CINs, hashes, addresses and full names are erased (NULL).
//!
//! One concern a file: drafts here (create, state, correct), `reading` (one petition, lists, those
//! awaiting the bureau), `steps` (the legal steps and the public timeline), `signing` (signatures),
//! `retention` (erasing the signatories' personal data), `relations` (signed, followed, public
//! names) and `recipients` (who hears of a petition). Public items are re-exported here.

mod reading;
mod recipients;
mod relations;
mod retention;
mod signing;
mod steps;

pub use reading::{PetitionFilter, PetitionRow, awaiting_decision, find, list};
pub use recipients::{audience, commune_officials};
pub use relations::{public_names, relation, set_follow};
pub use retention::{
    StoredPersonalData, erase_personal_data, personal_data_due, stored_personal_data,
};
pub use signing::{
    Counted, SignatureInsertForm, SignatureRow, Signed, erase_signer, same_cin, sign,
    sign_returning, signature_id, signature_rows, signatures_of, withdraw,
};
pub use steps::{
    EventRow, PetitionEventInsertForm, PetitionStepUpdateForm, events, record_event, step,
};

use crate::connection::{AnyConnection, on_backend};
use crate::error::PersistenceError;
use crate::schema::petitions;
use crate::stored::Stored;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use tawasol_domain::petition::{FilerType, PetitionStatus};

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = petitions)]
pub struct PetitionInsertForm<'a> {
    pub commune_id: i64,
    pub agent_id: i64,
    #[diesel(skip_insertion)]
    pub filer_type: FilerType,
    pub organisation_id: Option<i64>,
    pub title: &'a str,
    pub request: &'a str,
    pub reasons: &'a str,
    /// An association's declaration (JSON).
    pub association_declaration: Option<&'a str>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub fn create(
    conn: &mut AnyConnection,
    form: &PetitionInsertForm<'_>,
) -> Result<i64, PersistenceError> {
    let id = on_backend!(conn, c => diesel::insert_into(petitions::table)
        .values((form, petitions::filer_type.eq(form.filer_type.as_str())))
        .returning(petitions::id)
        .get_result::<i64>(c))?;
    Ok(id)
}

/// Status and signature count of a petition.
pub fn state(
    conn: &mut AnyConnection,
    id: i64,
) -> Result<Option<(PetitionStatus, i32)>, PersistenceError> {
    Ok(petitions::table
        .find(id)
        .select((petitions::status, petitions::signature_count))
        .first::<(Stored<PetitionStatus>, i32)>(conn)
        .optional()?
        .map(|(Stored(status), count)| (status, count)))
}

/// A draft's text, as its agent corrects it (`None`: unchanged).
#[derive(Debug, Clone, AsChangeset)]
#[diesel(table_name = petitions)]
pub struct PetitionUpdateForm<'a> {
    pub title: Option<&'a str>,
    pub request: Option<&'a str>,
    pub reasons: Option<&'a str>,
    pub updated_at: NaiveDateTime,
}

/// Changes a draft's text; `false` if it is no longer a draft.
pub fn edit_draft(
    conn: &mut AnyConnection,
    id: i64,
    form: &PetitionUpdateForm<'_>,
) -> Result<bool, PersistenceError> {
    let n = diesel::update(
        petitions::table
            .filter(petitions::id.eq(id))
            .filter(petitions::status.eq(PetitionStatus::Draft.as_str())),
    )
    .set(form)
    .execute(conn)?;
    Ok(n == 1)
}
