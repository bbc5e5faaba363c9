//! Error types of the crate, one per operation: building a graph, loading a profile, answering a
//! route query. "No path" is an answer, not an error, where the API returns `Option`.

use thiserror::Error;

/// Why a profile was refused.
#[derive(Debug, Error, PartialEq)]
pub enum ProfileError {
    /// A speed or factor is NaN, infinite or negative.
    #[error("profile field `{field}` must be a finite number ≥ 0 (got {value})")]
    BadNumber {
        /// The field name.
        field: &'static str,
        /// The value found.
        value: f64,
    },
    /// The TOML text does not parse as a profile.
    #[error("profile TOML: {0}")]
    Toml(String),
}

/// Why a road graph could not be built.
#[derive(Debug, Error, PartialEq)]
pub enum BuildError {
    /// The profile is invalid.
    #[error(transparent)]
    Profile(#[from] ProfileError),
    /// No road could be turned into a routable edge (empty list, or all roads closed to engines
    /// or with unusable geometry). The report says why each was skipped.
    #[error("no routable road among {roads} roads ({skipped} skipped)")]
    NoRoutableRoads {
        /// Roads given.
        roads: usize,
        /// Roads skipped.
        skipped: usize,
    },
}

/// Why a route query has no answer.
#[derive(Debug, Error, PartialEq)]
pub enum RouteError {
    /// The coordinate is NaN, infinite or outside WGS84 bounds.
    #[error("invalid coordinate ({lon}, {lat})")]
    InvalidPoint {
        /// Longitude given.
        lon: f64,
        /// Latitude given.
        lat: f64,
    },
    /// No routable road within the maximum snap distance.
    #[error("no routable road within {max_m:.0} m of the point (nearest: {})", match .distance_m { Some(d) => format!("{d:.0} m"), None => "none".into() })]
    NoRoadNear {
        /// Distance to the nearest routable road in metres, if there is one at all.
        distance_m: Option<f64>,
        /// The configured maximum snap distance.
        max_m: f64,
    },
    /// Both points are on the network but no allowed path joins them (one-way rules, closures,
    /// disconnected islands).
    #[error("no route: the destination cannot be reached from the origin")]
    Unreachable,
}
