//! Fuzz target: the GB/T 26875.3 frame decoder, the stream decoder and the session must never
//! panic and must keep the invariants of `huoyan_gb26875::invariants` (round trips, every byte
//! accounted for, resynchronisation, replies). The same check runs bounded in the normal test
//! suite (`crates/huoyan-gb26875/tests/fuzz.rs`).
//! Run with `cargo fuzz run gb26875_decode` from the repository root (nightly).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(violation) = huoyan_gb26875::invariants::check(data) {
        panic!("{violation} (input {})", huoyan_gb26875::bytes_to_hex(data));
    }
});
