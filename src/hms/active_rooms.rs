//! Active rooms: the live session of a room, its peers, messages to them, removals, ending.

use super::common::Extra;
pub use super::common::{TrackKind, TrackSource};
use super::HmsClient;
use crate::call::{calls, Retry, Validate};
use crate::error::{Error, Result};
use crate::reply::Reply;
use crate::rules::{identifier, optional};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What `activeRooms.updatePeer` changes: at least one of the three.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct PeerChanges {
    /// The peer's new name.
    pub name: Option<String>,
    /// Moves the peer to another role of the room's template.
    pub role: Option<String>,
    /// Custom data that reaches the peer. The docs call it an object and describe a
    /// stringified JSON; both reach the peer, so any JSON is passed on as given.
    pub metadata: Option<serde_json::Value>,
}

impl Validate for PeerChanges {
    fn validate(&self) -> Result<()> {
        if *self == PeerChanges::default() {
            return Err(Error::invalid("params", "name at least one of name, role, metadata"));
        }
        optional(self.role.as_deref(), |role| identifier("role", role).map(drop))
    }
}

/// A message to one peer, every peer of a role, or everyone (`activeRooms.sendMessage`).
///
/// `peer_id`, not the `peerId` the official SDK sends (which turns a direct message into
/// a broadcast).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct Message {
    /// The text (or payload) sent.
    pub message: String,
    /// Only this peer; wins over `role`.
    pub peer_id: Option<String>,
    /// Every peer of this role; neither `peer_id` nor `role` broadcasts.
    pub role: Option<String>,
    /// What it is, e.g. `chat`, `emoji`, a custom event name.
    #[serde(rename = "type")]
    pub kind: Option<String>,
}

impl Message {
    /// A broadcast of `message` to every connected peer.
    pub fn broadcast(message: impl Into<String>) -> Self {
        Message { message: message.into(), peer_id: None, role: None, kind: None }
    }
}

impl Validate for Message {
    fn validate(&self) -> Result<()> {
        optional(self.peer_id.as_deref(), |peer| identifier("peer_id", peer).map(drop))?;
        optional(self.role.as_deref(), |role| identifier("role", role).map(drop))?;
        optional(self.kind.as_deref(), |kind| identifier("type", kind).map(drop))
    }
}

/// Whom `activeRooms.removePeer` disconnects: one peer, or every peer of a role.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct WhomToRemove {
    /// This peer; wins over `role`.
    pub peer_id: Option<String>,
    /// Every peer of this role.
    pub role: Option<String>,
    /// Told to the other peers.
    pub reason: Option<String>,
}

impl Validate for WhomToRemove {
    fn validate(&self) -> Result<()> {
        // "You should define either of these arguments (peer_id or role)."
        if self.peer_id.is_none() && self.role.is_none() {
            return Err(Error::invalid("peer_id", "or role is required: say whom to remove"));
        }
        optional(self.peer_id.as_deref(), |peer| identifier("peer_id", peer).map(drop))?;
        optional(self.role.as_deref(), |role| identifier("role", role).map(drop))
    }
}

/// How `activeRooms.end` ends the live session.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct EndRoom {
    /// Told to the peers.
    pub reason: Option<String>,
    /// Also disables the room: no joins until it is enabled again.
    pub lock: Option<bool>,
}

impl Validate for EndRoom {}

/// An active room: a room with a live session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct ActiveRoom {
    /// The room's id.
    pub id: String,
    /// Its name.
    pub name: Option<String>,
    /// The workspace's customer id.
    pub customer_id: Option<String>,
    /// The live session.
    pub session: Option<ActiveSession>,
    /// Whatever else 100ms sends.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The live session of an [`ActiveRoom`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct ActiveSession {
    /// The session's id.
    pub id: Option<String>,
    /// ISO 8601.
    pub created_at: Option<String>,
    /// The ids of the connected peers.
    pub peers: Option<Vec<String>>,
    /// Whatever else 100ms sends.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A connected peer, as `activeRooms.retrieveActivePeers` lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct ActivePeer {
    /// The peer's id.
    pub id: Option<String>,
    /// Its name.
    pub name: Option<String>,
    /// The user id its token carried.
    pub user_id: Option<String>,
    /// Its role.
    pub role: Option<String>,
    /// Custom data, as set by the client or `updatePeer` (usually stringified JSON).
    pub metadata: Option<serde_json::Value>,
    /// ISO 8601.
    pub joined_at: Option<String>,
    /// Whatever else 100ms sends.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A connected peer with its tracks (`retrievePeerDetails`, `updatePeer`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct PeerDetails {
    /// The peer's id.
    pub id: String,
    /// Its name.
    pub name: Option<String>,
    /// The user id its token carried.
    pub user_id: Option<String>,
    /// Its role.
    pub role: Option<String>,
    /// Custom data, as set by the client or `updatePeer` (usually stringified JSON).
    pub metadata: Option<serde_json::Value>,
    /// ISO 8601.
    pub joined_at: Option<String>,
    /// Track id → track.
    pub tracks: Option<BTreeMap<String, PeerTrack>>,
    /// Whatever else 100ms sends.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A connected peer's track.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct PeerTrack {
    /// The track's id.
    pub id: Option<String>,
    /// The stream it belongs to.
    pub stream_id: Option<String>,
    /// Whether it is muted.
    pub mute: Option<bool>,
    /// Audio or video.
    #[serde(rename = "type")]
    pub kind: Option<TrackKind>,
    /// Camera/microphone or screen share.
    pub source: Option<TrackSource>,
    /// ISO 8601.
    pub started_at: Option<String>,
    /// Free text.
    pub description: Option<String>,
    /// Whatever else 100ms sends.
    #[serde(flatten)]
    pub extra: Extra,
}

const BY_ID: Reply = Reply::Object(&["id"]);

calls! {
    provider HmsClient;

    /// `GET /active-rooms/{room_id}`: the room's live session; a 404 when it has none.
    GetActiveRoom = "activeRooms.retrieve": Get "/active-rooms/{}" (room_id: "roomId") none ()
        => ActiveRoom, reply BY_ID;

    /// `GET /active-rooms/{room_id}/peers/{peer_id}`: one connected peer, with its tracks.
    GetPeerDetails = "activeRooms.retrievePeerDetails": Get "/active-rooms/{}/peers/{}"
        (room_id: "roomId", peer_id: "peerId") none () => PeerDetails, reply BY_ID;

    /// `GET /active-rooms/{room_id}/peers`: the connected peers, by peer id.
    GetActivePeers = "activeRooms.retrieveActivePeers": Get "/active-rooms/{}/peers" (room_id: "roomId")
        none () => BTreeMap<String, ActivePeer>, reply Reply::Member("peers");

    /// `POST /active-rooms/{room_id}/peers/{peer_id}`: changes a connected peer's name, role
    /// or metadata (a plain set, so safe to repeat).
    UpdatePeer = "activeRooms.updatePeer": Post "/active-rooms/{}/peers/{}" (room_id: "roomId", peer_id: "peerId")
        body PeerChanges => PeerDetails, reply BY_ID, retry Retry::Always;

    /// `POST /active-rooms/{room_id}/send-message`: sent once (a lost answer is not a reason
    /// to deliver a message twice).
    SendMessage = "activeRooms.sendMessage": Post "/active-rooms/{}/send-message" (room_id: "roomId")
        body Message => serde_json::Value, reply Reply::Empty;

    /// `POST /active-rooms/{room_id}/remove-peers`: disconnects one peer or a role's peers.
    RemovePeer = "activeRooms.removePeer": Post "/active-rooms/{}/remove-peers" (room_id: "roomId")
        body WhomToRemove => serde_json::Value, reply Reply::Empty;

    /// `POST /active-rooms/{room_id}/end-room`: ends the live session; with `lock`, also
    /// disables the room.
    EndActiveRoom = "activeRooms.end": Post "/active-rooms/{}/end-room" (room_id: "roomId")
        body EndRoom => serde_json::Value, reply Reply::Empty;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::Provider;
    use crate::http::Method;
    use crate::test_support::{answer, body_json, hms_client, params};
    use serde_json::{json, Value};

    #[test]
    fn retrieves_build_gets_with_encoded_paths() {
        let req = hms_client().request(&GetActiveRoom::new("r1")).unwrap();
        assert_eq!((req.method, req.url.as_str()), (Method::Get, "https://api.100ms.live/v2/active-rooms/r1"));
        let req = hms_client().request(&GetPeerDetails::new("r1", "p 1")).unwrap();
        assert_eq!(req.url, "https://api.100ms.live/v2/active-rooms/r1/peers/p%201");
        let req = hms_client().request(&GetActivePeers::new("r1")).unwrap();
        assert_eq!(req.url, "https://api.100ms.live/v2/active-rooms/r1/peers");
        let err = hms_client().request(&GetPeerDetails::new("r1", "")).unwrap_err();
        assert_eq!(err.message(), "peerId: must be a non-empty string");
    }

    #[test]
    fn update_peer_needs_at_least_one_field() {
        let changes = params(json!({"name": "Ana", "role": "guest", "metadata": "{\"hand\":true}"})).unwrap();
        let req = hms_client().request(&UpdatePeer::new("r1", "p1", changes)).unwrap();
        assert_eq!(
            (req.method, req.url.as_str()),
            (Method::Post, "https://api.100ms.live/v2/active-rooms/r1/peers/p1")
        );
        assert_eq!(body_json(&req), json!({"name": "Ana", "role": "guest", "metadata": "{\"hand\":true}"}));
        assert!(req.idempotent);
        let object = params(json!({"metadata": {"hand": true}})).unwrap();
        assert!(hms_client().request(&UpdatePeer::new("r1", "p1", object)).is_ok(), "metadata may be an object");
        let err = hms_client().request(&UpdatePeer::new("r", "p", params(json!({})).unwrap())).unwrap_err();
        assert_eq!(err.message(), "params: name at least one of name, role, metadata");
        let err = hms_client().request(&UpdatePeer::new("r", "p", params(json!({"role": ""})).unwrap())).unwrap_err();
        assert_eq!(err.message(), "role: must be a non-empty string");
    }

    #[test]
    fn send_message_uses_peer_id_and_is_sent_once() {
        let message = params(json!({"message": "hi", "peer_id": "p1", "type": "chat"})).unwrap();
        let call = SendMessage::new("r1", message);
        let req = hms_client().request(&call).unwrap();
        assert_eq!(req.url, "https://api.100ms.live/v2/active-rooms/r1/send-message");
        assert_eq!(body_json(&req), json!({"message": "hi", "peer_id": "p1", "type": "chat"}));
        assert!(!req.idempotent, "a lost answer is not a reason to send a message twice");
        let broadcast = hms_client().request(&SendMessage::new("r1", Message::broadcast("all"))).unwrap();
        assert_eq!(broadcast.body.as_deref(), Some(r#"{"message":"all"}"#));
    }

    #[test]
    fn send_message_rules() {
        let err = params::<Message>(json!({"peer_id": "p"})).unwrap_err();
        assert_eq!(err.message(), "message: is required");
        let err = params::<Message>(json!({"message": "m", "peerId": "p"})).unwrap_err();
        assert_eq!(err.field(), Some("peerId"), "the official SDK's spelling is refused, not turned into a broadcast");
        assert!(err.message().starts_with("peerId: is not a known field (known: message, peer_id"));
        let bad = Message { kind: Some("a\nb".into()), ..Message::broadcast("m") };
        assert_eq!(hms_client().request(&SendMessage::new("r", bad)).unwrap_err().field(), Some("type"));
    }

    #[test]
    fn remove_peer_needs_a_peer_or_a_role() {
        let whom = params(json!({"role": "guest", "reason": "abuse"})).unwrap();
        let req = hms_client().request(&RemovePeer::new("r1", whom)).unwrap();
        assert_eq!(req.url, "https://api.100ms.live/v2/active-rooms/r1/remove-peers");
        assert_eq!(body_json(&req), json!({"role": "guest", "reason": "abuse"}));
        assert!(!req.idempotent);
        let err = hms_client().request(&RemovePeer::new("r", params(json!({"reason": "x"})).unwrap())).unwrap_err();
        assert_eq!(err.message(), "peer_id: or role is required: say whom to remove");
    }

    #[test]
    fn end_takes_optional_reason_and_lock() {
        let end = params(json!({"reason": "over", "lock": true})).unwrap();
        let req = hms_client().request(&EndActiveRoom::new("r1", end)).unwrap();
        assert_eq!(req.url, "https://api.100ms.live/v2/active-rooms/r1/end-room");
        assert_eq!(body_json(&req), json!({"reason": "over", "lock": true}));
        let req = hms_client().request(&EndActiveRoom::new("r1", params(Value::Null).unwrap())).unwrap();
        assert_eq!(req.body.as_deref(), Some("{}"));
        let err = params::<EndRoom>(json!({"lock": "yes"})).unwrap_err();
        assert_eq!(err.field(), Some("lock"));
        assert!(err.message().starts_with("lock: must be a boolean, not a string"), "{}", err.message());
    }

    #[test]
    fn documented_responses_parse() {
        let room = answer::<GetActiveRoom>(200, r#"{"id":"r1","name":"n","customer_id":"c","session":{"id":"s1","created_at":"2023-11-14T22:13:20Z","peers":["p1","p2"]},"new":1}"#).unwrap();
        assert_eq!(room.session.unwrap().peers.unwrap(), ["p1", "p2"]);
        assert_eq!(room.extra["new"], 1);
        let peers = answer::<GetActivePeers>(200, r#"{"peers":{"p1":{"id":"p1","name":"Ana","user_id":"u","role":"host","metadata":"{}","joined_at":"2023-11-14T22:13:20Z"}}}"#).unwrap();
        assert_eq!(peers["p1"].role.as_deref(), Some("host"));
        let details = answer::<GetPeerDetails>(200, r#"{"id":"p1","tracks":{"t1":{"id":"t1","stream_id":"st","mute":false,"type":"audio","source":"regular","started_at":"2023-11-14T22:13:20Z"},"t2":{"type":"hologram","source":"screen"}}}"#).unwrap();
        let tracks = details.tracks.unwrap();
        assert_eq!(tracks["t1"].kind, Some(TrackKind::Audio));
        assert_eq!(tracks["t2"].kind, Some(TrackKind::Other("hologram".into())), "a new kind still parses");
        assert_eq!(tracks["t2"].source, Some(TrackSource::Screen));
        let sent = answer::<SendMessage>(200, r#"{"message":"message sent"}"#).unwrap();
        assert_eq!(sent["message"], "message sent");
        assert_eq!(answer::<EndActiveRoom>(204, "").unwrap(), Value::Null);
        let err = answer::<GetActiveRoom>(404, r#"{"code":404,"message":"Room is not active"}"#).unwrap_err();
        assert_eq!(err.code().as_str(), "not_found");
        let err = answer::<GetActivePeers>(200, r#"{"peers":[]}"#).unwrap_err();
        assert_eq!(err.code().as_str(), "invalid_response");
    }
}
