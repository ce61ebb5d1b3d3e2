//! The cryptography edgeroom needs, written here rather than pulled from crates.
//!
//! HS256 is the only algorithm edgeroom signs or verifies, so SHA-256, HMAC-SHA256, base64 and
//! a constant-time comparison are all it takes. Owning them keeps the `.wasm` small (no
//! `digest`, `generic-array` or `typenum` machinery) and lets the HMAC keep its key schedule,
//! which makes minting a token cost only the hashing of the token itself.
//!
//! The module uses `core` and `alloc` alone, so it also builds in a `no_std` crate.

pub mod base64;
pub mod sha256;

/// Whether `a` and `b` hold the same bytes, in a time that depends on their length only.
///
/// Lengths are compared first and may leak: every caller compares fixed-size MACs, whose
/// length is public. The contents are compared without an early exit, so the time does not
/// tell an attacker how many leading bytes of a forged tag were right.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut difference = 0u8;
    for (x, y) in a.iter().zip(b) {
        // black_box on every step keeps the optimiser from proving that the loop may stop once
        // `difference` is non-zero, which would turn it back into an early exit.
        difference = core::hint::black_box(difference | (x ^ y));
    }
    difference == 0
}

#[cfg(test)]
mod tests {
    use super::constant_time_eq;

    #[test]
    fn constant_time_eq_compares_contents_and_lengths() {
        assert!(constant_time_eq(b"", b""));
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"xbc"));
        assert!(!constant_time_eq(b"abc", b"ab"));
        assert!(!constant_time_eq(b"ab", b"abc"));
        assert!(!constant_time_eq(b"", b"a"));
    }

    #[test]
    fn constant_time_eq_sees_every_single_bit_difference() {
        let a = [0x5au8; 40];
        for byte in 0..a.len() {
            for bit in 0..8 {
                let mut b = a;
                b[byte] ^= 1 << bit;
                assert!(!constant_time_eq(&a, &b), "byte {byte} bit {bit}");
                assert!(!constant_time_eq(&b, &a), "byte {byte} bit {bit}");
            }
        }
        assert!(constant_time_eq(&a, &a.clone()));
    }
}
