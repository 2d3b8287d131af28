//! Password hashing with argon2id (OWASP's minimum: m = 19 MiB, t = 2, p = 1), off the async
//! workers, with a cap on how many run at once so that a burst of logins cannot exhaust memory.

use argon2::password_hash::phc::PasswordHash;
use argon2::{Argon2, PasswordHasher, PasswordVerifier};
use std::sync::{Arc, LazyLock};
use tokio::sync::Semaphore;

/// Hashes at most this many passwords at once per process (each takes 19 MiB for ~50 ms).
static PERMITS: LazyLock<Arc<Semaphore>> = LazyLock::new(|| {
    let n = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
    Arc::new(Semaphore::new(n))
});

/// A hash of a random password, verified against when the account does not exist, so that
/// an unknown address and a wrong password take the same time.
static DUMMY: LazyLock<String> = LazyLock::new(|| hash_blocking(&crate::auth::token::generate()));

fn hash_blocking(password: &str) -> String {
    Argon2::default()
        .hash_password(password.as_bytes())
        .expect("argon2 hashes any password with a random salt")
        .to_string()
}

fn verify_blocking(password: &str, hash: Option<&str>) -> bool {
    let stored = hash.unwrap_or(DUMMY.as_str());
    let Ok(parsed) = PasswordHash::new(stored) else {
        return false;
    };
    let matches = Argon2::default()
        .verify_password(password.as_bytes(), &parsed)
        .is_ok();
    matches && hash.is_some()
}

/// The PHC string of a new password.
pub async fn hash(password: String) -> String {
    let _permit = PERMITS
        .clone()
        .acquire_owned()
        .await
        .expect("the semaphore is never closed");
    tokio::task::spawn_blocking(move || hash_blocking(&password))
        .await
        .expect("hashing does not panic")
}

/// Whether `password` matches `hash`; with `None` (no such account) a dummy hash is checked
/// and the answer is `false`, in the same time.
pub async fn verify(password: String, hash: Option<String>) -> bool {
    let _permit = PERMITS
        .clone()
        .acquire_owned()
        .await
        .expect("the semaphore is never closed");
    tokio::task::spawn_blocking(move || verify_blocking(&password, hash.as_deref()))
        .await
        .unwrap_or(false)
}

/// Computes the dummy hash now rather than on the first login for an unknown address.
pub fn warm_up() {
    LazyLock::force(&DUMMY);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_verify_and_unknown_accounts_never_match() {
        let h = hash("correct horse battery".into()).await;
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        assert!(verify("correct horse battery".into(), Some(h.clone())).await);
        assert!(!verify("wrong horse battery".into(), Some(h)).await);
        assert!(!verify("anything at all".into(), None).await);
        assert!(!verify("anything".into(), Some("not a hash".into())).await);
    }
}
