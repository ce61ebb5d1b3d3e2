//! Every room-API method of VideoSDK's official Rust SDK (`videosdk-server-sdk` 0.1.0) against
//! the emulator. A method passes when the SDK accepts the emulator's answer: it parses into the
//! SDK's own types (required fields present, right types) and the values are those the calls
//! set up. SIP, agents, batch calls, alert rules, connectors, ingress and the resource pool are
//! not room APIs and are not emulated.
//!
//! The emulator's origin comes from `EDGEROOM_EMULATOR_URL` (tests/conformance/run.sh sets it);
//! without it the test is skipped with a message, so `cargo test` alone does not fail.

use videosdk::{
    Client, CompositeParticipantSelector, CompositeRecordingListParams, CompositeRecordingStartParams, Composition,
    CompositionLayout, HlsCaptureFormat, HlsCaptureParams, HlsListParams, HlsStartParams, HlsToMp4Params,
    IndividualRecordingListParams, ListParams, ListRealtimeTranscriptionsParams, ListTranscodingsParams,
    MeetingRecordingMergeParams, MeetingRecordingRef, MergeChannelEntry, MergeRecordingCreateParams,
    MergeRecordingListParams, MergeTranscodingParams, ParticipantRecordingStartParams, RecordingGetParams,
    RecordingListParams, RecordingStartParams, RoomCreateParams, RoomListParams, RtmpListParams, RtmpStartParams,
    RtmpStream, SessionEndParams, SessionListParams, SessionRemoveParticipantParams, SessionStatus,
    StartRealtimeTranscriptionParams, TrackKind, TrackRecordingStartParams,
};

// The emulator's default VideoSDK app (js/emulator/videosdk/index.js, DEFAULT_VIDEOSDK_APP).
const API_KEY: &str = "emulator-videosdk-key";
const SECRET: &str = "emulator-videosdk-secret-do-not-use-in-production";

// Composers and transcodings come up JOB_STARTUP_MS (2 s) after they are asked for.
const STARTUP: std::time::Duration = std::time::Duration::from_millis(2100);

struct Emulator {
    origin: String,
    http: reqwest::Client,
}

impl Emulator {
    async fn join(&self, room_id: &str, participant_id: &str) {
        let url = format!("{}/_emulator/videosdk/rooms/{room_id}/participants", self.origin);
        let body = serde_json::json!({ "participantId": participant_id, "name": participant_id });
        let response = self.http.post(url).json(&body).send().await.unwrap();
        assert!(response.status().is_success(), "join: {}", response.status());
    }
}

fn setup() -> Option<(Client, Emulator)> {
    let Ok(origin) = std::env::var("EDGEROOM_EMULATOR_URL") else {
        eprintln!("EDGEROOM_EMULATOR_URL is not set: skipped (run tests/conformance/run.sh)");
        return None;
    };
    let origin = origin.trim_end_matches('/').to_string();
    let client = Client::builder()
        .api_key(API_KEY)
        .secret(SECRET)
        // The SDK appends /v2/... and /ai/v1/... to this, as it does to https://api.videosdk.live.
        .base_url(format!("{origin}/videosdk"))
        .max_retries(0)
        .build()
        .unwrap();
    let emulator = Emulator { origin, http: reqwest::Client::new() };
    Some((client, emulator))
}

#[tokio::test]
async fn every_room_api_method_parses() {
    let Some((sdk, emu)) = setup() else { return };

    // --- rooms ---
    let room = sdk
        .rooms()
        .create(RoomCreateParams { custom_room_id: Some("conformance-rust".into()), ..Default::default() })
        .await
        .unwrap();
    assert!(!room.room_id.is_empty());
    let room_id = room.room_id.clone();
    let listed = sdk.rooms().list(RoomListParams::default()).await.unwrap();
    assert!(listed.data.iter().any(|r| r.room_id == room_id));
    assert_eq!(sdk.rooms().get(&room_id).await.unwrap().room_id, room_id);
    assert!(sdk.rooms().validate(&room_id).await.unwrap().valid);
    assert!(!sdk.rooms().validate("zzzz-zzzz-zzzz").await.unwrap().valid);

    // --- a live session with two participants ---
    emu.join(&room_id, "ann").await;
    emu.join(&room_id, "ben").await;
    let live = sdk
        .sessions()
        .list(SessionListParams {
            room_id: Some(room_id.clone()),
            status: Some(SessionStatus::ONGOING),
            per_page: Some(1),
            ..Default::default()
        })
        .await
        .unwrap();
    let session_id = live.data[0].id.clone();
    assert_eq!(live.data[0].status, Some(SessionStatus::ONGOING));
    let session = sdk.sessions().get(&session_id).await.unwrap();
    assert_eq!(session.participants.len(), 2);
    let everyone = sdk.sessions().list_participants(&session_id, ListParams::default()).await.unwrap();
    assert_eq!(everyone.data.len(), 2);
    let active = sdk.sessions().list_active_participants(&session_id, ListParams::default()).await.unwrap();
    assert_eq!(active.data[0].participant_id, "ann");
    let ann = sdk.sessions().get_participant(&session_id, "ann").await.unwrap();
    assert_eq!(ann.timelog.len(), 1);
    assert!(sdk.sessions().get_stats(&session_id).await.unwrap().is_object());
    assert!(sdk.sessions().get_participant_stats(&session_id, "ann").await.unwrap().is_object());
    // The room-keyed participant views resolve the live session (status=ongoing&perPage=1).
    let by_room = sdk.participants().list(&room_id, ListParams::default()).await.unwrap();
    assert_eq!(by_room.data.len(), 2);
    assert_eq!(sdk.participants().get(&room_id, "ben").await.unwrap().participant_id, "ben");

    // --- recordings of the room, of a participant, of a track, composite ---
    let recording = sdk.recordings().start(&room_id, RecordingStartParams::default()).await.unwrap();
    sdk.recordings()
        .participant()
        .start(&room_id, ParticipantRecordingStartParams { participant_id: "ann".into(), ..Default::default() })
        .await
        .unwrap();
    sdk.recordings()
        .track()
        .start(
            &room_id,
            TrackRecordingStartParams {
                participant_id: "ann".into(),
                kind: TrackKind::Audio,
                file_format: None,
                webhook_url: None,
                dir_path: None,
            },
        )
        .await
        .unwrap();
    let composite = sdk
        .recordings()
        .composite()
        .start(
            &room_id,
            CompositeRecordingStartParams {
                participants: vec![CompositeParticipantSelector {
                    participant_id: "ben".into(),
                    kind: vec![TrackKind::Video],
                }],
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(composite.id.is_some());

    // --- HLS and RTMP ---
    let hls = sdk.hls().start(&room_id, HlsStartParams::default()).await.unwrap();
    let rtmp = sdk
        .rtmp()
        .start(
            &room_id,
            RtmpStartParams {
                streams: vec![RtmpStream { url: "rtmp://live.example.invalid/app".into(), stream_key: "key".into() }],
                composition: Some(Composition { layout: Some(CompositionLayout::Grid), ..Default::default() }),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let transcription =
        sdk.transcription().realtime().start(&room_id, StartRealtimeTranscriptionParams::default()).await.unwrap();
    assert_eq!(transcription.room_id.as_deref(), Some(room_id.as_str()));
    tokio::time::sleep(STARTUP).await;

    let active_hls = sdk.hls().get(&room_id).await.unwrap();
    assert_eq!(active_hls.room_id.as_deref(), Some(room_id.as_str()));
    let hls_id = active_hls.id.clone();
    assert_eq!(sdk.hls().get_by_id(&hls_id).await.unwrap().id, hls_id);
    let capture = sdk
        .hls()
        .capture(HlsCaptureParams {
            room_id: room_id.clone(),
            format: Some(HlsCaptureFormat::Jpg),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(capture.room_id, room_id);
    let streams = sdk.rtmp().list(RtmpListParams::default()).await.unwrap();
    let stream_id = streams.data[0].id.clone();
    sdk.rtmp().get(&stream_id).await.unwrap();
    assert!(sdk.transcription().realtime().get(&transcription.id).await.unwrap().room_id.is_some());

    // --- stop everything ---
    sdk.recordings().participant().stop(&room_id, "ann").await.unwrap();
    sdk.recordings().track().stop(&room_id, "ann", TrackKind::Audio).await.unwrap();
    sdk.recordings().composite().stop(&composite).await.unwrap();
    sdk.recordings().stop(&recording).await.unwrap();
    sdk.hls().stop(&hls).await.unwrap();
    sdk.rtmp().stop(&rtmp).await.unwrap();
    let stopped = sdk.transcription().realtime().stop(&room_id).await.unwrap();
    assert!(!stopped.transcription_file_paths.is_empty());
    let transcriptions =
        sdk.transcription().realtime().list(ListRealtimeTranscriptionsParams::default()).await.unwrap();
    assert_eq!(transcriptions.data.len(), 1);

    // --- reading the finished media ---
    let recordings = sdk
        .recordings()
        .list(RecordingListParams { room_id: Some(room_id.clone()), ..Default::default() })
        .await
        .unwrap();
    let recording_id = recordings.data[0].id.clone();
    assert!(sdk.recordings().get(&recording_id, RecordingGetParams::default()).await.unwrap().file.is_some());
    let individual = sdk.recordings().participant().list(IndividualRecordingListParams::default()).await.unwrap();
    let participant_recording = individual.data[0].id.clone();
    assert_eq!(sdk.recordings().participant().get(&participant_recording).await.unwrap().files.len(), 1);
    let tracks = sdk.recordings().track().list(IndividualRecordingListParams::default()).await.unwrap();
    let track_recording = tracks.data[0].id.clone();
    sdk.recordings().track().get(&track_recording).await.unwrap();
    let composites = sdk.recordings().composite().list(CompositeRecordingListParams::default()).await.unwrap();
    let composite_id = composites.data[0].id.clone();
    assert!(sdk.recordings().composite().get(&composite_id).await.unwrap().file.is_some());
    let hls_list = sdk.hls().list(HlsListParams::default()).await.unwrap();
    assert_eq!(hls_list.data.len(), 1);

    // --- merges and transcodings ---
    let merge = sdk
        .recordings()
        .merge()
        .create(MergeRecordingCreateParams {
            session_id: session_id.clone(),
            channel1: vec![MergeChannelEntry {
                participant_id: "ann".into(),
                recording_id: Some(participant_recording.clone()),
                kind: None,
            }],
            channel2: vec![MergeChannelEntry { participant_id: "ben".into(), recording_id: None, kind: None }],
            ..Default::default()
        })
        .await
        .unwrap();
    let merges = sdk.recordings().merge().list(MergeRecordingListParams::default()).await.unwrap();
    assert_eq!(merges.data[0].id, merge.recording.id);
    sdk.recordings().merge().get(&merge.recording.id).await.unwrap();
    let merged = sdk
        .transcodings()
        // Individual recordings, as both SDKs document the merge.
        .merge(MergeTranscodingParams {
            recording_ids: vec![participant_recording.clone(), track_recording.clone()],
            ..Default::default()
        })
        .await
        .unwrap();
    let to_mp4 = sdk
        .transcodings()
        .hls_to_mp4(HlsToMp4Params { hls_id: Some(hls_id.clone()), ..Default::default() })
        .await
        .unwrap();
    assert_eq!(to_mp4.hls_id.as_deref(), Some(hls_id.as_str()));
    sdk.transcodings()
        .meeting_recording_merge(MeetingRecordingMergeParams {
            recording_ids: vec![MeetingRecordingRef::new(recording_id.clone())],
            ..Default::default()
        })
        .await
        .unwrap();
    let transcodings = sdk.transcodings().list(ListTranscodingsParams::default()).await.unwrap();
    assert_eq!(transcodings.data.len(), 3);
    sdk.transcodings().get(&merged.id).await.unwrap();
    let cancelled = sdk.transcodings().cancel(&merged.id).await.unwrap();
    assert_eq!(cancelled.status.map(|s| s.as_str().to_string()).as_deref(), Some("cancelled"));

    // --- deletes, removal, end ---
    sdk.recordings().participant().delete(&participant_recording).await.unwrap();
    sdk.recordings().track().delete(&track_recording).await.unwrap();
    sdk.recordings().composite().delete(&composite_id).await.unwrap();
    sdk.recordings().delete(&recording_id).await.unwrap();
    sdk.hls().delete(&hls_id).await.unwrap();
    sdk.participants().remove(&room_id, "ben").await.unwrap();
    emu.join(&room_id, "cid").await;
    sdk.sessions()
        .remove_participant(SessionRemoveParticipantParams {
            participant_id: "cid".into(),
            room_id: Some(room_id.clone()),
            session_id: None,
        })
        .await
        .unwrap();
    let ended =
        sdk.sessions().end(SessionEndParams { room_id: Some(room_id.clone()), ..Default::default() }).await.unwrap();
    assert_eq!(ended.status, Some(SessionStatus::ENDED));
    let deactivated = sdk.rooms().end(&room_id).await.unwrap();
    assert_eq!(deactivated.room_id, room_id);
}
