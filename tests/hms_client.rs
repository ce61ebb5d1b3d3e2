//! The 100ms client path, end to end over a scripted transport and a fixed clock: the cached
//! management token, one renewal and resend after a 401, retries of safe requests only
//! (with backoff, `Retry-After` and the `onRetry` notices), the credential-free room-code
//! exchange, and the checks made before anything is sent.

mod common;

use common::{authorization_claims, block_on, env, hms_client, try_hms_client, with_retry_after, Scripted};
use edgeroom::by_name::ByName;
use edgeroom::client::{Env, Provider, RetryPolicy};
use edgeroom::hms::active_rooms::{Message, SendMessage};
use edgeroom::hms::auth::{exchange_room_code, ExchangeRoomCode, RoomCodeGrant};
use edgeroom::hms::recordings::{RecordingStart, StartRecording, StopAllRecordings};
use edgeroom::hms::rooms::{CreateRoom, GetRoom, Room, RoomSettings};
use edgeroom::hms::{HmsClient, HmsOptions, CALLS};
use edgeroom::http::{HttpRequest, HttpResponse};
use edgeroom::{Call, Error, ErrorCode, Result};
use serde_json::Value;

/// Sends `call` with a fresh client at `common::NOW`.
fn send<C: Call<Provider = HmsClient>>(transport: &Scripted, call: &C) -> Result<C::Response> {
    block_on(hms_client().send(transport, &env(), call))
}

fn retrieve() -> GetRoom {
    GetRoom::new("r1")
}

fn ok_room() -> HttpResponse {
    HttpResponse::new(200, r#"{"id":"r1"}"#)
}

fn bearer_jti(request: &HttpRequest) -> Value {
    authorization_claims(request, "Bearer ")["jti"].clone()
}

// Retries.

#[test]
fn a_safe_request_is_retried_on_transient_failures_with_capped_jittered_backoff() {
    let network = Error::new(ErrorCode::Network, "connection reset");
    let transport = Scripted::with(vec![Err(network), Ok(HttpResponse::new(503, "")), Ok(ok_room())]);
    let room: Room = send(&transport, &retrieve()).unwrap();
    assert_eq!(room.id, "r1");
    assert_eq!(transport.sent_count(), 3);
    let slept = transport.slept.borrow();
    assert!(slept[0] <= 500 && slept[1] <= 1000, "full jitter within 2^n × 250 ms: {slept:?}");
    let notices = transport.notices.borrow();
    let seen: Vec<_> = notices.iter().map(|n| (n.endpoint.as_str(), n.attempt, n.code)).collect();
    assert_eq!(seen, [("rooms.retrieveById", 1, "network"), ("rooms.retrieveById", 2, "api_error")]);
    assert_eq!(notices.iter().map(|n| n.delay_ms).collect::<Vec<_>>(), *slept, "each notice announces its wait");
}

#[test]
fn retries_stop_after_the_budget_with_the_last_error() {
    let transport =
        Scripted::new(vec![HttpResponse::new(502, ""), HttpResponse::new(502, ""), HttpResponse::new(504, "")]);
    let err = send(&transport, &retrieve()).unwrap_err();
    assert_eq!(err.status(), Some(504));
    assert_eq!(transport.sent_count(), 3, "one attempt and two retries");
}

#[test]
fn a_non_idempotent_post_is_sent_exactly_once() {
    let transport = Scripted::new(vec![HttpResponse::new(503, "")]);
    let err = send(&transport, &StartRecording::new("r1", RecordingStart::default())).unwrap_err();
    assert_eq!(err.status(), Some(503));
    assert_eq!(transport.sent_count(), 1);
    let transport = Scripted::with(vec![Err(Error::new(ErrorCode::Network, "reset"))]);
    assert!(send(&transport, &SendMessage::new("r1", Message::broadcast("m"))).is_err());
    assert_eq!(transport.sent_count(), 1, "a lost answer is not a reason to send a message twice");
    assert!(transport.notices.borrow().is_empty() && transport.slept.borrow().is_empty());
}

#[test]
fn create_room_is_retried_only_when_named() {
    let unnamed = RoomSettings { description: Some("x".into()), ..RoomSettings::default() };
    let transport = Scripted::new(vec![HttpResponse::new(500, "")]);
    assert!(send(&transport, &CreateRoom::new(unnamed)).is_err());
    assert_eq!(transport.sent_count(), 1, "without a name every create makes a new room");
    let named = RoomSettings { name: Some("standup".into()), ..RoomSettings::default() };
    let transport = Scripted::new(vec![HttpResponse::new(500, ""), ok_room()]);
    assert_eq!(send(&transport, &CreateRoom::new(named)).unwrap().id, "r1");
    assert_eq!(transport.sent_count(), 2);
}

#[test]
fn retry_after_is_honoured_in_seconds_and_as_a_date() {
    let transport = Scripted::new(vec![with_retry_after(429, "2"), ok_room()]);
    send(&transport, &retrieve()).unwrap();
    assert_eq!(*transport.slept.borrow(), [2000]);
    assert_eq!(transport.notices.borrow()[0].code, "rate_limited");
    // NOW is Tue, 14 Nov 2023 22:13:20 GMT; five seconds later:
    let transport = Scripted::new(vec![with_retry_after(503, "Tue, 14 Nov 2023 22:13:25 GMT"), ok_room()]);
    send(&transport, &retrieve()).unwrap();
    assert_eq!(*transport.slept.borrow(), [5000]);
}

#[test]
fn a_retry_after_beyond_the_budget_is_not_waited_for() {
    let transport = Scripted::new(vec![with_retry_after(429, "45")]);
    let err = send(&transport, &retrieve()).unwrap_err();
    assert_eq!(err.code(), ErrorCode::RateLimited);
    assert!(transport.slept.borrow().is_empty());
    assert_eq!(transport.sent_count(), 1);
}

#[test]
fn a_timed_out_attempt_of_a_safe_request_is_retried() {
    let transport = Scripted::with(vec![Err(Error::new(ErrorCode::Timeout, "slow")), Ok(ok_room())]);
    assert!(send(&transport, &retrieve()).is_ok());
    assert_eq!(transport.sent_count(), 2);
    let transport = Scripted::with(vec![Err(Error::new(ErrorCode::Timeout, "slow"))]);
    let err = send(&transport, &StopAllRecordings::new("r1")).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Timeout);
    assert_eq!(transport.sent_count(), 1, "a stop may have happened: not sent twice");
}

#[test]
fn an_enormous_retry_after_is_not_waited_for() {
    let transport = Scripted::new(vec![with_retry_after(429, "99999999999999999999")]);
    let err = send(&transport, &retrieve()).unwrap_err();
    assert_eq!(err.code(), ErrorCode::RateLimited);
    assert_eq!(transport.sent_count(), 1);
}

#[test]
fn retry_options_are_checked() {
    assert_eq!(RetryPolicy::new(Some(11), None).unwrap_err().field(), Some("retries"));
    assert_eq!(RetryPolicy::new(None, Some(-1)).unwrap_err().field(), Some("retryMaxDelayMs"));
    assert_eq!(RetryPolicy::new(Some(0), Some(0)).unwrap(), RetryPolicy { retries: 0, max_delay_ms: 0 });
}

#[test]
fn the_clients_retry_policy_is_the_one_it_was_given() {
    let options = HmsOptions { retry: RetryPolicy { retries: 0, max_delay_ms: 0 }, ..HmsOptions::default() };
    let client = try_hms_client(&options).unwrap();
    let transport = Scripted::new(vec![HttpResponse::new(503, "")]);
    let err = block_on(client.send(&transport, &env(), &retrieve())).unwrap_err();
    assert_eq!(err.status(), Some(503));
    assert_eq!(transport.sent_count(), 1, "retries: 0 sends once");
}

// The management token.

#[test]
fn management_token_is_cached_and_renewed_before_expiry() {
    let (client, env) = (hms_client(), env());
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
    let (client, env) = (hms_client(), env());
    let first = client.management_token(&env, None, false).unwrap();
    assert_ne!(client.management_token(&env, None, true).unwrap(), first);
    let short = client.management_token(&env, Some(600), false).unwrap();
    // As the official SDK: `iat` and `nbf` back-dated 10 s for clock skew, `exp = nbf + 600`.
    assert_eq!(short.expires_at, env.now_unix() - 10 + 600);
}

#[test]
fn calls_reuse_the_cached_management_token() {
    let (client, env) = (hms_client(), env());
    let transport = Scripted::new(vec![ok_room(), ok_room()]);
    block_on(client.send(&transport, &env, &retrieve())).unwrap();
    block_on(client.send(&transport, &env, &retrieve())).unwrap();
    let sent = transport.sent.borrow();
    assert_eq!(sent[0].header("authorization"), sent[1].header("authorization"));
}

#[test]
fn a_call_sends_bearer_token_and_parses_the_room() {
    let (client, env) = (hms_client(), env());
    let transport = Scripted::new(vec![HttpResponse::new(200, r#"{"id":"r1","name":"demo"}"#)]);
    let settings = RoomSettings { name: Some("demo".into()), ..RoomSettings::default() };
    let room = block_on(client.send(&transport, &env, &CreateRoom::new(settings))).unwrap();
    assert_eq!(room.id, "r1");
    assert_eq!(room.name.as_deref(), Some("demo"));
    let sent = transport.sent.borrow();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].url, "https://api.100ms.live/v2/rooms");
    assert_eq!(authorization_claims(&sent[0], "Bearer ")["type"], "management");
}

#[test]
fn a_401_renews_the_token_and_retries_exactly_once() {
    let (client, env) = (hms_client(), env());
    let transport =
        Scripted::new(vec![HttpResponse::new(401, r#"{"code":401,"message":"Token validation error"}"#), ok_room()]);
    let room = block_on(client.send(&transport, &env, &retrieve())).unwrap();
    assert_eq!(room.id, "r1");
    let sent = transport.sent.borrow();
    assert_eq!(sent.len(), 2);
    assert_ne!(bearer_jti(&sent[0]), bearer_jti(&sent[1]), "the retry carries a fresh token");
    assert!(transport.slept.borrow().is_empty(), "a renewal is not a retry: no wait");
}

#[test]
fn a_renewed_token_is_the_one_cached() {
    let (client, env) = (hms_client(), env());
    let transport = Scripted::new(vec![HttpResponse::new(401, ""), ok_room(), ok_room()]);
    block_on(client.send(&transport, &env, &retrieve())).unwrap();
    block_on(client.send(&transport, &env, &retrieve())).unwrap();
    let sent = transport.sent.borrow();
    assert_eq!(bearer_jti(&sent[1]), bearer_jti(&sent[2]), "the next call reuses the renewed token");
}

#[test]
fn a_second_401_is_the_callers_error() {
    let (client, env) = (hms_client(), env());
    let body = r#"{"code":401,"message":"Token validation error","details":["not found"]}"#;
    let transport = Scripted::new(vec![HttpResponse::new(401, body), HttpResponse::new(401, body)]);
    let err = block_on(client.send(&transport, &env, &retrieve())).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Unauthorized);
    assert_eq!(transport.sent_count(), 2);
}

#[test]
fn a_401_of_an_unsafe_request_is_resent_once_with_a_fresh_token() {
    // The 401 says the request was refused, not carried out: resending it is safe.
    let transport = Scripted::new(vec![HttpResponse::new(401, ""), HttpResponse::new(200, r#"{"id":"rec1"}"#)]);
    let job = send(&transport, &StartRecording::new("r1", RecordingStart::default())).unwrap();
    assert_eq!(job.id, "rec1");
    let sent = transport.sent.borrow();
    assert_eq!(sent.len(), 2);
    assert_ne!(bearer_jti(&sent[0]), bearer_jti(&sent[1]));
}

// Checks made before anything is sent.

#[test]
fn bad_input_sends_nothing() {
    let transport = Scripted::new(vec![]);
    let err =
        send(&transport, &CreateRoom::new(RoomSettings { size: Some(2501), ..RoomSettings::default() })).unwrap_err();
    assert_eq!(err.field(), Some("size"));
    assert!(transport.sent.borrow().is_empty());
}

#[test]
fn base_urls_are_checked_and_used() {
    let options = |base: &str, auth: &str| HmsOptions {
        base_url: Some(base.into()),
        auth_base_url: Some(auth.into()),
        ..HmsOptions::default()
    };
    let refused = |base: &str, auth: &str| try_hms_client(&options(base, auth)).unwrap_err();
    assert_eq!(refused("api.100ms.live", "https://auth").field(), Some("baseUrl"));
    assert_eq!(refused("https://x/v2?x=1", "https://auth").field(), Some("baseUrl"));
    assert_eq!(refused("https://api", "ftp://auth").field(), Some("authBaseUrl"));
    let client =
        try_hms_client(&options("http://127.0.0.1:8787/100ms/v2/", "http://127.0.0.1:8787/100ms-auth/v2/")).unwrap();
    let transport = Scripted::new(vec![ok_room(), HttpResponse::new(200, r#"{"token":"a.b.c"}"#)]);
    block_on(client.send(&transport, &env(), &retrieve())).unwrap();
    block_on(client.send(&transport, &env(), &exchange("abc-defg-hij"))).unwrap();
    let sent = transport.sent.borrow();
    assert_eq!(sent[0].url, "http://127.0.0.1:8787/100ms/v2/rooms/r1");
    assert_eq!(sent[1].url, "http://127.0.0.1:8787/100ms-auth/v2/token");
}

// The room-code exchange.

fn exchange(code: &str) -> ExchangeRoomCode {
    ExchangeRoomCode::new(RoomCodeGrant { code: code.into(), user_id: None })
}

#[test]
fn the_exchange_sends_no_credentials() {
    let transport = Scripted::new(vec![HttpResponse::new(200, r#"{"token":"a.b.c"}"#)]);
    let answer =
        block_on(exchange_room_code(&transport, &env(), &RetryPolicy::default(), None, &exchange("abc-defg-hij")))
            .unwrap();
    assert_eq!(answer.token, "a.b.c");
    let sent = transport.sent.borrow();
    assert_eq!(sent[0].url, "https://auth.100ms.live/v2/token");
    assert_eq!(sent[0].header("authorization"), None);
}

#[test]
fn the_exchange_through_a_client_sends_no_credentials_either() {
    let transport = Scripted::new(vec![HttpResponse::new(401, r#"{"code":401,"message":"bad code"}"#)]);
    let err = send(&transport, &exchange("abc-defg-hij")).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Unauthorized);
    let sent = transport.sent.borrow();
    assert_eq!(sent.len(), 1, "no token to renew: a 401 is the answer");
    assert_eq!(sent[0].url, "https://auth.100ms.live/v2/token");
    assert_eq!(sent[0].header("authorization"), None);
}

#[test]
fn the_exchange_checks_its_base_url_before_sending() {
    let transport = Scripted::new(vec![]);
    let call = exchange("abc-defg-hij");
    let err =
        block_on(exchange_room_code(&transport, &env(), &RetryPolicy::default(), Some("auth"), &call)).unwrap_err();
    assert_eq!(err.field(), Some("authBaseUrl"));
    assert!(transport.sent.borrow().is_empty());
}

// Calls by name.

#[test]
fn every_call_name_is_unique_and_found() {
    let client = hms_client();
    let by_name = <HmsClient as ByName>::CALLS;
    assert_eq!(by_name.len(), CALLS.len());
    for (i, spec) in CALLS.iter().enumerate() {
        assert!(CALLS[..i].iter().all(|other| other.name != spec.name), "{} is declared twice", spec.name);
        // Specs are consts, so their addresses need not match: compare the declarations.
        let entry = by_name[i].spec;
        assert_eq!((entry.name, entry.method, entry.path), (spec.name, spec.method, spec.path));
        let found = client.request_by_name(spec.name, &[], Value::Null);
        assert_ne!(
            found.err().and_then(|e| e.field().map(str::to_owned)).as_deref(),
            Some("endpoint"),
            "{}",
            spec.name
        );
    }
    let err = client.request_by_name("rooms.destroy", &[], Value::Null).unwrap_err();
    assert_eq!(err.field(), Some("endpoint"));
}
