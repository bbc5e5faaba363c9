//! Assembling multipolygon rings from OpenStreetMap way segments: a relation's outer (or inner)
//! boundary is often split over several ways that must be joined end to end, possibly reversed.

/// Joins node-id sequences into closed rings. Fails, naming the node where a ring stays open, when
/// the segments do not close.
pub(crate) fn join_rings(segments: Vec<Vec<i64>>) -> Result<Vec<Vec<i64>>, String> {
    let mut rings = Vec::new();
    let mut open: Vec<Vec<i64>> = Vec::new();
    for s in segments {
        if s.len() < 2 {
            continue;
        }
        if is_closed(&s) { rings.push(s) } else { open.push(s) }
    }
    while let Some(mut cur) = open.pop() {
        loop {
            if is_closed(&cur) {
                rings.push(cur);
                break;
            }
            let (Some(&first), Some(&end)) = (cur.first(), cur.last()) else { break };
            if let Some(j) = open.iter().position(|s| s.first() == Some(&end)) {
                let next = open.swap_remove(j);
                cur.extend_from_slice(&next[1..]);
            } else if let Some(j) = open.iter().position(|s| s.last() == Some(&end)) {
                let next = open.swap_remove(j);
                cur.extend(next.iter().rev().skip(1));
            } else if first == end {
                // Closed but too short to be a ring (two nodes back and forth).
                return Err(format!("ring through node {first} has fewer than four nodes"));
            } else {
                return Err(format!("ring is not closed: no way continues from node {end}"));
            }
        }
    }
    Ok(rings)
}

fn is_closed(s: &[i64]) -> bool {
    s.len() >= 4 && s.first() == s.last()
}

/// Whether `p` lies inside the closed ring `ring` (even-odd rule), both as `[lon, lat]`.
pub(crate) fn ring_contains(ring: &[Vec<f64>], p: &[f64]) -> bool {
    let (Some(&x), Some(&y)) = (p.first(), p.get(1)) else { return false };
    let mut inside = false;
    for w in ring.windows(2) {
        let (Some(&x1), Some(&y1), Some(&x2), Some(&y2)) = (w[0].first(), w[0].get(1), w[1].first(), w[1].get(1))
        else {
            continue;
        };
        if (y1 > y) != (y2 > y) && x < (x2 - x1) * (y - y1) / (y2 - y1) + x1 {
            inside = !inside;
        }
    }
    inside
}

/// Builds MultiPolygon coordinates from outer and inner rings: each inner ring becomes a hole of
/// the first outer ring that contains its first vertex (inner rings outside every outer are dropped).
pub(crate) fn polygons(outers: Vec<Vec<Vec<f64>>>, inners: Vec<Vec<Vec<f64>>>) -> Vec<Vec<Vec<Vec<f64>>>> {
    let mut polys: Vec<Vec<Vec<Vec<f64>>>> = outers.into_iter().map(|o| vec![o]).collect();
    for inner in inners {
        let Some(p) = inner.first() else { continue };
        if let Some(poly) = polys.iter_mut().find(|poly| poly.first().is_some_and(|outer| ring_contains(outer, p))) {
            poly.push(inner);
        }
    }
    polys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_split_and_reversed_segments() {
        let rings = join_rings(vec![vec![1, 2, 3], vec![5, 4, 3], vec![5, 1]]).unwrap();
        assert_eq!(rings.len(), 1);
        assert_eq!(rings[0].first(), rings[0].last());
        assert_eq!(rings[0].len(), 6);
    }

    #[test]
    fn open_ring_is_refused() {
        let err = join_rings(vec![vec![1, 2, 3], vec![3, 4]]).unwrap_err();
        assert!(err.contains("not closed"), "{err}");
    }

    #[test]
    fn holes_go_into_their_outer() {
        let sq = |a: f64, b: f64| vec![vec![a, a], vec![b, a], vec![b, b], vec![a, b], vec![a, a]];
        let polys = polygons(vec![sq(0.0, 10.0), sq(20.0, 30.0)], vec![sq(2.0, 3.0)]);
        assert_eq!(polys[0].len(), 2);
        assert_eq!(polys[1].len(), 1);
    }
}
