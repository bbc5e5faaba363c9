//! The fire forces: stations and brigades (national, full-time, enterprise, volunteer, micro), their
//! vehicles and their people.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{EntityKind, IndexFields, Record, point_bbox, record_ids};
use crate::terms::*;
use crate::validate::{Checker, FieldError, code};

/// A fire force: a national station, a full-time, enterprise or volunteer brigade, or a micro fire station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Station {
    /// Store-assigned id.
    #[serde(default)]
    pub id: i64,
    /// Jurisdiction node.
    #[serde(default)]
    pub jurisdiction_id: i64,
    /// Name, e.g. 城东特勤站.
    pub name: String,
    /// Kind of force.
    pub kind: StationKind,
    /// Readiness.
    #[serde(default = "default_station_status")]
    pub status: StationStatus,
    /// Street address.
    #[serde(default)]
    pub address: Option<String>,
    /// Longitude (WGS84).
    pub lon: f64,
    /// Latitude (WGS84).
    pub lat: f64,
    /// People on duty in the current shift (执勤力量).
    #[serde(default)]
    pub duty_strength: i64,
    /// Duty telephone.
    #[serde(default)]
    pub phone: Option<String>,
    /// For a micro fire station or enterprise brigade: the unit it belongs to.
    #[serde(default)]
    pub unit_id: Option<i64>,
    /// Source reference.
    #[serde(default)]
    pub source_ref: Option<String>,
}

fn default_station_status() -> StationStatus {
    StationStatus::OnDuty
}

impl Record for Station {
    const KIND: EntityKind = EntityKind::Station;
    record_ids!();
    fn references(&self) -> Vec<(&'static str, EntityKind, i64)> {
        self.unit_id.map(|id| ("unit_id", EntityKind::Unit, id)).into_iter().collect()
    }
    fn index(&self) -> IndexFields {
        IndexFields {
            name: self.name.clone(),
            kind: Some(self.kind.code().into()),
            status: Some(self.status.code().into()),
            code: self.source_ref.clone(),
            parent_id: self.unit_id,
            bbox: point_bbox(self.lon, self.lat),
            measure: None,
        }
    }
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checker::default();
        c.required_text("name", &self.name);
        c.opt_text("address", &self.address);
        c.lon_lat(self.lon, self.lat);
        c.int_range("duty_strength", Some(self.duty_strength), 0, 1000);
        c.opt_text("phone", &self.phone);
        c.opt_text("source_ref", &self.source_ref);
        c.finish()
    }
}

/// A fire vehicle, belonging to a station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Vehicle {
    /// Store-assigned id.
    #[serde(default)]
    pub id: i64,
    /// Jurisdiction node (inherited from the station when 0).
    #[serde(default)]
    pub jurisdiction_id: i64,
    /// The station it belongs to.
    pub station_id: i64,
    /// Call sign or name, e.g. 城东水罐1.
    pub name: String,
    /// Licence plate, e.g. 宁A·2345应急.
    #[serde(default)]
    pub plate: Option<String>,
    /// Family (建标152).
    pub family: VehicleFamily,
    /// Type within the family, e.g. 水罐消防车, 登高平台消防车.
    pub vehicle_type: String,
    /// Seats.
    #[serde(default)]
    pub seats: i64,
    /// Water tank, litres.
    #[serde(default)]
    pub water_l: Option<f64>,
    /// Foam tank, litres.
    #[serde(default)]
    pub foam_l: Option<f64>,
    /// Status.
    #[serde(default = "default_vehicle_status")]
    pub status: VehicleStatus,
    /// Year put in service.
    #[serde(default)]
    pub year_in_service: Option<i64>,
}

fn default_vehicle_status() -> VehicleStatus {
    VehicleStatus::InStation
}

impl Record for Vehicle {
    const KIND: EntityKind = EntityKind::Vehicle;
    const PARENT: Option<EntityKind> = Some(EntityKind::Station);
    record_ids!();
    fn index(&self) -> IndexFields {
        IndexFields {
            name: self.name.clone(),
            kind: Some(self.family.code().into()),
            status: Some(self.status.code().into()),
            code: self.plate.clone(),
            parent_id: Some(self.station_id),
            bbox: None,
            measure: None,
        }
    }
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checker::default();
        c.reference("station_id", self.station_id);
        c.required_text("name", &self.name);
        c.opt_text("plate", &self.plate);
        c.required_text("vehicle_type", &self.vehicle_type);
        c.int_range("seats", Some(self.seats), 0, 60);
        c.range("water_l", self.water_l, 0.0, 60_000.0);
        c.range("foam_l", self.foam_l, 0.0, 30_000.0);
        c.int_range("year_in_service", self.year_in_service, 1950, 2100);
        c.finish()
    }
}

/// A member of a fire force.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Store-assigned id.
    #[serde(default)]
    pub id: i64,
    /// Jurisdiction node (inherited from the station when 0).
    #[serde(default)]
    pub jurisdiction_id: i64,
    /// The station.
    pub station_id: i64,
    /// Name.
    pub name: String,
    /// Post, e.g. 站长, 班长, 驾驶员, 战斗员.
    #[serde(default)]
    pub post: Option<String>,
    /// Whether on duty in the current shift.
    #[serde(default)]
    pub on_duty: bool,
    /// Telephone.
    #[serde(default)]
    pub phone: Option<String>,
    /// Certificates held (持证上岗), free text entries.
    #[serde(default)]
    pub certificates: Vec<String>,
}

impl Record for Person {
    const KIND: EntityKind = EntityKind::Person;
    const PARENT: Option<EntityKind> = Some(EntityKind::Station);
    record_ids!();
    fn index(&self) -> IndexFields {
        IndexFields {
            name: self.name.clone(),
            kind: self.post.clone(),
            status: Some(if self.on_duty { "on_duty" } else { "off_duty" }.into()),
            code: None,
            parent_id: Some(self.station_id),
            bbox: None,
            measure: None,
        }
    }
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checker::default();
        c.reference("station_id", self.station_id);
        c.required_text("name", &self.name);
        c.opt_text("post", &self.post);
        c.opt_text("phone", &self.phone);
        if self.certificates.len() > 50 {
            c.push(FieldError::new("certificates", code::TOO_MANY, "more than 50 entries").with("max", 50));
        }
        for cert in &self.certificates {
            c.text("certificates", cert);
        }
        c.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_fields_and_bad_coordinates_are_refused() {
        let err = serde_json::from_str::<Station>(r#"{"name":"a","kind":"level1","lon":1,"lat":2,"colour":"red"}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown field `colour`"), "{err}");
        let s: Station = serde_json::from_str(r#"{"name":"一站","kind":"一级普通站","lon":181,"lat":2}"#).unwrap();
        let errs = s.validate().unwrap_err();
        assert_eq!(errs[0].field, "lon");
    }
}
