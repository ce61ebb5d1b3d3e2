#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod by_name;
pub mod call;
pub mod client;
pub mod error;
#[cfg(all(target_arch = "wasm32", feature = "fetch"))]
pub mod fetch;
pub mod hms;
pub mod http;
mod http_date;
mod iso8601;
#[cfg(all(not(target_arch = "wasm32"), feature = "native-client"))]
pub mod native;
mod open_enum;
pub mod params;
pub mod prelude;
pub mod ready;
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
pub use client::{Env, Provider, Transport};
pub use error::{Error, ErrorCode, Result};
pub use ready::{Client, ClientBuilder, Pages};
pub use reply::{Next, Page};

/// The npm package's wasm boundary (its JavaScript exports with `wasm-tokens`/`wasm-full`),
/// and the fetch transport behind [`fetch`].
#[cfg(all(target_arch = "wasm32", any(feature = "wasm-tokens", feature = "fetch")))]
#[doc(hidden)]
pub mod wasm;
