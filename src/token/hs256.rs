//! HS256 signing with the key schedule computed once per client.
//!
//! HMAC-SHA256 hashes the padded key into an inner and an outer state before it hashes a
//! single byte of the message. [`Hs256Key`] keeps the keyed `Hmac<Sha256>` (those two
//! states) and clones it per token, so minting a token costs only the hashing of the token
//! itself: the reason minting is cheap enough to do on every request of an edge function.

use crate::error::{Error, Result};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use core::fmt;
use hmac::{Hmac, Mac};
use serde::Serialize;
use sha2::Sha256;
use std::string::String;

/// `base64url({"alg":"HS256","typ":"JWT"})`: the one header edgeroom ever signs.
pub(crate) const HEADER_B64: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";

/// A secret, turned into a ready HMAC-SHA256 state. Its `Debug` output never shows the secret.
#[derive(Clone)]
pub struct Hs256Key {
    mac: Hmac<Sha256>,
    /// The secret itself, for jwt-compact's key type (verification and the benchmark).
    secret: jwt_compact::alg::Hs256Key,
}

impl Hs256Key {
    /// Prepares a signing key. `field` names the option the secret came from, for the error.
    pub fn new(field: &str, secret: &str) -> Result<Self> {
        if secret.is_empty() {
            return Err(Error::invalid(field, "must be a non-empty string"));
        }
        // HMAC takes keys of any length; the error branch is unreachable.
        let mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes())
            .map_err(|_| Error::invalid(field, "must be a non-empty string"))?;
        Ok(Hs256Key { mac, secret: jwt_compact::alg::Hs256Key::new(secret.as_bytes()) })
    }

    /// jwt-compact's form of the same key.
    pub(crate) fn jwt_compact_key(&self) -> &jwt_compact::alg::Hs256Key {
        &self.secret
    }

    /// `header.claims.signature` for typed claims: serde_json writes them, `base64` encodes,
    /// the keyed HMAC (cloned) signs.
    pub(crate) fn mint<C: Serialize>(&self, claims: &C) -> Result<String> {
        let json = serde_json::to_vec(claims).map_err(|_| Error::invalid("claims", "cannot be written as JSON"))?;
        let mut out = String::with_capacity(HEADER_B64.len() + json.len() * 4 / 3 + 48);
        out.push_str(HEADER_B64);
        out.push('.');
        URL_SAFE_NO_PAD.encode_string(&json, &mut out);
        let mut mac = self.mac.clone();
        mac.update(out.as_bytes());
        let tag = mac.finalize().into_bytes();
        out.push('.');
        URL_SAFE_NO_PAD.encode_string(tag, &mut out);
        Ok(out)
    }
}

impl fmt::Debug for Hs256Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Hs256Key(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_secret_is_rejected_naming_the_field() {
        let err = Hs256Key::new("secret", "").unwrap_err();
        assert_eq!(err.message(), "secret: must be a non-empty string");
    }

    #[test]
    fn debug_hides_the_secret() {
        let key = Hs256Key::new("secret", "super-secret-value").unwrap();
        assert!(!format!("{key:?}").contains("super-secret-value"));
    }

    #[test]
    fn header_constant_is_the_documented_header() {
        assert_eq!(URL_SAFE_NO_PAD.decode(HEADER_B64).unwrap(), br#"{"alg":"HS256","typ":"JWT"}"#);
    }
}
