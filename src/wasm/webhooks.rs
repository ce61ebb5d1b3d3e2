//! Webhook receivers for JavaScript. The I/O (reading the request, WebCrypto's RSA check
//! for VideoSDK) happens in `js/src/webhooks.js`; the checks and the parsing happen here.

use super::convert::{from_json, optional_bool, optional_int, required_string, Options};
use super::env::JsEnv;
use super::error::IntoJsResult;
use super::js::object_keys;
use crate::client::Env;
use crate::error::{Error, Result};
use crate::prelude::*;
use crate::webhook::{parse_videosdk_event, HmsWebhooks};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use js_sys::{Function, Reflect};
use wasm_bindgen::prelude::*;

const HMS_OPTIONS: &[&str] = &["headers", "basicAuth", "maxAgeSeconds", "allowUnauthenticated"];
const BASIC_AUTH_OPTIONS: &[&str] = &["username", "password"];

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
            self.checks.receive(read, &body, JsEnv::default().now_unix()).map(|event| from_json(&event))
        })()
        .js()
    }
}

impl HmsWebhookCore {
    fn create(options: &JsValue) -> Result<HmsWebhookCore> {
        let options = Options::new(options, "HmsWebhookReceiver options", HMS_OPTIONS)?;
        let mut headers = string_map(&options.get("headers")?, "headers")?;
        let basic = options.get("basicAuth")?;
        if !basic.is_undefined() && !basic.is_null() {
            let basic = Options::new(&basic, "basicAuth", BASIC_AUTH_OPTIONS)?;
            let username = required_string(&basic.get("username")?, "basicAuth.username")?;
            let password = required_string(&basic.get("password")?, "basicAuth.password")?;
            let credentials = STANDARD.encode(format!("{username}:{password}"));
            headers.push(("authorization".to_owned(), format!("Basic {credentials}")));
        }
        let max_age = optional_int(&options.get("maxAgeSeconds")?, "maxAgeSeconds")?;
        let allow = optional_bool(&options.get("allowUnauthenticated")?, "allowUnauthenticated")?.unwrap_or(false);
        Ok(HmsWebhookCore { checks: HmsWebhooks::new(&headers, max_age, allow)? })
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
        parse_videosdk_event(&body, max_age, JsEnv::default().now_unix()).map(|event| from_json(&event))
    })()
    .js()
}
