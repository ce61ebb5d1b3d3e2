//! The stereo merge of participant recordings (`recordings.merge` in both official SDKs):
//! create, list, get under `/v2/recordings/participant/merge`.

use super::ONE;
use crate::call::{calls, Validate};
use crate::error::{Error, Result};
use crate::open_enum::open_enum;
use crate::reply::{Page, Paging, Reply};
use crate::rules::{identifier, optional};
use crate::videosdk::common::{check_id, check_page, Extra};
use crate::videosdk::VideoSdkClient;
use serde::{Deserialize, Serialize};

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

calls! {
    provider VideoSdkClient;

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
    use crate::test_support::{body_json, params, read, videosdk_client};
    use serde_json::json;

    const BASE: &str = "https://api.videosdk.live";

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
