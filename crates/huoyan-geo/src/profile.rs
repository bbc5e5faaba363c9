//! The fire-engine routing profile: how fast a loaded pumper (15–20 t, lights and siren) drives on
//! each road class, and which roads it may use. All numbers are configuration; [`Profile::default`]
//! is the baseline below and a deployment loads its own with [`Profile::from_toml`].
//!
//! **Speed of an edge** = `min(class speed × urban factor, posted limit × limit factor)`, in km/h.
//!
//! | class | km/h | why |
//! |---|---|---|
//! | motorway 高速公路 | 80 | heavy appliances are governed near 90–100; slower on ramps and in traffic |
//! | trunk 快速路/国道 | 65 | urban expressways and national roads, with junctions |
//! | primary 主干路 | 50 | arterials: signals, traffic pulling over |
//! | secondary 次干路 | 45 | |
//! | tertiary 支路 | 40 | |
//! | unclassified 乡村道路 | 35 | narrow, often unmarked |
//! | residential 街坊路 | 25 | parked cars, pedestrians, tight corners for a 10 m vehicle |
//! | living_street 生活街道 | 10 | walking pace zones |
//! | service 内部道路 | 15 | compound and car-park roads, gates |
//! | track 机耕路 | 10 | unpaved; only if imported at all |
//!
//! - `urban_factor` (default 0.85) multiplies every class except motorway and trunk: congestion and
//!   crossings in built-up areas. A rural county sets 1.0.
//! - `limit_factor` (default 1.2): where a speed limit is posted, the engine is capped at 1.2 × the
//!   limit. 《道路交通安全法》第五十三条 lets a fire engine on an emergency run ignore speed limits
//!   "在确保安全的前提下", but a heavy vehicle does not go much faster than traffic is designed for;
//!   a limit never *raises* the class speed. Limits that are missing, zero, NaN or negative are
//!   ignored (the class speed applies), so a road "without a speed" still gets one.
//! - Access: `no` (禁行) roads are not routable. `private` (专用), `destination` (仅限到达) and
//!   `emergency` (仅应急车辆) are routable: they exclude private traffic, not a fire engine on a call
//!   (gates of compounds are opened or forced). `yes` is routable.
//! - One-way: respected by default (`respect_oneway = true`). Article 53 also frees emergency vehicles
//!   from 行驶方向 rules, but driving against a one-way street is the exception, not the plan.
//! - `intersection_penalty_s` (default 4 s) is added when an edge ends at a junction (a node where
//!   three or more road pieces meet): slowing for cross traffic at signals. Turn-angle penalties are
//!   not modelled (node-based graph).
//! - A class speed of 0 makes the class unroutable.
//! - Snapping: points farther than `max_snap_m` (default 500 m) from any routable road are refused;
//!   with `snap_main_component_only` (default true) points snap only to edges of the largest strongly
//!   connected component, so an incident is never placed on an island the engines cannot reach.

use huoyan_domain::{RoadAccess, RoadClass};
use serde::{Deserialize, Serialize};

use crate::error::ProfileError;

/// Fire-engine speed in km/h on each road class, before the urban factor and the limit cap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[allow(missing_docs)]
pub struct ClassSpeeds {
    pub motorway: f64,
    pub trunk: f64,
    pub primary: f64,
    pub secondary: f64,
    pub tertiary: f64,
    pub unclassified: f64,
    pub residential: f64,
    pub living_street: f64,
    pub service: f64,
    pub track: f64,
}

impl Default for ClassSpeeds {
    fn default() -> Self {
        ClassSpeeds {
            motorway: 80.0,
            trunk: 65.0,
            primary: 50.0,
            secondary: 45.0,
            tertiary: 40.0,
            unclassified: 35.0,
            residential: 25.0,
            living_street: 10.0,
            service: 15.0,
            track: 10.0,
        }
    }
}

impl ClassSpeeds {
    /// The speed of a class, km/h.
    pub fn get(&self, class: RoadClass) -> f64 {
        match class {
            RoadClass::Motorway => self.motorway,
            RoadClass::Trunk => self.trunk,
            RoadClass::Primary => self.primary,
            RoadClass::Secondary => self.secondary,
            RoadClass::Tertiary => self.tertiary,
            RoadClass::Unclassified => self.unclassified,
            RoadClass::Residential => self.residential,
            RoadClass::LivingStreet => self.living_street,
            RoadClass::Service => self.service,
            RoadClass::Track => self.track,
        }
    }

    fn fields(&self) -> [(&'static str, f64); 10] {
        [
            ("speeds_kmh.motorway", self.motorway),
            ("speeds_kmh.trunk", self.trunk),
            ("speeds_kmh.primary", self.primary),
            ("speeds_kmh.secondary", self.secondary),
            ("speeds_kmh.tertiary", self.tertiary),
            ("speeds_kmh.unclassified", self.unclassified),
            ("speeds_kmh.residential", self.residential),
            ("speeds_kmh.living_street", self.living_street),
            ("speeds_kmh.service", self.service),
            ("speeds_kmh.track", self.track),
        ]
    }
}

/// The routing profile (see the module documentation for the numbers and the reasons).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Profile {
    /// Speed per road class, km/h.
    pub speeds_kmh: ClassSpeeds,
    /// Multiplier for every class except motorway and trunk (built-up areas).
    pub urban_factor: f64,
    /// Cap = posted limit × this factor.
    pub limit_factor: f64,
    /// Respect one-way rules.
    pub respect_oneway: bool,
    /// Seconds added when an edge ends at a junction (≥ 3 pieces meet).
    pub intersection_penalty_s: f64,
    /// Maximum distance in metres from a point to the road it snaps to.
    pub max_snap_m: f64,
    /// Snap only to edges of the largest strongly connected component.
    pub snap_main_component_only: bool,
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            speeds_kmh: ClassSpeeds::default(),
            urban_factor: 0.85,
            limit_factor: 1.2,
            respect_oneway: true,
            intersection_penalty_s: 4.0,
            max_snap_m: 500.0,
            snap_main_component_only: true,
        }
    }
}

impl Profile {
    /// Parses a profile from TOML; missing fields take their default. The result is validated.
    pub fn from_toml(s: &str) -> Result<Profile, ProfileError> {
        let p: Profile = toml_de(s)?;
        p.validate()?;
        Ok(p)
    }

    /// Checks that every number is finite and non-negative.
    pub fn validate(&self) -> Result<(), ProfileError> {
        let mut fields = self.speeds_kmh.fields().to_vec();
        fields.push(("urban_factor", self.urban_factor));
        fields.push(("limit_factor", self.limit_factor));
        fields.push(("intersection_penalty_s", self.intersection_penalty_s));
        fields.push(("max_snap_m", self.max_snap_m));
        match fields.into_iter().find(|(_, v)| !v.is_finite() || *v < 0.0) {
            Some((field, value)) => Err(ProfileError::BadNumber { field, value }),
            None => Ok(()),
        }
    }

    /// Whether a fire engine may use a road with this access value.
    pub fn routable(&self, access: RoadAccess) -> bool {
        access != RoadAccess::No
    }

    /// Engine speed in km/h on a road of this class and posted limit; `None` when the class is
    /// unroutable (speed 0).
    pub fn speed_kmh(&self, class: RoadClass, limit_kmh: Option<f64>) -> Option<f64> {
        let mut v = self.speeds_kmh.get(class);
        if !matches!(class, RoadClass::Motorway | RoadClass::Trunk) {
            v *= self.urban_factor;
        }
        if let Some(limit) = limit_kmh.filter(|l| l.is_finite() && *l > 0.0) {
            v = v.min(limit * self.limit_factor);
        }
        (v.is_finite() && v > 0.0).then_some(v)
    }
}

/// TOML → profile, with the error text kept.
fn toml_de(s: &str) -> Result<Profile, ProfileError> {
    toml::from_str(s).map_err(|e| ProfileError::Toml(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_numbers_and_cap() {
        let p = Profile::default();
        p.validate().unwrap();
        assert_eq!(p.speed_kmh(RoadClass::Motorway, None), Some(80.0));
        assert_eq!(p.speed_kmh(RoadClass::Primary, None), Some(42.5));
        // Posted 30 → capped at 36 km/h.
        assert_eq!(p.speed_kmh(RoadClass::Primary, Some(30.0)), Some(36.0));
        // A limit never raises; nonsense limits are ignored.
        assert_eq!(p.speed_kmh(RoadClass::Primary, Some(120.0)), Some(42.5));
        assert_eq!(p.speed_kmh(RoadClass::Primary, Some(f64::NAN)), Some(42.5));
        assert_eq!(p.speed_kmh(RoadClass::Primary, Some(0.0)), Some(42.5));
        assert!(!p.routable(RoadAccess::No));
        assert!(p.routable(RoadAccess::Private) && p.routable(RoadAccess::Emergency));
    }

    #[test]
    fn toml_round_trip_and_validation() {
        let p = Profile::from_toml("urban_factor = 1.0\n[speeds_kmh]\nresidential = 30\ntrack = 0\n").unwrap();
        assert_eq!(p.speeds_kmh.residential, 30.0);
        assert_eq!(p.speeds_kmh.primary, 50.0);
        assert_eq!(p.speed_kmh(RoadClass::Track, None), None);
        let text = toml::to_string(&Profile::default()).unwrap();
        assert_eq!(Profile::from_toml(&text).unwrap(), Profile::default());
        assert!(matches!(Profile::from_toml("urban_factor = -1"), Err(ProfileError::BadNumber { .. })));
        assert!(matches!(Profile::from_toml("speed = 3"), Err(ProfileError::Toml(_))));
    }
}
