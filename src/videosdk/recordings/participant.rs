//! One participant's recording (`recordings.participant` in both official SDKs): start, stop,
//! list, get, delete under `/v2/recordings/participant`.

use super::{IndividualRecording, IndividualRecordingFilters, ONE, PAGE};
use crate::call::{calls, Validate};
use crate::error::Result;
use crate::open_enum::open_enum;
use crate::reply::{Page, Reply};
use crate::rules::{identifier, optional};
use crate::videosdk::VideoSdkClient;
use serde::{Deserialize, Serialize};

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
}
