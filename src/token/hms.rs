//! 100ms tokens: the management token that authenticates REST calls, and the app (auth)
//! token a peer joins a room with. Claims as the official `@100mslive/server-sdk` mints them.

use super::hs256::{written, Hs256Key};
use super::validity::Validity;
use super::Minted;
use crate::error::Result;
use crate::rules::{identifier, optional_identifier};
use edgeroom_mint::claims::{HmsAppClaims, HmsManagementClaims};
use edgeroom_mint::{uuid_v4_into, UUID_LENGTH};

/// The official SDK back-dates `iat` by 10 s so a server whose clock is behind accepts it.
pub const HMS_CLOCK_SKEW_SECONDS: i64 = 10;

/// A 100ms app's access key and secret, ready to sign. `Debug` never shows the secret.
#[derive(Clone, Debug)]
pub struct HmsCredentials {
    access_key: String,
    key: Hs256Key,
}

/// Who an app token is for.
#[derive(Clone, Copy, Debug)]
pub struct AppGrant<'a> {
    /// The room the peer joins.
    pub room_id: &'a str,
    /// The peer's role in the room's template.
    pub role: &'a str,
    /// Your id for the peer (the `user_id` claim), when you have one.
    pub user_id: Option<&'a str>,
}

impl<'a> AppGrant<'a> {
    /// The grant of `role` in `room_id`, without a user id.
    pub fn new(room_id: &'a str, role: &'a str) -> Self {
        AppGrant { room_id, role, user_id: None }
    }

    /// Sets your id for the peer (the `user_id` claim).
    pub fn user_id(mut self, user_id: &'a str) -> Self {
        self.user_id = Some(user_id);
        self
    }
}

impl HmsCredentials {
    /// Checks and keeps the credentials. Errors name `accessKey` or `secret`.
    pub fn new(access_key: &str, secret: &str) -> Result<Self> {
        let access_key = identifier("accessKey", access_key)?.to_owned();
        let key = Hs256Key::new("secret", secret)?;
        Ok(HmsCredentials { access_key, key })
    }

    /// The access key (public; it identifies the app).
    pub fn access_key(&self) -> &str {
        &self.access_key
    }

    /// A management token for the REST API. `now` is Unix seconds, `random` seeds the `jti`.
    pub fn management_token(&self, validity: &Validity, now: i64, random: [u8; 16]) -> Result<Minted> {
        let times = validity.resolve(now, HMS_CLOCK_SKEW_SECONDS)?;
        let mut jti = [0u8; UUID_LENGTH];
        let claims = HmsManagementClaims {
            access_key: &self.access_key,
            kind: "management",
            version: 2,
            iat: times.iat,
            nbf: times.nbf,
            exp: times.exp,
            jti: uuid_v4_into(random, &mut jti),
        };
        Ok(Minted { token: self.key.signer().hms_management(&claims).map_err(written)?, expires_at: times.exp })
    }

    /// An app (auth) token for one peer of one room in one role.
    pub fn app_token(&self, grant: &AppGrant<'_>, validity: &Validity, now: i64, random: [u8; 16]) -> Result<Minted> {
        let room_id = identifier("roomId", grant.room_id)?;
        let role = identifier("role", grant.role)?;
        let user_id = optional_identifier("userId", grant.user_id)?;
        let times = validity.resolve(now, HMS_CLOCK_SKEW_SECONDS)?;
        let mut jti = [0u8; UUID_LENGTH];
        let claims = HmsAppClaims {
            access_key: &self.access_key,
            kind: "app",
            version: 2,
            room_id,
            role,
            user_id,
            iat: times.iat,
            nbf: times.nbf,
            exp: times.exp,
            jti: uuid_v4_into(random, &mut jti),
        };
        Ok(Minted { token: self.key.signer().hms_app(&claims).map_err(written)?, expires_at: times.exp })
    }

    /// The signing key (for the mint benchmark in `token::bench`).
    #[cfg(test)]
    pub(crate) fn key(&self) -> &Hs256Key {
        &self.key
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::{decode_token, verify_token, VerifyOptions};

    const NOW: i64 = 1_700_000_000;

    fn creds() -> HmsCredentials {
        HmsCredentials::new("access-key-1", "s3cr3t").unwrap()
    }

    #[test]
    fn management_token_has_the_documented_claims() {
        let minted = creds().management_token(&Validity::default(), NOW, [7; 16]).unwrap();
        let decoded = decode_token(&minted.token).unwrap();
        assert_eq!(decoded.header, serde_json::json!({"alg": "HS256", "typ": "JWT"}));
        assert_eq!(
            decoded.claims,
            serde_json::json!({
                "access_key": "access-key-1", "type": "management", "version": 2,
                "iat": NOW - 10, "nbf": NOW - 10, "exp": NOW - 10 + 86_400,
                "jti": "07070707-0707-4707-8707-070707070707"
            })
        );
        assert_eq!(minted.expires_at, NOW - 10 + 86_400);
    }

    #[test]
    fn app_token_carries_room_role_and_user() {
        let grant = AppGrant { room_id: "room-1", role: "host", user_id: Some("u-1") };
        let minted = creds().app_token(&grant, &Validity::default(), NOW, [1; 16]).unwrap();
        let options = VerifyOptions { expected_type: Some("app".into()), leeway_seconds: 0 };
        let claims = verify_token(&minted.token, "s3cr3t", &options, NOW).unwrap();
        assert_eq!(claims["room_id"], "room-1");
        assert_eq!(claims["role"], "host");
        assert_eq!(claims["user_id"], "u-1");
        assert_eq!(claims["type"], "app");
    }

    #[test]
    fn user_id_is_omitted_when_not_given() {
        let grant = AppGrant { room_id: "r", role: "guest", user_id: None };
        let minted = creds().app_token(&grant, &Validity::default(), NOW, [1; 16]).unwrap();
        let claims = decode_token(&minted.token).unwrap().claims;
        assert!(claims.get("user_id").is_none());
    }

    #[test]
    fn every_token_gets_a_fresh_jti() {
        let a = creds().management_token(&Validity::default(), NOW, [1; 16]).unwrap();
        let b = creds().management_token(&Validity::default(), NOW, [2; 16]).unwrap();
        assert_ne!(decode_token(&a.token).unwrap().claims["jti"], decode_token(&b.token).unwrap().claims["jti"]);
    }

    #[test]
    fn bad_input_is_rejected_before_signing() {
        assert_eq!(HmsCredentials::new("", "s").unwrap_err().field(), Some("accessKey"));
        assert_eq!(HmsCredentials::new("k", "").unwrap_err().field(), Some("secret"));
        let c = creds();
        let v = Validity::default();
        let empty_room = AppGrant { room_id: "", role: "host", user_id: None };
        assert_eq!(c.app_token(&empty_room, &v, NOW, [0; 16]).unwrap_err().field(), Some("roomId"));
        let empty_role = AppGrant { room_id: "r", role: "", user_id: None };
        assert_eq!(c.app_token(&empty_role, &v, NOW, [0; 16]).unwrap_err().field(), Some("role"));
        let empty_user = AppGrant { room_id: "r", role: "host", user_id: Some("") };
        assert_eq!(c.app_token(&empty_user, &v, NOW, [0; 16]).unwrap_err().field(), Some("userId"));
    }

    #[test]
    fn debug_output_hides_the_secret() {
        let text = format!("{:?}", HmsCredentials::new("key", "very-secret-value").unwrap());
        assert!(text.contains("key"));
        assert!(!text.contains("very-secret-value"));
    }
}
