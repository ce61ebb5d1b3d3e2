//! Analytics events: `GET /analytics/events`, paged by an opaque `next` cursor that contains
//! `:`, `~` and `=` (and so must be percent-encoded, which the official SDK does not do).
//!
//! Three calls share the path: `analytics.listEvents` with the caller's filters, and
//! `analytics.listTrackEvents` / `analytics.listRecordingEvents`, which ask for the track
//! (or recording) event types unless the caller names some, as the official SDK's methods
//! of those names do.

use super::common::{check_limit, Extra};
pub use super::common::{TrackKind, TrackSource};
use super::HmsClient;
use crate::call::{calls, Validate};
use crate::error::Result;
use crate::open_enum::open_enum;
use crate::reply::{Page, Paging, Reply};
use crate::rules::{identifier, optional};
use serde::{Deserialize, Serialize};

open_enum! {
    /// The type of an analytics event. Requests accept any type (100ms records more than it
    /// documents); these are the documented ones.
    EventType {
        /// A track was published.
        TrackAdd = "track.add.success",
        /// A track was muted, unmuted or changed.
        TrackUpdate = "track.update.success",
        /// A track was unpublished.
        TrackRemove = "track.remove.success",
        /// A recording (beam) finished and its file is stored.
        BeamRecording = "beam.recording.success",
        /// A client failed to publish.
        ClientPublishFailed = "client.publish.failed",
        /// A client failed to subscribe.
        ClientSubscribeFailed = "client.subscribe.failed",
        /// A client failed to join.
        ClientJoinFailed = "client.join.failed",
        /// A client was disconnected.
        ClientDisconnected = "client.disconnected",
        /// A client failed to connect.
        ClientConnectFailed = "client.connect.failed",
        /// A session started.
        SessionOpen = "session.open.success",
        /// A session ended.
        SessionClose = "session.close.success",
        /// A peer joined.
        PeerJoin = "peer.join.success",
        /// A peer left.
        PeerLeave = "peer.leave.success",
        /// A peer's role changed.
        RoleChange = "role.change.success",
        /// A room was ended.
        RoomEnd = "room.end.success",
        /// A beam (recording or stream) started.
        BeamStarted = "beam.started.success",
        /// A beam stopped.
        BeamStopped = "beam.stopped.success",
        /// An HLS stream started.
        HlsStarted = "hls.started.success",
        /// An HLS stream stopped.
        HlsStopped = "hls.stopped.success",
        /// An HLS recording is stored.
        HlsRecording = "hls.recording.success",
    }
}

/// The types `analytics.listTrackEvents` asks for when the caller names none.
pub const TRACK_EVENT_TYPES: &[&str] = &["track.add.success", "track.update.success", "track.remove.success"];
/// The type `analytics.listRecordingEvents` asks for when the caller names none.
pub const RECORDING_EVENT_TYPES: &[&str] = &["beam.recording.success"];

/// The filters of the analytics lists.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct EventFilters {
    /// The room whose events are listed (required by 100ms).
    pub room_id: String,
    /// Any of these types; a repeatable query parameter (`type=a&type=b`). One type may be
    /// given as a string, as the official SDK's `listRecordingEvents` takes it.
    #[serde(rename = "type", default, deserialize_with = "one_or_many")]
    #[cfg_attr(feature = "ts", ts(type = "EventType | Array<EventType>", optional))]
    pub types: Option<Vec<EventType>>,
    /// Only this session's events.
    pub session_id: Option<String>,
    /// Only this peer's events.
    pub peer_id: Option<String>,
    /// Only this user's events.
    pub user_id: Option<String>,
    /// Only this beam's (recording's or stream's) events.
    pub beam_id: Option<String>,
    /// Only client error events.
    pub error: Option<bool>,
    /// Page size, 1 to 100.
    pub limit: Option<i64>,
    /// The cursor of the page to fetch (a page's `next`).
    pub start: Option<String>,
}

/// `type` as one event type or an array of them.
fn one_or_many<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> core::result::Result<Option<Vec<EventType>>, D::Error> {
    struct OneOrMany;
    impl<'de> serde::de::Visitor<'de> for OneOrMany {
        type Value = Option<Vec<EventType>>;
        fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            f.write_str("an array")
        }
        fn visit_str<E: serde::de::Error>(self, one: &str) -> core::result::Result<Self::Value, E> {
            Ok(Some(vec![EventType::from(one)]))
        }
        fn visit_unit<E: serde::de::Error>(self) -> core::result::Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_none<E: serde::de::Error>(self) -> core::result::Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> core::result::Result<Self::Value, A::Error> {
            let mut types = Vec::new();
            while let Some(kind) = seq.next_element::<EventType>()? {
                types.push(kind);
            }
            Ok(Some(types))
        }
    }
    deserializer.deserialize_any(OneOrMany)
}

impl EventFilters {
    /// Filters for one room's events.
    pub fn room(room_id: impl Into<String>) -> Self {
        EventFilters { room_id: room_id.into(), ..EventFilters::default() }
    }

    /// `types` into the query when the filters name no type.
    fn complete_types(&self, wire: &mut serde_json::Map<String, serde_json::Value>, types: &[&str]) {
        if self.types.is_none() {
            wire.insert("type".to_owned(), types.iter().map(|t| serde_json::Value::from(*t)).collect());
        }
    }
}

impl Validate for EventFilters {
    fn validate(&self) -> Result<()> {
        identifier("room_id", &self.room_id)?;
        for (i, kind) in self.types.iter().flatten().enumerate() {
            // Any type 100ms might record, not only the documented ones.
            identifier(&format!("type[{i}]"), kind.as_str())?;
        }
        optional(self.session_id.as_deref(), |id| identifier("session_id", id).map(drop))?;
        optional(self.peer_id.as_deref(), |id| identifier("peer_id", id).map(drop))?;
        optional(self.user_id.as_deref(), |id| identifier("user_id", id).map(drop))?;
        optional(self.beam_id.as_deref(), |id| identifier("beam_id", id).map(drop))?;
        check_limit(self.limit)
    }
}

/// The filters of `analytics.listTrackEvents`: sent with the track event types
/// ([`TRACK_EVENT_TYPES`]) when they name none.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TrackEventFilters(pub EventFilters);

impl Validate for TrackEventFilters {
    fn validate(&self) -> Result<()> {
        self.0.validate()
    }

    fn complete(&self, wire: &mut serde_json::Map<String, serde_json::Value>) {
        self.0.complete_types(wire, TRACK_EVENT_TYPES);
    }
}

/// The filters of `analytics.listRecordingEvents`: sent with the recording event type
/// ([`RECORDING_EVENT_TYPES`]) when they name none.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RecordingEventFilters(pub EventFilters);

impl Validate for RecordingEventFilters {
    fn validate(&self) -> Result<()> {
        self.0.validate()
    }

    fn complete(&self, wire: &mut serde_json::Map<String, serde_json::Value>) {
        self.0.complete_types(wire, RECORDING_EVENT_TYPES);
    }
}

/// An analytics event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct AnalyticsEvent {
    /// The event's id.
    pub id: String,
    /// The event format's version, e.g. `2.0`.
    pub version: Option<String>,
    /// ISO 8601: when it happened.
    pub timestamp: Option<String>,
    /// What happened.
    #[serde(rename = "type")]
    pub kind: Option<EventType>,
    /// What it happened to; the members depend on the type.
    pub data: Option<EventData>,
    /// Whatever else 100ms sends.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The payload of an [`AnalyticsEvent`]: the members of the track and recording events, all
/// optional as each type has its own.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct EventData {
    /// The room.
    pub room_id: Option<String>,
    /// The room's name.
    pub room_name: Option<String>,
    /// The session.
    pub session_id: Option<String>,
    /// The peer.
    pub peer_id: Option<String>,
    /// The peer's user id.
    pub user_id: Option<String>,
    /// The peer's name.
    pub user_name: Option<String>,
    /// The peer's role.
    pub role: Option<String>,
    /// ISO 8601: when the peer joined.
    pub joined_at: Option<String>,
    /// Track events: the track.
    pub track_id: Option<String>,
    /// Track events: the stream the track belongs to.
    pub stream_id: Option<String>,
    /// Track events: audio or video.
    #[serde(rename = "type")]
    pub kind: Option<TrackKind>,
    /// Track events: camera/microphone or screen share.
    pub source: Option<TrackSource>,
    /// Track events: whether the track is muted.
    pub mute: Option<bool>,
    /// ISO 8601.
    pub started_at: Option<String>,
    /// ISO 8601.
    pub stopped_at: Option<String>,
    /// Recording events: the beam.
    pub beam_id: Option<String>,
    /// Recording events: the room's template.
    pub template_id: Option<String>,
    /// Recording events: the page the recorder opened.
    pub meeting_url: Option<String>,
    /// ISO 8601.
    pub created_at: Option<String>,
    /// ISO 8601: when the session started.
    pub session_started_at: Option<String>,
    /// Recording events: seconds.
    pub duration: Option<f64>,
    /// Recording events: bytes.
    pub size: Option<i64>,
    /// Recording events: width in pixels.
    pub max_width: Option<i64>,
    /// Recording events: height in pixels.
    pub max_height: Option<i64>,
    /// Recording events: where the file is stored.
    pub recording_path: Option<String>,
    /// Recording events: a presigned URL of the file.
    pub recording_presigned_url: Option<String>,
    /// Recording events: the RTMP outputs.
    pub rtmp: Option<Vec<RtmpOutput>>,
    /// Whatever else 100ms sends.
    #[serde(flatten)]
    pub extra: Extra,
}

/// An RTMP output of a recording event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct RtmpOutput {
    /// The RTMP URL.
    pub url: Option<String>,
    /// Whatever else 100ms sends.
    #[serde(flatten)]
    pub extra: Extra,
}

const EVENTS: Reply = Reply::Page(Paging::EventsNext);

calls! {
    provider HmsClient;

    /// `GET /analytics/events`: one page of a room's events.
    ListEvents = "analytics.listEvents": Get "/analytics/events" () query EventFilters
        => Page<AnalyticsEvent>, reply EVENTS;

    /// `GET /analytics/events?type=track.*`: one page of a room's track events.
    ListTrackEvents = "analytics.listTrackEvents": Get "/analytics/events" () query TrackEventFilters
        => Page<AnalyticsEvent>, reply EVENTS;

    /// `GET /analytics/events?type=beam.recording.success`: one page of a room's recording
    /// events.
    ListRecordingEvents = "analytics.listRecordingEvents": Get "/analytics/events" () query RecordingEventFilters
        => Page<AnalyticsEvent>, reply EVENTS;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::call::Call;
    use crate::client::Provider;
    use crate::test_support::{answer, hms_client, params};
    use serde_json::json;

    #[test]
    fn list_events_repeats_type_and_encodes_the_cursor() {
        let f =
            params(json!({"room_id": "r1", "type": ["track.add.success", "track.remove.success"], "start": "a:b~c="}));
        let req = hms_client().request(&ListEvents::new(f.unwrap())).unwrap();
        assert_eq!(
            req.url,
            "https://api.100ms.live/v2/analytics/events?room_id=r1&start=a%3Ab~c%3D&type=track.add.success&type=track.remove.success"
        );
    }

    #[test]
    fn list_events_rules() {
        let err = params::<EventFilters>(json!({"type": ["x"]})).unwrap_err();
        assert_eq!(err.message(), "room_id: is required");
        let limit = params(json!({"room_id": "r", "limit": 101})).unwrap();
        let err = hms_client().request(&ListEvents::new(limit)).unwrap_err();
        assert_eq!(err.message(), "limit: must be an integer from 1 to 100");
        let bad_type = params(json!({"room_id": "r", "type": ["track.add.success", ""]})).unwrap();
        let err = hms_client().request(&ListEvents::new(bad_type)).unwrap_err();
        assert_eq!(err.message(), "type[1]: must be a non-empty string");
        // One type as a string, as the official SDK's listRecordingEvents takes it.
        let one: EventFilters = params(json!({"room_id": "r", "type": "beam.recording.success"})).unwrap();
        assert_eq!(
            hms_client().request(&ListEvents::new(one)).unwrap().url,
            "https://api.100ms.live/v2/analytics/events?room_id=r&type=beam.recording.success"
        );
        assert_eq!(
            params::<EventFilters>(json!({"room_id": "r", "type": 7})).unwrap_err().message(),
            "type: must be an array, not a number"
        );
        let undocumented = params(json!({"room_id": "r", "type": ["transcription.success"]})).unwrap();
        assert!(hms_client().request(&ListEvents::new(undocumented)).is_ok(), "any type 100ms records");
        let err = hms_client().request(&ListEvents::new(EventFilters::room(""))).unwrap_err();
        assert_eq!(err.message(), "room_id: must be a non-empty string");
        let err = params::<EventFilters>(json!({"room_id": "r", "error": "yes"})).unwrap_err();
        assert_eq!(err.field(), Some("error"));
    }

    #[test]
    fn track_and_recording_lists_ask_for_their_types_unless_told() {
        let track: TrackEventFilters = params(json!({"room_id": "r1"})).unwrap();
        let req = hms_client().request(&ListTrackEvents::new(track)).unwrap();
        assert_eq!(
            req.url,
            "https://api.100ms.live/v2/analytics/events?room_id=r1&type=track.add.success&type=track.update.success&type=track.remove.success"
        );
        let recording: RecordingEventFilters = params(json!({"room_id": "r1", "peer_id": "p1"})).unwrap();
        let req = hms_client().request(&ListRecordingEvents::new(recording)).unwrap();
        assert_eq!(
            req.url,
            "https://api.100ms.live/v2/analytics/events?peer_id=p1&room_id=r1&type=beam.recording.success"
        );
        let told: TrackEventFilters = params(json!({"room_id": "r1", "type": ["track.update.success"]})).unwrap();
        let req = hms_client().request(&ListTrackEvents::new(told)).unwrap();
        assert_eq!(req.url, "https://api.100ms.live/v2/analytics/events?room_id=r1&type=track.update.success");
        let err = params::<TrackEventFilters>(json!({"room_id": "r1", "types": []})).unwrap_err();
        assert_eq!(err.field(), Some("types"), "the same rules as listEvents");
        let err = hms_client().request(&ListRecordingEvents::new(RecordingEventFilters(EventFilters::room("r\n"))));
        assert_eq!(err.unwrap_err().field(), Some("room_id"));
        assert_eq!(ListTrackEvents::SPEC.path, ListEvents::SPEC.path);
    }

    #[test]
    fn pages_follow_next_and_events_parse() {
        let body = r#"{"limit":1,"total":3,"next":"a:b~c=","events":[{"version":"2.0","id":"e1","timestamp":"2023-11-14T22:13:20Z","type":"track.add.success","data":{"room_id":"r1","room_name":"n","session_id":"s1","peer_id":"p1","user_id":"u1","user_name":"Ana","role":"host","joined_at":"2023-11-14T22:13:00Z","track_id":"t1","stream_id":"st1","type":"video","source":"screen","mute":false,"started_at":"2023-11-14T22:13:20Z","new":1}}]}"#;
        let page = answer::<ListTrackEvents>(200, body).unwrap();
        assert_eq!(page.next, Some(crate::reply::Next::Start { start: "a:b~c=".into() }));
        let event = &page.items[0];
        assert_eq!(event.kind, Some(EventType::TrackAdd));
        let data = event.data.as_ref().unwrap();
        assert_eq!((data.kind.clone(), data.source.clone()), (Some(TrackKind::Video), Some(TrackSource::Screen)));
        assert_eq!(data.extra["new"], 1);
        let recording = r#"{"limit":1,"total":1,"events":[{"version":"2.0","id":"e2","timestamp":"2023-11-14T22:13:20Z","type":"beam.recording.success","data":{"beam_id":"b1","room_id":"r1","session_id":"s1","duration":61,"size":1048576,"max_width":1280,"max_height":720,"recording_path":"s3://b/p.mp4","rtmp":[{"url":"rtmp://x"}]}}]}"#;
        let page = answer::<ListRecordingEvents>(200, recording).unwrap();
        assert_eq!(page.next, None);
        let data = page.items[0].data.as_ref().unwrap();
        assert_eq!((data.duration, data.size), (Some(61.0), Some(1_048_576)));
        assert_eq!(data.rtmp.as_ref().unwrap()[0].url.as_deref(), Some("rtmp://x"));
        let unknown =
            answer::<ListEvents>(200, r#"{"events":[{"id":"e3","type":"quantum.success","data":{}}]}"#).unwrap();
        assert_eq!(unknown.items[0].kind, Some(EventType::Other("quantum.success".into())));
    }
}
