#![doc = include_str!("../README.md")]
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

// `no_std` (the allocator and collections come from `alloc`): std's panic machinery,
// formatting of panic messages and I/O error texts would otherwise cost the .wasm tens of
// kilobytes, for a program that never prints and treats any panic as a bug.
extern crate alloc;
// Without the `wasm-runtime` feature (native builds, tests, the wasm test binaries), std is
// linked for its allocator and panic handler; the code itself uses only `core` and `alloc`.
#[cfg(not(feature = "wasm-runtime"))]
extern crate std;

mod prelude;
#[cfg(feature = "wasm-runtime")]
mod runtime;

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
/// SHA-256, HMAC-SHA256, base64 and a constant-time comparison (the `edgeroom-hs256` crate).
pub use edgeroom_hs256 as crypto;
pub mod endpoint;
pub mod hms;
pub mod http;
mod http_date;
mod iso8601;
pub mod json;
pub mod schema;

#[cfg(target_arch = "wasm32")]
pub mod wasm;
