//! Clipping in tile coordinates to the square `min..max` on both axes (the tile plus its buffer):
//! lines segment by segment — Cohen–Sutherland outcodes accept or reject whole segments, the rest
//! are cut with Liang–Barsky — and re-joined where consecutive pieces touch, so a road that leaves
//! and re-enters the tile becomes two lines; polygon rings with Sutherland–Hodgman (one pass per
//! edge), which keeps a ring a ring (a polygon covering the whole tile becomes the buffered square).
//!
//! Rings are handled open (no repeated closing point) on output. Nothing here allocates more than a
//! small multiple of its input.

use crate::geom::Pt;

/// The clip square.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Lowest coordinate kept on both axes (`-buffer`).
    pub min: f64,
    /// Highest coordinate kept on both axes (`extent + buffer`).
    pub max: f64,
}

impl Rect {
    /// The tile `0..extent` grown by `buffer` on every side.
    pub fn buffered(extent: u32, buffer: u32) -> Rect {
        Rect { min: -(buffer as f64), max: extent as f64 + buffer as f64 }
    }

    fn code(&self, p: Pt) -> u8 {
        let mut c = 0;
        if p[0] < self.min {
            c |= 1;
        } else if p[0] > self.max {
            c |= 2;
        }
        if p[1] < self.min {
            c |= 4;
        } else if p[1] > self.max {
            c |= 8;
        }
        c
    }

    /// Whether a bounding box (`[min x, min y]`, `[max x, max y]`) lies wholly inside.
    pub fn contains_box(&self, lo: Pt, hi: Pt) -> bool {
        lo[0] >= self.min && lo[1] >= self.min && hi[0] <= self.max && hi[1] <= self.max
    }

    /// Whether a bounding box misses the square entirely.
    pub fn misses_box(&self, lo: Pt, hi: Pt) -> bool {
        hi[0] < self.min || hi[1] < self.min || lo[0] > self.max || lo[1] > self.max
    }
}

/// The bounding box of points, `None` when empty.
pub fn bounds(ps: &[Pt]) -> Option<(Pt, Pt)> {
    let first = *ps.first()?;
    Some(
        ps.iter().fold((first, first), |(lo, hi), p| {
            ([lo[0].min(p[0]), lo[1].min(p[1])], [hi[0].max(p[0]), hi[1].max(p[1])])
        }),
    )
}

/// Liang–Barsky: the part of segment `a → b` inside the square, if any.
fn clip_segment(a: Pt, b: Pt, r: &Rect) -> Option<(Pt, Pt)> {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let mut t0: f64 = 0.0;
    let mut t1: f64 = 1.0;
    for (p, q) in [(-dx, a[0] - r.min), (dx, r.max - a[0]), (-dy, a[1] - r.min), (dy, r.max - a[1])] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    if t0 > t1 {
        return None;
    }
    let at = |t: f64| {
        if t == 0.0 {
            a
        } else if t == 1.0 {
            b
        } else {
            [a[0] + t * dx, a[1] + t * dy]
        }
    };
    Some((at(t0), at(t1)))
}

/// Clips a line; returns its pieces inside the square (each of at least two points).
pub fn clip_line(line: &[Pt], r: &Rect) -> Vec<Vec<Pt>> {
    let Some((lo, hi)) = bounds(line) else { return vec![] };
    if line.len() < 2 || r.misses_box(lo, hi) {
        return vec![];
    }
    if r.contains_box(lo, hi) {
        return vec![line.to_vec()];
    }
    let mut parts = Vec::new();
    let mut cur: Vec<Pt> = Vec::new();
    for w in line.windows(2) {
        let (a, b) = (w[0], w[1]);
        let (ca, cb) = (r.code(a), r.code(b));
        let seg = if ca == 0 && cb == 0 {
            Some((a, b))
        } else if ca & cb != 0 {
            None
        } else {
            clip_segment(a, b, r)
        };
        match seg {
            Some((p, q)) => {
                if cur.last() != Some(&p) {
                    if cur.len() >= 2 {
                        parts.push(std::mem::take(&mut cur));
                    }
                    cur.clear();
                    cur.push(p);
                }
                cur.push(q);
            }
            None => {
                if cur.len() >= 2 {
                    parts.push(std::mem::take(&mut cur));
                }
                cur.clear();
            }
        }
    }
    if cur.len() >= 2 {
        parts.push(cur);
    }
    parts
}

/// One Sutherland–Hodgman pass: keeps the side of the line `axis = value` where `inside` holds.
fn pass(ring: &[Pt], axis: usize, value: f64, keep_below: bool) -> Vec<Pt> {
    let inside = |p: &Pt| if keep_below { p[axis] <= value } else { p[axis] >= value };
    let cross = |a: &Pt, b: &Pt| {
        let t = (value - a[axis]) / (b[axis] - a[axis]);
        let mut p = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
        p[axis] = value;
        p
    };
    let mut out = Vec::with_capacity(ring.len() + 4);
    let Some(mut prev) = ring.last() else { return out };
    for cur in ring {
        match (inside(prev), inside(cur)) {
            (true, true) => out.push(*cur),
            (true, false) => out.push(cross(prev, cur)),
            (false, true) => {
                out.push(cross(prev, cur));
                out.push(*cur);
            }
            (false, false) => {}
        }
        prev = cur;
    }
    out
}

/// Clips a ring (closed or not); returns it open, or empty when fewer than three points remain.
pub fn clip_ring(ring: &[Pt], r: &Rect) -> Vec<Pt> {
    let mut open = ring;
    if open.len() >= 2 && open.first() == open.last() {
        open = &open[..open.len() - 1];
    }
    let Some((lo, hi)) = bounds(open) else { return vec![] };
    if open.len() < 3 || r.misses_box(lo, hi) {
        return vec![];
    }
    let out = if r.contains_box(lo, hi) {
        open.to_vec()
    } else {
        let mut v = pass(open, 0, r.min, false);
        v = pass(&v, 0, r.max, true);
        v = pass(&v, 1, r.min, false);
        pass(&v, 1, r.max, true)
    };
    if out.len() < 3 { vec![] } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    const R: Rect = Rect { min: 0.0, max: 10.0 };

    #[test]
    fn lines_inside_outside_and_across() {
        assert_eq!(clip_line(&[[1.0, 1.0], [9.0, 9.0]], &R), vec![vec![[1.0, 1.0], [9.0, 9.0]]]);
        assert!(clip_line(&[[-5.0, -5.0], [-1.0, 20.0]], &R).is_empty());
        assert!(clip_line(&[[11.0, 1.0], [20.0, 9.0]], &R).is_empty());
        assert_eq!(clip_line(&[[-5.0, 5.0], [15.0, 5.0]], &R), vec![vec![[0.0, 5.0], [10.0, 5.0]]]);
        // Out, in, out, in again: two pieces.
        let l = [[-5.0, 5.0], [5.0, 5.0], [5.0, 15.0], [7.0, 15.0], [7.0, 5.0]];
        assert_eq!(clip_line(&l, &R), vec![vec![[0.0, 5.0], [5.0, 5.0], [5.0, 10.0]], vec![[7.0, 10.0], [7.0, 5.0]]]);
        // Diagonal through a corner region without entering.
        assert!(clip_line(&[[-1.0, 0.5], [0.5, -1.0]], &R).is_empty());
        // Along an edge is kept; grazing a corner gives a zero-length piece (dropped once snapped).
        assert_eq!(clip_line(&[[0.0, -3.0], [0.0, 13.0]], &R), vec![vec![[0.0, 0.0], [0.0, 10.0]]]);
        assert_eq!(clip_line(&[[-1.0, 1.0], [1.0, -1.0]], &R), vec![vec![[0.0, 0.0], [0.0, 0.0]]]);
        assert!(clip_line(&[[5.0, 5.0]], &R).is_empty());
        assert!(clip_line(&[], &R).is_empty());
    }

    #[test]
    fn rings_inside_outside_around() {
        let sq = [[2.0, 2.0], [8.0, 2.0], [8.0, 8.0], [2.0, 8.0], [2.0, 2.0]];
        assert_eq!(clip_ring(&sq, &R), sq[..4].to_vec());
        assert!(clip_ring(&[[20.0, 20.0], [30.0, 20.0], [30.0, 30.0]], &R).is_empty());
        // A polygon around the whole square becomes the square.
        let big = [[-5.0, -5.0], [15.0, -5.0], [15.0, 15.0], [-5.0, 15.0]];
        let c = clip_ring(&big, &R);
        assert_eq!(c.len(), 4);
        for p in &c {
            assert!((p[0] == 0.0 || p[0] == 10.0) && (p[1] == 0.0 || p[1] == 10.0), "{c:?}");
        }
        // Half in: a triangle cut by the right edge becomes a quadrilateral.
        let tri = [[5.0, 2.0], [15.0, 5.0], [5.0, 8.0]];
        let c = clip_ring(&tri, &R);
        assert_eq!(c.len(), 4, "{c:?}");
        assert!(c.iter().all(|p| p[0] <= 10.0));
        assert!(clip_ring(&[[1.0, 1.0], [2.0, 2.0]], &R).is_empty());
    }

    #[test]
    fn hostile_sizes_stay_bounded() {
        // A long zig-zag far outside: linear work, nothing kept.
        let l: Vec<Pt> = (0..100_000).map(|i| [1e9 + i as f64, if i % 2 == 0 { -1e9 } else { 1e9 }]).collect();
        assert!(clip_line(&l, &R).is_empty());
        // The same zig-zag across the square: every crossing is a piece.
        let l: Vec<Pt> = (0..1000).map(|i| [i as f64 * 0.01, if i % 2 == 0 { -1e9 } else { 1e9 }]).collect();
        let parts = clip_line(&l, &R);
        assert_eq!(parts.len(), 999);
        assert!(parts.iter().flatten().all(|p| (0.0..=10.0).contains(&p[1])));
    }
}
