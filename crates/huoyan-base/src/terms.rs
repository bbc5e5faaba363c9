//! The platform's vocabularies for `GET /api/v1/terms`: each a list of codes with the users'
//! Chinese term. The composition adds the modules' vocabularies to these.

use huoyan_domain::*;
use serde::Serialize;
use serde_json::{Map, Value};

/// A code and its Chinese term.
#[derive(Debug, Clone, Copy, Serialize, utoipa::ToSchema)]
pub struct Term {
    /// Code used in the API.
    pub code: &'static str,
    /// The users' Chinese term.
    pub zh: &'static str,
}

/// The terms of a `terms!` vocabulary, from its `ALL`, `code` and `zh`.
pub fn list<T: Copy>(all: &[T], code: fn(T) -> &'static str, zh: fn(T) -> &'static str) -> Value {
    let terms: Vec<Term> = all.iter().map(|v| Term { code: code(*v), zh: zh(*v) }).collect();
    serde_json::to_value(terms).unwrap_or_default()
}

/// The base registers' vocabularies, by name.
pub fn base() -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("jurisdiction_level".into(), list(JurisdictionLevel::ALL, JurisdictionLevel::code, JurisdictionLevel::zh));
    m.insert("station_kind".into(), list(StationKind::ALL, StationKind::code, StationKind::zh));
    m.insert("station_status".into(), list(StationStatus::ALL, StationStatus::code, StationStatus::zh));
    m.insert("vehicle_family".into(), list(VehicleFamily::ALL, VehicleFamily::code, VehicleFamily::zh));
    m.insert("vehicle_status".into(), list(VehicleStatus::ALL, VehicleStatus::code, VehicleStatus::zh));
    m.insert("water_kind".into(), list(WaterKind::ALL, WaterKind::code, WaterKind::zh));
    m.insert("water_status".into(), list(WaterStatus::ALL, WaterStatus::code, WaterStatus::zh));
    m.insert("road_class".into(), list(RoadClass::ALL, RoadClass::code, RoadClass::zh));
    m.insert("road_access".into(), list(RoadAccess::ALL, RoadAccess::code, RoadAccess::zh));
    m.insert("use_category".into(), list(UseCategory::ALL, UseCategory::code, UseCategory::zh));
    m.insert("unit_class".into(), list(UnitClass::ALL, UnitClass::code, UnitClass::zh));
    m.insert("role".into(), list(Role::ALL, Role::code, Role::zh));
    m.insert(
        "incident_category".into(),
        list(incident::IncidentCategory::ALL, incident::IncidentCategory::code, incident::IncidentCategory::zh),
    );
    m
}
