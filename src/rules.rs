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

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use std::{borrow::ToOwned, format, string::String, string::ToString, vec, vec::Vec};

    #[test]
    fn identifiers_must_be_present_short_and_printable() {
        assert_eq!(identifier("roomId", "abc").unwrap(), "abc");
        assert_eq!(identifier("roomId", "").unwrap_err().message(), "roomId: must be a non-empty string");
        assert!(identifier("role", &"x".repeat(257)).is_err());
        assert!(identifier("role", "a\nb").is_err());
        assert_eq!(optional_identifier("userId", None).unwrap(), None);
    }
}
