//! Stage 3, snapping: any `(lon, lat)` to the nearest routable road piece. Segments of every piece
//! are indexed in an R-tree in a local metric projection; the point is projected onto the nearest
//! segment and the piece's travel time is split in proportion to the distance along it.
//!
//! Refused: NaN or out-of-range coordinates ([`RouteError::InvalidPoint`]) and points farther than
//! the profile's `max_snap_m` from every routable piece ([`RouteError::NoRoadNear`]). Closed pieces
//! (overrides) are skipped; with `snap_main_component_only`, so are pieces not on the main network.

use rstar::RTree;
use rstar::primitives::{GeomWithData, Line};

use crate::dijkstra::NodeCost;
use crate::error::RouteError;
use crate::geom::{LocalProjection, haversine_m, valid_lon_lat};
use crate::graph::RoadGraph;
use crate::profile::Profile;

type Segment = GeomWithData<Line<[f64; 2]>, (u32, u32)>;

/// A point placed on the network.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapped {
    /// The piece it lies on.
    pub piece: u32,
    /// Position along the piece, 0 at its `from` node, 1 at its `to` node (by length).
    pub fraction: f64,
    /// The snapped position `[lon, lat]`.
    pub point: [f64; 2],
    /// Distance from the input point in metres.
    pub distance_m: f64,
}

/// The R-tree over the pieces' segments.
#[derive(Debug, Clone)]
pub struct Snapper {
    tree: RTree<Segment>,
    proj: LocalProjection,
    max_m: f64,
}

impl Snapper {
    /// Heap bytes of the index: its segments (the R-tree's inner nodes, a small fraction, are not
    /// counted).
    pub fn heap_bytes(&self) -> usize {
        self.tree.size() * size_of::<Segment>()
    }

    /// Indexes the pieces of `graph` that the profile allows snapping to.
    pub fn new(graph: &RoadGraph, profile: &Profile) -> Snapper {
        let n = graph.num_nodes().max(1) as f64;
        let ref_lat = (0..graph.num_nodes() as u32).map(|v| graph.node_coord(v)[1]).sum::<f64>() / n;
        let proj = LocalProjection::new(ref_lat);
        let mut segs = Vec::new();
        for (i, p) in graph.pieces().iter().enumerate() {
            let routable = graph.travel_ms(i as u32, true).is_some() || graph.travel_ms(i as u32, false).is_some();
            let main = graph.in_main_component(p.from) && graph.in_main_component(p.to);
            if !routable || (profile.snap_main_component_only && !main) {
                continue;
            }
            for (j, w) in p.coords.windows(2).enumerate() {
                segs.push(Segment::new(Line::new(proj.project(w[0]), proj.project(w[1])), (i as u32, j as u32)));
            }
        }
        Snapper { tree: RTree::bulk_load(segs), proj, max_m: profile.max_snap_m }
    }

    /// Snaps a point to the nearest piece currently open in `graph`.
    pub fn snap(&self, graph: &RoadGraph, lon: f64, lat: f64) -> Result<Snapped, RouteError> {
        if !valid_lon_lat(lon, lat) {
            return Err(RouteError::InvalidPoint { lon, lat });
        }
        let q = self.proj.project([lon, lat]);
        let open = |piece: u32| graph.travel_ms(piece, true).is_some() || graph.travel_ms(piece, false).is_some();
        let Some((seg, d2)) = self.tree.nearest_neighbor_iter_with_distance_2(&q).find(|(s, _)| open(s.data.0)) else {
            return Err(RouteError::NoRoadNear { distance_m: None, max_m: self.max_m });
        };
        let distance_m = d2.sqrt();
        if distance_m > self.max_m {
            return Err(RouteError::NoRoadNear { distance_m: Some(distance_m), max_m: self.max_m });
        }
        let (piece_ix, seg_ix) = seg.data;
        let (a, b) = (seg.geom().from, seg.geom().to);
        let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
        let len2 = dx * dx + dy * dy;
        let t = if len2 > 0.0 { (((q[0] - a[0]) * dx + (q[1] - a[1]) * dy) / len2).clamp(0.0, 1.0) } else { 0.0 };
        let point = self.proj.unproject([a[0] + t * dx, a[1] + t * dy]);
        let piece = &graph.pieces()[piece_ix as usize];
        let before: f64 = piece.coords[..=seg_ix as usize].windows(2).map(|w| haversine_m(w[0], w[1])).sum();
        let seg_len = haversine_m(piece.coords[seg_ix as usize], piece.coords[seg_ix as usize + 1]);
        let fraction =
            if piece.length_m > 0.0 { ((before + t * seg_len) / piece.length_m).clamp(0.0, 1.0) } else { 0.0 };
        Ok(Snapped { piece: piece_ix, fraction, point, distance_m })
    }
}

impl Snapped {
    /// Nodes reachable by leaving the point along its piece, with the cost to get there
    /// (partial travel time + the junction penalty at the node).
    pub fn leave(&self, g: &RoadGraph) -> Vec<NodeCost> {
        let p = &g.pieces()[self.piece as usize];
        let mut out = Vec::with_capacity(2);
        if let Some(t) = g.travel_ms(self.piece, true) {
            out.push((p.to, part(t, 1.0 - self.fraction) + u64::from(g.penalty_at(p.to))));
        }
        if let Some(t) = g.travel_ms(self.piece, false) {
            out.push((p.from, part(t, self.fraction) + u64::from(g.penalty_at(p.from))));
        }
        out
    }

    /// Nodes from which the point is reached along its piece, with the remaining cost.
    pub fn arrive(&self, g: &RoadGraph) -> Vec<NodeCost> {
        let p = &g.pieces()[self.piece as usize];
        let mut out = Vec::with_capacity(2);
        if let Some(t) = g.travel_ms(self.piece, true) {
            out.push((p.from, part(t, self.fraction)));
        }
        if let Some(t) = g.travel_ms(self.piece, false) {
            out.push((p.to, part(t, 1.0 - self.fraction)));
        }
        out
    }

    /// Cost of driving from `self` to `to` without leaving the piece, when both are on the same
    /// piece and its direction allows it.
    pub fn direct_to(&self, to: &Snapped, g: &RoadGraph) -> Option<u64> {
        if self.piece != to.piece {
            return None;
        }
        if to.fraction == self.fraction {
            Some(0)
        } else if to.fraction > self.fraction {
            g.travel_ms(self.piece, true).map(|t| part(t, to.fraction - self.fraction))
        } else {
            g.travel_ms(self.piece, false).map(|t| part(t, self.fraction - to.fraction))
        }
    }
}

/// A fraction of a travel time, rounded to the millisecond.
fn part(ms: u32, fraction: f64) -> u64 {
    (f64::from(ms) * fraction.clamp(0.0, 1.0)).round() as u64
}
