//! A Cloudflare Worker in Rust (workers-rs) over edgeroom's fetch transport:
//!
//! ```text
//! POST /rooms  { "name": "standup" }  →  { "room": {...}, "codes": [...], "token": { "token", "expires_at" } }
//! ```
//!
//! creates (or finds) the 100ms room of that name, its room codes (one per role), and mints an
//! app token for the host role. An error answers `{ "error": { "code", "message", "field" } }`
//! with a 4xx or 5xx status, as the JavaScript examples do.
//!
//! Configuration comes from the Worker's secrets `HMS_ACCESS_KEY` and `HMS_SECRET`, and its
//! vars `HMS_BASE_URL` and `HMS_AUTH_BASE_URL` (empty or absent: 100ms's own API).

use edgeroom::hms::rooms::RoomSettings;
// Named rather than `*`: the prelude's `Env`, `Error` and `Result` would meet workers-rs' own.
use edgeroom::prelude::{AppGrant, Client, ErrorCode, HmsClient, Validity};
use serde::Deserialize;
use serde_json::json;
use std::cell::OnceCell;
use worker::*;

#[event(fetch)]
async fn main(req: Request, env: Env, _ctx: Context) -> Result<Response> {
    Router::new()
        .post_async("/rooms", create_room)
        .or_else_any_method("/*path", |_, _| failure(404, "not_found", "no such route", None))
        .run(req, env)
        .await
}

/// The body of `POST /rooms`.
#[derive(Deserialize)]
struct NewRoom {
    name: String,
}

async fn create_room(mut req: Request, ctx: RouteContext<()>) -> Result<Response> {
    let Ok(NewRoom { name }) = req.json().await else {
        return failure(400, "invalid_argument", "the body must be JSON: { \"name\": string }", None);
    };
    // A configuration the client refuses (a secret not set, a bad URL) is the Worker's fault.
    let hms = match client(&ctx.env) {
        Ok(hms) => hms,
        Err(error) => return failure(500, error.code().as_str(), error.message(), error.field()),
    };
    let answer = async {
        let room = hms.rooms().create(RoomSettings::named(name)).await?;
        let codes = hms.room_codes().create(&room.id).await?;
        let token = hms.token(&AppGrant::new(&room.id, "host"), &Validity::default())?;
        edgeroom::Result::Ok(json!({
            "room": room,
            "codes": codes,
            "token": { "token": token.token, "expires_at": token.expires_at },
        }))
    };
    match answer.await {
        Ok(answer) => Response::from_json(&answer),
        Err(error) => edgeroom_failure(&error),
    }
}

thread_local! {
    /// One client per isolate, so its cached management token serves every request.
    static HMS: OnceCell<Client<HmsClient>> = const { OnceCell::new() };
}

/// The isolate's client (a clone shares it), made from the Worker's configuration the first
/// time. `build()` sends over the global `fetch`, with JavaScript's clock and randomness.
fn client(env: &Env) -> edgeroom::Result<Client<HmsClient>> {
    if let Some(hms) = HMS.with(|cell| cell.get().cloned()) {
        return Ok(hms);
    }
    let secret = |name| env.secret(name).map(|s| s.to_string()).unwrap_or_default();
    let var = |name| env.var(name).map(|v| v.to_string()).ok().filter(|v| !v.is_empty());
    let mut builder = HmsClient::builder().access_key(secret("HMS_ACCESS_KEY")).secret(secret("HMS_SECRET"));
    if let Some(url) = var("HMS_BASE_URL") {
        builder = builder.base_url(url);
    }
    if let Some(url) = var("HMS_AUTH_BASE_URL") {
        builder = builder.auth_base_url(url);
    }
    let hms = builder.build()?;
    HMS.with(|cell| cell.set(hms.clone()).ok());
    Ok(hms)
}

/// An edgeroom error as JSON, with the status its code calls for (the JavaScript examples'
/// table): the caller's mistakes are 4xx, everything else a failure upstream, 502.
fn edgeroom_failure(error: &edgeroom::Error) -> Result<Response> {
    let status = match error.code() {
        ErrorCode::InvalidArgument | ErrorCode::BadRequest => 400,
        ErrorCode::Unauthorized => 401,
        ErrorCode::Forbidden => 403,
        ErrorCode::NotFound => 404,
        _ => 502,
    };
    failure(status, error.code().as_str(), error.message(), error.field())
}

fn failure(status: u16, code: &str, message: &str, field: Option<&str>) -> Result<Response> {
    let body = json!({ "error": { "code": code, "message": message, "field": field } });
    Ok(Response::from_json(&body)?.with_status(status))
}
