//! Recordings (browser composite recordings of a room) and their assets.

use super::common::{JOB_FILTERS, RESOLUTION, ROOM_ID};
use crate::endpoint::{Endpoint, Paging, Reply};
use crate::schema::{opt, req, Rule, Schema};

const JOB: Reply = Reply::Object(&["id"]);
const RECORDING_ID: &[&str] = &["recordingId"];
const ASSET_ID: &[&str] = &["assetId"];

static START: Schema = Schema::of(&[
    opt("meeting_url", Rule::Text),
    opt("resolution", Rule::Object(&RESOLUTION)),
    opt("audio_only", Rule::Bool),
    opt("transcription", Rule::AnyObject),
]);

/// How long a presigned download URL lives: a minute to a week.
static PRESIGN: Schema = Schema::of(&[req("presign_duration", Rule::Int(60, 604_800))]);

static ASSET_FILTERS: Schema = Schema::of(&[
    opt("room_id", Rule::Identifier),
    opt("job_id", Rule::Identifier),
    opt("session_id", Rule::Identifier),
    opt("status", Rule::Identifier),
    opt("type", Rule::Identifier),
    opt("limit", super::common::LIMIT),
    opt("start", Rule::Text),
]);

/// `POST /recordings/room/{}/start`: the `recordings.start` call.
pub static START_RECORDING: Endpoint =
    Endpoint::post("recordings.start", "/recordings/room/{}/start", JOB).args(ROOM_ID).body(&START);
/// `POST /recordings/{}/stop`: the `recordings.stop` call.
pub static STOP: Endpoint = Endpoint::post("recordings.stop", "/recordings/{}/stop", JOB).args(RECORDING_ID);
/// `POST /recordings/room/{}/stop`: the `recordings.stopAll` call.
pub static STOP_ALL: Endpoint =
    Endpoint::post("recordings.stopAll", "/recordings/room/{}/stop", Reply::Items).args(ROOM_ID);
/// `GET /recordings/{}`: the `recordings.retrieve` call.
pub static RETRIEVE: Endpoint = Endpoint::get("recordings.retrieve", "/recordings/{}", JOB).args(RECORDING_ID);
/// `GET /recordings`: the `recordings.list` call.
pub static LIST: Endpoint =
    Endpoint::get("recordings.list", "/recordings", Reply::Page(Paging::DataLast)).query(&JOB_FILTERS);
/// `GET /recordings/{}/config`: the `recordings.retrieveConfig` call.
pub static RETRIEVE_CONFIG: Endpoint =
    Endpoint::get("recordings.retrieveConfig", "/recordings/{}/config", Reply::Object(&[])).args(RECORDING_ID);

/// `GET /recording-assets/{}`: the `recordingAssets.retrieve` call.
pub static RETRIEVE_ASSET: Endpoint =
    Endpoint::get("recordingAssets.retrieve", "/recording-assets/{}", JOB).args(ASSET_ID);
/// `GET /recording-assets`: the `recordingAssets.list` call.
pub static LIST_ASSETS: Endpoint =
    Endpoint::get("recordingAssets.list", "/recording-assets", Reply::Page(Paging::DataLast)).query(&ASSET_FILTERS);
/// `GET /recording-assets/{}/presigned-url`: the `recordingAssets.generatePreSignedURL` call.
pub static PRESIGNED_URL: Endpoint = Endpoint::get(
    "recordingAssets.generatePreSignedURL",
    "/recording-assets/{}/presigned-url",
    Reply::Object(&["url"]),
)
.args(ASSET_ID)
.query(&PRESIGN);
