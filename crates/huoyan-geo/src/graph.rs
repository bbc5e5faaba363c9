//! Stage 2, build: roads → a directed graph in CSR arrays.
//!
//! - **Nodes** are the topology node ids of the roads' ends (`from_node`/`to_node`) where every road
//!   naming an id puts it at the same place; an end without a (trustworthy) id is identified by its
//!   coordinates rounded to 1e-7° (OSM precision). A road is also split
//!   at an interior vertex whose coordinates equal another road's end or another interior vertex:
//!   OSM ways cross many junctions between their two end nodes, and the shared vertex *is* the
//!   shared OSM node. Crossings without a shared vertex (bridges, tunnels) stay unconnected.
//! - **Pieces** are the stretches of road between two nodes, with their geometry and length; each
//!   gives a forward edge (along the geometry) and a backward edge as the one-way rule allows.
//! - **Weights** are integer milliseconds: length / profile speed, plus the intersection penalty when
//!   the edge ends at a junction, at least 1 ms. Loops (a piece from a node back to itself) give no
//!   edge but can still be snapped to.
//! - Roads with `access = no`, an unroutable class or an unusable geometry are skipped and listed in
//!   the [`BuildReport`]. The largest strongly connected component is the main network; every other
//!   node is on an island (counted in the report, queried with [`RoadGraph::in_main_component`]).

use std::collections::HashMap;
use std::ops::Range;

use geojson::Value;
use huoyan_domain::{Road, RoadClass};

use crate::closures::Overrides;
use crate::error::BuildError;
use crate::geom::{line_length_m, valid_lon_lat};
use crate::profile::Profile;
use crate::scc::components;

/// Index of a node in a [`RoadGraph`].
pub type NodeId = u32;

/// A directed edge in the CSR arrays. In the reverse arrays `head` is the edge's tail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edge {
    /// The node the edge leads to (the node it comes from, in the reverse arrays).
    pub head: NodeId,
    /// Travel time in milliseconds, ≥ 1.
    pub weight: u32,
    /// The piece the edge runs along.
    pub piece: u32,
    /// Along the piece's geometry (`true`) or against it.
    pub forward: bool,
}

/// A stretch of one road between two graph nodes.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    /// Index of the road in the slice given to [`build_graph`].
    pub road_index: u32,
    /// The road's `id`.
    pub road_id: i64,
    /// Start node (first coordinate).
    pub from: NodeId,
    /// End node (last coordinate).
    pub to: NodeId,
    /// Geometry, `[lon, lat]`, from `from` to `to`.
    pub coords: Vec<[f64; 2]>,
    /// Great-circle length in metres.
    pub length_m: f64,
}

/// What the build did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BuildReport {
    /// Roads given.
    pub roads: usize,
    /// Roads left out, with the reason: `(index in the input, road id, reason)`.
    pub skipped: Vec<(usize, i64, String)>,
    /// Graph nodes.
    pub nodes: usize,
    /// Directed edges (at build time, before overrides).
    pub edges: usize,
    /// Strongly connected components.
    pub components: usize,
    /// Nodes in the largest one.
    pub main_component_nodes: usize,
    /// Nodes outside it.
    pub island_nodes: usize,
    /// Topology node ids that roads place at different points (ignored; coordinates used instead).
    pub untrusted_topology_ids: usize,
}

/// The attributes of a road the weights depend on.
#[derive(Debug, Clone)]
pub(crate) struct RoadAttrs {
    pub(crate) id: i64,
    pub(crate) class: RoadClass,
    pub(crate) speed_limit_kmh: Option<f64>,
    pub(crate) oneway: i8,
}

/// The directed road graph (see the module documentation).
#[derive(Debug, Clone)]
pub struct RoadGraph {
    coords: Vec<[f64; 2]>,
    junction: Vec<bool>,
    pieces: Vec<Piece>,
    roads: Vec<RoadAttrs>,
    /// Per piece: travel time without penalty, `[forward, backward]`; `None` = not allowed.
    travel_ms: Vec<[Option<u32>; 2]>,
    penalty_ms: u32,
    out_first: Vec<u32>,
    out_edges: Vec<Edge>,
    in_first: Vec<u32>,
    in_edges: Vec<Edge>,
    component: Vec<u32>,
    main_component: u32,
    report: BuildReport,
}

/// Node identity: a topology id, or rounded coordinates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    Id(i64),
    Pt(i64, i64),
}

/// How far apart two roads may put the same topology node id before the id is not trusted.
pub const TOPOLOGY_TOLERANCE_M: f64 = 2.0;

fn pt_key(c: [f64; 2]) -> (i64, i64) {
    ((c[0] * 1e7).round() as i64, (c[1] * 1e7).round() as i64)
}

/// Builds the graph of `roads` under `profile`.
pub fn build_graph(roads: &[Road], profile: &Profile) -> Result<RoadGraph, BuildError> {
    profile.validate()?;
    let mut report = BuildReport { roads: roads.len(), ..BuildReport::default() };
    let mut lines: Vec<(usize, Vec<[f64; 2]>)> = Vec::new();
    for (i, r) in roads.iter().enumerate() {
        let reason = if !profile.routable(r.access) {
            Some("access=no: closed to fire engines".to_string())
        } else if profile.speed_kmh(r.class, None).is_none() {
            Some(format!("class {} has speed 0 in the profile", r.class))
        } else {
            match line_coords(&r.geometry.value) {
                Ok(c) => {
                    lines.push((i, c));
                    None
                }
                Err(e) => Some(e),
            }
        };
        if let Some(reason) = reason {
            report.skipped.push((i, r.id, reason));
        }
    }

    let mut node_of: HashMap<Key, NodeId> = HashMap::new();
    let mut coords: Vec<[f64; 2]> = Vec::new();
    let mut owner: HashMap<(i64, i64), NodeId> = HashMap::new();
    let mut node = |key: Key, c: [f64; 2], coords: &mut Vec<[f64; 2]>| -> NodeId {
        *node_of.entry(key).or_insert_with(|| {
            coords.push(c);
            (coords.len() - 1) as NodeId
        })
    };
    // Ends first: they are always nodes. A topology id is trusted only if every road that names it
    // puts it at the same place (within TOPOLOGY_TOLERANCE_M); real GIS layers have ids that
    // disagree with the geometry (Cambridge: 109 ends, up to 6 km off), and trusting those would
    // join streets that do not meet. Untrusted or missing ids fall back to the coordinates.
    let mut claims: HashMap<i64, [f64; 2]> = HashMap::new();
    let mut untrusted: std::collections::HashSet<i64> = std::collections::HashSet::new();
    for (i, line) in &lines {
        let r = &roads[*i];
        for (id, c) in [(r.from_node, line[0]), (r.to_node, line[line.len() - 1])] {
            if let Some(id) = id {
                let first = *claims.entry(id).or_insert(c);
                if crate::geom::haversine_m(first, c) > TOPOLOGY_TOLERANCE_M {
                    untrusted.insert(id);
                }
            }
        }
    }
    report.untrusted_topology_ids = untrusted.len();
    let trusted = |id: Option<i64>| id.filter(|id| !untrusted.contains(id));
    let mut ends = Vec::with_capacity(lines.len());
    // Pass 1: trusted ids, registered as the owners of their points.
    for (i, line) in &lines {
        let r = &roads[*i];
        let (a, b) = (line[0], line[line.len() - 1]);
        let na = trusted(r.from_node).map(|id| node(Key::Id(id), a, &mut coords));
        let nb = trusted(r.to_node).map(|id| node(Key::Id(id), b, &mut coords));
        for (n, c) in [(na, a), (nb, b)] {
            if let Some(n) = n {
                owner.entry(pt_key(c)).or_insert(n);
            }
        }
        ends.push((na, nb));
    }
    // Pass 2: the other ends join whatever node owns their point, or make one.
    let ends: Vec<(NodeId, NodeId)> = lines
        .iter()
        .zip(ends)
        .map(|((_, line), (na, nb))| {
            let mut resolve = |n: Option<NodeId>, c: [f64; 2]| {
                n.unwrap_or_else(|| {
                    let k = pt_key(c);
                    match owner.get(&k) {
                        Some(&n) => n,
                        None => {
                            let n = node(Key::Pt(k.0, k.1), c, &mut coords);
                            owner.insert(k, n);
                            n
                        }
                    }
                })
            };
            (resolve(na, line[0]), resolve(nb, line[line.len() - 1]))
        })
        .collect();
    let mut interior: HashMap<(i64, i64), u32> = HashMap::new();
    for (_, line) in &lines {
        for c in &line[1..line.len() - 1] {
            *interior.entry(pt_key(*c)).or_default() += 1;
        }
    }
    let mut pieces = Vec::new();
    for ((i, line), (na, nb)) in lines.iter().zip(&ends) {
        let mut start = 0;
        let mut from = *na;
        for (j, c) in line.iter().enumerate().skip(1) {
            let to = if j == line.len() - 1 {
                *nb
            } else {
                let k = pt_key(*c);
                if let Some(&n) = owner.get(&k) {
                    n
                } else if interior.get(&k).copied().unwrap_or(0) >= 2 {
                    let n = node(Key::Pt(k.0, k.1), *c, &mut coords);
                    owner.insert(k, n);
                    n
                } else {
                    continue;
                }
            };
            let part = line[start..=j].to_vec();
            pieces.push(Piece {
                road_index: *i as u32,
                road_id: roads[*i].id,
                from,
                to,
                length_m: line_length_m(&part),
                coords: part,
            });
            start = j;
            from = to;
        }
    }
    if pieces.is_empty() {
        return Err(BuildError::NoRoutableRoads { roads: roads.len(), skipped: report.skipped.len() });
    }

    let n = coords.len();
    let mut pairs: Vec<(NodeId, NodeId)> =
        pieces.iter().filter(|p| p.from != p.to).flat_map(|p| [(p.from, p.to), (p.to, p.from)]).collect();
    pairs.sort_unstable();
    pairs.dedup();
    let mut degree = vec![0u32; n];
    for (u, _) in pairs {
        degree[u as usize] += 1;
    }
    let road_attrs = roads
        .iter()
        .map(|r| RoadAttrs { id: r.id, class: r.class, speed_limit_kmh: r.speed_limit_kmh, oneway: r.oneway })
        .collect();
    let mut g = RoadGraph {
        coords,
        junction: degree.iter().map(|&d| d >= 3).collect(),
        pieces,
        roads: road_attrs,
        travel_ms: Vec::new(),
        penalty_ms: (profile.intersection_penalty_s * 1000.0).round() as u32,
        out_first: Vec::new(),
        out_edges: Vec::new(),
        in_first: Vec::new(),
        in_edges: Vec::new(),
        component: Vec::new(),
        main_component: 0,
        report,
    };
    g.reweight(profile, &Overrides::default());
    let (component, main, sizes) = components(n, |v| g.out_range(v), &g.out_edges, |v| g.in_range(v), &g.in_edges);
    g.component = component;
    g.main_component = main;
    g.report.nodes = n;
    g.report.edges = g.out_edges.len();
    g.report.components = sizes.len();
    g.report.main_component_nodes = sizes.get(main as usize).copied().unwrap_or(0) as usize;
    g.report.island_nodes = n - g.report.main_component_nodes;
    Ok(g)
}

/// The usable coordinates of a road geometry: a LineString of ≥ 2 distinct valid positions.
fn line_coords(v: &Value) -> Result<Vec<[f64; 2]>, String> {
    let Value::LineString(pos) = v else {
        return Err("geometry is not a LineString".into());
    };
    let mut out: Vec<[f64; 2]> = Vec::with_capacity(pos.len());
    for p in pos {
        if p.len() < 2 || !valid_lon_lat(p[0], p[1]) {
            return Err(format!("invalid position {p:?}"));
        }
        let c = [p[0], p[1]];
        if out.last().is_none_or(|l| pt_key(*l) != pt_key(c)) {
            out.push(c);
        }
    }
    if out.len() < 2 {
        return Err("LineString with fewer than two distinct positions".into());
    }
    Ok(out)
}

/// Bytes of the elements a vector has room for (its heap allocation).
pub(crate) fn vec_bytes<T>(v: &Vec<T>) -> usize {
    v.capacity() * size_of::<T>()
}

impl RoadGraph {
    /// Heap bytes the graph holds: its arrays and the pieces' geometries (allocator overhead and
    /// the struct itself not counted). For the benchmarks' memory figures.
    pub fn heap_bytes(&self) -> usize {
        vec_bytes(&self.coords)
            + vec_bytes(&self.junction)
            + vec_bytes(&self.pieces)
            + self.pieces.iter().map(|p| vec_bytes(&p.coords)).sum::<usize>()
            + vec_bytes(&self.roads)
            + vec_bytes(&self.travel_ms)
            + vec_bytes(&self.out_first)
            + vec_bytes(&self.out_edges)
            + vec_bytes(&self.in_first)
            + vec_bytes(&self.in_edges)
            + vec_bytes(&self.component)
    }

    /// Recomputes every piece's travel times from the profile and the overrides, and the CSR arrays.
    /// Components are those of the build (closures do not move the main network).
    pub(crate) fn reweight(&mut self, profile: &Profile, overrides: &Overrides) {
        self.penalty_ms = (profile.intersection_penalty_s * 1000.0).round() as u32;
        self.travel_ms = self
            .pieces
            .iter()
            .map(|p| {
                let r = &self.roads[p.road_index as usize];
                let speed = match overrides.speed_of(r.id) {
                    Some(_) if overrides.is_closed(r.id) => None,
                    Some(v) => Some(v).filter(|v| v.is_finite() && *v > 0.0),
                    None if overrides.is_closed(r.id) => None,
                    None => profile.speed_kmh(r.class, r.speed_limit_kmh),
                };
                let Some(speed) = speed else { return [None, None] };
                let ms = (p.length_m / (speed / 3.6) * 1000.0).round().min(u32::MAX as f64 / 4.0) as u32;
                let (fwd, bwd) = match (profile.respect_oneway, r.oneway) {
                    (true, 1) => (true, false),
                    (true, -1) => (false, true),
                    _ => (true, true),
                };
                [fwd.then_some(ms), bwd.then_some(ms)]
            })
            .collect();
        self.rebuild_csr();
    }

    fn rebuild_csr(&mut self) {
        let n = self.coords.len();
        let mut fwd: Vec<(NodeId, Edge)> = Vec::new();
        let mut bwd: Vec<(NodeId, Edge)> = Vec::new();
        for (i, p) in self.pieces.iter().enumerate() {
            if p.from == p.to {
                continue;
            }
            for forward in [true, false] {
                let (tail, head) = if forward { (p.from, p.to) } else { (p.to, p.from) };
                if let Some(weight) = self.edge_weight(i as u32, forward) {
                    let e = Edge { head, weight, piece: i as u32, forward };
                    fwd.push((tail, e));
                    bwd.push((head, Edge { head: tail, ..e }));
                }
            }
        }
        (self.out_first, self.out_edges) = csr(n, fwd);
        (self.in_first, self.in_edges) = csr(n, bwd);
    }

    /// Weight of a whole directed traversal of a piece: travel + junction penalty, ≥ 1 ms.
    pub fn edge_weight(&self, piece: u32, forward: bool) -> Option<u32> {
        let p = &self.pieces[piece as usize];
        let head = if forward { p.to } else { p.from };
        let t = self.travel_ms[piece as usize][usize::from(!forward)]?;
        Some((t + self.penalty_at(head)).max(1))
    }

    /// Travel time of a piece in one direction without the penalty; `None` if not allowed.
    pub fn travel_ms(&self, piece: u32, forward: bool) -> Option<u32> {
        self.travel_ms[piece as usize][usize::from(!forward)]
    }

    /// The junction penalty paid on arriving at `node`.
    pub fn penalty_at(&self, node: NodeId) -> u32 {
        if self.junction[node as usize] { self.penalty_ms } else { 0 }
    }

    fn out_range(&self, v: usize) -> Range<usize> {
        self.out_first[v] as usize..self.out_first[v + 1] as usize
    }

    fn in_range(&self, v: usize) -> Range<usize> {
        self.in_first[v] as usize..self.in_first[v + 1] as usize
    }

    /// Edges leaving `node`.
    pub fn out_edges(&self, node: NodeId) -> &[Edge] {
        &self.out_edges[self.out_range(node as usize)]
    }

    /// Edges arriving at `node` (`head` is their tail).
    pub fn in_edges(&self, node: NodeId) -> &[Edge] {
        &self.in_edges[self.in_range(node as usize)]
    }

    /// Every directed edge as `(tail, edge)`.
    pub fn edges(&self) -> impl Iterator<Item = (NodeId, &Edge)> + '_ {
        (0..self.num_nodes() as NodeId).flat_map(move |v| self.out_edges(v).iter().map(move |e| (v, e)))
    }

    /// Number of nodes.
    pub fn num_nodes(&self) -> usize {
        self.coords.len()
    }

    /// Number of directed edges under the current weights.
    pub fn num_edges(&self) -> usize {
        self.out_edges.len()
    }

    /// `[lon, lat]` of a node.
    pub fn node_coord(&self, node: NodeId) -> [f64; 2] {
        self.coords[node as usize]
    }

    /// Whether the node belongs to the largest strongly connected component.
    pub fn in_main_component(&self, node: NodeId) -> bool {
        self.component[node as usize] == self.main_component
    }

    /// The road pieces.
    pub fn pieces(&self) -> &[Piece] {
        &self.pieces
    }

    /// What the build did.
    pub fn report(&self) -> &BuildReport {
        &self.report
    }

    /// The cheapest edge from `u` to `v`, if any.
    pub(crate) fn best_edge(&self, u: NodeId, v: NodeId) -> Option<&Edge> {
        self.out_edges(u).iter().filter(|e| e.head == v).min_by_key(|e| e.weight)
    }

    /// Whether any piece of road `id` exists in the graph.
    pub(crate) fn has_road(&self, id: i64) -> bool {
        self.roads.iter().any(|r| r.id == id)
    }
}

/// Counting sort of `(tail, edge)` pairs into CSR arrays.
fn csr(n: usize, mut items: Vec<(NodeId, Edge)>) -> (Vec<u32>, Vec<Edge>) {
    items.sort_by_key(|(t, e)| (*t, e.head, e.weight));
    let mut first = vec![0u32; n + 1];
    for (t, _) in &items {
        first[*t as usize + 1] += 1;
    }
    for i in 0..n {
        first[i + 1] += first[i];
    }
    (first, items.into_iter().map(|(_, e)| e).collect())
}
