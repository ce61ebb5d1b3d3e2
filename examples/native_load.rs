//! One shared ready client (feature `reqwest`) driven by many concurrent tokio tasks against
//! the emulator: each task creates a room of its own name. `tests/load/` runs it with 1,000
//! tasks and checks, from the emulator's side, that every room arrived exactly once and that
//! all requests carried the one management token the client minted.
//!
//! ```sh
//! cargo run --release --features reqwest --example native_load -- http://127.0.0.1:8787 1000
//! ```
//!
//! Prints `created <n> rooms with <n> distinct ids, prefix <prefix>` and exits non-zero if a
//! task failed.

use edgeroom::hms::rooms::RoomSettings;
use edgeroom::prelude::*;
use std::collections::HashSet;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let mut args = std::env::args().skip(1);
    let base = args.next().unwrap_or_else(|| "http://127.0.0.1:8787".to_owned());
    let tasks: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(1000);
    let base = base.trim_end_matches('/');
    let hms = HmsClient::builder()
        .access_key("emulator-access-key")
        .secret("emulator-secret-do-not-use-in-production")
        .base_url(format!("{base}/100ms/v2"))
        .build();
    let hms = match hms {
        Ok(hms) => hms,
        Err(error) => {
            eprintln!("error: {error}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let prefix = format!("load-{}", hms.env().now_unix());
    // Each task owns a clone: one Arc, the same pool and token cache.
    let handles: Vec<_> = (0..tasks)
        .map(|i| {
            let hms = hms.clone();
            let name = format!("{prefix}-{i}");
            tokio::spawn(async move { hms.rooms().create(RoomSettings::named(name)).await })
        })
        .collect();
    let mut ids = HashSet::new();
    let mut failed = 0;
    for handle in handles {
        match handle.await {
            Ok(Ok(room)) => {
                ids.insert(room.id);
            }
            Ok(Err(error)) => {
                failed += 1;
                eprintln!("error: {error}");
            }
            Err(join) => {
                failed += 1;
                eprintln!("error: a task panicked: {join}");
            }
        }
    }
    println!("created {} rooms with {} distinct ids, prefix {prefix}", tasks - failed, ids.len());
    if failed == 0 {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::FAILURE
    }
}
