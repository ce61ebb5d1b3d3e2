//! The free functions: `verifyToken`, `decodeToken`, and `exchangeRoomCode`, which needs no
//! secret and so runs in a browser too.

use super::call::{transport, CALL_OPTIONS};
use super::convert::{optional_int, optional_string, required_string, Options};
use super::env::JsEnv;
use super::error::IntoJsResult;
use super::pending::PendingCall;
use super::transport::{check_fetch, DEFAULT_TIMEOUT_MS};
use crate::client::{Env, Exchange, RetryPolicy};
use crate::error::Result;
use crate::hms;
use crate::json::{Map, Value};
use crate::token::{self, VerifyOptions};
use alloc::rc::Rc;
use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

const VERIFY_OPTIONS: &[&str] = &["type", "leewaySeconds"];
const EXCHANGE_OPTIONS: &[&str] = &["code", "userId", "authBaseUrl", "fetch", "timeoutMs", "signal"];

/// Verifies an HS256 token and returns its claims; throws an `EdgeroomError` otherwise.
#[wasm_bindgen(js_name = verifyToken)]
pub fn verify_token(token: JsValue, secret: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    (|| {
        let token = required_string(&token, "token")?;
        let secret = required_string(&secret, "secret")?;
        let options = Options::new(&options, "verifyToken options", VERIFY_OPTIONS)?;
        let verify = VerifyOptions {
            expected_type: optional_string(&options.get("type")?, "type")?,
            leeway_seconds: optional_int(&options.get("leewaySeconds")?, "leewaySeconds")?.unwrap_or(0),
        };
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

/// JSON text handed to JS through `JSON.parse`: the token's own text (never re-serialised),
/// one crossing, plain objects as JS itself would build them (no `__proto__` surprises), and
/// integers past 2^53 read as JS reads them.
fn parse_json(text: &str) -> JsValue {
    // serde_json has read the text as JSON already, so `JSON.parse` does not throw on it.
    js_sys::JSON::parse(text).unwrap_or(JsValue::NULL)
}

/// Starts exchanging a room code for an app token at 100ms's token service, for the driver
/// in `js/src/transport.js` to carry out (`exchangeRoomCode` in the public API).
#[wasm_bindgen(js_name = beginExchangeRoomCode)]
pub fn begin_exchange_room_code(options: JsValue) -> Result<PendingCall, JsValue> {
    (|| {
        let opts = Options::new(&options, "exchangeRoomCode options", EXCHANGE_OPTIONS)?;
        let code = required_string(&opts.get("code")?, "code")?;
        let user_id = optional_string(&opts.get("userId")?, "userId")?;
        let auth_base_url = optional_string(&opts.get("authBaseUrl")?, "authBaseUrl")?;
        let fetch = check_fetch(opts.get("fetch")?)?;
        // Per-call options are a subset of these, so pass the object on to the shared reader.
        let call_options = Object::new();
        for key in CALL_OPTIONS {
            let _ = Reflect::set(&call_options, &JsValue::from_str(key), &opts.get(key)?);
        }
        let transport = transport(fetch, DEFAULT_TIMEOUT_MS, None, &call_options)?;
        let body = Map::from_iter([("code", Value::from(code)), ("user_id", user_id.map_or(Value::Null, Value::from))]);
        let request = hms::exchange_room_code_request(auth_base_url.as_deref(), &Value::Object(body))?;
        // No credentials: the code is the credential. Retried on 429 and 5xx as 100ms's own
        // web SDK does.
        let started = Exchange::start(&hms::auth::EXCHANGE_ROOM_CODE, request, RetryPolicy::default(), None);
        Ok(PendingCall::new(started, None, Rc::default(), transport))
    })()
    .js()
}
