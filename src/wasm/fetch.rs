//! The transport: the global `fetch` (or the caller's own), with `timeoutMs` per attempt
//! and the caller's `AbortSignal`, both through one combined signal.
//!
//! The request goes out as `fetch(url, init)` with a plain init object, so any fetch-like
//! function works (undici, workerd's, a test double, the emulator's handler wrapped in one).
//! The answer is read by duck typing (`status`, `headers.get`, `text()`), and anything
//! that does not look like a Response is an error, never a panic.

use super::js::{abort_signal_any, abort_signal_timeout, global_fetch, sleep};
use crate::client::{RetryNotice, Transport};
use crate::error::{Error, ErrorCode, Result};
use crate::http::{HttpRequest, HttpResponse};
use crate::prelude::*;
use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The default `timeoutMs`: 30 s per attempt.
pub const DEFAULT_TIMEOUT_MS: i64 = 30_000;
/// The longest `timeoutMs` accepted: 10 minutes.
pub const MAX_TIMEOUT_MS: i64 = 600_000;

/// Response headers the client reads; the rest are not copied across the boundary.
const READ_HEADERS: [&str; 2] = ["retry-after", "content-type"];

pub struct FetchTransport {
    pub fetch: Option<Function>,
    pub timeout_ms: i64,
    pub signal: Option<JsValue>,
    /// The caller's `onRetry(notice)` hook.
    pub on_retry: Option<Function>,
}

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

/// Checks an `onRetry` option: absent, or a function.
pub fn check_on_retry(value: JsValue) -> Result<Option<Function>> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value.dyn_into::<Function>().map(Some).map_err(|_| Error::invalid("onRetry", "must be a function"))
}

/// Checks a `signal` option: absent, or an object with `aborted`.
pub fn check_signal(value: JsValue) -> Result<Option<JsValue>> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let looks_like_signal = value.is_object() && Reflect::has(&value, &JsValue::from_str("aborted")).unwrap_or(false);
    if looks_like_signal {
        Ok(Some(value))
    } else {
        Err(Error::invalid("signal", "must be an AbortSignal"))
    }
}

fn is_aborted(signal: &JsValue) -> bool {
    Reflect::get(signal, &JsValue::from_str("aborted")).ok().and_then(|v| v.as_bool()).unwrap_or(false)
}

fn aborted() -> Error {
    Error::new(ErrorCode::Aborted, "the request was aborted by its AbortSignal")
}

fn set(target: &Object, key: &str, value: &JsValue) {
    // Setting a property on a fresh plain object cannot fail.
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

impl FetchTransport {
    fn init(&self, request: &HttpRequest, signal: &JsValue) -> Object {
        let init = Object::new();
        set(&init, "method", &JsValue::from_str(request.method.as_str()));
        let headers = Object::new();
        for (name, value) in &request.headers {
            set(&headers, name, &JsValue::from_str(value));
        }
        set(&init, "headers", &headers);
        if let Some(body) = &request.body {
            set(&init, "body", &JsValue::from_str(body));
        }
        set(&init, "signal", signal);
        init
    }

    async fn exchange(&self, request: &HttpRequest, signal: &JsValue) -> core::result::Result<HttpResponse, JsValue> {
        let init = self.init(request, signal);
        let promise = match &self.fetch {
            Some(fetch) => fetch.call2(&JsValue::UNDEFINED, &JsValue::from_str(&request.url), &init)?,
            None => global_fetch(&request.url, &init)?.into(),
        };
        let response = until_settled_or_aborted(&promise, signal).await?;
        let status = Reflect::get(&response, &JsValue::from_str("status"))?
            .as_f64()
            .filter(|s| (100.0..=599.0).contains(s))
            .ok_or_else(|| JsValue::from_str("fetch did not resolve to a Response"))?;
        let mut headers = Vec::new();
        let header_bag = Reflect::get(&response, &JsValue::from_str("headers"))?;
        if let Ok(get) = Reflect::get(&header_bag, &JsValue::from_str("get"))?.dyn_into::<Function>() {
            for name in READ_HEADERS {
                if let Some(value) = get.call1(&header_bag, &JsValue::from_str(name))?.as_string() {
                    headers.push((name.to_owned(), value));
                }
            }
        }
        let text: Function = Reflect::get(&response, &JsValue::from_str("text"))?.dyn_into()?;
        let body = until_settled_or_aborted(&text.call0(&response)?, signal).await?;
        let body = body.as_string().ok_or_else(|| JsValue::from_str("the body is not text"))?;
        Ok(HttpResponse { status: status as u16, headers, body })
    }
}

/// Waits for `value` (a promise or a plain value) unless `signal` aborts first.
async fn until_settled_or_aborted(value: &JsValue, signal: &JsValue) -> core::result::Result<JsValue, JsValue> {
    JsFuture::from(super::js::until_settled_or_aborted(value, signal)).await
}

impl Transport for FetchTransport {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse> {
        if self.signal.as_ref().is_some_and(is_aborted) {
            return Err(aborted());
        }
        let timeout = abort_signal_timeout(self.timeout_ms as f64).map_err(|_| {
            Error::new(ErrorCode::UnsupportedRuntime, "AbortSignal.timeout is not available in this runtime")
        })?;
        let signal = match &self.signal {
            Some(caller) => abort_signal_any(&Array::of2(caller, &timeout)).map_err(|_| {
                Error::new(ErrorCode::UnsupportedRuntime, "AbortSignal.any is not available in this runtime")
            })?,
            None => timeout.clone(),
        };
        match self.exchange(&request, &signal).await {
            Ok(response) => Ok(response),
            Err(_) if self.signal.as_ref().is_some_and(is_aborted) => Err(aborted()),
            Err(_) if is_aborted(&timeout) => Err(Error::new(
                ErrorCode::Timeout,
                format!(
                    "no complete answer within {} ms ({} {})",
                    self.timeout_ms,
                    request.method,
                    path_of(&request.url)
                ),
            )),
            Err(cause) => Err(Error::new(
                ErrorCode::Network,
                format!("{} {} failed: {}", request.method, path_of(&request.url), describe(&cause)),
            )),
        }
    }

    async fn sleep(&self, ms: u64) -> Result<()> {
        // The caller may give up during the wait; it must not outlast their signal.
        let signal = self.signal.clone().unwrap_or(JsValue::UNDEFINED);
        JsFuture::from(sleep(ms as f64, &signal)).await.map(drop).map_err(|_| aborted())
    }

    fn retrying(&self, notice: &RetryNotice<'_>) {
        let Some(hook) = &self.on_retry else { return };
        let info = Object::new();
        set(&info, "endpoint", &JsValue::from_str(notice.endpoint));
        set(&info, "attempt", &JsValue::from(notice.attempt));
        set(&info, "delayMs", &JsValue::from(notice.delay_ms as f64));
        set(&info, "code", &JsValue::from_str(notice.error.code().as_str()));
        set(&info, "message", &JsValue::from_str(notice.error.message()));
        if let Some(status) = notice.error.status() {
            set(&info, "status", &JsValue::from(status));
        }
        // The hook observes; an exception in it must not change the call's outcome.
        let _ = hook.call1(&JsValue::UNDEFINED, &info);
    }
}

/// The URL without its query: enough to say which call failed.
fn path_of(url: &str) -> &str {
    url.split('?').next().unwrap_or(url)
}

/// A thrown value's message (and its `cause`'s, which is where undici puts the reason).
fn describe(cause: &JsValue) -> String {
    let message = |v: &JsValue| {
        Reflect::get(v, &JsValue::from_str("message")).ok().and_then(|m| m.as_string()).or_else(|| v.as_string())
    };
    let mut text = message(cause).unwrap_or_else(|| "unknown error".to_owned());
    if let Some(inner) = Reflect::get(cause, &JsValue::from_str("cause")).ok().as_ref().and_then(message) {
        text.push_str(" (");
        text.push_str(&inner);
        text.push(')');
    }
    text
}
