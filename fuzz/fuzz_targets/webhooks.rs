//! Webhook requests from anyone: `HmsWebhooks::receive` (configured secret headers, received
//! headers, body, replay window) and `parse_videosdk_event` (body, replay window).
//!
//! Checks: nothing panics; errors carry only the webhook codes (and `invalid_argument` for
//! the configuration); 100ms accepts exactly when every configured header arrives with its
//! value; an accepted event serialised (serde_json) is the body as serde_json reads it,
//! minus nothing: every member of the body with its value, and beyond them only `null`s for
//! the optional members the typed event names (`version`, `app_id`, `account_id`,
//! `template_id`); its `id`/`type`/`timestamp` (100ms) or `webhookType` (VideoSDK) are
//! non-empty strings and `data` an object; with a replay window, an accepted event's time
//! (100ms `timestamp`; VideoSDK `end`, else `start`, when a string) is an RFC 3339
//! date-time with `T`, within the window of now (read by this file's own parser); a
//! configured header value appears in no error message (unless the body or a header
//! carried it).
#![no_main]

#[path = "../common/mod.rs"]
mod common;

use edgeroom::webhook::{parse_videosdk_event, HmsWebhooks, MAX_AGE_LIMIT_SECONDS};
use edgeroom::ErrorCode;
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value};

/// An object from its members.
fn object<const N: usize>(members: [(&str, Value); N]) -> Value {
    Value::Object(Map::from_iter(members.map(|(k, v)| (k.to_owned(), v))))
}

const RECEIVE_CODES: &[ErrorCode] = &[
    ErrorCode::InvalidWebhook,
    ErrorCode::WebhookUnauthenticated,
    ErrorCode::WebhookExpired,
    ErrorCode::InvalidArgument,
];

/// The members of `HmsEvent` that are `Option`s: serialised as `null` when the body lacks them.
const HMS_OPTIONAL: &[&str] = &["version", "app_id", "account_id", "template_id"];

/// The event's JSON is the body's (serde_json), minus nothing: every member with its value,
/// and beyond them only `null`s for the typed event's optional members.
fn same_minus_nothing(event: &Value, text: &str, optional: &[&str], context: &str) {
    let body: Value =
        serde_json::from_str(text).unwrap_or_else(|e| panic!("{context}: accepted a body that is not JSON: {e}"));
    let (Some(event), Some(body)) = (event.as_object(), body.as_object()) else {
        panic!("{context}: accepted a body that is not an object")
    };
    for (key, value) in body {
        assert_eq!(event.get(key), Some(value), "{context}: member `{key}` altered or lost");
    }
    for (key, value) in event {
        if !body.contains_key(key) {
            assert!(value.is_null() && optional.contains(&key.as_str()), "{context}: `{key}`: {value} added");
        }
    }
}

/// `YYYY-MM-DDTHH:MM:SS[.digits](Z|z|±HH:MM)` as Unix seconds, a leap second read as :59;
/// the oracle of the replay window, written apart from edgeroom's (chrono).
fn rfc3339(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    let num = |range: std::ops::Range<usize>| -> Option<i64> {
        let digits = b.get(range)?;
        digits.iter().all(u8::is_ascii_digit).then(|| digits.iter().fold(0, |n, d| n * 10 + i64::from(d - b'0')))
    };
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hour, minute, second) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') || b.get(10) != Some(&b'T') {
        return None;
    }
    if b.get(13) != Some(&b':') || b.get(16) != Some(&b':') {
        return None;
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if day < 1 || day > days_in_month || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut rest = &text[19..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        rest = &fraction[digits..];
    }
    let offset = match rest.as_bytes() {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let two = |a: u8, b: u8| {
                (a.is_ascii_digit() && b.is_ascii_digit()).then(|| i64::from((a - b'0') * 10 + (b - b'0')))
            };
            let (h, m) = (two(*h1, *h2)?, two(*m1, *m2)?);
            if h > 23 || m > 59 {
                return None;
            }
            (h * 3600 + m * 60) * if *sign == b'-' { -1 } else { 1 }
        }
        _ => return None,
    };
    let days = days_from_civil(year, month, day);
    Some(days * 86_400 + hour * 3600 + minute * 60 + second.min(59) - offset)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// An accepted event's time is a date-time within `window` seconds of `now`.
fn within(at: &str, window: i64, now: i64, context: &str) {
    let Some(t) = rfc3339(at) else { panic!("{context}: accepted time {at:?} is no RFC 3339 date-time with T") };
    assert!((now - t).abs() <= window, "{context}: {at:?} is {}s from now, outside {window}s", now - t);
}

fn max_age(u: &mut Unstructured) -> Result<Option<i64>> {
    Ok(match u.int_in_range(0..=5u8)? {
        0 => None,
        1 => Some(*u.choose(&[0, 1, -1, 300, MAX_AGE_LIMIT_SECONDS, MAX_AGE_LIMIT_SECONDS + 1, i64::MIN, i64::MAX])?),
        _ => Some(u.int_in_range(1..=MAX_AGE_LIMIT_SECONDS)?),
    })
}

/// ISO 8601-ish timestamps with every field pushed around, or anything.
fn timestamp(u: &mut Unstructured, now: i64) -> Result<Value> {
    Ok(match u.int_in_range(0..=4u8)? {
        0 => common::any_json(u, 1, &[])?,
        1 => Value::String(common::string(u)?),
        _ => {
            let digits = |u: &mut Unstructured, n: usize| -> Result<String> {
                (0..n).map(|_| Ok(char::from(b'0' + u.int_in_range(0..=9u8)?))).collect()
            };
            let near = now.clamp(-62_000_000_000, 253_000_000_000);
            let mut s = if u.ratio(1, 2)? {
                // A real date near `now`, so the replay window is exercised both ways.
                let t = near + u.int_in_range(-200_000..=200_000i64)?;
                let days = t.div_euclid(86_400);
                let (y, m, d) = civil_from_days(days);
                let secs = t.rem_euclid(86_400);
                format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}", secs / 3600, secs / 60 % 60, secs % 60)
            } else {
                format!(
                    "{}-{}-{}T{}:{}:{}",
                    digits(u, 4)?,
                    digits(u, 2)?,
                    digits(u, 2)?,
                    digits(u, 2)?,
                    digits(u, 2)?,
                    digits(u, 2)?
                )
            };
            if u.ratio(1, 3)? {
                s.push('.');
                let n = u.int_in_range(0..=4usize)?;
                s.push_str(&digits(u, n)?);
            }
            match u.int_in_range(0..=4u8)? {
                0 => s.push('Z'),
                1 => s.push_str(&format!("+{}:{}", digits(u, 2)?, digits(u, 2)?)),
                2 => s.push_str(&format!("-{}:{}", digits(u, 2)?, digits(u, 2)?)),
                3 => s.push_str(&common::string(u)?),
                _ => {}
            }
            Value::String(s)
        }
    })
}

/// (year, month, day) of days since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn body(u: &mut Unstructured, now: i64, videosdk: bool) -> Result<String> {
    if u.ratio(1, 4)? {
        return u.arbitrary();
    }
    let mut event = if videosdk {
        let mut data = Map::new();
        for key in ["meetingId", "sessionId", "participantId", "start", "end"] {
            if u.ratio(2, 3)? {
                let value =
                    if key == "start" || key == "end" { timestamp(u, now)? } else { Value::String(common::string(u)?) };
                data.insert(key.to_owned(), value);
            }
        }
        object([("webhookType", Value::String(common::string(u)?)), ("data", Value::Object(data))])
    } else {
        object([
            ("version", Value::from("2.0")),
            ("id", Value::String(common::string(u)?)),
            ("app_id", Value::from("a")),
            ("account_id", Value::from("c")),
            ("timestamp", timestamp(u, now)?),
            ("type", Value::String(common::string(u)?)),
            ("data", object([("room_id", Value::String(common::string(u)?))])),
        ])
    };
    // Knock a member out or replace it.
    if u.ratio(1, 4)? {
        let key = *u.choose(&["id", "type", "timestamp", "data", "webhookType"])?;
        if let Value::Object(object) = &mut event {
            if u.ratio(1, 2)? {
                object.remove(key);
            } else {
                object.insert(key.to_owned(), common::any_json(u, 2, &[])?);
            }
        }
    }
    let mut text = String::new();
    common::json_text(u, &event, &mut text)?;
    Ok(text)
}

fn run(u: &mut Unstructured) -> Result<()> {
    let now = common::js_now(u)?;

    // 100ms: configured headers, then what arrives.
    let configured: Vec<(String, String)> = (0..u.int_in_range(0..=3usize)?)
        .map(|_| {
            let name = if u.ratio(3, 4)? {
                u.choose(&["X-Hook-Secret", "authorization", "x-a", "X_B"])?.to_string()
            } else {
                common::string(u)?
            };
            let value =
                if u.ratio(3, 4)? { u.choose(&["s3cret", "Basic dTpw", "v"])?.to_string() } else { common::string(u)? };
            Ok((name, value))
        })
        .collect::<Result<_>>()?;
    let allow_unauthenticated: bool = u.arbitrary()?;
    let window = max_age(u)?;
    match HmsWebhooks::new(&configured, window, allow_unauthenticated) {
        Err(err) => common::check_error(&err, &[ErrorCode::InvalidArgument], &format!("new {configured:?} {window:?}")),
        Ok(receiver) => {
            // Received headers: the configured ones (maybe altered) and strays, by lowercase name.
            let mut received: Vec<(String, String)> = Vec::new();
            for (name, value) in &configured {
                match u.int_in_range(0..=5u8)? {
                    0 => {}
                    1 => received.push((name.to_ascii_lowercase(), common::string(u)?)),
                    2 => received.push((name.to_ascii_lowercase(), format!("{value} "))),
                    _ => received.push((name.to_ascii_lowercase(), value.clone())),
                }
            }
            if u.ratio(1, 4)? {
                received.push((common::string(u)?, common::string(u)?));
            }
            let header = |name: &str| received.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone());
            let authentic =
                configured.iter().all(|(n, v)| header(&n.to_ascii_lowercase()).as_deref() == Some(v.as_str()));
            let text = body(u, now, false)?;
            let context = format!("hms receive {configured:?} {received:?} {text:?} window {window:?} now {now}");
            match receiver.receive(header, &text, now) {
                Ok(event) => {
                    assert!(authentic, "{context}: accepted without the secret headers");
                    let event = serde_json::to_value(&event).expect("an event is JSON");
                    for key in ["id", "type", "timestamp"] {
                        assert!(event[key].as_str().is_some_and(|s| !s.is_empty()), "{context}: `{key}`");
                    }
                    assert!(event["data"].is_object(), "{context}: data");
                    same_minus_nothing(&event, &text, HMS_OPTIONAL, &context);
                    if let Some(window) = window {
                        let at = event["timestamp"].as_str().unwrap_or_default();
                        within(at, window, now, &context);
                    }
                }
                Err(err) => {
                    common::check_error(&err, RECEIVE_CODES, &context);
                    assert_eq!(!authentic, err.code() == ErrorCode::WebhookUnauthenticated, "{context}: {err}");
                    // Only values no message's own words contain (not "hook", say) are looked for.
                    for (_, value) in &configured {
                        let carried = text.contains(value.as_str())
                            || received.iter().any(|(n, v)| n.contains(value.as_str()) || v.contains(value.as_str()));
                        if ["s3cret", "Basic dTpw"].contains(&value.as_str())
                            && !carried
                            && !err.message().contains("webhook: sent ")
                        {
                            assert!(
                                !err.message().contains(value.as_str()),
                                "{context}: a secret in {}",
                                err.message()
                            );
                        }
                    }
                }
            }
        }
    }

    // VideoSDK: the signature is WebCrypto's job; the envelope and window are ours.
    let window = max_age(u)?;
    let text = body(u, now, true)?;
    let context = format!("videosdk {text:?} window {window:?} now {now}");
    match parse_videosdk_event(&text, window, now) {
        Ok(event) => {
            let event = serde_json::to_value(&event).expect("an event is JSON");
            assert!(event["webhookType"].as_str().is_some_and(|s| !s.is_empty()), "{context}");
            assert!(event["data"].is_object(), "{context}");
            same_minus_nothing(&event, &text, &[], &context);
            assert!(window.is_none_or(|w| (1..=MAX_AGE_LIMIT_SECONDS).contains(&w)), "{context}: bad window accepted");
            // The event's own time: `end`, else `start` (as the docs of parse_videosdk_event say).
            let data = &event["data"];
            let at = data.get("end").or_else(|| data.get("start")).and_then(Value::as_str);
            if let (Some(window), Some(at)) = (window, at) {
                within(at, window, now, &context);
            }
        }
        Err(err) => common::check_error(&err, RECEIVE_CODES, &context),
    }
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let _ = run(&mut Unstructured::new(data));
});
