//! Arguments from JavaScript: the scalars a few exports take one by one (the minting fast
//! path passes each option as an argument, one crossing for the whole token), and option
//! objects through serde-wasm-bindgen into typed structs. Every value is untrusted: each
//! read checks the type and names the field, and no JavaScript value can make it panic.

use super::js::{is_array, object_keys};
use crate::error::{Error, Result};
use js_sys::{JsString, Object, Reflect};
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};

/// The most items an array argument may have.
const MAX_ITEMS: usize = 100_000;
/// 2^53: doubles hold every integer up to here exactly.
const MAX_SAFE: f64 = 9_007_199_254_740_992.0;

/// An options object into its typed struct `T`, through serde-wasm-bindgen.
///
/// Two things serde-wasm-bindgen does not do are done first: it reads a struct by getting
/// each declared field, so an unknown key would pass unseen (here it is refused, naming the
/// known ones: a misspelled option fails loudly instead of being ignored), and a getter or
/// Proxy trap that throws would throw through Rust frames (here each own key is read once,
/// caught, into a plain object, which is what serde-wasm-bindgen then reads).
/// `undefined`/`null` are an empty object.
pub fn options<T: DeserializeOwned>(value: &JsValue, what: &str) -> Result<T> {
    let snapshot = Object::new();
    if !(value.is_undefined() || value.is_null()) {
        let unreadable = || Error::invalid(what, "cannot be read (a getter or proxy threw)");
        if !value.is_object() || value.is_function() || is_array(value).map_err(|_| unreadable())? {
            return Err(Error::invalid(what, "must be an object"));
        }
        let known = field_names::<T>();
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
            let item = if PASSED_AS_IS.contains(&name.as_str()) { item } else { screened(item, &name, 0)? };
            let _ = Reflect::set(&snapshot, &key, &item); // a fresh plain object: cannot fail
        }
    }
    typed(serde_wasm_bindgen::Deserializer::from(JsValue::from(snapshot)))
}

/// The options whose values edgeroom takes as JavaScript values (functions, an
/// `AbortSignal`, objects of header names) and reads itself, every access caught.
const PASSED_AS_IS: &[&str] = &["fetch", "onRetry", "signal", "headers", "basicAuth"];

/// A value serde-wasm-bindgen can read, and describe in an error, without a JavaScript
/// exception: strings checked for lone surrogates (which it would turn into U+FFFD without
/// a word), arrays copied item by item with every read caught, and any other object or
/// function (a Proxy whose traps throw, a revoked one) replaced by a plain `{}`: where
/// serde wants a scalar, its error then says "an object" without calling the value's own
/// `toString` or `Array.isArray` on it.
fn screened(item: JsValue, name: &str, depth: usize) -> Result<JsValue> {
    if item.is_string() {
        string(&item, name)?;
        return Ok(item);
    }
    if !item.is_object() && !item.is_function() {
        return Ok(item);
    }
    let unreadable = || Error::invalid(name, "cannot be read (a getter or proxy threw)");
    if item.is_function() || !is_array(&item).map_err(|_| unreadable())? {
        return Ok(Object::new().into());
    }
    if depth > 2 {
        return Err(Error::invalid(name, "is nested too deeply"));
    }
    let copy = js_sys::Array::new();
    for (i, element) in array_items(&item, name)?.unwrap_or_default().into_iter().enumerate() {
        copy.push(&screened(element, &format!("{name}[{i}]"), depth + 1)?);
    }
    Ok(copy.into())
}

/// The wire names of the fields of struct `T`, as its derived `Deserialize` declares them.
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
pub fn optional_int(value: &JsValue, field: &str) -> Result<Option<i64>> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    match value.as_f64() {
        Some(n) if exact_integer(n).is_some() => Ok(exact_integer(n)),
        _ => Err(Error::invalid(field, "must be an integer")),
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

/// A typed value from serde-wasm-bindgen, with the path of a failing field as the error's
/// field (`headers.accept: ...`).
fn typed<'de, T: serde::Deserialize<'de>>(deserializer: impl serde::Deserializer<'de>) -> Result<T> {
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let path = match error.path().to_string().as_str() {
            "." => String::new(),
            // An item of a list body: `params[0].role`.
            item if item.starts_with('[') => format!("params{item}"),
            path => path.to_owned(),
        };
        let (field, rule) = rule_of(&path, &error.inner().to_string());
        Error::invalid(field, rule)
    })
}

/// serde's message in the words of the rest of edgeroom's rules: the missing field named as
/// the field (`message: is required`), and types as kinds of JSON value (`lock: must be a
/// boolean, not a string`), which also keeps the caller's values out of the message.
fn rule_of(path: &str, message: &str) -> (String, String) {
    // serde-wasm-bindgen's errors are JavaScript `Error`s, whose text starts so.
    let message = message.strip_prefix("Error: ").unwrap_or(message);
    let within = |name: &str| if path.is_empty() { name.to_owned() } else { format!("{path}.{name}") };
    let field = if path.is_empty() { "params".to_owned() } else { path.to_owned() };
    if let Some(name) = message.strip_prefix("missing field `").and_then(|rest| rest.split('`').next()) {
        return (within(name), "is required".to_owned());
    }
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let known = rest.split_once(", expected ").map_or("none", |(_, known)| known);
        let known = known.trim_start_matches("one of ").replace('`', "");
        return (field, format!("is not a known field (known: {known})"));
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        if let Some((unexpected, expected)) = rest.split_once(", expected ") {
            return (
                field,
                format!("must be {}, not {}", crate::params::kind_expected(expected), kind_given(unexpected)),
            );
        }
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        if let Some((_, expected)) = rest.split_once(", expected ") {
            return (field, format!("must be {}", crate::params::kind_expected(expected)));
        }
    }
    (field, message.to_owned())
}

/// serde's `invalid type: ...` as a kind of JSON value, without the value itself.
fn kind_given(unexpected: &str) -> &'static str {
    match unexpected.split([' ', '`']).next().unwrap_or_default() {
        "string" | "character" => "a string",
        "integer" | "floating" => "a number",
        "boolean" => "a boolean",
        "map" => "an object",
        "sequence" => "an array",
        "null" | "unit" | "Option" => "null",
        _ => "another kind of value",
    }
}
