//! How long a sensor may stay silent before it is offline (离线), as data beside the threshold
//! rules (`[[silence]]` in the same rule set).
//!
//! Sensors report at very different rhythms: an NB-IoT hydrant pressure sensor every 30–60
//! minutes, an independent networked smoke alarm a heartbeat once a day, a gas detector every few
//! minutes. One silence limit for all (`[monitor] sensor_offline_secs`) either raises 离线 for
//! every smoke alarm each day or notices a dead gas detector hours late. A silence rule sets the
//! limit for a measurement, or for one sensor (`device`); the most specific applies: the sensor's
//! own rule, else its measurement's, else `sensor_offline_secs` (0 there: never, for sensors
//! without a rule).

use serde::{Deserialize, Serialize};

use crate::code;
use crate::thresholds::Problem;

/// One silence rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SilenceRule {
    /// The sensor measurement it applies to (`smoke` …).
    pub measurement: String,
    /// One sensor's address: for that sensor only, in place of its measurement's rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<String>,
    /// Seconds without a reading after which the sensor is offline (1 s to 31 days).
    pub after_secs: u64,
    /// Why this limit: the device's reporting interval and where it comes from (a product manual,
    /// a local decision: `本地设定`).
    pub source: String,
    /// Explanation in Chinese.
    #[serde(default)]
    pub note: String,
}

/// The longest silence limit accepted (31 days).
pub const MAX_AFTER_SECS: u64 = 31 * 24 * 3600;

/// Why `rule` is wrong, if it is.
pub(crate) fn problem(rule: &SilenceRule) -> Option<Problem> {
    if crate::store::sensors::measurement(&rule.measurement).is_none() {
        return Some(Problem::new("measurement", code::UNKNOWN_MEASUREMENT, "unknown measurement"));
    }
    if !(1..=MAX_AFTER_SECS).contains(&rule.after_secs) {
        let reason = format!("after_secs must be 1 to {MAX_AFTER_SECS} (31 days)");
        return Some(
            Problem::new("after_secs", code::SILENCE_AFTER, reason).with("min", 1).with("max", MAX_AFTER_SECS),
        );
    }
    if rule.source.trim().is_empty() {
        let reason = "every rule cites its source (the reporting interval's origin, or 本地设定)";
        return Some(Problem::new("source", code::SOURCE_REQUIRED, reason));
    }
    rule.device.as_deref().and_then(crate::thresholds::bad_device)
}

/// The silence limit of the sensor `address` measuring `measurement`: its own rule, else its
/// measurement's, else `default_secs` (`None`: never offline).
pub fn limit(rules: &[SilenceRule], address: &str, measurement: &str, default_secs: u64) -> Option<u64> {
    let own = rules.iter().find(|r| r.measurement == measurement && r.device.as_deref() == Some(address));
    let general = || rules.iter().find(|r| r.measurement == measurement && r.device.is_none());
    match own.or_else(general) {
        Some(r) => Some(r.after_secs),
        None => (default_secs > 0).then_some(default_secs),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(measurement: &str, device: Option<&str>, after_secs: u64) -> SilenceRule {
        SilenceRule {
            measurement: measurement.into(),
            device: device.map(str::to_string),
            after_secs,
            source: "本地设定".into(),
            note: String::new(),
        }
    }

    #[test]
    fn the_most_specific_limit_applies() {
        let rules = [rule("smoke", None, 90_000), rule("smoke", Some("sd-0007"), 3_600)];
        assert_eq!(limit(&rules, "sd-0001", "smoke", 7_200), Some(90_000), "the measurement's rule");
        assert_eq!(limit(&rules, "sd-0007", "smoke", 7_200), Some(3_600), "the sensor's own rule");
        assert_eq!(limit(&rules, "hp-0001", "hydrant_pressure", 7_200), Some(7_200), "the default");
        assert_eq!(limit(&rules, "hp-0001", "hydrant_pressure", 0), None, "default off");
        assert_eq!(limit(&rules, "sd-0001", "smoke", 0), Some(90_000), "a rule applies with the default off");
        // A rule naming a sensor of another measurement does not apply to it.
        assert_eq!(limit(&[rule("gas_lel", Some("sd-0001"), 60)], "sd-0001", "smoke", 7_200), Some(7_200));
    }

    #[test]
    fn bad_rules_are_named() {
        assert_eq!(problem(&rule("smoke", None, 60)), None);
        assert!(problem(&rule("smog", None, 60)).unwrap().contains("unknown measurement"));
        assert!(problem(&rule("smoke", None, 0)).unwrap().contains("after_secs"));
        assert!(problem(&rule("smoke", None, MAX_AFTER_SECS + 1)).unwrap().contains("after_secs"));
        assert!(problem(&SilenceRule { source: " ".into(), ..rule("smoke", None, 60) }).unwrap().contains("source"));
        assert!(problem(&rule("smoke", Some("SD 1"), 60)).unwrap().contains("device"));
    }
}
