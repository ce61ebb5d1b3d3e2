//! The wasm boundary: the only code that touches wasm-bindgen and js-sys. It reads
//! arguments (option objects key by key, call params as JSON text, both into their typed
//! structs through `crate::params`), takes the clock and randomness from JavaScript, runs each REST call to its end as
//! one async export (`fetch.rs`: the injected `fetch`, timers, the caller's `AbortSignal`),
//! and turns every error into a JavaScript `Error` with a `code`. The JavaScript entries in
//! `js/` wrap these exports into the public API (`HmsClient`, `VideoSdkClient`, ...).
//!
//! Two builds: with the feature `wasm-full`, everything (the package's main `.wasm`); with
//! `wasm-tokens` alone, only the token API (minting, `verifyToken`, `decodeToken`, the two
//! synchronous halves of `exchangeRoomCode`, the random source), which is what `crates/tokens` links into the
//! token entry's `.wasm` (`edgeroom/tokens`), so LTO drops the REST calls, the dispatch
//! table and the webhooks.

// What the `fetch` feature makes public as Rust API (`crate::fetch`) too: the transport over
// fetch, its timers and options, the clock and randomness from JavaScript. With `fetch`
// alone, what only the package's exports use of them is left unused.
#[cfg_attr(not(feature = "wasm-tokens"), allow(dead_code, unused_imports))]
pub(crate) mod env;
// The token module sends nothing itself (its `exchangeRoomCode` sends from JavaScript), so
// only `wasm-full` uses the transport over fetch.
#[cfg_attr(not(feature = "wasm-full"), allow(dead_code))]
pub(crate) mod fetch;
#[cfg_attr(not(feature = "wasm-tokens"), allow(dead_code))]
mod js;
mod timer;
#[cfg_attr(not(feature = "wasm-tokens"), allow(dead_code))]
pub(crate) mod transport;

// The npm package's exports.
#[cfg(feature = "wasm-tokens")]
mod args;
#[cfg(feature = "wasm-tokens")]
mod error;
#[cfg(feature = "wasm-tokens")]
mod mint;
#[cfg(feature = "wasm-tokens")]
mod tokens;

#[cfg(feature = "wasm-full")]
mod call;
#[cfg(feature = "wasm-full")]
mod hms;
#[cfg(feature = "wasm-full")]
mod videosdk;
#[cfg(feature = "wasm-full")]
mod webhooks;

#[cfg(feature = "wasm-full")]
pub use hms::HmsCore;
#[cfg(feature = "wasm-tokens")]
pub use mint::{HmsTokensCore, VideoSdkTokensCore};
#[cfg(feature = "wasm-full")]
pub use tokens::exchange_room_code;
#[cfg(feature = "wasm-tokens")]
pub use tokens::{decode_token, verify_token};
#[cfg(all(feature = "wasm-tokens", not(feature = "wasm-full")))]
pub use tokens::{exchange_room_code_answer, exchange_room_code_request_js};
#[cfg(feature = "wasm-full")]
pub use videosdk::VideoSdkCore;
#[cfg(feature = "wasm-full")]
pub use webhooks::{parse_videosdk_webhook, HmsWebhookCore};
