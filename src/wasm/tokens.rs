//! The free functions: `verifyToken`, `decodeToken`, and `exchangeRoomCode`, which needs no
//! secret and so runs in a browser too.

use super::call::{run, transport, Call, CALL_OPTIONS};
use super::convert::{from_json, optional_int, optional_string, required_string, Options};
use super::env::JsEnv;
use super::error::IntoJsResult;
use super::transport::{check_fetch, DEFAULT_TIMEOUT_MS};
use crate::client::{Env, RetryPolicy};
use crate::error::Result;
use crate::hms;
use crate::json::{Map, Value};
use crate::token::{self, VerifyOptions};
use alloc::rc::Rc;
use js_sys::{Object, Promise, Reflect};
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
        let claims = token::verify_token(&token, &secret, &verify, JsEnv::default().now_unix())?;
        Ok(from_json(&Value::Object(claims)))
    })()
    .js()
}

/// Splits a token into its header and claims without verifying anything (for display).
#[wasm_bindgen(js_name = decodeToken)]
pub fn decode_token(token: JsValue) -> Result<JsValue, JsValue> {
    (|| {
        let decoded = token::decode_token(&required_string(&token, "token")?)?;
        let out = Object::new();
        let _ = Reflect::set(&out, &"header".into(), &from_json(&decoded.header));
        let _ = Reflect::set(&out, &"claims".into(), &from_json(&decoded.claims));
        Ok(out.into())
    })()
    .js()
}

/// Exchanges a room code for an app token at 100ms's token service (`exchangeRoomCode` in
/// the public API): a promise of `{ token }`, rejected at once on bad options.
#[wasm_bindgen(js_name = exchangeRoomCode)]
pub fn exchange_room_code(options: JsValue) -> Promise {
    run((|| {
        let opts = Options::new(&options, "exchangeRoomCode options", EXCHANGE_OPTIONS)?;
        let code = required_string(&opts.get("code")?, "code")?;
        let user_id = optional_string(&opts.get("userId")?, "userId")?;
        let auth_base_url = optional_string(&opts.get("authBaseUrl")?, "authBaseUrl")?;
        let fetch = check_fetch(opts.get("fetch")?)?;
        let body = Map::from_iter([("code", Value::from(code)), ("user_id", user_id.map_or(Value::Null, Value::from))]);
        let request = hms::exchange_room_code_request(auth_base_url.as_deref(), &Value::Object(body))?;
        // Per-call options are a subset of these, so pass the object on to the shared reader.
        let call_options = Object::new();
        for key in CALL_OPTIONS {
            let _ = Reflect::set(&call_options, &JsValue::from_str(key), &opts.get(key)?);
        }
        let transport = transport(fetch, DEFAULT_TIMEOUT_MS, None, &call_options)?;
        // No credentials: the code is the credential. Retried on 429 and 5xx as 100ms's own
        // web SDK does.
        Ok(Call {
            endpoint: &hms::auth::EXCHANGE_ROOM_CODE,
            request,
            policy: RetryPolicy::default(),
            authorizer: None,
            env: Rc::default(),
            transport,
        })
    })())
}
