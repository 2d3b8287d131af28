//! Personal data at rest: signatories' national ID (CIN) numbers and addresses are encrypted with
//! AES-256-GCM, and the CIN is also kept as a keyed hash (HMAC-SHA256) so that a number used
//! twice on a petition can be flagged on its dossier without the database ever holding it in
//! clear. (A second signature with a used number is not refused: that would tell anyone who
//! signed.)
//!
//! Both keys are derived from one configured secret (`TAWASOL_DATA_KEY`; generated into the data
//! folder in the local environment). Each ciphertext is bound to its petition and field (the
//! associated data), so a value copied to another row or column does not decrypt.

use aes_gcm::aead::{Aead, Generate, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine;
use base64::engine::general_purpose::STANDARD_NO_PAD;
use hmac::{Hmac, KeyInit as HmacKeyInit, Mac};
use sha2::Sha256;
use std::fmt;

type HmacSha256 = Hmac<Sha256>;

/// Encrypts, decrypts and hashes signatories' personal data.
#[derive(Clone)]
pub struct Vault {
    cipher: Aes256Gcm,
    hash_key: [u8; 32],
}

impl fmt::Debug for Vault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Vault(..)")
    }
}

/// A stored value that does not decrypt: wrong key, or a tampered or moved value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a stored value cannot be decrypted with the configured data key")]
pub struct Undecryptable;

const VERSION: &str = "v1:";

fn derive(secret: &[u8], purpose: &str) -> [u8; 32] {
    let mut mac =
        <HmacSha256 as HmacKeyInit>::new_from_slice(secret).expect("HMAC takes any key length");
    mac.update(purpose.as_bytes());
    mac.finalize().into_bytes().into()
}

impl Vault {
    /// The vault of a secret of at least 32 bytes (checked by configuration).
    pub fn new(secret: &[u8]) -> Vault {
        let key = derive(secret, "tawasol/signatures/aes-256-gcm/v1");
        Vault {
            cipher: Aes256Gcm::new(&key.into()),
            hash_key: derive(secret, "tawasol/signatures/cin-hash/v1"),
        }
    }

    fn aad(petition_id: i64, field: &str) -> String {
        format!("tawasol:signature:{petition_id}:{field}")
    }

    /// `v1:` and base64 of a fresh 96-bit nonce followed by the ciphertext and its tag.
    pub fn encrypt(&self, petition_id: i64, field: &str, plain: &str) -> String {
        let nonce = Nonce::generate();
        let aad = Vault::aad(petition_id, field);
        let sealed = self
            .cipher
            .encrypt(
                &nonce,
                Payload {
                    msg: plain.as_bytes(),
                    aad: aad.as_bytes(),
                },
            )
            .expect("AES-GCM encrypts any message shorter than 64 GiB");
        let mut bytes = nonce.to_vec();
        bytes.extend_from_slice(&sealed);
        format!("{VERSION}{}", STANDARD_NO_PAD.encode(bytes))
    }

    pub fn decrypt(
        &self,
        petition_id: i64,
        field: &str,
        stored: &str,
    ) -> Result<String, Undecryptable> {
        let bytes = stored
            .strip_prefix(VERSION)
            .and_then(|b| STANDARD_NO_PAD.decode(b).ok())
            .filter(|b| b.len() > 12)
            .ok_or(Undecryptable)?;
        let (nonce, sealed) = bytes.split_at(12);
        let nonce = Nonce::try_from(nonce).map_err(|_| Undecryptable)?;
        let aad = Vault::aad(petition_id, field);
        let plain = self
            .cipher
            .decrypt(
                &nonce,
                Payload {
                    msg: sealed,
                    aad: aad.as_bytes(),
                },
            )
            .map_err(|_| Undecryptable)?;
        String::from_utf8(plain).map_err(|_| Undecryptable)
    }

    /// The keyed hash of a (normalised) CIN for one petition: equal numbers collide within a
    /// petition, and the same person's signatures on two petitions cannot be linked by it.
    pub fn cin_hash(&self, petition_id: i64, cin: &str) -> String {
        let mut mac = <HmacSha256 as HmacKeyInit>::new_from_slice(&self.hash_key)
            .expect("HMAC takes any key");
        mac.update(format!("{petition_id}\n{cin}").as_bytes());
        mac.finalize()
            .into_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vault() -> Vault {
        Vault::new(&[7u8; 32])
    }

    #[test]
    fn values_round_trip_and_never_show_in_clear() {
        let v = vault();
        let stored = v.encrypt(1, "cin", "AB123456");
        assert!(stored.starts_with("v1:"));
        assert!(!stored.contains("AB123456"));
        assert_eq!(v.decrypt(1, "cin", &stored).unwrap(), "AB123456");
        assert_ne!(
            stored,
            v.encrypt(1, "cin", "AB123456"),
            "a fresh nonce each time"
        );
    }

    #[test]
    fn a_value_moved_to_another_petition_or_field_or_key_does_not_decrypt() {
        let v = vault();
        let stored = v.encrypt(1, "cin", "AB123456");
        assert_eq!(v.decrypt(2, "cin", &stored), Err(Undecryptable));
        assert_eq!(v.decrypt(1, "address", &stored), Err(Undecryptable));
        assert_eq!(
            Vault::new(&[8u8; 32]).decrypt(1, "cin", &stored),
            Err(Undecryptable)
        );
        assert_eq!(v.decrypt(1, "cin", "v1:AAAA"), Err(Undecryptable));
        assert_eq!(v.decrypt(1, "cin", "garbage"), Err(Undecryptable));
    }

    #[test]
    fn the_cin_hash_is_keyed_and_per_petition() {
        let v = vault();
        assert_eq!(v.cin_hash(1, "AB123456"), v.cin_hash(1, "AB123456"));
        assert_ne!(v.cin_hash(1, "AB123456"), v.cin_hash(2, "AB123456"));
        assert_ne!(
            v.cin_hash(1, "AB123456"),
            Vault::new(&[8u8; 32]).cin_hash(1, "AB123456")
        );
        assert_eq!(v.cin_hash(1, "AB123456").len(), 64);
    }
}
