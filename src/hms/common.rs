//! Schemas several 100ms resources share.

use crate::schema::{opt, req, Rule, Schema};

/// The filters of the media-job lists (recordings, their assets, live and external streams).
pub static JOB_FILTERS: Schema = Schema::of(&[
    opt("room_id", Rule::Identifier),
    opt("session_id", Rule::Identifier),
    opt("status", Rule::Identifier),
    opt("limit", LIMIT),
    opt("start", Rule::Text),
]);

/// Page sizes of 100ms lists.
pub const LIMIT: Rule = Rule::Int(1, 100);

/// The output resolution of a recording or stream. The composite recorder renders between
/// 500×500 and 1920×1920 pixels.
pub static RESOLUTION: Schema = Schema::of(&[req("width", Rule::Int(500, 1920)), req("height", Rule::Int(500, 1920))]);

/// Path arguments by name, shared so every declaration names them alike.
pub const ROOM_ID: &[&str] = &["roomId"];
