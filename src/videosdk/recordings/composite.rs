//! A server-composed recording of chosen participants (`recordings.composite` in both official
//! SDKs): start, stop, list, get, delete under `/v2/recordings/composite`.

use super::{RecordedTrackKind, ONE, PAGE};
use crate::call::{calls, Validate};
use crate::error::{Error, Result};
use crate::open_enum::open_enum;
use crate::reply::{Page, Reply};
use crate::rules::identifier;
use crate::videosdk::common::{check_id, check_page, Extra};
use crate::videosdk::VideoSdkClient;
use serde::{Deserialize, Serialize};

/// A composite recording, as VideoSDK answers it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct CompositeRecording {
    /// The recording id.
    pub id: String,
    /// The room recorded, by its legacy name.
    pub meeting_id: Option<String>,
    /// The room recorded.
    pub room_id: Option<String>,
    /// The session recorded.
    pub session_id: Option<String>,
    /// The participants composed.
    pub participants: Option<Vec<serde_json::Value>>,
    /// The file format.
    pub file_format: Option<String>,
    /// When it started, ISO 8601.
    pub start: Option<String>,
    /// When it ended; `null` while running.
    pub end: Option<String>,
    /// The file's id.
    pub file_id: Option<String>,
    /// The file (`fileUrl`, ...).
    pub file: Option<serde_json::Value>,
    /// Whatever else VideoSDK sends.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A participant to compose, and which of their tracks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct CompositeParticipant {
    /// The participant.
    pub participant_id: String,
    /// The tracks; all four when absent.
    pub kind: Option<Vec<RecordedTrackKind>>,
}

open_enum! {
    /// What a composite watermark shows.
    WatermarkType {
        /// An image or text of the caller's.
        Custom = "custom",
        /// Text from a pub/sub topic.
        Pubsub = "pubsub",
    }
}

/// A watermark on a composite recording. The npm SDK lets further members through, so this
/// one does too.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct CompositeWatermark {
    /// `custom` or `pubsub`.
    #[serde(rename = "type")]
    pub kind: WatermarkType,
    /// The image's URL.
    pub image_url: Option<String>,
    /// The image, base64.
    pub image_base64: Option<String>,
    /// Text.
    pub text: Option<String>,
    /// An IANA time zone (`custom`).
    pub timezone: Option<String>,
    /// The pub/sub topic (`pubsub`).
    pub topic: Option<String>,
    /// Further members, sent as given.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Starts a composite recording (`compositeRecordings.start`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct StartCompositeRecordingParams {
    /// The room, with a live session.
    pub room_id: String,
    /// Whom to compose; absent, the recorder decides.
    pub participants: Option<Vec<CompositeParticipant>>,
    /// Up to three watermarks.
    pub watermarks: Option<Vec<CompositeWatermark>>,
    /// Notified when the recording is ready.
    pub webhook_url: Option<String>,
    /// The storage path prefix (the SDKs' `dirPath`).
    pub bucket_dir_path: Option<String>,
    /// A presigned URL to upload to (capital `URL` on the wire, as the API names it).
    #[serde(rename = "preSignedURL")]
    pub pre_signed_url: Option<String>,
    /// The file format.
    pub file_format: Option<String>,
}

impl Validate for StartCompositeRecordingParams {
    fn validate(&self) -> Result<()> {
        identifier("roomId", &self.room_id)?;
        for (i, p) in self.participants.iter().flatten().enumerate() {
            let within = |e: Error| e.within(&format!("participants[{i}]"));
            identifier("participantId", &p.participant_id).map_err(within)?;
            for (j, kind) in p.kind.iter().flatten().enumerate() {
                kind.check(&format!("kind[{j}]")).map_err(within)?;
            }
        }
        let watermarks = self.watermarks.as_deref().unwrap_or_default();
        if watermarks.len() > 3 {
            return Err(Error::invalid("watermarks", "must list at most 3 watermarks"));
        }
        for (i, w) in watermarks.iter().enumerate() {
            w.kind.check("type").map_err(|e| e.within(&format!("watermarks[{i}]")))?;
        }
        Ok(())
    }
}

/// Which composite recording to stop: its room and its id (the start answer's).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CompositeRef {
    /// The room.
    pub room_id: String,
    /// The recording.
    pub recording_id: String,
}

impl Validate for CompositeRef {
    fn validate(&self) -> Result<()> {
        identifier("roomId", &self.room_id)?;
        identifier("recordingId", &self.recording_id).map(drop)
    }
}

/// The filters of the composite recording list.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct CompositeRecordingFilters {
    /// One room's recordings.
    pub room_id: Option<String>,
    /// One session's recordings.
    pub session_id: Option<String>,
    /// The page, from 1.
    pub page: Option<i64>,
    /// Page size, 1 to 100.
    pub per_page: Option<i64>,
}

impl Validate for CompositeRecordingFilters {
    fn validate(&self) -> Result<()> {
        check_id("roomId", self.room_id.as_deref())?;
        check_id("sessionId", self.session_id.as_deref())?;
        check_page(self.page, self.per_page)
    }
}

calls! {
    provider VideoSdkClient;

    /// `POST /v2/recordings/composite/start`: a server-composed recording (mirrors
    /// `recordings.composite.start`); the answer carries the `recordingId` that stops it.
    StartCompositeRecording = "compositeRecordings.start": Post "/v2/recordings/composite/start" ()
        body StartCompositeRecordingParams => serde_json::Value, reply Reply::Empty;

    /// `POST /v2/recordings/composite/stop` (mirrors `recordings.composite.stop({ roomId,
    /// recordingId })`).
    StopCompositeRecording = "compositeRecordings.stop": Post "/v2/recordings/composite/stop" ()
        body CompositeRef => serde_json::Value, reply Reply::Empty, fields ["roomId", "recordingId"];

    /// `GET /v2/recordings/composite`: one page (mirrors `recordings.composite.list`).
    ListCompositeRecordings = "compositeRecordings.list": Get "/v2/recordings/composite" ()
        query CompositeRecordingFilters => Page<CompositeRecording>, reply PAGE;

    /// `GET /v2/recordings/composite/{id}` (mirrors `recordings.composite.get`).
    GetCompositeRecording = "compositeRecordings.get": Get "/v2/recordings/composite/{}" (id: "id")
        none () => CompositeRecording, reply ONE;

    /// `DELETE /v2/recordings/composite/{id}` (mirrors `recordings.composite.delete`).
    DeleteCompositeRecording = "compositeRecordings.delete": Delete "/v2/recordings/composite/{}" (id: "id")
        none () => serde_json::Value, reply Reply::Empty;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::Provider;
    use crate::http::Method;
    use crate::test_support::{body_json, params, read, videosdk_client};
    use serde_json::json;

    const BASE: &str = "https://api.videosdk.live";

    #[test]
    fn composite_recordings() {
        let c = videosdk_client();
        let start: StartCompositeRecordingParams = params(json!({
            "roomId": "r1",
            "participants": [{"participantId": "p1", "kind": ["audio", "video"]}],
            "watermarks": [{"type": "custom", "text": "hi", "position": "top-left"}],
            "bucketDirPath": "c/", "preSignedURL": "https://up", "fileFormat": "mp4"
        }))
        .unwrap();
        let req = c.request(&StartCompositeRecording::new(start)).unwrap();
        assert_eq!(req.url, format!("{BASE}/v2/recordings/composite/start"));
        let body: serde_json::Value = serde_json::from_str(req.body.as_deref().unwrap()).unwrap();
        assert_eq!(body["preSignedURL"], "https://up");
        assert_eq!(body["watermarks"][0], json!({"type": "custom", "text": "hi", "position": "top-left"}));
        for (body, message) in [
            (
                json!({"roomId": "r1", "participants": [{"participantId": "p1", "kind": ["mic"]}]}),
                "participants[0].kind[0]: must be one of audio, video, screen_audio, screen_video",
            ),
            (
                json!({"roomId": "r1", "watermarks": [{"type": "logo"}]}),
                "watermarks[0].type: must be one of custom, pubsub",
            ),
            (
                json!({"roomId": "r1", "watermarks": [{"type": "custom"}, {"type": "custom"}, {"type": "custom"}, {"type": "custom"}]}),
                "watermarks: must list at most 3 watermarks",
            ),
        ] {
            let given: StartCompositeRecordingParams = params(body).unwrap();
            assert_eq!(c.request(&StartCompositeRecording::new(given)).unwrap_err().message(), message);
        }
        let err = params::<StartCompositeRecordingParams>(json!({"roomId": "r1", "dirPath": "x"})).unwrap_err();
        assert!(err.message().starts_with("dirPath: is not a known field"), "{}", err.message());
        let stop = CompositeRef { room_id: "r1".into(), recording_id: "c1".into() };
        let req = c.request(&StopCompositeRecording::new(stop)).unwrap();
        assert_eq!(
            body_json(&req),
            serde_json::from_str::<serde_json::Value>(r#"{"roomId":"r1","recordingId":"c1"}"#).unwrap()
        );
        let err = params::<CompositeRef>(json!({"roomId": "r1"})).unwrap_err();
        assert_eq!(err.message(), "recordingId: is required");
        let filters = CompositeRecordingFilters { session_id: Some("s1".into()), ..Default::default() };
        assert_eq!(
            c.request(&ListCompositeRecordings::new(filters)).unwrap().url,
            format!("{BASE}/v2/recordings/composite?sessionId=s1")
        );
        assert_eq!(
            c.request(&GetCompositeRecording::new("c1")).unwrap().url,
            format!("{BASE}/v2/recordings/composite/c1")
        );
        assert_eq!(c.request(&DeleteCompositeRecording::new("c1")).unwrap().method, Method::Delete);
        let one: CompositeRecording =
            read(ONE, r#"{"id":"c1","meetingId":"r1","fileFormat":"mp4","end":null}"#).unwrap();
        assert_eq!(one.meeting_id.as_deref(), Some("r1"));
    }
}
