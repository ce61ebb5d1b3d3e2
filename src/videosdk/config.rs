//! The media configuration VideoSDK's create-room document fixes, shared by the room's
//! auto-start settings and by the recording, HLS and RTMP jobs.

use crate::error::{Error, Result};
use crate::json::{Map, Value};
use crate::schema::{opt, Rule, Schema};

/// "layout: type GRID | SPOTLIGHT | SIDEBAR, priority SPEAKER | PIN, gridSize Number max 4"
pub static LAYOUT: Schema = Schema::of(&[
    opt("type", Rule::OneOf(&["GRID", "SPOTLIGHT", "SIDEBAR"])),
    opt("priority", Rule::OneOf(&["SPEAKER", "PIN"])),
    opt("gridSize", Rule::Int(1, 4)),
]);

const THEME: Rule = Rule::OneOf(&["DARK", "LIGHT", "DEFAULT"]);
const MODE: Rule = Rule::OneOf(&["video-and-audio", "audio"]);
const QUALITY: Rule = Rule::OneOf(&["low", "med", "high"]);
const ORIENTATION: Rule = Rule::OneOf(&["portrait", "landscape"]);

/// A job's `config`: the layout and, as VideoSDK's job APIs take them, the look.
pub static CONFIG: Schema = Schema::of(&[
    opt("layout", Rule::Object(&LAYOUT)),
    opt("theme", THEME),
    opt("mode", MODE),
    opt("quality", QUALITY),
    opt("orientation", ORIENTATION),
]);

/// `autoStartConfig.recording`: the seed lists theme, mode, quality and orientation beside
/// `config` (the job APIs take them inside it); both places are accepted and checked alike.
pub static AUTO_RECORDING: Schema = Schema::of(&[
    opt("templateUrl", Rule::Text),
    opt("config", Rule::Object(&CONFIG)),
    opt("theme", THEME),
    opt("mode", MODE),
    opt("quality", QUALITY),
    opt("orientation", ORIENTATION),
    opt("awsDirPath", Rule::Text),
]);

/// `autoStartConfig.hls`: as recording, without the storage path.
pub static AUTO_HLS: Schema = Schema::of(&[
    opt("templateUrl", Rule::Text),
    opt("config", Rule::Object(&CONFIG)),
    opt("theme", THEME),
    opt("mode", MODE),
    opt("quality", QUALITY),
    opt("orientation", ORIENTATION),
]);

pub static AUTO_START: Schema =
    Schema::of(&[opt("recording", Rule::Object(&AUTO_RECORDING)), opt("hls", Rule::Object(&AUTO_HLS))]);

/// The webhook events a room can subscribe to, as the create-room document lists them.
pub const WEBHOOK_EVENTS: &[&str] = &[
    "participant-joined",
    "participant-left",
    "session-started",
    "session-ended",
    "recording-starting",
    "recording-started",
    "recording-stopping",
    "recording-stopped",
    "recording-failed",
    "livestream-starting",
    "livestream-started",
    "livestream-stopping",
    "livestream-stopped",
    "livestream-failed",
    "hls-starting",
    "hls-started",
    "hls-playable",
    "hls-stopping",
    "hls-stopped",
    "hls-failed",
];

pub static WEBHOOK: Schema =
    Schema::of(&[opt("endPoint", Rule::Text), opt("events", Rule::List(&Rule::OneOf(WEBHOOK_EVENTS)))])
        .check(endpoint_for_events);

/// Events with nowhere to go are a mistake the API would accept silently.
fn endpoint_for_events(webhook: &Map) -> Result<()> {
    let has_events = webhook.get("events").and_then(Value::as_array).is_some_and(|e| !e.is_empty());
    if has_events && !webhook.contains_key("endPoint") {
        return Err(Error::invalid("endPoint", "is required when events are given"));
    }
    Ok(())
}

/// "session-ends" closes the session after `duration` minutes; "session-end-and-deactivate"
/// also deactivates the room. Default duration 480 minutes.
pub static AUTO_CLOSE: Schema = Schema::of(&[
    opt("type", Rule::OneOf(&["session-ends", "session-end-and-deactivate"])),
    opt("duration", Rule::Int(1, 10_080)),
]);
