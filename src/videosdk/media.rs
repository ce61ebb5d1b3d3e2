//! VideoSDK media jobs: cloud recordings, HLS streams (and their frame capture) and RTMP live
//! streams.

use super::common::{check_id, check_page, Extra};
use super::config::JobConfig;
use super::VideoSdkClient;
use crate::call::{calls, Validate};
use crate::error::{Error, Result};
use crate::open_enum::open_enum;
use crate::reply::{Page, Paging, Reply};
use crate::rules::{identifier, int_range, optional};
use serde::{Deserialize, Serialize};

/// A room recording, as VideoSDK answers it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct Recording {
    /// The recording id.
    pub id: String,
    /// The room recorded.
    pub room_id: Option<String>,
    /// The session recorded.
    pub session_id: Option<String>,
    /// The file (`fileUrl`, size, ...).
    pub file: Option<serde_json::Value>,
    /// When it started, ISO 8601.
    pub start: Option<String>,
    /// When it ended; `null` while running.
    pub end: Option<String>,
    /// Whatever else VideoSDK sends.
    #[serde(flatten)]
    pub extra: Extra,
}

/// An HLS stream (live or finished). The active-stream answer names the room with the legacy
/// `meetingId`, the others with `roomId`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct HlsStream {
    /// The stream id.
    pub id: String,
    /// The room streamed.
    pub room_id: Option<String>,
    /// The room streamed, by its legacy name (`hls.getActive`).
    #[serde(rename = "meetingId")]
    pub meeting_id: Option<String>,
    /// The session streamed.
    pub session_id: Option<String>,
    /// When it started, ISO 8601.
    pub start: Option<String>,
    /// When it ended; `null` while live.
    pub end: Option<String>,
    /// The playlist for players.
    pub playback_hls_url: Option<String>,
    /// The playlist for live viewing.
    pub livestream_url: Option<String>,
    /// The downstream playlist.
    pub downstream_url: Option<String>,
    /// Whatever else VideoSDK sends.
    #[serde(flatten)]
    pub extra: Extra,
}

/// An RTMP live stream, as VideoSDK answers it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct Livestream {
    /// The live stream id.
    pub id: String,
    /// The room streamed.
    pub room_id: Option<String>,
    /// The session streamed.
    pub session_id: Option<String>,
    /// Where it went (`{ url, streamKey }`).
    pub outputs: Option<Vec<serde_json::Value>>,
    /// When it started, ISO 8601.
    pub start: Option<String>,
    /// When it ended; `null` while live.
    pub end: Option<String>,
    /// Whatever else VideoSDK sends.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The filters of the job lists (`recordings.list`, `hls.list`, `rtmp.list`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields), ts(rename = "VideoSdkJobFilters"))]
pub struct JobFilters {
    /// One room's jobs.
    pub room_id: Option<String>,
    /// One session's jobs.
    pub session_id: Option<String>,
    /// An exact or regular-expression match on the room's meeting id.
    pub query: Option<String>,
    /// The page, from 1.
    pub page: Option<i64>,
    /// Page size, 1 to 100.
    pub per_page: Option<i64>,
}

/// The filters of `recordings.list`: those of the other job lists, and the transcriptions.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields), ts(rename = "VideoSdkRecordingFilters"))]
pub struct RecordingFilters {
    /// One room's recordings.
    pub room_id: Option<String>,
    /// One session's recordings.
    pub session_id: Option<String>,
    /// An exact or regular-expression match on the room's meeting id.
    pub query: Option<String>,
    /// With each recording's transcription.
    pub with_transcription: Option<bool>,
    /// The page, from 1.
    pub page: Option<i64>,
    /// Page size, 1 to 100.
    pub per_page: Option<i64>,
}

impl Validate for RecordingFilters {
    fn validate(&self) -> Result<()> {
        check_id("roomId", self.room_id.as_deref())?;
        check_id("sessionId", self.session_id.as_deref())?;
        check_page(self.page, self.per_page)
    }
}

/// Which job `recordings.stop` or `rtmp.stop` ends: the room's, or (with `id`) that one job,
/// as the official SDK's `stop({ roomId, id })` names it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields), ts(rename = "VideoSdkStopJobParams"))]
pub struct StopJobParams {
    /// The room.
    pub room_id: String,
    /// One job of it (the id its start answered).
    pub id: Option<String>,
}

impl StopJobParams {
    /// The room's job.
    pub fn new(room_id: impl Into<String>) -> Self {
        StopJobParams { room_id: room_id.into(), id: None }
    }
}

impl Validate for StopJobParams {
    fn validate(&self) -> Result<()> {
        identifier("roomId", &self.room_id)?;
        check_id("id", self.id.as_deref())
    }
}

impl Validate for JobFilters {
    fn validate(&self) -> Result<()> {
        check_id("roomId", self.room_id.as_deref())?;
        check_id("sessionId", self.session_id.as_deref())?;
        check_page(self.page, self.per_page)
    }
}

open_enum! {
    /// The file format of a room recording (default `mp4`).
    RoomRecordingFileFormat {
        /// MP4.
        Mp4 = "mp4",
        /// WebM.
        Webm = "webm",
    }
}

/// What VideoSDK does when a recording's composition fails.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields), ts(rename = "VideoSdkOnFailure"))]
pub struct OnFailure {
    /// `close-room`, the one action VideoSDK documents.
    pub action: String,
    /// Seconds to wait before acting, 0 to 150 (default 150).
    pub wait_time: Option<i64>,
}

impl Validate for OnFailure {
    fn validate(&self) -> Result<()> {
        if self.action != "close-room" {
            return Err(Error::invalid("action", "must be close-room"));
        }
        optional(self.wait_time.as_ref(), |t| int_range("waitTime", *t, 0, 150))
    }
}

/// A cloud recording of a room's live session (`recordings.start`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct StartRecordingParams {
    /// The room.
    pub room_id: String,
    /// A custom template's URL.
    pub template_url: Option<String>,
    /// The layout and look.
    pub config: Option<JobConfig>,
    /// The storage path prefix.
    pub aws_dir_path: Option<String>,
    /// A presigned URL to upload the recording to (`preSignedUrl`, as the official Node SDK's
    /// `recordings.start` sends it; the composite start spells it `preSignedURL`).
    pub pre_signed_url: Option<String>,
    /// Notified when the recording is ready.
    pub webhook_url: Option<String>,
    /// Post-recording transcription settings.
    pub transcription: Option<serde_json::Map<String, serde_json::Value>>,
    /// What to do when the composition fails.
    pub on_failure: Option<OnFailure>,
    /// `mp4` (default) or `webm`.
    pub file_format: Option<RoomRecordingFileFormat>,
    /// A resource-pool unit acquired beforehand.
    pub resource_id: Option<String>,
}

impl Validate for StartRecordingParams {
    fn validate(&self) -> Result<()> {
        identifier("roomId", &self.room_id)?;
        optional(self.config.as_ref(), |c| c.validate().map_err(|e| e.within("config")))?;
        optional(self.on_failure.as_ref(), |f| f.validate().map_err(|e| e.within("onFailure")))?;
        optional(self.file_format.as_ref(), |f| f.check("fileFormat"))?;
        check_id("resourceId", self.resource_id.as_deref())
    }
}

/// An HLS stream of a room's live session (`hls.start`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct StartHlsParams {
    /// The room.
    pub room_id: String,
    /// A custom template's URL.
    pub template_url: Option<String>,
    /// The layout and look.
    pub config: Option<JobConfig>,
    /// Transcription settings.
    pub transcription: Option<serde_json::Map<String, serde_json::Value>>,
    /// Notified of the stream's events.
    pub webhook_url: Option<String>,
    /// A recording to start alongside the stream, as VideoSDK takes it.
    pub recording: Option<serde_json::Map<String, serde_json::Value>>,
    /// A resource-pool unit acquired beforehand.
    pub resource_id: Option<String>,
}

impl Validate for StartHlsParams {
    fn validate(&self) -> Result<()> {
        identifier("roomId", &self.room_id)?;
        optional(self.config.as_ref(), |c| c.validate().map_err(|e| e.within("config")))?;
        check_id("resourceId", self.resource_id.as_deref())
    }
}

/// Which HLS stream `hls.stop` ends.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct StopHlsParams {
    /// The room.
    pub room_id: String,
    /// One stream of it.
    pub id: Option<String>,
}

impl Validate for StopHlsParams {
    fn validate(&self) -> Result<()> {
        identifier("roomId", &self.room_id)?;
        check_id("id", self.id.as_deref())
    }
}

/// An RTMP destination.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "VideoSdkRtmpOutput"))]
pub struct RtmpOutput {
    /// The ingest URL.
    pub url: String,
    /// The stream key.
    pub stream_key: String,
}

impl core::fmt::Debug for RtmpOutput {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        // A stream key must not reach a log through Debug.
        f.debug_struct("RtmpOutput").field("url", &self.url).field("stream_key", &"<redacted>").finish()
    }
}

/// An RTMP live stream of a room's live session (`rtmp.start`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct StartRtmpParams {
    /// The room.
    pub room_id: String,
    /// At least one destination.
    pub outputs: Vec<RtmpOutput>,
    /// A custom template's URL.
    pub template_url: Option<String>,
    /// The layout and look.
    pub config: Option<JobConfig>,
    /// Transcription settings.
    pub transcription: Option<serde_json::Map<String, serde_json::Value>>,
    /// A resource-pool unit acquired beforehand.
    pub resource_id: Option<String>,
}

impl Validate for StartRtmpParams {
    fn validate(&self) -> Result<()> {
        identifier("roomId", &self.room_id)?;
        if self.outputs.is_empty() {
            return Err(Error::invalid("outputs", "must list at least one { url, streamKey }"));
        }
        optional(self.config.as_ref(), |c| c.validate().map_err(|e| e.within("config")))?;
        check_id("resourceId", self.resource_id.as_deref())
    }
}

open_enum! {
    /// The image format of an HLS frame capture.
    CaptureFormat {
        /// PNG.
        Png = "png",
        /// JPEG.
        Jpg = "jpg",
        /// WebP.
        Webp = "webp",
    }
}

/// A frame of a room's HLS stream (`hls.capture`, the SDKs' `hls.capture`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct CaptureHlsParams {
    /// The room whose stream to capture.
    pub room_id: String,
    /// The image format.
    pub format: Option<CaptureFormat>,
    /// Width in pixels (the SDKs take an unsigned 32-bit integer).
    pub width: Option<i64>,
    /// Height in pixels (the SDKs take an unsigned 32-bit integer).
    pub height: Option<i64>,
    /// The frame at this second of the stream; without, the live frame.
    pub time: Option<i64>,
}

impl Validate for CaptureHlsParams {
    fn validate(&self) -> Result<()> {
        identifier("roomId", &self.room_id)?;
        optional(self.format.as_ref(), |format| format.check("format"))?;
        let max = i64::from(u32::MAX);
        optional(self.width.as_ref(), |w| int_range("width", *w, 1, max))?;
        optional(self.height.as_ref(), |h| int_range("height", *h, 1, max))?;
        optional(self.time.as_ref(), |t| int_range("time", *t, 0, max))
    }
}

/// The captured frame.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct HlsCapture {
    /// VideoSDK's confirmation.
    pub message: Option<String>,
    /// The room.
    pub room_id: Option<String>,
    /// Where the image was stored.
    pub file_path: Option<String>,
    /// Its size in bytes.
    pub file_size: Option<i64>,
    /// Its file name.
    pub file_name: Option<String>,
    /// More about the capture.
    pub meta: Option<serde_json::Value>,
    /// Whatever else VideoSDK sends.
    #[serde(flatten)]
    pub extra: Extra,
}

const JOB: Reply = Reply::Object(&["id"]);
const PAGE: Reply = Reply::Page(Paging::PageNumber);

calls! {
    provider VideoSdkClient;

    /// `POST /v2/recordings/start`: records the room's live session.
    StartRecording = "recordings.start": Post "/v2/recordings/start" () body StartRecordingParams
        => serde_json::Value, reply Reply::Empty;

    /// `POST /v2/recordings/end` (the docs say `/stop` in one place; the API and VideoSDK's
    /// own SDKs use `/end`).
    StopRecording = "recordings.stop": Post "/v2/recordings/end" () body StopJobParams => serde_json::Value,
        reply Reply::Empty, fields ["roomId", "id"];

    /// `GET /v2/recordings`: one page of recordings.
    ListRecordings = "recordings.list": Get "/v2/recordings" () query RecordingFilters => Page<Recording>, reply PAGE;

    /// `GET /v2/recordings/{id}`: one recording.
    GetRecording = "recordings.get": Get "/v2/recordings/{}" (id: "id") none () => Recording, reply JOB;

    /// `DELETE /v2/recordings/{id}`: deletes a recording.
    DeleteRecording = "recordings.delete": Delete "/v2/recordings/{}" (id: "id") none () => serde_json::Value,
        reply Reply::Empty;

    /// `POST /v2/hls/start`: streams the room's live session over HLS.
    StartHls = "hls.start": Post "/v2/hls/start" () body StartHlsParams => serde_json::Value, reply Reply::Empty;

    /// `POST /v2/hls/end`: ends the room's HLS stream (or the one named).
    StopHls = "hls.stop": Post "/v2/hls/end" () body StopHlsParams => serde_json::Value,
        reply Reply::Empty, fields ["roomId", "id"];

    /// `GET /v2/hls/{roomId}/active`: the room's live HLS stream, under `data`.
    GetActiveHls = "hls.getActive": Get "/v2/hls/{}/active" (room_id: "roomId") none () => HlsStream,
        reply Reply::Data(&["id"]);

    /// `GET /v2/hls`: one page of HLS streams.
    ListHls = "hls.list": Get "/v2/hls" () query JobFilters => Page<HlsStream>, reply PAGE;

    /// `GET /v2/hls/{id}`: one HLS stream.
    GetHls = "hls.get": Get "/v2/hls/{}" (id: "id") none () => HlsStream, reply JOB;

    /// `DELETE /v2/hls/{id}`: deletes an HLS stream.
    DeleteHls = "hls.delete": Delete "/v2/hls/{}" (id: "id") none () => serde_json::Value, reply Reply::Empty;

    /// `POST /v2/hls/capture`: one frame of the room's HLS stream as an image (the SDKs'
    /// `hls.capture`).
    CaptureHls = "hls.capture": Post "/v2/hls/capture" () body CaptureHlsParams => HlsCapture,
        reply Reply::Object(&[]);

    /// `POST /v2/livestreams/start`: streams the room's live session to RTMP destinations.
    StartRtmp = "rtmp.start": Post "/v2/livestreams/start" () body StartRtmpParams => serde_json::Value,
        reply Reply::Empty;

    /// `POST /v2/livestreams/end`: ends the room's RTMP live stream.
    StopRtmp = "rtmp.stop": Post "/v2/livestreams/end" () body StopJobParams => serde_json::Value,
        reply Reply::Empty, fields ["roomId", "id"];

    /// `GET /v2/livestreams`: one page of RTMP live streams.
    ListRtmp = "rtmp.list": Get "/v2/livestreams" () query JobFilters => Page<Livestream>, reply PAGE;

    /// `GET /v2/livestreams/{id}`: one RTMP live stream.
    GetRtmp = "rtmp.get": Get "/v2/livestreams/{}" (id: "id") none () => Livestream, reply JOB;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::Provider;
    use crate::http::{HttpResponse, Method};
    use crate::test_support::{body_json, params, read, videosdk_client};
    use serde_json::json;

    #[test]
    fn job_rules() {
        let c = videosdk_client();
        let rtmp: StartRtmpParams = params(json!({"roomId": "r", "outputs": []})).unwrap();
        assert_eq!(
            c.request(&StartRtmp::new(rtmp)).unwrap_err().message(),
            "outputs: must list at least one { url, streamKey }"
        );
        let err = params::<StartRtmpParams>(json!({"roomId": "r", "outputs": [{"url": "rtmp://x"}]})).unwrap_err();
        assert_eq!(err.message(), "outputs[0].streamKey: is required");
        let err = params::<StartRecordingParams>(json!({})).unwrap_err();
        assert_eq!(err.message(), "roomId: is required");
        let hls: StartHlsParams = params(json!({"roomId": "r", "config": {"layout": {"gridSize": 9}}})).unwrap();
        assert_eq!(
            c.request(&StartHls::new(hls)).unwrap_err().message(),
            "config.layout.gridSize: must be an integer from 1 to 4"
        );
        let rec: StartRecordingParams = params(json!({"roomId": "r", "config": {"mode": "video"}})).unwrap();
        assert_eq!(
            c.request(&StartRecording::new(rec)).unwrap_err().message(),
            "config.mode: must be one of video-and-audio, audio"
        );
        let filters = JobFilters { per_page: Some(101), ..JobFilters::default() };
        assert_eq!(
            c.request(&ListHls::new(filters)).unwrap_err().message(),
            "perPage: must be an integer from 1 to 100"
        );
    }

    #[test]
    fn stream_keys_stay_out_of_debug() {
        let output = RtmpOutput { url: "rtmp://a".into(), stream_key: "sk-secret".into() };
        let shown = format!("{output:?}");
        assert!(!shown.contains("sk-secret") && shown.contains("<redacted>"), "{shown}");
    }

    #[test]
    fn stops_and_gets() {
        let c = videosdk_client();
        let req = c.request(&StopHls::new(StopHlsParams { room_id: "r1".into(), id: Some("h1".into()) })).unwrap();
        assert_eq!(req.url, "https://api.videosdk.live/v2/hls/end");
        assert_eq!(body_json(&req), serde_json::from_str::<serde_json::Value>(r#"{"roomId":"r1","id":"h1"}"#).unwrap());
        let req = c.request(&DeleteRecording::new("rec1")).unwrap();
        assert_eq!((req.method, req.url.as_str()), (Method::Delete, "https://api.videosdk.live/v2/recordings/rec1"));
        assert!(req.idempotent);
        assert_eq!(c.request(&GetRtmp::new("l1")).unwrap().url, "https://api.videosdk.live/v2/livestreams/l1");
    }

    #[test]
    fn the_active_stream_is_under_data_with_the_legacy_meeting_id() {
        let body = r#"{"data":{"id":"h1","meetingId":"abc-xyzw-lmno","playbackHlsUrl":"https://cdn/p.m3u8","start":"2024-01-01T00:00:00Z"}}"#;
        let stream: HlsStream = read(Reply::Data(&["id"]), body).unwrap();
        assert_eq!(stream.meeting_id.as_deref(), Some("abc-xyzw-lmno"));
        assert_eq!(stream.room_id, None);
        assert_eq!(stream.playback_hls_url.as_deref(), Some("https://cdn/p.m3u8"));
        assert!(crate::reply::read(Reply::Data(&["id"]), &HttpResponse::new(200, r#"{"id":"h1"}"#)).is_err());
    }

    #[test]
    fn capture_rules_and_answer() {
        let c = videosdk_client();
        let given: CaptureHlsParams =
            params(json!({"roomId": "r1", "format": "png", "width": 640, "height": 360, "time": 12})).unwrap();
        let req = c.request(&CaptureHls::new(given)).unwrap();
        assert_eq!((req.method, req.url.as_str()), (Method::Post, "https://api.videosdk.live/v2/hls/capture"));
        assert_eq!(
            body_json(&req),
            serde_json::from_str::<serde_json::Value>(
                r#"{"roomId":"r1","format":"png","width":640,"height":360,"time":12}"#
            )
            .unwrap()
        );
        for (body, message) in [
            (json!({"roomId": "r1", "format": "gif"}), "format: must be one of png, jpg, webp"),
            (json!({"roomId": "r1", "width": 0}), "width: must be an integer from 1 to 4294967295"),
            (json!({"roomId": "r1", "height": 4_294_967_296_i64}), "height: must be an integer from 1 to 4294967295"),
            (json!({"roomId": "r1", "time": -1}), "time: must be an integer from 0 to 4294967295"),
        ] {
            let given: CaptureHlsParams = params(body).unwrap();
            assert_eq!(c.request(&CaptureHls::new(given)).unwrap_err().message(), message);
        }
        let body = r#"{"message":"Captured","roomId":"r1","filePath":"/c/1.png","fileSize":2048,"fileName":"1.png"}"#;
        let capture: HlsCapture = read(Reply::Object(&[]), body).unwrap();
        assert_eq!(capture.file_size, Some(2048));
    }
}
