//! Decode rate, in this process on one thread (no server, no I/O): the frames a gateway decodes
//! most — component-state uploads as `huoyan-simulator` builds them (78 bytes, GB 18030
//! descriptions) mixed with the 19 shared vectors — through each layer the gateway uses:
//!
//! - `decode`: one whole frame (checks, command, ADU objects);
//! - `stream`: the streaming decoder over the frames glued into one stream, fed in 4 KiB reads;
//! - `session`: the per-connection session (stream decoder, de-duplication, events) with each
//!   upload confirmed, as the gateway drives it;
//! - `decode + JSON`: `decode` plus the `serde_json::Value` the gateway stores per frame.
//!
//! Each runs for `seconds` (after a short warm-up); the table gives frames/s, MB/s and ns/frame.

use std::hint::black_box;
use std::time::{Duration, Instant};

use huoyan_gb26875::{Address, Event, Session, SessionConfig, StreamDecoder, decode, hex_to_bytes};
use huoyan_simulator::Report;
use rand::SeedableRng;
use serde::Serialize;

const VECTORS: &str = include_str!("../../../huoyan-gb26875/tests/data/gb26875-vectors.json");

/// One measured layer.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct DecodeOutcome {
    pub(crate) what: &'static str,
    pub(crate) frames: u64,
    pub(crate) seconds: f64,
    pub(crate) frames_per_s: f64,
    pub(crate) mb_per_s: f64,
    pub(crate) ns_per_frame: f64,
}

/// 1,000 frames: 95 % simulator uploads (fire, fault, normal, main power), 5 % shared vectors.
fn corpus() -> Vec<Vec<u8>> {
    let doc: serde_json::Value = serde_json::from_str(VECTORS).unwrap_or_default();
    let vectors: Vec<Vec<u8>> = doc["frames"]
        .as_array()
        .map(|a| a.iter().filter_map(|f| hex_to_bytes(f["hex"].as_str()?).ok()).collect())
        .unwrap_or_default();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(26875);
    let reports = [Report::Normal, Report::Normal, Report::Fault, Report::Fire, Report::MainPowerFault];
    (0..1000u16)
        .map(|i| match vectors.get(usize::from(i / 20)) {
            Some(v) if i % 20 == 0 => v.clone(),
            _ => huoyan_simulator::frames::upload(
                Address([0x53, 0x49, 0, 0, 0, 1]),
                i,
                reports[usize::from(i) % 5],
                &mut rng,
            )
            .encode(),
        })
        .collect()
}

/// Runs `step` (which handles the whole corpus once and returns the frames it saw) until
/// `seconds` have passed.
fn time(what: &'static str, bytes_per_pass: usize, seconds: f64, mut step: impl FnMut() -> u64) -> DecodeOutcome {
    let warm = Instant::now();
    while warm.elapsed() < Duration::from_millis(200) {
        black_box(step());
    }
    let (mut frames, mut passes) = (0u64, 0u64);
    let started = Instant::now();
    while started.elapsed().as_secs_f64() < seconds {
        frames += step();
        passes += 1;
    }
    let s = started.elapsed().as_secs_f64();
    DecodeOutcome {
        what,
        frames,
        seconds: s,
        frames_per_s: frames as f64 / s,
        mb_per_s: (passes as usize * bytes_per_pass) as f64 / s / 1e6,
        ns_per_frame: s * 1e9 / frames.max(1) as f64,
    }
}

pub(crate) fn run(seconds: f64) -> Vec<DecodeOutcome> {
    let corpus = corpus();
    let stream: Vec<u8> = corpus.concat();
    let n = stream.len();
    let mut out = Vec::new();
    out.push(time("decode (one frame)", n, seconds, || {
        corpus.iter().filter(|f| black_box(decode(f)).is_ok()).count() as u64
    }));
    out.push(time("stream decoder, 4 KiB reads", n, seconds, || {
        let mut d = StreamDecoder::default();
        let mut k = 0;
        for chunk in stream.chunks(4096) {
            d.feed(chunk);
            while let Some(r) = d.next_raw() {
                k += u64::from(black_box(r).is_ok());
            }
        }
        k
    }));
    out.push(time("session (decode, de-duplicate, confirm)", n, seconds, || {
        let now = Instant::now();
        let mut s = Session::new(SessionConfig::default(), now, 0);
        let mut k = 0;
        for chunk in stream.chunks(4096) {
            s.handle_bytes(now, chunk);
            while let Some(e) = s.poll_event() {
                if let Event::Received { frame, ack_required: true, .. } = e {
                    k += 1;
                    let _ = s.ack(now, frame.serial);
                }
            }
            while black_box(s.poll_transmit()).is_some() {}
        }
        k
    }));
    out.push(time("decode + JSON document", n, seconds, || {
        corpus.iter().filter_map(|f| decode(f).ok()).map(|f| black_box(serde_json::to_value(&f)).is_ok() as u64).sum()
    }));
    out
}

pub(crate) fn markdown(rows: &[DecodeOutcome]) -> String {
    let mut s = String::from(
        "Decode rate (one thread, in process; 1,000-frame corpus: 95 % simulator uploads of 39–78 bytes, 5 % shared vectors):\n\n\
         | Layer | frames | s | frames/s | MB/s | ns/frame |\n|---|---:|---:|---:|---:|---:|\n",
    );
    for r in rows {
        s += &format!(
            "| {} | {} | {:.1} | {:.0} | {:.0} | {:.0} |\n",
            r.what, r.frames, r.seconds, r.frames_per_s, r.mb_per_s, r.ns_per_frame
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_corpus_decodes() {
        let c = corpus();
        assert_eq!(c.len(), 1000);
        assert!(c.iter().all(|f| decode(f).is_ok()));
        let r = run(0.05);
        assert_eq!(r.len(), 4);
        assert!(r.iter().all(|o| o.frames > 0 && o.frames_per_s > 0.0), "{r:?}");
    }
}
