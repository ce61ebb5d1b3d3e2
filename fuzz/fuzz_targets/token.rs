//! Tokens from anywhere: `decode_token` and `verify_token` on arbitrary strings, and on
//! tokens whose header and claims are arbitrary bytes but which ARE signed with the secret
//! (so the fuzzer reaches the time checks behind the signature check).
//!
//! Input layout: [mode] [leeway] [type selector] then the rest. Mode bit 0 set: the rest is
//! `<header>\n<claims>`, both signed as given, bytes and all (bit 1: the header is the one
//! edgeroom's signer writes, `{"alg":"HS256","typ":"JWT"}`); bit 2 set: the rest drives a
//! generator of claims whose time members are boundary numbers (integers, and numbers that
//! are JSON but no i64: fractions, exponents, beyond i64, 1e400), signed with that header;
//! otherwise the rest is the token itself. The harness signs with its own HMAC (the hmac
//! crate), since edgeroom's signer takes no arbitrary claims.
//!
//! Header and claims are read with serde_json, the JSON edgeroom's token code itself uses
//! (in this crate with `arbitrary_precision`, so a number's text decides, for both sides).
//!
//! For a token the harness signed, the outcome is predicted from the spec, and `verify_token`
//! must give one of the predicted errors, or succeed when none applies: a leeway outside
//! 0 ..= 300 is `invalid_argument`; header or claims that are not a JSON object are
//! `malformed_token`; an `alg` other than "HS256" is `unsupported_algorithm`; `exp` or `nbf`
//! that is not a JSON integer fitting i64 (no fraction, no exponent) is `malformed_token`;
//! no `exp` or now > exp + leeway is `token_expired`; now < nbf − leeway is
//! `token_not_yet_valid` (exact arithmetic: any i64 time is valid, there is no date range);
//! another `type` than asked is `token_type_mismatch`.
#![no_main]

#[path = "../common/mod.rs"]
mod common;

use base64ct::{Base64UrlUnpadded, Encoding};
use edgeroom::token::{decode_token, verify_token, VerifyOptions, MAX_LEEWAY_SECONDS};
use edgeroom::ErrorCode;
use hmac::{Hmac, Mac};
use libfuzzer_sys::arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value};
use sha2::Sha256;

const SECRET: &str = "fuzz-secret";
/// The header edgeroom's signer always writes.
const HEADER: &str = r#"{"alg":"HS256","typ":"JWT"}"#;
const NOWS: &[i64] = &[1_700_000_000, 0, 946_684_800, 4_102_444_800, -8_640_000_000_000, 8_640_000_000_000];
const TOKEN_CODES: &[ErrorCode] = &[
    ErrorCode::InvalidArgument,
    ErrorCode::MalformedToken,
    ErrorCode::UnsupportedAlgorithm,
    ErrorCode::InvalidSignature,
    ErrorCode::TokenExpired,
    ErrorCode::TokenNotYetValid,
    ErrorCode::TokenTypeMismatch,
];

fn b64url(bytes: &[u8]) -> String {
    Base64UrlUnpadded::encode_string(bytes)
}

/// Claims with `exp`, `nbf`, `iat` (each maybe absent) from boundary numbers, and a `type`.
fn time_claims(u: &mut Unstructured) -> libfuzzer_sys::arbitrary::Result<Value> {
    let mut claims = Map::new();
    for key in ["exp", "nbf", "iat"] {
        if u.ratio(3, 4)? {
            // common::number's text is JSON; arbitrary_precision keeps it as written.
            let text = common::number(u)?.to_json();
            let number = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{text:?} is not JSON: {e}"));
            claims.insert(key.to_owned(), number);
        }
    }
    if u.ratio(1, 2)? {
        claims.insert("type".to_owned(), Value::from(*u.choose(&["app", "management", ""])?));
    }
    Ok(Value::Object(claims))
}

fn parse_bytes(bytes: &[u8]) -> serde_json::Result<Value> {
    serde_json::from_slice(bytes)
}

fn hmac_sha256(key: &[u8], message: &[u8]) -> Vec<u8> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(message);
    mac.finalize().into_bytes().to_vec()
}

/// A compact JWT of `header` and `claims` as given, signed with SECRET.
fn sign(header: &[u8], claims: &[u8]) -> String {
    let signing_input = format!("{}.{}", b64url(header), b64url(claims));
    let signature = hmac_sha256(SECRET.as_bytes(), signing_input.as_bytes());
    format!("{signing_input}.{}", b64url(&signature))
}

/// A time claim as the spec reads it: a JSON integer (digits, maybe a leading `-`) that
/// fits i64, read by Rust's own parser; `Err` for anything else.
fn seconds(value: &Value) -> Result<i64, ()> {
    match value {
        Value::Number(n) if n.to_string().bytes().all(|b| b == b'-' || b.is_ascii_digit()) => {
            n.to_string().parse::<i64>().map_err(|_| ())
        }
        _ => Err(()),
    }
}

/// Every error the spec allows for a correctly signed token (empty: it must verify).
fn predicted(header: &[u8], claims: &[u8], options: &VerifyOptions, now: i64) -> Vec<ErrorCode> {
    let mut reasons = Vec::new();
    if !(0..=MAX_LEEWAY_SECONDS).contains(&options.leeway_seconds) {
        reasons.push(ErrorCode::InvalidArgument);
    }
    let (Ok(header @ Value::Object(_)), Ok(Value::Object(claims))) = (parse_bytes(header), parse_bytes(claims)) else {
        reasons.push(ErrorCode::MalformedToken);
        return reasons;
    };
    if header["alg"] != "HS256" {
        reasons.push(ErrorCode::UnsupportedAlgorithm);
    }
    let leeway = i128::from(options.leeway_seconds);
    let now = i128::from(now);
    match claims.get("exp").map(seconds) {
        None => reasons.push(ErrorCode::TokenExpired),
        Some(Err(())) => reasons.push(ErrorCode::MalformedToken),
        Some(Ok(exp)) if now > i128::from(exp) + leeway => reasons.push(ErrorCode::TokenExpired),
        Some(Ok(_)) => {}
    }
    match claims.get("nbf").map(seconds) {
        None => {}
        Some(Err(())) => reasons.push(ErrorCode::MalformedToken),
        Some(Ok(nbf)) if now < i128::from(nbf) - leeway => reasons.push(ErrorCode::TokenNotYetValid),
        Some(Ok(_)) => {}
    }
    if let Some(expected) = &options.expected_type {
        if claims.get("type").and_then(Value::as_str) != Some(expected.as_str()) {
            reasons.push(ErrorCode::TokenTypeMismatch);
        }
    }
    reasons
}

fuzz_target!(|data: &[u8]| {
    let [mode, leeway, kind, rest @ ..] = data else { return };
    // (header, claims) when the harness signs the token.
    let signed: Option<(Vec<u8>, Vec<u8>)> = if mode & 4 == 4 {
        let Ok(claims) = time_claims(&mut Unstructured::new(rest)) else { return };
        Some((HEADER.into(), serde_json::to_vec(&claims).expect("a Value is JSON")))
    } else if mode & 1 == 1 {
        let (header, claims) = match rest.iter().position(|&b| b == b'\n') {
            Some(at) => (&rest[..at], &rest[at + 1..]),
            None => (&b""[..], rest),
        };
        // Bit 1: edgeroom's own header; otherwise a hand-made one (any alg, any bytes).
        let header = if mode & 2 == 2 { HEADER.as_bytes() } else { header };
        Some((header.to_vec(), claims.to_vec()))
    } else {
        None
    };
    let token = match &signed {
        Some((header, claims)) => sign(header, claims),
        None => String::from_utf8_lossy(rest).into_owned(),
    };

    let decoded = decode_token(&token);
    match &decoded {
        Ok(d) => assert!(d.header.is_object() && d.claims.is_object(), "decode returned a non-object: {token:?}"),
        Err(err) => common::check_error(err, &[ErrorCode::MalformedToken], &format!("decode {token:?}")),
    }
    if let Some((header, claims)) = &signed {
        // decode_token reads each part with serde_json, objects only.
        let expected = match (parse_bytes(header), parse_bytes(claims)) {
            (Ok(h @ Value::Object(_)), Ok(c @ Value::Object(_))) => Some((h, c)),
            _ => None,
        };
        let got = decoded.as_ref().ok().map(|d| (d.header.clone(), d.claims.clone()));
        assert_eq!(got, expected, "decode {token:?}: differs from parsing its parts");
    }

    let options = VerifyOptions {
        expected_type: match kind % 4 {
            0 => None,
            1 => Some("app".to_owned()),
            2 => Some("management".to_owned()),
            _ => Some(String::new()),
        },
        // Mostly within 0 ..= 300, sometimes just outside.
        leeway_seconds: match leeway {
            0..=249 => i64::from(*leeway) * MAX_LEEWAY_SECONDS / 249,
            250 => MAX_LEEWAY_SECONDS + 1,
            251 => -1,
            _ => MAX_LEEWAY_SECONDS,
        },
    };
    let now = NOWS[usize::from(kind / 4) % NOWS.len()];
    let context =
        format!("verify {token:?} leeway {} type {:?} now {now}", options.leeway_seconds, options.expected_type);
    let result = verify_token(&token, SECRET, &options, now);
    match &result {
        Ok(claims) => {
            let decoded = decoded.as_ref().unwrap_or_else(|e| panic!("{context}: verified but does not decode: {e}"));
            assert_eq!(&Value::Object(claims.clone()), &decoded.claims, "{context}: claims differ from decode");
            assert_eq!(decoded.header["alg"], "HS256", "{context}");
            assert!(claims.contains_key("exp"), "{context}: verified without exp");
            // Verified ⇒ integral time claims, and now within them give or take the leeway.
            let leeway = i128::from(options.leeway_seconds);
            let exp = seconds(&claims["exp"]).unwrap_or_else(|()| panic!("{context}: verified a non-integer exp"));
            assert!(i128::from(now) <= i128::from(exp) + leeway, "{context}: verified after exp");
            if let Some(nbf) = claims.get("nbf") {
                let nbf = seconds(nbf).unwrap_or_else(|()| panic!("{context}: verified a non-integer nbf"));
                assert!(i128::from(now) >= i128::from(nbf) - leeway, "{context}: verified before nbf");
            }
            if let Some(kind) = &options.expected_type {
                assert_eq!(claims.get("type").and_then(Value::as_str), Some(kind.as_str()), "{context}");
            }
        }
        Err(err) => common::check_error(err, TOKEN_CODES, &context),
    }
    if let Some((header, claims)) = &signed {
        let reasons = predicted(header, claims, &options, now);
        match &result {
            Ok(_) => assert!(reasons.is_empty(), "{context}: verified, but the spec refuses it: {reasons:?}"),
            Err(err) => assert!(
                reasons.contains(&err.code()),
                "{context}: {} ({}), but the spec says {reasons:?}",
                err.code(),
                err.message()
            ),
        }
    }
    // A wrong secret never verifies.
    if let Ok(claims) = verify_token(&token, "another-secret", &options, now) {
        panic!("{context}: verified with the wrong secret: {claims:?}");
    }
    let _ = verify_token(&token, "", &options, now).expect_err("empty secret");
});
