//! One track's recording (`recordings.track` in both official SDKs): start, stop, list, get,
//! delete under `/v2/recordings/participant/track`.

use super::{IndividualRecording, IndividualRecordingFilters, RecordedTrackKind, ONE, PAGE};
use crate::call::{calls, Validate};
use crate::error::Result;
use crate::open_enum::open_enum;
use crate::reply::{Page, Reply};
use crate::rules::{identifier, optional};
use crate::videosdk::VideoSdkClient;
use serde::{Deserialize, Serialize};

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

calls! {
    provider VideoSdkClient;

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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::Provider;
    use crate::http::Method;
    use crate::test_support::{body_json, params, videosdk_client};
    use serde_json::json;

    const BASE: &str = "https://api.videosdk.live";

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
}
