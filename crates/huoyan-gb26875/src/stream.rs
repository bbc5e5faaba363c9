//! The streaming decoder: fed arbitrary byte chunks from a TCP stream, it frames on `@@` and the
//! length field (payloads may contain `@` and `#`), yields a frame or a named error per frame, and
//! resynchronises after garbage or a damaged frame by skipping one byte and searching for the next
//! `@@`. A false start (stray `@@` with a plausible length) waiting for bytes is abandoned as soon as
//! a complete frame with a right end marker and checksum is buffered behind it. Its buffer never
//! exceeds the limit it was built with (at least one maximum frame).

use std::collections::VecDeque;

use crate::frame::{DecodeError, Frame, HEADER_LEN, MAX_ADU_LEN, MAX_FRAME_LEN, MIN_FRAME_LEN, START, decode};

/// A rejected frame: the reason and the bytes it spanned (the header only for a bad length).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{error}")]
pub struct StreamError {
    /// Why the frame was rejected.
    pub error: DecodeError,
    /// The rejected bytes: a span starting with `@@` of at least the 27-byte header — except for
    /// a false start abandoned for a frame found behind it ([`DecodeError::Truncated`]), whose
    /// bytes are those before that frame (at least one `@`; the false start's `@@` may overlap
    /// the frame's own, as in `@@@@…`).
    pub bytes: Vec<u8>,
}

/// A decoded frame with its exact wire bytes (for storage and de-duplication).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawFrame {
    /// The decoded frame.
    pub frame: Frame,
    /// Its wire bytes.
    pub bytes: Vec<u8>,
}

/// Incremental frame decoder with a bounded buffer.
#[derive(Debug)]
pub struct StreamDecoder {
    buf: Vec<u8>,
    limit: usize,
    out: VecDeque<Result<RawFrame, StreamError>>,
    discarded: u64,
}

impl Default for StreamDecoder {
    fn default() -> Self {
        Self::new(4 * MAX_FRAME_LEN)
    }
}

impl StreamDecoder {
    /// A decoder whose buffer holds at most `limit` bytes (raised to [`MAX_FRAME_LEN`] if smaller,
    /// so that every valid frame fits).
    pub fn new(limit: usize) -> Self {
        Self { buf: Vec::new(), limit: limit.max(MAX_FRAME_LEN), out: VecDeque::new(), discarded: 0 }
    }

    /// Feeds a chunk. Results are queued until taken with [`Self::next_frame`] or
    /// [`Self::next_raw`]; drain them between chunks to bound memory.
    pub fn feed(&mut self, mut chunk: &[u8]) {
        while !chunk.is_empty() {
            // Invariant: after `process` the buffer is shorter than MAX_FRAME_LEN ≤ limit.
            let room = self.limit.saturating_sub(self.buf.len()).max(1);
            let n = room.min(chunk.len());
            self.buf.extend_from_slice(&chunk[..n]);
            chunk = &chunk[n..];
            self.process();
        }
    }

    /// The next decoded frame or error, if any.
    pub fn next_frame(&mut self) -> Option<Result<Frame, StreamError>> {
        self.next_raw().map(|r| r.map(|raw| raw.frame))
    }

    /// The next decoded frame with its bytes, or error, if any.
    pub fn next_raw(&mut self) -> Option<Result<RawFrame, StreamError>> {
        self.out.pop_front()
    }

    /// Bytes skipped while searching for a start marker (garbage between frames).
    pub fn discarded_bytes(&self) -> u64 {
        self.discarded
    }

    /// Bytes buffered, waiting for the rest of a frame.
    pub fn buffered(&self) -> usize {
        self.buf.len()
    }

    fn process(&mut self) {
        loop {
            match self.buf.windows(2).position(|w| w == START) {
                Some(0) => {}
                Some(p) => self.skip(p),
                None => {
                    // Keep a trailing '@': it may be the first half of a start marker.
                    let keep = usize::from(self.buf.last() == Some(&b'@'));
                    self.skip(self.buf.len() - keep);
                    return;
                }
            }
            if self.buf.len() < HEADER_LEN {
                return;
            }
            let len = usize::from(u16::from_le_bytes([self.buf[24], self.buf[25]]));
            if len > MAX_ADU_LEN {
                let bytes = self.buf[..HEADER_LEN].to_vec();
                self.out.push_back(Err(StreamError { error: DecodeError::AduTooLong { len }, bytes }));
                self.buf.drain(..1);
                continue;
            }
            let total = MIN_FRAME_LEN + len;
            if self.buf.len() < total {
                // A false start (a stray `@@` with a plausible length) must not hold back a real
                // frame already buffered behind it: a complete intact frame later wins.
                if let Some(p) = self.later_intact_frame() {
                    let bytes = self.buf[..p].to_vec();
                    self.buf.drain(..p);
                    self.out
                        .push_back(Err(StreamError { error: DecodeError::Truncated { needed: total, got: p }, bytes }));
                    continue;
                }
                return;
            }
            let bytes = self.buf[..total].to_vec();
            match decode(&bytes) {
                Ok(frame) => {
                    self.buf.drain(..total);
                    self.out.push_back(Ok(RawFrame { frame, bytes }));
                }
                Err(error @ (DecodeError::BadEnd { .. } | DecodeError::Checksum { .. })) => {
                    // The boundaries are not trustworthy: resynchronise inside the bad frame.
                    self.buf.drain(..1);
                    self.out.push_back(Err(StreamError { error, bytes }));
                }
                Err(error) => {
                    // Intact frame (checksum right) with bad content: consume it whole.
                    self.buf.drain(..total);
                    self.out.push_back(Err(StreamError { error, bytes }));
                }
            }
        }
    }

    /// Start of a complete frame with a right end marker and checksum after position 0.
    fn later_intact_frame(&self) -> Option<usize> {
        (1..self.buf.len().saturating_sub(MIN_FRAME_LEN - 1)).filter(|&p| self.buf[p..p + 2] == START).find(|&p| {
            let rest = &self.buf[p..];
            if rest.len() < HEADER_LEN {
                return false;
            }
            let total = MIN_FRAME_LEN + usize::from(u16::from_le_bytes([rest[24], rest[25]]));
            total <= rest.len().min(MAX_FRAME_LEN)
                && !matches!(decode(&rest[..total]), Err(DecodeError::BadEnd { .. } | DecodeError::Checksum { .. }))
        })
    }

    fn skip(&mut self, n: usize) {
        self.discarded += n as u64;
        self.buf.drain(..n);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A1: &str = "404001000101203a091a090c790300000000385b0100000030000202010101280a000200020020202020202020202020202020202020202020202020202020202020202000023a091a090c462323";
    const A2: &str = "404001000101233a091a090c385b01000000790300000000000003ab2323";

    #[test]
    fn byte_by_byte_with_garbage() {
        let a1 = crate::hex_to_bytes(A1).unwrap();
        let a2 = crate::hex_to_bytes(A2).unwrap();
        let mut input = b"junk@#x".to_vec();
        input.extend_from_slice(&a1);
        input.extend_from_slice(b"##x");
        input.extend_from_slice(&a2);
        let mut d = StreamDecoder::new(0);
        let mut frames = Vec::new();
        for b in &input {
            d.feed(std::slice::from_ref(b));
            while let Some(r) = d.next_frame() {
                frames.push(r.unwrap());
            }
        }
        assert_eq!(frames.len(), 2);
        assert_eq!(frames[1].command, crate::Command::Confirm);
        assert_eq!(d.discarded_bytes(), 10);
        assert_eq!(d.buffered(), 0);
    }

    #[test]
    fn stray_at_sign_before_a_frame_costs_one_error() {
        let mut input = b"@".to_vec();
        input.extend_from_slice(&crate::hex_to_bytes(A2).unwrap());
        let mut d = StreamDecoder::default();
        d.feed(&input);
        assert!(d.next_frame().is_some_and(|r| r.is_err()));
        assert!(d.next_frame().is_some_and(|r| r.is_ok()));
        assert!(d.next_frame().is_none());
    }

    #[test]
    fn damaged_frame_then_good_one() {
        let mut a1 = crate::hex_to_bytes(A1).unwrap();
        a1.truncate(40); // cut short: the next frame's bytes fill its length
        a1.extend_from_slice(&crate::hex_to_bytes(A2).unwrap());
        a1.extend_from_slice(&[0u8; 60]);
        let mut d = StreamDecoder::default();
        d.feed(&a1);
        let results: Vec<_> = std::iter::from_fn(|| d.next_frame()).collect();
        assert!(results[0].is_err());
        assert!(results.iter().any(|r| r.as_ref().is_ok_and(|f| f.command == crate::Command::Confirm)));
    }
}
