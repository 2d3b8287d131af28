//! Words and figures several pages show: statuses in the reader's language, times, the communes'
//! names, a commune's categories and arrondissements to choose from, its figures in a sentence.

use crate::context::AppState;
use crate::i18n::{Message, text};
use crate::usecases::{UseCaseError, communes, stats};
use tawasol_domain::{Locale, PageLimit};
use tawasol_persistence::commune::CommuneWithCategories;

pub fn status_label(locale: Locale, status: &str) -> String {
    text(locale, &format!("status-{}", status.replace('_', "-")))
}

pub fn petition_status_label(locale: Locale, status: &str) -> String {
    text(
        locale,
        &format!("petition-status-{}", status.replace('_', "-")),
    )
}

/// A time the use-cases answer in RFC 3339 (UTC) as the reader's language writes it, in
/// Morocco's time (`i18n::local_time`); as it came should it not parse.
pub fn short_time(locale: Locale, rfc: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(rfc).map_or_else(
        |_| rfc.to_owned(),
        |t| crate::i18n::local_time(locale, t.naive_utc()),
    )
}

/// What every form that collects personal data says of Law 09-08: the CNDP declaration's number,
/// or plainly that this instance has none (production refuses to start without one).
pub fn cndp_notice(locale: Locale, number: &str) -> String {
    if number.trim().is_empty() {
        text(locale, "web-cndp-notice-unset")
    } else {
        Message::new("web-cndp-notice")
            .arg("number", number)
            .render(locale)
    }
}

/// Every commune: its slug, its name in `locale`, its petition threshold.
pub async fn commune_names(
    state: &AppState,
    locale: Locale,
) -> Result<Vec<(String, String, u32)>, UseCaseError> {
    let list = communes::list(&state.db, None, PageLimit::DEFAULT).await?;
    Ok(list
        .items
        .iter()
        .map(|c| {
            (
                c.slug.as_str().to_owned(),
                c.names.get(locale).to_owned(),
                c.petition_threshold,
            )
        })
        .collect())
}

/// The name of the commune `slug` among [`commune_names`] (the slug when it is not there).
pub fn commune_name(names: &[(String, String, u32)], slug: &str) -> String {
    names
        .iter()
        .find(|(s, _, _)| s == slug)
        .map(|(_, n, _)| n.clone())
        .unwrap_or_else(|| slug.to_owned())
}

/// A commune's categories to choose from: code, name in `locale`, whether it is `chosen`.
pub fn category_options(
    locale: Locale,
    found: &CommuneWithCategories,
    chosen: &str,
) -> Vec<(String, String, bool)> {
    found
        .categories
        .iter()
        .map(|c| {
            let code = c.code.as_str();
            (
                code.to_owned(),
                c.names.get(locale).to_owned(),
                chosen == code,
            )
        })
        .collect()
}

/// A commune's arrondissements to choose from: slug, name in `locale`, whether it is `chosen`.
pub fn arrondissement_options(
    locale: Locale,
    found: &CommuneWithCategories,
    chosen: &str,
) -> Vec<(String, String, bool)> {
    found
        .commune
        .arrondissements
        .iter()
        .map(|a| {
            let slug = a.slug.as_str();
            (
                slug.to_owned(),
                a.names.get(locale).to_owned(),
                chosen == slug,
            )
        })
        .collect()
}

/// A commune's figures in plain words: how many reports, how many got an official answer and
/// how fast for half and for nine in ten of them (hours under a day, days beyond), how many were
/// answered within their deadline, how many wait past it.
pub fn figures_summary(locale: Locale, figures: &stats::Figures) -> String {
    let mut said = vec![
        Message::new("web-figures-total")
            .arg("count", figures.total)
            .render(locale),
    ];
    let first = &figures.first_answer;
    if let (Some(median), Some(p90)) = (first.median_hours, first.p90_hours)
        && first.count > 0
    {
        said.push(
            Message::new("web-figures-answered")
                .arg("count", first.count)
                .arg("median", span(locale, stats::Span::within_hours(median)))
                .arg("p90", span(locale, stats::Span::within_hours(p90)))
                .render(locale),
        );
    } else if figures.total > 0 {
        said.push(text(locale, "web-figures-none-answered"));
    }
    if figures.target.due > 0 {
        said.push(
            Message::new("web-figures-in-time")
                .arg("count", figures.target.answered_within_target)
                .arg("due", figures.target.due)
                .render(locale),
        );
    }
    let overdue = figures.overdue.len();
    if overdue > 0 {
        // The list stops at its limit: beyond it the count is "at least".
        let key = if overdue >= stats::OVERDUE_LIMIT {
            "web-figures-overdue-at-least"
        } else {
            "web-figures-overdue"
        };
        said.push(Message::new(key).arg("count", overdue).render(locale));
    }
    said.join(" ")
}

/// A duration in words: "10 hours", "4 days".
pub fn span(locale: Locale, span: stats::Span) -> String {
    match span {
        stats::Span::Hours(n) => Message::new("web-duration-hours").arg("count", n),
        stats::Span::Days(n) => Message::new("web-duration-days").arg("count", n),
    }
    .render(locale)
}

/// A share in whole percent as the reader's language writes it ("69 %" in French, "69%" in
/// Arabic); pages put it in `<bdi dir="ltr">` so that no script mirrors it.
pub fn percent(locale: Locale, value: u32) -> String {
    Message::new("web-percent")
        .arg("value", value.to_string())
        .render(locale)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(total: i64, answered: i64, overdue: usize) -> stats::Figures {
        let none = stats::DurationFigures {
            count: 0,
            median_hours: None,
            p90_hours: None,
        };
        stats::Figures {
            generated_at: String::new(),
            from: None,
            to: None,
            total,
            by_status: std::collections::BTreeMap::new(),
            open: total,
            closed: 0,
            first_answer: if answered > 0 {
                stats::DurationFigures {
                    count: answered,
                    median_hours: Some(80.3),
                    p90_hours: Some(258.1),
                }
            } else {
                none.clone()
            },
            resolution: none,
            target: stats::TargetFigures {
                due: 0,
                answered_within_target: 0,
                share: None,
            },
            overdue: (0..overdue)
                .map(|i| stats::OverdueIssue {
                    id: i64::try_from(i).unwrap_or_default(),
                    title: String::new(),
                    commune: String::new(),
                    category: String::new(),
                    status: String::new(),
                    created_at: String::new(),
                    target_days: 7,
                    days_overdue: 1,
                })
                .collect(),
            officials: Vec::new(),
        }
    }

    #[test]
    fn figures_say_plainly_when_there_is_nothing_yet_and_when_the_overdue_list_is_cut() {
        assert_eq!(
            figures_summary(Locale::Fr, &figures(0, 0, 0)),
            "Aucun signalement pour l’instant."
        );
        assert_eq!(
            figures_summary(Locale::Fr, &figures(2, 0, 0)),
            "2 signalements jusqu’ici. Aucun n’a encore reçu de réponse officielle."
        );
        // 80.3 h and 258.1 h: within 4 days and within 11 days, never "80.3 h (median)".
        let said = figures_summary(Locale::Fr, &figures(400, 120, stats::OVERDUE_LIMIT));
        assert!(
            said.contains("la moitié en 4 jours au plus, neuf sur dix en 11 jours au plus"),
            "{said}"
        );
        assert!(
            said.ends_with(
                "Au moins 100 signalements attendent encore leur réponse, leur délai passé."
            ),
            "{said}"
        );
        let ar = figures_summary(Locale::Ar, &figures(400, 120, 3));
        assert!(ar.contains("نصفها خلال 4 أيام على الأكثر"), "{ar}");
        assert!(ar.contains("خلال 11 يوما على الأكثر"), "{ar}");
        assert!(ar.ends_with("3 بلاغات تنتظر ردا بعد انقضاء آجالها."), "{ar}");
    }
}
