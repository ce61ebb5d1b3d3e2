//! `VideoSdkCore`: the wasm object behind the JavaScript `VideoSdkClient`.

use super::args::{option_int, option_string, required_option_string};
use super::call::{Caller, TransportOptions};
use super::error::IntoJsResult;
use super::mint;
use crate::videosdk::{VideoSdkClient, VideoSdkOptions};
use js_sys::Promise;
use wasm_bindgen::prelude::*;

/// The VideoSDK client as JavaScript sees it (wrapped by `VideoSdkClient` in `js/src/api.js`).
#[wasm_bindgen]
pub struct VideoSdkCore {
    caller: Caller<VideoSdkClient>,
}

#[wasm_bindgen]
impl VideoSdkCore {
    /// `new VideoSdkCore(apiKey, secret, baseUrl, fetch, timeoutMs, retries, retryMaxDelayMs,
    /// onRetry)`: the `VideoSdkClient` options, read by `js/src/api.js` and passed one by one
    /// (see `HmsCore::new`).
    #[wasm_bindgen(constructor)]
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        api_key: JsValue,
        secret: JsValue,
        base_url: JsValue,
        fetch: JsValue,
        timeout_ms: JsValue,
        retries: JsValue,
        retry_max_delay_ms: JsValue,
        on_retry: JsValue,
    ) -> Result<VideoSdkCore, JsValue> {
        (|| {
            // As `HmsCore::new`: each value's kind in alphabetical order, then what is missing.
            option_string(&api_key, "apiKey")?;
            let base_url = option_string(&base_url, "baseUrl")?;
            let retries = option_int(&retries, "retries")?;
            let retry_max_delay_ms = option_int(&retry_max_delay_ms, "retryMaxDelayMs")?;
            option_string(&secret, "secret")?;
            let timeout_ms = option_int(&timeout_ms, "timeoutMs")?;
            let api_key = required_option_string(&api_key, "apiKey")?;
            let secret = required_option_string(&secret, "secret")?;
            let transport = TransportOptions { fetch, timeout_ms, retries, retry_max_delay_ms, on_retry };
            let options = VideoSdkOptions { base_url, retry: transport.retry_policy()? };
            let client = VideoSdkClient::new(&api_key, &secret, &options)?;
            Ok(VideoSdkCore { caller: Caller::new(client, transport)? })
        })()
        .js()
    }

    /// A token: `{ permissions, roomId, participantId, roles, validForSeconds, issuedAt, notValidBefore }`.
    pub fn token(&self, value: JsValue) -> Result<String, JsValue> {
        mint::videosdk_token(self.caller.client.credentials(), &*self.caller.env, &value).js()
    }

    /// `token` with the options already read from a plain object by the JavaScript wrapper,
    /// in the order of `VIDEOSDK_TOKEN_KEYS` there (see `HmsCore.appTokenOf`).
    #[wasm_bindgen(js_name = tokenOf)]
    #[allow(clippy::too_many_arguments)] // one per option, in the documented order
    pub fn token_of(
        &self,
        permissions: JsValue,
        room_id: JsValue,
        participant_id: JsValue,
        roles: JsValue,
        valid_for_seconds: JsValue,
        issued_at: JsValue,
        not_valid_before: JsValue,
    ) -> Result<String, JsValue> {
        let values =
            [&permissions, &room_id, &participant_id, &roles, &valid_for_seconds, &issued_at, &not_valid_before];
        mint::videosdk_token_of(self.caller.client.credentials(), &*self.caller.env, values).js()
    }

    /// `tokenOf` for values `js/src/mint.js` has seen to be of the right types: `permissions`
    /// and `roles` absent or plain arrays of non-empty well-formed strings without a comma,
    /// crossed joined by commas; the ids well-formed strings or absent; the times numbers or
    /// absent. No call back into JavaScript per value; every rule of what they hold is checked
    /// as in `tokenOf`.
    #[wasm_bindgen(js_name = tokenOfTyped)]
    #[allow(clippy::too_many_arguments)] // one per option, in the documented order
    pub fn token_of_typed(
        &self,
        permissions: String,
        room_id: Option<String>,
        participant_id: Option<String>,
        roles: String,
        valid_for_seconds: Option<f64>,
        issued_at: Option<f64>,
        not_valid_before: Option<f64>,
    ) -> Result<String, JsValue> {
        let numbers = [valid_for_seconds, issued_at, not_valid_before];
        let values = mint::VideoSdkTyped { permissions, roles, room_id, participant_id, numbers };
        mint::videosdk_token_typed(self.caller.client.credentials(), &*self.caller.env, values).js()
    }

    /// Calls `name` with its path `args` and `params` (JSON text): one crossing into wasm, which sends,
    /// waits, retries and parses, and returns a promise of the value. Rejects at once on bad
    /// input, before anything is sent.
    pub fn call(&self, name: &str, args: JsValue, params: Option<String>, options: JsValue) -> Promise {
        self.caller.call(name, &args, params, &options)
    }
}
