//! The two JSON primitives minting needs, shared with edgeroom's general JSON writer: a
//! string literal and an integer, written straight into a `String`.

use alloc::string::String;

/// A JSON string: `"` and `\` escaped, control characters as short escapes or `\u00XX`;
/// everything else is written as the UTF-8 it is, which JSON allows.
pub fn write_string(out: &mut String, value: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    let mut plain_from = 0;
    for (at, byte) in value.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x00..=0x1f => "",
            _ => continue,
        };
        // Escapes sit at ASCII bytes, so each plain run ends on a character boundary.
        out.push_str(&value[plain_from..at]);
        plain_from = at + 1;
        if escape.is_empty() {
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0x0f)]));
        } else {
            out.push_str(escape);
        }
    }
    out.push_str(&value[plain_from..]);
    out.push('"');
}

/// An integer in decimal, without the formatting machinery.
pub fn write_int(out: &mut String, value: i64) {
    let mut digits = [0u8; 20];
    let mut n = value.unsigned_abs();
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if value < 0 {
        out.push('-');
    }
    // ASCII digits are always UTF-8.
    out.push_str(core::str::from_utf8(&digits[at..]).unwrap_or_default());
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::string::String;

    #[test]
    fn strings_read_back_as_themselves() {
        for s in ["", "plain", "q\"b\\s/", "nl\ncr\rtab\tnul\u{0}\u{1f}", "é🎉\u{7f}\u{2028}"] {
            let mut out = String::new();
            write_string(&mut out, s);
            assert_eq!(serde_json::from_str::<String>(&out).unwrap(), s, "{out}");
        }
        let mut out = String::new();
        write_string(&mut out, "a\u{1}\"");
        assert_eq!(out, r#""a\u0001\"""#);
    }

    #[test]
    fn integers_at_the_edges() {
        for n in [0, 7, -7, 10, 1_700_000_000, i64::MIN, i64::MAX] {
            let mut out = String::new();
            write_int(&mut out, n);
            assert_eq!(out.parse::<i64>().unwrap(), n);
        }
    }
}
