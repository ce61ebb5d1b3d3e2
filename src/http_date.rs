//! The date form of `Retry-After` (RFC 9110 §10.2.3), an HTTP-date: IMF-fixdate
//! (`Sun, 06 Nov 1994 08:49:37 GMT`) and the two obsolete forms RFC 9110 §5.6.7 asks
//! recipients to accept (RFC 850 and asctime), read by the `httpdate` crate.

use std::time::UNIX_EPOCH;

/// Unix seconds of an HTTP-date, or None.
pub fn parse(value: &str) -> Option<i64> {
    let at = httpdate::parse_http_date(value).ok()?;
    // Pure arithmetic on the value parsed (only `SystemTime::now()` traps on wasm32).
    // httpdate reads years 1970..=9999 only, so the time is never before the epoch.
    let seconds = at.duration_since(UNIX_EPOCH).ok()?.as_secs();
    i64::try_from(seconds).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_imf_fixdate() {
        assert_eq!(parse("Sun, 06 Nov 1994 08:49:37 GMT"), Some(784_111_777));
        assert_eq!(parse("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0));
        assert_eq!(parse("Tue, 29 Feb 2028 12:00:00 GMT"), Some(1_835_438_400));
    }

    #[test]
    fn parses_the_obsolete_forms() {
        // RFC 850 (two-digit year) and asctime, RFC 9110's own examples.
        assert_eq!(parse("Sunday, 06-Nov-94 08:49:37 GMT"), Some(784_111_777));
        assert_eq!(parse("Sun Nov  6 08:49:37 1994"), Some(784_111_777));
    }

    #[test]
    fn refuses_what_is_not_an_http_date() {
        for bad in [
            "",
            "120",
            "Sun, 06 Nov 1994 08:49:37 UTC",
            "Sun, 06 Foo 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 8:49:37 GMT",
            "Sun, 31 Feb 1994 08:49:37 GMT",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
