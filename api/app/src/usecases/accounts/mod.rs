//! Accounts: register, verify, log in, refresh, log out, reset a password, and a person's own
//! data (read, change, export, erase).
//!
//! One concern a file: `registration` (sign up, verify an address, the first admin),
//! `authentication` (checking a password under the login throttles), `sessions` (tokens, browser
//! sessions, refresh, log out, the actor behind a session), `password_reset`, `profile` (read,
//! change and erase one's own account) and `export` (everything held about a person). Their
//! public items are re-exported here: callers name `usecases::accounts::…`.

mod authentication;
mod credentials;
mod export;
mod password_reset;
mod profile;
mod registration;
mod sessions;

pub use authentication::{
    LOGIN_FAILURES_PER_ADDRESS_AND_CLIENT, LOGIN_FAILURES_PER_CLIENT, LOGIN_WINDOW,
};
pub use credentials::{
    EMAIL_CHANGE_WINDOW, EMAIL_CHANGES_PER_ACCOUNT, change_password, confirm_email_change,
    request_email_change,
};
pub use export::{
    Export, ExportedAudit, ExportedIssue, ExportedMail, ExportedReply, ExportedSession,
    ExportedSignature, export,
};
pub use password_reset::{confirm_password_reset, request_password_reset};
pub use profile::{
    Account, AccountChanges, OfficialRole, OrganisationRole, Roles, delete_me, me, update_me,
};
pub use registration::{
    Registration, create_admin, register, resend_verification, verify_email,
    verify_email_and_sign_in,
};
pub(crate) use sessions::actor_of;
pub use sessions::{
    BROWSER_SESSION_IDLE, BrowserSession, Tokens, browser_session, load_actor, login,
    login_browser, logout, refresh,
};

use super::{Caller, UseCaseError};
use chrono::TimeDelta;
use tawasol_domain::{EmailAddress, Locale};

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

/// A link of a mail: the page at `path` with its single-use token, in the mail's language (the
/// page opens in the language the mail was read in), and where to go afterwards (`next`, a local
/// address the web surface checked) when the person was doing something.
fn link(public_url: &str, path: &str, token: &str, locale: Locale, next: Option<&str>) -> String {
    let mut url = format!("{public_url}/{path}?token={token}&lang={}", locale.as_str());
    if let Some(next) = next.filter(|n| n.starts_with('/') && *n != "/") {
        url.push_str("&next=");
        for b in next.bytes() {
            if b.is_ascii_alphanumeric() || b"-_.~/".contains(&b) {
                url.push(char::from(b));
            } else {
                url.push_str(&format!("%{b:02X}"));
            }
        }
    }
    url
}
