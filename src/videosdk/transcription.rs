//! Realtime transcription of a room's live session (both official SDKs'
//! `transcription.realtime`): start, stop, get, list.

use super::common::{check_page, Extra};
use super::VideoSdkClient;
use crate::call::{calls, Validate};
use crate::error::Result;
use crate::reply::{Page, Paging, Reply};
use crate::rules::identifier;
use serde::{Deserialize, Serialize};

/// A realtime transcription, as VideoSDK answers it. `get` and `list` carry the room only
/// under `extension.extensionConfig.roomId`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct RealtimeTranscription {
    /// The transcription id.
    pub id: String,
    /// The room, where the answer names it at the top.
    pub room_id: Option<String>,
    /// Its state.
    pub status: Option<String>,
    /// The extension running it (`enabled`, `provider`, `extensionConfig.{roomId,sessionId}`).
    pub extension: Option<serde_json::Value>,
    /// Transcript files by format (`txt`, ...).
    pub transcription_file_paths: Option<serde_json::Map<String, serde_json::Value>>,
    /// Summary files by format.
    pub summarized_file_paths: Option<serde_json::Map<String, serde_json::Value>>,
    /// When it started.
    pub start: Option<String>,
    /// When it ended; `null` while running.
    pub end: Option<String>,
    /// Whatever else VideoSDK sends.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Whether and how a transcription is summarised.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct SummaryConfig {
    /// Whether to summarize (default false).
    pub enabled: Option<bool>,
    /// What the summary should say.
    pub prompt: Option<String>,
}

/// Starts transcribing a room's live session (`realtimeTranscriptions.start`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct StartRealtimeTranscriptionParams {
    /// The room, with a live session.
    pub room_id: String,
    /// Notified about the transcription.
    pub webhook_url: Option<String>,
    /// The transcription model (provider-specific).
    pub model_id: Option<String>,
    /// A BCP-47 language hint.
    pub language: Option<String>,
    /// A summary after the session.
    pub summary: Option<SummaryConfig>,
}

impl Validate for StartRealtimeTranscriptionParams {
    fn validate(&self) -> Result<()> {
        identifier("roomId", &self.room_id).map(drop)
    }
}

/// The filters of `realtimeTranscriptions.list` (the API cannot filter by room).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct RealtimeTranscriptionFilters {
    /// Sent as given; the SDKs document its one value as `videosdk` (the provider).
    pub status: Option<String>,
    /// The page, from 1.
    pub page: Option<i64>,
    /// Page size, 1 to 100.
    pub per_page: Option<i64>,
}

impl Validate for RealtimeTranscriptionFilters {
    fn validate(&self) -> Result<()> {
        check_page(self.page, self.per_page)
    }
}

const ONE: Reply = Reply::Object(&["id"]);

calls! {
    provider VideoSdkClient;

    /// `POST /ai/v1/realtime-transcriptions/start` (mirrors `transcription.realtime.start`).
    StartRealtimeTranscription = "realtimeTranscriptions.start": Post "/ai/v1/realtime-transcriptions/start" ()
        body StartRealtimeTranscriptionParams => RealtimeTranscription, reply ONE;

    /// `POST /ai/v1/realtime-transcriptions/end`: stops the room's transcription (mirrors
    /// `transcription.realtime.stop(roomId)`).
    StopRealtimeTranscription = "realtimeTranscriptions.stop": Post "/ai/v1/realtime-transcriptions/end" ()
        body super::common::RoomRef => RealtimeTranscription, reply ONE, fields ["roomId"];

    /// `GET /ai/v1/realtime-transcriptions/{transcriptionId}` (mirrors
    /// `transcription.realtime.get`).
    GetRealtimeTranscription = "realtimeTranscriptions.get": Get "/ai/v1/realtime-transcriptions/{}"
        (transcription_id: "transcriptionId") none () => RealtimeTranscription, reply ONE;

    /// `GET /ai/v1/realtime-transcriptions`: one page, `{ pageInfo, transcriptions }` (mirrors
    /// `transcription.realtime.list`).
    ListRealtimeTranscriptions = "realtimeTranscriptions.list": Get "/ai/v1/realtime-transcriptions" ()
        query RealtimeTranscriptionFilters => Page<RealtimeTranscription>,
        reply Reply::Page(Paging::PageNumberIn("transcriptions"));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::Provider;
    use crate::http::{HttpResponse, Method};
    use crate::test_support::{body_json, params, videosdk_client};
    use crate::videosdk::common::RoomRef;
    use serde_json::json;

    const BASE: &str = "https://api.videosdk.live";

    #[test]
    fn start_stop_get_list() {
        let c = videosdk_client();
        let given: StartRealtimeTranscriptionParams =
            params(json!({"roomId": "r1", "language": "en-US", "summary": {"enabled": true, "prompt": "p"}})).unwrap();
        let req = c.request(&StartRealtimeTranscription::new(given)).unwrap();
        assert_eq!(
            (req.method, req.url.as_str()),
            (Method::Post, "https://api.videosdk.live/ai/v1/realtime-transcriptions/start")
        );
        assert_eq!(
            body_json(&req),
            serde_json::from_str::<serde_json::Value>(
                r#"{"roomId":"r1","language":"en-US","summary":{"enabled":true,"prompt":"p"}}"#
            )
            .unwrap()
        );
        let err = params::<StartRealtimeTranscriptionParams>(json!({"language": "en"})).unwrap_err();
        assert_eq!(err.message(), "roomId: is required");
        let req = c.request(&StopRealtimeTranscription::new(RoomRef::new("r1"))).unwrap();
        assert_eq!(req.url, format!("{BASE}/ai/v1/realtime-transcriptions/end"));
        assert_eq!(body_json(&req), serde_json::from_str::<serde_json::Value>(r#"{"roomId":"r1"}"#).unwrap());
        assert_eq!(
            c.request(&GetRealtimeTranscription::new("t1")).unwrap().url,
            format!("{BASE}/ai/v1/realtime-transcriptions/t1")
        );
        let filters =
            RealtimeTranscriptionFilters { status: Some("videosdk".into()), per_page: Some(10), ..Default::default() };
        let req = c.request(&ListRealtimeTranscriptions::new(filters)).unwrap();
        assert_eq!(req.url, format!("{BASE}/ai/v1/realtime-transcriptions?perPage=10&status=videosdk"));
        let filters = RealtimeTranscriptionFilters { per_page: Some(0), ..Default::default() };
        assert_eq!(
            c.request(&ListRealtimeTranscriptions::new(filters)).unwrap_err().message(),
            "perPage: must be an integer from 1 to 100"
        );
    }

    #[test]
    fn answers_parse() {
        let body = r#"{"pageInfo":{"currentPage":1,"lastPage":1},"transcriptions":[{"id":"t1","status":"completed","extension":{"extensionConfig":{"roomId":"r1"}},"transcriptionFilePaths":{"txt":"https://t"}}]}"#;
        let text = crate::reply::read(
            <ListRealtimeTranscriptions as crate::call::Call>::SPEC.reply,
            &HttpResponse::new(200, body),
        )
        .unwrap();
        let list: Page<RealtimeTranscription> = crate::reply::typed(200, &text).unwrap();
        assert_eq!(list.next, None);
        let list = list.items;
        assert_eq!(list[0].extension.as_ref().unwrap()["extensionConfig"]["roomId"], "r1");
        assert_eq!(list[0].transcription_file_paths.as_ref().unwrap()["txt"], "https://t");
    }
}
