//! Placement on real streets: a road segment is chosen with probability proportional to its length,
//! then a point along it, offset sideways (perpendicular to the segment) by a few tens of metres so
//! the unit sits at the kerb, not in the carriageway.
//!
//! Motorways, tracks and roads closed to vehicles are skipped; unnamed roads are used only when no
//! road has a name. A point that would fall closer than the minimum offset to another road (at a
//! junction, or on a crossing street) is redrawn, using a grid index of the network. Distances use
//! a local equirectangular approximation (metres per degree of latitude, scaled by cos φ for
//! longitude), which is well within a metre at street scale.

use std::collections::HashMap;

use geojson::Value;
use huoyan_domain::{Road, RoadAccess, RoadClass};

use crate::sample::{DemoRng, chance, uniform};

/// Metres per degree of latitude (and of longitude at the equator).
pub(crate) const M_PER_DEG: f64 = 111_320.0;

/// Latitudes beyond this are skipped: degrees of longitude become too short to offset in.
const MAX_ABS_LAT: f64 = 85.0;

/// Cell size of the clearance index, metres.
const CELL_M: f64 = 60.0;

/// Spacing of the points indexed along each segment, metres. With clearances checked up to
/// `CELL_M - SAMPLE_M` (35 m), the 3 × 3 cells around a point hold every segment that near.
const SAMPLE_M: f64 = 25.0;

/// Most points indexed; beyond that (a province's network) the clearance check is skipped.
const MAX_SAMPLES: f64 = 2_000_000.0;

/// Draws per spot before settling for the one farthest from other roads.
const TRIES: usize = 8;

/// A point chosen near a road.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Spot {
    /// Longitude of the placed point.
    pub(crate) lon: f64,
    /// Latitude of the placed point.
    pub(crate) lat: f64,
    /// Index of the road in the slice given to [`Placer::new`].
    pub(crate) road: usize,
    /// Whether the point is on the left of the line's direction (odd house numbers).
    pub(crate) left: bool,
    /// How far along the road part the point lies, 0..1.
    pub(crate) frac: f64,
}

/// One polyline of a road, with cumulative lengths at its vertices.
#[derive(Debug)]
struct Part {
    road: usize,
    pts: Vec<(f64, f64)>,
    cum: Vec<f64>,
    len: f64,
}

/// Chooses points along a road network.
#[derive(Debug)]
pub(crate) struct Placer {
    parts: Vec<Part>,
    /// Cumulative length at the end of each part.
    ends: Vec<f64>,
    /// Segments by grid cell, to keep points clear of other roads.
    index: Option<Clearance>,
}

/// A grid of the segments `(part, end vertex)` passing near each cell.
#[derive(Debug)]
struct Clearance {
    cos_ref: f64,
    cells: HashMap<(i64, i64), Vec<(usize, usize)>>,
}

impl Clearance {
    fn cell(&self, p: (f64, f64)) -> (i64, i64) {
        let x = p.0 * M_PER_DEG * self.cos_ref / CELL_M;
        let y = p.1 * M_PER_DEG / CELL_M;
        (x.floor() as i64, y.floor() as i64)
    }

    fn build(parts: &[Part]) -> Option<Clearance> {
        let total: f64 = parts.iter().map(|p| p.len).sum();
        let first = parts.first()?.pts.first()?;
        if total / SAMPLE_M > MAX_SAMPLES {
            return None;
        }
        let mut index = Clearance { cos_ref: first.1.to_radians().cos().max(0.05), cells: HashMap::new() };
        for (pi, part) in parts.iter().enumerate() {
            for k in 1..part.pts.len() {
                let (a, b) = (part.pts[k - 1], part.pts[k]);
                let seg = part.cum[k] - part.cum[k - 1];
                let n = (seg / SAMPLE_M).ceil().max(1.0) as usize;
                for s in 0..=n {
                    let t = s as f64 / n as f64;
                    let cell = index.cell((a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t));
                    let v = index.cells.entry(cell).or_default();
                    if v.last() != Some(&(pi, k)) {
                        v.push((pi, k));
                    }
                }
            }
        }
        Some(index)
    }

    /// Distance from `p` to the nearest indexed segment within reach (∞ when none).
    fn clearance(&self, parts: &[Part], p: (f64, f64)) -> f64 {
        let (cx, cy) = self.cell(p);
        let mut best = f64::INFINITY;
        for dx in -1..=1 {
            for dy in -1..=1 {
                for &(pi, k) in self.cells.get(&(cx + dx, cy + dy)).into_iter().flatten() {
                    let Some(part) = parts.get(pi) else { continue };
                    if let (Some(a), Some(b)) = (part.pts.get(k - 1), part.pts.get(k)) {
                        best = best.min(segment_distance(p, *a, *b));
                    }
                }
            }
        }
        best
    }
}

/// Distance in metres from `p` to the segment `a`–`b` (local projection around `p`).
fn segment_distance(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let k = p.1.to_radians().cos();
    let (ax, ay) = ((a.0 - p.0) * M_PER_DEG * k, (a.1 - p.1) * M_PER_DEG);
    let (bx, by) = ((b.0 - p.0) * M_PER_DEG * k, (b.1 - p.1) * M_PER_DEG);
    let (dx, dy) = (bx - ax, by - ay);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 { (-(ax * dx + ay * dy) / len2).clamp(0.0, 1.0) } else { 0.0 };
    (ax + t * dx).hypot(ay + t * dy)
}

/// Equirectangular distance in metres.
pub(crate) fn local_distance(a: (f64, f64), b: (f64, f64)) -> f64 {
    let k = ((a.1 + b.1) / 2.0).to_radians().cos();
    let dx = (b.0 - a.0) * M_PER_DEG * k;
    let dy = (b.1 - a.1) * M_PER_DEG;
    dx.hypot(dy)
}

fn usable_position(p: &[f64]) -> Option<(f64, f64)> {
    let (lon, lat) = (*p.first()?, *p.get(1)?);
    (lon.is_finite() && lat.is_finite() && lon.abs() <= 180.0 && lat.abs() <= MAX_ABS_LAT).then_some((lon, lat))
}

fn lines(v: &Value) -> Vec<&Vec<Vec<f64>>> {
    match v {
        Value::LineString(ps) => vec![ps],
        Value::MultiLineString(ls) => ls.iter().collect(),
        _ => Vec::new(),
    }
}

fn drivable(r: &Road) -> bool {
    !matches!(r.class, RoadClass::Motorway | RoadClass::Track) && r.access != RoadAccess::No
}

impl Placer {
    /// Prepares the usable roads; `None` when no road has a usable line.
    pub(crate) fn new(roads: &[Road]) -> Option<Placer> {
        let any_named = roads.iter().any(|r| drivable(r) && !r.name.trim().is_empty());
        let mut parts = Vec::new();
        for (i, road) in roads.iter().enumerate() {
            if !drivable(road) || (any_named && road.name.trim().is_empty()) {
                continue;
            }
            for line in lines(&road.geometry.value) {
                let pts: Vec<(f64, f64)> = line.iter().filter_map(|p| usable_position(p)).collect();
                let mut cum = Vec::with_capacity(pts.len());
                let mut len = 0.0;
                for (k, p) in pts.iter().enumerate() {
                    if k > 0 {
                        len += local_distance(pts[k - 1], *p);
                    }
                    cum.push(len);
                }
                if len.is_finite() && len >= 1.0 {
                    parts.push(Part { road: i, pts, cum, len });
                }
            }
        }
        let mut ends = Vec::with_capacity(parts.len());
        let mut total = 0.0;
        for p in &parts {
            total += p.len;
            ends.push(total);
        }
        let index = Clearance::build(&parts);
        (!parts.is_empty()).then_some(Placer { parts, ends, index })
    }

    /// Total usable length in metres.
    pub(crate) fn total_m(&self) -> f64 {
        self.ends.last().copied().unwrap_or(0.0)
    }

    /// A point beside a length-weighted random road, `min_off..max_off` metres from its centreline
    /// and, when it can be found in a few draws, at least `min_off` from every other road too.
    pub(crate) fn spot(&self, rng: &mut DemoRng, min_off: f64, max_off: f64) -> Option<Spot> {
        let mut best: Option<(f64, Spot)> = None;
        for _ in 0..TRIES {
            let spot = self.raw_spot(rng, min_off, max_off)?;
            let Some(index) = &self.index else { return Some(spot) };
            let clear = index.clearance(&self.parts, (spot.lon, spot.lat));
            if clear >= min_off * 0.95 {
                return Some(spot);
            }
            if best.is_none_or(|(c, _)| clear > c) {
                best = Some((clear, spot));
            }
        }
        best.map(|(_, spot)| spot)
    }

    /// One draw of [`Placer::spot`], without the clearance check.
    fn raw_spot(&self, rng: &mut DemoRng, min_off: f64, max_off: f64) -> Option<Spot> {
        let target = uniform(rng, 0.0, self.total_m());
        let pi = self.ends.partition_point(|&e| e <= target).min(self.parts.len().saturating_sub(1));
        let part = self.parts.get(pi)?;
        let start = if pi == 0 { 0.0 } else { self.ends.get(pi - 1).copied().unwrap_or(0.0) };
        let d = (target - start).clamp(0.0, part.len);
        // The segment [k-1, k] holding distance d.
        let k = part.cum.partition_point(|&c| c < d).clamp(1, part.pts.len().saturating_sub(1));
        let (a, b) = (*part.pts.get(k - 1)?, *part.pts.get(k)?);
        let (ca, cb) = (part.cum.get(k - 1).copied()?, part.cum.get(k).copied()?);
        let t = if cb > ca { (d - ca) / (cb - ca) } else { 0.0 };
        let (lon, lat) = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);

        let cos = lat.to_radians().cos();
        let (dx, dy) = ((b.0 - a.0) * M_PER_DEG * cos, (b.1 - a.1) * M_PER_DEG);
        let seg = dx.hypot(dy);
        let left = chance(rng, 0.5);
        let off = uniform(rng, min_off, max_off);
        let mut spot = Spot { lon, lat, road: part.road, left, frac: d / part.len };
        if seg > 0.0 && cos > 0.0 {
            // Left normal of the direction (dx, dy) is (-dy, dx).
            let sign = if left { 1.0 } else { -1.0 };
            let (nx, ny) = (-dy / seg * sign, dx / seg * sign);
            let (olon, olat) = (lon + nx * off / (M_PER_DEG * cos), lat + ny * off / M_PER_DEG);
            if olon.is_finite() && olat.is_finite() && olon.abs() <= 180.0 && olat.abs() <= 90.0 {
                spot.lon = olon;
                spot.lat = olat;
            }
        }
        Some(spot)
    }
}

/// A point `dist` metres from `(lon, lat)` in a random direction (kept within WGS84 bounds).
pub(crate) fn nearby(rng: &mut DemoRng, lon: f64, lat: f64, min_m: f64, max_m: f64) -> (f64, f64) {
    let angle = uniform(rng, 0.0, std::f64::consts::TAU);
    let dist = uniform(rng, min_m, max_m);
    let cos = lat.to_radians().cos().max(0.01);
    let nlon = lon + angle.cos() * dist / (M_PER_DEG * cos);
    let nlat = lat + angle.sin() * dist / M_PER_DEG;
    if nlon.is_finite() && nlat.is_finite() && nlon.abs() <= 180.0 && nlat.abs() <= 90.0 {
        (nlon, nlat)
    } else {
        (lon, lat)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::rng_for;
    use geojson::Geometry;

    fn road(name: &str, class: RoadClass, pts: Vec<Vec<f64>>) -> Road {
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
            geometry: Geometry::new(Value::LineString(pts)),
            source_ref: None,
        }
    }

    #[test]
    fn points_sit_beside_the_road() {
        let roads = vec![road("解放路", RoadClass::Primary, vec![vec![106.20, 38.40], vec![106.21, 38.40]])];
        let placer = Placer::new(&roads).unwrap();
        let mut rng = rng_for(5, 0);
        for _ in 0..200 {
            let s = placer.spot(&mut rng, 8.0, 30.0).unwrap();
            let off = (s.lat - 38.40).abs() * M_PER_DEG;
            assert!((7.9..30.1).contains(&off), "{off}");
            assert!((106.20..=106.21).contains(&s.lon));
            assert_eq!(s.left, s.lat > 38.40);
        }
    }

    #[test]
    fn skips_motorways_closed_unnamed_and_broken_roads() {
        let mut closed = road("闭路", RoadClass::Residential, vec![vec![0.0, 0.0], vec![0.01, 0.0]]);
        closed.access = RoadAccess::No;
        let roads = vec![
            road("高速", RoadClass::Motorway, vec![vec![0.0, 0.0], vec![0.01, 0.0]]),
            closed,
            road("", RoadClass::Service, vec![vec![0.0, 0.0], vec![0.01, 0.0]]),
            road("坏路", RoadClass::Residential, vec![vec![f64::NAN, 0.0], vec![0.0]]),
        ];
        assert!(Placer::new(&roads).is_none());
        assert!(Placer::new(&[]).is_none());
        let only_unnamed = vec![road("", RoadClass::Service, vec![vec![0.0, 0.0], vec![0.01, 0.0]])];
        assert!(Placer::new(&only_unnamed).is_some());
    }
}
