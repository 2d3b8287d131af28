//! The officials' morning digest: new issues of their scope (for those who chose a daily mail)
//! and the open issues past their category's answer target with no official answer yet (the
//! desk, `usecases::desk`, shows the same groups and more).

use super::{UseCaseError, in_transaction, with_conn};
use crate::context::AppState;
use crate::mail::template::Template;
use crate::mail::{OutgoingMail, enqueue};
use chrono::{NaiveDateTime, TimeDelta, Timelike};
use std::fmt::Write;
use tawasol_domain::EmailAddress;
use tawasol_persistence::digest;
use tokio::sync::watch;

/// Local hour (Africa/Casablanca) from which the day's digest goes out.
pub const DIGEST_HOUR: u32 = 7;

/// The overdue rule: no official answer yet, and the category's answer target has passed.
pub fn is_overdue(
    created_at: NaiveDateTime,
    target_days: i32,
    answered: Option<NaiveDateTime>,
    now: NaiveDateTime,
) -> bool {
    answered.is_none() && created_at + TimeDelta::days(i64::from(target_days)) < now
}

/// Sends the day's digests if it is past 07:00 in Morocco and no run (on any replica) sent them
/// yet; returns how many were queued.
pub async fn send_daily(state: &AppState, now: NaiveDateTime) -> Result<usize, UseCaseError> {
    let local = now.and_utc().with_timezone(&chrono_tz::Africa::Casablanca);
    if local.hour() < DIGEST_HOUR {
        return Ok(0);
    }
    let day = local.date_naive();
    let base = state.public_url.clone();
    // `now` decides what is due and what is late; rows are stamped with the real time.
    let recorded = state.clock.now();
    // Reading every official's issues can take seconds at a city's scale: it runs outside the
    // write transaction, which on SQLite would hold every other writer back meanwhile; the
    // transaction only claims the day and queues the mails.
    if with_conn(&state.db, move |c| Ok(digest::day_claimed(c, day)?)).await? {
        return Ok(0);
    }
    let mails = with_conn(&state.db, move |c| {
        let since = now - TimeDelta::hours(24);
        let mut mails = Vec::new();
        for official in digest::officials(c)? {
            if official.new_issues == "off" {
                continue;
            }
            let Ok(to) = EmailAddress::parse(&official.email) else {
                continue;
            };
            let mut new_items = String::new();
            let mut overdue_items = String::new();
            let (mut new_count, mut overdue_count) = (0_i64, 0_i64);
            for (id, title, created_at, target_days, answered) in
                digest::scope_issues(c, &official, since)?
            {
                let line = format!("- {title} — {base}/issues/{id}\n");
                if official.new_issues == "daily" && created_at >= since {
                    new_count += 1;
                    let _ = write!(new_items, "{line}");
                }
                if is_overdue(created_at, target_days, answered, now) {
                    overdue_count += 1;
                    let _ = write!(overdue_items, "{line}");
                }
            }
            if new_count == 0 && overdue_count == 0 {
                continue;
            }
            mails.push(OutgoingMail {
                to,
                locale: official.locale,
                template: Template::OfficialDigest {
                    new_count,
                    new_items: new_items.trim_end().to_owned(),
                    overdue_count,
                    overdue_items: overdue_items.trim_end().to_owned(),
                },
                dedupe_key: format!("digest:{}:{day}", official.user_id),
            });
        }
        Ok(mails)
    })
    .await?;
    let sent = in_transaction(&state.db, move |c| {
        if !digest::claim_day(c, day, recorded)? {
            return Ok(0);
        }
        for mail in &mails {
            enqueue(c, mail, recorded)?;
        }
        Ok(mails.len())
    })
    .await?;
    if sent > 0 {
        state.mail.wake();
    }
    Ok(sent)
}

/// Checks every minute whether the day's digest and any petition deadline reminder are due, and
/// once a day erases the signatories' personal data of petitions closed longer than the
/// retention period, until `stop`.
pub async fn run_scheduler(state: AppState, mut stop: watch::Receiver<bool>) {
    // Reminders and the erasure run once a day, and at start-up.
    let mut reminded_on: Option<chrono::NaiveDate> = None;
    let mut erased_on: Option<chrono::NaiveDate> = None;
    while !*stop.borrow() {
        match send_daily(&state, state.clock.now()).await {
            Ok(n) if n > 0 => tracing::info!(digests = n, "officials' digests queued"),
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "digest run failed"),
        }
        let now = state.clock.now();
        let day = super::petitions::today(now);
        if reminded_on != Some(day) {
            match super::petitions::send_reminders(&state, now).await {
                Ok(n) => {
                    reminded_on = Some(day);
                    if n > 0 {
                        tracing::info!(reminders = n, "petition deadline reminders queued");
                    }
                }
                Err(e) => tracing::warn!(error = %e, "petition reminders failed"),
            }
        }
        // Idempotent, and each petition is claimed by one replica: safe on all of them.
        if erased_on != Some(day) {
            match super::petitions::erase_expired_signatures(&state, now).await {
                Ok(n) => {
                    erased_on = Some(day);
                    if n > 0 {
                        tracing::info!(
                            petitions = n,
                            "signatories' personal data erased after the retention period"
                        );
                    }
                }
                Err(e) => tracing::warn!(error = %e, "signature erasure failed"),
            }
        }
        tokio::select! {
            () = tokio::time::sleep(std::time::Duration::from_secs(60)) => {}
            _ = stop.changed() => {}
        }
    }
}
