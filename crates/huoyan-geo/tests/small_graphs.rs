//! Hand-drawn road graphs (OSRM style ASCII maps): one-way rules, access, snapping, closures,
//! islands, splitting at shared vertices and bad input. One map cell is 0.001° (≈ 85 m east-west,
//! 111 m north-south at 40° N).

use geojson::{Geometry, Value};
use huoyan_domain::{Road, RoadAccess, RoadClass};
use huoyan_geo::{BuildError, Profile, RouteError, Router, build_graph};

const LON0: f64 = 116.4;
const LAT0: f64 = 40.0;

/// Coordinates of a map cell `(x, y)`, y growing north.
fn at(x: f64, y: f64) -> (f64, f64) {
    (LON0 + x * 0.001, LAT0 + y * 0.001)
}

/// A road through the given cells, with topology ids from node names (one char each) when `named`.
fn road(id: i64, cells: &[(f64, f64)], oneway: i8) -> Road {
    let coords = cells.iter().map(|&(x, y)| vec![at(x, y).0, at(x, y).1]).collect();
    Road {
        id,
        jurisdiction_id: 0,
        name: format!("road {id}"),
        class: RoadClass::Residential,
        speed_limit_kmh: None,
        oneway,
        access: RoadAccess::Yes,
        from_node: None,
        to_node: None,
        length_m: 0.0,
        geometry: Geometry::new(Value::LineString(coords)),
        source_ref: None,
    }
}

/// ```text
///   a ----> b        y = 1
///   |       |
///   d ----- c        y = 0
///   x=0     x=4
/// ```
/// a→b one-way (road 1); b–c (2), c–d (3), d–a (4) two-way.
fn square() -> Vec<Road> {
    vec![
        road(1, &[(0.0, 1.0), (4.0, 1.0)], 1),
        road(2, &[(4.0, 1.0), (4.0, 0.0)], 0),
        road(3, &[(4.0, 0.0), (0.0, 0.0)], 0),
        road(4, &[(0.0, 0.0), (0.0, 1.0)], 0),
    ]
}

#[test]
fn one_way_is_respected() {
    let r = Router::new(&square(), &Profile::default()).unwrap();
    assert_eq!(r.graph().num_nodes(), 4);
    assert_eq!(r.graph().num_edges(), 7);
    let ab = r.route(at(0.5, 1.0), at(3.5, 1.0)).unwrap();
    assert_eq!(ab.road_ids, vec![1]);
    let ba = r.route(at(3.5, 1.0), at(0.5, 1.0)).unwrap();
    assert_eq!(ba.road_ids, vec![1, 2, 3, 4, 1], "must go round: {ba:?}");
    assert!(ba.seconds > 2.0 * ab.seconds);
    assert!(ba.metres > ab.metres * 2.0);
    // Ignoring one-way rules (a profile choice) makes both directions equal.
    let p = Profile { respect_oneway: false, ..Profile::default() };
    let r2 = Router::new(&square(), &p).unwrap();
    let back = r2.route(at(3.5, 1.0), at(0.5, 1.0)).unwrap();
    assert!((back.seconds - ab.seconds).abs() < 0.01);
    let Value::LineString(line) = &ba.geometry.value else { panic!("not a line") };
    assert!(line.len() >= 6);
}

#[test]
fn access_rules() {
    // Close a→b to engines: access=no drops it; private keeps it.
    let mut roads = square();
    roads[0].access = RoadAccess::No;
    let g = build_graph(&roads, &Profile::default()).unwrap();
    assert_eq!(g.report().skipped.len(), 1);
    assert_eq!(g.num_edges(), 6);
    roads[0].access = RoadAccess::Private;
    let g = build_graph(&roads, &Profile::default()).unwrap();
    assert_eq!(g.num_edges(), 7);
}

#[test]
fn snapping_and_bad_points() {
    let r = Router::new(&square(), &Profile::default()).unwrap();
    let s = r.snap(at(2.0, 1.3).0, at(2.0, 1.3).1).unwrap();
    assert!((s.fraction - 0.5).abs() < 0.01, "{s:?}");
    assert!((s.distance_m - 33.4).abs() < 1.0, "{s:?}");
    assert!(matches!(r.snap(at(2.0, 30.0).0, at(2.0, 30.0).1), Err(RouteError::NoRoadNear { .. })));
    assert!(matches!(r.snap(f64::NAN, 40.0), Err(RouteError::InvalidPoint { .. })));
    assert!(matches!(r.snap(200.0, 40.0), Err(RouteError::InvalidPoint { .. })));
    // In the ocean, far from every road.
    assert!(matches!(r.route((-30.0, 0.0), at(0.0, 0.0)), Err(RouteError::NoRoadNear { .. })));
    assert!(r.travel_times_to((-30.0, 0.0), &[at(0.0, 0.0)]).is_err());
    // A force off the network gets None, the others an answer.
    let t = r.travel_times_to(at(2.0, 1.0), &[at(0.0, 0.5), (f64::NAN, 1.0), at(50.0, 50.0)]).unwrap();
    assert!(t[0].is_some() && t[1].is_none() && t[2].is_none());
}

#[test]
fn closures_and_reopening() {
    let mut r = Router::new(&square(), &Profile::default()).unwrap();
    let (from, to) = (at(3.5, 1.0), at(0.5, 1.0));
    let before = r.route(from, to).unwrap().seconds;
    // Closing c–d cuts b off from a (a→b is one-way): unreachable, with the CH stale (Dijkstra) …
    r.close_road(3);
    assert!(!r.is_contracted());
    assert_eq!(r.route(from, to), Err(RouteError::Unreachable));
    assert_eq!(r.travel_times_to(to, &[from]).unwrap(), vec![None]);
    // … and after re-contraction.
    r.recontract();
    assert!(r.is_contracted());
    assert_eq!(r.route(from, to), Err(RouteError::Unreachable));
    r.reopen_road(3);
    r.recontract();
    assert!((r.route(from, to).unwrap().seconds - before).abs() < 1e-9);
    // A speed override slows one road.
    r.set_speed(3, Some(5.0));
    let slow = r.route(from, to).unwrap().seconds;
    assert!(slow > before + 100.0, "{slow} vs {before}");
    r.recontract();
    assert!((r.route(from, to).unwrap().seconds - slow).abs() < 1e-9);
    // Unknown ids are reported, not fatal.
    let mut o = r.overrides().clone();
    o.close(999);
    assert_eq!(r.set_overrides(o), vec![999]);
}

/// ```text
///   a ----- b           e ---- f     (island, 3 cells east)
///   |       |
///   d ----- c
/// ```
#[test]
fn islands_are_flagged() {
    let mut roads = square();
    roads[0].oneway = 0;
    roads.push(road(5, &[(7.0, 1.0), (9.0, 1.0)], 0));
    let r = Router::new(&roads, &Profile::default()).unwrap();
    assert_eq!(r.graph().report().components, 2);
    assert_eq!(r.graph().report().island_nodes, 2);
    // Points near the island snap to the main network (within 500 m) …
    let s = r.snap(at(8.0, 1.0).0, at(8.0, 1.0).1).unwrap();
    assert_ne!(r.graph().pieces()[s.piece as usize].road_id, 5);
    // … unless the profile allows islands, and then the route is Unreachable.
    let p = Profile { snap_main_component_only: false, ..Profile::default() };
    let r = Router::new(&roads, &p).unwrap();
    assert_eq!(r.route(at(8.0, 1.0), at(2.0, 0.0)), Err(RouteError::Unreachable));
    assert_eq!(r.travel_times_from(at(2.0, 0.0), &[at(8.0, 1.0), at(0.0, 0.5)]).unwrap()[0], None);
}

/// ```text
///        c
///        |
///   a ---x--- b     one OSM way a-x-b; another way x-c ends on its middle vertex
/// ```
#[test]
fn ways_split_at_shared_vertices() {
    let roads = vec![road(1, &[(0.0, 0.0), (2.0, 0.0), (4.0, 0.0)], 0), road(2, &[(2.0, 0.0), (2.0, 2.0)], 0)];
    let g = build_graph(&roads, &Profile::default()).unwrap();
    assert_eq!(g.num_nodes(), 4);
    assert_eq!(g.pieces().len(), 3);
    let r = Router::new(&roads, &Profile::default()).unwrap();
    assert_eq!(r.route(at(0.5, 0.0), at(2.0, 1.5)).unwrap().road_ids, vec![1, 2]);
    // Topology ids win over coordinates: same ids join ends drawn 1 m apart.
    let mut a = road(1, &[(0.0, 0.0), (1.0, 0.0)], 0);
    let mut b = road(2, &[(1.00001, 0.0), (2.0, 0.0)], 0);
    (a.from_node, a.to_node, b.from_node, b.to_node) = (Some(10), Some(11), Some(11), Some(12));
    assert_eq!(build_graph(&[a, b], &Profile::default()).unwrap().num_nodes(), 3);
}

#[test]
fn bad_input_gives_clear_answers() {
    assert_eq!(
        Router::new(&[], &Profile::default()).unwrap_err(),
        BuildError::NoRoutableRoads { roads: 0, skipped: 0 }
    );
    // Degenerate and invalid geometries are skipped and reported.
    let mut bad = vec![road(1, &[(0.0, 0.0), (0.0, 0.0)], 0), road(2, &[(0.0, 0.0), (1.0, 0.0)], 0)];
    bad[1].geometry = Geometry::new(Value::LineString(vec![vec![f64::NAN, 0.0], vec![1.0, 1.0]]));
    assert!(matches!(Router::new(&bad, &Profile::default()), Err(BuildError::NoRoutableRoads { skipped: 2, .. })));
    // Roads "without a speed" (no limit, nonsense limit) get the class speed.
    let mut roads = square();
    roads[1].speed_limit_kmh = Some(f64::NAN);
    roads[2].speed_limit_kmh = Some(-5.0);
    let r = Router::new(&roads, &Profile::default()).unwrap();
    assert!(r.route(at(3.5, 1.0), at(0.5, 1.0)).unwrap().seconds.is_finite());
    // A class with speed 0 is unroutable.
    let mut p = Profile::default();
    p.speeds_kmh.residential = 0.0;
    assert!(matches!(Router::new(&roads, &p), Err(BuildError::NoRoutableRoads { skipped: 4, .. })));
    p.speeds_kmh.residential = f64::NAN;
    assert!(matches!(Router::new(&roads, &p), Err(BuildError::Profile(_))));
}

#[test]
fn travel_times_many_to_one_match_routes() {
    let r = Router::new(&square(), &Profile::default()).unwrap();
    let incident = at(2.0, 0.0);
    let forces = [at(0.5, 1.0), at(3.5, 1.0), at(4.0, 0.5), at(1.0, 0.0)];
    let times = r.travel_times_to(incident, &forces).unwrap();
    for (f, t) in forces.iter().zip(times) {
        let route = r.route(*f, incident).unwrap().seconds;
        assert!((t.unwrap() - route).abs() < 1e-9, "{t:?} vs {route}");
    }
}
