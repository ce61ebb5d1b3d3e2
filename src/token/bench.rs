//! Minting throughput: signing with the keyed `hmac` directly (what edgeroom ships) against
//! jwt-compact's `Hs256::token`, the same claims, alternating rounds in one run. A program
//! that prints figures, not a timed assertion:
//!
//! `cargo test --release --lib mint_throughput -- --ignored --nocapture`

use super::{HmsCredentials, Validity, HMS_CLOCK_SKEW_SECONDS};
use edgeroom_mint::uuid_v4_into;
use jwt_compact::alg::Hs256;
use jwt_compact::{AlgorithmExt, Claims, Header};
use serde::Serialize;
use std::hint::black_box;
use std::time::Instant;

/// A management token's claims without the three times, which jwt-compact's `Claims` holds.
#[derive(Serialize)]
struct Custom<'a> {
    access_key: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    version: u8,
    jti: &'a str,
}

fn with_jwt_compact(creds: &HmsCredentials, now: i64, random: [u8; 16]) -> String {
    let times = Validity::default().resolve(now, HMS_CLOCK_SKEW_SECONDS).unwrap();
    let mut jti = [0u8; uuid::fmt::Hyphenated::LENGTH];
    let custom =
        Custom { access_key: creds.access_key(), kind: "management", version: 2, jti: uuid_v4_into(random, &mut jti) };
    let mut claims = Claims::new(custom);
    claims.issued_at = chrono::DateTime::from_timestamp(times.iat, 0);
    claims.not_before = chrono::DateTime::from_timestamp(times.nbf, 0);
    claims.expiration = chrono::DateTime::from_timestamp(times.exp, 0);
    let header = Header::empty().with_token_type("JWT");
    Hs256.token(&header, &claims, creds.key().jwt_compact_key()).unwrap()
}

#[test]
#[ignore = "a benchmark: run with --release --ignored --nocapture"]
fn mint_throughput() {
    let creds = HmsCredentials::new("access-key-0123456789abcdef", "s3cr3t-0123456789abcdef-0123456789").unwrap();
    const NOW: i64 = 1_700_000_000;
    const PER_ROUND: u32 = 20_000;
    // Both verify under the same key, so both are real HS256 tokens.
    let check = with_jwt_compact(&creds, NOW, [1; 16]);
    let options = super::VerifyOptions::default();
    super::verify_token(&check, "s3cr3t-0123456789abcdef-0123456789", &options, NOW).unwrap();
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    for round in 0..10u8 {
        let start = Instant::now();
        for i in 0..PER_ROUND {
            black_box(creds.management_token(&Validity::default(), NOW + i64::from(i), [round; 16]).unwrap());
        }
        ours.push(f64::from(PER_ROUND) / start.elapsed().as_secs_f64());
        let start = Instant::now();
        for i in 0..PER_ROUND {
            black_box(with_jwt_compact(&creds, NOW + i64::from(i), [round; 16]));
        }
        theirs.push(f64::from(PER_ROUND) / start.elapsed().as_secs_f64());
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (ours, theirs) = (median(&mut ours), median(&mut theirs));
    println!("mint (management token), median of 10 alternating rounds of {PER_ROUND}:");
    println!("  hmac directly (keyed once, cloned): {ours:>10.0} tokens/s");
    println!("  jwt-compact Hs256::token:           {theirs:>10.0} tokens/s ({:.0}% of direct)", theirs / ours * 100.0);
}
