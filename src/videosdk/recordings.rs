//! The recording kinds beside the room recording of [`super::media`]: one participant's
//! recording, one track's, a server-composed (composite) one, and the stereo merge of
//! participant recordings. Paths, fields and answers as both official SDKs
//! (`videosdk-server-sdk` 0.1.0 and `@videosdk.live/server-sdk` 0.1.1) send and read them:
//! `recordings.participant`, `recordings.track`, `recordings.composite`, `recordings.merge`.

use super::common::{check_id, check_page, Extra};
use super::VideoSdkClient;
use crate::call::{calls, Validate};
use crate::error::{Error, Result};
use crate::open_enum::open_enum;
use crate::reply::{Page, Paging, Reply};
use crate::rules::{identifier, optional};
use serde::{Deserialize, Serialize};

open_enum! {
    /// A media track of a participant.
    RecordedTrackKind {
        /// The microphone.
        Audio = "audio",
        /// The camera.
        Video = "video",
        /// Shared-screen audio.
        ScreenAudio = "screen_audio",
        /// The shared screen.
        ScreenVideo = "screen_video",
    }
}

open_enum! {
    /// The file format of a participant recording (default `webm`).
    ParticipantFileFormat {
        /// MP4.
        Mp4 = "mp4",
        /// WebM.
        Webm = "webm",
        /// HLS.
        M3u8 = "m3u8",
    }
}

open_enum! {
    /// The file format of a track recording (default `webm`).
    TrackFileFormat {
        /// MP4.
        Mp4 = "mp4",
        /// WebM.
        Webm = "webm",
        /// HLS.
        M3u8 = "m3u8",
        /// MP3 (audio tracks).
        Mp3 = "mp3",
    }
}

/// A participant or track recording, as VideoSDK answers it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct IndividualRecording {
    /// The recording id.
    pub id: String,
    /// The room recorded.
    pub room_id: Option<String>,
    /// The participant's display name.
    pub participant_name: Option<String>,
    /// The files (`fileUrl`, ...).
    pub files: Option<Vec<serde_json::Value>>,
    /// When it started, ISO 8601.
    pub start: Option<String>,
    /// When it ended; `null` while running.
    pub end: Option<String>,
    /// Whatever else VideoSDK sends.
    #[serde(flatten)]
    pub extra: Extra,
}

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

/// One source of a merged channel, as answered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct MergeSource {
    /// The source recording.
    pub recording_id: Option<String>,
    /// The source participant.
    pub participant_id: Option<String>,
    /// Whatever else VideoSDK sends.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A stereo merge of participant recordings, as VideoSDK answers it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct MergeRecording {
    /// The merge (muxer) id.
    pub id: String,
    /// The left channel's sources.
    pub channel1: Option<Vec<MergeSource>>,
    /// The right channel's sources.
    pub channel2: Option<Vec<MergeSource>>,
    /// When it started.
    pub start: Option<String>,
    /// When it finished.
    pub end: Option<String>,
    /// The job's state.
    pub status: Option<String>,
    /// The room, by its legacy name.
    pub meeting_id: Option<String>,
    /// The session.
    pub session_id: Option<String>,
    /// The file (`fileUrl`, ...).
    pub file: Option<serde_json::Value>,
    /// Whatever else VideoSDK sends.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The answer of `mergeRecordings.create`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct MergeRecordingCreated {
    /// VideoSDK's confirmation.
    pub message: Option<String>,
    /// The merge job.
    pub recording: MergeRecording,
    /// Whatever else VideoSDK sends.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The page numbers of a list whose items are not under `data`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct PageInfo {
    /// This page, from 1.
    pub current_page: Option<u64>,
    /// The last page.
    pub last_page: Option<u64>,
    /// Page size.
    pub per_page: Option<u64>,
    /// Items in all pages.
    pub total: Option<u64>,
    /// Whatever else VideoSDK sends.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Starts one participant's recording (`participantRecordings.start`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct StartParticipantRecordingParams {
    /// The room, with a live session.
    pub room_id: String,
    /// The participant.
    pub participant_id: String,
    /// Default `webm`.
    pub file_format: Option<ParticipantFileFormat>,
    /// Notified when the recording is ready.
    pub webhook_url: Option<String>,
    /// The storage path prefix (the SDKs' `dirPath`).
    pub bucket_dir_path: Option<String>,
    /// Kept with the recording.
    pub metadata: Option<serde_json::Map<String, serde_json::Value>>,
}

impl Validate for StartParticipantRecordingParams {
    fn validate(&self) -> Result<()> {
        identifier("roomId", &self.room_id)?;
        identifier("participantId", &self.participant_id)?;
        optional(self.file_format.as_ref(), |f| f.check("fileFormat"))
    }
}

/// Which participant recording to stop.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ParticipantRef {
    /// The room.
    pub room_id: String,
    /// The participant.
    pub participant_id: String,
}

impl Validate for ParticipantRef {
    fn validate(&self) -> Result<()> {
        identifier("roomId", &self.room_id)?;
        identifier("participantId", &self.participant_id).map(drop)
    }
}

/// Starts one track's recording (`trackRecordings.start`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct StartTrackRecordingParams {
    /// The room, with a live session.
    pub room_id: String,
    /// The participant.
    pub participant_id: String,
    /// The track.
    pub kind: RecordedTrackKind,
    /// Default `webm`.
    pub file_format: Option<TrackFileFormat>,
    /// Notified when the recording is ready.
    pub webhook_url: Option<String>,
    /// The storage path prefix (the SDKs' `dirPath`).
    pub bucket_dir_path: Option<String>,
}

impl Validate for StartTrackRecordingParams {
    fn validate(&self) -> Result<()> {
        identifier("roomId", &self.room_id)?;
        identifier("participantId", &self.participant_id)?;
        self.kind.check("kind")?;
        optional(self.file_format.as_ref(), |f| f.check("fileFormat"))
    }
}

/// Which track recording to stop: all three identify it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TrackRef {
    /// The room.
    pub room_id: String,
    /// The participant.
    pub participant_id: String,
    /// The track.
    pub kind: RecordedTrackKind,
}

impl Validate for TrackRef {
    fn validate(&self) -> Result<()> {
        identifier("roomId", &self.room_id)?;
        identifier("participantId", &self.participant_id)?;
        self.kind.check("kind")
    }
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

open_enum! {
    /// What a merge source is.
    MergeSourceType {
        /// A participant recording.
        Participant = "participant",
        /// A track recording.
        Track = "track",
    }
}

/// One source of a merged channel.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct MergeChannelEntry {
    /// The participant whose audio to take.
    pub participant_id: String,
    /// The recording; resolved from the participant when absent.
    pub recording_id: Option<String>,
    /// `participant` or `track`.
    #[serde(rename = "type")]
    pub kind: Option<MergeSourceType>,
}

/// Starts a stereo merge (`mergeRecordings.create`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct CreateMergeRecordingParams {
    /// The session whose participant audio to merge.
    pub session_id: String,
    /// The left channel's sources, at least one.
    pub channel1: Vec<MergeChannelEntry>,
    /// The right channel's sources, at least one.
    pub channel2: Vec<MergeChannelEntry>,
    /// Overrides every entry's `type`.
    #[serde(rename = "type")]
    pub kind: Option<MergeSourceType>,
    /// Notified when the merge is ready.
    pub webhook_url: Option<String>,
    /// The storage path prefix (`dirPath` here, as the API names it).
    pub dir_path: Option<String>,
}

impl Validate for CreateMergeRecordingParams {
    fn validate(&self) -> Result<()> {
        identifier("sessionId", &self.session_id)?;
        for (name, channel) in [("channel1", &self.channel1), ("channel2", &self.channel2)] {
            if channel.is_empty() {
                return Err(Error::invalid(name, "must list at least one { participantId }"));
            }
            for (i, entry) in channel.iter().enumerate() {
                let within = |e: Error| e.within(&format!("{name}[{i}]"));
                identifier("participantId", &entry.participant_id).map_err(within)?;
                check_id("recordingId", entry.recording_id.as_deref()).map_err(within)?;
                optional(entry.kind.as_ref(), |k| k.check("type")).map_err(within)?;
            }
        }
        optional(self.kind.as_ref(), |k| k.check("type"))
    }
}

/// The filters of the participant and track recording lists.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct IndividualRecordingFilters {
    /// One room's recordings.
    pub room_id: Option<String>,
    /// One session's recordings.
    pub session_id: Option<String>,
    /// One participant's recordings.
    pub participant_id: Option<String>,
    /// The page, from 1.
    pub page: Option<i64>,
    /// Page size, 1 to 100.
    pub per_page: Option<i64>,
}

impl Validate for IndividualRecordingFilters {
    fn validate(&self) -> Result<()> {
        check_id("roomId", self.room_id.as_deref())?;
        check_id("sessionId", self.session_id.as_deref())?;
        check_id("participantId", self.participant_id.as_deref())?;
        check_page(self.page, self.per_page)
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

/// The filters of the merge list.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct MergeRecordingFilters {
    /// Merges in this state.
    pub status: Option<String>,
    /// One room's merges.
    pub room_id: Option<String>,
    /// One session's merges.
    pub session_id: Option<String>,
    /// One merge, by muxer id.
    pub id: Option<String>,
    /// The page, from 1.
    pub page: Option<i64>,
    /// Page size, 1 to 100.
    pub per_page: Option<i64>,
}

impl Validate for MergeRecordingFilters {
    fn validate(&self) -> Result<()> {
        check_id("roomId", self.room_id.as_deref())?;
        check_id("sessionId", self.session_id.as_deref())?;
        check_id("id", self.id.as_deref())?;
        check_page(self.page, self.per_page)
    }
}

const ONE: Reply = Reply::Object(&["id"]);
const PAGE: Reply = Reply::Page(Paging::PageNumber);

calls! {
    provider VideoSdkClient;

    /// `POST /v2/recordings/participant/start`: records one participant (mirrors
    /// `recordings.participant.start`); answers a confirmation message.
    StartParticipantRecording = "participantRecordings.start": Post "/v2/recordings/participant/start" ()
        body StartParticipantRecordingParams => serde_json::Value, reply Reply::Empty;

    /// `POST /v2/recordings/participant/stop` (mirrors `recordings.participant.stop(roomId,
    /// participantId)`).
    StopParticipantRecording = "participantRecordings.stop": Post "/v2/recordings/participant/stop" ()
        body ParticipantRef => serde_json::Value, reply Reply::Empty, fields ["roomId", "participantId"];

    /// `GET /v2/recordings/participant`: one page (mirrors `recordings.participant.list`).
    ListParticipantRecordings = "participantRecordings.list": Get "/v2/recordings/participant" ()
        query IndividualRecordingFilters => Page<IndividualRecording>, reply PAGE;

    /// `GET /v2/recordings/participant/{id}` (mirrors `recordings.participant.get`).
    GetParticipantRecording = "participantRecordings.get": Get "/v2/recordings/participant/{}" (id: "id")
        none () => IndividualRecording, reply ONE;

    /// `DELETE /v2/recordings/participant/{id}` (mirrors `recordings.participant.delete`).
    DeleteParticipantRecording = "participantRecordings.delete": Delete "/v2/recordings/participant/{}" (id: "id")
        none () => serde_json::Value, reply Reply::Empty;

    /// `POST /v2/recordings/participant/track/start`: records one track (mirrors
    /// `recordings.track.start`); answers a confirmation message.
    StartTrackRecording = "trackRecordings.start": Post "/v2/recordings/participant/track/start" ()
        body StartTrackRecordingParams => serde_json::Value, reply Reply::Empty;

    /// `POST /v2/recordings/participant/track/stop` (mirrors `recordings.track.stop(roomId,
    /// participantId, kind)`).
    StopTrackRecording = "trackRecordings.stop": Post "/v2/recordings/participant/track/stop" ()
        body TrackRef => serde_json::Value, reply Reply::Empty, fields ["roomId", "participantId", "kind"];

    /// `GET /v2/recordings/participant/track`: one page (mirrors `recordings.track.list`).
    ListTrackRecordings = "trackRecordings.list": Get "/v2/recordings/participant/track" ()
        query IndividualRecordingFilters => Page<IndividualRecording>, reply PAGE;

    /// `GET /v2/recordings/participant/track/{id}` (mirrors `recordings.track.get`).
    GetTrackRecording = "trackRecordings.get": Get "/v2/recordings/participant/track/{}" (id: "id")
        none () => IndividualRecording, reply ONE;

    /// `DELETE /v2/recordings/participant/track/{id}` (mirrors `recordings.track.delete`).
    DeleteTrackRecording = "trackRecordings.delete": Delete "/v2/recordings/participant/track/{}" (id: "id")
        none () => serde_json::Value, reply Reply::Empty;

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

    /// `POST /v2/recordings/participant/merge`: merges participant audio into two channels
    /// (mirrors `recordings.merge.create`).
    CreateMergeRecording = "mergeRecordings.create": Post "/v2/recordings/participant/merge" ()
        body CreateMergeRecordingParams => MergeRecordingCreated, reply Reply::Object(&[]);

    /// `GET /v2/recordings/participant/merge`: one page, `{ pageInfo, recordings }` (mirrors
    /// `recordings.merge.list`).
    ListMergeRecordings = "mergeRecordings.list": Get "/v2/recordings/participant/merge" ()
        query MergeRecordingFilters => Page<MergeRecording>, reply Reply::Page(Paging::PageNumberIn("recordings"));

    /// `GET /v2/recordings/participant/merge/{muxerId}` (mirrors `recordings.merge.get`).
    GetMergeRecording = "mergeRecordings.get": Get "/v2/recordings/participant/merge/{}" (muxer_id: "muxerId")
        none () => MergeRecording, reply ONE;
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
    fn participant_recordings() {
        let c = videosdk_client();
        let start: StartParticipantRecordingParams = params(
            json!({"roomId": "r1", "participantId": "p1", "fileFormat": "mp4", "bucketDirPath": "d/", "metadata": {"k": 1}}),
        )
        .unwrap();
        let req = c.request(&StartParticipantRecording::new(start)).unwrap();
        assert_eq!(
            (req.method, req.url.as_str()),
            (Method::Post, "https://api.videosdk.live/v2/recordings/participant/start")
        );
        assert_eq!(
            body_json(&req),
            serde_json::from_str::<serde_json::Value>(
                r#"{"roomId":"r1","participantId":"p1","fileFormat":"mp4","bucketDirPath":"d/","metadata":{"k":1}}"#
            )
            .unwrap()
        );
        assert!(!req.idempotent);
        let bad: StartParticipantRecordingParams =
            params(json!({"roomId": "r1", "participantId": "p1", "fileFormat": "mp3"})).unwrap();
        assert_eq!(
            c.request(&StartParticipantRecording::new(bad)).unwrap_err().message(),
            "fileFormat: must be one of mp4, webm, m3u8"
        );
        let stop = ParticipantRef { room_id: "r1".into(), participant_id: "p1".into() };
        let req = c.request(&StopParticipantRecording::new(stop)).unwrap();
        assert_eq!(req.url, format!("{BASE}/v2/recordings/participant/stop"));
        assert_eq!(
            body_json(&req),
            serde_json::from_str::<serde_json::Value>(r#"{"roomId":"r1","participantId":"p1"}"#).unwrap()
        );
        let filters =
            IndividualRecordingFilters { participant_id: Some("p1".into()), page: Some(2), ..Default::default() };
        let req = c.request(&ListParticipantRecordings::new(filters)).unwrap();
        assert_eq!(req.url, format!("{BASE}/v2/recordings/participant?page=2&participantId=p1"));
        assert_eq!(
            c.request(&GetParticipantRecording::new("x")).unwrap().url,
            format!("{BASE}/v2/recordings/participant/x")
        );
        let req = c.request(&DeleteParticipantRecording::new("x")).unwrap();
        assert_eq!(
            (req.method, req.url.as_str()),
            (Method::Delete, "https://api.videosdk.live/v2/recordings/participant/x")
        );
        let page: Page<IndividualRecording> = read(
            PAGE,
            r#"{"pageInfo":{"currentPage":1,"lastPage":1},"data":[{"id":"pr1","roomId":"r1","participantName":"Ana","files":[{"fileUrl":"https://f"}]}]}"#,
        ).unwrap();
        assert_eq!(page.items[0].participant_name.as_deref(), Some("Ana"));
    }

    #[test]
    fn track_recordings() {
        let c = videosdk_client();
        let start: StartTrackRecordingParams =
            params(json!({"roomId": "r1", "participantId": "p1", "kind": "screen_video", "fileFormat": "mp3"}))
                .unwrap();
        let req = c.request(&StartTrackRecording::new(start)).unwrap();
        assert_eq!(req.url, format!("{BASE}/v2/recordings/participant/track/start"));
        assert_eq!(
            body_json(&req),
            serde_json::from_str::<serde_json::Value>(
                r#"{"roomId":"r1","participantId":"p1","kind":"screen_video","fileFormat":"mp3"}"#
            )
            .unwrap()
        );
        let err = params::<StartTrackRecordingParams>(json!({"roomId": "r1", "participantId": "p1"})).unwrap_err();
        assert_eq!(err.message(), "kind: is required");
        let stop =
            TrackRef { room_id: "r1".into(), participant_id: "p1".into(), kind: RecordedTrackKind::from("camera") };
        assert_eq!(
            c.request(&StopTrackRecording::new(stop)).unwrap_err().message(),
            "kind: must be one of audio, video, screen_audio, screen_video"
        );
        let stop = TrackRef { room_id: "r1".into(), participant_id: "p1".into(), kind: RecordedTrackKind::Audio };
        let req = c.request(&StopTrackRecording::new(stop)).unwrap();
        assert_eq!(req.url, format!("{BASE}/v2/recordings/participant/track/stop"));
        assert_eq!(
            body_json(&req),
            serde_json::from_str::<serde_json::Value>(r#"{"roomId":"r1","participantId":"p1","kind":"audio"}"#)
                .unwrap()
        );
        let req = c.request(&ListTrackRecordings::new(IndividualRecordingFilters::default())).unwrap();
        assert_eq!(req.url, format!("{BASE}/v2/recordings/participant/track"));
        assert_eq!(
            c.request(&GetTrackRecording::new("t")).unwrap().url,
            format!("{BASE}/v2/recordings/participant/track/t")
        );
        assert_eq!(c.request(&DeleteTrackRecording::new("t")).unwrap().method, Method::Delete);
    }

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

    #[test]
    fn merge_recordings() {
        let c = videosdk_client();
        let create: CreateMergeRecordingParams = params(json!({
            "sessionId": "s1",
            "channel1": [{"participantId": "p1"}],
            "channel2": [{"participantId": "p2", "recordingId": "pr2", "type": "track"}],
            "dirPath": "m/"
        }))
        .unwrap();
        let req = c.request(&CreateMergeRecording::new(create)).unwrap();
        assert_eq!(req.url, format!("{BASE}/v2/recordings/participant/merge"));
        assert_eq!(body_json(&req), serde_json::from_str::<serde_json::Value>(r#"{"sessionId":"s1","channel1":[{"participantId":"p1"}],"channel2":[{"participantId":"p2","recordingId":"pr2","type":"track"}],"dirPath":"m/"}"#).unwrap());
        for (body, message) in [
            (
                json!({"sessionId": "s1", "channel1": [], "channel2": [{"participantId": "p2"}]}),
                "channel1: must list at least one { participantId }",
            ),
            (
                json!({"sessionId": "s1", "channel1": [{"participantId": "p1"}], "channel2": [{"participantId": "p2", "type": "mix"}]}),
                "channel2[0].type: must be one of participant, track",
            ),
            (
                json!({"sessionId": "s1", "channel1": [{"participantId": ""}], "channel2": [{"participantId": "p2"}]}),
                "channel1[0].participantId: must be a non-empty string",
            ),
        ] {
            let given: CreateMergeRecordingParams = params(body).unwrap();
            assert_eq!(c.request(&CreateMergeRecording::new(given)).unwrap_err().message(), message);
        }
        let created: MergeRecordingCreated =
            read(Reply::Object(&[]), r#"{"message":"Merge started","recording":{"id":"m1","status":"processing"}}"#)
                .unwrap();
        assert_eq!(created.recording.id, "m1");
        let filters =
            MergeRecordingFilters { status: Some("completed".into()), per_page: Some(5), ..Default::default() };
        let req = c.request(&ListMergeRecordings::new(filters)).unwrap();
        assert_eq!(req.url, format!("{BASE}/v2/recordings/participant/merge?perPage=5&status=completed"));
        let list: Page<MergeRecording> = read(
            <ListMergeRecordings as crate::call::Call>::SPEC.reply,
            r#"{"pageInfo":{"currentPage":1,"lastPage":3},"recordings":[{"id":"m1","channel1":[{"participantId":"p1"}]}]}"#,
        ).unwrap();
        assert_eq!(list.items[0].channel1.as_ref().unwrap()[0].participant_id.as_deref(), Some("p1"));
        assert_eq!(list.next, Some(crate::reply::Next::Page { page: 2 }));
        assert_eq!(
            c.request(&GetMergeRecording::new("m1")).unwrap().url,
            format!("{BASE}/v2/recordings/participant/merge/m1")
        );
    }
}
