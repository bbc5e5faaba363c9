//! Social units (社会单位) under fire-safety supervision, with the metrics that decide their classes.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{EntityKind, IndexFields, Record, point_bbox, record_ids};
use crate::classify::ClassReason;
use crate::terms::*;
use crate::validate::{Checker, FieldError, code};

/// The attributes that decide a unit's classes (docs/standards/unit-classes.md §6–7). All optional: a rule whose
/// metric is unknown does not fire, and the reasons say which were missing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UnitMetrics {
    /// Total building area used by the unit, m² (建筑面积).
    #[serde(default)]
    pub building_area_m2: Option<f64>,
    /// Largest single floor area, m².
    #[serde(default)]
    pub max_floor_area_m2: Option<f64>,
    /// Area below ground, m².
    #[serde(default)]
    pub underground_area_m2: Option<f64>,
    /// Floors above ground of the building it occupies.
    #[serde(default)]
    pub floors: Option<i64>,
    /// The lowest floor the unit uses (1 = ground, negative below ground).
    #[serde(default)]
    pub floor_located: Option<i64>,
    /// Building height, m.
    #[serde(default)]
    pub height_m: Option<f64>,
    /// Beds (hospital, care, boarding, hotel).
    #[serde(default)]
    pub beds: Option<i64>,
    /// Guest rooms (hotels).
    #[serde(default)]
    pub rooms: Option<i64>,
    /// Seats or rated occupancy (venues, restaurants' 额定就餐人数).
    #[serde(default)]
    pub seats: Option<i64>,
    /// Staff or people present at one time (劳动密集型: 同一时间用工).
    #[serde(default)]
    pub staff: Option<i64>,
    /// Pupils (non-boarding schools, kindergartens).
    #[serde(default)]
    pub pupils: Option<i64>,
    /// Computers (internet cafés).
    #[serde(default)]
    pub computers: Option<i64>,
    /// Sells or keeps combustible goods (商场 threshold condition).
    #[serde(default)]
    pub combustible_goods: Option<bool>,
    /// Accommodation shares a connected space with production, storage or trade (GA 703-2007).
    #[serde(default)]
    pub accommodation_mixed: Option<bool>,
    /// The accommodation part is separated by fire barriers as required (GA 703-2007).
    #[serde(default)]
    pub fire_separated: Option<bool>,
    /// Heritage protection level: `national`, `provincial`, `county`.
    #[serde(default)]
    pub heritage_level: Option<String>,
    /// Timber or brick-and-timber structure.
    #[serde(default)]
    pub timber_structure: Option<bool>,
}

/// A social unit (社会单位): a company, shop, school … under fire-safety supervision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// Store-assigned id.
    #[serde(default)]
    pub id: i64,
    /// Jurisdiction node.
    #[serde(default)]
    pub jurisdiction_id: i64,
    /// Name.
    pub name: String,
    /// 统一社会信用代码 (GB 32100-2015), checked.
    #[serde(default)]
    pub uscc: Option<String>,
    /// Address.
    #[serde(default)]
    pub address: Option<String>,
    /// Longitude (WGS84).
    pub lon: f64,
    /// Latitude (WGS84).
    pub lat: f64,
    /// The building it occupies.
    #[serde(default)]
    pub building_id: Option<i64>,
    /// Use category.
    pub use_category: UseCategory,
    /// The attributes that decide its classes.
    #[serde(default)]
    pub metrics: UnitMetrics,
    /// Person responsible for fire safety (消防安全责任人).
    #[serde(default)]
    pub safety_manager: Option<String>,
    /// Contact telephone.
    #[serde(default)]
    pub phone: Option<String>,
    /// Classes computed by the rules (read-only: recomputed on every write).
    #[serde(default)]
    pub classes: Vec<UnitClass>,
    /// Why each class was given, with the rule and its source (read-only).
    #[serde(default)]
    pub class_reasons: Vec<ClassReason>,
    /// Source reference.
    #[serde(default)]
    pub source_ref: Option<String>,
}

impl Record for Unit {
    const KIND: EntityKind = EntityKind::Unit;
    const UNIQUE_CODE: bool = true;
    record_ids!();
    fn references(&self) -> Vec<(&'static str, EntityKind, i64)> {
        self.building_id.map(|id| ("building_id", EntityKind::Building, id)).into_iter().collect()
    }
    fn index(&self) -> IndexFields {
        IndexFields {
            name: self.name.clone(),
            kind: Some(self.use_category.code().into()),
            // Classes as a searchable list, e.g. `|key_unit|nine_small|`.
            status: Some(format!("|{}|", self.classes.iter().map(|c| c.code()).collect::<Vec<_>>().join("|"))),
            code: self.uscc.clone(),
            parent_id: self.building_id,
            bbox: point_bbox(self.lon, self.lat),
            measure: None,
        }
    }
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checker::default();
        c.required_text("name", &self.name);
        if let Some(code) = &self.uscc
            && let Err(e) = crate::uscc::validate(code)
        {
            c.push(e.field_error("uscc"));
        }
        c.opt_text("address", &self.address);
        c.lon_lat(self.lon, self.lat);
        let m = &self.metrics;
        c.range("metrics.building_area_m2", m.building_area_m2, 0.0, 10_000_000.0);
        c.range("metrics.max_floor_area_m2", m.max_floor_area_m2, 0.0, 10_000_000.0);
        c.range("metrics.underground_area_m2", m.underground_area_m2, 0.0, 10_000_000.0);
        c.int_range("metrics.floors", m.floors, 0, 200);
        c.int_range("metrics.floor_located", m.floor_located, -10, 200);
        c.range("metrics.height_m", m.height_m, 0.0, 1000.0);
        for (f, v) in [
            ("metrics.beds", m.beds),
            ("metrics.rooms", m.rooms),
            ("metrics.seats", m.seats),
            ("metrics.staff", m.staff),
            ("metrics.pupils", m.pupils),
            ("metrics.computers", m.computers),
        ] {
            c.int_range(f, v, 0, 1_000_000);
        }
        if let Some(h) = &m.heritage_level
            && !["national", "provincial", "county"].contains(&h.as_str())
        {
            c.push(
                FieldError::new(
                    "metrics.heritage_level",
                    code::UNKNOWN_VALUE,
                    "must be national, provincial or county",
                )
                .with("value", h.as_str())
                .with("allowed", vec!["national", "provincial", "county"]),
            );
        }
        c.opt_text("safety_manager", &self.safety_manager);
        c.opt_text("phone", &self.phone);
        c.opt_text("source_ref", &self.source_ref);
        c.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_checks_its_credit_code_and_metrics() {
        let mut u: Unit = serde_json::from_str(
            r#"{"name":"某商场","lon":106.2,"lat":38.4,"use_category":"商场/市场","uscc":"91350100M000100Y44",
                "metrics":{"beds":-1}}"#,
        )
        .unwrap();
        let fields: Vec<_> = u.validate().unwrap_err().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["uscc", "metrics.beds"]);
        u.uscc = Some("91350100M000100Y43".into());
        u.metrics.beds = Some(10);
        assert!(u.validate().is_ok());
    }
}
