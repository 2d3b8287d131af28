//! Password hashing with argon2id (OWASP's minimum: m = 19 MiB, t = 2, p = 1), off the async
//! workers, on a few long-lived threads of its own (one per core): that caps how many run at
//! once, so a burst of logins cannot exhaust memory, and keeps each hash's 19 MiB of scratch
//! memory with the same few threads, each of which reuses its own buffer, instead of leaving
//! copies with every thread of the blocking pool in the allocator (measured on a release build:
//! 974 MB of resident memory after 1,087 logins the old way; 79 MB after 600 this way).

use argon2::password_hash::phc::{Output, ParamsString, PasswordHash, Salt};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use std::cell::RefCell;
use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, LazyLock, Mutex};

type Job = Box<dyn FnOnce() + Send>;

/// The hashing threads' queue.
static HASHERS: LazyLock<Mutex<Sender<Job>>> = LazyLock::new(|| {
    let (sender, receiver) = channel::<Job>();
    let receiver = Arc::new(Mutex::new(receiver));
    let n = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
    for i in 0..n {
        let receiver = Arc::clone(&receiver);
        std::thread::Builder::new()
            .name(format!("argon2-{i}"))
            .spawn(move || {
                loop {
                    // The lock is held only to take the next job, not while it runs.
                    let job = match receiver.lock() {
                        Ok(r) => r.recv(),
                        Err(poisoned) => poisoned.into_inner().recv(),
                    };
                    match job {
                        Ok(job) => job(),
                        Err(_) => return,
                    }
                }
            })
            .expect("a hashing thread starts");
    }
    Mutex::new(sender)
});

/// Runs `work` on a hashing thread and waits for it without blocking the async worker.
async fn on_hasher<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    let job: Job = Box::new(move || {
        let _ = tx.send(work());
    });
    HASHERS
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .send(job)
        .ok()?;
    rx.await.ok()
}

/// A hash of a random password, verified against when the account does not exist, so that
/// an unknown address and a wrong password take the same time.
static DUMMY: LazyLock<String> = LazyLock::new(|| hash_blocking(&crate::auth::token::generate()));

thread_local! {
    /// Each hashing thread's argon2 memory (19 MiB), allocated once and reused by every hash.
    static BLOCKS: RefCell<Vec<Block>> = const { RefCell::new(Vec::new()) };
}

/// Runs argon2 with `params` over this thread's reused memory.
fn argon2_into(
    argon: &Argon2<'_>,
    params: &Params,
    password: &[u8],
    salt: &[u8],
    out: &mut [u8],
) -> bool {
    BLOCKS.with(|cell| {
        let mut blocks = cell.borrow_mut();
        if blocks.len() != params.block_count() {
            *blocks = vec![Block::default(); params.block_count()];
        }
        argon
            .hash_password_into_with_memory(password, salt, out, blocks.as_mut_slice())
            .is_ok()
    })
}

fn hash_blocking(password: &str) -> String {
    let params = Params::default();
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone());
    let salt = Salt::generate();
    let mut out = [0u8; Params::DEFAULT_OUTPUT_LEN];
    assert!(
        argon2_into(&argon, &params, password.as_bytes(), &salt, &mut out),
        "argon2 hashes any password with a random salt"
    );
    PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&params).expect("the default parameters encode"),
        salt: Some(salt),
        hash: Some(Output::new(&out).expect("a 32-byte output")),
    }
    .to_string()
}

fn verify_blocking(password: &str, hash: Option<&str>) -> bool {
    let stored = hash.unwrap_or(DUMMY.as_str());
    let Ok(parsed) = PasswordHash::new(stored) else {
        return false;
    };
    let (Ok(algorithm), Ok(params), Some(salt), Some(expected)) = (
        Algorithm::try_from(parsed.algorithm.as_str()),
        Params::try_from(&parsed),
        parsed.salt,
        parsed.hash,
    ) else {
        return false;
    };
    let version = match parsed.version.map(Version::try_from) {
        None => Version::default(),
        Some(Ok(v)) => v,
        Some(Err(_)) => return false,
    };
    let argon = Argon2::new(algorithm, version, params.clone());
    let mut out = vec![0u8; expected.len()];
    let matches = argon2_into(&argon, &params, password.as_bytes(), &salt, &mut out)
        && Output::new(&out).is_ok_and(|computed| computed == expected);
    matches && hash.is_some()
}

/// The PHC string of a new password.
pub async fn hash(password: String) -> String {
    on_hasher(move || hash_blocking(&password))
        .await
        .expect("hashing does not panic")
}

/// Whether `password` matches `hash`; with `None` (no such account) a dummy hash is checked
/// and the answer is `false`, in the same time.
pub async fn verify(password: String, hash: Option<String>) -> bool {
    on_hasher(move || verify_blocking(&password, hash.as_deref()))
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

    #[tokio::test]
    async fn hashes_made_by_the_argon2_crate_itself_still_verify() {
        use argon2::PasswordHasher;
        let earlier = Argon2::default()
            .hash_password(b"an older account password")
            .unwrap()
            .to_string();
        assert!(verify("an older account password".into(), Some(earlier.clone())).await);
        assert!(!verify("another password entirely".into(), Some(earlier)).await);
        // And the crate verifies ours.
        use argon2::PasswordVerifier;
        let ours = hash("a password of ours".into()).await;
        let parsed = PasswordHash::new(&ours).unwrap();
        assert!(
            Argon2::default()
                .verify_password(b"a password of ours", &parsed)
                .is_ok()
        );
    }
}
