//! A Cloudflare Worker in Rust (workers-rs) over edgeroom:
//!
//! ```text
//! POST /rooms  { "name": "standup" }  →  { "room": {...}, "codes": [...], "token": { "token", "expires_at" } }
//! ```
//!
//! creates (or finds) the 100ms room of that name, its room codes (one per role), and mints an
//! app token for the host role. An error answers `{ "error": { "code", "message", "field" } }`
//! with a 4xx or 5xx status, as the JavaScript examples do.
//!
//! Configuration comes from the Worker's vars and secrets: `HMS_ACCESS_KEY`, `HMS_SECRET`
//! (secrets), `HMS_BASE_URL`, `HMS_AUTH_BASE_URL` (vars; empty means 100ms's own API).
//!
//! For now over a Transport of its own on workers-rs' `Fetch`, until edgeroom's `fetch`
//! feature (its own `FetchTransport`) lands.

use edgeroom::client::{Env as Clock, Provider, RetryPolicy, Transport};
use edgeroom::hms::room_codes::CreateRoomCodes;
use edgeroom::hms::rooms::{CreateRoom, RoomSettings};
use edgeroom::hms::{HmsClient, HmsOptions};
use edgeroom::http::{HttpRequest, HttpResponse};
use edgeroom::token::{AppGrant, Validity};
use edgeroom::ErrorCode;
use serde::Deserialize;
use serde_json::json;
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
    match room_with_codes(&ctx.env, &name).await {
        Ok(answer) => Response::from_json(&answer),
        Err(error) => edgeroom_failure(&error),
    }
}

/// The room, its codes and a host token: three calls, each one `?` away from an error.
async fn room_with_codes(env: &Env, name: &str) -> edgeroom::Result<serde_json::Value> {
    let setting = |name: &str| env.var(name).map(|v| v.to_string()).ok().filter(|v| !v.is_empty());
    let secret = |name: &str| env.secret(name).map(|v| v.to_string()).unwrap_or_default();
    let options = HmsOptions {
        base_url: setting("HMS_BASE_URL"),
        auth_base_url: setting("HMS_AUTH_BASE_URL"),
        retry: RetryPolicy::default(),
    };
    let hms = HmsClient::new(&secret("HMS_ACCESS_KEY"), &secret("HMS_SECRET"), &options)?;
    let (http, clock) = (WorkerFetch, JsClock);
    let room = hms.send(&http, &clock, &CreateRoom::new(RoomSettings::named(name))).await?;
    let codes = hms.send(&http, &clock, &CreateRoomCodes::new(&room.id)).await?;
    let grant = AppGrant { room_id: &room.id, role: "host", user_id: None };
    let token = hms.app_token(&clock, &grant, &Validity::default())?;
    Ok(json!({ "room": room, "codes": codes, "token": { "token": token.token, "expires_at": token.expires_at } }))
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
    Ok(Response::from_json(&json!({ "error": { "code": code, "message": message, "field": field } }))?
        .with_status(status))
}

/// edgeroom's requests over workers-rs' `Fetch`.
struct WorkerFetch;

impl Transport for WorkerFetch {
    async fn send(&self, request: HttpRequest) -> edgeroom::Result<HttpResponse> {
        let network = |e: worker::Error| edgeroom::Error::new(ErrorCode::Network, e.to_string());
        let headers = Headers::new();
        for (name, value) in &request.headers {
            headers.set(name, value).map_err(network)?;
        }
        let method = match request.method {
            edgeroom::http::Method::Get => Method::Get,
            edgeroom::http::Method::Post => Method::Post,
            edgeroom::http::Method::Delete => Method::Delete,
        };
        let mut init = RequestInit::new();
        init.with_method(method).with_headers(headers);
        if let Some(body) = request.body {
            init.with_body(Some(body.into()));
        }
        let outgoing = Request::new_with_init(&request.url, &init).map_err(network)?;
        let mut response = Fetch::Request(outgoing).send().await.map_err(network)?;
        let headers = response.headers().entries().collect();
        Ok(HttpResponse { status: response.status_code(), headers, body: response.text().await.map_err(network)? })
    }

    async fn sleep(&self, ms: u64) -> edgeroom::Result<()> {
        Delay::from(std::time::Duration::from_millis(ms)).await;
        Ok(())
    }
}

/// `Date.now()` and `crypto.getRandomValues`.
struct JsClock;

impl Clock for JsClock {
    fn now_unix(&self) -> i64 {
        (js_sys::Date::now() / 1000.0) as i64
    }

    fn random16(&self) -> edgeroom::Result<[u8; 16]> {
        let unsupported = |_| edgeroom::Error::new(ErrorCode::UnsupportedRuntime, "no crypto.getRandomValues");
        let crypto = js_sys::Reflect::get(&js_sys::global(), &"crypto".into()).map_err(unsupported)?;
        let fill: js_sys::Function =
            js_sys::Reflect::get(&crypto, &"getRandomValues".into()).map_err(unsupported)?.into();
        let bytes = js_sys::Uint8Array::new_with_length(16);
        fill.call1(&crypto, &bytes).map_err(unsupported)?;
        let mut out = [0; 16];
        bytes.copy_to(&mut out);
        Ok(out)
    }
}
