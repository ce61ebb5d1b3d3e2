//! Values across the boundary. Arguments from JavaScript are untrusted: every conversion
//! checks the type and names the field, and no JavaScript value can make it panic.

use super::js::{date_iso, is_array, object_keys};
use crate::error::{Error, Result};
use crate::json::{Map, Number, Value};
use crate::prelude::*;
use js_sys::{JsString, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// Deeper JSON than this in a request is a mistake or an attack (a cycle ends here too).
const MAX_DEPTH: usize = 32;
/// More items than this in one array is a mistake or an attack.
const MAX_ITEMS: usize = 100_000;
/// 2^53: beyond this a JavaScript number is no longer an exact integer.
const MAX_SAFE: f64 = 9_007_199_254_740_992.0;

/// A JavaScript value as JSON: `undefined` and `null` are null; NaN, ±Infinity, BigInt,
/// functions, symbols and lone surrogates are refused; `Date`s become ISO strings.
pub fn to_json(value: &JsValue, path: &str) -> Result<Value> {
    convert(value, path, 0)
}

fn convert(value: &JsValue, path: &str, depth: usize) -> Result<Value> {
    let child_path = |name: &str| {
        if path.is_empty() {
            name.to_owned()
        } else {
            format!("{path}.{name}")
        }
    };
    // The top level of a body is named "params" in messages; nested fields by their path.
    let path = if path.is_empty() { "params" } else { path };
    if value.is_undefined() || value.is_null() {
        return Ok(Value::Null);
    }
    if let Some(b) = value.as_bool() {
        return Ok(Value::Bool(b));
    }
    if let Some(n) = value.as_f64() {
        return number(n, path).map(Value::Number);
    }
    if value.is_string() {
        return string(value, path).map(Value::String);
    }
    if value.is_bigint() {
        return Err(Error::invalid(path, "must be a number, not a BigInt"));
    }
    if value.is_function() || value.is_symbol() || !value.is_object() {
        return Err(Error::invalid(path, "must be JSON data (not a function or a symbol)"));
    }
    if depth >= MAX_DEPTH {
        return Err(Error::invalid(path, format_args!("is nested deeper than {MAX_DEPTH} levels")));
    }
    let unreadable = || Error::invalid(path, "cannot be read (a getter or proxy threw)");
    match date_iso(value).map_err(|_| unreadable())? {
        iso if iso.is_undefined() => {}
        iso => {
            let iso = iso.as_string().ok_or_else(|| Error::invalid(path, "is an invalid Date"))?;
            return Ok(Value::String(iso));
        }
    }
    if let Some(items) = array_items(value, path)? {
        let mut converted = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            converted.push(convert(item, &format!("{path}[{i}]"), depth + 1)?);
        }
        return Ok(Value::Array(converted));
    }
    let keys = object_keys(value).map_err(|_| Error::invalid(path, "cannot be read as an object"))?;
    let mut map = Map::new();
    for key in keys.iter() {
        let name = key.as_string().unwrap_or_default();
        let child = child_path(&name);
        let item = Reflect::get(value, &key).map_err(|_| Error::invalid(&child, "cannot be read"))?;
        map.insert(name, convert(&item, &child, depth + 1)?);
    }
    Ok(Value::Object(map))
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

fn number(n: f64, path: &str) -> Result<Number> {
    if !n.is_finite() {
        return Err(Error::invalid(path, "must be a finite number"));
    }
    if let Some(n) = exact_integer(n) {
        // `as` maps -0 to 0, which is what JSON.stringify does too.
        return Ok(Number::from(n));
    }
    // JavaScript's own shortest round-trip form (`0.1`, `1e+21`) is valid JSON number text,
    // and saves the .wasm a float formatter.
    js_sys::Number::from(n)
        .to_string_with_radix(10)
        .ok()
        .and_then(|text| Number::from_text(&String::from(text)))
        .ok_or_else(|| Error::invalid(path, "must be a finite number"))
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

/// An optional boolean argument.
pub fn optional_bool(value: &JsValue, field: &str) -> Result<Option<bool>> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value.as_bool().map(Some).ok_or_else(|| Error::invalid(field, "must be a boolean"))
}

/// An optional array of strings.
pub fn optional_strings(value: &JsValue, field: &str) -> Result<Vec<String>> {
    if value.is_undefined() || value.is_null() {
        return Ok(Vec::new());
    }
    let items = array_items(value, field)?.ok_or_else(|| Error::invalid(field, "must be an array of strings"))?;
    items.iter().enumerate().map(|(i, item)| required_string(item, &format!("{field}[{i}]"))).collect()
}

/// An options object: `undefined`/`null` are an empty one; unknown keys are refused, so a
/// misspelled option fails loudly instead of being ignored.
pub struct Options {
    object: JsValue,
}

impl Options {
    pub fn new(value: &JsValue, what: &str, known: &[&str]) -> Result<Options> {
        if value.is_undefined() || value.is_null() {
            return Ok(Options { object: JsValue::UNDEFINED });
        }
        let array = is_array(value).map_err(|_| Error::invalid(what, "cannot be read as an object"))?;
        if !value.is_object() || value.is_function() || array {
            return Err(Error::invalid(what, "must be an object"));
        }
        let keys = object_keys(value).map_err(|_| Error::invalid(what, "cannot be read as an object"))?;
        for key in keys.iter() {
            let name = key.as_string().unwrap_or_default();
            if !known.contains(&name.as_str()) {
                return Err(Error::invalid(
                    &name,
                    format_args!("is not a known option of {what} (known: {})", known.join(", ")),
                ));
            }
        }
        Ok(Options { object: value.clone() })
    }

    /// The value of an option (`undefined` when absent).
    pub fn get(&self, key: &str) -> Result<JsValue> {
        if self.object.is_undefined() {
            return Ok(JsValue::UNDEFINED);
        }
        Reflect::get(&self.object, &JsValue::from_str(key)).map_err(|_| Error::invalid(key, "cannot be read"))
    }
}

/// JSON out to JavaScript as plain objects and arrays.
pub fn from_json(value: &Value) -> JsValue {
    // JSON.parse, not a value-by-value conversion: it makes "__proto__" an own property (never
    // the object's prototype) and reads integers beyond 2^53 as numbers, exactly as any
    // JavaScript client of the API would. Parsing JSON we just serialised cannot fail.
    js_sys::JSON::parse(&value.to_json()).unwrap_or(JsValue::NULL)
}
