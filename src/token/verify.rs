//! Reading tokens: `decode_token` for display (no checks), `verify_token` for trust.
//!
//! HS256 only: the signature is checked by jwt-compact's `Hs256` (HMAC-SHA256, compared in
//! constant time), then the time claims by plain integer comparisons. Not by jwt-compact's
//! `validate_expiration`/`validate_maturity`: its claims hold `chrono` date-times, so an
//! `exp` beyond chrono's range does not even deserialize, and its maturity check panics
//! computing `nbf - leeway` near chrono's minimum (docs/upstream/jwt-compact-nbf-leeway.md).

use super::hs256::Hs256Key;
use crate::error::{Error, ErrorCode, Result};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use jwt_compact::alg::{Hs256, Hs256Signature};
use jwt_compact::{Algorithm, AlgorithmSignature};
use serde_json::{Map, Value};
use std::borrow::ToOwned;
use std::format;
use std::string::String;

/// The most leeway `verify_token` allows: five minutes. More hides real clock problems.
pub const MAX_LEEWAY_SECONDS: i64 = 300;

/// Header and claims of a token, undecorated and unverified.
#[derive(Clone, Debug, PartialEq)]
pub struct DecodedToken {
    /// The JOSE header, e.g. `{"alg":"HS256","typ":"JWT"}`.
    pub header: Value,
    /// The claims, as sent.
    pub claims: Value,
}

/// What `verify_token` insists on beyond the signature and the time claims.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VerifyOptions {
    /// When set, the `type` claim must equal it (`"app"`, `"management"`).
    pub expected_type: Option<String>,
    /// Seconds of clock skew tolerated on `exp` and `nbf`: 0 ..= [`MAX_LEEWAY_SECONDS`].
    pub leeway_seconds: i64,
}

fn malformed(rule: &str) -> Error {
    Error::new(ErrorCode::MalformedToken, format!("token: {rule}"))
}

/// A part of a token as its JSON text (for `JSON.parse` at the wasm boundary: the text as
/// sent, never re-serialised) and as the value serde_json reads from it.
struct Part {
    text: String,
    value: Value,
}

/// The header and claims of a token, each a JSON object.
struct Parts {
    header: Part,
    claims: Part,
}

fn decode_parts(token: &str) -> Result<Parts> {
    let mut parts = token.split('.');
    let (Some(header), Some(claims), Some(_signature), None) = (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(malformed("must be three base64url parts separated by '.'"));
    };
    Ok(Parts { header: decode_part(header, "header")?, claims: decode_part(claims, "claims")? })
}

/// Splits and decodes a compact JWT without checking anything but its form.
pub fn decode_token(token: &str) -> Result<DecodedToken> {
    let parts = decode_parts(token)?;
    Ok(DecodedToken { header: parts.header.value, claims: parts.claims.value })
}

/// [`decode_token`], as the JSON text of the header and of the claims (each an object).
#[cfg_attr(not(all(target_arch = "wasm32", feature = "wasm-tokens")), allow(dead_code))]
pub(crate) fn decode_token_text(token: &str) -> Result<(String, String)> {
    let parts = decode_parts(token)?;
    Ok((parts.header.text, parts.claims.text))
}

fn decode_part(part: &str, name: &str) -> Result<Part> {
    let not_object = || malformed(&format!("the {name} is not a JSON object"));
    let bytes = URL_SAFE_NO_PAD.decode(part).map_err(|_| malformed(&format!("the {name} is not base64url")))?;
    // Text first (JSON is UTF-8 throughout), then read by the one `&str` reader every other
    // JSON text goes through (a second reader over bytes would be a second copy of the parser).
    let text = String::from_utf8(bytes).map_err(|_| not_object())?;
    match serde_json::from_str::<Value>(&text) {
        Ok(value @ Value::Object(_)) => Ok(Part { text, value }),
        _ => Err(not_object()),
    }
}

/// Verifies an HS256 token against `secret` at time `now` (Unix seconds) and returns its claims.
///
/// Rejects any other algorithm (`none` included), a bad signature (compared in constant
/// time), a token without `exp` or past it, a token whose `nbf` lies ahead, and with
/// `expected_type`, a token of another `type`. Claims are looked at only once the signature
/// holds, so a forged token learns nothing but "invalid signature".
pub fn verify_token(token: &str, secret: &str, options: &VerifyOptions, now: i64) -> Result<Map<String, Value>> {
    verify(token, secret, options, now).map(|(claims, _)| claims)
}

/// [`verify_token`], returning the verified claims as the JSON text the token carries.
#[cfg_attr(not(all(target_arch = "wasm32", feature = "wasm-tokens")), allow(dead_code))]
pub(crate) fn verify_token_text(token: &str, secret: &str, options: &VerifyOptions, now: i64) -> Result<String> {
    verify(token, secret, options, now).map(|(_, text)| text)
}

fn verify(token: &str, secret: &str, options: &VerifyOptions, now: i64) -> Result<(Map<String, Value>, String)> {
    let key = Hs256Key::new("secret", secret)?;
    if !(0..=MAX_LEEWAY_SECONDS).contains(&options.leeway_seconds) {
        return Err(Error::invalid("leewaySeconds", format_args!("must be an integer from 0 to {MAX_LEEWAY_SECONDS}")));
    }
    let decoded = decode_parts(token)?;
    if decoded.header.value.get("alg").and_then(Value::as_str) != Some("HS256") {
        return Err(Error::new(
            ErrorCode::UnsupportedAlgorithm,
            "token: only HS256 is accepted (the header's alg is not HS256)",
        ));
    }
    // decode_token has seen exactly three parts.
    let (signed, signature) = token.rsplit_once('.').unwrap_or_default();
    let signature = URL_SAFE_NO_PAD.decode(signature).map_err(|_| malformed("the signature is not base64url"))?;
    // Hs256Signature::try_from_slice panics on any other length than 32 (it copies into a
    // fixed-size array), so a short or long signature is refused here first.
    let signature = match signature.len() {
        32 => Hs256Signature::try_from_slice(&signature).ok(),
        _ => None,
    };
    let valid = signature.is_some_and(|tag| Hs256.verify_signature(&tag, key.jwt_compact_key(), signed.as_bytes()));
    if !valid {
        return Err(Error::new(ErrorCode::InvalidSignature, "token: the signature does not match the secret"));
    }
    let Value::Object(claims) = decoded.claims.value else {
        return Err(malformed("the claims are not a JSON object"));
    };
    let leeway = options.leeway_seconds;
    let expiration = time_claim(&claims, "exp")?
        .ok_or_else(|| Error::new(ErrorCode::TokenExpired, "token: has no exp claim, so it never expires"))?;
    // Saturating: a hostile exp or nbf near the ends of i64 must not overflow (a panic is a
    // trap that poisons the wasm instance).
    if now > expiration.saturating_add(leeway) {
        return Err(Error::new(ErrorCode::TokenExpired, "token: has expired (exp)"));
    }
    if let Some(not_before) = time_claim(&claims, "nbf")? {
        if now < not_before.saturating_sub(leeway) {
            return Err(Error::new(ErrorCode::TokenNotYetValid, "token: is not valid yet (nbf)"));
        }
    }
    if let Some(expected) = &options.expected_type {
        let actual = claims.get("type").and_then(Value::as_str);
        if actual != Some(expected.as_str()) {
            return Err(Error::new(
                ErrorCode::TokenTypeMismatch,
                format!("token: type must be \"{expected}\", found {}", describe(actual)),
            ));
        }
    }
    Ok((claims, decoded.claims.text))
}

/// `exp` or `nbf`: absent, or whole seconds since 1970 (edgeroom and both providers write
/// integers; a fractional or textual date is refused rather than guessed at).
fn time_claim(claims: &Map<String, Value>, name: &str) -> Result<Option<i64>> {
    match claims.get(name) {
        None => Ok(None),
        Some(value) => match value.as_i64() {
            Some(seconds) => Ok(Some(seconds)),
            None => Err(malformed(&format!("{name} must be an integer number of seconds"))),
        },
    }
}

fn describe(actual: Option<&str>) -> String {
    actual.map_or_else(|| "none".to_owned(), |t| format!("\"{t}\""))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::hs256::Hs256Key;

    const NOW: i64 = 1_700_000_000;

    fn b64(bytes: &[u8]) -> String {
        URL_SAFE_NO_PAD.encode(bytes)
    }
    const SECRET: &str = "verify-secret";

    fn mint(claims: Value) -> String {
        Hs256Key::new("secret", SECRET).unwrap().mint(&claims).unwrap()
    }

    /// Signs a signing input as given (claims serde_json would not write, such as 1e400).
    fn sign_raw(signed: &str) -> String {
        use hmac::{Hmac, Mac};
        let mut mac = Hmac::<sha2::Sha256>::new_from_slice(SECRET.as_bytes()).unwrap();
        mac.update(signed.as_bytes());
        format!("{signed}.{}", b64(&mac.finalize().into_bytes()))
    }

    fn strict() -> VerifyOptions {
        VerifyOptions::default()
    }

    fn code_of(token: &str, options: &VerifyOptions, now: i64) -> &'static str {
        verify_token(token, SECRET, options, now).unwrap_err().code().as_str()
    }

    #[test]
    fn accepts_a_valid_token_and_returns_every_claim() {
        let token = mint(serde_json::json!({"type": "app", "room_id": "r", "iat": NOW, "nbf": NOW, "exp": NOW + 60}));
        let claims = verify_token(&token, SECRET, &strict(), NOW).unwrap();
        assert_eq!(
            Value::Object(claims),
            serde_json::json!({"type": "app", "room_id": "r", "iat": NOW, "nbf": NOW, "exp": NOW + 60})
        );
    }

    #[test]
    fn rejects_a_wrong_secret() {
        let token = mint(serde_json::json!({"exp": NOW + 60}));
        let err = verify_token(&token, "other-secret", &strict(), NOW).unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidSignature);
    }

    #[test]
    fn rejects_a_tampered_payload() {
        let token = mint(serde_json::json!({"role": "guest", "exp": NOW + 60}));
        let forged = b64(br#"{"role":"host","exp":1700000060}"#);
        let mut parts: Vec<&str> = token.split('.').collect();
        parts[1] = &forged;
        assert_eq!(code_of(&parts.join("."), &strict(), NOW), "invalid_signature");
    }

    #[test]
    fn rejects_alg_none_and_other_algorithms() {
        let claims = b64(br#"{"exp":1800000000}"#);
        for header in [r#"{"alg":"none"}"#, r#"{"alg":"HS512","typ":"JWT"}"#, r#"{"alg":"RS256"}"#, r#"{"typ":"JWT"}"#]
        {
            let token = format!("{}.{claims}.", b64(header.as_bytes()));
            assert_eq!(code_of(&token, &strict(), NOW), "unsupported_algorithm", "{header}");
        }
    }

    #[test]
    fn rejects_expired_and_future_tokens_with_bounded_leeway() {
        let expired = mint(serde_json::json!({"exp": NOW - 5}));
        assert_eq!(code_of(&expired, &strict(), NOW), "token_expired");
        let lenient = VerifyOptions { leeway_seconds: 10, ..strict() };
        assert!(verify_token(&expired, SECRET, &lenient, NOW).is_ok());

        let future = mint(serde_json::json!({"nbf": NOW + 30, "exp": NOW + 90}));
        assert_eq!(code_of(&future, &strict(), NOW), "token_not_yet_valid");
        assert_eq!(code_of(&future, &lenient, NOW), "token_not_yet_valid");

        let too_lenient = VerifyOptions { leeway_seconds: 301, ..strict() };
        assert_eq!(code_of(&future, &too_lenient, NOW), "invalid_argument");
    }

    #[test]
    fn extreme_times_with_leeway_are_compared_without_overflow() {
        // Found by the fuzzer: jwt-compact's maturity check panicked here.
        let token = mint(serde_json::json!({"exp": 4_102_444_800_i64, "nbf": -8_334_601_228_800_i64}));
        let lenient = VerifyOptions { leeway_seconds: 300, ..strict() };
        assert!(verify_token(&token, SECRET, &lenient, NOW).is_ok());
        let far = mint(serde_json::json!({"exp": i64::MAX, "nbf": i64::MIN}));
        assert!(verify_token(&far, SECRET, &lenient, NOW).is_ok());
        // Not an integer: refused as malformed, not guessed at.
        for exp in ["1.8e9", "\"1800000000\"", "1e400", "null", "9223372036854775808"] {
            let claims = b64(format!(r#"{{"exp":{exp}}}"#).as_bytes());
            let token = sign_raw(&format!("{}.{claims}", crate::token::hs256::HEADER_B64));
            assert_eq!(code_of(&token, &lenient, NOW), "malformed_token", "{exp}");
        }
    }

    #[test]
    fn requires_an_expiry() {
        let token = mint(serde_json::json!({"type": "app"}));
        assert_eq!(code_of(&token, &strict(), NOW), "token_expired");
    }

    #[test]
    fn checks_the_type_when_asked() {
        let token = mint(serde_json::json!({"type": "management", "exp": NOW + 60}));
        let want_app = VerifyOptions { expected_type: Some("app".into()), ..strict() };
        assert_eq!(code_of(&token, &want_app, NOW), "token_type_mismatch");
        let want_mgmt = VerifyOptions { expected_type: Some("management".into()), ..strict() };
        assert!(verify_token(&token, SECRET, &want_mgmt, NOW).is_ok());
    }

    #[test]
    fn malformed_tokens_are_named_as_such() {
        for token in ["", "a.b", "a.b.c.d", "!!!.e30.", "e30.!!!.", "bnVsbA.e30.sig"] {
            assert_eq!(code_of(token, &strict(), NOW), "malformed_token", "{token:?}");
        }
    }

    #[test]
    fn decode_returns_header_and_claims_without_checking() {
        let token = mint(serde_json::json!({"exp": 1}));
        let decoded = decode_token(&token).unwrap();
        assert_eq!(decoded.header, serde_json::json!({"alg": "HS256", "typ": "JWT"}));
        assert_eq!(decoded.claims, serde_json::json!({"exp": 1}));
    }

    #[test]
    fn agrees_with_jwt_compact_both_ways() {
        use jwt_compact::alg::{Hs256, Hs256Key as OracleKey};
        use jwt_compact::{AlgorithmExt, Claims, Header, UntrustedToken};
        let oracle_key = OracleKey::new(SECRET.as_bytes());
        // Ours signed, theirs verifies: signature and claims survive.
        let ours = mint(serde_json::json!({"type": "app", "room_id": "r é \"q\"", "exp": NOW + 60}));
        let untrusted = UntrustedToken::new(&ours).unwrap();
        let checked = Hs256.validator::<serde_json::Value>(&oracle_key).validate(&untrusted).unwrap();
        assert_eq!(checked.claims().custom["room_id"], "r é \"q\"");
        // Theirs signed, ours verifies; a wrong secret fails on both sides.
        let claims = Claims::new(serde_json::json!({"type": "app", "exp": NOW + 60}));
        let theirs = Hs256.token(&Header::empty().with_token_type("JWT"), &claims, &oracle_key).unwrap();
        assert_eq!(verify_token(&theirs, SECRET, &strict(), NOW).unwrap()["type"], "app");
        assert_eq!(code_of_secret(&theirs, "other"), "invalid_signature");
        assert!(Hs256.validator::<serde_json::Value>(&OracleKey::new(b"other")).validate(&untrusted).is_err());
    }

    /// The upstream bug that keeps the time checks ours (docs/upstream/jwt-compact-nbf-leeway.md):
    /// jwt-compact 0.8.0's `validate_maturity` computes `nbf - leeway` unchecked, and chrono
    /// panics when that leaves its range. If this test fails, upstream fixed it.
    #[test]
    fn jwt_compact_maturity_check_panics_for_nbf_at_chrono_min() {
        use jwt_compact::{Claims, TimeOptions};
        let nbf = chrono::DateTime::from_timestamp(-8_334_601_228_800, 0).unwrap();
        assert_eq!(nbf, chrono::DateTime::<chrono::Utc>::MIN_UTC);
        let mut claims = Claims::empty();
        claims.not_before = Some(nbf);
        let now = || chrono::DateTime::from_timestamp(NOW, 0).unwrap();
        let options = TimeOptions::new(chrono::Duration::seconds(300), now);
        let outcome = std::panic::catch_unwind(|| claims.validate_maturity(&options).is_ok());
        assert!(outcome.is_err(), "jwt-compact no longer panics: {outcome:?}");
        // Ours: the same token verifies (nbf lies far in the past).
        let token = mint(serde_json::json!({"exp": NOW + 60, "nbf": -8_334_601_228_800_i64}));
        let lenient = VerifyOptions { leeway_seconds: 300, ..strict() };
        assert!(verify_token(&token, SECRET, &lenient, NOW).is_ok());
    }

    #[test]
    fn the_text_forms_hand_on_the_token_s_own_json() {
        let claims = br#"{"exp":1800000000, "big":12345678901234567890,"type":"app"}"#;
        let token = sign_raw(&format!("{}.{}", crate::token::hs256::HEADER_B64, b64(claims)));
        let text = verify_token_text(&token, SECRET, &strict(), NOW).unwrap();
        assert_eq!(text.as_bytes(), claims);
        let (header, claims_text) = decode_token_text(&token).unwrap();
        assert_eq!(header, r#"{"alg":"HS256","typ":"JWT"}"#);
        assert_eq!(claims_text.as_bytes(), claims);
        assert!(decode_token_text("bnVsbA.e30.").is_err());
    }

    fn code_of_secret(token: &str, secret: &str) -> &'static str {
        verify_token(token, secret, &strict(), NOW).unwrap_err().code().as_str()
    }
}
