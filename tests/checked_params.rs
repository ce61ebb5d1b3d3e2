//! The two ways a request is made agree: by name, the caller's JSON is checked by reading it
//! into the call's typed params and then sent as it was given (the npm package's path,
//! `edgeroom::by_name`); the typed way, the typed params are serialised (a Rust caller's
//! `CreateRoom::new(..)`). For every call of both providers, generated inputs are sent both
//! ways, and each must give the same request or the same error (`both_ways`).
//!
//! The inputs are the `validators` fuzz target's (fuzz/common): each a short dialogue in
//! which a refusal's field and rule repair the params, so most calls reach a request. Run
//! from fixed seeds, so a failure is reproducible; the fuzz target runs the same check on
//! what libFuzzer finds (`bash fuzz/run.sh`). Native only: `arbitrary`, the generators'
//! crate, is a native dev-dependency.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../fuzz/common/mod.rs"]
#[allow(dead_code, clippy::all)]
mod common;

use arbitrary::Unstructured;
use common::requests::{argument, both_ways, clients, first_params, repair, HMS_TYPED, VIDEOSDK_TYPED};
use edgeroom::by_name::ByName;
use edgeroom::call::Spec;
use edgeroom::hms::HmsClient;
use edgeroom::videosdk::VideoSdkClient;
use serde_json::Value;

/// Inputs per call.
const INPUTS: usize = 60;
/// Sends per input: more than the fuzz target's, which mutation steers further.
const ROUNDS: usize = 40;

/// Bytes for `Unstructured` from a fixed seed (xorshift64*: reproducible, no dependency).
fn bytes(seed: u64, len: usize) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..len)
        .map(|_| {
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            (x.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 56) as u8
        })
        .collect()
}

/// Runs one dialogue on `spec` from `data`; returns whether some round built a request.
fn dialogue<P: ByName>(client: &P, typed: &[common::requests::TypedRequest<P>], spec: &Spec, data: &[u8]) -> bool {
    let u = &mut Unstructured::new(data);
    let run = |u: &mut Unstructured| -> arbitrary::Result<bool> {
        let mut args: Vec<String> = (0..spec.args.len()).map(|_| argument(u)).collect::<arbitrary::Result<_>>()?;
        let mut params: Value = first_params(u, spec)?;
        let mut built = false;
        for _ in 0..ROUNDS {
            match both_ways(client, typed, spec.name, &args, &params) {
                Ok(_) => {
                    built = true;
                    // Go on from a success now and then: replace a member with anything.
                    match &mut params {
                        Value::Object(map) if !map.is_empty() && u.ratio(1, 2)? => {
                            let key = map.keys().nth(u.choose_index(map.len())?).cloned().unwrap_or_default();
                            let value = common::any_json(u, 2, &[])?;
                            map.insert(key, value);
                        }
                        _ => break,
                    }
                }
                Err(err) => {
                    if !repair(u, spec, &err, &mut args, &mut params)? {
                        break;
                    }
                }
            }
        }
        Ok(built)
    };
    run(u).unwrap_or(false)
}

fn every_call<P: ByName>(client: &P, typed: &[common::requests::TypedRequest<P>]) {
    let mut never_built = Vec::new();
    for (n, entry) in P::CALLS.iter().enumerate() {
        let mut built = 0;
        for input in 0..INPUTS {
            let data = bytes((n * INPUTS + input) as u64 + 1, 4096);
            built += usize::from(dialogue(client, typed, entry.spec, &data));
        }
        if built == 0 {
            never_built.push(entry.spec.name);
        }
    }
    // A call no input ever got through would compare errors only: the generator must reach
    // a request for every call, or this test proves little for it.
    assert!(never_built.is_empty(), "no generated input built a request for {never_built:?}");
}

#[test]
fn hms_calls_by_name_and_typed_agree() {
    let clients = clients();
    let client: &HmsClient = &clients.hms[0];
    every_call(client, HMS_TYPED);
}

#[test]
fn videosdk_calls_by_name_and_typed_agree() {
    let clients = clients();
    let client: &VideoSdkClient = &clients.videosdk[0];
    every_call(client, VIDEOSDK_TYPED);
}
