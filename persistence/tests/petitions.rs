use chrono::NaiveDateTime;
use tawasol_persistence::account::{self, UserInsertForm};
use tawasol_persistence::petition::{self, PetitionInsertForm, SignatureInsertForm, Signed};
use tawasol_persistence::role::{self, Resolved};
use tawasol_persistence::test_support::TestDatabase;
use tawasol_persistence::{AnyConnection, Database, PoolSettings, write_transaction};

fn t0() -> NaiveDateTime {
    chrono::DateTime::parse_from_rfc3339("2026-11-22T10:00:00Z")
        .unwrap()
        .naive_utc()
}

fn user(conn: &mut AnyConnection, email: &str) -> i64 {
    account::create_user(
        conn,
        &UserInsertForm {
            email: Some(email),
            password_hash: None,
            display_name: "S",
            locale: "fr",
            home_commune_id: None,
            email_verified_at: Some(t0()),
            is_admin: false,
            created_at: t0(),
            updated_at: t0(),
        },
    )
    .unwrap()
    .unwrap()
}

fn petition(conn: &mut AnyConnection, agent: i64) -> i64 {
    let Resolved::Ok { commune_id, .. } = role::resolve(conn, "sefrou", None, &[]).unwrap() else {
        panic!()
    };
    petition::create(
        conn,
        &PetitionInsertForm {
            commune_id,
            agent_id: agent,
            filer_type: "citizens",
            organisation_id: None,
            title: "Des espaces verts au quartier Habbouna",
            request: "Inscrire à l'ordre du jour l'aménagement d'un jardin public.",
            reasons: "Aucun espace vert à moins de deux kilomètres.",
            association_declaration: None,
            created_at: t0(),
            updated_at: t0(),
        },
    )
    .unwrap()
}

fn signature<'a>(petition_id: i64, user_id: i64, cin_hash: &'a str) -> SignatureInsertForm<'a> {
    SignatureInsertForm {
        petition_id,
        user_id,
        full_name: "Nom Prénom",
        cin_encrypted: "ciphertext",
        cin_hash,
        address_encrypted: "ciphertext",
        lives_or_works_in_commune: true,
        on_electoral_roll: true,
        direct_interest: true,
        show_name: false,
        consented_at: t0(),
        created_at: t0(),
    }
}

#[test]
fn one_signature_per_person_and_per_national_id() {
    let db = TestDatabase::new();
    let database = Database::connect(db.url(), PoolSettings::default()).unwrap();
    let mut conn = database.conn().unwrap();
    let agent = user(&mut conn, "agent@tawasol.test");
    let other = user(&mut conn, "other@tawasol.test");
    let id = petition(&mut conn, agent);
    assert_eq!(
        petition::sign(&mut conn, &signature(id, agent, "hash-a")).unwrap(),
        Signed::Counted(1)
    );
    assert_eq!(
        petition::sign(&mut conn, &signature(id, agent, "hash-b")).unwrap(),
        Signed::AlreadySigned,
        "same person"
    );
    assert_eq!(
        petition::sign(&mut conn, &signature(id, other, "hash-a")).unwrap(),
        Signed::AlreadySigned,
        "same CIN"
    );
    assert_eq!(
        petition::sign(&mut conn, &signature(id, other, "hash-c")).unwrap(),
        Signed::Counted(2)
    );
    assert!(petition::withdraw(&mut conn, id, other, t0()).unwrap());
    assert!(!petition::withdraw(&mut conn, id, other, t0()).unwrap());
    assert_eq!(
        petition::state(&mut conn, id).unwrap(),
        Some(("draft".to_owned(), 1))
    );
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
        (agent, petition(&mut conn, agent))
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
    assert_eq!(petition::stored_cins(&mut conn, id).unwrap().len(), 1);
}
