//! A Promise over `setTimeout`, for the backoff waits and the per-attempt timeout of the
//! async call path (`fetch.rs`). The promise resolves to a value of the caller's choosing
//! (`setTimeout` passes it to `resolve`, so no Rust closure is called back), and dropping the
//! [`Timer`] clears its timer: no timer outlives the wait or the attempt it bounds, whether
//! that ended by the timer, an answer or an abort (Deno's test sanitizers and a Node process
//! waiting on its event loop both notice one that does).

use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `setTimeout(handler, ms, arg)`: the id is a number, or an object in Node.
    #[wasm_bindgen(catch, js_name = setTimeout)]
    fn set_timeout(handler: &Function, ms: f64, arg: &JsValue) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(catch, js_name = clearTimeout)]
    fn clear_timeout(id: &JsValue) -> Result<(), JsValue>;
}

/// A timer running; its promise resolves to the value given to [`Timer::start`].
pub struct Timer {
    id: JsValue,
    promise: Promise,
}

impl Timer {
    /// Starts a timer of `ms` milliseconds whose promise resolves to `value`; an error where
    /// the runtime has no `setTimeout`.
    pub fn start(ms: u64, value: &JsValue) -> Result<Timer, JsValue> {
        let mut id = Err(JsValue::UNDEFINED);
        // The executor runs synchronously, inside `new Promise`.
        let promise = Promise::new(&mut |resolve: Function, _reject: Function| {
            id = set_timeout(&resolve, ms as f64, value);
        });
        Ok(Timer { id: id?, promise })
    }

    /// Resolves to the timer's value when it fires.
    pub fn promise(&self) -> &Promise {
        &self.promise
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        // Clearing a timer that has fired is a no-op.
        let _ = clear_timeout(&self.id);
    }
}
