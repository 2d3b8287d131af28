//! Access tokens: HS256 JWTs valid 15 minutes, naming the user (`sub`) and the session (`sid`).
//! Every claim is validated; the token says who, never what they may do (that is read from the
//! database on each request).

use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, encode};
use serde::{Deserialize, Serialize};

pub const ACCESS_TTL_SECONDS: i64 = 15 * 60;
const AUDIENCE: &str = "tawasol-api";
const ACCESS: &str = "access";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    pub iss: String,
    pub aud: String,
    pub sub: String,
    pub sid: i64,
    pub iat: i64,
    pub exp: i64,
    pub typ: String,
}

#[derive(Clone)]
pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    issuer: String,
}

impl std::fmt::Debug for JwtKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JwtKeys")
            .field("issuer", &self.issuer)
            .finish_non_exhaustive()
    }
}

/// Who a valid access token speaks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bearer {
    pub user_id: i64,
    pub session_id: i64,
}

impl JwtKeys {
    /// `secret` is at least 32 bytes; `issuer` is the public URL.
    pub fn new(secret: &[u8], issuer: &str) -> JwtKeys {
        JwtKeys {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            issuer: issuer.to_owned(),
        }
    }

    /// A token for this user and session, issued at `now` (Unix seconds).
    pub fn issue(&self, user_id: i64, session_id: i64, now: i64) -> String {
        let claims = Claims {
            iss: self.issuer.clone(),
            aud: AUDIENCE.to_owned(),
            sub: user_id.to_string(),
            sid: session_id,
            iat: now,
            exp: now + ACCESS_TTL_SECONDS,
            typ: ACCESS.to_owned(),
        };
        encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .expect("HS256 signing does not fail")
    }

    /// The bearer of a valid access token: right algorithm (HS256 only), signature, issuer,
    /// audience, not expired at `now` (Unix seconds, the application's clock), of type `access`.
    pub fn verify(&self, token: &str, now: i64) -> Option<Bearer> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.algorithms = vec![Algorithm::HS256];
        validation.set_issuer(&[&self.issuer]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "iat", "iss", "aud", "sub"]);
        validation.leeway = 0;
        // Expiry is checked against the application's clock below, not the system's.
        validation.validate_exp = false;
        let data = decode::<Claims>(token, &self.decoding, &validation).ok()?;
        let claims = data.claims;
        if claims.typ != ACCESS || claims.exp <= now {
            return None;
        }
        Some(Bearer {
            user_id: claims.sub.parse().ok()?,
            session_id: claims.sid,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;

    const SECRET: &[u8] = b"0123456789abcdef0123456789abcdef";

    fn now() -> i64 {
        chrono::Utc::now().timestamp()
    }

    fn keys() -> JwtKeys {
        JwtKeys::new(SECRET, "http://127.0.0.1:8080")
    }

    fn forge(header: &str, claims: &serde_json::Value, secret: &[u8]) -> String {
        use hmac::{Hmac, KeyInit, Mac};
        let h = URL_SAFE_NO_PAD.encode(header);
        let c = URL_SAFE_NO_PAD.encode(claims.to_string());
        let mut mac = <Hmac<sha2::Sha256> as KeyInit>::new_from_slice(secret).unwrap();
        mac.update(format!("{h}.{c}").as_bytes());
        format!(
            "{h}.{c}.{}",
            URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
        )
    }

    fn claims(overrides: &[(&str, serde_json::Value)]) -> serde_json::Value {
        let mut c = serde_json::json!({
            "iss": "http://127.0.0.1:8080", "aud": "tawasol-api", "sub": "7", "sid": 3,
            "iat": now(), "exp": now() + 600, "typ": "access"
        });
        for (k, v) in overrides {
            c[*k] = v.clone();
        }
        c
    }

    #[test]
    fn a_token_we_issued_is_accepted() {
        let t = keys().issue(7, 3, now());
        assert_eq!(
            keys().verify(&t, now()),
            Some(Bearer {
                user_id: 7,
                session_id: 3
            })
        );
        let hs = r#"{"alg":"HS256","typ":"JWT"}"#;
        assert!(
            keys()
                .verify(&forge(hs, &claims(&[]), SECRET), now())
                .is_some(),
            "the forging helper is right"
        );
    }

    #[test]
    fn every_kind_of_bad_token_is_refused() {
        let hs = r#"{"alg":"HS256","typ":"JWT"}"#;
        let cases = [
            (
                "alg none",
                format!(
                    "{}.{}.",
                    URL_SAFE_NO_PAD.encode(r#"{"alg":"none","typ":"JWT"}"#),
                    URL_SAFE_NO_PAD.encode(claims(&[]).to_string())
                ),
            ),
            (
                "algorithm swap",
                forge(r#"{"alg":"HS512","typ":"JWT"}"#, &claims(&[]), SECRET),
            ),
            (
                "wrong key",
                forge(hs, &claims(&[]), b"another key, also 32 bytes long!!"),
            ),
            (
                "expired",
                forge(
                    hs,
                    &claims(&[("exp", serde_json::json!(now() - 1))]),
                    SECRET,
                ),
            ),
            (
                "wrong issuer",
                forge(
                    hs,
                    &claims(&[("iss", serde_json::json!("https://evil.example"))]),
                    SECRET,
                ),
            ),
            (
                "wrong audience",
                forge(
                    hs,
                    &claims(&[("aud", serde_json::json!("other-api"))]),
                    SECRET,
                ),
            ),
            (
                "refresh type",
                forge(
                    hs,
                    &claims(&[("typ", serde_json::json!("refresh"))]),
                    SECRET,
                ),
            ),
            ("no exp", {
                let mut c = claims(&[]);
                c.as_object_mut().unwrap().remove("exp");
                forge(hs, &c, SECRET)
            }),
            ("garbage", "not.a.jwt".to_owned()),
        ];
        for (name, token) in cases {
            assert_eq!(keys().verify(&token, now()), None, "{name}");
        }
        let good = keys().issue(7, 3, now());
        let mut parts: Vec<String> = good.split('.').map(str::to_owned).collect();
        parts[1] = URL_SAFE_NO_PAD.encode(claims(&[("sub", serde_json::json!("1"))]).to_string());
        assert_eq!(
            keys().verify(&parts.join("."), now()),
            None,
            "tampered payload"
        );
    }
}
