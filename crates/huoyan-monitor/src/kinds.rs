//! Alarm kinds (报警类别) as the operator sees them, with their Chinese terms and levels. The kinds
//! follow the state bits of GB/T 26875.3-2011 (tables of 建筑消防设施系统状态, 部件运行状态 and
//! 用户信息传输装置运行状态: 火警, 故障, 屏蔽, 监管, 启动, 反馈, 主电/备电故障) plus the centre's own
//! findings: 离线 (silence beyond the configured time, GB 50440 requires the centre to watch the
//! link) and sensor thresholds (低压 …, see `thresholds`).

/// Levels: `fire` (red, sound, 119-relevant), `warning` (amber: faults and supervision the unit
/// must fix), `info` (state changes logged for the record).
pub const LEVELS: &[&str] = &["fire", "warning", "info"];

/// (code, 中文, level).
pub const KINDS: &[(&str, &str, &str)] = &[
    ("fire", "火警", "fire"),
    ("fault", "故障", "warning"),
    ("power_fault", "电源故障", "warning"),
    ("supervise", "监管", "warning"),
    ("offline", "离线", "warning"),
    ("low_pressure", "低压", "warning"),
    ("low_level", "低液位", "warning"),
    ("over_limit", "超限", "warning"),
    ("shield", "屏蔽", "info"),
    ("started", "启动", "info"),
    ("feedback", "反馈", "info"),
];

/// Operator results: (code, 中文 for 火警, 中文 otherwise).
pub const RESULTS: &[(&str, &str, &str)] = &[
    ("real", "确认真实火警", "确认属实"),
    ("false", "误报", "误报"),
    ("test", "测试", "测试"),
    ("ignored", "忽略", "忽略"),
    ("recovered", "自动恢复", "自动恢复"),
];

/// The Chinese term of a kind (the code itself when unknown).
pub fn kind_zh(code: &str) -> &str {
    KINDS.iter().find(|k| k.0 == code).map_or(code, |k| k.1)
}

/// The level of a kind (`warning` when unknown).
pub fn level_of(code: &str) -> &'static str {
    KINDS.iter().find(|k| k.0 == code).map_or("warning", |k| k.2)
}

/// The Chinese term of a result for an alarm of `kind`.
pub fn result_zh<'a>(kind: &str, result: &'a str) -> &'a str {
    match RESULTS.iter().find(|r| r.0 == result) {
        Some(r) if kind == "fire" => r.1,
        Some(r) => r.2,
        None => result,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_known_level_and_a_term() {
        for (code, zh, level) in KINDS {
            assert!(LEVELS.contains(level), "{code}");
            assert!(!zh.is_empty());
            assert_eq!(kind_zh(code), *zh);
        }
        assert_eq!(level_of("fire"), "fire");
        assert_eq!(result_zh("fire", "real"), "确认真实火警");
        assert_eq!(result_zh("fault", "real"), "确认属实");
    }
}
