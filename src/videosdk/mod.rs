//! VideoSDK: the client (credentials, base URL, the cached REST token) and the endpoint
//! declarations, named as VideoSDK's own `@videosdk.live/server-sdk` names them.

use crate::prelude::*;
use core::ops::Deref;
mod config;
pub mod media;
pub mod rooms;
pub mod sessions;

use crate::client::{check_base_url, send, Authorizer, Env, RetryPolicy, Transport};
use crate::endpoint::Endpoint;
use crate::error::Result;
use crate::http::HttpRequest;
use crate::json::Value;
use crate::token::{Minted, Permission, Validity, VideoSdkCredentials, VideoSdkGrant, VideoSdkRole};
use crate::token_cache::TokenCache;

pub use config::WEBHOOK_EVENTS;

/// VideoSDK's REST API.
pub const DEFAULT_BASE_URL: &str = "https://api.videosdk.live";

/// Every VideoSDK endpoint, by the name the JS layer calls it.
pub static ENDPOINTS: &[&Endpoint] = &[
    &rooms::CREATE,
    &rooms::GET,
    &rooms::VALIDATE,
    &rooms::LIST,
    &rooms::DEACTIVATE,
    &sessions::LIST,
    &sessions::GET,
    &sessions::LIST_PARTICIPANTS,
    &sessions::LIST_ACTIVE_PARTICIPANTS,
    &sessions::GET_PARTICIPANT,
    &sessions::END,
    &sessions::REMOVE_PARTICIPANT,
    &media::START_RECORDING_JOB,
    &media::STOP_RECORDING,
    &media::LIST_RECORDINGS,
    &media::GET_RECORDING,
    &media::DELETE_RECORDING,
    &media::START_HLS_JOB,
    &media::STOP_HLS,
    &media::GET_ACTIVE_HLS,
    &media::LIST_HLS,
    &media::GET_HLS,
    &media::DELETE_HLS,
    &media::START_RTMP_JOB,
    &media::STOP_RTMP,
    &media::LIST_RTMP,
    &media::GET_RTMP,
];

/// Looks an endpoint up by name.
pub fn endpoint(name: &str) -> Option<&'static Endpoint> {
    ENDPOINTS.iter().copied().find(|e| e.name == name)
}

/// A VideoSDK client: sans-IO builders plus one async `call` over an injected transport.
#[derive(Debug)]
pub struct VideoSdkClient {
    credentials: VideoSdkCredentials,
    base_url: String,
    retry: RetryPolicy,
    cached: TokenCache,
}

impl VideoSdkClient {
    /// Checks the credentials and the base URL (default [`DEFAULT_BASE_URL`]).
    pub fn new(api_key: &str, secret: &str, base_url: Option<&str>, retry: RetryPolicy) -> Result<Self> {
        let credentials = VideoSdkCredentials::new(api_key, secret)?;
        let base_url = check_base_url("baseUrl", base_url.unwrap_or(DEFAULT_BASE_URL))?;
        Ok(VideoSdkClient { credentials, base_url, retry, cached: TokenCache::default() })
    }

    /// The credentials, for minting meeting tokens.
    pub fn credentials(&self) -> &VideoSdkCredentials {
        &self.credentials
    }

    /// The token the REST API takes: `roles: ["crawler"]`, cached while comfortably valid.
    pub fn api_token(&self, env: &impl Env, force_new: bool) -> Result<Minted> {
        let now = env.now_unix();
        self.cached.get(now, None, force_new, |lifetime| {
            let grant = VideoSdkGrant {
                permissions: vec![Permission::AllowJoin],
                roles: vec![VideoSdkRole::Crawler],
                ..VideoSdkGrant::default()
            };
            self.credentials.token(&grant, &Validity { valid_for_seconds: Some(lifetime), ..Validity::default() }, now)
        })
    }

    /// Builds the request for `endpoint` against this client's base URL, without credentials.
    pub fn build(&self, endpoint: &Endpoint, args: &[&str], query: &Value, body: &Value) -> Result<HttpRequest> {
        endpoint.build(&self.base_url, args, query, body)
    }

    /// How transient failures of safe requests are retried.
    pub fn retry_policy(&self) -> RetryPolicy {
        self.retry
    }

    /// Builds, authenticates (the raw token, no "Bearer "), sends and parses one call.
    pub async fn call(
        &self,
        transport: &impl Transport,
        env: &impl Env,
        endpoint: &Endpoint,
        args: &[&str],
        query: &Value,
        body: &Value,
    ) -> Result<Value> {
        let request = self.build(endpoint, args, query, body)?;
        send(transport, env, &self.retry, endpoint, request, Some(&CrawlerAuth { client: self, env })).await
    }
}

/// The [`Authorizer`] of VideoSDK calls: the cached crawler token, raw. `C` and `E` are
/// references or shared pointers to the client and its environment.
pub struct CrawlerAuth<C, E> {
    /// The client whose credentials sign the token.
    pub client: C,
    /// The clock and randomness for minting.
    pub env: E,
}

impl<C: Deref<Target = VideoSdkClient>, E: Deref<Target: Env + Sized>> Authorizer for CrawlerAuth<C, E> {
    fn authorization(&self, renew: bool) -> Result<String> {
        // VideoSDK wants the token itself as the header value: no "Bearer " prefix.
        Ok(self.client.api_token(&*self.env, renew)?.token)
    }
}
