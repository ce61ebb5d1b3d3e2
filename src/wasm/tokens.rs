//! The free functions: `verifyToken`, `decodeToken`, and `exchangeRoomCode`, which needs no
//! secret and so runs in a browser too. The full module exports `exchangeRoomCode` whole
//! (sent and retried by the driver, `client::send`); the token module exports its two
//! synchronous halves (the request, the reading of the answer) and `js/src/exchange.js`
//! sends it once in between.

#[cfg(feature = "wasm-full")]
use super::args::options;
#[cfg(not(feature = "wasm-full"))]
use super::args::required_option_string;
use super::args::{option_int, option_string, required_string};
use super::env::JsEnv;
use super::error::IntoJsResult;
use super::js::parse;
use super::transport::{check_fetch, check_signal, check_timeout, DEFAULT_TIMEOUT_MS};
use crate::client::Env;
use crate::error::Result;
use crate::hms::auth::{exchange_room_code_request, ExchangeRoomCode, RoomCodeGrant};
use crate::http::HttpRequest;
use crate::token::{self, VerifyOptions};
use js_sys::Function;
use wasm_bindgen::prelude::*;

/// `exchangeRoomCode({...})`, read from the object in the full module.
#[cfg(feature = "wasm-full")]
#[derive(serde::Deserialize)]
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

/// Verifies an HS256 token and returns its claims; throws an `EdgeroomError` otherwise. The
/// options of `verifyToken(token, secret, { type, leewaySeconds })` come one by one (read by
/// `js/src/tokens.js`).
#[wasm_bindgen(js_name = verifyToken)]
pub fn verify_token(
    token: JsValue,
    secret: JsValue,
    expected_type: JsValue,
    leeway_seconds: JsValue,
) -> Result<JsValue, JsValue> {
    (|| {
        let token = required_string(&token, "token")?;
        let secret = required_string(&secret, "secret")?;
        // In the order an option object's members were checked (by name).
        let leeway_seconds = option_int(&leeway_seconds, "leewaySeconds")?;
        let expected_type = option_string(&expected_type, "type")?;
        let verify = VerifyOptions { expected_type, leeway_seconds: leeway_seconds.unwrap_or(0) };
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

/// The room-code exchange's options, checked as both entries check them (bad options reject
/// before anything is sent): the request and how to send it.
fn exchange_request(
    code: String,
    user_id: Option<String>,
    auth_base_url: Option<String>,
    timeout_ms: Option<i64>,
    fetch: JsValue,
    signal: JsValue,
) -> Result<(HttpRequest, i64, Option<Function>, Option<JsValue>)> {
    let call = ExchangeRoomCode::new(RoomCodeGrant { code, user_id });
    let request = exchange_room_code_request(auth_base_url.as_deref(), &call)?;
    let timeout_ms = match timeout_ms {
        Some(ms) => check_timeout(Some(ms))?,
        None => DEFAULT_TIMEOUT_MS,
    };
    Ok((request, timeout_ms, check_fetch(fetch)?, check_signal(signal)?))
}

/// Exchanges a room code for an app token at 100ms's token service (`exchangeRoomCode` in
/// the full entry): a promise of `{ token }`, rejected at once on bad options. Retried as
/// `hms.auth.exchangeRoomCode` is, by the one driver of every call (`client::send`).
#[cfg(feature = "wasm-full")]
#[wasm_bindgen(js_name = exchangeRoomCode)]
pub fn exchange_room_code(value: JsValue) -> js_sys::Promise {
    use super::error::to_js;
    use super::fetch::JsTransport;
    use crate::call::Call;
    use crate::client::{self, Authorizer, RetryPolicy};

    let prepared = options(&value, "exchangeRoomCode options").and_then(|o: ExchangeOptions| {
        let (request, timeout_ms, fetch, signal) =
            exchange_request(o.code, o.user_id, o.auth_base_url, o.timeout_ms, o.fetch, o.signal)?;
        // Last: listening to the caller's signal is the one step that must be undone.
        Ok((request, JsTransport::new(fetch, timeout_ms, None, signal)?))
    });
    let (request, transport) = match prepared {
        Ok(prepared) => prepared,
        Err(error) => return js_sys::Promise::reject(&to_js(&error)),
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

/// The token entry's `exchangeRoomCode`, first half: the options of `exchangeRoomCode({ code,
/// userId, authBaseUrl, fetch, timeoutMs, signal })` one by one (read by `js/src/tokens.js`),
/// checked as the full entry checks them, and the request as `{ method, url, headers, body,
/// timeoutMs, fetch, signal }` (`fetch` and `signal` as given, checked; absent when not).
/// `js/src/exchange.js` sends it once, with no retry (so no driver, no timers and no async
/// Rust in the token module), and hands the answer to [`exchange_room_code_answer`].
#[cfg(not(feature = "wasm-full"))]
#[wasm_bindgen(js_name = exchangeRoomCodeRequest)]
pub fn exchange_room_code_request_js(
    code: JsValue,
    user_id: JsValue,
    auth_base_url: JsValue,
    fetch: JsValue,
    timeout_ms: JsValue,
    signal: JsValue,
) -> Result<JsValue, JsValue> {
    use js_sys::{Object, Reflect};
    let prepared = (|| {
        // In the order an option object's members were checked (by name; `fetch` and `signal`
        // are taken as they are, and checked last).
        let auth_base_url = option_string(&auth_base_url, "authBaseUrl")?;
        let code = required_option_string(&code, "code")?;
        let timeout_ms = option_int(&timeout_ms, "timeoutMs")?;
        let user_id = option_string(&user_id, "userId")?;
        exchange_request(code, user_id, auth_base_url, timeout_ms, fetch, signal)
    })();
    let (request, timeout_ms, fetch, signal) = prepared.js()?;
    let object = Object::new();
    // Defining properties on fresh plain objects cannot fail.
    let set = |target: &Object, key: &str, value: &JsValue| {
        let _ = Reflect::set(target, &JsValue::from_str(key), value);
    };
    let headers = Object::new();
    for (name, value) in &request.headers {
        set(&headers, name, &JsValue::from_str(value));
    }
    set(&object, "method", &JsValue::from_str(request.method.as_str()));
    set(&object, "url", &JsValue::from_str(&request.url));
    set(&object, "headers", &headers);
    if let Some(body) = &request.body {
        set(&object, "body", &JsValue::from_str(body));
    }
    set(&object, "timeoutMs", &JsValue::from(timeout_ms as f64));
    if let Some(fetch) = fetch {
        set(&object, "fetch", &fetch);
    }
    if let Some(signal) = signal {
        set(&object, "signal", &signal);
    }
    Ok(object.into())
}

/// The token entry's `exchangeRoomCode`, second half: the answer's status and body text read
/// as every call reads its answer (`reply::read`: the provider's error for a non-2xx, an
/// `invalid_response` for anything but an object with a string `token`), as `{ token, ... }`.
#[cfg(not(feature = "wasm-full"))]
#[wasm_bindgen(js_name = exchangeRoomCodeAnswer)]
pub fn exchange_room_code_answer(status: u16, body: String) -> Result<JsValue, JsValue> {
    use crate::call::Call;
    let text = crate::reply::read(ExchangeRoomCode::SPEC.reply, &crate::http::HttpResponse::new(status, body)).js()?;
    parse(&text)
}
