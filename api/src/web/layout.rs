//! The frame of every page (its language, title, the signed-in person and their roles, the CSRF
//! token of its forms), and the page that only says something.

use super::next::percent_encode;
use crate::i18n::text;
use askama::Template;
use tawasol_domain::Locale;

/// What every page's frame needs: language, title, the signed-in person, the CSRF token.
#[derive(Debug, Clone)]
pub struct Layout {
    pub locale: Locale,
    pub title: String,
    pub csrf: String,
    pub user: Option<String>,
    /// The page's address, for the language switcher to come back to.
    pub path: String,
    /// The signed-in person is an official (the navigation links their desk).
    pub official: bool,
    /// The signed-in person moderates a commune or administers (the navigation links the queue).
    pub moderator: bool,
    /// The Atom feed of what the page shows, advertised to feed readers (its address).
    pub feed: Option<String>,
}

impl Layout {
    /// This frame, advertising the Atom feed at `href` (`<link rel="alternate">`).
    pub fn with_feed(mut self, href: String) -> Layout {
        self.feed = Some(href);
        self
    }

    /// The window's title: the page's, then the site's; the site's alone on the home page.
    pub fn page_title(&self) -> String {
        let site = self.t("site-name");
        if self.title == site {
            site
        } else {
            format!("{} · {site}", self.title)
        }
    }

    pub fn t(&self, key: &str) -> String {
        text(self.locale, key)
    }

    pub fn lang(&self) -> &'static str {
        self.locale.as_str()
    }

    pub fn dir(&self) -> &'static str {
        self.locale.direction().as_str()
    }

    /// Each language: its code, its own name, the switch address, whether it is the current.
    pub fn switcher(&self) -> Vec<(&'static str, String, String, bool)> {
        Locale::ALL
            .into_iter()
            .map(|l| {
                (
                    l.as_str(),
                    text(l, "web-language-name"),
                    format!("/lang/{}?next={}", l.as_str(), percent_encode(&self.path)),
                    l == self.locale,
                )
            })
            .collect()
    }
}

/// A page that only says something (a notice, or a refusal: `WebError`).
#[derive(Template)]
#[template(path = "message.html")]
pub(super) struct MessagePage<'a> {
    pub l: &'a Layout,
    pub text: String,
    /// What to correct, each in the reader's language (a form refused where it could not be
    /// shown again).
    pub list: Vec<String>,
    /// The page the refused form was on (same site), to go back to it.
    pub back: Option<String>,
}
