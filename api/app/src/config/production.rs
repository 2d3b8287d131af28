//! What production refuses, as it would only fit a developer's machine.

use super::errors::{ConfigError, bad};
use super::values::{is_loopback_host, mail_domain, url_host};
use super::{Environment, Settings};
use std::collections::BTreeSet;

impl Settings {
    /// What production refuses, as it would only fit a developer's machine: every problem, in
    /// the order of the settings table. `given`: the settings set by the file or the environment.
    pub(super) fn production_problems(&self, given: &BTreeSet<&str>) -> Vec<ConfigError> {
        let mut problems = Vec::new();
        if self.environment != Environment::Production {
            return problems;
        }
        if !given.contains("TAWASOL_PUBLIC_URL") {
            problems.push(bad(
                "TAWASOL_PUBLIC_URL",
                "must be set in production to the address residents use, https://… (links in mails and feeds are built on it)",
            ));
        } else if !self.public_url.starts_with("https://")
            && !url_host(&self.public_url).is_some_and(is_loopback_host)
        {
            problems.push(bad(
                "TAWASOL_PUBLIC_URL",
                format!(
                    "{:?} must be https:// in production (mails carry log-in and reset links; only a loopback address may use http://)",
                    self.public_url
                ),
            ));
        }
        if self.smtp_url.is_none() {
            problems.push(bad(
                "TAWASOL_SMTP_URL",
                "must be set in production (without it mails are only written as .eml files in the data folder)",
            ));
        }
        if mail_domain(&self.mail_from).is_some_and(is_loopback_host) {
            problems.push(bad(
                "TAWASOL_MAIL_FROM",
                format!(
                    "{:?} must be an address of your own domain in production, such as Tawasol <no-reply@example.ma>",
                    self.mail_from
                ),
            ));
        }
        // One secret per purpose: a secret shared by two lets a leak of one break both.
        let secrets = [
            ("TAWASOL_UNSUBSCRIBE_SECRET", &self.unsubscribe_secret),
            ("TAWASOL_JWT_SECRET", &self.jwt_secret),
            ("TAWASOL_DATA_KEY", &self.data_key),
        ];
        for (i, (setting, value)) in secrets.iter().enumerate() {
            match value {
                None => problems.push(bad(
                    setting,
                    "must be set in production: at least 32 random bytes, such as the output of `openssl rand -hex 32` (generated keys are for local use only)",
                )),
                Some(v) => {
                    if let Some((other, _)) = secrets[..i]
                        .iter()
                        .find(|(_, earlier)| earlier.as_deref() == Some(v.as_str()))
                    {
                        problems.push(bad(
                            setting,
                            format!("must differ from {other} in production (one secret per purpose)"),
                        ));
                    }
                }
            }
        }
        if self.cndp_number.is_empty() {
            problems.push(bad(
                "TAWASOL_CNDP_NUMBER",
                "must be set in production (Law 09-08: the CNDP number appears on every collection form)",
            ));
        }
        if !self.rate_limits {
            problems.push(bad("TAWASOL_RATE_LIMITS", "cannot be off in production"));
        }
        problems
    }
}
