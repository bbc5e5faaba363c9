//! The bit fields of the standard by name: system state (Fig. 6), component state (Fig. 7),
//! facility operation (Fig. 9), UITD state (Fig. 13) and UITD operation (Fig. 14). Each type keeps
//! the raw value (reserved bits included, so re-encoding is exact), has one accessor per bit, and
//! serialises as `{"raw": n, "<name>": bool, ...}`.
//!
//! Note the polarity of bit 0 (`normal`): 1 = normal operation, 0 = test. Real fire frames carry
//! state 0x0002 with bit 0 clear, so `fire` must be read on its own, never together with `normal`.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

macro_rules! flags {
    ($(#[$doc:meta])* $name:ident($repr:ty) { $($(#[$fdoc:meta])* $bit:literal => $field:ident,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
        pub struct $name(pub $repr);

        impl $name {
            /// Bit names with their positions, in bit order.
            pub const BITS: &'static [(u32, &'static str)] = &[$(($bit, stringify!($field))),*];

            $(
                $(#[$fdoc])*
                pub fn $field(self) -> bool {
                    self.0 & (1 << $bit) != 0
                }
            )*

            /// Names of the bits that are set (reserved bits are not listed).
            pub fn set_names(self) -> Vec<&'static str> {
                Self::BITS.iter().filter(|(b, _)| self.0 & (1 << b) != 0).map(|(_, n)| *n).collect()
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut m = s.serialize_map(Some(Self::BITS.len() + 1))?;
                m.serialize_entry("raw", &self.0)?;
                for (bit, field) in Self::BITS {
                    m.serialize_entry(field, &(self.0 & (1 << bit) != 0))?;
                }
                m.end()
            }
        }
    };
}

flags!(
    /// System state of a facility (type 1), 2 bytes LE.
    SystemState(u16) {
        /// Bit 0: 1 = 正常运行状态, 0 = 测试状态.
        0 => normal,
        /// Bit 1: 火警.
        1 => fire,
        /// Bit 2: 故障.
        2 => fault,
        /// Bit 3: 屏蔽.
        3 => shield,
        /// Bit 4: 监管.
        4 => supervise,
        /// Bit 5: 1 = 启动/开启, 0 = 停止/关闭.
        5 => started,
        /// Bit 6: 反馈.
        6 => feedback,
        /// Bit 7: 延时状态.
        7 => delay,
        /// Bit 8: 主电故障.
        8 => main_power_fault,
        /// Bit 9: 备电故障.
        9 => backup_power_fault,
        /// Bit 10: 总线故障.
        10 => bus_fault,
        /// Bit 11: 1 = 手动状态, 0 = 自动状态.
        11 => manual,
        /// Bit 12: 配置改变.
        12 => config_changed,
        /// Bit 13: 复位.
        13 => reset,
    }
);

flags!(
    /// Running state of a component (type 2), 2 bytes LE.
    ComponentState(u16) {
        /// Bit 0: 1 = 正常运行状态, 0 = 测试状态 (clear in real fire frames).
        0 => normal,
        /// Bit 1: 火警.
        1 => fire,
        /// Bit 2: 故障.
        2 => fault,
        /// Bit 3: 屏蔽.
        3 => shield,
        /// Bit 4: 监管.
        4 => supervise,
        /// Bit 5: 1 = 启动/开启, 0 = 停止/关闭.
        5 => started,
        /// Bit 6: 反馈.
        6 => feedback,
        /// Bit 7: 延时状态.
        7 => delay,
        /// Bit 8: 电源故障.
        8 => power_fault,
    }
);

flags!(
    /// Operation flags of a facility (type 4), 1 byte.
    OperationFlags(u8) {
        /// Bit 0: 复位.
        0 => reset,
        /// Bit 1: 消音.
        1 => silence,
        /// Bit 2: 手动报警.
        2 => manual_alarm,
        /// Bit 3: 警情消除.
        3 => alarm_cleared,
        /// Bit 4: 自检.
        4 => self_test,
        /// Bit 5: 确认.
        5 => acknowledge,
        /// Bit 6: 测试.
        6 => test,
    }
);

flags!(
    /// Running state of the user information transmission device (type 21), 1 byte.
    UitdState(u8) {
        /// Bit 0: 1 = 正常监视状态, 0 = 测试状态.
        0 => normal,
        /// Bit 1: 火警.
        1 => fire,
        /// Bit 2: 故障.
        2 => fault,
        /// Bit 3: 主电故障.
        3 => main_power_fault,
        /// Bit 4: 备电故障.
        4 => backup_power_fault,
        /// Bit 5: 与监控中心通信信道故障.
        5 => channel_fault,
        /// Bit 6: 监测连接线路故障.
        6 => wiring_fault,
    }
);

flags!(
    /// Operation flags of the user information transmission device (type 24), 1 byte.
    UitdOperationFlags(u8) {
        /// Bit 0: 复位.
        0 => reset,
        /// Bit 1: 消音.
        1 => silence,
        /// Bit 2: 手动报警.
        2 => manual_alarm,
        /// Bit 3: 警情消除.
        3 => alarm_cleared,
        /// Bit 4: 自检.
        4 => self_test,
        /// Bit 5: 查岗应答.
        5 => duty_check_reply,
        /// Bit 6: 测试.
        6 => test,
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bits_by_name() {
        let s = SystemState(0x0204);
        assert!(s.fault() && s.backup_power_fault() && !s.fire());
        assert_eq!(s.set_names(), ["fault", "backup_power_fault"]);
        assert!(ComponentState(0x0002).fire());
        assert!(UitdState(0x08).main_power_fault());
        assert!(UitdOperationFlags(0x20).duty_check_reply());
        assert!(OperationFlags(0x20).acknowledge());
        let j = serde_json::to_value(ComponentState(2)).unwrap();
        assert_eq!(j["raw"], 2);
        assert_eq!(j["fire"], true);
        assert_eq!(j["normal"], false);
    }
}
