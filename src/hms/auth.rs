//! The room-code exchange: `POST <authBaseUrl>/token` with `{code, user_id}` answers an app
//! token. It needs no secret and no management token, so it also runs in a browser.

use super::common::Extra;
use super::{HmsClient, DEFAULT_AUTH_BASE_URL};
use crate::call::{calls, Call, Retry, Validate};
use crate::client::{check_base_url, send, Env, RetryPolicy, Transport, Unauthenticated};
use crate::error::Result;
use crate::http::HttpRequest;
use crate::reply::Reply;
use crate::rules::{identifier, optional};
use serde::{Deserialize, Serialize};

/// What the exchange takes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct RoomCodeGrant {
    /// The room code.
    pub code: String,
    /// The peer's user id, if the caller has one.
    pub user_id: Option<String>,
}

impl RoomCodeGrant {
    /// The grant of `code`, for a peer without a user id.
    pub fn new(code: impl Into<String>) -> Self {
        RoomCodeGrant { code: code.into(), user_id: None }
    }

    /// Sets the peer's user id.
    pub fn user_id(mut self, user_id: impl Into<String>) -> Self {
        self.user_id = Some(user_id.into());
        self
    }
}

impl Validate for RoomCodeGrant {
    fn validate(&self) -> Result<()> {
        identifier("code", &self.code)?;
        optional(self.user_id.as_deref(), |user| identifier("user_id", user).map(drop))
    }
}

/// The app token the exchange answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AuthToken {
    /// The app token (a JWT) to join with.
    pub token: String,
    /// Whatever else 100ms sends (`expiresAt` and the like).
    #[serde(flatten)]
    pub extra: Extra,
}

calls! {
    provider HmsClient;

    /// `POST <authBaseUrl>/token`: a room code for an app token, without credentials.
    /// Retried on 429 and 5xx as 100ms's own web SDK does.
    ExchangeRoomCode = "auth.exchangeRoomCode": Post "/token" () body RoomCodeGrant => AuthToken,
        reply Reply::Object(&["token"]), retry Retry::Always, on Auth;
}

/// The request of [`exchange_room_code`], for a caller that sends it itself.
pub fn exchange_room_code_request(auth_base_url: Option<&str>, call: &ExchangeRoomCode) -> Result<HttpRequest> {
    let base = check_base_url("authBaseUrl", auth_base_url.unwrap_or(DEFAULT_AUTH_BASE_URL))?;
    crate::request::build(call, &base)
}

/// Exchanges a room code for an app token with no client (and no secret) at all.
pub async fn exchange_room_code(
    transport: &impl Transport,
    env: &impl Env,
    retry: &RetryPolicy,
    auth_base_url: Option<&str>,
    call: &ExchangeRoomCode,
) -> Result<AuthToken> {
    let request = exchange_room_code_request(auth_base_url, call)?;
    let text = send(transport, env, retry, ExchangeRoomCode::SPEC, request, None::<&Unauthenticated>).await?;
    crate::reply::typed(200, &text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::HttpResponse;

    fn grant(code: &str, user: Option<&str>) -> ExchangeRoomCode {
        ExchangeRoomCode::new(RoomCodeGrant { code: code.into(), user_id: user.map(Into::into) })
    }

    #[test]
    fn grants_build_with_and_without_a_user_id() {
        assert_eq!(RoomCodeGrant::new("abc-defg-hij"), RoomCodeGrant { code: "abc-defg-hij".into(), user_id: None });
        let grant = RoomCodeGrant::new(String::from("c")).user_id("u1");
        assert_eq!(grant, RoomCodeGrant { code: "c".into(), user_id: Some("u1".into()) });
    }

    #[test]
    fn exchange_posts_code_and_user_id_without_credentials() {
        let req = exchange_room_code_request(None, &grant("abc-defg-hij", Some("u1"))).unwrap();
        assert_eq!(req.url, "https://auth.100ms.live/v2/token");
        assert_eq!(req.body.as_deref(), Some(r#"{"code":"abc-defg-hij","user_id":"u1"}"#));
        assert_eq!(req.header("authorization"), None);
        assert!(!ExchangeRoomCode::SPEC.authenticated);
        let err = exchange_room_code_request(None, &grant("", None)).unwrap_err();
        assert_eq!(err.message(), "code: must be a non-empty string");
    }

    #[test]
    fn exchange_answers_the_token_or_the_providers_error() {
        let read =
            |status, body: &str| crate::reply::read(ExchangeRoomCode::SPEC.reply, &HttpResponse::new(status, body));
        let token: AuthToken = crate::reply::typed(200, &read(200, r#"{"token":"a.b.c"}"#).unwrap()).unwrap();
        assert_eq!(token.token, "a.b.c");
        let err = read(404, r#"{"code":404,"message":"Room code not found"}"#).unwrap_err();
        assert_eq!(err.code().as_str(), "not_found");
        let err = read(200, r#"{"tok":"x"}"#).unwrap_err();
        assert_eq!(err.code().as_str(), "invalid_response");
    }
}
