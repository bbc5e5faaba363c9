//! GB/T 26875.3-2011 (城市消防远程监控系统 第3部分: 报警传输网络通信协议) without sockets.
//!
//! This crate holds the protocol between a user information transmission device (用户信息传输装置,
//! UITD) and a monitoring centre: the frame codec ([`decode`], [`encode`], [`Frame`]), every
//! application data unit type of the standard ([`Adu`], uploads 1–8, 21, 24–26, 28 and reads and
//! controls 61–68, 81–91, with named bit fields and the code tables as data), a streaming decoder
//! for TCP byte streams ([`StreamDecoder`]) and a per-connection [`Session`] state machine
//! (serials, request/answer matching, 10 s × 3 retries, de-duplication, 确认 only after the caller
//! has stored the frame, 否认 of invalid frames).
//!
//! It contains no networking code, no async runtime and never reads a clock: time is passed in
//! (quinn-proto style). A gateway owns the sockets and loops: read, [`Session::handle_bytes`],
//! drain [`Session::poll_transmit`] and [`Session::poll_event`], sleep until
//! [`Session::poll_timeout`].
//!
//! [`invariants::check`] states what the decoders guarantee for arbitrary bytes; the fuzz target
//! and the bounded fuzz run of the test suite both run it.
//!
//! ```
//! // The centre's 确认 from the standard's example exchange.
//! let hex = "404001000101233a091a090c385b01000000790300000000000003ab2323";
//! let frame = huoyan_gb26875::decode(&huoyan_gb26875::hex_to_bytes(hex)?)?;
//! assert_eq!(frame.command, huoyan_gb26875::Command::Confirm);
//! let json = huoyan_gb26875::decode_hex_to_json(hex)?;
//! assert_eq!(json["command"]["name"], "确认");
//! assert_eq!(json["source"], "385b01000000");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![warn(missing_docs)]

mod adu;
mod flags;
mod frame;
pub mod invariants;
mod objects;
mod session;
mod stream;
mod tables;
mod text;
mod types;

pub use adu::{Adu, AduError, IMPLEMENTED_TYPES};
pub use flags::{ComponentState, OperationFlags, SystemState, UitdOperationFlags, UitdState};
pub use frame::{
    DecodeError, END, EncodeError, Frame, HEADER_LEN, MAX_ADU_LEN, MAX_FRAME_LEN, MIN_FRAME_LEN, START, checksum,
    decode, encode, try_encode,
};
pub use objects::{
    AnalogValueObject, ComponentAddress, ComponentConfigObject, ComponentRef, ComponentStateObject, DutyCheckObject,
    OperationObject, ReadOperationsObject, ReadUitdOperationsObject, ReservedObject, SoftwareVersionObject,
    SystemConfigObject, SystemRef, SystemStateObject, SystemTimeObject, TimeObject, UitdConfigObject,
    UitdOperationObject, UitdSoftwareVersionObject, UitdStateObject,
};
pub use session::{Event, Session, SessionConfig, SessionError};
pub use stream::{RawFrame, StreamDecoder, StreamError};
pub use tables::{
    ADU_TYPES, ANALOG_TYPES, AnalogQuantity, AnalogType, COMPONENT_TYPES, ComponentType, SYSTEM_TYPES, SystemType,
    adu_type_name,
};
pub use text::{ConfigText, DESCRIPTION_LEN, Description, decode_gb18030, encode_gb18030};
pub use types::{Address, Command, TimeTag, Version};

/// Parses hex digits into bytes. Whitespace, `:` and `-` separators and a leading `0x` are
/// ignored; the error names the problem.
pub fn hex_to_bytes(hex: &str) -> Result<Vec<u8>, String> {
    let trimmed = hex.trim();
    let body = trimmed.strip_prefix("0x").or_else(|| trimmed.strip_prefix("0X")).unwrap_or(trimmed);
    let digits: Vec<(usize, char)> =
        body.char_indices().filter(|(_, c)| !c.is_whitespace() && *c != ':' && *c != '-').collect();
    if !digits.len().is_multiple_of(2) {
        return Err(format!("invalid hex: odd number of digits ({})", digits.len()));
    }
    digits
        .chunks(2)
        .map(|pair| {
            let nibble = |(i, c): (usize, char)| {
                c.to_digit(16).ok_or_else(|| format!("invalid hex: character {c:?} at position {i}"))
            };
            Ok((nibble(pair[0])? << 4 | nibble(pair[1])?) as u8)
        })
        .collect()
}

/// Lower-case hex of bytes, no separators.
pub fn bytes_to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Decodes one frame given as hex and returns it as JSON (`serial`, `version`, `time`, `source`,
/// `destination`, `command: {code, name}`, `adu: {type: {code, name}, count, objects}` or `null`).
/// Used by `huoyan gb26875 decode <HEX>`; errors are messages naming the reason.
pub fn decode_hex_to_json(hex: &str) -> Result<serde_json::Value, String> {
    let bytes = hex_to_bytes(hex)?;
    let frame = decode(&bytes).map_err(|e| e.to_string())?;
    serde_json::to_value(&frame).map_err(|e| format!("cannot render frame as JSON: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_parsing() {
        assert_eq!(hex_to_bytes("0x40 40:0a-FF"), Ok(vec![0x40, 0x40, 0x0a, 0xff]));
        assert!(hex_to_bytes("404").unwrap_err().contains("odd"));
        assert!(hex_to_bytes("4g").unwrap_err().contains("'g'"));
        assert!(decode_hex_to_json("4040").unwrap_err().starts_with("truncated"));
    }
}
