//! Room codes: short codes per role that a peer exchanges for an auth token.

use super::common::{check_limit, Extra};
use super::HmsClient;
use crate::call::{calls, Retry, Validate};
use crate::error::Result;
use crate::reply::{Page, Paging, Reply};
use crate::rules::{identifier, optional};
use serde::{Deserialize, Serialize};

/// A room code, as 100ms answers it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct RoomCode {
    /// The code a peer types or follows, e.g. `wpi-srjb-wer`.
    pub code: String,
    /// The room it admits to.
    pub room_id: Option<String>,
    /// The role it grants.
    pub role: Option<String>,
    /// Whether it can be exchanged.
    pub enabled: Option<bool>,
    /// ISO 8601.
    pub created_at: Option<String>,
    /// ISO 8601.
    pub updated_at: Option<String>,
    /// Whatever else 100ms sends.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The filters of `roomCodes.list`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct RoomCodeFilters {
    /// Only enabled (or disabled) codes.
    pub enabled: Option<bool>,
    /// Only the codes of this role.
    pub role: Option<String>,
    /// Page size, 1 to 100.
    pub limit: Option<i64>,
    /// The cursor of the page to fetch (a page's `next`).
    pub start: Option<String>,
}

impl Validate for RoomCodeFilters {
    fn validate(&self) -> Result<()> {
        optional(self.role.as_deref(), |role| identifier("role", role).map(drop))?;
        check_limit(self.limit)
    }
}

/// Turns a code on or off (`roomCodes.enableOrDisable`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CodeState {
    /// The code.
    pub code: String,
    /// Whether it can be exchanged.
    pub enabled: bool,
}

impl Validate for CodeState {
    fn validate(&self) -> Result<()> {
        identifier("code", &self.code).map(drop)
    }
}

const CODE: Reply = Reply::Object(&["code"]);

calls! {
    provider HmsClient;

    /// `POST /room-codes/room/{room_id}`: creates (or re-syncs) a code for every role of the
    /// room's template.
    CreateRoomCodes = "roomCodes.create": Post "/room-codes/room/{}" (room_id: "roomId") none () => Vec<RoomCode>,
        reply Reply::Items, retry Retry::Always;

    /// `POST /room-codes/room/{room_id}/role/{role}`: the code of one role.
    CreateRoomCodeForRole = "roomCodes.createForRole": Post "/room-codes/room/{}/role/{}"
        (room_id: "roomId", role: "role") none () => RoomCode, reply CODE, retry Retry::Always;

    /// `GET /room-codes/room/{room_id}`: one page of a room's codes.
    ListRoomCodes = "roomCodes.list": Get "/room-codes/room/{}" (room_id: "roomId") query RoomCodeFilters
        => Page<RoomCode>, reply Reply::Page(Paging::DataLast);

    /// `POST /room-codes/code`: turns a code on or off.
    EnableOrDisableRoomCode = "roomCodes.enableOrDisable": Post "/room-codes/code" () body CodeState => RoomCode,
        reply CODE, retry Retry::Always, fields ["code", "enabled"];
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::Provider;
    use crate::http::Method;
    use crate::test_support::{hms_client, params, read_status};
    use serde_json::json;

    #[test]
    fn create_for_all_roles_posts_without_body() {
        let req = hms_client().request(&CreateRoomCodes::new("329ek8g8f2e4g30487862vdb")).unwrap();
        assert_eq!(req.method, Method::Post);
        assert_eq!(req.url, "https://api.100ms.live/v2/room-codes/room/329ek8g8f2e4g30487862vdb");
        assert_eq!(req.body, None);
        assert_eq!(req.header("content-type"), Some("application/json"));
    }

    #[test]
    fn create_for_role_encodes_both_arguments() {
        let req = hms_client().request(&CreateRoomCodeForRole::new("room 1", "host/x")).unwrap();
        assert_eq!(req.url, "https://api.100ms.live/v2/room-codes/room/room%201/role/host%2Fx");
        let err = hms_client().request(&CreateRoomCodeForRole::new("r", "")).unwrap_err();
        assert_eq!(err.message(), "role: must be a non-empty string");
    }

    #[test]
    fn list_and_update_build_the_documented_requests() {
        let filters = RoomCodeFilters { enabled: Some(true), limit: Some(10), ..RoomCodeFilters::default() };
        let req = hms_client().request(&ListRoomCodes::new("r", filters)).unwrap();
        assert_eq!(req.url, "https://api.100ms.live/v2/room-codes/room/r?enabled=true&limit=10");
        let state = CodeState { code: "wpi-srjb-wer".into(), enabled: false };
        let req = hms_client().request(&EnableOrDisableRoomCode::new(state)).unwrap();
        assert_eq!(req.url, "https://api.100ms.live/v2/room-codes/code");
        assert_eq!(req.body.as_deref(), Some(r#"{"code":"wpi-srjb-wer","enabled":false}"#));
        let err = params::<CodeState>(json!({"code": "c"})).unwrap_err();
        assert_eq!(err.message(), "enabled: is required");
    }

    #[test]
    fn documented_responses_parse() {
        // The seed's examples, trailing commas removed (the document's JSON has them).
        let all = r#"{ "data": [ { "code": "wpi-srjb-wer", "room_id": "329ek8g8f2e4g30487862vdb", "role": "host", "enabled": true, "created_at": "2023-03-14T15:54:18Z", "updated_at": "2023-03-14T15:54:20Z" }, { "code": "dfj-ewbe-oqw", "room_id": "329ek8g8f2e4g30487862vdb", "role": "guest", "enabled": true, "created_at": "2023-03-14T15:14:18Z", "updated_at": "2023-03-14T15:24:18Z" } ] }"#;
        let codes: Vec<RoomCode> = read_status(Reply::Items, 200, all).unwrap();
        assert_eq!(codes.len(), 2);
        assert_eq!(codes[1].role.as_deref(), Some("guest"));
        let one = r#"{ "code": "wet-qwgq-otr", "room_id": "329ek8g8f2e4g30487862vdb", "role": "host", "enabled": true, "created_at": "2023-03-14T15:14:18Z", "updated_at": "2023-03-17T02:24:10Z" }"#;
        let code: RoomCode = read_status(CODE, 200, one).unwrap();
        assert_eq!(code.code, "wet-qwgq-otr");
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
            let err = read_status::<RoomCode>(CODE, status, &body).unwrap_err();
            assert_eq!(err.code().as_str(), code);
            assert_eq!(err.status(), Some(status));
            assert_eq!(err.message(), format!("HTTP {status}: {message}"));
        }
    }
}
