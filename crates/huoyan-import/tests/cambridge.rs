//! The City of Cambridge (MA) GIS layers imported through the shipped mapping files, and hostile
//! GeoJSON input.

use std::collections::BTreeMap;
use std::path::PathBuf;

use huoyan_domain::{JurisdictionLevel, RoadClass, StationKind, WaterStatus};
use huoyan_import::{ImportBatch, ImportError, Mapping, NoProgress, read_geojson};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn mapping(name: &str) -> Mapping {
    let text = std::fs::read_to_string(root().join("mappings/cambridge").join(name)).expect("mapping file");
    Mapping::from_toml(&text).expect("mapping parses")
}

fn import(data: &str, map: &str) -> ImportBatch {
    let bytes = std::fs::read(root().join("../../data/cambridge_ma").join(data)).expect("data file");
    let batch = read_geojson(&bytes, &mapping(map), &NoProgress).expect("layer imports");
    println!("{map}: imported {:?}, skipped {:?}", batch.report.imported, batch.report.skipped);
    batch
}

#[test]
fn fire_stations() {
    let b = import("Public_Safety/Fire_Stations/PUBLICSAFETY_FireStations.geojson", "stations.toml");
    assert_eq!(b.stations.len(), 8);
    assert_eq!(b.report.imported.get("stations"), Some(&8));
    let special: Vec<_> = b.stations.iter().filter(|s| s.kind == StationKind::Special).collect();
    assert_eq!(special.len(), 1);
    assert_eq!(special[0].name, "剑桥消防总部 (Fire Headquarters)");
    assert_eq!(special[0].address.as_deref(), Some("491 Broadway"));
    assert_eq!(special[0].phone.as_deref(), Some("617-491-9571"));
    assert!(b.stations.iter().all(|s| s.id == 0 && s.jurisdiction_id == 0));
    assert!(
        b.stations.iter().all(|s| s.source_ref.as_deref().is_some_and(|r| r.starts_with("cambridge-fire-station:{")))
    );
    assert!(b.report.skipped.is_empty());
}

#[test]
fn hydrants() {
    let b = import("Infra/Hydrants/INFRA_Hydrants.geojson", "hydrants.toml");
    assert_eq!(b.water_sources.len(), 1960);
    let mut by_status: BTreeMap<WaterStatus, usize> = BTreeMap::new();
    for w in &b.water_sources {
        *by_status.entry(w.status).or_default() += 1;
    }
    assert_eq!(by_status.get(&WaterStatus::Intact), Some(&1940));
    assert_eq!(by_status.get(&WaterStatus::Unverified), Some(&16));
    assert_eq!(by_status.get(&WaterStatus::Disabled), Some(&4));
    let with_flow = b.water_sources.iter().filter(|w| w.flow_lps.is_some()).count();
    assert_eq!(with_flow, 1848);
    let first = &b.water_sources[0];
    assert_eq!(first.code.as_deref(), Some("PH6000"));
    // 1475 US gpm = 93.058045 L/s, kept to 0.1 L/s as the mapping says (`decimals = 1`).
    assert_eq!(first.flow_lps, Some(93.1));
    assert_eq!(first.source_ref.as_deref(), Some("cambridge-hydrant:1"));
    let tested = b.water_sources.iter().filter(|w| w.last_inspected.is_some()).count();
    assert_eq!(tested, 642);
    assert!(b.water_sources.iter().filter_map(|w| w.last_inspected.as_deref()).all(|d| ("2016".."2027").contains(&d)));
    let refs: std::collections::HashSet<_> = b.water_sources.iter().map(|w| w.source_ref.clone()).collect();
    assert_eq!(refs.len(), 1960, "source refs are unique");
}

#[test]
fn street_centrelines() {
    let b = import("Trans/Street_Centerlines/TRANS_Centerlines.geojson", "streets.toml");
    assert_eq!(b.roads.len(), 2643);
    let km = b.report.road_km;
    println!("cambridge streets: {km:.1} km");
    assert!((km - 251.0).abs() < 2.5, "{km}");
    let first = &b.roads[0];
    assert_eq!((first.from_node, first.to_node), (Some(1097), Some(1094)));
    assert_eq!(first.name, "Cambridge St");
    assert_eq!(first.class, RoadClass::Secondary);
    assert_eq!(first.source_ref.as_deref(), Some("cambridge-street:Cambrid_St_29"));
    let topo = b.roads.iter().filter(|r| r.from_node.is_some() && r.to_node.is_some()).count();
    assert_eq!(topo, 2642, "one segment has no FromNode");
    let count = |f: &dyn Fn(&huoyan_domain::Road) -> bool| b.roads.iter().filter(|r| f(r)).count();
    assert_eq!(count(&|r| r.oneway == 1), 435);
    assert_eq!(count(&|r| r.oneway == -1), 502);
    assert_eq!(count(&|r| r.class == RoadClass::Primary), 284);
    assert_eq!(count(&|r| r.class == RoadClass::Secondary), 633);
    assert_eq!(count(&|r| r.class == RoadClass::Residential), 2643 - 284 - 633);
}

#[test]
fn boundaries() {
    let city = import("Boundary/City_Boundary/BOUNDARY_CityBoundary.geojson", "boundary.toml");
    assert_eq!(city.jurisdictions.len(), 1);
    let j = &city.jurisdictions[0];
    assert_eq!(
        (j.level, j.name.as_str(), j.id, j.parent_id, j.path.as_str()),
        (JurisdictionLevel::County, "剑桥城区 (Cambridge)", 0, None, "")
    );
    assert_eq!(city.report.imported.get("jurisdictions"), Some(&1));

    let d =
        import("Public_Safety/Fire_Engine_Districts/PUBLICSAFETY_FireEngineDistricts.geojson", "engine_districts.toml");
    assert_eq!(d.jurisdictions.len(), 8);
    assert!(d.jurisdictions.iter().all(|j| j.level == JurisdictionLevel::Township));
    let mut names: Vec<_> = d.jurisdictions.iter().map(|j| j.name.clone()).collect();
    names.sort();
    assert_eq!(names[0], "Engine 1 辖区");
    assert_eq!(names[7], "Engine 9 辖区");
}

// ---- hostile input ----

const HYDRANTS: &str = r#"
layer = "water_sources"
source_prefix = "t"
[fields]
code = "ID"
flow_lps = "FLOW"
[defaults]
kind = "hydrant_above"
"#;

fn read(json: &str, map: &str) -> Result<ImportBatch, ImportError> {
    let m = Mapping::from_toml(map)?;
    read_geojson(json.as_bytes(), &m, &NoProgress)
}

#[test]
fn invalid_json_is_refused_with_position() {
    let err = read(r#"{"type": "FeatureCollection", "features": [}"#, HYDRANTS).expect_err("refused");
    let msg = err.to_string();
    assert!(matches!(err, ImportError::Format { .. }), "{msg}");
    assert!(msg.contains("invalid JSON") && msg.contains("line 1"), "{msg}");
    let err = read(r#"{"type": "Topology"}"#, HYDRANTS).expect_err("refused");
    assert!(err.to_string().contains("Topology"), "{err}");
    let err = read(r#"[1, 2]"#, HYDRANTS).expect_err("refused");
    assert!(err.to_string().contains("no \"type\""), "{err}");
}

#[test]
fn point_where_a_line_is_expected_is_skipped() {
    let map = "layer = \"roads\"\nsource_prefix = \"t\"\n[fields]\nname = \"N\"\n[defaults]\nclass = \"residential\"";
    let json = r#"{"type":"FeatureCollection","features":[
        {"type":"Feature","id":1,"properties":{"N":"ok"},"geometry":{"type":"LineString","coordinates":[[-71.1,42.3],[-71.2,42.4]]}},
        {"type":"Feature","id":2,"properties":{"N":"point"},"geometry":{"type":"Point","coordinates":[-71.1,42.3]}},
        {"type":"Feature","id":3,"properties":{"N":"none"},"geometry":null}]}"#;
    let b = read(json, map).expect("file reads");
    assert_eq!(b.roads.len(), 1);
    assert_eq!(b.report.skipped.len(), 2);
    assert_eq!(b.report.skipped[0].location, "feature 2 (id 2)");
    assert!(b.report.skipped[0].reason.contains("geometry must be a LineString"), "{:?}", b.report.skipped);
    assert!(b.report.skipped[1].reason.contains("no geometry"));
}

#[test]
fn coordinates_out_of_range_and_huge_numbers_are_skipped() {
    let json = r#"{"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"ID":"A","FLOW":"20"},"geometry":{"type":"Point","coordinates":[200.0,95.0]}},
        {"type":"Feature","properties":{"ID":"B","FLOW":"1e400"},"geometry":{"type":"Point","coordinates":[-71.1,42.3]}},
        {"type":"Feature","properties":{"ID":"C","FLOW":"99999999999999999999999"},"geometry":{"type":"Point","coordinates":[-71.1,42.3]}},
        {"type":"Feature","properties":{"ID":"D","FLOW":"abc"},"geometry":{"type":"Point","coordinates":[-71.1,42.3]}},
        {"type":"Feature","properties":{"ID":{"nested":1},"FLOW":12},"geometry":{"type":"Point","coordinates":[-71.1,42.3]}},
        {"type":"Feature","properties":{"ID":"F","FLOW":12},"geometry":{"type":"Point","coordinates":["x"]}},
        {"type":"Feature","properties":{"ID":"G","FLOW":15.5},"geometry":{"type":"Point","coordinates":[-71.1,42.3]}}]}"#;
    let b = read(json, HYDRANTS).expect("file reads");
    assert_eq!(b.water_sources.len(), 1);
    assert_eq!(b.water_sources[0].code.as_deref(), Some("G"));
    let reasons: Vec<&str> = b.report.skipped.iter().map(|s| s.reason.as_str()).collect();
    println!("{reasons:#?}");
    assert!(reasons[0].contains("lon") && reasons[0].contains("lat"), "{}", reasons[0]);
    assert!(reasons[1].contains("flow_lps (FLOW)") && reasons[1].contains("1e400"), "{}", reasons[1]);
    assert!(reasons[2].contains("flow_lps (FLOW)") && reasons[2].contains("outside"), "{}", reasons[2]);
    assert!(reasons[3].contains("\"abc\" 不是数字"), "{}", reasons[3]);
    assert!(reasons[4].contains("code (ID)"), "{}", reasons[4]);
    assert!(reasons[5].contains("not a valid GeoJSON feature"), "{}", reasons[5]);
    assert_eq!(b.report.skipped_total(), 6);
}

#[test]
fn mapping_errors_name_the_field() {
    let err =
        Mapping::from_toml("layer = \"water_sources\"\n[fields]\nkind = \"K\"\nflow = \"F\"").expect_err("refused");
    assert!(matches!(err, ImportError::Mapping(_)));
    assert!(err.to_string().contains("unknown field \"flow\""), "{err}");
    // A property the data does not have: refused rather than silently empty.
    let map = HYDRANTS.replace("\"FLOW\"", "\"FLOW_GPM\"");
    let json = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"ID":"A","FLOW":1},"geometry":{"type":"Point","coordinates":[1,2]}}]}"#;
    let err = read(json, &map).expect_err("refused");
    assert!(err.to_string().contains("\"FLOW_GPM\""), "{err}");
}

#[test]
fn non_wgs84_crs_is_refused() {
    let json = r#"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::2249"}},"features":[]}"#;
    let err = read(json, HYDRANTS).expect_err("refused");
    assert!(err.to_string().contains("WGS84"), "{err}");
}
