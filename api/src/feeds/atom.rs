//! Atom 1.0 documents (RFC 4287): the XML of the feeds the use-cases build
//! (`usecases::feeds::model`), written with quick-xml (which escapes text and attributes). Characters that XML 1.0 cannot carry at all
//! (control characters, U+FFFE, U+FFFF) are dropped from every text first, so that whatever a
//! resident typed, the document stays well-formed.

use crate::clock::rfc3339;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};
use std::io;
pub use tawasol_app::usecases::feeds::model::{Category, Entry, Feed, Link, Text};

pub const ATOM_NS: &str = "http://www.w3.org/2005/Atom";
pub const CONTENT_TYPE: &str = "application/atom+xml; charset=utf-8";

/// Only the characters XML 1.0 allows.
fn clean(text: &str) -> String {
    text.chars()
        .filter(|c| {
            matches!(c, '\t' | '\n' | '\r') || (*c >= ' ' && *c != '\u{FFFE}' && *c != '\u{FFFF}')
        })
        .collect()
}

fn text_element<W: io::Write>(
    w: &mut Writer<W>,
    name: &str,
    text: &str,
    lang: Option<&str>,
    kind: Option<&str>,
) -> io::Result<()> {
    let mut e = w.create_element(name);
    if let Some(kind) = kind {
        e = e.with_attribute(("type", kind));
    }
    if let Some(lang) = lang {
        e = e.with_attribute(("xml:lang", lang));
    }
    e.write_text_content(BytesText::new(&clean(text)))?;
    Ok(())
}

fn link<W: io::Write>(w: &mut Writer<W>, rel: &str, href: &str, kind: &str) -> io::Result<()> {
    w.create_element("link")
        .with_attribute(("rel", rel))
        .with_attribute(("type", kind))
        .with_attribute(("href", clean(href).as_str()))
        .write_empty()?;
    Ok(())
}

/// The `xml:lang` to write on a child: only when it differs from its parent's.
fn differs<'a>(lang: &'a str, parent: &str) -> Option<&'a str> {
    (lang != parent).then_some(lang)
}

fn entry<W: io::Write>(w: &mut Writer<W>, e: &Entry) -> io::Result<()> {
    w.create_element("entry")
        .with_attribute(("xml:lang", e.lang.as_str()))
        .write_inner_content(|w| {
            text_element(w, "id", &e.id, None, None)?;
            text_element(
                w,
                "title",
                &e.title.text,
                differs(&e.title.lang, &e.lang),
                Some("text"),
            )?;
            w.create_element("author")
                .with_attributes(differs(&e.author.lang, &e.lang).map(|l| ("xml:lang", l)))
                .write_inner_content(|w| text_element(w, "name", &e.author.text, None, None))?;
            text_element(w, "published", &rfc3339(e.published), None, None)?;
            text_element(w, "updated", &rfc3339(e.updated), None, None)?;
            link(w, "alternate", &e.link, "text/html")?;
            if let Some(c) = &e.category {
                w.create_element("category")
                    .with_attribute(("term", clean(&c.term).as_str()))
                    .with_attribute(("label", clean(&c.label).as_str()))
                    .write_empty()?;
            }
            if let Some(s) = &e.summary {
                text_element(
                    w,
                    "summary",
                    &s.text,
                    differs(&s.lang, &e.lang),
                    Some("text"),
                )?;
            }
            text_element(
                w,
                "content",
                &e.content.text,
                differs(&e.content.lang, &e.lang),
                Some("text"),
            )?;
            Ok(())
        })?;
    Ok(())
}

/// The feed as an Atom document (UTF-8).
pub fn render(feed: &Feed) -> String {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    let written: io::Result<()> = (|| {
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)))?;
        w.create_element("feed")
            .with_attribute(("xmlns", ATOM_NS))
            .with_attribute(("xml:lang", feed.lang.as_str()))
            .write_inner_content(|w| {
                text_element(w, "id", &feed.id, None, None)?;
                text_element(w, "title", &feed.title, None, Some("text"))?;
                text_element(w, "updated", &rfc3339(feed.updated), None, None)?;
                link(w, "self", &feed.self_url, "application/atom+xml")?;
                for alternate in &feed.alternates {
                    link(w, "alternate", &alternate.href, alternate.media_type)?;
                }
                w.create_element("generator")
                    .write_text_content(BytesText::new("Tawasol"))?;
                for e in &feed.entries {
                    entry(w, e)?;
                }
                Ok(())
            })?;
        Ok(())
    })();
    // Writing into memory cannot fail.
    written.expect("writing XML into a Vec");
    let mut xml =
        String::from_utf8(w.into_inner()).expect("quick-xml writes the UTF-8 it is given");
    xml.push('\n');
    xml
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDateTime;

    fn t() -> NaiveDateTime {
        chrono::DateTime::parse_from_rfc3339("2026-11-23T08:30:00Z")
            .unwrap()
            .naive_utc()
    }

    fn sample(content: &str) -> Feed {
        Feed {
            id: "http://x/feeds/issues/1.atom".into(),
            lang: "fr".into(),
            title: "Signalement « A & B »".into(),
            updated: t(),
            self_url: "http://x/feeds/issues/1.atom?lang=fr&x=<1>".into(),
            alternates: vec![
                Link::page("http://x/issues/1"),
                Link::json("http://x/api/v1/issues/1"),
            ],
            entries: vec![Entry {
                id: "http://x/issues/1#reply-2".into(),
                lang: "ar".into(),
                title: Text::new("fr", "Réponse de <b>Karim</b>"),
                author: Text::new("ar", "كريم"),
                published: t(),
                updated: t(),
                link: "http://x/issues/1".into(),
                category: None,
                summary: None,
                content: Text::new("ar", content),
            }],
        }
    }

    #[test]
    fn text_is_escaped_and_languages_are_marked_where_they_change() {
        let xml = render(&sample("الإنارة </content><script>"));
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>"));
        assert!(xml.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"fr\">"));
        assert!(xml.contains("<title type=\"text\">Signalement « A &amp; B »</title>"));
        assert!(xml.contains("href=\"http://x/feeds/issues/1.atom?lang=fr&amp;x=&lt;1&gt;\""));
        assert!(xml.contains("<entry xml:lang=\"ar\">"));
        assert!(xml.contains(
            "<title type=\"text\" xml:lang=\"fr\">Réponse de &lt;b&gt;Karim&lt;/b&gt;</title>"
        ));
        assert!(
            xml.contains("<author>"),
            "same language as the entry: no attribute"
        );
        assert!(
            xml.contains("<content type=\"text\">الإنارة &lt;/content&gt;&lt;script&gt;</content>")
        );
        assert!(xml.contains("<updated>2026-11-23T08:30:00Z</updated>"));
    }

    #[test]
    fn each_link_says_the_media_type_it_points_at() {
        let xml = render(&sample("x"));
        assert!(
            xml.contains("<link rel=\"alternate\" type=\"text/html\" href=\"http://x/issues/1\"/>")
        );
        assert!(xml.contains(
            "<link rel=\"alternate\" type=\"application/json\" href=\"http://x/api/v1/issues/1\"/>"
        ));
        assert!(xml.contains("<link rel=\"self\" type=\"application/atom+xml\""));
        assert_eq!(xml.matches("type=\"text/html\"").count(), 2, "{xml}");
    }

    #[test]
    fn characters_xml_cannot_carry_are_dropped() {
        let xml = render(&sample("a\u{0}b\u{1b}c\u{FFFF}d\te"));
        assert!(xml.contains(">abcd\te</content>"), "{xml}");
    }
}
