//! Reading an OpenStreetMap extract: [`read_osm`] tells the format from the bytes (PBF, or XML —
//! plain, gzip or bzip2 — read by `osm_xml.rs`), [`read_osm_pbf`] reads PBF only. What the
//! elements become is `osm_records.rs`, the same for every format.
//!
//! The PBF is read in up to three passes (see `osm_records.rs`); pass 1 notes which blobs hold
//! nodes or ways, so the later passes skip decompressing the others. Before anything is decoded,
//! every blob's declared size is checked against [`crate::limits::MAX_PBF_BLOB_BYTES`].

use std::io::BufReader;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use huoyan_domain::{RoadClass, StationKind};
use osmpbf::{BlobDecode, BlobReader, PrimitiveBlock, RelMemberType};

use crate::batch::{ImportBatch, Progress};
use crate::error::ImportError;
use crate::osm_format::{self, Format, check_pbf_framing, file_name};
use crate::osm_records::{Collector, poi_tags};
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
    pub(crate) fn road_class(&self, highway: &str) -> Option<RoadClass> {
        t::road_class(highway).filter(|c| self.include_tracks || *c != RoadClass::Track)
    }
}

const HAS_NODES: u8 = 1;
const HAS_WAYS: u8 = 2;

/// What any OSM reader accepts, for messages.
const OSM_FORMATS: &str = "OpenStreetMap 数据 (OpenStreetMap data: .osm.pbf, .osm, .osm.gz, .osm.bz2)";

/// Reads an OpenStreetMap extract in any of its formats, told from the bytes whatever the file is
/// called: PBF, or XML (`.osm`, as JOSM and Overpass write it) plain, gzip- or bzip2-compressed.
/// A file in another format is refused with an [`ImportError::WrongFormat`] naming what it is.
pub fn read_osm(path: &Path, opts: &OsmOptions, progress: &dyn Progress) -> Result<ImportBatch, ImportError> {
    match osm_format::sniff(path)? {
        Format::Pbf => read_pbf(path, opts, progress),
        Format::Xml(compression) => crate::osm_xml::read_osm_xml(path, compression, opts, progress),
        other => Err(ImportError::WrongFormat {
            file: file_name(path),
            found: other.describe(),
            expected: OSM_FORMATS.into(),
            hint: String::new(),
        }),
    }
}

/// Reads an `.osm.pbf` extract into roads, buildings, stations and water sources. A file whose
/// bytes show another format (OSM XML, a spreadsheet …) is refused naming it; [`read_osm`] reads
/// XML too.
pub fn read_osm_pbf(path: &Path, opts: &OsmOptions, progress: &dyn Progress) -> Result<ImportBatch, ImportError> {
    match osm_format::sniff(path)? {
        Format::Pbf => {}
        // Too short or damaged to tell: the PBF reader says what is wrong.
        Format::Unknown(_) => {}
        other => {
            return Err(ImportError::WrongFormat {
                file: file_name(path),
                found: other.describe(),
                expected: "OSM PBF".into(),
                hint: if matches!(other, Format::Xml(_)) {
                    ": `huoyan import osm` (huoyan_import::read_osm) reads OSM XML".into()
                } else {
                    String::new()
                },
            });
        }
    }
    read_pbf(path, opts, progress)
}

fn read_pbf(path: &Path, opts: &OsmOptions, progress: &dyn Progress) -> Result<ImportBatch, ImportError> {
    let name = file_name(path);
    check_pbf_framing(path)?;
    let mut c = Collector::new(name.clone(), opts);
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
            for group in block.groups() {
                for n in group.nodes() {
                    has_nodes = true;
                    c.node(n.id(), n.lon(), n.lat(), poi_tags(n.tags()));
                }
                for n in group.dense_nodes() {
                    has_nodes = true;
                    c.node(n.id(), n.lon(), n.lat(), poi_tags(n.tags()));
                }
                for w in group.ways() {
                    has_ways = true;
                    let tags = Tags::of(w.tags());
                    if c.wants_way(&tags) {
                        c.way(w.id(), w.refs().collect(), tags);
                    }
                }
                for r in group.relations() {
                    let tags = Tags::of(r.tags());
                    if c.wants_relation(&tags) {
                        let members = r
                            .members()
                            .filter(|m| m.member_type == RelMemberType::Way)
                            .map(|m| (m.member_id, m.role().unwrap_or("").to_string()))
                            .collect();
                        c.relation(r.id(), tags, members);
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
    if !c.end_elements().is_empty() {
        let wanted = |i: usize| kinds.get(i).is_some_and(|k| k & HAS_WAYS != 0);
        scan(path, &name, "OSM 2/3: member ways", total, progress, wanted, |_, block| {
            for w in block.groups().flat_map(|g| g.ways().collect::<Vec<_>>()) {
                if c.wants_member_way(w.id()) {
                    c.member_way(w.id(), w.refs().collect());
                }
            }
        })?;
    }
    c.end_member_ways();

    // Pass 3: coordinates of every node the kept ways use.
    let wanted = |i: usize| kinds.get(i).is_some_and(|k| k & HAS_NODES != 0);
    scan(path, &name, "OSM 3/3: node coordinates", total, progress, wanted, |_, block| {
        for g in block.groups() {
            for n in g.nodes() {
                c.coord(n.id(), n.lon(), n.lat());
            }
            for n in g.dense_nodes() {
                c.coord(n.id(), n.lon(), n.lat());
            }
        }
    })?;
    Ok(c.finish(progress))
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
    let reader = BlobReader::new(BufReader::new(osm_format::open(path)?));
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
