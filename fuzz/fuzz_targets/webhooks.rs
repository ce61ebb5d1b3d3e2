//! Webhook requests from anyone: the 100ms receiver (configured secret headers, received
//! headers, body, replay window) and `parse_videosdk_event` (body, replay window). An
//! accepted event is the body as `edgeroom::json::parse` reads it, unaltered.
#![no_main]

#[path = "../common/mod.rs"]
mod common;

use edgeroom::json::{Map, Value};
use edgeroom::webhook::{parse_videosdk_event, HmsWebhooks, MAX_AGE_LIMIT_SECONDS};
use edgeroom::ErrorCode;
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;

/// An object from its members.
fn object<const N: usize>(members: [(&str, Value); N]) -> Value {
    Value::Object(Map::from_iter(members))
}

const RECEIVE_CODES: &[ErrorCode] = &[
    ErrorCode::InvalidWebhook,
    ErrorCode::WebhookUnauthenticated,
    ErrorCode::WebhookExpired,
    ErrorCode::InvalidArgument,
];

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
    Ok(event.to_json())
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
                    for key in ["id", "type", "timestamp"] {
                        assert!(event[key].as_str().is_some_and(|s| !s.is_empty()), "{context}: `{key}`");
                    }
                    assert!(event["data"].is_object(), "{context}: data");
                    assert_eq!(Some(&event), edgeroom::json::parse(&text).ok().as_ref(), "{context}: altered");
                }
                Err(err) => {
                    common::check_error(&err, RECEIVE_CODES, &context);
                    assert_eq!(!authentic, err.code() == ErrorCode::WebhookUnauthenticated, "{context}: {err}");
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
            assert!(event["webhookType"].as_str().is_some_and(|s| !s.is_empty()), "{context}");
            assert!(event["data"].is_object(), "{context}");
            assert_eq!(Some(&event), edgeroom::json::parse(&text).ok().as_ref(), "{context}: altered");
            assert!(window.is_none_or(|w| (1..=MAX_AGE_LIMIT_SECONDS).contains(&w)), "{context}: bad window accepted");
        }
        Err(err) => common::check_error(&err, RECEIVE_CODES, &context),
    }
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let _ = run(&mut Unstructured::new(data));
});
