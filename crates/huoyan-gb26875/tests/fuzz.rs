//! A bounded, seeded fuzz run in the normal test suite (stable Rust, no sanitizers): the body of
//! the cargo-fuzz target, [`huoyan_gb26875::invariants::check`], over a fixed number of inputs
//! mutated from the shared vectors and generated frames — bit flips, byte overwrites with the
//! markers and extremes, truncation, splicing, glued frames with garbage between, random bytes of
//! random lengths, `@@`/`##` injection, huge and inconsistent length fields, random ADUs inside
//! intact frames, inserted and deleted ranges — each optionally with its checksum repaired so that
//! it reaches the command and ADU decoders.
//!
//! `HUOYAN_FUZZ_ITERATIONS` (default 3,000) and `HUOYAN_FUZZ_SEED` (default 26875) change the run;
//! a failure prints the seed, the iteration and the input as hex for `huoyan gb26875 decode`.

use std::collections::BTreeMap;

use huoyan_gb26875::invariants::{Exercised, check};
use huoyan_gb26875::*;

const VECTORS: &str = include_str!("data/gb26875-vectors.json");

/// xorshift64*: small, seeded, reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
    fn byte(&mut self) -> u8 {
        self.next() as u8
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.byte()).collect()
    }
}

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// The shared vectors plus frames of the variable-length and less common types.
fn corpus() -> Vec<Vec<u8>> {
    let doc: serde_json::Value = serde_json::from_str(VECTORS).unwrap();
    let mut out: Vec<Vec<u8>> =
        doc["frames"].as_array().unwrap().iter().map(|f| hex_to_bytes(f["hex"].as_str().unwrap()).unwrap()).collect();
    let base = decode(&out[0]).unwrap();
    let with = |adu: &[u8]| encode(&Frame { adu: Some(Adu::decode(adu).unwrap()), ..base.clone() });
    out.push(with(&[6, 2, 1, 1, 4, b'@', b'@', b'#', b'#', 11, 2, 0])); // system configs, variable length
    out.push(with(&[26, 1, 3, 0xc4, 0xe3, b'#'])); // UITD config text
    out.push(with(&[3, 1, 1, 1, 40, 1, 0, 0, 0, 3, 0x2c, 0x01, 1, 2, 3, 4, 5, 6])); // analog value
    out.push(with(&[200, 9, 9, 9])); // user-defined type, kept raw
    out.push(encode(&Frame { adu: None, ..base.clone() })); // heartbeat
    out
}

fn fix_checksum(b: &mut [u8]) {
    if b.len() >= MIN_FRAME_LEN {
        let n = b.len();
        b[n - 3] = checksum(&b[2..n - 3]);
    }
}

fn set_len_field(b: &mut [u8], len: u16) {
    if b.len() >= HEADER_LEN {
        b[24..26].copy_from_slice(&len.to_le_bytes());
    }
}

/// One mutation of `b` (which may be replaced).
fn mutate(rng: &mut Rng, corpus: &[Vec<u8>], b: &mut Vec<u8>) -> &'static str {
    let pick = |rng: &mut Rng| corpus[rng.below(corpus.len())].clone();
    match rng.below(13) {
        0 => {
            for _ in 0..=rng.below(4) {
                if !b.is_empty() {
                    let i = rng.below(b.len());
                    b[i] ^= 1 << rng.below(8);
                }
            }
            "bit flips"
        }
        1 => {
            if !b.is_empty() {
                let i = rng.below(b.len());
                b[i] = [0x00, 0xff, 0x40, 0x23, 0x7f, 0x80, 1, 2, 3, 4, 5, 6, 7][rng.below(13)];
            }
            "special byte"
        }
        2 => {
            b.truncate(rng.below(b.len() + 1));
            "truncation"
        }
        3 => {
            let other = pick(rng);
            let (i, j) = (rng.below(b.len() + 1), rng.below(other.len() + 1));
            b.truncate(i);
            b.extend_from_slice(&other[j..]);
            "splice"
        }
        4 => {
            for _ in 0..=rng.below(3) {
                let n = rng.below(40);
                let junk = rng.bytes(n);
                b.extend_from_slice(&junk);
                b.extend_from_slice(&pick(rng));
            }
            "glued frames with garbage"
        }
        5 => {
            let n = rng.below(2 * MAX_FRAME_LEN);
            *b = (0..n).map(|_| if rng.chance(20) { [b'@', b'#'][rng.below(2)] } else { rng.byte() }).collect();
            "random bytes"
        }
        6 => {
            let i = rng.below(b.len() + 1);
            let marker = if rng.chance(50) { START } else { END };
            if rng.chance(50) || i + 2 > b.len() {
                b.splice(i..i, marker);
            } else {
                b[i..i + 2].copy_from_slice(&marker);
            }
            "marker injection"
        }
        7 => {
            let adu = b.len().saturating_sub(MIN_FRAME_LEN) as u16;
            let len =
                [0xffff, 1024, 1025, rng.next() as u16, adu.wrapping_add(1), adu.wrapping_sub(1), 0][rng.below(7)];
            set_len_field(b, len);
            "length field"
        }
        8 => {
            // An intact frame around a random ADU (type code and count first).
            let mut f = pick(rng);
            f.truncate(HEADER_LEN);
            let n = rng.below(MAX_ADU_LEN + 40);
            f.extend(rng.bytes(n));
            if rng.chance(70) && n >= 1 {
                f[HEADER_LEN] = IMPLEMENTED_TYPES[rng.below(IMPLEMENTED_TYPES.len())];
            }
            set_len_field(&mut f, n as u16);
            f.extend_from_slice(&[0, b'#', b'#']);
            fix_checksum(&mut f);
            *b = f;
            "random ADU"
        }
        9 => {
            // The object count of a real ADU changed, length and checksum kept consistent.
            if b.len() > HEADER_LEN + 4 {
                b[HEADER_LEN + 1] = [0, 1, 2, 255, rng.byte()][rng.below(5)];
            }
            "object count"
        }
        10 => {
            let i = rng.below(b.len() + 1);
            let n = rng.below(64);
            let ins = rng.bytes(n);
            b.splice(i..i, ins);
            "insertion"
        }
        11 => {
            let i = rng.below(b.len() + 1);
            let j = (i + rng.below(64)).min(b.len());
            b.drain(i..j);
            "deletion"
        }
        _ => {
            if !b.is_empty() {
                let i = rng.below(b.len());
                let j = (i + 1 + rng.below(80)).min(b.len());
                let dup = b[i..j].to_vec();
                b.splice(j..j, dup);
            }
            "duplicated range"
        }
    }
}

#[test]
fn bounded_fuzz_run_keeps_every_invariant() {
    let iterations: u64 = env_or("HUOYAN_FUZZ_ITERATIONS", 3_000);
    let seed: u64 = env_or("HUOYAN_FUZZ_SEED", 26_875);
    let corpus = corpus();
    let mut rng = Rng(seed.max(1));
    let started = std::time::Instant::now();
    let mut mutations: BTreeMap<&str, u64> = BTreeMap::new();
    let mut errors: BTreeMap<&str, u64> = BTreeMap::new();
    let (mut decoded, mut frames, mut transmits, mut bytes) = (0u64, 0u64, 0u64, 0u64);
    for i in 0..iterations {
        let mut input = corpus[rng.below(corpus.len())].clone();
        for _ in 0..=rng.below(3) {
            *mutations.entry(mutate(&mut rng, &corpus, &mut input)).or_default() += 1;
        }
        if rng.chance(50) {
            fix_checksum(&mut input);
        }
        bytes += input.len() as u64;
        match check(&input) {
            Ok(Exercised { decoded: d, frames: f, errors: e, transmits: t, .. }) => {
                decoded += u64::from(d);
                frames += f as u64;
                transmits += t as u64;
                for kind in e {
                    *errors.entry(kind).or_default() += 1;
                }
            }
            Err(v) => panic!("seed {seed}, iteration {i}: {v}\ninput: {}", bytes_to_hex(&input)),
        }
    }
    let took = started.elapsed();
    eprintln!(
        "{iterations} inputs ({} KiB) in {:.2} s: {decoded} decoded whole, {frames} frames and {} errors from the stream decoder, {transmits} session replies\nerrors: {errors:?}\nmutations: {mutations:?}",
        bytes / 1024,
        took.as_secs_f64(),
        errors.values().sum::<u64>()
    );
    // The run must reach every part of the decoder, not just bounce off the start marker.
    assert!(decoded > iterations / 50, "only {decoded} inputs decoded whole");
    assert!(frames > iterations / 10, "only {frames} frames found");
    for kind in ["truncated", "length over 1024", "bad end", "checksum", "unknown command", "ADU"] {
        assert!(errors.get(kind).copied().unwrap_or(0) > 0, "no '{kind}' error in {errors:?}");
    }
}

#[test]
fn the_corpus_itself_passes() {
    for (i, frame) in corpus().iter().enumerate() {
        let seen = check(frame).unwrap_or_else(|v| panic!("corpus {i}: {v}"));
        assert!(seen.decoded && seen.frames == 1 && seen.errors.is_empty(), "corpus {i}: {seen:?}");
    }
}
