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
