//! `HmsCore`: the wasm object behind the JavaScript `HmsClient`. It owns the secret (which
//! never leaves wasm memory), mints tokens synchronously and runs every REST call through
//! the one generic path.

use super::convert::{optional_bool, optional_int, optional_string, required_string, to_json, Options};
use super::env::JsEnv;
use super::error::IntoJsResult;
use super::fetch::{check_fetch, check_signal, check_timeout, FetchTransport};
use crate::error::{Error, Result};
use crate::hms::{self, HmsClient, HmsOptions};
use crate::token::{AppGrant, Validity};
use js_sys::{Array, Function, Promise};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

const CLIENT_OPTIONS: &[&str] = &["accessKey", "secret", "baseUrl", "authBaseUrl", "fetch", "timeoutMs"];
const MANAGEMENT_TOKEN_OPTIONS: &[&str] = &["validForSeconds", "forceNew"];
const AUTH_TOKEN_OPTIONS: &[&str] = &["roomId", "role", "userId", "validForSeconds", "issuedAt", "notValidBefore"];
pub(super) const CALL_OPTIONS: &[&str] = &["signal", "timeoutMs"];

#[wasm_bindgen]
pub struct HmsCore {
    client: Rc<HmsClient>,
    fetch: Option<Function>,
    timeout_ms: i64,
}

#[wasm_bindgen]
impl HmsCore {
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<HmsCore, JsValue> {
        Self::create(&options).js()
    }

    /// A management token (cached while comfortably valid): `{ validForSeconds, forceNew }`.
    #[wasm_bindgen(js_name = managementToken)]
    pub fn management_token(&self, options: JsValue) -> Result<String, JsValue> {
        (|| {
            let options = Options::new(&options, "getManagementToken options", MANAGEMENT_TOKEN_OPTIONS)?;
            let valid_for = optional_int(&options.get("validForSeconds")?, "validForSeconds")?;
            let force = optional_bool(&options.get("forceNew")?, "forceNew")?.unwrap_or(false);
            self.client.management_token(&JsEnv, valid_for, force).map(|m| m.token)
        })()
        .js()
    }

    /// An app (auth) token for one peer: `{ roomId, role, userId, validForSeconds, issuedAt, notValidBefore }`.
    #[wasm_bindgen(js_name = appToken)]
    pub fn app_token(&self, options: JsValue) -> Result<String, JsValue> {
        (|| {
            let options = Options::new(&options, "getAuthToken options", AUTH_TOKEN_OPTIONS)?;
            let room_id = required_string(&options.get("roomId")?, "roomId")?;
            let role = required_string(&options.get("role")?, "role")?;
            let user_id = optional_string(&options.get("userId")?, "userId")?;
            let validity = validity(&options)?;
            let grant = AppGrant { room_id: &room_id, role: &role, user_id: user_id.as_deref() };
            self.client.app_token(&JsEnv, &grant, &validity).map(|m| m.token)
        })()
        .js()
    }

    /// Runs the endpoint `name` with path `args`, `query` and `body`; resolves to its value.
    /// Bad input rejects the promise before anything is sent.
    pub fn call(&self, name: &str, args: JsValue, query: JsValue, body: JsValue, options: JsValue) -> Promise {
        let prepared = self.prepare(name, &args, &query, &body, &options);
        let client = Rc::clone(&self.client);
        future_to_promise(async move {
            let (endpoint, args, query, body, transport) = prepared.js()?;
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let value = client.call(&transport, &JsEnv, endpoint, &args, &query, &body).await.js()?;
            Ok(super::convert::from_json(&value))
        })
    }
}

type Prepared = (&'static crate::endpoint::Endpoint, Vec<String>, serde_json::Value, serde_json::Value, FetchTransport);

impl HmsCore {
    fn create(options: &JsValue) -> Result<HmsCore> {
        let options = Options::new(options, "HmsClient options", CLIENT_OPTIONS)?;
        let access_key = required_string(&options.get("accessKey")?, "accessKey")?;
        let secret = required_string(&options.get("secret")?, "secret")?;
        let hms_options = HmsOptions {
            base_url: optional_string(&options.get("baseUrl")?, "baseUrl")?,
            auth_base_url: optional_string(&options.get("authBaseUrl")?, "authBaseUrl")?,
        };
        let client = HmsClient::new(&access_key, &secret, &hms_options)?;
        let fetch = check_fetch(options.get("fetch")?)?;
        let timeout_ms = check_timeout(optional_int(&options.get("timeoutMs")?, "timeoutMs")?)?;
        Ok(HmsCore { client: Rc::new(client), fetch, timeout_ms })
    }

    fn prepare(
        &self,
        name: &str,
        args: &JsValue,
        query: &JsValue,
        body: &JsValue,
        options: &JsValue,
    ) -> Result<Prepared> {
        let endpoint = hms::endpoint(name)
            .ok_or_else(|| Error::invalid("endpoint", format_args!("{name} is not a 100ms endpoint")))?;
        let args = path_args(args, endpoint.args)?;
        let transport = transport(self.fetch.clone(), self.timeout_ms, options)?;
        Ok((endpoint, args, to_json(query, "query")?, to_json(body, "")?, transport))
    }
}

/// The transport for one call: the client's fetch and timeout, overridden per call.
pub(super) fn transport(fetch: Option<Function>, timeout_ms: i64, options: &JsValue) -> Result<FetchTransport> {
    let options = Options::new(options, "call options", CALL_OPTIONS)?;
    let timeout_ms = match optional_int(&options.get("timeoutMs")?, "timeoutMs")? {
        Some(ms) => check_timeout(Some(ms))?,
        None => timeout_ms,
    };
    Ok(FetchTransport { fetch, timeout_ms, signal: check_signal(options.get("signal")?)? })
}

/// Path arguments, each a string named as the endpoint names it (`roomId`); their other
/// rules are the endpoint's to check.
fn path_args(args: &JsValue, names: &[&str]) -> Result<Vec<String>> {
    let array = args.dyn_ref::<Array>().ok_or_else(|| Error::invalid("arguments", "must be an array"))?;
    names.iter().enumerate().map(|(i, name)| required_string(&array.get(i as u32), name)).collect()
}

/// The `validForSeconds` / `issuedAt` / `notValidBefore` options as a [`Validity`].
pub(super) fn validity(options: &Options) -> Result<Validity> {
    Ok(Validity {
        valid_for_seconds: optional_int(&options.get("validForSeconds")?, "validForSeconds")?,
        issued_at: optional_int(&options.get("issuedAt")?, "issuedAt")?,
        not_valid_before: optional_int(&options.get("notValidBefore")?, "notValidBefore")?,
    })
}
