//! Local petitions to a commune council under Organic Law 113-14 (arts. 121–125) and decree
//! 2.16.403: who may file, the legal steps, and the dates the law sets. Dates here are local
//! dates in the commune's time zone (Africa/Casablanca); callers convert from UTC.

use chrono::{Datelike, Months, NaiveDate, NaiveDateTime, TimeDelta};

/// Who files: citizens (the creator is their agent, وكيل) or an association.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilerType {
    Citizens,
    Association,
}

impl FilerType {
    pub fn parse(value: &str) -> Option<FilerType> {
        match value {
            "citizens" => Some(FilerType::Citizens),
            "association" => Some(FilerType::Association),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            FilerType::Citizens => "citizens",
            FilerType::Association => "association",
        }
    }
}

/// What an association declares to petition its commune.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AssociationDeclaration {
    pub founded_on: NaiveDate,
    pub in_good_standing: bool,
    pub office_in_commune: bool,
    pub activity_linked_to_subject: bool,
}

/// Why an association may not petition (each one a condition of the law).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AssociationRefusal {
    #[error("the association must have been set up more than 3 years before filing")]
    TooRecent,
    #[error("the association must be in good standing")]
    NotInGoodStanding,
    #[error("the association must have its head office or a branch in the commune")]
    NoOfficeInCommune,
    #[error("the association's activity must be linked to the petition's subject")]
    ActivityNotLinked,
}

/// The first condition that fails, checked on `filing_on` (the day it would be filed).
pub fn check_association(
    d: &AssociationDeclaration,
    filing_on: NaiveDate,
) -> Result<(), AssociationRefusal> {
    let three_years_later = d
        .founded_on
        .checked_add_months(Months::new(36))
        .ok_or(AssociationRefusal::TooRecent)?;
    if three_years_later >= filing_on {
        return Err(AssociationRefusal::TooRecent);
    }
    if !d.in_good_standing {
        return Err(AssociationRefusal::NotInGoodStanding);
    }
    if !d.office_in_commune {
        return Err(AssociationRefusal::NoOfficeInCommune);
    }
    if !d.activity_linked_to_subject {
        return Err(AssociationRefusal::ActivityNotLinked);
    }
    Ok(())
}

/// The legal steps of a petition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PetitionStatus {
    Draft,
    /// Published; citizens sign.
    Collecting,
    /// Enough signatures (citizens), or an association's petition ready to file.
    Ready,
    /// Deposited with the council president (a receipt number and date are recorded).
    Filed,
    /// The bureau found it admissible: it goes to a committee and the next ordinary session.
    Admissible,
    /// The bureau refused it, with reasons.
    Inadmissible,
    OnAgenda,
    Decided,
    Withdrawn,
}

impl PetitionStatus {
    pub const ALL: [PetitionStatus; 9] = [
        PetitionStatus::Draft,
        PetitionStatus::Collecting,
        PetitionStatus::Ready,
        PetitionStatus::Filed,
        PetitionStatus::Admissible,
        PetitionStatus::Inadmissible,
        PetitionStatus::OnAgenda,
        PetitionStatus::Decided,
        PetitionStatus::Withdrawn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PetitionStatus::Draft => "draft",
            PetitionStatus::Collecting => "collecting",
            PetitionStatus::Ready => "ready",
            PetitionStatus::Filed => "filed",
            PetitionStatus::Admissible => "admissible",
            PetitionStatus::Inadmissible => "inadmissible",
            PetitionStatus::OnAgenda => "on_agenda",
            PetitionStatus::Decided => "decided",
            PetitionStatus::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(value: &str) -> Option<PetitionStatus> {
        PetitionStatus::ALL
            .into_iter()
            .find(|s| s.as_str() == value)
    }

    /// The procedure is over: decided, refused (inadmissible) or withdrawn; no step follows.
    pub fn is_closed(self) -> bool {
        matches!(
            self,
            PetitionStatus::Decided | PetitionStatus::Inadmissible | PetitionStatus::Withdrawn
        )
    }

    /// Deposited with the council president: filed or any step the council took after it.
    pub fn is_deposited(self) -> bool {
        matches!(
            self,
            PetitionStatus::Filed
                | PetitionStatus::Admissible
                | PetitionStatus::Inadmissible
                | PetitionStatus::OnAgenda
                | PetitionStatus::Decided
        )
    }
}

/// Who asks for the deposit dossier (the signatories' CINs and addresses in clear).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DossierReader {
    /// The agent, who deposits it.
    Agent,
    /// An official of the petition's commune whose scope is the whole commune (no arrondissement,
    /// no category): the council's services that receive and examine it.
    CommuneWideOfficial,
    /// Anyone else, officials narrowed to an arrondissement or to some categories included.
    Other,
}

/// Whether the dossier may be read at this step: by the agent from `ready` on (they print and
/// deposit it), by the commune's services once it is deposited (`filed` on); never while
/// signatures are still collected, and not once the agent withdrew the petition (it will never
/// be deposited).
pub fn may_read_dossier(status: PetitionStatus, reader: DossierReader) -> bool {
    match reader {
        DossierReader::Agent => status == PetitionStatus::Ready || status.is_deposited(),
        DossierReader::CommuneWideOfficial => status.is_deposited(),
        DossierReader::Other => false,
    }
}

/// New signatures plus withdrawals one account may make in a day. Each is a step another person
/// could use to test a national ID number; five are plenty for anyone signing for themselves.
pub const SIGNING_STEPS_PER_DAY: i32 = 5;

/// For each signature of a petition (its CIN's keyed hash, in order; `None` once erased), whether
/// another signature of the same petition carries the same hash: a suspected duplicate, flagged
/// on the dossier for the agent and the commune to check.
pub fn suspected_duplicates(hashes: &[Option<&str>]) -> Vec<bool> {
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for h in hashes.iter().flatten() {
        *seen.entry(h).or_default() += 1;
    }
    hashes
        .iter()
        .map(|h| h.is_some_and(|h| seen.get(h).copied().unwrap_or(0) > 1))
        .collect()
}

/// The latest closing time (decided, refused or withdrawn) whose signatories' CINs, addresses
/// and full names are due for erasure at `now`, after `retention_days`.
pub fn retention_cutoff(now: NaiveDateTime, retention_days: u32) -> NaiveDateTime {
    now - TimeDelta::days(i64::from(retention_days))
}

/// Who asks for a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PetitionRole {
    /// The agent (citizens) or the association's representative.
    Agent,
    /// An official of the petition's commune (records the council's steps).
    OfficialOfCommune,
    /// The platform itself (the threshold was reached).
    Platform,
    Other,
}

/// What a step carries.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StepDetails {
    pub receipt_number: Option<String>,
    pub filed_on: Option<NaiveDate>,
    pub reason: Option<String>,
    pub session_date: Option<NaiveDate>,
    pub committee: Option<String>,
    /// `adopted` or `rejected`.
    pub outcome: Option<String>,
    pub summary: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum StepError {
    #[error("this person may not take this step")]
    NotPermitted,
    #[error("{from:?} cannot become {to:?}")]
    NotAllowed {
        from: PetitionStatus,
        to: PetitionStatus,
    },
    #[error("filing needs the receipt number and the date of deposit (not in the future)")]
    MissingReceipt,
    #[error("an inadmissibility decision must give its reasons")]
    MissingReason,
    #[error("the agenda step needs the session date and the committee")]
    MissingSession,
    #[error("a decision is adopted or rejected, with a summary")]
    MissingOutcome,
}

fn filled(v: Option<&String>) -> bool {
    v.is_some_and(|s| !s.trim().is_empty())
}

/// Decides one step of the lifecycle: draft → collecting (citizens) or ready (associations) →
/// filed → admissible or inadmissible → on agenda → decided; withdrawn by the agent before filing.
pub fn check_step(
    filer: FilerType,
    from: PetitionStatus,
    to: PetitionStatus,
    role: PetitionRole,
    d: &StepDetails,
    today: NaiveDate,
) -> Result<(), StepError> {
    use PetitionRole::{Agent, OfficialOfCommune, Platform};
    use PetitionStatus::*;
    let who = match (from, to) {
        (Draft, Collecting) if filer == FilerType::Citizens => Agent,
        (Draft, Ready) if filer == FilerType::Association => Agent,
        (Collecting, Ready) if filer == FilerType::Citizens => Platform,
        (Draft | Collecting | Ready, Withdrawn) => Agent,
        // The agent says it is deposited, or an official records it: either may.
        (Ready, Filed) if role == OfficialOfCommune => OfficialOfCommune,
        (Ready, Filed) => Agent,
        (Filed, Admissible | Inadmissible) | (Admissible, OnAgenda) | (OnAgenda, Decided) => {
            OfficialOfCommune
        }
        _ => return Err(StepError::NotAllowed { from, to }),
    };
    if role != who {
        return Err(StepError::NotPermitted);
    }
    match to {
        Filed if !filled(d.receipt_number.as_ref()) || d.filed_on.is_none_or(|f| f > today) => {
            Err(StepError::MissingReceipt)
        }
        Inadmissible if !filled(d.reason.as_ref()) => Err(StepError::MissingReason),
        OnAgenda if d.session_date.is_none() || !filled(d.committee.as_ref()) => {
            Err(StepError::MissingSession)
        }
        Decided
            if !matches!(d.outcome.as_deref(), Some("adopted" | "rejected"))
                || !filled(d.summary.as_ref()) =>
        {
            Err(StepError::MissingOutcome)
        }
        _ => Ok(()),
    }
}

/// Months of the ordinary sessions of a commune council (February, May, October; to be
/// confirmed against the law, hence a parameter, not a hidden constant).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionMonths(pub Vec<u32>);

impl Default for SessionMonths {
    fn default() -> Self {
        SessionMonths(vec![2, 5, 10])
    }
}

impl SessionMonths {
    /// The first day of the next ordinary session month strictly after the month of `decided_on`.
    pub fn next_after(&self, decided_on: NaiveDate) -> NaiveDate {
        let mut months = self.0.clone();
        months.sort_unstable();
        let (year, month) = (decided_on.year(), decided_on.month());
        let (y, m) = match months.iter().find(|m| **m > month) {
            Some(m) => (year, *m),
            None => (year + 1, months.first().copied().unwrap_or(2)),
        };
        NaiveDate::from_ymd_opt(y, m, 1).expect("a valid first day of a month")
    }
}

/// The day by which the commune must notify a refusal: three months after filing.
pub fn refusal_deadline(filed_on: NaiveDate) -> NaiveDate {
    filed_on
        .checked_add_months(Months::new(3))
        .unwrap_or(NaiveDate::MAX)
}

/// Days left before the deadline (negative once overdue).
pub fn days_left(filed_on: NaiveDate, today: NaiveDate) -> i64 {
    (refusal_deadline(filed_on) - today).num_days()
}

/// Reminders mailed to the commune's officials before the deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reminder {
    ThirtyDays,
    SevenDays,
}

/// The latest reminder whose day has come (30, then 7 days before the deadline), until the
/// deadline passes. Asked every day, it names each reminder from its day on, so one missed day
/// (a server down) delays a reminder instead of losing it; the sender sends each one once.
pub fn reminder_due(filed_on: NaiveDate, today: NaiveDate) -> Option<Reminder> {
    match days_left(filed_on, today) {
        8..=30 => Some(Reminder::ThirtyDays),
        0..=7 => Some(Reminder::SevenDays),
        _ => None,
    }
}

pub use crate::text::InvalidText;
use crate::text::Layout;
use crate::text_type;

text_type!(
    /// A petition's title: 5 to 200 characters, one line.
    PetitionTitle, 5, 200, Layout::Line
);
text_type!(
    /// The item the council is asked to put on its agenda: 10 to 2,000 characters.
    PetitionRequest, 10, 2000, Layout::Lines
);
text_type!(
    /// Reasons and objectives: 10 to 10,000 characters.
    PetitionReasons, 10, 10_000, Layout::Lines
);
text_type!(
    /// A signatory's full name as on their ID card: 3 to 120 characters, one line.
    SignerName, 3, 120, Layout::Name
);
text_type!(
    /// A signatory's address: 5 to 300 characters, one line.
    SignerAddress, 5, 300, Layout::Line
);
text_type!(
    /// An official's free text on a step (receipt number, committee, reasons, summary).
    StepText, 1, 5000, Layout::Lines
);

/// A Moroccan national ID card (CIN) number: one or two letters then 1 to 8 digits, kept in
/// upper case without spaces (`ab 123456` is `AB123456`).
#[derive(Clone, PartialEq, Eq)]
pub struct Cin(String);

impl std::fmt::Debug for Cin {
    /// Never printed in logs.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Cin(..)")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not a national ID card number (one or two letters, then digits)")]
pub struct InvalidCin;

impl Cin {
    pub fn parse(value: &str) -> Result<Cin, InvalidCin> {
        let v: String = value
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '\u{a0}'))
            .collect::<String>()
            .to_ascii_uppercase();
        let letters = v.chars().take_while(char::is_ascii_uppercase).count();
        let digits = &v[letters..];
        if (1..=2).contains(&letters)
            && (1..=8).contains(&digits.len())
            && digits.chars().all(|c| c.is_ascii_digit())
        {
            Ok(Cin(v))
        } else {
            Err(InvalidCin)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What a signatory declares about themselves (decree 2.16.403): each must be true to sign.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Eligibility {
    pub lives_or_works_in_commune: bool,
    pub on_electoral_roll: bool,
    pub direct_interest: bool,
}

/// The first condition a signatory does not declare, by its field name.
pub fn check_eligibility(e: &Eligibility) -> Result<(), &'static str> {
    if !e.lives_or_works_in_commune {
        Err("lives_or_works_in_commune")
    } else if !e.on_electoral_roll {
        Err("on_electoral_roll")
    } else if !e.direct_interest {
        Err("direct_interest")
    } else {
        Ok(())
    }
}

/// Whether a filed petition is past the day by which a refusal had to be notified.
pub fn overdue(status: PetitionStatus, filed_on: Option<NaiveDate>, today: NaiveDate) -> bool {
    status == PetitionStatus::Filed && filed_on.is_some_and(|f| days_left(f, today) < 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn association(founded_on: NaiveDate) -> AssociationDeclaration {
        AssociationDeclaration {
            founded_on,
            in_good_standing: true,
            office_in_commune: true,
            activity_linked_to_subject: true,
        }
    }

    #[test]
    fn an_association_needs_more_than_three_years_and_every_condition() {
        let today = d(2026, 11, 22);
        assert_eq!(
            check_association(&association(d(2024, 11, 22)), today),
            Err(AssociationRefusal::TooRecent),
            "2 years"
        );
        assert_eq!(
            check_association(&association(d(2023, 11, 22)), today),
            Err(AssociationRefusal::TooRecent),
            "exactly 3 years"
        );
        assert_eq!(
            check_association(&association(d(2023, 11, 21)), today),
            Ok(())
        );
        let mut a = association(d(2010, 1, 1));
        a.in_good_standing = false;
        assert_eq!(
            check_association(&a, today),
            Err(AssociationRefusal::NotInGoodStanding)
        );
        a = association(d(2010, 1, 1));
        a.office_in_commune = false;
        assert_eq!(
            check_association(&a, today),
            Err(AssociationRefusal::NoOfficeInCommune)
        );
        a = association(d(2010, 1, 1));
        a.activity_linked_to_subject = false;
        assert_eq!(
            check_association(&a, today),
            Err(AssociationRefusal::ActivityNotLinked)
        );
    }

    #[test]
    fn the_lifecycle_follows_the_law_and_each_step_its_actor() {
        use PetitionRole::*;
        use PetitionStatus::*;
        let today = d(2026, 11, 22);
        let none = StepDetails::default();
        let step = |filer, from, to, role, det: &StepDetails| {
            check_step(filer, from, to, role, det, today)
        };
        assert_eq!(
            step(FilerType::Citizens, Draft, Collecting, Agent, &none),
            Ok(())
        );
        assert!(
            step(FilerType::Association, Draft, Collecting, Agent, &none).is_err(),
            "associations do not collect"
        );
        assert_eq!(
            step(FilerType::Association, Draft, Ready, Agent, &none),
            Ok(())
        );
        assert_eq!(
            step(FilerType::Citizens, Collecting, Ready, Platform, &none),
            Ok(())
        );
        assert_eq!(
            step(FilerType::Citizens, Collecting, Ready, Agent, &none),
            Err(StepError::NotPermitted),
            "the threshold decides"
        );
        assert_eq!(
            step(FilerType::Citizens, Collecting, Withdrawn, Agent, &none),
            Ok(())
        );
        assert_eq!(
            step(FilerType::Citizens, Filed, Withdrawn, Agent, &none),
            Err(StepError::NotAllowed {
                from: Filed,
                to: Withdrawn
            }),
            "no withdrawal after filing"
        );
        assert_eq!(
            step(FilerType::Citizens, Ready, Filed, Agent, &none),
            Err(StepError::MissingReceipt)
        );
        let receipt = StepDetails {
            receipt_number: Some("2026/145".into()),
            filed_on: Some(today),
            ..none.clone()
        };
        assert_eq!(
            step(
                FilerType::Citizens,
                Ready,
                Filed,
                OfficialOfCommune,
                &receipt
            ),
            Ok(())
        );
        let future = StepDetails {
            filed_on: Some(d(2026, 12, 1)),
            ..receipt
        };
        assert_eq!(
            step(FilerType::Citizens, Ready, Filed, Agent, &future),
            Err(StepError::MissingReceipt)
        );
        assert_eq!(
            step(FilerType::Citizens, Filed, Admissible, Agent, &none),
            Err(StepError::NotPermitted)
        );
        assert_eq!(
            step(
                FilerType::Citizens,
                Filed,
                Admissible,
                OfficialOfCommune,
                &none
            ),
            Ok(())
        );
        assert_eq!(
            step(
                FilerType::Citizens,
                Filed,
                Inadmissible,
                OfficialOfCommune,
                &none
            ),
            Err(StepError::MissingReason)
        );
        let session = StepDetails {
            session_date: Some(d(2027, 2, 3)),
            committee: Some("Commission de l'urbanisme".into()),
            ..none.clone()
        };
        assert_eq!(
            step(
                FilerType::Citizens,
                Admissible,
                OnAgenda,
                OfficialOfCommune,
                &session
            ),
            Ok(())
        );
        assert_eq!(
            step(
                FilerType::Citizens,
                Admissible,
                OnAgenda,
                OfficialOfCommune,
                &none
            ),
            Err(StepError::MissingSession)
        );
        let decided = StepDetails {
            outcome: Some("adopted".into()),
            summary: Some("Adoptée à l'unanimité".into()),
            ..none.clone()
        };
        assert_eq!(
            step(
                FilerType::Citizens,
                OnAgenda,
                Decided,
                OfficialOfCommune,
                &decided
            ),
            Ok(())
        );
        let vague = StepDetails {
            outcome: Some("maybe".into()),
            ..decided
        };
        assert_eq!(
            step(
                FilerType::Citizens,
                OnAgenda,
                Decided,
                OfficialOfCommune,
                &vague
            ),
            Err(StepError::MissingOutcome)
        );
        assert_eq!(
            step(
                FilerType::Citizens,
                Decided,
                OnAgenda,
                OfficialOfCommune,
                &session
            ),
            Err(StepError::NotAllowed {
                from: Decided,
                to: OnAgenda
            })
        );
        assert_eq!(
            step(FilerType::Citizens, Draft, Collecting, Other, &none),
            Err(StepError::NotPermitted)
        );
    }

    #[test]
    fn the_refusal_deadline_is_three_months_after_filing_even_across_a_year_end() {
        assert_eq!(refusal_deadline(d(2026, 11, 15)), d(2027, 2, 15));
        assert_eq!(
            refusal_deadline(d(2026, 11, 30)),
            d(2027, 2, 28),
            "no 30 February"
        );
        assert_eq!(
            refusal_deadline(d(2027, 11, 30)),
            d(2028, 2, 29),
            "leap year"
        );
        assert_eq!(days_left(d(2026, 11, 15), d(2026, 11, 22)), 85);
        assert_eq!(days_left(d(2026, 11, 15), d(2027, 2, 16)), -1, "overdue");
        assert_eq!(
            reminder_due(d(2026, 11, 15), d(2027, 1, 16)),
            Some(Reminder::ThirtyDays)
        );
        assert_eq!(
            reminder_due(d(2026, 11, 15), d(2027, 2, 8)),
            Some(Reminder::SevenDays)
        );
        assert_eq!(
            reminder_due(d(2026, 11, 15), d(2027, 2, 9)),
            Some(Reminder::SevenDays),
            "a day missed is caught up, not lost"
        );
        assert_eq!(
            reminder_due(d(2026, 11, 15), d(2027, 1, 20)),
            Some(Reminder::ThirtyDays)
        );
        assert_eq!(
            reminder_due(d(2026, 11, 15), d(2027, 1, 15)),
            None,
            "31 days"
        );
        assert_eq!(
            reminder_due(d(2026, 11, 15), d(2027, 2, 15)),
            Some(Reminder::SevenDays),
            "the last day"
        );
        assert_eq!(
            reminder_due(d(2026, 11, 15), d(2027, 2, 16)),
            None,
            "overdue"
        );
        assert!(overdue(
            PetitionStatus::Filed,
            Some(d(2026, 11, 15)),
            d(2027, 2, 16)
        ));
        assert!(!overdue(
            PetitionStatus::Filed,
            Some(d(2026, 11, 15)),
            d(2027, 2, 15)
        ));
        assert!(!overdue(
            PetitionStatus::Inadmissible,
            Some(d(2026, 11, 15)),
            d(2027, 3, 1)
        ));
    }

    #[test]
    fn a_cin_is_one_or_two_letters_then_digits() {
        assert_eq!(Cin::parse("ab 123456").unwrap().as_str(), "AB123456");
        assert_eq!(Cin::parse("J-12345").unwrap().as_str(), "J12345");
        for bad in [
            "",
            "123456",
            "ABC123",
            "AB",
            "AB12345678901",
            "AB12x4",
            "أب123",
        ] {
            assert_eq!(Cin::parse(bad), Err(InvalidCin), "{bad}");
        }
        assert_eq!(format!("{:?}", Cin::parse("AB123456").unwrap()), "Cin(..)");
    }

    #[test]
    fn a_signatory_declares_every_condition() {
        let all = Eligibility {
            lives_or_works_in_commune: true,
            on_electoral_roll: true,
            direct_interest: true,
        };
        assert_eq!(check_eligibility(&all), Ok(()));
        assert_eq!(
            check_eligibility(&Eligibility {
                on_electoral_roll: false,
                ..all
            }),
            Err("on_electoral_roll")
        );
    }

    #[test]
    fn the_dossier_opens_to_the_agent_when_ready_and_to_the_commune_once_deposited() {
        use DossierReader::*;
        use PetitionStatus::*;
        let open_to = |reader| {
            PetitionStatus::ALL
                .into_iter()
                .filter(|s| may_read_dossier(*s, reader))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            open_to(Agent),
            [Ready, Filed, Admissible, Inadmissible, OnAgenda, Decided]
        );
        assert_eq!(
            open_to(CommuneWideOfficial),
            [Filed, Admissible, Inadmissible, OnAgenda, Decided]
        );
        assert!(open_to(Other).is_empty());
        assert!(Decided.is_closed() && Inadmissible.is_closed() && Withdrawn.is_closed());
        assert!(!Filed.is_closed() && !Collecting.is_closed() && !Admissible.is_closed());
    }

    #[test]
    fn both_signatures_sharing_a_cin_are_suspected_and_erased_ones_never() {
        assert_eq!(
            suspected_duplicates(&[Some("a"), Some("b"), Some("a"), None, None, Some("c")]),
            [true, false, true, false, false, false]
        );
        assert!(suspected_duplicates(&[]).is_empty());
    }

    #[test]
    fn retention_counts_whole_days_back_from_now() {
        let now = d(2027, 3, 1).and_hms_opt(3, 0, 0).unwrap();
        assert_eq!(
            retention_cutoff(now, 90),
            d(2026, 12, 1).and_hms_opt(3, 0, 0).unwrap()
        );
    }

    #[test]
    fn the_next_ordinary_session_is_february_may_or_october() {
        let s = SessionMonths::default();
        assert_eq!(s.next_after(d(2026, 1, 10)), d(2026, 2, 1));
        assert_eq!(
            s.next_after(d(2026, 2, 10)),
            d(2026, 5, 1),
            "not the session already under way"
        );
        assert_eq!(s.next_after(d(2026, 6, 30)), d(2026, 10, 1));
        assert_eq!(
            s.next_after(d(2026, 11, 22)),
            d(2027, 2, 1),
            "across the year end"
        );
        assert_eq!(s.next_after(d(2026, 12, 31)), d(2027, 2, 1));
        assert_eq!(
            SessionMonths(vec![10, 3]).next_after(d(2026, 4, 1)),
            d(2026, 10, 1)
        );
    }
}
