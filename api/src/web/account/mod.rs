//! A person's account from a browser: logging in and out, signing up, a forgotten password, my
//! account (my issues, follows and petitions, my mails, my data), and the watchers' page (the
//! same use-cases as the REST API).

pub(crate) mod forgot;
pub(crate) mod login;
pub(crate) mod me;
pub(crate) mod signup;

use crate::web::{Layout, SESSION_COOKIE, Visitor};
use actix_web::cookie::Cookie;
use askama::Template;

/// A field of the account forms (`form.html`).
#[derive(Debug)]
struct Field {
    name: &'static str,
    label: String,
    kind: &'static str,
    value: String,
    autocomplete: &'static str,
    required: bool,
    options: Vec<(String, String, bool)>,
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
        label: v.t(key),
        kind,
        value: String::new(),
        autocomplete,
        required: true,
        options: Vec::new(),
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
