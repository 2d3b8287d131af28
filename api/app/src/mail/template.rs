//! The messages Tawasol sends, each in ar, fr and zgh from the Fluent files: a subject, a plain
//! text body and an HTML alternative (`dir="rtl"` for Arabic).
//!
//! Each message has keys `mail-<name>-subject` and `mail-<name>-body` (the body may use several
//! paragraphs separated by blank lines; a paragraph that is only a link becomes a link in HTML).

use crate::html::escape;
use crate::i18n::{Arg, Message};
use serde::{Deserialize, Serialize};
use tawasol_domain::Locale;

/// Every message, with the arguments it needs. Stored in the outbox as its name and JSON args.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "template", content = "args", rename_all = "snake_case")]
pub enum Template {
    /// Confirm the address of a new account (single-use link).
    AccountVerifyEmail {
        display_name: String,
        verify_url: String,
    },
    /// Someone tried to register with an address that already has an account.
    AccountRegistrationAttempt {
        display_name: String,
        reset_url: String,
    },
    /// A single-use link to choose a new password.
    AccountPasswordReset {
        display_name: String,
        reset_url: String,
    },
    /// The password was changed and every session ended.
    AccountPasswordChanged { display_name: String },
    /// The owner changed their password from their account: their other sessions ended.
    AccountPasswordChangedByOwner { display_name: String },
    /// Confirm a new address for an existing account (single-use link, to the new address).
    AccountEmailChangeConfirm {
        display_name: String,
        confirm_url: String,
    },
    /// To the old address: a change to `new_email` was asked, effective once confirmed there.
    AccountEmailChangeNotice {
        display_name: String,
        new_email: String,
    },
    /// An official's morning digest: new issues of their scope, and those past their target.
    OfficialDigest {
        new_count: i64,
        new_items: String,
        overdue_count: i64,
        overdue_items: String,
    },
    /// Someone replied on an issue the recipient follows (for those who asked for every reply).
    IssueNewReply {
        issue_title: String,
        author_name: String,
        excerpt: String,
        issue_url: String,
    },
    /// A moderator hid or restored something the recipient wrote, and why.
    ModerationDecision {
        excerpt: String,
        hidden: bool,
        reason: String,
        issue_url: String,
    },
    /// A new issue in an official's scope: its commune and category by their names (the codes
    /// stay for mails queued before names were carried).
    IssueNewForOfficial {
        issue_title: String,
        commune: String,
        category: String,
        #[serde(default)]
        commune_names: Option<Names>,
        #[serde(default)]
        category_names: Option<Names>,
        issue_url: String,
    },
    /// An issue the recipient reported or follows changed status, with what the status carries
    /// (the expected day of a planned issue, the body responsible, the original of a duplicate).
    IssueStatusChanged {
        issue_title: String,
        status: String,
        note: String,
        #[serde(default)]
        expected_on: Option<String>,
        #[serde(default)]
        responsible_body: Option<String>,
        #[serde(default)]
        duplicate_of: Option<i64>,
        issue_url: String,
    },
    /// An official answered an issue the recipient reported or follows and, in the same step,
    /// changed its status: one mail with both.
    IssueAnsweredWithStatus {
        issue_title: String,
        official_name: String,
        official_title: String,
        excerpt: String,
        status: String,
        /// The status note when it says more than the answer (empty otherwise).
        note: String,
        expected_on: Option<String>,
        responsible_body: Option<String>,
        duplicate_of: Option<i64>,
        issue_url: String,
    },
    /// An official answered an issue that the recipient reported or follows.
    IssueOfficialAnswer {
        issue_title: String,
        official_name: String,
        official_title: String,
        issue_url: String,
    },
    /// To the agent: the petition has the signatures the commune requires and can be deposited.
    PetitionThresholdReached {
        petition_title: String,
        signature_count: i64,
        petition_url: String,
    },
    /// To signatories and followers: a legal step of the petition (filed, admissible, …).
    PetitionStep {
        petition_title: String,
        status: String,
        note: String,
        petition_url: String,
    },
    /// To the commune's officials: a petition was deposited; the refusal deadline runs.
    PetitionFiledForOfficial {
        petition_title: String,
        commune: String,
        #[serde(default)]
        commune_names: Option<Names>,
        receipt_number: String,
        filed_on: String,
        refusal_deadline: String,
        petition_url: String,
    },
    /// To the commune's officials: 30, then 7 days before the refusal deadline.
    PetitionDeadlineReminder {
        petition_title: String,
        days_left: i64,
        refusal_deadline: String,
        petition_url: String,
    },
}

/// A name in the three languages (a commune's, a category's), so that each recipient reads it in
/// their own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Names {
    pub ar: String,
    pub fr: String,
    pub zgh: String,
}

impl Names {
    pub fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::Ar => &self.ar,
            Locale::Fr => &self.fr,
            Locale::Zgh => &self.zgh,
        }
    }
}

impl From<&tawasol_domain::LocalizedText> for Names {
    fn from(t: &tawasol_domain::LocalizedText) -> Names {
        Names {
            ar: t.ar.clone(),
            fr: t.fr.clone(),
            zgh: t.zgh.clone(),
        }
    }
}

/// A name in the recipient's language, or the code it stands for when none was carried.
fn named(names: Option<&Names>, code: &str, locale: Locale) -> String {
    names.map_or_else(|| code.to_owned(), |n| n.get(locale).to_owned())
}

/// A status as the recipient's language says it, with what it carries (`i18n::status_words`).
fn status_words(
    locale: Locale,
    status: &str,
    expected_on: Option<&String>,
    responsible_body: Option<&String>,
    duplicate_of: Option<i64>,
) -> String {
    crate::i18n::status_words(
        locale,
        status,
        expected_on.and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
        responsible_body.map(String::as_str),
        duplicate_of,
    )
}

/// Whether a mail is about the recipient's account (always sent, no unsubscribe) or a
/// notification they may turn off (RFC 8058 one-click unsubscribe headers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Account,
    Notification { topic: &'static str },
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the outbox row cannot be rendered: {0}")]
pub struct UnknownTemplate(pub String);

impl Template {
    pub fn name(&self) -> &'static str {
        match self {
            Template::AccountVerifyEmail { .. } => "account_verify_email",
            Template::AccountRegistrationAttempt { .. } => "account_registration_attempt",
            Template::AccountPasswordReset { .. } => "account_password_reset",
            Template::AccountPasswordChanged { .. } => "account_password_changed",
            Template::AccountPasswordChangedByOwner { .. } => "account_password_changed_by_owner",
            Template::AccountEmailChangeConfirm { .. } => "account_email_change_confirm",
            Template::AccountEmailChangeNotice { .. } => "account_email_change_notice",
            Template::IssueOfficialAnswer { .. } => "issue_official_answer",
            Template::IssueNewForOfficial { .. } => "issue_new_for_official",
            Template::ModerationDecision { .. } => "moderation_decision",
            Template::IssueNewReply { .. } => "issue_new_reply",
            Template::OfficialDigest { .. } => "official_digest",
            Template::IssueStatusChanged { .. } => "issue_status_changed",
            Template::IssueAnsweredWithStatus { .. } => "issue_answered_with_status",
            Template::PetitionThresholdReached { .. } => "petition_threshold_reached",
            Template::PetitionStep { .. } => "petition_step",
            Template::PetitionFiledForOfficial { .. } => "petition_filed_for_official",
            Template::PetitionDeadlineReminder { .. } => "petition_deadline_reminder",
        }
    }

    pub fn kind(&self) -> Kind {
        match self {
            Template::AccountVerifyEmail { .. }
            | Template::AccountRegistrationAttempt { .. }
            | Template::AccountPasswordReset { .. }
            | Template::AccountPasswordChanged { .. }
            | Template::AccountPasswordChangedByOwner { .. }
            | Template::AccountEmailChangeConfirm { .. }
            | Template::AccountEmailChangeNotice { .. }
            | Template::ModerationDecision { .. }
            // The agent's and the officials' duties in a legal procedure: not optional.
            | Template::PetitionThresholdReached { .. }
            | Template::PetitionFiledForOfficial { .. }
            | Template::PetitionDeadlineReminder { .. } => Kind::Account,
            Template::PetitionStep { .. } => Kind::Notification {
                topic: "petition_updates",
            },
            Template::IssueOfficialAnswer { .. }
            | Template::IssueStatusChanged { .. }
            | Template::IssueAnsweredWithStatus { .. }
            | Template::IssueNewReply { .. } => Kind::Notification {
                topic: "issue_updates",
            },
            Template::IssueNewForOfficial { .. } | Template::OfficialDigest { .. } => {
                Kind::Notification {
                    topic: "official_new_issues",
                }
            }
        }
    }

    /// The name and the JSON arguments, as the outbox stores them.
    pub fn to_parts(&self) -> (&'static str, String) {
        let value = serde_json::to_value(self).unwrap_or_default();
        (self.name(), value["args"].to_string())
    }

    pub fn from_parts(name: &str, payload: &str) -> Result<Template, UnknownTemplate> {
        let args: serde_json::Value =
            serde_json::from_str(payload).map_err(|e| UnknownTemplate(format!("{name}: {e}")))?;
        serde_json::from_value(serde_json::json!({"template": name, "args": args}))
            .map_err(|e| UnknownTemplate(format!("{name}: {e}")))
    }

    fn message(&self, part: &'static str, locale: Locale) -> Message {
        let key: &'static str = match (self, part) {
            (Template::AccountVerifyEmail { .. }, "subject") => "mail-account-verify-email-subject",
            (Template::AccountVerifyEmail { .. }, _) => "mail-account-verify-email-body",
            (Template::AccountRegistrationAttempt { .. }, "subject") => {
                "mail-account-registration-attempt-subject"
            }
            (Template::AccountRegistrationAttempt { .. }, _) => {
                "mail-account-registration-attempt-body"
            }
            (Template::AccountPasswordReset { .. }, "subject") => {
                "mail-account-password-reset-subject"
            }
            (Template::AccountPasswordReset { .. }, _) => "mail-account-password-reset-body",
            (Template::AccountPasswordChanged { .. }, "subject") => {
                "mail-account-password-changed-subject"
            }
            (Template::AccountPasswordChanged { .. }, _) => "mail-account-password-changed-body",
            (Template::AccountPasswordChangedByOwner { .. }, "subject") => {
                "mail-account-password-changed-by-owner-subject"
            }
            (Template::AccountPasswordChangedByOwner { .. }, _) => {
                "mail-account-password-changed-by-owner-body"
            }
            (Template::AccountEmailChangeConfirm { .. }, "subject") => {
                "mail-account-email-change-confirm-subject"
            }
            (Template::AccountEmailChangeConfirm { .. }, _) => {
                "mail-account-email-change-confirm-body"
            }
            (Template::AccountEmailChangeNotice { .. }, "subject") => {
                "mail-account-email-change-notice-subject"
            }
            (Template::AccountEmailChangeNotice { .. }, _) => {
                "mail-account-email-change-notice-body"
            }
            (Template::IssueOfficialAnswer { .. }, "subject") => {
                "mail-issue-official-answer-subject"
            }
            (Template::IssueOfficialAnswer { .. }, _) => "mail-issue-official-answer-body",
            (Template::IssueNewForOfficial { .. }, "subject") => {
                "mail-issue-new-for-official-subject"
            }
            (Template::IssueNewForOfficial { .. }, _) => "mail-issue-new-for-official-body",
            (Template::IssueStatusChanged { .. }, "subject") => "mail-issue-status-changed-subject",
            (Template::IssueStatusChanged { .. }, _) => "mail-issue-status-changed-body",
            (Template::IssueAnsweredWithStatus { .. }, "subject") => {
                "mail-issue-answered-with-status-subject"
            }
            (Template::IssueAnsweredWithStatus { .. }, _) => "mail-issue-answered-with-status-body",
            (Template::ModerationDecision { hidden: true, .. }, "subject") => {
                "mail-moderation-hidden-subject"
            }
            (Template::ModerationDecision { hidden: true, .. }, _) => "mail-moderation-hidden-body",
            (Template::ModerationDecision { .. }, "subject") => "mail-moderation-restored-subject",
            (Template::ModerationDecision { .. }, _) => "mail-moderation-restored-body",
            (Template::OfficialDigest { .. }, "subject") => "mail-official-digest-subject",
            (Template::OfficialDigest { .. }, _) => "mail-official-digest-body",
            (Template::IssueNewReply { .. }, "subject") => "mail-issue-new-reply-subject",
            (Template::IssueNewReply { .. }, _) => "mail-issue-new-reply-body",
            (Template::PetitionThresholdReached { .. }, "subject") => {
                "mail-petition-threshold-reached-subject"
            }
            (Template::PetitionThresholdReached { .. }, _) => {
                "mail-petition-threshold-reached-body"
            }
            (Template::PetitionStep { .. }, "subject") => "mail-petition-step-subject",
            (Template::PetitionStep { .. }, _) => "mail-petition-step-body",
            (Template::PetitionFiledForOfficial { .. }, "subject") => {
                "mail-petition-filed-for-official-subject"
            }
            (Template::PetitionFiledForOfficial { .. }, _) => {
                "mail-petition-filed-for-official-body"
            }
            (Template::PetitionDeadlineReminder { .. }, "subject") => {
                "mail-petition-deadline-reminder-subject"
            }
            (Template::PetitionDeadlineReminder { .. }, _) => {
                "mail-petition-deadline-reminder-body"
            }
        };
        let m = Message::new(key);
        match self {
            Template::AccountVerifyEmail {
                display_name,
                verify_url,
            } => m
                .arg("name", display_name.as_str())
                .arg("url", verify_url.as_str()),
            Template::AccountRegistrationAttempt {
                display_name,
                reset_url,
            }
            | Template::AccountPasswordReset {
                display_name,
                reset_url,
            } => m
                .arg("name", display_name.as_str())
                .arg("url", reset_url.as_str()),
            Template::AccountPasswordChanged { display_name }
            | Template::AccountPasswordChangedByOwner { display_name } => {
                m.arg("name", display_name.as_str())
            }
            Template::AccountEmailChangeConfirm {
                display_name,
                confirm_url,
            } => m
                .arg("name", display_name.as_str())
                .arg("url", confirm_url.as_str()),
            Template::AccountEmailChangeNotice {
                display_name,
                new_email,
            } => m
                .arg("name", display_name.as_str())
                .arg("email", new_email.as_str()),
            Template::OfficialDigest {
                new_count,
                new_items,
                overdue_count,
                overdue_items,
            } => m
                .arg("new_count", *new_count)
                .arg("new_items", new_items.as_str())
                .arg("overdue_count", *overdue_count)
                .arg("overdue_items", overdue_items.as_str()),
            Template::IssueNewReply {
                issue_title,
                author_name,
                excerpt,
                issue_url,
            } => m
                .arg("title", issue_title.as_str())
                .arg("author", author_name.as_str())
                .arg("excerpt", excerpt.as_str())
                .arg("url", issue_url.as_str()),
            Template::ModerationDecision {
                excerpt,
                reason,
                issue_url,
                ..
            } => m
                .arg("excerpt", excerpt.as_str())
                .arg("reason", reason.as_str())
                .arg("url", issue_url.as_str()),
            Template::IssueNewForOfficial {
                issue_title,
                commune,
                category,
                commune_names,
                category_names,
                issue_url,
            } => m
                .arg("title", issue_title.as_str())
                .arg("commune", named(commune_names.as_ref(), commune, locale))
                .arg("category", named(category_names.as_ref(), category, locale))
                .arg("url", issue_url.as_str()),
            Template::IssueStatusChanged {
                issue_title,
                status,
                note,
                expected_on,
                responsible_body,
                duplicate_of,
                issue_url,
            } => m
                .arg("title", issue_title.as_str())
                .arg(
                    "status",
                    status_words(
                        locale,
                        status,
                        expected_on.as_ref(),
                        responsible_body.as_ref(),
                        *duplicate_of,
                    ),
                )
                .arg("note", note.as_str())
                .arg("url", issue_url.as_str()),
            Template::IssueAnsweredWithStatus {
                issue_title,
                official_name,
                official_title,
                excerpt,
                status,
                note,
                expected_on,
                responsible_body,
                duplicate_of,
                issue_url,
            } => m
                .arg("title", issue_title.as_str())
                .arg("official", official_name.as_str())
                .arg("official_title", official_title.as_str())
                .arg("excerpt", excerpt.as_str())
                .arg(
                    "status",
                    status_words(
                        locale,
                        status,
                        expected_on.as_ref(),
                        responsible_body.as_ref(),
                        *duplicate_of,
                    ),
                )
                .arg("note", note.as_str())
                .arg("url", issue_url.as_str()),
            Template::IssueOfficialAnswer {
                issue_title,
                official_name,
                official_title,
                issue_url,
            } => m
                .arg("title", issue_title.as_str())
                .arg("official", official_name.as_str())
                .arg("official_title", official_title.as_str())
                .arg("url", issue_url.as_str()),
            Template::PetitionThresholdReached {
                petition_title,
                signature_count,
                petition_url,
            } => m
                .arg("title", petition_title.as_str())
                .arg("count", *signature_count)
                .arg("url", petition_url.as_str()),
            Template::PetitionStep {
                petition_title,
                status,
                note,
                petition_url,
            } => m
                .arg("title", petition_title.as_str())
                .arg(
                    "status",
                    crate::i18n::text(
                        locale,
                        &format!("petition-status-{}", status.replace('_', "-")),
                    ),
                )
                .arg("note", note.as_str())
                .arg("url", petition_url.as_str()),
            Template::PetitionFiledForOfficial {
                petition_title,
                commune,
                commune_names,
                receipt_number,
                filed_on,
                refusal_deadline,
                petition_url,
            } => m
                .arg("title", petition_title.as_str())
                .arg("commune", named(commune_names.as_ref(), commune, locale))
                .arg("receipt", receipt_number.as_str())
                .arg("filed_on", Arg::day(filed_on))
                .arg("deadline", Arg::day(refusal_deadline))
                .arg("url", petition_url.as_str()),
            Template::PetitionDeadlineReminder {
                petition_title,
                days_left,
                refusal_deadline,
                petition_url,
            } => m
                .arg("title", petition_title.as_str())
                .arg("days", *days_left)
                .arg("deadline", Arg::day(refusal_deadline))
                .arg("url", petition_url.as_str()),
        }
    }

    /// The mail in `locale`. `unsubscribe_url` is given for notifications.
    pub fn render(&self, locale: Locale, unsubscribe_url: Option<&str>) -> Rendered {
        let subject = self
            .message("subject", locale)
            .render(locale)
            .replace(['\r', '\n'], " ");
        let mut paragraphs: Vec<String> = self
            .message("body", locale)
            .render(locale)
            .split("\n\n")
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty())
            .collect();
        let footer = match (self.kind(), unsubscribe_url) {
            (Kind::Notification { .. }, Some(url)) => {
                Message::new("mail-footer-notification").arg("url", url)
            }
            _ => Message::new("mail-footer-account"),
        };
        paragraphs.push(crate::i18n::text(locale, "mail-signature"));
        let footer = footer.render(locale);
        let text = format!("{}\n\n-- \n{footer}\n", paragraphs.join("\n\n"));
        let html = html(locale, &subject, &paragraphs, &footer);
        Rendered {
            subject,
            text,
            html,
        }
    }
}

/// A rendered mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

fn html(locale: Locale, subject: &str, paragraphs: &[String], footer: &str) -> String {
    let dir = locale.direction().as_str();
    let mut body = String::new();
    for p in paragraphs {
        let trimmed = p.trim();
        if (trimmed.starts_with("https://") || trimmed.starts_with("http://"))
            && !trimmed.contains(char::is_whitespace)
        {
            body.push_str(&format!(
                "<p><a href=\"{0}\">{0}</a></p>\n",
                escape(trimmed)
            ));
        } else {
            body.push_str(&format!("<p>{}</p>\n", escape(p).replace('\n', "<br>")));
        }
    }
    format!(
        "<!doctype html>\n<html lang=\"{lang}\" dir=\"{dir}\"><head><meta charset=\"utf-8\"><title>{title}</title></head>\n\
         <body dir=\"{dir}\" style=\"font-family: sans-serif; line-height: 1.5\">\n{body}\
         <hr><p style=\"color: #555; font-size: 0.9em\">{footer}</p>\n</body></html>\n",
        lang = locale.as_str(),
        title = escape(subject),
        footer = escape(footer),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verify() -> Template {
        Template::AccountVerifyEmail {
            display_name: "Amina".into(),
            verify_url: "https://tawasol.example.ma/verify?token=abc".into(),
        }
    }

    #[test]
    fn templates_round_trip_through_the_outbox_columns() {
        let t = verify();
        let (name, payload) = t.to_parts();
        assert_eq!(name, "account_verify_email");
        assert_eq!(Template::from_parts(name, &payload).unwrap(), t);
        assert!(Template::from_parts("no_such_mail", "{}").is_err());
        assert!(Template::from_parts(name, "{\"display_name\": 3}").is_err());
    }

    #[test]
    fn every_template_renders_in_every_language_without_isolation_marks() {
        for (_, t) in crate::mail::snapshots::samples() {
            for locale in Locale::ALL {
                let r = t.render(locale, Some("https://t.ma/u?token=x"));
                for part in [&r.subject, &r.text, &r.html] {
                    assert!(
                        !part.contains(['\u{2068}', '\u{2069}']),
                        "{locale} {}",
                        t.name()
                    );
                    assert!(
                        !part.contains("mail-"),
                        "untranslated key in {locale}: {part}"
                    );
                }
                assert!(!r.subject.is_empty() && !r.subject.contains('\n'));
                assert!(
                    r.html
                        .contains(&format!("dir=\"{}\"", locale.direction().as_str()))
                );
                assert!(!r.html.contains("<éteint>"), "user text is escaped in HTML");
            }
        }
    }

    #[test]
    fn only_notifications_carry_the_unsubscribe_link() {
        let r = verify().render(Locale::Fr, Some("https://t.ma/u?token=x"));
        assert!(!r.text.contains("https://t.ma/u?token=x"));
        assert!(
            r.text
                .contains("https://tawasol.example.ma/verify?token=abc")
        );
        assert!(
            r.html
                .contains("<a href=\"https://tawasol.example.ma/verify?token=abc\">")
        );
    }
}
