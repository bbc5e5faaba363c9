//! What a unit of each use category looks like: how common the category is in a county register,
//! and the attributes an inspector records for it, drawn from plausible distributions (log-normal
//! areas and capacities, floors and heights consistent at 3–4.5 m a storey).
//!
//! The weights and distributions are tuned so that the national baseline rules
//! (`RuleSet::national_baseline()`) put roughly 8–10 % of units in 消防安全重点单位, about 1 % in
//! 火灾高危单位, a third in 九小场所 and 1–3 % in 三合一场所; the crate's tests hold it to that.

use huoyan_domain::{UnitMetrics, UseCategory};

use crate::sample::{DemoRng, chance, int_between, lognormal, lognormal_int, round_to, uniform, weighted};

/// Relative frequency of each category in the generated register.
pub(crate) const CATEGORY_WEIGHTS: &[(UseCategory, u32)] = &[
    (UseCategory::Shop, 1300),
    (UseCategory::Restaurant, 900),
    (UseCategory::Residential, 1300),
    (UseCategory::Office, 600),
    (UseCategory::Factory, 700),
    (UseCategory::Other, 700),
    (UseCategory::Warehouse, 500),
    (UseCategory::Leisure, 400),
    (UseCategory::Hotel, 300),
    (UseCategory::Clinic, 250),
    (UseCategory::Kindergarten, 200),
    (UseCategory::School, 150),
    (UseCategory::Entertainment, 90),
    (UseCategory::InternetCafe, 120),
    (UseCategory::Mall, 50),
    (UseCategory::ElderlyCare, 60),
    (UseCategory::LaborIntensive, 60),
    (UseCategory::Hospital, 50),
    (UseCategory::Government, 30),
    (UseCategory::BoardingSchool, 40),
    (UseCategory::FuelStation, 30),
    (UseCategory::HazmatShop, 30),
    (UseCategory::Research, 20),
    (UseCategory::Heritage, 30),
    (UseCategory::LibraryExhibition, 25),
    (UseCategory::MuseumArchive, 20),
    (UseCategory::TransportHub, 20),
    (UseCategory::BroadcastTelecom, 20),
    (UseCategory::Sports, 10),
    (UseCategory::Auditorium, 10),
    (UseCategory::Power, 10),
    (UseCategory::HazmatPlant, 10),
];

/// Categories a population of a few hundred units or more always has at least one of.
pub(crate) const ALWAYS_PRESENT: &[UseCategory] = &[
    UseCategory::Hospital,
    UseCategory::ElderlyCare,
    UseCategory::BoardingSchool,
    UseCategory::Mall,
    UseCategory::Government,
    UseCategory::LibraryExhibition,
    UseCategory::MuseumArchive,
    UseCategory::FuelStation,
    UseCategory::HazmatShop,
    UseCategory::LaborIntensive,
    UseCategory::Sports,
    UseCategory::Auditorium,
    UseCategory::TransportHub,
    UseCategory::BroadcastTelecom,
    UseCategory::Research,
    UseCategory::Heritage,
];

/// A unit's drawn attributes; `big` selects the larger name pools (宾馆 rather than 旅馆 …).
#[derive(Debug, Clone, Default)]
pub(crate) struct Profile {
    pub(crate) metrics: UnitMetrics,
    pub(crate) big: bool,
}

/// Building height for `floors` storeys of 3–4.5 m, to 0.1 m.
fn height(rng: &mut DemoRng, floors: i64) -> f64 {
    round_to(floors as f64 * uniform(rng, 3.0, 4.5), 0.1)
}

/// Sets floors and height.
fn building(rng: &mut DemoRng, m: &mut UnitMetrics, floors: i64) {
    let floors = floors.max(1);
    m.floors = Some(floors);
    m.height_m = Some(height(rng, floors));
}

/// Floors of the building a street-front business occupies (often the ground floor of a block).
fn street_building_floors(rng: &mut DemoRng) -> i64 {
    weighted(rng, &[(1, 25), (2, 25), (3, 15), (4, 10), (5, 8), (6, 10), (11, 4), (18, 3)]).unwrap_or(2)
}

/// A floor between 1 and 3 (mostly the ground floor), not above the building's top floor.
fn low_floor(rng: &mut DemoRng, floors: i64) -> i64 {
    let f = weighted(rng, &[(1, 75), (2, 18), (3, 7)]).unwrap_or(1);
    f.min(floors.max(1))
}

/// 三合一: with chance `p` the unit has living quarters in the same space, and most of those lack
/// the fire separation GA 703-2007 asks for.
fn lodging(rng: &mut DemoRng, m: &mut UnitMetrics, p: f64) {
    if chance(rng, p) {
        m.accommodation_mixed = Some(true);
        m.fire_separated = Some(!chance(rng, 0.75));
    } else {
        m.accommodation_mixed = Some(false);
    }
}

fn area(x: f64) -> Option<f64> {
    Some(x.round().max(1.0))
}

/// Draws the attributes of a unit of category `cat`.
pub(crate) fn draw(rng: &mut DemoRng, cat: UseCategory) -> Profile {
    use UseCategory::*;
    let mut m = UnitMetrics { accommodation_mixed: Some(false), ..Default::default() };
    let mut big = false;
    match cat {
        Shop => {
            big = chance(rng, 0.03);
            let floors = if big { int_between(rng, 1, 4) } else { street_building_floors(rng) };
            building(rng, &mut m, floors);
            let a =
                if big { lognormal(rng, 1500.0, 0.5, 500.0, 8000.0) } else { lognormal(rng, 70.0, 0.75, 10.0, 900.0) };
            m.building_area_m2 = area(a);
            m.max_floor_area_m2 = area(a);
            if !big && chance(rng, 0.04) {
                m.floor_located = Some(-1);
                m.underground_area_m2 = area(a);
            } else {
                m.floor_located = Some(low_floor(rng, floors));
                m.underground_area_m2 = Some(0.0);
            }
            m.combustible_goods = Some(chance(rng, if big { 0.9 } else { 0.75 }));
            m.staff = Some(if big { int_between(rng, 10, 60) } else { int_between(rng, 1, 6) });
            if !big {
                lodging(rng, &mut m, 0.05);
            }
        }
        Mall => {
            big = true;
            let floors = int_between(rng, 2, 8);
            building(rng, &mut m, floors);
            let a = lognormal(rng, 4000.0, 1.0, 800.0, 120_000.0);
            m.building_area_m2 = area(a);
            m.max_floor_area_m2 = area(a / floors as f64);
            m.underground_area_m2 =
                Some(if chance(rng, 0.3) { round_to(a * uniform(rng, 0.1, 0.3), 1.0) } else { 0.0 });
            m.floor_located = Some(if m.underground_area_m2 > Some(0.0) { -1 } else { 1 });
            m.combustible_goods = Some(chance(rng, 0.95));
            m.staff = Some(lognormal_int(rng, 80.0, 0.7, 10, 2000));
        }
        Hotel => {
            big = chance(rng, 0.15);
            let rooms =
                if big { lognormal_int(rng, 90.0, 0.55, 30, 800) } else { lognormal_int(rng, 18.0, 0.45, 5, 45) };
            let floors = if big { int_between(rng, 5, 25) } else { int_between(rng, 2, 6) };
            building(rng, &mut m, floors);
            m.rooms = Some(rooms);
            m.beds = Some((rooms as f64 * uniform(rng, 1.2, if big { 1.8 } else { 1.6 })).round() as i64);
            m.building_area_m2 = area(rooms as f64 * uniform(rng, 30.0, 45.0));
            m.floor_located = Some(1);
            m.staff = Some((rooms / 3).max(2));
        }
        Restaurant => {
            let seats = lognormal_int(rng, 45.0, 0.6, 8, 800);
            big = seats >= 100;
            let floors = street_building_floors(rng);
            building(rng, &mut m, floors);
            m.seats = Some(seats);
            m.building_area_m2 = area(seats as f64 * uniform(rng, 1.5, 2.5));
            m.floor_located = Some(low_floor(rng, floors));
            m.staff = Some((seats / 8).max(2));
            lodging(rng, &mut m, 0.05);
        }
        Entertainment => {
            let a = lognormal(rng, 220.0, 1.0, 60.0, 12_000.0);
            big = a >= 1000.0;
            let floors = int_between(rng, 2, 8);
            building(rng, &mut m, floors);
            m.building_area_m2 = area(a);
            m.seats = Some((a / uniform(rng, 2.0, 4.0)).round() as i64);
            if chance(rng, 0.12) {
                m.floor_located = Some(-1);
                m.underground_area_m2 = area(a);
            } else {
                let f = weighted(rng, &[(1, 50), (2, 25), (3, 15), (4, 5), (5, 5)]).unwrap_or(1);
                m.floor_located = Some(f.min(floors));
                m.underground_area_m2 = Some(0.0);
            }
            m.staff = Some(lognormal_int(rng, 12.0, 0.6, 2, 300));
        }
        InternetCafe => {
            let pcs = lognormal_int(rng, 90.0, 0.5, 20, 400);
            let floors = street_building_floors(rng).max(2);
            building(rng, &mut m, floors);
            m.computers = Some(pcs);
            m.seats = Some(pcs);
            m.building_area_m2 = area(pcs as f64 * uniform(rng, 2.0, 3.5));
            m.floor_located = Some(if chance(rng, 0.9) { low_floor(rng, floors) } else { -1 });
            m.staff = Some(int_between(rng, 2, 8));
        }
        Leisure => {
            let a = lognormal(rng, 80.0, 0.65, 15.0, 3000.0);
            let floors = street_building_floors(rng);
            building(rng, &mut m, floors);
            m.building_area_m2 = area(a);
            m.floor_located = Some(if chance(rng, 0.05) { -1 } else { low_floor(rng, floors) });
            m.staff = Some(int_between(rng, 1, 12));
        }
        Sports => {
            big = true;
            let seats = lognormal_int(rng, 2500.0, 0.5, 500, 20_000);
            m.seats = Some(seats);
            m.building_area_m2 = area(seats as f64 * uniform(rng, 3.0, 5.0));
            m.floors = Some(int_between(rng, 1, 4));
            m.height_m = Some(round_to(uniform(rng, 12.0, 30.0), 0.1));
            m.staff = Some(int_between(rng, 10, 60));
        }
        Auditorium => {
            big = true;
            let seats = lognormal_int(rng, 900.0, 0.4, 300, 3000);
            let floors = int_between(rng, 2, 5);
            building(rng, &mut m, floors);
            m.seats = Some(seats);
            m.building_area_m2 = area(seats as f64 * uniform(rng, 5.0, 10.0));
            m.staff = Some(int_between(rng, 10, 50));
        }
        Hospital => {
            big = true;
            let beds = lognormal_int(rng, 150.0, 0.9, 10, 2500);
            building(rng, &mut m, (3 + beds / 60).clamp(3, 25));
            m.beds = Some(beds);
            m.building_area_m2 = area(beds as f64 * uniform(rng, 80.0, 120.0));
            m.staff = Some((beds as f64 * uniform(rng, 1.0, 1.6)).round() as i64);
        }
        Clinic => {
            let floors = int_between(rng, 1, 4);
            building(rng, &mut m, floors);
            m.beds = Some(if chance(rng, 0.7) { 0 } else { int_between(rng, 5, 45) });
            m.building_area_m2 = area(lognormal(rng, 150.0, 0.6, 30.0, 3000.0));
            m.floor_located = Some(low_floor(rng, floors).min(2));
            m.staff = Some(int_between(rng, 2, 30));
        }
        ElderlyCare => {
            let beds = lognormal_int(rng, 45.0, 0.7, 8, 600);
            big = beds >= 50;
            let floors = int_between(rng, 2, 6);
            building(rng, &mut m, floors);
            m.beds = Some(beds);
            m.building_area_m2 = area(beds as f64 * uniform(rng, 25.0, 40.0));
            m.staff = Some((beds / 4).max(2));
        }
        BoardingSchool => {
            big = true;
            let beds = lognormal_int(rng, 400.0, 0.9, 20, 6000);
            let pupils = (beds as f64 * uniform(rng, 1.0, 1.6)).round() as i64;
            let floors = int_between(rng, 4, 6);
            building(rng, &mut m, floors);
            m.beds = Some(beds);
            m.pupils = Some(pupils);
            m.building_area_m2 = area(pupils as f64 * uniform(rng, 10.0, 16.0));
            m.staff = Some((pupils / 12).max(5));
        }
        School => {
            let pupils = lognormal_int(rng, 800.0, 0.7, 60, 4000);
            big = pupils >= 500;
            let floors = int_between(rng, 3, 5);
            building(rng, &mut m, floors);
            m.pupils = Some(pupils);
            m.building_area_m2 = area(pupils as f64 * uniform(rng, 5.0, 8.0));
            m.staff = Some((pupils / 15).max(5));
        }
        Kindergarten => {
            let pupils = lognormal_int(rng, 150.0, 0.6, 20, 600);
            let floors = int_between(rng, 1, 3);
            building(rng, &mut m, floors);
            m.pupils = Some(pupils);
            if chance(rng, 0.08) {
                m.beds = Some(int_between(rng, 20, 120));
            }
            m.building_area_m2 = area(pupils as f64 * uniform(rng, 6.0, 10.0));
            m.staff = Some((pupils / 8).max(3));
        }
        Government | BroadcastTelecom | Research => {
            big = true;
            let floors = if cat == BroadcastTelecom { int_between(rng, 4, 20) } else { int_between(rng, 3, 12) };
            building(rng, &mut m, floors);
            m.building_area_m2 = area(lognormal(rng, 5000.0, 0.6, 800.0, 40_000.0));
            m.staff = Some(lognormal_int(rng, 120.0, 0.6, 20, 800));
        }
        TransportHub => {
            big = true;
            let a = lognormal(rng, 1500.0, 0.7, 200.0, 20_000.0);
            let floors = int_between(rng, 1, 3);
            building(rng, &mut m, floors);
            m.building_area_m2 = area(a);
            m.seats = Some((a / 3.0).round() as i64);
            m.staff = Some(int_between(rng, 10, 120));
        }
        LibraryExhibition | MuseumArchive => {
            big = true;
            let floors = int_between(rng, 1, 6);
            building(rng, &mut m, floors);
            m.building_area_m2 = area(lognormal(rng, 3000.0, 0.8, 300.0, 40_000.0));
            m.staff = Some(int_between(rng, 8, 80));
            if cat == MuseumArchive && chance(rng, 0.15) {
                m.heritage_level = Some(if chance(rng, 0.3) { "provincial" } else { "county" }.into());
                m.timber_structure = Some(chance(rng, 0.3));
            }
        }
        Heritage => {
            big = true;
            let level = weighted(rng, &[("national", 10), ("provincial", 30), ("county", 60)]).unwrap_or("county");
            let floors = int_between(rng, 1, 3);
            building(rng, &mut m, floors);
            m.heritage_level = Some(level.into());
            m.timber_structure = Some(chance(rng, 0.6));
            m.building_area_m2 = area(lognormal(rng, 600.0, 0.8, 50.0, 20_000.0));
        }
        Power | HazmatPlant | Airport => {
            big = true;
            let floors = int_between(rng, 1, 3);
            building(rng, &mut m, floors);
            let a = lognormal(rng, 3000.0, 0.8, 300.0, 50_000.0);
            m.building_area_m2 = area(a);
            m.max_floor_area_m2 = area(a);
            m.staff = Some(lognormal_int(rng, 40.0, 0.7, 5, 500));
        }
        FuelStation => {
            let floors = int_between(rng, 1, 2);
            building(rng, &mut m, floors);
            m.building_area_m2 = area(lognormal(rng, 400.0, 0.4, 150.0, 2000.0));
            m.staff = Some(int_between(rng, 4, 15));
        }
        HazmatShop => {
            let floors = street_building_floors(rng);
            building(rng, &mut m, floors);
            m.building_area_m2 = area(lognormal(rng, 80.0, 0.6, 10.0, 1000.0));
            m.floor_located = Some(1);
            m.combustible_goods = Some(true);
            m.staff = Some(int_between(rng, 1, 5));
            lodging(rng, &mut m, 0.05);
        }
        LaborIntensive => {
            big = true;
            let floors = int_between(rng, 1, 5);
            building(rng, &mut m, floors);
            let max_floor = lognormal(rng, 1800.0, 0.6, 300.0, 20_000.0);
            m.max_floor_area_m2 = area(max_floor);
            m.building_area_m2 = area(max_floor * uniform(rng, 1.0, floors as f64));
            m.staff = Some(lognormal_int(rng, 150.0, 0.7, 30, 3000));
            lodging(rng, &mut m, 0.05);
        }
        Factory => {
            let floors = int_between(rng, 1, 4);
            building(rng, &mut m, floors);
            let max_floor = lognormal(rng, 600.0, 0.9, 50.0, 20_000.0);
            big = max_floor >= 1000.0;
            m.max_floor_area_m2 = area(max_floor);
            m.building_area_m2 = area(max_floor * uniform(rng, 1.0, floors as f64));
            m.staff = Some(((max_floor / 25.0) * lognormal(rng, 1.0, 0.5, 0.1, 10.0)).round().max(2.0) as i64);
            if !big {
                lodging(rng, &mut m, 0.12);
            }
        }
        Warehouse => {
            let a = lognormal(rng, 800.0, 1.0, 50.0, 50_000.0);
            big = a >= 3000.0;
            let floors = int_between(rng, 1, 3);
            building(rng, &mut m, floors);
            m.building_area_m2 = area(a);
            m.max_floor_area_m2 = area(a);
            m.staff = Some(int_between(rng, 1, 20));
            if !big {
                lodging(rng, &mut m, 0.08);
            }
        }
        Office => {
            let lo_hi = weighted(rng, &[((2, 5), 84), ((6, 7), 8), ((8, 15), 4), ((16, 35), 4)]).unwrap_or((2, 5));
            let floors = int_between(rng, lo_hi.0, lo_hi.1);
            big = floors >= 8;
            building(rng, &mut m, floors);
            m.building_area_m2 = area(lognormal(rng, 600.0, 0.9, 40.0, 60_000.0));
            m.floor_located = Some(int_between(rng, 1, floors));
            m.staff = Some(lognormal_int(rng, 25.0, 0.9, 2, 2000));
        }
        Residential => {
            let floors = weighted(rng, &[(6, 30), (11, 25), (18, 25), (26, 15), (33, 5)]).unwrap_or(6);
            big = floors > 18;
            building(rng, &mut m, floors);
            m.building_area_m2 = area(lognormal(rng, 20_000.0, 0.8, 1000.0, 300_000.0));
            m.staff = Some(int_between(rng, 3, 40));
        }
        Other => {
            let floors = int_between(rng, 1, 3);
            building(rng, &mut m, floors);
            m.building_area_m2 = area(lognormal(rng, 200.0, 0.9, 20.0, 5000.0));
            m.floor_located = Some(1);
            m.staff = Some(int_between(rng, 1, 30));
            lodging(rng, &mut m, 0.05);
        }
    }
    Profile { metrics: m, big }
}

/// Blanks each recorded attribute with chance `p`, as real registers are incomplete.
pub(crate) fn leave_gaps(rng: &mut DemoRng, m: &mut UnitMetrics, p: f64) {
    fn gap<T>(rng: &mut DemoRng, v: &mut Option<T>, p: f64) {
        if v.is_some() && chance(rng, p) {
            *v = None;
        }
    }
    gap(rng, &mut m.building_area_m2, p);
    gap(rng, &mut m.max_floor_area_m2, p);
    gap(rng, &mut m.underground_area_m2, p);
    gap(rng, &mut m.floors, p);
    gap(rng, &mut m.floor_located, p);
    gap(rng, &mut m.height_m, p);
    gap(rng, &mut m.beds, p);
    gap(rng, &mut m.rooms, p);
    gap(rng, &mut m.seats, p);
    gap(rng, &mut m.staff, p);
    gap(rng, &mut m.pupils, p);
    gap(rng, &mut m.computers, p);
    gap(rng, &mut m.combustible_goods, p);
    gap(rng, &mut m.accommodation_mixed, p);
    gap(rng, &mut m.fire_separated, p);
    gap(rng, &mut m.heritage_level, p);
    gap(rng, &mut m.timber_structure, p);
}
