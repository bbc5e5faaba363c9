//! Reading a GeoJSON layer (a brigade's own GIS data) through a [`Mapping`] into one record type.
//!
//! The whole file must be JSON holding a FeatureCollection (or one Feature) in WGS84; a declared
//! `crs` other than WGS84 is refused. Each feature is then converted on its own: a malformed
//! feature, a value that does not convert or a record that fails `validate()` is skipped with the
//! field, the property and the value named. A property the mapping reads that appears in no feature
//! at all is a mapping error (most likely a typo), not a silent gap.

use std::collections::BTreeSet;

use geojson::{Feature, Geometry, Value};
use huoyan_domain::geometry::{centroid, length_m};
use huoyan_domain::jurisdiction::Jurisdiction;
use huoyan_domain::{
    Building, JurisdictionLevel, Record, Road, RoadAccess, RoadClass, Station, StationKind, StationStatus, Unit,
    UnitMetrics, UseCategory, WaterKind, WaterSource, WaterStatus,
};
use serde_json::{Map, Value as Json};

use crate::batch::{ImportBatch, Progress};
use crate::error::ImportError;
use crate::limits::{MAX_GEOJSON_BYTES, MAX_GEOJSON_FEATURES, MAX_GEOMETRY_POSITIONS, code};
use crate::mapping::{Layer, Mapping};
use crate::values::{Cell, parse_term};

/// Reads a GeoJSON FeatureCollection (or single Feature) as the mapping's layer.
pub fn read_geojson(bytes: &[u8], mapping: &Mapping, progress: &dyn Progress) -> Result<ImportBatch, ImportError> {
    let file = format!("GeoJSON ({} → {})", mapping.source_prefix, mapping.layer.table());
    if bytes.len() as u64 > MAX_GEOJSON_BYTES {
        let found = Some(bytes.len() as u64);
        return Err(ImportError::too_large(&file, code::FILE_TOO_LARGE, MAX_GEOJSON_BYTES, found, None));
    }
    let mut root: Json =
        serde_json::from_slice(bytes).map_err(|e| ImportError::format(&file, format!("invalid JSON: {e}")))?;
    let features: Vec<Json> = match root.get("type").and_then(Json::as_str) {
        Some("FeatureCollection") => match root.get_mut("features").map(Json::take) {
            Some(Json::Array(fs)) => fs,
            _ => return Err(ImportError::format(&file, "a FeatureCollection needs a \"features\" array")),
        },
        Some("Feature") => vec![root.clone()],
        Some(other) => {
            return Err(ImportError::format(
                &file,
                format!("expected a FeatureCollection or a Feature, got {other:?}"),
            ));
        }
        None => return Err(ImportError::format(&file, "not GeoJSON: the top level has no \"type\"")),
    };
    if features.len() > MAX_GEOJSON_FEATURES {
        let found = Some(features.len() as u64);
        return Err(ImportError::too_large(&file, code::TOO_MANY_FEATURES, MAX_GEOJSON_FEATURES as u64, found, None));
    }
    check_crs(&root, &file)?;
    check_properties(&features, mapping)?;

    let mut batch = ImportBatch::new(file);
    progress.start("GeoJSON features", Some(features.len() as u64));
    for (i, fv) in features.into_iter().enumerate() {
        progress.advance(1);
        let id_hint = fv.get("id").map(|v| v.to_string().trim_matches('"').to_string());
        let location = match &id_hint {
            Some(id) => format!("feature {} (id {id})", i + 1),
            None => format!("feature {}", i + 1),
        };
        let n = fv.get("geometry").map(positions).unwrap_or(0);
        if n > MAX_GEOMETRY_POSITIONS {
            let reason = format!(
                "几何坐标点过多 (too many coordinate positions): {n}, limit {MAX_GEOMETRY_POSITIONS} — simplify the geometry"
            );
            batch.report.skip(&location, "too many coordinate positions", reason);
            continue;
        }
        let feature = match Feature::from_json_value(fv) {
            Ok(f) => f,
            Err(e) => {
                batch.report.skip(
                    &location,
                    "not a valid GeoJSON feature",
                    format!("not a valid GeoJSON feature: {e}"),
                );
                continue;
            }
        };
        let props = feature.properties.clone().unwrap_or_default();
        let mut f = Fields { mapping, props: &props, errors: Vec::new() };
        let source_ref = Some(format!("{}:{}", mapping.source_prefix, f.stable_id(&feature, i)));
        let Some(geometry) = feature.geometry else {
            batch.report.skip(&location, "no geometry", "the feature has no geometry");
            continue;
        };
        convert(&mut batch, &mut f, geometry, source_ref, &location);
    }
    progress.finish();
    let table = mapping.layer.table();
    Ok(batch.finish(&[table]))
}

/// Coordinate positions (arrays of numbers) in a GeoJSON geometry, counted without converting it.
fn positions(v: &Json) -> usize {
    match v {
        Json::Array(items) if items.first().is_some_and(Json::is_number) => 1,
        Json::Array(items) => items.iter().map(positions).sum(),
        Json::Object(o) => {
            o.get("coordinates").map(positions).unwrap_or(0) + o.get("geometries").map(positions).unwrap_or(0)
        }
        _ => 0,
    }
}

/// Refuses a declared coordinate system other than WGS84 (old GeoJSON `crs` member).
fn check_crs(root: &Json, file: &str) -> Result<(), ImportError> {
    let name = root.pointer("/crs/properties/name").and_then(Json::as_str);
    match name {
        Some(n) if !(n.contains("4326") || n.contains("CRS84")) => Err(ImportError::format(
            file,
            format!("coordinates are in {n}; Huoyan needs WGS84 (EPSG:4326) — reproject the layer first"),
        )),
        _ => Ok(()),
    }
}

/// A property the mapping reads that no feature has is almost surely a typo.
fn check_properties(features: &[Json], mapping: &Mapping) -> Result<(), ImportError> {
    if features.is_empty() {
        return Ok(());
    }
    let mut present: BTreeSet<&str> = BTreeSet::new();
    for f in features {
        if let Some(Json::Object(p)) = f.get("properties") {
            present.extend(p.keys().map(String::as_str));
        }
    }
    for (prop, target) in mapping.properties() {
        if !present.contains(prop.as_str()) {
            let found: Vec<&str> = present.iter().copied().take(40).collect();
            return Err(ImportError::Mapping(format!(
                "property {prop:?} (read for {target}) is in no feature; properties found: {}",
                found.join(", ")
            )));
        }
    }
    Ok(())
}

/// Typed access to one feature's mapped fields, collecting conversion errors.
struct Fields<'a> {
    mapping: &'a Mapping,
    props: &'a Map<String, Json>,
    errors: Vec<String>,
}

impl Fields<'_> {
    fn cell(&mut self, target: &str) -> Cell {
        match self.mapping.value(target, self.props) {
            Ok(c) => c,
            Err(e) => {
                self.errors.push(format!("{}: {e}", self.mapping.label(target)));
                Cell::Empty
            }
        }
    }

    fn typed<T>(&mut self, target: &str, conv: impl FnOnce(&Cell) -> Result<Option<T>, String>) -> Option<T> {
        let c = self.cell(target);
        match conv(&c) {
            Ok(v) => v,
            Err(e) => {
                self.errors.push(format!("{}: {e}", self.mapping.label(target)));
                None
            }
        }
    }

    fn text(&mut self, target: &str) -> Option<String> {
        self.cell(target).to_text()
    }

    fn num(&mut self, target: &str) -> Option<f64> {
        let scale = self.mapping.scale(target);
        let v = self.typed(target, Cell::to_f64).map(|v| v * scale)?;
        Some(match self.mapping.decimals(target) {
            Some(d) => {
                let f = 10f64.powi(d as i32);
                (v * f).round() / f
            }
            None => v,
        })
    }

    fn int(&mut self, target: &str) -> Option<i64> {
        self.typed(target, Cell::to_i64)
    }

    fn boolean(&mut self, target: &str) -> Option<bool> {
        self.typed(target, Cell::to_bool)
    }

    fn date(&mut self, target: &str) -> Option<String> {
        let mode = self.mapping.date_mode(target);
        self.typed(target, |c| c.to_date(&mode))
    }

    fn term<T>(&mut self, target: &str, parse: fn(&str) -> Option<T>, expected: fn() -> String) -> Option<T> {
        self.typed(target, |c| parse_term(c, parse, expected))
    }

    /// A required vocabulary field: a missing value is an error.
    fn required_term<T>(&mut self, target: &str, parse: fn(&str) -> Option<T>, expected: fn() -> String) -> Option<T> {
        let v = self.term(target, parse, expected);
        if v.is_none() && !self.errors.iter().any(|e| e.starts_with(target)) {
            self.errors.push(format!("{}: 缺少值 (missing value)", self.mapping.label(target)));
        }
        v
    }

    /// `id_field` value, else the feature id, else the 1-based position.
    fn stable_id(&self, feature: &Feature, index: usize) -> String {
        let from_prop = self
            .mapping
            .id_field
            .as_ref()
            .and_then(|f| self.props.get(f))
            .and_then(|v| Cell::from_json(v).ok())
            .and_then(|c| c.to_text());
        let from_id = feature.id.as_ref().map(|id| match id {
            geojson::feature::Id::String(s) => s.clone(),
            geojson::feature::Id::Number(n) => n.to_string(),
        });
        from_prop.or(from_id).unwrap_or_else(|| format!("{}", index + 1))
    }

    /// The point of a point record: mapped `lon`/`lat` fields, else the geometry (its centroid for
    /// lines and areas).
    fn point(&mut self, geometry: &Geometry) -> Option<(f64, f64)> {
        let (lon, lat) = (self.num("lon"), self.num("lat"));
        if let (Some(lon), Some(lat)) = (lon, lat) {
            return Some((lon, lat));
        }
        let p = match &geometry.value {
            Value::Point(p) => p.first().copied().zip(p.get(1).copied()),
            _ => centroid(geometry),
        };
        if p.is_none() {
            self.errors.push(format!("geometry: no point can be taken from a {}", geometry.value.type_name()));
        }
        p
    }
}

/// Converts one feature and adds the record, or reports why it was skipped.
fn convert(
    batch: &mut ImportBatch,
    f: &mut Fields<'_>,
    geometry: Geometry,
    source_ref: Option<String>,
    location: &str,
) {
    let mapping = f.mapping;
    let label = |field: &str| mapping.label(field.strip_prefix("metrics.").unwrap_or(field));
    macro_rules! finish {
        ($record:expr, $out:expr, $validate:expr) => {{
            let record = $record;
            if !f.errors.is_empty() {
                let fields: Vec<&str> = f.errors.iter().map(|e| e.split(':').next().unwrap_or("")).collect();
                batch.report.skip(location, format!("bad value: {}", fields.join(", ")), f.errors.join("; "));
            } else {
                match $validate(&record) {
                    Ok(()) => $out.push(record),
                    Err(errs) => batch.report.skip_invalid(location, &errs, &label),
                }
            }
        }};
    }
    match mapping.layer {
        Layer::Stations => {
            let (lon, lat) = f.point(&geometry).unwrap_or((f64::NAN, f64::NAN));
            let r = Station {
                id: 0,
                jurisdiction_id: 0,
                name: f.text("name").unwrap_or_default(),
                kind: f.required_term("kind", StationKind::parse, StationKind::expected).unwrap_or(StationKind::Level1),
                status: f
                    .term("status", StationStatus::parse, StationStatus::expected)
                    .unwrap_or(StationStatus::OnDuty),
                address: f.text("address"),
                lon,
                lat,
                duty_strength: f.int("duty_strength").unwrap_or(0),
                phone: f.text("phone"),
                unit_id: None,
                source_ref,
            };
            finish!(r, batch.stations, Record::validate)
        }
        Layer::WaterSources => {
            let (lon, lat) = f.point(&geometry).unwrap_or((f64::NAN, f64::NAN));
            let r = WaterSource {
                id: 0,
                jurisdiction_id: 0,
                code: f.text("code"),
                kind: f.required_term("kind", WaterKind::parse, WaterKind::expected).unwrap_or(WaterKind::HydrantAbove),
                status: f.term("status", WaterStatus::parse, WaterStatus::expected).unwrap_or(WaterStatus::Unverified),
                address: f.text("address"),
                lon,
                lat,
                flow_lps: f.num("flow_lps"),
                pressure_mpa: f.num("pressure_mpa"),
                diameter_mm: f.num("diameter_mm"),
                capacity_m3: f.num("capacity_m3"),
                owner: f.text("owner"),
                last_inspected: f.date("last_inspected"),
                notes: f.text("notes"),
                source_ref,
            };
            finish!(r, batch.water_sources, Record::validate)
        }
        Layer::Roads => {
            let length = f.num("length_m").unwrap_or_else(|| length_m(&geometry));
            let r = Road {
                id: 0,
                jurisdiction_id: 0,
                name: f.text("name").unwrap_or_default(),
                class: f
                    .required_term("class", RoadClass::parse, RoadClass::expected)
                    .unwrap_or(RoadClass::Residential),
                speed_limit_kmh: f.num("speed_limit_kmh"),
                oneway: oneway(f),
                access: f.term("access", RoadAccess::parse, RoadAccess::expected).unwrap_or(RoadAccess::Yes),
                from_node: f.int("from_node"),
                to_node: f.int("to_node"),
                length_m: length,
                geometry,
                source_ref,
            };
            finish!(r, batch.roads, Record::validate)
        }
        Layer::Buildings => {
            let r = Building {
                id: 0,
                jurisdiction_id: 0,
                name: f.text("name").unwrap_or_default(),
                usage: f.text("usage"),
                floors: f.int("floors"),
                underground_floors: f.int("underground_floors"),
                height_m: f.num("height_m"),
                footprint: geometry,
                source_ref,
            };
            finish!(r, batch.buildings, Record::validate)
        }
        Layer::Units => {
            let (lon, lat) = f.point(&geometry).unwrap_or((f64::NAN, f64::NAN));
            let metrics = UnitMetrics {
                building_area_m2: f.num("building_area_m2"),
                max_floor_area_m2: f.num("max_floor_area_m2"),
                underground_area_m2: f.num("underground_area_m2"),
                floors: f.int("floors"),
                floor_located: f.int("floor_located"),
                height_m: f.num("height_m"),
                beds: f.int("beds"),
                rooms: f.int("rooms"),
                seats: f.int("seats"),
                staff: f.int("staff"),
                pupils: f.int("pupils"),
                computers: f.int("computers"),
                combustible_goods: f.boolean("combustible_goods"),
                accommodation_mixed: f.boolean("accommodation_mixed"),
                fire_separated: f.boolean("fire_separated"),
                heritage_level: f.text("heritage_level"),
                timber_structure: f.boolean("timber_structure"),
            };
            let r = Unit {
                id: 0,
                jurisdiction_id: 0,
                name: f.text("name").unwrap_or_default(),
                uscc: f.text("uscc").map(|s| s.to_uppercase()),
                address: f.text("address"),
                lon,
                lat,
                building_id: None,
                use_category: f
                    .required_term("use_category", UseCategory::parse, UseCategory::expected)
                    .unwrap_or(UseCategory::Other),
                metrics,
                safety_manager: f.text("safety_manager"),
                phone: f.text("phone"),
                classes: Vec::new(),
                class_reasons: Vec::new(),
                source_ref,
            };
            finish!(r, batch.units, Record::validate)
        }
        Layer::Boundaries => {
            let r = Jurisdiction {
                id: 0,
                parent_id: None,
                level: f
                    .required_term("level", JurisdictionLevel::parse, JurisdictionLevel::expected)
                    .unwrap_or(JurisdictionLevel::Grid),
                name: f.text("name").unwrap_or_default(),
                code: f.text("code"),
                boundary: Some(geometry),
                path: String::new(),
            };
            finish!(r, batch.jurisdictions, Jurisdiction::validate)
        }
    }
}

/// `oneway` as an integer; values other than -1, 0, 1 are reported by `validate()`.
fn oneway(f: &mut Fields<'_>) -> i8 {
    match f.int("oneway") {
        None => 0,
        Some(v) => i8::try_from(v).unwrap_or(i8::MAX),
    }
}
