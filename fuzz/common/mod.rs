//! Shared by the fuzz targets: the documented error codes, generators of JSON (serde_json
//! values, and JSON texts with number spellings a `Value` cannot hold), the table of every
//! declared call with its typed answer, and the repair of a JSON value by the path and rule
//! of an error (how the targets get past the first check without a schema).
//!
//! edgeroom reads and writes JSON with serde_json, so serde_json is the oracle here too: the
//! real thing, in the configuration edgeroom ships (no `arbitrary_precision`).

#![allow(dead_code)]

pub mod requests;

use arbitrary::{Result, Unstructured};
use edgeroom::call::{Call, Spec};
use edgeroom::{Error, ErrorCode};
use serde_json::{Map, Value};

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

/// One declared call: its [`Spec`], and `edgeroom::reply::typed` of its `Response`.
pub struct TypedCall {
    pub spec: &'static Spec,
    pub typed: fn(u16, &str) -> edgeroom::Result<()>,
}

fn typed<C: Call>(status: u16, text: &str) -> edgeroom::Result<()> {
    edgeroom::reply::typed::<C::Response>(status, text).map(drop)
}

macro_rules! typed_calls {
    ($($call:ty),* $(,)?) => { &[$(TypedCall { spec: <$call as Call>::SPEC, typed: typed::<$call> }),*] };
}

/// Every 100ms call.
pub static HMS_CALLS: &[TypedCall] = edgeroom::for_each_hms_call!(typed_calls);
/// Every VideoSDK call.
pub static VIDEOSDK_CALLS: &[TypedCall] = edgeroom::for_each_videosdk_call!(typed_calls);

/// Every call of both providers, 100ms first.
pub fn all_calls() -> impl Iterator<Item = &'static TypedCall> {
    HMS_CALLS.iter().chain(VIDEOSDK_CALLS)
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
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775808",
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

/// Boundaries of i64/u64/f64-exactness/chrono's range, and the rules' own limits.
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
    500,
    1920,
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

/// The text of an interesting JSON number: boundaries, small ones, floats, and number texts
/// that are JSON but no `i64` (some beyond what a serde_json `Value` holds, like `1e400`).
pub fn number_text(u: &mut Unstructured) -> Result<String> {
    // Rust's `{:?}` of a finite f64 is JSON (`1e300`, `0.5`, `-0.0`, `1e-7`).
    let float = |f: f64| if f.is_finite() { format!("{f:?}") } else { "0.5".to_owned() };
    Ok(match u.int_in_range(0..=7u8)? {
        0 => u.choose(EDGES)?.to_string(),
        1 => u.arbitrary::<i64>()?.to_string(),
        2 => u.arbitrary::<u64>()?.to_string(),
        3 => float(u.arbitrary::<f64>()?),
        4 => u.int_in_range(-3..=30_000i64)?.to_string(),
        5 => float(f64::from(u.int_in_range(-1000..=1000i32)?) + 0.5),
        6 => u.choose(ODD_NUMBERS)?.to_string(),
        _ => {
            // An integral value written as a fraction or with an exponent.
            let n = u.arbitrary::<i64>()?;
            if u.arbitrary()? {
                format!("{n}.0")
            } else {
                format!("{n}e0")
            }
        }
    })
}

/// A number as serde_json reads [`number_text`] (one beyond f64 becomes another number).
pub fn number(u: &mut Unstructured) -> Result<Value> {
    let text = number_text(u)?;
    Ok(serde_json::from_str(&text).unwrap_or_else(|_| Value::from(u64::MAX)))
}

/// Strings from a small alphabet that hits every rule: empty, separators, control
/// characters, non-ASCII, over-long, dates, the enums' values.
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
        "https://x.app.100ms.live/preview/abc",
        "2024-01-31T12:00:00Z",
        "2024-01-31",
        "2024-13-45T99:99:99.999+99:99",
        "9999-12-31T23:59:60Z",
        "0000-00-00T00:00:00-00:00",
        "__proto__",
        "constructor",
        "true",
        "null",
        "1e400",
        "session-ends",
        "session-end-and-deactivate",
        "composite",
        "composite-merge",
        "allow_join",
        "single-choice",
        "multiple-choice",
        "poll",
        "quiz",
        "image",
        "text",
        "timestamp",
        "lat_long",
        "chat",
        "failed",
        "completed",
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

/// A JSON text of `value` as a server might write it: any whitespace, keys repeated, and
/// now and then a number spelled as no `Value` holds it (`1e400`, `1.0`, `-0`).
pub fn json_text(u: &mut Unstructured, value: &Value, out: &mut String) -> Result<()> {
    let space = |u: &mut Unstructured, out: &mut String| -> Result<()> {
        if u.ratio(1, 8)? {
            out.push_str(u.choose(&[" ", "\n", "\t", "\r\n  "])?);
        }
        Ok(())
    };
    space(u, out)?;
    match value {
        Value::Number(_) if u.ratio(1, 8)? => out.push_str(&number_text(u)?),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                json_text(u, item, out)?;
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                if u.ratio(1, 32)? {
                    // A duplicate written first: the last one wins, for every reader here.
                    out.push_str(&Value::from(key.as_str()).to_string());
                    out.push(':');
                    out.push_str(&any_json(u, 1, &[])?.to_string());
                    out.push(',');
                }
                out.push_str(&Value::from(key.as_str()).to_string());
                space(u, out)?;
                out.push(':');
                json_text(u, item, out)?;
            }
            out.push('}');
        }
        other => out.push_str(&other.to_string()),
    }
    space(u, out)
}

/// How deeply arrays and objects nest in `value`: 0 for a scalar, 1 for `[]` or `[1]`.
pub fn depth(value: &Value) -> usize {
    match value {
        Value::Array(items) => 1 + items.iter().map(depth).max().unwrap_or(0),
        Value::Object(map) => 1 + map.values().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

/// RFC 3986 percent-encoding of everything but the unreserved characters: the oracle of
/// what a path argument must look like in a URL.
pub fn percent_encode(value: &str) -> String {
    let mut out = String::new();
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The paths (`a.b[0].c`) of every null member or item in `value`.
pub fn null_paths(value: &Value) -> Vec<String> {
    fn walk(value: &Value, path: &str, out: &mut Vec<String>) {
        match value {
            Value::Null => out.push(path.to_owned()),
            Value::Array(items) => items.iter().enumerate().for_each(|(i, v)| walk(v, &format!("{path}[{i}]"), out)),
            Value::Object(map) => map.iter().for_each(|(k, v)| walk(v, &format!("{path}.{k}"), out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(value, "", &mut out);
    out
}

/// One step of a field path: a member or an item.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// `a.b[0].c` (serde_path_to_error's form) as steps; `None` for what cannot be followed
/// (`?` segments of flattened or untagged types).
pub fn parse_path(path: &str) -> Option<Vec<Step>> {
    let mut steps = Vec::new();
    if path.is_empty() || path == "." {
        return Some(steps);
    }
    for part in path.split('.') {
        let (key, mut rest) = part.split_once('[').map_or((part, ""), |(k, r)| (k, r));
        if key == "?" {
            return None;
        }
        if !key.is_empty() {
            steps.push(Step::Key(key.to_owned()));
        }
        while !rest.is_empty() {
            let (index, after) = rest.split_once(']')?;
            steps.push(Step::Index(index.parse().ok()?));
            rest = after.strip_prefix('[').unwrap_or(after);
        }
    }
    Some(steps)
}

/// The value at `steps`, creating objects on the way (`None` if an item is missing or a
/// step meets a scalar).
pub fn at_path<'a>(value: &'a mut Value, steps: &[Step]) -> Option<&'a mut Value> {
    let Some((first, rest)) = steps.split_first() else { return Some(value) };
    let next = match first {
        Step::Key(key) => {
            if value.is_null() {
                *value = Value::Object(Map::new());
            }
            value.as_object_mut()?.entry(key.clone()).or_insert(Value::Null)
        }
        Step::Index(i) => value.as_array_mut()?.get_mut(*i)?,
    };
    at_path(next, rest)
}

/// The values the rule lists: `(known: a, b)`, `one of a, b`, `` `a`, `b` ``.
pub fn listed(rule: &str) -> Vec<String> {
    let list = if let Some((_, rest)) = rule.split_once("(known: ") {
        rest.trim_end_matches(')')
    } else if let Some((_, rest)) = rule.split_once("one of ") {
        rest
    } else if let Some((_, rest)) = rule.split_once("expected ") {
        rest
    } else {
        return Vec::new();
    };
    list.split([',', ' '])
        .map(|item| item.trim().trim_matches('`').trim_end_matches(')'))
        .filter(|item| !item.is_empty() && *item != "or" && *item != "none")
        .map(str::to_owned)
        .collect()
}

/// The integer range of `from A to B` in a rule.
pub fn range(rule: &str) -> Option<(i64, i64)> {
    let (_, rest) = rule.split_once("from ")?;
    let (min, rest) = rest.split_once(" to ")?;
    let max: String = rest.chars().take_while(|c| c.is_ascii_digit() || *c == '-').collect();
    Some((min.parse().ok()?, max.parse().ok()?))
}

/// A value meant to pass `rule` (the words of edgeroom's rules and serde's messages),
/// sometimes one just outside it; `None` when the rule says nothing usable.
pub fn value_for(u: &mut Unstructured, rule: &str, current: &Value) -> Result<Option<Value>> {
    let listed = listed(rule);
    Ok(Some(if rule.contains("is not a known field") {
        // Keep the known members, maybe add one.
        let mut map = current.as_object().cloned().unwrap_or_default();
        map.retain(|key, _| listed.contains(key));
        if !listed.is_empty() && u.ratio(2, 3)? {
            let key = u.choose(&listed)?.clone();
            let value = any_json(u, 1, &[])?;
            map.insert(key, value);
        }
        Value::Object(map)
    } else if !listed.is_empty() && (rule.contains("one of") || rule.contains("unknown variant")) {
        Value::from(u.choose(&listed)?.as_str())
    } else if let Some((min, max)) = range(rule) {
        let n = match u.int_in_range(0..=5u8)? {
            0 => min,
            1 => max,
            2 => min.saturating_sub(1),
            3 => max.saturating_add(1),
            _ => u.int_in_range(min..=max.max(min))?,
        };
        Value::from(n)
    } else if rule.contains("ISO 8601") {
        Value::from(*u.choose(&["2024-01-31T12:00:00Z", "2022-01-01", "2024-05-01T10:15:04.123+05:30"])?)
    } else if rule.contains("control characters") || rule.contains("non-empty string") || rule.contains("are allowed") {
        Value::from(*u.choose(&["r1", "abc-xyzw-lmno", "a.b-c:d_e", "x"])?)
    } else if rule.contains("at most") && rule.contains("bytes") {
        Value::from("short")
    } else if rule.contains("rtmp") {
        Value::from(vec![Value::from("rtmp://a.example/live/key")])
    } else if rule.contains("must list at least one") || rule.contains("array of 1 to") {
        let item = if u.arbitrary()? { Value::Object(probe()) } else { Value::from("r1") };
        let mut items = current.as_array().cloned().unwrap_or_default();
        items.push(item);
        Value::Array(items)
    } else if rule.contains("must list at most") || rule.contains("must not repeat") {
        let mut items = current.as_array().cloned().unwrap_or_default();
        items.truncate(1);
        Value::Array(items)
    } else if rule.contains("a string") {
        Value::String(if u.ratio(3, 4)? { "r1".to_owned() } else { string(u)? })
    } else if rule.contains("an integer") || rule.contains("u64") || rule.contains("i64") || rule.contains("u32") {
        Value::from(u.int_in_range(0..=3600i64)?)
    } else if rule.contains("a number") || rule.contains("f64") {
        Value::from(1.5)
    } else if rule.contains("a boolean") {
        Value::Bool(u.arbitrary()?)
    } else if rule.contains("an array") || rule.contains("a sequence") {
        Value::Array(Vec::new())
    } else if rule.contains("an object") || rule.contains("a map") || rule.contains("struct") {
        Value::Object(probe())
    } else if rule.contains("at least one field") {
        // An empty change: a probe's refusal lists the fields.
        Value::Object(probe())
    } else if rule.contains("must be null") {
        Value::Null
    } else if rule.contains("is required") || rule.contains("missing field") {
        any_json(u, 1, &[])?
    } else {
        return Ok(None);
    }))
}

/// An object with one member no params type declares: its error lists the known ones.
pub fn probe() -> Map<String, Value> {
    Map::from_iter([("\u{1}probe".to_owned(), Value::Null)])
}
