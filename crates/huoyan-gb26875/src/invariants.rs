//! The decoder invariants checked on arbitrary input: the body of the cargo-fuzz target
//! (`fuzz/fuzz_targets/gb26875_decode.rs`) and of the bounded fuzz run of the normal test suite
//! (`tests/fuzz.rs`), so that both check exactly the same things.
//!
//! For any bytes, [`check`] verifies without panicking:
//!
//! 1. **Round trip**: a frame [`decode`] accepts re-encodes to exactly the bytes it came from, and
//!    its hex renders as JSON with the same serial; an ADU [`Adu::decode`] accepts re-encodes to its bytes.
//! 2. **Stream accounting**, fed whole, byte by byte and in uneven chunks: every byte fed is
//!    consumed as part of a frame, skipped as garbage ([`StreamDecoder::discarded_bytes`]), consumed
//!    by a reported error, or still buffered — nothing vanishes. An error at a damaged boundary
//!    (bad end marker, checksum, length over 1024) consumes one byte (the search resumes inside
//!    it); any other error consumes the span it reports. Every frame yielded re-encodes to its
//!    bytes; every error's span is a header (`@@` and 27 bytes at least) or an abandoned false
//!    start (from an `@`), and is not a valid frame; the buffer stays below one maximum frame
//!    after each chunk.
//! 3. **Resynchronisation**: after the input, one maximum frame of zero bytes and then a valid
//!    frame, that frame is the last thing decoded and nothing stays buffered — whatever garbage,
//!    false starts or huge length fields came before.
//! 4. **Session replies**: fed to a [`Session`], every frame it transmits decodes; it sends one
//!    否认 per invalid frame it reports as denied and one 确认 per acknowledged upload, heartbeat
//!    and re-acknowledged retransmission — nothing else.

use std::time::Instant;

use crate::adu::Adu;
use crate::frame::{DecodeError, HEADER_LEN, MAX_FRAME_LEN, START, decode, encode};
use crate::session::{Event, Session, SessionConfig};
use crate::stream::{StreamDecoder, StreamError};
use crate::types::Command;

/// A broken invariant, with what was observed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Violation {
    /// An accepted frame or ADU does not re-encode to its bytes.
    #[error("{what} re-encodes to {got} instead of {expected}")]
    Reencode {
        /// Which decoder accepted it.
        what: &'static str,
        /// The accepted bytes, hex.
        expected: String,
        /// The re-encoded bytes, hex.
        got: String,
    },
    /// The JSON rendering of an accepted frame failed or differs.
    #[error("JSON rendering of an accepted frame: {0}")]
    Json(String),
    /// Bytes fed to the stream decoder are unaccounted for.
    #[error(
        "chunks of {chunk}: {fed} bytes fed, {accounted} accounted for ({frames} in frames, {discarded} discarded, {errors} in errors, {buffered} buffered)"
    )]
    Accounting {
        /// Chunk size (0 = uneven).
        chunk: usize,
        /// Bytes fed.
        fed: usize,
        /// Sum of the parts.
        accounted: usize,
        /// In frames.
        frames: usize,
        /// Skipped as garbage.
        discarded: usize,
        /// Consumed by errors.
        errors: usize,
        /// Still buffered.
        buffered: usize,
    },
    /// The stream decoder buffered a whole maximum frame or more after a chunk.
    #[error("stream buffer holds {0} bytes after a chunk (limit: less than {MAX_FRAME_LEN})")]
    Buffer(usize),
    /// An error's span is neither a header nor a false start, or is a valid frame after all.
    #[error("error {error} reported for the span {span}")]
    ErrorSpan {
        /// The error.
        error: DecodeError,
        /// Its bytes, hex.
        span: String,
    },
    /// The decoder did not find a valid frame after garbage and padding.
    #[error("no resynchronisation: {0}")]
    Resync(String),
    /// The session transmitted something unexpected.
    #[error("session: {0}")]
    Session(String),
}

/// What one input exercised (for coverage statistics of a fuzz run).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Exercised {
    /// [`decode`] accepted the whole input.
    pub decoded: bool,
    /// Frames the stream decoder yielded (input fed whole).
    pub frames: usize,
    /// Errors the stream decoder reported (input fed whole), by [`error_kind`].
    pub errors: Vec<&'static str>,
    /// Garbage bytes skipped (input fed whole).
    pub discarded: u64,
    /// Frames the session transmitted.
    pub transmits: usize,
}

/// A short name of the error's kind.
pub fn error_kind(e: &DecodeError) -> &'static str {
    match e {
        DecodeError::BadStart { .. } => "bad start",
        DecodeError::Truncated { .. } => "truncated",
        DecodeError::AduTooLong { .. } => "length over 1024",
        DecodeError::TrailingBytes { .. } => "trailing bytes",
        DecodeError::BadEnd { .. } => "bad end",
        DecodeError::Checksum { .. } => "checksum",
        DecodeError::UnknownCommand(_) => "unknown command",
        DecodeError::Adu(_) => "ADU",
    }
}

/// A valid frame appended after the input to test resynchronisation (A2 of the shared vectors).
const ANCHOR: [u8; 30] = [
    0x40, 0x40, 0x01, 0x00, 0x01, 0x01, 0x23, 0x3a, 0x09, 0x1a, 0x09, 0x0c, 0x38, 0x5b, 0x01, 0x00, 0x00, 0x00, 0x79,
    0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xab, 0x23, 0x23,
];

fn hex(b: &[u8]) -> String {
    crate::bytes_to_hex(b)
}

/// Checks every invariant of the module documentation on `data`.
pub fn check(data: &[u8]) -> Result<Exercised, Violation> {
    let mut seen = Exercised::default();
    if let Ok(frame) = decode(data) {
        seen.decoded = true;
        same("decode", data, &encode(&frame))?;
        let json = crate::decode_hex_to_json(&hex(data)).map_err(Violation::Json)?;
        if json["serial"].as_u64() != Some(u64::from(frame.serial)) {
            return Err(Violation::Json(format!("serial {} rendered as {}", frame.serial, json["serial"])));
        }
    }
    if let Ok(adu) = Adu::decode(data) {
        same("Adu::decode", data, &adu.encode())?;
    }
    if let Ok(text) = std::str::from_utf8(data) {
        // Any text: an answer or a named error, never a panic.
        let _ = crate::decode_hex_to_json(text);
    }
    let whole = stream(data, data.len().max(1))?;
    seen.frames = whole.frames;
    seen.errors = whole.errors;
    seen.discarded = whole.discarded;
    stream(data, 1)?;
    stream(data, 0)?;
    resync(data)?;
    seen.transmits = session(data)?;
    Ok(seen)
}

fn same(what: &'static str, expected: &[u8], got: &[u8]) -> Result<(), Violation> {
    if expected == got { Ok(()) } else { Err(Violation::Reencode { what, expected: hex(expected), got: hex(got) }) }
}

struct Streamed {
    frames: usize,
    errors: Vec<&'static str>,
    discarded: u64,
}

/// Chunk sizes 1, 2, 3 … cycling up to 97 when `chunk` is 0.
fn chunks(data: &[u8], chunk: usize) -> Vec<&[u8]> {
    if chunk > 0 {
        return data.chunks(chunk).collect();
    }
    let (mut out, mut at, mut size) = (Vec::new(), 0, 1);
    while at < data.len() {
        let end = (at + size).min(data.len());
        out.push(&data[at..end]);
        at = end;
        size = size % 97 + 1;
    }
    out
}

fn stream(data: &[u8], chunk: usize) -> Result<Streamed, Violation> {
    let mut d = StreamDecoder::new(0);
    let (mut in_frames, mut in_errors) = (0, 0);
    let mut out = Streamed { frames: 0, errors: Vec::new(), discarded: 0 };
    for c in chunks(data, chunk) {
        d.feed(c);
        if d.buffered() >= MAX_FRAME_LEN {
            return Err(Violation::Buffer(d.buffered()));
        }
        while let Some(item) = d.next_raw() {
            match item {
                Ok(raw) => {
                    same("the stream decoder", &raw.bytes, &encode(&raw.frame))?;
                    in_frames += raw.bytes.len();
                    out.frames += 1;
                }
                Err(StreamError { error, bytes }) => {
                    let header = bytes.len() >= HEADER_LEN && bytes[..2] == START;
                    let false_start = matches!(error, DecodeError::Truncated { .. }) && bytes.first() == Some(&b'@');
                    if !(header || false_start) || decode(&bytes).is_ok() {
                        return Err(Violation::ErrorSpan { error, span: hex(&bytes) });
                    }
                    in_errors += match error {
                        DecodeError::AduTooLong { .. } | DecodeError::BadEnd { .. } | DecodeError::Checksum { .. } => 1,
                        _ => bytes.len(),
                    };
                    out.errors.push(error_kind(&error));
                }
            }
        }
    }
    out.discarded = d.discarded_bytes();
    let discarded = usize::try_from(out.discarded).unwrap_or(usize::MAX);
    let accounted = in_frames.saturating_add(in_errors).saturating_add(discarded).saturating_add(d.buffered());
    if accounted != data.len() {
        return Err(Violation::Accounting {
            chunk,
            fed: data.len(),
            accounted,
            frames: in_frames,
            discarded,
            errors: in_errors,
            buffered: d.buffered(),
        });
    }
    Ok(out)
}

fn resync(data: &[u8]) -> Result<(), Violation> {
    let mut d = StreamDecoder::default();
    d.feed(data);
    while d.next_raw().is_some() {}
    d.feed(&[0u8; MAX_FRAME_LEN]);
    d.feed(&ANCHOR);
    let mut last = None;
    while let Some(item) = d.next_raw() {
        last = Some(item);
    }
    match last {
        Some(Ok(raw)) if raw.bytes == ANCHOR && d.buffered() == 0 => Ok(()),
        Some(Ok(raw)) => {
            Err(Violation::Resync(format!("last frame {}, {} bytes buffered", hex(&raw.bytes), d.buffered())))
        }
        Some(Err(e)) => Err(Violation::Resync(format!("last item is the error {e}"))),
        None => Err(Violation::Resync(format!("nothing decoded, {} bytes buffered", d.buffered()))),
    }
}

fn session(data: &[u8]) -> Result<usize, Violation> {
    let now = Instant::now();
    let mut s = Session::new(SessionConfig::default(), now, 0);
    let half = data.len() / 2;
    let (mut denied, mut confirms_due) = (0usize, 0usize);
    for part in [&data[..half], &data[half..]] {
        s.handle_bytes(now, part);
        while let Some(event) = s.poll_event() {
            match event {
                Event::Received { frame, ack_required: true, .. } if s.ack(now, frame.serial).is_ok() => {
                    confirms_due += 1;
                }
                Event::Received { frame, ack_required: false, .. }
                    if frame.adu.is_none() && matches!(frame.command, Command::Control | Command::SendData) =>
                {
                    confirms_due += 1; // a heartbeat, confirmed at once
                }
                Event::Duplicate { reacknowledged: true, .. } => confirms_due += 1,
                Event::Invalid { denied: true, .. } => denied += 1,
                _ => {}
            }
        }
    }
    let (mut confirms, mut denials, mut transmits) = (0usize, 0usize, 0usize);
    while let Some(out) = s.poll_transmit() {
        transmits += 1;
        let frame = decode(&out).map_err(|e| Violation::Session(format!("transmitted {}: {e}", hex(&out))))?;
        match frame.command {
            Command::Confirm => confirms += 1,
            Command::Deny => denials += 1,
            other => return Err(Violation::Session(format!("transmitted command {} unprompted", other.code()))),
        }
    }
    if (confirms, denials) != (confirms_due, denied) {
        return Err(Violation::Session(format!(
            "sent {confirms} 确认 and {denials} 否认; expected {confirms_due} and {denied}"
        )));
    }
    Ok(transmits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchor_is_the_confirmation_vector() {
        let f = decode(&ANCHOR).unwrap();
        assert_eq!((f.command, f.serial), (Command::Confirm, 1));
        assert!(check(&ANCHOR).unwrap().decoded);
    }

    #[test]
    fn chunking_covers_every_byte() {
        let data: Vec<u8> = (0..=255).collect();
        for c in [0, 1, 7, 300] {
            assert_eq!(chunks(&data, c).concat(), data);
        }
        assert_eq!(chunks(&data, 0)[..3].iter().map(|c| c.len()).collect::<Vec<_>>(), [1, 2, 3]);
    }

    #[test]
    fn a_violation_names_what_broke() {
        let v = same("decode", b"ab", b"ac").unwrap_err();
        assert_eq!(v.to_string(), "decode re-encodes to 6163 instead of 6162");
    }
}
