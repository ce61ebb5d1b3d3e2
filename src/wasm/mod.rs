//! The wasm boundary: the only code that touches wasm-bindgen and js-sys. It reads
//! arguments (option objects key by key, call params as JSON text, both into their typed
//! structs through `crate::params`), takes the clock and randomness from JavaScript, runs each REST call to its end as
//! one async export (`fetch.rs`: the injected `fetch`, timers, the caller's `AbortSignal`),
//! and turns every error into a JavaScript `Error` with a `code`. The JavaScript entries in
//! `js/` wrap these exports into the public API (`HmsClient`, `VideoSdkClient`, ...).
//!
//! Two builds: with the default feature `wasm-full`, everything (the package's main
//! `.wasm`); without it, only the token API (minting, `verifyToken`, `decodeToken`,
//! `exchangeRoomCode`, the random source), which is what `crates/tokens` links into the
//! token entry's `.wasm` (`edgeroom/tokens`), so LTO drops the REST calls, the dispatch
//! table and the webhooks.

mod args;
mod env;
mod error;
mod fetch;
mod js;
mod mint;
mod timer;
mod tokens;
mod transport;

#[cfg(feature = "wasm-full")]
mod call;
#[cfg(feature = "wasm-full")]
mod dispatch;
#[cfg(feature = "wasm-full")]
mod hms;
#[cfg(feature = "wasm-full")]
mod videosdk;
#[cfg(feature = "wasm-full")]
mod webhooks;

#[cfg(feature = "wasm-full")]
pub use hms::HmsCore;
pub use mint::{HmsTokensCore, VideoSdkTokensCore};
pub use tokens::{decode_token, exchange_room_code, verify_token};
#[cfg(feature = "wasm-full")]
pub use videosdk::VideoSdkCore;
#[cfg(feature = "wasm-full")]
pub use webhooks::{parse_videosdk_webhook, HmsWebhookCore};
