//! The exact request of every 100ms call: method, URL (with encoded path and query) and
//! body, one row per call, plus the documented rules of each resource.

mod common;

use common::{assert_requests, case, hms_client, Case};
use edgeroom::by_name::ByName;
use edgeroom::hms::CALLS;
use edgeroom::http::Method::{Delete, Get, Post};
use serde_json::{json, Value};

const BASE: &str = "https://api.100ms.live/v2";

fn cases() -> Vec<Case> {
    vec![
        case("rooms.create", &[], Post, "/rooms").body(json!({"name": "new-room-1662723668", "template_id": "t1"})),
        case("rooms.retrieveById", &["r1"], Get, "/rooms/r1"),
        case("rooms.retrieveByName", &[], Get, "/rooms?name=class%209pm").query(json!({"name": "class 9pm"})),
        case("rooms.update", &["r1"], Post, "/rooms/r1").body(json!({"description": "d"})),
        case("rooms.enableOrDisable", &["r1"], Post, "/rooms/r1").body(json!({"enabled": true})),
        case("rooms.list", &[], Get, "/rooms?after=2022-01-01T01%3A00%3A00.000Z&before=2022-03-31T01%3A00%3A00.000Z&limit=20&start=6284eb3f119d5dbdd03ac068")
            .query(json!({"after": "2022-01-01T01:00:00.000Z", "before": "2022-03-31T01:00:00.000Z", "limit": 20, "start": "6284eb3f119d5dbdd03ac068"})),
        case("roomCodes.list", &["r1"], Get, "/room-codes/room/r1"),
        case("roomCodes.create", &["r1"], Post, "/room-codes/room/r1"),
        case("roomCodes.createForRole", &["r1", "host"], Post, "/room-codes/room/r1/role/host"),
        case("roomCodes.enableOrDisable", &[], Post, "/room-codes/code").body(json!({"code": "abc-defg-hij", "enabled": false})),
        case("streamKeys.create", &["r1"], Post, "/stream-keys/room/r1"),
        case("streamKeys.retrieve", &["r1"], Get, "/stream-keys/room/r1"),
        case("streamKeys.disable", &["r1"], Post, "/stream-keys/room/r1/disable"),
        case("sessions.retrieveById", &["s1"], Get, "/sessions/s1"),
        case("sessions.list", &[], Get, "/sessions?after=2022-01-01T01%3A00%3A00.000Z&before=2022-03-31T01%3A00%3A00.000Z&room_id=r1")
            .query(json!({"room_id": "r1", "after": "2022-01-01T01:00:00.000Z", "before": "2022-03-31T01:00:00.000Z"})),
        case("sessions.retrieveActiveByRoom", &[], Get, "/sessions?active=true&room_id=r1").query(json!({"room_id": "r1"})),
        case("recordingAssets.retrieve", &["a1"], Get, "/recording-assets/a1"),
        case("recordingAssets.list", &[], Get, "/recording-assets?status=failed").query(json!({"status": "failed"})),
        case("recordingAssets.generatePreSignedURL", &["a1"], Get, "/recording-assets/a1/presigned-url?presign_duration=3600")
            .query(json!({"presign_duration": 3600})),
        case("activeRooms.retrieve", &["r1"], Get, "/active-rooms/r1"),
        case("activeRooms.retrievePeerDetails", &["r1", "p1"], Get, "/active-rooms/r1/peers/p1"),
        case("activeRooms.retrieveActivePeers", &["r1"], Get, "/active-rooms/r1/peers"),
        case("activeRooms.updatePeer", &["r1", "p1"], Post, "/active-rooms/r1/peers/p1")
            .body(json!({"name": "Ana", "role": "guest", "metadata": "{\"hand\":true}"})),
        case("activeRooms.sendMessage", &["r1"], Post, "/active-rooms/r1/send-message")
            .body(json!({"message": "hi", "peer_id": "p1", "type": "chat"})),
        case("activeRooms.removePeer", &["r1"], Post, "/active-rooms/r1/remove-peers").body(json!({"role": "guest", "reason": "abuse"})),
        case("activeRooms.end", &["r1"], Post, "/active-rooms/r1/end-room").body(json!({"reason": "over", "lock": true})),
        case("recordings.start", &["r1"], Post, "/recordings/room/r1/start")
            .body(json!({"meeting_url": "https://x.app.100ms.live/preview/abc", "resolution": {"width": 1280, "height": 720}})),
        case("recordings.stopAll", &["r1"], Post, "/recordings/room/r1/stop"),
        case("recordings.stop", &["rec1"], Post, "/recordings/rec1/stop"),
        case("recordings.retrieve", &["rec1"], Get, "/recordings/rec1"),
        case("recordings.list", &[], Get, "/recordings?room_id=r1").query(json!({"room_id": "r1"})),
        case("recordings.retrieveConfig", &["rec1"], Get, "/recordings/rec1/config"),
        case("liveStreams.list", &[], Get, "/live-streams"),
        case("liveStreams.sendTimedMetadata", &["ls1"], Post, "/live-streams/ls1/timed-metadata").body(json!({"payload": "q1", "duration": 30})),
        case("liveStreams.pauseRecording", &["ls1"], Post, "/live-streams/ls1/pause-recording"),
        case("liveStreams.resumeRecording", &["ls1"], Post, "/live-streams/ls1/resume-recording"),
        case("liveStreams.stopAll", &["r1"], Post, "/live-streams/room/r1/stop"),
        case("liveStreams.stop", &["ls1"], Post, "/live-streams/ls1/stop"),
        case("liveStreams.retrieve", &["ls1"], Get, "/live-streams/ls1"),
        case("liveStreams.start", &["r1"], Post, "/live-streams/room/r1/start")
            .body(json!({"recording": {"hls_vod": true, "single_file_per_layer": false}})),
        case("externalStreams.start", &["r1"], Post, "/external-streams/room/r1/start")
            .body(json!({"rtmp_urls": ["rtmp://a.rtmp.youtube.com/live2/key"], "recording": true})),
        case("externalStreams.stopAll", &["r1"], Post, "/external-streams/room/r1/stop"),
        case("externalStreams.stop", &["es1"], Post, "/external-streams/es1/stop"),
        case("externalStreams.list", &[], Get, "/external-streams"),
        case("externalStreams.retrieve", &["es1"], Get, "/external-streams/es1"),
        case("analytics.listEvents", &[], Get, "/analytics/events?room_id=r1&start=a%3Ab~c%3D&type=track.add.success&type=track.remove.success")
            .query(json!({"room_id": "r1", "type": ["track.add.success", "track.remove.success"], "start": "a:b~c="})),
        case("analytics.listTrackEvents", &[], Get, "/analytics/events?room_id=r1&type=track.add.success&type=track.update.success&type=track.remove.success")
            .query(json!({"room_id": "r1"})),
        case("analytics.listRecordingEvents", &[], Get, "/analytics/events?room_id=r1&type=beam.recording.success")
            .query(json!({"room_id": "r1"})),
        case("polls.create", &[], Post, "/polls").body(json!({"title": "Lunch?", "type": "poll", "questions": [{"text": "Where?", "type": "single-choice"}]})),
        case("polls.retrieve", &["p1"], Get, "/polls/p1"),
        case("polls.update", &["p1"], Post, "/polls/p1").body(json!({"title": "Dinner?"})),
        case("polls.updateQuestion", &["p1", "q1"], Post, "/polls/p1/questions/q1").body(json!({"text": "Where now?"})),
        case("polls.deleteQuestion", &["p1", "q1"], Delete, "/polls/p1/questions/q1"),
        case("polls.updateOption", &["p1", "q1", "o1"], Post, "/polls/p1/questions/q1/options/o1").body(json!({"text": "Here"})),
        case("polls.deleteOption", &["p1", "q1", "o1"], Delete, "/polls/p1/questions/q1/options/o1"),
        case("polls.retrieveSession", &["p1", "s1"], Get, "/polls/p1/sessions/s1"),
        case("polls.retrieveResults", &["p1", "s1"], Get, "/polls/p1/sessions/s1/results"),
        case("polls.retrieveResult", &["p1", "s1", "x1"], Get, "/polls/p1/sessions/s1/results/x1"),
        case("polls.retrieveResponses", &["p1", "s1"], Get, "/polls/p1/sessions/s1/responses"),
        case("polls.retrieveResponse", &["p1", "s1", "x1"], Get, "/polls/p1/sessions/s1/responses/x1"),
        case("templates.list", &[], Get, "/templates"),
        case("templates.retrieve", &["t1"], Get, "/templates/t1"),
        case("templates.create", &[], Post, "/templates").body(json!({"name": "webinar", "roles": {"host": {"name": "host"}}})),
        case("templates.update", &["t1"], Post, "/templates/t1").body(json!({"settings": {"region": "eu"}})),
        case("templates.retrieveRole", &["t1", "host"], Get, "/templates/t1/roles/host"),
        case("templates.createOrUpdateRole", &["t1", "host"], Post, "/templates/t1/roles/host").body(json!({"priority": 1})),
        case("templates.deleteRole", &["t1", "host"], Delete, "/templates/t1/roles/host"),
        case("templates.retrieveSettings", &["t1"], Get, "/templates/t1/settings"),
        case("templates.updateSettings", &["t1"], Post, "/templates/t1/settings").body(json!({"region": "in"})),
        case("templates.configureRecordings", &["t1"], Post, "/templates/t1/recordings")
            .body(json!([{"name": "composite", "role": "host", "maxDuration": 3600}])),
        case("templates.retrieveRecordingsConfig", &["t1"], Get, "/templates/t1/recordings"),
    ]
}

#[test]
fn every_call_builds_its_exact_request() {
    // The token exchange needs no management token and has its own test in the crate.
    assert_requests(&hms_client(), BASE, &cases(), CALLS, &["auth.exchangeRoomCode"]);
}

/// Query and body are one params value now; the cases name both for readability.
fn refused(name: &str, args: &[&str], query: Value, body: Value) -> String {
    let params = if query.is_null() { body } else { query };
    common::refused(&hms_client(), name, args, params)
}

#[test]
fn active_room_rules() {
    assert_eq!(
        refused("activeRooms.removePeer", &["r"], Value::Null, json!({"reason": "x"})),
        "peer_id: or role is required: say whom to remove"
    );
    assert_eq!(
        refused("activeRooms.sendMessage", &["r"], Value::Null, json!({"peer_id": "p"})),
        "message: is required"
    );
    assert_eq!(
        refused("activeRooms.sendMessage", &["r"], Value::Null, json!({"message": "m", "peerId": "p"})),
        "peerId: is not a known field (known: message, peer_id, role, type)"
    );
    assert_eq!(
        refused("activeRooms.updatePeer", &["r", "p"], Value::Null, json!({})),
        "params: name at least one of name, role, metadata"
    );
    assert_eq!(
        refused("activeRooms.end", &["r"], Value::Null, json!({"lock": "yes"})),
        "lock: must be a boolean, not a string"
    );
}

#[test]
fn media_job_rules() {
    assert_eq!(
        refused("recordings.start", &["r"], Value::Null, json!({"resolution": {"width": 320, "height": 720}})),
        "resolution.width: must be an integer from 500 to 1920"
    );
    assert_eq!(refused("externalStreams.start", &["r"], Value::Null, json!({})), "rtmp_urls: is required");
    assert_eq!(
        refused("externalStreams.start", &["r"], Value::Null, json!({"rtmp_urls": []})),
        "rtmp_urls: must list at least one rtmp:// or rtmps:// URL"
    );
    assert_eq!(
        refused("liveStreams.sendTimedMetadata", &["l"], Value::Null, json!({"payload": "p"})),
        "duration: is required"
    );
    assert_eq!(
        refused("recordingAssets.generatePreSignedURL", &["a"], json!({"presign_duration": 30}), Value::Null),
        "presign_duration: must be an integer from 60 to 604800"
    );
}

#[test]
fn list_and_analytics_rules() {
    assert_eq!(refused("analytics.listEvents", &[], json!({"type": ["x"]}), Value::Null), "room_id: is required");
    assert_eq!(
        refused("analytics.listEvents", &[], json!({"room_id": "r", "limit": 101}), Value::Null),
        "limit: must be an integer from 1 to 100"
    );
    assert_eq!(
        refused("sessions.list", &[], json!({"after": 1_700_000_000}), Value::Null),
        "after: must be a string, not a number"
    );
    assert_eq!(
        refused("sessions.list", &[], json!({"after": "yesterday"}), Value::Null),
        "after: must be an ISO 8601 date-time string such as 2024-01-31T12:00:00Z"
    );
    assert_eq!(refused("recordings.list", &[], json!({"room": "r"}), Value::Null).split(' ').next(), Some("room:"));
}

#[test]
fn poll_and_template_rules() {
    assert_eq!(refused("polls.create", &[], Value::Null, json!({"questions": []})), "title: is required");
    assert_eq!(
        refused("polls.create", &[], Value::Null, json!({"title": "t", "type": "survey"})),
        "type: must be one of poll, quiz"
    );
    assert_eq!(
        refused("templates.create", &[], Value::Null, json!({"name": "has space"})),
        "name: only a-z A-Z 0-9 . - : _ are allowed"
    );
    assert_eq!(
        refused("templates.configureRecordings", &["t"], Value::Null, json!({"name": "x", "role": "host"})),
        "params: must be an array, not an object"
    );
    assert_eq!(
        refused("templates.configureRecordings", &["t"], Value::Null, json!([{"name": "x"}])),
        "params[0].role: is required"
    );
    assert_eq!(
        refused("templates.deleteRole", &["t", ".."], Value::Null, Value::Null),
        "roleName: must not be . or .."
    );
}

/// A `null` the caller put inside a free-form map is sent as given (only an absent optional
/// field is left out): one row per free-form map of the 100ms params.
#[test]
fn nulls_inside_free_form_maps_are_sent_as_given() {
    let rows: &[(&str, &[&str], Value)] = &[
        (
            "rooms.create",
            &[],
            json!({"name": "r", "webhook": {"url": "https://h.example", "headers": {"x-secret": "s", "x-off": null}}}),
        ),
        ("rooms.update", &["r1"], json!({"webhook": {"url": "https://h.example", "headers": {"x-off": null}}})),
        ("recordings.start", &["r1"], json!({"transcription": {"enabled": true, "custom_vocabulary": null}})),
        (
            "polls.create",
            &[],
            json!({"title": "t", "questions": [{"text": "q", "type": "single-choice", "options": null}]}),
        ),
        ("polls.create", &[], json!({"title": "t", "vendor_field": null})),
        (
            "templates.create",
            &[],
            json!({"name": "w", "roles": {"host": null}, "settings": {"region": null}, "destinations": {"hlsDestinations": null}}),
        ),
        ("templates.create", &[], json!({"name": "w", "vendorField": null})),
        (
            "templates.createOrUpdateRole",
            &["t1", "host"],
            json!({"publishParams": {"simulcast": null}, "subscribeParams": {"subscribeToRoles": null}, "permissions": {"endRoom": null}}),
        ),
        (
            "templates.configureRecordings",
            &["t1"],
            json!([{"name": "c", "role": "host", "thumbnails": {"enabled": null}, "compositeRecording": {"browserComposite": null}, "trackRecording": {"enabled": null}, "streamRecording": {"enabled": null}}]),
        ),
    ];
    for (name, args, params) in rows {
        let request =
            hms_client().request_by_name(name, args, params.clone()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let sent: Value = serde_json::from_str(request.body.as_deref().expect("a body")).unwrap();
        assert_eq!(&sent, params, "{name}");
    }
}

/// An absent optional field (or one given as `null`: JavaScript's `{ description: maybe }`) is
/// left out, at the top and in nested typed params.
#[test]
fn absent_optional_fields_are_left_out() {
    let request = hms_client()
        .request_by_name(
            "rooms.create",
            &[],
            json!({"name": "r", "description": null, "recording_info": {"enabled": true, "upload_info": null}}),
        )
        .unwrap();
    let sent: Value = serde_json::from_str(request.body.as_deref().unwrap()).unwrap();
    assert_eq!(sent, json!({"name": "r", "recording_info": {"enabled": true}}));
}
