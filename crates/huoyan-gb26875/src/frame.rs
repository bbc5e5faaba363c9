//! The frame codec (Table 1): `@@ | serial (2 LE) | version [main, user] | time (6) | source (6) |
//! destination (6) | ADU length L (2 LE, ≤ 1024) | command | ADU (L) | checksum | ##`, 30 + L
//! bytes. The checksum is the sum of bytes 3 … 27 + L (control unit and ADU) modulo 256. No byte
//! stuffing exists, so frames are delimited by the length field, never by searching for `##`.

use serde::Serialize;

use crate::adu::{Adu, AduError};
use crate::types::{Address, Command, TimeTag, Version};

/// Start marker `@@`.
pub const START: [u8; 2] = *b"@@";
/// End marker `##`.
pub const END: [u8; 2] = *b"##";
/// Bytes before the ADU: start (2) + control unit (25).
pub const HEADER_LEN: usize = 27;
/// Bytes of an empty frame: header + checksum + end.
pub const MIN_FRAME_LEN: usize = 30;
/// Maximum ADU length.
pub const MAX_ADU_LEN: usize = 1024;
/// Maximum frame length (30 + 1024).
pub const MAX_FRAME_LEN: usize = MIN_FRAME_LEN + MAX_ADU_LEN;

/// One GB/T 26875.3 frame.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Frame {
    /// 业务流水号.
    pub serial: u16,
    /// `[main, user]`.
    pub version: Version,
    /// 时间标签: when the frame was sent.
    pub time: TimeTag,
    /// 源地址.
    pub source: Address,
    /// 目的地址.
    pub destination: Address,
    /// 命令字节.
    pub command: Command,
    /// 应用数据单元; `None` when L = 0 (confirm, deny, heartbeat).
    pub adu: Option<Adu>,
}

/// Why bytes are not a valid frame. Messages name the reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The first two bytes are not `@@`.
    #[error("bad start marker: expected 4040, found {}", crate::bytes_to_hex(found))]
    BadStart {
        /// The bytes found (up to 2).
        found: Vec<u8>,
    },
    /// Fewer bytes than the header or the length field require.
    #[error("truncated: frame needs {needed} bytes, got {got}")]
    Truncated {
        /// Bytes required.
        needed: usize,
        /// Bytes present.
        got: usize,
    },
    /// The ADU length field exceeds 1024.
    #[error("bad length: application data length {len} exceeds the maximum {MAX_ADU_LEN}")]
    AduTooLong {
        /// The length field.
        len: usize,
    },
    /// More bytes than the length field allows.
    #[error("bad length: frame is {got} bytes but the length field gives {expected}")]
    TrailingBytes {
        /// 30 + L.
        expected: usize,
        /// Bytes present.
        got: usize,
    },
    /// The last two bytes are not `##`.
    #[error("bad end marker: expected 2323, found {}", crate::bytes_to_hex(found))]
    BadEnd {
        /// The two bytes found.
        found: [u8; 2],
    },
    /// The checksum byte does not match the sum.
    #[error("checksum mismatch: given {given:02x}, computed {computed:02x}")]
    Checksum {
        /// Checksum byte in the frame.
        given: u8,
        /// Sum of bytes 3 … 27 + L.
        computed: u8,
    },
    /// Command byte 0 or 7–127.
    #[error("unknown command {0}")]
    UnknownCommand(u8),
    /// A known ADU type whose objects do not fit its length.
    #[error("bad application data unit: {0}")]
    Adu(#[from] AduError),
}

/// The checksum of a frame's control unit and ADU (`bytes` = frame bytes 3 … 27 + L).
pub fn checksum(bytes: &[u8]) -> u8 {
    bytes.iter().fold(0u8, |acc, b| acc.wrapping_add(*b))
}

/// Decodes exactly one frame; `bytes` must hold the whole frame and nothing else.
pub fn decode(bytes: &[u8]) -> Result<Frame, DecodeError> {
    let head = &bytes[..bytes.len().min(2)];
    if head != &START[..head.len()] {
        return Err(DecodeError::BadStart { found: head.to_vec() });
    }
    if bytes.len() < HEADER_LEN {
        return Err(DecodeError::Truncated { needed: MIN_FRAME_LEN, got: bytes.len() });
    }
    let len = usize::from(u16::from_le_bytes([bytes[24], bytes[25]]));
    if len > MAX_ADU_LEN {
        return Err(DecodeError::AduTooLong { len });
    }
    let expected = MIN_FRAME_LEN + len;
    if bytes.len() < expected {
        return Err(DecodeError::Truncated { needed: expected, got: bytes.len() });
    }
    if bytes.len() > expected {
        return Err(DecodeError::TrailingBytes { expected, got: bytes.len() });
    }
    let end = [bytes[expected - 2], bytes[expected - 1]];
    if end != END {
        return Err(DecodeError::BadEnd { found: end });
    }
    let given = bytes[HEADER_LEN + len];
    let computed = checksum(&bytes[2..HEADER_LEN + len]);
    if given != computed {
        return Err(DecodeError::Checksum { given, computed });
    }
    let command = Command::from_code(bytes[26]).ok_or(DecodeError::UnknownCommand(bytes[26]))?;
    let adu_bytes = &bytes[HEADER_LEN..HEADER_LEN + len];
    let adu = if adu_bytes.is_empty() { None } else { Some(Adu::decode(adu_bytes)?) };
    let six = |at: usize| {
        let mut a = [0u8; 6];
        a.copy_from_slice(&bytes[at..at + 6]);
        a
    };
    Ok(Frame {
        serial: u16::from_le_bytes([bytes[2], bytes[3]]),
        version: Version { main: bytes[4], user: bytes[5] },
        time: TimeTag::from_bytes(six(6)),
        source: Address(six(12)),
        destination: Address(six(18)),
        command,
        adu,
    })
}

/// Why a frame cannot be encoded within the standard's limits.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EncodeError {
    /// The encoded ADU exceeds 1024 bytes.
    #[error("bad length: application data length {len} exceeds the maximum {MAX_ADU_LEN}")]
    AduTooLong {
        /// Encoded ADU length.
        len: usize,
    },
}

/// Encodes a frame. An ADU over 1024 bytes is written as is (with its true length if it fits in
/// the 16-bit field) and will be refused by decoders; use [`try_encode`] to check the limit.
pub fn encode(frame: &Frame) -> Vec<u8> {
    let mut out = Vec::with_capacity(MIN_FRAME_LEN + 64);
    out.extend_from_slice(&START);
    out.extend_from_slice(&frame.serial.to_le_bytes());
    out.push(frame.version.main);
    out.push(frame.version.user);
    out.extend_from_slice(&frame.time.to_bytes());
    out.extend_from_slice(&frame.source.0);
    out.extend_from_slice(&frame.destination.0);
    out.extend_from_slice(&[0, 0]); // length, filled below
    out.push(frame.command.code());
    if let Some(adu) = &frame.adu {
        adu.encode_into(&mut out);
    }
    let len = out.len() - HEADER_LEN;
    let field = u16::try_from(len).unwrap_or(u16::MAX).to_le_bytes();
    out[24..26].copy_from_slice(&field);
    out.push(checksum(&out[2..]));
    out.extend_from_slice(&END);
    out
}

/// Encodes a frame, refusing an ADU over 1024 bytes.
pub fn try_encode(frame: &Frame) -> Result<Vec<u8>, EncodeError> {
    let out = encode(frame);
    match out.len() - MIN_FRAME_LEN {
        len if len > MAX_ADU_LEN => Err(EncodeError::AduTooLong { len }),
        _ => Ok(out),
    }
}

impl Frame {
    /// Whether this is a device's upload reporting a fire: the 火警 bit of a system (type 1),
    /// component (type 2) or UITD state (type 21), or 手动报警 in an operation record (types 4
    /// and 24). The gateway commits these ahead of routine uploads.
    pub fn reports_fire(&self) -> bool {
        use crate::Adu;
        if self.command != Command::SendData {
            return false;
        }
        match &self.adu {
            Some(Adu::SystemState(o)) => o.iter().any(|o| o.state.fire()),
            Some(Adu::ComponentState(o)) => o.iter().any(|o| o.state.fire()),
            Some(Adu::UitdState(o)) => o.iter().any(|o| o.state.fire()),
            Some(Adu::Operation(o)) => o.iter().any(|o| o.flags.manual_alarm()),
            Some(Adu::UitdOperation(o)) => o.iter().any(|o| o.flags.manual_alarm()),
            _ => false,
        }
    }

    /// A reply to `self` (confirm or deny): same serial and version, addresses swapped, empty
    /// ADU, `time` = the time of the reply.
    pub fn reply(&self, command: Command, time: TimeTag) -> Frame {
        Frame {
            serial: self.serial,
            version: self.version,
            time,
            source: self.destination,
            destination: self.source,
            command,
            adu: None,
        }
    }

    /// [`encode`] as a method.
    pub fn encode(&self) -> Vec<u8> {
        encode(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A2: &str = "404001000101233a091a090c385b01000000790300000000000003ab2323";

    #[test]
    fn errors_name_the_reason() {
        let mut b = crate::hex_to_bytes(A2).unwrap();
        b[27] = 0x5f;
        assert_eq!(decode(&b).unwrap_err().to_string(), "checksum mismatch: given 5f, computed ab");
        let b = crate::hex_to_bytes(A2).unwrap();
        assert_eq!(decode(&b[..20]), Err(DecodeError::Truncated { needed: 30, got: 20 }));
        assert_eq!(decode(&b[..29]), Err(DecodeError::Truncated { needed: 30, got: 29 }));
        assert!(matches!(decode(b"xx"), Err(DecodeError::BadStart { .. })));
        assert!(matches!(decode(b""), Err(DecodeError::Truncated { .. })));
        let mut b2 = b.clone();
        b2[24] = 0x01;
        b2[25] = 0x04; // 1025
        assert_eq!(
            decode(&b2).unwrap_err().to_string(),
            "bad length: application data length 1025 exceeds the maximum 1024"
        );
        let mut b3 = b.clone();
        b3[29] = b'!';
        assert!(matches!(decode(&b3), Err(DecodeError::BadEnd { .. })));
        let mut b4 = b.clone();
        b4[26] = 7;
        b4[27] = b4[27].wrapping_add(4);
        assert_eq!(decode(&b4), Err(DecodeError::UnknownCommand(7)));
    }
}
