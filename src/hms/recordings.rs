//! Recordings (browser composite recordings of a room) and their assets: the files a
//! recording or stream leaves behind, and short-lived download URLs for them.

use super::common::{check_limit, Extra};
pub use super::common::{JobFilters, JobStatus, Resolution, VideoResolution};
use super::HmsClient;
use crate::call::{calls, Validate};
use crate::error::Result;
use crate::open_enum::open_enum;
use crate::reply::{Page, Paging, Reply};
use crate::rules::{identifier, int_range, optional};
use serde::{Deserialize, Serialize};

/// What `recordings.start` takes. Everything is optional: without a `meeting_url`, 100ms
/// records its own composite view of the room.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct RecordingStart {
    /// The page the recorder's browser opens (a custom layout).
    pub meeting_url: Option<String>,
    /// The video's size.
    pub resolution: Option<Resolution>,
    /// Records sound only.
    pub audio_only: Option<bool>,
    /// Transcription and summary settings, passed on as given.
    pub transcription: Option<serde_json::Map<String, serde_json::Value>>,
}

impl Validate for RecordingStart {
    fn validate(&self) -> Result<()> {
        optional(self.resolution.as_ref(), |r| r.validate().map_err(|e| e.within("resolution")))
    }
}

/// How long a presigned download URL lives (`recordingAssets.generatePreSignedURL`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Presign {
    /// Seconds, from a minute (60) to a week (604800); default an hour, as the official SDK.
    #[serde(default = "Presign::default_duration")]
    #[cfg_attr(feature = "ts", ts(as = "Option<i64>", optional))]
    pub presign_duration: i64,
}

impl Presign {
    /// `@100mslive/server-sdk`'s default when the duration is left out: 3600 s.
    pub const DEFAULT_DURATION: i64 = 3600;

    fn default_duration() -> i64 {
        Self::DEFAULT_DURATION
    }
}

impl Validate for Presign {
    fn validate(&self) -> Result<()> {
        int_range("presign_duration", self.presign_duration, 60, 604_800)
    }

    fn complete(&self, wire: &mut serde_json::Map<String, serde_json::Value>) {
        // The default, when the caller left the duration out.
        wire.insert("presign_duration".to_owned(), self.presign_duration.into());
    }
}

/// The filters of `recordingAssets.list`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct AssetFilters {
    /// Only the assets of this room.
    pub room_id: Option<String>,
    /// Only the assets of this job (recording or stream).
    pub job_id: Option<String>,
    /// Only the assets of this session.
    pub session_id: Option<String>,
    /// Only the assets in this status (`completed`, `failed`).
    pub status: Option<String>,
    /// Only the assets of this type (`room-composite`, `chat`...).
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Page size, 1 to 100.
    pub limit: Option<i64>,
    /// The cursor of the page to fetch (a page's `next`).
    pub start: Option<String>,
}

impl Validate for AssetFilters {
    fn validate(&self) -> Result<()> {
        for (field, value) in [
            ("room_id", &self.room_id),
            ("job_id", &self.job_id),
            ("session_id", &self.session_id),
            ("status", &self.status),
            ("type", &self.kind),
        ] {
            optional(value.as_deref(), |value| identifier(field, value).map(drop))?;
        }
        check_limit(self.limit)
    }
}

open_enum! {
    /// What a recording asset holds.
    AssetType {
        /// The composite video (or audio) of the room.
        RoomComposite = "room-composite",
        /// A composite made by the legacy recorder.
        RoomCompositeLegacy = "room-composite-legacy",
        /// The recorded HLS stream (video on demand).
        RoomVod = "room-vod",
        /// The chat, as CSV.
        Chat = "chat",
        /// A transcript.
        Transcript = "transcript",
        /// A summary of the transcript.
        Summary = "summary",
    }
}

open_enum! {
    /// Whether a recording asset was made.
    AssetStatus {
        /// Ready to download.
        Completed = "completed",
        /// Not made.
        Failed = "failed",
    }
}

/// What an asset's file holds, as far as 100ms says.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct RecordingMetadata {
    /// The video's size.
    pub resolution: Option<VideoResolution>,
    /// How many layers a stream recording has (a number, as a string).
    pub num_layers: Option<String>,
    /// Which layer this file is (a number, as a string).
    pub layer: Option<String>,
    /// The widest layer, in pixels.
    pub max_width: Option<i64>,
    /// The tallest layer, in pixels.
    pub max_height: Option<i64>,
    /// `audio` for a sound-only recording.
    pub media_type: Option<String>,
    /// Whatever else 100ms sends.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A recording asset, as 100ms answers it (alone, or in its job's `recording_assets`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct RecordingAsset {
    /// The asset's id.
    pub id: String,
    /// The recording or stream that made it.
    pub job_id: Option<String>,
    /// Its room.
    pub room_id: Option<String>,
    /// Its session.
    pub session_id: Option<String>,
    /// What it holds.
    #[serde(rename = "type")]
    pub kind: Option<AssetType>,
    /// Where the file is stored (`s3://bucket/...`).
    pub path: Option<String>,
    /// Whether it was made.
    pub status: Option<AssetStatus>,
    /// Bytes.
    pub size: Option<i64>,
    /// Seconds.
    pub duration: Option<f64>,
    /// ISO 8601.
    pub created_at: Option<String>,
    /// Preview images of a video on demand.
    pub thumbnails: Option<Vec<String>>,
    /// What the file holds.
    pub metadata: Option<RecordingMetadata>,
    /// Whatever else 100ms sends.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A recording, as 100ms answers it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct RecordingJob {
    /// The recording's id.
    pub id: String,
    /// Its room.
    pub room_id: Option<String>,
    /// The session it records.
    pub session_id: Option<String>,
    /// Where it is in its life.
    pub status: Option<JobStatus>,
    /// The kinds of asset it makes.
    pub asset_types: Option<Vec<AssetType>>,
    /// The page the recorder's browser opened.
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
    /// The files it left, once completed (lists leave them out).
    pub recording_assets: Option<Vec<RecordingAsset>>,
    /// Whatever else 100ms sends.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The configuration a recording runs with. 100ms does not document this answer; the
/// members here are the start parameters it echoes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields), ts(rename = "RecordingJobConfig"))]
pub struct RecordingConfig {
    /// The recording's id.
    pub id: Option<String>,
    /// Its room.
    pub room_id: Option<String>,
    /// The page the recorder's browser opens.
    pub meeting_url: Option<String>,
    /// The video's size.
    pub resolution: Option<VideoResolution>,
    /// Whether it records sound only.
    pub audio_only: Option<bool>,
    /// Where it goes.
    pub destination: Option<String>,
    /// Transcription and summary settings.
    pub transcription: Option<serde_json::Map<String, serde_json::Value>>,
    /// Whatever else 100ms sends.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A short-lived download URL of an asset.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct PresignedUrl {
    /// The URL to download from.
    pub url: String,
    /// The asset's id.
    pub id: Option<String>,
    /// Where the file is stored.
    pub path: Option<String>,
    /// How long the URL lives, in seconds.
    pub expiry: Option<i64>,
    /// Whatever else 100ms sends.
    #[serde(flatten)]
    pub extra: Extra,
}

const JOB: Reply = Reply::Object(&["id"]);

calls! {
    provider HmsClient;

    /// `POST /recordings/room/{room_id}/start`: starts recording a room (never retried: a
    /// second start is not documented as safe).
    StartRecording = "recordings.start": Post "/recordings/room/{}/start" (room_id: "roomId")
        body RecordingStart => RecordingJob, reply JOB;

    /// `POST /recordings/{recording_id}/stop`: stops one recording.
    StopRecording = "recordings.stop": Post "/recordings/{}/stop" (recording_id: "recordingId")
        none () => RecordingJob, reply JOB;

    /// `POST /recordings/room/{room_id}/stop`: stops every recording of a room, answering them.
    StopAllRecordings = "recordings.stopAll": Post "/recordings/room/{}/stop" (room_id: "roomId")
        none () => Vec<RecordingJob>, reply Reply::Items;

    /// `GET /recordings/{recording_id}`.
    GetRecording = "recordings.retrieve": Get "/recordings/{}" (recording_id: "recordingId")
        none () => RecordingJob, reply JOB;

    /// `GET /recordings`: one page of recordings.
    ListRecordings = "recordings.list": Get "/recordings" () query JobFilters => Page<RecordingJob>,
        reply Reply::Page(Paging::DataLast);

    /// `GET /recordings/{recording_id}/config`: the configuration a recording runs with.
    GetRecordingConfig = "recordings.retrieveConfig": Get "/recordings/{}/config"
        (recording_id: "recordingId") none () => RecordingConfig, reply Reply::Object(&[]);

    /// `GET /recording-assets/{asset_id}`.
    GetRecordingAsset = "recordingAssets.retrieve": Get "/recording-assets/{}" (asset_id: "assetId")
        none () => RecordingAsset, reply JOB;

    /// `GET /recording-assets`: one page of recording assets.
    ListRecordingAssets = "recordingAssets.list": Get "/recording-assets" () query AssetFilters
        => Page<RecordingAsset>, reply Reply::Page(Paging::DataLast);

    /// `GET /recording-assets/{asset_id}/presigned-url?presign_duration=`: a download URL
    /// that lives `presign_duration` seconds.
    GeneratePreSignedUrl = "recordingAssets.generatePreSignedURL": Get "/recording-assets/{}/presigned-url"
        (asset_id: "assetId") query Presign => PresignedUrl,
        reply Reply::Object(&["url"]), fields ["presign_duration"];
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::call::Call;
    use crate::client::Provider;
    use crate::http::Method;
    use crate::test_support::{hms_client, params, read};
    use serde_json::{json, Value};

    fn start_error(body: Value) -> String {
        params::<RecordingStart>(body)
            .and_then(|p| hms_client().request(&StartRecording::new("room", p)))
            .unwrap_err()
            .message()
            .to_owned()
    }

    #[test]
    fn start_builds_the_documented_request() {
        let body = json!({
            "meeting_url": "https://app.example/preview?skip_preview=true",
            "resolution": {"width": 1280, "height": 720},
            "audio_only": false,
            "transcription": {"enabled": true, "output_modes": ["txt"], "summary": {"enabled": true}}
        });
        let req = hms_client().request(&StartRecording::new("6284eb3f", params(body.clone()).unwrap())).unwrap();
        assert_eq!(req.method, Method::Post);
        assert_eq!(req.url, "https://api.100ms.live/v2/recordings/room/6284eb3f/start");
        assert!(!req.idempotent, "a start is sent once");
        let sent: Value = serde_json::from_str(req.body.as_deref().unwrap()).unwrap();
        assert_eq!(sent, body);
        let empty = hms_client().request(&StartRecording::new("r", params(Value::Null).unwrap())).unwrap();
        assert_eq!(empty.body.as_deref(), Some("{}"));
    }

    #[test]
    fn resolution_is_500_to_1920_pixels_a_side() {
        for (w, h) in [(500, 500), (1920, 1920), (1280, 720)] {
            let p: RecordingStart = params(json!({"resolution": {"width": w, "height": h}})).unwrap();
            assert!(hms_client().request(&StartRecording::new("r", p)).is_ok());
        }
        assert_eq!(
            start_error(json!({"resolution": {"width": 499, "height": 720}})),
            "resolution.width: must be an integer from 500 to 1920"
        );
        assert_eq!(
            start_error(json!({"resolution": {"width": 1280, "height": 1921}})),
            "resolution.height: must be an integer from 500 to 1920"
        );
        assert_eq!(start_error(json!({"resolution": {"width": 1280}})), "resolution.height: is required");
        assert!(start_error(json!({"audio_only": "yes"})).starts_with("audio_only: must be "));
        assert!(start_error(json!({"transcription": true})).starts_with("transcription: must be "));
        assert!(start_error(json!({"resolutoin": {}})).starts_with("resolutoin: is not a known field"));
    }

    #[test]
    fn stops_retrieves_and_config_address_the_job() {
        let c = hms_client();
        let stop = c.request(&StopRecording::new("job 1")).unwrap();
        assert_eq!(
            (stop.method, stop.url.as_str()),
            (Method::Post, "https://api.100ms.live/v2/recordings/job%201/stop")
        );
        assert!(!stop.idempotent);
        let all = c.request(&StopAllRecordings::new("room")).unwrap();
        assert_eq!(all.url, "https://api.100ms.live/v2/recordings/room/room/stop");
        let get = c.request(&GetRecording::new("j")).unwrap();
        assert_eq!((get.method, get.url.as_str()), (Method::Get, "https://api.100ms.live/v2/recordings/j"));
        let config = c.request(&GetRecordingConfig::new("j")).unwrap();
        assert_eq!(config.url, "https://api.100ms.live/v2/recordings/j/config");
        assert_eq!(
            c.request(&StopRecording::new("")).unwrap_err().message(),
            "recordingId: must be a non-empty string"
        );
        assert_eq!(c.request(&GetRecordingAsset::new("..")).unwrap_err().message(), "assetId: must not be . or ..");
    }

    #[test]
    fn job_filters_are_checked() {
        let filters: JobFilters =
            params(json!({"room_id": "r1", "session_id": "s1", "status": "running", "limit": 10, "start": "c"}))
                .unwrap();
        let req = hms_client().request(&ListRecordings::new(filters)).unwrap();
        assert_eq!(
            req.url,
            "https://api.100ms.live/v2/recordings?limit=10&room_id=r1&session_id=s1&start=c&status=running"
        );
        let err =
            |f: Value| hms_client().request(&ListRecordings::new(params(f).unwrap())).unwrap_err().message().to_owned();
        assert_eq!(err(json!({"limit": 101})), "limit: must be an integer from 1 to 100");
        assert_eq!(err(json!({"room_id": ""})), "room_id: must be a non-empty string");
        assert_eq!(err(json!({"session_id": "a\nb"})), "session_id: must not contain control characters");
        assert_eq!(err(json!({"status": ""})), "status: must be a non-empty string");
        assert!(params::<JobFilters>(json!({"type": "x"}))
            .unwrap_err()
            .message()
            .starts_with("type: is not a known field"));
    }

    #[test]
    fn asset_filters_are_checked() {
        let filters: AssetFilters = params(json!({"job_id": "j", "type": "chat", "status": "failed"})).unwrap();
        let req = hms_client().request(&ListRecordingAssets::new(filters)).unwrap();
        assert_eq!(req.url, "https://api.100ms.live/v2/recording-assets?job_id=j&status=failed&type=chat");
        let err = |f: Value| {
            hms_client().request(&ListRecordingAssets::new(params(f).unwrap())).unwrap_err().message().to_owned()
        };
        for field in ["room_id", "job_id", "session_id", "status", "type"] {
            assert_eq!(err(json!({ field: "" })), format!("{field}: must be a non-empty string"));
        }
        assert_eq!(err(json!({"limit": 0})), "limit: must be an integer from 1 to 100");
    }

    #[test]
    fn presigned_url_takes_a_duration_of_a_minute_to_a_week() {
        assert_eq!(GeneratePreSignedUrl::SPEC.fields, &["presign_duration"]);
        let req = hms_client().request(&GeneratePreSignedUrl::new("a1", Presign { presign_duration: 3600 })).unwrap();
        assert_eq!(req.url, "https://api.100ms.live/v2/recording-assets/a1/presigned-url?presign_duration=3600");
        assert!(req.idempotent);
        for good in [60, 604_800] {
            assert!(hms_client().request(&GeneratePreSignedUrl::new("a", Presign { presign_duration: good })).is_ok());
        }
        for bad in [59, 604_801] {
            let err =
                hms_client().request(&GeneratePreSignedUrl::new("a", Presign { presign_duration: bad })).unwrap_err();
            assert_eq!(err.message(), "presign_duration: must be an integer from 60 to 604800");
        }
        // Left out, it is an hour, as @100mslive/server-sdk defaults it.
        assert_eq!(params::<Presign>(json!({})).unwrap(), Presign { presign_duration: 3600 });
    }

    const ASSET: &str = r#"{"id":"a1","job_id":"j1","room_id":"r1","session_id":"s1","type":"room-composite",
        "path":"s3://bucket/r1/s1/j1/composite.mp4","status":"completed","size":4800000,"duration":10,
        "created_at":"2024-05-01T10:15:14Z","thumbnails":null,
        "metadata":{"resolution":{"width":1280,"height":720},"output_mode":"txt"}}"#;

    #[test]
    fn jobs_and_assets_parse_and_keep_unknown_fields() {
        let body = format!(
            r#"{{"id":"j1","room_id":"r1","session_id":"s1","status":"completed","asset_types":["room-composite","chat","hologram"],
            "meeting_url":"","created_at":"2024-05-01T10:15:04Z","started_at":"2024-05-01T10:15:04Z",
            "updated_at":"2024-05-01T10:15:14Z","stopped_at":"2024-05-01T10:15:14Z","started_by":"","stopped_by":"",
            "recording_assets":[{ASSET}],"brand_new":true}}"#
        );
        let job: RecordingJob = read(JOB, &body).unwrap();
        assert_eq!(job.status, Some(JobStatus::Completed));
        assert_eq!(job.asset_types.as_ref().unwrap()[2], AssetType::Other("hologram".into()));
        let asset = &job.recording_assets.as_ref().unwrap()[0];
        assert_eq!(asset.kind, Some(AssetType::RoomComposite));
        assert_eq!(asset.duration, Some(10.0));
        let metadata = asset.metadata.as_ref().unwrap();
        assert_eq!(metadata.resolution.as_ref().unwrap().width, Some(1280));
        assert_eq!(metadata.extra["output_mode"], "txt");
        assert_eq!(job.extra["brand_new"], true);
        let starting: RecordingJob =
            read(JOB, r#"{"id":"j","status":"starting","started_at":null,"recording_assets":null}"#).unwrap();
        assert_eq!((starting.started_at, starting.recording_assets), (None, None));
        assert_eq!(
            read::<RecordingJob>(JOB, r#"{"status":"running"}"#).unwrap_err().code().as_str(),
            "invalid_response"
        );
        let stopped: Vec<RecordingJob> =
            read(Reply::Items, r#"{"limit":1,"data":[{"id":"j","status":"stopping"}]}"#).unwrap();
        assert_eq!(stopped[0].status, Some(JobStatus::Stopping));
        let page: Page<RecordingAsset> =
            read(Reply::Page(Paging::DataLast), &format!(r#"{{"data":[{ASSET}],"last":"a1"}}"#)).unwrap();
        assert_eq!(page.items[0].status, Some(AssetStatus::Completed));
    }

    #[test]
    fn presigned_urls_and_configs_parse() {
        let url: PresignedUrl = read(
            Reply::Object(&["url"]),
            r#"{"id":"a1","path":"s3://b/f.mp4","url":"https://storage.example/f.mp4?sig=x","expiry":3600}"#,
        )
        .unwrap();
        assert_eq!((url.url.as_str(), url.expiry), ("https://storage.example/f.mp4?sig=x", Some(3600)));
        assert!(read::<PresignedUrl>(Reply::Object(&["url"]), r#"{"id":"a1"}"#).is_err());
        let config: RecordingConfig = read(
            Reply::Object(&[]),
            r#"{"id":"j","resolution":{"width":1280,"height":720},"audio_only":false,"transcription":{"enabled":false}}"#,
        )
        .unwrap();
        assert_eq!(config.audio_only, Some(false));
        assert_eq!(config.transcription.unwrap()["enabled"], false);
    }
}
