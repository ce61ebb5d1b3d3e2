//! Stream keys: the RTMP ingest key of a room (one active key at a time: creating another
//! while one is active answers 400, so a leaked key is reset by disabling, then creating).

use super::common::Extra;
use super::HmsClient;
use crate::call::{calls, Retry};
use crate::reply::Reply;
use serde::{Deserialize, Serialize};

/// A room's RTMP ingest key, as 100ms answers it.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct StreamKey {
    /// The stream key to configure in OBS and the like: a secret.
    pub key: String,
    /// The key's id.
    pub id: Option<String>,
    /// The RTMP ingest URL.
    pub url: Option<String>,
    /// The room it streams into.
    pub room_id: Option<String>,
    /// The workspace's customer id.
    pub customer_id: Option<String>,
    /// The app it belongs to.
    pub app_id: Option<String>,
    /// Whether it is the room's active key.
    pub enabled: Option<bool>,
    /// ISO 8601.
    pub created_at: Option<String>,
    /// ISO 8601.
    pub updated_at: Option<String>,
    /// Whatever else 100ms sends.
    #[serde(flatten)]
    pub extra: Extra,
}

impl core::fmt::Debug for StreamKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        // Whoever holds the key can stream into the room: it must not reach a log through Debug.
        f.debug_struct("StreamKey")
            .field("key", &"<redacted>")
            .field("id", &self.id)
            .field("url", &self.url)
            .field("room_id", &self.room_id)
            .field("customer_id", &self.customer_id)
            .field("app_id", &self.app_id)
            .field("enabled", &self.enabled)
            .field("created_at", &self.created_at)
            .field("updated_at", &self.updated_at)
            .field("extra", &self.extra.keys().collect::<Vec<_>>())
            .finish()
    }
}

const KEY: Reply = Reply::Object(&["key"]);

calls! {
    provider HmsClient;

    /// `POST /stream-keys/room/{room_id}`: creates the room's key (a 400 while an active one
    /// exists), so it is sent once.
    CreateStreamKey = "streamKeys.create": Post "/stream-keys/room/{}" (room_id: "roomId") none () => StreamKey,
        reply KEY;

    /// `GET /stream-keys/room/{room_id}`: the room's active key.
    GetStreamKey = "streamKeys.retrieve": Get "/stream-keys/room/{}" (room_id: "roomId") none () => StreamKey,
        reply KEY;

    /// `POST /stream-keys/room/{room_id}/disable`: disables the room's active key (safe to
    /// repeat).
    DisableStreamKey = "streamKeys.disable": Post "/stream-keys/room/{}/disable" (room_id: "roomId") none ()
        => serde_json::Value, reply Reply::Empty, retry Retry::Always;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::Provider;
    use crate::http::Method;
    use crate::test_support::{answer, hms_client};

    #[test]
    fn calls_build_the_documented_requests() {
        let req = hms_client().request(&CreateStreamKey::new("r1")).unwrap();
        assert_eq!((req.method, req.url.as_str()), (Method::Post, "https://api.100ms.live/v2/stream-keys/room/r1"));
        assert_eq!(req.body, None);
        assert!(!req.idempotent, "a second create answers 400 while the first key is active");
        let req = hms_client().request(&GetStreamKey::new("r1")).unwrap();
        assert_eq!((req.method, req.url.as_str()), (Method::Get, "https://api.100ms.live/v2/stream-keys/room/r1"));
        let req = hms_client().request(&DisableStreamKey::new("r1")).unwrap();
        assert_eq!(req.url, "https://api.100ms.live/v2/stream-keys/room/r1/disable");
        assert!(req.idempotent);
        assert_eq!(
            hms_client().request(&GetStreamKey::new("")).unwrap_err().message(),
            "roomId: must be a non-empty string"
        );
    }

    #[test]
    fn keys_parse_and_debug_hides_them() {
        let body = r#"{"id":"k1","key":"SECRETKEY123","url":"rtmp://ingest.100ms.live:1935/live","rtmp_ingest_url":"rtmp://ingest.100ms.live:1935/live","room_id":"r1","enabled":true,"created_at":"2023-11-14T22:13:20Z"}"#;
        let key = answer::<GetStreamKey>(200, body).unwrap();
        assert_eq!(key.key, "SECRETKEY123");
        assert_eq!(key.extra["rtmp_ingest_url"], "rtmp://ingest.100ms.live:1935/live");
        let debug = format!("{key:?}");
        assert!(!debug.contains("SECRETKEY123") && debug.contains("<redacted>"), "{debug}");
        let err = answer::<CreateStreamKey>(200, r#"{"id":"k1"}"#).unwrap_err();
        assert_eq!(err.code().as_str(), "invalid_response");
        let err = answer::<CreateStreamKey>(400, r#"{"code":400,"message":"Active key already exists"}"#).unwrap_err();
        assert_eq!(err.message(), "HTTP 400: Active key already exists");
        let disabled =
            answer::<DisableStreamKey>(200, r#"{"code":200,"message":"key disabled successfully"}"#).unwrap();
        assert_eq!(disabled["message"], "key disabled successfully");
    }
}
