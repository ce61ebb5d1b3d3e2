//! Quality statistics of a session and of one participant in it (the SDKs'
//! `sessions.getStats` and `sessions.getParticipantStats`).

use super::common::Extra;
use super::VideoSdkClient;
use crate::call::calls;
use crate::reply::Reply;
use serde::{Deserialize, Serialize};

/// Quality-of-service statistics. Their shape varies by endpoint and is documented by
/// neither official SDK (both type it as a loose object), so every member is kept as sent.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct QualityStats {
    /// Everything VideoSDK sends.
    #[serde(flatten)]
    pub extra: Extra,
}

calls! {
    provider VideoSdkClient;

    /// `GET /v2/sessions/{sessionId}/stats`: the session's aggregated quality statistics
    /// (mirrors `sessions.getStats` of both official SDKs).
    GetSessionQualityStats = "sessions.getQualityStats": Get "/v2/sessions/{}/stats" (session_id: "sessionId")
        none () => QualityStats, reply Reply::Object(&[]);

    /// `GET /v2/sessions/{sessionId}/participant/{participantId}/stats`: one participant's
    /// quality statistics and resolution usage (mirrors `sessions.getParticipantStats`).
    GetParticipantQualityStats = "sessions.getParticipantQualityStats":
        Get "/v2/sessions/{}/participant/{}/stats" (session_id: "sessionId", participant_id: "participantId")
        none () => QualityStats, reply Reply::Object(&[]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::Provider;
    use crate::http::{HttpResponse, Method};
    use crate::test_support::{read, videosdk_client};

    #[test]
    fn stats_paths() {
        let c = videosdk_client();
        let req = c.request(&GetSessionQualityStats::new("s1")).unwrap();
        assert_eq!((req.method, req.url.as_str()), (Method::Get, "https://api.videosdk.live/v2/sessions/s1/stats"));
        assert_eq!(req.body, None);
        let req = c.request(&GetParticipantQualityStats::new("s1", "p 1")).unwrap();
        assert_eq!(req.url, "https://api.videosdk.live/v2/sessions/s1/participant/p%201/stats");
        assert_eq!(
            c.request(&GetParticipantQualityStats::new("s1", "")).unwrap_err().message(),
            "participantId: must be a non-empty string"
        );
    }

    #[test]
    fn stats_are_kept_whole() {
        let body = r#"{"sessionId":"s1","audio":{"jitter":[1,2]},"resolutionUsage":{"720p":12}}"#;
        let stats: QualityStats = read(Reply::Object(&[]), body).unwrap();
        assert_eq!(stats.extra["resolutionUsage"]["720p"], 12);
        assert!(crate::reply::read(Reply::Object(&[]), &HttpResponse::new(200, "[]")).is_err());
    }
}
