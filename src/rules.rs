//! Small input rules shared by tokens and request builders. Each returns an
//! `invalid_argument` error that names the field and states the rule.

use crate::error::{Error, Result};

/// Longest identifier (room id, role, user id, ...) accepted; anything longer is a mistake.
pub const MAX_IDENTIFIER_LEN: usize = 256;

/// A non-empty identifier of at most [`MAX_IDENTIFIER_LEN`] bytes with no control characters.
/// Such values travel in token claims and URL paths, where a newline or NUL is never meant.
pub fn identifier<'a>(field: &str, value: &'a str) -> Result<&'a str> {
    if value.is_empty() {
        return Err(Error::invalid(field, "must be a non-empty string"));
    }
    if value.len() > MAX_IDENTIFIER_LEN {
        return Err(Error::invalid(field, format_args!("must be at most {MAX_IDENTIFIER_LEN} bytes long")));
    }
    // Identifiers are almost always ASCII, where a byte scan finds the same control
    // characters (C0 and DEL) without decoding; C1 controls need the character walk.
    let has_control = if value.is_ascii() {
        value.bytes().any(|b| b < 0x20 || b == 0x7f)
    } else {
        value.chars().any(char::is_control)
    };
    if has_control {
        return Err(Error::invalid(field, "must not contain control characters"));
    }
    Ok(value)
}

/// Like [`identifier`], for a value that may be absent.
pub fn optional_identifier<'a>(field: &str, value: Option<&'a str>) -> Result<Option<&'a str>> {
    value.map(|v| identifier(field, v)).transpose()
}

/// An integer in `min ..= max`.
pub fn int_range(field: &str, value: i64, min: i64, max: i64) -> Result<()> {
    if (min..=max).contains(&value) {
        Ok(())
    } else {
        Err(Error::invalid(field, format_args!("must be an integer from {min} to {max}")))
    }
}

/// A non-empty string whose every character passes `allowed`, described for the message.
pub fn chars(field: &str, value: &str, allowed: fn(char) -> bool, described: &str) -> Result<()> {
    if value.is_empty() {
        Err(Error::invalid(field, "must be a non-empty string"))
    } else if !value.chars().all(allowed) {
        Err(Error::invalid(field, format_args!("only {described} are allowed")))
    } else {
        Ok(())
    }
}

/// An ISO 8601 date-time string such as `2024-01-31T12:00:00Z`.
pub fn date_time(field: &str, value: &str) -> Result<()> {
    if is_iso_datetime(value) {
        Ok(())
    } else {
        Err(Error::invalid(field, "must be an ISO 8601 date-time string such as 2024-01-31T12:00:00Z"))
    }
}

/// Applies `check` to an optional value.
pub fn optional<T: ?Sized>(value: Option<&T>, check: impl FnOnce(&T) -> Result<()>) -> Result<()> {
    value.map_or(Ok(()), check)
}

/// `YYYY-MM-DD`, optionally followed by `T`, a time, fractional seconds and a zone. A strict
/// shape check that catches the usual mistakes (a Unix number, "yesterday", a bare time);
/// the provider remains the judge of the calendar.
fn is_iso_datetime(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |range: core::ops::Range<usize>| b.get(range).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let date = digits(0..4) && b.get(4) == Some(&b'-') && digits(5..7) && b.get(7) == Some(&b'-') && digits(8..10);
    if !date {
        return false;
    }
    if b.len() == 10 {
        return true;
    }
    let time = b.get(10) == Some(&b'T')
        && digits(11..13)
        && b.get(13) == Some(&b':')
        && digits(14..16)
        && b.get(16) == Some(&b':')
        && digits(17..19);
    time && s[19..].bytes().all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'Z' | b'+' | b'-' | b':'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_must_be_present_short_and_printable() {
        assert_eq!(identifier("roomId", "abc").unwrap(), "abc");
        assert_eq!(identifier("roomId", "").unwrap_err().message(), "roomId: must be a non-empty string");
        assert!(identifier("role", &"x".repeat(257)).is_err());
        assert!(identifier("role", "a\nb").is_err());
        assert_eq!(optional_identifier("userId", None).unwrap(), None);
    }

    #[test]
    fn ranges_characters_and_date_times() {
        assert!(int_range("size", 2500, 0, 2500).is_ok());
        assert_eq!(int_range("size", -1, 0, 2500).unwrap_err().message(), "size: must be an integer from 0 to 2500");
        assert_eq!(
            chars("name", "a b", |c| c.is_ascii_alphanumeric(), "a-z").unwrap_err().message(),
            "name: only a-z are allowed"
        );
        assert_eq!(chars("name", "", |_| true, "x").unwrap_err().message(), "name: must be a non-empty string");
        for good in ["2022-01-01", "2022-01-01T01:00:00.000Z", "2024-05-01T10:15:04+05:30"] {
            assert!(date_time("after", good).is_ok(), "{good}");
        }
        for bad in ["", "yesterday", "1700000000", "2022-01-01T01:00", "2022-1-01"] {
            assert!(date_time("after", bad).is_err(), "{bad}");
        }
    }
}
