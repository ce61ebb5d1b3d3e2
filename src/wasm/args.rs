//! Arguments from JavaScript: the scalars the token exports take one by one (the JavaScript
//! wrapper reads the option object, `optionValues` in `js/src/mint.js`, and passes each
//! option as an argument: one crossing for the whole token, and no option-object reading in
//! the token module), and, with `wasm-full`, option objects into typed structs (read key by
//! key into a JSON value, then `crate::params`). Every value is untrusted: each read checks
//! the type and names the field, and no JavaScript value can make it panic.
//!
//! Two wordings of a wrong type, each kept where it was: the minting options that took the
//! fast path before (`getAuthToken`, `getToken`: [`required_string`], [`optional_string`],
//! [`optional_int`], [`optional_strings`]: `must be a string`) and the options that were
//! only ever read from an object, in `crate::params`' words ([`option_string`],
//! [`required_option_string`], [`option_int`], [`option_bool`]: `must be a string, not a number`).

use super::js::is_array;
#[cfg(feature = "wasm-full")]
use super::js::object_keys;
use crate::error::{Error, Result};
use js_sys::{JsString, Reflect};
#[cfg(feature = "wasm-full")]
use serde::de::DeserializeOwned;
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};

/// The most items an array argument may have.
const MAX_ITEMS: usize = 100_000;
/// 2^53: doubles hold every integer up to here exactly.
const MAX_SAFE: f64 = 9_007_199_254_740_992.0;

/// An options object into its typed struct `T`.
///
/// Each own key is read once, caught (a getter or Proxy trap that throws is an error, never
/// an exception through Rust frames), and an unknown key is refused naming the known ones (a
/// misspelled option fails loudly instead of being ignored). The values become a JSON value
/// that [`crate::params`] reads into `T`, so option errors name the field and the rule in
/// the same words as call params. The options edgeroom takes as JavaScript values (functions,
/// an `AbortSignal`, objects of names: [`PASSED_AS_IS`]) travel through that value as a slot
/// number that `T`'s field reads back with [`passed`]. `undefined`/`null` are an empty object.
#[cfg(feature = "wasm-full")]
pub fn options<T: DeserializeOwned>(value: &JsValue, what: &str) -> Result<T> {
    let members = members(value, what, field_names::<T>())?;
    let options = crate::params::from_value(&members);
    SLOTS.with(|cell| cell.borrow_mut().clear());
    options
}

/// The generic-free part of [`options`], compiled once rather than into every export that
/// reads options: the object's own keys checked against `known` and read into a JSON object,
/// the [`PASSED_AS_IS`] values set aside in [`SLOTS`].
#[cfg(feature = "wasm-full")]
#[inline(never)]
fn members(value: &JsValue, what: &str, known: &[&str]) -> Result<Value> {
    let mut members = serde_json::Map::new();
    let mut slots = Vec::new();
    if !(value.is_undefined() || value.is_null()) {
        let unreadable = || Error::invalid(what, "cannot be read (a getter or proxy threw)");
        if !value.is_object() || value.is_function() || is_array(value).map_err(|_| unreadable())? {
            return Err(Error::invalid(what, "must be an object"));
        }
        for key in object_keys(value).map_err(|_| unreadable())?.iter() {
            let name = key.as_string().unwrap_or_default();
            if !known.contains(&name.as_str()) {
                return Err(Error::invalid(
                    name,
                    format_args!("is not a known option of {what} (known: {})", known.join(", ")),
                ));
            }
            let item = Reflect::get(value, &key).map_err(|_| Error::invalid(name.as_str(), "cannot be read"))?;
            if item.is_undefined() {
                continue; // absent, as the caller meant: `{ userId: maybe }`
            }
            let item = if PASSED_AS_IS.contains(&name.as_str()) {
                slots.push(item);
                Value::from(slots.len() - 1)
            } else {
                json(item, &name, 0)?
            };
            members.insert(name, item);
        }
    }
    SLOTS.with(|cell| *cell.borrow_mut() = slots);
    Ok(Value::Object(members))
}

/// The options whose values edgeroom takes as JavaScript values and reads itself, every
/// access caught.
#[cfg(feature = "wasm-full")]
const PASSED_AS_IS: &[&str] = &["fetch", "onRetry", "signal", "headers", "basicAuth"];

#[cfg(feature = "wasm-full")]
std::thread_local! {
    /// The [`PASSED_AS_IS`] values of the options being read, by slot.
    static SLOTS: std::cell::RefCell<Vec<JsValue>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// `#[serde(default, with = "passed")]` on an options field of type `JsValue`: the value
/// [`options`] set aside for it, as the caller gave it (`undefined` when absent).
#[cfg(feature = "wasm-full")]
pub mod passed {
    use serde::{Deserialize, Deserializer};
    use wasm_bindgen::JsValue;

    /// Reads the slot number [`super::options`] wrote and takes its value.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<JsValue, D::Error> {
        let slot = usize::deserialize(deserializer)?;
        let value = super::SLOTS.with(|cell| cell.borrow_mut().get_mut(slot).map(core::mem::take));
        value.ok_or_else(|| serde::de::Error::custom("is not an option value"))
    }
}

/// An option's value as JSON, without a JavaScript exception: strings checked for lone
/// surrogates (which crossing into Rust would turn into U+FFFD without a word), numbers
/// that are exact integers as integers, arrays copied item by item with every read caught,
/// and any other object or function (a Proxy whose traps throw, a revoked one) as a plain
/// `{}`: where serde wants a scalar, its error then says "an object" without calling the
/// value's own `toString` or `Array.isArray` on it.
fn json(item: JsValue, name: &str, depth: usize) -> Result<Value> {
    if item.is_string() {
        return string(&item, name).map(Value::String);
    }
    if let Some(n) = item.as_f64() {
        return match exact_integer(n) {
            Some(i) => Ok(Value::from(i)),
            None => serde_json::Number::from_f64(n)
                .map(Value::Number)
                .ok_or_else(|| Error::invalid(name, "must be a finite number")),
        };
    }
    if let Some(b) = item.as_bool() {
        return Ok(Value::Bool(b));
    }
    if item.is_null() {
        return Ok(Value::Null);
    }
    if !item.is_object() && !item.is_function() {
        // A BigInt or a Symbol: neither is any option's type.
        return Err(Error::invalid(name, "must be a string, a number, a boolean, an array or an object"));
    }
    let unreadable = || Error::invalid(name, "cannot be read (a getter or proxy threw)");
    if item.is_function() || !is_array(&item).map_err(|_| unreadable())? {
        return Ok(Value::Object(serde_json::Map::new()));
    }
    if depth > 2 {
        return Err(Error::invalid(name, "is nested too deeply"));
    }
    let items = array_items(&item, name)?.unwrap_or_default().into_iter().enumerate();
    items.map(|(i, element)| json(element, &format!("{name}[{i}]"), depth + 1)).collect::<Result<_>>().map(Value::Array)
}

/// The wire names of the fields of struct `T`, as its derived `Deserialize` declares them.
#[cfg(feature = "wasm-full")]
fn field_names<'de, T: serde::Deserialize<'de>>() -> &'static [&'static str] {
    struct Fields(&'static [&'static str]);
    #[derive(Debug)]
    struct Found;
    impl core::fmt::Display for Found {
        fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            f.write_str("field names read")
        }
    }
    impl std::error::Error for Found {}
    impl serde::de::Error for Found {
        fn custom<M: core::fmt::Display>(_: M) -> Self {
            Found
        }
    }
    struct Probe<'a>(&'a mut Fields);
    impl<'de> serde::Deserializer<'de> for Probe<'_> {
        type Error = Found;
        fn deserialize_any<V: serde::de::Visitor<'de>>(self, _: V) -> core::result::Result<V::Value, Found> {
            Err(Found)
        }
        fn deserialize_struct<V: serde::de::Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> core::result::Result<V::Value, Found> {
            self.0 .0 = fields;
            Err(Found)
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
            unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
        }
    }
    let mut fields = Fields(&[]);
    let _ = T::deserialize(Probe(&mut fields));
    fields.0
}

/// The items of a JavaScript array (None for anything else), read so that no throwing getter,
/// proxy trap or absurd length can escape as an exception or exhaust memory.
fn array_items(value: &JsValue, path: &str) -> Result<Option<Vec<JsValue>>> {
    let unreadable = || Error::invalid(path, "cannot be read (a getter or proxy threw)");
    if !is_array(value).map_err(|_| unreadable())? {
        return Ok(None);
    }
    let length = Reflect::get(value, &JsValue::from_str("length")).map_err(|_| unreadable())?.as_f64().unwrap_or(0.0);
    if length > MAX_ITEMS as f64 {
        return Err(Error::invalid(path, format_args!("has more than {MAX_ITEMS} items")));
    }
    (0..length as u32).map(|i| Reflect::get_u32(value, i).map_err(|_| unreadable())).collect::<Result<_>>().map(Some)
}

/// `n` as an integer, when it is one that a double holds exactly (|n| ≤ 2^53).
fn exact_integer(n: f64) -> Option<i64> {
    // Within ±2^53 the cast is exact, so a round trip that changes nothing means no fraction
    // (NaN fails the range test, and so never reaches the cast).
    (n.abs() <= MAX_SAFE && (n as i64) as f64 == n).then_some(n as i64)
}

fn string(value: &JsValue, path: &str) -> Result<String> {
    let text = value.as_string().unwrap_or_default();
    // Crossing the boundary turns a lone surrogate into U+FFFD, so only a string that has
    // one can have had a lone surrogate: the per-character check (a call into JavaScript
    // for each UTF-16 unit) runs only then.
    // (0xEF leads the UTF-8 of U+FFFD: a byte scan rules most strings out at once.)
    if text.as_bytes().contains(&0xef)
        && text.contains('\u{fffd}')
        && !value.unchecked_ref::<JsString>().is_valid_utf16()
    {
        return Err(Error::invalid(path, "must be well-formed Unicode (it has a lone surrogate)"));
    }
    Ok(text)
}

/// A required string argument.
pub fn required_string(value: &JsValue, field: &str) -> Result<String> {
    optional_string(value, field)?.ok_or_else(|| Error::invalid(field, "is required"))
}

/// An optional string argument: `undefined`/`null` are absent, anything but a string is refused.
pub fn optional_string(value: &JsValue, field: &str) -> Result<Option<String>> {
    if value.is_undefined() || value.is_null() {
        Ok(None)
    } else if value.is_string() {
        string(value, field).map(Some)
    } else {
        Err(Error::invalid(field, "must be a string"))
    }
}

/// An optional integer argument (seconds, milliseconds).
#[cfg(feature = "wasm-full")] // the webhook receivers' `maxAgeSeconds`; minting reads numbers by `optional_number`
pub fn optional_int(value: &JsValue, field: &str) -> Result<Option<i64>> {
    optional_int_of(optional_number(value), field)
}

/// An optional numeric argument as [`optional_int_of`] reads it: `undefined`/`null` absent,
/// anything that is not a number NaN (which no rule accepts).
pub fn optional_number(value: &JsValue) -> Option<f64> {
    (!value.is_undefined() && !value.is_null()).then(|| value.as_f64().unwrap_or(f64::NAN))
}

/// An optional integer argument that crossed as a number (`undefined` as `None`).
pub fn optional_int_of(value: Option<f64>, field: &str) -> Result<Option<i64>> {
    match value {
        None => Ok(None),
        Some(n) => exact_integer(n).map(Some).ok_or_else(|| Error::invalid(field, "must be an integer")),
    }
}

/// An optional array of strings.
pub fn optional_strings(value: &JsValue, field: &str) -> Result<Vec<String>> {
    if value.is_undefined() || value.is_null() {
        return Ok(Vec::new());
    }
    let items = array_items(value, field)?.ok_or_else(|| Error::invalid(field, "must be an array of strings"))?;
    items.iter().enumerate().map(|(i, item)| required_string(item, &format!("{field}[{i}]"))).collect()
}

/// The kind of JSON value an option's value becomes when an option object is read ([`json`]),
/// for `must be ..., not <kind>`: the words of `crate::params` (`kind_given`). A value that
/// has no JSON kind is refused as reading an option object refuses it.
fn kind(value: &JsValue, field: &str) -> Result<&'static str> {
    if value.is_string() {
        return string(value, field).map(|_| "a string");
    }
    if let Some(n) = value.as_f64() {
        return if n.is_finite() { Ok("a number") } else { Err(Error::invalid(field, "must be a finite number")) };
    }
    Ok(match json(value.clone(), field, 0)? {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Array(_) => "an array",
        _ => "an object",
    })
}

/// `field: must be <expected>, not <kind of value>`.
fn wrong(value: &JsValue, field: &str, expected: &str) -> Error {
    match kind(value, field) {
        Ok(given) => Error::invalid(field, format_args!("must be {expected}, not {given}")),
        Err(error) => error,
    }
}

/// An optional string option passed on its own: `undefined`/`null` absent.
pub fn option_string(value: &JsValue, field: &str) -> Result<Option<String>> {
    if value.is_undefined() || value.is_null() {
        Ok(None)
    } else if value.is_string() {
        string(value, field).map(Some)
    } else {
        Err(wrong(value, field, "a string"))
    }
}

/// A required string option passed on its own (`undefined` is absent, so "is required";
/// `null` is a value of the wrong kind, as in an option object).
pub fn required_option_string(value: &JsValue, field: &str) -> Result<String> {
    if value.is_null() {
        return Err(wrong(value, field, "a string"));
    }
    option_string(value, field)?.ok_or_else(|| Error::invalid(field, "is required"))
}

/// An optional integer option passed on its own.
pub fn option_int(value: &JsValue, field: &str) -> Result<Option<i64>> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    match value.as_f64().and_then(exact_integer) {
        Some(n) => Ok(Some(n)),
        None => Err(wrong(value, field, "an integer")),
    }
}

/// An optional boolean option passed on its own.
pub fn option_bool(value: &JsValue, field: &str) -> Result<Option<bool>> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value.as_bool().map(Some).ok_or_else(|| wrong(value, field, "a boolean"))
}
