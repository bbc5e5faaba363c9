//! Dispatch plans (调派方案) as data: a [`PlanSet`] is a TOML document with the incident sub-types
//! it knows and plans keyed by category × sub-type × response level × target (unit class or use
//! category), each listing the vehicles it requires and citing its source (see
//! `plans/cn-baseline.toml`). [`PlanSet::select`] picks the most specific plan that matches an
//! incident; every category must have a catch-all plan, so selection always answers.
//!
//! Matching: a plan matches when its category equals the incident's and each criterion it states
//! holds (`sub_type` equal, `level` equal, `target_classes` shares a class with the target,
//! `use_categories` contains the target's). Among matches the one stating the most criteria wins;
//! ties go by the weight sub-type > level > class > use category, then by order in the file.

use huoyan_domain::incident::IncidentCategory;
use huoyan_domain::{UnitClass, UseCategory, VehicleFamily};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The baseline plan set shipped with Huoyan.
pub const CN_BASELINE: &str = include_str!("../../plans/cn-baseline.toml");

/// The highest response level (一级 … 五级).
pub const MAX_LEVEL: u8 = 5;

/// The most vehicles one requirement may ask for.
pub const MAX_COUNT: u32 = 60;

/// A set of dispatch plans with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanSet {
    /// Identifier, e.g. `cn-baseline` or `nx-yinchuan-2026`.
    pub id: String,
    /// Name shown to users.
    pub name: String,
    /// What the set is based on.
    pub source: String,
    /// First day in force, `YYYY-MM-DD`.
    pub effective_from: String,
    /// Incident sub-types (警情子类) the plans may name.
    #[serde(default)]
    pub sub_types: Vec<SubType>,
    /// The plans.
    pub plans: Vec<Plan>,
}

/// An incident sub-type, e.g. 高层建筑火灾 under 火灾扑救.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SubType {
    /// Code used in the API, e.g. `high_rise`.
    pub code: String,
    /// The users' term, e.g. 高层建筑火灾.
    pub zh: String,
    /// The category it belongs to.
    pub category: IncidentCategory,
}

/// One plan: what to send to incidents matching its criteria.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// Identifier within the set.
    pub id: String,
    /// Title shown to the dispatcher, e.g. 高层建筑火灾 二级.
    pub title: String,
    /// Incident category.
    pub category: IncidentCategory,
    /// Sub-type code (one of the set's `sub_types`); absent: any.
    #[serde(default)]
    pub sub_type: Option<String>,
    /// Response level 1–5; absent: any.
    #[serde(default)]
    pub level: Option<u8>,
    /// The target unit has one of these classes; empty: any.
    #[serde(default)]
    pub target_classes: Vec<UnitClass>,
    /// The target unit has one of these use categories; empty: any.
    #[serde(default)]
    pub use_categories: Vec<UseCategory>,
    /// The vehicles required.
    #[serde(default)]
    pub requirements: Vec<Requirement>,
    /// Standard, regulation or practice it follows.
    pub source: String,
    /// Whether the numbers were checked against a copy of the source; `false` marks local practice.
    #[serde(default)]
    pub verified: bool,
    /// Notes for the dispatcher.
    #[serde(default)]
    pub notes: Option<String>,
}

/// Vehicles of one kind a plan requires.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    /// What the dispatcher sees, e.g. 水罐/泡沫消防车.
    pub label: String,
    /// Vehicle family (建标152-2017).
    pub family: VehicleFamily,
    /// Acceptable vehicle types within the family (`Vehicle::vehicle_type`, e.g. 登高平台消防车);
    /// empty: any type of the family.
    #[serde(default)]
    pub types: Vec<String>,
    /// How many.
    pub count: u32,
}

impl Requirement {
    /// Whether a vehicle of this family and type satisfies the requirement.
    pub fn accepts(&self, family: VehicleFamily, vehicle_type: &str) -> bool {
        family == self.family && (self.types.is_empty() || self.types.iter().any(|t| t == vehicle_type.trim()))
    }
}

/// What a plan is chosen for.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Target {
    /// Incident category (`None` never matches a plan).
    pub category: Option<IncidentCategory>,
    /// Sub-type code.
    pub sub_type: Option<String>,
    /// Response level 1–5.
    pub level: u8,
    /// Classes of the unit at the incident, if any.
    pub classes: Vec<UnitClass>,
    /// Use category of the unit at the incident, if any.
    pub use_category: Option<UseCategory>,
}

impl Target {
    /// The target of an incident — stored or still being taken in — at a unit or at none.
    pub fn for_incident(
        category: IncidentCategory,
        sub_type: Option<String>,
        level: u8,
        unit: Option<&huoyan_domain::Unit>,
    ) -> Target {
        Target {
            category: Some(category),
            sub_type,
            level,
            classes: unit.map(|u| u.classes.clone()).unwrap_or_default(),
            use_category: unit.map(|u| u.use_category),
        }
    }
}

/// Why a plan set is refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PlanError {
    /// Not valid TOML/JSON or not the expected shape.
    #[error("dispatch plan set is not valid: {0}")]
    Parse(String),
    /// A field of the set itself is wrong.
    #[error("dispatch plan set: {0}")]
    Set(String),
    /// A plan is wrong.
    #[error("plan {plan}: {reason}")]
    Plan {
        /// The plan id.
        plan: String,
        /// What is wrong.
        reason: String,
    },
    /// Two plans state the same criteria, so neither could be chosen over the other.
    #[error("plans {first} and {second} state the same criteria")]
    Ambiguous {
        /// The earlier plan.
        first: String,
        /// The later plan.
        second: String,
    },
    /// A category has no catch-all plan (no sub-type, level or target), so some incidents would get none.
    #[error("category {category} has no catch-all plan (one without sub_type, level and targets)")]
    NoFallback {
        /// The category code.
        category: &'static str,
    },
}

impl Plan {
    /// The criteria a plan states, as weights: sub-type 8, level 4, class 2, use category 1.
    fn specificity(&self) -> (u32, u32) {
        let flags = [
            self.sub_type.is_some(),
            self.level.is_some(),
            !self.target_classes.is_empty(),
            !self.use_categories.is_empty(),
        ];
        let count = flags.iter().filter(|f| **f).count() as u32;
        let weight = flags.iter().zip([8, 4, 2, 1]).filter(|(f, _)| **f).map(|(_, w)| w).sum();
        (count, weight)
    }

    fn matches(&self, t: &Target) -> bool {
        Some(self.category) == t.category
            && self.sub_type.as_ref().is_none_or(|s| t.sub_type.as_ref() == Some(s))
            && self.level.is_none_or(|l| l == t.level)
            && (self.target_classes.is_empty() || self.target_classes.iter().any(|c| t.classes.contains(c)))
            && (self.use_categories.is_empty() || t.use_category.is_some_and(|u| self.use_categories.contains(&u)))
    }

    /// Total vehicles required.
    pub fn vehicles_required(&self) -> u32 {
        self.requirements.iter().map(|r| r.count).sum()
    }
}

impl PlanSet {
    /// Parses and checks a TOML plan set.
    pub fn from_toml(text: &str) -> Result<PlanSet, PlanError> {
        let set: PlanSet = toml::from_str(text).map_err(|e| PlanError::Parse(e.to_string()))?;
        set.check()?;
        Ok(set)
    }

    /// Parses and checks a JSON plan set (the API accepts both).
    pub fn from_json(text: &str) -> Result<PlanSet, PlanError> {
        let set: PlanSet = serde_json::from_str(text).map_err(|e| PlanError::Parse(e.to_string()))?;
        set.check()?;
        Ok(set)
    }

    /// The baseline shipped with Huoyan.
    pub fn baseline() -> PlanSet {
        // A compile-time constant covered by a unit test; failing here is a build defect.
        PlanSet::from_toml(CN_BASELINE).expect("the shipped baseline dispatch plans are valid")
    }

    /// Checks ids, sub-types, levels, counts, ambiguity and the catch-all of every category.
    pub fn check(&self) -> Result<(), PlanError> {
        let text_ok = |s: &str| {
            !s.trim().is_empty() && s.chars().count() <= 500 && !s.chars().any(|c| c.is_control() && c != '\n')
        };
        if !text_ok(&self.id) || !text_ok(&self.name) || !text_ok(&self.source) {
            return Err(PlanError::Set("id, name and source must be non-empty texts of at most 500 characters".into()));
        }
        if !valid_date(&self.effective_from) {
            return Err(PlanError::Set(format!("effective_from {:?} is not YYYY-MM-DD", self.effective_from)));
        }
        if self.plans.len() > 2000 || self.sub_types.len() > 500 {
            return Err(PlanError::Set("at most 2000 plans and 500 sub-types".into()));
        }
        for (i, s) in self.sub_types.iter().enumerate() {
            if !valid_code(&s.code) || !text_ok(&s.zh) {
                return Err(PlanError::Set(format!(
                    "sub-type {:?}: code must be lower-case letters, digits and _; zh non-empty",
                    s.code
                )));
            }
            if self.sub_types[..i].iter().any(|o| o.code == s.code || o.zh == s.zh) {
                return Err(PlanError::Set(format!("sub-type {:?} is listed twice", s.code)));
            }
        }
        for (i, p) in self.plans.iter().enumerate() {
            let fail = |reason: String| PlanError::Plan { plan: p.id.clone(), reason };
            if !text_ok(&p.id) || !text_ok(&p.title) || !text_ok(&p.source) {
                return Err(fail("id, title and source must be non-empty texts of at most 500 characters".into()));
            }
            if self.plans[..i].iter().any(|o| o.id == p.id) {
                return Err(fail("the id is used twice".into()));
            }
            if let Some(code) = &p.sub_type {
                match self.sub_types.iter().find(|s| &s.code == code) {
                    None => return Err(fail(format!("unknown sub_type {code:?}; add it to sub_types"))),
                    Some(s) if s.category != p.category => {
                        return Err(fail(format!(
                            "sub_type {code:?} belongs to {}, not {}",
                            s.category.code(),
                            p.category.code()
                        )));
                    }
                    Some(_) => {}
                }
            }
            if p.level.is_some_and(|l| !(1..=MAX_LEVEL).contains(&l)) {
                return Err(fail(format!("level must be 1–{MAX_LEVEL}")));
            }
            if p.requirements.len() > 50 {
                return Err(fail("at most 50 requirements".into()));
            }
            for r in &p.requirements {
                if !text_ok(&r.label) {
                    return Err(fail("every requirement needs a label".into()));
                }
                if r.count == 0 || r.count > MAX_COUNT {
                    return Err(fail(format!("requirement {:?}: count must be 1–{MAX_COUNT}", r.label)));
                }
                if r.types.iter().any(|t| !text_ok(t)) {
                    return Err(fail(format!("requirement {:?}: empty vehicle type", r.label)));
                }
            }
            let key = |x: &Plan| {
                let mut c = x.target_classes.clone();
                c.sort();
                let mut u = x.use_categories.clone();
                u.sort();
                (x.category, x.sub_type.clone(), x.level, c, u)
            };
            if let Some(o) = self.plans[..i].iter().find(|o| key(o) == key(p)) {
                return Err(PlanError::Ambiguous { first: o.id.clone(), second: p.id.clone() });
            }
        }
        for c in IncidentCategory::ALL {
            if !self.plans.iter().any(|p| p.category == *c && p.specificity().0 == 0) {
                return Err(PlanError::NoFallback { category: c.code() });
            }
        }
        Ok(())
    }

    /// The most specific plan matching the target (`None` only when the target has no category).
    pub fn select(&self, t: &Target) -> Option<&Plan> {
        let mut best: Option<(&Plan, (u32, u32))> = None;
        for p in self.plans.iter().filter(|p| p.matches(t)) {
            let s = p.specificity();
            if best.is_none_or(|(_, b)| s > b) {
                best = Some((p, s));
            }
        }
        best.map(|(p, _)| p)
    }

    /// A sub-type by code or Chinese term, within a category.
    pub fn sub_type(&self, category: IncidentCategory, word: &str) -> Option<&SubType> {
        let w = word.trim();
        self.sub_types.iter().find(|s| s.category == category && (s.code == w || s.zh == w))
    }
}

fn valid_code(s: &str) -> bool {
    !s.is_empty() && s.len() <= 64 && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn valid_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && (1..=12).contains(&s[5..7].parse::<u8>().unwrap_or(0))
        && (1..=31).contains(&s[8..10].parse::<u8>().unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(cat: IncidentCategory, sub: Option<&str>, level: u8) -> Target {
        Target { category: Some(cat), sub_type: sub.map(String::from), level, ..Default::default() }
    }

    #[test]
    fn the_baseline_is_valid_and_cites_sources() {
        let set = PlanSet::baseline();
        assert!(set.plans.len() >= 15, "{}", set.plans.len());
        for p in &set.plans {
            assert!(!p.source.trim().is_empty(), "{}", p.id);
        }
        // The high-rise level-2 plan asks for an aerial and a rescue vehicle.
        let p = set.select(&target(IncidentCategory::Fire, Some("high_rise"), 2)).unwrap();
        assert_eq!(p.id, "fire.high_rise.2");
        assert!(p.requirements.iter().any(|r| r.family == VehicleFamily::Aerial));
        assert!(p.requirements.iter().any(|r| r.types.iter().any(|t| t == "抢险救援消防车")));
    }

    #[test]
    fn the_most_specific_plan_wins_and_falls_back() {
        let set = PlanSet::baseline();
        // No high-rise level-5 plan: the level-5 fire plan is next most specific.
        let p = set.select(&target(IncidentCategory::Fire, Some("high_rise"), 5)).unwrap();
        assert_eq!(p.id, "fire.5");
        // An unknown level falls back to the catch-all.
        let p = set.select(&target(IncidentCategory::Fire, None, 9)).unwrap();
        assert_eq!((p.sub_type.as_ref(), p.level), (None, None));
        // A class-specific plan beats the generic plan of its level only when the class matches.
        let mut t = target(IncidentCategory::Fire, None, 1);
        assert_eq!(set.select(&t).unwrap().id, "fire.1");
        t.classes = vec![UnitClass::HighRisk];
        assert_eq!(set.select(&t).unwrap().id, "fire.high_risk.1");
        // Every category answers.
        for c in IncidentCategory::ALL {
            assert!(set.select(&target(*c, None, 1)).is_some(), "{c:?}");
        }
        assert!(set.select(&Target::default()).is_none());
    }

    #[test]
    fn bad_sets_are_refused_with_the_reason() {
        let base = CN_BASELINE;
        let e = PlanSet::from_toml("id = 3").unwrap_err();
        assert!(matches!(e, PlanError::Parse(_)), "{e}");
        let bad = base.replacen("sub_type = \"high_rise\"", "sub_type = \"skyscraper\"", 1);
        assert!(
            matches!(PlanSet::from_toml(&bad), Err(PlanError::Plan { ref reason, .. }) if reason.contains("skyscraper"))
        );
        let bad = base.replacen("count = 2", "count = 0", 1);
        assert!(
            matches!(PlanSet::from_toml(&bad), Err(PlanError::Plan { ref reason, .. }) if reason.contains("count"))
        );
        let bad = base.replacen("level = 2", "level = 7", 1);
        assert!(
            matches!(PlanSet::from_toml(&bad), Err(PlanError::Plan { ref reason, .. }) if reason.contains("level"))
        );
        let bad = base.replacen("family = \"aerial\"", "family = \"submarine\"", 1);
        assert!(matches!(PlanSet::from_toml(&bad), Err(PlanError::Parse(ref m)) if m.contains("submarine")));
        let bad = base.replacen("effective_from = \"2026-11-25\"", "effective_from = \"2026-13-01\"", 1);
        assert!(matches!(PlanSet::from_toml(&bad), Err(PlanError::Set(_))));
        // Removing the catch-all of a category.
        let mut set = PlanSet::baseline();
        set.plans.retain(|p| !(p.category == IncidentCategory::FalseAlarm && p.specificity().0 == 0));
        assert_eq!(set.check(), Err(PlanError::NoFallback { category: "false_alarm" }));
        // Two plans with the same criteria.
        let mut set = PlanSet::baseline();
        let mut dup = set.plans[0].clone();
        dup.id = "copy".into();
        set.plans.push(dup);
        assert!(matches!(set.check(), Err(PlanError::Ambiguous { .. })));
    }

    #[test]
    fn json_round_trip() {
        let set = PlanSet::baseline();
        let json = serde_json::to_string(&set).unwrap();
        assert_eq!(PlanSet::from_json(&json).unwrap(), set);
        assert_eq!(set.sub_type(IncidentCategory::Fire, "高层建筑火灾").map(|s| s.code.as_str()), Some("high_rise"));
        assert!(set.sub_type(IncidentCategory::Rescue, "高层建筑火灾").is_none());
    }
}
