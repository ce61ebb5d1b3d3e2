//! The ready native transport and Env (feature `reqwest`): [`ReqwestTransport`] sends over
//! reqwest with a per-attempt timeout and waits on tokio's timer; [`SystemEnv`] reads the
//! system clock and the OS's randomness. An adapter of the [`Transport`] seam, nothing more:
//! retries, renewals and parsing stay in the one sans-IO path ([`crate::client::Exchange`]).

use crate::client::{Env, Transport};
use crate::error::{Error, ErrorCode, Result};
use crate::http::{HttpRequest, HttpResponse, Method};
use core::time::Duration;
use std::time::{SystemTime, UNIX_EPOCH};

/// [`Transport`] over a `reqwest::Client`: each attempt bounded by the timeout (sending and
/// reading the whole answer), waits on `tokio::time::sleep`. Its futures are `Send`.
#[derive(Clone, Debug)]
pub struct ReqwestTransport {
    client: reqwest::Client,
    timeout: Duration,
}

impl ReqwestTransport {
    /// A transport over a new `reqwest::Client` (rustls, or the platform's TLS with
    /// `reqwest-native-tls`).
    pub fn new(timeout: Duration) -> Result<Self> {
        let client = reqwest::Client::builder().build().map_err(|error| {
            Error::new(ErrorCode::UnsupportedRuntime, format!("cannot make an HTTP client: {error}")).with_source(error)
        })?;
        Ok(ReqwestTransport { client, timeout })
    }

    /// A transport over `client`, your own (its pool, proxy, TLS and default headers).
    pub fn with_client(client: reqwest::Client, timeout: Duration) -> Self {
        ReqwestTransport { client, timeout }
    }

    /// The error of an attempt that got no answer. The URL is named without its query.
    fn failed(&self, request: &HttpRequest, error: reqwest::Error) -> Error {
        // reqwest's message would repeat the URL, query included; `what` names it without.
        let error = error.without_url();
        let what = format!("{} {}", request.method, request.url.split('?').next().unwrap_or_default());
        if error.is_timeout() {
            let ms = self.timeout.as_millis();
            Error::new(ErrorCode::Timeout, format!("no complete answer within {ms} ms ({what})")).with_source(error)
        } else {
            Error::new(ErrorCode::Network, format!("{what} failed: {error}")).with_source(error)
        }
    }
}

impl Transport for ReqwestTransport {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse> {
        let method = match request.method {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
            Method::Delete => reqwest::Method::DELETE,
        };
        let mut builder = self.client.request(method, &request.url).timeout(self.timeout);
        for (name, value) in &request.headers {
            builder = builder.header(*name, value);
        }
        if let Some(body) = &request.body {
            builder = builder.body(body.clone());
        }
        let response = builder.send().await.map_err(|e| self.failed(&request, e))?;
        let status = response.status().as_u16();
        // The headers the client reads (`retry-after`); reqwest's names are lowercase.
        let headers = response
            .headers()
            .iter()
            .filter_map(|(name, value)| Some((name.as_str().to_owned(), value.to_str().ok()?.to_owned())))
            .collect();
        let body = response.text().await.map_err(|e| self.failed(&request, e))?;
        Ok(HttpResponse { status, headers, body })
    }

    async fn sleep(&self, ms: u64) -> Result<()> {
        tokio::time::sleep(Duration::from_millis(ms)).await;
        Ok(())
    }
}

/// [`Env`] from the system: the clock (`SystemTime`) and the OS's randomness (`getrandom`).
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemEnv;

impl Env for SystemEnv {
    fn now_unix(&self) -> i64 {
        match SystemTime::now().duration_since(UNIX_EPOCH) {
            Ok(since) => i64::try_from(since.as_secs()).unwrap_or(i64::MAX),
            Err(before) => -i64::try_from(before.duration().as_secs()).unwrap_or(i64::MAX),
        }
    }

    fn random16(&self) -> Result<[u8; 16]> {
        let mut bytes = [0u8; 16];
        getrandom::fill(&mut bytes)
            .map_err(|error| Error::new(ErrorCode::UnsupportedRuntime, format!("no secure random source: {error}")))?;
        Ok(bytes)
    }
}
