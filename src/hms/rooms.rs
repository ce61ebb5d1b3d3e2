//! Rooms: create (an upsert by name), retrieve by id or name, update, enable or disable,
//! list. Fields and rules as the create-room and update-room documents state them.

use crate::endpoint::{Endpoint, Paging, Reply};
use crate::error::{Error, Result};
use crate::json::{Map, Value};
use crate::schema::{opt, req, Rule, Schema};

/// "Accepted characters are a-z, A-Z, 0-9, and . - : _"
fn room_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '_')
}

pub(crate) const NAME: Rule = Rule::Chars(room_name_char, "a-z A-Z 0-9 . - : _");
const REGION: Rule = Rule::OneOf(&["eu", "in", "us", "auto"]);
/// The widest size range; the narrower one without `large_room` is checked across fields.
const SIZE: Rule = Rule::Int(0, 20_000);
const MAX_DURATION: Rule = Rule::Int(120, 43_200);
const SMALL_ROOM_MAX_SIZE: i64 = 2_500;

static CREDENTIALS: Schema = Schema::of(&[req("key", Rule::Text), req("secret", Rule::Text)]);
static UPLOAD_OPTIONS: Schema = Schema::of(&[opt("region", Rule::Text)]);
static UPLOAD_INFO: Schema = Schema::of(&[
    // s3, gs and oss are documented; the 2026 docs add azure.
    req("type", Rule::OneOf(&["s3", "gs", "oss", "azure"])),
    req("location", Rule::Identifier),
    opt("prefix", Rule::Text),
    opt("options", Rule::Object(&UPLOAD_OPTIONS)),
    opt("credentials", Rule::Object(&CREDENTIALS)),
]);
static RECORDING_INFO: Schema =
    Schema::of(&[opt("enabled", Rule::Bool), opt("upload_info", Rule::Object(&UPLOAD_INFO))]);
static WEBHOOK: Schema = Schema::of(&[req("url", Rule::Text), opt("headers", Rule::AnyObject)]);

/// `template` was renamed `template_id`; the API answers 400 to it, so refuse it up front.
const REFUSED: &[(&str, &str)] = &[("template", "use template_id")];

static CREATE_BODY: Schema = Schema::of(&[
    opt("name", NAME),
    opt("description", Rule::Text),
    opt("template_id", Rule::Identifier),
    opt("recording_info", Rule::Object(&RECORDING_INFO)),
    opt("region", REGION),
    opt("large_room", Rule::Bool),
    opt("size", SIZE),
    opt("max_duration_seconds", MAX_DURATION),
    opt("webhook", Rule::Object(&WEBHOOK)),
])
.refuse(REFUSED)
.check(check_size);

static UPDATE_BODY: Schema = Schema::of(&[
    opt("name", NAME),
    opt("description", Rule::Text),
    opt("recording_info", Rule::Object(&RECORDING_INFO)),
    opt("region", REGION),
    opt("large_room", Rule::Bool),
    opt("size", SIZE),
    opt("max_duration_seconds", MAX_DURATION),
    opt("webhook", Rule::Object(&WEBHOOK)),
])
.refuse(REFUSED)
.check(check_update);

static ENABLE_BODY: Schema = Schema::of(&[req("enabled", Rule::Bool)]);

static LIST_QUERY: Schema = Schema::of(&[
    opt("name", Rule::Text),
    opt("enabled", Rule::Bool),
    opt("after", Rule::DateTime),
    opt("before", Rule::DateTime),
    opt("limit", Rule::Int(1, 100)),
    opt("start", Rule::Text),
]);

static BY_NAME_QUERY: Schema = Schema::of(&[req("name", Rule::Text)]);

/// "With large_room: false, Maximum size = 2500; with large_room: true, Maximum size = 20000"
fn check_size(body: &Map) -> Result<()> {
    let large = body.get("large_room").and_then(Value::as_bool).unwrap_or(false);
    match body.get("size").and_then(Value::as_i64) {
        Some(size) if !large && size > SMALL_ROOM_MAX_SIZE => {
            Err(Error::invalid("size", "must be an integer from 0 to 2500 (up to 20000 with large_room: true)"))
        }
        _ => Ok(()),
    }
}

fn check_update(body: &Map) -> Result<()> {
    if body.is_empty() {
        return Err(Error::invalid("params", "name at least one field to update"));
    }
    check_size(body)
}

const ROOM: Reply = Reply::Object(&["id"]);
const ROOM_ID: &[&str] = &["roomId"];

/// `POST /rooms`: the `rooms.create` call.
pub static CREATE: Endpoint = Endpoint::post("rooms.create", "/rooms", ROOM).body(&CREATE_BODY).idempotent_with("name");
/// `GET /rooms/{}`: the `rooms.retrieveById` call.
pub static RETRIEVE: Endpoint = Endpoint::get("rooms.retrieveById", "/rooms/{}", ROOM).args(ROOM_ID);
/// `GET /rooms`: the `rooms.retrieveByName` call.
pub static RETRIEVE_BY_NAME: Endpoint =
    Endpoint::get("rooms.retrieveByName", "/rooms", Reply::First("room")).query(&BY_NAME_QUERY);
/// `POST /rooms/{}`: the `rooms.update` call.
pub static UPDATE: Endpoint =
    Endpoint::post("rooms.update", "/rooms/{}", ROOM).args(ROOM_ID).body(&UPDATE_BODY).idempotent();
/// `POST /rooms/{}`: the `rooms.enableOrDisable` call.
pub static ENABLE_OR_DISABLE: Endpoint =
    Endpoint::post("rooms.enableOrDisable", "/rooms/{}", ROOM).args(ROOM_ID).body(&ENABLE_BODY).idempotent();
/// `GET /rooms`: the `rooms.list` call.
pub static LIST: Endpoint = Endpoint::get("rooms.list", "/rooms", Reply::Page(Paging::DataLast)).query(&LIST_QUERY);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::{HttpResponse, Method};
    #[allow(unused_imports)]
    use std::{borrow::ToOwned, format, string::String, string::ToString, vec, vec::Vec};

    const BASE: &str = "https://api.100ms.live/v2";

    fn create(body: Value) -> Result<crate::http::HttpRequest> {
        CREATE.build(BASE, &[], &Value::Null, &body)
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
        let body: Value = crate::json::parse(req.body.as_deref().unwrap()).unwrap();
        assert_eq!(body["name"], "new-room-1662723668");
        assert_eq!(body["recording_info"]["upload_info"]["options"]["region"], "ap-south-1");
        assert_eq!(body["size"], 20000);
    }

    #[test]
    fn empty_create_is_allowed_the_name_is_generated_by_the_api() {
        assert_eq!(create(Value::Null).unwrap().body.as_deref(), Some("{}"));
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
        assert_eq!(
            create_error(json!({"size": 2501})),
            "size: must be an integer from 0 to 2500 (up to 20000 with large_room: true)"
        );
        assert_eq!(
            create_error(json!({"size": 2501, "large_room": false})),
            "size: must be an integer from 0 to 2500 (up to 20000 with large_room: true)"
        );
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
        assert_eq!(
            create_error(json!({"max_duration_seconds": 119})),
            "max_duration_seconds: must be an integer from 120 to 43200"
        );
        assert_eq!(
            create_error(json!({"max_duration_seconds": 43201})),
            "max_duration_seconds: must be an integer from 120 to 43200"
        );
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
        let half_credentials =
            json!({"recording_info": {"upload_info": {"type": "gs", "location": "b", "credentials": {"key": "k"}}}});
        assert_eq!(create_error(half_credentials), "recording_info.upload_info.credentials.secret: is required");
    }

    #[test]
    fn template_instead_of_template_id_is_refused() {
        assert_eq!(create_error(json!({"template": "x"})), "template: is not accepted; use template_id");
    }

    #[test]
    fn update_and_enable_build_posts_to_the_room() {
        let req = UPDATE
            .build(BASE, &["63215ea1"], &Value::Null, &json!({"name": "update-room-name", "region": "us"}))
            .unwrap();
        assert_eq!(req.url, "https://api.100ms.live/v2/rooms/63215ea1");
        assert_eq!(req.method, Method::Post);
        let err = UPDATE.build(BASE, &["r"], &Value::Null, &json!({})).unwrap_err();
        assert_eq!(err.field(), Some("params"));
        let req = ENABLE_OR_DISABLE.build(BASE, &["r"], &Value::Null, &json!({"enabled": false})).unwrap();
        assert_eq!(req.body.as_deref(), Some(r#"{"enabled":false}"#));
    }

    #[test]
    fn list_and_by_name_build_queries() {
        let req = LIST
            .build(
                BASE,
                &[],
                &json!({"after": "2022-01-01T01:00:00.000Z", "limit": 20, "start": "6284eb3f119d5dbdd03ac068"}),
                &Value::Null,
            )
            .unwrap();
        assert_eq!(req.url, "https://api.100ms.live/v2/rooms?after=2022-01-01T01%3A00%3A00.000Z&limit=20&start=6284eb3f119d5dbdd03ac068");
        let req = RETRIEVE_BY_NAME.build(BASE, &[], &json!({"name": "a b"}), &Value::Null).unwrap();
        assert_eq!(req.url, "https://api.100ms.live/v2/rooms?name=a%20b");
    }

    #[test]
    fn documented_responses_parse() {
        let created = r#"{ "id": "631b2654f771854d9bf633df", "name": "new-room-1662723668", "enabled": true, "description": "This is a sample description for the room", "customer_id": "627cdddff2e4e30487862ad1", "app_id":"62510797903d857ab8ec3ba5", "recording_info": { "enabled": false }, "template_id": "63188115d11d6db790c73c60", "template": "sample-template-name", "region": "us", "created_at": "2022-09-09T11:41:08.082Z", "updated_at": "2022-09-09T11:41:08.074Z" }"#;
        let value = CREATE.parse(&HttpResponse::new(200, created)).unwrap();
        assert_eq!(value["id"], "631b2654f771854d9bf633df");
        assert_eq!(value["template"], "sample-template-name");
        let updated = r#"{ "id": "63215ea14354ff09328378c6", "name": "update-room-name", "enabled": true, "description": "Updated description for the room", "customer_id": "627cda54ff688c037a39291b", "recording_source_template": false, "enabled_source_template": false, "recording_info": { "enabled": true, "upload_info": { "type": "s3", "location": "<Updated Name of the AWS s3 bucket>", "prefix": "<Upload prefix path>", "credentials": { "key": "<k>", "secret": "<s>" }, "options": { "region": "ap-south-1" } } }, "template_id": "6311c9b3ba3f6f0133f899ee", "template": "new-template-1662110132", "region": "us", "created_at": "2022-09-14T04:54:57.707Z", "updated_at": "2022-09-26T12:17:48.37Z", "customer": "627cda54ff688c037a39291b" }"#;
        let room = UPDATE.parse(&HttpResponse::new(200, updated)).unwrap();
        assert_eq!(room["recording_info"]["upload_info"]["type"], "s3");
    }

    #[test]
    fn by_name_answers_the_first_match_or_not_found() {
        let one =
            RETRIEVE_BY_NAME.parse(&HttpResponse::new(200, r#"{"limit":10,"data":[{"id":"r1","name":"a"}]}"#)).unwrap();
        assert_eq!(one["id"], "r1");
        let none = RETRIEVE_BY_NAME.parse(&HttpResponse::new(200, r#"{"limit":10,"data":[]}"#)).unwrap_err();
        assert_eq!(none.code().as_str(), "not_found");
    }
}
