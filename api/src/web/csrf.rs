//! The CSRF token, masked afresh in every answer (BREACH).
//!
//! The browser's cookie keeps the raw token; each rendered page carries it in its forms as
//! `base64url(pad ‖ token ⊕ pad)` with a new random pad, so that the bytes of the token never
//! repeat from one compressed answer to the next and cannot be guessed a character at a time
//! from the compressed length of pages that also reflect the visitor's input. A posted field is
//! unmasked and compared with the cookie in constant time.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// The token as a form carries it: a fresh random pad, then the token XOR that pad.
pub fn mask(token: &str) -> String {
    let raw = token.as_bytes();
    let mut both = vec![0u8; raw.len() * 2];
    let (pad, masked) = both.split_at_mut(raw.len());
    getrandom::fill(pad).expect("the operating system's random source works");
    for ((m, t), p) in masked.iter_mut().zip(raw).zip(pad.iter()) {
        *m = t ^ p;
    }
    URL_SAFE_NO_PAD.encode(both)
}

/// Whether a posted field is `token`, masked with any pad. A raw token, another browser's
/// token, a truncated or undecodable value are all refused.
pub fn matches(posted: &str, token: &str) -> bool {
    let raw = token.as_bytes();
    let Ok(both) = URL_SAFE_NO_PAD.decode(posted.trim()) else {
        return false;
    };
    if raw.is_empty() || both.len() != raw.len() * 2 {
        return false;
    }
    let (pad, masked) = both.split_at(raw.len());
    let mut difference = 0u8;
    for ((m, p), t) in masked.iter().zip(pad).zip(raw) {
        difference |= (m ^ p) ^ t;
    }
    difference == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOKEN: &str = "Zr3k0n7Jb2m5QyXwLp9sT1uVhA8cD4eF6gH0iJ2kL3m";

    #[test]
    fn each_mask_differs_and_each_unmasks_to_the_token() {
        let a = mask(TOKEN);
        let b = mask(TOKEN);
        assert_ne!(a, b, "a fresh pad every time");
        assert!(!a.contains(TOKEN));
        assert!(matches(&a, TOKEN));
        assert!(matches(&b, TOKEN));
        assert!(
            a.bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_'),
            "safe in an attribute and a form body: {a}"
        );
    }

    #[test]
    fn anything_but_a_masked_copy_of_the_token_is_refused() {
        let other = "Q".repeat(TOKEN.len());
        assert!(
            !matches(TOKEN, TOKEN),
            "the raw token is not a form's value"
        );
        assert!(!matches(&mask(&other), TOKEN), "another browser's token");
        assert!(!matches("", TOKEN));
        assert!(!matches("!!!", TOKEN));
        let good = mask(TOKEN);
        assert!(!matches(&good[..good.len() - 4], TOKEN), "truncated");
        // One flipped bit anywhere is refused.
        let mut bytes = URL_SAFE_NO_PAD.decode(&good).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        assert!(!matches(&URL_SAFE_NO_PAD.encode(&bytes), TOKEN));
        assert!(!matches(&good, ""), "no token, nothing matches");
    }
}
