//! Tokens from anywhere: `decode_token` and `verify_token` on arbitrary strings, and on
//! tokens whose header and claims are arbitrary JSON but which ARE signed with the secret
//! (so the fuzzer reaches the time checks behind the signature check).
//!
//! Input layout: [mode] [leeway] [type selector] then the rest. Mode bit 0 set: the rest is
//! `<header json>\n<claims json>` to be signed (bit 1: by our own signer); bit 2 set: the
//! rest drives a generator of claims whose time members are boundary numbers, signed by our
//! own signer; otherwise the rest is the token itself.
#![no_main]

#[path = "../common/mod.rs"]
mod common;

use base64ct::{Base64UrlUnpadded, Encoding};
use edgeroom::token::{decode_token, verify_token, Hs256Key, VerifyOptions, MAX_LEEWAY_SECONDS};
use edgeroom::ErrorCode;
use hmac::{Hmac, Mac};
use libfuzzer_sys::arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use sha2::Sha256;

const SECRET: &str = "fuzz-secret";
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

/// `EDGEROOM_FUZZ_SKIP_KNOWN=1`: step around the bugs already reported, so a run can look
/// for new ones instead of stopping at the known crash within seconds.
fn skip_known() -> bool {
    static SKIP: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *SKIP.get_or_init(|| std::env::var_os("EDGEROOM_FUZZ_SKIP_KNOWN").is_some_and(|v| v == "1"))
}

/// Known bug: jwt-compact computes `nbf - leeway` unchecked, so an `nbf` within `leeway`
/// seconds of chrono's earliest time (-262143-01-01, Unix -8334601228800) panics.
fn hits_known_nbf_overflow(decoded: Option<&edgeroom::token::DecodedToken>, leeway: i64) -> bool {
    const CHRONO_MIN_UNIX: i64 = -8_334_601_228_800;
    let nbf =
        decoded.and_then(|d| d.claims.get("nbf")).and_then(|n| n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)));
    nbf.is_some_and(|nbf| nbf.saturating_sub(leeway) < CHRONO_MIN_UNIX)
}

/// Claims with `exp`, `nbf`, `iat` (each maybe absent) from boundary numbers, and a `type`.
fn time_claims(u: &mut Unstructured) -> libfuzzer_sys::arbitrary::Result<Value> {
    let mut claims = serde_json::Map::new();
    for key in ["exp", "nbf", "iat"] {
        if u.ratio(3, 4)? {
            claims.insert(key.to_owned(), common::number(u)?);
        }
    }
    if u.ratio(1, 2)? {
        claims.insert("type".to_owned(), Value::String(u.choose(&["app", "management", ""])?.to_string()));
    }
    Ok(Value::Object(claims))
}

fn hmac_sha256(key: &[u8], message: &[u8]) -> Vec<u8> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(message);
    mac.finalize().into_bytes().to_vec()
}

fuzz_target!(|data: &[u8]| {
    let [mode, leeway, kind, rest @ ..] = data else { return };
    let text = String::from_utf8_lossy(rest);
    let token = if mode & 4 == 4 {
        let Ok(claims) = time_claims(&mut Unstructured::new(rest)) else { return };
        Hs256Key::new("secret", SECRET).expect("valid secret").mint(&claims)
    } else if mode & 1 == 1 {
        let (header, claims) = text.split_once('\n').unwrap_or(("", &text));
        let Ok(claims) = serde_json::from_str::<Value>(claims) else { return };
        if mode & 2 == 2 {
            // Our own signer, with the header it always writes.
            Hs256Key::new("secret", SECRET).expect("valid secret").mint(&claims)
        } else {
            // A hand-made header (any alg, any extra fields), correctly signed.
            let signing_input = format!("{}.{}", b64url(header.as_bytes()), b64url(claims.to_string().as_bytes()));
            let signature = hmac_sha256(SECRET.as_bytes(), signing_input.as_bytes());
            format!("{signing_input}.{}", b64url(&signature))
        }
    } else {
        text.into_owned()
    };

    let decoded = decode_token(&token);
    match &decoded {
        Ok(d) => assert!(d.header.is_object() && d.claims.is_object(), "decode returned a non-object: {token:?}"),
        Err(err) => common::check_error(err, &[ErrorCode::MalformedToken], &format!("decode {token:?}")),
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
    if skip_known() && hits_known_nbf_overflow(decoded.as_ref().ok(), options.leeway_seconds) {
        return;
    }
    let context =
        format!("verify {token:?} leeway {} type {:?} now {now}", options.leeway_seconds, options.expected_type);
    match verify_token(&token, SECRET, &options, now) {
        Ok(claims) => {
            let decoded = decoded.unwrap_or_else(|e| panic!("{context}: verified but does not decode: {e}"));
            assert_eq!(Value::Object(claims.clone()), decoded.claims, "{context}: claims differ from decode");
            assert_eq!(decoded.header["alg"], "HS256", "{context}");
            assert!(claims.contains_key("exp"), "{context}: verified without exp");
            if let Some(kind) = &options.expected_type {
                assert_eq!(claims.get("type").and_then(Value::as_str), Some(kind.as_str()), "{context}");
            }
        }
        Err(err) => common::check_error(&err, TOKEN_CODES, &context),
    }
    // A wrong secret never verifies.
    if let Ok(claims) = verify_token(&token, "another-secret", &options, now) {
        panic!("{context}: verified with the wrong secret: {claims:?}");
    }
    let _ = verify_token(&token, "", &options, now).expect_err("empty secret");
});
