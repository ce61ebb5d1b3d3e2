#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

extern crate alloc;

/// Test-only: `json!` literals of serde_json (a dev-dependency) as edgeroom's own [`json::Value`].
#[cfg(test)]
macro_rules! json {
    ($($literal:tt)+) => {
        $crate::json::parse(&serde_json::json!($($literal)+).to_string()).expect("a json! literal is JSON")
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
pub mod schema;

#[cfg(target_arch = "wasm32")]
pub mod wasm;
