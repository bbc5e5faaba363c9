//! Reading an OpenStreetMap PBF extract: drivable roads, buildings (ways and multipolygon
//! relations), fire stations and fire water sources.
//!
//! The file is read in up to three passes so memory stays proportional to what is kept, not to the
//! extract: (1) every element, keeping tagged nodes of interest, candidate ways and relations;
//! (2) only blobs with ways, for untagged member ways of the kept relations; (3) only blobs with
//! nodes, for the coordinates of the kept ways. Pass 1 notes which blobs hold nodes or ways, so the
//! later passes skip decompressing the others.

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::BufReader;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use geojson::{Geometry, Value};
use huoyan_domain::geometry::{centroid, length_m};
use huoyan_domain::{Building, Record, Road, RoadClass, Station, StationKind, StationStatus, WaterSource, WaterStatus};
use osmpbf::{BlobDecode, BlobReader, PrimitiveBlock, RelMemberType};

use crate::batch::{ImportBatch, ImportReport, Progress};
use crate::error::ImportError;
use crate::osm_rings::{join_rings, polygons};
use crate::osm_tags::{self as t, Tags};

/// Options of an OSM import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OsmOptions {
    /// Kind given to every `amenity=fire_station` (OSM does not say which kind of force it is).
    pub station_kind: StationKind,
    /// Also import `highway=track` (farm and forest tracks) as [`huoyan_domain::RoadClass::Track`].
    /// Off by default: the reference "drivable" network (3,732 ways, 555 km for Andorra) leaves
    /// them out, and many are not passable by a fire engine.
    pub include_tracks: bool,
}

impl Default for OsmOptions {
    fn default() -> Self {
        OsmOptions { station_kind: StationKind::Level1, include_tracks: false }
    }
}

impl OsmOptions {
    /// The road class of a `highway=*` value under these options.
    fn road_class(&self, highway: &str) -> Option<RoadClass> {
        t::road_class(highway).filter(|c| self.include_tracks || *c != RoadClass::Track)
    }
}

const HAS_NODES: u8 = 1;
const HAS_WAYS: u8 = 2;

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

/// Reads an `.osm.pbf` extract into roads, buildings, stations and water sources.
pub fn read_osm_pbf(path: &Path, opts: &OsmOptions, progress: &dyn Progress) -> Result<ImportBatch, ImportError> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string());
    let mut batch = ImportBatch::new(name.clone());
    let mut ways: Vec<WayRec> = Vec::new();
    let mut rels: Vec<RelRec> = Vec::new();
    let mut kinds: Vec<u8> = Vec::new();

    // Pass 1: everything.
    let scan1 = scan(
        path,
        &name,
        "OSM 1/3: elements",
        None,
        progress,
        |_| true,
        |i, block| {
            let (mut has_nodes, mut has_ways) = (false, false);
            let mut node = |id: i64, lon: f64, lat: f64, tags: Option<Tags>| {
                has_nodes = true;
                if let Some(tags) = tags {
                    point_feature(&mut batch, opts, &tags, lon, lat, &format!("osm:node/{id}"), &format!("node {id}"));
                }
            };
            for group in block.groups() {
                for n in group.nodes() {
                    node(n.id(), n.lon(), n.lat(), poi_tags(n.tags()));
                }
                for n in group.dense_nodes() {
                    node(n.id(), n.lon(), n.lat(), poi_tags(n.tags()));
                }
                for w in group.ways() {
                    has_ways = true;
                    let tags = Tags::of(w.tags());
                    let wanted = tags.get("highway").and_then(|h| opts.road_class(h)).is_some()
                        || tags.building().is_some()
                        || tags.is_fire_station()
                        || t::water_kind(&tags).is_some();
                    if wanted {
                        ways.push(WayRec { id: w.id(), refs: w.refs().collect(), tags });
                    }
                }
                for r in group.relations() {
                    let tags = Tags::of(r.tags());
                    if tags.get("type") == Some("multipolygon") && (tags.building().is_some() || tags.is_fire_station())
                    {
                        let members = r
                            .members()
                            .filter(|m| m.member_type == RelMemberType::Way)
                            .map(|m| (m.member_id, m.role().unwrap_or("").to_string()))
                            .collect();
                        rels.push(RelRec { id: r.id(), tags, members });
                    }
                }
            }
            if kinds.len() <= i {
                kinds.resize(i + 1, 0);
            }
            kinds[i] |= if has_nodes { HAS_NODES } else { 0 } | if has_ways { HAS_WAYS } else { 0 };
        },
    )?;
    if !scan1.saw_header {
        return Err(ImportError::format(&name, "no OSMHeader block: not an OpenStreetMap PBF file"));
    }
    let total = Some(scan1.blobs as u64);

    // Pass 2: member ways of the relations that pass 1 did not keep.
    let mut way_refs: HashMap<i64, usize> = ways.iter().enumerate().map(|(i, w)| (w.id, i)).collect();
    let missing: HashSet<i64> =
        rels.iter().flat_map(|r| r.members.iter().map(|m| m.0)).filter(|id| !way_refs.contains_key(id)).collect();
    let mut member_ways: Vec<WayRec> = Vec::new();
    if !missing.is_empty() {
        let wanted = |i: usize| kinds.get(i).is_some_and(|k| k & HAS_WAYS != 0);
        scan(path, &name, "OSM 2/3: member ways", total, progress, wanted, |_, block| {
            for w in block.groups().flat_map(|g| g.ways().collect::<Vec<_>>()) {
                if missing.contains(&w.id()) {
                    member_ways.push(WayRec { id: w.id(), refs: w.refs().collect(), tags: Tags::default() });
                }
            }
        })?;
    }
    let base = ways.len();
    ways.append(&mut member_ways);
    for (i, w) in ways.iter().enumerate().skip(base) {
        way_refs.insert(w.id, i);
    }

    // Pass 3: coordinates of every node the kept ways use.
    let needed: HashSet<i64> = ways.iter().flat_map(|w| w.refs.iter().copied()).collect();
    let mut coords: HashMap<i64, [f64; 2]> = HashMap::with_capacity(needed.len());
    let wanted = |i: usize| kinds.get(i).is_some_and(|k| k & HAS_NODES != 0);
    scan(path, &name, "OSM 3/3: node coordinates", total, progress, wanted, |_, block| {
        for g in block.groups() {
            for n in g.nodes() {
                if needed.contains(&n.id()) {
                    coords.insert(n.id(), [n.lon(), n.lat()]);
                }
            }
            for n in g.dense_nodes() {
                if needed.contains(&n.id()) {
                    coords.insert(n.id(), [n.lon(), n.lat()]);
                }
            }
        }
    })?;

    progress.start("OSM: building records", Some((base + rels.len()) as u64));
    for w in &ways[..base] {
        way_features(&mut batch, opts, w, &coords);
        progress.advance(1);
    }
    for r in &rels {
        relation_features(&mut batch, opts, r, &ways, &way_refs, &coords);
        progress.advance(1);
    }
    progress.finish();
    Ok(batch.finish(&["roads", "buildings", "stations", "water_sources"]))
}

/// The tags of a node that may be a station or water source (most nodes have no tags at all, so
/// nothing is allocated for them).
fn poi_tags<'a>(tags: impl Iterator<Item = (&'a str, &'a str)> + Clone) -> Option<Tags> {
    let wanted = tags.clone().any(|(k, v)| (k == "amenity" && v == "fire_station") || k == "emergency");
    wanted.then(|| Tags::of(tags))
}

/// What [`scan`] saw.
struct ScanInfo {
    blobs: usize,
    saw_header: bool,
}

/// Reads the file blob by blob, decoding the data blobs for which `wanted(index)` holds and passing
/// them to `f`. A decoder panic on a corrupt block is turned into a format error.
fn scan(
    path: &Path,
    name: &str,
    label: &str,
    total: Option<u64>,
    progress: &dyn Progress,
    wanted: impl Fn(usize) -> bool,
    mut f: impl FnMut(usize, &PrimitiveBlock),
) -> Result<ScanInfo, ImportError> {
    let file = File::open(path).map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
    let reader = BlobReader::new(BufReader::new(file));
    let mut info = ScanInfo { blobs: 0, saw_header: false };
    progress.start(label, total);
    for (i, blob) in reader.enumerate() {
        info.blobs = i + 1;
        progress.advance(1);
        let blob = blob.map_err(|e| ImportError::format(name, format!("blob {i}: {e}")))?;
        if !wanted(i) {
            continue;
        }
        let decoded = blob.decode().map_err(|e| ImportError::format(name, format!("blob {i}: {e}")))?;
        match decoded {
            BlobDecode::OsmHeader(_) => info.saw_header = true,
            BlobDecode::OsmData(block) => {
                if i == 0 {
                    return Err(ImportError::format(name, "the file does not start with an OSMHeader block"));
                }
                catch_unwind(AssertUnwindSafe(|| f(i, &block)))
                    .map_err(|_| ImportError::format(name, format!("blob {i}: corrupt data block")))?;
            }
            BlobDecode::Unknown(_) => {}
        }
    }
    progress.finish();
    Ok(info)
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
