//! VideoSDK media jobs: cloud recordings, HLS streams and RTMP live streams.

use super::config::CONFIG;
use super::rooms::ROOM_ID;
use crate::endpoint::{Endpoint, Paging, Reply};
use crate::error::{Error, Result};
use crate::json::{Map, Value};
use crate::schema::{opt, req, Rule, Schema};

const ID: &[&str] = &["id"];
const JOB: Reply = Reply::Object(&[]);
const PAGE: Reply = Reply::Page(Paging::PageNumber);

static JOB_LIST: Schema = Schema::of(&[
    opt("roomId", Rule::Identifier),
    opt("sessionId", Rule::Identifier),
    opt("page", super::rooms::PAGE),
    opt("perPage", Rule::Int(1, 100)),
]);

static START_RECORDING: Schema = Schema::of(&[
    req("roomId", Rule::Identifier),
    opt("templateUrl", Rule::Text),
    opt("config", Rule::Object(&CONFIG)),
    opt("awsDirPath", Rule::Text),
    opt("webhookUrl", Rule::Text),
    opt("transcription", Rule::AnyObject),
]);

static START_HLS: Schema = Schema::of(&[
    req("roomId", Rule::Identifier),
    opt("templateUrl", Rule::Text),
    opt("config", Rule::Object(&CONFIG)),
    opt("transcription", Rule::AnyObject),
]);

static RTMP_OUTPUT: Schema = Schema::of(&[req("url", Rule::Text), req("streamKey", Rule::Text)]);

static START_RTMP: Schema = Schema::of(&[
    req("roomId", Rule::Identifier),
    req("outputs", Rule::List(&Rule::Object(&RTMP_OUTPUT))),
    opt("templateUrl", Rule::Text),
    opt("config", Rule::Object(&CONFIG)),
])
.check(some_output);

fn some_output(body: &Map) -> Result<()> {
    match body.get("outputs").and_then(Value::as_array) {
        Some(outputs) if !outputs.is_empty() => Ok(()),
        _ => Err(Error::invalid("outputs", "must list at least one { url, streamKey }")),
    }
}

static BY_ROOM: Schema = Schema::of(&[req("roomId", Rule::Identifier)]);
static HLS_END: Schema = Schema::of(&[req("roomId", Rule::Identifier), opt("id", Rule::Identifier)]);

/// `POST /v2/recordings/start`: the `recordings.start` call.
pub static START_RECORDING_JOB: Endpoint =
    Endpoint::post("recordings.start", "/v2/recordings/start", Reply::Empty).body(&START_RECORDING);
/// The docs say `/stop` in one place; the API and VideoSDK's own SDK use `/end`.
pub static STOP_RECORDING: Endpoint =
    Endpoint::post("recordings.stop", "/v2/recordings/end", Reply::Empty).body(&BY_ROOM);
/// `GET /v2/recordings`: the `recordings.list` call.
pub static LIST_RECORDINGS: Endpoint = Endpoint::get("recordings.list", "/v2/recordings", PAGE).query(&JOB_LIST);
/// `GET /v2/recordings/{}`: the `recordings.get` call.
pub static GET_RECORDING: Endpoint = Endpoint::get("recordings.get", "/v2/recordings/{}", JOB).args(ID);
/// `DELETE /v2/recordings/{}`: the `recordings.delete` call.
pub static DELETE_RECORDING: Endpoint =
    Endpoint::delete("recordings.delete", "/v2/recordings/{}", Reply::Empty).args(ID);

/// `POST /v2/hls/start`: the `hls.start` call.
pub static START_HLS_JOB: Endpoint = Endpoint::post("hls.start", "/v2/hls/start", Reply::Empty).body(&START_HLS);
/// `POST /v2/hls/end`: the `hls.stop` call.
pub static STOP_HLS: Endpoint = Endpoint::post("hls.stop", "/v2/hls/end", Reply::Empty).body(&HLS_END);
/// `GET /v2/hls/{}/active`: the `hls.getActive` call.
pub static GET_ACTIVE_HLS: Endpoint = Endpoint::get("hls.getActive", "/v2/hls/{}/active", JOB).args(ROOM_ID);
/// `GET /v2/hls`: the `hls.list` call.
pub static LIST_HLS: Endpoint = Endpoint::get("hls.list", "/v2/hls", PAGE).query(&JOB_LIST);
/// `GET /v2/hls/{}`: the `hls.get` call.
pub static GET_HLS: Endpoint = Endpoint::get("hls.get", "/v2/hls/{}", JOB).args(ID);
/// `DELETE /v2/hls/{}`: the `hls.delete` call.
pub static DELETE_HLS: Endpoint = Endpoint::delete("hls.delete", "/v2/hls/{}", Reply::Empty).args(ID);

/// `POST /v2/livestreams/start`: the `rtmp.start` call.
pub static START_RTMP_JOB: Endpoint =
    Endpoint::post("rtmp.start", "/v2/livestreams/start", Reply::Empty).body(&START_RTMP);
/// `POST /v2/livestreams/end`: the `rtmp.stop` call.
pub static STOP_RTMP: Endpoint = Endpoint::post("rtmp.stop", "/v2/livestreams/end", Reply::Empty).body(&BY_ROOM);
/// `GET /v2/livestreams`: the `rtmp.list` call.
pub static LIST_RTMP: Endpoint = Endpoint::get("rtmp.list", "/v2/livestreams", PAGE).query(&JOB_LIST);
/// `GET /v2/livestreams/{}`: the `rtmp.get` call.
pub static GET_RTMP: Endpoint = Endpoint::get("rtmp.get", "/v2/livestreams/{}", JOB).args(ID);
