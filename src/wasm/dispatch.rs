//! The dispatch table: every call of a provider, by its JS name, as its [`Spec`] and one
//! function that turns the JavaScript arguments into the typed call and its request.
//!
//! One async export per provider serves every call through this table, instead of a
//! wasm-bindgen export per call: the export shims of ~90 calls would cost more than the
//! calls themselves. The table is made from the provider's one list of call types
//! (`for_each_hms_call!`, `for_each_videosdk_call!`).

use super::js::stringify_params;
use crate::call::{Call, Params, Spec};
use crate::client::Provider;
use crate::error::{Error, Result};
use crate::hms::HmsClient;
use crate::http::HttpRequest;
use crate::params::from_value;
use crate::videosdk::VideoSdkClient;
use js_sys::Array;
use serde_json::{Map, Value};
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
    let value = match (C::SPEC.params, absent) {
        (Params::None, true) => Value::Null,
        (Params::None, false) => {
            return Err(Error::invalid("params", format_args!("{} takes no params", C::SPEC.name)))
        }
        // `undefined` or `null` stand for an empty params object.
        (_, true) => Value::Object(Map::new()),
        (_, false) => json_value(params)?,
    };
    let params: C::Params = from_value(&value)?;
    client.request(&C::from_parts(args, params)?)
}

/// The params as a JSON value: `JSON.stringify` in JavaScript, then serde_json. Not
/// serde-wasm-bindgen, which reads a struct by getting each declared field: a misspelled key
/// would be dropped without a word, and a getter or Proxy trap that throws would throw
/// through Rust frames (see `tests/wasm.rs::serde_wasm_bindgen_drops_unknown_keys`).
/// `JSON.stringify` is one call, is caught whole, reads every own key, writes a `Date` as
/// the ISO 8601 text the date filters take, and leaves `undefined` members out (absent, as
/// intended). Its replacer refuses, by key, what JSON would change without a word: NaN and
/// the infinities (written as `null`, absent) and strings or keys with a lone surrogate
/// (escaped into text no UTF-8 string can hold).
fn json_value(params: &JsValue) -> Result<Value> {
    let unreadable =
        || Error::invalid("params", "cannot be read as JSON (a getter or proxy threw, a cycle, or a BigInt)");
    let text = stringify_params(params).map_err(|_| unreadable())?;
    if let Some(refused) = text.dyn_ref::<Array>() {
        let key = refused.get(0).as_string().unwrap_or_default();
        return Err(match refused.get(1).as_string().as_deref() {
            Some("number") => Error::invalid(key, "must be a finite number"),
            _ => Error::invalid(key, "must be well-formed Unicode (it has a lone surrogate)"),
        });
    }
    let text = text.as_string().ok_or_else(unreadable)?;
    // `JSON.stringify` wrote it: only nesting deeper than serde_json's limit fails here.
    serde_json::from_str(&text).map_err(|_| Error::invalid("params", "is nested too deeply"))
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
