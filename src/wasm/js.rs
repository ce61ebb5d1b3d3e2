//! The JavaScript globals the wasm layer uses, bound directly rather than through `window`
//! (Workers, Deno and Node have none). Every binding that can throw is declared `catch`, so
//! a hostile value becomes an error, never an exception unwinding through Rust frames.

use js_sys::Array;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = "
let fill = (bytes) => crypto.getRandomValues(bytes);
export function fillRandom(bytes) {
  fill(bytes);
}
export function setRandomSource(source) {
  fill = source;
}")]
extern "C" {
    /// Fills `buffer` from the random source: `crypto.getRandomValues`, unless an entry set
    /// another (see `useRandomSource`). Throws (caught) where there is none.
    #[wasm_bindgen(catch, js_name = fillRandom)]
    pub fn fill_random(buffer: &mut [u8]) -> Result<(), JsValue>;

    #[wasm_bindgen(js_name = setRandomSource)]
    pub fn set_random_source(source: &js_sys::Function);
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Date, js_name = now)]
    pub fn date_now() -> f64;

    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    pub fn object_keys(object: &JsValue) -> Result<Array, JsValue>;

    /// `Array.isArray`, which throws for a revoked Proxy.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    pub fn is_array(value: &JsValue) -> Result<bool, JsValue>;
}

/// The JSON text of an answer as a JavaScript value, through `JSON.parse` rather than value
/// by value: it makes `"__proto__"` an own property (never the object's prototype), and
/// reads integers beyond 2^53 as any JavaScript client of the API would. The text is the
/// provider's own (or assembled from its parts), which serde_json has read as JSON.
pub fn parse(text: &str) -> core::result::Result<JsValue, JsValue> {
    js_sys::JSON::parse(text)
}
