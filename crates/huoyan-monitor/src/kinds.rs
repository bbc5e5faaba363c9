//! Alarm kinds (报警类别) as the operator sees them, with their Chinese terms and levels, and the
//! operator's results (处理结果). The kinds follow the state bits of GB/T 26875.3-2011 (tables of
//! 建筑消防设施系统状态, 部件运行状态 and 用户信息传输装置运行状态: 火警, 故障, 屏蔽, 监管, 启动,
//! 反馈, 主电/备电故障) plus the centre's own findings: 离线 (silence beyond the configured time,
//! GB 50440 requires the centre to watch the link) and sensor thresholds (低压 …, see
//! `thresholds`).
//!
//! Both are vocabularies declared with `huoyan_domain::terms!` ([`AlarmKind`], [`AlarmResult`]):
//! the code is what the API and the `alarms` table hold, the Chinese term what the console shows.
//! [`KINDS`], [`RESULTS`] and [`LEVELS`] are the same vocabularies as tables, derived from the
//! enums, in the shape `GET /api/v1/terms` answers (`alarm_kind`: code, zh, level;
//! `alarm_result`: code, zh, zh_fire).

huoyan_domain::terms! {
    /// An alarm kind (报警类别), in the order the console lists them.
    AlarmKind {
        /// 火警: a fire reported by a panel or a smoke sensor (level `fire`).
        Fire = ("fire", "火警"),
        /// 故障.
        Fault = ("fault", "故障"),
        /// 电源故障 (主电/备电故障).
        PowerFault = ("power_fault", "电源故障"),
        /// 监管.
        Supervise = ("supervise", "监管"),
        /// 离线: the centre's own finding (silence beyond the configured time).
        Offline = ("offline", "离线"),
        /// 低压: a sensor threshold.
        LowPressure = ("low_pressure", "低压"),
        /// 低液位: a sensor threshold.
        LowLevel = ("low_level", "低液位"),
        /// 超限: a sensor threshold.
        OverLimit = ("over_limit", "超限"),
        /// 屏蔽 (logged).
        Shield = ("shield", "屏蔽"),
        /// 启动 (logged).
        Started = ("started", "启动"),
        /// 反馈 (logged).
        Feedback = ("feedback", "反馈"),
    }
}

/// How loud an alarm is: `fire` (red, sound, 119-relevant), `warning` (amber: faults and
/// supervision the unit must fix), `info` (state changes logged for the record).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AlarmLevel {
    /// Red, with sound.
    Fire,
    /// Amber.
    Warning,
    /// Logged.
    Info,
}

impl AlarmLevel {
    /// Every level, loudest first.
    pub const ALL: &'static [AlarmLevel] = &[AlarmLevel::Fire, AlarmLevel::Warning, AlarmLevel::Info];

    /// The code used in the API and the database.
    pub const fn code(self) -> &'static str {
        match self {
            AlarmLevel::Fire => "fire",
            AlarmLevel::Warning => "warning",
            AlarmLevel::Info => "info",
        }
    }
}

impl AlarmKind {
    /// The kind's level.
    pub const fn level(self) -> AlarmLevel {
        match self {
            AlarmKind::Fire => AlarmLevel::Fire,
            AlarmKind::Shield | AlarmKind::Started | AlarmKind::Feedback => AlarmLevel::Info,
            _ => AlarmLevel::Warning,
        }
    }

    /// Whether a sensor threshold rule may raise it (any kind but 离线, which only silence raises).
    pub fn is_sensor_kind(self) -> bool {
        self != AlarmKind::Offline
    }
}

huoyan_domain::terms! {
    /// The finding that closes an alarm (处理结果): an operator's, or the system's `recovered`.
    AlarmResult {
        /// 确认属实 (for a 火警: 确认真实火警, see [`AlarmResult::zh_for`]).
        Real = ("real", "确认属实"),
        /// 误报.
        False = ("false", "误报"),
        /// 测试.
        Test = ("test", "测试"),
        /// 忽略.
        Ignored = ("ignored", "忽略"),
        /// 自动恢复: resolved by the system (a device back online, a reading back in range).
        Recovered = ("recovered", "自动恢复"),
    }
}

impl AlarmResult {
    /// The results an operator may give (all but `recovered`).
    pub const BY_OPERATOR: &'static [AlarmResult] =
        &[AlarmResult::Real, AlarmResult::False, AlarmResult::Test, AlarmResult::Ignored];

    /// The term for an alarm of `kind`: a real 火警 is 确认真实火警.
    pub const fn zh_for(self, kind: AlarmKind) -> &'static str {
        match (self, kind) {
            (AlarmResult::Real, AlarmKind::Fire) => "确认真实火警",
            _ => self.zh(),
        }
    }
}

/// Level codes, loudest first.
pub const LEVELS: &[&str] = &{
    let mut out = [""; AlarmLevel::ALL.len()];
    let mut i = 0;
    while i < out.len() {
        out[i] = AlarmLevel::ALL[i].code();
        i += 1;
    }
    out
};

/// (code, 中文, level) of every kind, from [`AlarmKind`].
pub const KINDS: &[(&str, &str, &str)] = &{
    let mut out = [("", "", ""); AlarmKind::ALL.len()];
    let mut i = 0;
    while i < out.len() {
        let k = AlarmKind::ALL[i];
        out[i] = (k.code(), k.zh(), k.level().code());
        i += 1;
    }
    out
};

/// (code, 中文 for 火警, 中文 otherwise) of every result, from [`AlarmResult`].
pub const RESULTS: &[(&str, &str, &str)] = &{
    let mut out = [("", "", ""); AlarmResult::ALL.len()];
    let mut i = 0;
    while i < out.len() {
        let r = AlarmResult::ALL[i];
        out[i] = (r.code(), r.zh_for(AlarmKind::Fire), r.zh());
        i += 1;
    }
    out
};

/// The Chinese term of a kind code (the code itself when unknown).
pub fn kind_zh(code: &str) -> &str {
    AlarmKind::from_code(code).map_or(code, |k| k.zh())
}

/// The level code of a kind code (`warning` when unknown).
pub fn level_of(code: &str) -> &'static str {
    AlarmKind::from_code(code).map_or(AlarmLevel::Warning, AlarmKind::level).code()
}

/// The Chinese term of a result code for an alarm of kind code `kind` (the code when unknown).
pub fn result_zh<'a>(kind: &str, result: &'a str) -> &'a str {
    match (AlarmResult::from_code(result), AlarmKind::from_code(kind)) {
        (Some(r), Some(k)) => r.zh_for(k),
        (Some(r), None) => r.zh(),
        (None, _) => result,
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

    #[test]
    fn the_tables_are_what_the_terms_endpoint_always_answered() {
        // The codes, terms, levels and their order before the kinds became a `terms!` vocabulary.
        assert_eq!(
            KINDS,
            [
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
            ]
        );
        assert_eq!(
            RESULTS,
            [
                ("real", "确认真实火警", "确认属实"),
                ("false", "误报", "误报"),
                ("test", "测试", "测试"),
                ("ignored", "忽略", "忽略"),
                ("recovered", "自动恢复", "自动恢复"),
            ]
        );
        assert_eq!(LEVELS, ["fire", "warning", "info"]);
        assert_eq!(AlarmKind::parse("低液位"), Some(AlarmKind::LowLevel));
        assert_eq!(AlarmKind::from_code("低液位"), None, "stored values are codes");
        assert_eq!(serde_json::to_value(AlarmResult::False).unwrap(), "false");
    }
}
