//! The cached token a client authenticates its REST calls with: reused while comfortably
//! valid, renewed a safe margin BEFORE it expires, so no request carries a token that
//! expires in flight (the official 100ms SDK renews only 30 s after expiry).
//!
//! Behind a `Mutex`, held while a token is minted (microseconds, no I/O): a client shared by
//! a thousand tasks mints one token, not one per task, and the client is `Send + Sync`. On
//! wasm32 (one thread) the lock is never contended.

use crate::error::Result;
use crate::token::{Minted, DEFAULT_VALID_FOR_SECONDS};
use std::sync::{Mutex, PoisonError};

/// Renew once less than this share of the token's lifetime is left...
const RENEW_SHARE: i64 = 10;
/// ...or five minutes, whichever is less.
const RENEW_MARGIN_CAP_SECONDS: i64 = 300;

#[derive(Default)]
pub struct TokenCache {
    cached: Mutex<Option<(Minted, i64)>>,
}

/// The cached token is a bearer credential: `Debug` (a client's, a log line's) says only
/// whether there is one and when it expires.
impl core::fmt::Debug for TokenCache {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let cached = self.cached.lock().unwrap_or_else(PoisonError::into_inner);
        let expires_at = cached.as_ref().map(|(minted, _)| minted.expires_at);
        f.debug_struct("TokenCache")
            .field("token", &expires_at.map(|_| "<redacted>"))
            .field("expires_at", &expires_at)
            .finish()
    }
}

impl TokenCache {
    /// The cached token when it has the asked lifetime (default 24 h) and is comfortably
    /// valid at `now`; otherwise (or with `force_new`) `mint(lifetime)`, which is cached.
    pub fn get(
        &self,
        now: i64,
        valid_for: Option<i64>,
        force_new: bool,
        mint: impl FnOnce(i64) -> Result<Minted>,
    ) -> Result<Minted> {
        let lifetime = valid_for.unwrap_or(DEFAULT_VALID_FOR_SECONDS);
        // A panic elsewhere while the lock was held cannot leave a half-written token: the
        // slot is replaced whole, so a poisoned lock's value is still sound.
        let mut cached = self.cached.lock().unwrap_or_else(PoisonError::into_inner);
        if !force_new {
            if let Some((minted, cached_lifetime)) = cached.as_ref() {
                let margin = (cached_lifetime / RENEW_SHARE).min(RENEW_MARGIN_CAP_SECONDS);
                if *cached_lifetime == lifetime && minted.expires_at - now > margin {
                    return Ok(minted.clone());
                }
            }
        }
        let minted = mint(lifetime)?;
        *cached = Some((minted.clone(), lifetime));
        Ok(minted)
    }
}
