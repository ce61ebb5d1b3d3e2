//! The claims of each token kind, as serde structs in the order the providers' own SDKs
//! write them. Borrowed strings: minting copies nothing before serde_json writes the JSON.
#![allow(missing_docs)] // each member is the claim of the same name

use serde::Serialize;

/// A 100ms management token (`type: "management"`), as `@100mslive/server-sdk` mints it.
#[derive(Clone, Debug, Serialize)]
pub struct HmsManagementClaims<'a> {
    pub access_key: &'a str,
    #[serde(rename = "type")]
    pub kind: &'a str,
    pub version: u8,
    pub iat: i64,
    pub nbf: i64,
    pub exp: i64,
    pub jti: &'a str,
}

/// A 100ms app (auth) token (`type: "app"`) for one peer of one room in one role.
#[derive(Clone, Debug, Serialize)]
pub struct HmsAppClaims<'a> {
    pub access_key: &'a str,
    #[serde(rename = "type")]
    pub kind: &'a str,
    pub version: u8,
    pub room_id: &'a str,
    pub role: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<&'a str>,
    pub iat: i64,
    pub nbf: i64,
    pub exp: i64,
    pub jti: &'a str,
}

/// A VideoSDK token, as `@videosdk.live/server-sdk` mints it. `version`, `roomId`,
/// `participantId` and `roles` only when the token is scoped (see `videosdk.rs`).
#[derive(Clone, Debug, Serialize)]
pub struct VideoSdkClaims<'a> {
    pub apikey: &'a str,
    pub permissions: &'a [&'static str],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<u8>,
    #[serde(rename = "roomId", skip_serializing_if = "Option::is_none")]
    pub room_id: Option<&'a str>,
    #[serde(rename = "participantId", skip_serializing_if = "Option::is_none")]
    pub participant_id: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub roles: &'a [&'static str],
    pub iat: i64,
    pub exp: i64,
}
