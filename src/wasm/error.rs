//! edgeroom errors as real JavaScript `Error`s: `name` is `"EdgeroomError"`, and `code`,
//! `field`, `status` and the provider's `body` (parsed when it is JSON) are own properties.

use crate::error::{Error, ErrorCode};
use js_sys::Reflect;
use wasm_bindgen::JsValue;

pub fn to_js(err: &Error) -> JsValue {
    let js = js_sys::Error::new(err.message());
    js.set_name("EdgeroomError");
    let set = |key: &str, value: JsValue| {
        // Setting a property on a fresh Error cannot fail.
        let _ = Reflect::set(&js, &JsValue::from_str(key), &value);
    };
    set("code", JsValue::from_str(err.code().as_str()));
    if let Some(field) = err.field() {
        set("field", JsValue::from_str(field));
    }
    if let Some(status) = err.status() {
        set("status", JsValue::from(status));
    }
    if let Some(body) = err.body() {
        // A provider's error body is handed over parsed when it is JSON; the body of an
        // invalid_response stays the raw text, since "not the documented JSON" is the point.
        let value = if err.code() == ErrorCode::InvalidResponse {
            JsValue::from_str(body)
        } else {
            js_sys::JSON::parse(body).unwrap_or_else(|_| JsValue::from_str(body))
        };
        set("body", value);
    }
    js.into()
}

/// `Result<T, Error>` → `Result<T, JsValue>` for `#[wasm_bindgen]` exports.
pub trait IntoJsResult<T> {
    fn js(self) -> Result<T, JsValue>;
}

impl<T> IntoJsResult<T> for Result<T, Error> {
    fn js(self) -> Result<T, JsValue> {
        self.map_err(|e| to_js(&e))
    }
}
