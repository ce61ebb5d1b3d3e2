//! The clock and the randomness, from JavaScript: `Date.now()` (on wasm32-unknown-unknown
//! `SystemTime::now()` traps) and `crypto.getRandomValues`, drawn in batches so minting a
//! token does not cross into JavaScript for its `jti`.

use super::js::{date_now, fill_random, set_random_source};
use crate::client::Env;
use crate::error::{Error, ErrorCode, Result};
use core::cell::RefCell;
use wasm_bindgen::prelude::*;

/// Random bytes fetched per refill: 64 tokens' worth of `jti`.
const POOL_SIZE: usize = 1024;

/// Replaces the source of random bytes (`crypto.getRandomValues` by default) with
/// `fill(bytes)`, which must fill the `Uint8Array` it is given from a cryptographically
/// secure source: the Node entry passes the kernel's (see `js/entries/node.js`). Internal to
/// the package; not part of the public API.
#[cfg(feature = "wasm-tokens")]
#[wasm_bindgen(js_name = useRandomSource)]
pub fn use_random_source(fill: js_sys::Function) {
    set_random_source(&fill);
}

/// The clock and a pool of random bytes. Each client owns one (the pool needs no sharing, so
/// it is kept in no global or thread-local); the free functions use a fresh one, which costs
/// nothing until something asks it for randomness.
#[derive(Default)]
pub struct JsEnv {
    pool: RefCell<(Vec<u8>, usize)>,
}

impl Env for JsEnv {
    fn now_unix(&self) -> i64 {
        // Milliseconds since 1970 are positive, so truncation is the floor.
        (date_now() / 1000.0) as i64
    }

    fn random16(&self) -> Result<[u8; 16]> {
        {
            let (bytes, used) = &mut *self.pool.borrow_mut();
            if bytes.len() != POOL_SIZE || *used + 16 > POOL_SIZE {
                bytes.resize(POOL_SIZE, 0);
                // Every runtime edgeroom supports has WebCrypto; without it there is no
                // honest `jti`, so say so rather than mint predictable ones.
                fill_random(bytes).map_err(|_| {
                    bytes.clear();
                    Error::new(
                        ErrorCode::UnsupportedRuntime,
                        "no secure random source: crypto.getRandomValues is not available in this runtime",
                    )
                })?;
                *used = 0;
            }
            let mut out = [0u8; 16];
            out.copy_from_slice(&bytes[*used..*used + 16]);
            *used += 16;
            Ok(out)
        }
    }
}
