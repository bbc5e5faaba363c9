//! The base records: roads, buildings, fire forces (stations, vehicles, personnel), water sources and
//! social units. Each belongs to a node of the jurisdiction tree and implements [`Record`], which tells
//! the store what to index and checks the record's fields.
//!
//! This file holds what every record shares — [`EntityKind`], [`IndexFields`], the [`Record`]
//! trait; the records themselves are one file per register: [`network`] (roads, buildings),
//! [`forces`] (stations, vehicles, personnel), [`water`] (water sources), [`units`] (social
//! units and their metrics). They are re-exported here, so `model::Unit` is the path to use.

use serde::{Serialize, de::DeserializeOwned};

use crate::geometry::BBox;
use crate::validate::FieldError;

pub mod forces;
pub mod network;
pub mod units;
pub mod water;

pub use forces::{Person, Station, Vehicle};
pub use network::{Building, Road};
pub use units::{Unit, UnitMetrics};
pub use water::WaterSource;

/// The kinds of record the store keeps in the generic record tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityKind {
    /// [`Road`]
    Road,
    /// [`Building`]
    Building,
    /// [`Station`]
    Station,
    /// [`Vehicle`]
    Vehicle,
    /// [`Person`]
    Person,
    /// [`WaterSource`]
    WaterSource,
    /// [`Unit`]
    Unit,
}

impl EntityKind {
    /// Every kind.
    pub const ALL: [EntityKind; 7] = [
        EntityKind::Road,
        EntityKind::Building,
        EntityKind::Station,
        EntityKind::Vehicle,
        EntityKind::Person,
        EntityKind::WaterSource,
        EntityKind::Unit,
    ];

    /// The table (and API collection) name.
    pub fn table(self) -> &'static str {
        match self {
            EntityKind::Road => "roads",
            EntityKind::Building => "buildings",
            EntityKind::Station => "stations",
            EntityKind::Vehicle => "vehicles",
            EntityKind::Person => "personnel",
            EntityKind::WaterSource => "water_sources",
            EntityKind::Unit => "units",
        }
    }

    /// The users' term for the collection.
    pub fn zh(self) -> &'static str {
        match self {
            EntityKind::Road => "道路",
            EntityKind::Building => "建筑",
            EntityKind::Station => "消防站/队",
            EntityKind::Vehicle => "消防车辆",
            EntityKind::Person => "人员",
            EntityKind::WaterSource => "消防水源",
            EntityKind::Unit => "社会单位",
        }
    }

    /// Parses a table name.
    pub fn from_table(s: &str) -> Option<EntityKind> {
        EntityKind::ALL.into_iter().find(|k| k.table() == s)
    }
}

/// The columns the store promotes out of a record for filtering, scoping and spatial queries.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct IndexFields {
    /// Display name (searched with `q=`).
    pub name: String,
    /// The record's type code (station kind, water kind, road class, use category …).
    pub kind: Option<String>,
    /// The record's status code.
    pub status: Option<String>,
    /// An external or register code (hydrant number, 统一社会信用代码, OSM id …).
    pub code: Option<String>,
    /// The owning record (a vehicle's or person's station).
    pub parent_id: Option<i64>,
    /// Extent for bounding-box queries.
    pub bbox: Option<BBox>,
    /// A quantity summed by statistics (a road's length in metres).
    pub measure: Option<f64>,
}

/// A record kept in one of the generic record tables.
pub trait Record: Serialize + DeserializeOwned + Clone + Send + Sync + Unpin + 'static {
    /// Which table.
    const KIND: EntityKind;
    /// The kind of record this one's `parent_id` points at, if any.
    const PARENT: Option<EntityKind> = None;
    /// Store-assigned id (0 before insertion).
    fn id(&self) -> i64;
    /// Sets the id.
    fn set_id(&mut self, id: i64);
    /// The jurisdiction node it belongs to.
    fn jurisdiction_id(&self) -> i64;
    /// Sets the jurisdiction node (used when it is inherited from the parent).
    fn set_jurisdiction_id(&mut self, id: i64);
    /// The promoted columns.
    fn index(&self) -> IndexFields;
    /// Checks every field; all failures are reported.
    fn validate(&self) -> Result<(), Vec<FieldError>>;
    /// Optional references to other records that must exist: `(field, kind, id)`.
    fn references(&self) -> Vec<(&'static str, EntityKind, i64)> {
        Vec::new()
    }
    /// Whether `IndexFields::code` must be unique within the table (e.g. 统一社会信用代码).
    const UNIQUE_CODE: bool = false;
}

/// The id and jurisdiction accessors every record implements the same way.
macro_rules! record_ids {
    () => {
        fn id(&self) -> i64 {
            self.id
        }
        fn set_id(&mut self, id: i64) {
            self.id = id;
        }
        fn jurisdiction_id(&self) -> i64 {
            self.jurisdiction_id
        }
        fn set_jurisdiction_id(&mut self, id: i64) {
            self.jurisdiction_id = id;
        }
    };
}
pub(crate) use record_ids;

/// The bounding box of a point record.
pub(crate) fn point_bbox(lon: f64, lat: f64) -> Option<BBox> {
    Some(BBox::point(lon, lat))
}
