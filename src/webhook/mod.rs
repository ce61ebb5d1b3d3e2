//! Webhook receivers: turn an incoming webhook request into an event, or refuse it.
//!
//! Edge functions are where webhooks land, and neither provider's SDK checks them well:
//! - 100ms signs nothing; authenticity rests on the secret headers the user configures for
//!   the endpoint, compared here in constant time ([`HmsWebhooks`]).
//! - VideoSDK signs the raw body with RSA-SHA256; the wasm layer verifies that with
//!   WebCrypto (no RSA code in the .wasm) before the envelope is parsed here.
//!
//! Both get an optional replay window on the event's own timestamp. Unknown event types are
//! not errors: providers add events, and a receiver must not start failing when they do.

mod hms;
mod videosdk;

pub use hms::{HmsEvent, HmsWebhooks};
pub use videosdk::{parse_videosdk_event, VideoSdkEvent};

use crate::error::{Error, ErrorCode, Result};
use serde_json::{Map, Value};

/// The members of an event that its Rust type does not name: kept, so nothing the provider
/// sends is lost (and a member it adds never breaks a receiver).
pub type Extra = Map<String, Value>;

/// The longest replay window accepted: one day.
pub const MAX_AGE_LIMIT_SECONDS: i64 = 86_400;

fn invalid(rule: &str) -> Error {
    Error::new(ErrorCode::InvalidWebhook, format!("webhook: {rule}"))
}

/// The body as a JSON object, or `invalid_webhook`.
fn parse_object(body: &str) -> Result<Map<String, Value>> {
    match serde_json::from_str::<Value>(body) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(invalid("the body is not a JSON object")),
        Err(_) => Err(invalid("the body is not JSON")),
    }
}

/// A required string member of the envelope.
fn text<'a>(map: &'a Map<String, Value>, key: &str) -> Result<&'a str> {
    map.get(key)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .ok_or_else(|| invalid(&format!("`{key}` is missing or not a string")))
}

/// The checked envelope as its typed event; a member of the wrong type is `invalid_webhook`
/// naming its path.
fn typed<T: serde::de::DeserializeOwned>(event: Map<String, Value>) -> Result<T> {
    crate::params::deserialize(&Value::Object(event)).map_err(|e| match e.path() {
        path if path.is_empty() => invalid(&format!("the event {}", e.rule())),
        path => invalid(&format!("`{path}`: {}", e.rule())),
    })
}

/// Checks a `maxAgeSeconds` option.
pub fn check_max_age(max_age: Option<i64>) -> Result<Option<i64>> {
    match max_age {
        Some(s) if !(1..=MAX_AGE_LIMIT_SECONDS).contains(&s) => {
            Err(Error::invalid("maxAgeSeconds", format_args!("must be an integer from 1 to {MAX_AGE_LIMIT_SECONDS}")))
        }
        other => Ok(other),
    }
}

/// Refuses an event whose ISO 8601 `timestamp` lies more than `max_age` seconds from `now`
/// (either way: a clock far ahead is as suspect as a replay).
fn check_fresh(timestamp: &str, max_age: Option<i64>, now: i64) -> Result<()> {
    let Some(max_age) = max_age else { return Ok(()) };
    let at = crate::iso8601::parse(timestamp).ok_or_else(|| invalid("the timestamp is not an ISO 8601 date-time"))?;
    if (now - at).abs() > max_age {
        return Err(Error::new(
            ErrorCode::WebhookExpired,
            format!("webhook: sent {}s from now, outside the {max_age}s replay window", now - at),
        ));
    }
    Ok(())
}
