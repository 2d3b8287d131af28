use chrono::{NaiveDateTime, TimeDelta};
use diesel::Connection;
use std::collections::HashSet;
use tawasol_domain::Locale;
use tawasol_domain::OutboxStatus;
use tawasol_persistence::outbox::{self, Enqueued, OutboxInsertForm};
use tawasol_persistence::test_support::{TestDatabase, open, t0};

fn form<'a>(key: &'a str, at: NaiveDateTime) -> OutboxInsertForm<'a> {
    OutboxInsertForm {
        dedupe_key: key,
        recipient: "amina@example.ma",
        locale: Locale::Ar,
        template: "account_verify_email",
        payload: "{}",
        next_attempt_at: at,
        created_at: at,
    }
}

#[test]
fn a_mail_exists_only_if_its_transaction_commits() {
    let db = TestDatabase::new();
    let database = open(&db);
    let mut conn = database.conn().unwrap();
    let rolled_back: Result<(), diesel::result::Error> = conn.transaction(|c| {
        outbox::enqueue(c, &form("k1", t0())).unwrap();
        Err(diesel::result::Error::RollbackTransaction)
    });
    assert!(rolled_back.is_err());
    assert!(outbox::list(&mut conn, None, None, 10).unwrap().is_empty());
    conn.transaction(|c| outbox::enqueue(c, &form("k1", t0())).map(|_| ()))
        .unwrap();
    assert_eq!(outbox::list(&mut conn, None, None, 10).unwrap().len(), 1);
}

#[test]
fn the_same_event_is_queued_once() {
    let db = TestDatabase::new();
    let database = open(&db);
    let mut conn = database.conn().unwrap();
    assert!(matches!(
        outbox::enqueue(&mut conn, &form("same", t0())).unwrap(),
        Enqueued::New(_)
    ));
    assert_eq!(
        outbox::enqueue(&mut conn, &form("same", t0())).unwrap(),
        Enqueued::AlreadyQueued
    );
    assert_eq!(outbox::list(&mut conn, None, None, 10).unwrap().len(), 1);
}

#[test]
fn claims_are_leases_and_only_the_holder_settles_a_row() {
    let db = TestDatabase::new();
    let database = open(&db);
    let mut conn = database.conn().unwrap();
    let now = t0();
    outbox::enqueue(&mut conn, &form("due", now)).unwrap();
    outbox::enqueue(&mut conn, &form("later", now + TimeDelta::minutes(10))).unwrap();

    let lease = now + TimeDelta::minutes(5);
    let claimed = outbox::claim(&mut conn, "w1", now, lease, 10).unwrap();
    assert_eq!(claimed.len(), 1, "only the due row");
    assert_eq!(claimed[0].attempts, 1);
    // Held: nobody else gets it before the lease ends.
    assert!(
        outbox::claim(&mut conn, "w2", now + TimeDelta::minutes(1), lease, 10)
            .unwrap()
            .is_empty()
    );
    // w1 died; after the lease w2 takes it over, and the attempt is counted again.
    let taken = outbox::claim(&mut conn, "w2", lease, lease + TimeDelta::minutes(5), 10).unwrap();
    assert_eq!(taken.iter().map(|c| c.attempts).collect::<Vec<_>>(), [2]);
    // The first worker's late answer does not count.
    assert!(!outbox::mark_sent(&mut conn, claimed[0].id, "w1", lease).unwrap());
    assert!(outbox::mark_sent(&mut conn, claimed[0].id, "w2", lease).unwrap());
    let entry = outbox::find(&mut conn, claimed[0].id).unwrap().unwrap();
    assert_eq!(entry.status, OutboxStatus::Sent);
    assert_eq!(entry.sent_at, Some(lease));
}

#[test]
fn retries_wait_dead_rows_stay_dead_until_requeued_and_old_sent_rows_are_purged() {
    let db = TestDatabase::new();
    let database = open(&db);
    let mut conn = database.conn().unwrap();
    let now = t0();
    for key in ["a", "b", "c"] {
        outbox::enqueue(&mut conn, &form(key, now)).unwrap();
    }
    let claimed = outbox::claim(&mut conn, "w", now, now + TimeDelta::minutes(5), 10).unwrap();
    let [a, b, c] = [&claimed[0], &claimed[1], &claimed[2]];
    assert!(
        outbox::schedule_retry(
            &mut conn,
            a.id,
            "w",
            now + TimeDelta::minutes(1),
            "421 busy"
        )
        .unwrap()
    );
    assert!(outbox::mark_dead(&mut conn, b.id, "w", "550 no such mailbox").unwrap());
    assert!(outbox::mark_sent(&mut conn, c.id, "w", now).unwrap());

    assert!(
        outbox::claim(
            &mut conn,
            "w",
            now + TimeDelta::seconds(30),
            now + TimeDelta::minutes(6),
            10
        )
        .unwrap()
        .is_empty()
    );
    let again = outbox::claim(
        &mut conn,
        "w",
        now + TimeDelta::minutes(1),
        now + TimeDelta::minutes(6),
        10,
    )
    .unwrap();
    assert_eq!(
        again.iter().map(|r| (r.id, r.attempts)).collect::<Vec<_>>(),
        [(a.id, 2)]
    );

    let dead = outbox::list(&mut conn, Some(OutboxStatus::Dead), None, 10).unwrap();
    assert_eq!(dead.len(), 1);
    assert_eq!(dead[0].last_error.as_deref(), Some("550 no such mailbox"));
    assert!(outbox::requeue(&mut conn, b.id, now + TimeDelta::minutes(2)).unwrap());
    assert!(
        !outbox::requeue(&mut conn, b.id, now).unwrap(),
        "no longer dead"
    );
    let back = outbox::claim(
        &mut conn,
        "w",
        now + TimeDelta::minutes(2),
        now + TimeDelta::minutes(9),
        10,
    )
    .unwrap();
    assert_eq!(
        back.iter().map(|r| (r.id, r.attempts)).collect::<Vec<_>>(),
        [(b.id, 1)]
    );

    assert_eq!(outbox::purge_sent(&mut conn, now).unwrap(), 0);
    assert_eq!(
        outbox::purge_sent(&mut conn, now + TimeDelta::days(31)).unwrap(),
        1
    );
    let counts: HashSet<_> = outbox::count_by_status(&mut conn)
        .unwrap()
        .into_iter()
        .collect();
    assert_eq!(counts, HashSet::from([(OutboxStatus::Pending, 2)]));
}

#[test]
fn concurrent_claimers_never_share_a_row() {
    let db = TestDatabase::new();
    let database = open(&db);
    let now = t0();
    {
        let mut conn = database.conn().unwrap();
        conn.transaction(|c| {
            for i in 0..300 {
                outbox::enqueue(c, &form(&format!("row-{i}"), now)).unwrap();
            }
            Ok::<_, diesel::result::Error>(())
        })
        .unwrap();
    }
    let handles: Vec<_> = (0..4)
        .map(|w| {
            let database = database.clone();
            std::thread::spawn(move || {
                let mut mine = Vec::new();
                loop {
                    let mut conn = database.conn().unwrap();
                    let batch = outbox::claim(
                        &mut conn,
                        &format!("w{w}"),
                        now,
                        now + TimeDelta::minutes(5),
                        7,
                    )
                    .unwrap();
                    if batch.is_empty() {
                        return mine;
                    }
                    mine.extend(batch.into_iter().map(|r| r.id));
                }
            })
        })
        .collect();
    let mut all = Vec::new();
    for h in handles {
        all.extend(h.join().unwrap());
    }
    let distinct: HashSet<_> = all.iter().collect();
    assert_eq!(all.len(), 300, "every row claimed once");
    assert_eq!(distinct.len(), 300);
}
