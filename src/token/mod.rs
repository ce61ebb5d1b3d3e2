//! JWT minting and verification, HS256 only: 100ms management and app tokens, VideoSDK
//! tokens, and a strict verifier. Pure functions: the time (`now`, Unix seconds) and the
//! randomness for `jti` are arguments, never read from the system.

use crate::prelude::*;
mod hms;
mod hs256;
mod validity;
mod verify;
mod videosdk;

pub use edgeroom_hs256::uuid::uuid_v4;
pub use hms::{AppGrant, HmsCredentials, HMS_CLOCK_SKEW_SECONDS};
pub use hs256::Hs256Key;
pub use validity::{TimeClaims, Validity, DEFAULT_VALID_FOR_SECONDS, MAX_VALID_FOR_SECONDS};
pub use verify::{decode_token, verify_token, DecodedToken, VerifyOptions, MAX_LEEWAY_SECONDS};
pub use videosdk::{Permission, VideoSdkCredentials, VideoSdkGrant, VideoSdkRole};

/// A freshly signed token and its expiry (Unix seconds).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Minted {
    /// The compact JWT.
    pub token: String,
    /// Its `exp`, Unix seconds.
    pub expires_at: i64,
}
