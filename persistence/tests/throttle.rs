use chrono::TimeDelta;
use tawasol_persistence::test_support::{TestDatabase, open, t0};
use tawasol_persistence::throttle;

#[test]
fn hits_in_parallel_are_each_counted_and_a_window_restarts_once_over() {
    let db = TestDatabase::new();
    let database = open(&db);
    let window = TimeDelta::minutes(15);
    // Ten first hits on a new key at once (the burst a login limit must hold against): each
    // is counted, none reads another's count.
    let start = std::sync::Barrier::new(10);
    let counts: Vec<i32> = std::thread::scope(|s| {
        let hits: Vec<_> = (0..10)
            .map(|_| {
                s.spawn(|| {
                    // A connection each, all ready before any hits.
                    let own = open(&db);
                    let mut conn = own.conn().unwrap();
                    start.wait();
                    throttle::hit(&mut conn, "login:burst", t0(), window)
                        .unwrap()
                        .0
                })
            })
            .collect();
        hits.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut sorted = counts.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, (1..=10).collect::<Vec<i32>>(), "{counts:?}");
    let mut conn = database.conn().unwrap();
    assert_eq!(
        throttle::count(&mut conn, "login:burst", t0(), window).unwrap(),
        10
    );
    // Within the window the count goes on and the window keeps its start; past it, it restarts.
    let later = t0() + TimeDelta::minutes(5);
    assert_eq!(
        throttle::hit(&mut conn, "login:burst", later, window).unwrap(),
        (11, t0() + window)
    );
    let next = t0() + window + TimeDelta::seconds(1);
    assert_eq!(
        throttle::hit(&mut conn, "login:burst", next, window).unwrap(),
        (1, next + window)
    );
}
