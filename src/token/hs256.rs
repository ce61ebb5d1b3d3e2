//! HS256 signing with the key schedule computed once per client.
//!
//! HMAC-SHA256 hashes the padded key into an inner and an outer state before it hashes a
//! single byte of the message. [`Hs256Key`] keeps those two states, so minting a token costs
//! only the hashing of the token itself: the reason minting is cheap enough to do on every
//! request of an edge function.

use crate::crypto::base64::encode_url;
use crate::crypto::sha256::HmacKey;
use crate::error::{Error, Result};
use alloc::string::String;
use core::fmt;

/// `base64url({"alg":"HS256","typ":"JWT"})`: the one header edgeroom ever signs.
pub(crate) const HEADER_B64: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";

/// A secret, turned into a ready HMAC-SHA256 state. Its `Debug` output never shows the secret.
#[derive(Clone)]
pub struct Hs256Key {
    mac: HmacKey,
}

impl Hs256Key {
    /// Prepares a signing key. `field` names the option the secret came from, for the error.
    pub fn new(field: &str, secret: &str) -> Result<Self> {
        if secret.is_empty() {
            return Err(Error::invalid(field, "must be a non-empty string"));
        }
        Ok(Hs256Key { mac: HmacKey::new(secret.as_bytes()) })
    }

    /// The raw HMAC-SHA256 of `data`.
    pub(crate) fn sign(&self, data: &[u8]) -> [u8; 32] {
        self.mac.sign(data)
    }

    /// Whether `tag` is the HMAC-SHA256 of `data`, compared in constant time.
    pub(crate) fn verify(&self, data: &[u8], tag: &[u8]) -> bool {
        self.mac.verify(data, tag)
    }

    /// Signs claims that are already JSON (see `json_writer`, the fast path of minting).
    pub(crate) fn mint_json(&self, json: &[u8]) -> String {
        let mut out = String::with_capacity(HEADER_B64.len() + json.len() * 4 / 3 + 48);
        out.push_str(HEADER_B64);
        out.push('.');
        encode_url(&mut out, json);
        let signature = self.sign(out.as_bytes());
        out.push('.');
        encode_url(&mut out, &signature);
        out
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
    #[allow(unused_imports)]
    use std::{borrow::ToOwned, format, string::String, string::ToString, vec, vec::Vec};

    #[test]
    fn header_constant_is_the_documented_header() {
        let decoded = crate::crypto::base64::decode_url(HEADER_B64).unwrap();
        assert_eq!(decoded, br#"{"alg":"HS256","typ":"JWT"}"#);
    }

    #[test]
    fn signature_matches_rfc4231_case_2() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        let key = Hs256Key::new("secret", "Jefe").unwrap();
        let mac = key.sign(b"what do ya want for nothing?");
        let hex: String = mac.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

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
}
