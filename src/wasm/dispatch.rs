//! The dispatch table: every call of a provider, by its JS name, as its [`Spec`] and one
//! function that turns the JavaScript arguments into the typed call and its request.
//!
//! One async export per provider serves every call through this table, instead of a
//! wasm-bindgen export per call: the export shims of ~90 calls would cost more than the
//! calls themselves. The table is made from the provider's one list of call types
//! (`for_each_hms_call!`, `for_each_videosdk_call!`).

use super::js::stringify_params;
use crate::call::{params_from, Call, Params, Spec};
use crate::client::Provider;
use crate::error::{Error, Result};
use crate::hms::HmsClient;
use crate::http::HttpRequest;
use crate::videosdk::VideoSdkClient;
use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};

/// One call of provider `P`.
pub struct Entry<P> {
    /// Its declaration.
    pub spec: &'static Spec,
    /// Its request from the JS path arguments and params.
    pub build: fn(&P, Vec<String>, &JsValue) -> Result<HttpRequest>,
}

/// The typed call `C` from JavaScript: the path arguments as given, the params as JSON text
/// (see [`json_text`]) into the typed params through serde_json (errors name the field by
/// its path), then [`Provider::request`].
fn build<C: Call>(client: &C::Provider, args: Vec<String>, params: &JsValue) -> Result<HttpRequest>
where
    C::Provider: Provider,
{
    let absent = params.is_null() || params.is_undefined();
    let text = match (C::SPEC.params, absent) {
        (Params::None, true) => "null".into(),
        (Params::None, false) => {
            return Err(Error::invalid("params", format_args!("{} takes no params", C::SPEC.name)))
        }
        // `undefined` or `null` stand for an empty params object.
        (_, true) => "{}".into(),
        (_, false) => json_text(params)?,
    };
    let params: C::Params = params_from(&mut serde_json::Deserializer::from_str(&text))?;
    client.request(&C::from_parts(args, params)?)
}

/// The params as JSON text, by `JSON.stringify`. Not serde-wasm-bindgen, which reads a struct
/// by getting each declared field: a misspelled key would be dropped without a word, and a
/// getter or Proxy trap that throws would throw through Rust frames (see
/// `tests/wasm.rs::serde_wasm_bindgen_drops_unknown_keys`). `JSON.stringify` is one call, is
/// caught whole, reads every own key, writes a `Date` as the ISO 8601 text the date filters
/// take, leaves `undefined` members out (absent, as intended), and escapes a lone surrogate
/// so that serde_json refuses it. Its replacer refuses NaN and the infinities, which JSON
/// would turn into `null` (absent) without a word.
fn json_text(params: &JsValue) -> Result<String> {
    let unreadable =
        || Error::invalid("params", "cannot be read as JSON (a getter or proxy threw, a cycle, or a BigInt)");
    match stringify_params(params) {
        Ok(text) => text.as_string().ok_or_else(unreadable),
        // NaN and the infinities, which JSON would write as null: named by their key.
        Err(thrown) if thrown.is_instance_of::<js_sys::RangeError>() => {
            let key = js_sys::Error::from(thrown).message().as_string().unwrap_or_default();
            Err(Error::invalid(key, "must be a finite number"))
        }
        Err(_) => Err(unreadable()),
    }
}

macro_rules! entries {
    ($($call:ty),* $(,)?) => { &[$(Entry { spec: <$call as Call>::SPEC, build: build::<$call> }),*] };
}

/// Every 100ms call.
pub static HMS: &[Entry<HmsClient>] = crate::for_each_hms_call!(entries);
/// Every VideoSDK call.
pub static VIDEOSDK: &[Entry<VideoSdkClient>] = crate::for_each_videosdk_call!(entries);

/// What the dispatch needs of a provider's client.
pub trait Dispatch: Provider + 'static {
    /// The table of its calls.
    const TABLE: &'static [Entry<Self>];
}

impl Dispatch for HmsClient {
    const TABLE: &'static [Entry<Self>] = HMS;
}

impl Dispatch for VideoSdkClient {
    const TABLE: &'static [Entry<Self>] = VIDEOSDK;
}

/// The call `name` of `client` from JavaScript's `args` (an array of path arguments) and
/// `params`: its declaration and its request, or an `invalid_argument` error before anything
/// is sent.
pub fn request<P: Dispatch>(
    client: &P,
    name: &str,
    args: &JsValue,
    params: &JsValue,
) -> Result<(&'static Spec, HttpRequest)> {
    let entry = P::TABLE
        .iter()
        .find(|entry| entry.spec.name == name)
        .ok_or_else(|| Error::invalid("endpoint", format_args!("{name} is not a {} call", P::NAME)))?;
    let args = path_args(args, entry.spec.args)?;
    Ok((entry.spec, (entry.build)(client, args, params)?))
}

/// Path arguments, each a string named as the call names it (`roomId`); their other rules
/// are the request builder's to check.
fn path_args(args: &JsValue, names: &[&str]) -> Result<Vec<String>> {
    let array = args.dyn_ref::<Array>().ok_or_else(|| Error::invalid("arguments", "must be an array"))?;
    names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            array.get(i as u32).as_string().ok_or_else(|| Error::invalid(*name, "must be a non-empty string"))
        })
        .collect()
}
