//! Requests from arbitrary JSON: every declared call of both providers, by name through
//! `ByName::request_by_name`, with path arguments and `serde_json::Value` params generated
//! from the input. With no schema to steer by, each input is a short dialogue: the params
//! are sent, and each refusal's field and rule repair them (a missing field is given, a
//! wrong kind replaced, an unknown member dropped for a known one from the error's list, a
//! range's bounds tried) and they are sent again, up to `ROUNDS` times. Every attempt is
//! checked:
//!
//! - it never panics, and building is a pure function of its input;
//! - an error is `invalid_argument` with a field, its message starting with the field;
//! - a success is a request of the call's method whose URL is the base URL (the auth base
//!   URL for the room-code exchange) followed by the call's path with each path argument
//!   percent-encoded exactly as RFC 3986's unreserved set allows (so nothing adds a segment,
//!   a query or a fragment), printable ASCII throughout; the arguments were identifiers
//!   (non-empty, at most 256 bytes, no control character) and not `.`/`..`; a query only on
//!   a query call, well-formed (`name=value` pairs of unreserved characters and `%XX`); a
//!   body only on a body call, valid JSON (serde_json) with no `null` member, an object or an
//!   array; `content-type: application/json` with a body or on a POST;
//! - the client's secret appears in no error message, URL or body (unless the input itself
//!   carried it);
//! - by name (the checked JSON forwarded as given) and the typed way (the JSON read into the
//!   typed params, which are serialised) give the same request or the same error
//!   (`common::requests::both_ways`; `tests/checked_params.rs` runs the same on stable).
#![no_main]

#[path = "../common/mod.rs"]
mod common;

use common::requests::{
    argument, both_ways, clients, first_params, repair, Clients, AUTH_BASE, BASES, HMS_TYPED, ROUNDS, SECRET,
    VIDEOSDK_TYPED,
};
use edgeroom::call::{Host, Params, Spec};
use edgeroom::http::{HttpRequest, Method};
use edgeroom::ErrorCode;
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

thread_local! {
    /// The clients hold a token cache (a `RefCell`): one set per thread.
    static CLIENTS: Clients = clients();
}

/// Whether `text` is `name=value` pairs joined by `&`, each of unreserved characters and `%XX`.
fn well_formed_query(text: &str) -> bool {
    let encoded = |part: &str| {
        let bytes = part.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'%' if bytes.get(i + 1..i + 3).is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)) => i += 3,
                b if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) => i += 1,
                _ => return false,
            }
        }
        true
    };
    text.split('&').all(|pair| pair.split_once('=').is_some_and(|(name, value)| encoded(name) && encoded(value)))
}

fn check_request(spec: &Spec, base: &str, args: &[String], params: &Value, request: &HttpRequest, context: &str) {
    assert_eq!(request.method, spec.method, "{context}");
    assert_eq!(args.len(), spec.args.len(), "{context}: built with the wrong argument count");
    for arg in args {
        let identifier = !arg.is_empty() && arg.len() <= 256 && !arg.chars().any(char::is_control);
        assert!(identifier && arg != "." && arg != "..", "{context}: argument {arg:?} accepted");
    }
    // The URL: the base, then the path with each argument percent-encoded.
    let base = match spec.host {
        Host::Api => base,
        Host::Auth => AUTH_BASE,
        other => panic!("{context}: a host this target does not know: {other:?}"),
    };
    let mut expected = base.trim_end_matches('/').to_owned();
    let mut segments = spec.path.split("{}");
    expected.push_str(segments.next().unwrap_or_default());
    for (segment, arg) in segments.zip(args) {
        expected.push_str(&common::percent_encode(arg));
        expected.push_str(segment);
    }
    let (path, query) = request.url.split_once('?').map_or((request.url.as_str(), None), |(p, q)| (p, Some(q)));
    assert_eq!(path, expected, "{context}: URL path");
    assert!(request.url.bytes().all(|b| b.is_ascii_graphic()), "{context}: url {:?} not printable ASCII", request.url);
    assert!(!request.url.contains('#'), "{context}: fragment in {}", request.url);
    if let Some(query) = query {
        assert_eq!(spec.params, Params::Query, "{context}: a query on a {:?} call", spec.params);
        assert!(well_formed_query(query), "{context}: query {query:?}");
    }
    match &request.body {
        None => {}
        Some(text) => {
            assert_eq!(spec.params, Params::Body, "{context}: a body on a {:?} call", spec.params);
            let body: Value =
                serde_json::from_str(text).unwrap_or_else(|e| panic!("{context}: body {text:?} is not JSON: {e}"));
            assert!(body.is_object() || body.is_array(), "{context}: body {text}");
            // Only absent optional fields are left out: a null is sent where the caller gave
            // one (inside a free-form map, a member passed through), never made up.
            let given = common::null_paths(params);
            let made_up = common::null_paths(&body).into_iter().find(|path| !given.contains(path));
            assert!(made_up.is_none(), "{context}: a null member at {made_up:?} that was not given, in {text}");
        }
    }
    if request.body.is_some() || spec.method == Method::Post {
        assert_eq!(request.header("content-type"), Some("application/json"), "{context}");
    }
}

fn run(u: &mut Unstructured, clients: &Clients) -> Result<()> {
    let hms = u.arbitrary::<bool>()?;
    let which = u.choose_index(BASES.len())?;
    let calls = if hms { edgeroom::hms::CALLS } else { edgeroom::videosdk::CALLS };
    let spec: &Spec = calls[u.choose_index(calls.len())?];
    let name = if u.ratio(1, 64)? { common::string(u)? } else { spec.name.to_owned() };
    let count = if u.ratio(15, 16)? { spec.args.len() } else { u.int_in_range(0..=4usize)? };
    let mut args: Vec<String> = (0..count).map(|_| argument(u)).collect::<Result<_>>()?;
    let mut params = first_params(u, spec)?;

    for round in 0..ROUNDS {
        // By name (the checked JSON forwarded) and the typed way (the typed params
        // serialised): `both_ways` asserts they agree.
        let build = |params: Value| {
            if hms {
                both_ways(&clients.hms[which], HMS_TYPED, &name, &args, &params)
            } else {
                both_ways(&clients.videosdk[which], VIDEOSDK_TYPED, &name, &args, &params)
            }
        };
        let context = format!("{name} round {round} args {args:?} params {params}");
        let given = format!("{name}{args:?}{params}");
        let result = build(params.clone());
        assert_eq!(build(params.clone()), result, "{context}: not deterministic");
        match &result {
            Ok(request) => {
                assert_eq!(name, spec.name, "{context}: an unknown name built a request");
                check_request(spec, BASES[which], &args, &params, request, &context);
                if !given.contains(SECRET) {
                    let leaked =
                        request.url.contains(SECRET) || request.body.as_deref().is_some_and(|b| b.contains(SECRET));
                    assert!(!leaked, "{context}: the secret is in the request");
                }
            }
            Err(err) => {
                common::check_error(err, &[ErrorCode::InvalidArgument], &context);
                assert!(err.field().is_some(), "{context}: invalid_argument without a field: {}", err.message());
                if !given.contains(SECRET) {
                    assert!(!err.message().contains(SECRET), "{context}: the secret is in {}", err.message());
                }
            }
        }
        // Explore a little further than the first success: drop or replace a member.
        let go_on = match result {
            Err(err) => repair(u, spec, &err, &mut args, &mut params)?,
            Ok(_) => match &mut params {
                Value::Object(map) if !map.is_empty() && u.ratio(1, 2)? => {
                    let key = map.keys().nth(u.choose_index(map.len())?).cloned().unwrap_or_default();
                    let value = common::any_json(u, 2, &[])?;
                    map.insert(key, value);
                    true
                }
                _ => false,
            },
        };
        if !go_on {
            break;
        }
    }
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    CLIENTS.with(|clients| {
        let _ = run(&mut Unstructured::new(data), clients);
    });
});
