//! The JavaScript globals the wasm layer uses, bound directly rather than through `window`
//! (Workers, Deno and Node have none). Every binding that can throw is declared `catch`, so
//! a hostile value becomes an error, never an exception unwinding through Rust frames.

use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = "
export function untilSettledOrAborted(value, signal) {
  let onAbort;
  const aborted = new Promise((_, reject) => {
    onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  aborted.catch(() => {});
  return Promise.race([Promise.resolve(value), aborted]).finally(() => signal.removeEventListener('abort', onAbort));
}
export function dateIso(value) {
  if (!(value instanceof Date)) return undefined;
  const time = Date.prototype.getTime.call(value);
  return Number.isNaN(time) ? null : Date.prototype.toISOString.call(value);
}
export function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}")]
extern "C" {
    /// `value` (a promise or a plain value), unless `signal` aborts first: raced against
    /// every wait on the transport, so a `fetch` that ignores its signal still times out.
    /// The abort listener is removed once `value` settles: in Deno a listener keeps a pending
    /// `AbortSignal.timeout()` timer, and so the process, alive until the timeout fires.
    #[wasm_bindgen(js_name = untilSettledOrAborted)]
    pub fn until_settled_or_aborted(value: &JsValue, signal: &JsValue) -> Promise;

    /// For a Date, its ISO string (null if invalid); undefined for anything else. Throws
    /// (caught) for hostile objects, e.g. a revoked Proxy or a Date-like impostor.
    #[wasm_bindgen(catch, js_name = dateIso)]
    pub fn date_iso(value: &JsValue) -> Result<JsValue, JsValue>;

    /// Resolves after `ms` milliseconds, or rejects as soon as `signal` (if any) aborts —
    /// clearing the timer, so an abandoned wait does not keep the process alive.
    pub fn sleep(ms: f64, signal: &JsValue) -> Promise;
}

#[wasm_bindgen]
extern "C" {
    /// `globalThis.fetch`, the transport unless the caller passes their own.
    #[wasm_bindgen(catch, js_name = fetch)]
    pub fn global_fetch(url: &str, init: &JsValue) -> Result<Promise, JsValue>;

    #[wasm_bindgen(js_namespace = Date, js_name = now)]
    pub fn date_now() -> f64;

    #[wasm_bindgen(catch, js_namespace = crypto, js_name = getRandomValues)]
    pub fn get_random_values(buffer: &mut [u8]) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(catch, js_namespace = AbortSignal, js_name = timeout)]
    pub fn abort_signal_timeout(ms: f64) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(catch, js_namespace = AbortSignal, js_name = any)]
    pub fn abort_signal_any(signals: &Array) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    pub fn object_keys(object: &JsValue) -> Result<Array, JsValue>;

    /// `Array.isArray`, which throws for a revoked Proxy.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    pub fn is_array(value: &JsValue) -> Result<bool, JsValue>;
}
