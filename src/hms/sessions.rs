//! Sessions: one per stretch of time a room has peers in it.

use super::common::{check_limit, Extra};
use super::HmsClient;
use crate::call::{calls, Validate};
use crate::error::Result;
use crate::reply::{Page, Paging, Reply};
use crate::rules::{date_time, identifier, optional};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The filters of `sessions.list`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct SessionFilters {
    /// Only the sessions of this room.
    pub room_id: Option<String>,
    /// Only live (or ended) sessions.
    pub active: Option<bool>,
    /// Started at or before this ISO 8601 date-time (from JavaScript, also a `Date`).
    #[cfg_attr(feature = "ts", ts(type = "string | Date", optional))]
    pub before: Option<String>,
    /// Started at or after this ISO 8601 date-time (from JavaScript, also a `Date`).
    #[cfg_attr(feature = "ts", ts(type = "string | Date", optional))]
    pub after: Option<String>,
    /// Page size, 1 to 100.
    pub limit: Option<i64>,
    /// The cursor of the page to fetch (a page's `next`).
    pub start: Option<String>,
}

impl Validate for SessionFilters {
    fn validate(&self) -> Result<()> {
        optional(self.room_id.as_deref(), |room| identifier("room_id", room).map(drop))?;
        optional(self.before.as_deref(), |t| date_time("before", t))?;
        optional(self.after.as_deref(), |t| date_time("after", t))?;
        check_limit(self.limit)
    }
}

/// The room whose live session `sessions.retrieveActiveByRoom` looks up. It is sent as the
/// sessions list's query `{room_id, active: true}`: the `active` member is fixed, added by
/// [`Validate::complete`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ActiveInRoom {
    /// The room's id.
    pub room_id: String,
}

impl Validate for ActiveInRoom {
    fn validate(&self) -> Result<()> {
        identifier("room_id", &self.room_id).map(drop)
    }

    fn complete(&self, wire: &mut serde_json::Map<String, serde_json::Value>) {
        wire.insert("active".to_owned(), true.into());
    }
}

/// A session, as 100ms answers it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct Session {
    /// The session's id.
    pub id: String,
    /// The room it ran in.
    pub room_id: Option<String>,
    /// The workspace's customer id.
    pub customer_id: Option<String>,
    /// The app it belongs to.
    pub app_id: Option<String>,
    /// Whether it is live.
    pub active: Option<bool>,
    /// Peer id → peer, including the peers that left.
    pub peers: Option<BTreeMap<String, SessionPeer>>,
    /// ISO 8601: when it started.
    pub created_at: Option<String>,
    /// ISO 8601.
    pub updated_at: Option<String>,
    /// Whatever else 100ms sends.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A peer as the sessions API shows it (peers that left keep their `left_at`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct SessionPeer {
    /// The peer's id.
    pub id: Option<String>,
    /// The session it was in.
    pub session_id: Option<String>,
    /// Its name.
    pub name: Option<String>,
    /// Its role.
    pub role: Option<String>,
    /// The user id its token carried.
    pub user_id: Option<String>,
    /// ISO 8601.
    pub joined_at: Option<String>,
    /// ISO 8601, once it left.
    pub left_at: Option<String>,
    /// Whatever else 100ms sends.
    #[serde(flatten)]
    pub extra: Extra,
}

calls! {
    provider HmsClient;

    /// `GET /sessions/{session_id}`.
    GetSession = "sessions.retrieveById": Get "/sessions/{}" (session_id: "sessionId") none () => Session,
        reply Reply::Object(&["id"]);

    /// `GET /sessions`: one page of sessions.
    ListSessions = "sessions.list": Get "/sessions" () query SessionFilters => Page<Session>,
        reply Reply::Page(Paging::DataLast);

    /// `GET /sessions?room_id=&active=true`: the room's live session, or a `not_found` error.
    GetActiveSessionByRoom = "sessions.retrieveActiveByRoom": Get "/sessions" () query ActiveInRoom => Session,
        reply Reply::First("active session"), fields ["room_id"];
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::call::Call;
    use crate::client::Provider;
    use crate::http::Method;
    use crate::test_support::{answer, hms_client, params};
    use serde_json::json;

    #[test]
    fn retrieve_and_list_build_the_documented_requests() {
        let req = hms_client().request(&GetSession::new("s1")).unwrap();
        assert_eq!((req.method, req.url.as_str()), (Method::Get, "https://api.100ms.live/v2/sessions/s1"));
        let list =
            params(json!({"room_id": "r1", "after": "2022-01-01T01:00:00.000Z", "before": "2022-03-31T01:00:00.000Z"}));
        let req = hms_client().request(&ListSessions::new(list.unwrap())).unwrap();
        assert_eq!(req.url, "https://api.100ms.live/v2/sessions?after=2022-01-01T01%3A00%3A00.000Z&before=2022-03-31T01%3A00%3A00.000Z&room_id=r1");
        let req = hms_client().request(&ListSessions::new(params(serde_json::Value::Null).unwrap())).unwrap();
        assert_eq!(req.url, "https://api.100ms.live/v2/sessions");
    }

    #[test]
    fn list_rules() {
        let err = params::<SessionFilters>(json!({"after": 1_700_000_000})).unwrap_err();
        assert_eq!(err.field(), Some("after"), "a Unix number is not a date-time: {}", err.message());
        let err = hms_client().request(&ListSessions::new(params(json!({"after": "yesterday"})).unwrap())).unwrap_err();
        assert_eq!(err.message(), "after: must be an ISO 8601 date-time string such as 2024-01-31T12:00:00Z");
        let err =
            hms_client().request(&ListSessions::new(params(json!({"before": "1700000000"})).unwrap())).unwrap_err();
        assert_eq!(err.field(), Some("before"));
        let err = hms_client().request(&ListSessions::new(params(json!({"limit": 101})).unwrap())).unwrap_err();
        assert_eq!(err.message(), "limit: must be an integer from 1 to 100");
        let err = hms_client().request(&ListSessions::new(params(json!({"room_id": ""})).unwrap())).unwrap_err();
        assert_eq!(err.message(), "room_id: must be a non-empty string");
    }

    #[test]
    fn active_by_room_queries_the_live_session() {
        let by_room: ActiveInRoom = params(json!({"room_id": "r1"})).unwrap();
        let req = hms_client().request(&GetActiveSessionByRoom::new(by_room)).unwrap();
        assert_eq!(req.url, "https://api.100ms.live/v2/sessions?active=true&room_id=r1");
        assert_eq!(GetActiveSessionByRoom::SPEC.fields, ["room_id"]);
        let empty = ActiveInRoom { room_id: String::new() };
        let err = hms_client().request(&GetActiveSessionByRoom::new(empty)).unwrap_err();
        assert_eq!(err.message(), "room_id: must be a non-empty string");
        let err = params::<ActiveInRoom>(json!({})).unwrap_err();
        assert_eq!(err.message(), "room_id: is required");
    }

    const SESSION: &str = r#"{"id":"s1","room_id":"r1","customer_id":"c","app_id":"a","active":true,"peers":{"p1":{"id":"p1","session_id":"s1","name":"Ana","role":"host","user_id":"u1","joined_at":"2023-11-14T22:13:20Z","left_at":"2023-11-14T22:20:00Z"}},"created_at":"2023-11-14T22:13:20Z","updated_at":"2023-11-14T22:20:00Z"}"#;

    #[test]
    fn documented_responses_parse() {
        let session = answer::<GetSession>(200, SESSION).unwrap();
        assert_eq!(session.peers.unwrap()["p1"].left_at.as_deref(), Some("2023-11-14T22:20:00Z"));
        let page = answer::<ListSessions>(200, &format!(r#"{{"limit":10,"data":[{SESSION}],"last":"s1"}}"#)).unwrap();
        assert_eq!(page.items[0].id, "s1");
        assert_eq!(page.next, Some(crate::reply::Next::Start { start: "s1".into() }));
        let live = answer::<GetActiveSessionByRoom>(200, &format!(r#"{{"limit":10,"data":[{SESSION}]}}"#)).unwrap();
        assert_eq!(live.active, Some(true));
        let none = answer::<GetActiveSessionByRoom>(200, r#"{"limit":10,"data":[]}"#).unwrap_err();
        assert_eq!((none.code().as_str(), none.message()), ("not_found", "no active session matches"));
    }
}
