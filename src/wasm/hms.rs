//! `HmsCore`: the wasm object behind the JavaScript `HmsClient`. It owns the secret (which
//! never leaves wasm memory), mints tokens synchronously and runs every REST call through
//! the one generic path.

use super::call::{retry_policy, Caller, TRANSPORT_OPTIONS};
use super::convert::{optional_bool, optional_int, optional_string, required_string, Options};
use super::error::IntoJsResult;
use crate::error::Result;
use crate::hms::{HmsClient, HmsOptions};
use crate::prelude::*;
use crate::token::{AppGrant, Validity};
use js_sys::Promise;
use wasm_bindgen::prelude::*;

const CLIENT_OPTIONS: &[&str] = &[
    "accessKey",
    "secret",
    "baseUrl",
    "authBaseUrl",
    TRANSPORT_OPTIONS[0],
    TRANSPORT_OPTIONS[1],
    TRANSPORT_OPTIONS[2],
    TRANSPORT_OPTIONS[3],
    TRANSPORT_OPTIONS[4],
];
const MANAGEMENT_TOKEN_OPTIONS: &[&str] = &["validForSeconds", "forceNew"];
const AUTH_TOKEN_OPTIONS: [&str; 6] = ["roomId", "role", "userId", "validForSeconds", "issuedAt", "notValidBefore"];

/// The 100ms client as JavaScript sees it (wrapped by `HmsClient` in `js/src/api.js`).
#[wasm_bindgen]
pub struct HmsCore {
    caller: Caller<HmsClient>,
}

#[wasm_bindgen]
impl HmsCore {
    /// `new HmsCore({ accessKey, secret, baseUrl?, authBaseUrl?, fetch?, timeoutMs?, retries?, ... })`.
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
            self.caller.client.management_token(&*self.caller.env, valid_for, force).map(|m| m.token)
        })()
        .js()
    }

    /// An app (auth) token for one peer: `{ roomId, role, userId, validForSeconds, issuedAt, notValidBefore }`.
    #[wasm_bindgen(js_name = appToken)]
    pub fn app_token(&self, options: JsValue) -> Result<String, JsValue> {
        (|| {
            let options = Options::new(&options, "getAuthToken options", &AUTH_TOKEN_OPTIONS)?;
            let [room_id, role, user_id, valid_for, issued_at, not_before] = AUTH_TOKEN_OPTIONS.map(|k| options.get(k));
            self.mint_app_token(&room_id?, &role?, &user_id?, &valid_for?, &issued_at?, &not_before?)
        })()
        .js()
    }

    /// `appToken` with the options already read from a plain object by the JavaScript wrapper,
    /// in the order of `AUTH_TOKEN_OPTIONS`: the same checks, without a boundary crossing per
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
        self.mint_app_token(&room_id, &role, &user_id, &valid_for_seconds, &issued_at, &not_valid_before).js()
    }

    /// Calls the endpoint `name` with path `args`, `query` and `body`: one crossing into
    /// wasm, which sends, waits, retries and parses, and returns a promise of the value.
    /// Rejects at once on bad input, before anything is sent.
    pub fn call(&self, name: &str, args: JsValue, query: JsValue, body: JsValue, options: JsValue) -> Promise {
        self.caller.call(name, &args, &query, &body, &options)
    }
}

impl HmsCore {
    fn mint_app_token(
        &self,
        room_id: &JsValue,
        role: &JsValue,
        user_id: &JsValue,
        valid_for: &JsValue,
        issued_at: &JsValue,
        not_before: &JsValue,
    ) -> Result<String> {
        let room_id = required_string(room_id, "roomId")?;
        let role = required_string(role, "role")?;
        let user_id = optional_string(user_id, "userId")?;
        let validity = validity(valid_for, issued_at, not_before)?;
        let grant = AppGrant { room_id: &room_id, role: &role, user_id: user_id.as_deref() };
        self.caller.client.app_token(&*self.caller.env, &grant, &validity).map(|m| m.token)
    }

    fn create(options: &JsValue) -> Result<HmsCore> {
        let options = Options::new(options, "HmsClient options", CLIENT_OPTIONS)?;
        let access_key = required_string(&options.get("accessKey")?, "accessKey")?;
        let secret = required_string(&options.get("secret")?, "secret")?;
        let hms_options = HmsOptions {
            base_url: optional_string(&options.get("baseUrl")?, "baseUrl")?,
            auth_base_url: optional_string(&options.get("authBaseUrl")?, "authBaseUrl")?,
            retry: retry_policy(&options)?,
        };
        let client = HmsClient::new(&access_key, &secret, &hms_options)?;
        Ok(HmsCore { caller: Caller::new(client, &options)? })
    }
}

/// The `validForSeconds` / `issuedAt` / `notValidBefore` options as a [`Validity`].
pub(super) fn validity(valid_for: &JsValue, issued_at: &JsValue, not_before: &JsValue) -> Result<Validity> {
    Ok(Validity {
        valid_for_seconds: optional_int(valid_for, "validForSeconds")?,
        issued_at: optional_int(issued_at, "issuedAt")?,
        not_valid_before: optional_int(not_before, "notValidBefore")?,
    })
}
