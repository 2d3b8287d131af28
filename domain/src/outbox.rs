//! The rules of mail delivery: what a failed attempt leads to, and how long to wait.

use std::time::Duration;

/// Where an outbox row stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutboxStatus {
    /// Waiting for its next attempt (or claimed by a worker whose lease has not expired).
    Pending,
    Sent,
    /// Given up: a permanent refusal, or too many temporary failures. An admin may re-queue it.
    Dead,
}

impl OutboxStatus {
    pub const ALL: [OutboxStatus; 3] = [
        OutboxStatus::Pending,
        OutboxStatus::Sent,
        OutboxStatus::Dead,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OutboxStatus::Pending => "pending",
            OutboxStatus::Sent => "sent",
            OutboxStatus::Dead => "dead",
        }
    }

    pub fn parse(value: &str) -> Option<OutboxStatus> {
        OutboxStatus::ALL.into_iter().find(|s| s.as_str() == value)
    }
}

impl std::fmt::Display for OutboxStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How an attempt failed, as the mail server or the network told us.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeliveryFailure {
    /// 4xx, a timeout, a refused or dropped connection: worth trying again later.
    Temporary,
    /// 5xx: the server will never accept this message (unknown mailbox, refused sender).
    Permanent,
}

/// What to do with a row after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextStep {
    RetryAfter(Duration),
    Dead,
}

/// Exponential backoff with jitter, up to a number of attempts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    pub max_attempts: u32,
    pub base_delay: Duration,
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    /// Eight attempts over about a day: 30 s, 1 min, 2 min, 4 min … capped at 6 h.
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 8,
            base_delay: Duration::from_secs(30),
            max_delay: Duration::from_secs(6 * 3600),
        }
    }
}

impl RetryPolicy {
    /// After attempt number `attempts` (1 for the first) failed: retry, or give up.
    /// `jitter` in [0, 1) spreads retries between half and all of the backoff, so that many rows
    /// failing together (the server was down) do not all come back at the same second.
    pub fn after_failure(&self, attempts: u32, failure: DeliveryFailure, jitter: f64) -> NextStep {
        if failure == DeliveryFailure::Permanent || attempts >= self.max_attempts {
            return NextStep::Dead;
        }
        let exponent = attempts.saturating_sub(1).min(30);
        let backoff = self
            .base_delay
            .saturating_mul(1u32 << exponent)
            .min(self.max_delay);
        let jitter = if jitter.is_finite() {
            jitter.clamp(0.0, 1.0)
        } else {
            0.0
        };
        NextStep::RetryAfter(backoff.mul_f64(0.5 + jitter / 2.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: fn(u64) -> Duration = Duration::from_secs;

    #[test]
    fn a_permanent_refusal_is_dead_at_once() {
        let p = RetryPolicy::default();
        assert_eq!(
            p.after_failure(1, DeliveryFailure::Permanent, 0.3),
            NextStep::Dead
        );
    }

    #[test]
    fn temporary_failures_back_off_exponentially_within_the_jitter_band() {
        let p = RetryPolicy::default();
        assert_eq!(
            p.after_failure(1, DeliveryFailure::Temporary, 0.0),
            NextStep::RetryAfter(S(15))
        );
        assert_eq!(
            p.after_failure(1, DeliveryFailure::Temporary, 1.0),
            NextStep::RetryAfter(S(30))
        );
        assert_eq!(
            p.after_failure(2, DeliveryFailure::Temporary, 1.0),
            NextStep::RetryAfter(S(60))
        );
        assert_eq!(
            p.after_failure(4, DeliveryFailure::Temporary, 1.0),
            NextStep::RetryAfter(S(240))
        );
        let mid = p.after_failure(3, DeliveryFailure::Temporary, 0.5);
        assert_eq!(
            mid,
            NextStep::RetryAfter(Duration::from_secs_f64(120.0 * 0.75))
        );
    }

    #[test]
    fn backoff_is_capped_and_attempts_are_limited() {
        let p = RetryPolicy {
            max_attempts: 40,
            ..RetryPolicy::default()
        };
        assert_eq!(
            p.after_failure(39, DeliveryFailure::Temporary, 1.0),
            NextStep::RetryAfter(S(6 * 3600))
        );
        assert_eq!(
            p.after_failure(40, DeliveryFailure::Temporary, 0.0),
            NextStep::Dead
        );
        let d = RetryPolicy::default();
        assert_eq!(
            d.after_failure(8, DeliveryFailure::Temporary, 0.0),
            NextStep::Dead
        );
        assert!(matches!(
            d.after_failure(7, DeliveryFailure::Temporary, f64::NAN),
            NextStep::RetryAfter(_)
        ));
    }

    #[test]
    fn statuses_round_trip() {
        for s in OutboxStatus::ALL {
            assert_eq!(OutboxStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(OutboxStatus::parse("sending"), None);
    }
}
