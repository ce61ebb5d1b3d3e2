//! The token entry's WebAssembly module (`edgeroom/tokens`): edgeroom's wasm exports without
//! `wasm-full`, with `wasm-tokens` only, i.e. the token API (see `src/wasm/mod.rs`). Built by
//! `scripts/build.sh` for wasm32; nothing of its own.

#![forbid(unsafe_code)]
#![no_std]

// Links edgeroom, whose `#[wasm_bindgen]` exports become this module's exports.
pub use edgeroom;
