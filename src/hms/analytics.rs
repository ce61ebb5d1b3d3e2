//! Analytics events: `GET /analytics/events`, paged by an opaque `next` cursor that contains
//! `:`, `~` and `=` (and so must be percent-encoded, which the official SDK does not do).

use super::common::LIMIT;
use crate::endpoint::{Endpoint, Paging, Reply};
use crate::schema::{opt, req, Rule, Schema};

static FILTERS: Schema = Schema::of(&[
    req("room_id", Rule::Identifier),
    opt("type", Rule::List(&Rule::Identifier)),
    opt("session_id", Rule::Identifier),
    opt("peer_id", Rule::Identifier),
    opt("user_id", Rule::Identifier),
    opt("beam_id", Rule::Identifier),
    opt("error", Rule::Bool),
    opt("limit", LIMIT),
    opt("start", Rule::Text),
]);

/// `GET /analytics/events`: the `analytics.listEvents` call.
pub static LIST_EVENTS: Endpoint =
    Endpoint::get("analytics.listEvents", "/analytics/events", Reply::Page(Paging::EventsNext)).query(&FILTERS);
