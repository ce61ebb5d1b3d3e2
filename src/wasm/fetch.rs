//! The I/O of a REST call, in Rust on wasm-bindgen-futures: [`JsTransport`] implements
//! [`client::Transport`](crate::client::Transport) over the injected `fetch` (the global one
//! when none was given, looked up at each attempt), a per-attempt timeout, the caller's
//! `AbortSignal` and the `onRetry` hook, and [`client::send`](crate::client::send) drives the
//! [`Exchange`](crate::client::Exchange) with it. Every binding that touches a value from
//! outside is declared `catch` or goes through `Reflect`, so nothing a fetch, a response or a
//! signal does can trap or throw through Rust frames: it becomes a `network`,
//! `invalid_response`, `timeout` or `aborted` error.
//!
//! How an attempt ends early without a Rust closure being called back: every await races the
//! work against two promises, the attempt's [`Timer`] and `fired`, which resolves when the
//! caller's signal aborts (its listener is the bound `resolve` of that promise). Each resolves
//! to a marker object of its own, so the winner is known by identity; the attempt's own
//! `AbortController` is then aborted, so a real fetch drops the connection, and a fetch that
//! ignores its signal is simply no longer waited for.

use super::timer::Timer;
use crate::client::{RetryNotice, Transport};
use crate::error::{Error, ErrorCode, Result};
use crate::http::{HttpRequest, HttpResponse};
use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// The attempt's own controller: a real one, so its members cannot throw; `catch` all the
    /// same, so that a runtime without one is an error rather than an exception.
    type AbortController;
    #[wasm_bindgen(constructor, catch)]
    fn new() -> Result<AbortController, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn signal(this: &AbortController) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn abort(this: &AbortController, reason: &JsValue) -> Result<(), JsValue>;

    /// `Promise.race` over an array (it settles like the first of its members to settle).
    #[wasm_bindgen(js_namespace = Promise, js_name = race)]
    fn race(promises: &Array) -> Promise;

    /// Any value, read the way a fetch-like function's answer is: `value.status` and so on,
    /// with the member names written into the glue (no key string crosses per read). `catch`:
    /// a getter or a Proxy may throw, and `null.status` does.
    type Duck;
    #[wasm_bindgen(method, getter, catch, structural)]
    fn status(this: &Duck) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch, structural)]
    fn headers(this: &Duck) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter = text, catch, structural)]
    fn text_member(this: &Duck) -> Result<JsValue, JsValue>;
    /// `headers.get(name)`; a TypeError (caught) when there is no such method.
    #[wasm_bindgen(method, catch, structural)]
    fn get(this: &Duck, name: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch, structural)]
    fn aborted(this: &Duck) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch, structural)]
    fn fetch(this: &Duck) -> Result<JsValue, JsValue>;

    /// fetch's second argument: a fresh plain object, whose setters cannot throw.
    type Init;
    #[wasm_bindgen(method, setter, structural)]
    fn set_method(this: &Init, value: &str);
    #[wasm_bindgen(method, setter, structural)]
    fn set_headers(this: &Init, value: &JsValue);
    #[wasm_bindgen(method, setter, structural)]
    fn set_body(this: &Init, value: &str);
    #[wasm_bindgen(method, setter, structural)]
    fn set_signal(this: &Init, value: &JsValue);
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
    /// What a timer resolves to when the attempt has run out of time.
    timed_out: JsValue,
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
        Ok(JsTransport { fetch, timeout_ms, on_retry, abort, timed_out: Object::new().into() })
    }

    /// Over the global `fetch`, with no signal or hook: what a Rust caller's client keeps for
    /// all its calls (`crate::fetch::FetchTransport`).
    #[cfg_attr(not(feature = "fetch"), allow(dead_code))]
    pub fn global(timeout_ms: i64) -> JsTransport {
        JsTransport { fetch: None, timeout_ms, on_retry: None, abort: None, timed_out: Object::new().into() }
    }

    /// Whether the caller's signal has aborted: when the call started, or since (read again
    /// before each attempt and wait; a getter that throws now counts as not aborted, as the
    /// listener still ends the call when the signal fires).
    fn aborted(&self) -> bool {
        self.abort
            .as_ref()
            .is_some_and(|a| a.already || duck(&a.signal).aborted().is_ok_and(|aborted| aborted.is_truthy()))
    }

    /// Awaits `work` unless the attempt's timer or the caller's signal comes first.
    async fn until_stopped(&self, work: &JsValue, timer: Option<&Timer>) -> Outcome {
        let contenders = Array::new();
        contenders.push(work);
        if let Some(timer) = timer {
            contenders.push(timer.promise());
        }
        if let Some(abort) = &self.abort {
            contenders.push(&abort.fired);
        }
        match JsFuture::from(race(&contenders)).await {
            Ok(value) if self.abort.as_ref().is_some_and(|a| a.marker == value) => Outcome::Aborted,
            Ok(value) if timer.is_some() && value == self.timed_out => Outcome::TimedOut,
            Ok(value) => Outcome::Value(value),
            Err(cause) => Outcome::Threw(cause),
        }
    }

    /// One attempt: the answer, or why there was none.
    async fn attempt(&self, request: &HttpRequest) -> Result<HttpResponse> {
        // For messages only: written when an error is.
        let what = || format!("{} {}", request.method, request.url.split('?').next().unwrap_or_default());
        let failed =
            |cause: &JsValue| Error::new(ErrorCode::Network, format!("{} failed: {}", what(), describe(cause)));
        let controller = AbortController::new().map_err(|e| failed(&e))?;
        let init = self.init(request, &controller.signal().map_err(|e| failed(&e))?);
        let timer = Timer::start(self.timeout_ms as u64, &self.timed_out).map_err(|e| failed(&e))?;
        let stopped = |outcome: Outcome| match outcome {
            Outcome::Aborted => {
                let _ = controller.abort(&JsValue::UNDEFINED);
                Err(Error::new(ErrorCode::Aborted, ABORTED))
            }
            Outcome::TimedOut => {
                let reason = js_sys::Error::new(&format!("no answer within {} ms", self.timeout_ms));
                reason.set_name("TimeoutError");
                let _ = controller.abort(&reason);
                Err(Error::new(
                    ErrorCode::Timeout,
                    format!("no complete answer within {} ms ({})", self.timeout_ms, what()),
                ))
            }
            Outcome::Threw(cause) => Err(failed(&cause)),
            Outcome::Value(value) => Ok(value),
        };

        let fetch = match &self.fetch {
            Some(fetch) => fetch.clone(),
            None => duck(&js_sys::global())
                .fetch()
                .ok()
                .and_then(|f| f.dyn_into::<Function>().ok())
                .ok_or_else(|| Error::new(ErrorCode::UnsupportedRuntime, "this runtime has no global fetch"))?,
        };
        let pending =
            fetch.call2(&JsValue::UNDEFINED, &JsValue::from_str(&request.url), &init).map_err(|e| failed(&e))?;
        let response = stopped(self.until_stopped(&pending, Some(&timer)).await)?;

        // Duck typing, as any fetch-like function may answer: a status, headers.get, text().
        let not_response = |rule: &str| Error::new(ErrorCode::InvalidResponse, format!("{}: {rule}", what()));
        let status = duck(&response)
            .status()
            .ok()
            .and_then(|s| s.as_f64())
            .filter(|s| (100.0..=599.0).contains(s) && f64::from(*s as u16) == *s)
            .ok_or_else(|| not_response("fetch did not resolve to a Response"))? as u16;
        let text = duck(&response)
            .text_member()
            .ok()
            .and_then(|t| t.dyn_into::<Function>().ok())
            .ok_or_else(|| not_response("fetch did not resolve to a Response (no text())"))?;
        // The one header the client reads, and only of an answer it may retry (not a 2xx):
        // each header read is two calls out of wasm.
        let headers = match status {
            200..=299 => Vec::new(),
            _ => header(&response, "retry-after").map(|value| ("retry-after".to_owned(), value)).into_iter().collect(),
        };
        let body = text.call0(&response).map_err(|e| failed(&e))?;
        let body = stopped(self.until_stopped(&body, Some(&timer)).await)?;
        let body = body.as_string().ok_or_else(|| not_response("the body is not text"))?;
        Ok(HttpResponse { status, headers, body })
    }

    /// fetch's second argument: `{ method, headers, body?, signal }`.
    fn init(&self, request: &HttpRequest, signal: &JsValue) -> JsValue {
        let headers = Object::new();
        for (name, value) in &request.headers {
            // Defining a property on a fresh plain object cannot fail.
            let _ = Reflect::set(&headers, &JsValue::from_str(name), &JsValue::from_str(value));
        }
        let init: Init = Object::new().unchecked_into();
        init.set_method(request.method.as_str());
        init.set_headers(&headers);
        if let Some(body) = &request.body {
            init.set_body(body);
        }
        init.set_signal(signal);
        init.into()
    }
}

/// How a raced await ended.
enum Outcome {
    Value(JsValue),
    Threw(JsValue),
    TimedOut,
    Aborted,
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
        let done = JsValue::TRUE;
        let timer = Timer::start(ms, &done)
            .map_err(|e| Error::new(ErrorCode::UnsupportedRuntime, format!("cannot wait: {}", describe(&e))))?;
        match self.until_stopped(timer.promise(), None).await {
            Outcome::Aborted => Err(Error::new(ErrorCode::Aborted, ABORTED)),
            _ => Ok(()),
        }
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

/// A response header by name, when `headers.get` gives a string; anything else (no headers,
/// a getter that throws) is no header.
fn header(response: &JsValue, name: &str) -> Option<String> {
    let headers = duck(response).headers().ok()?;
    if !headers.is_object() {
        return None;
    }
    duck(&headers).get(name).ok()?.as_string()
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
