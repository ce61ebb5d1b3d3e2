//! Shared by the fuzz targets: the documented error codes, and generators of JSON values
//! (free-form, or steered by an endpoint's schema so the fuzzer gets past the first check).

#![allow(dead_code)]

use edgeroom::endpoint::Endpoint;
use edgeroom::schema::{Rule, Schema};
use edgeroom::{Error, ErrorCode};
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use serde_json::{Map, Number, Value};

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

/// Interesting integers: boundaries of i64/u64/f64-exactness/chrono, and small ones.
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
        i32::MIN as i64,
        i32::MAX as i64,
        9_007_199_254_740_991,
        9_007_199_254_740_992,
        9_007_199_254_740_993,
        -9_007_199_254_740_993,
        8_210_266_876_799,
        -8_334_601_228_800,
        4_102_444_800,
        946_684_800,
        1_700_000_000,
    ];
    Ok(match u.int_in_range(0..=5u8)? {
        0 => Value::from(*u.choose(EDGES)?),
        1 => Value::from(u.arbitrary::<i64>()?),
        2 => Value::from(u.arbitrary::<u64>()?),
        3 => Number::from_f64(u.arbitrary::<f64>()?).map_or(Value::Null, Value::Number),
        4 => Value::from(u.int_in_range(-3..=30_000i64)?),
        _ => Number::from_f64(f64::from(u.int_in_range(-1000..=1000i32)?) + 0.5).map_or(Value::Null, Value::Number),
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
