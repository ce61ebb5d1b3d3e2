//! HS256 signing with the key schedule computed once per client.
//!
//! HMAC-SHA256 hashes the padded key into an inner and an outer state before it hashes a
//! single byte of the message. [`Hs256Key`] keeps the keyed `Hmac<Sha256>` (those two
//! states) and clones it per token, so minting a token costs only the hashing of the token
//! itself: the reason minting is cheap enough to do on every request of an edge function.

use crate::error::{Error, Result};
use core::fmt;
use edgeroom_mint::Signer;

#[cfg(test)]
pub(crate) use edgeroom_mint::HEADER_B64;

/// A secret, turned into a ready HMAC-SHA256 state. Its `Debug` output never shows the secret.
#[derive(Clone)]
pub struct Hs256Key {
    signer: Signer,
    /// The secret itself, for jwt-compact's key type (verification and the benchmark).
    secret: jwt_compact::alg::Hs256Key,
}

impl Hs256Key {
    /// Prepares a signing key. `field` names the option the secret came from, for the error.
    pub fn new(field: &str, secret: &str) -> Result<Self> {
        if secret.is_empty() {
            return Err(Error::invalid(field, "must be a non-empty string"));
        }
        let signer = Signer::new(secret.as_bytes());
        Ok(Hs256Key { signer, secret: jwt_compact::alg::Hs256Key::new(secret.as_bytes()) })
    }

    /// jwt-compact's form of the same key.
    pub(crate) fn jwt_compact_key(&self) -> &jwt_compact::alg::Hs256Key {
        &self.secret
    }

    /// The signer (minting's hot path, `crates/mint`).
    pub(crate) fn signer(&self) -> &Signer {
        &self.signer
    }

    /// `header.claims.signature` for any claims (tests; the token kinds sign through
    /// [`Hs256Key::signer`], whose typed methods are compiled at opt-level 3).
    #[cfg(test)]
    pub(crate) fn mint<C: serde::Serialize>(&self, claims: &C) -> Result<String> {
        self.signer.sign(claims).map_err(written)
    }
}

/// serde_json cannot fail on the claims (strings and integers only); should it, it is
/// reported rather than unwrapped.
pub(crate) fn written(_: serde_json::Error) -> Error {
    Error::invalid("claims", "cannot be written as JSON")
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
        use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
        assert_eq!(URL_SAFE_NO_PAD.decode(HEADER_B64).unwrap(), br#"{"alg":"HS256","typ":"JWT"}"#);
    }
}
