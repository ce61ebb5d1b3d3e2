//! Webhook receivers for JavaScript. The I/O (reading the request, WebCrypto's RSA check
//! for VideoSDK) happens in `js/src/webhooks.js`; the checks and the parsing happen here.

use super::args::{optional_int, options, required_string};
use super::env::JsEnv;
use super::error::IntoJsResult;
use super::js::object_keys;
use super::js::parse;
use crate::client::Env;
use crate::error::{Error, Result};
use crate::webhook::{parse_videosdk_event, HmsWebhooks};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use js_sys::{Function, Reflect};
use wasm_bindgen::prelude::*;

/// `new HmsWebhookReceiver({...})`.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct ReceiverOptions {
    /// Read below with every access caught: names and values come from configuration.
    #[serde(default, with = "super::args::passed")]
    headers: JsValue,
    #[serde(default, with = "super::args::passed")]
    basic_auth: JsValue,
    max_age_seconds: Option<i64>,
    allow_unauthenticated: Option<bool>,
}

/// `basicAuth: { username, password }`.
#[derive(serde::Deserialize)]
struct BasicAuth {
    username: String,
    password: String,
}

/// The checks of a 100ms webhook endpoint; holds the expected secrets' digests only.
#[wasm_bindgen]
pub struct HmsWebhookCore {
    checks: HmsWebhooks,
}

#[wasm_bindgen]
impl HmsWebhookCore {
    /// `new HmsWebhookCore({ headers?, basicAuth?, maxAgeSeconds?, allowUnauthenticated? })`.
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<HmsWebhookCore, JsValue> {
        Self::create(&options).js()
    }

    /// Checks the headers (read through `header(name)`) and parses `body` into the event.
    pub fn receive(&self, header: &Function, body: JsValue) -> Result<JsValue, JsValue> {
        (|| {
            let body = required_string(&body, "body")?;
            let read = |name: &str| {
                header.call1(&JsValue::UNDEFINED, &JsValue::from_str(name)).ok().and_then(|v| v.as_string())
            };
            let event = self.checks.receive(read, &body, JsEnv::default().now_unix())?;
            Ok(to_js_value(&event))
        })()
        .js()
    }
}

impl HmsWebhookCore {
    fn create(options_value: &JsValue) -> Result<HmsWebhookCore> {
        let o: ReceiverOptions = options(options_value, "HmsWebhookReceiver options")?;
        let mut headers = string_map(&o.headers, "headers")?;
        if !o.basic_auth.is_undefined() && !o.basic_auth.is_null() {
            let basic: BasicAuth = options(&o.basic_auth, "basicAuth").map_err(|e| e.within("basicAuth"))?;
            let credentials = STANDARD.encode(format!("{}:{}", basic.username, basic.password));
            headers.push(("authorization".to_owned(), format!("Basic {credentials}")));
        }
        let allow = o.allow_unauthenticated.unwrap_or(false);
        Ok(HmsWebhookCore { checks: HmsWebhooks::new(&headers, o.max_age_seconds, allow)? })
    }
}

/// A `{ name: value }` object of strings.
fn string_map(value: &JsValue, field: &str) -> Result<Vec<(String, String)>> {
    if value.is_undefined() || value.is_null() {
        return Ok(Vec::new());
    }
    if !value.is_object() {
        return Err(Error::invalid(field, "must be an object of header names to values"));
    }
    let keys = object_keys(value).map_err(|_| Error::invalid(field, "cannot be read"))?;
    keys.iter()
        .map(|key| {
            let name = key.as_string().unwrap_or_default();
            let item = Reflect::get(value, &key).map_err(|_| Error::invalid(field, "cannot be read"))?;
            Ok((name.clone(), required_string(&item, &format!("{field}.{name}"))?))
        })
        .collect()
}

/// Parses a VideoSDK webhook body whose signature the caller has verified.
#[wasm_bindgen(js_name = parseVideoSdkWebhook)]
pub fn parse_videosdk_webhook(body: JsValue, max_age_seconds: JsValue) -> Result<JsValue, JsValue> {
    (|| {
        let body = required_string(&body, "body")?;
        let max_age = optional_int(&max_age_seconds, "maxAgeSeconds")?;
        let event = parse_videosdk_event(&body, max_age, JsEnv::default().now_unix())?;
        Ok(to_js_value(&event))
    })()
    .js()
}

/// An event to JavaScript, through its JSON text (see [`parse`]).
fn to_js_value(event: &impl serde::Serialize) -> JsValue {
    // An event serde_json has just read serialises back; parsing it cannot fail.
    serde_json::to_string(event).ok().and_then(|text| parse(&text).ok()).unwrap_or(JsValue::NULL)
}
