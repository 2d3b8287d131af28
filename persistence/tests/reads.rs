//! The reads' backend-specific SQL: the list's statements are prepared once and reused with
//! other values, the search matches word prefixes (on SQLite through FTS5's prefix indexes), and
//! the pool recovers from a server that went away without a round trip at each check-out.

use chrono::TimeDelta;
use diesel::RunQueryDsl;
use tawasol_domain::search::query_terms;
use tawasol_persistence::issue::{self, IssueFilter, IssueSort, StatusFilter};
use tawasol_persistence::test_support::{
    NewIssue, TestDatabase, open, t0, test_backend_is_postgres, user,
};
use tawasol_persistence::{AnyConnection, Database, PoolSettings};

fn titles(rows: &[issue::IssueRow]) -> Vec<&str> {
    rows.iter().map(|r| r.title.as_str()).collect()
}

fn lamps(conn: &mut AnyConnection, n: i64) {
    let u = user(conn, "lamps@tawasol.test");
    for i in 0..n {
        NewIssue {
            description: "Lampadaire éteint depuis des jours",
            at: t0() + TimeDelta::minutes(i),
            ..NewIssue::new("tangier", "public_lighting", &format!("Lamp {i}"))
        }
        .create(conn, u);
    }
}

/// How many statements `conn` prepared while `work` ran.
fn prepared_by(conn: &mut AnyConnection, work: impl FnOnce(&mut AnyConnection)) -> u64 {
    let before = Database::statements_cached(conn).expect("a pooled connection");
    work(conn);
    Database::statements_cached(conn).expect("a pooled connection") - before
}

#[test]
fn list_deep_page_and_search_statements_are_prepared_once_and_reused() {
    let db = TestDatabase::new();
    let database = open(&db);
    let mut conn = database.conn().unwrap();
    lamps(&mut conn, 6);
    let open_in_tangier = IssueFilter {
        commune: Some("tangier".into()),
        status: Some(StatusFilter::Open),
        ..IssueFilter::default()
    };
    let searching = |words: &str| IssueFilter {
        terms: query_terms(words),
        ..open_in_tangier.clone()
    };
    let run = |conn: &mut AnyConnection, filter: &IssueFilter, after| {
        issue::list(conn, filter, after, 3).unwrap()
    };
    // The first time, each shape is prepared (and kept)...
    let mut first = Vec::new();
    let prepared = prepared_by(&mut conn, |c| first = run(c, &open_in_tangier, None));
    assert!(prepared >= 1, "the first page's statement is cached");
    let key = first.last().unwrap().key(IssueSort::Newest);
    assert!(prepared_by(&mut conn, |c| drop(run(c, &open_in_tangier, Some(key)))) >= 1);
    assert!(prepared_by(&mut conn, |c| drop(run(c, &searching("lampad"), None))) >= 1);
    // ...and the same shapes with other values prepare nothing new.
    let again = prepared_by(&mut conn, |c| {
        let page = run(c, &open_in_tangier, None);
        assert_eq!(titles(&page), ["Lamp 5", "Lamp 4", "Lamp 3"]);
        let next = run(c, &open_in_tangier, Some(page[2].key(IssueSort::Newest)));
        assert_eq!(titles(&next), ["Lamp 2", "Lamp 1", "Lamp 0"]);
        let deeper = run(c, &open_in_tangier, Some(next[0].key(IssueSort::Newest)));
        assert_eq!(titles(&deeper), ["Lamp 1", "Lamp 0"]);
        assert_eq!(run(c, &searching("eteint"), None).len(), 3);
    });
    assert_eq!(
        again, 0,
        "a list of a known shape is only bound and executed"
    );
    if let AnyConnection::Postgresql(pg) = &mut *conn {
        #[derive(diesel::QueryableByName)]
        struct Count {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        // The server holds them as prepared statements of this session.
        let n = diesel::sql_query(
            "SELECT COUNT(*) AS n FROM pg_prepared_statements \
             WHERE statement LIKE '%FROM (((\"issues\"%' AND statement LIKE '%LIMIT 3'",
        )
        .get_result::<Count>(pg)
        .unwrap()
        .n;
        assert!(
            n >= 3,
            "first page, deep page and search prepared, found {n}"
        );
    }
}

#[test]
fn a_search_matches_word_prefixes_short_or_long_in_every_script_and_pages_by_cursor() {
    let db = TestDatabase::new();
    let database = open(&db);
    let mut conn = database.conn().unwrap();
    let u = user(&mut conn, "u@tawasol.test");
    for (i, (title, description)) in [
        ("الإنارة العمومية معطلة", "المصباح مطفأ في الشارع"),
        ("Éclairage défaillant", "Le lampadaire clignote"),
        ("ⴰⵙⵉⴹⵏ ⵉⵅⵚⵚⴰ", "ⵜⴰⴼⴰⵡⵜ"),
        ("إنارة الحديقة", "لا ضوء منذ أيام"),
        ("Trottoir défoncé", "Près de l'école"),
    ]
    .into_iter()
    .enumerate()
    {
        NewIssue {
            description,
            at: t0() + TimeDelta::minutes(i as i64),
            ..NewIssue::new("tangier", "public_lighting", title)
        }
        .create(&mut conn, u);
    }
    let search = |conn: &mut AnyConnection, q: &str| {
        let filter = IssueFilter {
            commune: Some("tangier".into()),
            terms: query_terms(q),
            ..IssueFilter::default()
        };
        titles(&issue::list(conn, &filter, None, 20).unwrap())
            .into_iter()
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    // Prefixes of 2, 3 and 4 characters (FTS5's prefix indexes) and longer ones; Arabic with
    // or without its article and hamza, newest first.
    for q in ["الإنارة", "انارة", "إنا", "ان", "الإن"] {
        assert_eq!(
            search(&mut conn, q),
            ["إنارة الحديقة", "الإنارة العمومية معطلة"],
            "{q}"
        );
    }
    for q in ["cl", "ecl", "écla", "eclairag", "ÉCLAIRAGE", "lampadaire"] {
        assert_eq!(search(&mut conn, q), ["Éclairage défaillant"], "{q}");
    }
    assert_eq!(search(&mut conn, "ⴰⵙ"), ["ⴰⵙⵉⴹⵏ ⵉⵅⵚⵚⴰ"]);
    assert_eq!(search(&mut conn, "ecl lamp"), ["Éclairage défaillant"]);
    assert!(
        search(&mut conn, "ecl trott").is_empty(),
        "all words must match"
    );
    assert!(
        search(&mut conn, "clairage").is_empty(),
        "a prefix, not a substring"
    );

    // Through pages: a cursor and a search together.
    let filter = IssueFilter {
        commune: Some("tangier".into()),
        terms: query_terms("انار"),
        ..IssueFilter::default()
    };
    let first = issue::list(&mut conn, &filter, None, 1).unwrap();
    assert_eq!(titles(&first), ["إنارة الحديقة"]);
    let next = issue::list(&mut conn, &filter, Some(first[0].key(IssueSort::Newest)), 1).unwrap();
    assert_eq!(titles(&next), ["الإنارة العمومية معطلة"]);
    // Closed ones are the complement of the open ones.
    let closed = IssueFilter {
        status: Some(StatusFilter::Closed),
        ..IssueFilter::default()
    };
    assert!(
        issue::list(&mut conn, &closed, None, 20)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_connection_whose_server_went_away_fails_at_most_one_request() {
    let db = TestDatabase::new();
    if !test_backend_is_postgres() {
        // SQLite has no server to lose; a check-out asks nothing of it.
        let database = open(&db);
        let mut conn = database.conn().unwrap();
        lamps(&mut conn, 1);
        let before = Database::statements_cached(&mut conn).unwrap();
        drop(conn);
        let mut conn = database.conn().unwrap();
        assert_eq!(Database::statements_cached(&mut conn), Some(before));
        return;
    }
    #[derive(diesel::QueryableByName)]
    struct Pid {
        #[diesel(sql_type = diesel::sql_types::Integer)]
        pid: i32,
    }
    let pid = |conn: &mut AnyConnection| match conn {
        AnyConnection::Postgresql(pg) => diesel::sql_query("SELECT pg_backend_pid() AS pid")
            .get_result::<Pid>(pg)
            .map(|p| p.pid),
        AnyConnection::Sqlite(_) => unreachable!(),
    };
    let terminate = |pids: &[i32]| {
        let list: Vec<String> = pids.iter().map(i32::to_string).collect();
        tawasol_persistence::test_support::execute(
            &db,
            &format!(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
                 WHERE pid IN ({})",
                list.join(", ")
            ),
        );
        // The server ends them asynchronously: wait until they are gone.
        for _ in 0..100 {
            std::thread::sleep(std::time::Duration::from_millis(20));
            let mut check = Database::connect(db.url(), PoolSettings::default())
                .unwrap()
                .conn()
                .unwrap();
            #[derive(diesel::QueryableByName)]
            struct Left {
                #[diesel(sql_type = diesel::sql_types::BigInt)]
                n: i64,
            }
            let AnyConnection::Postgresql(pg) = &mut *check else {
                unreachable!()
            };
            let left = diesel::sql_query(format!(
                "SELECT COUNT(*) AS n FROM pg_stat_activity WHERE pid IN ({})",
                list.join(", ")
            ))
            .get_result::<Left>(pg)
            .unwrap()
            .n;
            if left == 0 {
                return;
            }
        }
        panic!("the backends were not terminated");
    };
    for (idle, most_failures) in [
        (std::time::Duration::from_secs(3600), 1),
        (std::time::Duration::ZERO, 0),
    ] {
        let database = Database::connect(
            db.url(),
            PoolSettings {
                max_size: 3,
                validate_after_idle: idle,
                ..PoolSettings::default()
            },
        )
        .unwrap();
        // Three connections in the pool, each known to work.
        let mut held: Vec<_> = (0..3).map(|_| database.conn().unwrap()).collect();
        let pids: Vec<i32> = held.iter_mut().map(|c| pid(c).unwrap()).collect();
        drop(held);
        terminate(&pids);
        let failures = (0..6)
            .filter(|_| pid(&mut database.conn().unwrap()).is_err())
            .count();
        assert!(
            failures <= most_failures,
            "idle check after {idle:?}: {failures} requests failed"
        );
        // And every connection works again.
        let mut held: Vec<_> = (0..3).map(|_| database.conn().unwrap()).collect();
        for c in &mut held {
            pid(c).unwrap();
        }
    }
}
