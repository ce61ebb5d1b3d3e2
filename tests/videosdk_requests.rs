//! The exact request of every VideoSDK call, every rule of the create-room document, and
//! the REST token: raw in the Authorization header (no "Bearer "), with the crawler role.

mod common;

use common::{videosdk_client, VIDEOSDK_API_KEY};
use edgeroom::call::{params_from_json, Call};
use edgeroom::client::{Env, Provider, Transport};
use edgeroom::http::Method::{self, Delete, Get, Post};
use edgeroom::http::{HttpRequest, HttpResponse};
use edgeroom::token::decode_token;
use edgeroom::videosdk::{self as v, VideoSdkClient, CALLS, WEBHOOK_EVENTS};
use serde_json::{json, Value};
use std::cell::RefCell;

const BASE: &str = "https://api.videosdk.live";

/// One call's exact request: its name, method, URL below the base, and JSON body.
struct Case {
    name: &'static str,
    method: Method,
    url: String,
    body: Option<Value>,
}

/// The call `C` from JavaScript-shaped path arguments and params, as the wasm layer makes it.
fn case<C: Call<Provider = VideoSdkClient>>(args: &[&str], params: Value, method: Method, url: &str) -> Case {
    let params: C::Params = params_from_json(params).unwrap_or_else(|e| panic!("{}: {e}", C::SPEC.name));
    let call = C::from_parts(args.iter().map(|a| a.to_string()).collect(), params).unwrap();
    let request = videosdk_client().request(&call).unwrap_or_else(|e| panic!("{}: {e}", C::SPEC.name));
    let body = request.body.as_deref().map(|b| serde_json::from_str(b).unwrap());
    assert_eq!(request.method, method, "{}", C::SPEC.name);
    assert_eq!(request.url, format!("{BASE}{url}"), "{}", C::SPEC.name);
    Case { name: C::SPEC.name, method, url: url.to_owned(), body }
}

/// The message of the error the call `C` raises for these params.
fn refused<C: Call<Provider = VideoSdkClient>>(args: &[&str], params: Value) -> String {
    let params: C::Params = match params_from_json(params) {
        Ok(params) => params,
        Err(e) => return e.message().to_owned(),
    };
    let call = C::from_parts(args.iter().map(|a| a.to_string()).collect(), params).unwrap();
    videosdk_client().request(&call).map(|r| r.url).unwrap_err().message().to_owned()
}

fn cases() -> Vec<(Case, Option<Value>)> {
    let with = |c: Case, body: Value| (c, Some(body));
    let none = |c: Case| (c, None);
    let create = json!({
        "customRoomId": "aaa-bbb-ccc",
        "webhook": {"endPoint": "https://hooks.example.com/v", "events": ["participant-joined", "hls-failed"]},
        "autoCloseConfig": {"type": "session-end-and-deactivate", "duration": 60},
        "autoStartConfig": {
            "recording": {"config": {"layout": {"type": "GRID", "priority": "SPEAKER", "gridSize": 4}}, "theme": "DARK",
                "mode": "video-and-audio", "quality": "high", "orientation": "landscape", "awsDirPath": "rec/"},
            "hls": {"config": {"layout": {"type": "SIDEBAR", "priority": "PIN", "gridSize": 2}, "theme": "LIGHT"}}
        }
    });
    let rec = json!({"roomId": "r1", "config": {"layout": {"type": "SPOTLIGHT"}, "mode": "audio", "quality": "low"}});
    let rec_upload = json!({"roomId": "r1", "awsDirPath": "rec/", "preSignedUrl": "https://up.example.com/put",
        "webhookUrl": "https://hooks.example.com/r"});
    let rtmp = json!({"roomId": "r1", "outputs": [{"url": "rtmp://a.rtmp.youtube.com/live2", "streamKey": "k"}]});
    let capture = json!({"roomId": "r1", "format": "jpg", "width": 1280, "height": 720});
    let prec = json!({"roomId": "r1", "participantId": "p1", "fileFormat": "webm", "bucketDirPath": "d/"});
    let trec = json!({"roomId": "r1", "participantId": "p1", "kind": "audio", "fileFormat": "mp3"});
    let crec = json!({"roomId": "r1", "participants": [{"participantId": "p1"}], "preSignedURL": "https://up"});
    let merge =
        json!({"sessionId": "s1", "channel1": [{"participantId": "p1"}], "channel2": [{"participantId": "p2"}]});
    let tmerge = json!({"recordingIds": ["a", "b"], "webhookUrl": "https://h"});
    let h2m = json!({"roomId": "r1", "storage": {"type": "gcp", "bucket": "b"}});
    let mrm = json!({"recordingIds": ["a", {"id": "b", "presignedUrl": "https://p"}]});
    let rtt = json!({"roomId": "r1", "modelId": "m", "summary": {"enabled": false}});
    // The official SDK's other start and end fields, by their wire names.
    let rec_all = json!({"roomId": "r1", "onFailure": {"action": "close-room", "waitTime": 30}, "fileFormat": "webm",
        "resourceId": "res1", "preSignedUrl": "https://up.example/x"});
    let hls_all = json!({"roomId": "r1", "webhookUrl": "https://h.example", "recording": {"enabled": true}, "resourceId": "res1"});
    let rtmp_all = json!({"roomId": "r1", "outputs": [{"url": "rtmp://a.example/live", "streamKey": "k"}],
        "transcription": {"enabled": true}, "resourceId": "res1"});
    let end_all = json!({"roomId": "r1", "sessionId": "s1", "vsdkForceKill": true, "ignoreClosed": false});
    let create_more = json!({"geoFence": "eu001", "multiComposition": {"recording": true, "hls": false, "rtmp": true},
        "allowedParticipantIds": ["ann", "ben"]});
    vec![
        with(case::<v::rooms::CreateRoom>(&[], create.clone(), Post, "/v2/rooms"), create),
        with(case::<v::rooms::CreateRoom>(&[], create_more.clone(), Post, "/v2/rooms"), create_more),
        none(case::<v::rooms::GetRoom>(&["abc-xyzw-lmno"], Value::Null, Get, "/v2/rooms/abc-xyzw-lmno")),
        none(case::<v::rooms::ValidateRoom>(&["abc-xyzw-lmno"], Value::Null, Get, "/v2/rooms/validate/abc-xyzw-lmno")),
        none(case::<v::rooms::ListRooms>(&[], json!({"page": 2, "perPage": 20}), Get, "/v2/rooms?page=2&perPage=20")),
        with(
            case::<v::rooms::DeactivateRoom>(&[], json!({"roomId": "abc-xyzw-lmno"}), Post, "/v2/rooms/deactivate"),
            json!({"roomId": "abc-xyzw-lmno"}),
        ),
        none(case::<v::sessions::ListSessions>(
            &[],
            json!({"customRoomId": "final-testing"}),
            Get,
            "/v2/sessions?customRoomId=final-testing",
        )),
        // Epoch milliseconds stay numbers, as the official SDK sends them.
        none(case::<v::sessions::ListSessions>(
            &[],
            json!({"roomId": "r1", "query": "r1", "startDate": 1767225600000_i64, "endDate": 1767312000000_i64}),
            Get,
            "/v2/sessions?endDate=1767312000000&query=r1&roomId=r1&startDate=1767225600000",
        )),
        none(case::<v::sessions::GetSession>(&["s1"], Value::Null, Get, "/v2/sessions/s1")),
        none(case::<v::sessions::ListParticipants>(&["s1"], Value::Null, Get, "/v2/sessions/s1/participants")),
        none(case::<v::sessions::ListActiveParticipants>(
            &["s1"],
            Value::Null,
            Get,
            "/v2/sessions/s1/participants/active",
        )),
        none(case::<v::sessions::GetParticipant>(&["s1", "p1"], Value::Null, Get, "/v2/sessions/s1/participants/p1")),
        with(
            case::<v::sessions::EndSession>(&[], json!({"roomId": "r1", "sessionId": "s1"}), Post, "/v2/sessions/end"),
            json!({"roomId": "r1", "sessionId": "s1"}),
        ),
        with(
            case::<v::sessions::RemoveParticipant>(
                &[],
                json!({"roomId": "r1", "participantId": "p1"}),
                Post,
                "/v2/sessions/participants/remove",
            ),
            json!({"roomId": "r1", "participantId": "p1"}),
        ),
        with(case::<v::media::StartRecording>(&[], rec.clone(), Post, "/v2/recordings/start"), rec),
        with(case::<v::media::StartRecording>(&[], rec_upload.clone(), Post, "/v2/recordings/start"), rec_upload),
        with(case::<v::media::StartRecording>(&[], rec_all.clone(), Post, "/v2/recordings/start"), rec_all),
        with(case::<v::media::StartHls>(&[], hls_all.clone(), Post, "/v2/hls/start"), hls_all),
        with(case::<v::media::StartRtmp>(&[], rtmp_all.clone(), Post, "/v2/livestreams/start"), rtmp_all),
        with(case::<v::sessions::EndSession>(&[], end_all.clone(), Post, "/v2/sessions/end"), end_all),
        with(
            case::<v::media::StopRecording>(&[], json!({"roomId": "r1"}), Post, "/v2/recordings/end"),
            json!({"roomId": "r1"}),
        ),
        // One job by its id, as the official SDK's stop({ roomId, id }).
        with(
            case::<v::media::StopRecording>(&[], json!({"roomId": "r1", "id": "rec1"}), Post, "/v2/recordings/end"),
            json!({"roomId": "r1", "id": "rec1"}),
        ),
        none(case::<v::media::ListRecordings>(&[], json!({"roomId": "r1"}), Get, "/v2/recordings?roomId=r1")),
        none(case::<v::media::ListRecordings>(
            &[],
            json!({"query": "r.*", "withTranscription": true}),
            Get,
            "/v2/recordings?query=r.%2A&withTranscription=true",
        )),
        none(case::<v::media::ListRecordings>(
            &[],
            json!({"withTranscription": false}),
            Get,
            "/v2/recordings?withTranscription=false",
        )),
        none(case::<v::media::GetRecording>(&["rec1"], Value::Null, Get, "/v2/recordings/rec1")),
        none(case::<v::media::DeleteRecording>(&["rec1"], Value::Null, Delete, "/v2/recordings/rec1")),
        with(
            case::<v::media::StartHls>(
                &[],
                json!({"roomId": "r1", "config": {"orientation": "portrait"}}),
                Post,
                "/v2/hls/start",
            ),
            json!({"roomId": "r1", "config": {"orientation": "portrait"}}),
        ),
        with(
            case::<v::media::StopHls>(&[], json!({"roomId": "r1", "id": "h1"}), Post, "/v2/hls/end"),
            json!({"roomId": "r1", "id": "h1"}),
        ),
        none(case::<v::media::GetActiveHls>(&["r1"], Value::Null, Get, "/v2/hls/r1/active")),
        none(case::<v::media::ListHls>(&[], Value::Null, Get, "/v2/hls")),
        none(case::<v::media::GetHls>(&["h1"], Value::Null, Get, "/v2/hls/h1")),
        none(case::<v::media::DeleteHls>(&["h1"], Value::Null, Delete, "/v2/hls/h1")),
        with(case::<v::media::StartRtmp>(&[], rtmp.clone(), Post, "/v2/livestreams/start"), rtmp),
        with(
            case::<v::media::StopRtmp>(&[], json!({"roomId": "r1"}), Post, "/v2/livestreams/end"),
            json!({"roomId": "r1"}),
        ),
        with(
            case::<v::media::StopRtmp>(&[], json!({"roomId": "r1", "id": "ls1"}), Post, "/v2/livestreams/end"),
            json!({"roomId": "r1", "id": "ls1"}),
        ),
        none(case::<v::media::ListRtmp>(&[], Value::Null, Get, "/v2/livestreams")),
        none(case::<v::media::ListRtmp>(&[], json!({"query": "r1"}), Get, "/v2/livestreams?query=r1")),
        none(case::<v::media::ListHls>(&[], json!({"query": "r1"}), Get, "/v2/hls?query=r1")),
        none(case::<v::media::GetRtmp>(&["l1"], Value::Null, Get, "/v2/livestreams/l1")),
        none(case::<v::stats::GetSessionQualityStats>(&["s1"], Value::Null, Get, "/v2/sessions/s1/stats")),
        none(case::<v::stats::GetParticipantQualityStats>(
            &["s1", "p1"],
            Value::Null,
            Get,
            "/v2/sessions/s1/participant/p1/stats",
        )),
        with(case::<v::media::CaptureHls>(&[], capture.clone(), Post, "/v2/hls/capture"), capture),
        with(
            case::<v::recordings::StartParticipantRecording>(
                &[],
                prec.clone(),
                Post,
                "/v2/recordings/participant/start",
            ),
            prec,
        ),
        with(
            case::<v::recordings::StopParticipantRecording>(
                &[],
                json!({"roomId": "r1", "participantId": "p1"}),
                Post,
                "/v2/recordings/participant/stop",
            ),
            json!({"roomId": "r1", "participantId": "p1"}),
        ),
        none(case::<v::recordings::ListParticipantRecordings>(
            &[],
            json!({"sessionId": "s1"}),
            Get,
            "/v2/recordings/participant?sessionId=s1",
        )),
        none(case::<v::recordings::GetParticipantRecording>(&["x"], Value::Null, Get, "/v2/recordings/participant/x")),
        none(case::<v::recordings::DeleteParticipantRecording>(
            &["x"],
            Value::Null,
            Delete,
            "/v2/recordings/participant/x",
        )),
        with(
            case::<v::recordings::StartTrackRecording>(
                &[],
                trec.clone(),
                Post,
                "/v2/recordings/participant/track/start",
            ),
            trec,
        ),
        with(
            case::<v::recordings::StopTrackRecording>(
                &[],
                json!({"roomId": "r1", "participantId": "p1", "kind": "video"}),
                Post,
                "/v2/recordings/participant/track/stop",
            ),
            json!({"roomId": "r1", "participantId": "p1", "kind": "video"}),
        ),
        none(case::<v::recordings::ListTrackRecordings>(&[], Value::Null, Get, "/v2/recordings/participant/track")),
        none(case::<v::recordings::GetTrackRecording>(&["t"], Value::Null, Get, "/v2/recordings/participant/track/t")),
        none(case::<v::recordings::DeleteTrackRecording>(
            &["t"],
            Value::Null,
            Delete,
            "/v2/recordings/participant/track/t",
        )),
        with(
            case::<v::recordings::StartCompositeRecording>(&[], crec.clone(), Post, "/v2/recordings/composite/start"),
            crec,
        ),
        with(
            case::<v::recordings::StopCompositeRecording>(
                &[],
                json!({"roomId": "r1", "recordingId": "c1"}),
                Post,
                "/v2/recordings/composite/stop",
            ),
            json!({"roomId": "r1", "recordingId": "c1"}),
        ),
        none(case::<v::recordings::ListCompositeRecordings>(
            &[],
            json!({"roomId": "r1"}),
            Get,
            "/v2/recordings/composite?roomId=r1",
        )),
        none(case::<v::recordings::GetCompositeRecording>(&["c1"], Value::Null, Get, "/v2/recordings/composite/c1")),
        none(case::<v::recordings::DeleteCompositeRecording>(
            &["c1"],
            Value::Null,
            Delete,
            "/v2/recordings/composite/c1",
        )),
        with(
            case::<v::recordings::CreateMergeRecording>(&[], merge.clone(), Post, "/v2/recordings/participant/merge"),
            merge,
        ),
        none(case::<v::recordings::ListMergeRecordings>(
            &[],
            json!({"id": "m1"}),
            Get,
            "/v2/recordings/participant/merge?id=m1",
        )),
        none(case::<v::recordings::GetMergeRecording>(
            &["m1"],
            Value::Null,
            Get,
            "/v2/recordings/participant/merge/m1",
        )),
        with(case::<v::transcodings::MergeTranscoding>(&[], tmerge.clone(), Post, "/v2/transcodings/merge"), tmerge),
        with(case::<v::transcodings::HlsToMp4>(&[], h2m.clone(), Post, "/v2/transcodings/hls-to-mp4"), h2m),
        with(
            case::<v::transcodings::MeetingRecordingMerge>(
                &[],
                mrm.clone(),
                Post,
                "/v2/transcodings/meeting-recording-merge",
            ),
            mrm,
        ),
        none(case::<v::transcodings::ListTranscodings>(&[], json!({"hlsId": "h1"}), Get, "/v2/transcodings?hlsId=h1")),
        none(case::<v::transcodings::GetTranscoding>(&["t1"], Value::Null, Get, "/v2/transcodings/t1")),
        none(case::<v::transcodings::CancelTranscoding>(&["t1"], Value::Null, Post, "/v2/transcodings/t1/cancel")),
        with(
            case::<v::transcription::StartRealtimeTranscription>(
                &[],
                rtt.clone(),
                Post,
                "/ai/v1/realtime-transcriptions/start",
            ),
            rtt,
        ),
        with(
            case::<v::transcription::StopRealtimeTranscription>(
                &[],
                json!({"roomId": "r1"}),
                Post,
                "/ai/v1/realtime-transcriptions/end",
            ),
            json!({"roomId": "r1"}),
        ),
        none(case::<v::transcription::GetRealtimeTranscription>(
            &["t1"],
            Value::Null,
            Get,
            "/ai/v1/realtime-transcriptions/t1",
        )),
        none(case::<v::transcription::ListRealtimeTranscriptions>(
            &[],
            Value::Null,
            Get,
            "/ai/v1/realtime-transcriptions",
        )),
    ]
}

#[test]
fn every_call_builds_its_exact_request() {
    let cases = cases();
    for (case, sent) in &cases {
        assert_eq!(&case.body, sent, "{} {:?} {}", case.name, case.method, case.url);
    }
    for spec in CALLS {
        assert!(cases.iter().any(|(c, _)| c.name == spec.name), "{} has no request test", spec.name);
    }
    let mut names: Vec<&str> = CALLS.iter().map(|s| s.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), CALLS.len(), "JS names are unique");
}

fn create_refused(body: Value) -> String {
    refused::<v::rooms::CreateRoom>(&[], body)
}

fn recording_config(config: Value) -> Value {
    json!({"autoStartConfig": {"recording": {"config": config}}})
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
        let settings: v::rooms::RoomSettings = params_from_json(body).unwrap();
        assert!(videosdk_client().request(&v::rooms::CreateRoom::new(settings)).is_ok(), "{event}");
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
    let message = refused::<v::media::StartHls>(&[], json!({"roomId": "r", "config": {"layout": {"gridSize": 9}}}));
    assert_eq!(message, "config.layout.gridSize: must be an integer from 1 to 4");
}

#[test]
fn job_and_session_rules() {
    assert_eq!(
        refused::<v::media::StartRtmp>(&[], json!({"roomId": "r", "outputs": []})),
        "outputs: must list at least one { url, streamKey }"
    );
    assert_eq!(
        refused::<v::media::StartRtmp>(&[], json!({"roomId": "r", "outputs": [{"url": "rtmp://x"}]})),
        "outputs[0].streamKey: is required"
    );
    assert_eq!(refused::<v::media::StartRecording>(&[], json!({})), "roomId: is required");
    assert_eq!(
        refused::<v::sessions::ListSessions>(&[], json!({"page": 1})),
        "roomId: or customRoomId is required: say whose sessions to list"
    );
    assert_eq!(
        refused::<v::rooms::ListRooms>(&[], json!({"perPage": 500})),
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

/// Polls a future whose transport answers at once (no executor needed).
fn block_on<F: std::future::Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    match future.as_mut().poll(&mut std::task::Context::from_waker(std::task::Waker::noop())) {
        std::task::Poll::Ready(value) => value,
        std::task::Poll::Pending => panic!("the test transport answers at once"),
    }
}

#[test]
fn the_rest_token_is_raw_and_has_the_crawler_role() {
    let client = videosdk_client();
    let transport = Recorder(RefCell::new(Vec::new()));
    let room = block_on(client.send(&transport, &Now, &v::rooms::GetRoom::new("abc-xyzw-lmno"))).unwrap();
    assert_eq!(room.room_id, "abc-xyzw-lmno");
    let sent = transport.0.borrow();
    let header = sent[0].header("authorization").unwrap();
    assert!(!header.starts_with("Bearer "), "VideoSDK takes the token without a prefix");
    let claims = decode_token(header).unwrap().claims;
    assert_eq!(claims["apikey"], VIDEOSDK_API_KEY);
    assert_eq!(claims["roles"], serde_json::json!(["crawler"]));
    assert_eq!(claims["version"], 2);
}

/// A `null` the caller put inside a free-form map is sent as given (only an absent optional
/// field is left out): one row per free-form map of the VideoSDK params.
#[test]
fn nulls_inside_free_form_maps_are_sent_as_given() {
    let rec = json!({"roomId": "r1", "transcription": {"enabled": true, "summary": null}});
    let hls = json!({"roomId": "r1", "transcription": {"enabled": true, "language": null}});
    let prec = json!({"roomId": "r1", "participantId": "p1", "metadata": {"lesson": 4, "tutor": null}});
    for (c, given) in [
        (case::<v::media::StartRecording>(&[], rec.clone(), Post, "/v2/recordings/start"), rec),
        (case::<v::media::StartHls>(&[], hls.clone(), Post, "/v2/hls/start"), hls),
        (
            case::<v::recordings::StartParticipantRecording>(
                &[],
                prec.clone(),
                Post,
                "/v2/recordings/participant/start",
            ),
            prec,
        ),
    ] {
        assert_eq!(c.body, Some(given), "{}", c.name);
    }
    // An absent optional field, or one given as null, is left out.
    let c = case::<v::media::StartRecording>(
        &[],
        json!({"roomId": "r1", "webhookUrl": null}),
        Post,
        "/v2/recordings/start",
    );
    assert_eq!(c.body, Some(json!({"roomId": "r1"})));
}

#[test]
fn session_dates_are_epoch_milliseconds() {
    assert_eq!(
        refused::<v::sessions::ListSessions>(&[], json!({"roomId": "r1", "startDate": "2026-01-01"})),
        "startDate: must be an integer, not a string"
    );
    assert_eq!(
        refused::<v::sessions::ListSessions>(&[], json!({"roomId": "r1", "endDate": -1})),
        "endDate: must be an integer from 0 to 8640000000000000"
    );
    assert_eq!(
        refused::<v::media::ListRecordings>(&[], json!({"withTranscription": "yes"})),
        "withTranscription: must be a boolean, not a string"
    );
}

#[test]
fn recording_start_rules() {
    let start = |extra: Value| {
        let mut params = json!({"roomId": "r1"});
        params.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        refused::<v::media::StartRecording>(&[], params)
    };
    assert_eq!(start(json!({"fileFormat": "mkv"})), "fileFormat: must be one of mp4, webm");
    assert_eq!(start(json!({"onFailure": {"action": "retry"}})), "onFailure.action: must be close-room");
    assert_eq!(
        start(json!({"onFailure": {"action": "close-room", "waitTime": 151}})),
        "onFailure.waitTime: must be an integer from 0 to 150"
    );
    assert_eq!(start(json!({"force": true})).split(' ').next(), Some("force:"));
    assert_eq!(
        create_refused(json!({"allowedParticipantIds": ["ann", ""]})),
        "allowedParticipantIds[1]: must be a non-empty string"
    );
    assert_eq!(
        create_refused(json!({"multiComposition": {"sip": true}})).split(' ').next(),
        Some("multiComposition.sip:")
    );
    assert_eq!(
        refused::<v::sessions::EndSession>(&[], json!({"roomId": "r1", "force": true})).split(' ').next(),
        Some("force:")
    );
}
