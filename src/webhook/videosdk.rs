//! VideoSDK webhooks: `{webhookType, data: {meetingId, sessionId, participantId?,
//! participantName?, start?, end?}}`. The signature (RSA-SHA256 over the raw body, in the
//! `videosdk-signature` header) is verified with WebCrypto before this parse.

use super::{check_fresh, invalid, parse_object, text, typed, Extra};
use crate::error::Result;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A VideoSDK webhook event. Its type is kept as sent: VideoSDK adds event types, and a
/// receiver must not start failing when it does.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct VideoSdkEvent {
    /// What happened, e.g. `participant-joined`.
    #[serde(rename = "webhookType")]
    pub webhook_type: String,
    /// What it happened to (`meetingId`, `sessionId`, `participantId`, `start`, `end`...);
    /// the members depend on the type.
    pub data: Map<String, Value>,
    /// Whatever else VideoSDK sends.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Parses a verified VideoSDK webhook body. With `max_age`, the event's own time (`end`,
/// else `start`, when the payload has one) must lie within the window.
pub fn parse_videosdk_event(body: &str, max_age: Option<i64>, now: i64) -> Result<VideoSdkEvent> {
    let event = parse_object(body)?;
    text(&event, "webhookType")?;
    let Some(data) = event.get("data").and_then(Value::as_object) else {
        return Err(invalid("`data` is missing or not an object"));
    };
    let max_age = super::check_max_age(max_age)?;
    // `end` when it is a time, else `start`: an `end` of null (or any non-string) must not
    // take the event out of the replay window.
    let time = |key: &str| data.get(key).and_then(Value::as_str);
    if let Some(at) = time("end").or_else(|| time("start")) {
        check_fresh(at, max_age, now)?;
    }
    typed(event)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    const NOW: i64 = 1_700_000_000;

    #[test]
    fn parses_documented_and_unknown_events() {
        let body = r#"{"webhookType":"participant-joined","data":{"meetingId":"abc-xyzw-lmno","sessionId":"s1","participantId":"p1","participantName":"Ana"}}"#;
        let event = parse_videosdk_event(body, None, NOW).unwrap();
        assert_eq!(
            (event.webhook_type.as_str(), &event.data["participantName"]),
            ("participant-joined", &"Ana".into())
        );
        let extra = r#"{"webhookType":"session-started","data":{"meetingId":"m"},"apiVersion":2}"#;
        assert_eq!(parse_videosdk_event(extra, None, NOW).unwrap().extra["apiVersion"], 2, "unknown members are kept");
        let future = r#"{"webhookType":"transcription-ready","data":{"meetingId":"m"}}"#;
        assert!(parse_videosdk_event(future, Some(60), NOW).is_ok(), "no time, no window");
    }

    #[test]
    fn refuses_malformed_and_stale_events() {
        for body in ["", "{}", r#"{"webhookType":"x"}"#, r#"{"webhookType":"","data":{}}"#, r#"{"data":{}}"#] {
            assert_eq!(parse_videosdk_event(body, None, NOW).unwrap_err().code(), ErrorCode::InvalidWebhook, "{body}");
        }
        let stale = r#"{"webhookType":"session-ended","data":{"meetingId":"m","start":"2023-11-14T20:00:00Z","end":"2023-11-14T21:00:00Z"}}"#;
        assert_eq!(parse_videosdk_event(stale, Some(300), NOW).unwrap_err().code(), ErrorCode::WebhookExpired);
        assert!(parse_videosdk_event(stale, None, NOW).is_ok());
        // An `end` that is not a time does not take the event out of the window (found by
        // the webhooks fuzz target).
        let null_end =
            r#"{"webhookType":"session-ended","data":{"meetingId":"m","start":"2023-11-14T20:00:00Z","end":null}}"#;
        assert_eq!(parse_videosdk_event(null_end, Some(300), NOW).unwrap_err().code(), ErrorCode::WebhookExpired);
    }
}
