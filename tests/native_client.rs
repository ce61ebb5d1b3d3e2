//! The ready native client (feature `reqwest`) over real HTTP, against a fake provider served
//! by axum on 127.0.0.1: it is `Send + Sync` with `Send` futures (it lives in an axum state
//! and goes into `tokio::spawn`), a thousand concurrent calls share one management token,
//! and a transport failure is a `timeout` or `network` error with its cause as the source.

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::routing::{get, post};
use axum::{Json, Router};
use edgeroom::hms::rooms::RoomSettings;
use edgeroom::prelude::*;
use serde_json::{json, Value};
use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What the fake 100ms saw: the `Authorization` header of every request.
#[derive(Clone, Default)]
struct Seen(Arc<Mutex<Vec<String>>>);

impl Seen {
    fn record(&self, headers: &HeaderMap) {
        let value = headers.get("authorization").and_then(|v| v.to_str().ok()).unwrap_or_default();
        self.0.lock().unwrap().push(value.to_owned());
    }
}

async fn create_room(State(seen): State<Seen>, headers: HeaderMap, Json(body): Json<Value>) -> Json<Value> {
    seen.record(&headers);
    let name = body["name"].as_str().unwrap_or_default();
    Json(json!({ "id": format!("id-{name}"), "name": name }))
}

async fn get_room(State(seen): State<Seen>, headers: HeaderMap, Path(id): Path<String>) -> Json<Value> {
    seen.record(&headers);
    if id == "slow" {
        tokio::time::sleep(Duration::from_secs(5)).await;
    }
    Json(json!({ "id": id }))
}

/// A fake 100ms on an ephemeral port of 127.0.0.1: its base URL and what it sees.
async fn fake_hms() -> (String, Seen) {
    let seen = Seen::default();
    let app = Router::new()
        .route("/v2/rooms", post(create_room))
        .route("/v2/rooms/{id}", get(get_room))
        .with_state(seen.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/v2", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (url, seen)
}

fn client(base_url: &str) -> Client<HmsClient> {
    HmsClient::builder().access_key("key").secret("secret").base_url(base_url).build().unwrap()
}

fn assert_send_sync<T: Send + Sync + 'static>() {}
fn assert_send<T: Send>(value: T) -> T {
    value
}

#[test]
fn clients_and_their_futures_cross_threads() {
    assert_send_sync::<Client<HmsClient>>();
    assert_send_sync::<Client<VideoSdkClient>>();
    assert_send_sync::<Client<HmsClient, ReqwestTransport, SystemEnv>>();
}

/// An axum service's state holding the client, shared across requests (the README's shape).
#[derive(Clone)]
struct AppState {
    hms: Arc<Client<HmsClient>>,
}

async fn proxy_create(State(state): State<AppState>, Path(name): Path<String>) -> Json<Value> {
    let room = state.hms.rooms().create(RoomSettings::named(name)).await.unwrap();
    Json(json!({ "id": room.id }))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_in_axum_state_and_in_spawned_tasks() {
    let (url, _seen) = fake_hms().await;
    let hms = Arc::new(client(&url));
    let app: Router = Router::new().route("/make/{name}", post(proxy_create)).with_state(AppState { hms: hms.clone() });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let service = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let answer: Value = service_post(&format!("{service}/make/standup")).await;
    assert_eq!(answer["id"], "id-standup");

    let spawned = tokio::spawn(assert_send(async move { hms.rooms().get("r1").await }));
    assert_eq!(spawned.await.unwrap().unwrap().id, "r1");
}

/// POSTs to the service with a plain socket (not the client under test) and reads its JSON.
async fn service_post(url: &str) -> Value {
    serde_json::from_str(&post_raw(url).await).unwrap()
}

/// A minimal HTTP/1.1 POST over a tokio socket, answering the body.
async fn post_raw(url: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let rest = url.trim_start_matches("http://");
    let (host, path) = rest.split_once('/').unwrap();
    let mut stream = tokio::net::TcpStream::connect(host).await.unwrap();
    let request = format!("POST /{path} HTTP/1.1\r\nhost: {host}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).await.unwrap();
    response.split_once("\r\n\r\n").unwrap().1.to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_concurrent_calls_share_one_management_token() {
    let (url, seen) = fake_hms().await;
    let hms = client(&url);
    let tasks: Vec<_> = (0..1000)
        .map(|i| {
            let hms = hms.clone();
            tokio::spawn(async move { hms.rooms().create(RoomSettings::named(format!("room-{i}"))).await })
        })
        .collect();
    let mut ids = HashSet::new();
    for task in tasks {
        ids.insert(task.await.unwrap().unwrap().id);
    }
    assert_eq!(ids.len(), 1000, "every call answered its own room");
    let seen = seen.0.lock().unwrap();
    assert_eq!(seen.len(), 1000, "nothing sent twice");
    let tokens: HashSet<&String> = seen.iter().collect();
    assert_eq!(tokens.len(), 1, "one management token for all");
}

#[tokio::test]
async fn a_slow_answer_is_a_timeout_with_its_cause() {
    let (url, _seen) = fake_hms().await;
    let hms = HmsClient::builder()
        .access_key("key")
        .secret("secret")
        .base_url(&url)
        .timeout(Duration::from_millis(200))
        .retries(0)
        .build()
        .unwrap();
    let error = hms.rooms().get("slow").await.unwrap_err();
    assert_eq!(error.code(), ErrorCode::Timeout);
    assert!(error.message().starts_with("no complete answer within 200 ms (GET http://"), "{error}");
    assert!(std::error::Error::source(&error).is_some());
}

#[tokio::test]
async fn an_unreachable_provider_is_a_network_error_with_its_cause() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/v2", listener.local_addr().unwrap());
    drop(listener);
    let hms = HmsClient::builder().access_key("key").secret("secret").base_url(&url).retries(0).build().unwrap();
    let error = hms.rooms().get("r1").await.unwrap_err();
    assert_eq!(error.code(), ErrorCode::Network);
    assert!(error.message().starts_with(&format!("GET {url}/rooms/r1 failed: ")), "{error}");
    assert!(std::error::Error::source(&error).is_some());
    assert!(error.is_transient());
}

#[test]
fn the_timeout_is_checked_when_built() {
    let error = HmsClient::builder().access_key("k").secret("s").timeout(Duration::ZERO).build().unwrap_err();
    assert_eq!(error.message(), "timeout: must be from 1 ms to 10 minutes");
}
