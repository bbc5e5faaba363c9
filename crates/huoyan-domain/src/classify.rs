//! Unit classification: which units are 消防安全重点单位, 火灾高危单位, 九小场所 or 三合一场所.
//!
//! The thresholds are data, not code: a [`RuleSet`] is a TOML document (see
//! `rules/cn-national-baseline.toml`, the national baseline of `docs/standards/unit-classes.md` §6–7) with an id, a
//! region, an effective date and rules that each cite their source. A province loads its own set;
//! the set in force on a date is chosen by [`RuleSet::in_force`]. A rule fires when the unit's use
//! category is one it names (or it names none) and all of its `all` conditions and at least one of
//! its `any` conditions hold. A condition on a metric the unit has not recorded does not hold, and
//! the rule is reported as undecided so an inspector knows which figure to collect.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::model::{Unit, UnitMetrics};
use crate::terms::{UnitClass, UseCategory};

/// The national baseline shipped with Huoyan.
pub const NATIONAL_BASELINE: &str = include_str!("../rules/cn-national-baseline.toml");

/// A set of classification rules with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleSet {
    /// Identifier, e.g. `cn-national-baseline` or `gd-2023`.
    pub id: String,
    /// Name shown to users.
    pub name: String,
    /// Region it applies to, e.g. 全国, 广东省.
    pub region: String,
    /// First day in force, `YYYY-MM-DD`.
    pub effective_from: String,
    /// Last day in force, if superseded.
    #[serde(default)]
    pub effective_to: Option<String>,
    /// The documents it implements.
    pub source: String,
    /// The rules.
    pub rules: Vec<Rule>,
}

/// One rule: units of these categories meeting these conditions are put in `class`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Identifier within the set.
    pub id: String,
    /// The class given.
    pub class: UnitClass,
    /// Use categories the rule applies to; empty means every category.
    #[serde(default)]
    pub categories: Vec<UseCategory>,
    /// Conditions that must all hold.
    #[serde(default)]
    pub all: Vec<Condition>,
    /// Conditions of which at least one must hold (ignored when empty).
    #[serde(default)]
    pub any: Vec<Condition>,
    /// The rule in words (Chinese), as shown in the UI.
    pub text: String,
    /// Standard, regulation and clause.
    pub source: String,
    /// Whether the threshold was verified against a copy of the source (the marks of `docs/standards/README.md`).
    #[serde(default)]
    pub verified: bool,
}

/// A comparison of one metric with a value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// A field of [`UnitMetrics`], e.g. `building_area_m2`.
    pub metric: String,
    /// `>=`, `>`, `<=`, `<`, `=` or `!=`.
    pub op: String,
    /// A number, a boolean or a string.
    #[schema(schema_with = condition_value)]
    pub value: serde_json::Value,
}

/// The schema of [`Condition::value`]: a number, a boolean or a string (what [`RuleSet::check`]
/// accepts and the API answers as it was given).
fn condition_value() -> utoipa::openapi::schema::Schema {
    use utoipa::openapi::schema::{ObjectBuilder, OneOfBuilder, Type};
    OneOfBuilder::new()
        .item(ObjectBuilder::new().schema_type(Type::Number))
        .item(ObjectBuilder::new().schema_type(Type::Boolean))
        .item(ObjectBuilder::new().schema_type(Type::String))
        .description(Some("A number, a boolean or a string"))
        .build()
        .into()
}

/// Why a unit was given a class (stored with the unit, shown in the UI).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ClassReason {
    /// The class.
    pub class: UnitClass,
    /// `ruleset-id/rule-id`.
    pub rule: String,
    /// The rule in words.
    pub text: String,
    /// Its source.
    pub source: String,
}

/// Why a rule set is refused.
#[derive(Debug, thiserror::Error)]
pub enum RuleSetError {
    /// Not valid TOML or not the expected shape.
    #[error("rule set is not valid: {0}")]
    Parse(String),
    /// A rule refers to an unknown metric, operator or value type.
    #[error("rule {rule}: {reason}")]
    Rule {
        /// The rule id.
        rule: String,
        /// What is wrong.
        reason: String,
    },
}

/// The outcome of classifying one unit.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Classification {
    /// Classes given, in the order of [`UnitClass::ALL`], without repeats.
    pub classes: Vec<UnitClass>,
    /// One entry per rule that fired.
    pub reasons: Vec<ClassReason>,
    /// Rules that apply to the category but could not be decided, with the missing metrics.
    pub undecided: Vec<(String, Vec<String>)>,
}

enum Outcome {
    True,
    False,
    Unknown(String),
}

fn metric(m: &UnitMetrics, name: &str) -> Option<Option<serde_json::Value>> {
    use serde_json::Value;
    let num = |v: Option<f64>| v.map(Value::from);
    let int = |v: Option<i64>| v.map(Value::from);
    let b = |v: Option<bool>| v.map(Value::Bool);
    Some(match name {
        "building_area_m2" => num(m.building_area_m2),
        "max_floor_area_m2" => num(m.max_floor_area_m2),
        "underground_area_m2" => num(m.underground_area_m2),
        "floors" => int(m.floors),
        "floor_located" => int(m.floor_located),
        "height_m" => num(m.height_m),
        "beds" => int(m.beds),
        "rooms" => int(m.rooms),
        "seats" => int(m.seats),
        "staff" => int(m.staff),
        "pupils" => int(m.pupils),
        "computers" => int(m.computers),
        "combustible_goods" => b(m.combustible_goods),
        "accommodation_mixed" => b(m.accommodation_mixed),
        "fire_separated" => b(m.fire_separated),
        "timber_structure" => b(m.timber_structure),
        "heritage_level" => m.heritage_level.clone().map(Value::String),
        _ => return None,
    })
}

const OPS: [&str; 6] = [">=", ">", "<=", "<", "=", "!="];

impl Condition {
    fn eval(&self, m: &UnitMetrics) -> Outcome {
        use serde_json::Value;
        let Some(Some(actual)) = metric(m, &self.metric) else {
            return Outcome::Unknown(self.metric.clone());
        };
        let holds = match (&actual, &self.value) {
            (Value::Number(a), Value::Number(b)) => {
                let (a, b) = (a.as_f64().unwrap_or(f64::NAN), b.as_f64().unwrap_or(f64::NAN));
                match self.op.as_str() {
                    ">=" => a >= b,
                    ">" => a > b,
                    "<=" => a <= b,
                    "<" => a < b,
                    "=" => a == b,
                    _ => a != b,
                }
            }
            (a, b) => match self.op.as_str() {
                "=" => a == b,
                "!=" => a != b,
                _ => false,
            },
        };
        if holds { Outcome::True } else { Outcome::False }
    }
}

impl RuleSet {
    /// Parses and checks a TOML rule set.
    pub fn from_toml(text: &str) -> Result<RuleSet, RuleSetError> {
        let set: RuleSet = toml::from_str(text).map_err(|e| RuleSetError::Parse(e.to_string()))?;
        set.check()?;
        Ok(set)
    }

    /// The national baseline shipped with Huoyan.
    pub fn national_baseline() -> RuleSet {
        // The baseline is a compile-time constant covered by a test; failing here is a build defect.
        RuleSet::from_toml(NATIONAL_BASELINE).expect("shipped baseline rule set is valid")
    }

    /// Checks metrics, operators and value types of every rule.
    pub fn check(&self) -> Result<(), RuleSetError> {
        let date = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok();
        if !date(&self.effective_from) || !self.effective_to.as_deref().is_none_or(date) {
            return Err(RuleSetError::Parse("effective dates must be YYYY-MM-DD".into()));
        }
        let empty = UnitMetrics::default();
        for r in &self.rules {
            for c in r.all.iter().chain(&r.any) {
                let fail = |reason: String| RuleSetError::Rule { rule: r.id.clone(), reason };
                if metric(&empty, &c.metric).is_none() {
                    return Err(fail(format!("unknown metric {:?}", c.metric)));
                }
                if !OPS.contains(&c.op.as_str()) {
                    return Err(fail(format!("unknown operator {:?}; use one of {OPS:?}", c.op)));
                }
                if !c.value.is_number() && !["=", "!="].contains(&c.op.as_str()) {
                    return Err(fail(format!("operator {} needs a number", c.op)));
                }
            }
        }
        Ok(())
    }

    /// Whether the set is in force on `date` (`YYYY-MM-DD`; ISO dates compare as text).
    pub fn in_force_on(&self, date: &str) -> bool {
        self.effective_from.as_str() <= date && self.effective_to.as_deref().is_none_or(|to| date <= to)
    }

    /// Of several sets, the one in force on `date` with the latest start; `None` if none is.
    pub fn in_force<'a>(sets: &'a [RuleSet], date: &str) -> Option<&'a RuleSet> {
        sets.iter().filter(|s| s.in_force_on(date)).max_by(|a, b| a.effective_from.cmp(&b.effective_from))
    }

    /// Classifies a unit.
    pub fn classify(&self, unit: &Unit) -> Classification {
        let mut out = Classification::default();
        for r in &self.rules {
            if !r.categories.is_empty() && !r.categories.contains(&unit.use_category) {
                continue;
            }
            let mut missing = Vec::new();
            let mut ok = true;
            for c in &r.all {
                match c.eval(&unit.metrics) {
                    Outcome::True => {}
                    Outcome::False => ok = false,
                    Outcome::Unknown(m) => missing.push(m),
                }
            }
            if ok && !r.any.is_empty() {
                let mut any_true = false;
                let mut any_missing = Vec::new();
                for c in &r.any {
                    match c.eval(&unit.metrics) {
                        Outcome::True => any_true = true,
                        Outcome::False => {}
                        Outcome::Unknown(m) => any_missing.push(m),
                    }
                }
                if !any_true {
                    if any_missing.is_empty() {
                        ok = false;
                    } else {
                        missing.extend(any_missing);
                    }
                }
            }
            if !ok {
                continue;
            }
            if !missing.is_empty() {
                out.undecided.push((format!("{}/{}", self.id, r.id), missing));
                continue;
            }
            out.reasons.push(ClassReason {
                class: r.class,
                rule: format!("{}/{}", self.id, r.id),
                text: r.text.clone(),
                source: r.source.clone(),
            });
        }
        out.classes = UnitClass::ALL.iter().copied().filter(|c| out.reasons.iter().any(|r| r.class == *c)).collect();
        out
    }

    /// Classifies a unit and writes the classes and reasons into it.
    pub fn apply(&self, unit: &mut Unit) -> Classification {
        let c = self.classify(unit);
        unit.classes = c.classes.clone();
        unit.class_reasons = c.reasons.clone();
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(cat: UseCategory, metrics: UnitMetrics) -> Unit {
        Unit {
            id: 0,
            jurisdiction_id: 1,
            name: "测试单位".into(),
            uscc: None,
            address: None,
            lon: 0.0,
            lat: 0.0,
            building_id: None,
            use_category: cat,
            metrics,
            safety_manager: None,
            phone: None,
            classes: vec![],
            class_reasons: vec![],
            source_ref: None,
        }
    }

    fn classes(cat: UseCategory, m: UnitMetrics) -> Vec<UnitClass> {
        RuleSet::national_baseline().classify(&unit(cat, m)).classes
    }

    #[test]
    fn baseline_parses_and_every_rule_cites_a_source() {
        let set = RuleSet::national_baseline();
        assert!(set.rules.len() >= 30, "{}", set.rules.len());
        for r in &set.rules {
            assert!(!r.source.trim().is_empty(), "{} has no source", r.id);
        }
    }

    #[test]
    fn mall_threshold_is_1000_m2_with_combustible_goods() {
        // 公通字〔2001〕97号: 商场建筑面积 ≥ 1000 m² 且经营可燃商品.
        let m = |a| UnitMetrics { building_area_m2: Some(a), combustible_goods: Some(true), ..Default::default() };
        assert!(classes(UseCategory::Mall, m(1000.0)).contains(&UnitClass::KeyUnit));
        assert!(!classes(UseCategory::Mall, m(999.0)).contains(&UnitClass::KeyUnit));
        // Above 10 000 m² it is also 火灾高危单位.
        assert_eq!(classes(UseCategory::Mall, m(12_000.0)), vec![UnitClass::KeyUnit, UnitClass::HighRisk]);
    }

    #[test]
    fn small_places_are_nine_small() {
        let shop = UnitMetrics { building_area_m2: Some(120.0), ..Default::default() };
        assert_eq!(classes(UseCategory::Shop, shop), vec![UnitClass::NineSmall]);
        let diner = UnitMetrics { seats: Some(60), ..Default::default() };
        assert_eq!(classes(UseCategory::Restaurant, diner), vec![UnitClass::NineSmall]);
        let hotel = UnitMetrics { beds: Some(80), rooms: Some(55), ..Default::default() };
        assert_eq!(classes(UseCategory::Hotel, hotel), vec![UnitClass::KeyUnit]);
    }

    #[test]
    fn three_in_one_needs_mixing_without_separation() {
        let mixed = |sep| UnitMetrics {
            building_area_m2: Some(150.0),
            accommodation_mixed: Some(true),
            fire_separated: Some(sep),
            ..Default::default()
        };
        assert!(classes(UseCategory::Factory, mixed(false)).contains(&UnitClass::ThreeInOne));
        assert!(!classes(UseCategory::Factory, mixed(true)).contains(&UnitClass::ThreeInOne));
    }

    #[test]
    fn missing_metrics_leave_the_rule_undecided() {
        let c = RuleSet::national_baseline().classify(&unit(UseCategory::Hospital, UnitMetrics::default()));
        assert!(c.classes.is_empty());
        assert!(c.undecided.iter().any(|(_, m)| m.contains(&"beds".to_string())), "{:?}", c.undecided);
    }

    #[test]
    fn bad_rule_sets_are_refused_by_name() {
        let bad = r#"id="x"
name="x"
region="x"
effective_from="2024-01-01"
source="x"
[[rules]]
id="r1"
class="key_unit"
text="t"
source="s"
all=[{metric="bedz", op=">=", value=1}]"#;
        let err = RuleSet::from_toml(bad).unwrap_err().to_string();
        assert!(err.contains("r1") && err.contains("bedz"), "{err}");
        assert!(RuleSet::from_toml("id = 3").is_err());
    }

    #[test]
    fn the_set_in_force_is_the_latest_started() {
        let mut a = RuleSet::national_baseline();
        let mut b = a.clone();
        b.id = "province-2023".into();
        b.effective_from = "2023-12-11".into();
        a.effective_to = None;
        let sets = vec![a, b];
        assert_eq!(RuleSet::in_force(&sets, "2024-06-01").unwrap().id, "province-2023");
        assert_eq!(RuleSet::in_force(&sets, "2020-01-01").unwrap().id, "cn-national-baseline");
        assert!(RuleSet::in_force(&sets, "1990-01-01").is_none());
    }
}
