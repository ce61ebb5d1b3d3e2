//! 100ms: the client (credentials, base URLs, the cached management token) and one module
//! per resource, each a list of endpoint declarations.

use crate::prelude::*;
use core::ops::Deref;
pub mod active_rooms;
pub mod analytics;
pub mod auth;
mod common;
pub mod polls;
pub mod recordings;
pub mod room_codes;
pub mod rooms;
pub mod sessions;
pub mod stream_keys;
pub mod streams;
pub mod templates;

use crate::client::{check_base_url, send, Authorizer, Env, RetryPolicy, Transport};
use crate::endpoint::{Endpoint, Host};
use crate::error::Result;
use crate::http::HttpRequest;
use crate::json::Value;
use crate::token::{AppGrant, HmsCredentials, Minted, Validity};
use crate::token_cache::TokenCache;

/// 100ms's REST API.
pub const DEFAULT_BASE_URL: &str = "https://api.100ms.live/v2";
/// 100ms's token service (the room-code exchange).
pub const DEFAULT_AUTH_BASE_URL: &str = "https://auth.100ms.live/v2";

/// Every 100ms endpoint, by the name the JS layer calls it.
pub static ENDPOINTS: &[&Endpoint] = &[
    &rooms::CREATE,
    &rooms::RETRIEVE,
    &rooms::RETRIEVE_BY_NAME,
    &rooms::UPDATE,
    &rooms::ENABLE_OR_DISABLE,
    &rooms::LIST,
    &room_codes::CREATE,
    &room_codes::CREATE_FOR_ROLE,
    &room_codes::LIST,
    &room_codes::ENABLE_OR_DISABLE,
    &auth::EXCHANGE_ROOM_CODE,
    &stream_keys::CREATE,
    &stream_keys::RETRIEVE,
    &stream_keys::DISABLE,
    &sessions::RETRIEVE,
    &sessions::LIST,
    &sessions::RETRIEVE_ACTIVE_BY_ROOM,
    &active_rooms::RETRIEVE,
    &active_rooms::RETRIEVE_PEER_DETAILS,
    &active_rooms::RETRIEVE_ACTIVE_PEERS,
    &active_rooms::UPDATE_PEER,
    &active_rooms::SEND_MESSAGE,
    &active_rooms::REMOVE_PEER,
    &active_rooms::END,
    &recordings::START_RECORDING,
    &recordings::STOP,
    &recordings::STOP_ALL,
    &recordings::RETRIEVE,
    &recordings::LIST,
    &recordings::RETRIEVE_CONFIG,
    &recordings::RETRIEVE_ASSET,
    &recordings::LIST_ASSETS,
    &recordings::PRESIGNED_URL,
    &streams::START_LIVE_STREAM,
    &streams::STOP_LIVE,
    &streams::STOP_ALL_LIVE,
    &streams::RETRIEVE_LIVE,
    &streams::LIST_LIVE,
    &streams::SEND_TIMED_METADATA,
    &streams::PAUSE_RECORDING,
    &streams::RESUME_RECORDING,
    &streams::START_EXTERNAL_STREAM,
    &streams::STOP_EXTERNAL,
    &streams::STOP_ALL_EXTERNAL,
    &streams::RETRIEVE_EXTERNAL,
    &streams::LIST_EXTERNAL,
    &analytics::LIST_EVENTS,
    &polls::CREATE_POLL,
    &polls::RETRIEVE,
    &polls::UPDATE_POLL,
    &polls::UPDATE_QUESTION,
    &polls::DELETE_QUESTION,
    &polls::UPDATE_OPTION,
    &polls::DELETE_OPTION,
    &polls::RETRIEVE_SESSION,
    &polls::RETRIEVE_RESULTS,
    &polls::RETRIEVE_RESULT,
    &polls::RETRIEVE_RESPONSES,
    &polls::RETRIEVE_RESPONSE,
    &templates::LIST,
    &templates::RETRIEVE,
    &templates::CREATE_TEMPLATE,
    &templates::UPDATE_TEMPLATE,
    &templates::RETRIEVE_ROLE,
    &templates::CREATE_OR_UPDATE_ROLE,
    &templates::DELETE_ROLE,
    &templates::RETRIEVE_SETTINGS,
    &templates::UPDATE_SETTINGS,
    &templates::RETRIEVE_RECORDINGS_CONFIG,
    &templates::CONFIGURE_RECORDINGS,
];

/// Looks an endpoint up by name.
pub fn endpoint(name: &str) -> Option<&'static Endpoint> {
    ENDPOINTS.iter().copied().find(|e| e.name == name)
}

/// Where a client sends its requests.
#[derive(Clone, Debug, Default)]
pub struct HmsOptions {
    /// Default [`DEFAULT_BASE_URL`].
    pub base_url: Option<String>,
    /// Default [`DEFAULT_AUTH_BASE_URL`].
    pub auth_base_url: Option<String>,
    /// How transient failures of safe requests are retried.
    pub retry: RetryPolicy,
}

/// A 100ms client: sans-IO builders plus one async `call` over an injected transport.
#[derive(Debug)]
pub struct HmsClient {
    credentials: HmsCredentials,
    base_url: String,
    auth_base_url: String,
    retry: RetryPolicy,
    cached: TokenCache,
}

impl HmsClient {
    /// Checks the credentials and options. Nothing is signed or sent yet.
    pub fn new(access_key: &str, secret: &str, options: &HmsOptions) -> Result<Self> {
        let credentials = HmsCredentials::new(access_key, secret)?;
        let base_url = check_base_url("baseUrl", options.base_url.as_deref().unwrap_or(DEFAULT_BASE_URL))?;
        let auth_base_url =
            check_base_url("authBaseUrl", options.auth_base_url.as_deref().unwrap_or(DEFAULT_AUTH_BASE_URL))?;
        Ok(HmsClient { credentials, base_url, auth_base_url, retry: options.retry, cached: TokenCache::default() })
    }

    /// The credentials, for minting app tokens.
    pub fn credentials(&self) -> &HmsCredentials {
        &self.credentials
    }

    /// The management token: the cached one while comfortably valid, else a fresh one.
    /// A different `valid_for` than the cached token's, or `force_new`, mints anew.
    pub fn management_token(&self, env: &impl Env, valid_for: Option<i64>, force_new: bool) -> Result<Minted> {
        let now = env.now_unix();
        self.cached.get(now, valid_for, force_new, |lifetime| {
            let validity = Validity { valid_for_seconds: Some(lifetime), ..Validity::default() };
            self.credentials.management_token(&validity, now, env.random16()?)
        })
    }

    /// An app (auth) token for a peer.
    pub fn app_token(&self, env: &impl Env, grant: &AppGrant<'_>, validity: &Validity) -> Result<Minted> {
        self.credentials.app_token(grant, validity, env.now_unix(), env.random16()?)
    }

    /// Builds the request for `endpoint`, against this client's base URLs, without credentials.
    pub fn build(&self, endpoint: &Endpoint, args: &[&str], query: &Value, body: &Value) -> Result<HttpRequest> {
        let base = match endpoint.host {
            Host::Api => &self.base_url,
            Host::Auth => &self.auth_base_url,
        };
        endpoint.build(base, args, query, body)
    }

    /// How transient failures of safe requests are retried.
    pub fn retry_policy(&self) -> RetryPolicy {
        self.retry
    }

    /// Builds, authenticates, sends and parses one call.
    pub async fn call(
        &self,
        transport: &impl Transport,
        env: &impl Env,
        endpoint: &Endpoint,
        args: &[&str],
        query: &Value,
        body: &Value,
    ) -> Result<Value> {
        let request = self.build(endpoint, args, query, body)?;
        let auth = ManagementAuth::of(self, env, endpoint);
        send(transport, env, &self.retry, endpoint, request, auth.as_ref().map(|a| a as &dyn Authorizer)).await
    }
}

/// The [`Authorizer`] of 100ms calls: the cached management token, as `Bearer`. `C` and `E`
/// are references or shared pointers to the client and its environment.
pub struct ManagementAuth<C, E> {
    /// The client whose credentials sign the token.
    pub client: C,
    /// The clock and randomness for minting.
    pub env: E,
}

impl<C: Deref<Target = HmsClient>, E: Deref<Target: Env + Sized>> ManagementAuth<C, E> {
    /// The authorizer of a call of `endpoint`: none for the unauthenticated ones (the token
    /// service of the room-code exchange).
    #[inline]
    pub fn of(client: C, env: E, endpoint: &Endpoint) -> Option<Self> {
        endpoint.authenticated.then_some(ManagementAuth { client, env })
    }
}

impl<C: Deref<Target = HmsClient>, E: Deref<Target: Env + Sized>> Authorizer for ManagementAuth<C, E> {
    fn authorization(&self, renew: bool) -> Result<String> {
        let minted = self.client.management_token(&*self.env, None, renew)?;
        Ok(format!("Bearer {}", minted.token))
    }
}

/// Exchanges a room code for an app token: no credentials needed. Retried on 429 and 5xx
/// as 100ms's own web SDK does.
pub async fn exchange_room_code(
    transport: &impl Transport,
    env: &impl Env,
    retry: &RetryPolicy,
    auth_base_url: Option<&str>,
    body: &Value,
) -> Result<Value> {
    let request = exchange_room_code_request(auth_base_url, body)?;
    send(transport, env, retry, &auth::EXCHANGE_ROOM_CODE, request, None).await
}

/// The request of [`exchange_room_code`], for a caller that sends it itself.
pub fn exchange_room_code_request(auth_base_url: Option<&str>, body: &Value) -> Result<HttpRequest> {
    let base = check_base_url("authBaseUrl", auth_base_url.unwrap_or(DEFAULT_AUTH_BASE_URL))?;
    auth::EXCHANGE_ROOM_CODE.build(&base, &[], &Value::Null, body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{Error, ErrorCode};
    use crate::http::HttpResponse;
    use crate::token::decode_token;
    #[allow(unused_imports)]
    use std::{borrow::ToOwned, format, string::String, string::ToString, vec, vec::Vec};

    use std::cell::{Cell, RefCell};
    use std::future::Future;
    use std::pin::pin;
    use std::task::{Context, Poll, Waker};

    /// Runs a future that never waits on anything (the scripted transport answers at once).
    fn block_on<F: Future>(future: F) -> F::Output {
        let mut future = pin!(future);
        match future.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(value) => value,
            Poll::Pending => panic!("the scripted transport never waits"),
        }
    }

    struct FixedEnv {
        now: Cell<i64>,
        counter: Cell<u8>,
    }

    impl Env for FixedEnv {
        fn now_unix(&self) -> i64 {
            self.now.get()
        }
        fn random16(&self) -> Result<[u8; 16]> {
            self.counter.set(self.counter.get().wrapping_add(1));
            Ok([self.counter.get(); 16])
        }
    }

    fn env() -> FixedEnv {
        FixedEnv { now: Cell::new(1_700_000_000), counter: Cell::new(0) }
    }

    /// Answers with scripted responses (or errors), records what was sent, and records
    /// the waits instead of waiting.
    struct Scripted {
        answers: RefCell<Vec<Result<HttpResponse>>>,
        sent: RefCell<Vec<HttpRequest>>,
        slept: RefCell<Vec<u64>>,
        notices: RefCell<Vec<(u32, u64, String)>>,
    }

    impl Scripted {
        fn new(answers: Vec<HttpResponse>) -> Self {
            Scripted::with(answers.into_iter().map(Ok).collect())
        }

        fn with(answers: Vec<Result<HttpResponse>>) -> Self {
            Scripted {
                answers: RefCell::new(answers),
                sent: RefCell::new(Vec::new()),
                slept: RefCell::new(Vec::new()),
                notices: RefCell::new(Vec::new()),
            }
        }
    }

    impl Transport for Scripted {
        async fn send(&self, request: HttpRequest) -> Result<HttpResponse> {
            self.sent.borrow_mut().push(request);
            self.answers.borrow_mut().remove(0)
        }

        async fn sleep(&self, ms: u64) -> Result<()> {
            self.slept.borrow_mut().push(ms);
            Ok(())
        }

        fn retrying(&self, notice: &crate::client::RetryNotice<'_>) {
            self.notices.borrow_mut().push((notice.attempt, notice.delay_ms, notice.error.code().as_str().to_owned()));
        }
    }

    fn with_retry_after(status: u16, value: &str) -> HttpResponse {
        HttpResponse { status, headers: vec![("retry-after".into(), value.into())], body: String::new() }
    }

    fn call(
        client: &HmsClient,
        transport: &Scripted,
        endpoint: &Endpoint,
        args: &[&str],
        body: Value,
    ) -> Result<Value> {
        block_on(client.call(transport, &env(), endpoint, args, &Value::Null, &body))
    }

    #[test]
    fn a_safe_request_is_retried_on_transient_failures_with_capped_jittered_backoff() {
        let client = client();
        let network = Error::new(ErrorCode::Network, "connection reset");
        let transport = Scripted::with(vec![
            Err(network),
            Ok(HttpResponse::new(503, "")),
            Ok(HttpResponse::new(200, r#"{"id":"r1"}"#)),
        ]);
        let room = call(&client, &transport, &rooms::RETRIEVE, &["r1"], Value::Null).unwrap();
        assert_eq!(room["id"], "r1");
        assert_eq!(transport.sent.borrow().len(), 3);
        let slept = transport.slept.borrow();
        assert!(slept[0] <= 500 && slept[1] <= 1000, "full jitter within 2^n × 250 ms: {slept:?}");
        let notices = transport.notices.borrow();
        assert_eq!(notices.iter().map(|n| (n.0, n.2.as_str())).collect::<Vec<_>>(), [(1, "network"), (2, "api_error")]);
    }

    #[test]
    fn retries_stop_after_the_budget_with_the_last_error() {
        let client = client();
        let transport =
            Scripted::new(vec![HttpResponse::new(502, ""), HttpResponse::new(502, ""), HttpResponse::new(504, "")]);
        let err = call(&client, &transport, &rooms::RETRIEVE, &["r1"], Value::Null).unwrap_err();
        assert_eq!(err.status(), Some(504));
        assert_eq!(transport.sent.borrow().len(), 3, "one attempt and two retries");
    }

    #[test]
    fn a_non_idempotent_post_is_sent_exactly_once() {
        let client = client();
        let transport = Scripted::new(vec![HttpResponse::new(503, "")]);
        let err = call(&client, &transport, &recordings::START_RECORDING, &["r1"], json!({})).unwrap_err();
        assert_eq!(err.status(), Some(503));
        assert_eq!(transport.sent.borrow().len(), 1);
        let transport = Scripted::with(vec![Err(Error::new(ErrorCode::Network, "reset"))]);
        assert!(call(&client, &transport, &active_rooms::SEND_MESSAGE, &["r1"], json!({"message": "m"})).is_err());
        assert_eq!(transport.sent.borrow().len(), 1, "a lost answer is not a reason to send a message twice");
    }

    #[test]
    fn create_room_is_retried_only_when_named() {
        let client = client();
        let transport = Scripted::new(vec![HttpResponse::new(500, "")]);
        assert!(call(&client, &transport, &rooms::CREATE, &[], json!({"description": "x"})).is_err());
        assert_eq!(transport.sent.borrow().len(), 1, "without a name every create makes a new room");
        let transport = Scripted::new(vec![HttpResponse::new(500, ""), HttpResponse::new(200, r#"{"id":"r1"}"#)]);
        assert!(call(&client, &transport, &rooms::CREATE, &[], json!({"name": "standup"})).is_ok());
        assert_eq!(transport.sent.borrow().len(), 2);
    }

    #[test]
    fn retry_after_is_honoured_in_seconds_and_as_a_date() {
        let client = client();
        let transport = Scripted::new(vec![with_retry_after(429, "2"), HttpResponse::new(200, r#"{"id":"r1"}"#)]);
        call(&client, &transport, &rooms::RETRIEVE, &["r1"], Value::Null).unwrap();
        assert_eq!(*transport.slept.borrow(), [2000]);
        // 1_700_000_000 is Tue, 14 Nov 2023 22:13:20 GMT; five seconds later:
        let transport = Scripted::new(vec![
            with_retry_after(503, "Tue, 14 Nov 2023 22:13:25 GMT"),
            HttpResponse::new(200, r#"{"id":"r1"}"#),
        ]);
        call(&client, &transport, &rooms::RETRIEVE, &["r1"], Value::Null).unwrap();
        assert_eq!(*transport.slept.borrow(), [5000]);
    }

    #[test]
    fn a_retry_after_beyond_the_budget_is_not_waited_for() {
        let client = client();
        let transport = Scripted::new(vec![with_retry_after(429, "45")]);
        let err = call(&client, &transport, &rooms::RETRIEVE, &["r1"], Value::Null).unwrap_err();
        assert_eq!(err.code(), ErrorCode::RateLimited);
        assert!(transport.slept.borrow().is_empty());
    }

    #[test]
    fn a_timed_out_attempt_of_a_safe_request_is_retried() {
        let client = client();
        let transport = Scripted::with(vec![
            Err(Error::new(ErrorCode::Timeout, "slow")),
            Ok(HttpResponse::new(200, r#"{"id":"r1"}"#)),
        ]);
        assert!(call(&client, &transport, &rooms::RETRIEVE, &["r1"], Value::Null).is_ok());
        assert_eq!(transport.sent.borrow().len(), 2);
        let transport = Scripted::with(vec![Err(Error::new(ErrorCode::Timeout, "slow"))]);
        let err = call(&client, &transport, &recordings::STOP_ALL, &["r1"], Value::Null).unwrap_err();
        assert_eq!(err.code(), ErrorCode::Timeout);
        assert_eq!(transport.sent.borrow().len(), 1, "a stop may have happened: not sent twice");
    }

    #[test]
    fn an_enormous_retry_after_is_not_waited_for() {
        let client = client();
        let transport = Scripted::new(vec![with_retry_after(429, "99999999999999999999")]);
        let err = call(&client, &transport, &rooms::RETRIEVE, &["r1"], Value::Null).unwrap_err();
        assert_eq!(err.code(), ErrorCode::RateLimited);
        assert_eq!(transport.sent.borrow().len(), 1);
    }

    #[test]
    fn retry_options_are_checked() {
        assert_eq!(RetryPolicy::new(Some(11), None).unwrap_err().field(), Some("retries"));
        assert_eq!(RetryPolicy::new(None, Some(-1)).unwrap_err().field(), Some("retryMaxDelayMs"));
        assert_eq!(RetryPolicy::new(Some(0), Some(0)).unwrap(), RetryPolicy { retries: 0, max_delay_ms: 0 });
    }

    fn client() -> HmsClient {
        HmsClient::new("key", "secret", &HmsOptions::default()).unwrap()
    }

    fn bearer_jti(request: &HttpRequest) -> serde_json::Value {
        let token = request.header("authorization").unwrap().strip_prefix("Bearer ").unwrap();
        decode_token(token).unwrap().claims["jti"].clone()
    }

    #[test]
    fn management_token_is_cached_and_renewed_before_expiry() {
        let (client, env) = (client(), env());
        let first = client.management_token(&env, None, false).unwrap();
        assert_eq!(client.management_token(&env, None, false).unwrap(), first);
        // 5 minutes and 1 second before expiry: still comfortably valid.
        env.now.set(first.expires_at - 301);
        assert_eq!(client.management_token(&env, None, false).unwrap(), first);
        // Inside the 5-minute margin: renewed BEFORE it expires.
        env.now.set(first.expires_at - 299);
        assert_ne!(client.management_token(&env, None, false).unwrap(), first);
    }

    #[test]
    fn force_new_and_a_different_validity_mint_anew() {
        let (client, env) = (client(), env());
        let first = client.management_token(&env, None, false).unwrap();
        assert_ne!(client.management_token(&env, None, true).unwrap(), first);
        let short = client.management_token(&env, Some(600), false).unwrap();
        assert_eq!(short.expires_at, env.now_unix() + 600);
    }

    #[test]
    fn a_call_sends_bearer_token_and_parses_the_room() {
        let (client, env) = (client(), env());
        let transport = Scripted::new(vec![HttpResponse::new(200, r#"{"id":"r1","name":"demo"}"#)]);
        let room = block_on(client.call(&transport, &env, &rooms::CREATE, &[], &Value::Null, &json!({"name": "demo"})))
            .unwrap();
        assert_eq!(room["id"], "r1");
        let sent = transport.sent.borrow();
        assert_eq!(sent.len(), 1);
        assert_eq!(sent[0].url, "https://api.100ms.live/v2/rooms");
        let token = sent[0].header("authorization").unwrap().strip_prefix("Bearer ").unwrap();
        assert_eq!(decode_token(token).unwrap().claims["type"], "management");
    }

    #[test]
    fn a_401_renews_the_token_and_retries_exactly_once() {
        let (client, env) = (client(), env());
        let transport = Scripted::new(vec![
            HttpResponse::new(401, r#"{"code":401,"message":"Token validation error"}"#),
            HttpResponse::new(200, r#"{"id":"r1"}"#),
        ]);
        block_on(client.call(&transport, &env, &rooms::RETRIEVE, &["r1"], &Value::Null, &Value::Null)).unwrap();
        let sent = transport.sent.borrow();
        assert_eq!(sent.len(), 2);
        assert_ne!(bearer_jti(&sent[0]), bearer_jti(&sent[1]), "the retry carries a fresh token");
    }

    #[test]
    fn a_second_401_is_the_callers_error() {
        let (client, env) = (client(), env());
        let body = r#"{"code":401,"message":"Token validation error","details":["not found"]}"#;
        let transport = Scripted::new(vec![HttpResponse::new(401, body), HttpResponse::new(401, body)]);
        let err =
            block_on(client.call(&transport, &env, &rooms::RETRIEVE, &["r1"], &Value::Null, &Value::Null)).unwrap_err();
        assert_eq!(err.code(), ErrorCode::Unauthorized);
        assert_eq!(transport.sent.borrow().len(), 2);
    }

    #[test]
    fn bad_input_sends_nothing() {
        let (client, env) = (client(), env());
        let transport = Scripted::new(vec![]);
        let err = block_on(client.call(&transport, &env, &rooms::CREATE, &[], &Value::Null, &json!({"size": 2501})))
            .unwrap_err();
        assert_eq!(err.field(), Some("size"));
        assert!(transport.sent.borrow().is_empty());
    }

    #[test]
    fn the_exchange_sends_no_credentials() {
        let transport = Scripted::new(vec![HttpResponse::new(200, r#"{"token":"a.b.c"}"#)]);
        let answer = block_on(exchange_room_code(
            &transport,
            &env(),
            &RetryPolicy::default(),
            None,
            &json!({"code": "abc-defg-hij"}),
        ))
        .unwrap();
        assert_eq!(answer["token"], "a.b.c");
        let sent = transport.sent.borrow();
        assert_eq!(sent[0].url, "https://auth.100ms.live/v2/token");
        assert_eq!(sent[0].header("authorization"), None);
    }

    #[test]
    fn every_endpoint_name_is_unique_and_found() {
        for declared in ENDPOINTS {
            assert!(std::ptr::eq(endpoint(declared.name).unwrap(), *declared), "{}", declared.name);
        }
        assert!(endpoint("rooms.destroy").is_none());
    }
}
