//! The officials' queues: issues waiting for an official after their last answer.

use tawasol_domain::Locale;
use tawasol_domain::issue::Visibility;
use tawasol_persistence::digest::{self, DigestOfficial};
use tawasol_persistence::role;
use tawasol_persistence::test_support::{
    NewIssue, TestDatabase, answer, at, open, place, reply, t0, user,
};

#[test]
fn an_issue_waits_for_the_official_when_someone_replied_after_their_last_answer() {
    let db = TestDatabase::new();
    let database = open(&db);
    let mut conn = database.conn().unwrap();
    let resident = user(&mut conn, "resident@tawasol.test");
    let neighbour = user(&mut conn, "neighbour@tawasol.test");
    let official = user(&mut conn, "official@tawasol.test");
    let colleague = user(&mut conn, "colleague@tawasol.test");
    let (commune_id, lighting) = place(&mut conn, "tangier", "public_lighting");
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
    let a = NewIssue::new("tangier", "public_lighting", "A").create(&mut conn, resident);
    answer(&mut conn, a, official, "…", Visibility::Public, at(1));
    reply(&mut conn, a, resident, "…", Visibility::Public, at(5));
    // Answered after the last resident reply: not waiting.
    let b = NewIssue::new("tangier", "public_lighting", "B").create(&mut conn, resident);
    reply(&mut conn, b, neighbour, "…", Visibility::Public, at(1));
    answer(&mut conn, b, official, "…", Visibility::Public, at(2));
    // Never answered by this official (a colleague did): not theirs to wait on.
    let c = NewIssue::new("tangier", "public_lighting", "C").create(&mut conn, resident);
    answer(&mut conn, c, colleague, "…", Visibility::Public, at(1));
    reply(&mut conn, c, resident, "…", Visibility::Public, at(2));
    // A neighbour replied after two answers, earlier than on A: waiting, listed first.
    let d = NewIssue::new("tangier", "public_lighting", "D").create(&mut conn, resident);
    answer(&mut conn, d, official, "…", Visibility::Public, at(1));
    answer(&mut conn, d, official, "…", Visibility::Public, at(2));
    reply(&mut conn, d, neighbour, "…", Visibility::Public, at(3));
    // Outside the scope's categories: not listed, even if answered and replied to.
    let e = NewIssue::new("tangier", "waste_cleanliness", "E").create(&mut conn, resident);
    answer(&mut conn, e, official, "…", Visibility::Public, at(1));
    reply(&mut conn, e, resident, "…", Visibility::Public, at(2));
    let waiting = digest::waiting_for(&mut conn, &scope).unwrap();
    let got: Vec<(i64, &str)> = waiting.iter().map(|w| (w.0, w.1.as_str())).collect();
    assert_eq!(got, vec![(d, "D"), (a, "A")]);
    assert_eq!(waiting[1].2, at(5));
}
