//! HS256 signing with the key schedule computed once per client.
//!
//! HMAC-SHA256 hashes the padded key into an inner and an outer state before it hashes a
//! single byte of the message. [`Hs256Key`] keeps those two states, so minting a token costs
//! only the hashing of the token itself: the reason minting is cheap enough to do on every
//! request of an edge function.

use crate::crypto::sha256::HmacKey;
use crate::error::{Error, Result};
use alloc::string::String;
use core::fmt;

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

    /// Whether `tag` is the HMAC-SHA256 of `data`, compared in constant time.
    pub(crate) fn verify(&self, data: &[u8], tag: &[u8]) -> bool {
        self.mac.verify(data, tag)
    }

    /// Signs claims that are already JSON (see `ClaimsWriter`, the fast path of minting).
    pub(crate) fn mint_json(&self, json: &[u8]) -> String {
        edgeroom_hs256::jwt::sign(&self.mac, json)
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
