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

use crate::code;
use crate::store::Monitoring;
use crate::store::alarms::Signal;
use crate::store::sensors::{Reading, measurement};
use huoyan_domain::FieldError;
use serde::{Deserialize, Serialize};

use crate::kinds::{KINDS, level_of};
use crate::silence::SilenceRule;

/// The shipped rule set.
pub const SHIPPED: &str = include_str!("../rules/thresholds.toml");

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

/// What is wrong with one rule (or the set): the key it concerns (`unit`, `device` …) as the
/// field, a code of [`crate::code`] with its parameters, and the reason. It reads as its reason.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem(pub Box<FieldError>);

impl Problem {
    pub(crate) fn new(key: &str, code: &str, reason: impl Into<String>) -> Problem {
        Problem(Box::new(FieldError::new(key, code, reason)))
    }

    pub(crate) fn with(self, key: &str, value: impl Into<serde_json::Value>) -> Problem {
        Problem(Box::new(self.0.with(key, value)))
    }
}

impl std::ops::Deref for Problem {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0.reason
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.reason)
    }
}

/// Why a rule set was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RulesError {
    /// Not valid TOML of this shape.
    #[error("not a threshold rule set: {message}")]
    Syntax {
        /// The parser's message.
        message: String,
        /// Where, when the parser says (1-based line and column).
        at: Option<(usize, usize)>,
    },
    /// A rule is wrong.
    #[error("rule {index} ({measurement}): {reason}")]
    Rule {
        /// 1-based position.
        index: usize,
        /// Its measurement.
        measurement: String,
        /// Why.
        reason: Problem,
    },
    /// A silence rule is wrong.
    #[error("silence rule {index} ({measurement}): {reason}")]
    Silence {
        /// 1-based position among the silence rules.
        index: usize,
        /// Its measurement.
        measurement: String,
        /// Why.
        reason: Problem,
    },
    /// The set itself is wrong.
    #[error("{0}")]
    Set(Problem),
}

impl RulesError {
    /// The refusal as the field `rules`: the problem's code and parameters (a rule's also
    /// `rule` or `silence_rule`, its 1-based number, `measurement` and `key`, what in the rule is
    /// wrong), the whole message as the reason.
    pub fn field_error(&self) -> FieldError {
        let reason = self.to_string();
        let (problem, number) = match self {
            RulesError::Syntax { at, .. } => {
                let e = FieldError::new("rules", code::RULES_SYNTAX, reason);
                return match at {
                    Some((line, column)) => e.with("line", *line).with("column", *column),
                    None => e,
                };
            }
            RulesError::Set(p) => return FieldError { field: "rules".into(), reason, ..(*p.0).clone() },
            RulesError::Rule { index, measurement, reason: p } => (p, ("rule", index, measurement)),
            RulesError::Silence { index, measurement, reason: p } => (p, ("silence_rule", index, measurement)),
        };
        let (which, index, measurement) = number;
        FieldError { field: "rules".into(), reason, ..(*problem.0).clone() }
            .with(which, *index)
            .with("measurement", measurement.as_str())
            .with("key", problem.0.field.as_str())
    }
}

/// The 1-based line and column of byte `offset` in `text`.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..text.floor_char_boundary(offset)];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

impl ThresholdRules {
    /// Parses and checks a TOML rule set.
    pub fn parse(text: &str) -> Result<ThresholdRules, RulesError> {
        let set: ThresholdRules = toml::from_str(text).map_err(|e| RulesError::Syntax {
            message: e.to_string(),
            at: e.span().map(|s| line_column(text, s.start)),
        })?;
        set.check()?;
        Ok(set)
    }

    /// The shipped set.
    pub fn shipped() -> ThresholdRules {
        // Checked by a unit test; a broken shipped file is a build defect, not a runtime state.
        ThresholdRules::parse(SHIPPED).unwrap_or_else(|e| panic!("rules/thresholds.toml: {e}"))
    }

    /// Checks every rule: known measurement and kind, its unit, a finite threshold, a source.
    pub fn check(&self) -> Result<(), RulesError> {
        if self.id.trim().is_empty() || self.name.trim().is_empty() {
            return Err(RulesError::Set(Problem::new("id", code::RULES_ID_NAME, "id and name must not be empty")));
        }
        if self.rules.is_empty() || self.rules.len() > 500 {
            let p = Problem::new("rule", code::RULES_COUNT, "a rule set has 1–500 rules");
            return Err(RulesError::Set(p.with("list", "rule").with("min", 1).with("max", 500)));
        }
        for (i, r) in self.rules.iter().enumerate() {
            let bad = |reason: Problem| RulesError::Rule { index: i + 1, measurement: r.measurement.clone(), reason };
            let Some(m) = measurement(&r.measurement) else {
                return Err(bad(Problem::new("measurement", code::UNKNOWN_MEASUREMENT, "unknown measurement")));
            };
            if r.unit != m.unit {
                let reason = format!("unit {:?}: readings of {} are in {}", r.unit, m.code, m.unit);
                return Err(bad(Problem::new("unit", code::WRONG_UNIT, reason)
                    .with("unit", r.unit.as_str())
                    .with("expected", m.unit)));
            }
            if !r.value.is_finite() || r.value.abs() > 1e6 {
                let reason = "value must be a finite number of at most 1e6";
                return Err(bad(Problem::new("value", code::RULE_VALUE, reason).with("max", 1e6)));
            }
            if !r.hysteresis.is_finite() || r.hysteresis < 0.0 || r.hysteresis > 1e6 {
                let p = Problem::new("hysteresis", code::RULE_HYSTERESIS, "hysteresis must be a number ≥ 0");
                return Err(bad(p.with("min", 0).with("max", 1e6)));
            }
            if !KINDS.iter().any(|k| k.0 == r.kind) || r.kind == "offline" {
                let reason = format!("kind {:?} is not a sensor alarm kind", r.kind);
                return Err(bad(
                    Problem::new("kind", code::NOT_SENSOR_ALARM_KIND, reason).with("kind", r.kind.as_str())
                ));
            }
            if r.source.trim().is_empty() {
                let reason = "every rule cites its source (standard and clause, or 本地设定)";
                return Err(bad(Problem::new("source", code::SOURCE_REQUIRED, reason)));
            }
            if r.kind == "fire" && r.recovers {
                let reason = "a fire is handled by an operator: set recovers = false";
                return Err(bad(Problem::new("recovers", code::FIRE_RECOVERS, reason)));
            }
            if let Some(p) = r.device.as_deref().and_then(bad_device) {
                return Err(bad(p));
            }
        }
        if self.silence.len() > 500 {
            let p = Problem::new("silence", code::RULES_COUNT, "a rule set has at most 500 silence rules");
            return Err(RulesError::Set(p.with("list", "silence").with("min", 0).with("max", 500)));
        }
        for (i, r) in self.silence.iter().enumerate() {
            if let Some(reason) = crate::silence::problem(r) {
                return Err(RulesError::Silence { index: i + 1, measurement: r.measurement.clone(), reason });
            }
        }
        Ok(())
    }

    /// Checks that every sensor a rule names is registered, as a sensor of the rule's
    /// measurement (a rule for an address nobody uses would silently never apply).
    pub async fn check_sensors(&self, store: &huoyan_store::Store) -> huoyan_store::Result<Result<(), RulesError>> {
        for (i, r) in self.rules.iter().enumerate() {
            let Some(address) = &r.device else { continue };
            let Some(reason) = sensor_problem(store, address, &r.measurement).await? else { continue };
            return Ok(Err(RulesError::Rule { index: i + 1, measurement: r.measurement.clone(), reason }));
        }
        for (i, r) in self.silence.iter().enumerate() {
            let Some(address) = &r.device else { continue };
            if let Some(reason) = sensor_problem(store, address, &r.measurement).await? {
                return Ok(Err(RulesError::Silence { index: i + 1, measurement: r.measurement.clone(), reason }));
            }
        }
        Ok(Ok(()))
    }

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
                out.push(signal(r, rules[0], Some("recovered")));
            }
        }
        out
    }
}

/// Why a rule naming the sensor `address` for `measurement` could never apply, if it could not.
async fn sensor_problem(
    store: &huoyan_store::Store,
    address: &str,
    measurement: &str,
) -> huoyan_store::Result<Option<Problem>> {
    Ok(match Monitoring(store).sensor_by_address(address).await? {
        None => {
            let reason = format!("device {address:?} is not a registered sensor");
            Some(Problem::new("device", code::UNREGISTERED_SENSOR, reason).with("device", address))
        }
        Some(d) if d.measurement.as_deref() != Some(measurement) => {
            let has = d.measurement.as_deref().unwrap_or("nothing");
            let reason = format!("device {address:?} measures {has}, not {measurement}");
            Some(
                Problem::new("device", code::SENSOR_MEASUREMENT, reason)
                    .with("device", address)
                    .with("has", has)
                    .with("want", measurement),
            )
        }
        Some(_) => None,
    })
}

/// Why `device`, a rule's sensor address, is not one (`bad_sensor_address`), if it is not.
pub(crate) fn bad_device(device: &str) -> Option<Problem> {
    if crate::store::sensors::normalize_sensor_address(device).ok().as_deref() == Some(device) {
        return None;
    }
    let reason = format!("device {device:?}: a sensor address is 4–64 characters of a-z, 0-9, - and _ (lower-case)");
    Some(Problem::new("device", code::BAD_SENSOR_ADDRESS, reason).with("device", device))
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
    fn the_shipped_set_is_valid_and_cites_gb50974_for_hydrant_pressure() {
        let set = ThresholdRules::shipped();
        let r = set.rules.iter().find(|r| r.measurement == "hydrant_pressure").unwrap();
        assert_eq!(
            (r.comparison, r.value, r.unit.as_str(), r.kind.as_str()),
            (Comparison::Lt, 0.14, "MPa", "low_pressure")
        );
        assert_eq!(r.source, "GB 50974-2014 7.2.8");
        assert!(r.verified);
        // Only numbers marked ✅ in docs/standards/ may claim verified.
        assert_eq!(set.rules.iter().filter(|r| r.verified).count(), 1);
        for m in crate::store::sensors::MEASUREMENTS {
            assert!(set.rules.iter().any(|r| r.measurement == m.code), "no shipped rule for {}", m.code);
        }
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

    #[test]
    fn refusals_carry_codes_and_the_rule() {
        let base = "id = \"x\"\nname = \"x\"\n[[rule]]\nmeasurement = \"hydrant_pressure\"\ncomparison = \"lt\"\nvalue = 0.14\nunit = \"MPa\"\nkind = \"low_pressure\"\nsource = \"GB 50974-2014 7.2.8\"\nverified = true\n";
        let e = ThresholdRules::parse(&base.replace("\"MPa\"", "\"kPa\"")).unwrap_err().field_error();
        assert_eq!((e.field.as_str(), e.code.as_str()), ("rules", "wrong_unit"));
        assert_eq!(
            serde_json::to_value(&e.params).unwrap(),
            serde_json::json!({"rule": 1, "measurement": "hydrant_pressure", "key": "unit", "unit": "kPa", "expected": "MPa"})
        );
        assert_eq!(e.reason, "rule 1 (hydrant_pressure): unit \"kPa\": readings of hydrant_pressure are in MPa");
        let e = ThresholdRules::parse(&base.replace("comparison = \"lt\"", "comparison = \"<\""))
            .unwrap_err()
            .field_error();
        assert_eq!((e.code.as_str(), &e.params["line"], &e.params["column"]), ("rules_syntax", &5.into(), &14.into()));
        let e = ThresholdRules::parse("id = \"x\"\nname = \"x\"\n").unwrap_err().field_error();
        assert_eq!((e.code.as_str(), &e.params["max"]), ("rules_count", &500.into()));
        let silence = format!("{base}[[silence]]\nmeasurement = \"smoke\"\nafter_secs = 0\nsource = \"本地设定\"\n");
        let e = ThresholdRules::parse(&silence).unwrap_err().field_error();
        assert_eq!((e.code.as_str(), &e.params["silence_rule"]), ("silence_after", &1.into()));
    }

    #[test]
    fn bad_rule_sets_are_refused_with_the_rule_named() {
        let base = "id = \"x\"\nname = \"x\"\n[[rule]]\nmeasurement = \"hydrant_pressure\"\ncomparison = \"lt\"\nvalue = 0.14\nunit = \"MPa\"\nkind = \"low_pressure\"\nsource = \"GB 50974-2014 7.2.8\"\nverified = true\n";
        assert!(ThresholdRules::parse(base).is_ok());
        for (from, to, want) in [
            ("unit = \"MPa\"", "unit = \"kPa\"", "unit"),
            ("measurement = \"hydrant_pressure\"", "measurement = \"x\"", "unknown measurement"),
            ("kind = \"low_pressure\"", "kind = \"offline\"", "kind"),
            ("kind = \"low_pressure\"", "kind = \"fire\"", "recovers"),
            ("source = \"GB 50974-2014 7.2.8\"", "source = \" \"", "source"),
            ("value = 0.14", "value = nan", "finite"),
            ("value = 0.14", "value = 1e9", "finite"),
            ("comparison = \"lt\"", "comparison = \"<\"", "not a threshold rule set"),
            ("verified = true", "verified = true\ncolour = 1", "not a threshold rule set"),
        ] {
            let err = ThresholdRules::parse(&base.replace(from, to)).unwrap_err().to_string();
            assert!(err.contains(want), "{to}: {err}");
        }
        assert!(ThresholdRules::parse("id = \"x\"\nname = \"x\"\n").unwrap_err().to_string().contains("1–500"));
    }
}
