//! Every user-facing string, from one set of Fluent files (`api/locales/{ar,fr,zgh}/*.ftl`)
//! compiled into the binary.
//!
//! This loader leaves out Fluent's bidi isolation marks: its output goes into JSON, headers,
//! plain text and mail subjects, where the marks would be stray characters. HTML pages isolate
//! user text themselves (`dir="auto"`, `<bdi>`).

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;
use tawasol_domain::Locale;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "../locales",
        fallback_language: "ar",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static LANGS: LazyLock<[LanguageIdentifier; 3]> = LazyLock::new(|| {
    Locale::ALL.map(|l| {
        l.as_str()
            .parse()
            .expect("ar, fr and zgh are valid language identifiers")
    })
});

fn lang(locale: Locale) -> &'static LanguageIdentifier {
    let i = Locale::ALL.iter().position(|l| *l == locale).unwrap_or(0);
    &LANGS[i]
}

/// A value given to a message.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    Number(i64),
    /// A day, written as the reader's language writes it (`23 février 2027`).
    Date(chrono::NaiveDate),
    /// A stored time (UTC), written in Morocco's time as the reader's language writes it.
    Time(chrono::NaiveDateTime),
}

impl From<chrono::NaiveDate> for Arg {
    fn from(d: chrono::NaiveDate) -> Self {
        Arg::Date(d)
    }
}

impl Arg {
    /// A time given in RFC 3339 (as the use-cases answer it), or the text as it is should it
    /// not be one.
    pub fn time(value: &str) -> Arg {
        chrono::DateTime::parse_from_rfc3339(value).map_or_else(
            |_| Arg::Text(value.to_owned()),
            |t| Arg::Time(t.naive_utc()),
        )
    }

    /// A day given as `YYYY-MM-DD` (as stored and as the APIs write it), or the text as it is
    /// should it not be one.
    pub fn day(value: &str) -> Arg {
        chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d")
            .map_or_else(|_| Arg::Text(value.to_owned()), Arg::Date)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_owned())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

/// A message to be rendered later, in the language of whoever reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub key: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Message {
    pub fn new(key: &'static str) -> Message {
        Message {
            key,
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.args.push((name, value.into()));
        self
    }

    pub fn render(&self, locale: Locale) -> String {
        if self.args.is_empty() {
            return text(locale, self.key);
        }
        let args: HashMap<Cow<'static, str>, FluentValue<'_>> = self
            .args
            .iter()
            .map(|(name, value)| {
                let v = match value {
                    Arg::Text(s) => FluentValue::from(s.as_str()),
                    Arg::Number(n) => FluentValue::from(*n),
                    Arg::Date(d) => FluentValue::from(local_date(locale, *d)),
                    Arg::Time(t) => FluentValue::from(local_time(locale, *t)),
                };
                (Cow::Borrowed(*name), v)
            })
            .collect();
        LOCALES.lookup_with_args(lang(locale), self.key, &args)
    }
}

/// Morocco's time zone, in which pages and mails write every time (APIs keep UTC): every
/// commune's, with its daylight-saving rules.
pub const LOCAL_TIME_ZONE: chrono_tz::Tz = chrono_tz::Africa::Casablanca;

/// A stored time (UTC) as a reader of `locale` writes it, in Morocco's time: the day, the
/// month's name from the Fluent files (`month-1` … `month-12`), the year and the hour, in Western
/// digits as Morocco writes them (`2 décembre 2026 à 09:54`, `2 دجنبر 2026 على الساعة 09:54`).
pub fn local_time(locale: Locale, t: chrono::NaiveDateTime) -> String {
    use chrono::{Datelike, Timelike};
    let local = t.and_utc().with_timezone(&LOCAL_TIME_ZONE);
    Message::new("date-time")
        .arg("day", local.day().to_string())
        .arg("month", text(locale, &format!("month-{}", local.month())))
        .arg("year", local.year().to_string())
        .arg("time", format!("{:02}:{:02}", local.hour(), local.minute()))
        .render(locale)
}

/// A day as a reader of `locale` writes it: the day, the month's name, the year.
pub fn local_date(locale: Locale, d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    Message::new("date")
        .arg("day", d.day().to_string())
        .arg("month", text(locale, &format!("month-{}", d.month())))
        .arg("year", d.year().to_string())
        .render(locale)
}

/// A status as a reader of `locale` says it, with what it carries: the day a planned issue is
/// expected ("planned for 15 December 2026"), the body responsible instead of the commune, the
/// issue it duplicates; the bare status when it carries nothing.
pub fn status_words(
    locale: Locale,
    status: &str,
    expected_on: Option<chrono::NaiveDate>,
    responsible_body: Option<&str>,
    duplicate_of: Option<i64>,
) -> String {
    let responsible_body = responsible_body.map(str::trim).filter(|b| !b.is_empty());
    match (status, expected_on, responsible_body, duplicate_of) {
        ("planned", Some(day), _, _) => Message::new("status-planned-for")
            .arg("date", Arg::Date(day))
            .render(locale),
        ("not_responsible", _, Some(body), _) => Message::new("status-not-responsible-to")
            .arg("body", body)
            .render(locale),
        ("duplicate", _, _, Some(original)) => Message::new("status-duplicate-of")
            .arg("id", original.to_string())
            .render(locale),
        _ => text(locale, &format!("status-{}", status.replace('_', "-"))),
    }
}

/// The message `key` in `locale`.
pub fn text(locale: Locale, key: &str) -> String {
    LOCALES.lookup(lang(locale), key)
}

/// Whether `key` exists in `locale` itself (not through the fallback language).
pub fn has(locale: Locale, key: &str) -> bool {
    LOCALES.try_lookup(lang(locale), key).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> chrono::NaiveDateTime {
        chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn times_are_written_in_moroccos_time_with_the_months_of_each_language() {
        // 23:54 UTC is 00:54 the next day in Morocco (UTC+1 outside Ramadan).
        assert_eq!(
            local_time(Locale::Fr, utc("2026-12-01 23:54")),
            "2 décembre 2026 à 00:54"
        );
        assert_eq!(
            local_time(Locale::Ar, utc("2026-12-01 23:54")),
            "2 دجنبر 2026 على الساعة 00:54"
        );
        assert_eq!(
            local_time(Locale::Zgh, utc("2026-12-01 23:54")),
            "2 ⴷⵓⵊⵏⴱⵉⵔ 2026 ⴳ 00:54"
        );
        let day = chrono::NaiveDate::from_ymd_opt(2027, 2, 23).unwrap();
        assert_eq!(local_date(Locale::Fr, day), "23 février 2027");
        assert_eq!(local_date(Locale::Ar, day), "23 فبراير 2027");
        assert_eq!(
            Message::new("web-petition-deadline")
                .arg("date", Arg::day("2027-02-23"))
                .render(Locale::Fr),
            Message::new("web-petition-deadline")
                .arg("date", "23 février 2027")
                .render(Locale::Fr)
        );
        // During Ramadan Morocco goes back to UTC (2027: 7 February to 14 March, roughly).
        assert_eq!(
            local_time(Locale::Fr, utc("2027-02-20 10:00")),
            "20 février 2027 à 10:00"
        );
        for locale in Locale::ALL {
            for month in 1..=12 {
                assert!(has(locale, &format!("month-{month}")), "{locale:?} {month}");
            }
        }
    }
    use fluent_syntax::ast::Entry;
    use std::collections::BTreeSet;
    use std::path::Path;

    /// Message ids of every .ftl file of one language, with `.attribute` ids too.
    fn keys(locale: Locale) -> BTreeSet<String> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../locales")
            .join(locale.as_str());
        let mut out = BTreeSet::new();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "ftl") {
                continue;
            }
            let source = std::fs::read_to_string(&path).unwrap();
            let resource = fluent_syntax::parser::parse(source.as_str())
                .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
            for entry in resource.body {
                match entry {
                    Entry::Message(m) => {
                        for a in &m.attributes {
                            out.insert(format!("{}.{}", m.id.name, a.id.name));
                        }
                        out.insert(m.id.name.to_owned());
                    }
                    Entry::Term(t) => {
                        out.insert(format!("-{}", t.id.name));
                    }
                    Entry::Junk { content } => {
                        panic!("{}: unparsable entry {content:?}", path.display())
                    }
                    _ => {}
                }
            }
        }
        out
    }

    /// The variables a pattern names, and those its select expressions choose on.
    fn variables(
        pattern: &fluent_syntax::ast::Pattern<&str>,
        all: &mut BTreeSet<String>,
        selectors: &mut BTreeSet<String>,
    ) {
        use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
        fn inline(e: &InlineExpression<&str>, all: &mut BTreeSet<String>) {
            if let InlineExpression::VariableReference { id } = e {
                all.insert(id.name.to_owned());
            }
        }
        for element in &pattern.elements {
            let PatternElement::Placeable { expression } = element else {
                continue;
            };
            match expression {
                Expression::Inline(e) => inline(e, all),
                Expression::Select { selector, variants } => {
                    inline(selector, all);
                    if let InlineExpression::VariableReference { id } = selector {
                        selectors.insert(id.name.to_owned());
                    }
                    for v in variants {
                        variables(&v.value, all, selectors);
                    }
                }
            }
        }
    }

    #[test]
    fn every_count_reads_differently_for_none_and_for_one_in_every_language() {
        // "un soutien" for zero supporters is the defect this catches: a count-bearing message
        // must say 0 and 1 apart (a zero form, or the number itself).
        let mut checked = 0;
        let mut same = Vec::new();
        for locale in Locale::ALL {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../locales")
                .join(locale.as_str());
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_none_or(|e| e != "ftl") {
                    continue;
                }
                let source = std::fs::read_to_string(&path).unwrap();
                let resource = fluent_syntax::parser::parse(source.as_str()).unwrap();
                for entry in resource.body {
                    let Entry::Message(m) = entry else { continue };
                    let Some(pattern) = &m.value else { continue };
                    let (mut all, mut selectors) = (BTreeSet::new(), BTreeSet::new());
                    variables(pattern, &mut all, &mut selectors);
                    if selectors.is_empty() {
                        continue;
                    }
                    let render = |n: i64| {
                        let args: HashMap<Cow<'static, str>, FluentValue<'_>> = all
                            .iter()
                            .map(|name| {
                                let value = if selectors.contains(name) {
                                    FluentValue::from(n)
                                } else {
                                    FluentValue::from("X")
                                };
                                (Cow::Owned(name.clone()), value)
                            })
                            .collect();
                        LOCALES.lookup_with_args(lang(locale), m.id.name, &args)
                    };
                    if render(0) == render(1) {
                        same.push(format!("{locale:?} {}: {}", m.id.name, render(0)));
                    }
                    checked += 1;
                }
            }
        }
        assert!(same.is_empty(), "0 and 1 read the same: {same:#?}");
        assert!(checked > 20, "{checked} count-bearing messages");
    }

    #[test]
    fn arabic_names_the_password_one_way() {
        // كلمة المرور (and كلمة مرور), as Moroccan administrations write it; كلمة السر is a
        // secret word, and two words for one thing read as two things.
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales/ar");
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let source = std::fs::read_to_string(&path).unwrap();
            for (n, line) in source.lines().enumerate() {
                assert!(
                    !line.contains("كلمة السر") && !line.contains("كلمة سر"),
                    "{}:{}: {line}",
                    path.display(),
                    n + 1
                );
            }
        }
    }

    #[test]
    fn every_key_exists_in_all_three_languages() {
        let ar = keys(Locale::Ar);
        assert!(!ar.is_empty());
        for locale in [Locale::Fr, Locale::Zgh] {
            let other = keys(locale);
            let missing: Vec<_> = ar.symmetric_difference(&other).collect();
            assert!(
                missing.is_empty(),
                "keys not in both ar and {locale}: {missing:?}"
            );
        }
    }

    #[test]
    fn messages_render_in_each_language_without_isolation_marks() {
        let m = Message::new("detail-commune-not-found").arg("slug", "casablanca");
        let fr = m.render(Locale::Fr);
        assert_eq!(fr, "Aucune commune ne porte l’identifiant « casablanca ».");
        assert!(m.render(Locale::Ar).contains("casablanca"));
        assert!(m.render(Locale::Zgh).contains("ⵜⵊⵎⴰⵄⵜ"));
        for s in [fr, m.render(Locale::Ar)] {
            assert!(!s.contains('\u{2068}') && !s.contains('\u{2069}'));
        }
        assert!(has(Locale::Zgh, "problem-not-found-title"));
        assert!(!has(Locale::Zgh, "no-such-key"));
    }

    #[test]
    fn tamazight_is_written_in_tifinagh() {
        let title = text(Locale::Zgh, "problem-not-found-title");
        assert!(
            title
                .chars()
                .any(|c| ('\u{2D30}'..='\u{2D7F}').contains(&c)),
            "{title}"
        );
    }
}
