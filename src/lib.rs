#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

// The crate uses std (httpdate needs it; the design allows it). Much of the code still names
// `alloc::` and `crate::prelude`, from when it was `no_std`; both remain valid under std.
extern crate alloc;

mod prelude;

/// Test-only, until the token module moves to serde_json: `json!` literals as the old
/// `json::Value`.
#[cfg(test)]
macro_rules! old_json {
    ($($literal:tt)+) => {
        $crate::json::parse(&serde_json::json!($($literal)+).to_string()).expect("a json! literal is JSON")
    };
}

pub mod by_name;
pub mod call;
pub mod client;
pub mod error;
pub mod hms;
pub mod http;
mod http_date;
mod iso8601;
#[doc(hidden)]
pub mod json;
mod json_text;
mod open_enum;
pub mod reply;
pub mod request;
mod rules;
pub mod token;
mod token_cache;
pub mod videosdk;
pub mod webhook;

pub use call::Call;
pub use client::Provider;
pub use error::{Error, ErrorCode, Result};
pub use reply::{Next, Page};

#[cfg(target_arch = "wasm32")]
pub mod wasm;
