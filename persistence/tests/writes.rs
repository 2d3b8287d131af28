//! The write paths' own statements: a report's place resolved at once, the new row returned by
//! its insert, the similar open issues, the officials to tell, several mails in one insert, a
//! signature counted with its id and the petition's status.

use diesel::Connection;
use tawasol_domain::issue::Visibility;
use tawasol_domain::petition::PetitionStatus;
use tawasol_domain::{BoundingBox, Locale};
use tawasol_persistence::issue::{self, IssueInsertForm, IssuePlaceNames};
use tawasol_persistence::outbox::{self, OutboxInsertForm};
use tawasol_persistence::test_support::{
    NewIssue, TestDatabase, execute, open, petition, place, signature, t0, user,
};
use tawasol_persistence::{AnyConnection, petition as petitions, role};

fn form<'a>(
    commune_id: i64,
    category_id: i64,
    author: i64,
    title: &'a str,
    at: Option<(f64, f64)>,
) -> IssueInsertForm<'a> {
    IssueInsertForm {
        commune_id,
        category_id,
        arrondissement_id: None,
        author_id: author,
        title,
        description: "Une description assez longue pour passer.",
        language: Locale::Fr,
        lat: at.map(|p| p.0),
        lon: at.map(|p| p.1),
        address: None,
        visibility: Visibility::Public,
        search_text: "",
        created_at: t0(),
        updated_at: t0(),
    }
}

#[test]
fn a_reports_place_is_resolved_in_one_statement_and_says_what_is_unknown() {
    let db = TestDatabase::new();
    let database = open(&db);
    let mut conn = database.conn().unwrap();
    let (commune_id, category_id) = place(&mut conn, "tangier", "public_lighting");
    let found = issue::report_place(&mut conn, "tangier", Some("bni-makada"), "public_lighting")
        .unwrap()
        .unwrap();
    assert_eq!(found.commune_id, commune_id);
    assert_eq!(found.commune_names.1, "Tanger");
    assert_eq!(
        found.bounding_box,
        BoundingBox::parse(35.68, -5.96, 35.83, -5.70).unwrap()
    );
    assert!(found.arrondissement_id.is_some());
    assert_eq!(found.category.as_ref().map(|k| k.0), Some(category_id));
    let plain = issue::report_place(&mut conn, "tangier", None, "public_lighting")
        .unwrap()
        .unwrap();
    assert_eq!(plain.arrondissement_id, None);
    // An arrondissement of another commune, or none such; a category the commune lacks.
    let elsewhere = issue::report_place(&mut conn, "sefrou", Some("bni-makada"), "nonesuch")
        .unwrap()
        .unwrap();
    assert_eq!(
        (elsewhere.arrondissement_id, elsewhere.category),
        (None, None)
    );
    assert!(
        issue::report_place(&mut conn, "atlantis", None, "public_lighting")
            .unwrap()
            .is_none()
    );
}

#[test]
fn the_created_row_is_the_row_read_back() {
    let db = TestDatabase::new();
    let database = open(&db);
    let mut conn = database.conn().unwrap();
    let amina = user(&mut conn, "amina@tawasol.test");
    let (commune_id, category_id) = place(&mut conn, "tangier", "public_lighting");
    let arrondissement = issue::report_place(&mut conn, "tangier", Some("bni-makada"), "x")
        .unwrap()
        .unwrap()
        .arrondissement_id;
    let created = issue::create_returning(
        &mut conn,
        &IssueInsertForm {
            arrondissement_id: arrondissement,
            address: Some("Rue 12"),
            ..form(
                commune_id,
                category_id,
                amina,
                "Lampadaire éteint",
                Some((35.75, -5.83)),
            )
        },
        &IssuePlaceNames {
            commune: "tangier".to_owned(),
            category: "public_lighting".to_owned(),
            arrondissement: Some("bni-makada".to_owned()),
        },
    )
    .unwrap();
    assert_eq!(
        Some(created.clone()),
        issue::find(&mut conn, created.id).unwrap()
    );
    assert_eq!(created.follower_count, 1);
}

/// A candidate's id, for comparisons.
fn ids(
    conn: &mut AnyConnection,
    commune: i64,
    category: i64,
    near: Option<BoundingBox>,
    except: Option<i64>,
) -> Vec<i64> {
    let mut found: Vec<i64> = issue::similar_candidates(conn, commune, category, near, except)
        .unwrap()
        .into_iter()
        .map(|k| k.id)
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

#[test]
fn similar_candidates_are_the_open_public_issues_near_or_newest_of_the_category() {
    let db = TestDatabase::new();
    let database = open(&db);
    let mut conn = database.conn().unwrap();
    let amina = user(&mut conn, "amina@tawasol.test");
    let (tangier, lighting) = place(&mut conn, "tangier", "public_lighting");
    let (_, roads) = place(&mut conn, "tangier", "roads_sidewalks");
    let mut create =
        |category: i64, title: &str, at: Option<(f64, f64)>, visibility: Visibility| {
            issue::create(
                &mut conn,
                &IssueInsertForm {
                    visibility,
                    ..form(tangier, category, amina, title, at)
                },
            )
            .unwrap()
        };
    let near = create(
        lighting,
        "Lampadaire",
        Some((35.7501, -5.8301)),
        Visibility::Public,
    );
    let far = create(lighting, "Autre", Some((35.70, -5.90)), Visibility::Public);
    let unplaced = create(lighting, "Sans lieu", None, Visibility::Public);
    let held = create(
        lighting,
        "Retenu",
        Some((35.7501, -5.8301)),
        Visibility::Pending,
    );
    let closed = create(
        lighting,
        "Résolu",
        Some((35.7501, -5.8301)),
        Visibility::Public,
    );
    let other = create(
        roads,
        "Trottoir",
        Some((35.7501, -5.8301)),
        Visibility::Public,
    );
    execute(
        &db,
        &format!("UPDATE issues SET status = 'resolved' WHERE id = {closed}"),
    );
    let bbox = BoundingBox::parse(35.749, -5.831, 35.751, -5.829).unwrap();
    // Every open public issue of the category is among the newest here (fewer than the limit).
    let mut all = vec![near, far, unplaced];
    all.sort_unstable();
    assert_eq!(ids(&mut conn, tangier, lighting, Some(bbox), None), all);
    assert_eq!(
        ids(&mut conn, tangier, lighting, None, Some(far)),
        vec![near, unplaced]
    );
    // The near ones come whatever their age: with only the near part, the box finds just them.
    let found =
        issue::similar_candidates(&mut conn, tangier, lighting, Some(bbox), Some(near)).unwrap();
    assert!(
        found
            .iter()
            .all(|k| k.id != near && k.id != held && k.id != closed && k.id != other)
    );
    let near_row = issue::similar_candidates(&mut conn, tangier, lighting, Some(bbox), None)
        .unwrap()
        .into_iter()
        .find(|k| k.id == near)
        .unwrap();
    assert_eq!(
        (near_row.title.as_str(), near_row.lat, near_row.lon),
        ("Lampadaire", Some(35.7501), Some(-5.8301))
    );
}

#[test]
fn the_newest_similar_candidates_stop_at_the_limit_but_the_near_ones_do_not() {
    let db = TestDatabase::new();
    let database = open(&db);
    let mut conn = database.conn().unwrap();
    let amina = user(&mut conn, "amina@tawasol.test");
    let (tangier, lighting) = place(&mut conn, "tangier", "public_lighting");
    let old_near = NewIssue::new("tangier", "public_lighting", "Ancien").create(&mut conn, amina);
    execute(
        &db,
        &format!("UPDATE issues SET lat = 35.75, lon = -5.83 WHERE id = {old_near}"),
    );
    let newer = issue::SIMILAR_RECENT + 5;
    conn.transaction(|c| {
        for n in 0..newer {
            issue::create(
                c,
                &IssueInsertForm {
                    created_at: t0() + chrono::TimeDelta::minutes(n + 1),
                    ..form(tangier, lighting, amina, "Plus récent", None)
                },
            )?;
        }
        Ok::<_, tawasol_persistence::PersistenceError>(())
    })
    .unwrap();
    let without_place = ids(&mut conn, tangier, lighting, None, None);
    assert_eq!(without_place.len() as i64, issue::SIMILAR_RECENT);
    assert!(!without_place.contains(&old_near));
    let bbox = BoundingBox::parse(35.749, -5.831, 35.751, -5.829).unwrap();
    assert!(ids(&mut conn, tangier, lighting, Some(bbox), None).contains(&old_near));
}

#[test]
fn officials_in_scope_are_those_of_the_commune_arrondissement_and_category() {
    let db = TestDatabase::new();
    let database = open(&db);
    let mut conn = database.conn().unwrap();
    let (tangier, lighting) = place(&mut conn, "tangier", "public_lighting");
    let (_, roads) = place(&mut conn, "tangier", "roads_sidewalks");
    let (sefrou, _) = place(&mut conn, "sefrou", "public_lighting");
    let medina = issue::report_place(&mut conn, "tangier", Some("tanger-medina"), "x")
        .unwrap()
        .unwrap()
        .arrondissement_id;
    let makada = issue::report_place(&mut conn, "tangier", Some("bni-makada"), "x")
        .unwrap()
        .unwrap()
        .arrondissement_id;
    let appoint =
        |conn: &mut AnyConnection, email: &str, commune, arrondissement, categories: &[i64]| {
            let id = user(conn, email);
            role::appoint_official(conn, id, commune, arrondissement, categories, "Chef", t0())
                .unwrap();
            id
        };
    let wide = appoint(&mut conn, "wide@tawasol.test", tangier, None, &[]);
    let lights = appoint(
        &mut conn,
        "lights@tawasol.test",
        tangier,
        None,
        &[lighting, roads],
    );
    let _roads_only = appoint(&mut conn, "roads@tawasol.test", tangier, None, &[roads]);
    let in_medina = appoint(&mut conn, "medina@tawasol.test", tangier, medina, &[]);
    let _in_makada = appoint(
        &mut conn,
        "makada@tawasol.test",
        tangier,
        makada,
        &[lighting],
    );
    let _elsewhere = appoint(&mut conn, "sefrou@tawasol.test", sefrou, None, &[]);
    let mut heard: Vec<i64> = issue::officials_in_scope(&mut conn, tangier, medina, lighting)
        .unwrap()
        .into_iter()
        .map(|r| r.user_id)
        .collect();
    heard.sort_unstable();
    let mut expected = vec![wide, lights, in_medina];
    expected.sort_unstable();
    assert_eq!(heard, expected);
    // Without an arrondissement, only the officials of the whole commune.
    let mut heard: Vec<i64> = issue::officials_in_scope(&mut conn, tangier, None, lighting)
        .unwrap()
        .into_iter()
        .map(|r| r.user_id)
        .collect();
    heard.sort_unstable();
    let mut expected = vec![wide, lights];
    expected.sort_unstable();
    assert_eq!(heard, expected);
}

#[test]
fn several_mails_are_queued_in_one_insert_and_a_queued_one_is_left_as_it_is() {
    let db = TestDatabase::new();
    let database = open(&db);
    let mut conn = database.conn().unwrap();
    let mail = |key: &'static str, to: &'static str| OutboxInsertForm {
        dedupe_key: key,
        recipient: to,
        locale: Locale::Fr,
        template: "account_verify_email",
        payload: "{}",
        next_attempt_at: t0(),
        created_at: t0(),
    };
    outbox::enqueue(&mut conn, &mail("issue-new:1:1", "first@example.ma")).unwrap();
    outbox::enqueue_many(&mut conn, &[]).unwrap();
    conn.transaction(|c| {
        outbox::enqueue_many(
            c,
            &[
                mail("issue-new:1:1", "changed@example.ma"),
                mail("issue-new:1:2", "second@example.ma"),
                mail("issue-new:1:3", "third@example.ma"),
            ],
        )
    })
    .unwrap();
    let mut rows: Vec<(String, String)> = outbox::list(&mut conn, None, None, 10)
        .unwrap()
        .into_iter()
        .map(|r| (r.dedupe_key, r.recipient))
        .collect();
    rows.sort();
    assert_eq!(
        rows,
        vec![
            ("issue-new:1:1".to_owned(), "first@example.ma".to_owned()),
            ("issue-new:1:2".to_owned(), "second@example.ma".to_owned()),
            ("issue-new:1:3".to_owned(), "third@example.ma".to_owned()),
        ]
    );
}

#[test]
fn a_signature_comes_back_with_its_id_and_the_petition_and_a_second_leaves_the_transaction_usable()
{
    let db = TestDatabase::new();
    let database = open(&db);
    let mut conn = database.conn().unwrap();
    let agent = user(&mut conn, "agent@tawasol.test");
    let other = user(&mut conn, "other@tawasol.test");
    let id = petition(&mut conn, agent, "sefrou", "Des bancs au jardin");
    conn.transaction(|c| {
        let first = petitions::sign_returning(c, &signature(id, agent, "hash-a"))?.unwrap();
        assert_eq!(
            Some(first.signature_id),
            petitions::signature_id(c, id, agent)?
        );
        assert_eq!(
            (first.signature_count, first.status),
            (1, PetitionStatus::Draft)
        );
        // Refused without an error: the transaction goes on (on PostgreSQL too).
        assert_eq!(
            petitions::sign_returning(c, &signature(id, agent, "hash-b"))?,
            None
        );
        let second = petitions::sign_returning(c, &signature(id, other, "hash-a"))?.unwrap();
        assert_eq!(second.signature_count, 2);
        assert_ne!(second.signature_id, first.signature_id);
        Ok::<_, tawasol_persistence::PersistenceError>(())
    })
    .unwrap();
    assert_eq!(
        petitions::state(&mut conn, id).unwrap(),
        Some((PetitionStatus::Draft, 2))
    );
}

#[test]
fn hits_counted_in_parallel_write_transactions_are_each_counted_and_a_rolled_back_one_is_not() {
    use tawasol_persistence::{throttle, write_transaction};
    let db = TestDatabase::new();
    let window = chrono::TimeDelta::hours(1);
    // Six reports of one account at once, each counting its hit inside its own transaction (as
    // the report does): the counter's row lock makes each see the others' committed hits.
    let start = std::sync::Barrier::new(6);
    let mut counts: Vec<i32> = std::thread::scope(|s| {
        let hits: Vec<_> = (0..6)
            .map(|_| {
                s.spawn(|| {
                    let own = open(&db);
                    let mut conn = own.conn().unwrap();
                    start.wait();
                    write_transaction(&mut conn, |c| {
                        throttle::hit(c, "report:user:1", t0(), window).map(|(n, _)| n)
                    })
                    .unwrap()
                })
            })
            .collect();
        hits.into_iter().map(|h| h.join().unwrap()).collect()
    });
    counts.sort_unstable();
    assert_eq!(counts, vec![1, 2, 3, 4, 5, 6]);
    // A report refused afterwards rolls its hit back: the allowance is not spent.
    let database = open(&db);
    let mut conn = database.conn().unwrap();
    let refused: Result<(), tawasol_persistence::PersistenceError> =
        write_transaction(&mut conn, |c| {
            assert_eq!(throttle::hit(c, "report:user:1", t0(), window)?.0, 7);
            Err(tawasol_persistence::PersistenceError::CorruptRow(
                "refused".to_owned(),
            ))
        });
    assert!(refused.is_err());
    assert_eq!(
        throttle::count(&mut conn, "report:user:1", t0(), window).unwrap(),
        6
    );
}
