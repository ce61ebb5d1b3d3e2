//! The exact request of every VideoSDK call, every rule of the create-room document, and
//! the REST token: raw in the Authorization header (no "Bearer "), with the crawler role.

mod common;

use common::{assert_requests, block_on, case, Case};
use edgeroom::client::{Env, RetryPolicy, Transport};
use edgeroom::http::Method::{Delete, Get, Post};
use edgeroom::http::{HttpRequest, HttpResponse};
use edgeroom::json::Value;
use edgeroom::token::decode_token;
use edgeroom::videosdk::{endpoint, VideoSdkClient, ENDPOINTS, WEBHOOK_EVENTS};
use std::cell::RefCell;

const BASE: &str = "https://api.videosdk.live";

fn cases() -> Vec<Case> {
    vec![
        case("rooms.create", &[], Post, "/v2/rooms").body(json!({
            "customRoomId": "aaa-bbb-ccc",
            "webhook": {"endPoint": "https://hooks.example.com/v", "events": ["participant-joined", "hls-failed"]},
            "autoCloseConfig": {"type": "session-end-and-deactivate", "duration": 60},
            "autoStartConfig": {
                "recording": {"config": {"layout": {"type": "GRID", "priority": "SPEAKER", "gridSize": 4}}, "theme": "DARK",
                    "mode": "video-and-audio", "quality": "high", "orientation": "landscape", "awsDirPath": "rec/"},
                "hls": {"config": {"layout": {"type": "SIDEBAR", "priority": "PIN", "gridSize": 2}, "theme": "LIGHT"}}
            }
        })),
        case("rooms.get", &["abc-xyzw-lmno"], Get, "/v2/rooms/abc-xyzw-lmno"),
        case("rooms.validate", &["abc-xyzw-lmno"], Get, "/v2/rooms/validate/abc-xyzw-lmno"),
        case("rooms.list", &[], Get, "/v2/rooms?page=2&perPage=20").query(json!({"page": 2, "perPage": 20})),
        case("rooms.deactivate", &[], Post, "/v2/rooms/deactivate").body(json!({"roomId": "abc-xyzw-lmno"})),
        case("sessions.list", &[], Get, "/v2/sessions?customRoomId=final-testing").query(json!({"customRoomId": "final-testing"})),
        case("sessions.get", &["s1"], Get, "/v2/sessions/s1"),
        case("sessions.listParticipants", &["s1"], Get, "/v2/sessions/s1/participants"),
        case("sessions.listActiveParticipants", &["s1"], Get, "/v2/sessions/s1/participants/active"),
        case("sessions.getParticipant", &["s1", "p1"], Get, "/v2/sessions/s1/participants/p1"),
        case("sessions.end", &[], Post, "/v2/sessions/end").body(json!({"roomId": "r1", "sessionId": "s1"})),
        case("sessions.removeParticipant", &[], Post, "/v2/sessions/participants/remove")
            .body(json!({"roomId": "r1", "participantId": "p1"})),
        case("recordings.start", &[], Post, "/v2/recordings/start")
            .body(json!({"roomId": "r1", "config": {"layout": {"type": "SPOTLIGHT"}, "mode": "audio", "quality": "low"}})),
        case("recordings.stop", &[], Post, "/v2/recordings/end").body(json!({"roomId": "r1"})),
        case("recordings.list", &[], Get, "/v2/recordings?roomId=r1").query(json!({"roomId": "r1"})),
        case("recordings.get", &["rec1"], Get, "/v2/recordings/rec1"),
        case("recordings.delete", &["rec1"], Delete, "/v2/recordings/rec1"),
        case("hls.start", &[], Post, "/v2/hls/start").body(json!({"roomId": "r1", "config": {"orientation": "portrait"}})),
        case("hls.stop", &[], Post, "/v2/hls/end").body(json!({"roomId": "r1", "id": "h1"})),
        case("hls.getActive", &["r1"], Get, "/v2/hls/r1/active"),
        case("hls.list", &[], Get, "/v2/hls"),
        case("hls.get", &["h1"], Get, "/v2/hls/h1"),
        case("hls.delete", &["h1"], Delete, "/v2/hls/h1"),
        case("rtmp.start", &[], Post, "/v2/livestreams/start")
            .body(json!({"roomId": "r1", "outputs": [{"url": "rtmp://a.rtmp.youtube.com/live2", "streamKey": "k"}]})),
        case("rtmp.stop", &[], Post, "/v2/livestreams/end").body(json!({"roomId": "r1"})),
        case("rtmp.list", &[], Get, "/v2/livestreams"),
        case("rtmp.get", &["l1"], Get, "/v2/livestreams/l1"),
    ]
}

#[test]
fn every_call_builds_its_exact_request() {
    assert_requests(BASE, &cases(), endpoint, ENDPOINTS, &[]);
}

fn create_refused(body: Value) -> String {
    common::refused(BASE, endpoint, "rooms.create", &[], Value::Null, body)
}

fn recording_config(config: Value) -> Value {
    let text = format!(r#"{{"autoStartConfig":{{"recording":{{"config":{}}}}}}}"#, config.to_json());
    edgeroom::json::parse(&text).unwrap()
}

#[test]
fn region_is_refused_as_discontinued() {
    let message = create_refused(json!({"region": "sg001"}));
    assert!(message.starts_with("region: is not accepted; VideoSDK discontinued it"), "{message}");
}

#[test]
fn webhook_events_come_from_the_documented_list() {
    for event in WEBHOOK_EVENTS {
        let body = json!({"webhook": {"endPoint": "https://h.example", "events": [event]}});
        assert!(endpoint("rooms.create").unwrap().build(BASE, &[], &Value::Null, &body).is_ok(), "{event}");
    }
    assert_eq!(WEBHOOK_EVENTS.len(), 20, "the seed lists twenty events");
    let message = create_refused(json!({"webhook": {"endPoint": "https://h.example", "events": ["meeting-joined"]}}));
    assert!(
        message.starts_with("webhook.events[0]: must be one of participant-joined, participant-left,"),
        "{message}"
    );
    assert_eq!(
        create_refused(json!({"webhook": {"events": ["session-started"]}})),
        "webhook.endPoint: is required when events are given"
    );
}

#[test]
fn auto_close_type_and_duration() {
    assert_eq!(
        create_refused(json!({"autoCloseConfig": {"type": "session-closes"}})),
        "autoCloseConfig.type: must be one of session-ends, session-end-and-deactivate"
    );
    assert_eq!(
        create_refused(json!({"autoCloseConfig": {"duration": 0}})),
        "autoCloseConfig.duration: must be an integer from 1 to 10080"
    );
}

#[test]
fn layout_theme_mode_quality_orientation() {
    let path = "autoStartConfig.recording.config";
    for (config, message) in [
        (json!({"layout": {"type": "MOSAIC"}}), format!("{path}.layout.type: must be one of GRID, SPOTLIGHT, SIDEBAR")),
        (json!({"layout": {"priority": "LOUDEST"}}), format!("{path}.layout.priority: must be one of SPEAKER, PIN")),
        (json!({"layout": {"gridSize": 5}}), format!("{path}.layout.gridSize: must be an integer from 1 to 4")),
        (json!({"theme": "BLUE"}), format!("{path}.theme: must be one of DARK, LIGHT, DEFAULT")),
        (json!({"mode": "video"}), format!("{path}.mode: must be one of video-and-audio, audio")),
        (json!({"quality": "ultra"}), format!("{path}.quality: must be one of low, med, high")),
        (json!({"orientation": "square"}), format!("{path}.orientation: must be one of portrait, landscape")),
    ] {
        assert_eq!(create_refused(recording_config(config)), message);
    }
    // The same rules hold for the jobs.
    let message = common::refused(
        BASE,
        endpoint,
        "hls.start",
        &[],
        Value::Null,
        json!({"roomId": "r", "config": {"layout": {"gridSize": 9}}}),
    );
    assert_eq!(message, "config.layout.gridSize: must be an integer from 1 to 4");
}

#[test]
fn job_and_session_rules() {
    let refused = |name: &str, query: Value, body: Value| common::refused(BASE, endpoint, name, &[], query, body);
    assert_eq!(
        refused("rtmp.start", Value::Null, json!({"roomId": "r", "outputs": []})),
        "outputs: must list at least one { url, streamKey }"
    );
    assert_eq!(
        refused("rtmp.start", Value::Null, json!({"roomId": "r", "outputs": [{"url": "rtmp://x"}]})),
        "outputs[0].streamKey: is required"
    );
    assert_eq!(refused("recordings.start", Value::Null, json!({})), "roomId: is required");
    assert_eq!(
        refused("sessions.list", json!({"page": 1}), Value::Null),
        "roomId: or customRoomId is required: say whose sessions to list"
    );
    assert_eq!(
        refused("rooms.list", json!({"perPage": 500}), Value::Null),
        "perPage: must be an integer from 1 to 100"
    );
}

struct Recorder(RefCell<Vec<HttpRequest>>);

impl Transport for Recorder {
    async fn send(&self, request: HttpRequest) -> edgeroom::Result<HttpResponse> {
        self.0.borrow_mut().push(request);
        Ok(HttpResponse::new(200, r#"{"roomId":"abc-xyzw-lmno"}"#))
    }

    async fn sleep(&self, _ms: u64) -> edgeroom::Result<()> {
        Ok(())
    }
}

struct Now;

impl Env for Now {
    fn now_unix(&self) -> i64 {
        1_700_000_000
    }
    fn random16(&self) -> edgeroom::Result<[u8; 16]> {
        Ok([9; 16])
    }
}

#[test]
fn the_rest_token_is_raw_and_has_the_crawler_role() {
    let client = VideoSdkClient::new("api-key", "vsdk-secret", None, RetryPolicy::default()).unwrap();
    let transport = Recorder(RefCell::new(Vec::new()));
    let call =
        client.call(&transport, &Now, endpoint("rooms.get").unwrap(), &["abc-xyzw-lmno"], &Value::Null, &Value::Null);
    let room = block_on(call).unwrap();
    assert_eq!(room["roomId"], "abc-xyzw-lmno");
    let sent = transport.0.borrow();
    let header = sent[0].header("authorization").unwrap();
    assert!(!header.starts_with("Bearer "), "VideoSDK takes the token without a prefix");
    let claims = decode_token(header).unwrap().claims;
    assert_eq!(claims["apikey"], "api-key");
    assert_eq!(claims["roles"], serde_json::json!(["crawler"]));
    assert_eq!(claims["version"], 2);
}
