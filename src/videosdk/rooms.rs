//! VideoSDK rooms: create (idempotent on `customRoomId`), get, validate, list, deactivate.

use super::common::{check_id, check_page, Extra, RoomRef};
use super::config::{AutoClose, AutoStart, RoomWebhook};
use super::VideoSdkClient;
use crate::call::{calls, Retry, Validate};
use crate::error::Result;
use crate::hms::rooms::Refused;
use crate::reply::{Page, Paging, Reply};
use crate::rules::{identifier, optional};
use serde::{Deserialize, Serialize};

/// A room, as VideoSDK answers it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields), ts(rename = "VideoSdkRoom"))]
pub struct Room {
    /// The room id, `xxxx-xxxx-xxxx`.
    pub room_id: String,
    /// VideoSDK's internal id.
    pub id: Option<String>,
    /// The caller's own id for the room.
    pub custom_room_id: Option<String>,
    /// Whether the room was deactivated.
    pub disabled: Option<bool>,
    /// Where the room's events are posted.
    pub webhook: Option<serde_json::Value>,
    /// How sessions close.
    pub auto_close_config: Option<serde_json::Value>,
    /// What starts with each session.
    pub auto_start_config: Option<serde_json::Value>,
    /// ISO 8601.
    pub created_at: Option<String>,
    /// ISO 8601.
    pub updated_at: Option<String>,
    /// Links to related resources.
    pub links: Option<serde_json::Map<String, serde_json::Value>>,
    /// Whatever else VideoSDK sends.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The settings of a new room (`rooms.create`). With a `customRoomId`, creating twice
/// answers the same room.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields), ts(rename = "VideoSdkRoomSettings"))]
pub struct RoomSettings {
    /// The caller's own id for the room; the key `rooms.create` is idempotent on.
    pub custom_room_id: Option<String>,
    /// Where the room's events are posted.
    pub webhook: Option<RoomWebhook>,
    /// How sessions close.
    pub auto_close_config: Option<AutoClose>,
    /// What starts with each session.
    pub auto_start_config: Option<AutoStart>,
    /// The region to pin the room to (`us001`, `eu001`, `in001`, ...); without, the API key's.
    pub geo_fence: Option<String>,
    /// Lets several compositions of one kind run at once.
    pub multi_composition: Option<MultiComposition>,
    /// Only these participant ids may join.
    pub allowed_participant_ids: Option<Vec<String>>,
    /// Discontinued by VideoSDK; refused up front.
    #[serde(default, skip_serializing, deserialize_with = "region_discontinued")]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub region: Refused,
}

fn region_discontinued<'de, D: serde::Deserializer<'de>>(_: D) -> core::result::Result<Refused, D::Error> {
    Err(serde::de::Error::custom(
        "is not accepted; VideoSDK discontinued it: its servers now pick the region closest to the \
         participants (contact VideoSDK for geo-fencing)",
    ))
}

impl RoomSettings {
    /// Settings with a custom room id: creating them twice answers the same room.
    pub fn custom(custom_room_id: impl Into<String>) -> Self {
        RoomSettings { custom_room_id: Some(custom_room_id.into()), ..RoomSettings::default() }
    }

    fn has_custom_id(&self) -> bool {
        self.custom_room_id.is_some()
    }
}

impl Validate for RoomSettings {
    fn validate(&self) -> Result<()> {
        check_id("customRoomId", self.custom_room_id.as_deref())?;
        optional(self.webhook.as_ref(), |w| w.validate().map_err(|e| e.within("webhook")))?;
        optional(self.auto_close_config.as_ref(), |c| c.validate().map_err(|e| e.within("autoCloseConfig")))?;
        optional(self.auto_start_config.as_ref(), |c| c.validate().map_err(|e| e.within("autoStartConfig")))?;
        check_id("geoFence", self.geo_fence.as_deref())?;
        for (i, id) in self.allowed_participant_ids.iter().flatten().enumerate() {
            identifier(&format!("allowedParticipantIds[{i}]"), id)?;
        }
        Ok(())
    }
}

/// Which kinds of composition may run several at once in a room.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields), ts(rename = "VideoSdkMultiComposition"))]
pub struct MultiComposition {
    /// Recordings.
    pub recording: Option<bool>,
    /// HLS streams.
    pub hls: Option<bool>,
    /// RTMP live streams.
    pub rtmp: Option<bool>,
}

const ROOM: Reply = Reply::Object(&["roomId"]);

/// The filters of `rooms.list`: a match on the room's id, and the page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields), ts(rename = "VideoSdkRoomFilters"))]
pub struct RoomFilters {
    /// An exact match on the room's `roomId` or `customRoomId`.
    pub query: Option<String>,
    /// The page, from 1 (a page's `next`).
    pub page: Option<i64>,
    /// Page size, 1 to 100.
    pub per_page: Option<i64>,
}

impl Validate for RoomFilters {
    fn validate(&self) -> Result<()> {
        check_page(self.page, self.per_page)
    }
}

calls! {
    provider VideoSdkClient;

    /// `POST /v2/rooms`: creates a room; with a `customRoomId`, the same room every time.
    CreateRoom = "rooms.create": Post "/v2/rooms" () body RoomSettings => Room,
        reply ROOM, retry Retry::When(RoomSettings::has_custom_id);

    /// `GET /v2/rooms/{roomId}`: one room.
    GetRoom = "rooms.get": Get "/v2/rooms/{}" (room_id: "roomId") none () => Room, reply ROOM;

    /// `GET /v2/rooms/validate/{roomId}`: the room, if the id is one of the caller's.
    ValidateRoom = "rooms.validate": Get "/v2/rooms/validate/{}" (room_id: "roomId") none () => Room, reply ROOM;

    /// `GET /v2/rooms`: one page of rooms.
    ListRooms = "rooms.list": Get "/v2/rooms" () query RoomFilters => Page<Room>, reply Reply::Page(Paging::PageNumber);

    /// `POST /v2/rooms/deactivate`: no new session can start in the room.
    DeactivateRoom = "rooms.deactivate": Post "/v2/rooms/deactivate" () body RoomRef => Extra,
        reply Reply::Object(&[]), retry Retry::Always, fields ["roomId"];
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::Provider;
    use crate::http::{HttpResponse, Method};
    use crate::test_support::{body_json, params, read, videosdk_client};
    use serde_json::json;

    fn refused(body: serde_json::Value) -> String {
        match params::<RoomSettings>(body) {
            Ok(settings) => videosdk_client().request(&CreateRoom::new(settings)).unwrap_err().message().to_owned(),
            Err(e) => e.message().to_owned(),
        }
    }

    #[test]
    fn create_is_idempotent_only_with_a_custom_id() {
        let req = videosdk_client().request(&CreateRoom::new(RoomSettings::custom("aaa-bbb"))).unwrap();
        assert_eq!(req.method, Method::Post);
        assert_eq!(req.url, "https://api.videosdk.live/v2/rooms");
        assert_eq!(
            body_json(&req),
            serde_json::from_str::<serde_json::Value>(r#"{"customRoomId":"aaa-bbb"}"#).unwrap()
        );
        assert!(req.idempotent);
        assert!(!videosdk_client().request(&CreateRoom::new(RoomSettings::default())).unwrap().idempotent);
    }

    #[test]
    fn create_rules() {
        assert!(refused(json!({"region": "sg001"})).starts_with("region: is not accepted; VideoSDK discontinued it"));
        assert_eq!(refused(json!({"customRoomId": ""})), "customRoomId: must be a non-empty string");
        assert_eq!(
            refused(json!({"autoCloseConfig": {"type": "session-closes"}})),
            "autoCloseConfig.type: must be one of session-ends, session-end-and-deactivate"
        );
        assert_eq!(
            refused(json!({"autoCloseConfig": {"duration": 0}})),
            "autoCloseConfig.duration: must be an integer from 1 to 10080"
        );
        assert_eq!(
            refused(json!({"webhook": {"events": ["session-started"]}})),
            "webhook.endPoint: is required when events are given"
        );
        let message = refused(json!({"webhook": {"endPoint": "https://h.example", "events": ["meeting-joined"]}}));
        assert!(
            message.starts_with("webhook.events[0]: must be one of participant-joined, participant-left,"),
            "{message}"
        );
        assert_eq!(
            refused(json!({"autoStartConfig": {"hls": {"theme": "BLUE"}}})),
            "autoStartConfig.hls.theme: must be one of DARK, LIGHT, DEFAULT"
        );
        assert!(refused(json!({"colour": "red"})).starts_with("colour: is not a known field"));
    }

    #[test]
    fn get_validate_list_deactivate() {
        let c = videosdk_client();
        assert_eq!(
            c.request(&GetRoom::new("abc-xyzw-lmno")).unwrap().url,
            "https://api.videosdk.live/v2/rooms/abc-xyzw-lmno"
        );
        assert_eq!(
            c.request(&ValidateRoom::new("a b")).unwrap().url,
            "https://api.videosdk.live/v2/rooms/validate/a%20b"
        );
        let page = RoomFilters { page: Some(2), per_page: Some(20), ..RoomFilters::default() };
        assert_eq!(
            c.request(&ListRooms::new(page)).unwrap().url,
            "https://api.videosdk.live/v2/rooms?page=2&perPage=20"
        );
        for (query, message) in [
            (
                RoomFilters { per_page: Some(500), ..RoomFilters::default() },
                "perPage: must be an integer from 1 to 100",
            ),
            (RoomFilters { page: Some(0), ..RoomFilters::default() }, "page: must be an integer from 1 to 1000000"),
        ] {
            assert_eq!(c.request(&ListRooms::new(query)).unwrap_err().message(), message);
        }
        let req = c.request(&DeactivateRoom::new(RoomRef::new("r1"))).unwrap();
        assert_eq!(body_json(&req), serde_json::from_str::<serde_json::Value>(r#"{"roomId":"r1"}"#).unwrap());
        assert!(req.idempotent);
        assert_eq!(
            c.request(&DeactivateRoom::new(RoomRef::new(""))).unwrap_err().message(),
            "roomId: must be a non-empty string"
        );
    }

    #[test]
    fn rooms_parse() {
        let body = r#"{"pageInfo":{"currentPage":1,"perPage":20,"lastPage":2,"total":25},"data":[{"roomId":"abc-xyzw-lmno","customRoomId":"c","disabled":false,"createdAt":"2024-01-01T00:00:00Z","userId":"u"}]}"#;
        let page: Page<Room> = read(Reply::Page(Paging::PageNumber), body).unwrap();
        assert_eq!(page.items[0].room_id, "abc-xyzw-lmno");
        assert_eq!(page.items[0].extra["userId"], "u");
        assert_eq!(page.next, Some(crate::reply::Next::Page { page: 2 }));
        let err = crate::reply::read(ROOM, &HttpResponse::new(200, r#"{"id":"x"}"#)).unwrap_err();
        assert_eq!(err.code().as_str(), "invalid_response");
    }
}
