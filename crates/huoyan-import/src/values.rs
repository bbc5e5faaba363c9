//! Cell values shared by the GeoJSON and table readers: one scalar type ([`Cell`]) and its
//! conversions to text, numbers, integers, booleans, dates and vocabulary terms. Each conversion
//! returns the reason a value is refused, quoting it (`"abc" 不是数字 (not a number)`).

use chrono::{DateTime, NaiveDate};

/// A scalar value from a GeoJSON property or a spreadsheet cell.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    /// Missing, null or blank.
    Empty,
    /// Text (trimmed, never empty).
    Text(String),
    /// An integer that fits i64 exactly.
    Int(i64),
    /// Any other number.
    Number(f64),
    /// A boolean.
    Bool(bool),
    /// A calendar date (Excel date cells).
    Date(NaiveDate),
}

/// Largest integer an f64 holds exactly.
const MAX_EXACT: f64 = 9_007_199_254_740_992.0;

/// Formats a number without a spurious `.0` for whole values (`1097.0` → `1097`).
pub(crate) fn number_text(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < MAX_EXACT { format!("{}", v as i64) } else { format!("{v}") }
}

/// How a date is written in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DateMode {
    /// Text `YYYY-MM-DD` (also `/`, `.`, `年月日`, ISO date-times); numbers as Excel serial dates.
    Auto,
    /// Milliseconds since 1970-01-01 UTC (ArcGIS exports).
    EpochMs,
    /// Seconds since 1970-01-01 UTC.
    EpochS,
    /// A chrono format string, e.g. `%d/%m/%Y`.
    Format(String),
}

impl DateMode {
    pub(crate) fn parse(s: &str) -> DateMode {
        match s {
            "auto" | "iso" => DateMode::Auto,
            "epoch_ms" => DateMode::EpochMs,
            "epoch_s" => DateMode::EpochS,
            other => DateMode::Format(other.to_string()),
        }
    }
}

impl Cell {
    /// A cell from a text: blank text is [`Cell::Empty`].
    pub(crate) fn text(s: &str) -> Cell {
        let t = s.trim();
        if t.is_empty() { Cell::Empty } else { Cell::Text(t.to_string()) }
    }

    /// A cell from a JSON value; arrays and objects are refused.
    pub(crate) fn from_json(v: &serde_json::Value) -> Result<Cell, String> {
        use serde_json::Value as J;
        Ok(match v {
            J::Null => Cell::Empty,
            J::Bool(b) => Cell::Bool(*b),
            J::Number(n) => match n.as_i64() {
                Some(i) => Cell::Int(i),
                None => Cell::Number(n.as_f64().unwrap_or(f64::NAN)),
            },
            J::String(s) => Cell::text(s),
            J::Array(_) | J::Object(_) => return Err("is a list or object, not a single value".into()),
        })
    }

    pub(crate) fn is_empty(&self) -> bool {
        matches!(self, Cell::Empty)
    }

    /// The value as it would be written, for messages and text fields.
    pub(crate) fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Int(i) => i.to_string(),
            Cell::Number(v) => number_text(*v),
            Cell::Bool(b) => b.to_string(),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
        }
    }

    /// Text value, `None` when empty.
    pub(crate) fn to_text(&self) -> Option<String> {
        if self.is_empty() { None } else { Some(self.display()) }
    }

    /// Number value.
    pub(crate) fn to_f64(&self) -> Result<Option<f64>, String> {
        let v = match self {
            Cell::Empty => return Ok(None),
            Cell::Int(i) => *i as f64,
            Cell::Number(v) => *v,
            Cell::Text(s) => {
                let cleaned: String = s.chars().filter(|c| *c != ',' && !c.is_whitespace()).collect();
                cleaned.parse::<f64>().map_err(|_| format!("{s:?} 不是数字 (not a number)"))?
            }
            Cell::Bool(_) | Cell::Date(_) => return Err(format!("{:?} 不是数字 (not a number)", self.display())),
        };
        if v.is_finite() {
            Ok(Some(v))
        } else {
            Err(format!("{:?} 不是有限数字 (not a finite number)", self.display()))
        }
    }

    /// Integer value; whole floats (`1097.0`) are accepted.
    pub(crate) fn to_i64(&self) -> Result<Option<i64>, String> {
        match self {
            Cell::Int(i) => Ok(Some(*i)),
            Cell::Text(s) if is_integer_text(s) => {
                s.parse::<i64>().map(Some).map_err(|_| format!("{s:?} 超出整数范围 (integer out of range)"))
            }
            _ => match self.to_f64()? {
                None => Ok(None),
                Some(v) if v.fract() != 0.0 => Err(format!("{:?} 不是整数 (not a whole number)", self.display())),
                Some(v) if v.abs() >= MAX_EXACT => {
                    Err(format!("{:?} 超出整数范围 (integer out of range)", self.display()))
                }
                Some(v) => Ok(Some(v as i64)),
            },
        }
    }

    /// Boolean value: 是/否, 有/无, Y/N, yes/no, true/false, 1/0, √/×.
    pub(crate) fn to_bool(&self) -> Result<Option<bool>, String> {
        match self {
            Cell::Empty => Ok(None),
            Cell::Bool(b) => Ok(Some(*b)),
            Cell::Int(1) => Ok(Some(true)),
            Cell::Int(0) => Ok(Some(false)),
            Cell::Number(v) if *v == 1.0 => Ok(Some(true)),
            Cell::Number(v) if *v == 0.0 => Ok(Some(false)),
            Cell::Text(s) => match s.to_lowercase().as_str() {
                "是" | "有" | "y" | "yes" | "true" | "1" | "√" | "对" => Ok(Some(true)),
                "否" | "无" | "n" | "no" | "false" | "0" | "×" | "不是" => Ok(Some(false)),
                _ => Err(format!("{s:?} 不是 是/否 (expected yes/no)")),
            },
            _ => Err(format!("{:?} 不是 是/否 (expected yes/no)", self.display())),
        }
    }

    /// Date value as `YYYY-MM-DD`.
    pub(crate) fn to_date(&self, mode: &DateMode) -> Result<Option<String>, String> {
        let bad = || format!("{:?} 不是日期 (not a date, expected YYYY-MM-DD)", self.display());
        let date = match (self, mode) {
            (Cell::Empty, _) => return Ok(None),
            (Cell::Date(d), _) => *d,
            (Cell::Int(_) | Cell::Number(_), DateMode::EpochMs | DateMode::EpochS) => {
                let v = self.to_f64()?.unwrap_or(f64::NAN);
                let ms = if *mode == DateMode::EpochS { v * 1000.0 } else { v };
                if !ms.is_finite() || ms.abs() > 1.0e15 {
                    return Err(bad());
                }
                DateTime::from_timestamp_millis(ms as i64).ok_or_else(bad)?.date_naive()
            }
            (Cell::Int(_) | Cell::Number(_), _) => {
                // An Excel serial date (days since 1899-12-30).
                let v = self.to_f64()?.unwrap_or(f64::NAN);
                if !(1.0..2_958_466.0).contains(&v) {
                    return Err(bad());
                }
                NaiveDate::from_ymd_opt(1899, 12, 30)
                    .and_then(|d| d.checked_add_days(chrono::Days::new(v.floor() as u64)))
                    .ok_or_else(bad)?
            }
            (Cell::Text(s), DateMode::Format(f)) => NaiveDate::parse_from_str(s, f).map_err(|_| bad())?,
            (Cell::Text(s), _) => parse_date_text(s).ok_or_else(bad)?,
            (Cell::Bool(_), _) => return Err(bad()),
        };
        Ok(Some(date.format("%Y-%m-%d").to_string()))
    }
}

/// Whether a text is an optionally signed run of digits.
fn is_integer_text(s: &str) -> bool {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
}

/// Parses the usual ways a date is typed in a register.
fn parse_date_text(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    // ISO date-times: keep the date part.
    let head = s.split(['T', ' ']).next().unwrap_or(s);
    for f in ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(head, f) {
            return Some(d);
        }
    }
    None
}

/// Parses a vocabulary term (code or Chinese term), quoting the accepted ones when it fails.
pub(crate) fn parse_term<T>(
    cell: &Cell,
    parse: fn(&str) -> Option<T>,
    expected: fn() -> String,
) -> Result<Option<T>, String> {
    match cell.to_text() {
        None => Ok(None),
        Some(s) => parse(&s)
            .map(Some)
            .ok_or_else(|| format!("{s:?} 不是已知类型 (unknown value); 可选 (expected): {}", expected())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_integers() {
        assert_eq!(Cell::text(" 1,200.5 ").to_f64(), Ok(Some(1200.5)));
        assert!(Cell::text("abc").to_f64().unwrap_err().contains("\"abc\" 不是数字"));
        assert!(Cell::text("1e999").to_f64().unwrap_err().contains("有限"));
        assert_eq!(Cell::Number(1097.0).to_i64(), Ok(Some(1097)));
        assert!(Cell::Number(3.5).to_i64().is_err());
        assert!(Cell::text("99999999999999999999999").to_i64().unwrap_err().contains("超出"));
        assert_eq!(number_text(1097.0), "1097");
        assert!(Cell::text("-").to_i64().unwrap_err().contains("不是数字"));
        assert_eq!(Cell::text("+5").to_i64(), Ok(Some(5)));
    }

    #[test]
    fn dates_and_bools() {
        assert_eq!(Cell::Int(1_465_084_800_000).to_date(&DateMode::EpochMs), Ok(Some("2016-06-05".into())));
        assert_eq!(Cell::text("2025/3/1").to_date(&DateMode::Auto), Ok(Some("2025-03-01".into())));
        assert_eq!(Cell::text("2025年3月1日").to_date(&DateMode::Auto), Ok(Some("2025-03-01".into())));
        assert_eq!(Cell::Number(45717.0).to_date(&DateMode::Auto), Ok(Some("2025-03-01".into())));
        assert!(Cell::text("yesterday").to_date(&DateMode::Auto).is_err());
        assert_eq!(Cell::text("是").to_bool(), Ok(Some(true)));
        assert_eq!(Cell::text("N").to_bool(), Ok(Some(false)));
        assert!(Cell::text("maybe").to_bool().is_err());
    }
}
