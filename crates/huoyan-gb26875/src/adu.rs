//! The application data unit (应用数据单元): `type (1) | count n (1) | n objects`. One [`Adu`]
//! variant per implemented type (uploads 1–8, 21, 24–26, 28; reads and controls 61–68, 81–91),
//! and [`Adu::Raw`] for reserved or vendor types, which are kept as bytes and acknowledged rather
//! than rejected. Serialises as `{"type": {"code", "name"}, "count", "objects": [...]}`
//! (`"raw"` hex instead of objects for [`Adu::Raw`]).

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::objects::*;
use crate::tables::adu_type_name;

/// Why an ADU of a known type could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AduError {
    /// Known type but no object count byte.
    #[error("type {type_code}: missing object count")]
    MissingCount {
        /// ADU type.
        type_code: u8,
    },
    /// The objects announced by the count do not fit in the unit.
    #[error("type {type_code}: truncated, object {index} of {count} ends past the {len} object bytes")]
    Truncated {
        /// ADU type.
        type_code: u8,
        /// 0-based index of the object that did not fit.
        index: usize,
        /// Announced object count.
        count: u8,
        /// Object bytes present.
        len: usize,
    },
    /// Bytes left after the announced objects.
    #[error("type {type_code}: {extra} trailing bytes after {count} objects")]
    Trailing {
        /// ADU type.
        type_code: u8,
        /// Announced object count.
        count: u8,
        /// Leftover bytes.
        extra: usize,
    },
}

fn read_objects<T: Wire>(type_code: u8, rest: &[u8]) -> Result<Vec<T>, AduError> {
    let (&count, body) = rest.split_first().ok_or(AduError::MissingCount { type_code })?;
    let mut r = Reader::new(body);
    let mut out = Vec::with_capacity(usize::from(count).min(body.len()));
    for index in 0..usize::from(count) {
        let obj = T::read(&mut r).map_err(|_| AduError::Truncated { type_code, index, count, len: body.len() })?;
        out.push(obj);
    }
    match r.remaining() {
        0 => Ok(out),
        extra => Err(AduError::Trailing { type_code, count, extra }),
    }
}

/// Writes the count and at most 255 objects (the count is one byte).
fn write_objects<T: Wire>(objects: &[T], out: &mut Vec<u8>) {
    let n = objects.len().min(255);
    out.push(n as u8);
    objects[..n].iter().for_each(|o| o.write(out));
}

macro_rules! adu {
    ($($(#[$doc:meta])* $code:literal => $variant:ident($obj:ty),)*) => {
        /// A decoded application data unit.
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum Adu {
            $($(#[$doc])* $variant(Vec<$obj>),)*
            /// A reserved or user-defined type, kept as received (`bytes` follow the type byte).
            Raw {
                /// The type byte.
                type_code: u8,
                /// Everything after the type byte.
                bytes: Vec<u8>,
            },
        }

        /// Type codes with a structured [`Adu`] variant.
        pub const IMPLEMENTED_TYPES: &[u8] = &[$($code),*];

        impl Adu {
            /// The type byte (类型标志).
            pub fn type_code(&self) -> u8 {
                match self {
                    $(Self::$variant(_) => $code,)*
                    Self::Raw { type_code, .. } => *type_code,
                }
            }

            /// Number of objects (`None` for [`Adu::Raw`]).
            pub fn object_count(&self) -> Option<usize> {
                match self {
                    $(Self::$variant(o) => Some(o.len()),)*
                    Self::Raw { .. } => None,
                }
            }

            /// Decodes a non-empty ADU. Unknown type codes give [`Adu::Raw`]; a known type whose
            /// objects do not match the length is an error.
            pub fn decode(bytes: &[u8]) -> Result<Self, AduError> {
                let Some((&type_code, rest)) = bytes.split_first() else {
                    return Err(AduError::MissingCount { type_code: 0 });
                };
                Ok(match type_code {
                    $($code => Self::$variant(read_objects(type_code, rest)?),)*
                    _ => Self::Raw { type_code, bytes: rest.to_vec() },
                })
            }

            /// Appends the wire bytes.
            pub fn encode_into(&self, out: &mut Vec<u8>) {
                out.push(self.type_code());
                match self {
                    $(Self::$variant(o) => write_objects(o, out),)*
                    Self::Raw { bytes, .. } => out.extend_from_slice(bytes),
                }
            }

            fn serialize_body<M: SerializeMap>(&self, m: &mut M) -> Result<(), M::Error> {
                match self {
                    $(Self::$variant(o) => {
                        m.serialize_entry("count", &o.len())?;
                        m.serialize_entry("objects", o)
                    })*
                    Self::Raw { bytes, .. } => m.serialize_entry("raw", &crate::bytes_to_hex(bytes)),
                }
            }
        }
    };
}

adu! {
    /// 1 上传建筑消防设施系统状态.
    1 => SystemState(SystemStateObject),
    /// 2 上传建筑消防设施部件运行状态.
    2 => ComponentState(ComponentStateObject),
    /// 3 上传建筑消防设施部件模拟量值.
    3 => AnalogValue(AnalogValueObject),
    /// 4 上传建筑消防设施操作信息.
    4 => Operation(OperationObject),
    /// 5 上传建筑消防设施软件版本.
    5 => SoftwareVersion(SoftwareVersionObject),
    /// 6 上传建筑消防设施系统配置情况.
    6 => SystemConfig(SystemConfigObject),
    /// 7 上传建筑消防设施部件配置情况.
    7 => ComponentConfig(ComponentConfigObject),
    /// 8 上传建筑消防设施系统时间.
    8 => SystemTime(SystemTimeObject),
    /// 21 上传用户信息传输装置运行状态.
    21 => UitdState(UitdStateObject),
    /// 24 上传用户信息传输装置操作信息.
    24 => UitdOperation(UitdOperationObject),
    /// 25 上传用户信息传输装置软件版本.
    25 => UitdSoftwareVersion(UitdSoftwareVersionObject),
    /// 26 上传用户信息传输装置配置情况.
    26 => UitdConfig(UitdConfigObject),
    /// 28 上传用户信息传输装置系统时间.
    28 => UitdTime(TimeObject),
    /// 61 读建筑消防设施系统状态.
    61 => ReadSystemState(SystemRef),
    /// 62 读建筑消防设施部件运行状态.
    62 => ReadComponentState(ComponentRef),
    /// 63 读建筑消防设施部件模拟量值.
    63 => ReadAnalogValue(ComponentRef),
    /// 64 读建筑消防设施操作信息.
    64 => ReadOperations(ReadOperationsObject),
    /// 65 读建筑消防设施软件版本.
    65 => ReadSoftwareVersion(SystemRef),
    /// 66 读建筑消防设施系统配置情况.
    66 => ReadSystemConfig(SystemRef),
    /// 67 读建筑消防设施部件配置情况.
    67 => ReadComponentConfig(ComponentRef),
    /// 68 读建筑消防设施系统时间.
    68 => ReadSystemTime(SystemRef),
    /// 81 读用户信息传输装置运行状态.
    81 => ReadUitdState(ReservedObject),
    /// 84 读用户信息传输装置操作信息记录.
    84 => ReadUitdOperations(ReadUitdOperationsObject),
    /// 85 读用户信息传输装置软件版本.
    85 => ReadUitdSoftwareVersion(ReservedObject),
    /// 86 读用户信息传输装置配置情况.
    86 => ReadUitdConfig(ReservedObject),
    /// 88 读用户信息传输装置系统时间.
    88 => ReadUitdTime(ReservedObject),
    /// 89 初始化用户信息传输装置.
    89 => InitUitd(ReservedObject),
    /// 90 同步用户信息传输装置时钟 (the centre's time).
    90 => SyncClock(TimeObject),
    /// 91 查岗命令.
    91 => DutyCheck(DutyCheckObject),
}

impl Adu {
    /// The Chinese name of the type (Table 3).
    pub fn type_name(&self) -> &'static str {
        adu_type_name(self.type_code())
    }

    /// The wire bytes.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::new();
        self.encode_into(&mut out);
        out
    }
}

impl Serialize for Adu {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct TypeCode(u8);
        impl Serialize for TypeCode {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry("code", &self.0)?;
                m.serialize_entry("name", adu_type_name(self.0))?;
                m.end()
            }
        }
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("type", &TypeCode(self.type_code()))?;
        self.serialize_body(&mut m)?;
        m.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hex_to_bytes;

    fn h(s: &str) -> Vec<u8> {
        hex_to_bytes(s).unwrap()
    }

    #[test]
    fn go_vectors() {
        let a = Adu::decode(&h("010101020402040009020715")).unwrap();
        let Adu::SystemState(o) = &a else { panic!("{a:?}") };
        assert_eq!(o[0].state.0, 0x0204);
        assert!(o[0].state.fault() && o[0].state.backup_power_fault());
        assert_eq!(o[0].time.to_string(), "2021-07-02 09:00:04");

        let a = Adu::decode(&h("030101022801020304032003040009020715")).unwrap();
        let Adu::AnalogValue(o) = &a else { panic!("{a:?}") };
        assert_eq!(o[0].component_address.0, 0x0403_0201);
        assert_eq!(o[0].analog_type.physical(o[0].value), Some(80.0));
        let j = serde_json::to_value(&a).unwrap();
        assert_eq!(j["objects"][0]["physical"], 80.0);
        assert_eq!(j["objects"][0]["analog_type"]["unit"], "℃");

        let a = Adu::decode(&h("150108040009020715")).unwrap();
        let Adu::UitdState(o) = &a else { panic!("{a:?}") };
        assert!(o[0].state.main_power_fault());
    }

    #[test]
    fn variable_length_config_objects() {
        let a = Adu::SystemConfig(vec![
            SystemConfigObject {
                system_type: crate::SystemType(1),
                system_address: 1,
                text: crate::ConfigText::new("主机"),
            },
            SystemConfigObject {
                system_type: crate::SystemType(11),
                system_address: 2,
                text: crate::ConfigText::new("消火栓泵"),
            },
        ]);
        let bytes = a.encode();
        assert_eq!(Adu::decode(&bytes).unwrap(), a);
        let j = serde_json::to_value(&a).unwrap();
        assert_eq!(j["objects"][1]["text"], "消火栓泵");
    }

    #[test]
    fn errors_and_raw() {
        assert_eq!(Adu::decode(&[2]), Err(AduError::MissingCount { type_code: 2 }));
        assert!(matches!(Adu::decode(&[2, 1, 0]), Err(AduError::Truncated { index: 0, .. })));
        assert!(matches!(Adu::decode(&[25, 1, 1, 1, 9]), Err(AduError::Trailing { extra: 1, .. })));
        let raw = Adu::decode(&[0x16]).unwrap();
        assert_eq!(raw, Adu::Raw { type_code: 22, bytes: vec![] });
        assert_eq!(raw.encode(), [0x16]);
        assert_eq!(serde_json::to_value(&raw).unwrap()["type"]["name"], "保留");
    }
}
