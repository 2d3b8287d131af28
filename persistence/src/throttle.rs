//! Fixed-window counters kept in the database, so that limits hold across replicas.

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::schema::throttle;
use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;

/// The counter of a key after a hit.
#[derive(QueryableByName)]
struct Counted {
    #[diesel(sql_type = diesel::sql_types::Integer)]
    hits: i32,
    #[diesel(sql_type = diesel::sql_types::Timestamp)]
    window_start: NaiveDateTime,
}

/// Counts one hit on `key` and returns the hits in the current window and when it ends.
///
/// One statement (an upsert that starts a window, counts in the current one, or restarts an
/// expired one), so that concurrent hits are each counted: a read-then-write, or an insert that
/// resets on conflict, let a parallel burst of first hits all read "1" on PostgreSQL.
pub fn hit(
    conn: &mut AnyConnection,
    key: &str,
    now: NaiveDateTime,
    window: TimeDelta,
) -> Result<(i32, NaiveDateTime), PersistenceError> {
    use diesel::sql_types::{Text, Timestamp};
    let since = now - window;
    let counted: Counted = match conn {
        AnyConnection::Postgresql(c) => diesel::sql_query(
            "INSERT INTO throttle (key, window_start, hits) VALUES ($1, $2, 1) \
             ON CONFLICT (key) DO UPDATE SET \
             hits = CASE WHEN throttle.window_start > $3 THEN throttle.hits + 1 ELSE 1 END, \
             window_start = CASE WHEN throttle.window_start > $3 \
                 THEN throttle.window_start ELSE EXCLUDED.window_start END \
             RETURNING hits, window_start",
        )
        .bind::<Text, _>(key)
        .bind::<Timestamp, _>(now)
        .bind::<Timestamp, _>(since)
        .get_result(c)?,
        AnyConnection::Sqlite(c) => diesel::sql_query(
            "INSERT INTO throttle (key, window_start, hits) VALUES (?1, ?2, 1) \
             ON CONFLICT (key) DO UPDATE SET \
             hits = CASE WHEN throttle.window_start > ?3 THEN throttle.hits + 1 ELSE 1 END, \
             window_start = CASE WHEN throttle.window_start > ?3 \
                 THEN throttle.window_start ELSE excluded.window_start END \
             RETURNING hits, window_start",
        )
        .bind::<Text, _>(key)
        .bind::<Timestamp, _>(now)
        .bind::<Timestamp, _>(since)
        .get_result(c)?,
    };
    Ok((counted.hits, counted.window_start + window))
}

/// Takes back one hit on `key` in its current window (a login that turned out right): throttles
/// count failures, and an attempt is counted before it is judged so that a burst cannot slip
/// through in parallel.
pub fn refund(
    conn: &mut AnyConnection,
    key: &str,
    now: NaiveDateTime,
    window: TimeDelta,
) -> Result<(), PersistenceError> {
    diesel::update(
        throttle::table
            .filter(throttle::key.eq(key))
            .filter(throttle::window_start.gt(now - window))
            .filter(throttle::hits.gt(0)),
    )
    .set(throttle::hits.eq(throttle::hits - 1))
    .execute(conn)?;
    Ok(())
}

/// The hits counted on `key` in its current window.
pub fn count(
    conn: &mut AnyConnection,
    key: &str,
    now: NaiveDateTime,
    window: TimeDelta,
) -> Result<i32, PersistenceError> {
    Ok(throttle::table
        .filter(throttle::key.eq(key))
        .filter(throttle::window_start.gt(now - window))
        .select(throttle::hits)
        .first::<i32>(conn)
        .optional()?
        .unwrap_or(0))
}
