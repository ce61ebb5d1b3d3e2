//! `VideoSdkCore`: the wasm object behind the JavaScript `VideoSdkClient`.

use super::args::options;
use super::call::{Caller, TransportOptions};
use super::error::IntoJsResult;
use super::mint;
use crate::videosdk::{VideoSdkClient, VideoSdkOptions};
use js_sys::Promise;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

/// `new VideoSdkClient({...})`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ClientOptions {
    api_key: String,
    secret: String,
    base_url: Option<String>,
    #[serde(default, with = "super::args::passed")]
    fetch: JsValue,
    timeout_ms: Option<i64>,
    retries: Option<i64>,
    retry_max_delay_ms: Option<i64>,
    #[serde(default, with = "super::args::passed")]
    on_retry: JsValue,
}

/// The VideoSDK client as JavaScript sees it (wrapped by `VideoSdkClient` in `js/src/api.js`).
#[wasm_bindgen]
pub struct VideoSdkCore {
    caller: Caller<VideoSdkClient>,
}

#[wasm_bindgen]
impl VideoSdkCore {
    /// `new VideoSdkCore({ apiKey, secret, baseUrl?, fetch?, timeoutMs?, retries?, ... })`.
    #[wasm_bindgen(constructor)]
    pub fn new(value: JsValue) -> Result<VideoSdkCore, JsValue> {
        (|| {
            let o: ClientOptions = options(&value, "VideoSdkClient options")?;
            let transport = TransportOptions {
                fetch: o.fetch,
                timeout_ms: o.timeout_ms,
                retries: o.retries,
                retry_max_delay_ms: o.retry_max_delay_ms,
                on_retry: o.on_retry,
            };
            let options = VideoSdkOptions { base_url: o.base_url, retry: transport.retry_policy()? };
            let client = VideoSdkClient::new(&o.api_key, &o.secret, &options)?;
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

    /// Calls `name` with its path `args` and `params` (JSON text): one crossing into wasm, which sends,
    /// waits, retries and parses, and returns a promise of the value. Rejects at once on bad
    /// input, before anything is sent.
    pub fn call(&self, name: &str, args: JsValue, params: Option<String>, options: JsValue) -> Promise {
        self.caller.call(name, &args, params, &options)
    }
}
