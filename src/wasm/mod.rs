//! The wasm boundary: the only code that touches wasm-bindgen and js-sys. It reads
//! arguments (option objects key by key, call params as JSON text, both into their typed
//! structs through `crate::params`), takes the clock and randomness from JavaScript, runs each REST call to its end as
//! one async export (`fetch.rs`: the injected `fetch`, timers, the caller's `AbortSignal`),
//! and turns every error into a JavaScript `Error` with a `code`. The JavaScript entries in
//! `js/` wrap these exports into the public API (`HmsClient`, `VideoSdkClient`, ...).

mod args;
mod call;
mod dispatch;
mod env;
mod error;
mod fetch;
mod hms;
mod js;
mod timer;
mod tokens;
mod transport;
mod videosdk;
mod webhooks;

pub use hms::HmsCore;
pub use tokens::{decode_token, exchange_room_code, verify_token};
pub use videosdk::VideoSdkCore;
pub use webhooks::{parse_videosdk_webhook, HmsWebhookCore};
