//! The wasm boundary: the only code that touches wasm-bindgen and js-sys. It converts
//! values, takes the clock and randomness from JavaScript, hands each REST call to the
//! JavaScript driver as a state machine (`PendingCall`), and turns every error
//! into a JavaScript `Error` with a `code`. The JavaScript entries in `js/` wrap these
//! exports into the public API (`HmsClient`, `VideoSdkClient`, ...).

mod call;
mod convert;
mod env;
mod error;
mod hms;
mod js;
mod pending;
mod tokens;
mod transport;
mod videosdk;
mod webhooks;

pub use hms::HmsCore;
pub use pending::PendingCall;
pub use tokens::{begin_exchange_room_code, decode_token, verify_token};
pub use videosdk::VideoSdkCore;
pub use webhooks::{parse_videosdk_webhook, HmsWebhookCore};
