//! ISO 8601 date-times as webhooks carry them (`2024-05-01T10:15:04.123Z`,
//! `2024-05-01T10:15:04+05:30`), to Unix seconds: RFC 3339, read by `chrono` (already linked
//! for jwt-compact, so it adds the least to the .wasm; see the README's Dependencies).

use chrono::DateTime;

/// Unix seconds of `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, or None.
pub fn parse(value: &str) -> Option<i64> {
    // RFC 3339 also allows a space or a lowercase `t` between date and time (chrono accepts
    // both); webhooks send `T`, and a space has always been refused here.
    if value.as_bytes().get(10) != Some(&b'T') {
        return None;
    }
    DateTime::parse_from_rfc3339(value).ok().map(|at| at.timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_utc_fractions_and_offsets() {
        assert_eq!(parse("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(parse("2023-11-14T22:13:20.123Z"), Some(1_700_000_000));
        assert_eq!(parse("2023-11-15T03:43:20+05:30"), Some(1_700_000_000));
        assert_eq!(parse("2023-11-14T17:13:20-05:00"), Some(1_700_000_000));
        assert_eq!(parse("2023-11-14T22:13:20.123456789z"), Some(1_700_000_000));
        // A leap second reads as the last second of its minute.
        assert_eq!(parse("2016-12-31T23:59:60Z"), Some(1_483_228_799));
    }

    #[test]
    fn refuses_what_is_not_a_date_time() {
        for bad in [
            "",
            "1700000000",
            "2023-11-14",
            "2023-11-14 22:13:20Z",
            "2023-13-14T22:13:20Z",
            "2023-11-14T22:13:20",
            "2023-11-14T22:13:20.Z",
            "2023-11-14T22:13:20+0530",
            "2023-11-14t22:13:20Z",
            "2023-02-30T22:13:20Z",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
