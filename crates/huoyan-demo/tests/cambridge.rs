//! 3,000 units on the real street network of Cambridge, MA (`data/cambridge_ma`, PDDL 1.0): the
//! street file is read directly with `geojson`, each centreline becoming a residential road.

mod common;

use std::collections::BTreeMap;

use geojson::{FeatureCollection, GeoJson};
use huoyan_demo::{DEFAULT_SEED, generate_crews, generate_micro_stations, generate_units};
use huoyan_domain::{Record, Road, RoadAccess, RoadClass, RuleSet, Station, StationKind, StationStatus};

use common::{class_counts, distance_to_roads};

fn cambridge_roads() -> Vec<Road> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/cambridge_ma/Trans/Street_Centerlines/TRANS_Centerlines.geojson"
    );
    let text = std::fs::read_to_string(path).expect("street file present");
    let GeoJson::FeatureCollection(FeatureCollection { features, .. }) =
        text.parse::<GeoJson>().expect("valid GeoJSON")
    else {
        panic!("not a FeatureCollection");
    };
    features
        .into_iter()
        .filter_map(|f| {
            let name = f.property("Street").and_then(|v| v.as_str()).unwrap_or_default().to_string();
            let source_ref = f.property("ID").and_then(|v| v.as_str()).map(|id| format!("cambridge:{id}"));
            let geometry = f.geometry?;
            Some(Road {
                id: 0,
                jurisdiction_id: 0,
                name,
                class: RoadClass::Residential,
                speed_limit_kmh: None,
                oneway: 0,
                access: RoadAccess::Yes,
                from_node: None,
                to_node: None,
                length_m: 0.0,
                geometry,
                source_ref,
            })
        })
        .collect()
}

#[test]
fn three_thousand_units_on_cambridge_streets() {
    let roads = cambridge_roads();
    assert!(roads.len() > 2600, "{}", roads.len());
    let mut units = generate_units(&roads, 3000, DEFAULT_SEED);
    assert_eq!(units.len(), 3000);

    let counts = class_counts(&units);
    let pct = |n: usize| 100.0 * counts.share(n);
    println!(
        "Cambridge, 3000 units, seed {DEFAULT_SEED}: 消防安全重点单位 {} ({:.1} %), 火灾高危单位 {} ({:.1} %), 九小场所 {} ({:.1} %), 三合一场所 {} ({:.1} %)",
        counts.key,
        pct(counts.key),
        counts.high,
        pct(counts.high),
        counts.nine,
        pct(counts.nine),
        counts.three,
        pct(counts.three)
    );
    let mut by_cat: BTreeMap<&str, usize> = BTreeMap::new();
    for u in &units {
        *by_cat.entry(u.use_category.zh()).or_default() += 1;
    }
    println!("by category: {by_cat:?}");
    for u in units.iter().step_by(300) {
        println!("  {} | {} | {} | {:?}", u.name, u.address.as_deref().unwrap_or("-"), u.use_category.zh(), u.uscc);
    }
    counts.assert_realistic();

    for u in &units {
        assert_eq!(u.validate(), Ok(()));
        let d = distance_to_roads(&roads, (u.lon, u.lat));
        assert!(d <= 40.0, "{} is {d:.1} m from a street", u.name);
    }

    // The store's path: ids, classes, then micro stations and crews for them.
    let rules = RuleSet::national_baseline();
    for (i, u) in units.iter_mut().enumerate() {
        u.id = i as i64 + 1;
        rules.apply(u);
    }
    let micro = generate_micro_stations(&units, 10, DEFAULT_SEED);
    assert_eq!(micro.len(), 10);
    let mut stations: Vec<Station> = ["Fire Headquarters", "Fire Company 2", "Fire Company 3"]
        .iter()
        .zip([StationKind::Special, StationKind::Level1, StationKind::Level2])
        .map(|(name, kind)| Station {
            id: 0,
            jurisdiction_id: 1,
            name: name.to_string(),
            kind,
            status: StationStatus::OnDuty,
            address: None,
            lon: -71.1,
            lat: 42.37,
            duty_strength: 0,
            phone: None,
            unit_id: None,
            source_ref: None,
        })
        .chain(micro)
        .collect();
    for (i, s) in stations.iter_mut().enumerate() {
        s.id = i as i64 + 1;
    }
    let crews = generate_crews(&stations, DEFAULT_SEED);
    println!(
        "crews: {} vehicles, {} people; duty {:?}",
        crews.vehicles.len(),
        crews.personnel.len(),
        crews.duty_strength
    );
    for v in crews.vehicles.iter().take(4) {
        println!("  {} {} {:?} {}", v.name, v.vehicle_type, v.plate, v.seats);
    }
    assert!(crews.vehicles.iter().all(|v| v.validate().is_ok()));
}
