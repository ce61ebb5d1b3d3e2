//! The JavaScript globals the wasm layer uses, bound directly rather than through `window`
//! (Workers, Deno and Node have none). Every binding that can throw is declared `catch`, so
//! a hostile value becomes an error, never an exception unwinding through Rust frames.

use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = "
export function untilAborted(signal) {
  const aborted = new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
  aborted.catch(() => {});
  return aborted;
}
export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}")]
extern "C" {
    /// A promise that rejects once `signal` aborts (already handled, so a signal that fires
    /// after the request finished raises no unhandled rejection). Raced against every wait
    /// on the transport, so a `fetch` that ignores its signal still times out.
    #[wasm_bindgen(js_name = untilAborted)]
    pub fn until_aborted(signal: &JsValue) -> Promise;

    /// Resolves after `ms` milliseconds (a ref'd timer: Node waits for it).
    pub fn sleep(ms: f64) -> Promise;
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
}
