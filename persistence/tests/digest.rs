//! The officials' queues: issues waiting for an official after their last answer.

use tawasol_domain::Locale;
use tawasol_domain::issue::Visibility;
use tawasol_persistence::desk::{self, DeskFilter, DeskGroup, DeskScope, DeskSort};
use tawasol_persistence::digest::{self, DigestOfficial};
use tawasol_persistence::role;
use tawasol_persistence::test_support::{
    NewIssue, TestDatabase, answer, at, execute, open, place, reply, t0, user,
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

fn desk_filter(group: DeskGroup, sort: DeskSort, now: chrono::NaiveDateTime) -> DeskFilter {
    DeskFilter {
        group,
        sort,
        category_id: None,
        arrondissement_id: None,
        now,
    }
}

#[test]
fn the_desk_groups_counts_sorts_and_pages_an_officials_open_issues() {
    let db = TestDatabase::new();
    let database = open(&db);
    let mut conn = database.conn().unwrap();
    let resident = user(&mut conn, "resident@tawasol.test");
    let official = user(&mut conn, "official@tawasol.test");
    let (commune_id, lighting) = place(&mut conn, "tangier", "public_lighting");
    let (_, waste) = place(&mut conn, "tangier", "waste_cleanliness");
    let scope = DeskScope {
        user_id: official,
        commune_id,
        arrondissement_id: None,
        category_ids: Vec::new(),
    };
    // Answered, then the reporter replied: waiting.
    let a = NewIssue::new("tangier", "public_lighting", "A").create(&mut conn, resident);
    answer(&mut conn, a, official, "…", Visibility::Public, at(1));
    reply(&mut conn, a, resident, "…", Visibility::Public, at(5));
    // Not answered, reported ten days before: overdue (the target is 7 days).
    let mut old = NewIssue::new("tangier", "public_lighting", "B");
    old.at = t0() - chrono::TimeDelta::days(10);
    let b = old.create(&mut conn, resident);
    // Not answered, within the target: new.
    let c = NewIssue::new("tangier", "waste_cleanliness", "C").create(&mut conn, resident);
    // Planned, answered.
    let d = NewIssue::new("tangier", "waste_cleanliness", "D").create(&mut conn, resident);
    answer(&mut conn, d, official, "…", Visibility::Public, at(2));
    execute(
        &db,
        &format!(
            "UPDATE issues SET status = 'planned', expected_on = '2026-12-15', support_count = 3 \
             WHERE id = {d}"
        ),
    );
    // Closed, held, or of another commune: not on the desk.
    let e = NewIssue::new("tangier", "public_lighting", "E").create(&mut conn, resident);
    execute(
        &db,
        &format!("UPDATE issues SET status = 'resolved' WHERE id = {e}"),
    );
    let mut held = NewIssue::new("tangier", "public_lighting", "F");
    held.visibility = Visibility::Pending;
    held.create(&mut conn, resident);
    NewIssue::new("sefrou", "public_lighting", "G").create(&mut conn, resident);

    let now = at(60);
    let ids = |rows: Vec<desk::DeskRow>| rows.into_iter().map(|r| r.id).collect::<Vec<_>>();
    let counts = desk::counts(
        &mut conn,
        &scope,
        &desk_filter(DeskGroup::All, DeskSort::Oldest, now),
    )
    .unwrap();
    assert_eq!(
        (
            counts.new,
            counts.overdue,
            counts.waiting,
            counts.planned,
            counts.total
        ),
        (1, 1, 1, 1, 4)
    );
    for (group, expected) in [
        (DeskGroup::New, vec![c]),
        (DeskGroup::Overdue, vec![b]),
        (DeskGroup::Waiting, vec![a]),
        (DeskGroup::Planned, vec![d]),
        (DeskGroup::All, vec![b, a, c, d]),
    ] {
        let f = desk_filter(group, DeskSort::Oldest, now);
        assert_eq!(
            ids(desk::page(&mut conn, &scope, &f, None, 10).unwrap()),
            expected,
            "{group:?}"
        );
    }
    // Orders.
    let all = |sort| desk_filter(DeskGroup::All, sort, now);
    let newest = ids(desk::page(&mut conn, &scope, &all(DeskSort::Newest), None, 10).unwrap());
    assert_eq!(newest, vec![d, c, a, b]);
    let supported =
        ids(desk::page(&mut conn, &scope, &all(DeskSort::MostSupported), None, 10).unwrap());
    assert_eq!(supported[0], d);
    // Due: B's target passed long ago; A's and C's end in 7 days; D is planned for 15 December.
    let due = ids(desk::page(&mut conn, &scope, &all(DeskSort::Due), None, 10).unwrap());
    assert_eq!(due, vec![b, a, c, d]);
    // Keyset pages: two at a time, each after the last key, none twice, none skipped.
    for sort in DeskSort::ALL {
        let f = all(sort);
        let first = desk::page(&mut conn, &scope, &f, None, 2).unwrap();
        let key = first.last().unwrap().key(sort);
        let second = desk::page(&mut conn, &scope, &f, Some(key), 2).unwrap();
        let mut seen = ids(first);
        seen.extend(ids(second));
        let whole = ids(desk::page(&mut conn, &scope, &f, None, 10).unwrap());
        assert_eq!(seen, whole, "{sort:?}");
    }
    // Narrowed to a category, and to an official's categories.
    let mut f = all(DeskSort::Oldest);
    f.category_id = Some(waste);
    assert_eq!(
        ids(desk::page(&mut conn, &scope, &f, None, 10).unwrap()),
        vec![c, d]
    );
    assert_eq!(desk::counts(&mut conn, &scope, &f).unwrap().total, 2);
    let narrow = DeskScope {
        user_id: official,
        commune_id,
        arrondissement_id: None,
        category_ids: vec![lighting],
    };
    assert_eq!(
        ids(desk::page(&mut conn, &narrow, &all(DeskSort::Oldest), None, 10).unwrap()),
        vec![b, a]
    );
    let (categories, _) = desk::options(&mut conn, &narrow).unwrap();
    assert_eq!(categories, vec![(lighting, "public_lighting".to_owned())]);
    // The page starts from an index of the issues, on either backend, never from the whole table.
    let plan = desk::page_plan(&mut conn, &scope, &all(DeskSort::Oldest)).unwrap();
    assert!(
        plan.iter()
            .any(|l| l.contains("issues_") && (l.contains("INDEX") || l.contains("Index"))),
        "{plan:?}"
    );
    assert!(
        !plan
            .iter()
            .any(|l| l.contains("SCAN issues") || l.contains("Seq Scan on issues")),
        "{plan:?}"
    );
}
