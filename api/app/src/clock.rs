//! The application's clock. Every use-case, page and job reads the time from here, never from
//! the system directly, so that tests can move time forward (retention periods, deadlines,
//! windows) instead of waiting.

use chrono::{NaiveDateTime, TimeDelta, Utc};
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

/// The time in UTC. [`Clock::system`] in production; [`Clock::adjustable`] in tests: the real
/// time plus an offset that [`Clock::advance`] moves.
#[derive(Debug, Clone)]
pub struct Clock {
    /// Microseconds added to the system time; `None` for the real clock, which cannot be moved.
    offset: Option<Arc<AtomicI64>>,
}

impl Default for Clock {
    fn default() -> Self {
        Clock::system()
    }
}

impl Clock {
    /// The real clock.
    pub fn system() -> Clock {
        Clock { offset: None }
    }

    /// A clock that runs with the real one and can be moved forward (tests).
    pub fn adjustable() -> Clock {
        Clock {
            offset: Some(Arc::new(AtomicI64::new(0))),
        }
    }

    /// The current time in UTC, as stored.
    pub fn now(&self) -> NaiveDateTime {
        let real = Utc::now().naive_utc();
        match &self.offset {
            None => real,
            Some(offset) => real + TimeDelta::microseconds(offset.load(Ordering::Relaxed)),
        }
    }

    /// Seconds since the Unix epoch (token lifetimes).
    pub fn timestamp(&self) -> i64 {
        self.now().and_utc().timestamp()
    }

    /// Moves an adjustable clock forward (or back); every copy of it sees the change. The real
    /// clock cannot be moved: this is a programming error there, and does nothing.
    pub fn advance(&self, by: TimeDelta) {
        match &self.offset {
            Some(offset) => {
                offset.fetch_add(by.num_microseconds().unwrap_or(i64::MAX), Ordering::Relaxed);
            }
            None => debug_assert!(false, "the system clock cannot be moved"),
        }
    }
}

/// A stored time as the APIs write it: RFC 3339 in UTC, to the second (`2026-11-22T10:15:00Z`).
pub fn rfc3339(t: NaiveDateTime) -> String {
    t.and_utc()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_adjustable_clock_moves_for_every_copy() {
        let clock = Clock::adjustable();
        let copy = clock.clone();
        let before = copy.now();
        clock.advance(TimeDelta::days(31));
        let after = copy.now();
        assert!(after - before >= TimeDelta::days(31));
        assert!(after - before < TimeDelta::days(31) + TimeDelta::minutes(1));
        let real = Clock::system().now();
        assert!((real - Utc::now().naive_utc()).abs() < TimeDelta::seconds(5));
    }
}
