//! Transcodings: post-processing of finished recordings and HLS streams into files (both
//! official SDKs' `transcodings`): merge individual recordings, HLS to MP4, concatenate room
//! recordings; list, get and cancel the jobs.

use super::common::{check_id, check_page, Extra};
use super::VideoSdkClient;
use crate::call::{calls, Validate};
use crate::error::{Error, Result};
use crate::open_enum::open_enum;
use crate::reply::{Page, Paging, Reply};
use crate::rules::{identifier, optional};
use serde::{Deserialize, Serialize};

open_enum! {
    /// A transcoding job's state.
    TranscodingStatus {
        /// Queued.
        Pending = "pending",
        /// Running.
        Processing = "processing",
        /// Done.
        Completed = "completed",
        /// Failed.
        Failed = "failed",
        /// Cancelled.
        Cancelled = "cancelled",
    }
}

open_enum! {
    /// A transcoding job's kind.
    TranscodingTask {
        /// Individual recordings merged into one file.
        CompositeMerge = "composite-merge",
        /// A finished HLS stream as MP4.
        HlsToMp4 = "hls-to-mp4",
        /// Room recordings concatenated.
        MeetingRecordingMerge = "meeting-recording-merge",
    }
}

/// A transcoding job, as VideoSDK answers it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct Transcoding {
    /// The job id.
    pub id: String,
    /// The recordings transcoded.
    pub recording_ids: Option<Vec<serde_json::Value>>,
    /// The room.
    pub room_id: Option<String>,
    /// The session.
    pub session_id: Option<String>,
    /// The HLS stream.
    pub hls_id: Option<String>,
    /// The job's state.
    pub status: Option<TranscodingStatus>,
    /// The job's kind.
    pub task: Option<TranscodingTask>,
    /// When it started.
    pub started_at: Option<String>,
    /// When it stopped; `null` while running.
    pub stopped_at: Option<String>,
    /// The file (`fileUrl`, `filePath`, size, ...).
    pub file: Option<serde_json::Value>,
    /// Whatever else VideoSDK sends.
    #[serde(flatten)]
    pub extra: Extra,
}

open_enum! {
    /// What a merge watermark shows.
    TranscodingWatermarkType {
        /// An image (`image` required).
        Image = "image",
        /// A running time (`startTime` required).
        Timestamp = "timestamp",
        /// A position (`lat` and `long` required).
        LatLong = "lat_long",
    }
}

/// A watermark on a merged file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct TranscodingWatermark {
    /// `image`, `timestamp` or `lat_long`.
    #[serde(rename = "type")]
    pub kind: TranscodingWatermarkType,
    /// The image (`image`).
    pub image: Option<String>,
    /// The start time (`timestamp`).
    pub start_time: Option<String>,
    /// Latitude (`lat_long`).
    pub lat: Option<f64>,
    /// Longitude (`lat_long`).
    pub long: Option<f64>,
}

impl Validate for TranscodingWatermark {
    fn validate(&self) -> Result<()> {
        self.kind.check("type")?;
        match self.kind {
            TranscodingWatermarkType::Image if self.image.is_none() => {
                Err(Error::invalid("image", "is required when type is image"))
            }
            TranscodingWatermarkType::Timestamp if self.start_time.is_none() => {
                Err(Error::invalid("startTime", "is required when type is timestamp"))
            }
            TranscodingWatermarkType::LatLong if self.lat.is_none() || self.long.is_none() => {
                Err(Error::invalid("lat", "and long are required when type is lat_long"))
            }
            _ => Ok(()),
        }
    }
}

/// Merges individual recordings into one MP4 (`transcodings.merge`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct MergeTranscodingParams {
    /// The individual recordings, at least one, no duplicates.
    pub recording_ids: Vec<String>,
    /// `composite-merge`, the only kind (and the default).
    pub task: Option<TranscodingTask>,
    /// Notified when the job ends.
    pub webhook_url: Option<String>,
    /// A watermark.
    pub watermark: Option<TranscodingWatermark>,
}

impl Validate for MergeTranscodingParams {
    fn validate(&self) -> Result<()> {
        if self.recording_ids.is_empty() {
            return Err(Error::invalid("recordingIds", "must list at least one recording id"));
        }
        for (i, id) in self.recording_ids.iter().enumerate() {
            identifier(&format!("recordingIds[{i}]"), id)?;
            if self.recording_ids[..i].contains(id) {
                return Err(Error::invalid(format!("recordingIds[{i}]"), "must not repeat a recording id"));
            }
        }
        if self.task.as_ref().is_some_and(|t| *t != TranscodingTask::CompositeMerge) {
            return Err(Error::invalid("task", "must be composite-merge"));
        }
        optional(self.watermark.as_ref(), |w| w.validate().map_err(|e| e.within("watermark")))
    }
}

open_enum! {
    /// The storage of an HLS-to-MP4 file.
    StorageType {
        /// Amazon S3.
        S3 = "s3",
        /// Azure Blob Storage.
        Blob = "blob",
        /// Google Cloud Storage.
        Gcp = "gcp",
    }
}

/// Where an HLS-to-MP4 file goes; the provider must match the account's storage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct TranscodingStorage {
    /// `s3`, `blob` or `gcp`.
    #[serde(rename = "type")]
    pub kind: StorageType,
    /// The bucket (`s3`, `gcp`).
    pub bucket: Option<String>,
    /// The container (`blob`).
    pub container: Option<String>,
    /// The path prefix.
    pub dir_path: Option<String>,
}

/// Converts a finished HLS stream to MP4 (`transcodings.hlsToMp4`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct HlsToMp4Params {
    /// The room's HLS.
    pub room_id: Option<String>,
    /// The session's HLS.
    pub session_id: Option<String>,
    /// The HLS stream.
    pub hls_id: Option<String>,
    /// Notified when the job ends.
    pub webhook_url: Option<String>,
    /// Where the file goes.
    pub storage: Option<TranscodingStorage>,
}

impl Validate for HlsToMp4Params {
    fn validate(&self) -> Result<()> {
        check_id("roomId", self.room_id.as_deref())?;
        check_id("sessionId", self.session_id.as_deref())?;
        check_id("hlsId", self.hls_id.as_deref())?;
        if self.room_id.is_none() && self.session_id.is_none() && self.hls_id.is_none() {
            return Err(Error::invalid("roomId", "or sessionId or hlsId is required: say which HLS to convert"));
        }
        optional(self.storage.as_ref(), |s| s.kind.check("type").map_err(|e| e.within("storage")))
    }
}

/// A room recording to concatenate: its id, or `{ id, presignedUrl }`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum MeetingRecordingRef {
    /// By id.
    Id(String),
    /// By id, fetched from a presigned URL.
    Presigned {
        /// The recording id.
        id: String,
        /// Where to fetch it.
        #[serde(rename = "presignedUrl")]
        #[cfg_attr(feature = "ts", ts(optional))]
        presigned_url: Option<String>,
    },
}

/// Concatenates room recordings in time order (`transcodings.meetingRecordingMerge`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct MeetingRecordingMergeParams {
    /// The room recordings, at least one.
    pub recording_ids: Vec<MeetingRecordingRef>,
    /// Notified when the job ends.
    pub webhook_url: Option<String>,
    /// Where the file goes; takes precedence over the account's storage.
    pub presigned_output_url: Option<String>,
}

impl Validate for MeetingRecordingMergeParams {
    fn validate(&self) -> Result<()> {
        if self.recording_ids.is_empty() {
            return Err(Error::invalid("recordingIds", "must list at least one recording id"));
        }
        for (i, reference) in self.recording_ids.iter().enumerate() {
            let (MeetingRecordingRef::Id(id) | MeetingRecordingRef::Presigned { id, .. }) = reference;
            identifier(&format!("recordingIds[{i}]"), id)?;
        }
        Ok(())
    }
}

/// The filters of `transcodings.list`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct TranscodingFilters {
    /// One room's jobs.
    pub room_id: Option<String>,
    /// One session's jobs.
    pub session_id: Option<String>,
    /// One HLS stream's jobs.
    pub hls_id: Option<String>,
    /// Jobs in this state.
    pub status: Option<TranscodingStatus>,
    /// The page, from 1.
    pub page: Option<i64>,
    /// Page size, 1 to 100.
    pub per_page: Option<i64>,
}

impl Validate for TranscodingFilters {
    fn validate(&self) -> Result<()> {
        check_id("roomId", self.room_id.as_deref())?;
        check_id("sessionId", self.session_id.as_deref())?;
        check_id("hlsId", self.hls_id.as_deref())?;
        optional(self.status.as_ref(), |s| s.check("status"))?;
        check_page(self.page, self.per_page)
    }
}

const JOB: Reply = Reply::Object(&["id"]);

calls! {
    provider VideoSdkClient;

    /// `POST /v2/transcodings/merge` (mirrors `transcodings.merge`).
    MergeTranscoding = "transcodings.merge": Post "/v2/transcodings/merge" () body MergeTranscodingParams
        => Transcoding, reply JOB;

    /// `POST /v2/transcodings/hls-to-mp4` (mirrors `transcodings.hlsToMp4`).
    HlsToMp4 = "transcodings.hlsToMp4": Post "/v2/transcodings/hls-to-mp4" () body HlsToMp4Params
        => Transcoding, reply JOB;

    /// `POST /v2/transcodings/meeting-recording-merge` (mirrors
    /// `transcodings.meetingRecordingMerge`).
    MeetingRecordingMerge = "transcodings.meetingRecordingMerge": Post "/v2/transcodings/meeting-recording-merge" ()
        body MeetingRecordingMergeParams => Transcoding, reply JOB;

    /// `GET /v2/transcodings`: one page of jobs (mirrors `transcodings.list`).
    ListTranscodings = "transcodings.list": Get "/v2/transcodings" () query TranscodingFilters
        => Page<Transcoding>, reply Reply::Page(Paging::PageNumber);

    /// `GET /v2/transcodings/{id}` (mirrors `transcodings.get`).
    GetTranscoding = "transcodings.get": Get "/v2/transcodings/{}" (id: "id") none () => Transcoding, reply JOB;

    /// `POST /v2/transcodings/{id}/cancel`: cancels a pending or processing job (mirrors
    /// `transcodings.cancel`). Sent once, like any POST: the SDKs cancel only a pending or
    /// processing job, so a resent cancel whose first try landed would meet a cancelled one.
    CancelTranscoding = "transcodings.cancel": Post "/v2/transcodings/{}/cancel" (id: "id") none ()
        => Transcoding, reply JOB;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::Provider;
    use crate::http::Method;
    use crate::test_support::{body_json, params, read, videosdk_client};
    use serde_json::json;

    const BASE: &str = "https://api.videosdk.live";

    fn refused<P: Validate + serde::de::DeserializeOwned>(body: serde_json::Value) -> String {
        params::<P>(body).and_then(|p| p.validate()).unwrap_err().message().to_owned()
    }

    #[test]
    fn merge() {
        let given: MergeTranscodingParams = params(
            json!({"recordingIds": ["a", "b"], "task": "composite-merge", "watermark": {"type": "lat_long", "lat": 1.5, "long": 2.0}}),
        )
        .unwrap();
        let req = videosdk_client().request(&MergeTranscoding::new(given)).unwrap();
        assert_eq!((req.method, req.url.as_str()), (Method::Post, "https://api.videosdk.live/v2/transcodings/merge"));
        assert_eq!(body_json(&req), serde_json::from_str::<serde_json::Value>(r#"{"recordingIds":["a","b"],"task":"composite-merge","watermark":{"type":"lat_long","lat":1.5,"long":2.0}}"#).unwrap());
        assert!(!req.idempotent);
        assert_eq!(
            refused::<MergeTranscodingParams>(json!({"recordingIds": []})),
            "recordingIds: must list at least one recording id"
        );
        assert_eq!(
            refused::<MergeTranscodingParams>(json!({"recordingIds": ["a", "a"]})),
            "recordingIds[1]: must not repeat a recording id"
        );
        assert_eq!(
            refused::<MergeTranscodingParams>(json!({"recordingIds": ["a"], "task": "hls-to-mp4"})),
            "task: must be composite-merge"
        );
        assert_eq!(
            refused::<MergeTranscodingParams>(json!({"recordingIds": ["a"], "watermark": {"type": "image"}})),
            "watermark.image: is required when type is image"
        );
        assert_eq!(
            refused::<MergeTranscodingParams>(json!({"recordingIds": ["a"], "watermark": {"type": "timestamp"}})),
            "watermark.startTime: is required when type is timestamp"
        );
        assert_eq!(
            refused::<MergeTranscodingParams>(
                json!({"recordingIds": ["a"], "watermark": {"type": "lat_long", "lat": 1}})
            ),
            "watermark.lat: and long are required when type is lat_long"
        );
        assert_eq!(
            refused::<MergeTranscodingParams>(json!({"recordingIds": ["a"], "watermark": {"type": "logo"}})),
            "watermark.type: must be one of image, timestamp, lat_long"
        );
    }

    #[test]
    fn hls_to_mp4_and_meeting_merge() {
        let given: HlsToMp4Params =
            params(json!({"hlsId": "h1", "storage": {"type": "s3", "bucket": "b", "dirPath": "x/"}})).unwrap();
        let req = videosdk_client().request(&HlsToMp4::new(given)).unwrap();
        assert_eq!(req.url, format!("{BASE}/v2/transcodings/hls-to-mp4"));
        assert_eq!(
            body_json(&req),
            serde_json::from_str::<serde_json::Value>(
                r#"{"hlsId":"h1","storage":{"type":"s3","bucket":"b","dirPath":"x/"}}"#
            )
            .unwrap()
        );
        assert_eq!(
            refused::<HlsToMp4Params>(json!({})),
            "roomId: or sessionId or hlsId is required: say which HLS to convert"
        );
        assert_eq!(
            refused::<HlsToMp4Params>(json!({"roomId": "r", "storage": {"type": "ftp"}})),
            "storage.type: must be one of s3, blob, gcp"
        );
        let given: MeetingRecordingMergeParams = params(
            json!({"recordingIds": ["a", {"id": "b", "presignedUrl": "https://p"}], "presignedOutputUrl": "https://o"}),
        )
        .unwrap();
        let req = videosdk_client().request(&MeetingRecordingMerge::new(given)).unwrap();
        assert_eq!(req.url, format!("{BASE}/v2/transcodings/meeting-recording-merge"));
        assert_eq!(
            body_json(&req),
            serde_json::from_str::<serde_json::Value>(
                r#"{"recordingIds":["a",{"id":"b","presignedUrl":"https://p"}],"presignedOutputUrl":"https://o"}"#
            )
            .unwrap()
        );
        assert_eq!(
            refused::<MeetingRecordingMergeParams>(json!({"recordingIds": []})),
            "recordingIds: must list at least one recording id"
        );
        assert_eq!(
            refused::<MeetingRecordingMergeParams>(json!({"recordingIds": [""]})),
            "recordingIds[0]: must be a non-empty string"
        );
    }

    #[test]
    fn list_get_cancel() {
        let c = videosdk_client();
        let filters =
            TranscodingFilters { status: Some(TranscodingStatus::Failed), page: Some(3), ..Default::default() };
        assert_eq!(
            c.request(&ListTranscodings::new(filters)).unwrap().url,
            format!("{BASE}/v2/transcodings?page=3&status=failed")
        );
        let filters = TranscodingFilters { status: Some("done".into()), ..Default::default() };
        assert_eq!(
            c.request(&ListTranscodings::new(filters)).unwrap_err().message(),
            "status: must be one of pending, processing, completed, failed, cancelled"
        );
        assert_eq!(c.request(&GetTranscoding::new("t1")).unwrap().url, format!("{BASE}/v2/transcodings/t1"));
        let req = c.request(&CancelTranscoding::new("t1")).unwrap();
        assert_eq!(
            (req.method, req.url.as_str()),
            (Method::Post, "https://api.videosdk.live/v2/transcodings/t1/cancel")
        );
        assert_eq!(req.body, None);
        assert!(!req.idempotent, "a cancelled job cannot be cancelled again: never resent");
        let body = r#"{"id":"t1","recordingIds":["a"],"status":"cancelled","task":"composite-merge","stoppedAt":null,"file":{"fileUrl":"https://f"}}"#;
        let job: Transcoding = read(JOB, body).unwrap();
        assert_eq!((job.status, job.task), (Some(TranscodingStatus::Cancelled), Some(TranscodingTask::CompositeMerge)));
    }
}
