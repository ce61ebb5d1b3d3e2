//! VideoSDK sessions and their participants.

use super::rooms::PAGE_QUERY;
use crate::endpoint::{Endpoint, Paging, Reply};
use crate::error::{Error, Result};
use crate::json::Map;
use crate::schema::{opt, req, Rule, Schema};

const SESSION_ID: &[&str] = &["sessionId"];
const PAGE: Reply = Reply::Page(Paging::PageNumber);

static LIST_QUERY: Schema = Schema::of(&[
    opt("roomId", Rule::Identifier),
    opt("customRoomId", Rule::Identifier),
    opt("page", super::rooms::PAGE),
    opt("perPage", Rule::Int(1, 100)),
])
.check(room_or_custom_room);

fn room_or_custom_room(query: &Map) -> Result<()> {
    if !query.contains_key("roomId") && !query.contains_key("customRoomId") {
        return Err(Error::invalid("roomId", "or customRoomId is required: say whose sessions to list"));
    }
    Ok(())
}

static END_BODY: Schema = Schema::of(&[req("roomId", Rule::Identifier), opt("sessionId", Rule::Identifier)]);

static REMOVE_BODY: Schema = Schema::of(&[
    req("roomId", Rule::Identifier),
    req("participantId", Rule::Identifier),
    opt("sessionId", Rule::Identifier),
]);

/// `GET /v2/sessions`: the `sessions.list` call.
pub static LIST: Endpoint = Endpoint::get("sessions.list", "/v2/sessions", PAGE).query(&LIST_QUERY);
/// `GET /v2/sessions/{}`: the `sessions.get` call.
pub static GET: Endpoint = Endpoint::get("sessions.get", "/v2/sessions/{}", Reply::Object(&["id"])).args(SESSION_ID);
/// `GET /v2/sessions/{}/participants`: the `sessions.listParticipants` call.
pub static LIST_PARTICIPANTS: Endpoint =
    Endpoint::get("sessions.listParticipants", "/v2/sessions/{}/participants", PAGE)
        .args(SESSION_ID)
        .query(&PAGE_QUERY);
/// `GET /v2/sessions/{}/participants/active`: the `sessions.listActiveParticipants` call.
pub static LIST_ACTIVE_PARTICIPANTS: Endpoint =
    Endpoint::get("sessions.listActiveParticipants", "/v2/sessions/{}/participants/active", PAGE)
        .args(SESSION_ID)
        .query(&PAGE_QUERY);
/// `GET /v2/sessions/{}/participants/{}`: the `sessions.getParticipant` call.
pub static GET_PARTICIPANT: Endpoint =
    Endpoint::get("sessions.getParticipant", "/v2/sessions/{}/participants/{}", Reply::Object(&[]))
        .args(&["sessionId", "participantId"]);
/// `POST /v2/sessions/end`: the `sessions.end` call.
pub static END: Endpoint = Endpoint::post("sessions.end", "/v2/sessions/end", Reply::Empty).body(&END_BODY);
/// `POST /v2/sessions/participants/remove`: the `sessions.removeParticipant` call.
pub static REMOVE_PARTICIPANT: Endpoint =
    Endpoint::post("sessions.removeParticipant", "/v2/sessions/participants/remove", Reply::Empty).body(&REMOVE_BODY);
