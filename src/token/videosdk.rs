//! VideoSDK tokens, with the claims of VideoSDK's own `@videosdk.live/server-sdk`.
//! `roomId`, `participantId` and `roles` only take effect with `version: 2`, so the version
//! is set exactly when one of them is.

use super::hs256::Hs256Key;
use super::validity::Validity;
use super::Minted;
use crate::error::{Error, Result};
use crate::rules::{identifier, optional_identifier};
use edgeroom_mint::claims::VideoSdkClaims;

/// What a VideoSDK token lets its holder do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Permission {
    /// Join the meeting directly.
    AllowJoin,
    /// Moderate: remove participants, toggle their media.
    AllowMod,
    /// Ask to join; a moderator admits.
    AskJoin,
}

impl Permission {
    /// The wire name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Permission::AllowJoin => "allow_join",
            Permission::AllowMod => "allow_mod",
            Permission::AskJoin => "ask_join",
        }
    }

    const ALL: [(&'static str, Permission); 3] =
        [("allow_join", Permission::AllowJoin), ("allow_mod", Permission::AllowMod), ("ask_join", Permission::AskJoin)];

    /// Parses a permission by its wire name; `field` names it in the error.
    pub fn parse(field: &str, name: &str) -> Result<Permission> {
        lookup(&Self::ALL, field, name, "allow_join, allow_mod, ask_join")
    }
}

/// What the token is for: `rtc` joins meetings, `crawler` calls the REST API.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum VideoSdkRole {
    /// Calls the REST API.
    Crawler,
    /// Joins meetings.
    Rtc,
}

impl VideoSdkRole {
    /// The wire name.
    pub const fn as_str(self) -> &'static str {
        match self {
            VideoSdkRole::Crawler => "crawler",
            VideoSdkRole::Rtc => "rtc",
        }
    }

    const ALL: [(&'static str, VideoSdkRole); 2] = [("crawler", VideoSdkRole::Crawler), ("rtc", VideoSdkRole::Rtc)];

    /// Parses a role by its wire name; `field` names it in the error.
    pub fn parse(field: &str, name: &str) -> Result<VideoSdkRole> {
        lookup(&Self::ALL, field, name, "crawler, rtc")
    }
}

fn lookup<T: Copy>(table: &[(&str, T)], field: &str, name: &str, allowed: &str) -> Result<T> {
    table
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| *v)
        .ok_or_else(|| Error::invalid(field, format_args!("must be one of {allowed}")))
}

/// The grant of a VideoSDK token.
#[derive(Clone, Debug, Default)]
pub struct VideoSdkGrant<'a> {
    /// At least one.
    pub permissions: Vec<Permission>,
    /// Limits the token to one room.
    pub room_id: Option<&'a str>,
    /// Fixes the participant's id.
    pub participant_id: Option<&'a str>,
    /// `crawler` for the REST API, `rtc` for meetings.
    pub roles: Vec<VideoSdkRole>,
}

impl<'a> VideoSdkGrant<'a> {
    /// The grant of `permissions` (at least one), in any room, to any participant.
    pub fn new(permissions: impl IntoIterator<Item = Permission>) -> Self {
        VideoSdkGrant { permissions: permissions.into_iter().collect(), ..VideoSdkGrant::default() }
    }

    /// Limits the token to one room.
    pub fn room_id(mut self, room_id: &'a str) -> Self {
        self.room_id = Some(room_id);
        self
    }

    /// Fixes the participant's id.
    pub fn participant_id(mut self, participant_id: &'a str) -> Self {
        self.participant_id = Some(participant_id);
        self
    }

    /// Adds a role (`rtc` for meetings, `crawler` for the REST API).
    pub fn role(mut self, role: VideoSdkRole) -> Self {
        self.roles.push(role);
        self
    }
}

/// A VideoSDK API key and secret, ready to sign. `Debug` never shows the secret.
#[derive(Clone, Debug)]
pub struct VideoSdkCredentials {
    api_key: String,
    key: Hs256Key,
}

impl VideoSdkCredentials {
    /// Checks and keeps the credentials. Errors name `apiKey` or `secret`.
    pub fn new(api_key: &str, secret: &str) -> Result<Self> {
        let api_key = identifier("apiKey", api_key)?.to_owned();
        let key = Hs256Key::new("secret", secret)?;
        Ok(VideoSdkCredentials { api_key, key })
    }

    /// The API key (public).
    pub fn api_key(&self) -> &str {
        &self.api_key
    }

    /// Mints a token. VideoSDK has no clock-skew convention, so `iat` is `now` unless given.
    pub fn token(&self, grant: &VideoSdkGrant<'_>, validity: &Validity, now: i64) -> Result<Minted> {
        if grant.permissions.is_empty() {
            return Err(Error::invalid("permissions", "must list at least one of allow_join, allow_mod, ask_join"));
        }
        let room_id = optional_identifier("roomId", grant.room_id)?;
        let participant_id = optional_identifier("participantId", grant.participant_id)?;
        let times = validity.resolve(now, 0)?;
        let scoped = room_id.is_some() || participant_id.is_some() || !grant.roles.is_empty();
        let permissions: Vec<&'static str> = grant.permissions.iter().map(|p| p.as_str()).collect();
        let roles: Vec<&'static str> = grant.roles.iter().map(|r| r.as_str()).collect();
        let claims = VideoSdkClaims {
            apikey: &self.api_key,
            permissions: &permissions,
            version: scoped.then_some(2),
            room_id,
            participant_id,
            roles: &roles,
            iat: times.iat,
            exp: times.exp,
        };
        Ok(Minted { token: self.key.signer().videosdk(&claims).map_err(super::hs256::written)?, expires_at: times.exp })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::decode_token;

    const NOW: i64 = 1_700_000_000;

    fn creds() -> VideoSdkCredentials {
        VideoSdkCredentials::new("api-key", "vsdk-secret").unwrap()
    }

    #[test]
    fn plain_token_has_apikey_permissions_and_times() {
        let grant = VideoSdkGrant { permissions: vec![Permission::AllowJoin], ..Default::default() };
        let minted = creds().token(&grant, &Validity::default(), NOW).unwrap();
        assert_eq!(
            decode_token(&minted.token).unwrap().claims,
            serde_json::json!({"apikey": "api-key", "permissions": ["allow_join"], "iat": NOW, "exp": NOW + 86_400})
        );
    }

    #[test]
    fn scoped_token_gets_version_2() {
        let grant = VideoSdkGrant {
            permissions: vec![Permission::AllowJoin, Permission::AllowMod],
            room_id: Some("abc-xyzw-lmno"),
            participant_id: Some("p-1"),
            roles: vec![VideoSdkRole::Rtc],
        };
        let claims = decode_token(&creds().token(&grant, &Validity::default(), NOW).unwrap().token).unwrap().claims;
        assert_eq!(claims["version"], 2);
        assert_eq!(claims["roomId"], "abc-xyzw-lmno");
        assert_eq!(claims["participantId"], "p-1");
        assert_eq!(claims["roles"], serde_json::json!(["rtc"]));
        assert_eq!(claims["permissions"], serde_json::json!(["allow_join", "allow_mod"]));
    }

    #[test]
    fn unknown_permission_or_role_is_named() {
        let err = Permission::parse("permissions[1]", "allow_everything").unwrap_err();
        assert_eq!(err.message(), "permissions[1]: must be one of allow_join, allow_mod, ask_join");
        assert_eq!(VideoSdkRole::parse("roles[0]", "admin").unwrap_err().field(), Some("roles[0]"));
    }

    #[test]
    fn empty_permissions_are_rejected() {
        let err = creds().token(&VideoSdkGrant::default(), &Validity::default(), NOW).unwrap_err();
        assert_eq!(err.field(), Some("permissions"));
    }
}
