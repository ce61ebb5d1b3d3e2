//! Minting's hot path for edgeroom: the claims of each token kind and HS256 signing.
//!
//! A crate of its own for one reason: the rest of edgeroom is built for size (opt-level
//! "z"), and generic code is compiled in the crate that instantiates it, so the claims'
//! serialisation and the signing must be instantiated here, where Cargo.toml builds them at
//! opt-level 3. Measured in Node: minting at "z" ran at about 0.67× the speed it runs at
//! 3 (`bench/runners/before-after.mjs`). No primitive is written here: serde_json writes the
//! claims, `base64` encodes, `hmac` + `sha2` sign, `uuid` formats the `jti`.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod claims;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use claims::{HmsAppClaims, HmsManagementClaims, VideoSdkClaims};
use hmac::{Hmac, Mac};
use serde::Serialize;
use sha2::Sha256;

/// `base64url({"alg":"HS256","typ":"JWT"})`: the one header edgeroom ever signs.
pub const HEADER_B64: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";

/// The length of a hyphenated UUID.
pub const UUID_LENGTH: usize = uuid::fmt::Hyphenated::LENGTH;

/// A secret turned into a keyed HMAC-SHA256 state (the padded key hashed into the inner and
/// outer states once), cloned per token: minting then hashes only the token itself.
#[derive(Clone)]
pub struct Signer {
    mac: Hmac<Sha256>,
}

impl Signer {
    /// The signer of `secret` (HMAC takes keys of any length).
    pub fn new(secret: &[u8]) -> Signer {
        // `new_from_slice` fails only for fixed-length keys, which HMAC does not have.
        let mac = <Hmac<Sha256> as Mac>::new_from_slice(secret).unwrap_or_else(|_| unreachable!());
        Signer { mac }
    }

    /// A 100ms management token.
    pub fn hms_management(&self, claims: &HmsManagementClaims<'_>) -> serde_json::Result<String> {
        self.sign(claims)
    }

    /// A 100ms app token.
    pub fn hms_app(&self, claims: &HmsAppClaims<'_>) -> serde_json::Result<String> {
        self.sign(claims)
    }

    /// A VideoSDK token.
    pub fn videosdk(&self, claims: &VideoSdkClaims<'_>) -> serde_json::Result<String> {
        self.sign(claims)
    }

    /// `header.claims.signature` for any claims (the typed ones above are instantiated
    /// here, at opt-level 3; tests sign claims of their own with it).
    pub fn sign<C: Serialize>(&self, claims: &C) -> serde_json::Result<String> {
        let json = serde_json::to_vec(claims)?;
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

/// 16 random bytes as a version-4 UUID, `xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx` (the `uuid`
/// crate sets the version and variant bits), into a stack buffer.
pub fn uuid_v4_into(random: [u8; 16], buffer: &mut [u8; UUID_LENGTH]) -> &str {
    uuid::Builder::from_random_bytes(random).into_uuid().hyphenated().encode_lower(buffer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_as_hmac_sha256_over_the_base64url_parts() {
        // RFC 7515's HS256 example key and a short payload: checked by recomputing with hmac.
        let signer = Signer::new(b"secret");
        let token = signer.sign(&serde_json::json!({"a": 1})).unwrap();
        let (signed, signature) = token.rsplit_once('.').unwrap();
        assert_eq!(signed, format!("{HEADER_B64}.eyJhIjoxfQ"));
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(b"secret").unwrap();
        mac.update(signed.as_bytes());
        assert_eq!(signature, URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes()));
    }

    #[test]
    fn uuid_v4_sets_version_and_variant_bits() {
        let mut buffer = [0u8; UUID_LENGTH];
        assert_eq!(uuid_v4_into([0xff; 16], &mut buffer), "ffffffff-ffff-4fff-bfff-ffffffffffff");
        assert_eq!(uuid_v4_into([0; 16], &mut buffer), "00000000-0000-4000-8000-000000000000");
    }
}
