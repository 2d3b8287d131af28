//! The mail worker, which drains the outbox: claim due rows under a lease, render, send, settle.
//! It drives the application as a surface does (on a timer, inside the server or alone as
//! `tawasol worker`), so it sits above the use-cases and the context, beside the surfaces.

use crate::config::Settings;
use crate::context::{ContextError, mail_transport, mailer};
use crate::mail::MailSignal;
use crate::mail::compose::Mailer;
use crate::mail::template::Template;
use crate::mail::transport::{DeliveryError, Transport};
use crate::usecases::{UseCaseError, with_conn};
use chrono::{NaiveDateTime, TimeDelta, Utc};
use futures_util::StreamExt;
use std::sync::Arc;
use std::time::Duration;
use tawasol_domain::{EmailAddress, NextStep, RetryPolicy};
use tawasol_persistence::Database;
use tawasol_persistence::outbox::{self, ClaimedMail};
use tokio::sync::watch;

/// The time, injectable so that tests can move it instead of sleeping.
pub trait Clock: Send + Sync {
    fn now(&self) -> NaiveDateTime;
}

/// The application's clock (movable in tests) drives the worker as it drives the use-cases.
impl Clock for crate::clock::Clock {
    fn now(&self) -> NaiveDateTime {
        crate::clock::Clock::now(self)
    }
}

/// A mail worker configured from the settings.
pub fn mail_worker(settings: &Settings, db: &Database) -> Result<MailWorker, ContextError> {
    let config = WorkerConfig {
        retry: RetryPolicy {
            max_attempts: settings.mail_max_attempts,
            ..RetryPolicy::default()
        },
        retention: settings.mail_retention,
        ..WorkerConfig::default()
    };
    Ok(MailWorker::new(
        db.clone(),
        Arc::new(mail_transport(settings)?),
        Arc::new(mailer(settings)?),
        config,
    ))
}

/// The real clock, in UTC.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> NaiveDateTime {
        Utc::now().naive_utc()
    }
}

#[derive(Debug, Clone)]
pub struct WorkerConfig {
    /// Rows claimed at once.
    pub batch_size: i64,
    /// Mails of a batch in flight at once (SMTP is latency-bound; the transport pools connections).
    pub concurrency: usize,
    /// Longest time one send may take, whatever the transport does (a server that accepts the
    /// connection and never answers counts as a temporary failure).
    pub send_timeout: Duration,
    /// How long a claim holds; a row whose worker died is due again after it.
    pub lease: Duration,
    /// How often to look for due rows when nothing wakes the worker.
    pub poll_interval: Duration,
    pub retry: RetryPolicy,
    /// Sent rows older than this are deleted.
    pub retention: Duration,
}

impl Default for WorkerConfig {
    fn default() -> Self {
        WorkerConfig {
            batch_size: 20,
            concurrency: 8,
            send_timeout: Duration::from_secs(60),
            lease: Duration::from_secs(300),
            poll_interval: Duration::from_secs(2),
            retry: RetryPolicy::default(),
            retention: Duration::from_secs(30 * 24 * 3600),
        }
    }
}

/// What one pass did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Drained {
    pub claimed: usize,
    pub sent: usize,
    pub retried: usize,
    pub dead: usize,
}

pub struct MailWorker {
    id: String,
    db: Database,
    transport: Arc<Transport>,
    mailer: Arc<Mailer>,
    clock: Arc<dyn Clock>,
    jitter: Arc<dyn Fn() -> f64 + Send + Sync>,
    config: WorkerConfig,
    signal: MailSignal,
}

impl std::fmt::Debug for MailWorker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MailWorker")
            .field("id", &self.id)
            .field("transport", &self.transport)
            .finish()
    }
}

fn random_jitter() -> f64 {
    let mut bytes = [0u8; 4];
    match getrandom::fill(&mut bytes) {
        Ok(()) => f64::from(u32::from_le_bytes(bytes)) / (f64::from(u32::MAX) + 1.0),
        Err(_) => 0.5,
    }
}

impl MailWorker {
    pub fn new(
        db: Database,
        transport: Arc<Transport>,
        mailer: Arc<Mailer>,
        config: WorkerConfig,
    ) -> MailWorker {
        let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "tawasol".to_owned());
        let id = format!(
            "{host}-{}-{}",
            std::process::id(),
            &uuid::Uuid::new_v4().simple().to_string()[..8]
        );
        MailWorker {
            id,
            db,
            transport,
            mailer,
            clock: Arc::new(SystemClock),
            jitter: Arc::new(random_jitter),
            config,
            signal: MailSignal::default(),
        }
    }

    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> MailWorker {
        self.clock = clock;
        self
    }

    /// A source of numbers in [0, 1) that spreads retries (fixed in tests).
    pub fn with_jitter(mut self, jitter: Arc<dyn Fn() -> f64 + Send + Sync>) -> MailWorker {
        self.jitter = jitter;
        self
    }

    pub fn with_signal(mut self, signal: MailSignal) -> MailWorker {
        self.signal = signal;
        self
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    /// Claims one batch of due rows and settles each: sent, retry later, or dead.
    pub async fn run_once(&self) -> Result<Drained, UseCaseError> {
        let now = self.clock.now();
        let lease_until = now + to_delta(self.config.lease);
        let (id, batch) = (self.id.clone(), self.config.batch_size);
        let claimed = with_conn(&self.db, move |c| {
            Ok(outbox::claim(c, &id, now, lease_until, batch)?)
        })
        .await?;
        let mut drained = Drained {
            claimed: claimed.len(),
            ..Drained::default()
        };
        let mut deliveries = futures_util::stream::iter(claimed)
            .map(|row| async move {
                let outcome = self.deliver(&row).await;
                (row, outcome)
            })
            .buffer_unordered(self.config.concurrency.max(1));
        while let Some((row, outcome)) = deliveries.next().await {
            let now = self.clock.now();
            let (id, worker) = (row.id, self.id.clone());
            match outcome {
                Ok(()) => {
                    drained.sent += 1;
                    tracing::debug!(outbox_id = id, "mail sent");
                    with_conn(&self.db, move |c| {
                        Ok(outbox::mark_sent(c, id, &worker, now)?)
                    })
                    .await?;
                }
                Err(error) => {
                    let attempts = u32::try_from(row.attempts).unwrap_or(u32::MAX);
                    match self
                        .config
                        .retry
                        .after_failure(attempts, error.failure, (self.jitter)())
                    {
                        NextStep::RetryAfter(delay) => {
                            drained.retried += 1;
                            tracing::warn!(outbox_id = id, attempts, error = %error, retry_in_s = delay.as_secs(), "mail not sent; will retry");
                            let at = now + to_delta(delay);
                            let message = error.message;
                            with_conn(&self.db, move |c| {
                                Ok(outbox::schedule_retry(c, id, &worker, at, &message)?)
                            })
                            .await?;
                        }
                        NextStep::Dead => {
                            drained.dead += 1;
                            tracing::error!(outbox_id = id, attempts, error = %error, "mail given up (dead)");
                            let message = error.message;
                            with_conn(&self.db, move |c| {
                                Ok(outbox::mark_dead(c, id, &worker, &message)?)
                            })
                            .await?;
                        }
                    }
                }
            }
        }
        Ok(drained)
    }

    async fn deliver(&self, row: &ClaimedMail) -> Result<(), DeliveryError> {
        let template = Template::from_parts(&row.template, &row.payload)
            .map_err(|e| DeliveryError::permanent(e.to_string()))?;
        let to = EmailAddress::parse(&row.recipient)
            .map_err(|_| DeliveryError::permanent("the recipient is not an e-mail address"))?;
        let locale = row.locale;
        let message = self.mailer.compose(row.id, &to, locale, &template)?;
        tokio::time::timeout(self.config.send_timeout, self.transport.send(message))
            .await
            .unwrap_or_else(|_| {
                Err(DeliveryError::temporary(
                    "the mail server did not answer in time",
                ))
            })
    }

    /// Deletes sent rows older than the retention.
    pub async fn purge(&self) -> Result<usize, UseCaseError> {
        let before = self.clock.now() - to_delta(self.config.retention);
        with_conn(&self.db, move |c| Ok(outbox::purge_sent(c, before)?)).await
    }

    /// Drains the outbox until `stop` turns true: a pass whenever woken or every poll interval,
    /// immediately again while passes come back full, and a purge of old sent rows every hour.
    pub async fn run(self, mut stop: watch::Receiver<bool>) {
        tracing::info!(worker = %self.id, transport = %self.transport.describe(), "mail worker started");
        let mut last_purge: Option<std::time::Instant> = None;
        while !*stop.borrow() {
            let full = match self.run_once().await {
                Ok(d) => d.claimed as i64 >= self.config.batch_size,
                Err(e) => {
                    tracing::warn!(error = %e, "mail worker pass failed");
                    false
                }
            };
            // The figures' roll-ups: the deltas written since the last pass.
            match with_conn(&self.db, |c| {
                Ok(tawasol_persistence::stats::rollup::fold(c)?)
            })
            .await
            {
                Ok(n) if n > 0 => tracing::debug!(folded = n, "figure deltas folded"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "folding figure deltas failed"),
            }
            if last_purge.is_none_or(|t| t.elapsed() >= Duration::from_secs(3600)) {
                match self.purge().await {
                    Ok(n) if n > 0 => tracing::info!(purged = n, "old sent mails deleted"),
                    Ok(_) => {}
                    Err(e) => tracing::warn!(error = %e, "purging sent mails failed"),
                }
                last_purge = Some(std::time::Instant::now());
            }
            if full {
                continue;
            }
            tokio::select! {
                () = self.signal.woken() => {}
                () = tokio::time::sleep(self.config.poll_interval) => {}
                _ = stop.changed() => {}
            }
        }
        tracing::info!(worker = %self.id, "mail worker stopped");
    }
}

fn to_delta(d: Duration) -> TimeDelta {
    TimeDelta::from_std(d).unwrap_or(TimeDelta::MAX)
}
