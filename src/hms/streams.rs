//! Live streams (HLS) and external streams (RTMP out): started on a room, stopped one by one
//! or all at once, listed and retrieved.

use super::common::{JOB_FILTERS, RESOLUTION, ROOM_ID};
use crate::endpoint::{Endpoint, Paging, Reply};
use crate::error::{Error, Result};
use crate::json::{Map, Value};
use crate::schema::{opt, req, Rule, Schema};

const JOB: Reply = Reply::Object(&["id"]);
const STREAM_ID: &[&str] = &["streamId"];

static HLS_RECORDING: Schema = Schema::of(&[opt("hls_vod", Rule::Bool), opt("single_file_per_layer", Rule::Bool)]);

static START_LIVE: Schema = Schema::of(&[
    opt("meeting_url", Rule::Text),
    opt("recording", Rule::Object(&HLS_RECORDING)),
    opt("destination", Rule::Identifier),
]);

/// A cue in the HLS stream: the payload and how long, in seconds, it stays current.
static TIMED_METADATA: Schema = Schema::of(&[req("payload", Rule::Text), req("duration", Rule::Int(1, 86_400))]);

static START_EXTERNAL: Schema = Schema::of(&[
    opt("meeting_url", Rule::Text),
    req("rtmp_urls", Rule::List(&Rule::Identifier)),
    opt("recording", Rule::Bool),
    opt("resolution", Rule::Object(&RESOLUTION)),
    opt("destination", Rule::Identifier),
])
.check(some_rtmp_url);

fn some_rtmp_url(body: &Map) -> Result<()> {
    match body.get("rtmp_urls").and_then(Value::as_array) {
        Some(urls) if !urls.is_empty() => Ok(()),
        _ => Err(Error::invalid("rtmp_urls", "must list at least one rtmp:// or rtmps:// URL")),
    }
}

/// `POST /live-streams/room/{}/start`: the `liveStreams.start` call.
pub static START_LIVE_STREAM: Endpoint =
    Endpoint::post("liveStreams.start", "/live-streams/room/{}/start", JOB).args(ROOM_ID).body(&START_LIVE);
/// `POST /live-streams/{}/stop`: the `liveStreams.stop` call.
pub static STOP_LIVE: Endpoint = Endpoint::post("liveStreams.stop", "/live-streams/{}/stop", JOB).args(STREAM_ID);
/// `POST /live-streams/room/{}/stop`: the `liveStreams.stopAll` call.
pub static STOP_ALL_LIVE: Endpoint =
    Endpoint::post("liveStreams.stopAll", "/live-streams/room/{}/stop", Reply::Items).args(ROOM_ID);
/// `GET /live-streams/{}`: the `liveStreams.retrieve` call.
pub static RETRIEVE_LIVE: Endpoint = Endpoint::get("liveStreams.retrieve", "/live-streams/{}", JOB).args(STREAM_ID);
/// `GET /live-streams`: the `liveStreams.list` call.
pub static LIST_LIVE: Endpoint =
    Endpoint::get("liveStreams.list", "/live-streams", Reply::Page(Paging::DataLast)).query(&JOB_FILTERS);
/// `POST /live-streams/{}/timed-metadata`: the `liveStreams.sendTimedMetadata` call.
pub static SEND_TIMED_METADATA: Endpoint =
    Endpoint::post("liveStreams.sendTimedMetadata", "/live-streams/{}/timed-metadata", JOB)
        .args(STREAM_ID)
        .body(&TIMED_METADATA);
/// `POST /live-streams/{}/pause-recording`: the `liveStreams.pauseRecording` call.
pub static PAUSE_RECORDING: Endpoint =
    Endpoint::post("liveStreams.pauseRecording", "/live-streams/{}/pause-recording", JOB).args(STREAM_ID);
/// `POST /live-streams/{}/resume-recording`: the `liveStreams.resumeRecording` call.
pub static RESUME_RECORDING: Endpoint =
    Endpoint::post("liveStreams.resumeRecording", "/live-streams/{}/resume-recording", JOB).args(STREAM_ID);

/// `POST /external-streams/room/{}/start`: the `externalStreams.start` call.
pub static START_EXTERNAL_STREAM: Endpoint =
    Endpoint::post("externalStreams.start", "/external-streams/room/{}/start", JOB).args(ROOM_ID).body(&START_EXTERNAL);
/// `POST /external-streams/{}/stop`: the `externalStreams.stop` call.
pub static STOP_EXTERNAL: Endpoint =
    Endpoint::post("externalStreams.stop", "/external-streams/{}/stop", JOB).args(STREAM_ID);
/// `POST /external-streams/room/{}/stop`: the `externalStreams.stopAll` call.
pub static STOP_ALL_EXTERNAL: Endpoint =
    Endpoint::post("externalStreams.stopAll", "/external-streams/room/{}/stop", Reply::Items).args(ROOM_ID);
/// `GET /external-streams/{}`: the `externalStreams.retrieve` call.
pub static RETRIEVE_EXTERNAL: Endpoint =
    Endpoint::get("externalStreams.retrieve", "/external-streams/{}", JOB).args(STREAM_ID);
/// `GET /external-streams`: the `externalStreams.list` call.
pub static LIST_EXTERNAL: Endpoint =
    Endpoint::get("externalStreams.list", "/external-streams", Reply::Page(Paging::DataLast)).query(&JOB_FILTERS);
