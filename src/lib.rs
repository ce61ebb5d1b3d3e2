#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

// The crate uses std (httpdate needs it; the design allows it). Much of the code still names
// `alloc::` and `crate::prelude`, from when it was `no_std`; both remain valid under std.
extern crate alloc;

mod prelude;

/// Test-only: `json!` literals of serde_json (a dev-dependency) as edgeroom's own [`json::Value`].
#[cfg(test)]
macro_rules! json {
    ($($literal:tt)+) => {
        $crate::json::parse(&std::string::ToString::to_string(&serde_json::json!($($literal)+))).expect("a json! literal is JSON")
    };
}

pub mod error;
mod rules;
pub mod token;
mod token_cache;
pub mod videosdk;
pub mod webhook;

pub use error::{Error, ErrorCode, Result};
pub mod client;
pub mod endpoint;
pub mod hms;
pub mod http;
mod http_date;
mod iso8601;
pub mod json;
mod json_text;
pub mod schema;

#[cfg(target_arch = "wasm32")]
pub mod wasm;
