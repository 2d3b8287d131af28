//! Accounts: register, verify, log in, refresh, log out, reset a password, and a person's own
//! data (read, change, export, erase).
//!
//! One concern a file: `registration` (sign up, verify an address, the first admin),
//! `authentication` (checking a password under the login throttles), `sessions` (tokens, browser
//! sessions, refresh, log out, the actor behind a session), `password_reset`, `profile` (read,
//! change and erase one's own account) and `export` (everything held about a person). Their
//! public items are re-exported here: callers name `usecases::accounts::…`.

mod authentication;
mod export;
mod password_reset;
mod profile;
mod registration;
mod sessions;

pub use authentication::{
    LOGIN_FAILURES_PER_ADDRESS_AND_CLIENT, LOGIN_FAILURES_PER_CLIENT, LOGIN_WINDOW,
};
pub use export::{Export, ExportedAudit, ExportedMail, ExportedSession, ExportedSignature, export};
pub use password_reset::{confirm_password_reset, request_password_reset};
pub use profile::{
    Account, AccountChanges, OfficialRole, OrganisationRole, Roles, delete_me, me, update_me,
};
pub use registration::{Registration, create_admin, register, verify_email};
pub(crate) use sessions::actor_of;
pub use sessions::{
    BROWSER_SESSION_IDLE, BrowserSession, Tokens, browser_session, load_actor, login,
    login_browser, logout, refresh,
};

use super::{Caller, UseCaseError};
use crate::context::AppState;
use chrono::TimeDelta;
use tawasol_domain::EmailAddress;

const VERIFY_TTL: TimeDelta = TimeDelta::hours(48);
const RESET_TTL: TimeDelta = TimeDelta::hours(1);
const REFRESH_TTL: TimeDelta = TimeDelta::days(30);

fn parse_email(value: &str) -> Result<EmailAddress, UseCaseError> {
    EmailAddress::parse(value).map_err(|_| UseCaseError::invalid("email", "field-email"))
}

/// The client a throttle counts by, when a surface gave none (the command line).
fn client_of(caller: &Caller) -> &str {
    caller.ip.as_deref().unwrap_or("local")
}

fn link(state: &AppState, path: &str, token: &str) -> String {
    format!("{}/{path}?token={token}", state.public_url)
}
