//! Threshold rules as data (物联网阈值规则): which sensor readings raise which alarm, each rule citing
//! its source. The shipped set is `rules/thresholds.toml` ([`SHIPPED`]); an administrator loads a
//! changed copy through the API or the CLI without touching code (kept in the store, the latest
//! in force).
//!
//! A rule may name one sensor (`device`, its address): for that sensor, the rules naming it
//! replace the general rules of the same measurement and alarm kind — a sprinkler main whose
//! design pressure is 0.35 MPa gets its own low-pressure threshold, the other sprinkler sensors
//! keep the general one. Loading a set checks that each named sensor is registered with the
//! rule's measurement ([`ThresholdRules::check_sensors`]).
//!
//! Evaluation is stateless; the open alarm lives in the store. For each (metric, kind) a reading
//! either violates a rule (a signal that opens or merges into the alarm), is back beyond the
//! threshold by the rule's hysteresis (a signal resolving the open alarm as `recovered`), or lies
//! in the band between (no signal, so a value hovering at the threshold neither floods nor closes
//! the alarm).
//!
//! This file holds the rules and their evaluation; [`load`] parses and checks a set (the
//! refusals, [`RulesError`], with their codes).

use crate::store::alarms::Signal;
use crate::store::sensors::{Reading, measurement};
use serde::{Deserialize, Serialize};

use crate::kinds::{AlarmResult, level_of};
use crate::silence::SilenceRule;

pub mod load;

pub(crate) use load::bad_device;
pub use load::{Problem, RulesError};

/// The shipped rule set.
pub const SHIPPED: &str = include_str!("../../rules/thresholds.toml");

/// The alarm condition `value <comparison> threshold`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Comparison {
    /// Below.
    Lt,
    /// At or below.
    Le,
    /// Above.
    Gt,
    /// At or above.
    Ge,
}

impl Comparison {
    fn holds(self, v: f64, t: f64) -> bool {
        match self {
            Comparison::Lt => v < t,
            Comparison::Le => v <= t,
            Comparison::Gt => v > t,
            Comparison::Ge => v >= t,
        }
    }

    fn zh(self) -> &'static str {
        match self {
            Comparison::Lt => "低于",
            Comparison::Le => "不高于",
            Comparison::Gt => "高于",
            Comparison::Ge => "不低于",
        }
    }
}

/// One rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ThresholdRule {
    /// The sensor measurement it applies to (`hydrant_pressure` …).
    pub measurement: String,
    /// One sensor's address: the rule is for that sensor only, in place of the general rules of
    /// its measurement and kind. Without: every sensor of the measurement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<String>,
    /// The alarm condition.
    pub comparison: Comparison,
    /// The threshold.
    pub value: f64,
    /// Its unit (must be the measurement's).
    pub unit: String,
    /// How far back beyond the threshold a value must be to resolve the alarm (≥ 0).
    #[serde(default)]
    pub hysteresis: f64,
    /// The alarm kind raised (`low_pressure`, `low_level`, `over_limit`, `fire` …).
    pub kind: String,
    /// Standard and clause, e.g. `GB 50974-2014 7.2.8`, or `本地设定`.
    pub source: String,
    /// Whether the number was seen verbatim in a cited excerpt (✅ in docs/standards/).
    pub verified: bool,
    /// Whether a value back in range resolves the alarm on its own (default true; a fire is
    /// always left to the operator).
    #[serde(default = "yes")]
    pub recovers: bool,
    /// Explanation in Chinese.
    #[serde(default)]
    pub note: String,
}

fn yes() -> bool {
    true
}

/// A rule set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ThresholdRules {
    /// Identifier.
    pub id: String,
    /// Name.
    pub name: String,
    /// The rules.
    #[serde(rename = "rule", default)]
    pub rules: Vec<ThresholdRule>,
    /// How long sensors may stay silent ([`crate::silence`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub silence: Vec<SilenceRule>,
}

impl ThresholdRules {
    /// The rules judging `r`'s kind `kind`: those naming its sensor, else the general ones.
    fn rules_for<'a>(&'a self, r: &Reading, kind: &str) -> Vec<&'a ThresholdRule> {
        let of = |own: bool| -> Vec<&ThresholdRule> {
            self.rules
                .iter()
                .filter(|x| x.measurement == r.metric && x.kind == kind)
                .filter(|x| match &x.device {
                    Some(d) => own && *d == r.device_address,
                    None => !own,
                })
                .collect()
        };
        let own = of(true);
        if own.is_empty() { of(false) } else { own }
    }

    /// The signals of one reading: per alarm kind of its metric, a violation (opens or merges),
    /// a recovery (resolves as `recovered`) or nothing (the hysteresis band, or no rule).
    pub fn evaluate(&self, r: &Reading) -> Vec<Signal> {
        let mut out = Vec::new();
        let mut kinds: Vec<&str> = Vec::new();
        for rule in self.rules.iter().filter(|x| x.measurement == r.metric) {
            if rule.device.as_ref().is_none_or(|d| *d == r.device_address) && !kinds.contains(&rule.kind.as_str()) {
                kinds.push(&rule.kind);
            }
        }
        for kind in kinds {
            let rules = self.rules_for(r, kind);
            if let Some(rule) = rules.iter().find(|x| x.comparison.holds(r.value, x.value)) {
                out.push(signal(r, rule, None));
            } else if rules.iter().all(|x| x.recovers && recovered(x, r.value)) {
                out.push(signal(r, rules[0], Some(AlarmResult::Recovered.code())));
            }
        }
        out
    }
}

/// Whether `v` is back beyond the threshold by the hysteresis (and no longer violating).
fn recovered(rule: &ThresholdRule, v: f64) -> bool {
    if rule.comparison.holds(v, rule.value) {
        return false;
    }
    // Decimal thresholds are not exact in binary (0.15 − 0.14 < 0.01): allow a rounding slack.
    let slack = 1e-9 * rule.value.abs().max(1.0);
    match rule.comparison {
        Comparison::Lt | Comparison::Le => v - rule.value >= rule.hysteresis - slack,
        Comparison::Gt | Comparison::Ge => rule.value - v >= rule.hysteresis - slack,
    }
}

fn number(v: f64) -> String {
    let s = format!("{v:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn signal(r: &Reading, rule: &ThresholdRule, resolves: Option<&str>) -> Signal {
    let zh = measurement(&r.metric).map_or(r.metric.as_str(), |m| m.zh);
    let summary = match resolves {
        None => format!(
            "{zh} {} {}，{}{} {}（{}）",
            number(r.value),
            r.unit,
            rule.comparison.zh(),
            number(rule.value),
            rule.unit,
            rule.source
        ),
        Some(_) => format!("{zh} 恢复正常：{} {}", number(r.value), r.unit),
    };
    Signal {
        device_address: r.device_address.clone(),
        kind: rule.kind.clone(),
        level: level_of(&rule.kind).to_string(),
        at: r.at.clone(),
        frame_id: None,
        summary: summary.clone(),
        component: serde_json::json!({
            "text": summary,
            "reading_id": r.id,
            "metric": r.metric,
            "value": r.value,
            "unit": r.unit,
            "at": r.at,
            "rule": { "comparison": rule.comparison, "value": rule.value, "source": rule.source, "verified": rule.verified, "device": rule.device },
        }),
        resolves: resolves.map(str::to_string),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reading(metric: &str, value: f64) -> Reading {
        let unit = measurement(metric).unwrap().unit.to_string();
        Reading {
            id: 1,
            device_id: 1,
            device_address: "hp-0001".into(),
            at: "2026-12-01T00:00:00.000Z".into(),
            received_at: String::new(),
            metric: metric.into(),
            value,
            unit,
        }
    }

    fn one(set: &ThresholdRules, metric: &str, v: f64) -> Option<(String, Option<String>)> {
        let s = set.evaluate(&reading(metric, v));
        assert!(s.len() <= 1, "{s:?}");
        s.into_iter().next().map(|s| (s.kind, s.resolves))
    }

    #[test]
    fn hydrant_pressure_boundaries_and_hysteresis() {
        let set = ThresholdRules::shipped();
        let low = Some(("low_pressure".to_string(), None));
        let back = Some(("low_pressure".to_string(), Some("recovered".to_string())));
        assert_eq!(one(&set, "hydrant_pressure", 0.139), low);
        assert_eq!(one(&set, "hydrant_pressure", 0.0), low);
        // 0.14 itself is not below 0.14; but it is within the hysteresis band: no signal.
        assert_eq!(one(&set, "hydrant_pressure", 0.14), None);
        assert_eq!(one(&set, "hydrant_pressure", 0.145), None);
        // Back at 0.14 + 0.01: recovered.
        assert_eq!(one(&set, "hydrant_pressure", 0.15), back);
        assert_eq!(one(&set, "hydrant_pressure", 0.3), back);
    }

    #[test]
    fn upper_limits_and_the_fire_rule() {
        let set = ThresholdRules::shipped();
        assert_eq!(one(&set, "gas_lel", 25.0).unwrap().0, "over_limit");
        assert_eq!(one(&set, "gas_lel", 24.9), None);
        assert_eq!(one(&set, "gas_lel", 20.0).unwrap().1.as_deref(), Some("recovered"));
        assert_eq!(one(&set, "residual_current", 300.0), None, "gt: 300 is not over 300");
        assert_eq!(one(&set, "residual_current", 300.5).unwrap().0, "over_limit");
        // A smoke detector in alarm is a fire; back to normal it resolves nothing.
        let fire = set.evaluate(&reading("smoke", 1.0));
        assert_eq!((fire[0].kind.as_str(), fire[0].level.as_str()), ("fire", "fire"));
        assert!(set.evaluate(&reading("smoke", 0.0)).is_empty());
    }

    #[test]
    fn the_signal_names_value_threshold_and_source() {
        let s = ThresholdRules::shipped().evaluate(&reading("hydrant_pressure", 0.12));
        assert_eq!(s[0].summary, "市政消火栓水压 0.12 MPa，低于0.14 MPa（GB 50974-2014 7.2.8）");
        assert_eq!(s[0].component["rule"]["source"], "GB 50974-2014 7.2.8");
        assert_eq!(s[0].device_address, "hp-0001");
        assert_eq!(s[0].level, "warning");
    }

    #[test]
    fn a_rule_naming_a_sensor_replaces_the_general_rule_of_its_kind_for_that_sensor_only() {
        let mut set = ThresholdRules::shipped();
        let general = set.rules.iter().find(|r| r.measurement == "sprinkler_pressure").unwrap().clone();
        assert_eq!((general.comparison, general.value), (Comparison::Lt, 0.05));
        // A main whose design pressure is 0.35 MPa: low below 0.25, and too high above 1.2.
        set.rules.push(ThresholdRule {
            device: Some("hp-0001".into()),
            value: 0.25,
            hysteresis: 0.02,
            source: "本地设定（设计工作压力 0.35 MPa）".into(),
            verified: false,
            ..general.clone()
        });
        set.rules.push(ThresholdRule {
            device: Some("hp-0001".into()),
            comparison: Comparison::Gt,
            value: 1.2,
            hysteresis: 0.05,
            kind: "over_limit".into(),
            source: "本地设定".into(),
            verified: false,
            ..general.clone()
        });
        set.check().unwrap();
        // The named sensor (`reading` is hp-0001): its own thresholds (and its upper limit,
        // which 0.2 MPa is well below: recovered).
        let kinds = |v: f64| -> Vec<(String, Option<String>)> {
            set.evaluate(&reading("sprinkler_pressure", v)).into_iter().map(|s| (s.kind, s.resolves)).collect()
        };
        let over_ok = ("over_limit".to_string(), Some("recovered".to_string()));
        assert_eq!(kinds(0.2), [("low_pressure".into(), None), over_ok.clone()]);
        let s = set.evaluate(&reading("sprinkler_pressure", 0.2));
        assert!(s[0].summary.contains("低于0.25 MPa（本地设定（设计工作压力 0.35 MPa））"), "{}", s[0].summary);
        assert_eq!(s[0].component["rule"]["device"], "hp-0001");
        assert_eq!(kinds(0.26), [over_ok], "low: in its hysteresis band");
        let high = set.evaluate(&reading("sprinkler_pressure", 1.3));
        assert_eq!(
            high.iter().map(|s| (s.kind.as_str(), s.resolves.as_deref())).collect::<Vec<_>>(),
            [("low_pressure", Some("recovered")), ("over_limit", None)]
        );
        // Another sensor: the general rule, and no upper limit.
        let mut other = reading("sprinkler_pressure", 0.2);
        other.device_address = "sp-0002".into();
        let s = set.evaluate(&other);
        assert_eq!(s.len(), 1);
        assert_eq!((s[0].kind.as_str(), s[0].resolves.as_deref()), ("low_pressure", Some("recovered")));
        other.value = 0.04;
        assert!(set.evaluate(&other)[0].summary.contains("低于0.05 MPa"));
        other.value = 1.3;
        assert_eq!(set.evaluate(&other).iter().filter(|s| s.kind == "over_limit").count(), 0);
        // An address that is not a sensor address is refused, naming the rule.
        set.rules.last_mut().unwrap().device = Some("HP 0001".into());
        let err = set.check().unwrap_err().to_string();
        assert!(err.starts_with(&format!("rule {} (sprinkler_pressure): device", set.rules.len())), "{err}");
    }
}
