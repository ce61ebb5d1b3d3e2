//! JWT minting and verification, HS256 only: 100ms management and app tokens, VideoSDK
//! tokens, and a strict verifier. Pure functions: the time (`now`, Unix seconds) and the
//! randomness for `jti` are arguments, never read from the system.

#[cfg(test)]
mod bench;
mod hms;
mod hs256;
mod validity;
mod verify;
mod videosdk;

pub use hms::{AppGrant, HmsCredentials, HMS_CLOCK_SKEW_SECONDS};
pub use hs256::Hs256Key;
pub use validity::{TimeClaims, Validity, DEFAULT_VALID_FOR_SECONDS, MAX_VALID_FOR_SECONDS};
pub use verify::{decode_token, verify_token, DecodedToken, VerifyOptions, MAX_LEEWAY_SECONDS};
#[cfg(all(target_arch = "wasm32", feature = "wasm-tokens"))]
pub(crate) use verify::{decode_token_text, verify_token_text};
pub use videosdk::{Permission, VideoSdkCredentials, VideoSdkGrant, VideoSdkRole};

/// A freshly signed token and its expiry (Unix seconds). Serialises as
/// `{"token":"...","expires_at":...}`, for a service that answers it as JSON.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Minted {
    /// The compact JWT.
    pub token: String,
    /// Its `exp`, Unix seconds.
    pub expires_at: i64,
}

/// Formats 16 random bytes as a version-4 UUID, `xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx` (the
/// `uuid` crate sets the version and variant bits). The core has no randomness of its own:
/// the wasm layer feeds it from `crypto.getRandomValues`.
pub fn uuid_v4(random: [u8; 16]) -> String {
    let mut buffer = [0u8; edgeroom_mint::UUID_LENGTH];
    edgeroom_mint::uuid_v4_into(random, &mut buffer).to_owned()
}

#[cfg(test)]
mod tests {
    use super::uuid_v4;

    #[test]
    fn uuid_v4_sets_version_and_variant_bits() {
        assert_eq!(uuid_v4([0xff; 16]), "ffffffff-ffff-4fff-bfff-ffffffffffff");
        assert_eq!(uuid_v4([0; 16]), "00000000-0000-4000-8000-000000000000");
        assert_eq!(uuid_v4([7; 16]), "07070707-0707-4707-8707-070707070707");
    }
}
