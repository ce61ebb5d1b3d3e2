//! The one place a call becomes a request: its params validated, its path arguments checked
//! and percent-encoded, its params put into the query or a JSON body. Credentials are not
//! added here: the client puts them on each attempt, so a renewed token can go on a retry.

use crate::call::{Call, Params, Spec, Validate};
use crate::error::{Error, Result};
use crate::http::{encode_component, HttpRequest, Method};
use crate::rules::identifier;
use serde_json::Value;

/// The request of `call` against `base_url` (the provider's base URL for the call's host).
pub fn build<C: Call>(call: &C, base_url: &str) -> Result<HttpRequest> {
    call.params().validate()?;
    let spec = C::SPEC;
    let params = match spec.params {
        Params::None => None,
        Params::Query | Params::Body => Some(params_value(call.params())?),
    };
    assemble(spec, base_url, &call.args(), params, call.idempotent())
}

/// The params as JSON, with every `null` dropped: JavaScript callers write
/// `{ description: maybe }` with `maybe` undefined, and an absent value is what they mean.
fn params_value(params: &impl serde::Serialize) -> Result<Value> {
    let mut value = serde_json::to_value(params).map_err(|e| Error::invalid("params", e))?;
    drop_nulls(&mut value);
    Ok(value)
}

fn drop_nulls(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.retain(|_, v| !v.is_null());
            map.values_mut().for_each(drop_nulls);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_nulls),
        _ => {}
    }
}

/// The generic part of [`build`], kept out of the per-call code.
fn assemble(
    spec: &Spec,
    base_url: &str,
    args: &[&str],
    params: Option<Value>,
    idempotent: bool,
) -> Result<HttpRequest> {
    if args.len() != spec.args.len() {
        return Err(crate::call::argument_count(spec));
    }
    let mut url = String::with_capacity(base_url.len() + spec.path.len() + 64);
    url.push_str(base_url.trim_end_matches('/'));
    let mut segments = spec.path.split("{}");
    url.push_str(segments.next().unwrap_or_default());
    for ((segment, arg), name) in segments.zip(args).zip(spec.args) {
        let arg = identifier(name, arg)?;
        if arg == "." || arg == ".." {
            // fetch() would normalise these away and address another resource.
            return Err(Error::invalid(*name, "must not be . or .."));
        }
        encode_component(arg, &mut url);
        url.push_str(segment);
    }
    let body = match (spec.params, params) {
        (Params::Query, Some(Value::Object(query))) => {
            append_query(&mut url, &query);
            None
        }
        (Params::Body, Some(body)) => Some(body.to_string()),
        _ => None,
    };
    let mut headers = vec![("accept", "application/json".to_owned())];
    if body.is_some() || spec.method == Method::Post {
        headers.push(("content-type", "application/json".to_owned()));
    }
    Ok(HttpRequest { method: spec.method, url, headers, body, idempotent })
}

fn append_query(url: &mut String, query: &serde_json::Map<String, Value>) {
    let mut separator = '?';
    let mut push = |name: &str, value: &Value| {
        url.push(separator);
        separator = '&';
        encode_component(name, url);
        url.push('=');
        match value {
            Value::String(s) => encode_component(s, url),
            other => encode_component(&other.to_string(), url),
        }
    };
    for (name, value) in query {
        match value {
            // A repeatable parameter (`type=a&type=b`), as the analytics filters are.
            Value::Array(items) => items.iter().for_each(|item| push(name, item)),
            _ => push(name, value),
        }
    }
}
