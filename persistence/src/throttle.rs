//! Fixed-window counters kept in the database, so that limits hold across replicas.

use crate::connection::{AnyConnection, on_backend};
use crate::error::PersistenceError;
use crate::schema::throttle;
use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;

/// Counts one hit on `key` and returns the hits in the current window and when it ends.
pub fn hit(
    conn: &mut AnyConnection,
    key: &str,
    now: NaiveDateTime,
    window: TimeDelta,
) -> Result<(i32, NaiveDateTime), PersistenceError> {
    conn.transaction(|conn| {
        let current = on_backend!(conn, c => diesel::update(
            throttle::table
                .filter(throttle::key.eq(key))
                .filter(throttle::window_start.gt(now - window)),
        )
        .set(throttle::hits.eq(throttle::hits + 1))
        .returning((throttle::hits, throttle::window_start))
        .get_result::<(i32, NaiveDateTime)>(c)
        .optional())?;
        if let Some((hits, start)) = current {
            return Ok((hits, start + window));
        }
        // A new window: replace an expired row, or start one.
        on_backend!(conn, c => diesel::insert_into(throttle::table)
            .values((throttle::key.eq(key), throttle::window_start.eq(now), throttle::hits.eq(1)))
            .on_conflict(throttle::key)
            .do_update()
            .set((throttle::window_start.eq(now), throttle::hits.eq(1)))
            .execute(c))?;
        Ok((1, now + window))
    })
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
