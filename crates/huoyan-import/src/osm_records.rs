//! What an OpenStreetMap extract's elements become, whatever file format they came from (PBF in
//! `osm.rs`, XML in `osm_xml.rs`): drivable roads, buildings (ways and multipolygon relations),
//! fire stations and fire water sources, plus the name of the largest administrative area the
//! extract holds (a candidate root jurisdiction for an empty store).
//!
//! A format reader feeds a [`Collector`] in up to three passes, so memory stays proportional to
//! what is kept, not to the extract: (1) every element: tagged nodes of interest become records
//! at once, candidate ways and relations are kept; (2) only if relations need them, the untagged
//! member ways; (3) the coordinates of the nodes the kept ways use. [`Collector::finish`] then
//! builds the ways' and relations' records.

use std::collections::{HashMap, HashSet};

use geojson::{Geometry, Value};
use huoyan_domain::geometry::{centroid, length_m};
use huoyan_domain::{Building, Record, Road, Station, StationStatus, WaterSource, WaterStatus};

use crate::batch::{ImportBatch, ImportReport, Progress};
use crate::osm::OsmOptions;
use crate::osm_rings::{join_rings, polygons};
use crate::osm_tags::{self as t, Tags};

/// A way kept in pass 1 (or a member way fetched in pass 2, with no tags).
struct WayRec {
    id: i64,
    refs: Vec<i64>,
    tags: Tags,
}

/// A multipolygon relation kept in pass 1: its tags and its way members with their roles.
struct RelRec {
    id: i64,
    tags: Tags,
    members: Vec<(i64, String)>,
}

/// The records of one extract, built as its elements are fed in.
pub(crate) struct Collector<'o> {
    opts: &'o OsmOptions,
    batch: ImportBatch,
    ways: Vec<WayRec>,
    rels: Vec<RelRec>,
    /// The lowest `admin_level` seen on a named `boundary=administrative` element, and its name.
    region: Option<(u32, String)>,
    /// Ways kept in pass 1 (the rest of `ways` are member ways from pass 2).
    base: usize,
    way_index: HashMap<i64, usize>,
    missing: HashSet<i64>,
    needed: HashSet<i64>,
    coords: HashMap<i64, [f64; 2]>,
}

/// The tags of a node that may be a station or water source (most nodes have no tags at all, so
/// nothing is allocated for them).
pub(crate) fn poi_tags<'a>(tags: impl Iterator<Item = (&'a str, &'a str)> + Clone) -> Option<Tags> {
    let wanted = tags.clone().any(|(k, v)| (k == "amenity" && v == "fire_station") || k == "emergency");
    wanted.then(|| Tags::of(tags))
}

impl<'o> Collector<'o> {
    /// An empty collector whose report names `source`.
    pub(crate) fn new(source: impl Into<String>, opts: &'o OsmOptions) -> Collector<'o> {
        Collector {
            opts,
            batch: ImportBatch::new(source),
            ways: Vec::new(),
            rels: Vec::new(),
            region: None,
            base: 0,
            way_index: HashMap::new(),
            missing: HashSet::new(),
            needed: HashSet::new(),
            coords: HashMap::new(),
        }
    }

    /// Pass 1: a node, with its tags when [`poi_tags`] kept them.
    pub(crate) fn node(&mut self, id: i64, lon: f64, lat: f64, tags: Option<Tags>) {
        if let Some(tags) = tags {
            point_feature(
                &mut self.batch,
                self.opts,
                &tags,
                lon,
                lat,
                &format!("osm:node/{id}"),
                &format!("node {id}"),
            );
        }
    }

    /// Pass 1: whether a way with these tags is kept (its node references are then needed).
    pub(crate) fn wants_way(&self, tags: &Tags) -> bool {
        tags.get("highway").and_then(|h| self.opts.road_class(h)).is_some()
            || tags.building().is_some()
            || tags.is_fire_station()
            || t::water_kind(tags).is_some()
    }

    /// Pass 1: a way [`Collector::wants_way`] keeps.
    pub(crate) fn way(&mut self, id: i64, refs: Vec<i64>, tags: Tags) {
        self.ways.push(WayRec { id, refs, tags });
    }

    /// Pass 1: a relation's tags; true when it is kept, and its members must then be given to
    /// [`Collector::relation`]. Notes a named administrative boundary.
    pub(crate) fn wants_relation(&mut self, tags: &Tags) -> bool {
        self.note_region(tags);
        tags.get("type") == Some("multipolygon") && (tags.building().is_some() || tags.is_fire_station())
    }

    /// Pass 1: a relation [`Collector::wants_relation`] keeps, with its way members and their roles.
    pub(crate) fn relation(&mut self, id: i64, tags: Tags, members: Vec<(i64, String)>) {
        self.rels.push(RelRec { id, tags, members });
    }

    fn note_region(&mut self, tags: &Tags) {
        if tags.get("boundary") != Some("administrative") {
            return;
        }
        let (Some(level), Some(name)) = (tags.get("admin_level").and_then(|l| l.parse::<u32>().ok()), tags.name())
        else {
            return;
        };
        if self.region.as_ref().is_none_or(|(l, _)| level < *l) {
            self.region = Some((level, name));
        }
    }

    /// After pass 1: the ids of the member ways pass 2 must fetch (none: skip pass 2).
    pub(crate) fn end_elements(&mut self) -> &HashSet<i64> {
        self.base = self.ways.len();
        self.way_index = self.ways.iter().enumerate().map(|(i, w)| (w.id, i)).collect();
        self.missing = self
            .rels
            .iter()
            .flat_map(|r| r.members.iter().map(|m| m.0))
            .filter(|id| !self.way_index.contains_key(id))
            .collect();
        &self.missing
    }

    /// Pass 2: whether the way `id` is a member way still missing.
    pub(crate) fn wants_member_way(&self, id: i64) -> bool {
        self.missing.contains(&id)
    }

    /// Pass 2: a member way [`Collector::wants_member_way`] asked for.
    pub(crate) fn member_way(&mut self, id: i64, refs: Vec<i64>) {
        if self.missing.remove(&id) {
            self.way_index.insert(id, self.ways.len());
            self.ways.push(WayRec { id, refs, tags: Tags::default() });
        }
    }

    /// After pass 2: notes the nodes whose coordinates pass 3 must fetch.
    pub(crate) fn end_member_ways(&mut self) {
        self.needed = self.ways.iter().flat_map(|w| w.refs.iter().copied()).collect();
        self.coords = HashMap::with_capacity(self.needed.len());
    }

    /// Pass 3: a node's coordinates, kept when a way uses it.
    pub(crate) fn coord(&mut self, id: i64, lon: f64, lat: f64) {
        if self.needed.contains(&id) {
            self.coords.insert(id, [lon, lat]);
        }
    }

    /// Builds the records of the kept ways and relations.
    pub(crate) fn finish(self, progress: &dyn Progress) -> ImportBatch {
        let Collector { opts, mut batch, ways, rels, region, base, way_index, coords, .. } = self;
        progress.start("OSM: building records", Some((base + rels.len()) as u64));
        for w in &ways[..base] {
            way_features(&mut batch, opts, w, &coords);
            progress.advance(1);
        }
        for r in &rels {
            relation_features(&mut batch, opts, r, &ways, &way_index, &coords);
            progress.advance(1);
        }
        progress.finish();
        batch.region_name = region.map(|(_, name)| name);
        batch.finish(&["roads", "buildings", "stations", "water_sources"])
    }
}

/// Adds the station and/or water source an element at one point stands for.
fn point_feature(
    batch: &mut ImportBatch,
    opts: &OsmOptions,
    tags: &Tags,
    lon: f64,
    lat: f64,
    source_ref: &str,
    location: &str,
) {
    if tags.is_fire_station() {
        let name = tags.name().unwrap_or_else(|| format!("未命名消防站 ({source_ref})"));
        let s = Station {
            id: 0,
            jurisdiction_id: 0,
            name,
            kind: opts.station_kind,
            status: StationStatus::OnDuty,
            address: t::address(tags),
            lon,
            lat,
            duty_strength: 0,
            phone: tags.first(&["phone", "contact:phone"]).map(str::to_string),
            unit_id: None,
            source_ref: Some(source_ref.to_string()),
        };
        push(&mut batch.stations, &mut batch.report, s, location);
    }
    if let Some(kind) = t::water_kind(tags) {
        let w = WaterSource {
            id: 0,
            jurisdiction_id: 0,
            code: tags.get("ref").map(str::to_string),
            kind,
            status: WaterStatus::Unverified,
            address: t::address(tags),
            lon,
            lat,
            flow_lps: tags.first(&["fire_hydrant:flow_rate", "flow_rate"]).and_then(t::flow_lps),
            pressure_mpa: tags.first(&["fire_hydrant:pressure", "pressure"]).and_then(t::pressure_mpa),
            diameter_mm: tags.first(&["fire_hydrant:diameter", "diameter"]).and_then(t::diameter_mm),
            capacity_m3: None,
            owner: tags.get("operator").map(str::to_string),
            last_inspected: None,
            notes: tags.first(&["description", "note"]).map(str::to_string),
            source_ref: Some(source_ref.to_string()),
        };
        push(&mut batch.water_sources, &mut batch.report, w, location);
    }
}

/// Keeps a record that validates, or reports why not.
fn push<R: Record>(out: &mut Vec<R>, report: &mut ImportReport, r: R, location: &str) {
    match r.validate() {
        Ok(()) => out.push(r),
        Err(errs) => report.skip_invalid(location, &errs, &|f| f.to_string()),
    }
}

/// The coordinates of a node sequence, or the first node missing from the extract.
fn line_coords(refs: &[i64], coords: &HashMap<i64, [f64; 2]>) -> Result<Vec<Vec<f64>>, i64> {
    refs.iter().map(|id| coords.get(id).map(|c| c.to_vec()).ok_or(*id)).collect()
}

/// Adds the road, building, station and water source a kept way stands for.
fn way_features(batch: &mut ImportBatch, opts: &OsmOptions, w: &WayRec, coords: &HashMap<i64, [f64; 2]>) {
    let location = format!("way {}", w.id);
    let source_ref = format!("osm:way/{}", w.id);
    let line = match line_coords(&w.refs, coords) {
        Ok(line) => line,
        Err(node) => {
            let reason = format!("node {node} has no coordinates in the extract");
            batch.report.skip(&location, "missing node coordinates", reason);
            return;
        }
    };
    let closed = w.refs.len() >= 4 && w.refs.first() == w.refs.last();
    if let Some(class) = w.tags.get("highway").and_then(|h| opts.road_class(h)) {
        if w.tags.get("area") == Some("yes") {
            batch.report.skip(&location, "area=yes highway", "area=yes: a paved area, not a road centreline");
        } else if line.len() < 2 {
            batch.report.skip(&location, "way with fewer than two nodes", "a road needs at least two nodes");
        } else {
            let geometry = Geometry::new(Value::LineString(line.clone()));
            let road = Road {
                id: 0,
                jurisdiction_id: 0,
                name: w.tags.name().unwrap_or_default(),
                class,
                speed_limit_kmh: w.tags.get("maxspeed").and_then(t::maxspeed_kmh),
                oneway: t::oneway(&w.tags),
                access: t::access(&w.tags),
                from_node: w.refs.first().copied(),
                to_node: w.refs.last().copied(),
                length_m: length_m(&geometry),
                geometry,
                source_ref: Some(source_ref.clone()),
            };
            push(&mut batch.roads, &mut batch.report, road, &location);
        }
    }
    if let Some(usage) = w.tags.building() {
        if closed {
            let footprint = Geometry::new(Value::Polygon(vec![line.clone()]));
            let b = building(&w.tags, usage, footprint, &source_ref);
            push(&mut batch.buildings, &mut batch.report, b, &location);
        } else {
            batch.report.skip(&location, "building way not closed", "a building outline must be a closed way");
        }
    }
    if w.tags.is_fire_station() || t::water_kind(&w.tags).is_some() {
        let shape = if closed { Value::Polygon(vec![line]) } else { Value::LineString(line) };
        match centroid(&Geometry::new(shape)) {
            Some((lon, lat)) => point_feature(batch, opts, &w.tags, lon, lat, &source_ref, &location),
            None => batch.report.skip(&location, "no centroid", "cannot compute a centre point for the way"),
        }
    }
}

fn building(tags: &Tags, usage: &str, footprint: Geometry, source_ref: &str) -> Building {
    Building {
        id: 0,
        jurisdiction_id: 0,
        name: tags.name().unwrap_or_default(),
        usage: Some(usage.to_string()),
        floors: tags.get("building:levels").and_then(|v| t::levels(v, 200)),
        underground_floors: tags.get("building:levels:underground").and_then(|v| t::levels(v, 20)),
        height_m: tags.get("height").and_then(t::height_m),
        footprint,
        source_ref: Some(source_ref.to_string()),
    }
}

/// Adds the building and/or station a multipolygon relation stands for.
fn relation_features(
    batch: &mut ImportBatch,
    opts: &OsmOptions,
    r: &RelRec,
    ways: &[WayRec],
    way_index: &HashMap<i64, usize>,
    coords: &HashMap<i64, [f64; 2]>,
) {
    let location = format!("relation {}", r.id);
    let source_ref = format!("osm:relation/{}", r.id);
    let shape = match relation_shape(r, ways, way_index, coords) {
        Ok(shape) => shape,
        Err((key, reason)) => {
            batch.report.skip(&location, key, reason);
            return;
        }
    };
    if r.tags.is_fire_station() {
        match centroid(&shape) {
            Some((lon, lat)) => point_feature(batch, opts, &r.tags, lon, lat, &source_ref, &location),
            None => batch.report.skip(&location, "no centroid", "cannot compute a centre point for the relation"),
        }
    }
    if let Some(usage) = r.tags.building() {
        let b = building(&r.tags, usage, shape, &source_ref);
        push(&mut batch.buildings, &mut batch.report, b, &location);
    }
}

/// The MultiPolygon of a relation, or a reason key and the reason it cannot be built.
fn relation_shape(
    r: &RelRec,
    ways: &[WayRec],
    way_index: &HashMap<i64, usize>,
    coords: &HashMap<i64, [f64; 2]>,
) -> Result<Geometry, (&'static str, String)> {
    let mut outer = Vec::new();
    let mut inner = Vec::new();
    for (id, role) in &r.members {
        let w = way_index.get(id).and_then(|&i| ways.get(i));
        let Some(w) = w else {
            return Err(("member way missing", format!("member way {id} is not in the extract")));
        };
        if role == "inner" { inner.push(w.refs.clone()) } else { outer.push(w.refs.clone()) }
    }
    let to_coords = |rings: Vec<Vec<i64>>| -> Result<Vec<Vec<Vec<f64>>>, (&'static str, String)> {
        rings
            .iter()
            .map(|ring| {
                line_coords(ring, coords)
                    .map_err(|n| ("missing node coordinates", format!("node {n} has no coordinates in the extract")))
            })
            .collect()
    };
    let outer = join_rings(outer).map_err(|e| ("ring not closed", format!("outer {e}")))?;
    let inner = join_rings(inner).map_err(|e| ("ring not closed", format!("inner {e}")))?;
    if outer.is_empty() {
        return Err(("no outer ring", "the relation has no outer way".to_string()));
    }
    let polys = polygons(to_coords(outer)?, to_coords(inner)?);
    Ok(Geometry::new(Value::MultiPolygon(polys)))
}
