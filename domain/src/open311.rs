//! Open311 GeoReport v2 rules: what a request's text may hold, the title Tawasol derives from it,
//! the statuses Open311 speaks, and the date window of a search.

use crate::issue::IssueStatus;
use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeDelta};

/// The most characters an Open311 description may have (the standard's limit).
pub const MAX_DESCRIPTION: usize = 4000;

/// The widest window of a search (`start_date` to `end_date`), and the default one.
pub const MAX_WINDOW_DAYS: i64 = 90;

/// The most requests (or updates) one answer lists.
pub const MAX_RESULTS: i64 = 1000;

/// The longest title derived from a description, in characters (ellipsis included).
const TITLE_CHARS: usize = 80;

/// Whether a text holds HTML markup: a tag (`<b>`, `</p>`, `<br/>`), a comment or declaration
/// (`<!--`, `<!DOCTYPE`), a processing instruction, or a character entity (`&amp;`, `&#60;`).
/// A lone `<` or `&` in prose ("< 5 m", "A & B") is not markup.
pub fn contains_html(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        match (c, next) {
            ('<', Some(n)) if n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?') => {
                return true;
            }
            ('&', Some(_)) => {
                let rest: String = chars[i + 1..].iter().take(12).collect();
                if let Some(end) = rest.find(';') {
                    let name = &rest[..end];
                    let entity = !name.is_empty()
                        && (name.chars().all(|c| c.is_ascii_alphanumeric())
                            || (name.starts_with('#')
                                && name.len() > 1
                                && name[1..].chars().all(|c| c.is_ascii_alphanumeric())));
                    if entity {
                        return true;
                    }
                }
            }
            _ => {}
        }
    }
    false
}

/// The title of an issue reported through Open311, which has none: the description's first
/// line, spaces collapsed, cut at a word boundary to at most 80 characters with an ellipsis.
/// A first line shorter than 5 characters gives way to the whole description on one line.
pub fn title_from_description(description: &str) -> String {
    let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let first = one_line(description.trim().lines().next().unwrap_or(""));
    let source = if first.chars().count() >= 5 {
        first
    } else {
        one_line(description)
    };
    if source.chars().count() <= TITLE_CHARS {
        return source;
    }
    let cut: String = source.chars().take(TITLE_CHARS - 1).collect();
    let at_word = match cut.rfind(' ') {
        Some(space) if cut[..space].chars().count() >= TITLE_CHARS / 2 => cut[..space].to_owned(),
        _ => cut,
    };
    format!(
        "{}…",
        at_word.trim_end_matches([' ', ',', ';', ':', '.', '،', '-'])
    )
}

/// Open311's two statuses.
pub fn open_or_closed(status: IssueStatus) -> &'static str {
    if status.is_open() { "open" } else { "closed" }
}

/// The richer statuses of the `servicerequestupdates` extension.
pub fn update_status(status: IssueStatus) -> &'static str {
    match status {
        IssueStatus::Submitted => "OPEN",
        IssueStatus::Acknowledged => "INVESTIGATING",
        IssueStatus::InProgress => "IN_PROGRESS",
        IssueStatus::Planned => "ACTION_SCHEDULED",
        IssueStatus::Resolved => "FIXED",
        IssueStatus::NotResponsible => "NOT_COUNCILS_RESPONSIBILITY",
        IssueStatus::Duplicate => "DUPLICATE",
        IssueStatus::Rejected => "NO_FURTHER_ACTION",
    }
}

/// A W3C datetime as clients send it: full (`2026-11-22T10:15:00+01:00`, `…Z`) or a date alone,
/// which means the start of that day in UTC, or its end when `end_of_day`. Returns UTC.
pub fn parse_datetime(value: &str, end_of_day: bool) -> Option<NaiveDateTime> {
    let value = value.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(value) {
        return Some(t.naive_utc());
    }
    let date = NaiveDate::parse_from_str(value, "%Y-%m-%d").ok()?;
    if end_of_day {
        date.and_hms_micro_opt(23, 59, 59, 999_999)
    } else {
        date.and_hms_opt(0, 0, 0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum WindowError {
    #[error("end_date is before start_date")]
    Reversed,
    #[error("start_date and end_date are more than 90 days apart")]
    TooWide,
}

/// The window of a search: from `start` to `end` (both included). Without `end`, 90 days after
/// `start`, or now; without `start`, 90 days before the end.
pub fn window(
    start: Option<NaiveDateTime>,
    end: Option<NaiveDateTime>,
    now: NaiveDateTime,
) -> Result<(NaiveDateTime, NaiveDateTime), WindowError> {
    let span = TimeDelta::days(MAX_WINDOW_DAYS);
    let end = end.unwrap_or_else(|| start.map_or(now, |s| s + span));
    let start = start.unwrap_or(end - span);
    if end < start {
        Err(WindowError::Reversed)
    } else if end - start > span {
        Err(WindowError::TooWide)
    } else {
        Ok((start, end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_recognised_and_prose_is_not() {
        for html in [
            "<b>urgent</b>",
            "voir </p>",
            "<!-- x -->",
            "a<br/>b",
            "A &amp; B",
            "&#60;script",
            "<script>alert(1)</script>",
        ] {
            assert!(contains_html(html), "{html}");
        }
        for prose in [
            "Trou < 5 m du trottoir",
            "Eau & électricité",
            "الإنارة منعدمة",
            "3<4 et 5>2",
        ] {
            assert!(!contains_html(prose), "{prose}");
        }
    }

    #[test]
    fn a_title_is_the_first_line_cut_at_a_word() {
        assert_eq!(
            title_from_description("Lampadaire éteint\nDepuis trois nuits."),
            "Lampadaire éteint"
        );
        assert_eq!(
            title_from_description("  Nid   de poule  profond "),
            "Nid de poule profond"
        );
        assert_eq!(
            title_from_description("Hi\nle trottoir est cassé"),
            "Hi le trottoir est cassé"
        );
        let long = "Le lampadaire au coin de la rue Ibn Battouta et de l'avenue Mohammed V est éteint depuis trois nuits";
        let title = title_from_description(long);
        assert!(title.chars().count() <= 80, "{title}");
        assert!(title.ends_with('…'));
        assert!(long.starts_with(title.trim_end_matches('…')));
        assert!(!title.trim_end_matches('…').ends_with(' '));
    }

    #[test]
    fn statuses_map_to_open311s() {
        assert_eq!(open_or_closed(IssueStatus::Planned), "open");
        assert_eq!(open_or_closed(IssueStatus::Resolved), "closed");
        assert_eq!(update_status(IssueStatus::Acknowledged), "INVESTIGATING");
        assert_eq!(update_status(IssueStatus::Rejected), "NO_FURTHER_ACTION");
        assert_eq!(
            update_status(IssueStatus::NotResponsible),
            "NOT_COUNCILS_RESPONSIBILITY"
        );
    }

    #[test]
    fn datetimes_and_windows() {
        let t = |s: &str| parse_datetime(s, false).unwrap();
        assert_eq!(t("2026-11-22T11:15:00+01:00"), t("2026-11-22T10:15:00Z"));
        assert_eq!(t("2026-11-22"), t("2026-11-22T00:00:00Z"));
        assert!(parse_datetime("2026-11-22", true).unwrap() > t("2026-11-22T23:59:59Z"));
        assert_eq!(parse_datetime("yesterday", false), None);
        assert_eq!(parse_datetime("2026-11-22T10:15:00", false), None);
        let now = t("2026-11-22T10:00:00Z");
        assert_eq!(
            window(None, None, now),
            Ok((now - TimeDelta::days(90), now))
        );
        let start = t("2026-10-01T00:00:00Z");
        assert_eq!(
            window(Some(start), None, now),
            Ok((start, start + TimeDelta::days(90)))
        );
        assert_eq!(
            window(Some(now), Some(start), now),
            Err(WindowError::Reversed)
        );
        assert_eq!(
            window(Some(start - TimeDelta::days(91)), Some(start), now),
            Err(WindowError::TooWide)
        );
    }
}
