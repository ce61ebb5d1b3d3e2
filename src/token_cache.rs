//! The cached token a client authenticates its REST calls with: reused while comfortably
//! valid, renewed a safe margin BEFORE it expires, so no request carries a token that
//! expires in flight (the official 100ms SDK renews only 30 s after expiry).

use crate::error::Result;
use crate::token::{Minted, DEFAULT_VALID_FOR_SECONDS};
use core::cell::RefCell;

/// Renew once less than this share of the token's lifetime is left...
const RENEW_SHARE: i64 = 10;
/// ...or five minutes, whichever is less.
const RENEW_MARGIN_CAP_SECONDS: i64 = 300;

#[derive(Debug, Default)]
pub struct TokenCache {
    cached: RefCell<Option<(Minted, i64)>>,
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
        if !force_new {
            if let Some((minted, cached_lifetime)) = self.cached.borrow().as_ref() {
                let margin = (cached_lifetime / RENEW_SHARE).min(RENEW_MARGIN_CAP_SECONDS);
                if *cached_lifetime == lifetime && minted.expires_at - now > margin {
                    return Ok(minted.clone());
                }
            }
        }
        let minted = mint(lifetime)?;
        *self.cached.borrow_mut() = Some((minted.clone(), lifetime));
        Ok(minted)
    }
}
