//! A tokio + axum service on the ready client (feature `reqwest`): one `Client<HmsClient>`
//! in the router's state, shared by every request (it is `Clone + Send + Sync`, one
//! connection pool, one cached management token).
//!
//! - `POST /rooms` `{ "name": "standup" }` creates the room and its room codes:
//!   `{ "room": {...}, "codes": [...] }`.
//! - `POST /tokens` `{ "roomId": "...", "role": "guest", "userId": "u-1" }` mints an app token:
//!   `{ "token": "...", "expiresAt": 1700000000 }`.
//! - Errors answer `{ "error": { "code", "message", "field" } }`: 400 for bad input, the
//!   provider's status for its errors, 502 when it could not be reached.
//!
//! ```sh
//! node js/emulator/cli.js --port 8787 &
//! cargo run --features reqwest --example axum_service -- http://127.0.0.1:8787
//! ```
//!
//! The emulator's URL is the first argument (else `EDGEROOM_EMULATOR_URL`); the app from
//! `HMS_ACCESS_KEY` and `HMS_SECRET`, else the emulator's default app. It listens on
//! `127.0.0.1:$PORT` (an ephemeral port when unset) and prints `listening on <url>`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use edgeroom::hms::rooms::RoomSettings;
use edgeroom::prelude::*;
use serde::Deserialize;
use serde_json::json;

const EMULATOR_ACCESS_KEY: &str = "emulator-access-key";
const EMULATOR_SECRET: &str = "emulator-secret-do-not-use-in-production";

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let base = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("EDGEROOM_EMULATOR_URL").ok())
        .unwrap_or_else(|| "http://127.0.0.1:8787".to_owned());
    let base = base.trim_end_matches('/');
    let var = |name: &str, default: &str| std::env::var(name).unwrap_or_else(|_| default.to_owned());
    let hms = HmsClient::builder()
        .access_key(var("HMS_ACCESS_KEY", EMULATOR_ACCESS_KEY))
        .secret(var("HMS_SECRET", EMULATOR_SECRET))
        .base_url(format!("{base}/100ms/v2"))
        .auth_base_url(format!("{base}/100ms-auth/v2"))
        .build();
    let hms = match hms {
        Ok(hms) => hms,
        Err(error) => {
            eprintln!("error: {error}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let app = Router::new().route("/rooms", post(create_room)).route("/tokens", post(mint_token)).with_state(hms);
    let port = var("PORT", "0");
    let listener = match tokio::net::TcpListener::bind(format!("127.0.0.1:{port}")).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("error: cannot listen on 127.0.0.1:{port}: {error}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match listener.local_addr() {
        Ok(address) => println!("listening on http://{address}"),
        Err(error) => eprintln!("error: {error}"),
    }
    match axum::serve(listener, app).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[derive(Deserialize)]
struct NewRoom {
    name: String,
}

/// Creates the room and its room codes.
async fn create_room(State(hms): State<Client<HmsClient>>, Json(body): Json<NewRoom>) -> Response {
    let created = async {
        let room = hms.rooms().create(RoomSettings::named(body.name)).await?;
        let codes = hms.room_codes().create(&room.id).await?;
        Ok::<_, Error>(json!({ "room": room, "codes": codes }))
    };
    answer(created.await)
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct NewToken {
    room_id: String,
    role: String,
    user_id: Option<String>,
}

/// Mints an app token: synchronous, nothing is sent.
async fn mint_token(State(hms): State<Client<HmsClient>>, Json(body): Json<NewToken>) -> Response {
    let grant = AppGrant { room_id: &body.room_id, role: &body.role, user_id: body.user_id.as_deref() };
    answer(
        hms.token(&grant, &Validity::default())
            .map(|minted| json!({ "token": minted.token, "expiresAt": minted.expires_at })),
    )
}

/// A result as the service's JSON answer.
fn answer(result: Result<serde_json::Value>) -> Response {
    match result {
        Ok(body) => Json(body).into_response(),
        Err(error) => {
            let status = match (error.code(), error.status()) {
                (ErrorCode::InvalidArgument, _) => StatusCode::BAD_REQUEST,
                (_, Some(status)) => StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_GATEWAY),
                _ => StatusCode::BAD_GATEWAY,
            };
            let body = json!({ "error": { "code": error.code().as_str(), "message": error.message(), "field": error.field() } });
            (status, Json(body)).into_response()
        }
    }
}
