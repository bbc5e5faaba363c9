//! Information objects (信息对象) of every implemented ADU type, with their wire layout (§8.2–8.3
//! of the standard, Table 3 of the notes). Each object is a struct with named fields, read and
//! written field by field in wire order by the crate-private `Wire` trait; multi-byte integers are
//! little-endian. Objects of types 6 and 26 have a variable length (a length byte + text), so an ADU
//! is never split evenly by its object count.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::flags::{ComponentState, OperationFlags, SystemState, UitdOperationFlags, UitdState};
use crate::tables::{AnalogType, ComponentType, SystemType};
use crate::text::{ConfigText, DESCRIPTION_LEN, Description};
use crate::types::TimeTag;

/// Cursor over ADU bytes; every read is bounds-checked.
pub(crate) struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

/// The ADU ended before a field: byte offset (within the objects) where it was needed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Short {
    pub(crate) at: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(buf: &'a [u8]) -> Self {
        Self { buf, pos: 0 }
    }

    pub(crate) fn remaining(&self) -> usize {
        self.buf.len() - self.pos
    }

    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8], Short> {
        let end = self.pos.checked_add(n).filter(|e| *e <= self.buf.len()).ok_or(Short { at: self.pos })?;
        let s = &self.buf[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], Short> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }
}

/// Wire format of a field or object.
pub(crate) trait Wire: Sized {
    fn read(r: &mut Reader<'_>) -> Result<Self, Short>;
    fn write(&self, out: &mut Vec<u8>);
}

impl Wire for u8 {
    fn read(r: &mut Reader<'_>) -> Result<Self, Short> {
        Ok(r.array::<1>()?[0])
    }
    fn write(&self, out: &mut Vec<u8>) {
        out.push(*self);
    }
}

impl Wire for i16 {
    fn read(r: &mut Reader<'_>) -> Result<Self, Short> {
        Ok(i16::from_le_bytes(r.array()?))
    }
    fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }
}

impl Wire for TimeTag {
    fn read(r: &mut Reader<'_>) -> Result<Self, Short> {
        Ok(TimeTag::from_bytes(r.array()?))
    }
    fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_bytes());
    }
}

impl Wire for Description {
    fn read(r: &mut Reader<'_>) -> Result<Self, Short> {
        Ok(Description(r.array::<DESCRIPTION_LEN>()?))
    }
    fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.0);
    }
}

impl Wire for ConfigText {
    fn read(r: &mut Reader<'_>) -> Result<Self, Short> {
        let len = u8::read(r)?;
        let bytes = r.take(usize::from(len))?.to_vec();
        // Invariant: at most 255 bytes were taken, so `from_bytes` accepts them.
        Ok(ConfigText::from_bytes(bytes).unwrap_or_default())
    }
    fn write(&self, out: &mut Vec<u8>) {
        let b = self.as_bytes();
        let n = b.len().min(255);
        out.push(n as u8);
        out.extend_from_slice(&b[..n]);
    }
}

macro_rules! newtype_wire {
    ($($t:ident($repr:ty)),*) => {$(
        impl Wire for $t {
            fn read(r: &mut Reader<'_>) -> Result<Self, Short> {
                Ok($t(<$repr>::from_le_bytes(r.array()?)))
            }
            fn write(&self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.0.to_le_bytes());
            }
        }
    )*};
}

newtype_wire!(
    SystemType(u8),
    ComponentType(u8),
    AnalogType(u8),
    SystemState(u16),
    ComponentState(u16),
    OperationFlags(u8),
    UitdState(u8),
    UitdOperationFlags(u8),
    ComponentAddress(u32)
);

/// A 4-byte component address (LE). Vendors split it into loop/zone (low 16 bits) and point
/// (high 16 bits): `0A 00 02 00` is "2号10区", loop 10, point 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ComponentAddress(pub u32);

impl ComponentAddress {
    /// 回路/区号: the low 16 bits.
    pub fn loop_no(self) -> u16 {
        (self.0 & 0xffff) as u16
    }

    /// 位号/点号: the high 16 bits.
    pub fn point(self) -> u16 {
        (self.0 >> 16) as u16
    }
}

impl Serialize for ComponentAddress {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("value", &self.0)?;
        m.serialize_entry("loop", &self.loop_no())?;
        m.serialize_entry("point", &self.point())?;
        m.end()
    }
}

macro_rules! object {
    ($(#[$doc:meta])* $name:ident { $($(#[$fdoc:meta])* $field:ident: $ty:ty,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
        pub struct $name {
            $($(#[$fdoc])* pub $field: $ty,)*
        }

        impl Wire for $name {
            fn read(r: &mut Reader<'_>) -> Result<Self, Short> {
                // Struct expression fields are evaluated in source order, i.e. wire order.
                Ok(Self { $($field: <$ty as Wire>::read(r)?,)* })
            }
            fn write(&self, out: &mut Vec<u8>) {
                $(self.$field.write(out);)*
            }
        }
    };
}

object!(
    /// Type 1: facility system state (10 bytes).
    SystemStateObject {
        /// 系统类型.
        system_type: SystemType,
        /// 系统地址.
        system_address: u8,
        /// 系统状态.
        state: SystemState,
        /// 状态发生时间.
        time: TimeTag,
    }
);

object!(
    /// Type 2: component running state (46 bytes).
    ComponentStateObject {
        /// 系统类型.
        system_type: SystemType,
        /// 系统地址.
        system_address: u8,
        /// 部件类型.
        component_type: ComponentType,
        /// 部件地址.
        component_address: ComponentAddress,
        /// 部件状态.
        state: ComponentState,
        /// 部件说明 (GB 18030, 31 bytes).
        description: Description,
        /// 状态发生时间.
        time: TimeTag,
    }
);

/// Type 3: component analog value (16 bytes). Serialises the raw `value` and, for defined analog
/// types, the `physical` value (raw × resolution) in the table's unit.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AnalogValueObject {
    /// 系统类型.
    pub system_type: SystemType,
    /// 系统地址.
    pub system_address: u8,
    /// 部件类型.
    pub component_type: ComponentType,
    /// 部件地址.
    pub component_address: ComponentAddress,
    /// 模拟量类型.
    pub analog_type: AnalogType,
    /// 模拟量值 (raw).
    pub value: i16,
    /// 采样时间.
    pub time: TimeTag,
}

impl Wire for AnalogValueObject {
    fn read(r: &mut Reader<'_>) -> Result<Self, Short> {
        Ok(Self {
            system_type: Wire::read(r)?,
            system_address: Wire::read(r)?,
            component_type: Wire::read(r)?,
            component_address: Wire::read(r)?,
            analog_type: Wire::read(r)?,
            value: Wire::read(r)?,
            time: Wire::read(r)?,
        })
    }
    fn write(&self, out: &mut Vec<u8>) {
        self.system_type.write(out);
        self.system_address.write(out);
        self.component_type.write(out);
        self.component_address.write(out);
        self.analog_type.write(out);
        self.value.write(out);
        self.time.write(out);
    }
}

impl Serialize for AnalogValueObject {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(8))?;
        m.serialize_entry("system_type", &self.system_type)?;
        m.serialize_entry("system_address", &self.system_address)?;
        m.serialize_entry("component_type", &self.component_type)?;
        m.serialize_entry("component_address", &self.component_address)?;
        m.serialize_entry("analog_type", &self.analog_type)?;
        m.serialize_entry("value", &self.value)?;
        m.serialize_entry("physical", &self.analog_type.physical(self.value))?;
        m.serialize_entry("time", &self.time)?;
        m.end()
    }
}

object!(
    /// Type 4: facility operation record (10 bytes).
    OperationObject {
        /// 系统类型.
        system_type: SystemType,
        /// 系统地址.
        system_address: u8,
        /// 操作标志.
        flags: OperationFlags,
        /// 操作员编号.
        operator: u8,
        /// 操作时间.
        time: TimeTag,
    }
);

object!(
    /// Type 5: facility software version (4 bytes).
    SoftwareVersionObject {
        /// 系统类型.
        system_type: SystemType,
        /// 系统地址.
        system_address: u8,
        /// 主版本号.
        major: u8,
        /// 次版本号.
        minor: u8,
    }
);

object!(
    /// Type 6: facility system configuration (variable: length byte + GB 18030 text).
    SystemConfigObject {
        /// 系统类型.
        system_type: SystemType,
        /// 系统地址.
        system_address: u8,
        /// 系统说明.
        text: ConfigText,
    }
);

object!(
    /// Type 7: component configuration (38 bytes).
    ComponentConfigObject {
        /// 系统类型.
        system_type: SystemType,
        /// 系统地址.
        system_address: u8,
        /// 部件类型.
        component_type: ComponentType,
        /// 部件地址.
        component_address: ComponentAddress,
        /// 部件说明 (GB 18030, 31 bytes).
        description: Description,
    }
);

object!(
    /// Type 8: facility system time (8 bytes).
    SystemTimeObject {
        /// 系统类型.
        system_type: SystemType,
        /// 系统地址.
        system_address: u8,
        /// 系统时间.
        time: TimeTag,
    }
);

object!(
    /// Type 21: UITD running state (7 bytes).
    UitdStateObject {
        /// 运行状态.
        state: UitdState,
        /// 状态发生时间.
        time: TimeTag,
    }
);

object!(
    /// Type 24: UITD operation record (8 bytes).
    UitdOperationObject {
        /// 操作标志.
        flags: UitdOperationFlags,
        /// 操作员编号.
        operator: u8,
        /// 操作时间.
        time: TimeTag,
    }
);

object!(
    /// Type 25: UITD software version (2 bytes).
    UitdSoftwareVersionObject {
        /// 主版本号.
        major: u8,
        /// 次版本号.
        minor: u8,
    }
);

object!(
    /// Type 26: UITD configuration (variable: length byte + GB 18030 text).
    UitdConfigObject {
        /// 配置说明.
        text: ConfigText,
    }
);

object!(
    /// Type 28: UITD system time (6 bytes); type 90 (clock sync) carries the same object.
    TimeObject {
        /// 时间.
        time: TimeTag,
    }
);

object!(
    /// Types 61, 65, 66, 68: a facility system reference (2 bytes).
    SystemRef {
        /// 系统类型.
        system_type: SystemType,
        /// 系统地址.
        system_address: u8,
    }
);

object!(
    /// Types 62, 63, 67: a component reference (6 bytes; no component type).
    ComponentRef {
        /// 系统类型.
        system_type: SystemType,
        /// 系统地址.
        system_address: u8,
        /// 部件地址.
        component_address: ComponentAddress,
    }
);

object!(
    /// Type 64: read facility operation records (9 bytes).
    ReadOperationsObject {
        /// 系统类型.
        system_type: SystemType,
        /// 系统地址.
        system_address: u8,
        /// 查询记录数目 (≤ 102).
        count: u8,
        /// 查询起始时间.
        start_time: TimeTag,
    }
);

object!(
    /// Type 84: read UITD operation records (7 bytes).
    ReadUitdOperationsObject {
        /// 查询记录数目 (≤ 102).
        count: u8,
        /// 查询起始时间.
        start_time: TimeTag,
    }
);

object!(
    /// Types 81, 85, 86, 88, 89: one reserved byte (0).
    ReservedObject {
        /// 预留, 0.
        reserved: u8,
    }
);

object!(
    /// Type 91: duty check (查岗) with the reply timeout in minutes.
    DutyCheckObject {
        /// 查岗应答超时设定时间, minutes.
        timeout_minutes: u8,
    }
);
