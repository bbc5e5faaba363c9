//! Stage 5, overrides: road closures and speed overrides set while the system runs (a collapsed
//! bridge, a market day, snow). They are keyed by road id and applied by re-weighting the existing
//! graph ([`crate::Router::set_overrides`] and friends), never by rebuilding it from the roads.
//!
//! A closed road has no edges; a speed override replaces the profile's speed for that road (0 closes
//! it). After a change the contraction hierarchy is stale: queries fall back to Dijkstra over the
//! re-weighted CSR arrays (exact, a few milliseconds on a city) until [`crate::Router::recontract`]
//! re-prepares the hierarchy, reusing the previous node order (much faster than a first
//! contraction). A target cut off by closures gets `None` / [`crate::RouteError::Unreachable`].

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

/// Closures and speed overrides, by road id.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Overrides {
    /// Closed roads.
    pub closed: BTreeSet<i64>,
    /// Speed in km/h replacing the profile's, by road id.
    pub speed_kmh: BTreeMap<i64, f64>,
}

impl Overrides {
    /// No overrides.
    pub fn new() -> Self {
        Self::default()
    }

    /// Closes a road.
    pub fn close(&mut self, road_id: i64) -> &mut Self {
        self.closed.insert(road_id);
        self
    }

    /// Reopens a road.
    pub fn reopen(&mut self, road_id: i64) -> &mut Self {
        self.closed.remove(&road_id);
        self
    }

    /// Sets (`Some`) or clears (`None`) a speed override.
    pub fn set_speed(&mut self, road_id: i64, kmh: Option<f64>) -> &mut Self {
        match kmh {
            Some(v) => self.speed_kmh.insert(road_id, v),
            None => self.speed_kmh.remove(&road_id),
        };
        self
    }

    /// Whether the road is closed.
    pub fn is_closed(&self, road_id: i64) -> bool {
        self.closed.contains(&road_id)
    }

    /// The override speed of a road, if any.
    pub fn speed_of(&self, road_id: i64) -> Option<f64> {
        self.speed_kmh.get(&road_id).copied()
    }

    /// Whether there is nothing to apply.
    pub fn is_empty(&self) -> bool {
        self.closed.is_empty() && self.speed_kmh.is_empty()
    }
}
