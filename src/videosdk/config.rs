//! The media configuration VideoSDK's create-room document fixes, shared by the room's
//! auto-start settings and by the recording, HLS and RTMP jobs; and the room's webhook and
//! auto-close settings.

use crate::call::Validate;
use crate::error::{Error, Result};
use crate::open_enum::open_enum;
use crate::rules::{int_range, optional};
use serde::{Deserialize, Serialize};

open_enum! {
    /// How participants are arranged.
    LayoutType {
        /// A grid.
        Grid = "GRID",
        /// One large tile.
        Spotlight = "SPOTLIGHT",
        /// One large tile beside a column.
        Sidebar = "SIDEBAR",
    }
}

open_enum! {
    /// Who gets the main tiles.
    LayoutPriority {
        /// The active speaker.
        Speaker = "SPEAKER",
        /// Pinned participants.
        Pin = "PIN",
    }
}

open_enum! {
    /// The composition's theme.
    Theme {
        /// Dark.
        Dark = "DARK",
        /// Light.
        Light = "LIGHT",
        /// VideoSDK's default.
        Default = "DEFAULT",
    }
}

open_enum! {
    /// What is captured.
    Mode {
        /// Video and audio.
        VideoAndAudio = "video-and-audio",
        /// Audio only.
        Audio = "audio",
    }
}

open_enum! {
    /// The output quality.
    Quality {
        /// Low.
        Low = "low",
        /// Medium.
        Med = "med",
        /// High.
        High = "high",
    }
}

open_enum! {
    /// The output orientation.
    Orientation {
        /// Portrait.
        Portrait = "portrait",
        /// Landscape.
        Landscape = "landscape",
    }
}

/// "layout: type GRID | SPOTLIGHT | SIDEBAR, priority SPEAKER | PIN, gridSize Number max 4"
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct Layout {
    /// The arrangement.
    #[serde(rename = "type")]
    pub kind: Option<LayoutType>,
    /// Who gets the main tiles.
    pub priority: Option<LayoutPriority>,
    /// Tiles per row, 1 to 4.
    pub grid_size: Option<i64>,
}

impl Validate for Layout {
    fn validate(&self) -> Result<()> {
        optional(self.kind.as_ref(), |kind| kind.check("type"))?;
        optional(self.priority.as_ref(), |priority| priority.check("priority"))?;
        optional(self.grid_size.as_ref(), |size| int_range("gridSize", *size, 1, 4))
    }
}

/// The look shared by a job's `config` and the auto-start settings.
struct Look<'a> {
    theme: Option<&'a Theme>,
    mode: Option<&'a Mode>,
    quality: Option<&'a Quality>,
    orientation: Option<&'a Orientation>,
}

impl Look<'_> {
    fn validate(&self) -> Result<()> {
        optional(self.theme, |theme| theme.check("theme"))?;
        optional(self.mode, |mode| mode.check("mode"))?;
        optional(self.quality, |quality| quality.check("quality"))?;
        optional(self.orientation, |orientation| orientation.check("orientation"))
    }
}

/// A job's `config`: the layout and, as VideoSDK's job APIs take them, the look.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct JobConfig {
    /// The arrangement of participants.
    pub layout: Option<Layout>,
    /// The theme.
    pub theme: Option<Theme>,
    /// What is captured.
    pub mode: Option<Mode>,
    /// The output quality.
    pub quality: Option<Quality>,
    /// The output orientation.
    pub orientation: Option<Orientation>,
}

impl Validate for JobConfig {
    fn validate(&self) -> Result<()> {
        optional(self.layout.as_ref(), |layout| layout.validate().map_err(|e| e.within("layout")))?;
        Look {
            theme: self.theme.as_ref(),
            mode: self.mode.as_ref(),
            quality: self.quality.as_ref(),
            orientation: self.orientation.as_ref(),
        }
        .validate()
    }
}

/// `autoStartConfig.recording` (and, without `awsDirPath`, `autoStartConfig.hls`): the seed
/// lists theme, mode, quality and orientation beside `config` (the job APIs take them inside
/// it); both places are accepted and checked alike.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct AutoRecording {
    /// A custom template's URL.
    pub template_url: Option<String>,
    /// The layout and look.
    pub config: Option<JobConfig>,
    /// The theme.
    pub theme: Option<Theme>,
    /// What is captured.
    pub mode: Option<Mode>,
    /// The output quality.
    pub quality: Option<Quality>,
    /// The output orientation.
    pub orientation: Option<Orientation>,
    /// The storage path prefix.
    pub aws_dir_path: Option<String>,
}

impl Validate for AutoRecording {
    fn validate(&self) -> Result<()> {
        optional(self.config.as_ref(), |config| config.validate().map_err(|e| e.within("config")))?;
        Look {
            theme: self.theme.as_ref(),
            mode: self.mode.as_ref(),
            quality: self.quality.as_ref(),
            orientation: self.orientation.as_ref(),
        }
        .validate()
    }
}

/// `autoStartConfig.hls`: as recording, without the storage path.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct AutoHls {
    /// A custom template's URL.
    pub template_url: Option<String>,
    /// The layout and look.
    pub config: Option<JobConfig>,
    /// The theme.
    pub theme: Option<Theme>,
    /// What is captured.
    pub mode: Option<Mode>,
    /// The output quality.
    pub quality: Option<Quality>,
    /// The output orientation.
    pub orientation: Option<Orientation>,
}

impl Validate for AutoHls {
    fn validate(&self) -> Result<()> {
        optional(self.config.as_ref(), |config| config.validate().map_err(|e| e.within("config")))?;
        Look {
            theme: self.theme.as_ref(),
            mode: self.mode.as_ref(),
            quality: self.quality.as_ref(),
            orientation: self.orientation.as_ref(),
        }
        .validate()
    }
}

/// What starts with each session.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct AutoStart {
    /// A recording.
    pub recording: Option<AutoRecording>,
    /// An HLS stream.
    pub hls: Option<AutoHls>,
}

impl Validate for AutoStart {
    fn validate(&self) -> Result<()> {
        optional(self.recording.as_ref(), |r| r.validate().map_err(|e| e.within("recording")))?;
        optional(self.hls.as_ref(), |h| h.validate().map_err(|e| e.within("hls")))
    }
}

open_enum! {
    /// The webhook events a room can subscribe to, as the create-room document lists them.
    WebhookEvent {
        /// A participant joined.
        ParticipantJoined = "participant-joined",
        /// A participant left.
        ParticipantLeft = "participant-left",
        /// A session started.
        SessionStarted = "session-started",
        /// A session ended.
        SessionEnded = "session-ended",
        /// A recording is starting.
        RecordingStarting = "recording-starting",
        /// A recording started.
        RecordingStarted = "recording-started",
        /// A recording is stopping.
        RecordingStopping = "recording-stopping",
        /// A recording stopped.
        RecordingStopped = "recording-stopped",
        /// A recording failed.
        RecordingFailed = "recording-failed",
        /// A livestream is starting.
        LivestreamStarting = "livestream-starting",
        /// A livestream started.
        LivestreamStarted = "livestream-started",
        /// A livestream is stopping.
        LivestreamStopping = "livestream-stopping",
        /// A livestream stopped.
        LivestreamStopped = "livestream-stopped",
        /// A livestream failed.
        LivestreamFailed = "livestream-failed",
        /// An HLS stream is starting.
        HlsStarting = "hls-starting",
        /// An HLS stream started.
        HlsStarted = "hls-started",
        /// An HLS stream can be played.
        HlsPlayable = "hls-playable",
        /// An HLS stream is stopping.
        HlsStopping = "hls-stopping",
        /// An HLS stream stopped.
        HlsStopped = "hls-stopped",
        /// An HLS stream failed.
        HlsFailed = "hls-failed",
    }
}

/// The webhook events a room can subscribe to, as the create-room document lists them.
pub const WEBHOOK_EVENTS: &[&str] = WebhookEvent::KNOWN;

/// Where a room's events are posted.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct RoomWebhook {
    /// The receiver's URL.
    #[serde(rename = "endPoint")]
    pub end_point: Option<String>,
    /// The events to post.
    pub events: Option<Vec<WebhookEvent>>,
}

impl Validate for RoomWebhook {
    fn validate(&self) -> Result<()> {
        let events = self.events.as_deref().unwrap_or_default();
        for (i, event) in events.iter().enumerate() {
            event.check(&format!("events[{i}]"))?;
        }
        // Events with nowhere to go are a mistake the API would accept silently.
        if !events.is_empty() && self.end_point.is_none() {
            return Err(Error::invalid("endPoint", "is required when events are given"));
        }
        Ok(())
    }
}

open_enum! {
    /// What closing does.
    AutoCloseType {
        /// The session ends.
        SessionEnds = "session-ends",
        /// The session ends and the room is deactivated.
        SessionEndAndDeactivate = "session-end-and-deactivate",
    }
}

/// "session-ends" closes the session after `duration` minutes; "session-end-and-deactivate"
/// also deactivates the room. Default duration 480 minutes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct AutoClose {
    /// What closing does.
    #[serde(rename = "type")]
    pub kind: Option<AutoCloseType>,
    /// Minutes, 1 to 10080.
    pub duration: Option<i64>,
}

impl Validate for AutoClose {
    fn validate(&self) -> Result<()> {
        optional(self.kind.as_ref(), |kind| kind.check("type"))?;
        optional(self.duration.as_ref(), |d| int_range("duration", *d, 1, 10_080))
    }
}
