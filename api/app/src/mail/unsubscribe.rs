//! Signed one-click unsubscribe tokens (RFC 8058) for mails that are not about the account.
//!
//! A token names the recipient and the topic, signed with HMAC-SHA256 under a key derived from
//! `TAWASOL_UNSUBSCRIBE_SECRET`. Tokens do not expire (a link in an old mail must keep working);
//! changing the secret invalidates them all.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use tawasol_domain::EmailAddress;

type HmacSha256 = Hmac<Sha256>;

#[derive(Clone)]
pub struct UnsubscribeKey(Vec<u8>);

impl std::fmt::Debug for UnsubscribeKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("UnsubscribeKey(..)")
    }
}

/// What a valid token asks: stop mails of `topic` to `recipient`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsubscribe {
    pub recipient: EmailAddress,
    pub topic: String,
}

impl UnsubscribeKey {
    /// Derives the signing key from the configured secret, so that the same secret can never
    /// sign anything else by accident.
    pub fn derive(secret: &[u8]) -> UnsubscribeKey {
        let mut mac =
            <HmacSha256 as KeyInit>::new_from_slice(secret).expect("HMAC takes keys of any length");
        mac.update(b"tawasol/unsubscribe/v1");
        UnsubscribeKey(mac.finalize().into_bytes().to_vec())
    }

    fn mac(&self, payload: &[u8]) -> HmacSha256 {
        let mut mac = <HmacSha256 as KeyInit>::new_from_slice(&self.0)
            .expect("HMAC takes keys of any length");
        mac.update(payload);
        mac
    }

    pub fn sign(&self, recipient: &EmailAddress, topic: &str) -> String {
        let payload = format!("v1\n{recipient}\n{topic}");
        let tag = self.mac(payload.as_bytes()).finalize().into_bytes();
        format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(payload),
            URL_SAFE_NO_PAD.encode(tag)
        )
    }

    /// The request a token carries, if this key signed it.
    pub fn verify(&self, token: &str) -> Option<Unsubscribe> {
        let (payload, tag) = token.split_once('.')?;
        let payload = URL_SAFE_NO_PAD.decode(payload).ok()?;
        let tag = URL_SAFE_NO_PAD.decode(tag).ok()?;
        self.mac(&payload).verify_slice(&tag).ok()?;
        let text = String::from_utf8(payload).ok()?;
        let mut parts = text.split('\n');
        if parts.next()? != "v1" {
            return None;
        }
        let recipient = EmailAddress::parse(parts.next()?).ok()?;
        let topic = parts.next()?.to_owned();
        parts
            .next()
            .is_none()
            .then_some(Unsubscribe { recipient, topic })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_verify_under_their_key_only_and_resist_tampering() {
        let key = UnsubscribeKey::derive(b"0123456789abcdef0123456789abcdef");
        let amina = EmailAddress::parse("amina@example.ma").unwrap();
        let token = key.sign(&amina, "issue_updates");
        assert_eq!(
            key.verify(&token),
            Some(Unsubscribe {
                recipient: amina,
                topic: "issue_updates".into()
            })
        );
        let other = UnsubscribeKey::derive(b"another secret of thirty-two bytes!");
        assert_eq!(other.verify(&token), None);
        let (payload, tag) = token.split_once('.').unwrap();
        let forged = URL_SAFE_NO_PAD.encode("v1\nkarim@example.ma\nissue_updates");
        assert_eq!(key.verify(&format!("{forged}.{tag}")), None);
        assert_eq!(key.verify(payload), None);
        assert_eq!(key.verify("garbage"), None);
    }
}
