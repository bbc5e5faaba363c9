//! Social units (社会单位) on real streets: category, attributes, position, address, name, credit
//! code, safety manager and telephone, all drawn from one seeded stream so a seed gives the same
//! register every time.

use std::collections::HashSet;

use huoyan_domain::{Road, Unit, UseCategory};

use crate::codes::uscc;
use crate::names::{mobile, person_name};
use crate::place::{Placer, Spot};
use crate::profile::{ALWAYS_PRESENT, CATEGORY_WEIGHTS, draw, leave_gaps};
use crate::sample::{DemoRng, STREAM_UNITS, chance, index, rng_for, weighted};
use crate::trade::{unit_name, variant};

/// The most units one call generates (larger requests are cut to this).
pub const MAX_UNITS: usize = 200_000;

/// Share of optional attributes left blank, as in a real register.
const GAP_SHARE: f64 = 0.05;

/// Below this many units the rare categories are left to chance.
const MIN_FOR_FULL_MIX: usize = 500;

/// Longest street name used in names and addresses (characters).
const MAX_STREET_CHARS: usize = 80;

/// `count` categories with the register's weights; from [`MIN_FOR_FULL_MIX`] units on, each rare
/// category of [`ALWAYS_PRESENT`] appears at least once (replacing a drawn shop, restaurant,
/// residence or other unit).
fn categories(rng: &mut DemoRng, count: usize) -> Vec<UseCategory> {
    let mut cats: Vec<UseCategory> =
        (0..count).map(|_| weighted(rng, CATEGORY_WEIGHTS).unwrap_or(UseCategory::Shop)).collect();
    if count >= MIN_FOR_FULL_MIX {
        let common = |c: &UseCategory| {
            matches!(c, UseCategory::Shop | UseCategory::Restaurant | UseCategory::Residential | UseCategory::Other)
        };
        let mut replaceable: Vec<usize> = (0..cats.len()).filter(|&i| cats.get(i).is_some_and(common)).collect();
        for rare in ALWAYS_PRESENT {
            if cats.contains(rare) || replaceable.is_empty() {
                continue;
            }
            let k = index(rng, replaceable.len());
            let i = replaceable.swap_remove(k);
            if let Some(c) = cats.get_mut(i) {
                *c = *rare;
            }
        }
    }
    cats
}

/// FNV-1a, to give each street a stable house-number base.
fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// A house number rising along the street, odd on the left and even on the right.
fn house_number(street: &str, spot: &Spot) -> u32 {
    let base = (fnv(street) % 40) as u32 * 20;
    let along = (spot.frac.clamp(0.0, 1.0) * 150.0) as u32;
    base + along * 2 + if spot.left { 1 } else { 2 }
}

fn truncate(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((i, _)) => s.get(..i).unwrap_or(s).trim_end(),
        None => s,
    }
}

/// A name not yet in `taken`: redraw a few times, then add a street or number suffix.
fn unique_name(
    rng: &mut DemoRng,
    taken: &mut HashSet<String>,
    cat: UseCategory,
    big: bool,
    street: &str,
    number: u32,
) -> String {
    let mut name = unit_name(rng, cat, big, street, number);
    for _ in 0..4 {
        if !taken.contains(&name) {
            break;
        }
        name = unit_name(rng, cat, big, street, number);
    }
    let base = name.clone();
    let mut attempt = 0;
    while taken.contains(&name) {
        name = variant(cat, &base, street, attempt);
        attempt += 1;
    }
    taken.insert(name.clone());
    name
}

/// A credit code not yet in `taken` (codes are 18 characters from 31 symbols, so a repeat is rare;
/// after a few tries the unit is left without one, as some registers have it).
fn unique_uscc(rng: &mut DemoRng, taken: &mut HashSet<String>, cat: UseCategory) -> Option<String> {
    for _ in 0..16 {
        let code = uscc(rng, cat);
        if taken.insert(code.clone()) {
            return Some(code);
        }
    }
    None
}

/// Generates `count` social units placed beside the given roads.
///
/// Categories follow a county register's mix, attributes are drawn per category so the national
/// baseline rules give a realistic spread of classes, and about 5 % of optional attributes are
/// left blank. Records come out with `id = 0`, `jurisdiction_id = 0`, no classes, and
/// `source_ref = "demo:unit/<n>"`; names and credit codes are unique. Returns an empty list when
/// no road is usable (motorways, tracks, closed roads and broken geometries are skipped).
pub fn generate_units(roads: &[Road], count: usize, seed: u64) -> Vec<Unit> {
    let Some(placer) = Placer::new(roads) else {
        return Vec::new();
    };
    let count = count.min(MAX_UNITS);
    let mut rng = rng_for(seed, STREAM_UNITS);
    let cats = categories(&mut rng, count);
    let mut names = HashSet::new();
    let mut codes = HashSet::new();
    let mut units = Vec::with_capacity(count);
    for (n, cat) in cats.into_iter().enumerate() {
        let Some(spot) = placer.spot(&mut rng, 8.0, 30.0) else {
            continue;
        };
        let street = truncate(roads.get(spot.road).map_or("", |r| r.name.trim()), MAX_STREET_CHARS);
        let number = house_number(street, &spot);
        let profile = draw(&mut rng, cat);
        let mut metrics = profile.metrics;
        leave_gaps(&mut rng, &mut metrics, GAP_SHARE);
        let name = unique_name(&mut rng, &mut names, cat, profile.big, street, number);
        let uscc = if chance(&mut rng, 0.97) { unique_uscc(&mut rng, &mut codes, cat) } else { None };
        let address = match (street.is_empty(), street.is_ascii()) {
            (true, _) => None,
            (false, true) => Some(format!("{number} {street}")),
            (false, false) => Some(format!("{street}{number}号")),
        };
        let safety_manager = chance(&mut rng, 0.97).then(|| person_name(&mut rng, 0.35));
        let phone = chance(&mut rng, 0.95).then(|| mobile(&mut rng));
        units.push(Unit {
            id: 0,
            jurisdiction_id: 0,
            name,
            uscc,
            address,
            lon: spot.lon,
            lat: spot.lat,
            building_id: None,
            use_category: cat,
            metrics,
            safety_manager,
            phone,
            classes: Vec::new(),
            class_reasons: Vec::new(),
            source_ref: Some(format!("demo:unit/{}", n + 1)),
        });
    }
    units
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rare_categories_are_always_present_in_a_full_population() {
        let mut rng = rng_for(1, 9);
        let cats = categories(&mut rng, 600);
        assert_eq!(cats.len(), 600);
        for rare in ALWAYS_PRESENT {
            assert!(cats.contains(rare), "{rare:?}");
        }
    }

    #[test]
    fn truncation_respects_char_boundaries() {
        assert_eq!(truncate("解放路东段", 3), "解放路");
        assert_eq!(truncate("Main St", 80), "Main St");
    }
}
