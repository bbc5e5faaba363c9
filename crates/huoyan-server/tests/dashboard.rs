//! The console's dashboard and map search: the numbers add up, each caller sees only their
//! subtree, bad queries are 400s; and the store queries behind them give the same answers on
//! SQLite and (when `HUOYAN_TEST_PG_URL` is set) PostgreSQL.

mod common;

use huoyan_domain::account::Principal;
use huoyan_domain::jurisdiction::Jurisdiction;
use huoyan_domain::*;
use huoyan_store::{Scope, Store};
use reqwest::Method;
use serde_json::{Value, json};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dashboard_counts_within_the_callers_subtree() {
    let f = common::start().await;
    let (s, d) = f.get_json("/api/v1/dashboard", "admin").await;
    assert_eq!(s, 200, "{d}");
    // Units: one in each township, rolled up to the township rows.
    assert_eq!(d["units"]["total"], 2);
    let rows = d["units"]["by_jurisdiction"].as_array().unwrap();
    let mut names: Vec<&str> = rows.iter().map(|r| r["name"].as_str().unwrap()).collect();
    names.sort();
    assert_eq!(names, ["东街道", "西街道"]);
    assert!(rows.iter().all(|r| r["total"] == 1));
    let class_sum: i64 = d["units"]["by_class"].as_object().unwrap().values().map(|v| v.as_i64().unwrap()).sum();
    assert!(class_sum + d["units"]["unclassified"].as_i64().unwrap() >= 2);
    // Water: two intact hydrants → 100 %; every kind of the vocabulary listed.
    assert_eq!((d["water"]["total"].as_i64(), d["water"]["intact"].as_i64()), (Some(2), Some(2)));
    assert_eq!(d["water"]["intact_rate"], 1.0);
    let kinds = d["water"]["by_kind"].as_array().unwrap();
    assert_eq!(kinds.len(), WaterKind::ALL.len());
    let above = kinds.iter().find(|k| k["kind"] == "hydrant_above").unwrap();
    assert_eq!((above["total"].as_i64(), above["by_status"]["intact"].as_i64()), (Some(2), Some(2)));
    assert_eq!(kinds.iter().find(|k| k["kind"] == "pool").unwrap()["intact_rate"], Value::Null);
    // Stations: two on duty, one vehicle each, in station.
    let st = &d["stations"];
    assert_eq!((st["total"].as_i64(), st["on_duty"].as_i64(), st["vehicles"].as_i64()), (Some(2), Some(2), Some(2)));
    assert_eq!(st["vehicles_by_status"]["in_station"], 2);
    for s in st["list"].as_array().unwrap() {
        assert_eq!(s["vehicles"], 1, "{s}");
        assert_eq!(s["vehicles_by_status"]["in_station"], 1);
    }

    // A vehicle sent out and a hydrant found damaged show up.
    let vid = f.east.ids["vehicles"];
    let r = f
        .req(Method::PATCH, &format!("/api/v1/vehicles/{vid}"), Some("admin"))
        .json(&json!({"status": "on_scene"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let wid = f.east.ids["water_sources"];
    let r = f
        .req(Method::PATCH, &format!("/api/v1/water_sources/{wid}"), Some("admin"))
        .json(&json!({"status": "damaged"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let (_, d) = f.get_json("/api/v1/dashboard", "admin").await;
    assert_eq!(d["stations"]["vehicles_by_status"]["on_scene"], 1);
    assert_eq!(d["water"]["intact_rate"], 0.5);

    // The township officer sees the west only: one row, its own node.
    let (s, d) = f.get_json("/api/v1/dashboard", "township").await;
    assert_eq!(s, 200);
    assert_eq!(d["units"]["total"], 1);
    let rows = d["units"]["by_jurisdiction"].as_array().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["name"], "西街道");
    assert_eq!(d["stations"]["total"], 1);
    assert_eq!(d["water"]["intact_rate"], 1.0);

    // A unit registered on the city itself (in no township): its own row, so that the rows add
    // up to the total (issue 14, defect 7: the district table summed 2,850 where the card said 3,000).
    let r = f
        .req(Method::POST, "/api/v1/units", Some("admin"))
        .json(&json!({"name": "市直单位", "lon": 1.0, "lat": 1.5, "use_category": "office", "jurisdiction_id": f.city.id}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201, "{}", r.text().await.unwrap());
    let (_, d) = f.get_json("/api/v1/dashboard", "admin").await;
    assert_eq!(d["units"]["total"], 3);
    let rows = d["units"]["by_jurisdiction"].as_array().unwrap();
    let sum: i64 = rows.iter().map(|r| r["total"].as_i64().unwrap()).sum();
    assert_eq!(sum, 3, "{rows:?}");
    let own: Vec<&Value> = rows.iter().filter(|r| r["own"] == true).collect();
    assert_eq!((own.len(), own[0]["name"].as_str(), own[0]["total"].as_i64()), (1, Some("测试市"), Some(1)));
    assert_eq!(rows.last().unwrap()["own"], true, "the city's own row comes last");

    // A unit manager has no dashboard.
    let (s, _) = f.get_json("/api/v1/dashboard", "unitmgr").await;
    assert_eq!(s, 403);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_finds_names_codes_and_addresses() {
    let f = common::start().await;
    // Hydrant codes, exact match first.
    let (s, r) = f.get_json("/api/v1/search?q=%E4%B8%9C-H1", "admin").await; // 东-H1
    assert_eq!(s, 200, "{r}");
    let items = r["items"].as_array().unwrap();
    assert_eq!(items[0]["layer"], "water_sources");
    assert_eq!(items[0]["name"], "东-H1");
    assert_eq!(items[0]["id"], f.east.ids["water_sources"]);
    assert!((items[0]["lon"].as_f64().unwrap() - 1.51).abs() < 1e-9);
    let (_, r) = f.get_json("/api/v1/search?q=h1", "admin").await;
    assert_eq!(r["total"], 2, "case-insensitive: {r}");
    // Addresses.
    let uid = f.east.ids["units"];
    let res = f
        .req(Method::PATCH, &format!("/api/v1/units/{uid}"), Some("admin"))
        .json(&json!({"address": "东大街 88 号"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let (_, r) = f.get_json("/api/v1/search?q=%E5%A4%A7%E8%A1%97%2088", "admin").await; // 大街 88
    let items = r["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{r}");
    assert_eq!(
        (items[0]["layer"].as_str(), items[0]["id"].as_i64(), items[0]["sub"].as_str()),
        (Some("units"), Some(uid), Some("东大街 88 号"))
    );
    // Scope: the township officer finds only the west hydrant.
    let (_, r) = f.get_json("/api/v1/search?q=H1", "township").await;
    assert_eq!(r["total"], 1);
    assert_eq!(r["items"][0]["jurisdiction_id"], f.west.jurisdiction.id);
    // Layers and limits.
    let (_, r) = f.get_json("/api/v1/search?q=%E8%A5%BF&layers=stations", "admin").await; // 西
    assert!(r["items"].as_array().unwrap().iter().all(|i| i["layer"] == "stations"));
    assert_eq!(r["total"], 1);
    // LIKE wildcards are literal.
    let (_, r) = f.get_json("/api/v1/search?q=%25", "admin").await;
    assert_eq!(r["total"], 0, "{r}");
    for bad in [
        "/api/v1/search",
        "/api/v1/search?q=x&layers=roads",
        "/api/v1/search?q=x&limit=0",
        "/api/v1/search?q=x&colour=red",
    ] {
        let (s, _) = f.get_json(bad, "admin").await;
        assert_eq!(s, 400, "{bad}");
    }
    let (s, _) = f.get_json("/api/v1/search?q=x", "unitmgr").await;
    assert_eq!(s, 403);
}

fn square(lon0: f64, d: f64) -> geojson::Geometry {
    geojson::Geometry::new(geojson::Value::Polygon(vec![vec![
        vec![lon0, 0.0],
        vec![lon0 + d, 0.0],
        vec![lon0 + d, 1.0],
        vec![lon0, 1.0],
        vec![lon0, 0.0],
    ]]))
}

/// A city with one district and two streets under it (the breakdown goes down to the streets),
/// two stations, three hydrants and three units.
async fn city(store: &Store) -> (i64, i64) {
    let sys = Principal::system();
    let node = |parent: Option<i64>, level, name: &str, b| Jurisdiction {
        id: 0,
        parent_id: parent,
        level,
        name: name.into(),
        code: None,
        boundary: Some(b),
        path: String::new(),
    };
    let c = store.create_jurisdiction(&sys, node(None, JurisdictionLevel::City, "市", square(0.0, 2.0))).await.unwrap();
    let d = store
        .create_jurisdiction(&sys, node(Some(c.id), JurisdictionLevel::County, "城区", square(0.0, 2.0)))
        .await
        .unwrap();
    let w = store
        .create_jurisdiction(&sys, node(Some(d.id), JurisdictionLevel::Township, "西", square(0.0, 1.0)))
        .await
        .unwrap();
    let e = store
        .create_jurisdiction(&sys, node(Some(d.id), JurisdictionLevel::Township, "东", square(1.0, 1.0)))
        .await
        .unwrap();
    for (name, lon, duty, status) in [("西站", 0.5, 12, "on_duty"), ("东站", 1.5, 9, "out_of_service")] {
        let s: Station = serde_json::from_value(json!({"name": name, "kind": "level1", "status": status, "lon": lon, "lat": 0.5, "duty_strength": duty, "address": format!("{name}路 1 号")})).unwrap();
        let s = store.insert(&sys, s).await.unwrap();
        for (i, vs) in ["in_station", "maintenance"].iter().enumerate() {
            let v: Vehicle = serde_json::from_value(json!({"station_id": s.id, "name": format!("{name}{i}"), "family": "firefighting", "vehicle_type": "水罐消防车", "status": vs})).unwrap();
            store.insert(&sys, v).await.unwrap();
        }
    }
    for (code, lon, status, kind) in
        [("W1", 0.2, "intact", "hydrant_above"), ("W2", 0.3, "damaged", "hydrant_above"), ("E1", 1.2, "intact", "pool")]
    {
        let w: WaterSource = serde_json::from_value(json!({"code": code, "kind": kind, "status": status, "lon": lon, "lat": 0.4, "address": format!("{code} 号井")})).unwrap();
        store.insert(&sys, w).await.unwrap();
    }
    for (name, lon, use_category, area) in
        [("西商场", 0.6, "mall", 20000.0), ("西小店", 0.7, "shop", 50.0), ("东商店", 1.6, "shop", 60.0)]
    {
        let u: Unit = serde_json::from_value(json!({"name": name, "lon": lon, "lat": 0.6, "use_category": use_category, "address": format!("{name}大街"), "metrics": {"building_area_m2": area, "combustible_goods": true}})).unwrap();
        store.insert(&sys, u).await.unwrap();
    }
    (w.id, e.id)
}

async fn story(store: &Store) {
    let (west, east) = city(store).await;
    let d = store.dashboard(&Scope::all()).await.unwrap();
    assert_eq!(d.units.total, 3);
    let mut rows: Vec<(String, i64)> = d.units.by_jurisdiction.iter().map(|r| (r.name.clone(), r.total)).collect();
    rows.sort();
    assert_eq!(rows, [("东".to_string(), 1), ("西".to_string(), 2)]);
    assert_eq!(
        d.units.by_jurisdiction.iter().map(|r| r.jurisdiction_id).collect::<std::collections::BTreeSet<_>>(),
        [west, east].into()
    );
    assert_eq!(d.water.total, 3);
    assert_eq!(d.water.intact, 2);
    let above = d.water.by_kind.iter().find(|k| k.kind == "hydrant_above").unwrap();
    assert_eq!(above.intact_rate, Some(0.5));
    assert_eq!(d.water.by_kind.iter().find(|k| k.kind == "pool").unwrap().intact_rate, Some(1.0));
    assert_eq!((d.stations.total, d.stations.on_duty, d.stations.duty_strength), (2, 1, 12));
    assert_eq!((d.stations.vehicles, d.stations.vehicles_by_status["maintenance"]), (4, 2));
    let w = d.stations.list.iter().find(|s| s.name == "西站").unwrap();
    assert_eq!((w.duty_strength, w.vehicles, w.vehicles_by_status["in_station"]), (12, 2, 1));

    let hits = store.search(&Scope::all(), "w", &["water_sources", "units", "stations"], 10).await.unwrap();
    assert_eq!(
        hits.iter().filter(|h| h.layer == "water_sources").map(|h| h.name.as_str()).collect::<Vec<_>>(),
        ["W1", "W2"]
    );
    let hits = store.search(&Scope::all(), "大街", &["units"], 10).await.unwrap();
    assert_eq!(hits.len(), 3);
    let hits = store.search(&Scope::all(), "w2", &["water_sources"], 10).await.unwrap();
    assert_eq!((hits.len(), hits[0].sub.as_deref()), (1, Some("W2 号井")));

    // Within the west street only.
    let scope = Scope { path: store.get_jurisdiction(&Scope::all(), west).await.unwrap().path, unit_id: None };
    let d = store.dashboard(&scope).await.unwrap();
    assert_eq!((d.units.total, d.units.by_jurisdiction.len(), d.water.total, d.stations.total), (2, 1, 2, 1));
    assert_eq!(store.search(&scope, "东", &["units", "stations"], 10).await.unwrap().len(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn store_aggregates_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let store = huoyan_server::open_store_dir(dir.path()).await.unwrap();
    story(&store).await;
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn store_aggregates_on_postgres() {
    let Some(pg) = common::postgres("huoyan_dash").await else { return };
    story(&pg.store).await;
    pg.drop().await;
}
