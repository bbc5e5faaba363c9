//! OSM XML (what JOSM and Overpass write) gives the same records as the PBF of the same data: the
//! Andorra extract is written out as XML here (with `osmpbf` directly, not through the reader under
//! test), read, and compared with the PBF reader's records (the parser runs unoptimised in tests:
//! about 20 s). A small hand-written file checks gzip and bzip2, JOSM's deleted elements, and that
//! files are told by their bytes.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};

use huoyan_import::limits::code;
use huoyan_import::{ImportBatch, ImportError, NoProgress, OsmOptions, read_osm, read_osm_pbf};
use osmpbf::{Element, ElementReader, RelMemberType};

fn andorra() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/osm/andorra_2026-04-04.osm.pbf")
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c => out.push(c),
        }
    }
    out
}

fn tags<'a>(out: &mut String, tags: impl Iterator<Item = (&'a str, &'a str)>) {
    for (k, v) in tags {
        let _ = write!(out, "<tag k=\"{}\" v=\"{}\"/>", esc(k), esc(v));
    }
}

/// The PBF extract written as OSM XML, as osmium or JOSM would.
fn pbf_to_xml(pbf: &Path) -> String {
    let mut out =
        String::from("<?xml version='1.0' encoding='UTF-8'?>\n<osm version=\"0.6\" generator=\"huoyan test\">\n");
    ElementReader::from_path(pbf)
        .unwrap()
        .for_each(|e| match e {
            Element::Node(n) => {
                let _ = write!(out, "<node id=\"{}\" lat=\"{}\" lon=\"{}\">", n.id(), n.lat(), n.lon());
                tags(&mut out, n.tags());
                out.push_str("</node>\n");
            }
            Element::DenseNode(n) => {
                let _ = write!(out, "<node id=\"{}\" lat=\"{}\" lon=\"{}\"", n.id(), n.lat(), n.lon());
                if n.tags().next().is_none() {
                    out.push_str("/>\n");
                } else {
                    out.push('>');
                    tags(&mut out, n.tags());
                    out.push_str("</node>\n");
                }
            }
            Element::Way(w) => {
                let _ = write!(out, "<way id=\"{}\">", w.id());
                for r in w.refs() {
                    let _ = write!(out, "<nd ref=\"{r}\"/>");
                }
                tags(&mut out, w.tags());
                out.push_str("</way>\n");
            }
            Element::Relation(r) => {
                let _ = write!(out, "<relation id=\"{}\">", r.id());
                for m in r.members() {
                    let kind = match m.member_type {
                        RelMemberType::Node => "node",
                        RelMemberType::Way => "way",
                        RelMemberType::Relation => "relation",
                    };
                    let role = m.role().unwrap_or("");
                    let _ = write!(out, "<member type=\"{kind}\" ref=\"{}\" role=\"{}\"/>", m.member_id, esc(role));
                }
                tags(&mut out, r.tags());
                out.push_str("</relation>\n");
            }
        })
        .unwrap();
    out.push_str("</osm>\n");
    out
}

/// Every record's source reference, by table.
fn refs(b: &ImportBatch) -> Vec<BTreeSet<String>> {
    let set = |it: &mut dyn Iterator<Item = Option<String>>| it.flatten().collect::<BTreeSet<_>>();
    vec![
        set(&mut b.roads.iter().map(|r| r.source_ref.clone())),
        set(&mut b.buildings.iter().map(|r| r.source_ref.clone())),
        set(&mut b.stations.iter().map(|r| r.source_ref.clone())),
        set(&mut b.water_sources.iter().map(|r| r.source_ref.clone())),
    ]
}

fn same(pbf: &ImportBatch, other: &ImportBatch, what: &str) {
    println!(
        "{what}: {} roads ({:.1} km), {} buildings, {} stations, {} water sources; skipped {:?}",
        other.roads.len(),
        other.report.road_km,
        other.buildings.len(),
        other.stations.len(),
        other.water_sources.len(),
        other.report.skipped_by_reason
    );
    assert_eq!(other.report.imported, pbf.report.imported, "{what}");
    assert_eq!(refs(other), refs(pbf), "{what}: the same elements");
    assert_eq!(other.report.skipped_by_reason, pbf.report.skipped_by_reason, "{what}");
    assert!((other.report.road_km - pbf.report.road_km).abs() < 1e-6, "{what}");
    assert_eq!(other.region_name, pbf.region_name, "{what}");
}

#[test]
fn andorra_as_xml_gives_the_pbf_records() {
    let opts = OsmOptions::default();
    let pbf = read_osm_pbf(&andorra(), &opts, &NoProgress).expect("pbf");
    assert_eq!(pbf.roads.len(), 3732);
    assert_eq!(pbf.buildings.len(), 7463);
    println!("region: {:?}", pbf.region_name);
    assert!(pbf.region_name.is_some(), "Andorra's admin_level=2 boundary is in the extract");

    let dir = tempfile::tempdir().unwrap();
    let xml = pbf_to_xml(&andorra());
    let plain = dir.path().join("andorra.osm");
    std::fs::write(&plain, &xml).unwrap();
    same(&pbf, &read_osm(&plain, &opts, &NoProgress).expect("xml"), "andorra.osm");

    drop(xml);

    // The PBF under an XML name is read by its bytes; the XML under a PBF name is named.
    let renamed = dir.path().join("renamed.osm");
    std::fs::copy(andorra(), &renamed).unwrap();
    same(&pbf, &read_osm(&renamed, &opts, &NoProgress).expect("renamed pbf"), "renamed.osm");
    let wrong = dir.path().join("wrong.osm.pbf");
    std::fs::copy(&plain, &wrong).unwrap();
    let err = read_osm_pbf(&wrong, &opts, &NoProgress).expect_err("XML is not PBF");
    assert_eq!(err.code(), code::WRONG_FORMAT, "{err}");
    assert!(err.to_string().contains("OSM XML"), "{err}");
}

/// A hand-written extract (`tests/data/small.osm`, as JOSM saves): a county boundary, a road, a
/// building, a station, a hydrant, and a road JOSM marks deleted.
const SMALL_OSM: &str = include_str!("data/small.osm");

#[test]
fn a_small_josm_file_plain_gzip_and_bzip2() {
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("small.osm");
    std::fs::write(&plain, SMALL_OSM).unwrap();
    let bz2 = dir.path().join("small.osm.bz2");
    let mut enc = bzip2::write::BzEncoder::new(std::fs::File::create(&bz2).unwrap(), bzip2::Compression::fast());
    enc.write_all(SMALL_OSM.as_bytes()).unwrap();
    enc.finish().unwrap();
    let gz = dir.path().join("small.osm.gz");
    let mut enc = flate2::write::GzEncoder::new(std::fs::File::create(&gz).unwrap(), flate2::Compression::fast());
    enc.write_all(SMALL_OSM.as_bytes()).unwrap();
    enc.finish().unwrap();
    for path in [&plain, &bz2, &gz] {
        let b = read_osm(path, &OsmOptions::default(), &NoProgress).expect("reads");
        assert_eq!(b.roads.len(), 1, "the deleted way is left out");
        assert_eq!(b.roads[0].name, "人民路 & 东街");
        assert_eq!(b.buildings.len(), 1);
        assert_eq!(b.stations.len(), 1);
        assert_eq!(b.stations[0].name, "城关消防站");
        assert_eq!(b.water_sources.len(), 1);
        assert_eq!(b.region_name.as_deref(), Some("测试县"));
    }
}

#[test]
fn files_that_are_not_osm_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], &str); 5] = [
        ("units.osm", b"PK\x03\x04\x14\x00\x00\x00", "ZIP"),
        ("layer.osm", b"{\"type\":\"FeatureCollection\",\"features\":[]}", "GeoJSON"),
        ("track.osm", b"<?xml version='1.0'?><gpx version='1.1'></gpx>", "<gpx>"),
        ("table.osm", "名称,经度,纬度\n".as_bytes(), "CSV"),
        ("empty.osm", b"", "empty"),
    ];
    for (name, bytes, named) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let err = read_osm(&path, &OsmOptions::default(), &NoProgress).expect_err("refused");
        println!("{name}: {err}");
        assert!(matches!(err, ImportError::WrongFormat { .. }), "{err}");
        assert!(err.to_string().contains(named) && err.to_string().contains(name), "{err}");
    }
    // gzip around something else is named too.
    let path = dir.path().join("layer.osm.gz");
    let mut enc = flate2::write::GzEncoder::new(std::fs::File::create(&path).unwrap(), flate2::Compression::fast());
    enc.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[]}").unwrap();
    enc.finish().unwrap();
    let err = read_osm(&path, &OsmOptions::default(), &NoProgress).expect_err("refused");
    assert!(err.to_string().contains("gzip") && err.to_string().contains("GeoJSON"), "{err}");
}
