//! HS256 signing with the key schedule computed once per client.
//!
//! HMAC-SHA256 hashes the padded key into an inner and an outer state before it hashes a
//! single byte of the message. [`Hs256Key`] keeps those two states, so minting a token costs
//! only the hashing of the token itself: the reason minting is cheap enough to do on every
//! request of an edge function.

use crate::error::{Error, Result};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::fmt;

/// `base64url({"alg":"HS256","typ":"JWT"})`: the one header edgeroom ever signs.
pub(crate) const HEADER_B64: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";

/// A secret, turned into a ready HMAC-SHA256 state. Its `Debug` output never shows the secret.
#[derive(Clone)]
pub struct Hs256Key {
    mac: Hmac<Sha256>,
}

impl Hs256Key {
    /// Prepares a signing key. `field` names the option the secret came from, for the error.
    pub fn new(field: &str, secret: &str) -> Result<Self> {
        if secret.is_empty() {
            return Err(Error::invalid(field, "must be a non-empty string"));
        }
        // HMAC accepts keys of any length, so this cannot fail; map it anyway rather than unwrap.
        let mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes())
            .map_err(|_| Error::invalid(field, "is not a usable HMAC key"))?;
        Ok(Hs256Key { mac })
    }

    /// The raw HMAC-SHA256 of `data`.
    pub(crate) fn sign(&self, data: &[u8]) -> [u8; 32] {
        let mut mac = self.mac.clone();
        mac.update(data);
        mac.finalize().into_bytes().into()
    }

    /// Whether `tag` is the HMAC-SHA256 of `data`, compared in constant time.
    pub(crate) fn verify(&self, data: &[u8], tag: &[u8]) -> bool {
        use subtle::ConstantTimeEq;
        tag.len() == 32 && bool::from(self.sign(data).ct_eq(tag))
    }

    /// Signs claims that are already JSON (see `json_writer`, the fast path of minting).
    pub(crate) fn mint_json(&self, json: &[u8]) -> String {
        let mut out = String::with_capacity(HEADER_B64.len() + json.len() * 4 / 3 + 48);
        out.push_str(HEADER_B64);
        out.push('.');
        push_base64url(&mut out, json);
        let signature = self.sign(out.as_bytes());
        out.push('.');
        push_base64url(&mut out, &signature);
        out
    }
}

impl fmt::Debug for Hs256Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Hs256Key(<redacted>)")
    }
}

/// Appends the unpadded base64url form of `bytes` to `out`. A table lookup per character:
/// claims and signatures are public, so the constant-time encoder (kept for decoding
/// untrusted input) would only cost time here.
fn push_base64url(out: &mut String, bytes: &[u8]) {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut encoded = Vec::with_capacity(bytes.len().div_ceil(3) * 4);
    let mut chunks = bytes.chunks_exact(3);
    for chunk in &mut chunks {
        let n = u32::from(chunk[0]) << 16 | u32::from(chunk[1]) << 8 | u32::from(chunk[2]);
        encoded.extend([18, 12, 6, 0].map(|shift| ALPHABET[(n >> shift & 63) as usize]));
    }
    match *chunks.remainder() {
        [a] => {
            let n = u32::from(a) << 16;
            encoded.extend([18, 12].map(|shift| ALPHABET[(n >> shift & 63) as usize]));
        }
        [a, b] => {
            let n = u32::from(a) << 16 | u32::from(b) << 8;
            encoded.extend([18, 12, 6].map(|shift| ALPHABET[(n >> shift & 63) as usize]));
        }
        _ => {}
    }
    // The alphabet is ASCII, so this cannot fail; nothing is pushed if it somehow did.
    if let Ok(text) = std::str::from_utf8(&encoded) {
        out.push_str(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64ct::{Base64UrlUnpadded, Encoding};

    #[test]
    fn header_constant_is_the_documented_header() {
        let decoded = Base64UrlUnpadded::decode_vec(HEADER_B64).unwrap();
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
    fn base64url_matches_the_reference_encoder_at_every_length() {
        let bytes: Vec<u8> = (0..=255u8).collect();
        for len in 0..bytes.len() {
            let mut out = String::new();
            push_base64url(&mut out, &bytes[..len]);
            assert_eq!(out, Base64UrlUnpadded::encode_string(&bytes[..len]), "length {len}");
        }
    }

    #[test]
    fn debug_hides_the_secret() {
        let key = Hs256Key::new("secret", "super-secret-value").unwrap();
        assert!(!format!("{key:?}").contains("super-secret-value"));
    }
}
