//! Helpers shared by the integration tests: a synthetic street grid, distances to it, and class
//! counts under the national baseline.

#![allow(dead_code, unreachable_pub)]

use geojson::{Geometry, Value};
use huoyan_domain::{Road, RoadAccess, RoadClass, RuleSet, Unit, UnitClass};

/// Metres per degree of latitude.
const M: f64 = 111_320.0;

pub fn road(name: &str, class: RoadClass, pts: Vec<(f64, f64)>) -> Road {
    Road {
        id: 0,
        jurisdiction_id: 0,
        name: name.into(),
        class,
        speed_limit_kmh: None,
        oneway: 0,
        access: RoadAccess::Yes,
        from_node: None,
        to_node: None,
        length_m: 0.0,
        geometry: Geometry::new(Value::LineString(pts.into_iter().map(|(x, y)| vec![x, y]).collect())),
        source_ref: None,
    }
}

/// A 12 × 12 grid of streets about 200 m apart near 永宁县 (106.25 E, 38.28 N), one road per block,
/// plus a motorway along the south edge and a closed lane, which must get no units.
pub fn grid() -> Vec<Road> {
    const EW: [&str; 12] = [
        "解放路",
        "新华街",
        "文化路",
        "北京路",
        "长城路",
        "湖滨街",
        "鼓楼街",
        "团结路",
        "胜利街",
        "玉泉路",
        "望远路",
        "杨和街",
    ];
    const NS: [&str; 12] = [
        "民族街",
        "中山街",
        "凤凰街",
        "丽景街",
        "正源街",
        "宁安大街",
        "银河路",
        "纳家户路",
        "闽宁路",
        "同心路",
        "富宁街",
        "Main St",
    ];
    let (lon0, lat0): (f64, f64) = (106.25, 38.28);
    let dlat = 200.0 / M;
    let dlon = 200.0 / (M * lat0.to_radians().cos());
    let mut roads = Vec::new();
    for i in 0..12 {
        for j in 0..11 {
            let lat = lat0 + i as f64 * dlat;
            let (a, b) = (lon0 + j as f64 * dlon, lon0 + (j + 1) as f64 * dlon);
            roads.push(road(EW[i], RoadClass::Secondary, vec![(a, lat), ((a + b) / 2.0, lat), (b, lat)]));
            let lon = lon0 + i as f64 * dlon;
            let (a, b) = (lat0 + j as f64 * dlat, lat0 + (j + 1) as f64 * dlat);
            roads.push(road(NS[i], RoadClass::Residential, vec![(lon, a), (lon, b)]));
        }
    }
    roads.push(road("银川绕城高速", RoadClass::Motorway, vec![(lon0, lat0 - 0.01), (lon0 + 0.03, lat0 - 0.01)]));
    let mut closed = road("封闭巷", RoadClass::Service, vec![(lon0, lat0 + 0.03), (lon0 + 0.03, lat0 + 0.03)]);
    closed.access = RoadAccess::No;
    roads.push(closed);
    roads
}

/// Distance in metres from a point to the nearest segment of any usable road (local projection).
pub fn distance_to_roads(roads: &[Road], p: (f64, f64)) -> f64 {
    let k = p.1.to_radians().cos();
    let xy = |q: &[f64]| ((q[0] - p.0) * M * k, (q[1] - p.1) * M);
    let mut best = f64::INFINITY;
    for r in roads {
        if matches!(r.class, RoadClass::Motorway | RoadClass::Track) || r.access == RoadAccess::No {
            continue;
        }
        let lines: Vec<&Vec<Vec<f64>>> = match &r.geometry.value {
            Value::LineString(l) => vec![l],
            Value::MultiLineString(ls) => ls.iter().collect(),
            _ => vec![],
        };
        for l in lines {
            for w in l.windows(2) {
                let (a, b) = (xy(&w[0]), xy(&w[1]));
                let (dx, dy) = (b.0 - a.0, b.1 - a.1);
                let len2 = dx * dx + dy * dy;
                let t = if len2 > 0.0 { (-(a.0 * dx + a.1 * dy) / len2).clamp(0.0, 1.0) } else { 0.0 };
                let (cx, cy) = (a.0 + t * dx, a.1 + t * dy);
                best = best.min(cx.hypot(cy));
            }
        }
    }
    best
}

/// Units in each class under the national baseline: key, high-risk, nine-small, three-in-one.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ClassCounts {
    pub total: usize,
    pub key: usize,
    pub high: usize,
    pub nine: usize,
    pub three: usize,
}

pub fn class_counts(units: &[Unit]) -> ClassCounts {
    let rules = RuleSet::national_baseline();
    let mut c = ClassCounts { total: units.len(), ..Default::default() };
    for u in units {
        let classes = rules.classify(u).classes;
        c.key += usize::from(classes.contains(&UnitClass::KeyUnit));
        c.high += usize::from(classes.contains(&UnitClass::HighRisk));
        c.nine += usize::from(classes.contains(&UnitClass::NineSmall));
        c.three += usize::from(classes.contains(&UnitClass::ThreeInOne));
    }
    c
}

impl ClassCounts {
    pub fn share(&self, n: usize) -> f64 {
        n as f64 / self.total.max(1) as f64
    }

    /// Asserts the target bands: 5–12 % key, ≥ 10 high-risk, 25–45 % nine-small, 1–3 % three-in-one.
    pub fn assert_realistic(&self) {
        assert!((0.05..=0.12).contains(&self.share(self.key)), "key units {self:?}");
        assert!(self.high >= 10, "high-risk units {self:?}");
        assert!((0.25..=0.45).contains(&self.share(self.nine)), "nine-small {self:?}");
        assert!((0.01..=0.03).contains(&self.share(self.three)), "three-in-one {self:?}");
    }
}
