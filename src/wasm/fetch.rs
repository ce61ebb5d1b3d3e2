//! The I/O of a REST call, in Rust on wasm-bindgen-futures: [`JsTransport`] implements
//! [`client::Transport`](crate::client::Transport) over the injected `fetch` (the global one
//! when none was given, looked up at each attempt), a per-attempt timeout, the caller's
//! `AbortSignal` and the `onRetry` hook, and [`client::send`](crate::client::send) drives the
//! [`Exchange`](crate::client::Exchange) with it. Every binding that touches a value from
//! outside is declared `catch`, goes through `Reflect` or runs inside the attempt's `try` in
//! JavaScript, so nothing a fetch, a response or a signal does can trap or throw through Rust
//! frames: it becomes a `network`, `invalid_response`, `timeout` or `aborted` error.
//!
//! One attempt is one call out of wasm: `js/src/attempt.js` (a wasm-bindgen snippet, bundled
//! into the glue; the token entry's exchange sends with it too) builds fetch's `init`, starts
//! the attempt's own `AbortController` and timer, calls fetch, and reads the answer's status,
//! `retry-after` and text, racing each await against the timer and the caller's signal. It
//! never rejects: it resolves to what became of the attempt (an [`Attempted`]), and the
//! errors and their messages are made here, in Rust. An attempt used to cross out of wasm
//! some thirty times, with a wasm-bindgen closure per await.
//!
//! How a wait ends early without a Rust closure being called back (the retry back-off, in
//! [`Transport::sleep`]): the wait is raced against `fired`, which resolves when the caller's
//! signal aborts (its listener is the bound `resolve` of that promise), to a marker object of
//! its own, so the winner is known by identity.

use super::timer::Timer;
use crate::client::{RetryNotice, Transport};
use crate::error::{Error, ErrorCode, Result};
use crate::http::{HttpRequest, HttpResponse};
use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/js/src/attempt.js")]
extern "C" {
    /// One attempt, in JavaScript (see the module's comment): `fetch` undefined for the
    /// global one, looked up then; `header_lines` the request's headers as `name\nvalue`
    /// lines; `fired` and `marker` the caller's signal's (undefined without one). Never
    /// rejects.
    #[wasm_bindgen(js_name = attemptWithLines)]
    fn attempt_in_js(
        fetch: &JsValue,
        url: &str,
        method: &str,
        header_lines: &str,
        body: Option<String>,
        timeout_ms: f64,
        fired: &JsValue,
        marker: &JsValue,
    ) -> Promise;

    /// What `attempt` resolved to: a plain object it made, so its reads cannot throw.
    type Attempted;
    #[wasm_bindgen(method, getter, structural)]
    fn kind(this: &Attempted) -> u32;
    #[wasm_bindgen(method, getter, structural)]
    fn status(this: &Attempted) -> u16;
    #[wasm_bindgen(method, getter, structural)]
    fn body(this: &Attempted) -> Option<String>;
    #[wasm_bindgen(method, getter = retryAfter, structural)]
    fn retry_after(this: &Attempted) -> Option<String>;
    #[wasm_bindgen(method, getter, structural)]
    fn cause(this: &Attempted) -> JsValue;
}

#[wasm_bindgen]
extern "C" {
    /// `Promise.race` over an array (it settles like the first of its members to settle).
    #[wasm_bindgen(js_namespace = Promise, js_name = race)]
    fn race(promises: &Array) -> Promise;

    /// A caller's signal, read as one: `catch`, a getter or a Proxy may throw.
    type Duck;
    #[wasm_bindgen(method, getter, catch, structural)]
    fn aborted(this: &Duck) -> Result<JsValue, JsValue>;
}

/// `value` as a [`Duck`], to read its members.
fn duck(value: &JsValue) -> &Duck {
    value.unchecked_ref()
}

const ABORTED: &str = "the request was aborted by its AbortSignal";

/// How one call sends: its fetch, the per-attempt timeout, the caller's signal, the hook.
pub struct JsTransport {
    /// None: `globalThis.fetch`, looked up at each attempt.
    fetch: Option<Function>,
    timeout_ms: i64,
    on_retry: Option<Function>,
    abort: Option<CallerAbort>,
}

/// The caller's `AbortSignal`, listened to for the whole call.
struct CallerAbort {
    signal: JsValue,
    /// `resolve` of `fired`, bound to the marker: the listener on the caller's signal.
    listener: Function,
    /// Resolves to `marker` once the caller's signal has aborted.
    fired: Promise,
    marker: JsValue,
    /// The signal had aborted before the call started.
    already: bool,
}

impl Drop for CallerAbort {
    fn drop(&mut self) {
        // The signal is theirs to keep; the listener only resolves a promise nobody awaits
        // any more, so a remover that throws changes nothing.
        if let Ok(remove) = Reflect::get(&self.signal, &JsValue::from_str("removeEventListener")) {
            if let Some(remove) = remove.dyn_ref::<Function>() {
                let _ = remove.call2(&self.signal, &JsValue::from_str("abort"), &self.listener);
            }
        }
    }
}

impl CallerAbort {
    /// Starts listening to `signal` (already checked to look like an `AbortSignal`). A signal
    /// whose `aborted` cannot be read or that refuses the listener is `invalid_argument`,
    /// before anything is sent. Its `reason` is never read: what it would say does not change
    /// the outcome, and a throwing getter must not throw from inside an event dispatch.
    fn listen(signal: JsValue) -> Result<CallerAbort> {
        let refused = |cause: JsValue| {
            Error::invalid("signal", format_args!("cannot be read or listened to ({})", describe(&cause)))
        };
        let marker = JsValue::from(Object::new());
        let mut resolve = None;
        let fired = Promise::new(&mut |res: Function, _rej: Function| resolve = Some(res));
        let resolve = resolve.ok_or_else(|| refused(JsValue::UNDEFINED))?;
        let listener: Function = resolve.bind1(&JsValue::UNDEFINED, &marker).unchecked_into();
        let already = duck(&signal).aborted().map_err(refused)?.is_truthy();
        if !already {
            let add = Reflect::get(&signal, &JsValue::from_str("addEventListener")).map_err(refused)?;
            let add = add.dyn_ref::<Function>().ok_or_else(|| refused(JsValue::from_str("no addEventListener")))?;
            add.call2(&signal, &JsValue::from_str("abort"), &listener).map_err(refused)?;
        }
        Ok(CallerAbort { signal, listener, fired, marker, already })
    }
}

impl JsTransport {
    /// The transport of one call. Listens to `signal` at once, so that a hostile one is
    /// refused before anything is sent.
    pub fn new(
        fetch: Option<Function>,
        timeout_ms: i64,
        on_retry: Option<Function>,
        signal: Option<JsValue>,
    ) -> Result<JsTransport> {
        let abort = signal.map(CallerAbort::listen).transpose()?;
        Ok(JsTransport { fetch, timeout_ms, on_retry, abort })
    }

    /// Over the global `fetch`, with no signal or hook: what a Rust caller's client keeps for
    /// all its calls (`crate::fetch::FetchTransport`).
    #[cfg_attr(not(feature = "fetch"), allow(dead_code))]
    pub fn global(timeout_ms: i64) -> JsTransport {
        JsTransport { fetch: None, timeout_ms, on_retry: None, abort: None }
    }

    /// Whether the caller's signal has aborted: when the call started, or since (read again
    /// before each attempt and wait; a getter that throws now counts as not aborted, as the
    /// listener still ends the call when the signal fires).
    fn aborted(&self) -> bool {
        self.abort
            .as_ref()
            .is_some_and(|a| a.already || duck(&a.signal).aborted().is_ok_and(|aborted| aborted.is_truthy()))
    }

    /// Awaits `work` (the back-off's timer) unless the caller's signal comes first: whether
    /// the signal did.
    async fn aborted_during(&self, work: &Promise) -> bool {
        let Some(abort) = &self.abort else {
            let _ = JsFuture::from(work.clone()).await;
            return false;
        };
        let contenders = Array::of2(work, &abort.fired);
        JsFuture::from(race(&contenders)).await.is_ok_and(|value| value == abort.marker)
    }

    /// One attempt: the answer, or why there was none.
    async fn attempt(&self, request: &HttpRequest) -> Result<HttpResponse> {
        // For messages only: written when an error is.
        let what = || format!("{} {}", request.method, request.url.split('?').next().unwrap_or_default());
        let failed =
            |cause: &JsValue| Error::new(ErrorCode::Network, format!("{} failed: {}", what(), describe(cause)));
        let not_response = |rule: &str| Error::new(ErrorCode::InvalidResponse, format!("{}: {rule}", what()));
        let mut header_lines = String::new();
        for (name, value) in &request.headers {
            // Names and values of HTTP headers have no line breaks (fetch would refuse them).
            debug_assert!(!value.contains('\n'));
            if !header_lines.is_empty() {
                header_lines.push('\n');
            }
            header_lines.push_str(name);
            header_lines.push('\n');
            header_lines.push_str(value);
        }
        let (fired, marker) = match &self.abort {
            Some(abort) => (abort.fired.clone().into(), abort.marker.clone()),
            None => (JsValue::UNDEFINED, JsValue::UNDEFINED),
        };
        let fetch = self.fetch.as_ref().map_or(JsValue::UNDEFINED, |f| f.clone().into());
        let pending = attempt_in_js(
            &fetch,
            &request.url,
            request.method.as_str(),
            &header_lines,
            request.body.clone(),
            self.timeout_ms as f64,
            &fired,
            &marker,
        );
        let outcome: Attempted = JsFuture::from(pending).await.map_err(|e| failed(&e))?.unchecked_into();
        // The kinds of `OUTCOME` in js/src/attempt.js.
        match outcome.kind() {
            0 => {
                let headers =
                    outcome.retry_after().map(|value| ("retry-after".to_owned(), value)).into_iter().collect();
                Ok(HttpResponse { status: outcome.status(), headers, body: outcome.body().unwrap_or_default() })
            }
            2 => Err(Error::new(
                ErrorCode::Timeout,
                format!("no complete answer within {} ms ({})", self.timeout_ms, what()),
            )),
            3 => Err(Error::new(ErrorCode::Aborted, ABORTED)),
            4 => Err(not_response("fetch did not resolve to a Response")),
            5 => Err(not_response("fetch did not resolve to a Response (no text())")),
            6 => Err(not_response("the body is not text")),
            7 => Err(Error::new(ErrorCode::UnsupportedRuntime, "this runtime has no global fetch")),
            _ => Err(failed(&outcome.cause())),
        }
    }
}

impl Transport for JsTransport {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse> {
        if self.aborted() {
            return Err(Error::new(ErrorCode::Aborted, ABORTED));
        }
        self.attempt(&request).await
    }

    async fn sleep(&self, ms: u64) -> Result<()> {
        if self.aborted() {
            return Err(Error::new(ErrorCode::Aborted, ABORTED));
        }
        let timer = Timer::start(ms, &JsValue::TRUE)
            .map_err(|e| Error::new(ErrorCode::UnsupportedRuntime, format!("cannot wait: {}", describe(&e))))?;
        if self.aborted_during(timer.promise()).await {
            return Err(Error::new(ErrorCode::Aborted, ABORTED));
        }
        Ok(())
    }

    fn retrying(&self, notice: &RetryNotice<'_>) {
        let Some(hook) = &self.on_retry else { return };
        let object = Object::new();
        let set = |key: &str, value: JsValue| {
            let _ = Reflect::set(&object, &JsValue::from_str(key), &value);
        };
        set("endpoint", JsValue::from_str(notice.endpoint));
        set("attempt", JsValue::from(notice.attempt));
        set("delayMs", JsValue::from(notice.delay_ms as f64));
        set("code", JsValue::from_str(notice.error.code().as_str()));
        set("message", JsValue::from_str(notice.error.message()));
        if let Some(status) = notice.error.status() {
            set("status", JsValue::from(status));
        }
        // The hook observes; an exception in it must not change the call's outcome.
        let _ = hook.call1(&JsValue::UNDEFINED, &object);
    }
}

/// A thrown value's message, and its `cause`'s (where undici puts the reason).
pub fn describe(cause: &JsValue) -> String {
    let message = |value: &JsValue| -> Option<String> {
        if let Some(text) = value.as_string() {
            return Some(text);
        }
        if !value.is_object() {
            return None;
        }
        Reflect::get(value, &JsValue::from_str("message")).ok()?.as_string()
    };
    let text = message(cause).unwrap_or_else(|| "unknown error".to_owned());
    let inner = if cause.is_object() {
        Reflect::get(cause, &JsValue::from_str("cause")).ok().and_then(|c| message(&c))
    } else {
        None
    };
    match inner {
        Some(inner) => format!("{text} ({inner})"),
        None => text,
    }
}
