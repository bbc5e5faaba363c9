//! The Andorra OpenStreetMap extract (April 2026) against the reference counts in
//! `data/SOURCES.md`: 4 fire stations, 23 hydrants, 7,463 buildings, ~555 km of drivable road.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

use huoyan_domain::{Record, StationKind, WaterKind, WaterStatus};
use huoyan_import::{ImportError, NoProgress, OsmOptions, Progress, read_osm_pbf};

fn andorra() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/osm/andorra_2026-04-04.osm.pbf")
}

/// Counts what the reader reports.
#[derive(Default)]
struct Counting {
    phases: Cell<u32>,
    steps: Cell<u64>,
}

impl Progress for Counting {
    fn start(&self, _label: &str, _total: Option<u64>) {
        self.phases.set(self.phases.get() + 1);
    }
    fn advance(&self, n: u64) {
        self.steps.set(self.steps.get() + n);
    }
    fn finish(&self) {}
}

#[test]
fn andorra_reference_counts() {
    let path = andorra();
    let progress = Counting::default();
    let started = Instant::now();
    let batch = read_osm_pbf(&path, &OsmOptions::default(), &progress).expect("andorra extract reads");
    let elapsed = started.elapsed();
    let r = &batch.report;
    let mut by_class: BTreeMap<&str, (usize, f64)> = BTreeMap::new();
    for road in &batch.roads {
        let e = by_class.entry(road.class.code()).or_default();
        e.0 += 1;
        e.1 += road.length_m / 1000.0;
    }
    let rel_buildings =
        batch.buildings.iter().filter(|b| b.source_ref.as_deref().is_some_and(|s| s.contains("relation"))).count();
    println!(
        "andorra: {} stations, {} water sources, {} buildings ({} from relations), {} roads, {:.1} km, in {:.2?}",
        batch.stations.len(),
        batch.water_sources.len(),
        batch.buildings.len(),
        rel_buildings,
        batch.roads.len(),
        r.road_km,
        elapsed
    );
    println!("roads by class: {by_class:?}");
    println!("skipped: {:?}", r.skipped_by_reason);
    assert!(progress.phases.get() >= 3 && progress.steps.get() > 0);
    assert_eq!(batch.stations.len(), 4);
    assert_eq!(batch.roads.len(), 3732);
    assert_eq!(r.imported.get("roads"), Some(&3732));
    assert_eq!(r.imported.get("buildings"), Some(&7463));
    assert!(batch.stations.iter().all(|s| s.kind == StationKind::Level1 && s.validate().is_ok()));
    assert!(batch.water_sources.iter().all(|w| w.kind.is_hydrant() && w.status == WaterStatus::Unverified));
    assert!(
        batch
            .roads
            .iter()
            .all(|r| r.id == 0 && r.jurisdiction_id == 0 && r.from_node.is_some() && r.validate().is_ok())
    );
    assert!(batch.buildings.iter().all(|b| b.validate().is_ok()));
    assert!(batch.roads.iter().all(|r| r.source_ref.as_deref().is_some_and(|s| s.starts_with("osm:way/"))));
    assert!(batch.water_sources.iter().all(|w| w.source_ref.as_deref().is_some_and(|s| s.starts_with("osm:node/"))));
    assert!(batch.water_sources.iter().any(|w| w.kind == WaterKind::HydrantAbove));
    assert_eq!(batch.water_sources.len(), 23);
    assert_eq!(batch.buildings.len(), 7463);
    assert!((r.road_km - 555.0).abs() <= 5.55, "road km {}", r.road_km);
}

#[test]
fn tracks_are_opt_in() {
    let opts = OsmOptions { station_kind: StationKind::GovFullTime, include_tracks: true };
    let batch = read_osm_pbf(&andorra(), &opts, &NoProgress).expect("reads");
    println!("with tracks: {} ways, {:.1} km", batch.roads.len(), batch.report.road_km);
    assert!(batch.roads.len() > 3732 && batch.report.road_km > 800.0);
    assert!(batch.stations.iter().all(|s| s.kind == StationKind::GovFullTime));
}

#[test]
fn files_that_are_not_pbf_are_refused() {
    let dir = std::env::temp_dir().join(format!("huoyan-import-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let cases: [(&str, &[u8]); 3] = [
        ("text.osm.pbf", b"<?xml version='1.0'?><osm></osm>\n"),
        ("empty.osm.pbf", b""),
        ("short.osm.pbf", &[0, 0, 0, 5, 1, 2]),
    ];
    for (name, bytes) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).expect("write");
        let err = read_osm_pbf(&path, &OsmOptions::default(), &NoProgress).expect_err("refused");
        println!("{name}: {err}");
        if name == "text.osm.pbf" {
            // OSM XML under a PBF name is named as what it is.
            assert!(matches!(err, ImportError::WrongFormat { .. }) && err.to_string().contains("OSM XML"), "{err}");
        } else {
            assert!(matches!(err, ImportError::Format { .. }), "{name}: {err}");
        }
        assert!(err.to_string().contains(name), "{err}");
    }
    // Truncating a real extract in the middle of a blob.
    let real = std::fs::read(andorra()).expect("read");
    let path = dir.join("truncated.osm.pbf");
    std::fs::write(&path, &real[..real.len() / 2]).expect("write");
    let err = read_osm_pbf(&path, &OsmOptions::default(), &NoProgress).expect_err("refused");
    println!("truncated: {err}");
    assert!(matches!(err, ImportError::Format { .. }), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
    let err = read_osm_pbf(&dir.join("missing.osm.pbf"), &OsmOptions::default(), &NoProgress).expect_err("refused");
    assert!(matches!(err, ImportError::Io(_)) && err.to_string().contains("missing.osm.pbf"), "{err}");
}
