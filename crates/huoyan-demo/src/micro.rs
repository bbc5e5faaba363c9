//! 微型消防站 at key units. 公消〔2015〕301号 asks every 消防安全重点单位 to build one, with at
//! least 6 people and a "3-minute" response to an incipient fire; the demo gives one to the units
//! that need it most: 火灾高危单位 first, then key units where many people sleep, gather or work
//! (hospitals, malls, boarding schools, care homes, hotels, factories …), then other key units.

use huoyan_domain::{RuleSet, Station, StationKind, StationStatus, Unit, UnitClass, UseCategory};
use rand::Rng;

use crate::names::landline;
use crate::place::nearby;
use crate::sample::{STREAM_MICRO, int_between, rng_for};

/// Units where people sleep, gather or work in numbers: first served among key units.
const CROWDED: &[UseCategory] = &[
    UseCategory::Hospital,
    UseCategory::Mall,
    UseCategory::BoardingSchool,
    UseCategory::ElderlyCare,
    UseCategory::Hotel,
    UseCategory::Entertainment,
    UseCategory::LaborIntensive,
    UseCategory::Factory,
    UseCategory::School,
    UseCategory::Kindergarten,
    UseCategory::HazmatPlant,
    UseCategory::FuelStation,
    UseCategory::Sports,
    UseCategory::Auditorium,
    UseCategory::TransportHub,
    UseCategory::Heritage,
    UseCategory::MuseumArchive,
    UseCategory::Warehouse,
];

/// Longest unit name carried into the station's name (characters).
const MAX_UNIT_NAME: usize = 400;

/// Priority tier of a unit (lower first); `None` when it should not get a station.
fn tier(unit: &Unit, classes: &[UnitClass]) -> Option<u8> {
    let crowded = CROWDED.contains(&unit.use_category);
    if classes.contains(&UnitClass::HighRisk) {
        Some(0)
    } else if classes.contains(&UnitClass::KeyUnit) {
        Some(if crowded { 1 } else { 2 })
    } else {
        None
    }
}

fn usable(unit: &Unit) -> bool {
    unit.id > 0 && unit.lon.is_finite() && unit.lat.is_finite() && unit.lon.abs() <= 180.0 && unit.lat.abs() <= 90.0
}

/// Picks up to `count` key or high-risk units and gives each a 微型消防站 a few metres away.
///
/// Units need their store ids (`id > 0`; others are skipped) and their computed `classes`; when no
/// unit carries any class (not yet classified), they are classified here with the national
/// baseline. Stations come out with `id = 0`, `jurisdiction_id = 0`, `kind = Micro`,
/// `unit_id = Some(unit id)`, `duty_strength` 6–8 (公消〔2015〕301号: at least 6) and
/// `source_ref = "demo:micro/<n>"`. Fewer than `count` come out when fewer units qualify.
pub fn generate_micro_stations(units: &[Unit], count: usize, seed: u64) -> Vec<Station> {
    if units.is_empty() || count == 0 {
        return Vec::new();
    }
    let mut rng = rng_for(seed, STREAM_MICRO);
    let rules = units.iter().all(|u| u.classes.is_empty()).then(RuleSet::national_baseline);
    let mut candidates: Vec<(u8, u64, usize)> = Vec::new();
    for (i, unit) in units.iter().enumerate() {
        // Draw for every unit so a unit's tie-break does not depend on the ones before it.
        let tie: u64 = rng.random();
        if !usable(unit) {
            continue;
        }
        let classes = match &rules {
            Some(r) => r.classify(unit).classes,
            None => unit.classes.clone(),
        };
        if let Some(t) = tier(unit, &classes) {
            candidates.push((t, tie, i));
        }
    }
    candidates.sort_unstable();
    let mut stations = Vec::new();
    for (n, (_, _, i)) in candidates.into_iter().take(count).enumerate() {
        let Some(unit) = units.get(i) else { continue };
        let (lon, lat) = nearby(&mut rng, unit.lon, unit.lat, 5.0, 20.0);
        let unit_name: String = unit.name.trim().chars().take(MAX_UNIT_NAME).collect();
        stations.push(Station {
            id: 0,
            jurisdiction_id: 0,
            name: format!("{unit_name}微型消防站"),
            kind: StationKind::Micro,
            status: StationStatus::OnDuty,
            address: unit.address.clone(),
            lon,
            lat,
            duty_strength: int_between(&mut rng, 6, 8),
            phone: Some(landline(&mut rng)),
            unit_id: Some(unit.id),
            source_ref: Some(format!("demo:micro/{}", n + 1)),
        });
    }
    stations
}
