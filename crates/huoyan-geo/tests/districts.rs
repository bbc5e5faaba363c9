//! Plausibility of the travel-time model on Cambridge: each street segment is given to the station
//! that reaches its midpoint first by road (the computed first-due district) and compared with the
//! city's official engine first-due districts. The agreement, as a share of street length, is
//! printed (`cargo test --release -p huoyan-geo --test districts -- --nocapture`) and recorded in
//! `docs/BENCHMARKS.md`; the test fails if it drops below the recorded level.

use geo::Contains;
use huoyan_domain::Road;
use huoyan_domain::geometry::length_m;
use huoyan_geo::{Profile, Router};
use huoyan_import::{Mapping, NoProgress, read_geojson};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/cambridge_ma");

fn layer(file: &str, mapping: &str) -> huoyan_import::ImportBatch {
    let bytes = std::fs::read(format!("{DATA}/{file}")).unwrap();
    read_geojson(&bytes, &Mapping::from_toml(mapping).unwrap(), &NoProgress).unwrap()
}

/// The engine company of a station name: the headquarters houses Engine 1.
fn engine_of_station(name: &str) -> Option<u32> {
    if name.contains("Headquarters") {
        return Some(1);
    }
    name.split("Fire Company ").nth(1)?.trim_end_matches(')').trim().parse().ok()
}

/// The point halfway along a line.
fn midpoint(r: &Road) -> Option<(f64, f64)> {
    let geojson::Value::LineString(c) = &r.geometry.value else { return None };
    let total = length_m(&r.geometry);
    let mut acc = 0.0;
    for w in c.windows(2) {
        let l = huoyan_domain::geometry::distance_m((w[0][0], w[0][1]), (w[1][0], w[1][1]));
        if acc + l >= total / 2.0 && l > 0.0 {
            let t = (total / 2.0 - acc) / l;
            return Some((w[0][0] + t * (w[1][0] - w[0][0]), w[0][1] + t * (w[1][1] - w[0][1])));
        }
        acc += l;
    }
    c.first().map(|p| (p[0], p[1]))
}

#[test]
fn computed_first_due_districts_agree_with_the_official_ones() {
    let roads = layer(
        "Trans/Street_Centerlines/TRANS_Centerlines.geojson",
        include_str!("../../huoyan-import/mappings/cambridge/streets.toml"),
    )
    .roads;
    let stations = layer(
        "Public_Safety/Fire_Stations/PUBLICSAFETY_FireStations.geojson",
        include_str!("../../huoyan-import/mappings/cambridge/stations.toml"),
    )
    .stations;
    let districts: Vec<(u32, geo::MultiPolygon<f64>)> = layer(
        "Public_Safety/Fire_Engine_Districts/PUBLICSAFETY_FireEngineDistricts.geojson",
        include_str!("../../huoyan-import/mappings/cambridge/engine_districts.toml"),
    )
    .jurisdictions
    .into_iter()
    .map(|j| {
        let n: u32 = j.name.trim_start_matches("Engine ").split_whitespace().next().unwrap().parse().unwrap();
        let g: geo::Geometry<f64> = j.boundary.unwrap().try_into().unwrap();
        let mp = match g {
            geo::Geometry::Polygon(p) => geo::MultiPolygon(vec![p]),
            geo::Geometry::MultiPolygon(m) => m,
            other => panic!("district {n} is {other:?}"),
        };
        (n, mp)
    })
    .collect();
    assert_eq!(districts.len(), 8);
    let engines: Vec<u32> = stations.iter().map(|s| engine_of_station(&s.name).unwrap()).collect();
    let mut sorted = engines.clone();
    sorted.sort();
    assert_eq!(sorted, vec![1, 2, 3, 4, 5, 6, 8, 9]);

    let router = Router::new(&roads, &Profile::default()).unwrap();
    let mids: Vec<(usize, (f64, f64))> =
        roads.iter().enumerate().filter_map(|(i, r)| midpoint(r).map(|m| (i, m))).collect();
    let targets: Vec<(f64, f64)> = mids.iter().map(|(_, m)| *m).collect();
    let times: Vec<Vec<Option<f64>>> =
        stations.iter().map(|s| router.travel_times_from((s.lon, s.lat), &targets).unwrap()).collect();

    let (mut agree, mut total, mut unassigned) = (0.0, 0.0, 0.0);
    let mut per: std::collections::BTreeMap<u32, (f64, f64)> = Default::default();
    for (k, (i, m)) in mids.iter().enumerate() {
        let len = roads[*i].length_m;
        let official = districts.iter().find(|(_, mp)| mp.contains(&geo::Point::new(m.0, m.1))).map(|(n, _)| *n);
        let fastest = (0..stations.len())
            .filter_map(|s| times[s][k].map(|t| (t, engines[s])))
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, e)| e);
        match (official, fastest) {
            (Some(o), Some(f)) => {
                total += len;
                let e = per.entry(o).or_default();
                e.1 += len;
                if o == f {
                    agree += len;
                    e.0 += len;
                }
            }
            _ => unassigned += len,
        }
    }
    let share = agree / total;
    println!(
        "Cambridge: computed first-due districts agree with the official engine districts on {:.1} % of {:.1} km of street ({:.1} km outside the districts or unreachable)",
        share * 100.0,
        total / 1000.0,
        unassigned / 1000.0
    );
    for (n, (a, t)) in &per {
        println!("  Engine {n}: {:.1} % of {:.1} km", a / t * 100.0, t / 1000.0);
    }
    assert!(total > 200_000.0, "most of the 251 km lie in a district: {total}");
    assert!(share >= 0.80, "agreement fell to {:.1} %", share * 100.0);
}
