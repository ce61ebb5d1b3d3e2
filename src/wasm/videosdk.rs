//! `VideoSdkCore`: the wasm object behind the JavaScript `VideoSdkClient`.

use super::call::{retry_policy, Caller, TRANSPORT_OPTIONS};
use super::convert::{optional_string, optional_strings, required_string, Options};
use super::error::IntoJsResult;
use super::hms::validity;
use crate::client::Env;
use crate::error::Result;
use crate::prelude::*;
use crate::token::{Permission, VideoSdkGrant, VideoSdkRole};
use crate::videosdk::VideoSdkClient;
use js_sys::Promise;
use wasm_bindgen::prelude::*;

const CLIENT_OPTIONS: &[&str] = &[
    "apiKey",
    "secret",
    "baseUrl",
    TRANSPORT_OPTIONS[0],
    TRANSPORT_OPTIONS[1],
    TRANSPORT_OPTIONS[2],
    TRANSPORT_OPTIONS[3],
    TRANSPORT_OPTIONS[4],
];
const TOKEN_OPTIONS: [&str; 7] =
    ["permissions", "roomId", "participantId", "roles", "validForSeconds", "issuedAt", "notValidBefore"];

/// The VideoSDK client as JavaScript sees it (wrapped by `VideoSdkClient` in `js/src/api.js`).
#[wasm_bindgen]
pub struct VideoSdkCore {
    caller: Caller<VideoSdkClient>,
}

#[wasm_bindgen]
impl VideoSdkCore {
    /// `new VideoSdkCore({ apiKey, secret, baseUrl?, fetch?, timeoutMs?, retries?, ... })`.
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<VideoSdkCore, JsValue> {
        (|| {
            let options = Options::new(&options, "VideoSdkClient options", CLIENT_OPTIONS)?;
            let api_key = required_string(&options.get("apiKey")?, "apiKey")?;
            let secret = required_string(&options.get("secret")?, "secret")?;
            let base_url = optional_string(&options.get("baseUrl")?, "baseUrl")?;
            let client = VideoSdkClient::new(&api_key, &secret, base_url.as_deref(), retry_policy(&options)?)?;
            Ok(VideoSdkCore { caller: Caller::new(client, &options)? })
        })()
        .js()
    }

    /// A token: `{ permissions, roomId, participantId, roles, validForSeconds, issuedAt, notValidBefore }`.
    pub fn token(&self, options: JsValue) -> Result<String, JsValue> {
        (|| {
            let options = Options::new(&options, "getToken options", &TOKEN_OPTIONS)?;
            let [permissions, room_id, participant_id, roles, valid_for, issued_at, not_before] =
                TOKEN_OPTIONS.map(|k| options.get(k));
            self.mint(&permissions?, &room_id?, &participant_id?, &roles?, &valid_for?, &issued_at?, &not_before?)
        })()
        .js()
    }

    /// `token` with the options already read from a plain object by the JavaScript wrapper,
    /// in the order of `TOKEN_OPTIONS` (see `HmsCore.appTokenOf`).
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
        self.mint(&permissions, &room_id, &participant_id, &roles, &valid_for_seconds, &issued_at, &not_valid_before)
            .js()
    }

    /// Calls the endpoint `name` with path `args`, `query` and `body`: one crossing into
    /// wasm, which sends, waits, retries and parses, and returns a promise of the value.
    /// Rejects at once on bad input, before anything is sent.
    pub fn call(&self, name: &str, args: JsValue, query: JsValue, body: JsValue, options: JsValue) -> Promise {
        self.caller.call(name, &args, &query, &body, &options)
    }
}

impl VideoSdkCore {
    #[allow(clippy::too_many_arguments)] // one per option, in the documented order
    fn mint(
        &self,
        permissions: &JsValue,
        room_id: &JsValue,
        participant_id: &JsValue,
        roles: &JsValue,
        valid_for: &JsValue,
        issued_at: &JsValue,
        not_before: &JsValue,
    ) -> Result<String> {
        let permissions = named(permissions, "permissions", Permission::parse)?;
        let roles = named(roles, "roles", VideoSdkRole::parse)?;
        let room_id = optional_string(room_id, "roomId")?;
        let participant_id = optional_string(participant_id, "participantId")?;
        let validity = validity(valid_for, issued_at, not_before)?;
        let grant = VideoSdkGrant {
            permissions,
            room_id: room_id.as_deref(),
            participant_id: participant_id.as_deref(),
            roles,
        };
        self.caller.client.credentials().token(&grant, &validity, self.caller.env.now_unix()).map(|m| m.token)
    }
}

fn named<T>(value: &JsValue, field: &str, parse: fn(&str, &str) -> Result<T>) -> Result<Vec<T>> {
    optional_strings(value, field)?.iter().enumerate().map(|(i, name)| parse(&format!("{field}[{i}]"), name)).collect()
}
