//! VideoSDK rooms: create (idempotent on `customRoomId`), get, validate, list, deactivate.

use super::config::{AUTO_CLOSE, AUTO_START, WEBHOOK};
use crate::endpoint::{Endpoint, Paging, Reply};
use crate::schema::{opt, req, Rule, Schema};

/// The path argument of room calls.
pub const ROOM_ID: &[&str] = &["roomId"];
const ROOM: Reply = Reply::Object(&["roomId"]);

static CREATE_BODY: Schema = Schema::of(&[
    opt("customRoomId", Rule::Identifier),
    opt("webhook", Rule::Object(&WEBHOOK)),
    opt("autoCloseConfig", Rule::Object(&AUTO_CLOSE)),
    opt("autoStartConfig", Rule::Object(&AUTO_START)),
])
.refuse(&[(
    "region",
    "VideoSDK discontinued it: its servers now pick the region closest to the participants \
     (contact VideoSDK for geo-fencing)",
)]);

/// A page number: from 1 to the largest the pager follows.
pub const PAGE: Rule = Rule::Int(1, 1_000_000);

/// VideoSDK lists are page-based: `page` from 1, `perPage` up to 100.
pub static PAGE_QUERY: Schema = Schema::of(&[opt("page", PAGE), opt("perPage", Rule::Int(1, 100))]);

static DEACTIVATE_BODY: Schema = Schema::of(&[req("roomId", Rule::Identifier)]);

/// `POST /v2/rooms`: the `rooms.create` call.
pub static CREATE: Endpoint =
    Endpoint::post("rooms.create", "/v2/rooms", ROOM).body(&CREATE_BODY).idempotent_with("customRoomId");
/// `GET /v2/rooms/{}`: the `rooms.get` call.
pub static GET: Endpoint = Endpoint::get("rooms.get", "/v2/rooms/{}", ROOM).args(ROOM_ID);
/// `GET /v2/rooms/validate/{}`: the `rooms.validate` call.
pub static VALIDATE: Endpoint = Endpoint::get("rooms.validate", "/v2/rooms/validate/{}", ROOM).args(ROOM_ID);
/// `GET /v2/rooms`: the `rooms.list` call.
pub static LIST: Endpoint =
    Endpoint::get("rooms.list", "/v2/rooms", Reply::Page(Paging::PageNumber)).query(&PAGE_QUERY);
/// `POST /v2/rooms/deactivate`: the `rooms.deactivate` call.
pub static DEACTIVATE: Endpoint =
    Endpoint::post("rooms.deactivate", "/v2/rooms/deactivate", Reply::Object(&[])).body(&DEACTIVATE_BODY).idempotent();
