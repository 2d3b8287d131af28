use tawasol_persistence::test_support::{TestDatabase, describe_schema, open};
use tawasol_persistence::{Database, PoolSettings, Readiness};

#[test]
fn migrated_schema_matches_the_shared_description() {
    // Both backends are compared with one file, so the SQLite and PostgreSQL migrations can never
    // drift apart: a change to one that is not made to the other fails on that backend's pass.
    let db = TestDatabase::new();
    let actual = describe_schema(&open(&db));
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../migrations/schema.txt");
    let expected: Vec<String> = std::fs::read_to_string(path)
        .expect("migrations/schema.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect();
    assert_eq!(
        actual,
        expected,
        "the migrated schema differs from migrations/schema.txt; actual:\n{}",
        actual.join("\n")
    );
}

#[test]
fn an_empty_database_is_not_ready_until_migrated_and_migrating_twice_is_harmless() {
    let db = TestDatabase::empty();
    let database = open(&db);
    assert_eq!(database.readiness().unwrap(), Readiness::PendingMigrations);
    assert!(database.migrate().unwrap() >= 1);
    assert_eq!(database.readiness().unwrap(), Readiness::Ready);
    assert_eq!(database.migrate().unwrap(), 0);
}

#[test]
fn unreachable_postgres_is_an_error_not_a_sqlite_file() {
    let err = Database::connect(
        "postgres://nobody@127.0.0.1:1/none",
        PoolSettings {
            max_size: 1,
            connect_timeout: std::time::Duration::from_millis(300),
            ..PoolSettings::default()
        },
    )
    .expect_err("nothing listens on port 1");
    assert!(
        err.to_string().contains("cannot reach the database"),
        "{err}"
    );
    assert!(!std::path::Path::new("postgres:").exists());
}

#[test]
fn concurrent_read_then_write_transactions_wait_their_turn_instead_of_failing() {
    use tawasol_persistence::test_support::count_rows;
    use tawasol_persistence::throttle;
    let db = TestDatabase::new();
    let database = open(&db);
    let handles: Vec<_> = (0..4)
        .map(|t| {
            let database = database.clone();
            std::thread::spawn(move || {
                for i in 0..40 {
                    let mut conn = database.conn().unwrap();
                    tawasol_persistence::write_transaction(&mut conn, |c| {
                        let n = count_rows(c, "throttle")?;
                        throttle::hit(
                            c,
                            &format!("t{t}-{i}-{n}"),
                            chrono::Utc::now().naive_utc(),
                            chrono::TimeDelta::hours(1),
                        )?;
                        Ok::<_, tawasol_persistence::PersistenceError>(())
                    })
                    .unwrap_or_else(|e| panic!("thread {t}, round {i}: {e}"));
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let mut conn = database.conn().unwrap();
    let n = count_rows(&mut conn, "throttle").unwrap();
    assert_eq!(n, 160);
}
