//! `VideoSdkCore`: the wasm object behind the JavaScript `VideoSdkClient`.

use super::args::{optional_string, optional_strings, options};
use super::call::{Caller, TransportOptions};
use super::error::IntoJsResult;
use super::hms::validity;
use crate::client::Env;
use crate::error::Result;
use crate::token::{Permission, Validity, VideoSdkGrant, VideoSdkRole};
use crate::videosdk::VideoSdkClient;
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

/// `getToken({...})`, the strict path (see `tokenOf`).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct TokenOptions {
    #[serde(default)]
    permissions: Vec<String>,
    room_id: Option<String>,
    participant_id: Option<String>,
    #[serde(default)]
    roles: Vec<String>,
    valid_for_seconds: Option<i64>,
    issued_at: Option<i64>,
    not_valid_before: Option<i64>,
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
            let client = VideoSdkClient::new(&o.api_key, &o.secret, o.base_url.as_deref(), transport.retry_policy()?)?;
            Ok(VideoSdkCore { caller: Caller::new(client, transport)? })
        })()
        .js()
    }

    /// A token: `{ permissions, roomId, participantId, roles, validForSeconds, issuedAt, notValidBefore }`.
    pub fn token(&self, value: JsValue) -> Result<String, JsValue> {
        (|| {
            let o: TokenOptions = options(&value, "getToken options")?;
            let validity = Validity {
                valid_for_seconds: o.valid_for_seconds,
                issued_at: o.issued_at,
                not_valid_before: o.not_valid_before,
            };
            self.mint(&o.permissions, o.room_id.as_deref(), o.participant_id.as_deref(), &o.roles, &validity)
        })()
        .js()
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
        (|| {
            let permissions = optional_strings(&permissions, "permissions")?;
            let roles = optional_strings(&roles, "roles")?;
            let room_id = optional_string(&room_id, "roomId")?;
            let participant_id = optional_string(&participant_id, "participantId")?;
            let validity = validity(&valid_for_seconds, &issued_at, &not_valid_before)?;
            self.mint(&permissions, room_id.as_deref(), participant_id.as_deref(), &roles, &validity)
        })()
        .js()
    }

    /// Calls `name` with its path `args` and `params`: one crossing into wasm, which sends,
    /// waits, retries and parses, and returns a promise of the value. Rejects at once on bad
    /// input, before anything is sent.
    pub fn call(&self, name: &str, args: JsValue, params: JsValue, options: JsValue) -> Promise {
        self.caller.call(name, &args, &params, &options)
    }
}

impl VideoSdkCore {
    fn mint(
        &self,
        permissions: &[String],
        room_id: Option<&str>,
        participant_id: Option<&str>,
        roles: &[String],
        validity: &Validity,
    ) -> Result<String> {
        let grant = VideoSdkGrant {
            permissions: named(permissions, "permissions", Permission::parse)?,
            room_id,
            participant_id,
            roles: named(roles, "roles", VideoSdkRole::parse)?,
        };
        self.caller.client.credentials().token(&grant, validity, self.caller.env.now_unix()).map(|m| m.token)
    }
}

fn named<T>(names: &[String], field: &str, parse: fn(&str, &str) -> Result<T>) -> Result<Vec<T>> {
    names.iter().enumerate().map(|(i, name)| parse(&format!("{field}[{i}]"), name)).collect()
}
