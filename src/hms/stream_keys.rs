//! Stream keys: the RTMP ingest key of a room (one active key at a time).

use super::common::ROOM_ID;
use crate::endpoint::{Endpoint, Reply};

const KEY: Reply = Reply::Object(&["key"]);

/// `POST /stream-keys/room/{}`: the `streamKeys.create` call.
pub static CREATE: Endpoint = Endpoint::post("streamKeys.create", "/stream-keys/room/{}", KEY).args(ROOM_ID);
/// `GET /stream-keys/room/{}`: the `streamKeys.retrieve` call.
pub static RETRIEVE: Endpoint = Endpoint::get("streamKeys.retrieve", "/stream-keys/room/{}", KEY).args(ROOM_ID);
/// `POST /stream-keys/room/{}/disable`: the `streamKeys.disable` call.
pub static DISABLE: Endpoint =
    Endpoint::post("streamKeys.disable", "/stream-keys/room/{}/disable", Reply::Empty).args(ROOM_ID).idempotent();
