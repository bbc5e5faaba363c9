//! Loading a threshold rule set: parsing the TOML, checking every rule (known measurement and
//! kind, the measurement's unit, finite numbers, a cited source, fire rules left to the
//! operator) and the sensors rules name, and the refusals ([`RulesError`], [`Problem`]) with
//! their codes and parameters.

use crate::code;
use crate::store::Monitoring;
use crate::store::sensors::measurement;
use huoyan_domain::FieldError;

use super::{SHIPPED, ThresholdRules};
use crate::kinds::AlarmKind;

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
            let kind = AlarmKind::from_code(&r.kind);
            if !kind.is_some_and(AlarmKind::is_sensor_kind) {
                let reason = format!("kind {:?} is not a sensor alarm kind", r.kind);
                return Err(bad(
                    Problem::new("kind", code::NOT_SENSOR_ALARM_KIND, reason).with("kind", r.kind.as_str())
                ));
            }
            if r.source.trim().is_empty() {
                let reason = "every rule cites its source (standard and clause, or 本地设定)";
                return Err(bad(Problem::new("source", code::SOURCE_REQUIRED, reason)));
            }
            if kind == Some(AlarmKind::Fire) && r.recovers {
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

#[cfg(test)]
mod tests {
    use crate::thresholds::*;

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
