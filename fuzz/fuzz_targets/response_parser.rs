//! Answers from a hostile server: bytes → status + headers + body → `Endpoint::parse` of an
//! endpoint of either provider (chosen by the first byte), and `retry_after_ms`.
//!
//! Input layout: [endpoint] [status selector] [status hi] [status lo] then the body. The
//! body's first line (up to 64 bytes) doubles as a `Retry-After` header value.
//!
//! Beyond the shape checks: a 2xx body that `edgeroom::json::parse` refuses is always
//! `invalid_response` (or null for `Reply::Empty`), and the answer is taken from the parsed
//! body unaltered (`Json`/`Object` whole, `Items` its `data`, `Member` its member).
#![no_main]

#[path = "../common/mod.rs"]
mod common;

use edgeroom::client::retry_after_ms;
use edgeroom::endpoint::{Paging, Reply};
use edgeroom::http::HttpResponse;
use edgeroom::json::Value;
use edgeroom::ErrorCode;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

const STATUSES: &[u16] = &[
    200, 201, 202, 204, 299, 300, 304, 400, 401, 402, 403, 404, 409, 429, 500, 502, 503, 504, 100, 199, 0, 599, 65535,
];

fuzz_target!(|data: &[u8]| {
    static ENDPOINTS: OnceLock<Vec<&'static edgeroom::endpoint::Endpoint>> = OnceLock::new();
    let endpoints = ENDPOINTS.get_or_init(common::all_endpoints);
    let [pick, selector, hi, lo, body @ ..] = data else { return };
    let endpoint = endpoints[usize::from(*pick) % endpoints.len()];
    let status = if selector & 0x80 == 0 {
        STATUSES[usize::from(*selector) % STATUSES.len()]
    } else {
        u16::from_be_bytes([*hi, *lo])
    };
    let body = String::from_utf8_lossy(body).into_owned();
    let first_line: String = body.lines().next().unwrap_or_default().chars().take(64).collect();
    let response = HttpResponse { status, headers: vec![("retry-after".to_owned(), first_line)], body };

    // Retry-After: seconds or an HTTP date, against a few clocks; never panics.
    for now in [0, 1_700_000_000, -8_640_000_000_000, 8_640_000_000_000] {
        let _ = retry_after_ms(&response, now);
    }

    let context = format!("{} status {status} body {:?}", endpoint.name, response.body);
    let result = endpoint.parse(&response);
    if !(200..300).contains(&status) {
        let err = result.expect_err("a non-2xx answer must be an error");
        common::check_error(&err, &[ErrorCode::for_status(status)], &context);
        assert_eq!(err.status(), Some(status), "{context}");
        assert_eq!(
            err.body(),
            (!response.body.is_empty()).then_some(response.body.as_str()),
            "{context}: body kept whole"
        );
        return;
    }
    let parsed = edgeroom::json::parse(&response.body).ok();
    if parsed.is_none() && endpoint.reply != Reply::Empty {
        let err = result.as_ref().expect_err("a body that is not JSON must be refused");
        assert_eq!(err.code(), ErrorCode::InvalidResponse, "{context}: not JSON");
    }
    let value = match result {
        Ok(value) => value,
        Err(err) => {
            let allowed: &[ErrorCode] = match endpoint.reply {
                Reply::First(_) => &[ErrorCode::InvalidResponse, ErrorCode::NotFound],
                _ => &[ErrorCode::InvalidResponse],
            };
            common::check_error(&err, allowed, &context);
            if err.code() == ErrorCode::InvalidResponse {
                assert_eq!(err.body(), Some(response.body.as_str()), "{context}: raw body kept");
                assert_eq!(err.status(), Some(status), "{context}");
            }
            return;
        }
    };
    // What a successful parse promises, by reply shape.
    match endpoint.reply {
        Reply::Object(keys) => {
            let object = value.as_object().unwrap_or_else(|| panic!("{context}: not an object"));
            for key in keys {
                assert!(object.get(*key).is_some_and(Value::is_string), "{context}: `{key}` not a string");
            }
            assert_eq!(parsed.as_ref(), Some(&value), "{context}: object altered");
        }
        Reply::Items => {
            assert!(value.as_array().is_some(), "{context}: items not an array");
            let data = parsed.as_ref().map(|p| &p["data"]).unwrap_or_else(|| panic!("{context}: parsed non-JSON"));
            if !data.is_null() {
                assert_eq!(data, &value, "{context}: items are not `data`");
            }
        }
        Reply::Page(paging) => {
            let page = value.as_object().unwrap_or_else(|| panic!("{context}: page not an object"));
            assert_eq!(page.len(), 2, "{context}: page has exactly items and next");
            assert!(page["items"].as_array().is_some(), "{context}: items not an array");
            match (&page["next"], paging) {
                (Value::Null, _) => {}
                (Value::Object(next), Paging::DataLast | Paging::EventsNext) => {
                    assert_eq!(next.len(), 1, "{context}");
                    assert!(next["start"].as_str().is_some_and(|s| !s.is_empty()), "{context}: empty cursor");
                }
                (Value::Object(next), Paging::PageNumber) => {
                    assert_eq!(next.len(), 1, "{context}");
                    assert!(next["page"].as_u64().is_some_and(|p| p >= 1), "{context}: page number");
                }
                (other, _) => panic!("{context}: next is {other}"),
            }
        }
        Reply::First(_) => {
            let first = parsed.as_ref().map(|p| &p["data"][0]).unwrap_or_else(|| panic!("{context}: parsed non-JSON"));
            assert_eq!(first, &value, "{context}: not the first of `data`");
        }
        Reply::Member(key) => {
            assert!(value.is_object(), "{context}: member not an object");
            assert_eq!(parsed.as_ref().map(|p| &p[key]), Some(&value), "{context}: not member `{key}`");
        }
        Reply::Json => assert_eq!(parsed.as_ref(), Some(&value), "{context}: JSON altered"),
        Reply::Empty => {
            let expected = parsed.clone().unwrap_or(Value::Null);
            assert!(value == expected || value.is_null(), "{context}: empty reply is {value}");
        }
    }
    // Parsing is a pure function of the answer.
    assert_eq!(endpoint.parse(&response).ok(), Some(value), "{context}: not deterministic");
});
