//! From an outbox row to a MIME message: headers, the two alternatives, a stable Message-ID.

use super::template::{Kind, Template};
use super::transport::DeliveryError;
use super::unsubscribe::UnsubscribeKey;
use lettre::Message;
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use tawasol_domain::{EmailAddress, Locale};

/// What every mail shares: the sender, links' base, and the unsubscribe key.
#[derive(Debug, Clone)]
pub struct Mailer {
    from: Mailbox,
    message_id_domain: String,
    public_url: String,
    unsubscribe: UnsubscribeKey,
}

impl Mailer {
    /// `from` as in `TAWASOL_MAIL_FROM` (`Tawasol <no-reply@example.ma>`).
    pub fn new(
        from: &str,
        public_url: &str,
        unsubscribe: UnsubscribeKey,
    ) -> Result<Mailer, String> {
        let from: Mailbox = from
            .parse()
            .map_err(|e| format!("TAWASOL_MAIL_FROM: {e}"))?;
        let message_id_domain = from.email.domain().to_owned();
        Ok(Mailer {
            from,
            message_id_domain,
            public_url: public_url.trim_end_matches('/').to_owned(),
            unsubscribe,
        })
    }

    /// The Message-ID of outbox row `id`: the same for every attempt, so a resend after a crash
    /// between sending and marking can be recognised (and deduplicated by the receiver).
    pub fn message_id(&self, outbox_id: i64) -> String {
        format!("<outbox.{outbox_id}.tawasol@{}>", self.message_id_domain)
    }

    pub fn unsubscribe_url(&self, to: &EmailAddress, topic: &str) -> String {
        format!(
            "{}/api/v1/unsubscribe?token={}",
            self.public_url,
            self.unsubscribe.sign(to, topic)
        )
    }

    /// The message for outbox row `outbox_id`. A message that cannot be built (an address the
    /// mail library refuses) is a permanent failure.
    pub fn compose(
        &self,
        outbox_id: i64,
        to: &EmailAddress,
        locale: Locale,
        template: &Template,
    ) -> Result<Message, DeliveryError> {
        let unsubscribe = match template.kind() {
            Kind::Notification { topic } => Some(self.unsubscribe_url(to, topic)),
            Kind::Account => None,
        };
        let rendered = template.render(locale, unsubscribe.as_deref());
        let recipient: Mailbox = to.as_str().parse().map_err(|e| {
            DeliveryError::permanent(format!("recipient refused by the mail library: {e}"))
        })?;
        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(recipient)
            .subject(rendered.subject)
            .message_id(Some(self.message_id(outbox_id)))
            .raw_header(header("Content-Language", locale.as_str()))
            .raw_header(header("Auto-Submitted", "auto-generated"));
        if let Some(url) = unsubscribe {
            builder = builder
                .raw_header(header("List-Unsubscribe", &format!("<{url}>")))
                .raw_header(header(
                    "List-Unsubscribe-Post",
                    "List-Unsubscribe=One-Click",
                ));
        }
        builder
            .multipart(MultiPart::alternative_plain_html(
                rendered.text,
                rendered.html,
            ))
            .map_err(|e| DeliveryError::permanent(format!("the message cannot be built: {e}")))
    }
}

fn header(name: &'static str, value: &str) -> HeaderValue {
    HeaderValue::new(HeaderName::new_from_ascii_str(name), value.to_owned())
}
