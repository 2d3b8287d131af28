//! Petitions and their signatures. The CIN and address arrive encrypted, with the CIN's keyed
//! hash; the database enforces one signature per person. A CIN used twice on a petition is
//! stored like any other (refusing it would tell a stranger who signed) and found by its hash
//! for the dossier. Once a petition is closed and its retention period over, the signatories'
//! CINs, hashes, addresses and full names are erased (NULL).

use crate::connection::{AnyConnection, on_backend};
use crate::error::PersistenceError;
use crate::issue::Recipient;
use crate::schema::{
    communes, officials, organisations, petition_events, petition_follows, petitions, signatures,
    users,
};
use crate::stored::Stored;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::dsl::exists;
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error as DieselError};
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

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = signatures)]
pub struct SignatureInsertForm<'a> {
    pub petition_id: i64,
    pub user_id: i64,
    pub full_name: &'a str,
    pub cin_encrypted: &'a str,
    pub cin_hash: &'a str,
    pub address_encrypted: &'a str,
    pub lives_or_works_in_commune: bool,
    pub on_electoral_roll: bool,
    pub direct_interest: bool,
    pub show_name: bool,
    pub consented_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signed {
    /// Counted; the petition now has this many signatures.
    Counted(i32),
    /// This person (this account) already signed.
    AlreadySigned,
}

/// Adds a signature and counts it. Call inside a write transaction.
pub fn sign(
    conn: &mut AnyConnection,
    form: &SignatureInsertForm<'_>,
) -> Result<Signed, PersistenceError> {
    // In a savepoint: on PostgreSQL a refused insert would otherwise abort the caller's transaction.
    match conn.transaction(|c| {
        diesel::insert_into(signatures::table)
            .values(form)
            .execute(c)
    }) {
        Ok(_) => {}
        Err(DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {
            return Ok(Signed::AlreadySigned);
        }
        Err(e) => return Err(e.into()),
    }
    diesel::update(petitions::table.find(form.petition_id))
        .set((
            petitions::signature_count.eq(petitions::signature_count + 1),
            petitions::updated_at.eq(form.created_at),
        ))
        .execute(conn)?;
    let count = petitions::table
        .find(form.petition_id)
        .select(petitions::signature_count)
        .first(conn)?;
    Ok(Signed::Counted(count))
}

/// Withdraws a person's signature; `false` if they had not signed.
pub fn withdraw(
    conn: &mut AnyConnection,
    petition_id: i64,
    user_id: i64,
    at: NaiveDateTime,
) -> Result<bool, PersistenceError> {
    let n = diesel::delete(
        signatures::table
            .filter(signatures::petition_id.eq(petition_id))
            .filter(signatures::user_id.eq(user_id)),
    )
    .execute(conn)?;
    if n == 1 {
        diesel::update(petitions::table.find(petition_id))
            .set((
                petitions::signature_count.eq(petitions::signature_count - 1),
                petitions::updated_at.eq(at),
            ))
            .execute(conn)?;
    }
    Ok(n == 1)
}

/// How many signatures of the petition carry this CIN hash (the one just given included).
pub fn same_cin(
    conn: &mut AnyConnection,
    petition_id: i64,
    cin_hash: &str,
) -> Result<i64, PersistenceError> {
    Ok(signatures::table
        .filter(signatures::petition_id.eq(petition_id))
        .filter(signatures::cin_hash.eq(cin_hash))
        .count()
        .get_result(conn)?)
}

/// A signature's personal data exactly as stored (`None` once erased).
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct StoredPersonalData {
    pub full_name: Option<String>,
    pub cin_encrypted: Option<String>,
    pub cin_hash: Option<String>,
    pub address_encrypted: Option<String>,
}

/// The personal columns of every signature of a petition, as stored (for tests and operators).
pub fn stored_personal_data(
    conn: &mut AnyConnection,
    petition_id: i64,
) -> Result<Vec<StoredPersonalData>, PersistenceError> {
    Ok(signatures::table
        .filter(signatures::petition_id.eq(petition_id))
        .order(signatures::id.asc())
        .select((
            signatures::full_name,
            signatures::cin_encrypted,
            signatures::cin_hash,
            signatures::address_encrypted,
        ))
        .load(conn)?)
}

/// Closed petitions (in one of `closed_statuses`) whose signatories' personal data is still
/// kept although the step that closed them was taken at or before `cutoff`: id and status.
pub fn personal_data_due(
    conn: &mut AnyConnection,
    closed_statuses: &[PetitionStatus],
    cutoff: NaiveDateTime,
) -> Result<Vec<(i64, PetitionStatus)>, PersistenceError> {
    let closed_statuses: Vec<&str> = closed_statuses.iter().map(|s| s.as_str()).collect();
    let closing = petition_events::table
        .filter(petition_events::petition_id.eq(petitions::id))
        .filter(petition_events::to_status.eq(petitions::status))
        .filter(petition_events::created_at.le(cutoff));
    Ok(petitions::table
        .filter(petitions::status.eq_any(closed_statuses))
        .filter(petitions::personal_data_erased_at.is_null())
        .filter(exists(closing))
        .order(petitions::id.asc())
        .select((petitions::id, petitions::status))
        .load::<(i64, Stored<PetitionStatus>)>(conn)?
        .into_iter()
        .map(|(id, Stored(status))| (id, status))
        .collect())
}

/// Erases the full names, CINs, CIN hashes and addresses of a petition's signatures and notes
/// when; the count, the declarations, the dates and who signed (for their own account and the
/// names they chose to show) stay. `None` if it was already done (by another replica): each
/// petition is erased, and audited, once. Call inside a write transaction.
pub fn erase_personal_data(
    conn: &mut AnyConnection,
    petition_id: i64,
    at: NaiveDateTime,
) -> Result<Option<usize>, PersistenceError> {
    let claimed = diesel::update(
        petitions::table
            .filter(petitions::id.eq(petition_id))
            .filter(petitions::personal_data_erased_at.is_null()),
    )
    .set(petitions::personal_data_erased_at.eq(at))
    .execute(conn)?;
    if claimed == 0 {
        return Ok(None);
    }
    let none: Option<&str> = None;
    let erased = diesel::update(signatures::table.filter(signatures::petition_id.eq(petition_id)))
        .set((
            signatures::full_name.eq(none),
            signatures::cin_encrypted.eq(none),
            signatures::cin_hash.eq(none),
            signatures::address_encrypted.eq(none),
        ))
        .execute(conn)?;
    Ok(Some(erased))
}

/// A petition with its commune, agent and organisation names.
#[derive(Debug, Clone, PartialEq, Queryable)]
pub struct PetitionRow {
    pub id: i64,
    pub commune_id: i64,
    pub commune: String,
    /// The commune's names in Arabic, French and Tamazight.
    pub commune_names: (String, String, String),
    pub threshold: i32,
    pub agent_id: i64,
    pub agent_name: String,
    #[diesel(deserialize_as = Stored<FilerType>)]
    pub filer_type: FilerType,
    pub organisation_id: Option<i64>,
    pub organisation_name: Option<String>,
    pub title: String,
    pub request: String,
    pub reasons: String,
    #[diesel(deserialize_as = Stored<PetitionStatus>)]
    pub status: PetitionStatus,
    pub signature_count: i32,
    pub receipt_number: Option<String>,
    pub filed_on: Option<NaiveDate>,
    pub next_session_on: Option<NaiveDate>,
    pub session_date: Option<NaiveDate>,
    pub committee: Option<String>,
    pub outcome: Option<String>,
    pub association_declaration: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// When the signatories' personal data was erased after the retention period.
    pub personal_data_erased_at: Option<NaiveDateTime>,
}

macro_rules! row_query {
    () => {
        petitions::table
            .inner_join(communes::table)
            .inner_join(users::table)
            .left_join(
                organisations::table
                    .on(organisations::id.nullable().eq(petitions::organisation_id)),
            )
            .select((
                petitions::id,
                petitions::commune_id,
                communes::slug,
                (communes::name_ar, communes::name_fr, communes::name_zgh),
                communes::petition_threshold,
                petitions::agent_id,
                users::display_name,
                petitions::filer_type,
                petitions::organisation_id,
                organisations::name.nullable(),
                petitions::title,
                petitions::request,
                petitions::reasons,
                petitions::status,
                petitions::signature_count,
                petitions::receipt_number,
                petitions::filed_on,
                petitions::next_session_on,
                petitions::session_date,
                petitions::committee,
                petitions::outcome,
                petitions::association_declaration,
                petitions::created_at,
                petitions::updated_at,
                petitions::personal_data_erased_at,
            ))
    };
}

pub fn find(conn: &mut AnyConnection, id: i64) -> Result<Option<PetitionRow>, PersistenceError> {
    Ok(row_query!()
        .filter(petitions::id.eq(id))
        .first(conn)
        .optional()?)
}

/// What a list asks for. Drafts appear only to their agent (`viewer_id`).
#[derive(Debug, Clone, Default)]
pub struct PetitionFilter {
    pub commune: Option<String>,
    pub status: Option<PetitionStatus>,
    pub agent_id: Option<i64>,
    pub viewer_id: Option<i64>,
}

/// Newest first, after the petition `after` (an id), at most `limit`.
pub fn list(
    conn: &mut AnyConnection,
    f: &PetitionFilter,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<PetitionRow>, PersistenceError> {
    let mut q = row_query!().into_boxed();
    if let Some(commune) = &f.commune {
        q = q.filter(communes::slug.eq(commune.clone()));
    }
    if let Some(status) = f.status {
        q = q.filter(petitions::status.eq(status.as_str()));
    }
    if let Some(agent) = f.agent_id {
        q = q.filter(petitions::agent_id.eq(agent));
    }
    q = match f.viewer_id {
        Some(v) => q.filter(
            petitions::status
                .ne(PetitionStatus::Draft.as_str())
                .or(petitions::agent_id.eq(v)),
        ),
        None => q.filter(petitions::status.ne(PetitionStatus::Draft.as_str())),
    };
    if let Some(after) = after {
        q = q.filter(petitions::id.lt(after));
    }
    Ok(q.order(petitions::id.desc()).limit(limit).load(conn)?)
}

/// What a step writes on the petition (`None`: unchanged).
#[derive(Debug, Clone, AsChangeset)]
#[diesel(table_name = petitions)]
pub struct PetitionStepUpdateForm<'a> {
    #[diesel(skip_update)]
    pub status: PetitionStatus,
    pub receipt_number: Option<&'a str>,
    pub filed_on: Option<NaiveDate>,
    pub next_session_on: Option<NaiveDate>,
    pub session_date: Option<NaiveDate>,
    pub committee: Option<&'a str>,
    pub outcome: Option<&'a str>,
    pub updated_at: NaiveDateTime,
}

impl PetitionStepUpdateForm<'_> {
    /// A step that writes the status alone (and when).
    pub fn to(status: PetitionStatus, at: NaiveDateTime) -> Self {
        PetitionStepUpdateForm {
            status,
            receipt_number: None,
            filed_on: None,
            next_session_on: None,
            session_date: None,
            committee: None,
            outcome: None,
            updated_at: at,
        }
    }
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = petition_events)]
pub struct PetitionEventInsertForm<'a> {
    pub petition_id: i64,
    /// `None` when the platform took the step (the threshold was reached).
    pub actor_id: Option<i64>,
    /// `None` for the line that records the draft's creation.
    #[diesel(skip_insertion)]
    pub from_status: Option<PetitionStatus>,
    #[diesel(skip_insertion)]
    pub to_status: PetitionStatus,
    /// What the step carried (JSON).
    pub details: &'a str,
    pub created_at: NaiveDateTime,
}

/// Moves the petition from `event.from_status` to `event.to_status` and records the step on its
/// timeline; `false` (and nothing written) if it was no longer in `from_status`. Call inside a
/// write transaction.
pub fn step(
    conn: &mut AnyConnection,
    update: &PetitionStepUpdateForm<'_>,
    event: &PetitionEventInsertForm<'_>,
) -> Result<bool, PersistenceError> {
    let n = diesel::update(
        petitions::table
            .filter(petitions::id.eq(event.petition_id))
            .filter(petitions::status.eq(from_status(event.from_status))),
    )
    .set((petitions::status.eq(update.status.as_str()), update))
    .execute(conn)?;
    if n == 1 {
        record_event(conn, event)?;
    }
    Ok(n == 1)
}

/// Adds a line to the public timeline.
pub fn record_event(
    conn: &mut AnyConnection,
    event: &PetitionEventInsertForm<'_>,
) -> Result<(), PersistenceError> {
    diesel::insert_into(petition_events::table)
        .values((
            event,
            petition_events::from_status.eq(from_status(event.from_status)),
            petition_events::to_status.eq(event.to_status.as_str()),
        ))
        .execute(conn)?;
    Ok(())
}

/// A timeline line's `from_status` as stored: empty for the draft's creation.
fn from_status(status: Option<PetitionStatus>) -> &'static str {
    status.map_or("", PetitionStatus::as_str)
}

/// A line of the public timeline.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct EventRow {
    /// Empty once the actor erased their account; `None` for the platform.
    pub actor_name: Option<String>,
    /// `None` for the line that records the draft's creation.
    #[diesel(deserialize_as = Stored<Option<PetitionStatus>>)]
    pub from_status: Option<PetitionStatus>,
    #[diesel(deserialize_as = Stored<PetitionStatus>)]
    pub to_status: PetitionStatus,
    pub details: String,
    pub created_at: NaiveDateTime,
}

pub fn events(
    conn: &mut AnyConnection,
    petition_id: i64,
) -> Result<Vec<EventRow>, PersistenceError> {
    Ok(petition_events::table
        .left_join(users::table.on(petition_events::actor_id.eq(users::id.nullable())))
        .filter(petition_events::petition_id.eq(petition_id))
        .order(petition_events::id.asc())
        .select((
            users::display_name.nullable(),
            petition_events::from_status,
            petition_events::to_status,
            petition_events::details,
            petition_events::created_at,
        ))
        .load(conn)?)
}

/// Whether the user signed and follows the petition.
pub fn relation(
    conn: &mut AnyConnection,
    petition_id: i64,
    user_id: i64,
) -> Result<(bool, bool), PersistenceError> {
    let signed: i64 = signatures::table
        .filter(signatures::petition_id.eq(petition_id))
        .filter(signatures::user_id.eq(user_id))
        .count()
        .get_result(conn)?;
    let follows: i64 = petition_follows::table
        .filter(petition_follows::petition_id.eq(petition_id))
        .filter(petition_follows::user_id.eq(user_id))
        .count()
        .get_result(conn)?;
    Ok((signed > 0, follows > 0))
}

/// The display names of signatories who chose to show them, in the order they signed.
pub fn public_names(
    conn: &mut AnyConnection,
    petition_id: i64,
) -> Result<Vec<String>, PersistenceError> {
    Ok(signatures::table
        .inner_join(users::table.on(users::id.eq(signatures::user_id)))
        .filter(signatures::petition_id.eq(petition_id))
        .filter(signatures::show_name.eq(true))
        .filter(users::deleted_at.is_null())
        .order(signatures::id.asc())
        .select(users::display_name)
        .load(conn)?)
}

/// Follows (`on`) or stops following; `true` if anything changed.
pub fn set_follow(
    conn: &mut AnyConnection,
    petition_id: i64,
    user_id: i64,
    on: bool,
    at: NaiveDateTime,
) -> Result<bool, PersistenceError> {
    let n = if on {
        on_backend!(conn, c => diesel::insert_into(petition_follows::table)
            .values((
                petition_follows::petition_id.eq(petition_id),
                petition_follows::user_id.eq(user_id),
                petition_follows::created_at.eq(at),
            ))
            .on_conflict_do_nothing()
            .execute(c))?
    } else {
        diesel::delete(
            petition_follows::table
                .filter(petition_follows::petition_id.eq(petition_id))
                .filter(petition_follows::user_id.eq(user_id)),
        )
        .execute(conn)?
    };
    Ok(n == 1)
}

/// Signatories and followers who want to hear of the petition's steps, each once.
pub fn audience(
    conn: &mut AnyConnection,
    petition_id: i64,
) -> Result<Vec<Recipient>, PersistenceError> {
    use crate::schema::notification_preferences as prefs;
    let wants = prefs::petition_updates
        .is_null()
        .or(prefs::petition_updates.eq(true));
    let mut people: Vec<Recipient> = signatures::table
        .inner_join(users::table.on(users::id.eq(signatures::user_id)))
        .left_join(prefs::table.on(prefs::user_id.eq(signatures::user_id)))
        .filter(signatures::petition_id.eq(petition_id))
        .filter(users::email.is_not_null())
        .filter(wants)
        .select((users::id, users::email, users::locale))
        .load(conn)?;
    let followers: Vec<Recipient> = petition_follows::table
        .inner_join(users::table.on(users::id.eq(petition_follows::user_id)))
        .left_join(prefs::table.on(prefs::user_id.eq(petition_follows::user_id)))
        .filter(petition_follows::petition_id.eq(petition_id))
        .filter(users::email.is_not_null())
        .filter(wants)
        .select((users::id, users::email, users::locale))
        .load(conn)?;
    people.extend(followers);
    people.sort_by_key(|r| r.user_id);
    people.dedup_by_key(|r| r.user_id);
    Ok(people)
}

/// Every official of the commune, whatever their arrondissement or categories: a petition is
/// addressed to the council as a whole.
pub fn commune_officials(
    conn: &mut AnyConnection,
    commune_id: i64,
) -> Result<Vec<Recipient>, PersistenceError> {
    let mut people: Vec<Recipient> = officials::table
        .inner_join(users::table.on(users::id.eq(officials::user_id)))
        .filter(officials::commune_id.eq(commune_id))
        .filter(users::email.is_not_null())
        .select((users::id, users::email, users::locale))
        .load(conn)?;
    people.sort_by_key(|r| r.user_id);
    people.dedup_by_key(|r| r.user_id);
    Ok(people)
}

/// A signature as stored, for the dossier: the CIN and address still encrypted; the personal
/// columns are `None` once erased.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct SignatureRow {
    pub user_id: i64,
    pub full_name: Option<String>,
    pub cin_encrypted: Option<String>,
    /// The CIN's keyed hash: equal on two signatures that used the same CIN.
    pub cin_hash: Option<String>,
    pub address_encrypted: Option<String>,
    pub lives_or_works_in_commune: bool,
    pub on_electoral_roll: bool,
    pub direct_interest: bool,
    pub created_at: NaiveDateTime,
}

/// Every signature, in the order they were given.
pub fn signature_rows(
    conn: &mut AnyConnection,
    petition_id: i64,
) -> Result<Vec<SignatureRow>, PersistenceError> {
    Ok(signatures::table
        .filter(signatures::petition_id.eq(petition_id))
        .order(signatures::id.asc())
        .select((
            signatures::user_id,
            signatures::full_name,
            signatures::cin_encrypted,
            signatures::cin_hash,
            signatures::address_encrypted,
            signatures::lives_or_works_in_commune,
            signatures::on_electoral_roll,
            signatures::direct_interest,
            signatures::created_at,
        ))
        .load(conn)?)
}

/// A person's signatures (petition id, title, and the signature), for their data export.
pub fn signatures_of(
    conn: &mut AnyConnection,
    user_id: i64,
) -> Result<Vec<(i64, String, SignatureRow)>, PersistenceError> {
    Ok(signatures::table
        .inner_join(petitions::table)
        .filter(signatures::user_id.eq(user_id))
        .order(signatures::id.asc())
        .select((
            petitions::id,
            petitions::title,
            (
                signatures::user_id,
                signatures::full_name,
                signatures::cin_encrypted,
                signatures::cin_hash,
                signatures::address_encrypted,
                signatures::lives_or_works_in_commune,
                signatures::on_electoral_roll,
                signatures::direct_interest,
                signatures::created_at,
            ),
        ))
        .load(conn)?)
}

/// When a person erases their account: signatures on petitions still collecting are withdrawn
/// (and uncounted); follows end. Signatures on petitions already deposited stay with the
/// dossier the council holds. Call inside a write transaction.
pub fn erase_signer(
    conn: &mut AnyConnection,
    user_id: i64,
    at: NaiveDateTime,
) -> Result<(), PersistenceError> {
    let open: Vec<i64> = signatures::table
        .inner_join(petitions::table)
        .filter(signatures::user_id.eq(user_id))
        .filter(petitions::status.eq_any([
            PetitionStatus::Draft.as_str(),
            PetitionStatus::Collecting.as_str(),
        ]))
        .select(petitions::id)
        .load(conn)?;
    for petition_id in open {
        withdraw(conn, petition_id, user_id, at)?;
    }
    diesel::update(signatures::table.filter(signatures::user_id.eq(user_id)))
        .set(signatures::show_name.eq(false))
        .execute(conn)?;
    diesel::delete(petition_follows::table.filter(petition_follows::user_id.eq(user_id)))
        .execute(conn)?;
    Ok(())
}

/// Petitions filed and still awaiting the bureau's decision: id, commune, title, filing date.
pub fn awaiting_decision(
    conn: &mut AnyConnection,
) -> Result<Vec<(i64, i64, String, NaiveDate)>, PersistenceError> {
    let rows: Vec<(i64, i64, String, Option<NaiveDate>)> = petitions::table
        .filter(petitions::status.eq(PetitionStatus::Filed.as_str()))
        .order(petitions::id.asc())
        .select((
            petitions::id,
            petitions::commune_id,
            petitions::title,
            petitions::filed_on,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, c, t, f)| f.map(|f| (id, c, t, f)))
        .collect())
}

/// The id of a person's signature on a petition.
pub fn signature_id(
    conn: &mut AnyConnection,
    petition_id: i64,
    user_id: i64,
) -> Result<Option<i64>, PersistenceError> {
    Ok(signatures::table
        .filter(signatures::petition_id.eq(petition_id))
        .filter(signatures::user_id.eq(user_id))
        .select(signatures::id)
        .first(conn)
        .optional()?)
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
