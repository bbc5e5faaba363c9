//! GB 18030 text fields: the fixed 31-byte component description (types 2 and 7) and the
//! length-prefixed configuration text (types 6 and 26). Both keep the received bytes, so a frame
//! re-encodes exactly, and decode for display by cutting at the first NUL, decoding GB 18030
//! (malformed sequences become U+FFFD, never an error) and trimming spaces.

use std::borrow::Cow;

use serde::{Serialize, Serializer};

/// Length of a component description on the wire.
pub const DESCRIPTION_LEN: usize = 31;

/// Decodes GB 18030 bytes for display: cut at the first NUL, decode, trim whitespace.
pub fn decode_gb18030(bytes: &[u8]) -> String {
    let cut = bytes.iter().position(|b| *b == 0).map_or(bytes, |i| &bytes[..i]);
    let (text, _, _) = encoding_rs::GB18030.decode(cut);
    text.trim().to_owned()
}

/// Encodes text as GB 18030, keeping at most `max` bytes and never splitting a character.
pub fn encode_gb18030(text: &str, max: usize) -> Vec<u8> {
    let mut out = Vec::new();
    let mut buf = [0u8; 4];
    for ch in text.chars() {
        let (bytes, _, _): (Cow<'_, [u8]>, _, _) = encoding_rs::GB18030.encode(ch.encode_utf8(&mut buf));
        if out.len() + bytes.len() > max {
            break;
        }
        out.extend_from_slice(&bytes);
    }
    out
}

/// A 31-byte GB 18030 component description (部件说明), kept as received.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Description(pub [u8; DESCRIPTION_LEN]);

impl Description {
    /// Encodes `text` (truncated to 31 bytes on a character boundary), padded with NUL.
    pub fn new(text: &str) -> Self {
        let mut raw = [0u8; DESCRIPTION_LEN];
        let enc = encode_gb18030(text, DESCRIPTION_LEN);
        raw[..enc.len()].copy_from_slice(&enc);
        Self(raw)
    }

    /// The decoded text (cut at the first NUL, trimmed).
    pub fn text(&self) -> String {
        decode_gb18030(&self.0)
    }
}

impl Default for Description {
    fn default() -> Self {
        Self([0; DESCRIPTION_LEN])
    }
}

impl Serialize for Description {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text())
    }
}

/// A length-prefixed GB 18030 text (types 6 and 26), at most 255 bytes, kept as received.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct ConfigText(Vec<u8>);

impl ConfigText {
    /// Wraps raw bytes; `None` if longer than 255 bytes (the length prefix is one byte).
    pub fn from_bytes(raw: Vec<u8>) -> Option<Self> {
        (raw.len() <= 255).then_some(Self(raw))
    }

    /// Encodes `text` as GB 18030, truncated to 255 bytes on a character boundary.
    pub fn new(text: &str) -> Self {
        Self(encode_gb18030(text, 255))
    }

    /// The raw bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The decoded text (cut at the first NUL, trimmed).
    pub fn text(&self) -> String {
        decode_gb18030(&self.0)
    }
}

impl Serialize for ConfigText {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gb18030_round_trip_and_cut() {
        let d = Description::new("Ａ区１层呷哺走廊");
        assert_eq!(d.text(), "Ａ区１层呷哺走廊");
        let mut raw = [b' '; 31];
        raw[0] = b'A';
        raw[5] = 0;
        raw[6] = 0xff; // garbage after NUL is ignored
        assert_eq!(Description(raw).text(), "A");
        // 16 two-byte characters do not fit in 31 bytes: 15 are kept, none split.
        let long = "火".repeat(16);
        assert_eq!(Description::new(&long).text(), "火".repeat(15));
    }
}
