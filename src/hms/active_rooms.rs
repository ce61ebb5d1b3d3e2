//! Active rooms: the live session of a room, its peers, messages to them, removals, ending.

use super::common::ROOM_ID;
use crate::endpoint::{Endpoint, Reply};
use crate::error::{Error, Result};
use crate::json::Map;
use crate::schema::{opt, req, Rule, Schema};

const PEER: &[&str] = &["roomId", "peerId"];

static PEER_CHANGES: Schema = Schema::of(&[
    opt("name", Rule::Text),
    opt("role", Rule::Identifier),
    // The docs call it an object and describe a stringified JSON; both reach the peer.
    opt("metadata", Rule::Any),
])
.check(at_least_one);

/// `peer_id`, not the `peerId` the official SDK sends (which turns a direct message into
/// a broadcast).
static MESSAGE: Schema = Schema::of(&[
    req("message", Rule::Text),
    opt("peer_id", Rule::Identifier),
    opt("role", Rule::Identifier),
    opt("type", Rule::Identifier),
]);

static WHOM_TO_REMOVE: Schema =
    Schema::of(&[opt("peer_id", Rule::Identifier), opt("role", Rule::Identifier), opt("reason", Rule::Text)])
        .check(peer_or_role);

static END_ROOM: Schema = Schema::of(&[opt("reason", Rule::Text), opt("lock", Rule::Bool)]);

fn at_least_one(body: &Map) -> Result<()> {
    if body.is_empty() {
        return Err(Error::invalid("params", "name at least one of name, role, metadata"));
    }
    Ok(())
}

/// "You should define either of these arguments (peer_id or role)."
fn peer_or_role(body: &Map) -> Result<()> {
    if !body.contains_key("peer_id") && !body.contains_key("role") {
        return Err(Error::invalid("peer_id", "or role is required: say whom to remove"));
    }
    Ok(())
}

/// `GET /active-rooms/{}`: the `activeRooms.retrieve` call.
pub static RETRIEVE: Endpoint =
    Endpoint::get("activeRooms.retrieve", "/active-rooms/{}", Reply::Object(&["id"])).args(ROOM_ID);
/// `GET /active-rooms/{}/peers/{}`: the `activeRooms.retrievePeerDetails` call.
pub static RETRIEVE_PEER_DETAILS: Endpoint =
    Endpoint::get("activeRooms.retrievePeerDetails", "/active-rooms/{}/peers/{}", Reply::Object(&["id"])).args(PEER);
/// `GET /active-rooms/{}/peers`: the `activeRooms.retrieveActivePeers` call.
pub static RETRIEVE_ACTIVE_PEERS: Endpoint =
    Endpoint::get("activeRooms.retrieveActivePeers", "/active-rooms/{}/peers", Reply::Member("peers")).args(ROOM_ID);
/// `POST /active-rooms/{}/peers/{}`: the `activeRooms.updatePeer` call.
pub static UPDATE_PEER: Endpoint =
    Endpoint::post("activeRooms.updatePeer", "/active-rooms/{}/peers/{}", Reply::Object(&["id"]))
        .args(PEER)
        .body(&PEER_CHANGES)
        .idempotent();
/// `POST /active-rooms/{}/send-message`: the `activeRooms.sendMessage` call.
pub static SEND_MESSAGE: Endpoint =
    Endpoint::post("activeRooms.sendMessage", "/active-rooms/{}/send-message", Reply::Empty)
        .args(ROOM_ID)
        .body(&MESSAGE);
/// `POST /active-rooms/{}/remove-peers`: the `activeRooms.removePeer` call.
pub static REMOVE_PEER: Endpoint =
    Endpoint::post("activeRooms.removePeer", "/active-rooms/{}/remove-peers", Reply::Empty)
        .args(ROOM_ID)
        .body(&WHOM_TO_REMOVE);
/// `POST /active-rooms/{}/end-room`: the `activeRooms.end` call.
pub static END: Endpoint =
    Endpoint::post("activeRooms.end", "/active-rooms/{}/end-room", Reply::Empty).args(ROOM_ID).body(&END_ROOM);
