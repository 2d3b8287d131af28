//! Local issues: what a resident reports, and the public life of its status.

use chrono::NaiveDate;
use serde::Serialize;
use std::fmt;

pub use crate::text::InvalidText;
use crate::text::Layout;

crate::text_type!(
    /// A title: 5 to 140 characters after trimming, one line.
    IssueTitle, 5, 140, Layout::Line
);
crate::text_type!(
    /// A description: 10 to 5,000 characters after trimming.
    IssueDescription, 10, 5000, Layout::Lines
);
crate::text_type!(
    /// Where the problem is, in words ("Rue Ibn Khaldoun, near the school"): one line, at most
    /// 300 characters.
    IssueAddress, 1, 300, Layout::Line
);
crate::text_type!(
    /// A reply in an issue's thread: 1 to 5,000 characters.
    ReplyBody, 1, 5000, Layout::Lines
);
crate::text_type!(
    /// The public note of a status change: 1 to 2,000 characters.
    StatusNote, 1, 2000, Layout::Lines
);
crate::text_type!(
    /// The body responsible instead of the commune ("ONEE", "the province"): one line.
    ResponsibleBody, 1, 200, Layout::Line
);
crate::text_type!(
    /// Why someone reports a thread to the moderators: 1 to 500 characters.
    FlagReason, 1, 500, Layout::Lines
);
crate::text_type!(
    /// A moderator's or admin's reason for a decision (hide, restore, ban): 1 to 1,000 characters.
    DecisionReason, 1, 1000, Layout::Lines
);

/// Where an issue stands. Each maps to Open311's `open` or `closed`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IssueStatus {
    Submitted,
    Acknowledged,
    InProgress,
    Planned,
    Resolved,
    NotResponsible,
    Duplicate,
    Rejected,
}

impl IssueStatus {
    pub const ALL: [IssueStatus; 8] = [
        IssueStatus::Submitted,
        IssueStatus::Acknowledged,
        IssueStatus::InProgress,
        IssueStatus::Planned,
        IssueStatus::Resolved,
        IssueStatus::NotResponsible,
        IssueStatus::Duplicate,
        IssueStatus::Rejected,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            IssueStatus::Submitted => "submitted",
            IssueStatus::Acknowledged => "acknowledged",
            IssueStatus::InProgress => "in_progress",
            IssueStatus::Planned => "planned",
            IssueStatus::Resolved => "resolved",
            IssueStatus::NotResponsible => "not_responsible",
            IssueStatus::Duplicate => "duplicate",
            IssueStatus::Rejected => "rejected",
        }
    }

    pub fn parse(value: &str) -> Option<IssueStatus> {
        IssueStatus::ALL.into_iter().find(|s| s.as_str() == value)
    }

    /// Open311's view: work may still happen.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            IssueStatus::Submitted
                | IssueStatus::Acknowledged
                | IssueStatus::InProgress
                | IssueStatus::Planned
        )
    }

    /// The statuses an official may move an issue to from this one.
    pub fn next(self) -> &'static [IssueStatus] {
        use IssueStatus::*;
        match self {
            Submitted | Acknowledged => &[
                Acknowledged,
                InProgress,
                Planned,
                Resolved,
                NotResponsible,
                Duplicate,
                Rejected,
            ],
            InProgress => &[Planned, Resolved, NotResponsible, Duplicate, Rejected],
            Planned => &[InProgress, Resolved, NotResponsible, Duplicate, Rejected],
            Resolved | NotResponsible | Duplicate | Rejected => &[],
        }
    }
}

impl fmt::Display for IssueStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who may read an issue or a reply. Everyone reads a public one; a held one only its author
/// (and the moderators, who decide); a hidden one nobody but the moderators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    Public,
    /// Held for a moderator (the text looks like personal data).
    Pending,
    /// Hidden by a moderator.
    Hidden,
}

impl Visibility {
    pub const ALL: [Visibility; 3] = [Visibility::Public, Visibility::Pending, Visibility::Hidden];

    pub fn as_str(self) -> &'static str {
        match self {
            Visibility::Public => "public",
            Visibility::Pending => "pending",
            Visibility::Hidden => "hidden",
        }
    }

    pub fn parse(value: &str) -> Option<Visibility> {
        Visibility::ALL.into_iter().find(|v| v.as_str() == value)
    }

    pub fn is_public(self) -> bool {
        self == Visibility::Public
    }

    /// Public, or held for a moderator when the text looks like personal data.
    pub fn held_if(held: bool) -> Visibility {
        if held {
            Visibility::Pending
        } else {
            Visibility::Public
        }
    }
}

/// Whether `supporter` may add their support ("me too") to an issue `author` reported: not its
/// author, whose report already counts them, nor an official whose scope covers it
/// (`answers_it`), who answers it rather than asks for it (a support is a resident saying it
/// matters to them). Withdrawing a support is always allowed.
pub fn may_support(author: i64, supporter: i64, answers_it: bool) -> bool {
    author != supporter && !answers_it
}

/// Whether someone takes part in an issue's thread (replies, supports, follows): when it is
/// public, or when it is their own (an author still held for moderation may add to it). A
/// moderator who opens a hidden issue only reads it.
pub fn takes_part(visibility: Visibility, is_author: bool) -> bool {
    visibility.is_public() || is_author
}

impl fmt::Display for Visibility {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who asks for a status change, as the issue sees them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusRole {
    /// An official whose scope covers the issue's commune, arrondissement and category.
    OfficialInScope,
    /// A moderator of the issue's commune (or of all).
    Moderator,
    /// The resident who reported it.
    Reporter,
    Other,
}

/// A requested change, with what each target status needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusChange {
    pub to: IssueStatus,
    pub note: String,
    pub expected_on: Option<NaiveDate>,
    pub responsible_body: Option<String>,
    pub duplicate_of: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    #[error("this person may not change the status")]
    NotPermitted,
    #[error("{from} cannot become {to}")]
    NotAllowed { from: IssueStatus, to: IssueStatus },
    #[error("a note is required")]
    MissingNote,
    #[error("a planned issue needs an expected date, today or later")]
    MissingExpectedDate,
    #[error("not responsible needs the body that is")]
    MissingResponsibleBody,
    #[error("a duplicate must point to another issue")]
    MissingDuplicateOf,
    #[error("a resolved issue can be reopened within 30 days only")]
    ReopenWindowClosed,
}

/// Days during which the reporter may reopen a resolved issue.
pub const REOPEN_WINDOW_DAYS: i64 = 30;

/// Decides a status change: who may, from which status to which, and what it must carry.
/// Reopening (the reporter, within 30 days of the resolution) takes a resolved issue back to
/// acknowledged.
pub fn check_transition(
    issue_id: i64,
    from: IssueStatus,
    change: &StatusChange,
    role: StatusRole,
    days_since_resolved: Option<i64>,
    today: NaiveDate,
) -> Result<(), TransitionError> {
    if StatusNote::parse(&change.note).is_err() {
        return Err(TransitionError::MissingNote);
    }
    match role {
        StatusRole::Other => return Err(TransitionError::NotPermitted),
        StatusRole::Reporter => {
            if from != IssueStatus::Resolved || change.to != IssueStatus::Acknowledged {
                return Err(TransitionError::NotPermitted);
            }
            return match days_since_resolved {
                Some(d) if d <= REOPEN_WINDOW_DAYS => Ok(()),
                _ => Err(TransitionError::ReopenWindowClosed),
            };
        }
        StatusRole::Moderator
            if !matches!(change.to, IssueStatus::Duplicate | IssueStatus::Rejected) =>
        {
            return Err(TransitionError::NotPermitted);
        }
        StatusRole::Moderator | StatusRole::OfficialInScope => {}
    }
    if !from.next().contains(&change.to) {
        return Err(TransitionError::NotAllowed {
            from,
            to: change.to,
        });
    }
    match change.to {
        IssueStatus::Planned if change.expected_on.is_none_or(|d| d < today) => {
            Err(TransitionError::MissingExpectedDate)
        }
        IssueStatus::NotResponsible
            if change
                .responsible_body
                .as_deref()
                .is_none_or(|b| ResponsibleBody::parse(b).is_err()) =>
        {
            Err(TransitionError::MissingResponsibleBody)
        }
        IssueStatus::Duplicate if change.duplicate_of.is_none_or(|d| d == issue_id) => {
            Err(TransitionError::MissingDuplicateOf)
        }
        _ => Ok(()),
    }
}

pub use crate::personal::contains_personal_data;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_public_issue_or_ones_own_takes_part() {
        assert!(takes_part(Visibility::Public, false));
        assert!(takes_part(Visibility::Pending, true));
        assert!(!takes_part(Visibility::Pending, false));
        assert!(
            !takes_part(Visibility::Hidden, false),
            "a moderator only reads it"
        );
    }

    #[test]
    fn an_author_does_not_support_their_own_report() {
        assert!(!may_support(7, 7, false));
        assert!(may_support(7, 8, false));
    }

    #[test]
    fn an_official_does_not_support_what_they_answer() {
        assert!(!may_support(7, 8, true));
        assert!(!may_support(7, 7, true));
    }

    fn change(to: IssueStatus) -> StatusChange {
        StatusChange {
            to,
            note: "Les équipes passent jeudi.".into(),
            expected_on: None,
            responsible_body: None,
            duplicate_of: None,
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    #[test]
    fn visibilities_and_statuses_read_back_what_they_write() {
        for v in Visibility::ALL {
            assert_eq!(Visibility::parse(v.as_str()), Some(v));
        }
        for s in IssueStatus::ALL {
            assert_eq!(IssueStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(Visibility::parse("Public"), None);
        assert_eq!(Visibility::held_if(true), Visibility::Pending);
        assert!(Visibility::held_if(false).is_public());
    }

    #[test]
    fn titles_and_descriptions_are_bounded() {
        assert!(IssueTitle::parse("حفرة").is_err(), "4 characters");
        assert!(IssueTitle::parse("حفرة كبيرة").is_ok());
        assert!(IssueTitle::parse(&"x".repeat(141)).is_err());
        assert!(IssueTitle::parse("two\nlines").is_err());
        assert!(IssueDescription::parse("short").is_err());
        assert!(IssueDescription::parse("Première ligne.\nDeuxième ligne.").is_ok());
        assert!(IssueDescription::parse(&"ⵜ".repeat(5001)).is_err());
        assert!(IssueDescription::parse("Une description\u{0} avec NUL").is_err());
        assert_eq!(
            IssueDescription::parse("Ligne un.\r\nLigne deux.")
                .unwrap()
                .as_str(),
            "Ligne un.\nLigne deux."
        );
        assert!(IssueAddress::parse("Rue\u{0}").is_err());
        assert!(ReplyBody::parse("\u{0}").is_err());
    }

    #[test]
    fn statuses_map_to_open311_open_and_closed() {
        let open: Vec<_> = IssueStatus::ALL
            .into_iter()
            .filter(|s| s.is_open())
            .map(IssueStatus::as_str)
            .collect();
        assert_eq!(
            open,
            ["submitted", "acknowledged", "in_progress", "planned"]
        );
        for s in IssueStatus::ALL {
            assert_eq!(IssueStatus::parse(s.as_str()), Some(s));
        }
    }

    #[test]
    fn officials_follow_the_state_machine_with_what_each_step_needs() {
        let ok = |from, c: &StatusChange| {
            check_transition(1, from, c, StatusRole::OfficialInScope, None, today())
        };
        assert_eq!(
            ok(IssueStatus::Submitted, &change(IssueStatus::Acknowledged)),
            Ok(())
        );
        assert_eq!(
            ok(IssueStatus::InProgress, &change(IssueStatus::Resolved)),
            Ok(())
        );
        assert_eq!(
            ok(IssueStatus::Resolved, &change(IssueStatus::InProgress)),
            Err(TransitionError::NotAllowed {
                from: IssueStatus::Resolved,
                to: IssueStatus::InProgress
            })
        );
        assert_eq!(
            ok(IssueStatus::Submitted, &change(IssueStatus::Planned)),
            Err(TransitionError::MissingExpectedDate)
        );
        let mut planned = change(IssueStatus::Planned);
        planned.expected_on = NaiveDate::from_ymd_opt(2026, 11, 21);
        assert_eq!(
            ok(IssueStatus::Submitted, &planned),
            Err(TransitionError::MissingExpectedDate),
            "not in the past"
        );
        planned.expected_on = NaiveDate::from_ymd_opt(2026, 12, 15);
        assert_eq!(ok(IssueStatus::Submitted, &planned), Ok(()));
        assert_eq!(
            ok(IssueStatus::Submitted, &change(IssueStatus::NotResponsible)),
            Err(TransitionError::MissingResponsibleBody)
        );
        let mut water = change(IssueStatus::NotResponsible);
        water.responsible_body = Some("Amendis (gestionnaire délégué de l'eau)".into());
        assert_eq!(ok(IssueStatus::Acknowledged, &water), Ok(()));
        let mut dup = change(IssueStatus::Duplicate);
        assert_eq!(
            ok(IssueStatus::Submitted, &dup),
            Err(TransitionError::MissingDuplicateOf)
        );
        dup.duplicate_of = Some(1);
        assert_eq!(
            ok(IssueStatus::Submitted, &dup),
            Err(TransitionError::MissingDuplicateOf),
            "not itself"
        );
        dup.duplicate_of = Some(2);
        assert_eq!(ok(IssueStatus::Submitted, &dup), Ok(()));
        let mut silent = change(IssueStatus::Rejected);
        silent.note = "  ".into();
        assert_eq!(
            ok(IssueStatus::Submitted, &silent),
            Err(TransitionError::MissingNote)
        );
    }

    #[test]
    fn moderators_only_mark_duplicates_or_reject_and_others_nothing() {
        let mut dup = change(IssueStatus::Duplicate);
        dup.duplicate_of = Some(9);
        assert_eq!(
            check_transition(
                1,
                IssueStatus::Submitted,
                &dup,
                StatusRole::Moderator,
                None,
                today()
            ),
            Ok(())
        );
        assert_eq!(
            check_transition(
                1,
                IssueStatus::Submitted,
                &change(IssueStatus::Resolved),
                StatusRole::Moderator,
                None,
                today()
            ),
            Err(TransitionError::NotPermitted)
        );
        assert_eq!(
            check_transition(
                1,
                IssueStatus::Submitted,
                &change(IssueStatus::Acknowledged),
                StatusRole::Other,
                None,
                today()
            ),
            Err(TransitionError::NotPermitted)
        );
    }

    #[test]
    fn the_reporter_may_reopen_a_resolved_issue_within_thirty_days() {
        let reopen = change(IssueStatus::Acknowledged);
        let r = |days| {
            check_transition(
                1,
                IssueStatus::Resolved,
                &reopen,
                StatusRole::Reporter,
                days,
                today(),
            )
        };
        assert_eq!(r(Some(0)), Ok(()));
        assert_eq!(r(Some(30)), Ok(()));
        assert_eq!(r(Some(31)), Err(TransitionError::ReopenWindowClosed));
        assert_eq!(
            check_transition(
                1,
                IssueStatus::Submitted,
                &change(IssueStatus::Resolved),
                StatusRole::Reporter,
                None,
                today()
            ),
            Err(TransitionError::NotPermitted)
        );
    }
}
