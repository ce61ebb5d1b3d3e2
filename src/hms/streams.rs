//! Live streams (HLS) and external streams (RTMP out): started on a room, stopped one by one
//! or all at once, listed and retrieved.

use super::common::Extra;
pub use super::common::{JobFilters, JobStatus, Resolution, VideoResolution};
use super::recordings::RecordingAsset;
use super::HmsClient;
use crate::call::{calls, Validate};
use crate::error::{Error, Result};
use crate::reply::{Page, Paging, Reply};
use crate::rules::{identifier, int_range, optional};
use serde::{Deserialize, Serialize};

/// Whether and how a live stream is recorded (`liveStreams.start`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct HlsRecording {
    /// Records the stream as video on demand.
    pub hls_vod: Option<bool>,
    /// Records one file per layer.
    pub single_file_per_layer: Option<bool>,
}

/// What `liveStreams.start` takes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct LiveStreamStart {
    /// The page the streamer's browser opens (a custom layout).
    pub meeting_url: Option<String>,
    /// Whether and how the stream is recorded.
    pub recording: Option<HlsRecording>,
    /// Which destination of the template the stream goes to.
    pub destination: Option<String>,
}

impl Validate for LiveStreamStart {
    fn validate(&self) -> Result<()> {
        optional(self.destination.as_deref(), |d| identifier("destination", d).map(drop))
    }
}

/// A cue in the HLS stream (`liveStreams.sendTimedMetadata`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TimedMetadata {
    /// What players receive.
    pub payload: String,
    /// How long the cue stays current: 1 to 86400 seconds.
    pub duration: i64,
}

impl Validate for TimedMetadata {
    fn validate(&self) -> Result<()> {
        int_range("duration", self.duration, 1, 86_400)
    }
}

/// RTMP ingest URLs. They carry stream keys, so `Debug` shows only their scheme and host.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RtmpUrls(pub Vec<String>);

impl From<Vec<String>> for RtmpUrls {
    fn from(urls: Vec<String>) -> Self {
        RtmpUrls(urls)
    }
}

impl core::fmt::Debug for RtmpUrls {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        // `rtmp://a.rtmp.youtube.com/live2/<stream key>`: the key must not reach a log.
        f.debug_list().entries(self.0.iter().map(|url| redact(url))).finish()
    }
}

/// The scheme and host of a URL, the rest redacted.
fn redact(url: &str) -> String {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    match url[after_scheme..].find('/') {
        Some(slash) => format!("{}/<redacted>", &url[..after_scheme + slash]),
        None if after_scheme > 0 => url.to_owned(),
        None => "<redacted>".to_owned(),
    }
}

/// What `externalStreams.start` takes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct ExternalStreamStart {
    /// The page the streamer's browser opens (a custom layout).
    pub meeting_url: Option<String>,
    /// Where the stream goes: rtmp:// or rtmps:// URLs with their stream keys.
    pub rtmp_urls: RtmpUrls,
    /// Records the stream too.
    pub recording: Option<bool>,
    /// The video's size.
    pub resolution: Option<Resolution>,
    /// Which destination of the template the stream goes to.
    pub destination: Option<String>,
}

impl ExternalStreamStart {
    /// A stream to these URLs, with the defaults for the rest.
    pub fn to(rtmp_urls: impl IntoIterator<Item = impl Into<String>>) -> Self {
        ExternalStreamStart {
            meeting_url: None,
            rtmp_urls: RtmpUrls(rtmp_urls.into_iter().map(Into::into).collect()),
            recording: None,
            resolution: None,
            destination: None,
        }
    }
}

impl Validate for ExternalStreamStart {
    fn validate(&self) -> Result<()> {
        for (i, url) in self.rtmp_urls.0.iter().enumerate() {
            identifier(&format!("rtmp_urls[{i}]"), url)?;
        }
        optional(self.resolution.as_ref(), |r| r.validate().map_err(|e| e.within("resolution")))?;
        optional(self.destination.as_deref(), |d| identifier("destination", d).map(drop))?;
        if self.rtmp_urls.0.is_empty() {
            return Err(Error::invalid("rtmp_urls", "must list at least one rtmp:// or rtmps:// URL"));
        }
        Ok(())
    }
}

/// How a live stream is recorded, as 100ms answers it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct HlsRecordingState {
    /// Recorded as video on demand.
    pub hls_vod: Option<bool>,
    /// Recorded as one file per layer.
    pub single_file_per_layer: Option<bool>,
    /// Whatever else 100ms sends.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Where a live stream plays.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct Playback {
    /// The HLS playlist's URL (`.../master.m3u8`).
    pub url: Option<String>,
    /// Whatever else 100ms sends.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A live (HLS) stream, as 100ms answers it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct LiveStream {
    /// The stream's id.
    pub id: String,
    /// Its room.
    pub room_id: Option<String>,
    /// The session it streams.
    pub session_id: Option<String>,
    /// Where it is in its life.
    pub status: Option<JobStatus>,
    /// How it is recorded.
    pub recording: Option<HlsRecordingState>,
    /// Where it plays.
    pub playback: Option<Playback>,
    /// Which destination of the template it goes to.
    pub destination: Option<String>,
    /// The page the streamer's browser opened.
    pub meeting_url: Option<String>,
    /// ISO 8601.
    pub created_at: Option<String>,
    /// ISO 8601.
    pub started_at: Option<String>,
    /// ISO 8601.
    pub updated_at: Option<String>,
    /// ISO 8601.
    pub stopped_at: Option<String>,
    /// Who started it (empty when started from the server side).
    pub started_by: Option<String>,
    /// Who stopped it.
    pub stopped_by: Option<String>,
    /// The files its recording left, once completed (lists leave them out).
    pub recording_assets: Option<Vec<RecordingAsset>>,
    /// Whatever else 100ms sends.
    #[serde(flatten)]
    pub extra: Extra,
}

/// An external (RTMP) stream, as 100ms answers it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct ExternalStream {
    /// The stream's id.
    pub id: String,
    /// Its room.
    pub room_id: Option<String>,
    /// The session it streams.
    pub session_id: Option<String>,
    /// Where it is in its life.
    pub status: Option<JobStatus>,
    /// Where it goes.
    pub rtmp_urls: Option<RtmpUrls>,
    /// Whether it is recorded too.
    pub recording: Option<bool>,
    /// The video's size.
    pub resolution: Option<VideoResolution>,
    /// Which destination of the template it goes to.
    pub destination: Option<String>,
    /// The page the streamer's browser opened.
    pub meeting_url: Option<String>,
    /// ISO 8601.
    pub created_at: Option<String>,
    /// ISO 8601.
    pub started_at: Option<String>,
    /// ISO 8601.
    pub updated_at: Option<String>,
    /// ISO 8601.
    pub stopped_at: Option<String>,
    /// Who started it (empty when started from the server side).
    pub started_by: Option<String>,
    /// Who stopped it.
    pub stopped_by: Option<String>,
    /// The files its recording left, once completed (lists leave them out).
    pub recording_assets: Option<Vec<RecordingAsset>>,
    /// Whatever else 100ms sends.
    #[serde(flatten)]
    pub extra: Extra,
}

const JOB: Reply = Reply::Object(&["id"]);
const PAGE: Reply = Reply::Page(Paging::DataLast);

calls! {
    provider HmsClient;

    /// `POST /live-streams/room/{room_id}/start`: starts an HLS stream of a room (never
    /// retried: a second start is not documented as safe).
    StartLiveStream = "liveStreams.start": Post "/live-streams/room/{}/start" (room_id: "roomId")
        body LiveStreamStart => LiveStream, reply JOB;

    /// `POST /live-streams/{stream_id}/stop`: stops one live stream.
    StopLiveStream = "liveStreams.stop": Post "/live-streams/{}/stop" (stream_id: "streamId")
        none () => LiveStream, reply JOB;

    /// `POST /live-streams/room/{room_id}/stop`: stops every live stream of a room, answering them.
    StopAllLiveStreams = "liveStreams.stopAll": Post "/live-streams/room/{}/stop" (room_id: "roomId")
        none () => Vec<LiveStream>, reply Reply::Items;

    /// `GET /live-streams/{stream_id}`.
    GetLiveStream = "liveStreams.retrieve": Get "/live-streams/{}" (stream_id: "streamId")
        none () => LiveStream, reply JOB;

    /// `GET /live-streams`: one page of live streams.
    ListLiveStreams = "liveStreams.list": Get "/live-streams" () query JobFilters => Page<LiveStream>, reply PAGE;

    /// `POST /live-streams/{stream_id}/timed-metadata`: puts a cue into a running stream.
    SendTimedMetadata = "liveStreams.sendTimedMetadata": Post "/live-streams/{}/timed-metadata"
        (stream_id: "streamId") body TimedMetadata => LiveStream, reply JOB;

    /// `POST /live-streams/{stream_id}/pause-recording`.
    PauseLiveStreamRecording = "liveStreams.pauseRecording": Post "/live-streams/{}/pause-recording"
        (stream_id: "streamId") none () => LiveStream, reply JOB;

    /// `POST /live-streams/{stream_id}/resume-recording`.
    ResumeLiveStreamRecording = "liveStreams.resumeRecording": Post "/live-streams/{}/resume-recording"
        (stream_id: "streamId") none () => LiveStream, reply JOB;

    /// `POST /external-streams/room/{room_id}/start`: streams a room to RTMP ingest URLs
    /// (never retried: a second start is not documented as safe).
    StartExternalStream = "externalStreams.start": Post "/external-streams/room/{}/start" (room_id: "roomId")
        body ExternalStreamStart => ExternalStream, reply JOB;

    /// `POST /external-streams/{stream_id}/stop`: stops one external stream.
    StopExternalStream = "externalStreams.stop": Post "/external-streams/{}/stop" (stream_id: "streamId")
        none () => ExternalStream, reply JOB;

    /// `POST /external-streams/room/{room_id}/stop`: stops every external stream of a room,
    /// answering them.
    StopAllExternalStreams = "externalStreams.stopAll": Post "/external-streams/room/{}/stop" (room_id: "roomId")
        none () => Vec<ExternalStream>, reply Reply::Items;

    /// `GET /external-streams/{stream_id}`.
    GetExternalStream = "externalStreams.retrieve": Get "/external-streams/{}" (stream_id: "streamId")
        none () => ExternalStream, reply JOB;

    /// `GET /external-streams`: one page of external streams.
    ListExternalStreams = "externalStreams.list": Get "/external-streams" () query JobFilters
        => Page<ExternalStream>, reply PAGE;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::Provider;
    use crate::http::Method;
    use crate::test_support::{hms_client, params, read};
    use serde_json::{json, Value};

    fn live_error(body: Value) -> String {
        params::<LiveStreamStart>(body)
            .and_then(|p| hms_client().request(&StartLiveStream::new("room", p)))
            .unwrap_err()
            .message()
            .to_owned()
    }

    fn external_error(body: Value) -> String {
        params::<ExternalStreamStart>(body)
            .and_then(|p| hms_client().request(&StartExternalStream::new("room", p)))
            .unwrap_err()
            .message()
            .to_owned()
    }

    #[test]
    fn live_stream_start_builds_the_documented_request() {
        let body = json!({"meeting_url": "https://app.example/beam", "recording": {"hls_vod": true, "single_file_per_layer": false}, "destination": "hls-1"});
        let req = hms_client().request(&StartLiveStream::new("r1", params(body.clone()).unwrap())).unwrap();
        assert_eq!(
            (req.method, req.url.as_str()),
            (Method::Post, "https://api.100ms.live/v2/live-streams/room/r1/start")
        );
        assert!(!req.idempotent, "a start is sent once");
        assert_eq!(serde_json::from_str::<Value>(req.body.as_deref().unwrap()).unwrap(), body);
        let empty = hms_client().request(&StartLiveStream::new("r1", params(Value::Null).unwrap())).unwrap();
        assert_eq!(empty.body.as_deref(), Some("{}"));
    }

    #[test]
    fn live_stream_start_rules() {
        assert_eq!(live_error(json!({"destination": ""})), "destination: must be a non-empty string");
        assert!(live_error(json!({"recording": {"hls_vod": "yes"}})).starts_with("recording.hls_vod: must be "));
        assert!(live_error(json!({"recording": {"vod": true}})).starts_with("recording.vod: is not a known field"));
        assert!(live_error(json!({"recording": true})).starts_with("recording: must be "));
    }

    #[test]
    fn timed_metadata_needs_a_payload_and_1_to_86400_seconds() {
        let req = hms_client()
            .request(&SendTimedMetadata::new("s1", TimedMetadata { payload: "cue".into(), duration: 10 }))
            .unwrap();
        assert_eq!(req.url, "https://api.100ms.live/v2/live-streams/s1/timed-metadata");
        assert_eq!(req.body.as_deref(), Some(r#"{"duration":10,"payload":"cue"}"#));
        assert!(!req.idempotent);
        for good in [1, 86_400] {
            assert!(hms_client()
                .request(&SendTimedMetadata::new("s", TimedMetadata { payload: "p".into(), duration: good }))
                .is_ok());
        }
        for bad in [0, 86_401] {
            let err = hms_client()
                .request(&SendTimedMetadata::new("s", TimedMetadata { payload: "p".into(), duration: bad }));
            assert_eq!(err.unwrap_err().message(), "duration: must be an integer from 1 to 86400");
        }
        assert_eq!(params::<TimedMetadata>(json!({"duration": 5})).unwrap_err().message(), "payload: is required");
        assert_eq!(params::<TimedMetadata>(json!({"payload": "p"})).unwrap_err().message(), "duration: is required");
    }

    #[test]
    fn live_stream_paths() {
        let c = hms_client();
        let cases = [
            (c.request(&StopLiveStream::new("s1")), Method::Post, "/live-streams/s1/stop"),
            (c.request(&StopAllLiveStreams::new("r1")), Method::Post, "/live-streams/room/r1/stop"),
            (c.request(&GetLiveStream::new("s1")), Method::Get, "/live-streams/s1"),
            (c.request(&PauseLiveStreamRecording::new("s1")), Method::Post, "/live-streams/s1/pause-recording"),
            (c.request(&ResumeLiveStreamRecording::new("s1")), Method::Post, "/live-streams/s1/resume-recording"),
            (c.request(&ListLiveStreams::new(JobFilters::default())), Method::Get, "/live-streams"),
        ];
        for (req, method, path) in cases {
            let req = req.unwrap();
            assert_eq!((req.method, req.url.as_str()), (method, format!("https://api.100ms.live/v2{path}").as_str()));
            assert_eq!(req.idempotent, method == Method::Get, "{path}");
        }
        assert_eq!(c.request(&StopLiveStream::new("")).unwrap_err().message(), "streamId: must be a non-empty string");
        let filters = JobFilters { status: Some("running".into()), limit: Some(200), ..JobFilters::default() };
        assert_eq!(
            c.request(&ListLiveStreams::new(filters)).unwrap_err().message(),
            "limit: must be an integer from 1 to 100"
        );
    }

    #[test]
    fn external_stream_start_builds_the_documented_request() {
        let body = json!({"meeting_url": "https://app.example/beam", "rtmp_urls": ["rtmp://a.rtmp.youtube.com/live2/key-1"],
            "recording": true, "resolution": {"width": 1280, "height": 720}, "destination": "rtmp-1"});
        let req = hms_client().request(&StartExternalStream::new("r1", params(body.clone()).unwrap())).unwrap();
        assert_eq!(
            (req.method, req.url.as_str()),
            (Method::Post, "https://api.100ms.live/v2/external-streams/room/r1/start")
        );
        assert!(!req.idempotent);
        assert_eq!(serde_json::from_str::<Value>(req.body.as_deref().unwrap()).unwrap(), body);
        let typed = ExternalStreamStart::to(["rtmps://live.example:443/app/key-2"]);
        let req = hms_client().request(&StartExternalStream::new("r1", typed)).unwrap();
        assert_eq!(req.body.as_deref(), Some(r#"{"rtmp_urls":["rtmps://live.example:443/app/key-2"]}"#));
    }

    #[test]
    fn external_stream_start_rules() {
        assert_eq!(external_error(json!({})), "rtmp_urls: is required");
        assert_eq!(
            external_error(json!({"rtmp_urls": []})),
            "rtmp_urls: must list at least one rtmp:// or rtmps:// URL"
        );
        assert_eq!(
            external_error(json!({"rtmp_urls": ["rtmp://ok/k", ""]})),
            "rtmp_urls[1]: must be a non-empty string"
        );
        assert!(external_error(json!({"rtmp_urls": "rtmp://x/k"})).starts_with("rtmp_urls: must be "));
        assert_eq!(
            external_error(json!({"rtmp_urls": ["rtmp://x/k"], "resolution": {"width": 2000, "height": 720}})),
            "resolution.width: must be an integer from 500 to 1920"
        );
        assert_eq!(
            external_error(json!({"rtmp_urls": ["rtmp://x/k"], "destination": ""})),
            "destination: must be a non-empty string"
        );
        assert!(external_error(json!({"rtmp_urls": ["rtmp://x/k"], "recording": 1})).starts_with("recording: must be "));
    }

    #[test]
    fn stream_keys_stay_out_of_debug() {
        let start =
            ExternalStreamStart::to(["rtmp://a.rtmp.youtube.com/live2/secret-key", "secret-only", "rtmps://host"]);
        let shown = format!("{:?}", StartExternalStream::new("r", start));
        assert!(!shown.contains("secret"), "{shown}");
        assert!(shown.contains("rtmp://a.rtmp.youtube.com/<redacted>"), "{shown}");
        assert!(shown.contains("rtmps://host"), "{shown}");
    }

    #[test]
    fn external_stream_paths() {
        let c = hms_client();
        let stop = c.request(&StopExternalStream::new("s1")).unwrap();
        assert_eq!(
            (stop.method, stop.url.as_str()),
            (Method::Post, "https://api.100ms.live/v2/external-streams/s1/stop")
        );
        let all = c.request(&StopAllExternalStreams::new("r1")).unwrap();
        assert_eq!(all.url, "https://api.100ms.live/v2/external-streams/room/r1/stop");
        let get = c.request(&GetExternalStream::new("s1")).unwrap();
        assert_eq!((get.method, get.url.as_str()), (Method::Get, "https://api.100ms.live/v2/external-streams/s1"));
        let filters: JobFilters = params(json!({"room_id": "r1", "limit": 5})).unwrap();
        let list = c.request(&ListExternalStreams::new(filters)).unwrap();
        assert_eq!(list.url, "https://api.100ms.live/v2/external-streams?limit=5&room_id=r1");
    }

    #[test]
    fn streams_parse_with_every_declared_member() {
        let live: LiveStream = read(
            JOB,
            r#"{"id":"s1","room_id":"r1","session_id":"x","status":"starting","playback":{"url":"https://hls.example/master.m3u8"},
            "recording":{"hls_vod":true,"single_file_per_layer":false},"meeting_url":"","destination":"hls-1",
            "created_at":"2024-05-01T10:15:04Z","started_at":null,"updated_at":"2024-05-01T10:15:04Z","stopped_at":null,
            "started_by":"","stopped_by":"","recording_assets":null,"brand_new":1}"#,
        )
        .unwrap();
        assert_eq!(live.status, Some(JobStatus::Starting));
        assert_eq!(live.destination.as_deref(), Some("hls-1"));
        assert_eq!(live.playback.unwrap().url.as_deref(), Some("https://hls.example/master.m3u8"));
        assert_eq!(live.recording.unwrap().hls_vod, Some(true));
        assert_eq!(live.extra["brand_new"], 1);
        let bare: LiveStream = read(JOB, r#"{"id":"s1"}"#).unwrap();
        assert_eq!(bare.destination, None, "a start answer without destination still parses");
        let external: ExternalStream = read(
            JOB,
            r#"{"id":"e1","status":"completed","rtmp_urls":["rtmp://x/k"],"recording":true,"resolution":{"width":1280,"height":720},
            "destination":"rtmp-1","recording_assets":[{"id":"a1","type":"room-composite","status":"completed","size":10,"duration":1.5}]}"#,
        )
        .unwrap();
        assert_eq!(external.rtmp_urls, Some(RtmpUrls(vec!["rtmp://x/k".into()])));
        assert_eq!(external.resolution.unwrap().height, Some(720));
        assert_eq!(external.recording_assets.unwrap()[0].duration, Some(1.5));
        assert!(read::<ExternalStream>(JOB, r#"{"status":"running"}"#).is_err());
        let stopped: Vec<ExternalStream> =
            read(Reply::Items, r#"{"limit":1,"data":[{"id":"e1","status":"stopping"}]}"#).unwrap();
        assert_eq!(stopped[0].status, Some(JobStatus::Stopping));
        let page: Page<LiveStream> =
            read(PAGE, r#"{"limit":1,"data":[{"id":"s1","status":"mystery"}],"last":"s1"}"#).unwrap();
        assert_eq!(page.items[0].status, Some(JobStatus::Other("mystery".into())));
    }
}
