//! Requests built from arbitrary arguments: every endpoint's `build` with path arguments,
//! a query and a body that are arbitrary JSON, schema-steered JSON, or JSON text parsed
//! from the input. `build` must answer a well-formed request or an `invalid_argument`.
//!
//! A body is read back with `edgeroom::json::parse` (it must be edgeroom's canonical text,
//! `parse(body).to_json() == body`) and cross-checked with serde_json as an oracle: it reads
//! the same JSON. (A body nested deeper than the parsers' limits, possible only when the
//! caller's value already is, is exempt from reading back.)
#![no_main]

#[path = "../common/mod.rs"]
mod common;

use edgeroom::endpoint::{Body, Endpoint};
use edgeroom::http::Method;
use edgeroom::json::Value;
use edgeroom::ErrorCode;
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

const BASES: &[&str] = &["https://api.100ms.live/v2", "http://127.0.0.1:8787/x/", "https://api.videosdk.live"];

/// A query or a body: steered by the schema, free-form, or JSON text from the input.
fn payload(u: &mut Unstructured, schema: Option<&'static edgeroom::schema::Schema>) -> Result<Value> {
    Ok(match (u.int_in_range(0..=7u8)?, schema) {
        (0, _) => Value::Null,
        (1, _) => common::any_json(u, 4, &[])?,
        (2, _) => {
            let text: String = u.arbitrary()?;
            edgeroom::json::parse(&text).unwrap_or(Value::String(text))
        }
        (_, Some(schema)) => common::for_schema(u, schema, 4)?,
        (_, None) => common::any_json(u, 2, &[])?,
    })
}

fn run(u: &mut Unstructured) -> Result<()> {
    static ENDPOINTS: OnceLock<Vec<&'static Endpoint>> = OnceLock::new();
    let endpoints = ENDPOINTS.get_or_init(common::all_endpoints);
    let endpoint = *u.choose(endpoints)?;
    let base = *u.choose(BASES)?;
    let count = if u.ratio(15, 16)? { endpoint.args.len() } else { u.int_in_range(0..=4usize)? };
    let args: Vec<String> = (0..count).map(|_| common::string(u)).collect::<Result<_>>()?;
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let query = payload(u, endpoint.query)?;
    let body = match endpoint.body {
        Some(Body::List(schema, min, max)) if u.ratio(3, 4)? => {
            let n = u.int_in_range(min.saturating_sub(1)..=max + 1)?;
            Value::Array((0..n).map(|_| payload(u, Some(schema))).collect::<Result<_>>()?)
        }
        Some(Body::List(schema, ..) | Body::Object(schema)) => payload(u, Some(schema))?,
        None => payload(u, None)?,
    };
    let context = format!("{} args {args:?} query {query} body {body}", endpoint.name);

    let request = match endpoint.build(base, &args, &query, &body) {
        Ok(request) => request,
        Err(err) => {
            common::check_error(&err, &[ErrorCode::InvalidArgument], &context);
            assert!(err.field().is_some(), "{context}: invalid_argument without a field: {err}");
            return Ok(());
        }
    };
    assert_eq!(request.method, endpoint.method, "{context}");
    assert_eq!(args.len(), endpoint.args.len(), "{context}: built with the wrong argument count");
    // The URL stays under the base and is plain printable ASCII: every argument and query
    // value is percent-encoded, so nothing can add a segment, a query or a fragment.
    let base = base.trim_end_matches('/');
    assert!(request.url.starts_with(base), "{context}: url {} left the base", request.url);
    assert!(request.url.bytes().all(|b| b.is_ascii_graphic()), "{context}: url {:?} not printable ASCII", request.url);
    assert!(!request.url.contains('#'), "{context}: fragment in {}", request.url);
    let path = request.url[base.len()..].split('?').next().unwrap_or_default().to_owned();
    let segments = |p: &str| p.split('/').count();
    assert_eq!(segments(&path), segments(endpoint.path), "{context}: path {path} has extra segments");
    for segment in path.split('/') {
        assert!(segment != "." && segment != "..", "{context}: dot segment in {path}");
    }
    if endpoint.query.is_none() {
        assert!(!request.url.contains('?'), "{context}: query on an endpoint without one");
    }
    match (&request.body, endpoint.body) {
        (None, _) => {}
        (Some(text), Some(_)) => {
            let sent = match edgeroom::json::parse(text) {
                Ok(sent) => sent,
                // The writer has no depth limit; only a given value nested that deep can
                // make a body beyond the parser's.
                Err(e) if e.reason == "nested too deeply" && common::depth(&body) > 128 => return Ok(()),
                Err(e) => panic!("{context}: body {text:?} not JSON: {e:?}"),
            };
            assert_eq!(&sent.to_json(), text, "{context}: body is not canonical JSON");
            if common::depth(&sent) < 128 && !common::has_serde_number_token(&sent) {
                let theirs = serde_json::from_str::<serde_json::Value>(text)
                    .unwrap_or_else(|e| panic!("{context}: serde_json refuses body {text:?}: {e}"));
                assert!(common::same_as_serde(&sent, &theirs), "{context}: serde_json reads {text:?} as {theirs}");
            }
            // Nothing invented: each sent field was given (non-null) by the caller.
            let pairs: Vec<(&Value, &Value)> = match (&sent, &body, endpoint.body) {
                (Value::Object(_), _, Some(Body::Object(_))) => vec![(&sent, &body)],
                (Value::Array(items), Value::Array(given), Some(Body::List(_, min, max))) => {
                    assert!((min..=max).contains(&items.len()), "{context}: list of {} sent", items.len());
                    assert_eq!(items.len(), given.len(), "{context}");
                    items.iter().zip(given).collect()
                }
                _ => panic!("{context}: body {sent} does not have the declared shape"),
            };
            for (sent, given) in pairs {
                let sent = sent.as_object().unwrap_or_else(|| panic!("{context}: item not an object"));
                for (key, value) in sent {
                    let original = given.as_object().and_then(|g| g.get(key));
                    assert!(original.is_some_and(|v| !v.is_null()), "{context}: sent `{key}` that was not given");
                    assert!(!value.is_null(), "{context}: sent a null `{key}`");
                }
            }
        }
        (Some(_), None) => panic!("{context}: a body on an endpoint without one"),
    }
    if request.body.is_some() || endpoint.method == Method::Post {
        assert_eq!(request.header("content-type"), Some("application/json"), "{context}");
    }
    // Building is a pure function of the arguments.
    assert_eq!(endpoint.build(base, &args, &query, &body).ok(), Some(request), "{context}: not deterministic");
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let _ = run(&mut Unstructured::new(data));
});
