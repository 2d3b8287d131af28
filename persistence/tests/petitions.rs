use chrono::NaiveDateTime;
use tawasol_domain::petition::PetitionStatus;
use tawasol_persistence::petition::{self, Signed};
use tawasol_persistence::test_support::{TestDatabase, open, petition, signature, t0, user};
use tawasol_persistence::{
    AnyConnection, Database, PersistenceError, PoolSettings, write_transaction,
};

const TITLE: &str = "Des espaces verts au quartier Habbouna";

#[test]
fn one_signature_per_person_and_a_national_id_used_twice_is_counted_and_found() {
    let db = TestDatabase::new();
    let database = open(&db);
    let mut conn = database.conn().unwrap();
    let agent = user(&mut conn, "agent@tawasol.test");
    let other = user(&mut conn, "other@tawasol.test");
    let id = petition(&mut conn, agent, "sefrou", TITLE);
    assert_eq!(
        petition::sign(&mut conn, &signature(id, agent, "hash-a")).unwrap(),
        Signed::Counted(1)
    );
    assert_eq!(
        petition::sign(&mut conn, &signature(id, agent, "hash-b")).unwrap(),
        Signed::AlreadySigned,
        "same person"
    );
    assert_eq!(petition::same_cin(&mut conn, id, "hash-a").unwrap(), 1);
    // Another account with a CIN already used: stored and counted like any other (refusing it
    // would tell this account that the CIN's owner signed); the hash finds both.
    assert_eq!(
        petition::sign(&mut conn, &signature(id, other, "hash-a")).unwrap(),
        Signed::Counted(2),
        "same CIN, another account"
    );
    assert_eq!(petition::same_cin(&mut conn, id, "hash-a").unwrap(), 2);
    let rows = petition::signature_rows(&mut conn, id).unwrap();
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|r| r.cin_hash.as_deref() == Some("hash-a")));
    assert!(petition::withdraw(&mut conn, id, other, t0()).unwrap());
    assert!(!petition::withdraw(&mut conn, id, other, t0()).unwrap());
    assert_eq!(petition::same_cin(&mut conn, id, "hash-a").unwrap(), 1);
    assert_eq!(
        petition::state(&mut conn, id).unwrap(),
        Some((PetitionStatus::Draft, 1))
    );
}

fn close(conn: &mut AnyConnection, id: i64, to: PetitionStatus, at: NaiveDateTime) {
    use tawasol_persistence::petition::{PetitionEventInsertForm, PetitionStepUpdateForm};
    let from = petition::state(conn, id).unwrap().unwrap().0;
    assert!(
        petition::step(
            conn,
            &PetitionStepUpdateForm::to(to, at),
            &PetitionEventInsertForm {
                petition_id: id,
                actor_id: None,
                from_status: Some(from),
                to_status: to,
                details: "{}",
                created_at: at,
            },
        )
        .unwrap()
    );
}

#[test]
fn closed_petitions_past_the_cutoff_lose_their_signatories_personal_data_once() {
    let db = TestDatabase::new();
    let database = open(&db);
    let mut conn = database.conn().unwrap();
    let agent = user(&mut conn, "agent@tawasol.test");
    let other = user(&mut conn, "other@tawasol.test");
    let closed = [
        PetitionStatus::Decided,
        PetitionStatus::Inadmissible,
        PetitionStatus::Withdrawn,
    ];
    let old = petition(&mut conn, agent, "sefrou", TITLE);
    let recent = petition(&mut conn, agent, "sefrou", TITLE);
    let open = petition(&mut conn, agent, "sefrou", TITLE);
    for id in [old, recent, open] {
        petition::sign(&mut conn, &signature(id, agent, "hash-a")).unwrap();
        petition::sign(&mut conn, &signature(id, other, "hash-b")).unwrap();
    }
    let day = chrono::TimeDelta::days(1);
    close(&mut conn, old, PetitionStatus::Withdrawn, t0());
    close(
        &mut conn,
        recent,
        PetitionStatus::Withdrawn,
        t0() + day * 10,
    );
    close(&mut conn, open, PetitionStatus::Collecting, t0());

    let cutoff = t0() + day;
    let due = petition::personal_data_due(&mut conn, &closed, cutoff).unwrap();
    assert_eq!(due, [(old, PetitionStatus::Withdrawn)]);
    let erased_at = t0() + day * 2;
    assert_eq!(
        petition::erase_personal_data(&mut conn, old, erased_at).unwrap(),
        Some(2)
    );
    assert_eq!(
        petition::erase_personal_data(&mut conn, old, erased_at).unwrap(),
        None,
        "once"
    );
    assert!(
        petition::personal_data_due(&mut conn, &closed, cutoff)
            .unwrap()
            .is_empty()
    );
    let erased = petition::stored_personal_data(&mut conn, old).unwrap();
    assert_eq!(erased.len(), 2, "the signatures stay, counted");
    for row in erased {
        assert_eq!(
            row,
            petition::StoredPersonalData {
                full_name: None,
                cin_encrypted: None,
                cin_hash: None,
                address_encrypted: None,
            }
        );
    }
    assert_eq!(petition::state(&mut conn, old).unwrap().unwrap().1, 2);
    assert_eq!(
        petition::find(&mut conn, old)
            .unwrap()
            .unwrap()
            .personal_data_erased_at,
        Some(erased_at)
    );
    assert_eq!(
        petition::relation(&mut conn, old, other).unwrap(),
        (true, false),
        "the signatory still sees that they signed"
    );
    for id in [recent, open] {
        assert!(
            petition::stored_personal_data(&mut conn, id)
                .unwrap()
                .iter()
                .all(|r| r.cin_encrypted.is_some()
                    && r.cin_hash.is_some()
                    && r.address_encrypted.is_some()
                    && r.full_name.is_some())
        );
    }
    // Later, the recent one is due too; the open one never is.
    let due = petition::personal_data_due(&mut conn, &closed, t0() + day * 11).unwrap();
    assert_eq!(due, [(recent, PetitionStatus::Withdrawn)]);
}

#[test]
fn fifty_concurrent_attempts_by_one_person_leave_one_signature() {
    let db = TestDatabase::new();
    let database = Database::connect(
        db.url(),
        PoolSettings {
            max_size: 8,
            ..PoolSettings::default()
        },
    )
    .unwrap();
    let (agent, id) = {
        let mut conn = database.conn().unwrap();
        let agent = user(&mut conn, "agent@tawasol.test");
        (agent, petition(&mut conn, agent, "sefrou", TITLE))
    };
    let handles: Vec<_> = (0..50)
        .map(|i| {
            let database = database.clone();
            std::thread::spawn(move || {
                let mut conn = database.conn().unwrap();
                let hash = format!("hash-{i}");
                write_transaction(&mut conn, |c| {
                    petition::sign(c, &signature(id, agent, &hash))
                })
                .unwrap_or_else(|e| panic!("attempt {i}: {e}"))
            })
        })
        .collect();
    let counted = handles
        .into_iter()
        .map(|h| h.join().unwrap())
        .filter(|s| matches!(s, Signed::Counted(_)))
        .count();
    assert_eq!(counted, 1);
    let mut conn = database.conn().unwrap();
    assert_eq!(petition::state(&mut conn, id).unwrap().unwrap().1, 1);
    assert_eq!(
        petition::stored_personal_data(&mut conn, id).unwrap().len(),
        1
    );
}

#[test]
fn a_stored_value_the_domain_does_not_know_is_a_typed_error_naming_its_column() {
    let db = TestDatabase::new();
    let database = open(&db);
    let mut conn = database.conn().unwrap();
    let agent = user(&mut conn, "agent@tawasol.test");
    let id = petition(&mut conn, agent, "sefrou", TITLE);
    petition::record_event(
        &mut conn,
        &petition::PetitionEventInsertForm {
            petition_id: id,
            actor_id: Some(agent),
            from_status: None,
            to_status: PetitionStatus::Draft,
            details: "{}",
            created_at: t0(),
        },
    )
    .unwrap();
    let events = petition::events(&mut conn, id).unwrap();
    assert_eq!(
        (events[0].from_status, events[0].to_status),
        (None, PetitionStatus::Draft),
        "an empty from_status is the draft's creation"
    );
    // The timeline's statuses carry no CHECK constraint: an operator could write anything.
    tawasol_persistence::test_support::execute(
        &db,
        &format!("UPDATE petition_events SET to_status = 'archived' WHERE petition_id = {id}"),
    );
    match petition::events(&mut conn, id) {
        Err(PersistenceError::Corrupt {
            column,
            expected,
            value,
        }) => {
            assert_eq!(column, "to_status");
            assert_eq!(value, "archived");
            assert_eq!(expected, "a petition status");
        }
        other => panic!("expected a corrupt value, got {other:?}"),
    }
}
