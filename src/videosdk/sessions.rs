//! VideoSDK sessions and their participants.

use super::common::{check_id, check_page, Extra, PageQuery, MAX_EPOCH_MS};
use super::VideoSdkClient;
use crate::call::{calls, Validate};
use crate::error::{Error, Result};
use crate::open_enum::open_enum;
use crate::reply::{Page, Paging, Reply};
use crate::rules::{identifier, int_range, optional};
use serde::{Deserialize, Serialize};

open_enum! {
    /// A session's state.
    SessionStatus {
        /// Live.
        Ongoing = "ongoing",
        /// Over.
        Ended = "ended",
    }
}

/// One join-to-leave interval of a participant.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct Timelog {
    /// When the participant joined, ISO 8601.
    pub start: Option<String>,
    /// When they left; `null` while present.
    pub end: Option<String>,
    /// Whatever else VideoSDK sends.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A participant of a session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct Participant {
    /// The participant's id.
    pub participant_id: String,
    /// The display name.
    pub name: Option<String>,
    /// Every join-to-leave interval.
    pub timelog: Option<Vec<Timelog>>,
    /// Whatever else VideoSDK sends.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A session: one live occupancy of a room.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields), ts(rename = "VideoSdkSession"))]
pub struct Session {
    /// The session id.
    pub id: String,
    /// The room.
    pub room_id: Option<String>,
    /// The room's custom id.
    pub custom_room_id: Option<String>,
    /// When it started, ISO 8601.
    pub start: Option<String>,
    /// When it ended; `null` while live.
    pub end: Option<String>,
    /// Live or over.
    pub status: Option<SessionStatus>,
    /// Who was in it.
    pub participants: Option<Vec<Participant>>,
    /// Links to related resources.
    pub links: Option<serde_json::Map<String, serde_json::Value>>,
    /// Whatever else VideoSDK sends.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The filters of `sessions.list`: whose sessions (required), and the page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields), ts(rename = "VideoSdkSessionFilters"))]
pub struct SessionFilters {
    /// The room's sessions.
    pub room_id: Option<String>,
    /// The sessions of the room with this custom id.
    pub custom_room_id: Option<String>,
    /// Only the sessions in this state (`ongoing`: the live one), as
    /// `@videosdk.live/server-sdk` asks for a room's live session.
    pub status: Option<SessionStatus>,
    /// An exact match on the room's `roomId` or `customRoomId`.
    pub query: Option<String>,
    /// Sessions started at or after this time, in epoch milliseconds.
    pub start_date: Option<i64>,
    /// Sessions started at or before this time, in epoch milliseconds.
    pub end_date: Option<i64>,
    /// The page, from 1.
    pub page: Option<i64>,
    /// Page size, 1 to 100.
    pub per_page: Option<i64>,
}

impl SessionFilters {
    /// The sessions of a room.
    pub fn of_room(room_id: impl Into<String>) -> Self {
        SessionFilters { room_id: Some(room_id.into()), ..SessionFilters::default() }
    }
}

impl Validate for SessionFilters {
    fn validate(&self) -> Result<()> {
        check_id("roomId", self.room_id.as_deref())?;
        check_id("customRoomId", self.custom_room_id.as_deref())?;
        check_page(self.page, self.per_page)?;
        optional(self.start_date.as_ref(), |ms| int_range("startDate", *ms, 0, MAX_EPOCH_MS))?;
        optional(self.end_date.as_ref(), |ms| int_range("endDate", *ms, 0, MAX_EPOCH_MS))?;
        if self.room_id.is_none() && self.custom_room_id.is_none() {
            return Err(Error::invalid("roomId", "or customRoomId is required: say whose sessions to list"));
        }
        Ok(())
    }
}

/// Which session `sessions.end` ends.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct EndSessionParams {
    /// The room.
    pub room_id: String,
    /// One session of it; without, the live one.
    pub session_id: Option<String>,
    /// Ends it by force (the official SDK's `force`).
    #[serde(rename = "vsdkForceKill")]
    pub vsdk_force_kill: Option<bool>,
    /// No error when the session has already closed.
    pub ignore_closed: Option<bool>,
}

impl Validate for EndSessionParams {
    fn validate(&self) -> Result<()> {
        identifier("roomId", &self.room_id)?;
        check_id("sessionId", self.session_id.as_deref())
    }
}

/// Whom `sessions.removeParticipant` removes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct RemoveParticipantParams {
    /// The room.
    pub room_id: String,
    /// The participant.
    pub participant_id: String,
    /// One session of the room.
    pub session_id: Option<String>,
}

impl Validate for RemoveParticipantParams {
    fn validate(&self) -> Result<()> {
        identifier("roomId", &self.room_id)?;
        identifier("participantId", &self.participant_id)?;
        check_id("sessionId", self.session_id.as_deref())
    }
}

const PAGE: Reply = Reply::Page(Paging::PageNumber);
/// `{ pageInfo, data }` with the session (or a one-element array of it) as `data`: its
/// `participants` are the items, as both official SDKs lift them out.
const PARTICIPANTS: Reply = Reply::Page(Paging::SessionParticipants);

calls! {
    provider VideoSdkClient;

    /// `GET /v2/sessions`: one page of a room's sessions.
    ListSessions = "sessions.list": Get "/v2/sessions" () query SessionFilters => Page<Session>, reply PAGE;

    /// `GET /v2/sessions/{sessionId}`: one session.
    GetSession = "sessions.get": Get "/v2/sessions/{}" (session_id: "sessionId") none () => Session,
        reply Reply::Object(&["id"]);

    /// `GET /v2/sessions/{sessionId}/participants`: one page of everyone seen in the session.
    ListParticipants = "sessions.listParticipants": Get "/v2/sessions/{}/participants" (session_id: "sessionId")
        query PageQuery => Page<Participant>, reply PARTICIPANTS;

    /// `GET /v2/sessions/{sessionId}/participants/active`: one page of who is in it now.
    ListActiveParticipants = "sessions.listActiveParticipants": Get "/v2/sessions/{}/participants/active"
        (session_id: "sessionId") query PageQuery => Page<Participant>, reply PARTICIPANTS;

    /// `GET /v2/sessions/{sessionId}/participants/{participantId}`: one participant.
    GetParticipant = "sessions.getParticipant": Get "/v2/sessions/{}/participants/{}"
        (session_id: "sessionId", participant_id: "participantId") none () => Participant,
        reply Reply::Object(&["participantId"]);

    /// `POST /v2/sessions/end`: ends the room's live session (or the one named).
    EndSession = "sessions.end": Post "/v2/sessions/end" () body EndSessionParams => serde_json::Value, reply Reply::Empty;

    /// `POST /v2/sessions/participants/remove`: removes a participant from the live session.
    RemoveParticipant = "sessions.removeParticipant": Post "/v2/sessions/participants/remove" ()
        body RemoveParticipantParams => serde_json::Value, reply Reply::Empty;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::Provider;
    use crate::reply::Next;
    use crate::test_support::{body_json, params, read, videosdk_client};
    use serde_json::json;

    #[test]
    fn list_needs_a_room() {
        let c = videosdk_client();
        let req = c.request(&ListSessions::new(SessionFilters::of_room("r1"))).unwrap();
        assert_eq!(req.url, "https://api.videosdk.live/v2/sessions?roomId=r1");
        let filters = SessionFilters { page: Some(1), ..SessionFilters::default() };
        assert_eq!(
            c.request(&ListSessions::new(filters)).unwrap_err().message(),
            "roomId: or customRoomId is required: say whose sessions to list"
        );
        let filters: SessionFilters = params(json!({"customRoomId": "final-testing", "perPage": 5})).unwrap();
        assert_eq!(
            c.request(&ListSessions::new(filters)).unwrap().url,
            "https://api.videosdk.live/v2/sessions?customRoomId=final-testing&perPage=5"
        );
    }

    #[test]
    fn end_and_remove_bodies() {
        let c = videosdk_client();
        let end = EndSessionParams {
            room_id: "r1".into(),
            session_id: Some("s1".into()),
            vsdk_force_kill: None,
            ignore_closed: None,
        };
        let req = c.request(&EndSession::new(end)).unwrap();
        assert_eq!(
            body_json(&req),
            serde_json::from_str::<serde_json::Value>(r#"{"roomId":"r1","sessionId":"s1"}"#).unwrap()
        );
        assert!(!req.idempotent);
        let err = params::<RemoveParticipantParams>(json!({"roomId": "r1"})).unwrap_err();
        assert_eq!(err.message(), "participantId: is required");
        let remove = RemoveParticipantParams { room_id: "r1".into(), participant_id: "".into(), session_id: None };
        assert_eq!(
            c.request(&RemoveParticipant::new(remove)).unwrap_err().message(),
            "participantId: must be a non-empty string"
        );
    }

    fn participants(body: &str) -> Page<Participant> {
        read(PARTICIPANTS, body).unwrap()
    }

    #[test]
    fn participants_are_lifted_out_of_the_session() {
        let c = videosdk_client();
        let req = c.request(&ListActiveParticipants::new("s1", PageQuery::default())).unwrap();
        assert_eq!(req.url, "https://api.videosdk.live/v2/sessions/s1/participants/active");
        let object = r#"{"pageInfo":{"currentPage":1,"lastPage":2},"data":{"id":"s1","participants":[{"participantId":"p1","name":"Ana","timelog":[{"start":"2024-01-01T00:00:00Z","end":null}]}]}}"#;
        let page = participants(object);
        assert_eq!(page.items[0].participant_id, "p1");
        assert_eq!(page.items[0].timelog.as_ref().unwrap()[0].end, None);
        assert_eq!(page.next, Some(Next::Page { page: 2 }));
        let array = r#"{"pageInfo":{"currentPage":1,"lastPage":1},"data":[{"id":"s1","participants":[{"participantId":"p2"}]}]}"#;
        let page = participants(array);
        assert_eq!(page.items[0].participant_id, "p2");
        assert_eq!(page.next, None);
    }

    #[test]
    fn sessions_parse() {
        let body = r#"{"id":"s1","roomId":"r1","start":"2024-01-01T00:00:00Z","end":null,"status":"paused","participants":[]}"#;
        let session: Session = read(Reply::Object(&["id"]), body).unwrap();
        assert_eq!(session.status, Some(SessionStatus::Other("paused".into())));
        let req = videosdk_client().request(&GetParticipant::new("s1", "p/1")).unwrap();
        assert_eq!(req.url, "https://api.videosdk.live/v2/sessions/s1/participants/p%2F1");
    }
}
