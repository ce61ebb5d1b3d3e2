//! Requests from generated JSON, shared by the `validators` fuzz target and the stable test
//! `tests/checked_params.rs`: clients, path arguments and first params, the repair of params
//! by a refusal's field and rule, and the typed reference every request by name must equal.

use arbitrary::{Result, Unstructured};
use edgeroom::by_name::ByName;
use edgeroom::call::{params_from_json, Call, Params, Spec};
use edgeroom::client::Provider;
use edgeroom::hms::{HmsClient, HmsOptions};
use edgeroom::http::HttpRequest;
use edgeroom::videosdk::{VideoSdkClient, VideoSdkOptions};
use serde_json::Value;

/// Sends of one input, the first included.
pub const ROUNDS: usize = 10;
/// Never generated: if it shows up in an error, a URL or a body, it leaked from the client.
pub const SECRET: &str = "zQ7-fuzz-client-secret-9xW";
pub const BASES: &[&str] = &["https://api.100ms.live/v2", "http://127.0.0.1:8787/x/", "https://api.videosdk.live"];
pub const AUTH_BASE: &str = "https://auth.example.test/v2/";

/// A client of each provider per base URL.
pub struct Clients {
    pub hms: Vec<HmsClient>,
    pub videosdk: Vec<VideoSdkClient>,
}

pub fn clients() -> Clients {
    Clients {
        hms: BASES
            .iter()
            .map(|base| {
                let options = HmsOptions {
                    base_url: Some(base.to_string()),
                    auth_base_url: Some(AUTH_BASE.to_owned()),
                    ..HmsOptions::default()
                };
                HmsClient::new("fuzz-access-key", SECRET, &options).expect("a valid client")
            })
            .collect(),
        videosdk: BASES
            .iter()
            .map(|base| {
                VideoSdkClient::new(
                    "fuzz-api-key",
                    SECRET,
                    &VideoSdkOptions { base_url: Some((*base).to_owned()), ..Default::default() },
                )
                .expect("a client")
            })
            .collect(),
    }
}

/// A path argument: mostly plain, sometimes anything.
pub fn argument(u: &mut Unstructured) -> Result<String> {
    if u.ratio(1, 2)? {
        Ok(u.choose(&["r1", "6284eb3f119d5dbdd03ac068", "abc-xyzw-lmno", "host"])?.to_string())
    } else {
        super::string(u)
    }
}

/// The first params: nothing, free-form JSON, JSON text from the input, or an object with a
/// member no params type declares (whose refusal lists the known ones).
pub fn first_params(u: &mut Unstructured, spec: &Spec) -> Result<Value> {
    Ok(match u.int_in_range(0..=7u8)? {
        0 => Value::Null,
        1 => super::any_json(u, 4, &[])?,
        2 => {
            let text: String = u.arbitrary()?;
            serde_json::from_str(&text).unwrap_or(Value::String(text))
        }
        3 if spec.params == Params::Body => {
            let n = u.int_in_range(0..=3usize)?;
            Value::Array((0..n).map(|_| Value::Object(super::probe())).collect())
        }
        _ => Value::Object(super::probe()),
    })
}

/// What a refusal says to change: an argument, the argument count, or the params at a path.
pub fn repair(
    u: &mut Unstructured,
    spec: &Spec,
    err: &edgeroom::Error,
    args: &mut Vec<String>,
    params: &mut Value,
) -> Result<bool> {
    let Some(field) = err.field() else { return Ok(false) };
    let rule = err.message().get(field.len() + 2..).unwrap_or_default();
    if field == "arguments" {
        args.resize(spec.args.len(), "r1".to_owned());
        args.truncate(spec.args.len());
        return Ok(true);
    }
    if let Some(i) = spec.args.iter().position(|name| *name == field) {
        args[i] = u.choose(&["r1", "a b/c?d#e&f", "é", "abc-xyzw-lmno"])?.to_string();
        return Ok(true);
    }
    let path = match field.strip_prefix("params") {
        Some(rest) if rest.is_empty() || rest.starts_with('[') => rest,
        _ => field,
    };
    let Some(mut steps) = super::parse_path(path) else { return Ok(false) };
    if rule.contains("is not a known field") {
        // The field is the unknown member itself: repair the object that holds it.
        steps.pop();
    }
    let Some(slot) = super::at_path(params, &steps) else { return Ok(false) };
    match super::value_for(u, rule, slot)? {
        Some(value) => {
            *slot = value;
            Ok(true)
        }
        None => Ok(false),
    }
}

/// A call made the typed way: its JSON params read into the call's typed params, then those
/// serialised (`Provider::request`, what a Rust caller of `CreateRoom::new(..)` gets).
pub struct TypedRequest<P> {
    pub spec: &'static Spec,
    pub build: fn(&P, Vec<String>, Value) -> edgeroom::Result<HttpRequest>,
}

fn typed_request<C: Call>(client: &C::Provider, args: Vec<String>, params: Value) -> edgeroom::Result<HttpRequest>
where
    C::Provider: Provider,
{
    if C::SPEC.params == Params::None && !params.is_null() {
        return Err(edgeroom::Error::invalid("params", format_args!("{} takes no params", C::SPEC.name)));
    }
    client.request(&C::from_parts(args, params_from_json(params)?)?)
}

macro_rules! typed_requests {
    ($($call:ty),* $(,)?) => { &[$(TypedRequest { spec: <$call as Call>::SPEC, build: typed_request::<$call> }),*] };
}

/// Every 100ms call, the typed way.
pub static HMS_TYPED: &[TypedRequest<HmsClient>] = edgeroom::for_each_hms_call!(typed_requests);
/// Every VideoSDK call, the typed way.
pub static VIDEOSDK_TYPED: &[TypedRequest<VideoSdkClient>] = edgeroom::for_each_videosdk_call!(typed_requests);

/// The request of `name` by name (the checked JSON forwarded: what the npm package and
/// dynamic callers use) and the typed way, which must agree: the same error (code, field,
/// message), or the same request (method, URL, headers, retry rule, and the same JSON body,
/// numbers compared by value: the typed way writes an `f64` field's `2` as `2.0`).
pub fn both_ways<P: ByName>(
    client: &P,
    typed: &[TypedRequest<P>],
    name: &str,
    args: &[String],
    params: &Value,
) -> edgeroom::Result<HttpRequest> {
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let by_name = client.request_by_name(name, &refs, params.clone());
    let Some(reference) = typed.iter().find(|t| t.spec.name == name) else {
        assert!(by_name.is_err(), "{name}: built by name but not declared");
        return by_name;
    };
    let context = format!("{name} args {args:?} params {params}");
    match (&by_name, (reference.build)(client, args.to_vec(), params.clone())) {
        (Err(a), Err(b)) => assert_eq!(
            (a.code(), a.field(), a.message()),
            (b.code(), b.field(), b.message()),
            "{context}: by name and typed refuse differently"
        ),
        (Ok(a), Ok(b)) => {
            assert_eq!(
                (a.method, &a.url, &a.headers, a.idempotent),
                (b.method, &b.url, &b.headers, b.idempotent),
                "{context}"
            );
            let body = |r: &HttpRequest| {
                r.body.as_deref().map(|t| numbers_as_f64(serde_json::from_str(t).expect("a JSON body")))
            };
            assert_eq!(body(a), body(&b), "{context}: bodies by name {:?} and typed {:?}", a.body, b.body);
        }
        (a, b) => panic!("{context}: by name {a:?}, typed {b:?}"),
    }
    by_name
}

/// `value` with every number as an `f64`, so `2` and `2.0` compare equal.
fn numbers_as_f64(value: Value) -> Value {
    match value {
        Value::Number(n) => n.as_f64().map_or(Value::Number(n), Value::from),
        Value::Array(items) => Value::Array(items.into_iter().map(numbers_as_f64).collect()),
        Value::Object(members) => Value::Object(members.into_iter().map(|(k, v)| (k, numbers_as_f64(v))).collect()),
        other => other,
    }
}
