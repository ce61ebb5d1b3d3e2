//! Minting at the boundary, shared by both builds of the module: the token options, passed
//! one by one by the JavaScript wrapper (`js/src/mint.js` reads the option object), and the
//! token itself, for the full clients (`HmsCore`, `VideoSdkCore`) and for the token-only
//! objects here (`HmsTokensCore`, `VideoSdkTokensCore`), which are all the token entry
//! (`edgeroom/tokens`, `crates/tokens`) exports of minting. One code path, so both entries
//! take the same options, refuse the same input with the same errors, and mint the same claims.

#[cfg(feature = "wasm-full")]
use super::args::options;
use super::args::{
    option_bool, option_int, optional_int_of, optional_number, optional_string, optional_strings,
    required_option_string, required_string,
};
use super::env::JsEnv;
use super::error::IntoJsResult;
use crate::client::Env;
use crate::error::Result;
use crate::hms::{HmsClient, HmsOptions};
use crate::token::{AppGrant, Permission, Validity, VideoSdkCredentials, VideoSdkGrant, VideoSdkRole};
#[cfg(feature = "wasm-full")]
use serde::Deserialize;
use wasm_bindgen::prelude::*;

/// `getAuthToken({...})` read from an object in wasm (`HmsCore.appToken`; the package's
/// JavaScript passes the values one by one to `appTokenOf`).
#[cfg(feature = "wasm-full")]
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AuthTokenOptions {
    room_id: String,
    role: String,
    user_id: Option<String>,
    valid_for_seconds: Option<i64>,
    issued_at: Option<i64>,
    not_valid_before: Option<i64>,
}

/// VideoSDK's `getToken({...})` read from an object in wasm (`VideoSdkCore.token`; the
/// package's JavaScript passes the values one by one to `tokenOf`).
#[cfg(feature = "wasm-full")]
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct VideoSdkTokenOptions {
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

/// A 100ms management token from the `getManagementToken` options passed one by one
/// (`validForSeconds`, `forceNew`), cached by `client`.
pub fn hms_management_token_of(
    client: &HmsClient,
    env: &dyn Env,
    valid_for_seconds: &JsValue,
    force_new: &JsValue,
) -> Result<String> {
    // In the order an option object's members were checked (by name).
    let force_new = option_bool(force_new, "forceNew")?;
    let valid_for_seconds = option_int(valid_for_seconds, "validForSeconds")?;
    client.management_token(env, valid_for_seconds, force_new.unwrap_or(false)).map(|m| m.token)
}

/// A 100ms app token from `getAuthToken` options.
#[cfg(feature = "wasm-full")]
pub fn hms_app_token(client: &HmsClient, env: &dyn Env, value: &JsValue) -> Result<String> {
    let o: AuthTokenOptions = options(value, "getAuthToken options")?;
    let validity = Validity {
        valid_for_seconds: o.valid_for_seconds,
        issued_at: o.issued_at,
        not_valid_before: o.not_valid_before,
    };
    let grant = AppGrant { room_id: &o.room_id, role: &o.role, user_id: o.user_id.as_deref() };
    client.app_token(env, &grant, &validity).map(|m| m.token)
}

/// A 100ms app token from the `getAuthToken` options passed one by one, in the order of
/// `AUTH_TOKEN_KEYS` in `js/src/mint.js`.
pub fn hms_app_token_of(client: &HmsClient, env: &dyn Env, values: [&JsValue; 6]) -> Result<String> {
    let [room_id, role, user_id, valid_for_seconds, issued_at, not_valid_before] = values;
    let room_id = required_string(room_id, "roomId")?;
    let role = required_string(role, "role")?;
    let user_id = optional_string(user_id, "userId")?;
    let validity = validity(valid_for_seconds, issued_at, not_valid_before)?;
    let grant = AppGrant { room_id: &room_id, role: &role, user_id: user_id.as_deref() };
    client.app_token(env, &grant, &validity).map(|m| m.token)
}

/// [`hms_app_token_of`] for values JavaScript has seen to be of the right types (`js/src/mint.js`,
/// `appToken`): well-formed strings crossed as strings, numbers as numbers, absent ones as
/// `None`, with no call back into JavaScript per value. What they hold is checked the same.
pub fn hms_app_token_typed(
    client: &HmsClient,
    env: &dyn Env,
    grant: &AppGrant<'_>,
    numbers: [Option<f64>; 3],
) -> Result<String> {
    client.app_token(env, grant, &validity_of(numbers)?).map(|m| m.token)
}

/// A VideoSDK token from `getToken` options.
#[cfg(feature = "wasm-full")]
pub fn videosdk_token(credentials: &VideoSdkCredentials, env: &dyn Env, value: &JsValue) -> Result<String> {
    let o: VideoSdkTokenOptions = options(value, "getToken options")?;
    let validity = Validity {
        valid_for_seconds: o.valid_for_seconds,
        issued_at: o.issued_at,
        not_valid_before: o.not_valid_before,
    };
    let grant = videosdk_grant(&o.permissions, o.room_id.as_deref(), o.participant_id.as_deref(), &o.roles)?;
    credentials.token(&grant, &validity, env.now_unix()).map(|m| m.token)
}

/// A VideoSDK token from the `getToken` options passed one by one, in the order of
/// `VIDEOSDK_TOKEN_KEYS` in `js/src/mint.js`.
pub fn videosdk_token_of(credentials: &VideoSdkCredentials, env: &dyn Env, values: [&JsValue; 7]) -> Result<String> {
    let [permissions, room_id, participant_id, roles, valid_for_seconds, issued_at, not_valid_before] = values;
    let permissions = optional_strings(permissions, "permissions")?;
    let roles = optional_strings(roles, "roles")?;
    let room_id = optional_string(room_id, "roomId")?;
    let participant_id = optional_string(participant_id, "participantId")?;
    let validity = validity(valid_for_seconds, issued_at, not_valid_before)?;
    let grant = videosdk_grant(&permissions, room_id.as_deref(), participant_id.as_deref(), &roles)?;
    credentials.token(&grant, &validity, env.now_unix()).map(|m| m.token)
}

/// What `VideoSdkCore.tokenOfTyped` / `VideoSdkTokensCore.tokenOfTyped` take: `getToken`'s
/// values once `js/src/mint.js` (`videoSdkToken`) has seen each is of its type.
pub struct VideoSdkTyped {
    /// `permissions` and `roles` joined by commas (their items are non-empty well-formed
    /// strings without one; absent is empty).
    pub permissions: String,
    pub roles: String,
    pub room_id: Option<String>,
    pub participant_id: Option<String>,
    /// `validForSeconds`, `issuedAt`, `notValidBefore`.
    pub numbers: [Option<f64>; 3],
}

/// [`videosdk_token_of`] for values of the right types ([`VideoSdkTyped`]): they crossed as
/// they are, with no call back into JavaScript per value. What they hold is checked the same.
pub fn videosdk_token_typed(credentials: &VideoSdkCredentials, env: &dyn Env, values: VideoSdkTyped) -> Result<String> {
    let list = |joined: &str| -> Vec<String> {
        if joined.is_empty() {
            Vec::new()
        } else {
            joined.split(',').map(str::to_owned).collect()
        }
    };
    let validity = validity_of(values.numbers)?;
    let (room_id, participant_id) = (values.room_id.as_deref(), values.participant_id.as_deref());
    let grant = videosdk_grant(&list(&values.permissions), room_id, participant_id, &list(&values.roles))?;
    credentials.token(&grant, &validity, env.now_unix()).map(|m| m.token)
}

fn videosdk_grant<'a>(
    permissions: &[String],
    room_id: Option<&'a str>,
    participant_id: Option<&'a str>,
    roles: &[String],
) -> Result<VideoSdkGrant<'a>> {
    Ok(VideoSdkGrant {
        permissions: named(permissions, "permissions", Permission::parse)?,
        room_id,
        participant_id,
        roles: named(roles, "roles", VideoSdkRole::parse)?,
    })
}

fn named<T>(names: &[String], field: &str, parse: fn(&str, &str) -> Result<T>) -> Result<Vec<T>> {
    names.iter().enumerate().map(|(i, name)| parse(&format!("{field}[{i}]"), name)).collect()
}

/// The `validForSeconds` / `issuedAt` / `notValidBefore` arguments as a [`Validity`].
fn validity(valid_for: &JsValue, issued_at: &JsValue, not_before: &JsValue) -> Result<Validity> {
    validity_of([optional_number(valid_for), optional_number(issued_at), optional_number(not_before)])
}

/// The same, of the three as numbers (absent: `None`), as the typed twins take them.
fn validity_of([valid_for, issued_at, not_before]: [Option<f64>; 3]) -> Result<Validity> {
    Ok(Validity {
        valid_for_seconds: optional_int_of(valid_for, "validForSeconds")?,
        issued_at: optional_int_of(issued_at, "issuedAt")?,
        not_valid_before: optional_int_of(not_before, "notValidBefore")?,
    })
}

/// The 100ms minter without a REST client (wrapped by `HmsTokens` in `js/src/tokens.js`). It
/// owns the secret, which never leaves wasm memory, and caches the management token as
/// `HmsClient` does.
#[wasm_bindgen]
pub struct HmsTokensCore {
    client: HmsClient,
    env: JsEnv,
}

#[wasm_bindgen]
impl HmsTokensCore {
    /// `new HmsTokensCore(accessKey, secret)`: the options of `new HmsTokens({...})`.
    #[wasm_bindgen(constructor)]
    pub fn new(access_key: JsValue, secret: JsValue) -> Result<HmsTokensCore, JsValue> {
        (|| {
            let access_key = required_option_string(&access_key, "accessKey")?;
            let secret = required_option_string(&secret, "secret")?;
            let client = HmsClient::new(&access_key, &secret, &HmsOptions::default())?;
            Ok(HmsTokensCore { client, env: JsEnv::default() })
        })()
        .js()
    }

    /// A management token (cached while comfortably valid): the options of
    /// `getManagementToken({ validForSeconds, forceNew })`, one by one.
    #[wasm_bindgen(js_name = managementTokenOf)]
    pub fn management_token_of(&self, valid_for_seconds: JsValue, force_new: JsValue) -> Result<String, JsValue> {
        hms_management_token_of(&self.client, &self.env, &valid_for_seconds, &force_new).js()
    }

    /// An app (auth) token: the options of `getAuthToken({ roomId, role, userId,
    /// validForSeconds, issuedAt, notValidBefore })`, one by one (see `HmsCore.appTokenOf`).
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
        hms_app_token_of(&self.client, &self.env, values).js()
    }

    /// `appTokenOf` with values of the right types (see `HmsCore.appTokenOfTyped`).
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
        let grant = AppGrant { room_id, role, user_id: user_id.as_deref() };
        let numbers = [valid_for_seconds, issued_at, not_valid_before];
        hms_app_token_typed(&self.client, &self.env, &grant, numbers).js()
    }
}

/// The VideoSDK minter without a REST client (wrapped by `VideoSdkTokens` in `js/src/tokens.js`).
#[wasm_bindgen]
pub struct VideoSdkTokensCore {
    credentials: VideoSdkCredentials,
    env: JsEnv,
}

#[wasm_bindgen]
impl VideoSdkTokensCore {
    /// `new VideoSdkTokensCore(apiKey, secret)`: the options of `new VideoSdkTokens({...})`.
    #[wasm_bindgen(constructor)]
    pub fn new(api_key: JsValue, secret: JsValue) -> Result<VideoSdkTokensCore, JsValue> {
        (|| {
            let api_key = required_option_string(&api_key, "apiKey")?;
            let secret = required_option_string(&secret, "secret")?;
            Ok(VideoSdkTokensCore { credentials: VideoSdkCredentials::new(&api_key, &secret)?, env: JsEnv::default() })
        })()
        .js()
    }

    /// A token: the options of `getToken({ permissions, roomId, participantId, roles,
    /// validForSeconds, issuedAt, notValidBefore })`, one by one (see `VideoSdkCore.tokenOf`).
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
        videosdk_token_of(&self.credentials, &self.env, values).js()
    }

    /// `tokenOf` with values of the right types (see `VideoSdkCore.tokenOfTyped`).
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
        let values = VideoSdkTyped { permissions, roles, room_id, participant_id, numbers };
        videosdk_token_typed(&self.credentials, &self.env, values).js()
    }
}
