//! edgeroom from Rust, natively, with the ready client (feature `reqwest`): against the
//! emulator, for 100ms create a room and its room codes, mint an app token, exchange a room
//! code at the token service and walk the rooms as a stream; for VideoSDK the same shapes:
//! create a room, mint a token, walk the rooms.
//!
//! ```sh
//! node js/emulator/cli.js --port 8787 &      # or: npx edgeroom-emulator
//! cargo run --features reqwest --example rust_emulator -- http://127.0.0.1:8787
//! ```
//!
//! The emulator's URL comes from the first argument, else `EDGEROOM_EMULATOR_URL`, else
//! `http://127.0.0.1:8787`; the apps from `HMS_ACCESS_KEY`/`HMS_SECRET` and
//! `VIDEOSDK_API_KEY`/`VIDEOSDK_SECRET`, else the emulator's default apps. It prints what it
//! did and exits non-zero on any error.

use edgeroom::hms::auth::RoomCodeGrant;
use edgeroom::hms::rooms::{Region, RoomFilters, RoomSettings};
use edgeroom::prelude::*;
use edgeroom::token::decode_token;
use edgeroom::videosdk::rooms as vrooms;
use futures_util::TryStreamExt;
use std::process::ExitCode;

/// The emulator's default apps (its README documents them); never a real app's.
const EMULATOR_ACCESS_KEY: &str = "emulator-access-key";
const EMULATOR_SECRET: &str = "emulator-secret-do-not-use-in-production";
const EMULATOR_VIDEOSDK_KEY: &str = "emulator-videosdk-key";
const EMULATOR_VIDEOSDK_SECRET: &str = "emulator-videosdk-secret-do-not-use-in-production";

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let base = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("EDGEROOM_EMULATOR_URL").ok())
        .unwrap_or_else(|| "http://127.0.0.1:8787".to_owned());
    match run(base.trim_end_matches('/')).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {}: {}", error.code(), error.message());
            ExitCode::FAILURE
        }
    }
}

fn var(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.to_owned())
}

async fn run(base: &str) -> Result<()> {
    println!("emulator: {base}");
    let hms = HmsClient::builder()
        .access_key(var("HMS_ACCESS_KEY", EMULATOR_ACCESS_KEY))
        .secret(var("HMS_SECRET", EMULATOR_SECRET))
        .base_url(format!("{base}/100ms/v2"))
        .auth_base_url(format!("{base}/100ms-auth/v2"))
        .build()?;

    // A named create is an upsert: the same name answers the same room.
    let name = format!("rust-example-{}", hms.env().now_unix());
    let room = hms.rooms().create(RoomSettings::named(&name).region(Region::Eu)).await?;
    let region = room.region.as_ref().map_or("-", |r| r.as_str());
    println!("room: {} name={} region={region}", room.id, room.name.as_deref().unwrap_or("-"));

    let codes = hms.room_codes().create(&room.id).await?;
    let listed: Vec<String> =
        codes.iter().map(|c| format!("{}={}", c.role.as_deref().unwrap_or("?"), c.code)).collect();
    println!("room codes: {}", listed.join(" "));

    let role = codes.first().and_then(|c| c.role.clone()).unwrap_or_else(|| "host".to_owned());
    let token = hms.token(&AppGrant::new(&room.id, &role).user_id("rust-user-1"), &Validity::default())?;
    let claims = decode_token(&token.token)?.claims;
    let claim = |name: &str| claims[name].as_str().unwrap_or("-").to_owned();
    println!("app token: role={} room={} expires_at={}", claim("role"), claim("room_id"), token.expires_at);

    let code = codes.last().ok_or_else(|| Error::new(ErrorCode::InvalidResponse, "the room has no room code"))?;
    let auth = hms.auth().exchange_room_code(RoomCodeGrant::new(&code.code).user_id("rust-user-2")).await?;
    let claims = decode_token(&auth.token)?.claims;
    let claim = |name: &str| claims[name].as_str().unwrap_or("-").to_owned();
    if claim("room_id") != room.id {
        return Err(Error::new(ErrorCode::InvalidResponse, "the exchanged token is for another room"));
    }
    println!("exchanged: code={} role={} room={}", code.code, claim("role"), claim("room_id"));

    // Every room, two per page, as one stream: each page's `next` moves the filters on.
    let mut pages = hms.rooms().list(RoomFilters { limit: Some(2), ..RoomFilters::default() });
    let mut page_count = 0;
    let mut ids = Vec::new();
    while let Some(page) = pages.next_page().await? {
        page_count += 1;
        ids.extend(page.into_iter().map(|r| r.id));
    }
    let streamed: Vec<String> = hms
        .rooms()
        .list(RoomFilters { limit: Some(2), ..RoomFilters::default() })
        .into_stream()
        .map_ok(|r| r.id)
        .try_collect()
        .await?;
    if !ids.contains(&room.id) || streamed != ids {
        return Err(Error::new(ErrorCode::InvalidResponse, "the new room is not in the list"));
    }
    println!("listed: {} rooms in {page_count} pages of at most 2, the new room among them", ids.len());

    // VideoSDK: the same builder, the same shapes.
    let vsdk = VideoSdkClient::builder()
        .api_key(var("VIDEOSDK_API_KEY", EMULATOR_VIDEOSDK_KEY))
        .secret(var("VIDEOSDK_SECRET", EMULATOR_VIDEOSDK_SECRET))
        .base_url(format!("{base}/videosdk"))
        .build()?;
    let vroom = vsdk.rooms().create(vrooms::RoomSettings::custom(&name)).await?;
    println!("videosdk room: {} custom={}", vroom.room_id, vroom.custom_room_id.as_deref().unwrap_or("-"));
    let grant = VideoSdkGrant::new([Permission::AllowJoin]).room_id(&vroom.room_id);
    let token = vsdk.token(&grant, &Validity::default())?;
    let claims = decode_token(&token.token)?.claims;
    println!("videosdk token: room={} expires_at={}", claims["roomId"].as_str().unwrap_or("-"), token.expires_at);
    let rooms: Vec<vrooms::Room> = vsdk
        .rooms()
        .list(vrooms::RoomFilters { per_page: Some(2), ..Default::default() })
        .into_stream()
        .try_collect()
        .await?;
    if !rooms.iter().any(|r| r.room_id == vroom.room_id) {
        return Err(Error::new(ErrorCode::InvalidResponse, "the new VideoSDK room is not in the list"));
    }
    println!("videosdk listed: {} rooms, the new room among them", rooms.len());
    Ok(())
}
