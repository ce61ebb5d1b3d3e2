//! The recording kinds beside the room recording of [`super::media`]: one participant's
//! recording, one track's, a server-composed (composite) one, and the stereo merge of
//! participant recordings. Paths, fields and answers as both official SDKs
//! (`videosdk-server-sdk` 0.1.0 and `@videosdk.live/server-sdk` 0.1.1) send and read them:
//! `recordings.participant`, `recordings.track`, `recordings.composite`, `recordings.merge`.
//!
//! One file per sub-resource (`participant.rs`, `track.rs`, `composite.rs`, `merge.rs`); what
//! more than one of them uses (the track kinds, the answer and list filters that participant
//! and track recordings share, the reply shapes) is here. Every item is re-exported here, so
//! its path is `videosdk::recordings::Name` whichever file holds it.

pub mod composite;
pub mod merge;
pub mod participant;
pub mod track;

pub use self::composite::*;
pub use self::merge::*;
pub use self::participant::*;
pub use self::track::*;

use super::common::{check_id, check_page, Extra};
use crate::call::Validate;
use crate::error::Result;
use crate::open_enum::open_enum;
use crate::reply::{Paging, Reply};
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

/// The answer shape of a get: one object with an `id`.
const ONE: Reply = Reply::Object(&["id"]);
/// The answer shape of a list: a page numbered from 1.
const PAGE: Reply = Reply::Page(Paging::PageNumber);
