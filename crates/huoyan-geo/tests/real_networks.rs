//! Correctness and timing on real networks: Cambridge (MA) street centrelines (GeoJSON with
//! topology ids) and Andorra (OSM PBF). The fast queries (contraction hierarchy, and the Dijkstra
//! fallback under closures) must give exactly the cost of a plain Dijkstra written here over the
//! same edges and weights, on hundreds of random pairs. Timings are printed
//! (`cargo test --release -p huoyan-geo --test real_networks -- --nocapture`).

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::path::Path;
use std::time::{Duration, Instant};

use huoyan_domain::Road;
use huoyan_geo::{Profile, Router, Snapped};
use huoyan_import::{Mapping, NoProgress, OsmOptions, read_geojson, read_osm_pbf};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data");

fn cambridge() -> Option<Vec<Road>> {
    let path = format!("{DATA}/cambridge_ma/Trans/Street_Centerlines/TRANS_Centerlines.geojson");
    let bytes = std::fs::read(&path).ok()?;
    let mapping = Mapping::from_toml(include_str!("../../huoyan-import/mappings/cambridge/streets.toml")).unwrap();
    Some(with_ids(read_geojson(&bytes, &mapping, &NoProgress).unwrap().roads))
}

fn andorra() -> Option<Vec<Road>> {
    let path = format!("{DATA}/osm/andorra_2026-04-04.osm.pbf");
    if !Path::new(&path).exists() {
        return None;
    }
    Some(with_ids(read_osm_pbf(Path::new(&path), &OsmOptions::default(), &NoProgress).unwrap().roads))
}

/// Imported roads have no store id yet: number them so closures can name them.
fn with_ids(mut roads: Vec<Road>) -> Vec<Road> {
    for (i, r) in roads.iter_mut().enumerate() {
        r.id = i as i64 + 1;
    }
    roads
}

/// The reference: textbook Dijkstra over an adjacency list copied from the graph's edges.
struct Plain {
    adj: Vec<Vec<(u32, u64)>>,
}

impl Plain {
    fn new(r: &Router) -> Plain {
        let g = r.graph();
        let mut adj = vec![Vec::new(); g.num_nodes()];
        for (u, e) in g.edges() {
            adj[u as usize].push((e.head, u64::from(e.weight)));
        }
        Plain { adj }
    }

    /// Cheapest cost from weighted sources to weighted targets.
    fn cost(&self, sources: &[(u32, u64)], targets: &[(u32, u64)]) -> Option<u64> {
        let mut dist = vec![u64::MAX; self.adj.len()];
        let mut heap = BinaryHeap::new();
        for &(s, c) in sources {
            if c < dist[s as usize] {
                dist[s as usize] = c;
                heap.push(Reverse((c, s)));
            }
        }
        while let Some(Reverse((d, u))) = heap.pop() {
            if d > dist[u as usize] {
                continue;
            }
            for &(v, w) in &self.adj[u as usize] {
                if d + w < dist[v as usize] {
                    dist[v as usize] = d + w;
                    heap.push(Reverse((d + w, v)));
                }
            }
        }
        targets.iter().filter(|(t, _)| dist[*t as usize] != u64::MAX).map(|(t, c)| dist[*t as usize] + c).min()
    }

    fn point_cost(&self, r: &Router, a: &Snapped, b: &Snapped) -> Option<u64> {
        let g = r.graph();
        let via = self.cost(&a.leave(g), &b.arrive(g));
        [via, a.direct_to(b, g)].into_iter().flatten().min()
    }
}

fn random_point(rng: &mut StdRng, r: &Router) -> (f64, f64) {
    let g = r.graph();
    let c = g.node_coord(rng.random_range(0..g.num_nodes() as u32));
    (c[0] + rng.random_range(-0.002..0.002), c[1] + rng.random_range(-0.002..0.002))
}

fn percentile(mut v: Vec<Duration>, p: f64) -> Duration {
    v.sort();
    v[((v.len() as f64 * p) as usize).min(v.len() - 1)]
}

fn haversine_m(a: [f64; 2], b: [f64; 2]) -> f64 {
    let (la, lb) = (a[1].to_radians(), b[1].to_radians());
    let h = ((lb - la) / 2.0).sin().powi(2) + la.cos() * lb.cos() * ((b[0] - a[0]).to_radians() / 2.0).sin().powi(2);
    2.0 * 6_371_008.8 * h.sqrt().asin()
}

fn path_length_m(g: &geojson::Geometry) -> f64 {
    match &g.value {
        geojson::Value::LineString(c) => {
            c.windows(2).map(|w| haversine_m([w[0][0], w[0][1]], [w[1][0], w[1][1]])).sum()
        }
        _ => 0.0,
    }
}

fn check_network(name: &str, roads: Vec<Road>, seed: u64) {
    let t = Instant::now();
    let mut r = Router::new(&roads, &Profile::default()).unwrap();
    let build = t.elapsed();
    let rep = r.graph().report().clone();
    let (graph_mib, all_mib) = (r.graph().heap_bytes() as f64 / 1048576.0, r.heap_bytes() as f64 / 1048576.0);
    println!(
        "{name}: {} roads ({} skipped) → {} nodes, {} edges, {} components (main {} nodes, {} on islands); build+contract {:.2?}; heap: graph {graph_mib:.2} MiB, router with index and CH {all_mib:.2} MiB",
        rep.roads,
        rep.skipped.len(),
        rep.nodes,
        rep.edges,
        rep.components,
        rep.main_component_nodes,
        rep.island_nodes,
        build
    );
    // Every edge is held at least once in each direction's array, and the CH adds to it.
    assert!(r.graph().heap_bytes() >= rep.edges * 2 * size_of::<huoyan_geo::Edge>(), "graph estimate too small");
    assert!(r.heap_bytes() > r.graph().heap_bytes());
    assert!(rep.main_component_nodes * 10 > rep.nodes * 8, "main network too small: {rep:?}");
    let plain = Plain::new(&r);
    let mut rng = StdRng::seed_from_u64(seed);
    let n = r.graph().num_nodes() as u32;

    // Node to node, any nodes (islands included: both must say None together).
    let mut found = 0;
    for _ in 0..300 {
        let (s, t) = (rng.random_range(0..n), rng.random_range(0..n));
        let want = plain.cost(&[(s, 0)], &[(t, 0)]);
        assert_eq!(r.node_cost(s, t), want, "{name}: nodes {s} → {t}");
        found += usize::from(want.is_some());
    }
    assert!(found > 200, "{name}: only {found} of 300 pairs connected");

    // Point to point, through snapping.
    let mut ok = 0;
    for _ in 0..300 {
        let (pa, pb) = (random_point(&mut rng, &r), random_point(&mut rng, &r));
        let (Ok(a), Ok(b)) = (r.snap(pa.0, pa.1), r.snap(pb.0, pb.1)) else { continue };
        let want = plain.point_cost(&r, &a, &b);
        let route = r.route(pa, pb).ok();
        let got = route.as_ref().map(|x| (x.seconds * 1000.0).round() as u64);
        assert_eq!(got, want, "{name}: points {pa:?} → {pb:?}");
        if let Some(route) = route {
            // The distance is the drawn path's length, and no path is shorter than the crow flies:
            // this catches edges that join places that do not meet (bad topology ids).
            let drawn = path_length_m(&route.geometry);
            assert!(
                (drawn - route.metres).abs() < 1.0 + 1e-6 * drawn,
                "{name}: {pa:?} → {pb:?}: {} m reported, {drawn} m drawn",
                route.metres
            );
            let crow = haversine_m(a.point, b.point);
            assert!(
                route.metres + 1.0 >= crow,
                "{name}: {pa:?} → {pb:?}: {} m by road, {crow} m straight",
                route.metres
            );
        }
        ok += 1;
    }
    assert!(ok > 250, "{name}: only {ok} of 300 points snapped");

    // Timing (meaningful in release).
    let pairs: Vec<_> = (0..1000).map(|_| (random_point(&mut rng, &r), random_point(&mut rng, &r))).collect();
    let mut times = Vec::with_capacity(pairs.len());
    for (a, b) in &pairs {
        let t = Instant::now();
        let _ = r.route(*a, *b);
        times.push(t.elapsed());
    }
    println!(
        "{name}: route (snap ×2 + CH + geometry), 1000 random: p50 {:.1?}, p99 {:.1?}",
        percentile(times.clone(), 0.5),
        percentile(times, 0.99)
    );
    let forces: Vec<_> = (0..30).map(|_| random_point(&mut rng, &r)).collect();
    let mut times = Vec::new();
    for _ in 0..100 {
        let incident = random_point(&mut rng, &r);
        let t = Instant::now();
        let res = r.travel_times_to(incident, &forces);
        times.push(t.elapsed());
        // Same costs as point-to-point routes.
        if let (Ok(res), true) = (res, times.len() <= 3) {
            for (f, got) in forces.iter().zip(res) {
                let route = r.route(*f, incident).ok().map(|x| x.seconds);
                assert_eq!(got.map(|s| (s * 1000.0).round()), route.map(|s| (s * 1000.0).round()));
            }
        }
    }
    println!(
        "{name}: 30 forces → incident (backward Dijkstra), 100 random: p50 {:.1?}, p99 {:.1?}",
        percentile(times.clone(), 0.5),
        percentile(times, 0.99)
    );

    // Closures: 2 % of roads closed; Dijkstra fallback, then re-contracted CH, equal the reference.
    let closed: Vec<i64> = (0..roads.len() / 50).map(|_| rng.random_range(1..=roads.len() as i64)).collect();
    let mut o = r.overrides().clone();
    for id in &closed {
        o.close(*id);
    }
    r.set_overrides(o);
    let plain = Plain::new(&r);
    let pairs: Vec<(u32, u32)> = (0..100).map(|_| (rng.random_range(0..n), rng.random_range(0..n))).collect();
    let want: Vec<_> = pairs.iter().map(|&(s, t)| plain.cost(&[(s, 0)], &[(t, 0)])).collect();
    for (&(s, t), w) in pairs.iter().zip(&want) {
        assert_eq!(r.node_cost(s, t), *w, "{name}: stale CH fallback {s} → {t}");
    }
    let recontract = r.recontract();
    for (&(s, t), w) in pairs.iter().zip(&want) {
        assert_eq!(r.node_cost(s, t), *w, "{name}: re-contracted {s} → {t}");
    }
    println!("{name}: {} roads closed; re-contraction with the previous order {:.2?}", closed.len(), recontract);
}

#[test]
fn cambridge_matches_plain_dijkstra() {
    let Some(roads) = cambridge() else {
        eprintln!("Cambridge data missing: skipped");
        return;
    };
    check_network("Cambridge", roads, 1);
}

#[test]
fn andorra_matches_plain_dijkstra() {
    let Some(roads) = andorra() else {
        eprintln!("Andorra data missing: skipped");
        return;
    };
    check_network("Andorra", roads, 2);
}
