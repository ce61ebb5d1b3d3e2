//! The two JSON primitives the hand-written writer in `src/json/` and the wasm call layer
//! still use, now backed by serde_json (they lived in the deleted `edgeroom-hs256` crate).

use alloc::string::String;
use core::fmt::Write;

/// A JSON string literal of `value`, escaped by serde_json.
pub(crate) fn write_string(out: &mut String, value: &str) {
    // Serialising a `&str` cannot fail: there is no I/O and no map key to reject.
    if let Ok(text) = serde_json::to_string(value) {
        out.push_str(&text);
    }
}

/// An integer in decimal.
pub(crate) fn write_int(out: &mut String, value: i64) {
    // Writing into a String cannot fail.
    let _ = write!(out, "{value}");
}
