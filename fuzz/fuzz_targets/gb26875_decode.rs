//! Fuzz target: the GB/T 26875.3 frame decoder, the stream decoder and the session must never
//! panic, and every frame they accept must re-encode to the bytes it was decoded from.
//! Run with `cargo fuzz run gb26875_decode` from the repository root.
#![no_main]

use std::time::Instant;

use huoyan_gb26875::{Session, SessionConfig, StreamDecoder, decode, decode_hex_to_json, encode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(frame) = decode(data) {
        assert_eq!(encode(&frame), data);
    }
    let mut stream = StreamDecoder::new(0);
    for chunk in data.chunks(7) {
        stream.feed(chunk);
        while let Some(item) = stream.next_raw() {
            if let Ok(raw) = item {
                assert_eq!(encode(&raw.frame), raw.bytes);
            }
        }
    }
    let now = Instant::now();
    let mut session = Session::new(SessionConfig::default(), now, 0);
    session.handle_bytes(now, data);
    while session.poll_event().is_some() {}
    while session.poll_transmit().is_some() {}
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = decode_hex_to_json(text);
    }
});
