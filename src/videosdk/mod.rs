//! VideoSDK: the client (credentials, base URL, the cached crawler REST token) and one module
//! per resource, each declaring its calls with typed params and answers, named as VideoSDK's
//! own `@videosdk.live/server-sdk` names them.

mod common;
pub mod config;
pub mod media;
pub mod methods;
pub mod recordings;
pub mod rooms;
pub mod sessions;
pub mod stats;
pub mod transcodings;
pub mod transcription;

use crate::call::{Host, Spec};
use crate::client::{base_url_or, Env, Provider, RetryPolicy};
use crate::error::Result;
use crate::token::{Minted, Permission, Validity, VideoSdkCredentials, VideoSdkGrant, VideoSdkRole};
use crate::token_cache::TokenCache;

pub use common::{Extra, PageQuery};
pub use config::WEBHOOK_EVENTS;

/// VideoSDK's REST API.
pub const DEFAULT_BASE_URL: &str = "https://api.videosdk.live";

/// Calls `$callback!` with every VideoSDK call type: the one list of them, from which the
/// table of calls by name, [`CALLS`], the JavaScript method table and the TypeScript
/// declarations are made.
#[macro_export]
macro_rules! for_each_videosdk_call {
    ($callback:ident) => {
        $callback! {
            $crate::videosdk::rooms::CreateRoom,
            $crate::videosdk::rooms::GetRoom,
            $crate::videosdk::rooms::ValidateRoom,
            $crate::videosdk::rooms::ListRooms,
            $crate::videosdk::rooms::DeactivateRoom,
            $crate::videosdk::sessions::ListSessions,
            $crate::videosdk::sessions::GetSession,
            $crate::videosdk::sessions::ListParticipants,
            $crate::videosdk::sessions::ListActiveParticipants,
            $crate::videosdk::sessions::GetParticipant,
            $crate::videosdk::sessions::EndSession,
            $crate::videosdk::sessions::RemoveParticipant,
            $crate::videosdk::media::StartRecording,
            $crate::videosdk::media::StopRecording,
            $crate::videosdk::media::ListRecordings,
            $crate::videosdk::media::GetRecording,
            $crate::videosdk::media::DeleteRecording,
            $crate::videosdk::media::StartHls,
            $crate::videosdk::media::StopHls,
            $crate::videosdk::media::GetActiveHls,
            $crate::videosdk::media::ListHls,
            $crate::videosdk::media::GetHls,
            $crate::videosdk::media::DeleteHls,
            $crate::videosdk::media::StartRtmp,
            $crate::videosdk::media::StopRtmp,
            $crate::videosdk::media::ListRtmp,
            $crate::videosdk::media::GetRtmp,
            $crate::videosdk::stats::GetSessionQualityStats,
            $crate::videosdk::stats::GetParticipantQualityStats,
            $crate::videosdk::media::CaptureHls,
            $crate::videosdk::recordings::StartParticipantRecording,
            $crate::videosdk::recordings::StopParticipantRecording,
            $crate::videosdk::recordings::ListParticipantRecordings,
            $crate::videosdk::recordings::GetParticipantRecording,
            $crate::videosdk::recordings::DeleteParticipantRecording,
            $crate::videosdk::recordings::StartTrackRecording,
            $crate::videosdk::recordings::StopTrackRecording,
            $crate::videosdk::recordings::ListTrackRecordings,
            $crate::videosdk::recordings::GetTrackRecording,
            $crate::videosdk::recordings::DeleteTrackRecording,
            $crate::videosdk::recordings::StartCompositeRecording,
            $crate::videosdk::recordings::StopCompositeRecording,
            $crate::videosdk::recordings::ListCompositeRecordings,
            $crate::videosdk::recordings::GetCompositeRecording,
            $crate::videosdk::recordings::DeleteCompositeRecording,
            $crate::videosdk::recordings::CreateMergeRecording,
            $crate::videosdk::recordings::ListMergeRecordings,
            $crate::videosdk::recordings::GetMergeRecording,
            $crate::videosdk::transcodings::MergeTranscoding,
            $crate::videosdk::transcodings::HlsToMp4,
            $crate::videosdk::transcodings::MeetingRecordingMerge,
            $crate::videosdk::transcodings::ListTranscodings,
            $crate::videosdk::transcodings::GetTranscoding,
            $crate::videosdk::transcodings::CancelTranscoding,
            $crate::videosdk::transcription::StartRealtimeTranscription,
            $crate::videosdk::transcription::StopRealtimeTranscription,
            $crate::videosdk::transcription::GetRealtimeTranscription,
            $crate::videosdk::transcription::ListRealtimeTranscriptions,
        }
    };
}

macro_rules! specs {
    ($($call:ty),* $(,)?) => { &[$(<$call as $crate::call::Call>::SPEC),*] };
}

/// Every VideoSDK call's declaration.
pub static CALLS: &[&Spec] = for_each_videosdk_call!(specs);

/// Where a client sends its requests.
#[derive(Clone, Debug, Default)]
pub struct VideoSdkOptions {
    /// Default [`DEFAULT_BASE_URL`].
    pub base_url: Option<String>,
    /// How transient failures of safe requests are retried.
    pub retry: RetryPolicy,
}

/// A VideoSDK client: typed calls, sent with [`Provider::send`] over any transport or built
/// with [`Provider::request`] for a caller that sends them itself.
#[derive(Debug)]
pub struct VideoSdkClient {
    credentials: VideoSdkCredentials,
    base_url: String,
    retry: RetryPolicy,
    cached: TokenCache,
}

impl VideoSdkClient {
    /// Checks the credentials and the base URL (default [`DEFAULT_BASE_URL`]). Nothing is
    /// signed or sent yet.
    pub fn new(api_key: &str, secret: &str, options: &VideoSdkOptions) -> Result<Self> {
        let credentials = VideoSdkCredentials::new(api_key, secret)?;
        let base_url = base_url_or("baseUrl", options.base_url.as_deref(), DEFAULT_BASE_URL)?;
        Ok(VideoSdkClient { credentials, base_url, retry: options.retry, cached: TokenCache::default() })
    }

    /// The credentials, for minting meeting tokens.
    pub fn credentials(&self) -> &VideoSdkCredentials {
        &self.credentials
    }

    /// A token for a peer (a meeting token): the grant's permissions, room and participant,
    /// the clock from `env`.
    pub fn token(&self, env: &dyn Env, grant: &VideoSdkGrant<'_>, validity: &Validity) -> Result<Minted> {
        self.credentials.token(grant, validity, env.now_unix())
    }

    /// The token the REST API takes, as `@videosdk.live/server-sdk` mints it for its own calls
    /// (`permissions: ["allow_join", "allow_mod"]`, `roles: ["crawler"]`, `version: 2`, 24 h):
    /// moderation calls (removing a participant, ending a session) need `allow_mod`. Cached
    /// while comfortably valid; `force_new` mints anew.
    pub fn api_token(&self, env: &dyn Env, force_new: bool) -> Result<Minted> {
        let now = env.now_unix();
        self.cached.get(now, None, force_new, |lifetime| {
            let grant = VideoSdkGrant {
                permissions: vec![Permission::AllowJoin, Permission::AllowMod],
                roles: vec![VideoSdkRole::Crawler],
                ..VideoSdkGrant::default()
            };
            self.credentials.token(&grant, &Validity { valid_for_seconds: Some(lifetime), ..Validity::default() }, now)
        })
    }
}

impl Provider for VideoSdkClient {
    const NAME: &'static str = "VideoSDK";

    fn base_url(&self, _host: Host) -> &str {
        &self.base_url
    }

    fn retry_policy(&self) -> RetryPolicy {
        self.retry
    }

    fn authorization(&self, env: &dyn Env, renew: bool) -> Result<String> {
        // VideoSDK wants the token itself as the header value: no "Bearer " prefix.
        Ok(self.api_token(env, renew)?.token)
    }
}
