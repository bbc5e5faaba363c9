//! Fire water sources (消防水源): hydrants, water cranes, pools, natural intakes and docks.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{EntityKind, IndexFields, Record, point_bbox, record_ids};
use crate::terms::*;
use crate::validate::{Checker, FieldError};

/// A fire water source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WaterSource {
    /// Store-assigned id.
    #[serde(default)]
    pub id: i64,
    /// Jurisdiction node.
    #[serde(default)]
    pub jurisdiction_id: i64,
    /// Register number, e.g. the hydrant id painted on it.
    #[serde(default)]
    pub code: Option<String>,
    /// Kind.
    pub kind: WaterKind,
    /// Condition.
    #[serde(default = "default_water_status")]
    pub status: WaterStatus,
    /// Location description or address.
    #[serde(default)]
    pub address: Option<String>,
    /// Longitude (WGS84).
    pub lon: f64,
    /// Latitude (WGS84).
    pub lat: f64,
    /// Flow, L/s (GB 50974-2014 7.2.8 asks ≥ 15 L/s of the hydraulically least favourable municipal hydrant).
    #[serde(default)]
    pub flow_lps: Option<f64>,
    /// Static pressure, MPa (GB 50974-2014 7.2.8: ≥ 0.14 MPa at the hydrant).
    #[serde(default)]
    pub pressure_mpa: Option<f64>,
    /// Main or outlet diameter, mm.
    #[serde(default)]
    pub diameter_mm: Option<f64>,
    /// Capacity, m³ (pools, natural intakes).
    #[serde(default)]
    pub capacity_m3: Option<f64>,
    /// Owner or maintaining body.
    #[serde(default)]
    pub owner: Option<String>,
    /// Date of the last inspection, `YYYY-MM-DD`.
    #[serde(default)]
    pub last_inspected: Option<String>,
    /// Notes.
    #[serde(default)]
    pub notes: Option<String>,
    /// Source reference.
    #[serde(default)]
    pub source_ref: Option<String>,
}

fn default_water_status() -> WaterStatus {
    WaterStatus::Unverified
}

impl Record for WaterSource {
    const KIND: EntityKind = EntityKind::WaterSource;
    record_ids!();
    fn index(&self) -> IndexFields {
        IndexFields {
            name: self.code.clone().unwrap_or_default(),
            kind: Some(self.kind.code().into()),
            status: Some(self.status.code().into()),
            code: self.code.clone(),
            parent_id: None,
            bbox: point_bbox(self.lon, self.lat),
            measure: None,
        }
    }
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checker::default();
        c.opt_text("code", &self.code);
        c.opt_text("address", &self.address);
        c.lon_lat(self.lon, self.lat);
        c.range("flow_lps", self.flow_lps, 0.0, 1000.0);
        c.range("pressure_mpa", self.pressure_mpa, 0.0, 5.0);
        c.range("diameter_mm", self.diameter_mm, 0.0, 2000.0);
        c.range("capacity_m3", self.capacity_m3, 0.0, 100_000_000.0);
        c.opt_text("owner", &self.owner);
        c.date("last_inspected", &self.last_inspected);
        c.opt_text("notes", &self.notes);
        c.opt_text("source_ref", &self.source_ref);
        c.finish()
    }
}
