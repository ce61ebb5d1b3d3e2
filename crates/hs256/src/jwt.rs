//! A compact JWT (RFC 7515 §7.1) with the one header edgeroom signs.

use crate::base64::encode_url;
use crate::sha256::HmacKey;
use alloc::string::String;

/// `base64url({"alg":"HS256","typ":"JWT"})`: the one header edgeroom ever signs.
pub const HEADER_B64: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";

/// `header.claims.signature` for `claims` (JSON text), signed with `key`.
pub fn sign(key: &HmacKey, claims: &[u8]) -> String {
    let mut out = String::with_capacity(HEADER_B64.len() + claims.len() * 4 / 3 + 48);
    out.push_str(HEADER_B64);
    out.push('.');
    encode_url(&mut out, claims);
    let signature = key.sign(out.as_bytes());
    out.push('.');
    encode_url(&mut out, &signature);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base64::decode_url;

    #[test]
    fn header_constant_is_the_documented_header() {
        assert_eq!(decode_url(HEADER_B64).unwrap(), br#"{"alg":"HS256","typ":"JWT"}"#);
    }

    #[test]
    fn three_parts_the_last_one_the_hmac_of_the_first_two() {
        let key = HmacKey::new(b"secret");
        let token = sign(&key, br#"{"a":1}"#);
        let (signed, signature) = token.rsplit_once('.').unwrap();
        assert_eq!(signed, "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhIjoxfQ");
        assert!(key.verify(signed.as_bytes(), &decode_url(signature).unwrap()));
    }
}
