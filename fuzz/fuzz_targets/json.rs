//! edgeroom's JSON (`edgeroom::json`) on any text, against serde_json as the oracle.
//!
//! Input layout: a first byte 0x01 (never the start of JSON) makes the rest drive a
//! generator of values (`common::any_json`), written with `to_json` and read back; any
//! other input is the text itself, as bytes.
//!
//! Properties, for any text:
//! - `parse` and `parse_bytes` never panic, agree with each other, and `parse_bytes` refuses
//!   what is not UTF-8 (so does serde_json). An error's offset lies within the text.
//! - Accepted ⇒ serde_json accepts it too and reads the same JSON: same kinds, strings, keys
//!   (sorted, the last of duplicates wins in both), and number texts (serde_json keeps them
//!   with `arbitrary_precision`, only writing the exponent as `e+N`/`e-N`). One exception:
//!   nesting depth exactly 128. edgeroom allows 128 levels (`[` ×128 is accepted, ×129 is
//!   not); serde_json counts down from 128 and refuses on reaching 0, so it allows 127, and
//!   refuses depth 128 with "recursion limit exceeded". Texts with an object key
//!   `$serde_json::private::Number` (serde_json's private marker for numbers under
//!   `arbitrary_precision`) are not compared: the oracle reads them as something else.
//! - serde_json accepts ⇒ edgeroom accepts, with no exception: serde_json's depth limit is
//!   lower (127 < 128), and serde_json, like edgeroom, refuses lone surrogates (`\ud800`,
//!   `\udc00`, `\ud800\u0041`) when it reads a string.
//! - Accepted value `v`: `parse(v.to_json()) == v`, `to_json` is a fixed point, serde_json
//!   reads `v.to_json()` as the same JSON, the text has no whitespace outside strings, map
//!   keys are strictly sorted and `Map` lookups find each one, each number's text is
//!   `Number::from_text` of itself, and `as_i64`/`as_u64` agree with Rust's integer parsers.
#![no_main]

#[path = "../common/mod.rs"]
mod common;

use edgeroom::json::{parse, parse_bytes, Map, Number, Value};
use libfuzzer_sys::arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;

/// edgeroom's limit, documented in src/json/parse.rs (MAX_DEPTH).
const MAX_DEPTH: usize = 128;

fn check_numbers_and_maps(value: &Value, context: &str) {
    match value {
        Value::Number(n) => check_number(n, context),
        Value::Array(items) => items.iter().for_each(|item| check_numbers_and_maps(item, context)),
        Value::Object(map) => check_map(map, context),
        Value::Null | Value::Bool(_) | Value::String(_) => {}
    }
}

fn check_number(n: &Number, context: &str) {
    let text = n.as_text();
    assert_eq!(Number::from_text(text).as_ref(), Some(n), "{context}: from_text of {text:?}");
    let integral = text.bytes().all(|b| b == b'-' || b.is_ascii_digit());
    assert_eq!(n.is_integer(), integral, "{context}: is_integer of {text:?}");
    let i64_value = if integral { text.parse::<i64>().ok() } else { None };
    assert_eq!(n.as_i64(), i64_value, "{context}: as_i64 of {text:?}");
    // as_u64 is documented as "a non-negative integer that fits", but goes through as_i64,
    // so 2^63 ..= 2^64-1 give None: asserted are soundness, and completeness up to i64::MAX.
    // `-0` is zero, which Rust's u64 parser (no sign allowed) would refuse.
    let u64_value =
        if integral { text.strip_prefix('-').filter(|t| *t == "0").unwrap_or(text).parse::<u64>().ok() } else { None };
    if let Some(got) = n.as_u64() {
        assert_eq!(Some(got), u64_value, "{context}: as_u64 of {text:?}");
    }
    if u64_value.is_some_and(|v| v <= i64::MAX as u64) {
        assert_eq!(n.as_u64(), u64_value, "{context}: as_u64 of {text:?}");
    }
}

fn check_map(map: &Map, context: &str) {
    let keys: Vec<&String> = map.keys().collect();
    assert!(keys.windows(2).all(|w| w[0] < w[1]), "{context}: keys not strictly sorted: {keys:?}");
    assert_eq!(keys.len(), map.len(), "{context}");
    assert_eq!(map.is_empty(), keys.is_empty(), "{context}");
    for (key, value) in map {
        assert_eq!(map.get(key), Some(value), "{context}: get {key:?}");
        assert!(map.contains_key(key), "{context}: contains_key {key:?}");
        assert_eq!(&map[key.as_str()], value, "{context}: index {key:?}");
        check_numbers_and_maps(value, context);
    }
    assert_eq!(map.values().count(), map.len(), "{context}");
}

/// Whether `text` has a byte outside strings that is whitespace.
fn has_whitespace_outside_strings(text: &str) -> bool {
    let (mut in_string, mut escaped) = (false, false);
    for b in text.bytes() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
        } else if b == b'"' {
            in_string = true;
        } else if matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
            return true;
        }
    }
    false
}

/// What must hold of every value edgeroom produced or was given.
fn check_value(value: &Value, context: &str) {
    check_numbers_and_maps(value, context);
    let written = value.to_json();
    assert_eq!(written, value.to_string(), "{context}: Display differs from to_json");
    assert!(!has_whitespace_outside_strings(&written), "{context}: whitespace in {written:?}");
    let reread = parse(&written).unwrap_or_else(|e| panic!("{context}: own output {written:?} refused: {e:?}"));
    assert_eq!(&reread, value, "{context}: {written:?} reads back differently");
    assert_eq!(reread.to_json(), written, "{context}: to_json is not a fixed point");
    if common::depth(value) < MAX_DEPTH && !common::has_serde_number_token(value) {
        match serde_json::from_str::<serde_json::Value>(&written) {
            Ok(theirs) => {
                assert!(common::same_as_serde(value, &theirs), "{context}: serde_json reads {written:?} as {theirs}")
            }
            Err(e) => panic!("{context}: serde_json refuses edgeroom's output {written:?}: {e}"),
        }
    }
}

fn text_input(data: &[u8]) {
    let from_bytes = parse_bytes(data);
    let Ok(text) = std::str::from_utf8(data) else {
        let err = from_bytes.expect_err("parse_bytes accepted bytes that are not UTF-8");
        assert_eq!(err.reason, "not UTF-8", "{data:?}");
        assert!(serde_json::from_slice::<serde_json::Value>(data).is_err(), "serde_json accepted non-UTF-8 {data:?}");
        return;
    };
    let ours = parse(text);
    assert_eq!(ours, from_bytes, "{text:?}: parse and parse_bytes differ");
    let theirs = serde_json::from_str::<serde_json::Value>(text);
    let context = format!("{text:?}");
    match (&ours, &theirs) {
        (Ok(value), Ok(theirs)) => {
            if !common::has_serde_number_token(value) {
                assert!(common::same_as_serde(value, theirs), "{context}: edgeroom {value} serde_json {theirs}");
            }
        }
        (Ok(value), Err(e)) => {
            let depth = common::depth(value);
            let allowed = (depth == MAX_DEPTH && e.to_string().starts_with("recursion limit exceeded"))
                || common::has_serde_number_token(value);
            assert!(allowed, "{context}: edgeroom accepts (depth {depth}) what serde_json refuses: {e}");
        }
        (Err(e), Ok(theirs)) => {
            panic!("{context}: edgeroom refuses ({} at {}) what serde_json reads as {theirs}", e.reason, e.offset)
        }
        (Err(_), Err(_)) => {}
    }
    match ours {
        Ok(value) => {
            assert!(common::depth(&value) <= MAX_DEPTH, "{context}: accepted beyond the nesting limit");
            check_value(&value, &context);
            assert_eq!(Value::parse(text).as_ref(), Ok(&value), "{context}: Value::parse differs");
        }
        Err(e) => {
            assert!(e.offset <= text.len(), "{context}: offset {} beyond the text", e.offset);
            assert!(!e.reason.is_empty(), "{context}: empty reason");
            assert_eq!(e.to_string(), e.reason, "{context}");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    if let [1, rest @ ..] = data {
        let mut u = Unstructured::new(rest);
        let Ok(depth) = u.int_in_range(0..=6u32) else { return };
        let Ok(value) = common::any_json(&mut u, depth, &["a", "b", "", "é", "a\u{0}"]) else { return };
        check_value(&value, &format!("generated {value:?}"));
        return;
    }
    text_input(data);
});
