//! A person's account from a browser: logging in and out, signing up, a forgotten password, my
//! account (my issues, follows and petitions, my mails, my data), and the watchers' page (the
//! same use-cases as the REST API).

pub(crate) mod forgot;
pub(crate) mod login;
pub(crate) mod me;
pub(crate) mod signup;
pub(crate) mod verify;

use crate::web::{Layout, SESSION_COOKIE, Visitor};
use actix_web::cookie::Cookie;
use askama::Template;

/// A field of the account forms (`form.html`).
#[derive(Debug)]
struct Field {
    name: &'static str,
    /// Set apart the ids of fields of the same name in several forms of a page.
    prefix: &'static str,
    label: String,
    kind: &'static str,
    value: String,
    autocomplete: &'static str,
    required: bool,
    options: Vec<(String, String, bool)>,
    /// What the field expects, said under its label (`aria-describedby`).
    hint: Option<String>,
    /// Why what was typed is refused, next to the field (`aria-invalid`, `aria-describedby`).
    error: Option<String>,
    /// The least number of characters (0: none).
    minlength: usize,
}

impl Field {
    /// The field's id on the page.
    fn id(&self) -> String {
        if self.prefix.is_empty() {
            self.name.to_owned()
        } else {
            format!("{}-{}", self.prefix, self.name)
        }
    }

    /// The ids of what describes the field: its error, then its hint.
    fn described_by(&self) -> Option<String> {
        let id = self.id();
        let ids: Vec<String> = [
            self.error.as_ref().map(|_| format!("{id}-error")),
            self.hint.as_ref().map(|_| format!("{id}-hint")),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

fn field(
    v: &Visitor,
    name: &'static str,
    key: &str,
    kind: &'static str,
    autocomplete: &'static str,
) -> Field {
    Field {
        name,
        prefix: "",
        label: v.t(key),
        kind,
        value: String::new(),
        autocomplete,
        required: true,
        options: Vec::new(),
        hint: None,
        error: None,
        minlength: 0,
    }
}

#[derive(Template)]
#[template(path = "form.html")]
struct FormPage {
    l: Layout,
    error: Option<String>,
    notice: Option<String>,
    action: &'static str,
    next: String,
    /// Hidden fields the form carries back (a mail link's token).
    hidden: Vec<(&'static str, String)>,
    fields: Vec<Field>,
    submit: String,
    links: Vec<(String, String)>,
}

/// The session cookie, removed (logged out, account erased).
fn session_removed() -> Cookie<'static> {
    let mut gone = Cookie::build(SESSION_COOKIE, "").path("/").finish();
    gone.make_removal();
    gone
}
