#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

// The crate predates its move to std; `alloc` paths stay valid under std.
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

pub mod call;
pub mod client;
pub mod error;
pub mod hms;
pub mod http;
mod http_date;
mod iso8601;
#[doc(hidden)]
pub mod json;
mod open_enum;
pub mod reply;
pub mod request;
mod rules;
pub mod token;
mod token_cache;
pub mod videosdk;
// pub mod webhook;

pub use call::Call;
pub use client::Provider;
pub use error::{Error, ErrorCode, Result};
pub use reply::{Next, Page};

/// SHA-256, HMAC-SHA256, base64 and a constant-time comparison (the `edgeroom-hs256` crate).
pub use edgeroom_hs256 as crypto;

#[cfg(target_arch = "wasm32")]
pub mod wasm;
