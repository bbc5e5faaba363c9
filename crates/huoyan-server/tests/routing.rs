//! Travel times over HTTP: `/api/v1/route` and `/api/v1/eta` on a small road network, with bad
//! points, roles, and the graph rebuilt when the roads change.

mod common;

use huoyan_domain::Road;
use huoyan_domain::account::Principal;
use serde_json::json;

async fn road(f: &common::Fixture, name: &str, a: [f64; 2], b: [f64; 2]) {
    let r: Road = serde_json::from_value(
        json!({"name": name, "class": "secondary", "geometry": {"type": "LineString", "coordinates": [a, b]}}),
    )
    .unwrap();
    f.store.insert(&Principal::system(), r).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn route_and_eta() {
    let f = common::start().await;
    // A straight street along lat 0.5 through the west station (0.5, 0.5), in three pieces.
    road(&f, "一段", [0.49, 0.5], [0.5, 0.5]).await;
    road(&f, "二段", [0.5, 0.5], [0.51, 0.5]).await;
    road(&f, "三段", [0.51, 0.5], [0.53, 0.5]).await;
    let (s, r) = f.get_json("/api/v1/route?from=0.495,0.5&to=0.525,0.5", "dispatcher").await;
    assert_eq!(s, 200, "{r}");
    let m = r["meters"].as_f64().unwrap();
    assert!((m - 3336.0).abs() < 20.0, "{m} m");
    let kmh = m / r["seconds"].as_f64().unwrap() * 3.6;
    assert!((10.0..=60.0).contains(&kmh), "{kmh} km/h");
    assert_eq!(r["path"]["geometry"]["type"], "LineString");
    // The township officer sees only the west station; the east one is 110 km away and off the network.
    let (s, e) = f.get_json("/api/v1/eta?at=0.52,0.5", "township").await;
    assert_eq!(s, 200, "{e}");
    assert_eq!(e["items"].as_array().unwrap().len(), 1);
    assert!(e["items"][0]["seconds"].as_f64().unwrap() > 0.0);
    let (_, e) = f.get_json("/api/v1/eta?at=0.52,0.5", "admin").await;
    assert_eq!(e["items"][1]["reachable"], false, "{e}");
    // Bad points.
    for q in [
        "/api/v1/route?from=abc&to=0.5,0.5",
        "/api/v1/route?from=0.5,0.5",
        "/api/v1/route?from=0.5,95&to=0.5,0.5",
        "/api/v1/eta?at=1,2&x=3",
    ] {
        let (s, v) = f.get_json(q, "admin").await;
        assert_eq!(s, 400, "{q}: {v}");
    }
    let (s, v) = f.get_json("/api/v1/route?from=0.495,0.5&to=0.8,0.8", "admin").await;
    assert_eq!(s, 422, "{v}");
    assert!(v["message"].as_str().unwrap().contains("no routable road"), "{v}");
    // A new road is routable at once.
    road(&f, "四段", [0.53, 0.5], [0.8, 0.8]).await;
    let (s, v) = f.get_json("/api/v1/route?from=0.495,0.5&to=0.8,0.8", "admin").await;
    assert_eq!(s, 200, "{v}");
    // A unit manager may not read roads.
    let (s, _) = f.get_json("/api/v1/route?from=0.495,0.5&to=0.525,0.5", "unitmgr").await;
    assert_eq!(s, 403);
}
