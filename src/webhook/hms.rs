//! 100ms webhooks: `{version, id, app_id, account_id, timestamp, type, data}`, authenticated
//! by the custom headers configured for the endpoint (a shared secret or basic auth).

use super::{check_fresh, invalid, parse_object, text, typed, Extra};
use crate::error::{Error, ErrorCode, Result};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// A 100ms webhook event. Its type is kept as sent: 100ms adds event types, and a receiver
/// must not start failing when it does.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct HmsEvent {
    /// The event's id (the same on each retried delivery).
    pub id: String,
    /// The event format's version, e.g. `2.0`.
    pub version: Option<String>,
    /// What happened, e.g. `peer.join.success`.
    #[serde(rename = "type")]
    pub kind: String,
    /// ISO 8601: when it happened.
    pub timestamp: String,
    /// The app the room belongs to.
    pub app_id: Option<String>,
    /// The workspace's account id.
    pub account_id: Option<String>,
    /// The room's template.
    pub template_id: Option<String>,
    /// What it happened to; the members depend on the type.
    pub data: Map<String, Value>,
    /// Whatever else 100ms sends.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The expected headers of a 100ms webhook endpoint, and the replay window.
pub struct HmsWebhooks {
    /// Lowercase names with the SHA-256 of each expected value: comparing digests takes the
    /// same time whatever the length or content of the value received.
    expected: Vec<(String, [u8; 32])>,
    max_age: Option<i64>,
}

impl core::fmt::Debug for HmsWebhooks {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let names: Vec<&str> = self.expected.iter().map(|(n, _)| n.as_str()).collect();
        f.debug_struct("HmsWebhooks").field("headers", &names).field("max_age", &self.max_age).finish()
    }
}

fn digest(value: &str) -> [u8; 32] {
    Sha256::digest(value.as_bytes()).into()
}

impl HmsWebhooks {
    /// `headers`: the name/value pairs 100ms is configured to send. At least one is required
    /// unless `allow_unauthenticated`: an unauthenticated receiver must be a choice.
    pub fn new(headers: &[(String, String)], max_age: Option<i64>, allow_unauthenticated: bool) -> Result<Self> {
        if headers.is_empty() && !allow_unauthenticated {
            return Err(Error::invalid(
                "headers",
                "name at least one secret header 100ms sends (or set allowUnauthenticated: true)",
            ));
        }
        let mut expected = Vec::with_capacity(headers.len());
        for (name, value) in headers {
            let valid_name = !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_".contains(&b));
            if !valid_name {
                // Not echoed: the name may hold control characters, or be a value pasted by mistake.
                return Err(Error::invalid("headers", "every name must be letters, digits, - or _"));
            }
            if value.is_empty() {
                return Err(Error::invalid(format!("headers.{name}"), "must be a non-empty string"));
            }
            expected.push((name.to_ascii_lowercase(), digest(value)));
        }
        Ok(HmsWebhooks { expected, max_age: super::check_max_age(max_age)? })
    }

    /// Checks the headers (via `header(name)`, names lowercase) and parses the body at `now`.
    pub fn receive(&self, header: impl Fn(&str) -> Option<String>, body: &str, now: i64) -> Result<HmsEvent> {
        // Every expected header is compared, even after a mismatch, so the time taken does
        // not tell which one was wrong.
        let mut all_match = true;
        for (name, expected) in &self.expected {
            let received = header(name).map(|v| digest(&v)).unwrap_or([0; 32]);
            all_match &= bool::from(received.ct_eq(expected));
        }
        if !all_match {
            return Err(Error::new(
                ErrorCode::WebhookUnauthenticated,
                "webhook: the secret headers do not match the configured ones",
            ));
        }
        let event = parse_object(body)?;
        text(&event, "id")?;
        text(&event, "type")?;
        let timestamp = text(&event, "timestamp")?;
        if !event.get("data").is_some_and(Value::is_object) {
            return Err(invalid("`data` is missing or not an object"));
        }
        check_fresh(timestamp, self.max_age, now)?;
        typed(event)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const NOW: i64 = 1_700_000_000; // 2023-11-14T22:13:20Z

    fn receiver(max_age: Option<i64>) -> HmsWebhooks {
        HmsWebhooks::new(&[("X-Hook-Secret".into(), "s3cret".into())], max_age, false).unwrap()
    }

    fn event(kind: &str, timestamp: &str) -> String {
        json!({"version": "2.0", "id": "e1", "app_id": "a", "account_id": "c", "timestamp": timestamp, "type": kind,
               "data": {"room_id": "r1", "peer_id": "p1"}})
        .to_string()
    }

    fn headers(value: &'static str) -> impl Fn(&str) -> Option<String> {
        move |name| (name == "x-hook-secret").then(|| value.to_owned())
    }

    #[test]
    fn accepts_a_known_and_an_unknown_event_type() {
        let r = receiver(None);
        let e = r.receive(headers("s3cret"), &event("peer.join.success", "2023-11-14T22:13:20Z"), NOW).unwrap();
        assert_eq!(e.kind, "peer.join.success");
        assert_eq!((e.id.as_str(), e.version.as_deref(), e.app_id.as_deref()), ("e1", Some("2.0"), Some("a")));
        assert_eq!(e.data["peer_id"], "p1");
        let future = r.receive(headers("s3cret"), &event("quantum.entangle.success", "2023-11-14T22:13:20Z"), NOW);
        assert_eq!(future.unwrap().kind, "quantum.entangle.success", "unknown types come through");
    }

    #[test]
    fn refuses_wrong_or_missing_secret_headers() {
        let r = receiver(None);
        let body = event("peer.join.success", "2023-11-14T22:13:20Z");
        for received in [headers("s3cres"), headers(""), headers("s3cret-and-more")] {
            assert_eq!(r.receive(received, &body, NOW).unwrap_err().code(), ErrorCode::WebhookUnauthenticated);
        }
        assert_eq!(r.receive(|_| None, &body, NOW).unwrap_err().code(), ErrorCode::WebhookUnauthenticated);
    }

    #[test]
    fn refuses_malformed_envelopes() {
        let r = receiver(None);
        for body in [
            "",
            "[]",
            "{",
            r#"{"id":"e","type":"t","timestamp":"2023-11-14T22:13:20Z"}"#,
            r#"{"id":"e","timestamp":"x","data":{}}"#,
        ] {
            assert_eq!(
                r.receive(headers("s3cret"), body, NOW).unwrap_err().code(),
                ErrorCode::InvalidWebhook,
                "{body}"
            );
        }
    }

    #[test]
    fn unknown_members_are_kept_and_documented_ones_typed() {
        let r = receiver(None);
        let body = r#"{"id":"e","type":"t","timestamp":"2023-11-14T22:13:20Z","data":{},"trace":{"hop":2}}"#;
        assert_eq!(r.receive(headers("s3cret"), body, NOW).unwrap().extra["trace"], json!({"hop": 2}));
        let body = r#"{"id":"e","type":"t","timestamp":"2023-11-14T22:13:20Z","data":{},"app_id":5}"#;
        let err = r.receive(headers("s3cret"), body, NOW).unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidWebhook);
        assert_eq!(err.message(), "webhook: `app_id`: must be a string, not a number");
    }

    #[test]
    fn the_replay_window_applies_both_ways() {
        let r = receiver(Some(300));
        assert!(r.receive(headers("s3cret"), &event("t", "2023-11-14T22:08:20Z"), NOW).is_ok(), "exactly 300 s old");
        let old = r.receive(headers("s3cret"), &event("t", "2023-11-14T22:08:19Z"), NOW).unwrap_err();
        assert_eq!(old.code(), ErrorCode::WebhookExpired);
        let ahead = r.receive(headers("s3cret"), &event("t", "2023-11-14T22:18:21Z"), NOW).unwrap_err();
        assert_eq!(ahead.code(), ErrorCode::WebhookExpired);
    }

    #[test]
    fn configuration_is_checked() {
        assert_eq!(HmsWebhooks::new(&[], None, false).unwrap_err().field(), Some("headers"));
        assert!(HmsWebhooks::new(&[], None, true).is_ok());
        assert_eq!(HmsWebhooks::new(&[("a b".into(), "v".into())], None, false).unwrap_err().field(), Some("headers"));
        assert_eq!(
            HmsWebhooks::new(&[("x".into(), "v".into())], Some(0), false).unwrap_err().field(),
            Some("maxAgeSeconds")
        );
    }

    #[test]
    fn debug_shows_names_not_secrets() {
        let text = format!("{:?}", receiver(None));
        assert!(text.contains("x-hook-secret"));
        assert!(!text.contains("s3cret\""), "{text}");
    }
}
