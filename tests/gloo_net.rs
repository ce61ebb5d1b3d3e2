//! gloo-net against the contract of the package's transport (`src/wasm/fetch.rs`), as
//! evidence for the README's Dependencies section. gloo-net 0.6.0 is the newest release and
//! builds against our wasm-bindgen 0.2.130. Its `Request::send` (src/http/request.rs):
//!
//! ```text
//! #[wasm_bindgen(js_name = "fetch")]
//! fn fetch_with_request(request: &web_sys::Request) -> js_sys::Promise;   // no `catch`
//! ...
//! let response = JsFuture::from(promise).await.map_err(js_to_error)?;
//! response
//!     .dyn_into::<web_sys::Response>()
//!     .map_err(|e| panic!("fetch returned {:?}, not `Response` - this is a bug", e))
//! ```
//!
//! so (1) it always calls the global `fetch`, with one `Request` object, and a user's fetch
//! can only be injected by replacing `globalThis.fetch` for the whole process; (2) a fetch
//! that resolves to anything but a real `Response` panics, which in the shipped build
//! (`panic = "abort"`) traps the module; (3) a fetch that throws synchronously throws through
//! Rust frames (the binding has no `catch`). A panic cannot be caught on wasm, so these tests
//! pass while showing each fact: what gloo-net calls, and that its check refuses the values
//! the package's own tests get from fetch-like functions (all of which edgeroom reads or
//! reports as `invalid_response`; see tests/wasm.rs).
#![cfg(target_arch = "wasm32")]

use gloo_net::http::Request;
use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn js_eval(source: &str) -> JsValue {
    Function::new_no_args(&format!("return ({source});")).call0(&JsValue::NULL).unwrap()
}

#[wasm_bindgen_test]
async fn gloo_net_sends_through_the_global_fetch_only() {
    let global = js_sys::global();
    let saved = Reflect::get(&global, &"fetch".into()).unwrap();
    let log = Array::new();
    let recorder = Function::new_with_args(
        "log",
        "return (...args) => { log.push(args); return Promise.resolve(new Response('{}', { status: 200 })); };",
    )
    .call1(&JsValue::NULL, &log)
    .unwrap();
    // The only way to give gloo-net a fetch of one's own: replace the process-wide global
    // (a Worker or a server with several clients, each with its own `fetch`, cannot).
    Reflect::set(&global, &"fetch".into(), &recorder).unwrap();
    let response = Request::get("https://api.test/v2/rooms").send().await;
    Reflect::set(&global, &"fetch".into(), &saved).unwrap();
    assert_eq!(response.unwrap().status(), 200);
    // It was called with a single Request object, not the (url, init) a fetch option gets.
    let args: Array = log.get(0).unchecked_into();
    assert_eq!(args.length(), 1);
    assert!(args.get(0).is_instance_of::<web_sys::Request>());
}

#[wasm_bindgen_test]
fn gloo_net_s_response_check_refuses_what_fetch_like_functions_resolve_to() {
    // What `Request::send` does with fetch's value before returning: a failed cast is a
    // panic (a trap in the shipped build). These values come from the package's hostile and
    // wasm tests: a wrong value, and Response look-alikes that edgeroom reads by duck typing.
    for value in [
        "{}",
        "42",
        "null",
        "{ ok: true }",
        "{ status: 200, headers: new Headers(), text: async () => '{}' }",
        "new Proxy({}, {})",
    ] {
        let cast = js_eval(value).dyn_into::<web_sys::Response>();
        assert!(cast.is_err(), "{value}: gloo-net would panic here");
    }
    // A real Response passes the check.
    assert!(js_eval("new Response('{}')").dyn_into::<web_sys::Response>().is_ok());
}
