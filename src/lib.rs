#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod by_name;
pub mod call;
pub mod client;
pub mod error;
pub mod hms;
pub mod http;
mod http_date;
mod iso8601;
mod open_enum;
pub mod params;
pub mod reply;
pub mod request;
mod rules;
#[cfg(test)]
mod test_support;
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
