//! Answers from a hostile server: status + body → `edgeroom::reply::read` for the `Reply`
//! shape of a declared call of either provider, then `edgeroom::reply::typed` of that call's
//! `Response` on the text `read` returned; and `retry_after_ms` on the body's first line.
//! (This replaces the old `json` target: edgeroom has no JSON parser of its own any more;
//! serde_json is both what it reads with and the oracle here.)
//!
//! Input layout: [call] [status selector] [status hi] [status lo] then the body. Selector
//! bit 0x80: the status is hi/lo as given, else one of `STATUSES`; bit 0x40: the rest drives
//! a generator of a body in the call's shape (the members it reads, any values, written with
//! odd whitespace, duplicate keys and number spellings), else the rest is the body. The
//! body's first line (up to 64 bytes) doubles as a `Retry-After` header value.
//!
//! Checks, against the body as serde_json reads it:
//! - nothing panics, and `read` is a pure function of the answer;
//! - non-2xx: the status's code (`api_error` gives the same error), status kept, body kept
//!   whole, the message `HTTP <status>`, then the provider's message if it had one;
//! - 2xx and not JSON: `invalid_response` with status and raw body, except `Reply::Empty`
//!   (then `null`);
//! - 2xx and JSON: `read` succeeds exactly when the shape holds (`Object(required)`: an
//!   object whose required members are strings; `Items`: `data` absent, null or an array;
//!   `First`: `data` a non-empty array, `not_found` when absent, null or empty; `Member`:
//!   the member an object; `Data(required)`: `data` an object with the required strings;
//!   `Json`: always; `Empty`: always; `Page`: checked one way), and what it returns is valid
//!   JSON taken from the body unaltered (the whole object, `data`, its first item, the
//!   member); a page is exactly `{items, next}` with `items` an array (the body's `data` or
//!   `events`, or the session's participants) and `next` null or `{start: non-empty}` /
//!   `{page: n}` with n = currentPage + 1 ≤ lastPage and ≤ MAX_PAGE + 1;
//! - `typed::<C::Response>` on that text never panics; its error is `invalid_response` with
//!   the status and the text. Each refusal's path and message repair the text (a missing
//!   field given, a wrong kind replaced) and `typed` runs again, up to `ROUNDS` times, so the
//!   fuzzer reaches the members of every answer type without a schema.
#![no_main]

#[path = "../common/mod.rs"]
mod common;

use common::TypedCall;
use edgeroom::client::retry_after_ms;
use edgeroom::http::HttpResponse;
use edgeroom::reply::{Paging, Reply, MAX_PAGE};
use edgeroom::ErrorCode;
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use serde::de::IgnoredAny;
use serde_json::{Map, Value};
use std::sync::OnceLock;

const STATUSES: &[u16] = &[
    200, 201, 202, 204, 299, 300, 304, 400, 401, 402, 403, 404, 409, 429, 500, 502, 503, 504, 100, 199, 0, 599, 65535,
];
/// `typed` runs on one input, the first included.
const ROUNDS: usize = 8;
/// Member names the answers of both providers use, for generated bodies.
const KEYS: &[&str] = &[
    "id",
    "name",
    "room_id",
    "roomId",
    "meetingId",
    "sessionId",
    "participantId",
    "peer_id",
    "user_id",
    "role",
    "enabled",
    "active",
    "status",
    "type",
    "created_at",
    "updated_at",
    "start",
    "end",
    "data",
    "participants",
    "peers",
    "links",
    "file",
    "size",
    "duration",
    "url",
    "message",
];

fn object(members: impl IntoIterator<Item = (String, Value)>) -> Value {
    Value::Object(Map::from_iter(members))
}

/// Some members from `KEYS`, and the `required` ones as strings (mostly).
fn members(u: &mut Unstructured, required: &[&str]) -> Result<Map<String, Value>> {
    let mut map = match common::any_json(u, 3, KEYS)? {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    for key in required {
        if u.ratio(7, 8)? {
            let value = if u.ratio(7, 8)? { Value::String(common::string(u)?) } else { common::any_json(u, 1, &[])? };
            map.insert((*key).to_owned(), value);
        }
    }
    Ok(map)
}

fn items(u: &mut Unstructured) -> Result<Value> {
    Ok(match u.int_in_range(0..=7u8)? {
        0 => Value::Null,
        1 => common::any_json(u, 1, &[])?,
        _ => {
            let n = u.int_in_range(0..=3usize)?;
            Value::Array((0..n).map(|_| members(u, &[]).map(Value::Object)).collect::<Result<_>>()?)
        }
    })
}

fn page_info(u: &mut Unstructured) -> Result<Value> {
    let number = |u: &mut Unstructured| -> Result<Value> {
        Ok(match u.int_in_range(0..=4u8)? {
            0 => common::number(u)?,
            1 => Value::from(u.choose(&[MAX_PAGE - 1, MAX_PAGE, MAX_PAGE + 1, u64::MAX])?.to_owned()),
            _ => Value::from(u.int_in_range(0..=5u64)?),
        })
    };
    let current = number(u)?;
    let last = number(u)?;
    Ok(object([("currentPage".to_owned(), current), ("lastPage".to_owned(), last)]))
}

/// A body in the shape `reply` reads, mostly.
fn shaped(u: &mut Unstructured, reply: Reply) -> Result<Value> {
    let with = |u: &mut Unstructured, key: &str, value: Value| -> Result<Value> {
        let mut map = members(u, &[])?;
        map.insert(key.to_owned(), value);
        Ok(Value::Object(map))
    };
    let cursor = |u: &mut Unstructured| -> Result<Value> {
        Ok(match u.int_in_range(0..=3u8)? {
            0 => Value::Null,
            1 => Value::from(""),
            2 => common::any_json(u, 1, &[])?,
            _ => Value::String(common::string(u)?),
        })
    };
    Ok(match reply {
        Reply::Object(required) => Value::Object(members(u, required)?),
        Reply::Items | Reply::First(_) => {
            let data = items(u)?;
            with(u, "data", data)?
        }
        Reply::Member(key) => {
            let member = Value::Object(members(u, &[])?);
            with(u, key, member)?
        }
        Reply::Data(required) => {
            let data = Value::Object(members(u, required)?);
            with(u, "data", data)?
        }
        Reply::Page(paging) => {
            let mut map = members(u, &[])?;
            match paging {
                Paging::DataLast => {
                    map.insert("data".to_owned(), items(u)?);
                    map.insert("last".to_owned(), cursor(u)?);
                }
                Paging::EventsNext => {
                    map.insert("events".to_owned(), items(u)?);
                    map.insert("next".to_owned(), cursor(u)?);
                }
                Paging::PageNumberIn(key) => {
                    map.insert("pageInfo".to_owned(), page_info(u)?);
                    map.insert(key.to_owned(), items(u)?);
                }
                Paging::PageNumber | Paging::SessionParticipants => {
                    map.insert("pageInfo".to_owned(), page_info(u)?);
                    let mut data = items(u)?;
                    if paging == Paging::SessionParticipants {
                        let mut session = members(u, &[])?;
                        session.insert("participants".to_owned(), data);
                        data = Value::Object(session);
                        if u.ratio(1, 3)? {
                            data = Value::Array(vec![data]);
                        }
                    }
                    map.insert("data".to_owned(), data);
                }
                _ => unreachable!("a reply shape this target does not generate"),
            }
            Value::Object(map)
        }
        Reply::Json | Reply::Empty => common::any_json(u, 4, KEYS)?,
        _ => unreachable!("a reply shape this target does not generate"),
    })
}

/// A member as the shape reads it: absent and `null` are alike.
fn member<'a>(body: &'a Value, key: &str) -> Option<&'a Value> {
    body.get(key).filter(|v| !v.is_null())
}

fn is_array_or_absent(body: &Value, key: &str) -> bool {
    member(body, key).is_none_or(Value::is_array)
}

fn strings(object: &Value, required: &[&str]) -> bool {
    object.is_object() && required.iter().all(|key| object.get(*key).is_some_and(Value::is_string))
}

/// Checks what `read` answered for a 2xx `body` (as serde_json reads it, None if not JSON).
fn check_read(call: &TypedCall, body: Option<&Value>, result: &edgeroom::Result<String>, context: &str) {
    let reply = call.spec.reply;
    let Some(body) = body else {
        match (reply, result) {
            (Reply::Empty, Ok(text)) => assert_eq!(text, "null", "{context}: empty reply of non-JSON"),
            (_, Err(err)) => assert_eq!(err.code(), ErrorCode::InvalidResponse, "{context}: not JSON"),
            (_, Ok(text)) => panic!("{context}: a body that is not JSON read as {text}"),
        }
        return;
    };
    // Whether the shape holds, where it is simple enough to say.
    let expected_ok = match reply {
        Reply::Json | Reply::Empty => Some(true),
        Reply::Object(required) => Some(strings(body, required)),
        Reply::Items => Some(body.is_object() && is_array_or_absent(body, "data")),
        Reply::First(_) => Some(body.get("data").and_then(Value::as_array).is_some_and(|d| !d.is_empty())),
        Reply::Member(key) => Some(body.get(key).is_some_and(Value::is_object)),
        Reply::Data(required) => Some(body.get("data").is_some_and(|d| strings(d, required))),
        Reply::Page(Paging::DataLast) => Some(
            body.is_object() && is_array_or_absent(body, "data") && member(body, "last").is_none_or(Value::is_string),
        ),
        Reply::Page(Paging::EventsNext) => Some(
            body.is_object() && is_array_or_absent(body, "events") && member(body, "next").is_none_or(Value::is_string),
        ),
        Reply::Page(_) => None,
        _ => unreachable!("a reply shape this target does not generate"),
    };
    let text = match result {
        Ok(text) => text,
        Err(err) => {
            let not_found = matches!(reply, Reply::First(_))
                && body.is_object()
                && is_array_or_absent(body, "data")
                && body.get("data").and_then(Value::as_array).is_none_or(Vec::is_empty);
            let code = if not_found { ErrorCode::NotFound } else { ErrorCode::InvalidResponse };
            common::check_error(err, &[code], context);
            assert_ne!(expected_ok, Some(true), "{context}: refused a body of the right shape: {}", err.message());
            return;
        }
    };
    assert_ne!(expected_ok, Some(false), "{context}: accepted a body of the wrong shape as {text}");
    let value: Value =
        serde_json::from_str(text).unwrap_or_else(|e| panic!("{context}: read returned {text:?}, not JSON: {e}"));
    let empty = Value::Array(Vec::new());
    match reply {
        Reply::Object(_) | Reply::Json => assert_eq!(&value, body, "{context}: altered"),
        Reply::Empty => assert_eq!(&value, body, "{context}: altered"),
        Reply::Items => assert_eq!(&value, member(body, "data").unwrap_or(&empty), "{context}: items are not `data`"),
        Reply::First(_) => assert_eq!(Some(&value), body["data"].get(0), "{context}: not the first of `data`"),
        Reply::Member(key) => assert_eq!(Some(&value), body.get(key), "{context}: not member `{key}`"),
        Reply::Data(_) => assert_eq!(Some(&value), body.get("data"), "{context}: not `data`"),
        Reply::Page(paging) => {
            let page = value.as_object().unwrap_or_else(|| panic!("{context}: page not an object"));
            assert_eq!(page.len(), 2, "{context}: page has exactly items and next");
            let items = &page["items"];
            assert!(items.is_array(), "{context}: items not an array");
            let source = match paging {
                Paging::DataLast | Paging::PageNumber => member(body, "data"),
                Paging::EventsNext => member(body, "events"),
                Paging::PageNumberIn(key) => member(body, key),
                Paging::SessionParticipants => {
                    let data = member(body, "data");
                    let session = match data {
                        Some(Value::Array(sessions)) => sessions.first(),
                        other => other,
                    };
                    session.and_then(|s| member(s, "participants"))
                }
                _ => unreachable!("a reply shape this target does not generate"),
            };
            assert_eq!(items, source.unwrap_or(&empty), "{context}: items are not the body's");
            match (&page["next"], paging) {
                (Value::Null, _) => {}
                (Value::Object(next), Paging::DataLast | Paging::EventsNext) => {
                    assert_eq!(next.len(), 1, "{context}");
                    let key = if paging == Paging::DataLast { "last" } else { "next" };
                    assert!(next["start"].as_str().is_some_and(|s| !s.is_empty()), "{context}: empty cursor");
                    assert_eq!(Some(&next["start"]), body.get(key), "{context}: cursor is not `{key}`");
                }
                (Value::Object(next), Paging::PageNumber | Paging::PageNumberIn(_) | Paging::SessionParticipants) => {
                    assert_eq!(next.len(), 1, "{context}");
                    let page = next["page"].as_u64().unwrap_or_else(|| panic!("{context}: page number"));
                    let info = &body["pageInfo"];
                    let (current, last) = match info {
                        Value::Array(pair) => (pair.first(), pair.get(1)),
                        _ => (info.get("currentPage"), info.get("lastPage")),
                    };
                    let current = current.and_then(Value::as_u64).unwrap_or_else(|| panic!("{context}: currentPage"));
                    let last = last.and_then(Value::as_u64).unwrap_or_else(|| panic!("{context}: lastPage"));
                    assert!(page == current + 1 && page <= last && page <= MAX_PAGE + 1, "{context}: next page {page}");
                }
                (other, _) => panic!("{context}: next is {other}"),
            }
        }
        _ => unreachable!("a reply shape this target does not generate"),
    }
}

/// Repairs `value` by `typed`'s refusal (`<path>: <serde message>`); false if it cannot.
fn repair(u: &mut Unstructured, message: &str, value: &mut Value) -> Result<bool> {
    let rule = message.strip_prefix("the response is not the documented JSON: ").unwrap_or(message);
    // serde_json's position suffix is not part of the rule.
    let rule = rule.split(" at line ").next().unwrap_or(rule);
    let (path, rule) = match rule.split_once(": ") {
        Some((path, rule)) if !path.contains(' ') => (path, rule),
        _ => (".", rule),
    };
    let Some(mut steps) = common::parse_path(path) else { return Ok(false) };
    if let Some(rest) = rule.strip_prefix("missing field `") {
        let name = rest.split('`').next().unwrap_or_default();
        steps.push(common::Step::Key(name.to_owned()));
    }
    let Some(slot) = common::at_path(value, &steps) else { return Ok(false) };
    let rule = if rule.starts_with("missing field") {
        // Any value: the next refusal names the kind it must be.
        "is required"
    } else {
        rule.rsplit_once("expected ").map_or(rule, |(_, expected)| expected)
    };
    let rule = format!("must be {rule}");
    match common::value_for(u, &rule, slot)? {
        Some(new) if &new != slot => {
            *slot = new;
            Ok(true)
        }
        _ => Ok(false),
    }
}

fn run(data: &[u8]) -> Result<()> {
    static CALLS: OnceLock<Vec<&'static TypedCall>> = OnceLock::new();
    let calls = CALLS.get_or_init(|| common::all_calls().collect());
    let [pick, selector, hi, lo, rest @ ..] = data else { return Ok(()) };
    let call = calls[usize::from(*pick) % calls.len()];
    let status = if selector & 0x80 == 0 {
        STATUSES[usize::from(selector & 0x3f) % STATUSES.len()]
    } else {
        u16::from_be_bytes([*hi, *lo])
    };
    let mut u = Unstructured::new(rest);
    let body = if selector & 0x40 != 0 {
        let value = shaped(&mut u, call.spec.reply)?;
        let mut text = String::new();
        common::json_text(&mut u, &value, &mut text)?;
        text
    } else {
        String::from_utf8_lossy(rest).into_owned()
    };
    let first_line: String = body.lines().next().unwrap_or_default().chars().take(64).collect();
    let response = HttpResponse { status, headers: vec![("retry-after".to_owned(), first_line)], body };

    // Retry-After: seconds or an HTTP date, against a few clocks; never panics.
    for now in [0, 1_700_000_000, -8_640_000_000_000, 8_640_000_000_000, i64::MIN, i64::MAX] {
        let _ = retry_after_ms(&response, now);
    }

    let context = format!("{} ({:?}) status {status} body {:?}", call.spec.name, call.spec.reply, response.body);
    let result = edgeroom::reply::read(call.spec.reply, &response);
    assert_eq!(edgeroom::reply::read(call.spec.reply, &response), result, "{context}: not deterministic");
    if !(200..300).contains(&status) {
        let err = result.expect_err("a non-2xx answer must be an error");
        common::check_error(&err, &[ErrorCode::for_status(status)], &context);
        assert_eq!(err, edgeroom::reply::api_error(&response), "{context}: read and api_error differ");
        assert_eq!(err.status(), Some(status), "{context}");
        assert!(err.message().starts_with(&format!("HTTP {status}")), "{context}: {}", err.message());
        let body = (!response.body.is_empty()).then_some(response.body.as_str());
        assert_eq!(err.body(), body, "{context}: body kept whole");
        let provider = serde_json::from_str::<Value>(&response.body).ok();
        let said = provider
            .as_ref()
            .and_then(|p| [&p["message"], &p["error"]].into_iter().find_map(|m| m.as_str().filter(|s| !s.is_empty())));
        // A member named twice makes the provider's whole error body unreadable to
        // `api_error` (serde's "duplicate field"), so the message is then not looked for.
        let once = |name: &str| response.body.matches(&format!("\"{name}\"")).count() <= 1;
        let plain = !response.body.contains("\\u") && ["message", "error", "details"].into_iter().all(once);
        if let (Some(said), true) = (said, plain) {
            assert!(err.message().contains(said), "{context}: the provider's message is lost: {}", err.message());
        }
        return Ok(());
    }
    // JSON by the grammar (what `read` checks), and as a `Value` (which also refuses `\ud800`
    // and other lone surrogates, that the grammar and JavaScript's JSON.parse allow).
    let grammatical = serde_json::from_str::<IgnoredAny>(&response.body).is_ok();
    let parsed = serde_json::from_str::<Value>(&response.body).ok();
    if let Err(err) = &result {
        if err.code() == ErrorCode::InvalidResponse {
            assert_eq!(err.body(), Some(response.body.as_str()), "{context}: raw body kept");
            assert_eq!(err.status(), Some(status), "{context}");
        }
    }
    if grammatical && parsed.is_none() {
        // Nothing to compare with: what it returns is still JSON by the grammar.
        match &result {
            Ok(text) => assert!(serde_json::from_str::<IgnoredAny>(text).is_ok(), "{context}: returned {text:?}"),
            Err(err) => common::check_error(err, &[ErrorCode::InvalidResponse, ErrorCode::NotFound], &context),
        }
    } else {
        check_read(call, parsed.as_ref(), &result, &context);
    }
    let Ok(text) = result else { return Ok(()) };

    // The typed answer, repaired by each refusal.
    let mut text = text;
    for round in 0..ROUNDS {
        let context = format!("{} typed round {round} text {text:?}", call.spec.name);
        match (call.typed)(status, &text) {
            Ok(()) => break,
            Err(err) => {
                common::check_error(&err, &[ErrorCode::InvalidResponse], &context);
                assert_eq!(err.status(), Some(status), "{context}");
                assert_eq!(err.body(), Some(text.as_str()), "{context}: text kept");
                let Ok(mut value) = serde_json::from_str::<Value>(&text) else { break };
                if !repair(&mut u, err.message(), &mut value)? {
                    break;
                }
                text = value.to_string();
            }
        }
    }
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let _ = run(data);
});
