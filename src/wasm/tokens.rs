//! The free functions: `verifyToken`, `decodeToken`, and `exchangeRoomCode`, which needs no
//! secret and so runs in a browser too.

use super::args::{options, required_string};
use super::env::JsEnv;
use super::error::{to_js, IntoJsResult};
use super::fetch::JsTransport;
use super::js::parse;
use super::transport::{check_fetch, check_signal, check_timeout, DEFAULT_TIMEOUT_MS};
use crate::call::Call;
use crate::client::{self, Authorizer, Env, RetryPolicy};
use crate::error::Result;
use crate::hms::auth::{exchange_room_code_request, ExchangeRoomCode, RoomCodeGrant};
use crate::token::{self, VerifyOptions};
use js_sys::Promise;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

/// `verifyToken(token, secret, {...})`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct VerifyTokenOptions {
    #[serde(rename = "type")]
    expected_type: Option<String>,
    leeway_seconds: Option<i64>,
}

/// `exchangeRoomCode({...})`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ExchangeOptions {
    code: String,
    user_id: Option<String>,
    auth_base_url: Option<String>,
    #[serde(default, with = "super::args::passed")]
    fetch: JsValue,
    timeout_ms: Option<i64>,
    #[serde(default, with = "super::args::passed")]
    signal: JsValue,
}

/// Verifies an HS256 token and returns its claims; throws an `EdgeroomError` otherwise.
#[wasm_bindgen(js_name = verifyToken)]
pub fn verify_token(token: JsValue, secret: JsValue, value: JsValue) -> Result<JsValue, JsValue> {
    (|| {
        let token = required_string(&token, "token")?;
        let secret = required_string(&secret, "secret")?;
        let o: VerifyTokenOptions = options(&value, "verifyToken options")?;
        let verify = VerifyOptions { expected_type: o.expected_type, leeway_seconds: o.leeway_seconds.unwrap_or(0) };
        let claims = token::verify_token_text(&token, &secret, &verify, JsEnv::default().now_unix())?;
        Ok(parse_json(&claims))
    })()
    .js()
}

/// Splits a token into its header and claims without verifying anything (for display).
#[wasm_bindgen(js_name = decodeToken)]
pub fn decode_token(token: JsValue) -> Result<JsValue, JsValue> {
    (|| {
        let (header, claims) = token::decode_token_text(&required_string(&token, "token")?)?;
        Ok(parse_json(&format!(r#"{{"header":{header},"claims":{claims}}}"#)))
    })()
    .js()
}

/// The token's own JSON text (never re-serialised) to JS (see [`parse`]).
fn parse_json(text: &str) -> JsValue {
    // serde_json has read the text as JSON already, so `JSON.parse` does not throw on it.
    parse(text).unwrap_or(JsValue::NULL)
}

/// Exchanges a room code for an app token at 100ms's token service (`exchangeRoomCode` in
/// the public API): a promise of `{ token }`, rejected at once on bad options.
#[wasm_bindgen(js_name = exchangeRoomCode)]
pub fn exchange_room_code(value: JsValue) -> Promise {
    let prepared = (|| {
        let o: ExchangeOptions = options(&value, "exchangeRoomCode options")?;
        let call = ExchangeRoomCode::new(RoomCodeGrant { code: o.code, user_id: o.user_id });
        let request = exchange_room_code_request(o.auth_base_url.as_deref(), &call)?;
        let timeout_ms = match o.timeout_ms {
            Some(ms) => check_timeout(Some(ms))?,
            None => DEFAULT_TIMEOUT_MS,
        };
        // Last: listening to the caller's signal is the one step that must be undone.
        let transport = JsTransport::new(check_fetch(o.fetch)?, timeout_ms, None, check_signal(o.signal)?)?;
        Ok((request, transport))
    })();
    let (request, transport) = match prepared {
        Ok(prepared) => prepared,
        Err(error) => return Promise::reject(&to_js(&error)),
    };
    wasm_bindgen_futures::future_to_promise(async move {
        // No credentials: the code is the credential. Retried on 429 and 5xx as 100ms's own
        // web SDK does. `dyn Authorizer` as in `call.rs`: the same instance of the driver.
        let env = JsEnv::default();
        let sent = client::send(
            &transport,
            &env,
            &RetryPolicy::default(),
            ExchangeRoomCode::SPEC,
            request,
            None::<&dyn Authorizer>,
        )
        .await;
        parse(&sent.map_err(|e| to_js(&e))?)
    })
}
