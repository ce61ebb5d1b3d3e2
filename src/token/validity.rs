//! When a token is valid: `iat`, `nbf` and `exp`, from the caller's options and the clock.

use crate::error::{Error, Result};

/// 24 hours: the default validity of every token, as the providers' own SDKs mint them.
pub const DEFAULT_VALID_FOR_SECONDS: i64 = 24 * 60 * 60;
/// One year. Anything longer is almost certainly a unit mistake (milliseconds for seconds).
pub const MAX_VALID_FOR_SECONDS: i64 = 365 * 24 * 60 * 60;
/// Unix times outside [2000-01-01, 2100-01-01) are rejected as absurd (often milliseconds).
const EARLIEST_UNIX: i64 = 946_684_800;
const LATEST_UNIX: i64 = 4_102_444_800;

/// The caller's say over a token's validity. Every field is optional.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Validity {
    /// Seconds from issue (or from now) to expiry: 1 ..= one year. Default 24 h.
    pub valid_for_seconds: Option<i64>,
    /// `iat`, Unix seconds. Default: now, back-dated by the provider's clock-skew allowance.
    pub issued_at: Option<i64>,
    /// `nbf`, Unix seconds. Default: `iat`.
    pub not_valid_before: Option<i64>,
}

/// The three time claims of a token, in Unix seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimeClaims {
    /// Issued at.
    pub iat: i64,
    /// Not valid before.
    pub nbf: i64,
    /// Expires at.
    pub exp: i64,
}

impl Validity {
    /// Resolves the options against `now` (Unix seconds). `backdate` is subtracted from a
    /// defaulted `iat` so that a peer whose clock runs a little behind accepts the token.
    pub fn resolve(&self, now: i64, backdate: i64) -> Result<TimeClaims> {
        let valid_for = match self.valid_for_seconds {
            None => DEFAULT_VALID_FOR_SECONDS,
            Some(s) if (1..=MAX_VALID_FOR_SECONDS).contains(&s) => s,
            Some(_) => {
                return Err(Error::invalid(
                    "validForSeconds",
                    format_args!("must be an integer from 1 to {MAX_VALID_FOR_SECONDS} (one year)"),
                ))
            }
        };
        let iat = match self.issued_at {
            Some(t) => check_unix("issuedAt", t)?,
            // Saturating: a Rust caller's clock is an argument, and may be anything.
            None => now.saturating_sub(backdate),
        };
        let nbf = match self.not_valid_before {
            Some(t) => check_unix("notValidBefore", t)?,
            None => iat,
        };
        // The lifetime counts from `nbf`, as @100mslive/server-sdk counts it (`exp = nbf +
        // validForSeconds`): a back-dated `iat` shortens the token as much as it does theirs,
        // so both mint the same claims (tests/differential/).
        let exp = nbf.saturating_add(valid_for);
        if iat > exp {
            return Err(Error::invalid("issuedAt", "must be before the token expires"));
        }
        Ok(TimeClaims { iat, nbf, exp })
    }
}

fn check_unix(field: &str, t: i64) -> Result<i64> {
    if (EARLIEST_UNIX..LATEST_UNIX).contains(&t) {
        Ok(t)
    } else {
        Err(Error::invalid(field, "must be a Unix time in seconds between the years 2000 and 2100"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use std::{borrow::ToOwned, format, string::String, string::ToString, vec, vec::Vec};

    const NOW: i64 = 1_700_000_000;

    #[test]
    fn defaults_to_24_hours_with_backdated_iat() {
        let t = Validity::default().resolve(NOW, 10).unwrap();
        assert_eq!(t, TimeClaims { iat: NOW - 10, nbf: NOW - 10, exp: NOW - 10 + 86_400 });
    }

    #[test]
    fn explicit_times_are_used_as_given() {
        let v = Validity { valid_for_seconds: Some(600), issued_at: Some(NOW), not_valid_before: Some(NOW + 60) };
        assert_eq!(v.resolve(0, 10).unwrap(), TimeClaims { iat: NOW, nbf: NOW + 60, exp: NOW + 60 + 600 });
    }

    #[test]
    fn zero_negative_and_absurd_durations_are_rejected() {
        for bad in [0, -1, MAX_VALID_FOR_SECONDS + 1, 86_400_000_000] {
            let v = Validity { valid_for_seconds: Some(bad), ..Validity::default() };
            let err = v.resolve(NOW, 0).unwrap_err();
            assert_eq!(err.field(), Some("validForSeconds"), "{bad}");
        }
    }

    #[test]
    fn millisecond_timestamps_are_rejected() {
        let v = Validity { issued_at: Some(NOW * 1000), ..Validity::default() };
        assert_eq!(v.resolve(NOW, 0).unwrap_err().field(), Some("issuedAt"));
        let v = Validity { not_valid_before: Some(-5), ..Validity::default() };
        assert_eq!(v.resolve(NOW, 0).unwrap_err().field(), Some("notValidBefore"));
    }

    #[test]
    fn issued_after_expiry_is_rejected() {
        let v = Validity { valid_for_seconds: Some(60), issued_at: Some(NOW + 61), not_valid_before: Some(NOW) };
        assert_eq!(v.resolve(NOW, 0).unwrap_err().field(), Some("issuedAt"));
    }
}
