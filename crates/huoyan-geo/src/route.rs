//! Stage 4, queries. [`Router`] owns the graph, the snapper and a contraction hierarchy
//! (`fast_paths`), and answers:
//!
//! - [`Router::route`]: point → point travel time, metres, road ids and the path as a GeoJSON
//!   LineString (CH query with both snapped ends as weighted multi-sources/targets);
//! - [`Router::travel_times_to`]: every force → one incident (the direction engines drive), one
//!   backward Dijkstra sweep that stops when every force is settled;
//! - [`Router::travel_times_from`]: one origin → many targets, forward sweep.
//!
//! Costs are integer milliseconds; answers are in seconds. Closures and speed overrides
//! (`closures.rs`) re-weight the graph at once; queries then use Dijkstra until
//! [`Router::recontract`] refreshes the hierarchy.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use fast_paths::{FastGraph, InputGraph, PathCalculator};
use geojson::{Geometry, Value};
use huoyan_domain::Road;

use crate::closures::Overrides;
use crate::dijkstra::{NodeCost, dijkstra};
use crate::error::{BuildError, RouteError};
use crate::graph::{NodeId, RoadGraph, build_graph};
use crate::profile::Profile;
use crate::snap::{Snapped, Snapper};

/// A route between two points.
#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    /// Travel time in seconds.
    pub seconds: f64,
    /// Distance driven in metres (from snapped point to snapped point).
    pub metres: f64,
    /// The path, a LineString in WGS84.
    pub geometry: Geometry,
    /// Ids of the roads driven, in order, consecutive repeats removed.
    pub road_ids: Vec<i64>,
    /// Where the origin snapped.
    pub from: Snapped,
    /// Where the destination snapped.
    pub to: Snapped,
}

/// The contraction hierarchy and a pool of query workspaces.
struct Ch {
    fast: FastGraph,
    order: Vec<usize>,
    calcs: Mutex<Vec<PathCalculator>>,
}

/// The routing engine over one city's roads.
pub struct Router {
    graph: RoadGraph,
    profile: Profile,
    overrides: Overrides,
    snapper: Snapper,
    ch: Option<Ch>,
    fresh: bool,
}

impl std::fmt::Debug for Router {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Router").field("report", self.graph.report()).field("ch_fresh", &self.fresh).finish()
    }
}

impl Router {
    /// Builds the graph, the snapping index and the contraction hierarchy.
    pub fn new(roads: &[Road], profile: &Profile) -> Result<Router, BuildError> {
        let graph = build_graph(roads, profile)?;
        Ok(Self::from_graph(graph, profile.clone()))
    }

    /// Indexes and contracts an already built graph.
    pub fn from_graph(graph: RoadGraph, profile: Profile) -> Router {
        let snapper = Snapper::new(&graph, &profile);
        let mut r = Router { graph, profile, overrides: Overrides::default(), snapper, ch: None, fresh: false };
        r.recontract();
        r
    }

    /// Heap bytes the router holds (graph, snapping index, contraction hierarchy with its node
    /// order; query workspaces not counted), estimated from the structures' sizes. See
    /// `docs/BENCHMARKS.md`.
    pub fn heap_bytes(&self) -> usize {
        let ch = self.ch.as_ref().map_or(0, |ch| {
            let f = &ch.fast;
            let edges = f.get_num_out_edges() + f.get_num_in_edges();
            // FastGraph: both edge arrays (an edge is five usize-sized fields: base and adjacent
            // node, weight, two replaced edges; the type is not exported), two first-edge arrays
            // and the ranks (usize each).
            edges * 5 * size_of::<usize>()
                + 3 * f.get_num_nodes() * size_of::<usize>()
                + crate::graph::vec_bytes(&ch.order)
        });
        self.graph.heap_bytes() + self.snapper.heap_bytes() + ch
    }

    /// The graph.
    pub fn graph(&self) -> &RoadGraph {
        &self.graph
    }

    /// The profile.
    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    /// The overrides in force.
    pub fn overrides(&self) -> &Overrides {
        &self.overrides
    }

    /// Whether queries use the contraction hierarchy (no edit since the last contraction).
    pub fn is_contracted(&self) -> bool {
        self.fresh && self.ch.is_some()
    }

    /// Snaps a point to the network.
    pub fn snap(&self, lon: f64, lat: f64) -> Result<Snapped, RouteError> {
        self.snapper.snap(&self.graph, lon, lat)
    }

    /// Replaces the overrides and re-weights the graph; the hierarchy becomes stale (queries fall
    /// back to Dijkstra) until [`Router::recontract`]. Returns the ids that match no road.
    pub fn set_overrides(&mut self, overrides: Overrides) -> Vec<i64> {
        let unknown = overrides
            .closed
            .iter()
            .chain(overrides.speed_kmh.keys())
            .copied()
            .filter(|id| !self.graph.has_road(*id))
            .collect();
        self.graph.reweight(&self.profile, &overrides);
        self.overrides = overrides;
        self.fresh = false;
        unknown
    }

    /// Closes one road (see [`Router::set_overrides`]).
    pub fn close_road(&mut self, road_id: i64) {
        let mut o = self.overrides.clone();
        o.close(road_id);
        self.set_overrides(o);
    }

    /// Reopens one road.
    pub fn reopen_road(&mut self, road_id: i64) {
        let mut o = self.overrides.clone();
        o.reopen(road_id);
        self.set_overrides(o);
    }

    /// Sets or clears a speed override (km/h) on one road.
    pub fn set_speed(&mut self, road_id: i64, kmh: Option<f64>) {
        let mut o = self.overrides.clone();
        o.set_speed(road_id, kmh);
        self.set_overrides(o);
    }

    /// (Re)prepares the contraction hierarchy for the current weights, reusing the previous node
    /// order when there is one. Returns the time taken.
    pub fn recontract(&mut self) -> Duration {
        let start = Instant::now();
        let mut input = InputGraph::new();
        for (u, e) in self.graph.edges() {
            input.add_edge(u as usize, e.head as usize, e.weight as usize);
        }
        input.freeze();
        self.ch = if input.get_num_edges() == 0 {
            None
        } else {
            let reuse = self.ch.as_ref().filter(|c| c.order.len() == input.get_num_nodes());
            let fast = match reuse.map(|c| fast_paths::prepare_with_order(&input, &c.order)) {
                Some(Ok(fast)) => fast,
                _ => fast_paths::prepare(&input),
            };
            let order = fast_paths::get_node_ordering(&fast);
            Some(Ch { fast, order, calcs: Mutex::new(Vec::new()) })
        };
        self.fresh = true;
        start.elapsed()
    }

    /// Cheapest cost in milliseconds from node `s` to node `t`, `None` when unreachable.
    pub fn node_cost(&self, s: NodeId, t: NodeId) -> Option<u64> {
        self.best_path(&[(s, 0)], &[(t, 0)]).map(|(c, _)| c)
    }

    /// Travel time, distance and path from one point to another.
    pub fn route(&self, from: (f64, f64), to: (f64, f64)) -> Result<Route, RouteError> {
        let a = self.snap(from.0, from.1)?;
        let b = self.snap(to.0, to.1)?;
        let (leave, arrive) = (a.leave(&self.graph), b.arrive(&self.graph));
        let via_graph = self.best_path(&leave, &arrive);
        let direct = a.direct_to(&b, &self.graph);
        let g = &self.graph;
        let (cost, coords, metres, roads) = match (direct, via_graph) {
            (Some(d), v) if v.as_ref().is_none_or(|(c, _)| d <= *c) => {
                let p = &g.pieces()[a.piece as usize];
                let coords = piece_part(&p.coords, p.length_m, a.fraction, b.fraction);
                (d, coords, p.length_m * (b.fraction - a.fraction).abs(), vec![p.road_id])
            }
            (_, Some((cost, nodes))) => self.assemble(&a, &b, &leave, &arrive, cost, &nodes),
            _ => return Err(RouteError::Unreachable),
        };
        let mut road_ids = roads;
        road_ids.dedup();
        Ok(Route {
            seconds: cost as f64 / 1000.0,
            metres,
            geometry: Geometry::new(Value::LineString(coords.iter().map(|c| c.to_vec()).collect())),
            road_ids,
            from: a,
            to: b,
        })
    }

    /// Travel time in seconds from every force to the incident (`None`: the force is off the
    /// network or cannot reach the incident). Fails only if the incident itself cannot be snapped.
    pub fn travel_times_to(&self, incident: (f64, f64), forces: &[(f64, f64)]) -> Result<Vec<Option<f64>>, RouteError> {
        self.one_and_many(incident, forces, true)
    }

    /// Travel time in seconds from one origin to every target (`None`: off the network or
    /// unreachable). Fails only if the origin cannot be snapped.
    pub fn travel_times_from(
        &self,
        origin: (f64, f64),
        targets: &[(f64, f64)],
    ) -> Result<Vec<Option<f64>>, RouteError> {
        self.one_and_many(origin, targets, false)
    }

    /// One Dijkstra from `centre` over the graph (backwards when the others drive *to* it), stopping
    /// once every other point's nodes are settled; each point also tries the direct way along a
    /// shared piece.
    fn one_and_many(
        &self,
        centre: (f64, f64),
        others: &[(f64, f64)],
        towards: bool,
    ) -> Result<Vec<Option<f64>>, RouteError> {
        let c = self.snap(centre.0, centre.1)?;
        let snapped: Vec<Option<Snapped>> = others.iter().map(|p| self.snap(p.0, p.1).ok()).collect();
        let g = &self.graph;
        let ends: Vec<Vec<NodeCost>> = snapped
            .iter()
            .map(|s| s.as_ref().map(|s| if towards { s.leave(g) } else { s.arrive(g) }).unwrap_or_default())
            .collect();
        let stop: Vec<NodeId> = ends.iter().flatten().map(|(n, _)| *n).collect();
        let start = if towards { c.arrive(g) } else { c.leave(g) };
        let search = dijkstra(g, &start, towards, &stop);
        Ok(snapped
            .iter()
            .zip(&ends)
            .map(|(s, e)| {
                let s = s.as_ref()?;
                let via = e.iter().filter_map(|&(n, cost)| reached(&search.dist, n).map(|d| d + cost)).min();
                let direct = if towards { s.direct_to(&c, g) } else { c.direct_to(s, g) };
                let best = [via, direct].into_iter().flatten().min()?;
                Some(best as f64 / 1000.0)
            })
            .collect())
    }

    /// Cheapest path between weighted node sets: cost and node sequence.
    fn best_path(&self, sources: &[NodeCost], targets: &[NodeCost]) -> Option<(u64, Vec<NodeId>)> {
        match (&self.ch, self.fresh) {
            (Some(ch), true) => {
                let n = ch.fast.get_num_nodes();
                let conv = |v: &[NodeCost]| -> Vec<(usize, usize)> {
                    v.iter().filter(|(x, _)| (*x as usize) < n).map(|&(x, c)| (x as usize, c as usize)).collect()
                };
                let (s, t) = (conv(sources), conv(targets));
                if s.is_empty() || t.is_empty() {
                    return None;
                }
                let mut calc = ch.calcs.lock().ok().and_then(|mut p| p.pop());
                let calc_ref = calc.get_or_insert_with(|| fast_paths::create_calculator(&ch.fast));
                let path = calc_ref.calc_path_multiple_sources_and_targets(&ch.fast, s, t);
                if let (Some(c), Ok(mut pool)) = (calc, ch.calcs.lock()) {
                    pool.push(c);
                }
                let path = path?;
                let nodes = path.get_nodes().iter().map(|&v| v as NodeId).collect();
                Some((path.get_weight() as u64, nodes))
            }
            (None, true) => None,
            _ => {
                let stop: Vec<NodeId> = targets.iter().map(|(n, _)| *n).collect();
                let search = dijkstra(&self.graph, sources, false, &stop);
                let (best, cost) = targets
                    .iter()
                    .filter_map(|&(n, c)| reached(&search.dist, n).map(|d| (n, d + c)))
                    .min_by_key(|(_, c)| *c)?;
                let mut nodes = vec![best];
                let mut v = best;
                while search.parent[v as usize] != NodeId::MAX {
                    v = search.parent[v as usize];
                    nodes.push(v);
                }
                nodes.reverse();
                Some((cost, nodes))
            }
        }
    }

    /// Geometry, metres and road ids of a path leaving `a`, through `nodes`, arriving at `b`.
    fn assemble(
        &self,
        a: &Snapped,
        b: &Snapped,
        leave: &[NodeCost],
        arrive: &[NodeCost],
        cost: u64,
        nodes: &[NodeId],
    ) -> (u64, Vec<[f64; 2]>, f64, Vec<i64>) {
        let g = &self.graph;
        let (first, last) = (nodes[0], nodes[nodes.len() - 1]);
        let pa = &g.pieces()[a.piece as usize];
        let pb = &g.pieces()[b.piece as usize];
        // Which way the origin left its piece: the cheaper candidate at the first node.
        let leave_fwd = leave.iter().filter(|(n, _)| *n == first).min_by_key(|(_, c)| *c).map(|(n, _)| *n == pa.to);
        let end_a = if leave_fwd.unwrap_or(true) { 1.0 } else { 0.0 };
        let mut coords = piece_part(&pa.coords, pa.length_m, a.fraction, end_a);
        let mut metres = pa.length_m * (end_a - a.fraction).abs();
        let mut roads = vec![pa.road_id];
        for w in nodes.windows(2) {
            if let Some(e) = g.best_edge(w[0], w[1]) {
                let p = &g.pieces()[e.piece as usize];
                let (s, t) = if e.forward { (0.0, 1.0) } else { (1.0, 0.0) };
                extend(&mut coords, piece_part(&p.coords, p.length_m, s, t));
                metres += p.length_m;
                roads.push(p.road_id);
            }
        }
        let arrive_fwd = arrive.iter().filter(|(n, _)| *n == last).min_by_key(|(_, c)| *c).map(|(n, _)| *n == pb.from);
        let start_b = if arrive_fwd.unwrap_or(true) { 0.0 } else { 1.0 };
        extend(&mut coords, piece_part(&pb.coords, pb.length_m, start_b, b.fraction));
        metres += pb.length_m * (b.fraction - start_b).abs();
        roads.push(pb.road_id);
        (cost, coords, metres, roads)
    }
}

/// The cost at a node, if the search reached it.
fn reached(dist: &[u64], n: NodeId) -> Option<u64> {
    dist.get(n as usize).copied().filter(|d| *d != u64::MAX)
}

/// Appends `more` to `coords`, skipping the joint point.
fn extend(coords: &mut Vec<[f64; 2]>, more: Vec<[f64; 2]>) {
    let skip = usize::from(coords.last().is_some() && coords.last() == more.first());
    coords.extend(more.into_iter().skip(skip));
}

/// The part of a polyline between two fractions of its length, in the order `f0 → f1`.
fn piece_part(coords: &[[f64; 2]], length_m: f64, f0: f64, f1: f64) -> Vec<[f64; 2]> {
    let (lo, hi) = (f0.min(f1), f0.max(f1));
    let at = |f: f64| -> ([f64; 2], usize) {
        let target = f * length_m;
        let mut acc = 0.0;
        for (i, w) in coords.windows(2).enumerate() {
            let l = crate::geom::haversine_m(w[0], w[1]);
            if acc + l >= target || i == coords.len() - 2 {
                let t = if l > 0.0 { ((target - acc) / l).clamp(0.0, 1.0) } else { 0.0 };
                return ([w[0][0] + t * (w[1][0] - w[0][0]), w[0][1] + t * (w[1][1] - w[0][1])], i);
            }
            acc += l;
        }
        (coords[0], 0)
    };
    let (pa, ia) = at(lo);
    let (pb, ib) = at(hi);
    let mut out = vec![pa];
    out.extend_from_slice(&coords[ia + 1..=ib]);
    out.push(pb);
    out.dedup();
    if f0 > f1 {
        out.reverse();
    }
    out
}

/// Orders travel times fastest first, unreachable (`None`) last in input order: `(index, seconds)`.
pub fn fastest_first(times: &[Option<f64>]) -> Vec<(usize, Option<f64>)> {
    let mut rows: Vec<(usize, Option<f64>)> = times.iter().copied().enumerate().collect();
    rows.sort_by(|x, y| match (x.1, y.1) {
        (Some(a), Some(b)) => a.total_cmp(&b),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => x.0.cmp(&y.0),
    });
    rows
}
