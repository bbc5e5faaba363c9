//! Vehicles and personnel for stations, following 建标152-2017 (docs/standards/stations-jianbiao152.md §1.4–1.6).
//!
//! Vehicles per station: 特勤站 8–11, 一级普通站 5–7, 二级普通站 2–4, 小型普通站 2,
//! 战勤保障站 8–11 (all 战勤保障消防车); 政府专职队 2–3, 企业专职队 2–4, 志愿队 1–2 (local
//! practice); 微型消防站 none or one small vehicle. People on duty: about 6 a vehicle (§1.4
//! 计算规则), kept within the one-shift ranges of §1.4 (一级 30–45, 二级 15–25, 小型 15, 特勤 45–60,
//! 战勤保障 40–55), plus an off-duty shift of about the same size; a micro station has 6–8 on duty
//! (公消〔2015〕301号: at least 6).

use std::collections::HashSet;

use huoyan_domain::{Person, Station, StationKind, Vehicle, VehicleFamily, VehicleStatus};

use crate::codes::plate;
use crate::names::{mobile, person_name};
use crate::sample::{DemoRng, STREAM_CREWS, chance, index, int_between, rng_for, round_to, uniform};

/// Vehicles, personnel and the people on duty at each station.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Crews {
    /// Vehicles, `id = 0`, `station_id` set.
    pub vehicles: Vec<Vehicle>,
    /// Personnel, `id = 0`, `station_id` set; `on_duty` marks the shift on duty.
    pub personnel: Vec<Person>,
    /// `(station id, people on duty)`, one entry per station given crews, for `Station::duty_strength`.
    pub duty_strength: Vec<(i64, i64)>,
}

/// A vehicle type: family, Chinese type name, the short word used in call signs, seats and tanks.
#[derive(Debug, Clone, Copy)]
struct VType {
    family: VehicleFamily,
    name: &'static str,
    short: &'static str,
    seats: (i64, i64),
    water_l: Option<(f64, f64)>,
    foam_l: Option<(f64, f64)>,
}

const fn vt(
    family: VehicleFamily,
    name: &'static str,
    short: &'static str,
    seats: (i64, i64),
    water_l: Option<(f64, f64)>,
    foam_l: Option<(f64, f64)>,
) -> VType {
    VType { family, name, short, seats, water_l, foam_l }
}

const TANKER: VType = vt(VehicleFamily::Firefighting, "水罐消防车", "水罐", (6, 6), Some((6000.0, 12_000.0)), None);
const FOAM: VType =
    vt(VehicleFamily::Firefighting, "泡沫消防车", "泡沫", (6, 6), Some((4000.0, 8000.0)), Some((1000.0, 4000.0)));
const CAFS: VType = vt(
    VehicleFamily::Firefighting,
    "压缩空气泡沫消防车",
    "压缩泡沫",
    (6, 6),
    Some((3000.0, 8000.0)),
    Some((300.0, 1000.0)),
);
const MICRO: VType = vt(VehicleFamily::Firefighting, "微型消防车", "微型车", (2, 2), Some((300.0, 1000.0)), None);
const PLATFORM: VType = vt(VehicleFamily::Aerial, "登高平台消防车", "登高", (2, 3), None, None);
const LADDER: VType = vt(VehicleFamily::Aerial, "云梯消防车", "云梯", (2, 3), None, None);
const JET: VType =
    vt(VehicleFamily::Aerial, "举高喷射消防车", "举高喷射", (2, 3), Some((3000.0, 6000.0)), Some((500.0, 2000.0)));
const RESCUE: VType = vt(VehicleFamily::Special, "抢险救援消防车", "抢险", (5, 8), None, None);
const SMOKE: VType = vt(VehicleFamily::Special, "排烟消防车", "排烟", (2, 3), None, None);
const LIGHT: VType = vt(VehicleFamily::Special, "照明消防车", "照明", (2, 3), None, None);
const COMMAND: VType = vt(VehicleFamily::Special, "通信指挥消防车", "通信指挥", (4, 6), None, None);
const WATER_SUPPLY: VType = vt(VehicleFamily::Support, "供水消防车", "供水", (2, 3), Some((15_000.0, 25_000.0)), None);
const EQUIPMENT: VType = vt(VehicleFamily::Support, "器材消防车", "器材", (2, 3), None, None);
const AIR: VType = vt(VehicleFamily::Support, "供气消防车", "供气", (2, 3), None, None);
const FOAM_SUPPLY: VType = vt(VehicleFamily::Support, "供液消防车", "供液", (2, 3), None, Some((8000.0, 15_000.0)));
const CATERING: VType = vt(VehicleFamily::Support, "饮食保障车", "饮食保障", (2, 3), None, None);
const REPAIR: VType = vt(VehicleFamily::Support, "装备抢修车", "抢修", (3, 5), None, None);
const CAMP: VType = vt(VehicleFamily::Support, "宿营车", "宿营", (2, 3), None, None);

/// The fleet of a station kind: vehicle count range and slots in priority order (one type is
/// drawn per slot; the first `n` slots are used).
fn fleet(kind: StationKind) -> ((i64, i64), &'static [&'static [VType]]) {
    use StationKind::*;
    match kind {
        Special => (
            (8, 11),
            &[
                &[TANKER],
                &[TANKER],
                &[FOAM],
                &[PLATFORM, LADDER],
                &[RESCUE],
                &[JET],
                &[CAFS],
                &[SMOKE],
                &[COMMAND],
                &[LIGHT],
                &[RESCUE],
            ],
        ),
        Level1 => ((5, 7), &[&[TANKER], &[FOAM], &[PLATFORM, LADDER], &[RESCUE], &[TANKER], &[CAFS], &[SMOKE, LIGHT]]),
        Level2 => ((2, 4), &[&[TANKER], &[RESCUE, FOAM], &[TANKER], &[FOAM, PLATFORM]]),
        Small => ((2, 2), &[&[TANKER], &[FOAM, RESCUE]]),
        Logistics => (
            (8, 11),
            &[
                &[WATER_SUPPLY],
                &[EQUIPMENT],
                &[AIR],
                &[FOAM_SUPPLY],
                &[CATERING],
                &[WATER_SUPPLY],
                &[EQUIPMENT],
                &[REPAIR],
                &[CAMP],
                &[FOAM_SUPPLY],
                &[WATER_SUPPLY],
            ],
        ),
        GovFullTime => ((2, 3), &[&[TANKER], &[FOAM, RESCUE], &[TANKER]]),
        Enterprise => ((2, 4), &[&[FOAM], &[TANKER], &[JET, RESCUE], &[FOAM]]),
        Volunteer => ((1, 2), &[&[TANKER], &[TANKER]]),
        Micro => ((0, 1), &[&[MICRO]]),
    }
}

/// People on duty for a station of this kind with `vehicles` vehicles.
fn duty(rng: &mut DemoRng, kind: StationKind, vehicles: i64) -> i64 {
    use StationKind::*;
    let (lo, hi) = match kind {
        Special => (45, 60),
        Level1 => (30, 45),
        Level2 => (15, 25),
        Small => (15, 15),
        Logistics => (40, 55),
        GovFullTime => (12, 20),
        Enterprise => (12, 25),
        Volunteer => (6, 15),
        Micro => return int_between(rng, 6, 8),
    };
    (vehicles * 6 + int_between(rng, 0, 3)).clamp(lo, hi)
}

/// A short station name for call signs: `城东特勤站` → `城东`, `剑桥消防2中队 (Fire Company 2)` →
/// `2中队` (a bracketed aside dropped, then what follows the city's 消防), `Fire Company 2` →
/// `Company 2`.
pub(crate) fn short_name(name: &str) -> String {
    let name = without_aside(name);
    // `<city>消防<what>`: the <what> is the station's own name, unless it is only a generic word.
    if let Some((_, rest)) = name.split_once("消防")
        && !rest.trim().is_empty()
        && !["站", "救援站", "队", "中队", "大队", "救援队", "救援大队"].contains(&rest.trim())
        && !rest.contains("消防")
    {
        return rest.trim().to_string();
    }
    generic_short_name(name)
}

/// The name without a trailing bracketed aside: `剑桥消防总部 (Fire Headquarters)` → `剑桥消防总部`.
fn without_aside(name: &str) -> &str {
    let t = name.trim();
    for (open, close) in [(" (", ')'), ("(", ')'), ("（", '）')] {
        if t.ends_with(close)
            && let Some(i) = t.rfind(open)
            && i > 0
        {
            return t[..i].trim();
        }
    }
    t
}

/// The name with its generic station suffix (and an English `Fire `) removed.
fn generic_short_name(name: &str) -> String {
    const SUFFIXES: &[&str] = &[
        "特勤消防救援站",
        "消防救援站",
        "普通消防站",
        "特勤站",
        "战勤保障站",
        "一级普通站",
        "二级普通站",
        "小型普通站",
        "政府专职消防队",
        "企业专职消防队",
        "专职消防队",
        "志愿消防队",
        "微型消防站",
        "消防站",
        "消防中队",
        "中队",
        " Fire Station",
        " Station",
    ];
    let mut s = name.trim();
    if let Some(rest) = SUFFIXES.iter().find_map(|suf| s.strip_suffix(suf)).filter(|r| !r.trim().is_empty()) {
        s = rest.trim();
    }
    if let Some(rest) = s.strip_prefix("Fire ").filter(|r| !r.trim().is_empty()) {
        s = rest.trim();
    }
    // A company's legal form says nothing on the radio: `悦来建材有限公司` → `悦来建材`.
    for form in ["股份有限公司", "有限责任公司", "有限公司"] {
        if let Some(rest) = s.strip_suffix(form).filter(|r| !r.trim().is_empty()) {
            s = rest.trim();
            break;
        }
    }
    let short: String = s.chars().take(60).collect();
    if short.trim().is_empty() { "站".into() } else { short.trim().to_string() }
}

/// Draws the vehicles of one station.
fn vehicles_for(rng: &mut DemoRng, station: &Station, plates: &mut HashSet<String>) -> Vec<Vehicle> {
    let ((lo, hi), slots) = fleet(station.kind);
    let n = int_between(rng, lo, hi).max(0) as usize;
    let short = short_name(&station.name);
    let mut numbering: Vec<(&str, u32)> = Vec::new();
    let mut out = Vec::new();
    for slot in slots.iter().take(n) {
        let Some(t) = slot.get(index(rng, slot.len())).copied() else { continue };
        let k = match numbering.iter_mut().find(|(s, _)| *s == t.short) {
            Some((_, k)) => {
                *k += 1;
                *k
            }
            None => {
                numbering.push((t.short, 1));
                1
            }
        };
        let mut plate_no = plate(rng);
        for _ in 0..20 {
            if plates.insert(plate_no.clone()) {
                break;
            }
            plate_no = plate(rng);
        }
        let tank = |rng: &mut DemoRng, r: Option<(f64, f64)>| r.map(|(a, b)| round_to(uniform(rng, a, b), 500.0));
        let water_l = tank(rng, t.water_l);
        let foam_l = tank(rng, t.foam_l).map(|f| f.max(100.0));
        let first_year = if station.kind == StationKind::Micro { 2016 } else { 2008 };
        out.push(Vehicle {
            id: 0,
            jurisdiction_id: 0,
            station_id: station.id,
            // `2中队水罐1`; a Latin short name keeps a space (`Company 2 水罐1`).
            name: if short.is_ascii() { format!("{short} {}{k}", t.short) } else { format!("{short}{}{k}", t.short) },
            plate: Some(plate_no),
            family: t.family,
            vehicle_type: t.name.to_string(),
            seats: int_between(rng, t.seats.0, t.seats.1),
            water_l,
            foam_l,
            status: VehicleStatus::InStation,
            year_in_service: Some(int_between(rng, first_year, 2025)),
        });
    }
    out
}

/// Posts of a shift, in order; the rest of the shift are 战斗员 (保障员, 队员).
fn posts(kind: StationKind, on_duty: bool, vehicles: usize) -> Vec<&'static str> {
    match kind {
        StationKind::Micro => vec!["站长", "消控室值班员", "消控室值班员"],
        _ => {
            let mut p = vec![if on_duty { "站长" } else { "指导员" }, "通信员"];
            for _ in 0..vehicles {
                p.push("班长");
                p.push("驾驶员");
            }
            p
        }
    }
}

fn filler(kind: StationKind) -> &'static str {
    match kind {
        StationKind::Micro => "队员",
        StationKind::Logistics => "保障员",
        _ => "战斗员",
    }
}

fn certificates(rng: &mut DemoRng, post: &str) -> Vec<String> {
    let level = |rng: &mut DemoRng, p_mid: f64| {
        if chance(rng, p_mid) { "消防员职业资格（中级）" } else { "消防员职业资格（初级）" }
    };
    let certs: Vec<&str> = match post {
        "站长" | "指导员" => vec!["消防员职业资格（高级）"],
        "班长" => vec!["消防员职业资格（中级）"],
        "驾驶员" => vec!["驾驶证A2", level(rng, 0.5)],
        "通信员" => vec!["消防通信员培训合格证"],
        "保障员" => {
            if chance(rng, 0.5) {
                vec![level(rng, 0.3), "驾驶证B2"]
            } else {
                vec![level(rng, 0.3)]
            }
        }
        "消控室值班员" => vec!["消防设施操作员（初级）"],
        "队员" => vec![if chance(rng, 0.5) {
            "消防设施操作员（初级）"
        } else {
            "微型消防站队员培训合格证"
        }],
        _ => vec![level(rng, 0.35)],
    };
    certs.into_iter().map(String::from).collect()
}

/// One shift of `size` people.
fn shift(rng: &mut DemoRng, station: &Station, on_duty: bool, size: i64, vehicles: usize) -> Vec<Person> {
    let named = posts(station.kind, on_duty, vehicles);
    (0..size.max(0) as usize)
        .map(|i| {
            let post = named.get(i).copied().unwrap_or_else(|| filler(station.kind));
            let female = match (station.kind, post) {
                (StationKind::Micro, _) => 0.4,
                (_, "通信员") => 0.5,
                _ => 0.03,
            };
            Person {
                id: 0,
                jurisdiction_id: 0,
                station_id: station.id,
                name: person_name(rng, female),
                post: Some(post.to_string()),
                on_duty,
                phone: chance(rng, 0.9).then(|| mobile(rng)),
                certificates: certificates(rng, post),
            }
        })
        .collect()
}

/// Vehicles and personnel for stored stations (by station kind, 建标152-2017) and each station's
/// duty strength. Stations without a store id (`id <= 0`) are skipped. One or two vehicles of the
/// whole fleet are put in maintenance (检修); the rest are in station.
pub fn generate_crews(stations: &[Station], seed: u64) -> Crews {
    let mut rng = rng_for(seed, STREAM_CREWS);
    let mut crews = Crews::default();
    let mut plates = HashSet::new();
    for station in stations.iter().filter(|s| s.id > 0) {
        let vehicles = vehicles_for(&mut rng, station, &mut plates);
        let on = duty(&mut rng, station.kind, vehicles.len() as i64);
        let off = match station.kind {
            StationKind::Micro => int_between(&mut rng, 0, 4),
            _ => on - int_between(&mut rng, 0, on / 5),
        };
        crews.personnel.extend(shift(&mut rng, station, true, on, vehicles.len()));
        crews.personnel.extend(shift(&mut rng, station, false, off, vehicles.len()));
        crews.duty_strength.push((station.id, on));
        crews.vehicles.extend(vehicles);
    }
    let total = crews.vehicles.len();
    let in_maintenance = if total >= 20 { int_between(&mut rng, 1, 2) as usize } else { usize::from(total >= 5) };
    for _ in 0..in_maintenance {
        let i = index(&mut rng, total);
        if let Some(v) = crews.vehicles.get_mut(i) {
            v.status = VehicleStatus::Maintenance;
        }
    }
    crews
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names() {
        assert_eq!(short_name("城东特勤站"), "城东");
        assert_eq!(short_name("Fire Company 2"), "Company 2");
        assert_eq!(short_name("Fire Headquarters"), "Headquarters");
        assert_eq!(short_name("特勤站"), "特勤站");
        assert_eq!(short_name("  "), "站");
        assert_eq!(short_name("鑫源购物中心微型消防站"), "鑫源购物中心");
        assert_eq!(short_name("剑桥消防总部 (Fire Headquarters)"), "总部");
        assert_eq!(short_name("剑桥消防2中队 (Fire Company 2)"), "2中队");
        assert_eq!(short_name("城东特勤消防救援站"), "城东");
        assert_eq!(short_name("永宁县消防救援大队（城关）"), "永宁县消防救援大队");
        assert_eq!(short_name("(x)"), "(x)");
        assert_eq!(short_name("永宁县悦来建材有限公司微型消防站"), "永宁县悦来建材");
    }
}
