//! A Rust SDK for the room APIs of [100ms](https://www.100ms.live) and
//! [VideoSDK](https://www.videosdk.live): every call a type with typed, validated params and a
//! typed answer; tokens minted and verified; webhooks read; and a ready client that sends them,
//! natively over reqwest or in a Rust Worker over `fetch`. (The same crate, compiled to
//! WebAssembly, is the `edgeroom` npm package; its README is the JavaScript manual.)
//!
//! # Features
//!
//! | feature | what it adds | for |
//! |---|---|---|
//! | *(none, the default)* | the typed calls, [`Client`] over any [`Transport`] + [`Env`] (sans-IO), tokens, webhooks | libraries, your own HTTP stack, tests |
//! | `reqwest` | [`ClientBuilder::build`] over reqwest (rustls), tokio's timer, the system clock, the OS's randomness (`edgeroom::native`) | services on tokio (axum, actix, lambdas) |
//! | `reqwest-native-tls` | the same over the platform's TLS | where OpenSSL or the OS's TLS is required |
//! | `fetch` (wasm32) | [`ClientBuilder::build`] over the global `fetch`, JavaScript's clock and randomness (`edgeroom::fetch`) | Cloudflare Workers in Rust (workers-rs), wasm-bindgen apps |
//! | `wasm-tokens`, `wasm-full` | the npm package's JavaScript exports | the package's own build only |
//! | `ts` | TypeScript declarations of the types | the package's own build only |
//!
//! # Quick start (feature `reqwest`)
//!
//! ```toml
//! [dependencies]
//! edgeroom = { version = "0.1", features = ["reqwest"] }
//! tokio = { version = "1", features = ["rt-multi-thread", "macros"] }
//! ```
//!
//! ```rust
//! # #[cfg(feature = "reqwest")]
//! # async fn quick_start() -> edgeroom::Result<()> {
//! use edgeroom::hms::auth::RoomCodeGrant;
//! use edgeroom::hms::rooms::{Region, RoomFilters, RoomSettings};
//! use edgeroom::prelude::*;
//! use futures_util::TryStreamExt; // for the streams of list calls
//!
//! let hms = HmsClient::builder().access_key("access-key").secret("app-secret").build()?;
//!
//! // Calls are methods by namespace, each a typed request and a typed answer.
//! let room = hms.rooms().create(RoomSettings::named("standup").region(Region::Eu)).await?;
//! let codes = hms.room_codes().create(&room.id).await?;
//!
//! // A peer you authenticated yourself: its token, minted here, nothing sent.
//! let token = hms.token(&AppGrant::new(&room.id, "host").user_id("user-1"), &Validity::default())?;
//!
//! // A guest with a room code: 100ms's token service trades it for a token (no credentials).
//! let guest = hms.auth().exchange_room_code(RoomCodeGrant::new(&codes[0].code)).await?;
//!
//! // List calls are pages: one at a time with `next_page()`, or every item as a stream.
//! let enabled: Vec<_> =
//!     hms.rooms().list(RoomFilters { enabled: Some(true), ..RoomFilters::default() }).into_stream().try_collect().await?;
//! # let _ = (token, guest, enabled); Ok(()) }
//! ```
//!
//! VideoSDK has the same shape: the same builder (its key is an `api_key`), the same naming of
//! the same kind of call (`rooms().create`, `rooms().get`, `sessions().list`), the same
//! [`Client::token`]:
//!
//! ```rust
//! # #[cfg(feature = "reqwest")]
//! # async fn videosdk() -> edgeroom::Result<()> {
//! use edgeroom::prelude::*;
//! use edgeroom::videosdk::rooms::RoomSettings;
//!
//! let vsdk = VideoSdkClient::builder().api_key("api-key").secret("secret").build()?;
//! let room = vsdk.rooms().create(RoomSettings::custom("standup")).await?;
//! let grant = VideoSdkGrant::new([Permission::AllowJoin]).room_id(&room.room_id).role(VideoSdkRole::Rtc);
//! let token = vsdk.token(&grant, &Validity::default())?;
//! # let _ = token; Ok(()) }
//! ```
//!
//! The Rust names follow one convention for both providers (`Get*` types, `get` methods, a
//! namespace per resource); the JavaScript names stay those of the official SDKs
//! (`rooms.retrieveById` is `rooms().get(..)` here). Each namespace method sends one call type
//! ([`hms::rooms::CreateRoom`], ...) with [`Client::send`], which takes any call.
//!
//! # Sharing a client: axum, `tokio::spawn`
//!
//! A [`Client`] is one `Arc`: clone it freely. It is `Send + Sync` and its futures are `Send`
//! (over reqwest and the system Env), so it lives in an axum state and goes into
//! `tokio::spawn`; every clone shares one connection pool and one cached management token,
//! minted once however many tasks call at the same moment.
//!
//! ```rust
//! # #[cfg(feature = "reqwest")]
//! # async fn shared() -> edgeroom::Result<()> {
//! use edgeroom::hms::rooms::RoomSettings;
//! use edgeroom::prelude::*;
//!
//! let hms: Client<HmsClient> = HmsClient::builder().access_key("key").secret("secret").build()?;
//! let tasks: Vec<_> = ["a", "b", "c"]
//!     .into_iter()
//!     .map(|name| {
//!         let hms = hms.clone();
//!         tokio::spawn(async move { hms.rooms().create(RoomSettings::named(name)).await })
//!     })
//!     .collect();
//! # let _ = tasks; Ok(()) }
//! ```
//!
//! `examples/axum_service.rs` is a whole service (room creation and a token endpoint).
//!
//! # Rust on Cloudflare Workers (feature `fetch`, wasm32)
//!
//! With `default-features = false, features = ["fetch"]`, `build()` sends over the Worker's
//! own `fetch` and reads the clock and randomness from JavaScript (`SystemTime::now()` traps on
//! wasm32-unknown-unknown); everything else reads as above. `examples/rust-worker/` is a
//! workers-rs Worker that creates a room, its codes and a token. On wasm32 the client is not
//! `Send` (JavaScript values stay on their one thread), as workers-rs' own types are. Import
//! the prelude's items by name there: its `Env`, `Error` and `Result` meet `worker::*`'s.
//!
//! # Any transport (sans-IO)
//!
//! Without a feature, a [`Client`] runs over any [`Transport`] (send a request, wait before a
//! retry) and any [`Env`] (the clock, 16 random bytes for a token's `jti`), so it fits any
//! HTTP stack and any test. The client path is one sans-IO state machine
//! ([`client::Exchange`]: the management token cached and renewed before it expires, one
//! resend after a 401, safe retries with backoff and `Retry-After`), the same the npm package
//! drives with `fetch`:
//!
//! ```rust
//! use edgeroom::hms::rooms::{Region, RoomSettings};
//! use edgeroom::http::{HttpRequest, HttpResponse};
//! use edgeroom::prelude::*;
//! use std::sync::Mutex;
//!
//! /// Answers canned responses in order and records what was sent.
//! struct Canned(Mutex<(Vec<HttpResponse>, Vec<HttpRequest>)>);
//!
//! impl Transport for Canned {
//!     async fn send(&self, request: HttpRequest) -> Result<HttpResponse> {
//!         let mut state = self.0.lock().unwrap();
//!         state.1.push(request);
//!         state.0.pop().ok_or_else(|| Error::new(ErrorCode::Network, "no answer left"))
//!     }
//!     async fn sleep(&self, _ms: u64) -> Result<()> {
//!         Ok(()) // the wait before a retry: a real transport sleeps
//!     }
//! }
//!
//! /// A fixed clock and counting "randomness" (the `reqwest` feature's SystemEnv reads the
//! /// system clock and the OS's random source).
//! struct Fixed;
//!
//! impl Env for Fixed {
//!     fn now_unix(&self) -> i64 {
//!         1_767_225_600
//!     }
//!     fn random16(&self) -> Result<[u8; 16]> {
//!         Ok([7; 16])
//!     }
//! }
//!
//! let answers = vec![HttpResponse::new(200, r#"{"id":"6612a0c9","name":"standup","region":"eu"}"#)];
//! let hms = HmsClient::builder()
//!     .access_key("access-key")
//!     .secret("app-secret")
//!     .build_with(Canned(Mutex::new((answers, Vec::new()))), Fixed)?;
//! let room = pollster::block_on(hms.rooms().create(RoomSettings::named("standup").region(Region::Eu)))?;
//! assert_eq!((room.id.as_str(), room.region), ("6612a0c9", Some(Region::Eu)));
//!
//! let sent = &hms.transport().0.lock().unwrap().1;
//! assert_eq!(sent[0].url, "https://api.100ms.live/v2/rooms");
//! assert_eq!(sent[0].body.as_deref(), Some(r#"{"name":"standup","region":"eu"}"#));
//! assert!(sent[0].header("authorization").unwrap().starts_with("Bearer ey")); // a management token
//!
//! // Bad input never leaves the process: the field and the rule, before anything is sent.
//! let refused = pollster::block_on(hms.rooms().create(RoomSettings::named("has space"))).unwrap_err();
//! assert_eq!(refused.message(), "name: only a-z A-Z 0-9 . - : _ are allowed");
//! # Ok::<(), Error>(())
//! ```
//!
//! Further down, with no client at all: [`Provider::request`] builds a call's exact request
//! (validated, without credentials) and [`reply::answer`] reads a response into the call's
//! typed answer, for a caller that sends requests itself.
//!
//! # Errors
//!
//! Every failure is an [`Error`] with a stable [`ErrorCode`] (`invalid_argument`, `not_found`,
//! `rate_limited`, `timeout`, ...; the same strings as the npm package's `err.code`), a
//! message that names the field and the rule for bad input, the HTTP status and the
//! provider's own body for its errors, and the transport's error as its
//! [`source`](std::error::Error::source). [`Error::is_not_found`], [`Error::is_transient`] and
//! [`Error::is_invalid_argument`] answer the usual questions; `ErrorCode` is
//! `#[non_exhaustive]`, as are the enums a provider may extend. No error, `Debug` output or
//! log line ever holds a secret.
//!
//! ```rust
//! use edgeroom::hms::rooms::CreateRoom;
//! use edgeroom::http::HttpResponse;
//! use edgeroom::{reply, ErrorCode};
//!
//! let answer = HttpResponse::new(404, r#"{"code":404,"message":"room not found"}"#);
//! let error = reply::answer::<CreateRoom>(&answer).unwrap_err();
//! assert!(error.is_not_found());
//! assert_eq!((error.code(), error.status()), (ErrorCode::NotFound, Some(404)));
//! assert_eq!(error.message(), "HTTP 404: room not found");
//! ```
//!
//! # Retries and timeouts
//!
//! A request that is safe to repeat (GET, DELETE, upserts such as a named `rooms().create`) is
//! retried after a network error, a timeout, 429 or 5xx: [`ClientBuilder::retries`] times
//! (default 2), with "full jitter" backoff capped by [`ClientBuilder::retry_max_delay`]
//! (default 10 s), or after the server's `Retry-After`. Anything else is sent once, since its
//! answer may be lost after the server acted. [`ClientBuilder::timeout`] bounds each attempt
//! (default 30 s), from sending to the whole answer read.
//!
//! # Testing against the emulator
//!
//! The repository's emulator (`node js/emulator/cli.js --port 8787`, or `npx
//! edgeroom-emulator`) is a stateful local stand-in for both APIs. Point a client at it:
//! `.base_url("http://127.0.0.1:8787/100ms/v2").auth_base_url("http://127.0.0.1:8787/100ms-auth/v2")`
//! for 100ms, `.base_url("http://127.0.0.1:8787/videosdk")` for VideoSDK, with its default
//! apps' credentials (`emulator-access-key` / `emulator-secret-do-not-use-in-production`;
//! `emulator-videosdk-key` / `emulator-videosdk-secret-do-not-use-in-production`).
//! `examples/rust_emulator.rs` runs the quick start above against it.

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

/// The npm package's allocator: talc, smaller than the standard library's dlmalloc. Only with
/// the package's own features: a Rust user's module keeps the allocator it chooses.
#[cfg(all(target_arch = "wasm32", feature = "wasm-tokens"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
