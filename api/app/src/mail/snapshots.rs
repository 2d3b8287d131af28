//! Every message, rendered in each language, kept as a snapshot (insta) under
//! `src/mail/snapshots/`: a change of wording in the Fluent files, or of the way a mail is put
//! together, is a diff to review (`cargo insta review`, or accept with `INSTA_UPDATE=always`),
//! never a silent change.

use super::template::{Names, Template};
use tawasol_domain::Locale;

/// One realistic sample of every message (two for a moderator's decision: hidden, restored),
/// each with the name its snapshots carry.
pub(crate) fn samples() -> Vec<(&'static str, Template)> {
    let issue_url = "https://tawasol.example.ma/issues/42".to_owned();
    let petition_url = "https://tawasol.example.ma/petitions/7".to_owned();
    let moderated = |hidden| Template::ModerationDecision {
        excerpt: "Toujours éteint, et les enfants passent ici le soir.".into(),
        hidden,
        reason: "Propos injurieux envers un agent.".into(),
        issue_url: issue_url.clone(),
    };
    let samples = vec![
        (
            "account_verify_email",
            Template::AccountVerifyEmail {
                display_name: "أمينة".into(),
                verify_url: "https://tawasol.example.ma/verify-email?token=TOKEN".into(),
            },
        ),
        (
            "account_registration_attempt",
            Template::AccountRegistrationAttempt {
                display_name: "Karim".into(),
                reset_url: "https://tawasol.example.ma/reset-password?token=TOKEN".into(),
            },
        ),
        (
            "account_password_reset",
            Template::AccountPasswordReset {
                display_name: "ⵉⴷⵉⵔ".into(),
                reset_url: "https://tawasol.example.ma/reset-password?token=TOKEN".into(),
            },
        ),
        (
            "account_password_changed",
            Template::AccountPasswordChanged {
                display_name: "Karim".into(),
            },
        ),
        (
            "account_password_changed_by_owner",
            Template::AccountPasswordChangedByOwner {
                display_name: "Nadia".into(),
            },
        ),
        (
            "account_email_change_confirm",
            Template::AccountEmailChangeConfirm {
                display_name: "Nadia".into(),
                confirm_url: "https://tawasol.example.ma/confirm-email?token=TOKEN&lang=fr".into(),
            },
        ),
        (
            "account_email_change_notice",
            Template::AccountEmailChangeNotice {
                display_name: "Nadia".into(),
                new_email: "nadia.new@example.ma".into(),
            },
        ),
        (
            "official_digest",
            Template::OfficialDigest {
                new_count: 2,
                new_items: "- مصباح الشارع معطل\n- Nid-de-poule rue Ibn Khaldoun".into(),
                overdue_count: 1,
                overdue_items: "- Dépôt sauvage près du marché (9 jours)".into(),
            },
        ),
        (
            "issue_new_reply",
            Template::IssueNewReply {
                issue_title: "مصباح الشارع معطل".into(),
                author_name: "Youssef".into(),
                excerpt: "Toujours éteint ce soir.".into(),
                issue_url: issue_url.clone(),
            },
        ),
        ("moderation_decision-hidden", moderated(true)),
        ("moderation_decision-restored", moderated(false)),
        (
            "issue_new_for_official",
            Template::IssueNewForOfficial {
                issue_title: "Lampadaire <éteint>".into(),
                commune: "tangier".into(),
                category: "public_lighting".into(),
                commune_names: Some(Names {
                    ar: "طنجة".into(),
                    fr: "Tanger".into(),
                    zgh: "ⵟⴰⵏⵊⴰ".into(),
                }),
                category_names: Some(Names {
                    ar: "الإنارة العمومية".into(),
                    fr: "Éclairage public".into(),
                    zgh: "ⵜⴰⴼⴰⵡⵜ ⵜⴰⴳⴷⵓⴷⴰⵏⵜ".into(),
                }),
                issue_url: issue_url.clone(),
            },
        ),
        (
            "issue_status_changed",
            Template::IssueStatusChanged {
                issue_title: "مصباح الشارع معطل".into(),
                status: "in_progress".into(),
                note: "Une équipe passe jeudi.".into(),
                expected_on: None,
                responsible_body: None,
                duplicate_of: None,
                issue_url: issue_url.clone(),
            },
        ),
        (
            "issue_status_changed-planned",
            Template::IssueStatusChanged {
                issue_title: "مصباح الشارع معطل".into(),
                status: "planned".into(),
                note: "Le remplacement est commandé.".into(),
                expected_on: Some("2026-12-15".into()),
                responsible_body: None,
                duplicate_of: None,
                issue_url: issue_url.clone(),
            },
        ),
        (
            "issue_answered_with_status",
            Template::IssueAnsweredWithStatus {
                issue_title: "مصباح الشارع معطل".into(),
                official_name: "Karim Benali".into(),
                official_title: "Vice-président chargé de l'éclairage".into(),
                excerpt: "Le lampadaire sera remplacé par le service de l'éclairage.".into(),
                status: "planned".into(),
                note: String::new(),
                expected_on: Some("2026-12-15".into()),
                responsible_body: None,
                duplicate_of: None,
                issue_url: issue_url.clone(),
            },
        ),
        (
            "issue_official_answer",
            Template::IssueOfficialAnswer {
                issue_title: "مصباح الشارع معطل".into(),
                official_name: "Karim Benali".into(),
                official_title: "Vice-président chargé de l'éclairage".into(),
                issue_url,
            },
        ),
        (
            "petition_threshold_reached",
            Template::PetitionThresholdReached {
                petition_title: "حديقة عمومية في حي حبونة".into(),
                signature_count: 200,
                petition_url: petition_url.clone(),
            },
        ),
        (
            "petition_step",
            Template::PetitionStep {
                petition_title: "حديقة عمومية في حي حبونة".into(),
                status: "on_agenda".into(),
                note: "Session ordinaire de février.".into(),
                petition_url: petition_url.clone(),
            },
        ),
        (
            "petition_filed_for_official",
            Template::PetitionFiledForOfficial {
                petition_title: "Un jardin public au quartier Habbouna".into(),
                commune: "sefrou".into(),
                commune_names: Some(Names {
                    ar: "صفرو".into(),
                    fr: "Sefrou".into(),
                    zgh: "ⵚⴼⵕⵓ".into(),
                }),
                receipt_number: "123/2026".into(),
                filed_on: "2026-11-23".into(),
                refusal_deadline: "2027-02-23".into(),
                petition_url: petition_url.clone(),
            },
        ),
        (
            "petition_deadline_reminder",
            Template::PetitionDeadlineReminder {
                petition_title: "Un jardin public au quartier Habbouna".into(),
                days_left: 7,
                refusal_deadline: "2027-02-23".into(),
                petition_url,
            },
        ),
    ];
    for (_, t) in &samples {
        sampled(t);
    }
    samples
}

/// Every kind of message has a sample above: a new one fails to compile here until it has.
fn sampled(t: &Template) {
    match t {
        Template::AccountVerifyEmail { .. }
        | Template::AccountRegistrationAttempt { .. }
        | Template::AccountPasswordReset { .. }
        | Template::AccountPasswordChanged { .. }
        | Template::AccountPasswordChangedByOwner { .. }
        | Template::AccountEmailChangeConfirm { .. }
        | Template::AccountEmailChangeNotice { .. }
        | Template::OfficialDigest { .. }
        | Template::IssueNewReply { .. }
        | Template::ModerationDecision { .. }
        | Template::IssueNewForOfficial { .. }
        | Template::IssueStatusChanged { .. }
        | Template::IssueAnsweredWithStatus { .. }
        | Template::IssueOfficialAnswer { .. }
        | Template::PetitionThresholdReached { .. }
        | Template::PetitionStep { .. }
        | Template::PetitionFiledForOfficial { .. }
        | Template::PetitionDeadlineReminder { .. } => {}
    }
}

#[test]
fn every_message_in_every_language_reads_as_reviewed() {
    for (name, template) in samples() {
        for locale in Locale::ALL {
            let r = template.render(
                locale,
                Some("https://tawasol.example.ma/api/v1/unsubscribe?token=TOKEN"),
            );
            insta::assert_snapshot!(
                format!("{name}-{}", locale.as_str()),
                format!(
                    "Subject: {}\n\n{}\n\n---- HTML ----\n{}",
                    r.subject, r.text, r.html
                )
            );
        }
    }
}
