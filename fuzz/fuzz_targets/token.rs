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
//! Mode bit 3 set: minting instead. The rest drives credentials, a grant and a validity for
//! `HmsCredentials::management_token`/`app_token` or `VideoSdkCredentials::token`; an error
//! must be the `invalid_argument` the rules predict, naming the same field (accessKey/apiKey,
//! secret, roomId, role, userId, participantId, permissions, validForSeconds, issuedAt,
//! notValidBefore, checked in that order), and never containing the secret; a minted token
//! decodes to exactly the predicted header and claims (times as the validity rules resolve
//! them, `jti` the version-4 UUID of the random bytes), `expires_at` is its `exp`, and it
//! verifies with the secret from `nbf` to `exp` (leeway 0, its own `type`), but not a second
//! after `exp` (`token_expired`), not a second before `nbf` (`token_not_yet_valid`), and
//! never with another secret.
//!
//! Header and claims are read with serde_json, as edgeroom reads them (in the configuration
//! it ships: no `arbitrary_precision`, so `-0` is a float and not an integer).
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
use edgeroom::token::{
    decode_token, verify_token, AppGrant, HmsCredentials, Permission, Validity, VerifyOptions, VideoSdkCredentials,
    VideoSdkGrant, VideoSdkRole, MAX_LEEWAY_SECONDS,
};
use edgeroom::ErrorCode;
use hmac::{Hmac, Mac};
use libfuzzer_sys::arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use serde_json::value::RawValue;
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

/// Claims with `exp`, `nbf`, `iat` (each maybe absent) from boundary numbers, written as
/// their texts (`1e400`, `1.0`, `-0` included), and a `type`.
fn time_claims(u: &mut Unstructured) -> libfuzzer_sys::arbitrary::Result<Vec<u8>> {
    let mut members = Vec::new();
    for key in ["exp", "nbf", "iat"] {
        if u.ratio(3, 4)? {
            members.push(format!("\"{key}\":{}", common::number_text(u)?));
        }
    }
    if u.ratio(1, 2)? {
        members.push(format!("\"type\":\"{}\"", u.choose(&["app", "management", ""])?));
    }
    Ok(format!("{{{}}}", members.join(",")).into_bytes())
}

/// `xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx` of 16 random bytes, version and variant bits set.
fn uuid_v4(mut random: [u8; 16]) -> String {
    random[6] = (random[6] & 0x0f) | 0x40;
    random[8] = (random[8] & 0x3f) | 0x80;
    let hex: String = random.iter().map(|b| format!("{b:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..])
}

/// A time option: absent, a boundary of the rules, near now, or anything.
fn time_option(u: &mut Unstructured, now: i64) -> libfuzzer_sys::arbitrary::Result<Option<i64>> {
    const EDGES: &[i64] =
        &[946_684_799, 946_684_800, 4_102_444_799, 4_102_444_800, 1_700_000_000, 0, -1, i64::MIN, i64::MAX];
    Ok(match u.int_in_range(0..=4u8)? {
        0 | 1 => None,
        2 => Some(*u.choose(EDGES)?),
        3 => Some(now.saturating_add(u.int_in_range(-100_000..=100_000i64)?)),
        _ => Some(u.arbitrary()?),
    })
}

fn identifier_ok(value: &str) -> bool {
    !value.is_empty() && value.len() <= 256 && !value.chars().any(char::is_control)
}

/// A string for an identifier: plain, or from the hostile alphabet.
fn name(u: &mut Unstructured, plain: &'static str) -> libfuzzer_sys::arbitrary::Result<String> {
    if u.ratio(3, 4)? {
        Ok(plain.to_owned())
    } else {
        common::string(u)
    }
}

/// `(iat, nbf, exp)` as the validity rules resolve them, or the field they refuse.
fn resolve(validity: &Validity, now: i64, backdate: i64) -> Result<(i64, i64, i64), &'static str> {
    let valid_for = match validity.valid_for_seconds {
        None => 86_400,
        Some(s @ 1..=31_536_000) => s,
        Some(_) => return Err("validForSeconds"),
    };
    let in_range = |t: i64| (946_684_800..4_102_444_800).contains(&t);
    let iat = match validity.issued_at {
        Some(t) if in_range(t) => t,
        Some(_) => return Err("issuedAt"),
        None => now - backdate,
    };
    let nbf = match validity.not_valid_before {
        Some(t) if in_range(t) => t,
        Some(_) => return Err("notValidBefore"),
        None => iat,
    };
    // The lifetime counts from `nbf`, as the official 100ms SDK counts it.
    let exp = nbf + valid_for;
    if iat > exp {
        return Err("issuedAt");
    }
    Ok((iat, nbf, exp))
}

/// Mints from generated credentials, grant and validity, and checks the token against the
/// predicted claims and the verifier.
fn mint(u: &mut Unstructured) -> libfuzzer_sys::arbitrary::Result<()> {
    let secret =
        if u.ratio(7, 8)? { format!("mint-secret-{}", u.int_in_range(0..=9999u16)?) } else { common::string(u)? };
    let key = name(u, "access-key-1")?;
    let now = common::js_now(u)?;
    let validity = Validity {
        valid_for_seconds: match u.int_in_range(0..=3u8)? {
            0 | 1 => None,
            2 => Some(*u.choose(&[0, 1, -1, 60, 86_400, 31_536_000, 31_536_001, i64::MAX, i64::MIN])?),
            _ => Some(u.arbitrary()?),
        },
        issued_at: time_option(u, now)?,
        not_valid_before: time_option(u, now)?,
    };
    let random: [u8; 16] = u.arbitrary()?;
    let hms = u.arbitrary::<bool>()?;
    let (room, role, user) = (name(u, "room-1")?, name(u, "host")?, name(u, "u-1")?);
    let user = if u.arbitrary()? { Some(user.as_str()) } else { None };
    let room = if hms || u.arbitrary()? { Some(room.as_str()) } else { None };
    let management = hms && u.arbitrary()?;
    let permissions: Vec<Permission> = (0..u.int_in_range(0..=3usize)?)
        .map(|_| Ok(*u.choose(&[Permission::AllowJoin, Permission::AllowMod, Permission::AskJoin])?))
        .collect::<libfuzzer_sys::arbitrary::Result<_>>()?;
    let roles: Vec<VideoSdkRole> = (0..u.int_in_range(0..=2usize)?)
        .map(|_| Ok(*u.choose(&[VideoSdkRole::Crawler, VideoSdkRole::Rtc])?))
        .collect::<libfuzzer_sys::arbitrary::Result<_>>()?;
    let context = format!(
        "mint hms {hms} management {management} key {key:?} secret {secret:?} room {room:?} role {role:?} user {user:?} \
         permissions {permissions:?} roles {roles:?} {validity:?} now {now}"
    );

    // The prediction: the first rule broken, in the order the code checks them.
    let backdate = if hms { 10 } else { 0 };
    let check = |ok: bool, field: &'static str| if ok { Ok(()) } else { Err(field) };
    let predicted: Result<(i64, i64, i64), &str> = (|| {
        check(identifier_ok(&key), if hms { "accessKey" } else { "apiKey" })?;
        check(!secret.is_empty(), "secret")?;
        if hms && !management {
            check(room.is_some_and(identifier_ok), "roomId")?;
            check(identifier_ok(&role), "role")?;
            check(user.is_none_or(identifier_ok), "userId")?;
        }
        if !hms {
            check(!permissions.is_empty(), "permissions")?;
            check(room.is_none_or(identifier_ok), "roomId")?;
            check(user.is_none_or(identifier_ok), "participantId")?;
        }
        resolve(&validity, now, backdate)
    })();

    let minted = if hms {
        HmsCredentials::new(&key, &secret).and_then(|credentials| {
            if management {
                credentials.management_token(&validity, now, random)
            } else {
                let grant = AppGrant { room_id: room.unwrap_or_default(), role: &role, user_id: user };
                credentials.app_token(&grant, &validity, now, random)
            }
        })
    } else {
        VideoSdkCredentials::new(&key, &secret).and_then(|credentials| {
            let grant = VideoSdkGrant {
                permissions: permissions.clone(),
                room_id: room,
                participant_id: user,
                roles: roles.clone(),
            };
            credentials.token(&grant, &validity, now)
        })
    };
    let (iat, nbf, exp) = match (&minted, predicted) {
        (Err(err), Err(field)) => {
            common::check_error(err, &[ErrorCode::InvalidArgument], &context);
            assert_eq!(err.field(), Some(field), "{context}: {}", err.message());
            let carried = [key.as_str(), &role, room.unwrap_or_default(), user.unwrap_or_default()]
                .iter()
                .any(|input| input.contains(secret.as_str()));
            // Only a secret no rule's words contain can be looked for.
            if secret.starts_with("mint-secret-") && !carried {
                assert!(!err.message().contains(secret.as_str()), "{context}: the secret is in {}", err.message());
            }
            return Ok(());
        }
        (Err(err), Ok(_)) => panic!("{context}: refused ({}), but the rules allow it", err.message()),
        (Ok(_), Err(field)) => panic!("{context}: minted, but the rules refuse {field}"),
        (Ok(_), Ok(times)) => times,
    };
    let minted = minted.expect("matched above");
    assert_eq!(minted.expires_at, exp, "{context}: expires_at");
    let decoded = decode_token(&minted.token)
        .unwrap_or_else(|e| panic!("{context}: minted {:?} does not decode: {e}", minted.token));
    assert_eq!(decoded.header, serde_json::json!({"alg": "HS256", "typ": "JWT"}), "{context}: header");
    let mut claims = Map::new();
    let mut put = |k: &str, v: Value| claims.insert(k.to_owned(), v);
    if hms {
        put("access_key", Value::from(key.as_str()));
        put("type", Value::from(if management { "management" } else { "app" }));
        put("version", Value::from(2));
        if !management {
            put("room_id", Value::from(room.unwrap_or_default()));
            put("role", Value::from(role.as_str()));
            if let Some(user) = user {
                put("user_id", Value::from(user));
            }
        }
        put("nbf", Value::from(nbf));
        put("jti", Value::from(uuid_v4(random)));
    } else {
        put("apikey", Value::from(key.as_str()));
        let names: Vec<Value> = permissions
            .iter()
            .map(|p| {
                Value::from(match p {
                    Permission::AllowJoin => "allow_join",
                    Permission::AllowMod => "allow_mod",
                    Permission::AskJoin => "ask_join",
                    other => panic!("a permission this target does not know: {other:?}"),
                })
            })
            .collect();
        put("permissions", Value::Array(names));
        if room.is_some() || user.is_some() || !roles.is_empty() {
            put("version", Value::from(2));
        }
        if let Some(room) = room {
            put("roomId", Value::from(room));
        }
        if let Some(user) = user {
            put("participantId", Value::from(user));
        }
        if !roles.is_empty() {
            let names: Vec<Value> = roles
                .iter()
                .map(|r| {
                    Value::from(match r {
                        VideoSdkRole::Crawler => "crawler",
                        VideoSdkRole::Rtc => "rtc",
                        other => panic!("a role this target does not know: {other:?}"),
                    })
                })
                .collect();
            put("roles", Value::Array(names));
        }
    }
    put("iat", Value::from(iat));
    put("exp", Value::from(exp));
    assert_eq!(decoded.claims, Value::Object(claims), "{context}: claims");

    // It verifies from nbf to exp, with its own type, and not a second outside.
    let options = VerifyOptions {
        expected_type: hms.then(|| if management { "management" } else { "app" }.to_owned()),
        leeway_seconds: 0,
    };
    let from = if hms { nbf } else { iat };
    for at in [from, exp, from + (exp - from) / 2] {
        let verified = verify_token(&minted.token, &secret, &options, at)
            .unwrap_or_else(|e| panic!("{context}: does not verify at {at}: {}", e.message()));
        assert_eq!(Value::Object(verified), decoded.claims, "{context}: verified claims");
    }
    let code = |at: i64| verify_token(&minted.token, &secret, &options, at).map(drop).map_err(|e| e.code());
    assert_eq!(code(exp + 1), Err(ErrorCode::TokenExpired), "{context}: after exp");
    if hms {
        assert_eq!(code(nbf - 1), Err(ErrorCode::TokenNotYetValid), "{context}: before nbf");
    }
    let other = format!("{secret}x");
    assert_eq!(
        verify_token(&minted.token, &other, &options, exp).map(drop).map_err(|e| e.code()),
        Err(ErrorCode::InvalidSignature),
        "{context}: another secret"
    );
    Ok(())
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

/// A time claim's text as the spec reads it: a JSON integer (digits, maybe a leading `-`)
/// that fits i64, read by Rust's own parser; `Err` for anything else. `-0` too: serde_json
/// (edgeroom's reader) reads it as the float -0.0.
fn seconds(text: &str) -> Result<i64, ()> {
    let integer = text != "-0" && text.bytes().enumerate().all(|(i, b)| b.is_ascii_digit() || (i == 0 && b == b'-'));
    if integer {
        text.parse::<i64>().map_err(|_| ())
    } else {
        Err(())
    }
}

/// The claims' members as their own texts (the last of a repeated key, as serde_json keeps).
fn member_texts(claims: &[u8]) -> Map<String, Value> {
    let raw: std::collections::BTreeMap<String, Box<RawValue>> =
        serde_json::from_slice(claims).expect("claims that serde_json read as an object");
    raw.into_iter().map(|(k, v)| (k, Value::String(v.get().to_owned()))).collect()
}

/// Every error the spec allows for a correctly signed token (empty: it must verify).
fn predicted(header: &[u8], claims: &[u8], options: &VerifyOptions, now: i64) -> Vec<ErrorCode> {
    let mut reasons = Vec::new();
    if !(0..=MAX_LEEWAY_SECONDS).contains(&options.leeway_seconds) {
        reasons.push(ErrorCode::InvalidArgument);
    }
    let (Ok(header @ Value::Object(_)), Ok(Value::Object(parsed))) = (parse_bytes(header), parse_bytes(claims)) else {
        reasons.push(ErrorCode::MalformedToken);
        return reasons;
    };
    let texts = member_texts(claims);
    let time = |key: &str| texts.get(key).and_then(Value::as_str).map(seconds);
    if header["alg"] != "HS256" {
        reasons.push(ErrorCode::UnsupportedAlgorithm);
    }
    let leeway = i128::from(options.leeway_seconds);
    let now = i128::from(now);
    match time("exp") {
        None => reasons.push(ErrorCode::TokenExpired),
        Some(Err(())) => reasons.push(ErrorCode::MalformedToken),
        Some(Ok(exp)) if now > i128::from(exp) + leeway => reasons.push(ErrorCode::TokenExpired),
        Some(Ok(_)) => {}
    }
    match time("nbf") {
        None => {}
        Some(Err(())) => reasons.push(ErrorCode::MalformedToken),
        Some(Ok(nbf)) if now < i128::from(nbf) - leeway => reasons.push(ErrorCode::TokenNotYetValid),
        Some(Ok(_)) => {}
    }
    if let Some(expected) = &options.expected_type {
        if parsed.get("type").and_then(Value::as_str) != Some(expected.as_str()) {
            reasons.push(ErrorCode::TokenTypeMismatch);
        }
    }
    reasons
}

fuzz_target!(|data: &[u8]| {
    let [mode, leeway, kind, rest @ ..] = data else { return };
    if mode & 8 == 8 {
        let _ = mint(&mut Unstructured::new(rest));
        return;
    }
    // (header, claims) when the harness signs the token.
    let signed: Option<(Vec<u8>, Vec<u8>)> = if mode & 4 == 4 {
        let Ok(claims) = time_claims(&mut Unstructured::new(rest)) else { return };
        Some((HEADER.into(), claims))
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
            let exp = seconds(&claims["exp"].to_string())
                .unwrap_or_else(|()| panic!("{context}: verified a non-integer exp"));
            assert!(i128::from(now) <= i128::from(exp) + leeway, "{context}: verified after exp");
            if let Some(nbf) = claims.get("nbf") {
                let nbf =
                    seconds(&nbf.to_string()).unwrap_or_else(|()| panic!("{context}: verified a non-integer nbf"));
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
