//! API keys, Open311 tokens, and the issue reads Open311 needs, on each backend.

use chrono::TimeDelta;
use tawasol_domain::issue::{IssueStatus, Visibility};
use tawasol_persistence::account;
use tawasol_persistence::api_key::{self, ApiKeyInsertForm};
use tawasol_persistence::issue::{self, IssueFilter, RequestFilter, StatusFilter, StatusUpdate};
use tawasol_persistence::test_support::{NewIssue, TestDatabase, answer, at, open, t0, user};

#[test]
fn a_key_is_found_by_its_hash_until_it_is_revoked_and_erasure_revokes_an_owners_keys() {
    let db = TestDatabase::new();
    let database = open(&db);
    let mut conn = database.conn().unwrap();
    let owner = user(&mut conn, "app@tawasol.test");
    let id = api_key::create(
        &mut conn,
        &ApiKeyInsertForm {
            owner_user_id: owner,
            organisation_id: None,
            name: "CRM de la commune",
            key_hash: "hash-one",
            created_at: t0(),
        },
    )
    .unwrap();
    assert_eq!(
        api_key::find_active_by_hash(&mut conn, "hash-one").unwrap(),
        Some((id, owner))
    );
    assert_eq!(
        api_key::find_active_by_hash(&mut conn, "other").unwrap(),
        None
    );
    let listed = api_key::list(&mut conn, None, 10).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].owner_email.as_deref(), Some("app@tawasol.test"));
    assert_eq!(listed[0].name, "CRM de la commune");
    assert_eq!(listed[0].revoked_at, None);
    // A second key with the same hash is refused by the unique constraint.
    assert!(
        api_key::create(
            &mut conn,
            &ApiKeyInsertForm {
                owner_user_id: owner,
                organisation_id: None,
                name: "Copie",
                key_hash: "hash-one",
                created_at: t0(),
            },
        )
        .is_err()
    );
    assert!(api_key::revoke(&mut conn, id, t0()).unwrap());
    assert!(!api_key::revoke(&mut conn, id, t0()).unwrap(), "once only");
    assert_eq!(
        api_key::find_active_by_hash(&mut conn, "hash-one").unwrap(),
        None
    );
    assert_eq!(
        api_key::find(&mut conn, id).unwrap().unwrap().revoked_at,
        Some(t0())
    );

    let second = api_key::create(
        &mut conn,
        &ApiKeyInsertForm {
            owner_user_id: owner,
            organisation_id: None,
            name: "Application mobile",
            key_hash: "hash-two",
            created_at: t0(),
        },
    )
    .unwrap();
    let page = api_key::list(&mut conn, None, 1).unwrap();
    assert_eq!(page[0].id, second, "newest first");
    assert_eq!(
        api_key::list(&mut conn, Some(second), 10).unwrap()[0].id,
        id
    );
    account::erase(&mut conn, owner, t0()).unwrap();
    assert_eq!(
        api_key::find_active_by_hash(&mut conn, "hash-two").unwrap(),
        None
    );
}

#[test]
fn a_token_names_its_issue_while_public_or_held_and_not_once_hidden() {
    let db = TestDatabase::new();
    let database = open(&db);
    let mut conn = database.conn().unwrap();
    let owner = user(&mut conn, "app@tawasol.test");
    let key = api_key::create(
        &mut conn,
        &ApiKeyInsertForm {
            owner_user_id: owner,
            organisation_id: None,
            name: "App",
            key_hash: "h",
            created_at: t0(),
        },
    )
    .unwrap();
    let public =
        NewIssue::new("tangier", "public_lighting", "Lampadaire éteint").create(&mut conn, owner);
    let held = NewIssue {
        visibility: Visibility::Pending,
        ..NewIssue::new("tangier", "public_lighting", "Lampadaire éteint")
    }
    .create(&mut conn, owner);
    api_key::create_token(&mut conn, "tok-public", public, key, t0()).unwrap();
    api_key::create_token(&mut conn, "tok-held", held, key, t0()).unwrap();
    assert_eq!(
        api_key::find_token(&mut conn, "tok-public").unwrap(),
        Some((public, true))
    );
    assert_eq!(
        api_key::find_token(&mut conn, "tok-held").unwrap(),
        Some((held, false))
    );
    assert_eq!(api_key::find_token(&mut conn, "nope").unwrap(), None);
    tawasol_persistence::test_support::execute(
        &db,
        &format!("UPDATE issues SET visibility = 'hidden' WHERE id = {held}"),
    );
    assert_eq!(api_key::find_token(&mut conn, "tok-held").unwrap(), None);
}

#[test]
fn open311_reads_filter_by_ids_and_categories_and_tell_department_answer_and_history() {
    let db = TestDatabase::new();
    let database = open(&db);
    let mut conn = database.conn().unwrap();
    let resident = user(&mut conn, "r@tawasol.test");
    let official = user(&mut conn, "o@tawasol.test");
    let lamp = NewIssue::new("tangier", "public_lighting", "Lampadaire éteint")
        .create(&mut conn, resident);
    let road = NewIssue::new("tangier", "roads_sidewalks", "Lampadaire éteint")
        .create(&mut conn, resident);
    let green =
        NewIssue::new("sefrou", "green_spaces", "Lampadaire éteint").create(&mut conn, resident);
    let held = NewIssue {
        visibility: Visibility::Pending,
        ..NewIssue::new("tangier", "public_lighting", "Lampadaire éteint")
    }
    .create(&mut conn, resident);

    let by_ids = IssueFilter {
        ids: Some(vec![lamp, green, held]),
        ..IssueFilter::default()
    };
    let mut found: Vec<i64> = issue::list(&mut conn, &by_ids, None, 10)
        .unwrap()
        .iter()
        .map(|r| r.id)
        .collect();
    found.sort_unstable();
    assert_eq!(found, [lamp, green], "held issues never appear");
    let by_codes = IssueFilter {
        categories: Some(vec!["roads_sidewalks".into(), "green_spaces".into()]),
        commune: Some("tangier".into()),
        ..IssueFilter::default()
    };
    let rows = issue::list(&mut conn, &by_codes, None, 10).unwrap();
    assert_eq!(rows.iter().map(|r| r.id).collect::<Vec<_>>(), [road]);

    // Two official answers: the latest is the one Open311 shows; a held one never is.
    for (i, (body, visibility)) in [
        ("Première réponse", Visibility::Public),
        ("Réponse actuelle", Visibility::Public),
        ("Réponse retenue", Visibility::Pending),
    ]
    .into_iter()
    .enumerate()
    {
        answer(
            &mut conn,
            lamp,
            official,
            body,
            visibility,
            at(i as i64 + 1),
        );
    }
    let planned_on = (t0() + TimeDelta::days(10)).date();
    assert!(
        issue::change_status(
            &mut conn,
            &StatusUpdate {
                issue_id: lamp,
                actor_id: official,
                from: IssueStatus::Submitted,
                to: IssueStatus::Planned,
                note: "Remplacement prévu",
                expected_on: Some(planned_on),
                responsible_body: None,
                duplicate_of: None,
                at: t0() + TimeDelta::hours(1),
            },
        )
        .unwrap()
    );
    let rows = issue::service_requests(
        &mut conn,
        &RequestFilter {
            ids: Some(vec![road, lamp, held, 999_999]),
            ..RequestFilter::default()
        },
        None,
        10,
    )
    .unwrap();
    assert_eq!(
        rows.iter().map(|r| r.id).collect::<Vec<_>>(),
        [road, lamp],
        "newest first, held and unknown ids left out"
    );
    assert_eq!(rows[0].latest_official_answer, None);
    assert_eq!(rows[0].expected_on, None);
    assert_eq!(
        rows[1].latest_official_answer.as_deref(),
        Some("Réponse actuelle")
    );
    assert_eq!(rows[1].expected_on, Some(planned_on));
    assert_eq!(rows[1].category_names.1, "Éclairage public");
    assert_eq!(rows[1].department.1, "Service de l'éclairage public");
    assert_eq!(rows[1].category, "public_lighting");
    assert_eq!(rows[1].time_zone, "Africa/Casablanca");
    assert_eq!(rows[1].status, IssueStatus::Planned);

    let open = IssueFilter {
        ids: Some(vec![lamp]),
        status: Some(StatusFilter::Open),
        ..IssueFilter::default()
    };
    assert_eq!(issue::list(&mut conn, &open, None, 10).unwrap().len(), 1);

    let events = issue::status_changes_between(
        &mut conn,
        Some("tangier"),
        t0(),
        t0() + TimeDelta::days(1),
        10,
    )
    .unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(
        (
            events[0].issue_id,
            events[0].to_status.as_str(),
            events[0].note.as_str()
        ),
        (lamp, "planned", "Remplacement prévu")
    );
    assert!(
        issue::status_changes_between(
            &mut conn,
            Some("sefrou"),
            t0(),
            t0() + TimeDelta::days(1),
            10
        )
        .unwrap()
        .is_empty()
    );
    assert!(
        issue::status_changes_between(
            &mut conn,
            None,
            t0() + TimeDelta::hours(2),
            t0() + TimeDelta::days(1),
            10
        )
        .unwrap()
        .is_empty(),
        "outside the window"
    );
}

#[test]
fn open311_requests_come_in_keyset_batches_with_their_filters() {
    let db = TestDatabase::new();
    let database = open(&db);
    let mut conn = database.conn().unwrap();
    let resident = user(&mut conn, "r@tawasol.test");
    let mut made = Vec::new();
    for (i, (commune, code)) in [
        ("tangier", "public_lighting"),
        ("tangier", "roads_sidewalks"),
        ("sefrou", "green_spaces"),
        ("tangier", "public_lighting"),
        ("tangier", "roads_sidewalks"),
    ]
    .into_iter()
    .enumerate()
    {
        let id = NewIssue {
            at: at(i as i64),
            ..NewIssue::new(commune, code, "Lampadaire éteint")
        }
        .create(&mut conn, resident);
        made.push(id);
    }
    let tangier = RequestFilter {
        commune: Some("tangier".into()),
        ..RequestFilter::default()
    };
    let first = issue::service_requests(&mut conn, &tangier, None, 2).unwrap();
    assert_eq!(
        first.iter().map(|r| r.id).collect::<Vec<_>>(),
        [made[4], made[3]]
    );
    let last = first.last().map(|r| (r.created_at, r.id));
    let second = issue::service_requests(&mut conn, &tangier, last, 2).unwrap();
    assert_eq!(
        second.iter().map(|r| r.id).collect::<Vec<_>>(),
        [made[1], made[0]]
    );
    let last = second.last().map(|r| (r.created_at, r.id));
    assert!(
        issue::service_requests(&mut conn, &tangier, last, 2)
            .unwrap()
            .is_empty()
    );

    let roads_in_window = RequestFilter {
        categories: Some(vec!["roads_sidewalks".into()]),
        created_after: Some(at(1)),
        created_before: Some(at(4)),
        ..tangier.clone()
    };
    let rows = issue::service_requests(&mut conn, &roads_in_window, None, 10).unwrap();
    assert_eq!(rows.iter().map(|r| r.id).collect::<Vec<_>>(), [made[1]]);
    let closed = RequestFilter {
        open: Some(false),
        ..tangier.clone()
    };
    assert!(
        issue::service_requests(&mut conn, &closed, None, 10)
            .unwrap()
            .is_empty()
    );
    let open = RequestFilter {
        open: Some(true),
        ..tangier
    };
    assert_eq!(
        issue::service_requests(&mut conn, &open, None, 10)
            .unwrap()
            .len(),
        4
    );
    assert!(issue::commune_exists(&mut conn, "sefrou").unwrap());
    assert!(!issue::commune_exists(&mut conn, "rabat").unwrap());
}
