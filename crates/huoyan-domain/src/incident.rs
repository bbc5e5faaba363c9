//! Incidents (警情): the national categories, fire grading, and the dispatch timeline with its
//! ordering and plausibility checks — the rules of the fire and incident statistics system
//! (`docs/standards/fire-grading.md` §4, `docs/standards/incident-statistics.md` §8). The dispatch workflow that fills a timeline is built on top.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::validate::{FieldError, code};

terms! {
    /// Incident category, national statistics (docs/standards/incident-statistics.md §8.1).
    IncidentCategory {
        Fire = ("fire", "火灾扑救"),
        Rescue = ("rescue", "抢险救援"),
        SocialAssistance = ("social_assistance", "社会救助"),
        SecurityDuty = ("security_duty", "安保勤务"),
        FalseAlarm = ("false_alarm", "虚假警"),
    }
}

terms! {
    /// Fire grade (公安部 2007-06-26《关于调整火灾等级标准的通知》, docs/standards/fire-grading.md §4).
    FireGrade {
        General = ("general", "一般火灾"),
        Larger = ("larger", "较大火灾"),
        Major = ("major", "重大火灾"),
        EspeciallyMajor = ("especially_major", "特别重大火灾"),
    }
}

/// Where the fire-grade thresholds come from.
pub const FIRE_GRADE_SOURCE: &str = "公安部《关于调整火灾等级标准的通知》(2007-06-26)";

/// The grade of a fire: the highest reached by deaths, serious injuries or direct loss ("以上"
/// includes the number). Loss in yuan.
pub fn fire_grade(deaths: u32, serious_injuries: u32, direct_loss_yuan: f64) -> FireGrade {
    let by = |v: f64, t: [f64; 3]| {
        if v >= t[0] {
            FireGrade::EspeciallyMajor
        } else if v >= t[1] {
            FireGrade::Major
        } else if v >= t[2] {
            FireGrade::Larger
        } else {
            FireGrade::General
        }
    };
    let d = by(deaths as f64, [30.0, 10.0, 3.0]);
    let i = by(serious_injuries as f64, [100.0, 50.0, 10.0]);
    let l = by(direct_loss_yuan, [1e8, 5e7, 1e7]);
    d.max(i).max(l)
}

/// The times of one force's turnout to an incident (统计系统出动时间字段, docs/standards/incident-statistics.md §8.2).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Timeline {
    /// 起火时间 (fires).
    #[serde(default)]
    pub ignition: Option<DateTime<Utc>>,
    /// 接警时间.
    #[serde(default)]
    pub alarm: Option<DateTime<Utc>>,
    /// 出动时间.
    #[serde(default)]
    pub dispatch: Option<DateTime<Utc>>,
    /// 中途返回时间.
    #[serde(default)]
    pub midway_return: Option<DateTime<Utc>>,
    /// 到场时间.
    #[serde(default)]
    pub arrival: Option<DateTime<Utc>>,
    /// 展开时间.
    #[serde(default)]
    pub deploy: Option<DateTime<Utc>>,
    /// 出水时间.
    #[serde(default)]
    pub water_on: Option<DateTime<Utc>>,
    /// 控制时间.
    #[serde(default)]
    pub controlled: Option<DateTime<Utc>>,
    /// 扑灭时间.
    #[serde(default)]
    pub extinguished: Option<DateTime<Utc>>,
    /// 结束时间.
    #[serde(default)]
    pub ended: Option<DateTime<Utc>>,
    /// 撤离时间.
    #[serde(default)]
    pub withdrawn: Option<DateTime<Utc>>,
    /// 归队时间.
    #[serde(default)]
    pub returned: Option<DateTime<Utc>>,
    /// 警情处置结束时间.
    #[serde(default)]
    pub closed: Option<DateTime<Utc>>,
    /// 到场时火已熄灭.
    #[serde(default)]
    pub fire_out_on_arrival: bool,
    /// 出动距离, km (for the average speed).
    #[serde(default)]
    pub distance_km: Option<f64>,
}

/// Where the ordering rules come from, as a user reads it in a refusal: the national statistics
/// system's turnout-record checks (the rules and their sources: docs/standards/incident-statistics.md
/// §8.3). A refusal also carries it as its `source` parameter.
pub const TIMELINE_SOURCE: &str = "全国火灾与警情统计系统出动填报校验规则";

/// China Standard Time (Asia/Shanghai, UTC+8 all year: no daylight saving since 1991).
fn china() -> chrono::FixedOffset {
    chrono::FixedOffset::east_opt(8 * 3600).unwrap_or_else(|| chrono::Offset::fix(&Utc))
}

/// A time as the users read it in a message: Asia/Shanghai, to the second (`2026-11-25 16:06:00`).
pub fn local_time(t: DateTime<Utc>) -> String {
    t.with_timezone(&china()).format("%Y-%m-%d %H:%M:%S").to_string()
}

/// A time as a refusal's parameter: RFC 3339 in Asia/Shanghai's offset, to the second
/// (`2026-11-25T16:06:00+08:00`), so a client shows it as it is and still reads an exact instant.
pub fn param_time(t: DateTime<Utc>) -> String {
    t.with_timezone(&china()).to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

/// The outcome of checking a timeline: impossible orders are errors; implausible values are
/// warnings that need a stated reason.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
pub struct TimelineCheck {
    /// Impossible: the record cannot be saved like this.
    pub errors: Vec<FieldError>,
    /// Implausible: allowed with a reason (e.g. 平均时速异常原因).
    pub warnings: Vec<FieldError>,
}

impl Timeline {
    /// Checks the order of the times (docs/standards/incident-statistics.md §8.3) and their plausibility, as of `now`.
    pub fn check(&self, now: DateTime<Utc>) -> TimelineCheck {
        let mut out = TimelineCheck::default();
        let names = |f: &str| -> &'static str {
            match f {
                "ignition" => "起火时间",
                "alarm" => "接警时间",
                "dispatch" => "出动时间",
                "midway_return" => "中途返回时间",
                "arrival" => "到场时间",
                "deploy" => "展开时间",
                "water_on" => "出水时间",
                "controlled" => "控制时间",
                "extinguished" => "扑灭时间",
                "ended" => "结束时间",
                "withdrawn" => "撤离时间",
                "returned" => "归队时间",
                _ => "警情处置结束时间",
            }
        };
        let t = |f: &str| -> Option<DateTime<Utc>> {
            match f {
                "ignition" => self.ignition,
                "alarm" => self.alarm,
                "dispatch" => self.dispatch,
                "midway_return" => self.midway_return,
                "arrival" => self.arrival,
                "deploy" => self.deploy,
                "water_on" => self.water_on,
                "controlled" => self.controlled,
                "extinguished" => self.extinguished,
                "ended" => self.ended,
                "withdrawn" => self.withdrawn,
                "returned" => self.returned,
                _ => self.closed,
            }
        };
        // (later, earlier): `later` must not be before `earlier`.
        let mut rules: Vec<(&str, &str)> = vec![
            ("dispatch", "alarm"),
            ("midway_return", "dispatch"),
            ("arrival", "dispatch"),
            ("deploy", "arrival"),
            ("water_on", "deploy"),
            ("water_on", "arrival"),
            ("ended", "controlled"),
            ("ended", "water_on"),
            ("ended", "deploy"),
            ("ended", "arrival"),
            ("withdrawn", "arrival"),
            ("withdrawn", "ended"),
            ("returned", "withdrawn"),
            ("returned", "midway_return"),
            ("closed", "alarm"),
            ("alarm", "ignition"),
        ];
        if self.fire_out_on_arrival {
            // The fire was out when the force arrived: it went out before arrival, withdrawal, return.
            for later in ["arrival", "withdrawn", "returned"] {
                rules.push((later, "extinguished"));
            }
        } else {
            for earlier in ["controlled", "water_on", "deploy", "arrival"] {
                rules.push(("extinguished", earlier));
            }
            rules.push(("ended", "extinguished"));
        }
        for (later, earlier) in rules {
            if let (Some(a), Some(b)) = (t(later), t(earlier))
                && a < b
            {
                let (ln, en) = (names(later), names(earlier));
                let reason = format!(
                    "{ln}不能早于{en}（{ln} {}，{en} {}；依据：{TIMELINE_SOURCE}）",
                    local_time(a),
                    local_time(b)
                );
                out.errors.push(
                    FieldError::new(later, code::TIMELINE_ORDER, reason)
                        .with("stage", later)
                        .with("before", earlier)
                        .with("at", param_time(a))
                        .with("before_at", param_time(b))
                        .with("source", TIMELINE_SOURCE),
                );
            }
        }
        for f in ["ignition", "alarm"] {
            if t(f).is_some_and(|v| v > now) {
                out.errors.push(
                    FieldError::new(f, code::IN_FUTURE, format!("{}不能晚于当前时间", names(f)))
                        .with("stage", f)
                        .with("source", TIMELINE_SOURCE),
                );
            }
        }
        if let Some(kmh) = self.average_speed_kmh()
            && !(20.0..=120.0).contains(&kmh)
        {
            let reason = format!(
                "平均时速 {kmh:.0} km/h 不在 20～120 km/h 之内，请填写平均时速异常原因（依据：{TIMELINE_SOURCE}）"
            );
            out.warnings.push(
                FieldError::new("arrival", code::IMPLAUSIBLE_SPEED, reason)
                    .with("kmh", kmh.round())
                    .with("min", 20)
                    .with("max", 120)
                    .with("source", TIMELINE_SOURCE),
            );
        }
        if self.distance_km.is_some_and(|d| !d.is_finite() || d < 0.0) {
            out.errors.push(
                FieldError::new("distance_km", code::OUT_OF_RANGE, "出动距离必须是非负数")
                    .with("value", self.distance_km)
                    .with("min", 0),
            );
        }
        out
    }

    /// 平均时速: distance ÷ (到场 − 出动), when both are known and the duration is positive.
    pub fn average_speed_kmh(&self) -> Option<f64> {
        let d = self.distance_km?;
        let secs = (self.arrival? - self.dispatch?).num_milliseconds() as f64 / 1000.0;
        (secs > 0.0 && d.is_finite()).then(|| d / (secs / 3600.0))
    }

    /// 出动时长 (出动 − 接警), seconds.
    pub fn turnout_s(&self) -> Option<i64> {
        Some((self.dispatch? - self.alarm?).num_seconds())
    }

    /// 行车时长 (到场 − 出动), seconds — held against the 5-minute target (建标152-2017 第十三条).
    pub fn travel_s(&self) -> Option<i64> {
        Some((self.arrival? - self.dispatch?).num_seconds())
    }

    /// 出水时长 (出水 − 到场), seconds.
    pub fn water_on_s(&self) -> Option<i64> {
        Some((self.water_on? - self.arrival?).num_seconds())
    }

    /// 在场时长 (撤离 − 到场), seconds.
    pub fn on_scene_s(&self) -> Option<i64> {
        Some((self.withdrawn? - self.arrival?).num_seconds())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(min: i64) -> Option<DateTime<Utc>> {
        Some(
            DateTime::parse_from_rfc3339("2026-11-25T08:00:00Z").unwrap().with_timezone(&Utc)
                + chrono::Duration::minutes(min),
        )
    }

    fn good() -> Timeline {
        Timeline {
            ignition: at(-5),
            alarm: at(0),
            dispatch: at(1),
            arrival: at(6),
            deploy: at(7),
            water_on: at(8),
            controlled: at(20),
            extinguished: at(35),
            ended: at(40),
            withdrawn: at(45),
            returned: at(55),
            closed: at(60),
            distance_km: Some(3.0),
            ..Default::default()
        }
    }

    #[test]
    fn fire_grade_takes_the_highest_of_three() {
        assert_eq!(fire_grade(0, 0, 0.0), FireGrade::General);
        assert_eq!(fire_grade(2, 9, 9_999_999.0), FireGrade::General);
        assert_eq!(fire_grade(3, 0, 0.0), FireGrade::Larger);
        assert_eq!(fire_grade(0, 50, 0.0), FireGrade::Major);
        assert_eq!(fire_grade(1, 0, 1e8), FireGrade::EspeciallyMajor);
        assert_eq!(fire_grade(29, 99, 5e7), FireGrade::Major);
        assert_eq!(fire_grade(30, 0, 0.0), FireGrade::EspeciallyMajor);
    }

    #[test]
    fn a_good_timeline_passes_and_yields_kpis() {
        let t = good();
        let c = t.check(at(120).unwrap());
        assert!(c.errors.is_empty() && c.warnings.is_empty(), "{c:?}");
        assert_eq!(
            (t.turnout_s(), t.travel_s(), t.water_on_s(), t.on_scene_s()),
            (Some(60), Some(300), Some(120), Some(2340))
        );
        assert_eq!(t.average_speed_kmh().map(|v| v.round()), Some(36.0));
    }

    #[test]
    fn impossible_orders_are_refused_with_the_rule() {
        let mut t = good();
        t.arrival = at(0); // before dispatch
        let c = t.check(at(120).unwrap());
        let fields: Vec<&str> = c.errors.iter().map(|e| e.field.as_str()).collect();
        assert!(fields.contains(&"arrival"), "{c:?}");
        assert!(c.errors[0].reason.contains("到场时间不能早于出动时间"), "{}", c.errors[0].reason);
        let mut t = good();
        t.returned = at(44); // before withdrawal
        assert_eq!(t.check(at(120).unwrap()).errors[0].field, "returned");
        let mut t = good();
        t.ignition = at(1); // after the alarm
        assert_eq!(t.check(at(120).unwrap()).errors[0].field, "alarm");
        let t = good();
        assert!(t.check(at(30).unwrap()).errors.is_empty(), "the future check is on ignition and alarm only");
        assert_eq!(t.check(at(-10).unwrap()).errors.len(), 2, "alarm and ignition in the future");
    }

    #[test]
    fn order_errors_carry_the_code_and_both_stages() {
        let mut t = good();
        t.arrival = at(0); // before dispatch
        let c = t.check(at(120).unwrap());
        let e = c.errors.iter().find(|e| e.field == "arrival").unwrap();
        assert_eq!(e.code, "timeline_order");
        assert_eq!(
            (&e.params["stage"], &e.params["before"]),
            (&serde_json::json!("arrival"), &serde_json::json!("dispatch"))
        );
        // Times in Asia/Shanghai to the second, in the message and the parameters; the source
        // is the standard's name, not a path.
        assert_eq!(
            (&e.params["at"], &e.params["before_at"]),
            (&serde_json::json!("2026-11-25T16:00:00+08:00"), &serde_json::json!("2026-11-25T16:01:00+08:00"))
        );
        assert!(
            e.reason
                .starts_with("到场时间不能早于出动时间（到场时间 2026-11-25 16:00:00，出动时间 2026-11-25 16:01:00；"),
            "{}",
            e.reason
        );
        assert_eq!(e.params["source"], TIMELINE_SOURCE);
        assert!(!e.reason.contains(".md") && !e.reason.contains("UTC"), "{}", e.reason);
        let c = good().check(at(-10).unwrap());
        assert!(c.errors.iter().all(|e| e.code == "in_future"), "{c:?}");
        let mut t = good();
        t.distance_km = Some(15.0);
        let w = &t.check(at(120).unwrap()).warnings[0];
        assert_eq!((w.code.as_str(), &w.params["kmh"]), ("implausible_speed", &serde_json::json!(180.0)));
    }

    #[test]
    fn fire_out_on_arrival_reverses_the_extinguish_rule() {
        let mut t = good();
        t.extinguished = at(4);
        t.water_on = None;
        t.controlled = None;
        t.deploy = None;
        assert!(!t.check(at(120).unwrap()).errors.is_empty(), "extinguished before arrival without the flag");
        t.fire_out_on_arrival = true;
        assert!(t.check(at(120).unwrap()).errors.is_empty());
    }

    #[test]
    fn implausible_speed_is_a_warning() {
        let mut t = good();
        t.distance_km = Some(15.0); // 15 km in 5 minutes = 180 km/h
        let c = t.check(at(120).unwrap());
        assert!(c.errors.is_empty());
        assert!(c.warnings[0].reason.contains("180 km/h"), "{c:?}");
        t.distance_km = Some(0.5); // 6 km/h
        assert_eq!(t.check(at(120).unwrap()).warnings.len(), 1);
    }
}
