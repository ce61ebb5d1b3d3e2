//! [`ClientBuilder`]: one builder for both providers. The same settings (`secret`,
//! `base_url`, `retries`, `timeout`, ...), the provider's own name for its key
//! (`access_key` for 100ms, `api_key` for VideoSDK), checked when `build` is called.

use super::Client;
use crate::client::{Env, Provider, RetryPolicy, Transport};
use crate::error::Result;
use crate::hms::{HmsClient, HmsOptions};
use crate::videosdk::{VideoSdkClient, VideoSdkOptions};
use core::fmt;
use core::time::Duration;

/// The settings of a client, for [`HmsClient::builder`] and [`VideoSdkClient::builder`].
/// Nothing is checked, signed or sent until `build`.
pub struct ClientBuilder<P> {
    key: Option<String>,
    secret: Option<String>,
    base_url: Option<String>,
    auth_base_url: Option<String>,
    retries: Option<u32>,
    retry_max_delay: Option<Duration>,
    timeout: Option<Duration>,
    #[cfg(all(not(target_arch = "wasm32"), feature = "native-client"))]
    http_client: Option<reqwest::Client>,
    provider: core::marker::PhantomData<fn() -> P>,
}

impl<P> fmt::Debug for ClientBuilder<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("key", &self.key)
            .field("secret", &self.secret.as_ref().map(|_| "<redacted>"))
            .field("base_url", &self.base_url)
            .field("auth_base_url", &self.auth_base_url)
            .field("retries", &self.retries)
            .field("retry_max_delay", &self.retry_max_delay)
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

impl<P> Default for ClientBuilder<P> {
    fn default() -> Self {
        ClientBuilder {
            key: None,
            secret: None,
            base_url: None,
            auth_base_url: None,
            retries: None,
            retry_max_delay: None,
            timeout: None,
            #[cfg(all(not(target_arch = "wasm32"), feature = "native-client"))]
            http_client: None,
            provider: core::marker::PhantomData,
        }
    }
}

/// A provider's client made from a builder's settings.
pub trait Configure: Provider {
    /// The client from the key, the secret, the base URLs and the retry policy.
    fn configure(settings: &Settings<'_>) -> Result<Self>;
}

/// What [`Configure::configure`] is given.
#[derive(Debug)]
#[non_exhaustive]
pub struct Settings<'a> {
    /// The access key (100ms) or API key (VideoSDK); empty when none was set.
    pub key: &'a str,
    /// The secret; empty when none was set.
    pub secret: &'a str,
    /// The REST API's base URL, when not the provider's.
    pub base_url: Option<&'a str>,
    /// 100ms's token service, when not 100ms's.
    pub auth_base_url: Option<&'a str>,
    /// How transient failures of safe requests are retried.
    pub retry: RetryPolicy,
}

impl Configure for HmsClient {
    fn configure(settings: &Settings<'_>) -> Result<Self> {
        let options = HmsOptions {
            base_url: settings.base_url.map(str::to_owned),
            auth_base_url: settings.auth_base_url.map(str::to_owned),
            retry: settings.retry,
        };
        HmsClient::new(settings.key, settings.secret, &options)
    }
}

impl Configure for VideoSdkClient {
    fn configure(settings: &Settings<'_>) -> Result<Self> {
        let options = VideoSdkOptions { base_url: settings.base_url.map(str::to_owned), retry: settings.retry };
        VideoSdkClient::new(settings.key, settings.secret, &options)
    }
}

impl HmsClient {
    /// The builder of a 100ms client:
    /// `HmsClient::builder().access_key(..).secret(..).build()?`.
    pub fn builder() -> ClientBuilder<HmsClient> {
        ClientBuilder::default()
    }
}

impl VideoSdkClient {
    /// The builder of a VideoSDK client: `VideoSdkClient::builder().api_key(..).secret(..).build()?`.
    pub fn builder() -> ClientBuilder<VideoSdkClient> {
        ClientBuilder::default()
    }
}

impl ClientBuilder<HmsClient> {
    /// The app's access key (100ms dashboard → Developer).
    pub fn access_key(mut self, access_key: impl Into<String>) -> Self {
        self.key = Some(access_key.into());
        self
    }

    /// 100ms's token service, for the room-code exchange (default
    /// [`DEFAULT_AUTH_BASE_URL`](crate::hms::DEFAULT_AUTH_BASE_URL)); the emulator's in tests.
    pub fn auth_base_url(mut self, url: impl Into<String>) -> Self {
        self.auth_base_url = Some(url.into());
        self
    }
}

impl ClientBuilder<VideoSdkClient> {
    /// The API key (VideoSDK dashboard → API keys).
    pub fn api_key(mut self, api_key: impl Into<String>) -> Self {
        self.key = Some(api_key.into());
        self
    }
}

impl<P: Configure> ClientBuilder<P> {
    /// The app's secret. Kept in the client only to sign; never in an error or `Debug`.
    pub fn secret(mut self, secret: impl Into<String>) -> Self {
        self.secret = Some(secret.into());
        self
    }

    /// The REST API's base URL (default the provider's); the emulator's in tests.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// Retries of a request that is safe to repeat, after a network error, a timeout, 429 or
    /// 5xx: 0 ..= 10, default 2.
    pub fn retries(mut self, retries: u32) -> Self {
        self.retries = Some(retries);
        self
    }

    /// The longest wait before one retry, a server's `Retry-After` included: at most 10
    /// minutes, default 10 s.
    pub fn retry_max_delay(mut self, delay: Duration) -> Self {
        self.retry_max_delay = Some(delay);
        self
    }

    /// The time one attempt may take, from sending to the whole answer read: 1 ms ..= 10
    /// minutes, default 30 s. For the transports `build()` makes; one given to `build_with`
    /// keeps its own.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Sends over this reqwest client (its pool, proxy, TLS and headers) instead of a new one.
    /// The per-attempt timeout still applies.
    #[cfg(all(not(target_arch = "wasm32"), feature = "native-client"))]
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http_client = Some(client);
        self
    }

    /// The provider's client alone, for a caller that sends requests itself (sans-IO:
    /// [`Provider::request`], [`crate::reply::answer`]) or through [`Provider::send`].
    pub fn build_provider(&self) -> Result<P> {
        let to_ms = |d: Duration| i64::try_from(d.as_millis()).unwrap_or(i64::MAX);
        let retry = RetryPolicy::new(self.retries.map(i64::from), self.retry_max_delay.map(to_ms))?;
        P::configure(&Settings {
            key: self.key.as_deref().unwrap_or_default(),
            secret: self.secret.as_deref().unwrap_or_default(),
            base_url: self.base_url.as_deref(),
            auth_base_url: self.auth_base_url.as_deref(),
            retry,
        })
    }

    /// The client over `transport`, with `env`'s clock and randomness: any HTTP client, a
    /// test double, a runtime of your own.
    pub fn build_with<T: Transport, E: Env>(self, transport: T, env: E) -> Result<Client<P, T, E>> {
        Ok(Client::from_parts(self.build_provider()?, transport, env))
    }

    /// The per-attempt timeout in milliseconds, checked (for the transports `build` makes).
    #[cfg(any(
        all(not(target_arch = "wasm32"), feature = "native-client"),
        all(target_arch = "wasm32", feature = "fetch")
    ))]
    fn timeout_ms(&self) -> Result<u64> {
        use crate::client::{DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS};
        match self.timeout.map(|t| u64::try_from(t.as_millis()).unwrap_or(u64::MAX)) {
            None => Ok(DEFAULT_TIMEOUT_MS),
            Some(ms) if (1..=MAX_TIMEOUT_MS).contains(&ms) => Ok(ms),
            Some(_) => Err(crate::error::Error::invalid("timeout", "must be from 1 ms to 10 minutes")),
        }
    }

    /// The client over reqwest, with tokio's timer, the system clock and the OS's randomness
    /// (call it, and the client's methods, inside a tokio runtime).
    #[cfg(all(not(target_arch = "wasm32"), feature = "native-client"))]
    pub fn build(self) -> Result<Client<P>> {
        let timeout = Duration::from_millis(self.timeout_ms()?);
        let provider = self.build_provider()?;
        let transport = match self.http_client {
            Some(client) => crate::native::ReqwestTransport::with_client(client, timeout),
            None => crate::native::ReqwestTransport::new(timeout)?,
        };
        Ok(Client::from_parts(provider, transport, crate::native::SystemEnv))
    }

    /// The client over the global `fetch`, with JavaScript's clock and `crypto.getRandomValues`
    /// (a Rust Worker, a wasm-bindgen app).
    #[cfg(all(target_arch = "wasm32", feature = "fetch"))]
    pub fn build(self) -> Result<Client<P>> {
        let transport = crate::fetch::FetchTransport::new().timeout(Duration::from_millis(self.timeout_ms()?))?;
        Ok(Client::from_parts(self.build_provider()?, transport, crate::fetch::JsEnv::default()))
    }
}
