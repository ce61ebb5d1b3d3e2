//! 100ms: the client (credentials, base URLs, the cached management token) and one module
//! per resource, each declaring its calls with typed params and answers.

pub mod active_rooms;
pub mod analytics;
pub mod auth;
mod common;
pub mod methods;
pub mod polls;
pub mod recordings;
pub mod room_codes;
pub mod rooms;
pub mod sessions;
pub mod stream_keys;
pub mod streams;
pub mod templates;

use crate::call::{Host, Spec};
use crate::client::{base_url_or, Env, Provider, RetryPolicy};
use crate::error::Result;
use crate::token::{AppGrant, HmsCredentials, Minted, Validity};
use crate::token_cache::TokenCache;

/// 100ms's REST API.
pub const DEFAULT_BASE_URL: &str = "https://api.100ms.live/v2";
/// 100ms's token service (the room-code exchange).
pub const DEFAULT_AUTH_BASE_URL: &str = "https://auth.100ms.live/v2";

/// Calls `$callback!` with every 100ms call type: the one list of them, from which the wasm
/// table of calls by name, [`CALLS`], the JavaScript method table and the TypeScript declarations
/// are made.
#[macro_export]
macro_rules! for_each_hms_call {
    ($callback:ident) => {
        $callback! {
            $crate::hms::rooms::CreateRoom,
            $crate::hms::rooms::GetRoom,
            $crate::hms::rooms::GetRoomByName,
            $crate::hms::rooms::UpdateRoom,
            $crate::hms::rooms::EnableOrDisableRoom,
            $crate::hms::rooms::ListRooms,
            $crate::hms::room_codes::CreateRoomCodes,
            $crate::hms::room_codes::CreateRoomCodeForRole,
            $crate::hms::room_codes::ListRoomCodes,
            $crate::hms::room_codes::EnableOrDisableRoomCode,
            $crate::hms::auth::ExchangeRoomCode,
            $crate::hms::stream_keys::CreateStreamKey,
            $crate::hms::stream_keys::GetStreamKey,
            $crate::hms::stream_keys::DisableStreamKey,
            $crate::hms::sessions::GetSession,
            $crate::hms::sessions::ListSessions,
            $crate::hms::sessions::GetActiveSessionByRoom,
            $crate::hms::active_rooms::GetActiveRoom,
            $crate::hms::active_rooms::GetPeerDetails,
            $crate::hms::active_rooms::GetActivePeers,
            $crate::hms::active_rooms::UpdatePeer,
            $crate::hms::active_rooms::SendMessage,
            $crate::hms::active_rooms::RemovePeer,
            $crate::hms::active_rooms::EndActiveRoom,
            $crate::hms::analytics::ListEvents,
            $crate::hms::analytics::ListTrackEvents,
            $crate::hms::analytics::ListRecordingEvents,
            $crate::hms::polls::CreatePoll,
            $crate::hms::polls::GetPoll,
            $crate::hms::polls::UpdatePoll,
            $crate::hms::polls::UpdatePollQuestion,
            $crate::hms::polls::DeletePollQuestion,
            $crate::hms::polls::UpdatePollOption,
            $crate::hms::polls::DeletePollOption,
            $crate::hms::polls::GetPollSession,
            $crate::hms::polls::GetPollResults,
            $crate::hms::polls::GetPollResult,
            $crate::hms::polls::GetPollResponses,
            $crate::hms::polls::GetPollResponse,
            $crate::hms::templates::ListTemplates,
            $crate::hms::templates::GetTemplate,
            $crate::hms::templates::CreateTemplate,
            $crate::hms::templates::UpdateTemplate,
            $crate::hms::templates::GetTemplateRole,
            $crate::hms::templates::CreateOrUpdateTemplateRole,
            $crate::hms::templates::DeleteTemplateRole,
            $crate::hms::templates::GetTemplateSettings,
            $crate::hms::templates::UpdateTemplateSettings,
            $crate::hms::templates::GetRecordingsConfig,
            $crate::hms::templates::ConfigureRecordings,
            $crate::hms::recordings::StartRecording,
            $crate::hms::recordings::StopRecording,
            $crate::hms::recordings::StopAllRecordings,
            $crate::hms::recordings::GetRecording,
            $crate::hms::recordings::ListRecordings,
            $crate::hms::recordings::GetRecordingConfig,
            $crate::hms::recordings::GetRecordingAsset,
            $crate::hms::recordings::ListRecordingAssets,
            $crate::hms::recordings::GeneratePreSignedUrl,
            $crate::hms::streams::StartLiveStream,
            $crate::hms::streams::StopLiveStream,
            $crate::hms::streams::StopAllLiveStreams,
            $crate::hms::streams::GetLiveStream,
            $crate::hms::streams::ListLiveStreams,
            $crate::hms::streams::SendTimedMetadata,
            $crate::hms::streams::PauseLiveStreamRecording,
            $crate::hms::streams::ResumeLiveStreamRecording,
            $crate::hms::streams::StartExternalStream,
            $crate::hms::streams::StopExternalStream,
            $crate::hms::streams::StopAllExternalStreams,
            $crate::hms::streams::GetExternalStream,
            $crate::hms::streams::ListExternalStreams,
        }
    };
}

macro_rules! specs {
    ($($call:ty),* $(,)?) => { &[$(<$call as $crate::call::Call>::SPEC),*] };
}

/// Every 100ms call's declaration.
pub static CALLS: &[&Spec] = for_each_hms_call!(specs);

/// Where a client sends its requests.
#[derive(Clone, Debug, Default)]
pub struct HmsOptions {
    /// Default [`DEFAULT_BASE_URL`].
    pub base_url: Option<String>,
    /// Default [`DEFAULT_AUTH_BASE_URL`].
    pub auth_base_url: Option<String>,
    /// How transient failures of safe requests are retried.
    pub retry: RetryPolicy,
}

/// A 100ms client: typed calls, sent with [`Provider::send`] over any transport or built
/// with [`Provider::request`] for a caller that sends them itself.
#[derive(Debug)]
pub struct HmsClient {
    credentials: HmsCredentials,
    base_url: String,
    auth_base_url: String,
    retry: RetryPolicy,
    cached: TokenCache,
}

impl HmsClient {
    /// Checks the credentials and options. Nothing is signed or sent yet.
    pub fn new(access_key: &str, secret: &str, options: &HmsOptions) -> Result<Self> {
        let credentials = HmsCredentials::new(access_key, secret)?;
        let base_url = base_url_or("baseUrl", options.base_url.as_deref(), DEFAULT_BASE_URL)?;
        let auth_base_url = base_url_or("authBaseUrl", options.auth_base_url.as_deref(), DEFAULT_AUTH_BASE_URL)?;
        Ok(HmsClient { credentials, base_url, auth_base_url, retry: options.retry, cached: TokenCache::default() })
    }

    /// The credentials, for minting app tokens.
    pub fn credentials(&self) -> &HmsCredentials {
        &self.credentials
    }

    /// The management token: the cached one while comfortably valid, else a fresh one.
    /// A different `valid_for` than the cached token's, or `force_new`, mints anew.
    pub fn management_token(&self, env: &dyn Env, valid_for: Option<i64>, force_new: bool) -> Result<Minted> {
        let now = env.now_unix();
        self.cached.get(now, valid_for, force_new, |lifetime| {
            let validity = Validity { valid_for_seconds: Some(lifetime), ..Validity::default() };
            self.credentials.management_token(&validity, now, env.random16()?)
        })
    }

    /// An app (auth) token for a peer.
    pub fn app_token(&self, env: &dyn Env, grant: &AppGrant<'_>, validity: &Validity) -> Result<Minted> {
        self.credentials.app_token(grant, validity, env.now_unix(), env.random16()?)
    }
}

impl Provider for HmsClient {
    const NAME: &'static str = "100ms";

    fn base_url(&self, host: Host) -> &str {
        match host {
            Host::Api => &self.base_url,
            Host::Auth => &self.auth_base_url,
        }
    }

    fn retry_policy(&self) -> RetryPolicy {
        self.retry
    }

    fn authorization(&self, env: &dyn Env, renew: bool) -> Result<String> {
        Ok(format!("Bearer {}", self.management_token(env, None, renew)?.token))
    }
}
