//! Bad input gets a clear 4xx naming the problem and writes nothing: malformed JSON, wrong types,
//! coordinates out of range, unknown enum values, unknown fields, oversized bodies, wrong content
//! types, bad ids and query parameters, hostile nesting, broken spreadsheets.

mod common;

use huoyan_server::ServerConfig;
use reqwest::Method;
use serde_json::{Value, json};

async fn send(
    f: &common::Fixture,
    method: Method,
    path: &str,
    ct: &str,
    body: impl Into<reqwest::Body>,
) -> (u16, Value) {
    let r = f.req(method, path, Some("admin")).header("content-type", ct).body(body).send().await.unwrap();
    let s = r.status().as_u16();
    (s, r.json().await.unwrap_or(Value::Null))
}

fn station(extra: Value) -> String {
    let mut v = json!({"name": "新站", "kind": "level1", "lon": 0.5, "lat": 0.5});
    for (k, x) in extra.as_object().unwrap() {
        v[k] = x.clone();
    }
    v.to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_bodies_are_named_and_write_nothing() {
    let f = common::start_with(ServerConfig { max_body_bytes: 64 * 1024, ..Default::default() }).await;
    let before = f.fingerprint().await;
    let post = |body: String| send(&f, Method::POST, "/api/v1/stations", "application/json", body);

    let (s, v) = post("{\"name\": \"x\",".into()).await;
    assert_eq!((s, v["error"].as_str()), (400, Some("bad_request")), "{v}");
    assert!(v["message"].as_str().unwrap().contains("malformed JSON"), "{v}");

    let (s, v) = post(station(json!({"name": 5}))).await;
    assert_eq!((s, v["fields"][0]["field"].as_str()), (422, Some("name")), "{v}");

    let (s, v) = post(station(json!({"lon": 200.0, "lat": -91.0}))).await;
    assert_eq!(s, 422, "{v}");
    let fields: Vec<&str> = v["fields"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["lon", "lat"]);
    assert!(v["fields"][0]["reason"].as_str().unwrap().contains("-180..180"), "{v}");

    let (s, v) = post(station(json!({"kind": "tap"}))).await;
    assert_eq!((s, v["fields"][0]["field"].as_str()), (422, Some("kind")), "{v}");
    assert!(
        v["fields"][0]["reason"].as_str().unwrap().contains("level1(一级普通站)"),
        "lists the accepted values: {v}"
    );

    let (s, v) = post(station(json!({"colour": "red"}))).await;
    assert_eq!(s, 422, "{v}");
    assert!(v["message"].as_str().unwrap().contains("colour"), "{v}");

    let (s, v) = post(station(json!({"duty_strength": "many"}))).await;
    assert_eq!((s, v["fields"][0]["field"].as_str()), (422, Some("duty_strength")), "{v}");

    let (s, v) = post(station(json!({"name": "x".repeat(600)}))).await;
    assert_eq!((s, v["fields"][0]["field"].as_str()), (422, Some("name")), "{v}");

    // Oversized: 100 KiB against a 64 KiB limit.
    let (s, v) = post(station(json!({"address": "长".repeat(40_000)}))).await;
    assert_eq!((s, v["error"].as_str()), (413, Some("payload_too_large")), "{v}");

    // Hostile nesting stops at serde's recursion limit, as a 400.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let (s, _) = post(deep).await;
    assert!(s == 400 || s == 413, "{s}");

    let (s, v) = send(&f, Method::POST, "/api/v1/stations", "text/plain", station(json!({}))).await;
    assert_eq!((s, v["error"].as_str()), (415, Some("unsupported_media_type")), "{v}");

    // A unit with a wrong credit-code check character.
    let unit = json!({"name": "坏单位", "lon": 0.5, "lat": 0.5, "use_category": "shop", "uscc": "91350100M000100Y44"});
    let (s, v) = send(&f, Method::POST, "/api/v1/units", "application/json", unit.to_string()).await;
    assert_eq!((s, v["fields"][0]["field"].as_str()), (422, Some("uscc")), "{v}");
    let unit = json!({"name": "坏单位", "lon": 0.5, "lat": 0.5, "use_category": "casino"});
    let (s, v) = send(&f, Method::POST, "/api/v1/units", "application/json", unit.to_string()).await;
    assert_eq!((s, v["fields"][0]["field"].as_str()), (422, Some("use_category")), "{v}");
    let unit = json!({"name": "坏单位", "lon": 0.5, "lat": 0.5, "use_category": "shop", "metrics": {"beds": 1.5}});
    let (s, v) = send(&f, Method::POST, "/api/v1/units", "application/json", unit.to_string()).await;
    assert_eq!((s, v["fields"][0]["field"].as_str()), (422, Some("metrics.beds")), "{v}");

    // Merge patches must be objects and keep the record valid.
    let id = f.west.ids["stations"];
    let (s, _) = send(&f, Method::PATCH, &format!("/api/v1/stations/{id}"), "application/json", "[1]").await;
    assert_eq!(s, 400);
    let (s, v) =
        send(&f, Method::PATCH, &format!("/api/v1/stations/{id}"), "application/json", r#"{"lat": 123}"#).await;
    assert_eq!((s, v["fields"][0]["field"].as_str()), (422, Some("lat")), "{v}");
    let (s, v) =
        send(&f, Method::PATCH, &format!("/api/v1/stations/{id}"), "application/json", r#"{"kind": null}"#).await;
    assert_eq!((s, v["fields"][0]["field"].as_str()), (422, Some("kind")), "{v}");

    // A vehicle of a station that does not exist.
    let v = json!({"station_id": 999999, "name": "x", "family": "firefighting", "vehicle_type": "水罐消防车"});
    let (s, v) = send(&f, Method::POST, "/api/v1/vehicles", "application/json", v.to_string()).await;
    assert_eq!((s, v["fields"][0]["field"].as_str()), (422, Some("station_id")), "{v}");

    // A polygon that is not closed.
    let b = json!({"name": "x", "footprint": {"type": "Polygon", "coordinates": [[[0.1, 0.1], [0.2, 0.1], [0.2, 0.2], [0.1, 0.3]]]}});
    let (s, v) = send(&f, Method::POST, "/api/v1/buildings", "application/json", b.to_string()).await;
    assert_eq!((s, v["fields"][0]["field"].as_str()), (422, Some("footprint")), "{v}");

    let after = f.fingerprint().await;
    assert_eq!(after.0, before.0, "no audit entries");
    assert_eq!(
        (after.1.stations, after.1.units, after.1.vehicles, after.1.buildings),
        (before.1.stations, before.1.units, before.1.vehicles, before.1.buildings)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_paths_and_query_parameters() {
    let f = common::start().await;
    for path in [
        "/api/v1/stations/abc",
        "/api/v1/stations/0",
        "/api/v1/stations/-3",
        "/api/v1/stations?limit=0",
        "/api/v1/stations?limit=100000",
        "/api/v1/stations?offset=-1",
        "/api/v1/stations?bbox=1,2,3",
        "/api/v1/stations?bbox=3,0,1,1",
        "/api/v1/stations?bbox=0,0,1,95",
        "/api/v1/stations?sort=colour",
        "/api/v1/stations?colour=red",
        "/api/v1/map/features",
        "/api/v1/map/features?bbox=0,0,1,1&layers=tanks",
        "/api/v1/jurisdictions?boundary=maybe",
        "/api/v1/audit?limit=x",
    ] {
        let (s, v) = f.get_json(path, "admin").await;
        assert_eq!(s, 400, "{path}: {v}");
        assert_eq!(v["error"], "bad_request", "{path}");
        assert!(!v["message"].as_str().unwrap().is_empty());
    }
    let (s, v) = f.get_json("/api/v1/stations/424242", "admin").await;
    assert_eq!((s, v["error"].as_str()), (404, Some("not_found")));
    let (s, v) = f.get_json("/api/v1/no-such-thing", "admin").await;
    assert_eq!((s, v["error"].as_str()), (404, Some("not_found")));
    // Wrong password: 401, the same message whether or not the name exists.
    for user in ["admin", "nobody"] {
        let r = f
            .http
            .post(f.url("/api/v1/auth/login"))
            .json(&json!({"username": user, "password": "wrong password"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 401);
        assert_eq!(r.json::<Value>().await.unwrap()["message"], "wrong user name or password");
    }
    // Five failures lock the name out for a while, even with the right password.
    for _ in 0..4 {
        let r = f
            .http
            .post(f.url("/api/v1/auth/login"))
            .json(&json!({"username": "leader", "password": "guess"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 401);
    }
    let r = f
        .http
        .post(f.url("/api/v1/auth/login"))
        .json(&json!({"username": "leader", "password": "guess"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    let r = f
        .http
        .post(f.url("/api/v1/auth/login"))
        .json(&json!({"username": "leader", "password": common::PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 429);
    assert_eq!(r.json::<Value>().await.unwrap()["error"], "too_many_requests");
    let r = f
        .http
        .post(f.url("/api/v1/auth/login"))
        .json(&json!({"username": "dispatcher", "password": common::PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200, "other accounts are unaffected");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn broken_spreadsheets_are_refused_and_bad_rows_reported() {
    let f = common::start().await;
    let before = f.fingerprint().await;
    let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    let (s, v) = send(&f, Method::POST, "/api/v1/units/import", xlsx, b"PK\x03\x04 not really a zip".to_vec()).await;
    assert_eq!((s, v["fields"][0]["field"].as_str()), (422, Some("file")), "{v}");
    let (s, v) = send(&f, Method::POST, "/api/v1/units/import", xlsx, Vec::new()).await;
    assert_eq!((s, v["fields"][0]["field"].as_str()), (422, Some("file")), "{v}");
    let (s, v) = send(&f, Method::POST, "/api/v1/units/import", "text/csv", "地址,经度\nx,1\n").await;
    assert_eq!(s, 422, "missing columns: {v}");
    assert!(v["message"].as_str().unwrap().contains("名称"), "{v}");
    let (s, _) = send(&f, Method::POST, "/api/v1/units/import", "application/pdf", "x").await;
    assert_eq!(s, 415);
    assert_eq!(f.fingerprint().await.0, before.0, "nothing written");
    // Good rows go in, bad rows are reported with their row numbers.
    let csv = "名称,经度,纬度,类型,建筑面积\n好商店,0.5,0.5,商店,80\n坏经度,abc,0.5,商店,80\n坏纬度,0.5,95,商店,80\n坏类型,0.5,0.5,赌场,80\n";
    let (s, v) = send(&f, Method::POST, "/api/v1/units/import", "text/csv", csv).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["imported"], 1, "{v}");
    let skipped: Vec<&str> =
        v["report"]["skipped"].as_array().unwrap().iter().map(|s| s["location"].as_str().unwrap()).collect();
    assert_eq!(skipped.len(), 3, "{v}");
    assert!(skipped.iter().all(|l| l.contains('3') || l.contains('4') || l.contains('5')), "{skipped:?}");
    let (_, units) = f.get_json("/api/v1/units?q=好商店", "admin").await;
    assert_eq!(units["items"][0]["classes"], json!(["nine_small"]), "imported units are classified");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn create_list_export_round_trip() {
    let f = common::start().await;
    let body = json!({"code": "XH-001", "kind": "地下消火栓", "status": "完好", "lon": 0.25, "lat": 0.75, "flow_lps": 20.0, "pressure_mpa": 0.2, "last_inspected": "2026-10-01"});
    let r = f.req(Method::POST, "/api/v1/water_sources", Some("inspector")).json(&body).send().await.unwrap();
    assert_eq!(r.status(), 201);
    let created: Value = r.json().await.unwrap();
    assert_eq!(
        (created["kind"].as_str(), created["jurisdiction_id"].as_i64()),
        (Some("hydrant_below"), Some(f.west.jurisdiction.id))
    );
    let (_, list) = f.get_json("/api/v1/water_sources?kind=hydrant_below&bbox=0,0.5,0.5,1", "leader").await;
    assert_eq!(list["total"], 1);
    let (_, audit) =
        f.get_json(&format!("/api/v1/audit?entity=water_sources&entity_id={}", created["id"]), "leader").await;
    assert_eq!(audit[0]["username"], "inspector");
    assert_eq!(audit[0]["action"], "create");
    let r = f
        .req(Method::GET, "/api/v1/water_sources/export.xlsx?kind=hydrant_below", Some("inspector"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let bytes = r.bytes().await.unwrap();
    assert_eq!(&bytes[..2], b"PK", "an xlsx (zip) file");
    let back =
        huoyan_import::read_table(&bytes, huoyan_import::TableFormat::Xlsx, huoyan_import::TableLayer::WaterSources)
            .unwrap();
    assert_eq!(back.water_sources.len(), 1);
    assert_eq!(back.water_sources[0].code.as_deref(), Some("XH-001"));
    // Metrics count the requests.
    let m = f.http.get(f.url("/metrics")).send().await.unwrap().text().await.unwrap();
    assert!(m.contains("huoyan_http_requests_total"), "{m}");
    // The OpenAPI document describes the records with their fields.
    let (_, doc) = f.get_json("/api/v1/openapi.json", "admin").await;
    assert!(doc["components"]["schemas"]["WaterSource"]["properties"]["pressure_mpa"].is_object());
    assert!(doc["paths"]["/api/v1/units/{id}"]["patch"].is_object());
}
