//! Shared by the fuzz targets: the documented error codes, and generators of JSON values
//! (free-form, or steered by an endpoint's schema so the fuzzer gets past the first check).
//! The values are edgeroom's own (`edgeroom::json`); serde_json appears only as an oracle.

#![allow(dead_code)]

use edgeroom::endpoint::Endpoint;
use edgeroom::json::{Map, Number, Value};
use edgeroom::schema::{Rule, Schema};
use edgeroom::{Error, ErrorCode};
use libfuzzer_sys::arbitrary::{Result, Unstructured};

/// `ErrorCode::as_str` of every variant: the documented set (README "Errors", src/error.rs).
pub const DOCUMENTED_CODES: &[&str] = &[
    "invalid_argument",
    "malformed_token",
    "unsupported_algorithm",
    "invalid_signature",
    "token_expired",
    "token_not_yet_valid",
    "token_type_mismatch",
    "bad_request",
    "unauthorized",
    "forbidden",
    "not_found",
    "conflict",
    "rate_limited",
    "api_error",
    "invalid_response",
    "network",
    "timeout",
    "aborted",
    "unsupported_runtime",
    "invalid_webhook",
    "webhook_unauthenticated",
    "webhook_expired",
];

/// Every endpoint of both providers, 100ms first.
pub fn all_endpoints() -> Vec<&'static Endpoint> {
    edgeroom::hms::ENDPOINTS.iter().chain(edgeroom::videosdk::ENDPOINTS.iter()).copied().collect()
}

/// Asserts that `err` has one of `allowed` codes and a well-formed message/field.
pub fn check_error(err: &Error, allowed: &[ErrorCode], context: &str) {
    assert!(DOCUMENTED_CODES.contains(&err.code().as_str()), "{context}: undocumented code {:?}", err.code());
    assert!(allowed.contains(&err.code()), "{context}: unexpected code {} ({})", err.code(), err.message());
    assert!(!err.message().is_empty(), "{context}: empty message");
    if let Some(field) = err.field() {
        assert!(
            err.message().starts_with(field),
            "{context}: message {:?} does not start with field {field:?}",
            err.message()
        );
    }
}

/// A JavaScript-reachable `now` (Date.now() / 1000 stays within ±8.64e12 s).
pub fn js_now(u: &mut Unstructured) -> Result<i64> {
    Ok(match u.int_in_range(0..=3u8)? {
        0 => 1_700_000_000,
        1 => 0,
        2 => u.int_in_range(-8_640_000_000_000..=8_640_000_000_000)?,
        _ => u.int_in_range(946_684_800..=4_102_444_800)?,
    })
}

/// Number texts that are JSON but no `i64`: fractions and exponents (integral or not),
/// out-of-range integers, `-0`, beyond f64 (`1e400`), and the spellings JSON allows.
pub const ODD_NUMBERS: &[&str] = &[
    "-0",
    "0.0",
    "1.0",
    "1e2",
    "1E+2",
    "0e0",
    "-0.0e-0",
    "1.8e9",
    "1700000000.0",
    "1.7e+9",
    "17e8",
    "9223372036854775808",
    "-9223372036854775809",
    "18446744073709551615",
    "18446744073709551616",
    "123456789012345678901234567890",
    "1e400",
    "-1e400",
    "1e-400",
    "2.5",
    "-1.5E-10",
    "0.30000000000000004",
];

/// A JSON number, as edgeroom's `Number::from_text` reads it; the text must be accepted.
pub fn number_text(text: &str) -> Value {
    Value::Number(Number::from_text(text).unwrap_or_else(|| panic!("Number::from_text refused JSON number {text:?}")))
}

/// Interesting numbers: boundaries of i64/u64/f64-exactness/the old chrono range, small
/// ones, floats, and number texts that are JSON but no `i64`.
pub fn number(u: &mut Unstructured) -> Result<Value> {
    const EDGES: &[i64] = &[
        0,
        1,
        -1,
        2,
        99,
        100,
        101,
        255,
        256,
        2500,
        2501,
        20000,
        20001,
        43200,
        43201,
        120,
        119,
        i64::MIN,
        i64::MAX,
        i64::MIN + 1,
        i64::MAX - 1,
        i32::MIN as i64,
        i32::MAX as i64,
        9_007_199_254_740_991,
        9_007_199_254_740_992,
        9_007_199_254_740_993,
        -9_007_199_254_740_993,
        8_210_266_876_799,
        8_210_266_876_800,
        -8_334_601_228_800,
        -8_334_601_228_801,
        8_640_000_000_000,
        -8_640_000_000_000,
        4_102_444_800,
        946_684_800,
        1_700_000_000,
    ];
    // Rust's `{:?}` of a finite f64 is JSON (`1e300`, `0.5`, `-0.0`, `1e-7`).
    let float = |f: f64| if f.is_finite() { number_text(&format!("{f:?}")) } else { Value::Null };
    Ok(match u.int_in_range(0..=7u8)? {
        0 => Value::from(*u.choose(EDGES)?),
        1 => Value::from(u.arbitrary::<i64>()?),
        2 => number_text(&u.arbitrary::<u64>()?.to_string()),
        3 => float(u.arbitrary::<f64>()?),
        4 => Value::from(u.int_in_range(-3..=30_000i64)?),
        5 => float(f64::from(u.int_in_range(-1000..=1000i32)?) + 0.5),
        6 => number_text(u.choose(ODD_NUMBERS)?),
        _ => {
            // An integral value written as a fraction or with an exponent.
            let n = u.arbitrary::<i64>()?;
            number_text(&if u.arbitrary()? { format!("{n}.0") } else { format!("{n}e0") })
        }
    })
}

/// Strings from a small alphabet that hits every rule: empty, separators, control
/// characters, non-ASCII, lone-surrogate replacement, over-long.
pub fn string(u: &mut Unstructured) -> Result<String> {
    const WORDS: &[&str] = &[
        "",
        "a",
        "room",
        "abc-xyzw-lmno",
        ".",
        "..",
        "/",
        "%2F",
        "?",
        "#",
        "&",
        "=",
        " ",
        "\n",
        "\u{0}",
        "\u{7f}",
        "\u{85}",
        "é",
        "😀",
        "\u{fffd}",
        "\u{202e}",
        "s3",
        "gs",
        "oss",
        "azure",
        "eu",
        "in",
        "us",
        "auto",
        "rtmp://x",
        "rtmps://y",
        "2024-01-31T12:00:00Z",
        "2024-01-31",
        "2024-13-45T99:99:99.999+99:99",
        "9999-12-31T23:59:60Z",
        "0000-00-00T00:00:00-00:00",
        "__proto__",
        "constructor",
        "prototype",
        "true",
        "null",
        "1e400",
        "session-ends",
        "session-end-and-deactivate",
        "composite",
        "allow_join",
    ];
    let mut out = String::new();
    for _ in 0..u.int_in_range(0..=4u8)? {
        match u.int_in_range(0..=3u8)? {
            0 | 1 => out.push_str(u.choose(WORDS)?),
            2 => out.push_str(&u.arbitrary::<String>()?),
            _ => out.push(u.arbitrary::<char>()?),
        }
    }
    if u.ratio(1, 32)? {
        out.push_str(&"x".repeat(u.int_in_range(250..=300usize)?));
    }
    Ok(out)
}

/// Any JSON value, nested at most `depth` levels, keys from `keys` or random.
pub fn any_json(u: &mut Unstructured, depth: u32, keys: &[&str]) -> Result<Value> {
    let choice = if depth == 0 { u.int_in_range(0..=3u8)? } else { u.int_in_range(0..=5u8)? };
    Ok(match choice {
        0 => Value::Null,
        1 => Value::Bool(u.arbitrary()?),
        2 => number(u)?,
        3 => Value::String(string(u)?),
        4 => {
            let n = u.int_in_range(0..=4usize)?;
            Value::Array((0..n).map(|_| any_json(u, depth - 1, keys)).collect::<Result<_>>()?)
        }
        _ => {
            let mut map = Map::new();
            for _ in 0..u.int_in_range(0..=5usize)? {
                let key = if !keys.is_empty() && u.ratio(3, 4)? { u.choose(keys)?.to_string() } else { string(u)? };
                map.insert(key, any_json(u, depth - 1, keys)?);
            }
            Value::Object(map)
        }
    })
}

/// A value for `rule`: usually one that passes it, often a boundary, sometimes anything.
pub fn for_rule(u: &mut Unstructured, rule: &'static Rule, depth: u32) -> Result<Value> {
    if depth == 0 || u.ratio(1, 10)? {
        return any_json(u, depth.min(2), &[]);
    }
    Ok(match rule {
        Rule::Text | Rule::Identifier | Rule::Chars(..) => Value::String(string(u)?),
        Rule::OneOf(options) => {
            if u.ratio(4, 5)? {
                Value::String(u.choose(options)?.to_string())
            } else {
                Value::String(string(u)?)
            }
        }
        Rule::Int(min, max) => match u.int_in_range(0..=5u8)? {
            0 => Value::from(*min),
            1 => Value::from(*max),
            2 => Value::from(min.saturating_sub(1)),
            3 => Value::from(max.saturating_add(1)),
            4 => Value::from(u.int_in_range(*min..=*max)?),
            _ => number(u)?,
        },
        Rule::Bool => Value::Bool(u.arbitrary()?),
        Rule::DateTime => Value::String(string(u)?),
        Rule::Object(schema) => for_schema(u, schema, depth - 1)?,
        Rule::List(item) => {
            let n = u.int_in_range(0..=3usize)?;
            Value::Array((0..n).map(|_| for_rule(u, item, depth - 1)).collect::<Result<_>>()?)
        }
        Rule::AnyObject | Rule::Any => any_json(u, depth.min(3), &[])?,
    })
}

/// An object for `schema`: each field present or not, nulls, refused and unknown names.
pub fn for_schema(u: &mut Unstructured, schema: &'static Schema, depth: u32) -> Result<Value> {
    if u.ratio(1, 16)? {
        return any_json(u, depth.min(3), &[]);
    }
    let mut map = Map::new();
    for field in schema.fields {
        let present = if field.required { u.ratio(15, 16)? } else { u.ratio(1, 2)? };
        if present {
            let value = if u.ratio(1, 16)? { Value::Null } else { for_rule(u, &field.rule, depth)? };
            map.insert(field.name.to_owned(), value);
        }
    }
    if !schema.refused.is_empty() && u.ratio(1, 16)? {
        map.insert(u.choose(schema.refused)?.0.to_owned(), any_json(u, 1, &[])?);
    }
    if u.ratio(1, 8)? {
        map.insert(string(u)?, any_json(u, 1, &[])?);
    }
    Ok(Value::Object(map))
}

/// How deeply arrays and objects nest in `value`: 0 for a scalar, 1 for `[]` or `[1]`.
pub fn depth(value: &Value) -> usize {
    match value {
        Value::Array(items) => 1 + items.iter().map(depth).max().unwrap_or(0),
        Value::Object(map) => 1 + map.values().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

/// The key serde_json's `arbitrary_precision` reads as "this object is a number" when it
/// comes first in an object: a text using it means something else to the oracle.
pub const SERDE_NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// Whether any object in `value` has the key [`SERDE_NUMBER_TOKEN`].
pub fn has_serde_number_token(value: &Value) -> bool {
    match value {
        Value::Array(items) => items.iter().any(has_serde_number_token),
        Value::Object(map) => map.iter().any(|(k, v)| k == SERDE_NUMBER_TOKEN || has_serde_number_token(v)),
        _ => false,
    }
}

/// A JSON number text as serde_json's `arbitrary_precision` keeps it: the text as written,
/// except that the exponent is written `e+N` or `e-N` (`1E2` → `1e+2`).
pub fn serde_number_text(text: &str) -> String {
    match text.find(['e', 'E']) {
        None => text.to_owned(),
        Some(at) => {
            let (mantissa, exponent) = (&text[..at], &text[at + 1..]);
            let signed = if exponent.starts_with(['+', '-']) { exponent.to_owned() } else { format!("+{exponent}") };
            format!("{mantissa}e{signed}")
        }
    }
}

/// Whether edgeroom's value and serde_json's (with `arbitrary_precision`, default sorted
/// map, last duplicate wins) are the same JSON: same kinds, strings, keys, and number texts.
pub fn same_as_serde(ours: &Value, theirs: &serde_json::Value) -> bool {
    use serde_json::Value as S;
    match (ours, theirs) {
        (Value::Null, S::Null) => true,
        (Value::Bool(a), S::Bool(b)) => a == b,
        (Value::Number(a), S::Number(b)) => serde_number_text(a.as_text()) == b.to_string(),
        (Value::String(a), S::String(b)) => a == b,
        (Value::Array(a), S::Array(b)) => a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same_as_serde(x, y)),
        (Value::Object(a), S::Object(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|((ka, va), (kb, vb))| ka == kb && same_as_serde(va, vb))
        }
        _ => false,
    }
}
