//! The officials' queues: issues waiting for an official after their last answer.

use chrono::{NaiveDateTime, TimeDelta};
use tawasol_domain::Locale;
use tawasol_domain::issue::Visibility;
use tawasol_persistence::account::{self, UserInsertForm};
use tawasol_persistence::digest::{self, DigestOfficial};
use tawasol_persistence::issue::{self, IssueInsertForm, ReplyInsertForm};
use tawasol_persistence::role::{self, Resolved};
use tawasol_persistence::test_support::TestDatabase;
use tawasol_persistence::{AnyConnection, Database, PoolSettings};

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
            display_name: "R",
            locale: Locale::Ar,
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

fn place(conn: &mut AnyConnection, category: &str) -> (i64, i64) {
    let Resolved::Ok {
        commune_id,
        category_ids,
        ..
    } = role::resolve(conn, "tangier", None, &[category.to_owned()]).unwrap()
    else {
        panic!("seeded commune and category");
    };
    (commune_id, category_ids[0])
}

fn report(conn: &mut AnyConnection, author: i64, category: &str, title: &str) -> i64 {
    let (commune_id, category_id) = place(conn, category);
    issue::create(
        conn,
        &IssueInsertForm {
            commune_id,
            category_id,
            arrondissement_id: None,
            author_id: author,
            title,
            description: "Une description assez longue pour passer.",
            language: Locale::Fr,
            lat: None,
            lon: None,
            address: None,
            visibility: Visibility::Public,
            search_text: "",
            created_at: t0(),
            updated_at: t0(),
        },
    )
    .unwrap()
}

fn reply(conn: &mut AnyConnection, issue_id: i64, author: i64, official: bool, minutes: i64) {
    issue::add_reply(
        conn,
        &ReplyInsertForm {
            issue_id,
            author_id: author,
            body: "…",
            is_official: official,
            official_title: official.then_some("Chef de service"),
            visibility: Visibility::Public,
            created_at: t0() + TimeDelta::minutes(minutes),
        },
    )
    .unwrap();
}

#[test]
fn an_issue_waits_for_the_official_when_someone_replied_after_their_last_answer() {
    let db = TestDatabase::new();
    let database = Database::connect(db.url(), PoolSettings::default()).unwrap();
    let mut conn = database.conn().unwrap();
    let resident = user(&mut conn, "resident@tawasol.test");
    let neighbour = user(&mut conn, "neighbour@tawasol.test");
    let official = user(&mut conn, "official@tawasol.test");
    let colleague = user(&mut conn, "colleague@tawasol.test");
    let (commune_id, lighting) = place(&mut conn, "public_lighting");
    role::appoint_official(
        &mut conn,
        official,
        commune_id,
        None,
        &[lighting],
        "Chef de service",
        t0(),
    )
    .unwrap();
    let scope = DigestOfficial {
        user_id: official,
        email: String::new(),
        locale: Locale::Fr,
        new_issues: "immediate".into(),
        commune_id,
        arrondissement_id: None,
        category_ids: vec![lighting],
    };
    // Answered, then the reporter replied: waiting.
    let a = report(&mut conn, resident, "public_lighting", "A");
    reply(&mut conn, a, official, true, 1);
    reply(&mut conn, a, resident, false, 5);
    // Answered after the last resident reply: not waiting.
    let b = report(&mut conn, resident, "public_lighting", "B");
    reply(&mut conn, b, neighbour, false, 1);
    reply(&mut conn, b, official, true, 2);
    // Never answered by this official (a colleague did): not theirs to wait on.
    let c = report(&mut conn, resident, "public_lighting", "C");
    reply(&mut conn, c, colleague, true, 1);
    reply(&mut conn, c, resident, false, 2);
    // A neighbour replied after two answers, earlier than on A: waiting, listed first.
    let d = report(&mut conn, resident, "public_lighting", "D");
    reply(&mut conn, d, official, true, 1);
    reply(&mut conn, d, official, true, 2);
    reply(&mut conn, d, neighbour, false, 3);
    // Outside the scope's categories: not listed, even if answered and replied to.
    let e = report(&mut conn, resident, "waste_cleanliness", "E");
    reply(&mut conn, e, official, true, 1);
    reply(&mut conn, e, resident, false, 2);
    let waiting = digest::waiting_for(&mut conn, &scope).unwrap();
    let got: Vec<(i64, &str)> = waiting.iter().map(|w| (w.0, w.1.as_str())).collect();
    assert_eq!(got, vec![(d, "D"), (a, "A")]);
    assert_eq!(waiting[1].2, t0() + TimeDelta::minutes(5));
}
