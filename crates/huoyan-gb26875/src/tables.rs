//! The code tables of the standard as data: ADU type names (Table 3), system types (Table 4),
//! component types (Table 5) and analog quantities with unit and resolution (Table 6). Each code
//! newtype keeps the raw byte and serialises as `{code, name}` (analog types add `unit` and
//! `resolution`); unknown codes are named `保留` (reserved) or `用户自定义` (user-defined).

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

/// Name for a code of a table: found, user-defined (≥ 128) or reserved.
fn lookup(table: &[(u8, &'static str)], code: u8) -> &'static str {
    match table.binary_search_by_key(&code, |(c, _)| *c) {
        Ok(i) => table[i].1,
        Err(_) if code >= 128 => "用户自定义",
        Err(_) => "保留",
    }
}

fn code_name<S: Serializer>(s: S, code: u8, name: &str) -> Result<S::Ok, S::Error> {
    let mut m = s.serialize_map(Some(2))?;
    m.serialize_entry("code", &code)?;
    m.serialize_entry("name", name)?;
    m.end()
}

/// ADU type names (Table 3), sorted by code.
pub const ADU_TYPES: &[(u8, &str)] = &[
    (1, "上传建筑消防设施系统状态"),
    (2, "上传建筑消防设施部件运行状态"),
    (3, "上传建筑消防设施部件模拟量值"),
    (4, "上传建筑消防设施操作信息"),
    (5, "上传建筑消防设施软件版本"),
    (6, "上传建筑消防设施系统配置情况"),
    (7, "上传建筑消防设施部件配置情况"),
    (8, "上传建筑消防设施系统时间"),
    (21, "上传用户信息传输装置运行状态"),
    (24, "上传用户信息传输装置操作信息"),
    (25, "上传用户信息传输装置软件版本"),
    (26, "上传用户信息传输装置配置情况"),
    (28, "上传用户信息传输装置系统时间"),
    (61, "读建筑消防设施系统状态"),
    (62, "读建筑消防设施部件运行状态"),
    (63, "读建筑消防设施部件模拟量值"),
    (64, "读建筑消防设施操作信息"),
    (65, "读建筑消防设施软件版本"),
    (66, "读建筑消防设施系统配置情况"),
    (67, "读建筑消防设施部件配置情况"),
    (68, "读建筑消防设施系统时间"),
    (81, "读用户信息传输装置运行状态"),
    (84, "读用户信息传输装置操作信息记录"),
    (85, "读用户信息传输装置软件版本"),
    (86, "读用户信息传输装置配置情况"),
    (88, "读用户信息传输装置系统时间"),
    (89, "初始化用户信息传输装置"),
    (90, "同步用户信息传输装置时钟"),
    (91, "查岗命令"),
];

/// The Chinese name of an ADU type code.
pub fn adu_type_name(code: u8) -> &'static str {
    lookup(ADU_TYPES, code)
}

/// System type codes (Table 4), sorted by code.
pub const SYSTEM_TYPES: &[(u8, &str)] = &[
    (0, "通用"),
    (1, "火灾报警系统"),
    (10, "消防联动控制器"),
    (11, "消火栓系统"),
    (12, "自动喷水灭火系统"),
    (13, "气体灭火系统"),
    (14, "水喷雾灭火系统(泵启动方式)"),
    (15, "水喷雾灭火系统(压力容器启动方式)"),
    (16, "泡沫灭火系统"),
    (17, "干粉灭火系统"),
    (18, "防烟排烟系统"),
    (19, "防火门及卷帘系统"),
    (20, "消防电梯"),
    (21, "消防应急广播"),
    (22, "消防应急照明和疏散指示系统"),
    (23, "消防电源"),
    (24, "消防电话"),
];

/// Component type codes (Table 5), sorted by code.
pub const COMPONENT_TYPES: &[(u8, &str)] = &[
    (0, "通用"),
    (1, "火灾报警控制器"),
    (10, "可燃气体探测器"),
    (11, "点型可燃气体探测器"),
    (12, "独立式可燃气体探测器"),
    (13, "线型可燃气体探测器"),
    (16, "电气火灾监控报警器"),
    (17, "剩余电流式电气火灾监控探测器"),
    (18, "测温式电气火灾监控探测器"),
    (21, "探测回路"),
    (22, "火灾显示盘"),
    (23, "手动火灾报警按钮"),
    (24, "消火栓按钮"),
    (25, "火灾探测器"),
    (30, "感温火灾探测器"),
    (31, "点型感温火灾探测器"),
    (32, "点型感温火灾探测器(S型)"),
    (33, "点型感温火灾探测器(R型)"),
    (34, "线型感温火灾探测器"),
    (35, "线型感温火灾探测器(S型)"),
    (36, "线型感温火灾探测器(R型)"),
    (37, "光纤感温火灾探测器"),
    (40, "感烟火灾探测器"),
    (41, "点型离子感烟火灾探测器"),
    (42, "点型光电感烟火灾探测器"),
    (43, "线型光束感烟火灾探测器"),
    (44, "吸气式感烟火灾探测器"),
    (50, "复合式火灾探测器"),
    (51, "复合式感烟感温火灾探测器"),
    (52, "复合式感光感温火灾探测器"),
    (53, "复合式感光感烟火灾探测器"),
    (61, "紫外火焰探测器"),
    (62, "红外火焰探测器"),
    (69, "感光火灾探测器"),
    (74, "气体探测器"),
    (78, "图像摄像方式火灾探测器"),
    (79, "感声火灾探测器"),
    (81, "气体灭火控制器"),
    (82, "消防电气控制装置"),
    (83, "消防控制室图形显示装置"),
    (84, "模块"),
    (85, "输入模块"),
    (86, "输出模块"),
    (87, "输入/输出模块"),
    (88, "中继模块"),
    (91, "消防水泵"),
    (92, "消防水箱"),
    (95, "喷淋泵"),
    (96, "水流指示器"),
    (97, "信号阀"),
    (98, "报警阀"),
    (99, "压力开关"),
    (101, "阀驱动装置"),
    (102, "防火门"),
    (103, "防火阀"),
    (104, "通风空调"),
    (105, "泡沫液泵"),
    (106, "管网电磁阀"),
    (111, "防烟排烟风机"),
    (113, "排烟防火阀"),
    (114, "常闭送风口"),
    (115, "排烟口"),
    (116, "电控挡烟垂壁"),
    (117, "防火卷帘控制器"),
    (118, "防火门监控器"),
    (121, "警报装置"),
];

/// One row of Table 6: quantity, unit, resolution (physical value = raw × resolution).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AnalogQuantity {
    /// Code (1–12).
    pub code: u8,
    /// Chinese name of the quantity.
    pub name: &'static str,
    /// Unit symbol.
    pub unit: &'static str,
    /// Physical value of one raw step.
    pub resolution: f64,
}

/// Analog types (Table 6), sorted by code.
pub const ANALOG_TYPES: &[AnalogQuantity] = &[
    AnalogQuantity { code: 1, name: "事件计数", unit: "件", resolution: 1.0 },
    AnalogQuantity { code: 2, name: "高度", unit: "m", resolution: 0.01 },
    AnalogQuantity { code: 3, name: "温度", unit: "℃", resolution: 0.1 },
    AnalogQuantity { code: 4, name: "压力", unit: "MPa", resolution: 0.1 },
    AnalogQuantity { code: 5, name: "压力", unit: "kPa", resolution: 0.1 },
    AnalogQuantity { code: 6, name: "气体浓度", unit: "%LEL", resolution: 0.1 },
    AnalogQuantity { code: 7, name: "时间", unit: "s", resolution: 1.0 },
    AnalogQuantity { code: 8, name: "电压", unit: "V", resolution: 0.1 },
    AnalogQuantity { code: 9, name: "电流", unit: "A", resolution: 0.1 },
    AnalogQuantity { code: 10, name: "流量", unit: "L/s", resolution: 0.1 },
    AnalogQuantity { code: 11, name: "风量", unit: "m³/min", resolution: 0.1 },
    AnalogQuantity { code: 12, name: "风速", unit: "m/s", resolution: 1.0 },
];

macro_rules! code_type {
    ($(#[$doc:meta])* $name:ident, $table:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub struct $name(pub u8);

        impl $name {
            /// The Chinese name of this code.
            pub fn name(self) -> &'static str {
                lookup($table, self.0)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                code_name(s, self.0, self.name())
            }
        }
    };
}

code_type!(
    /// A system type code (Table 4), e.g. 1 = 火灾报警系统.
    SystemType,
    SYSTEM_TYPES
);
code_type!(
    /// A component type code (Table 5), e.g. 40 = 感烟火灾探测器.
    ComponentType,
    COMPONENT_TYPES
);

/// An analog type code (Table 6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AnalogType(pub u8);

impl AnalogType {
    /// The table row, if the code is defined (1–12).
    pub fn quantity(self) -> Option<&'static AnalogQuantity> {
        ANALOG_TYPES.iter().find(|q| q.code == self.0)
    }

    /// The Chinese name of this code.
    pub fn name(self) -> &'static str {
        match self.quantity() {
            Some(q) => q.name,
            None if self.0 == 0 => "未用",
            None if self.0 >= 128 => "用户自定义",
            None => "保留",
        }
    }

    /// The physical value of a raw reading, if the type is defined.
    pub fn physical(self, raw: i16) -> Option<f64> {
        // Round to the resolution's decimals so 800 × 0.1 prints as 80, not 80.00000000000001.
        self.quantity().map(|q| (f64::from(raw) * q.resolution * 100.0).round() / 100.0)
    }
}

impl Serialize for AnalogType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let q = self.quantity();
        let mut m = s.serialize_map(Some(4))?;
        m.serialize_entry("code", &self.0)?;
        m.serialize_entry("name", self.name())?;
        m.serialize_entry("unit", &q.map(|q| q.unit))?;
        m.serialize_entry("resolution", &q.map(|q| q.resolution))?;
        m.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_sorted_for_binary_search() {
        for t in [ADU_TYPES, SYSTEM_TYPES, COMPONENT_TYPES] {
            assert!(t.windows(2).all(|w| w[0].0 < w[1].0));
        }
    }

    #[test]
    fn names() {
        assert_eq!(SystemType(23).name(), "消防电源");
        assert_eq!(SystemType(5).name(), "保留");
        assert_eq!(ComponentType(40).name(), "感烟火灾探测器");
        assert_eq!(ComponentType(200).name(), "用户自定义");
        assert_eq!(AnalogType(3).physical(800), Some(80.0));
        assert_eq!(AnalogType(2).physical(-1), Some(-0.01));
        assert_eq!(AnalogType(13).physical(5), None);
    }
}
