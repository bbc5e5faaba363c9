//! The base records: roads, buildings, fire forces (stations, vehicles, personnel), water sources and
//! social units. Each belongs to a node of the jurisdiction tree and implements [`Record`], which tells
//! the store what to index and checks the record's fields.

use geojson::Geometry;
use serde::{Deserialize, Serialize, de::DeserializeOwned};
use utoipa::ToSchema;

use crate::classify::ClassReason;
use crate::geometry::{BBox, Shape, bbox_of, check_geometry};
use crate::terms::*;
use crate::validate::{Checker, FieldError, code};

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

fn point_bbox(lon: f64, lat: f64) -> Option<BBox> {
    Some(BBox::point(lon, lat))
}

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
    fn unknown_fields_and_bad_coordinates_are_refused() {
        let err = serde_json::from_str::<Station>(r#"{"name":"a","kind":"level1","lon":1,"lat":2,"colour":"red"}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown field `colour`"), "{err}");
        let s: Station = serde_json::from_str(r#"{"name":"一站","kind":"一级普通站","lon":181,"lat":2}"#).unwrap();
        let errs = s.validate().unwrap_err();
        assert_eq!(errs[0].field, "lon");
    }

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
