//! The built environment: road segments (what a travel-time model needs) and building footprints.

use geojson::Geometry;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{EntityKind, IndexFields, Record, record_ids};
use crate::geometry::{Shape, bbox_of, check_geometry};
use crate::terms::{RoadAccess, RoadClass};
use crate::validate::{Checker, FieldError, code};

/// A road segment, with what a travel-time model needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Road {
    /// Store-assigned id.
    #[serde(default)]
    pub id: i64,
    /// Jurisdiction node.
    #[serde(default)]
    pub jurisdiction_id: i64,
    /// Street name (may be empty for unnamed service roads).
    #[serde(default)]
    pub name: String,
    /// Road class.
    pub class: RoadClass,
    /// Posted speed limit, km/h, when known.
    #[serde(default)]
    pub speed_limit_kmh: Option<f64>,
    /// One-way: 0 both directions, 1 along the geometry, -1 against it.
    #[serde(default)]
    pub oneway: i8,
    /// Who may drive it.
    #[serde(default = "default_access")]
    pub access: RoadAccess,
    /// Topology: the start node id in the source data (GeoJSON FromNode, OSM node id).
    #[serde(default)]
    pub from_node: Option<i64>,
    /// Topology: the end node id.
    #[serde(default)]
    pub to_node: Option<i64>,
    /// Length in metres (computed from the geometry when absent).
    #[serde(default)]
    pub length_m: f64,
    /// The centreline, LineString in WGS84.
    #[schema(value_type = Object)]
    pub geometry: Geometry,
    /// Source reference, e.g. `osm:way/123` or `cambridge:Cambrid_St_29`.
    #[serde(default)]
    pub source_ref: Option<String>,
}

fn default_access() -> RoadAccess {
    RoadAccess::Yes
}

impl Record for Road {
    const KIND: EntityKind = EntityKind::Road;
    record_ids!();
    fn index(&self) -> IndexFields {
        IndexFields {
            name: self.name.clone(),
            kind: Some(self.class.code().into()),
            status: Some(self.access.code().into()),
            code: self.source_ref.clone(),
            parent_id: None,
            bbox: bbox_of(&self.geometry),
            measure: Some(self.length_m),
        }
    }
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checker::default();
        c.text("name", &self.name);
        c.range("speed_limit_kmh", self.speed_limit_kmh, 1.0, 200.0);
        if !(-1..=1).contains(&self.oneway) {
            c.push(
                FieldError::new(
                    "oneway",
                    code::UNKNOWN_VALUE,
                    "must be 0 (both ways), 1 (along the line) or -1 (against it)",
                )
                .with("value", self.oneway)
                .with("allowed", vec![0, 1, -1]),
            );
        }
        c.range("length_m", Some(self.length_m), 0.0, 1_000_000.0);
        if let Err(e) = check_geometry(&self.geometry, Shape::Line) {
            c.fail("geometry", code::BAD_GEOMETRY, e);
        }
        c.opt_text("source_ref", &self.source_ref);
        c.finish()
    }
}

/// A building footprint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Building {
    /// Store-assigned id.
    #[serde(default)]
    pub id: i64,
    /// Jurisdiction node.
    #[serde(default)]
    pub jurisdiction_id: i64,
    /// Name, when the building has one.
    #[serde(default)]
    pub name: String,
    /// Use as given by the source (OSM `building=*` value or the GIS layer's), free text.
    #[serde(default)]
    pub usage: Option<String>,
    /// Floors above ground, when known.
    #[serde(default)]
    pub floors: Option<i64>,
    /// Floors below ground, when known.
    #[serde(default)]
    pub underground_floors: Option<i64>,
    /// Height in metres, when known.
    #[serde(default)]
    pub height_m: Option<f64>,
    /// Footprint, Polygon or MultiPolygon in WGS84.
    #[schema(value_type = Object)]
    pub footprint: Geometry,
    /// Source reference, e.g. `osm:way/123`.
    #[serde(default)]
    pub source_ref: Option<String>,
}

impl Record for Building {
    const KIND: EntityKind = EntityKind::Building;
    record_ids!();
    fn index(&self) -> IndexFields {
        IndexFields {
            name: self.name.clone(),
            kind: self.usage.clone(),
            status: None,
            code: self.source_ref.clone(),
            parent_id: None,
            bbox: bbox_of(&self.footprint),
            measure: None,
        }
    }
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checker::default();
        c.text("name", &self.name);
        c.opt_text("usage", &self.usage);
        c.int_range("floors", self.floors, 0, 200);
        c.int_range("underground_floors", self.underground_floors, 0, 20);
        c.range("height_m", self.height_m, 0.0, 1000.0);
        if let Err(e) = check_geometry(&self.footprint, Shape::Area) {
            c.fail("footprint", code::BAD_GEOMETRY, e);
        }
        c.opt_text("source_ref", &self.source_ref);
        c.finish()
    }
}
