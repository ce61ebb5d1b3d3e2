//! The transport options, checked here: `fetch` (any fetch-like function), `timeoutMs` per
//! attempt, the caller's `AbortSignal` and the `onRetry` hook. `fetch.rs` uses them to carry
//! out each call.

use crate::error::{Error, Result};
use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// The default `timeoutMs`: 30 s per attempt.
pub const DEFAULT_TIMEOUT_MS: i64 = crate::client::DEFAULT_TIMEOUT_MS as i64;
/// The longest `timeoutMs` accepted: 10 minutes.
pub const MAX_TIMEOUT_MS: i64 = crate::client::MAX_TIMEOUT_MS as i64;

/// Checks a `timeoutMs` option.
pub fn check_timeout(value: Option<i64>) -> Result<i64> {
    match value {
        None => Ok(DEFAULT_TIMEOUT_MS),
        Some(ms) if (1..=MAX_TIMEOUT_MS).contains(&ms) => Ok(ms),
        Some(_) => Err(Error::invalid("timeoutMs", format_args!("must be an integer from 1 to {MAX_TIMEOUT_MS}"))),
    }
}

/// Checks a `fetch` option: absent, or a function.
pub fn check_fetch(value: JsValue) -> Result<Option<Function>> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value
        .dyn_into::<Function>()
        .map(Some)
        .map_err(|_| Error::invalid("fetch", "must be a function like globalThis.fetch"))
}

/// Checks an `onRetry` option: absent, or a function. (Only the clients take one.)
#[cfg(feature = "wasm-full")]
pub fn check_on_retry(value: JsValue) -> Result<Option<Function>> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value.dyn_into::<Function>().map(Some).map_err(|_| Error::invalid("onRetry", "must be a function"))
}

/// Checks a `signal` option: absent, or an object that looks like an `AbortSignal`.
pub fn check_signal(value: JsValue) -> Result<Option<JsValue>> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    // What the driver uses of it: `aborted`, `reason`, and listening for "abort".
    let is_function = |key: &str| Reflect::get(&value, &JsValue::from_str(key)).is_ok_and(|f| f.is_function());
    let looks_like_signal = value.is_object()
        && Reflect::has(&value, &JsValue::from_str("aborted")).unwrap_or(false)
        && is_function("addEventListener")
        && is_function("removeEventListener");
    if looks_like_signal {
        Ok(Some(value))
    } else {
        Err(Error::invalid("signal", "must be an AbortSignal"))
    }
}
