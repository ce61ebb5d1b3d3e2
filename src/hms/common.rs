//! What several 100ms resources share.

use crate::error::Result;
use crate::rules::{int_range, optional};

/// The members of an answer that its Rust type does not name: kept, so nothing the provider
/// sends is lost (and a field it adds never breaks a caller).
pub type Extra = serde_json::Map<String, serde_json::Value>;

/// Page sizes of 100ms lists: 1 to 100.
pub fn check_limit(limit: Option<i64>) -> Result<()> {
    optional(limit.as_ref(), |limit| int_range("limit", *limit, 1, 100))
}

crate::open_enum::open_enum! {
    /// The kind of a peer's track.
    TrackKind {
        /// Sound.
        Audio = "audio",
        /// Picture.
        Video = "video",
    }
}

crate::open_enum::open_enum! {
    /// Where a peer's track comes from.
    TrackSource {
        /// The camera or microphone.
        Regular = "regular",
        /// A screen share.
        Screen = "screen",
    }
}

// Media jobs (recordings, live and external streams), appended with full paths so the
// imports above stay as they were.

/// The filters of the media-job lists (recordings, live and external streams).
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct JobFilters {
    /// Only the jobs of this room.
    pub room_id: Option<String>,
    /// Only the jobs of this session.
    pub session_id: Option<String>,
    /// Only the jobs in this status (`starting`, `running`, `completed`...).
    pub status: Option<String>,
    /// Page size, 1 to 100.
    pub limit: Option<i64>,
    /// The cursor of the page to fetch (a page's `next`).
    pub start: Option<String>,
}

impl crate::call::Validate for JobFilters {
    fn validate(&self) -> Result<()> {
        optional(self.room_id.as_deref(), |id| crate::rules::identifier("room_id", id).map(drop))?;
        optional(self.session_id.as_deref(), |id| crate::rules::identifier("session_id", id).map(drop))?;
        optional(self.status.as_deref(), |status| crate::rules::identifier("status", status).map(drop))?;
        check_limit(self.limit)
    }
}

/// The smallest side, in pixels, the composite recorder renders.
const MIN_SIDE: i64 = 500;
/// The largest side, in pixels, the composite recorder renders.
const MAX_SIDE: i64 = 1920;

/// The output resolution of a recording or stream: 500×500 to 1920×1920 pixels.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Resolution {
    /// 500 to 1920 pixels.
    pub width: i64,
    /// 500 to 1920 pixels.
    pub height: i64,
}

impl crate::call::Validate for Resolution {
    fn validate(&self) -> Result<()> {
        int_range("width", self.width, MIN_SIDE, MAX_SIDE)?;
        int_range("height", self.height, MIN_SIDE, MAX_SIDE)
    }
}

/// A resolution as 100ms answers it (in a stream, or in an asset's metadata).
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct VideoResolution {
    /// Pixels.
    pub width: Option<i64>,
    /// Pixels.
    pub height: Option<i64>,
    /// Whatever else 100ms sends.
    #[serde(flatten)]
    pub extra: Extra,
}

crate::open_enum::open_enum! {
    /// Where a media job (recording, live or external stream) is in its life.
    JobStatus {
        /// Asked to start; not yet running.
        Starting = "starting",
        /// Recording or streaming.
        Running = "running",
        /// Asked to stop.
        Stopping = "stopping",
        /// Stopped; its assets are being made.
        PostProcessing = "post_processing",
        /// Done; its assets are ready.
        Completed = "completed",
        /// Failed.
        Failed = "failed",
    }
}
