//! The columns of the unit and water-source registers: each field with its Chinese headers (the
//! first is the one written on export) and how its cells are read. Shared by [`crate::read_table`]
//! and the Excel export so an exported sheet imports back unchanged.

/// How a column's cells are read and written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ColKind {
    Text,
    Number,
    Integer,
    Bool,
    Date,
    /// A vocabulary term, written as its Chinese term.
    Term,
    /// Written on export, ignored on import (computed by the store).
    ReadOnly,
}

/// One register column.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Column {
    /// The record field (`metrics.` omitted for unit metrics); also accepted as a header.
    pub(crate) field: &'static str,
    /// Chinese headers; the first is written on export. Matching ignores spaces, `*` and bracketed units.
    pub(crate) headers: &'static [&'static str],
    pub(crate) kind: ColKind,
    /// A table without this column is refused.
    pub(crate) required: bool,
}

const fn col(field: &'static str, headers: &'static [&'static str], kind: ColKind) -> Column {
    Column { field, headers, kind, required: false }
}

const fn req(field: &'static str, headers: &'static [&'static str], kind: ColKind) -> Column {
    Column { field, headers, kind, required: true }
}

use ColKind::{Bool, Date, Integer, Number, ReadOnly, Term, Text};

/// Columns of the unit register (社会单位).
pub(crate) const UNIT_COLUMNS: &[Column] = &[
    req("name", &["名称", "单位名称"], Text),
    col("uscc", &["统一社会信用代码", "信用代码", "社会信用代码"], Text),
    col("address", &["地址", "单位地址"], Text),
    req("lon", &["经度", "longitude"], Number),
    req("lat", &["纬度", "latitude"], Number),
    req("use_category", &["类型", "使用性质", "场所类型", "单位类型"], Term),
    col("building_area_m2", &["建筑面积(m²)", "建筑面积"], Number),
    col("max_floor_area_m2", &["最大楼层面积(m²)", "最大楼层面积", "最大单层面积"], Number),
    col("underground_area_m2", &["地下面积(m²)", "地下面积", "地下建筑面积"], Number),
    col("floors", &["层数", "楼层数", "地上层数"], Integer),
    col("floor_located", &["所在楼层"], Integer),
    col("height_m", &["建筑高度(m)", "建筑高度"], Number),
    col("beds", &["床位数"], Integer),
    col("rooms", &["客房数"], Integer),
    col("seats", &["座位数", "额定人数", "额定就餐人数"], Integer),
    col("staff", &["员工数", "从业人数", "员工人数"], Integer),
    col("pupils", &["学生数", "学生人数"], Integer),
    col("computers", &["电脑台数", "电脑数"], Integer),
    col("combustible_goods", &["经营可燃商品"], Bool),
    col("accommodation_mixed", &["住宿与生产经营合用"], Bool),
    col("fire_separated", &["防火分隔"], Bool),
    col("heritage_level", &["文物保护级别", "文保级别"], Term),
    col("timber_structure", &["木结构", "砖木结构"], Bool),
    col("safety_manager", &["消防安全责任人", "责任人"], Text),
    col("phone", &["联系电话", "电话"], Text),
    col("source_ref", &["来源", "来源编号"], Text),
    col("classes", &["单位类别"], ReadOnly),
];

/// Columns of the water-source register (消防水源).
pub(crate) const WATER_COLUMNS: &[Column] = &[
    col("code", &["编号", "水源编号"], Text),
    req("kind", &["类型", "水源类型"], Term),
    col("status", &["状态", "完好状态"], Term),
    col("address", &["地址", "位置"], Text),
    req("lon", &["经度", "longitude"], Number),
    req("lat", &["纬度", "latitude"], Number),
    col("flow_lps", &["流量(L/s)", "流量"], Number),
    col("pressure_mpa", &["压力(MPa)", "压力"], Number),
    col("diameter_mm", &["管径(mm)", "管径"], Number),
    col("capacity_m3", &["容量(m³)", "容量"], Number),
    col("owner", &["产权单位", "管理单位"], Text),
    col("last_inspected", &["最近检查日期", "检查日期"], Date),
    col("notes", &["备注"], Text),
    col("source_ref", &["来源", "来源编号"], Text),
];

/// A header reduced for matching: no spaces, no `*` marks, no bracketed units, lower case.
pub(crate) fn normalize_header(h: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in h.chars() {
        match c {
            '(' | '（' | '[' | '【' => depth += 1,
            ')' | '）' | ']' | '】' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if c.is_whitespace() || c == '*' || c == '＊' || c == ':' || c == '：' || c == '\u{feff}' => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

impl Column {
    /// The header written on export.
    pub(crate) fn title(&self) -> &'static str {
        self.headers.first().copied().unwrap_or(self.field)
    }

    /// Whether a (normalized) header names this column.
    pub(crate) fn matches(&self, normalized: &str) -> bool {
        normalized == self.field
            || normalized.strip_prefix("metrics.") == Some(self.field)
            || self.headers.iter().any(|h| normalize_header(h) == normalized)
    }
}

/// Heritage protection levels: code and Chinese term.
const HERITAGE: &[(&str, &str, &[&str])] = &[
    ("national", "国家级", &["全国重点", "全国重点文物保护单位", "国保"]),
    ("provincial", "省级", &["省级文物保护单位", "省保"]),
    ("county", "县级", &["市县级", "市级", "区级", "县级文物保护单位"]),
];

/// Parses a heritage level (code, Chinese term or a usual synonym).
pub(crate) fn parse_heritage(s: &str) -> Option<&'static str> {
    let s = s.trim();
    HERITAGE.iter().find(|(code, zh, more)| s == *code || s == *zh || more.contains(&s)).map(|h| h.0)
}

/// The Chinese term of a heritage level code.
pub(crate) fn heritage_zh(code: &str) -> &str {
    HERITAGE.iter().find(|h| h.0 == code).map(|h| h.1).unwrap_or(code)
}

/// The accepted heritage levels, for messages.
pub(crate) fn heritage_expected() -> String {
    HERITAGE.iter().map(|(c, z, _)| format!("{c}({z})")).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_with_units_and_marks() {
        let flow = WATER_COLUMNS.iter().find(|c| c.field == "flow_lps").unwrap();
        for h in ["流量(L/s)", "流量", " 流量（升/秒） ", "*流量", "flow_lps"] {
            assert!(flow.matches(&normalize_header(h)), "{h}");
        }
        let area = UNIT_COLUMNS.iter().find(|c| c.field == "building_area_m2").unwrap();
        assert!(area.matches(&normalize_header("metrics.building_area_m2")));
        assert!(area.matches(&normalize_header("建筑面积 (m²)")));
        assert_eq!(parse_heritage("省级"), Some("provincial"));
        assert_eq!(heritage_zh("national"), "国家级");
    }
}
