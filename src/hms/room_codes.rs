//! Room codes: short codes per role that a peer exchanges for an auth token.

use crate::endpoint::{Endpoint, Paging, Reply};
use crate::schema::{opt, req, Rule, Schema};

static LIST_QUERY: Schema = Schema::of(&[
    opt("enabled", Rule::Bool),
    opt("role", Rule::Identifier),
    opt("limit", Rule::Int(1, 100)),
    opt("start", Rule::Text),
]);

static UPDATE_BODY: Schema = Schema::of(&[req("code", Rule::Identifier), req("enabled", Rule::Bool)]);

const CODE: Reply = Reply::Object(&["code"]);
const ROOM: &[&str] = &["roomId"];

/// Creates (or re-syncs) a code for every role of the room's template.
pub static CREATE: Endpoint =
    Endpoint::post("roomCodes.create", "/room-codes/room/{}", Reply::Items).args(ROOM).idempotent();
/// `POST /room-codes/room/{}/role/{}`: the `roomCodes.createForRole` call.
pub static CREATE_FOR_ROLE: Endpoint = Endpoint::post("roomCodes.createForRole", "/room-codes/room/{}/role/{}", CODE)
    .args(&["roomId", "role"])
    .idempotent();
/// `GET /room-codes/room/{}`: the `roomCodes.list` call.
pub static LIST: Endpoint =
    Endpoint::get("roomCodes.list", "/room-codes/room/{}", Reply::Page(Paging::DataLast)).args(ROOM).query(&LIST_QUERY);
/// `POST /room-codes/code`: the `roomCodes.enableOrDisable` call.
pub static ENABLE_OR_DISABLE: Endpoint =
    Endpoint::post("roomCodes.enableOrDisable", "/room-codes/code", CODE).body(&UPDATE_BODY).idempotent();

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::{HttpResponse, Method};
    use crate::json::Value;
    #[allow(unused_imports)]
    use std::{borrow::ToOwned, format, string::String, string::ToString, vec, vec::Vec};

    const BASE: &str = "https://api.100ms.live/v2";

    #[test]
    fn create_for_all_roles_posts_without_body() {
        let req = CREATE.build(BASE, &["329ek8g8f2e4g30487862vdb"], &Value::Null, &Value::Null).unwrap();
        assert_eq!(req.method, Method::Post);
        assert_eq!(req.url, "https://api.100ms.live/v2/room-codes/room/329ek8g8f2e4g30487862vdb");
        assert_eq!(req.body, None);
        assert_eq!(req.header("content-type"), Some("application/json"));
    }

    #[test]
    fn create_for_role_encodes_both_arguments() {
        let req = CREATE_FOR_ROLE.build(BASE, &["room 1", "host/x"], &Value::Null, &Value::Null).unwrap();
        assert_eq!(req.url, "https://api.100ms.live/v2/room-codes/room/room%201/role/host%2Fx");
        let err = CREATE_FOR_ROLE.build(BASE, &["r", ""], &Value::Null, &Value::Null).unwrap_err();
        assert_eq!(err.message(), "role: must be a non-empty string");
    }

    #[test]
    fn list_and_update_build_the_documented_requests() {
        let req = LIST.build(BASE, &["r"], &json!({"enabled": true, "limit": 10}), &Value::Null).unwrap();
        assert_eq!(req.url, "https://api.100ms.live/v2/room-codes/room/r?enabled=true&limit=10");
        let req = ENABLE_OR_DISABLE
            .build(BASE, &[], &Value::Null, &json!({"code": "wpi-srjb-wer", "enabled": false}))
            .unwrap();
        assert_eq!(req.url, "https://api.100ms.live/v2/room-codes/code");
        assert_eq!(req.body.as_deref(), Some(r#"{"code":"wpi-srjb-wer","enabled":false}"#));
        let err = ENABLE_OR_DISABLE.build(BASE, &[], &Value::Null, &json!({"code": "c"})).unwrap_err();
        assert_eq!(err.message(), "enabled: is required");
    }

    #[test]
    fn documented_responses_parse() {
        // The seed's examples, trailing commas removed (the document's JSON has them).
        let all = r#"{ "data": [ { "code": "wpi-srjb-wer", "room_id": "329ek8g8f2e4g30487862vdb", "role": "host", "enabled": true, "created_at": "2023-03-14T15:54:18Z", "updated_at": "2023-03-14T15:54:20Z" }, { "code": "dfj-ewbe-oqw", "room_id": "329ek8g8f2e4g30487862vdb", "role": "guest", "enabled": true, "created_at": "2023-03-14T15:14:18Z", "updated_at": "2023-03-14T15:24:18Z" } ] }"#;
        let codes = CREATE.parse(&HttpResponse::new(200, all)).unwrap();
        assert_eq!(codes.as_array().map(Vec::len), Some(2));
        assert_eq!(codes[1]["role"], "guest");
        let one = r#"{ "code": "wet-qwgq-otr", "room_id": "329ek8g8f2e4g30487862vdb", "role": "host", "enabled": true, "created_at": "2023-03-14T15:14:18Z", "updated_at": "2023-03-17T02:24:10Z" }"#;
        let code = CREATE_FOR_ROLE.parse(&HttpResponse::new(200, one)).unwrap();
        assert_eq!(code["code"], "wet-qwgq-otr");
    }

    #[test]
    fn documented_errors_map_to_codes() {
        for (status, message, code) in [
            (404, "Room not found", "not_found"),
            (403, "Room is disabled", "forbidden"),
            (401, "Authentication Error", "unauthorized"),
            (404, "Role not found", "not_found"),
        ] {
            let body = json!({"code": status, "message": message}).to_string();
            let err = CREATE_FOR_ROLE.parse(&HttpResponse::new(status, body)).unwrap_err();
            assert_eq!(err.code().as_str(), code);
            assert_eq!(err.status(), Some(status));
            assert_eq!(err.message(), format!("HTTP {status}: {message}"));
        }
    }
}
