//! edgeroom from Rust, natively, over a real HTTP client: against the emulator, create a room
//! and its room codes, mint an app token, exchange a room code through the token service, and
//! list the rooms page by page.
//!
//! ```sh
//! node js/emulator/cli.js --port 8787 &      # or: npx edgeroom-emulator
//! cargo run --example rust_emulator -- http://127.0.0.1:8787
//! ```
//!
//! The base URL comes from the first argument, else `EDGEROOM_EMULATOR_URL`, else
//! `http://127.0.0.1:8787`; the app from `HMS_ACCESS_KEY` and `HMS_SECRET`, else the
//! emulator's default app. It prints what it did and exits non-zero on any error.
//!
//! The transport is ureq (blocking, plain http) and the async calls are driven by
//! `pollster::block_on`: with a blocking client inside, each call's future is ready when
//! polled. An async client (reqwest on tokio, hyper) goes behind the same two methods.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

/// Nothing to run on wasm32: there the package's JavaScript API drives the same calls.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use edgeroom::client::{Env, Provider, RetryPolicy, Transport};
    use edgeroom::hms::auth::{exchange_room_code, ExchangeRoomCode, RoomCodeGrant};
    use edgeroom::hms::room_codes::CreateRoomCodes;
    use edgeroom::hms::rooms::{CreateRoom, ListRooms, Region, RoomFilters, RoomSettings};
    use edgeroom::hms::{HmsClient, HmsOptions};
    use edgeroom::http::{HttpRequest, HttpResponse, Method};
    use edgeroom::token::{decode_token, AppGrant, Validity};
    use edgeroom::{Error, ErrorCode, Result};
    use std::process::ExitCode;
    use std::time::{Duration, SystemTime, UNIX_EPOCH};
    use ureq::http;

    /// The emulator's default app (its README documents it); never a real app's.
    const EMULATOR_ACCESS_KEY: &str = "emulator-access-key";
    const EMULATOR_SECRET: &str = "emulator-secret-do-not-use-in-production";

    /// `edgeroom::client::Transport` over a ureq agent.
    struct Ureq(ureq::Agent);

    impl Ureq {
        fn new() -> Self {
            let config = ureq::Agent::config_builder()
                // edgeroom reads the provider's error body itself: a 4xx is an answer, not a
                // transport failure.
                .http_status_as_error(false)
                .timeout_global(Some(Duration::from_secs(10)))
                .build();
            Ureq(config.into())
        }

        fn exchange(&self, request: HttpRequest) -> std::result::Result<HttpResponse, ureq::Error> {
            let method = match request.method {
                Method::Get => http::Method::GET,
                Method::Post => http::Method::POST,
                Method::Delete => http::Method::DELETE,
            };
            let mut builder = http::Request::builder().method(method).uri(&request.url);
            for (name, value) in &request.headers {
                builder = builder.header(*name, value);
            }
            let mut response = self.0.run(builder.body(request.body.unwrap_or_default())?)?;
            // The headers the client reads (`retry-after`); names are lowercase in `http`.
            let headers = response
                .headers()
                .iter()
                .filter_map(|(name, value)| Some((name.as_str().to_owned(), value.to_str().ok()?.to_owned())))
                .collect();
            let body = response.body_mut().read_to_string()?;
            Ok(HttpResponse { status: response.status().as_u16(), headers, body })
        }
    }

    impl Transport for Ureq {
        async fn send(&self, request: HttpRequest) -> Result<HttpResponse> {
            self.exchange(request).map_err(|error| match error {
                ureq::Error::Timeout(_) => Error::new(ErrorCode::Timeout, "no answer within 10 s"),
                other => Error::new(ErrorCode::Network, format!("the request failed: {other}")),
            })
        }

        async fn sleep(&self, ms: u64) -> Result<()> {
            std::thread::sleep(Duration::from_millis(ms));
            Ok(())
        }
    }

    /// The system clock and the OS's random source.
    struct System;

    impl Env for System {
        fn now_unix(&self) -> i64 {
            SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
        }

        fn random16(&self) -> Result<[u8; 16]> {
            let mut bytes = [0; 16];
            getrandom::fill(&mut bytes).map_err(|e| Error::new(ErrorCode::UnsupportedRuntime, e.to_string()))?;
            Ok(bytes)
        }
    }

    pub fn main() -> ExitCode {
        let base = std::env::args()
            .nth(1)
            .or_else(|| std::env::var("EDGEROOM_EMULATOR_URL").ok())
            .unwrap_or_else(|| "http://127.0.0.1:8787".to_owned());
        match pollster::block_on(run(base.trim_end_matches('/'))) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("error: {}: {}", error.code().as_str(), error.message());
                ExitCode::FAILURE
            }
        }
    }

    async fn run(base: &str) -> Result<()> {
        let access_key = std::env::var("HMS_ACCESS_KEY").unwrap_or_else(|_| EMULATOR_ACCESS_KEY.to_owned());
        let secret = std::env::var("HMS_SECRET").unwrap_or_else(|_| EMULATOR_SECRET.to_owned());
        let options = HmsOptions {
            base_url: Some(format!("{base}/100ms/v2")),
            auth_base_url: Some(format!("{base}/100ms-auth/v2")),
            retry: RetryPolicy::default(),
        };
        let hms = HmsClient::new(&access_key, &secret, &options)?;
        let (http, env) = (Ureq::new(), System);
        println!("emulator: {base}");

        // A named create is an upsert: the same name answers the same room.
        let name = format!("rust-example-{}", env.now_unix());
        let room = hms.send(&http, &env, &CreateRoom::new(RoomSettings::named(&name).region(Region::Eu))).await?;
        let region = room.region.as_ref().map_or("-", |r| r.as_str());
        println!("room: {} name={} region={region}", room.id, room.name.as_deref().unwrap_or("-"));

        let codes = hms.send(&http, &env, &CreateRoomCodes::new(&room.id)).await?;
        let listed: Vec<String> =
            codes.iter().map(|c| format!("{}={}", c.role.as_deref().unwrap_or("?"), c.code)).collect();
        println!("room codes: {}", listed.join(" "));

        let role = codes.first().and_then(|c| c.role.clone()).unwrap_or_else(|| "host".to_owned());
        let grant = AppGrant { room_id: &room.id, role: &role, user_id: Some("rust-user-1") };
        let token = hms.app_token(&env, &grant, &Validity::default())?;
        let claims = decode_token(&token.token)?.claims;
        let claim = |name: &str| claims[name].as_str().unwrap_or("-").to_owned();
        println!("app token: role={} room={} expires_at={}", claim("role"), claim("room_id"), token.expires_at);

        let code = codes.last().ok_or_else(|| Error::new(ErrorCode::InvalidResponse, "the room has no room code"))?;
        let exchange = ExchangeRoomCode::new(RoomCodeGrant::new(&code.code).user_id("rust-user-2"));
        let auth =
            exchange_room_code(&http, &env, &hms.retry_policy(), options.auth_base_url.as_deref(), &exchange).await?;
        let claims = decode_token(&auth.token)?.claims;
        let claim = |name: &str| claims[name].as_str().unwrap_or("-").to_owned();
        if claim("room_id") != room.id {
            return Err(Error::new(ErrorCode::InvalidResponse, "the exchanged token is for another room"));
        }
        println!("exchanged: code={} role={} room={}", code.code, claim("role"), claim("room_id"));

        // Every room, two per page: each page's `next` moves the filters on.
        let mut list = ListRooms::new(RoomFilters { limit: Some(2), ..RoomFilters::default() });
        let (mut pages, mut ids) = (0, Vec::new());
        loop {
            let page = hms.send(&http, &env, &list).await?;
            pages += 1;
            ids.extend(page.items.into_iter().map(|r| r.id));
            match page.next {
                Some(next) => next.merge_into(&mut list.params)?,
                None => break,
            }
        }
        if !ids.contains(&room.id) {
            return Err(Error::new(ErrorCode::InvalidResponse, "the new room is not in the list"));
        }
        println!("listed: {} rooms in {pages} pages of at most 2, the new room among them", ids.len());
        Ok(())
    }
}
