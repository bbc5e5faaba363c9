//! Simplification in tile units: Douglas–Peucker (iterative, so a line of a million vertices cannot
//! overflow the stack) with a tolerance in tile units — the same fraction of a pixel at every zoom —
//! then snapping to the integer grid of the tile, removing repeated points, and the measures used
//! to drop what is too small to see (line length, ring area by the surveyor's formula).

use crate::geom::Pt;

/// Squared distance from `p` to the segment `a`–`b`.
fn seg_dist2(p: Pt, a: Pt, b: Pt) -> f64 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 { (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2).clamp(0.0, 1.0) } else { 0.0 };
    let (x, y) = (a[0] + t * dx - p[0], a[1] + t * dy - p[1]);
    x * x + y * y
}

/// Distance computations Douglas–Peucker may spend per input point before it stops refining.
/// The algorithm is O(n log n) on real lines but O(n²) on adversarial ones (a zig-zag whose every
/// split peels off one point); past the budget the unfinished spans keep all their points, which
/// is still within tolerance, only less simplified.
pub const DP_BUDGET_PER_POINT: usize = 64;

/// Douglas–Peucker: the points of `line` needed to stay within `tolerance` of it (ends always kept).
pub fn douglas_peucker(line: &[Pt], tolerance: f64) -> Vec<Pt> {
    if line.len() <= 2 || tolerance.is_nan() || tolerance <= 0.0 {
        return line.to_vec();
    }
    let tol2 = tolerance * tolerance;
    let mut keep = vec![false; line.len()];
    keep[0] = true;
    keep[line.len() - 1] = true;
    let mut budget = line.len().saturating_mul(DP_BUDGET_PER_POINT);
    let mut stack = vec![(0usize, line.len() - 1)];
    while let Some((first, last)) = stack.pop() {
        let span = last - first - 1;
        if span > budget {
            keep[first..=last].iter_mut().for_each(|k| *k = true);
            continue;
        }
        budget -= span;
        let (mut worst, mut at) = (0.0, 0);
        for i in first + 1..last {
            let d = seg_dist2(line[i], line[first], line[last]);
            if d > worst {
                worst = d;
                at = i;
            }
        }
        if worst > tol2 {
            keep[at] = true;
            stack.push((first, at));
            stack.push((at, last));
        }
    }
    line.iter().zip(keep).filter_map(|(p, k)| k.then_some(*p)).collect()
}

/// Simplifies a ring given open (no closing point): the first point and the one farthest from it
/// are kept as anchors and each half is simplified, so a ring never collapses by its own ends.
pub fn simplify_ring(ring: &[Pt], tolerance: f64) -> Vec<Pt> {
    if ring.len() <= 4 || tolerance.is_nan() || tolerance <= 0.0 {
        return ring.to_vec();
    }
    let a = ring[0];
    let far = (1..ring.len())
        .max_by(|&i, &j| {
            let di = (ring[i][0] - a[0]).powi(2) + (ring[i][1] - a[1]).powi(2);
            let dj = (ring[j][0] - a[0]).powi(2) + (ring[j][1] - a[1]).powi(2);
            di.total_cmp(&dj)
        })
        .unwrap_or(ring.len() / 2);
    let mut first_half = douglas_peucker(&ring[..=far], tolerance);
    let mut second: Vec<Pt> = ring[far..].to_vec();
    second.push(a);
    let second = douglas_peucker(&second, tolerance);
    first_half.pop();
    first_half.extend_from_slice(&second[..second.len() - 1]);
    first_half
}

/// Snaps to the integer grid and removes consecutive repeats. Coordinates are clipped first, so
/// they fit an `i32`; anything else saturates rather than wrapping.
pub fn snap(line: &[Pt]) -> Vec<[i32; 2]> {
    let mut out: Vec<[i32; 2]> = Vec::with_capacity(line.len());
    for p in line {
        let q = [p[0].round() as i32, p[1].round() as i32];
        if out.last() != Some(&q) {
            out.push(q);
        }
    }
    out
}

/// Twice the signed area of an open ring by the surveyor's formula, in tile units (y down, so a
/// ring that looks clockwise on screen is positive: the vector-tile spec's exterior ring).
pub fn ring_area2(ring: &[[i32; 2]]) -> i64 {
    let n = ring.len();
    let mut s: i64 = 0;
    for i in 0..n {
        let (a, b) = (ring[i], ring[(i + 1) % n]);
        s += a[0] as i64 * b[1] as i64 - b[0] as i64 * a[1] as i64;
    }
    s
}

/// Length of a snapped line, tile units.
pub fn length(line: &[[i32; 2]]) -> f64 {
    line.windows(2).map(|w| ((w[1][0] - w[0][0]) as f64).hypot((w[1][1] - w[0][1]) as f64)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn straight_lines_lose_their_middle() {
        let l: Vec<Pt> = (0..=100).map(|i| [i as f64, 0.0]).collect();
        assert_eq!(douglas_peucker(&l, 0.5), vec![[0.0, 0.0], [100.0, 0.0]]);
        let bent = [[0.0, 0.0], [5.0, 3.0], [10.0, 0.0]];
        assert_eq!(douglas_peucker(&bent, 1.0).len(), 3);
        assert_eq!(douglas_peucker(&bent, 4.0).len(), 2);
        assert_eq!(douglas_peucker(&bent, f64::NAN).len(), 3);
    }

    #[test]
    fn huge_lines_do_not_overflow_or_take_quadratic_time() {
        let l: Vec<Pt> = (0..1_000_000).map(|i| [i as f64, if i % 2 == 0 { 0.0 } else { 10.0 }]).collect();
        assert_eq!(douglas_peucker(&l, 1.0).len(), 1_000_000);
        assert_eq!(douglas_peucker(&l, 20.0).len(), 2);
    }

    #[test]
    fn rings_keep_their_shape() {
        let circle: Vec<Pt> = (0..360)
            .map(|d| {
                let a = (d as f64).to_radians();
                [100.0 + 50.0 * a.cos(), 100.0 + 50.0 * a.sin()]
            })
            .collect();
        let s = simplify_ring(&circle, 1.0);
        assert!(s.len() >= 8 && s.len() < 60, "{}", s.len());
        let area = ring_area2(&snap(&s)).abs() as f64 / 2.0;
        assert!((area - std::f64::consts::PI * 2500.0).abs() / (std::f64::consts::PI * 2500.0) < 0.02, "{area}");
    }

    #[test]
    fn snapping_and_measures() {
        assert_eq!(
            snap(&[[0.2, 0.4], [0.4, 0.3], [1.6, 0.0], [1e12, -1e12]]),
            vec![[0, 0], [2, 0], [i32::MAX, i32::MIN]]
        );
        // Clockwise on screen (y down): positive.
        assert_eq!(ring_area2(&[[0, 0], [10, 0], [10, 10], [0, 10]]), 200);
        assert_eq!(ring_area2(&[[0, 0], [0, 10], [10, 10], [10, 0]]), -200);
        assert_eq!(length(&[[0, 0], [3, 4], [3, 0]]), 9.0);
    }
}
