//! The refusal deadline: the commune's officials are reminded before the day a refusal must be
//! notified.

use super::today;
use crate::context::AppState;
use crate::mail::template::Template;
use crate::mail::{OutgoingMail, enqueue};
use crate::usecases::{UseCaseError, in_transaction};
use chrono::NaiveDateTime;
use tawasol_domain::EmailAddress;
use tawasol_domain::petition::{days_left, refusal_deadline, reminder_due};
use tawasol_persistence::outbox::Enqueued;
use tawasol_persistence::petition::{self};

/// Mails the commune's officials 30 and 7 days before the day a refusal must be notified, for
/// every petition filed and still awaiting the bureau. Each reminder goes once (the outbox's
/// key), and one missed day is caught up the next. Returns how many mails were queued.
pub async fn send_reminders(state: &AppState, at: NaiveDateTime) -> Result<usize, UseCaseError> {
    let day = today(at);
    let base = state.public_url.clone();
    let queued = in_transaction(&state.db, move |c| {
        let mut queued = 0;
        for (id, commune_id, title, filed_on) in petition::awaiting_decision(c)? {
            let Some(reminder) = reminder_due(filed_on, day) else {
                continue;
            };
            let which = match reminder {
                tawasol_domain::petition::Reminder::ThirtyDays => 30,
                tawasol_domain::petition::Reminder::SevenDays => 7,
            };
            let officials = petition::commune_officials(c, commune_id)?;
            for r in &officials {
                let Some(to) = r.email.as_deref().and_then(|e| EmailAddress::parse(e).ok()) else {
                    continue;
                };
                let fresh = enqueue(
                    c,
                    &OutgoingMail {
                        to,
                        locale: r.locale,
                        template: Template::PetitionDeadlineReminder {
                            petition_title: title.clone(),
                            days_left: days_left(filed_on, day),
                            refusal_deadline: refusal_deadline(filed_on).to_string(),
                            petition_url: format!("{base}/petitions/{id}"),
                        },
                        dedupe_key: format!("petition-reminder:{id}:{which}:{}", r.user_id),
                    },
                    at,
                )?;
                if matches!(fresh, Enqueued::New(_)) {
                    queued += 1;
                }
            }
        }
        Ok(queued)
    })
    .await?;
    if queued > 0 {
        state.mail.wake();
    }
    Ok(queued)
}
