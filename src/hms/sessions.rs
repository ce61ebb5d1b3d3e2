//! Sessions: one per stretch of time a room has peers in it.

use super::common::LIMIT;
use crate::endpoint::{Endpoint, Paging, Reply};
use crate::schema::{opt, req, Rule, Schema};

static FILTERS: Schema = Schema::of(&[
    opt("room_id", Rule::Identifier),
    opt("active", Rule::Bool),
    opt("before", Rule::DateTime),
    opt("after", Rule::DateTime),
    opt("limit", LIMIT),
    opt("start", Rule::Text),
]);

static ACTIVE_IN_ROOM: Schema = Schema::of(&[req("room_id", Rule::Identifier), req("active", Rule::Bool)]);

/// `GET /sessions/{}`: the `sessions.retrieveById` call.
pub static RETRIEVE: Endpoint =
    Endpoint::get("sessions.retrieveById", "/sessions/{}", Reply::Object(&["id"])).args(&["sessionId"]);
/// `GET /sessions`: the `sessions.list` call.
pub static LIST: Endpoint = Endpoint::get("sessions.list", "/sessions", Reply::Page(Paging::DataLast)).query(&FILTERS);
/// The live session of a room: the sessions list filtered to `room_id` and `active=true`.
pub static RETRIEVE_ACTIVE_BY_ROOM: Endpoint =
    Endpoint::get("sessions.retrieveActiveByRoom", "/sessions", Reply::First("active session")).query(&ACTIVE_IN_ROOM);
