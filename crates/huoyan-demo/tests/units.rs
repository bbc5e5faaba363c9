//! Generated units on a synthetic street grid: reproducible, valid, placed at the kerb, unique,
//! and classified by the national baseline into realistic shares.

mod common;

use std::collections::{HashMap, HashSet};

use huoyan_demo::{DEFAULT_SEED, generate_units};
use huoyan_domain::{Record, RoadClass, UseCategory};

use common::{class_counts, distance_to_roads, grid, road};

#[test]
fn same_seed_same_units_other_seed_other_units() {
    let roads = grid();
    let a = generate_units(&roads, 500, DEFAULT_SEED);
    let b = generate_units(&roads, 500, DEFAULT_SEED);
    let c = generate_units(&roads, 500, DEFAULT_SEED + 1);
    assert_eq!(a.len(), 500);
    assert_eq!(a, b);
    assert_ne!(a, c);
}

#[test]
fn every_unit_validates_and_is_a_fresh_record() {
    for u in generate_units(&grid(), 3000, 7) {
        assert_eq!(u.validate(), Ok(()), "{u:?}");
        assert_eq!((u.id, u.jurisdiction_id), (0, 0));
        assert!(u.classes.is_empty() && u.class_reasons.is_empty());
        assert!(u.source_ref.as_deref().is_some_and(|s| s.starts_with("demo:unit/")));
    }
}

#[test]
fn classes_have_a_realistic_spread() {
    for seed in [DEFAULT_SEED, 1, 2] {
        let counts = class_counts(&generate_units(&grid(), 3000, seed));
        counts.assert_realistic();
    }
}

#[test]
fn units_stand_beside_a_usable_road() {
    let roads = grid();
    for u in generate_units(&roads, 1000, 3) {
        let d = distance_to_roads(&roads, (u.lon, u.lat));
        assert!((7.0..=40.0).contains(&d), "{} is {d:.1} m from the nearest road", u.name);
        assert!(!u.address.as_deref().unwrap_or_default().contains("高速"), "{:?}", u.address);
        assert!(!u.address.as_deref().unwrap_or_default().contains("封闭巷"), "{:?}", u.address);
    }
}

#[test]
fn names_and_credit_codes_are_unique() {
    let units = generate_units(&grid(), 4000, 11);
    let names: HashSet<_> = units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names.len(), units.len());
    let codes: Vec<_> = units.iter().filter_map(|u| u.uscc.as_deref()).collect();
    assert!(codes.len() > units.len() * 9 / 10);
    assert_eq!(codes.iter().collect::<HashSet<_>>().len(), codes.len());
}

#[test]
fn register_looks_like_a_county_register() {
    let units = generate_units(&grid(), 3000, DEFAULT_SEED);
    let mut by_cat: HashMap<UseCategory, usize> = HashMap::new();
    for u in &units {
        *by_cat.entry(u.use_category).or_default() += 1;
    }
    // Many shops and restaurants; at least one of each rare category.
    assert!(by_cat[&UseCategory::Shop] > 300 && by_cat[&UseCategory::Restaurant] > 200, "{by_cat:?}");
    for cat in [UseCategory::Hospital, UseCategory::Sports, UseCategory::Auditorium, UseCategory::Heritage] {
        assert!(by_cat.get(&cat).copied().unwrap_or(0) >= 1, "{cat:?} missing");
    }
    // Some attributes are missing, as in a real register, but most are recorded.
    let with_area = units.iter().filter(|u| u.metrics.building_area_m2.is_some()).count();
    assert!((0.9 * 3000.0..0.99 * 3000.0).contains(&(with_area as f64)), "{with_area}");
    // Heights follow floors at 3–4.5 m a storey.
    for u in &units {
        if let (Some(f), Some(h)) = (u.metrics.floors, u.metrics.height_m)
            && u.use_category != UseCategory::Sports
        {
            let per = h / f as f64;
            assert!((2.95..=4.55).contains(&per), "{} floors {f} height {h}", u.name);
        }
        if let (Some(f), Some(at)) = (u.metrics.floors, u.metrics.floor_located) {
            assert!(at <= f, "{} on floor {at} of {f}", u.name);
        }
    }
    // Mobile numbers and managers' names.
    assert!(units.iter().filter_map(|u| u.phone.as_deref()).all(|p| p.len() == 11 && p.starts_with('1')));
    assert!(units.iter().filter_map(|u| u.safety_manager.as_deref()).all(|n| (2..=4).contains(&n.chars().count())));
}

#[test]
fn no_usable_road_or_no_count_gives_nothing() {
    assert!(generate_units(&[], 100, 1).is_empty());
    assert!(generate_units(&grid(), 0, 1).is_empty());
    let motorway = road("高速", RoadClass::Motorway, vec![(106.2, 38.3), (106.3, 38.3)]);
    let track = road("机耕路", RoadClass::Track, vec![(106.2, 38.3), (106.3, 38.3)]);
    let point_like = road("断头路", RoadClass::Residential, vec![(106.2, 38.3), (106.2, 38.3)]);
    assert!(generate_units(&[motorway, track, point_like], 100, 1).is_empty());
}

#[test]
fn a_single_short_road_still_gives_unique_units() {
    let lane = road("Short Ln", RoadClass::Residential, vec![(-71.1, 42.37), (-71.0995, 42.37)]);
    let units = generate_units(&[lane], 800, 5);
    assert_eq!(units.len(), 800);
    assert_eq!(units.iter().map(|u| &u.name).collect::<HashSet<_>>().len(), 800);
    assert!(units.iter().all(|u| u.validate().is_ok()));
}
