//! Rooms: create (an upsert by name), retrieve by id or name, update, enable or disable,
//! list. Fields and rules as the create-room and update-room documents state them.

use super::common::{check_limit, Extra};
use super::HmsClient;
use crate::call::{calls, Retry, Validate};
use crate::error::{Error, Result};
use crate::open_enum::open_enum;
use crate::reply::{Page, Paging, Reply};
use crate::rules::{chars, date_time, identifier, int_range, optional};
use serde::{Deserialize, Serialize};

/// "Accepted characters are a-z, A-Z, 0-9, and . - : _"
fn room_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '_')
}

/// A room name's rule.
pub(crate) fn check_room_name(field: &str, name: &str) -> Result<()> {
    chars(field, name, room_name_char, "a-z A-Z 0-9 . - : _")
}

const SMALL_ROOM_MAX_SIZE: i64 = 2_500;
const LARGE_ROOM_MAX_SIZE: i64 = 20_000;

open_enum! {
    /// Where a room's media is routed.
    Region {
        /// Europe.
        Eu = "eu",
        /// India.
        In = "in",
        /// The United States.
        Us = "us",
        /// Chosen by 100ms.
        Auto = "auto",
    }
}

open_enum! {
    /// The storage a recording is uploaded to. `s3`, `gs` and `oss` are documented; the 2026
    /// docs add `azure`.
    UploadType {
        /// Amazon S3.
        S3 = "s3",
        /// Google Cloud Storage.
        Gs = "gs",
        /// Alibaba OSS.
        Oss = "oss",
        /// Azure Blob Storage.
        Azure = "azure",
    }
}

/// The settings of a new room (`rooms.create`). Everything is optional: without a `name`,
/// 100ms generates one (and each call makes a new room).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct RoomSettings {
    /// a-z A-Z 0-9 . - : _ only; the key `rooms.create` upserts on.
    pub name: Option<String>,
    /// Free text.
    pub description: Option<String>,
    /// The template whose roles the room gets.
    pub template_id: Option<String>,
    /// Where recordings are uploaded.
    pub recording_info: Option<RecordingInfo>,
    /// Where media is routed.
    pub region: Option<Region>,
    /// Allows up to 20000 peers instead of 2500.
    pub large_room: Option<bool>,
    /// Most peers at once: 0 to 2500, or to 20000 with `large_room`.
    pub size: Option<i64>,
    /// Longest session: 120 to 43200 seconds.
    pub max_duration_seconds: Option<i64>,
    /// Where this room's events are posted.
    pub webhook: Option<Webhook>,
    /// Renamed `template_id`; the API answers 400 to it, so it is refused up front.
    #[serde(default, skip_serializing, deserialize_with = "use_template_id")]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub template: Refused,
}

/// A field that is never accepted (see [`RoomSettings::template`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Refused;

fn use_template_id<'de, D: serde::Deserializer<'de>>(_: D) -> core::result::Result<Refused, D::Error> {
    Err(serde::de::Error::custom("is not accepted; use template_id"))
}

impl RoomSettings {
    /// Settings with a name: creating them twice answers the same room.
    pub fn named(name: impl Into<String>) -> Self {
        RoomSettings { name: Some(name.into()), ..RoomSettings::default() }
    }

    /// Sets the region.
    pub fn region(mut self, region: Region) -> Self {
        self.region = Some(region);
        self
    }

    /// Sets the template.
    pub fn template_id(mut self, template_id: impl Into<String>) -> Self {
        self.template_id = Some(template_id.into());
        self
    }

    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Sets the size, and `large_room` when it needs one.
    pub fn size(mut self, size: i64) -> Self {
        self.size = Some(size);
        if size > SMALL_ROOM_MAX_SIZE && self.large_room.is_none() {
            self.large_room = Some(true);
        }
        self
    }

    fn has_name(&self) -> bool {
        self.name.is_some()
    }
}

/// What `rooms.update` changes: the fields of [`RoomSettings`] but the template.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct RoomChanges {
    /// a-z A-Z 0-9 . - : _ only.
    pub name: Option<String>,
    /// Free text.
    pub description: Option<String>,
    /// Where recordings are uploaded.
    pub recording_info: Option<RecordingInfo>,
    /// Where media is routed.
    pub region: Option<Region>,
    /// Allows up to 20000 peers instead of 2500.
    pub large_room: Option<bool>,
    /// Most peers at once: 0 to 2500, or to 20000 with `large_room`.
    pub size: Option<i64>,
    /// Longest session: 120 to 43200 seconds.
    pub max_duration_seconds: Option<i64>,
    /// Where this room's events are posted.
    pub webhook: Option<Webhook>,
    /// Renamed `template_id`, and a room's template cannot change.
    #[serde(default, skip_serializing, deserialize_with = "use_template_id")]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub template: Refused,
}

/// Where and whether a room's sessions are recorded.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct RecordingInfo {
    /// Record every session automatically.
    pub enabled: Option<bool>,
    /// The bucket recordings go to.
    pub upload_info: Option<UploadInfo>,
}

/// A storage bucket for recordings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct UploadInfo {
    /// The storage service.
    #[serde(rename = "type")]
    pub kind: UploadType,
    /// The bucket's name.
    pub location: String,
    /// A path prefix inside the bucket.
    pub prefix: Option<String>,
    /// Service options.
    pub options: Option<UploadOptions>,
    /// Keys with write access to the bucket.
    pub credentials: Option<UploadCredentials>,
}

/// Service options of an [`UploadInfo`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct UploadOptions {
    /// The bucket's region, e.g. `ap-south-1`.
    pub region: Option<String>,
}

/// Keys with write access to a bucket.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct UploadCredentials {
    /// The access key.
    pub key: String,
    /// The secret key.
    pub secret: String,
}

impl core::fmt::Debug for UploadCredentials {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        // A bucket secret must not reach a log through Debug.
        f.debug_struct("UploadCredentials").field("key", &self.key).field("secret", &"<redacted>").finish()
    }
}

/// Where a room's events are posted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct Webhook {
    /// The receiver's URL.
    pub url: String,
    /// Headers sent with each event.
    pub headers: Option<serde_json::Map<String, serde_json::Value>>,
}

/// The rules both the create and the update body follow.
struct Common<'a> {
    name: Option<&'a str>,
    recording_info: Option<&'a RecordingInfo>,
    region: Option<&'a Region>,
    large_room: Option<bool>,
    size: Option<i64>,
    max_duration_seconds: Option<i64>,
}

impl Common<'_> {
    fn validate(&self) -> Result<()> {
        optional(self.name, |name| check_room_name("name", name))?;
        optional(self.region, |region| region.check("region"))?;
        optional(self.max_duration_seconds.as_ref(), |d| int_range("max_duration_seconds", *d, 120, 43_200))?;
        optional(self.size.as_ref(), |size| int_range("size", *size, 0, LARGE_ROOM_MAX_SIZE))?;
        // "With large_room: false, Maximum size = 2500; with large_room: true, Maximum size = 20000"
        if self.size.is_some_and(|size| size > SMALL_ROOM_MAX_SIZE) && self.large_room != Some(true) {
            return Err(Error::invalid(
                "size",
                "must be an integer from 0 to 2500 (up to 20000 with large_room: true)",
            ));
        }
        optional(self.recording_info, |info| info.validate().map_err(|e| e.within("recording_info")))
    }
}

impl Validate for RoomSettings {
    fn validate(&self) -> Result<()> {
        optional(self.template_id.as_deref(), |id| identifier("template_id", id).map(drop))?;
        Common {
            name: self.name.as_deref(),
            recording_info: self.recording_info.as_ref(),
            region: self.region.as_ref(),
            large_room: self.large_room,
            size: self.size,
            max_duration_seconds: self.max_duration_seconds,
        }
        .validate()
    }
}

impl Validate for RoomChanges {
    fn validate(&self) -> Result<()> {
        if *self == RoomChanges::default() {
            return Err(Error::invalid("params", "name at least one field to update"));
        }
        Common {
            name: self.name.as_deref(),
            recording_info: self.recording_info.as_ref(),
            region: self.region.as_ref(),
            large_room: self.large_room,
            size: self.size,
            max_duration_seconds: self.max_duration_seconds,
        }
        .validate()
    }
}

impl RecordingInfo {
    fn validate(&self) -> Result<()> {
        let Some(upload) = &self.upload_info else { return Ok(()) };
        let within = |e: Error| e.within("upload_info");
        upload.kind.check("type").map_err(within)?;
        identifier("location", &upload.location).map_err(within)?;
        Ok(())
    }
}

/// Turns a room on or off (`rooms.enableOrDisable`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Enabled {
    /// Whether peers can join.
    pub enabled: bool,
}

impl Validate for Enabled {}

/// The filters of `rooms.list`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct RoomFilters {
    /// Rooms of this name.
    pub name: Option<String>,
    /// Only enabled (or disabled) rooms.
    pub enabled: Option<bool>,
    /// Created after this ISO 8601 date-time (from JavaScript, also a `Date`).
    #[cfg_attr(feature = "ts", ts(type = "string | Date", optional))]
    pub after: Option<String>,
    /// Created before this ISO 8601 date-time (from JavaScript, also a `Date`).
    #[cfg_attr(feature = "ts", ts(type = "string | Date", optional))]
    pub before: Option<String>,
    /// Page size, 1 to 100.
    pub limit: Option<i64>,
    /// The cursor of the page to fetch (a page's `next`).
    pub start: Option<String>,
}

impl Validate for RoomFilters {
    fn validate(&self) -> Result<()> {
        optional(self.after.as_deref(), |t| date_time("after", t))?;
        optional(self.before.as_deref(), |t| date_time("before", t))?;
        check_limit(self.limit)
    }
}

/// The name `rooms.retrieveByName` looks up.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ByName {
    /// The room's name.
    pub name: String,
}

impl Validate for ByName {}

/// A room, as 100ms answers it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct Room {
    /// The room's id.
    pub id: String,
    /// Its name.
    pub name: Option<String>,
    /// Whether peers can join.
    pub enabled: Option<bool>,
    /// Its description.
    pub description: Option<String>,
    /// The workspace's customer id.
    pub customer_id: Option<String>,
    /// The app it belongs to.
    pub app_id: Option<String>,
    /// Its recording settings.
    pub recording_info: Option<serde_json::Value>,
    /// The template's id.
    pub template_id: Option<String>,
    /// The template's name.
    pub template: Option<String>,
    /// Where media is routed.
    pub region: Option<Region>,
    /// Whether it may hold up to 20000 peers.
    pub large_room: Option<bool>,
    /// Most peers at once.
    pub size: Option<i64>,
    /// Longest session in seconds.
    pub max_duration_seconds: Option<i64>,
    /// ISO 8601.
    pub created_at: Option<String>,
    /// ISO 8601.
    pub updated_at: Option<String>,
    /// Whatever else 100ms sends.
    #[serde(flatten)]
    pub extra: Extra,
}

const ROOM: Reply = Reply::Object(&["id"]);

calls! {
    provider HmsClient;

    /// `POST /rooms`: creates a room, or answers the room of that name (an upsert by name,
    /// so it is retried only when named).
    CreateRoom = "rooms.create": Post "/rooms" () body RoomSettings => Room,
        reply ROOM, retry Retry::When(RoomSettings::has_name);

    /// `GET /rooms/{room_id}`.
    GetRoom = "rooms.retrieveById": Get "/rooms/{}" (room_id: "roomId") none () => Room, reply ROOM;

    /// `GET /rooms?name=`: the room of that name, or a `not_found` error.
    GetRoomByName = "rooms.retrieveByName": Get "/rooms" () query ByName => Room,
        reply Reply::First("room"), fields ["name"];

    /// `POST /rooms/{room_id}`: changes a room's settings.
    UpdateRoom = "rooms.update": Post "/rooms/{}" (room_id: "roomId") body RoomChanges => Room,
        reply ROOM, retry Retry::Always;

    /// `POST /rooms/{room_id}` with `enabled`: turns a room on or off.
    EnableOrDisableRoom = "rooms.enableOrDisable": Post "/rooms/{}" (room_id: "roomId") body Enabled => Room,
        reply ROOM, retry Retry::Always, fields ["enabled"];

    /// `GET /rooms`: one page of rooms.
    ListRooms = "rooms.list": Get "/rooms" () query RoomFilters => Page<Room>, reply Reply::Page(Paging::DataLast);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::Provider;
    use crate::http::{HttpRequest, Method};
    use crate::test_support::{hms_client, params, read};
    use serde_json::{json, Value};

    fn create(body: Value) -> Result<HttpRequest> {
        hms_client().request(&CreateRoom::new(params(body)?))
    }

    fn create_error(body: Value) -> String {
        create(body).unwrap_err().message().to_owned()
    }

    #[test]
    fn create_builds_the_documented_request() {
        let req = create(json!({
            "name": "new-room-1662723668",
            "description": "This is a sample description for the room",
            "template_id": "63188115d11d6db790c73c60",
            "recording_info": {"enabled": true, "upload_info": {"type": "s3", "location": "bucket", "prefix": "p/",
                "options": {"region": "ap-south-1"}, "credentials": {"key": "AK", "secret": "SK"}}},
            "region": "eu", "large_room": true, "size": 20000, "max_duration_seconds": 43200
        }))
        .unwrap();
        assert_eq!(req.method, Method::Post);
        assert_eq!(req.url, "https://api.100ms.live/v2/rooms");
        assert!(req.idempotent, "a named create is an upsert");
        let body: Value = serde_json::from_str(req.body.as_deref().unwrap()).unwrap();
        assert_eq!(body["name"], "new-room-1662723668");
        assert_eq!(body["recording_info"]["upload_info"]["options"]["region"], "ap-south-1");
        assert_eq!(body["size"], 20000);
    }

    #[test]
    fn typed_builders_make_the_same_request() {
        let typed = hms_client().request(&CreateRoom::new(RoomSettings::named("standup").region(Region::Eu))).unwrap();
        assert_eq!(typed.body.as_deref(), Some(r#"{"name":"standup","region":"eu"}"#));
        let large = RoomSettings::named("big").size(5000);
        assert_eq!(large.large_room, Some(true));
        assert!(hms_client().request(&CreateRoom::new(large)).is_ok());
    }

    #[test]
    fn empty_create_is_allowed_the_name_is_generated_by_the_api() {
        let req = create(Value::Null).unwrap();
        assert_eq!(req.body.as_deref(), Some("{}"));
        assert!(!req.idempotent, "an unnamed create makes a new room each time");
    }

    #[test]
    fn nulls_count_as_absent() {
        let req = create(json!({"name": "a", "description": null})).unwrap();
        assert_eq!(req.body.as_deref(), Some(r#"{"name":"a"}"#));
    }

    #[test]
    fn name_characters_are_checked() {
        for good in ["a-Z.0:9_", "room", "R00M"] {
            assert!(create(json!({ "name": good })).is_ok(), "{good}");
        }
        for bad in ["has space", "slash/", "émoji", "semi;colon", "a+b"] {
            assert_eq!(create_error(json!({ "name": bad })), "name: only a-z A-Z 0-9 . - : _ are allowed", "{bad}");
        }
    }

    #[test]
    fn size_range_depends_on_large_room() {
        assert!(create(json!({"size": 0})).is_ok());
        assert!(create(json!({"size": 2500})).is_ok());
        let small = "size: must be an integer from 0 to 2500 (up to 20000 with large_room: true)";
        assert_eq!(create_error(json!({"size": 2501})), small);
        assert_eq!(create_error(json!({"size": 2501, "large_room": false})), small);
        assert!(create(json!({"size": 20000, "large_room": true})).is_ok());
        assert_eq!(
            create_error(json!({"size": 20001, "large_room": true})),
            "size: must be an integer from 0 to 20000"
        );
        assert_eq!(create_error(json!({"size": -1})), "size: must be an integer from 0 to 20000");
    }

    #[test]
    fn max_duration_is_120_to_43200_seconds() {
        assert!(create(json!({"max_duration_seconds": 120})).is_ok());
        assert!(create(json!({"max_duration_seconds": 43200})).is_ok());
        for bad in [119, 43201] {
            assert_eq!(
                create_error(json!({"max_duration_seconds": bad})),
                "max_duration_seconds: must be an integer from 120 to 43200"
            );
        }
    }

    #[test]
    fn unknown_region_is_rejected() {
        for good in ["eu", "in", "us", "auto"] {
            assert!(create(json!({ "region": good })).is_ok());
        }
        assert_eq!(create_error(json!({"region": "ap"})), "region: must be one of eu, in, us, auto");
    }

    #[test]
    fn upload_info_needs_type_and_location() {
        let missing_location = json!({"recording_info": {"upload_info": {"type": "s3"}}});
        assert_eq!(create_error(missing_location), "recording_info.upload_info.location: is required");
        let missing_type = json!({"recording_info": {"upload_info": {"location": "b"}}});
        assert_eq!(create_error(missing_type), "recording_info.upload_info.type: is required");
        let bad_type = json!({"recording_info": {"upload_info": {"type": "ftp", "location": "b"}}});
        assert_eq!(create_error(bad_type), "recording_info.upload_info.type: must be one of s3, gs, oss, azure");
        let half =
            json!({"recording_info": {"upload_info": {"type": "gs", "location": "b", "credentials": {"key": "k"}}}});
        assert_eq!(create_error(half), "recording_info.upload_info.credentials.secret: is required");
    }

    #[test]
    fn unknown_and_refused_fields_name_themselves() {
        assert_eq!(create_error(json!({"template": "x"})), "template: is not accepted; use template_id");
        let err = create(json!({"nmae": "x"})).unwrap_err();
        assert_eq!(err.field(), Some("nmae"));
        assert!(err.message().starts_with("nmae: is not a known field (known: name,"), "{}", err.message());
    }

    #[test]
    fn update_and_enable_build_posts_to_the_room() {
        let changes = params(json!({"name": "update-room-name", "region": "us"})).unwrap();
        let req = hms_client().request(&UpdateRoom::new("63215ea1", changes)).unwrap();
        assert_eq!(req.url, "https://api.100ms.live/v2/rooms/63215ea1");
        assert_eq!(req.method, Method::Post);
        let err = hms_client().request(&UpdateRoom::new("r", RoomChanges::default())).unwrap_err();
        assert_eq!(err.field(), Some("params"));
        let req = hms_client().request(&EnableOrDisableRoom::new("r", Enabled { enabled: false })).unwrap();
        assert_eq!(req.body.as_deref(), Some(r#"{"enabled":false}"#));
    }

    #[test]
    fn path_arguments_are_checked() {
        let err = hms_client().request(&GetRoom::new("")).unwrap_err();
        assert_eq!(err.message(), "roomId: must be a non-empty string");
        let err = hms_client().request(&GetRoom::new("..")).unwrap_err();
        assert_eq!(err.message(), "roomId: must not be . or ..");
        let req = hms_client().request(&GetRoom::new("a b/c")).unwrap();
        assert_eq!(req.url, "https://api.100ms.live/v2/rooms/a%20b%2Fc");
        assert_eq!(req.header("content-type"), None);
    }

    #[test]
    fn list_and_by_name_build_queries() {
        let filters = RoomFilters {
            after: Some("2022-01-01T01:00:00.000Z".into()),
            limit: Some(20),
            start: Some("6284eb3f119d5dbdd03ac068".into()),
            ..RoomFilters::default()
        };
        let req = hms_client().request(&ListRooms::new(filters)).unwrap();
        assert_eq!(req.url, "https://api.100ms.live/v2/rooms?after=2022-01-01T01%3A00%3A00.000Z&limit=20&start=6284eb3f119d5dbdd03ac068");
        let req = hms_client().request(&GetRoomByName::new(ByName { name: "a b".into() })).unwrap();
        assert_eq!(req.url, "https://api.100ms.live/v2/rooms?name=a%20b");
        let err = hms_client().request(&ListRooms::new(RoomFilters { limit: Some(0), ..RoomFilters::default() }));
        assert_eq!(err.unwrap_err().message(), "limit: must be an integer from 1 to 100");
    }

    #[test]
    fn documented_responses_parse_and_keep_unknown_fields() {
        let created = r#"{ "id": "631b2654f771854d9bf633df", "name": "new-room-1662723668", "enabled": true, "description": "This is a sample description for the room", "customer_id": "627cdddff2e4e30487862ad1", "app_id":"62510797903d857ab8ec3ba5", "recording_info": { "enabled": false }, "template_id": "63188115d11d6db790c73c60", "template": "sample-template-name", "region": "us", "created_at": "2022-09-09T11:41:08.082Z", "updated_at": "2022-09-09T11:41:08.074Z", "brand_new": 1 }"#;
        let room: Room = read(ROOM, created).unwrap();
        assert_eq!(room.id, "631b2654f771854d9bf633df");
        assert_eq!(room.template.as_deref(), Some("sample-template-name"));
        assert_eq!(room.region, Some(Region::Us));
        assert_eq!(room.extra["brand_new"], 1);
        let odd: Room = read(ROOM, r#"{"id":"r","region":"mars"}"#).unwrap();
        assert_eq!(odd.region, Some(Region::Other("mars".into())), "a new region still parses");
        let err = read::<Room>(ROOM, r#"{"name":"no id"}"#).unwrap_err();
        assert_eq!(err.code().as_str(), "invalid_response");
    }

    #[test]
    fn by_name_answers_the_first_match_or_not_found() {
        let one: Room = read(Reply::First("room"), r#"{"limit":10,"data":[{"id":"r1","name":"a"}]}"#).unwrap();
        assert_eq!(one.id, "r1");
        let none = read::<Room>(Reply::First("room"), r#"{"limit":10,"data":[]}"#).unwrap_err();
        assert_eq!(none.code().as_str(), "not_found");
    }

    #[test]
    fn pages_carry_their_next_cursor() {
        let page: Page<Room> = read(ListRooms::SPEC_REPLY, r#"{"limit":2,"data":[{"id":"a"}],"last":"a"}"#).unwrap();
        assert_eq!(page.items.len(), 1);
        assert_eq!(page.next, Some(crate::reply::Next::Start { start: "a".into() }));
        let last: Page<Room> = read(ListRooms::SPEC_REPLY, r#"{"limit":2}"#).unwrap();
        assert_eq!(last, Page { items: vec![], next: None });
    }

    impl ListRooms {
        const SPEC_REPLY: Reply = Reply::Page(Paging::DataLast);
    }
}
