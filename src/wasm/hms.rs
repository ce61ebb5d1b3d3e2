//! `HmsCore`: the wasm object behind the JavaScript `HmsClient`. It owns the secret (which
//! never leaves wasm memory), mints tokens synchronously and runs every REST call through
//! the one generic path.

use super::args::{option_int, option_string, required_option_string};
use super::call::{Caller, TransportOptions};
use super::error::IntoJsResult;
use super::mint;
use crate::error::Result;
use crate::hms::{HmsClient, HmsOptions};
use js_sys::Promise;
use wasm_bindgen::prelude::*;

/// The 100ms client as JavaScript sees it (wrapped by `HmsClient` in `js/src/api.js`).
#[wasm_bindgen]
pub struct HmsCore {
    caller: Caller<HmsClient>,
}

#[wasm_bindgen]
impl HmsCore {
    /// `new HmsCore(accessKey, secret, baseUrl, authBaseUrl, fetch, timeoutMs, retries,
    /// retryMaxDelayMs, onRetry)`: the `HmsClient` options, read by `js/src/api.js`
    /// (`optionValues`: unknown keys, unreadable objects) and passed one by one.
    #[wasm_bindgen(constructor)]
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        access_key: JsValue,
        secret: JsValue,
        base_url: JsValue,
        auth_base_url: JsValue,
        fetch: JsValue,
        timeout_ms: JsValue,
        retries: JsValue,
        retry_max_delay_ms: JsValue,
        on_retry: JsValue,
    ) -> Result<HmsCore, JsValue> {
        (|| {
            // Each value's kind first, in the options' alphabetical order, then what is
            // missing: the order an option object was read in before.
            option_string(&access_key, "accessKey")?;
            let auth_base_url = option_string(&auth_base_url, "authBaseUrl")?;
            let base_url = option_string(&base_url, "baseUrl")?;
            let retries = option_int(&retries, "retries")?;
            let retry_max_delay_ms = option_int(&retry_max_delay_ms, "retryMaxDelayMs")?;
            option_string(&secret, "secret")?;
            let timeout_ms = option_int(&timeout_ms, "timeoutMs")?;
            let access_key = required_option_string(&access_key, "accessKey")?;
            let secret = required_option_string(&secret, "secret")?;
            let transport = TransportOptions { fetch, timeout_ms, retries, retry_max_delay_ms, on_retry };
            let options = HmsOptions { base_url, auth_base_url, retry: transport.retry_policy()? };
            let client = HmsClient::new(&access_key, &secret, &options)?;
            Ok(HmsCore { caller: Caller::new(client, transport)? })
        })()
        .js()
    }

    /// A management token (cached while comfortably valid): the options of
    /// `getManagementToken({ validForSeconds, forceNew })`, one by one (read by `js/src/mint.js`).
    #[wasm_bindgen(js_name = managementTokenOf)]
    pub fn management_token_of(&self, valid_for_seconds: JsValue, force_new: JsValue) -> Result<String, JsValue> {
        mint::hms_management_token_of(&self.caller.client, &*self.caller.env, &valid_for_seconds, &force_new).js()
    }

    /// An app (auth) token for one peer: `{ roomId, role, userId, validForSeconds, issuedAt, notValidBefore }`.
    #[wasm_bindgen(js_name = appToken)]
    pub fn app_token(&self, options: JsValue) -> Result<String, JsValue> {
        mint::hms_app_token(&self.caller.client, &*self.caller.env, &options).js()
    }

    /// `appToken` with the options already read from a plain object by the JavaScript wrapper,
    /// in the order of `AUTH_TOKEN_KEYS` there: the same checks, without a boundary crossing per
    /// key. Minting runs on almost every request, so this is the path it takes.
    #[wasm_bindgen(js_name = appTokenOf)]
    pub fn app_token_of(
        &self,
        room_id: JsValue,
        role: JsValue,
        user_id: JsValue,
        valid_for_seconds: JsValue,
        issued_at: JsValue,
        not_valid_before: JsValue,
    ) -> Result<String, JsValue> {
        let values = [&room_id, &role, &user_id, &valid_for_seconds, &issued_at, &not_valid_before];
        mint::hms_app_token_of(&self.caller.client, &*self.caller.env, values).js()
    }

    /// `appTokenOf` for values `js/src/mint.js` has seen to be of the right types: well-formed
    /// strings (`userId` may be absent) and numbers or absent. They cross as they are, so
    /// minting makes no call back into JavaScript to read them (a fifth of a mint's time
    /// went there); every rule of what they hold is checked as in `appTokenOf`.
    #[wasm_bindgen(js_name = appTokenOfTyped)]
    pub fn app_token_of_typed(
        &self,
        room_id: &str,
        role: &str,
        user_id: Option<String>,
        valid_for_seconds: Option<f64>,
        issued_at: Option<f64>,
        not_valid_before: Option<f64>,
    ) -> Result<String, JsValue> {
        let grant = crate::token::AppGrant { room_id, role, user_id: user_id.as_deref() };
        let numbers = [valid_for_seconds, issued_at, not_valid_before];
        mint::hms_app_token_typed(&self.caller.client, &*self.caller.env, &grant, numbers).js()
    }

    /// Calls `name` (a name of the generated method table, `rooms.create`) with its path
    /// `args` and `params` (their JSON text, `js/src/params.js`): one crossing into wasm, which sends, waits, retries and parses,
    /// and returns a promise of the value. Rejects at once on bad input, before anything is
    /// sent.
    pub fn call(&self, name: &str, args: JsValue, params: Option<String>, options: JsValue) -> Promise {
        self.caller.call(name, &args, params, &options)
    }
}
