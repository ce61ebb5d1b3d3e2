//! Base64 (RFC 4648): base64url without padding for JWTs, the standard alphabet with padding
//! for HTTP Basic credentials.
//!
//! Encoding and decoding look characters up in tables, so their timing follows the data.
//! That is acceptable here: what goes through them is token text and signatures, which are
//! public, never a secret key.

use alloc::string::String;
use alloc::vec::Vec;

/// RFC 4648 §5: the URL- and filename-safe alphabet.
const URL_ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// RFC 4648 §4: the standard alphabet.
const STANDARD_ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Marks a byte outside the alphabet in [`URL_DECODE`]; its high bit survives an OR with
/// any valid sextet, so one test per group of four catches a bad character anywhere in it.
const INVALID: u8 = 0xff;

/// The sextet of every byte of the base64url alphabet, [`INVALID`] for any other byte
/// (`=`, `+`, `/`, whitespace, and every byte of a non-ASCII character included).
const URL_DECODE: [u8; 256] = {
    let mut table = [INVALID; 256];
    let mut i = 0;
    while i < 64 {
        table[URL_ALPHABET[i] as usize] = i as u8;
        i += 1;
    }
    table
};

/// Appends the base64url form of `bytes` to `out`, without padding (RFC 7515 §2).
pub fn encode_url(out: &mut String, bytes: &[u8]) {
    encode(out, bytes, URL_ALPHABET, false);
}

/// Appends the standard base64 form of `bytes` to `out`, padded with `=` (RFC 4648 §4), as
/// HTTP Basic authentication (RFC 7617) expects.
pub fn encode_standard(out: &mut String, bytes: &[u8]) {
    encode(out, bytes, STANDARD_ALPHABET, true);
}

/// The encoder both alphabets share.
fn encode(out: &mut String, bytes: &[u8], alphabet: &[u8; 64], pad: bool) {
    let tail = match (bytes.len() % 3, pad) {
        (0, _) => 0,
        (_, true) => 4,
        (n, false) => n + 1,
    };
    out.reserve(bytes.len() / 3 * 4 + tail);
    // `& 63` keeps every index inside the 64-byte table, so the lookups need no bounds check.
    let symbol = |n: u32, shift: u32| alphabet[(n >> shift & 63) as usize];
    // Symbols are gathered 64 at a time in a stack buffer and appended with one checked
    // copy: pushing them one `char` at a time costs about twice as long.
    let mut line = [0u8; 64];
    for chunk in bytes.chunks(48) {
        let (groups, rest) = chunk.as_chunks::<3>();
        let (quads, _) = line.as_chunks_mut::<4>();
        for (quad, &[a, b, c]) in quads.iter_mut().zip(groups) {
            let n = u32::from(a) << 16 | u32::from(b) << 8 | u32::from(c);
            *quad = [symbol(n, 18), symbol(n, 12), symbol(n, 6), symbol(n, 0)];
        }
        let mut len = groups.len() * 4;
        // Only the last chunk can have 1 or 2 bytes over, and then it has at most 15 groups,
        // which leaves room for 4 more symbols.
        match *rest {
            [a] => {
                let n = u32::from(a) << 16;
                let padding = if pad { b'=' } else { 0 };
                line[len..len + 4].copy_from_slice(&[symbol(n, 18), symbol(n, 12), padding, padding]);
                len += if pad { 4 } else { 2 };
            }
            [a, b] => {
                let n = u32::from(a) << 16 | u32::from(b) << 8;
                line[len..len + 4].copy_from_slice(&[symbol(n, 18), symbol(n, 12), symbol(n, 6), b'=']);
                len += if pad { 4 } else { 3 };
            }
            // Empty: `as_chunks::<3>` leaves fewer than three bytes.
            _ => {}
        }
        // Both alphabets and `=` are ASCII, so the check always passes.
        if let Ok(text) = core::str::from_utf8(&line[..len]) {
            out.push_str(text);
        }
    }
}

/// Decodes strict, unpadded base64url, as every part of a compact JWT is written.
///
/// Returns `None` for a `=` anywhere, any character outside the base64url alphabet, a length
/// that leaves a single character over (`len % 4 == 1`), or unused low bits of the last
/// character that are not zero. The last rule makes the encoding of any bytes unique, so a
/// token cannot be altered into a second spelling that decodes to the same claims.
pub fn decode_url(text: &str) -> Option<Vec<u8>> {
    let text = text.as_bytes();
    let (groups, rest) = text.as_chunks::<4>();
    let mut out = Vec::with_capacity(groups.len() * 3 + 2);
    let sextet = |c: u8| URL_DECODE[usize::from(c)];
    for &[a, b, c, d] in groups {
        let (a, b, c, d) = (sextet(a), sextet(b), sextet(c), sextet(d));
        if (a | b | c | d) & 0x80 != 0 {
            return None;
        }
        let n = u32::from(a) << 18 | u32::from(b) << 12 | u32::from(c) << 6 | u32::from(d);
        out.extend_from_slice(&[(n >> 16) as u8, (n >> 8) as u8, n as u8]);
    }
    match *rest {
        [] => {}
        [a, b] => {
            let (a, b) = (sextet(a), sextet(b));
            // 12 bits carry one byte; the low 4 bits of `b` are left over and must be zero.
            if (a | b) & 0x80 != 0 || b & 0x0f != 0 {
                return None;
            }
            out.push(a << 2 | b >> 4);
        }
        [a, b, c] => {
            let (a, b, c) = (sextet(a), sextet(b), sextet(c));
            // 18 bits carry two bytes; the low 2 bits of `c` are left over and must be zero.
            if (a | b | c) & 0x80 != 0 || c & 0x03 != 0 {
                return None;
            }
            let n = u32::from(a) << 18 | u32::from(b) << 12 | u32::from(c) << 6;
            out.extend_from_slice(&[(n >> 16) as u8, (n >> 8) as u8]);
        }
        // A single character left over carries 6 bits, not a whole byte.
        _ => return None,
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;
    use alloc::string::ToString;
    use alloc::vec;
    use base64ct::{Base64, Base64UrlUnpadded, Encoding};

    /// Deterministic bytes covering all 256 values in a scrambled order.
    fn bytes(len: usize) -> Vec<u8> {
        (0..len).map(|i| (i as u8).wrapping_mul(167).wrapping_add((i >> 8) as u8)).collect()
    }

    fn url(bytes: &[u8]) -> String {
        let mut out = String::new();
        encode_url(&mut out, bytes);
        out
    }

    #[test]
    fn rfc_4648_vectors() {
        let cases = [("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE")];
        for (plain, encoded) in cases {
            assert_eq!(url(plain.as_bytes()), encoded);
            assert_eq!(decode_url(encoded).unwrap(), plain.as_bytes());
        }
        let mut out = String::new();
        encode_standard(&mut out, b"foobar");
        encode_standard(&mut out, b"f");
        encode_standard(&mut out, b"fo");
        assert_eq!(out, "Zm9vYmFyZg==Zm8=");
    }

    #[test]
    fn both_encoders_match_base64ct_at_every_length_and_append() {
        let data = bytes(300);
        for len in 0..=300 {
            let input = &data[..len];
            let mut out = "prefix.".to_string();
            encode_url(&mut out, input);
            assert_eq!(out, format!("prefix.{}", Base64UrlUnpadded::encode_string(input)), "url, length {len}");
            let mut out = "Basic ".to_string();
            encode_standard(&mut out, input);
            assert_eq!(out, format!("Basic {}", Base64::encode_string(input)), "standard, length {len}");
        }
    }

    #[test]
    fn the_alphabets_differ_only_in_the_last_two_symbols() {
        let mut out = String::new();
        encode_url(&mut out, &[0xfb, 0xff, 0xbf]);
        encode_standard(&mut out, &[0xfb, 0xff, 0xbf]);
        assert_eq!(out, "-_-_+/+/");
    }

    #[test]
    fn decode_round_trips_every_length() {
        let data = bytes(300);
        for len in 0..=300 {
            assert_eq!(decode_url(&url(&data[..len])).as_deref(), Some(&data[..len]), "length {len}");
        }
    }

    #[test]
    fn decode_agrees_with_base64ct_on_every_short_string() {
        // Every string of up to three characters over a mix of valid symbols and each kind
        // of bad one: equal results, success and failure alike.
        let symbols = ['A', 'B', 'Q', 'g', 'w', '0', '9', '-', '_', '=', '+', '/', ' ', 'é'];
        let mut strings = vec![String::new()];
        for _ in 0..3 {
            let longer: Vec<String> =
                strings.iter().flat_map(|s| symbols.iter().map(move |c| format!("{s}{c}"))).collect();
            strings.extend(longer);
        }
        for s in &strings {
            for text in [s.clone(), format!("AAAA{s}")] {
                assert_eq!(decode_url(&text), Base64UrlUnpadded::decode_vec(&text).ok(), "{text:?}");
            }
        }
    }

    #[test]
    fn decode_rejects_padding() {
        assert_eq!(decode_url("Zm8"), Some(b"fo".to_vec()));
        for text in ["Zm8=", "Zg==", "Zg=", "Zm9vYmFy====", "=", "====", "Zm=8", "=m9v"] {
            assert_eq!(decode_url(text), None, "{text:?}");
        }
    }

    #[test]
    fn decode_rejects_the_standard_alphabet_and_whitespace() {
        assert_eq!(decode_url("-_-_"), Some(vec![0xfb, 0xff, 0xbf]));
        for text in ["+/+/", "-_+_", "-_-/", "Zm9v ", " Zm9v", "Zm 9v", "Zm9v\n", "Zm9v\t", "Zm9v.Zm9v"] {
            assert_eq!(decode_url(text), None, "{text:?}");
        }
    }

    #[test]
    fn decode_rejects_a_single_character_over() {
        for text in ["A", "AAAAA", "Zm9vY", "Zm9vYmFyZ"] {
            assert_eq!(decode_url(text), None, "{text:?}");
        }
    }

    #[test]
    fn decode_rejects_non_canonical_trailing_bits() {
        // Two characters carry 8 of their 12 bits: "AA" and "AQ" (Q = 0b010000) decode to
        // 0x00 and 0x01, while "AB" (B = 0b000001) sets one of the 4 unused bits.
        assert_eq!(decode_url("AA"), Some(vec![0x00]));
        assert_eq!(decode_url("AQ"), Some(vec![0x01]));
        assert_eq!(decode_url("AB"), None);
        assert_eq!(decode_url("AP"), None);
        // Three characters carry 16 of their 18 bits: E = 0b000100 is the lowest used bit.
        assert_eq!(decode_url("AAA"), Some(vec![0x00, 0x00]));
        assert_eq!(decode_url("AAE"), Some(vec![0x00, 0x01]));
        assert_eq!(decode_url("AAB"), None);
        assert_eq!(decode_url("AAD"), None);
        // The same after whole groups, and for the real encoding of "f" and "fo".
        assert_eq!(decode_url("Zm9vZg"), Some(b"foof".to_vec()));
        assert_eq!(decode_url("Zm9vZh"), None);
        assert_eq!(decode_url("Zm8"), Some(b"fo".to_vec()));
        assert_eq!(decode_url("Zm9"), None);
        assert_eq!(decode_url("Zm-"), None);
    }

    #[test]
    fn decode_rejects_non_ascii() {
        for text in ["Zm9vé", "Zm9\u{0}", "ÀÀÀÀ", "Zm9v\u{1F600}", "Zm\u{7f}v"] {
            assert_eq!(decode_url(text), None, "{text:?}");
        }
    }
}
