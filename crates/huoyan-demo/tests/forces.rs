//! Micro fire stations at key units, and vehicles and crews by station kind (建标152-2017).

mod common;

use std::collections::{HashMap, HashSet};

use huoyan_demo::{DEFAULT_SEED, generate_crews, generate_micro_stations, generate_units};
use huoyan_domain::{
    Record, RuleSet, Station, StationKind, StationStatus, Unit, UnitClass, VehicleFamily, VehicleStatus,
};

use common::grid;

/// Units as the store would hold them: ids assigned and classes computed.
fn stored_units() -> Vec<Unit> {
    let rules = RuleSet::national_baseline();
    let mut units = generate_units(&grid(), 2000, DEFAULT_SEED);
    for (i, u) in units.iter_mut().enumerate() {
        u.id = i as i64 + 1;
        rules.apply(u);
    }
    units
}

fn station(id: i64, name: &str, kind: StationKind) -> Station {
    Station {
        id,
        jurisdiction_id: 1,
        name: name.into(),
        kind,
        status: StationStatus::OnDuty,
        address: None,
        lon: 106.25,
        lat: 38.28,
        duty_strength: 0,
        phone: None,
        unit_id: None,
        source_ref: None,
    }
}

fn all_kinds() -> Vec<Station> {
    StationKind::ALL.iter().enumerate().map(|(i, k)| station(i as i64 + 1, &format!("城东{}", k.zh()), *k)).collect()
}

#[test]
fn micro_stations_go_to_key_units_a_few_metres_away() {
    let units = stored_units();
    let micro = generate_micro_stations(&units, 12, DEFAULT_SEED);
    assert_eq!(micro.len(), 12);
    assert_eq!(micro, generate_micro_stations(&units, 12, DEFAULT_SEED));
    assert_ne!(micro, generate_micro_stations(&units, 12, DEFAULT_SEED + 1));
    let by_id: HashMap<i64, &Unit> = units.iter().map(|u| (u.id, u)).collect();
    let mut seen = HashSet::new();
    for s in &micro {
        assert_eq!(s.validate(), Ok(()), "{s:?}");
        assert_eq!((s.id, s.jurisdiction_id, s.kind), (0, 0, StationKind::Micro));
        assert!(s.duty_strength >= 6, "{s:?}");
        let unit = by_id[&s.unit_id.expect("unit_id set")];
        assert!(seen.insert(unit.id), "two stations at unit {}", unit.id);
        assert!(unit.classes.iter().any(|c| matches!(c, UnitClass::KeyUnit | UnitClass::HighRisk)), "{unit:?}");
        let d = huoyan_domain::geometry::distance_m((s.lon, s.lat), (unit.lon, unit.lat));
        assert!((4.0..=21.0).contains(&d), "{d}");
        assert!(s.name.ends_with("微型消防站") && s.name.starts_with(&unit.name));
    }
    // 火灾高危单位 are served first.
    let high = units.iter().filter(|u| u.classes.contains(&UnitClass::HighRisk)).count();
    let served_high =
        micro.iter().filter(|s| by_id[&s.unit_id.unwrap()].classes.contains(&UnitClass::HighRisk)).count();
    assert_eq!(served_high, high.min(12));
}

#[test]
fn micro_stations_classify_unclassified_units_and_skip_unsaved_ones() {
    let mut units = stored_units();
    for u in &mut units {
        u.classes.clear();
    }
    assert_eq!(generate_micro_stations(&units, 5, 1).len(), 5);
    for u in &mut units {
        u.id = 0;
    }
    assert!(generate_micro_stations(&units, 5, 1).is_empty());
    assert!(generate_micro_stations(&[], 5, 1).is_empty());
    assert!(generate_micro_stations(&stored_units(), 0, 1).is_empty());
    // Asking for more than qualify gives what qualifies.
    let units = stored_units();
    let key = units
        .iter()
        .filter(|u| u.classes.iter().any(|c| matches!(c, UnitClass::KeyUnit | UnitClass::HighRisk)))
        .count();
    assert_eq!(generate_micro_stations(&units, usize::MAX, 1).len(), key);
}

#[test]
fn crews_follow_jianbiao_152_by_station_kind() {
    let stations = all_kinds();
    let crews = generate_crews(&stations, DEFAULT_SEED);
    assert_eq!(crews, generate_crews(&stations, DEFAULT_SEED));
    assert_ne!(crews, generate_crews(&stations, DEFAULT_SEED + 1));
    assert_eq!(crews.duty_strength.len(), stations.len());
    for s in &stations {
        let vehicles: Vec<_> = crews.vehicles.iter().filter(|v| v.station_id == s.id).collect();
        let people: Vec<_> = crews.personnel.iter().filter(|p| p.station_id == s.id).collect();
        let on_duty = people.iter().filter(|p| p.on_duty).count() as i64;
        let duty = crews.duty_strength.iter().find(|(id, _)| *id == s.id).map(|(_, d)| *d).unwrap();
        assert_eq!(duty, on_duty, "{}", s.name);
        let n = vehicles.len();
        let (vehicles_ok, duty_ok) = match s.kind {
            StationKind::Special => ((8..=11).contains(&n), (45..=60).contains(&duty)),
            StationKind::Level1 => ((5..=7).contains(&n), (30..=45).contains(&duty)),
            StationKind::Level2 => ((2..=4).contains(&n), (15..=25).contains(&duty)),
            StationKind::Small => (n == 2, duty == 15),
            StationKind::Logistics => ((8..=11).contains(&n), (40..=55).contains(&duty)),
            StationKind::Micro => (n <= 1, (6..=8).contains(&duty)),
            _ => ((1..=4).contains(&n), duty >= 6),
        };
        assert!(vehicles_ok, "{}: {n} vehicles", s.name);
        assert!(duty_ok, "{}: {duty} on duty", s.name);
        if s.kind == StationKind::Logistics {
            assert!(vehicles.iter().all(|v| v.family == VehicleFamily::Support));
        }
        if !matches!(s.kind, StationKind::Micro | StationKind::Logistics) {
            assert!(duty >= 6 * n as i64 - 6, "{}: {duty} for {n} vehicles", s.name);
            assert!(people.len() as i64 > duty, "{}: no off-duty shift", s.name);
        }
        for v in &vehicles {
            assert!(v.name.starts_with("城东 ") || v.name.starts_with("城东"), "{}", v.name);
        }
    }
    for v in &crews.vehicles {
        assert_eq!(v.validate(), Ok(()), "{v:?}");
        assert!((2..=8).contains(&v.seats));
        assert!((2008..=2025).contains(&v.year_in_service.unwrap()));
        if v.vehicle_type == "水罐消防车" {
            assert!((6000.0..=12_000.0).contains(&v.water_l.unwrap()));
        }
    }
    for p in &crews.personnel {
        assert_eq!(p.validate(), Ok(()), "{p:?}");
        assert!(!p.certificates.is_empty());
    }
    let plates: HashSet<_> = crews.vehicles.iter().map(|v| v.plate.clone()).collect();
    assert_eq!(plates.len(), crews.vehicles.len());
    let maintenance = crews.vehicles.iter().filter(|v| v.status == VehicleStatus::Maintenance).count();
    assert!((1..=2).contains(&maintenance), "{maintenance}");
}

#[test]
fn posts_include_a_station_chief_drivers_and_firefighters() {
    let crews = generate_crews(&[station(7, "Fire Company 2", StationKind::Level1)], 3);
    let posts: HashSet<_> = crews.personnel.iter().filter_map(|p| p.post.as_deref()).collect();
    for post in ["站长", "指导员", "班长", "驾驶员", "战斗员", "通信员"] {
        assert!(posts.contains(post), "{post} missing from {posts:?}");
    }
    assert!(crews.vehicles.iter().any(|v| v.name == "Company 2 水罐1"), "{:?}", crews.vehicles);
    let drivers_ok = crews
        .personnel
        .iter()
        .filter(|p| p.post.as_deref() == Some("驾驶员"))
        .all(|p| p.certificates.iter().any(|c| c == "驾驶证A2"));
    assert!(drivers_ok);
}

#[test]
fn stations_without_ids_or_no_stations_give_empty_crews() {
    assert_eq!(generate_crews(&[], 1), Default::default());
    let crews = generate_crews(&[station(0, "未入库站", StationKind::Level1)], 1);
    assert!(crews.vehicles.is_empty() && crews.personnel.is_empty() && crews.duty_strength.is_empty());
}
