//! Rust on wasm32 (feature `fetch`): the transport and the Env the npm package itself sends
//! with, as Rust API, for a Rust Worker (workers-rs) or any wasm-bindgen app that calls the
//! typed API directly. [`FetchTransport`] sends over the global `fetch` with a per-attempt
//! timeout and waits on `setTimeout`; [`JsEnv`] reads `Date.now()` and
//! `crypto.getRandomValues` (`SystemTime::now()` traps on wasm32-unknown-unknown).
//!
//! Neither is `Send`: JavaScript values live on their one thread, as workers-rs' own are.

use crate::client::{RetryNotice, Transport};
use crate::error::{Error, Result};
use crate::http::{HttpRequest, HttpResponse};
use crate::wasm::fetch::JsTransport;
use core::time::Duration;

pub use crate::wasm::env::JsEnv;

/// [`Transport`] over `globalThis.fetch` (looked up at each attempt), each attempt bounded by
/// a timeout (default 30 s) that aborts its request.
pub struct FetchTransport {
    inner: JsTransport,
}

impl core::fmt::Debug for FetchTransport {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("FetchTransport").finish_non_exhaustive()
    }
}

impl Default for FetchTransport {
    fn default() -> Self {
        Self::new()
    }
}

impl FetchTransport {
    /// Over the global `fetch`, 30 s per attempt.
    pub fn new() -> Self {
        FetchTransport { inner: JsTransport::global(crate::wasm::transport::DEFAULT_TIMEOUT_MS) }
    }

    /// The same with another per-attempt timeout: 1 ms ..= 10 minutes.
    pub fn timeout(self, timeout: Duration) -> Result<Self> {
        let ms = i64::try_from(timeout.as_millis()).unwrap_or(i64::MAX);
        let ms = crate::wasm::transport::check_timeout(Some(ms))
            .map_err(|_| Error::invalid("timeout", "must be from 1 ms to 10 minutes"))?;
        Ok(FetchTransport { inner: JsTransport::global(ms) })
    }
}

impl Transport for FetchTransport {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse> {
        self.inner.send(request).await
    }

    async fn sleep(&self, ms: u64) -> Result<()> {
        self.inner.sleep(ms).await
    }

    fn retrying(&self, notice: &RetryNotice<'_>) {
        self.inner.retrying(notice);
    }
}
