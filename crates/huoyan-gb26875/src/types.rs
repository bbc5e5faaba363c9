//! Header field types shared by frames and ADUs: the 6-byte time tag (§4.3 of the notes, binary
//! sec/min/hour/day/month/year, local time without zone), the opaque 6-byte address, the protocol
//! version pair and the command byte (Table 2). Values keep their wire bytes so that a decoded frame
//! re-encodes byte-identically, even when a device sends an impossible date.

use std::fmt;

use serde::ser::{SerializeMap, SerializeTuple};
use serde::{Serialize, Serializer};

/// A GB/T 26875.3 time tag: six binary bytes, local time (China), year = 2000 + `year`.
///
/// Any byte values are kept as received; [`TimeTag::is_valid`] says whether they form a real date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct TimeTag {
    /// Seconds, 0–59.
    pub second: u8,
    /// Minutes, 0–59.
    pub minute: u8,
    /// Hours, 0–23.
    pub hour: u8,
    /// Day of month, 1–31.
    pub day: u8,
    /// Month, 1–12.
    pub month: u8,
    /// Year within the century, 0–99 (2000 + year).
    pub year: u8,
}

impl TimeTag {
    /// Builds a time tag from calendar fields (`year` is the full year, e.g. 2012).
    pub fn new(year: u16, month: u8, day: u8, hour: u8, minute: u8, second: u8) -> Self {
        Self { second, minute, hour, day, month, year: (year % 100) as u8 }
    }

    /// Reads the six wire bytes (sec, min, hour, day, month, year).
    pub fn from_bytes(b: [u8; 6]) -> Self {
        Self { second: b[0], minute: b[1], hour: b[2], day: b[3], month: b[4], year: b[5] }
    }

    /// The six wire bytes.
    pub fn to_bytes(self) -> [u8; 6] {
        [self.second, self.minute, self.hour, self.day, self.month, self.year]
    }

    /// Whether the fields form a real calendar date and time (year taken as 2000 + year).
    pub fn is_valid(self) -> bool {
        let full_year = 2000 + u32::from(self.year);
        self.year <= 99
            && (1..=12).contains(&self.month)
            && self.day >= 1
            && self.day <= days_in_month(full_year, self.month)
            && self.hour < 24
            && self.minute < 60
            && self.second < 60
    }

    /// The local time tag for a Unix timestamp shifted by `utc_offset_seconds` (China: 8 × 3600).
    ///
    /// Pure arithmetic: the caller supplies the time, this crate never reads a clock.
    pub fn from_unix(unix_seconds: i64, utc_offset_seconds: i32) -> Self {
        let local = unix_seconds.saturating_add(i64::from(utc_offset_seconds));
        let days = local.div_euclid(86_400);
        let secs = local.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        Self {
            second: (secs % 60) as u8,
            minute: ((secs / 60) % 60) as u8,
            hour: (secs / 3600) as u8,
            day: d,
            month: m,
            year: y.rem_euclid(100) as u8,
        }
    }
}

fn days_in_month(year: u32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Howard Hinnant's `civil_from_days`: days since 1970-01-01 to (year, month, day).
fn civil_from_days(days: i64) -> (i64, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

impl fmt::Display for TimeTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
            2000 + u32::from(self.year),
            self.month,
            self.day,
            self.hour,
            self.minute,
            self.second
        )
    }
}

impl Serialize for TimeTag {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A 6-byte source or destination address, opaque (its meaning is vendor-defined).
///
/// Shown and serialised as 12 hex digits in wire order, e.g. `790300000000`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Address(pub [u8; 6]);

impl Address {
    /// The address read as a little-endian 48-bit integer, as the standard transmits it.
    pub fn as_u64(self) -> u64 {
        self.0.iter().rev().fold(0u64, |acc, b| (acc << 8) | u64::from(*b))
    }

    /// Parses 12 hex digits (wire order); `None` if malformed.
    pub fn from_hex(hex: &str) -> Option<Self> {
        let bytes = crate::hex_to_bytes(hex).ok()?;
        Some(Self(bytes.try_into().ok()?))
    }
}

impl fmt::Display for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.iter().try_for_each(|b| write!(f, "{b:02x}"))
    }
}

impl Serialize for Address {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Protocol version `[main, user]`; the standard fixes `main` at 1, devices send anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Version {
    /// 主版本号, 1 in the standard.
    pub main: u8,
    /// 用户版本号, user-defined.
    pub user: u8,
}

impl Default for Version {
    fn default() -> Self {
        Self { main: 1, user: 1 }
    }
}

impl Serialize for Version {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut t = s.serialize_tuple(2)?;
        t.serialize_element(&self.main)?;
        t.serialize_element(&self.user)?;
        t.end()
    }
}

/// The command byte (Table 2). Codes 0 and 7–127 are reserved and rejected when decoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    /// 1 控制命令: centre → device control (types 89–91).
    Control,
    /// 2 发送数据: device upload.
    SendData,
    /// 3 确认: positive reply.
    Confirm,
    /// 4 请求: query (types 61–88).
    Request,
    /// 5 应答: answer to a query.
    Answer,
    /// 6 否认: negative reply.
    Deny,
    /// 128–255: user-defined.
    UserDefined(u8),
}

impl Command {
    /// The command for a byte, or `None` for the reserved codes 0 and 7–127.
    pub fn from_code(code: u8) -> Option<Self> {
        Some(match code {
            1 => Self::Control,
            2 => Self::SendData,
            3 => Self::Confirm,
            4 => Self::Request,
            5 => Self::Answer,
            6 => Self::Deny,
            128..=255 => Self::UserDefined(code),
            _ => return None,
        })
    }

    /// The command byte.
    pub fn code(self) -> u8 {
        match self {
            Self::Control => 1,
            Self::SendData => 2,
            Self::Confirm => 3,
            Self::Request => 4,
            Self::Answer => 5,
            Self::Deny => 6,
            Self::UserDefined(c) => c,
        }
    }

    /// The Chinese name from Table 2.
    pub fn name(self) -> &'static str {
        match self {
            Self::Control => "控制命令",
            Self::SendData => "发送数据",
            Self::Confirm => "确认",
            Self::Request => "请求",
            Self::Answer => "应答",
            Self::Deny => "否认",
            Self::UserDefined(_) => "用户自定义",
        }
    }
}

impl Serialize for Command {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("code", &self.code())?;
        m.serialize_entry("name", self.name())?;
        m.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unix_to_time_tag() {
        // 2012-09-26 01:58:02 UTC = 09:58:02 in China.
        let t = TimeTag::from_unix(1_348_624_682, 8 * 3600);
        assert_eq!(t.to_string(), "2012-09-26 09:58:02");
        assert!(t.is_valid());
        assert!(!TimeTag::default().is_valid());
    }

    #[test]
    fn address_le_value() {
        let a = Address([0x06, 0x05, 0x04, 0x03, 0x02, 0x01]);
        assert_eq!(a.as_u64(), 0x0102_0304_0506);
        assert_eq!(a.to_string(), "060504030201");
        assert_eq!(Address::from_hex("060504030201"), Some(a));
    }
}
