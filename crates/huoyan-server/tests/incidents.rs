//! Incidents over HTTP on a small road network in the west township: intake → recommendation →
//! 一键调派 → 出动 → 到场 → 撤离 → 归队 → 结束, committed vehicles not recommended again, pre-plans
//! with attachments, dispatch plans, and bad input (far from roads, unreachable after closures,
//! unknown words, malformed bodies, oversized files, timeline out of order) answered with clear
//! 4xx and nothing half-written.

mod common;

use chrono::{Duration, Utc};
use huoyan_domain::account::Principal;
use huoyan_domain::*;
use reqwest::Method;
use serde_json::{Value, json};

/// The street along lat 0.5 (five pieces, ~1.1 km each), a second station at its west end, more
/// vehicles, the west mall's micro fire station and a neighbour's. Returns the road ids.
async fn network(f: &common::Fixture) -> Vec<i64> {
    let sys = Principal::system();
    let mut roads = Vec::new();
    // The east end is the longer part, so that closing 二段 leaves it the main network.
    for (name, a, b) in
        [("一段", 0.49, 0.50), ("二段", 0.50, 0.51), ("三段", 0.51, 0.53), ("四段", 0.53, 0.54), ("五段", 0.54, 0.55)]
    {
        let r: Road = serde_json::from_value(json!({"name": name, "class": "secondary", "geometry": {"type": "LineString", "coordinates": [[a, 0.5], [b, 0.5]]}})).unwrap();
        roads.push(f.store.insert(&sys, r).await.unwrap().id);
    }
    let station = |name: &str, kind: &str, lon: f64, unit: Option<i64>| -> Station {
        serde_json::from_value(json!({"name": name, "kind": kind, "lon": lon, "lat": 0.5, "unit_id": unit})).unwrap()
    };
    let second = f.store.insert(&sys, station("西二站", "level2", 0.49, None)).await.unwrap();
    f.store.insert(&sys, station("西商场微型站", "micro", 0.52, Some(f.west.ids["units"]))).await.unwrap();
    f.store.insert(&sys, station("邻近微型站", "micro", 0.515, None)).await.unwrap();
    let first = f.west.ids["stations"];
    for (st, name, family, t) in [
        (first, "西泡沫", "firefighting", "泡沫消防车"),
        (first, "西登高", "aerial", "登高平台消防车"),
        (second.id, "二站抢险", "special", "抢险救援消防车"),
        (second.id, "二站水罐1", "firefighting", "水罐消防车"),
        (second.id, "二站水罐2", "firefighting", "水罐消防车"),
    ] {
        let v: Vehicle =
            serde_json::from_value(json!({"station_id": st, "name": name, "family": family, "vehicle_type": t}))
                .unwrap();
        f.store.insert(&sys, v).await.unwrap();
    }
    roads
}

async fn send(f: &common::Fixture, method: Method, path: &str, user: &str, body: Option<Value>) -> (u16, Value) {
    let mut r = f.req(method, path, Some(user));
    if let Some(b) = body {
        r = r.json(&b);
    }
    let resp = r.send().await.unwrap();
    let status = resp.status().as_u16();
    (status, resp.json().await.unwrap_or(Value::Null))
}

fn ago(min: i64) -> String {
    (Utc::now() - Duration::minutes(min)).to_rfc3339()
}

async fn counts(f: &common::Fixture) -> (i64, usize) {
    let (_, l) = f.get_json("/api/v1/incidents?limit=1", "admin").await;
    (l["total"].as_i64().unwrap(), f.fingerprint().await.0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn intake_dispatch_arrival_return() {
    let f = common::start().await;
    network(&f).await;
    let unit = f.west.ids["units"];
    let (s, v) = send(
        &f,
        Method::POST,
        "/api/v1/incidents",
        "dispatcher",
        Some(json!({"category": "火灾扑救", "unit_id": unit, "caller_phone": "13900000000", "reported_at": ago(20)})),
    )
    .await;
    assert_eq!(s, 201, "{v}");
    let id = v["incident"]["id"].as_i64().unwrap();
    assert_eq!(v["incident"]["status"], "received");
    assert_eq!(v["incident"]["address"], "西商场", "the unit's name when it has no address");
    let ms = v["timing"]["total_ms"].as_f64().unwrap();
    assert!(ms < 500.0, "server time {ms} ms (the bench measures the release build)");
    let rec = &v["recommendation"];
    assert!(rec["plan_id"].as_str().unwrap().starts_with("fire."), "{rec}");
    let a = rec["assignments"].as_array().unwrap();
    assert!(a.len() >= 3, "{rec}");
    // Within a requirement, fastest first; the west station (on the street, 2.2 km away) before the second (3.3 km).
    let water: Vec<&Value> = a.iter().filter(|x| x["requirement"] == 0).collect();
    assert!(water.windows(2).all(|w| w[0]["eta_s"].as_f64() <= w[1]["eta_s"].as_f64()), "{rec}");
    assert_eq!(water[0]["station_id"], f.west.ids["stations"]);
    // 1–3–5: the mall's own micro station, then the neighbour within 3 minutes.
    let alerts: Vec<(&str, &str)> = rec["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| (x["name"].as_str().unwrap(), x["reason"].as_str().unwrap()))
        .collect();
    assert_eq!(alerts, vec![("西商场微型站", "own_micro"), ("邻近微型站", "joint")]);

    // 一键调派.
    let (s, d) = send(
        &f,
        Method::POST,
        &format!("/api/v1/incidents/{id}/dispatch"),
        "dispatcher",
        Some(json!({"recommended": true})),
    )
    .await;
    assert_eq!(s, 200, "{d}");
    let sent: Vec<i64> = d["dispatches"].as_array().unwrap().iter().filter_map(|x| x["vehicle_id"].as_i64()).collect();
    assert_eq!(sent.len(), a.len());
    assert_eq!(d["incident"]["status"], "dispatched");
    for v in &sent {
        let (_, veh) = f.get_json(&format!("/api/v1/vehicles/{v}"), "dispatcher").await;
        assert_eq!(veh["status"], "dispatched", "{veh}");
    }
    // Committed vehicles are not recommended again, here or for a second incident; sending one is 409.
    let (_, r2) = f.get_json(&format!("/api/v1/incidents/{id}/recommendation"), "dispatcher").await;
    assert!(
        r2["assignments"].as_array().unwrap().iter().all(|x| !sent.contains(&x["vehicle_id"].as_i64().unwrap())),
        "{r2}"
    );
    let (s, other) = send(
        &f,
        Method::POST,
        "/api/v1/incidents",
        "dispatcher",
        Some(json!({"category": "rescue", "lon": 0.505, "lat": 0.5001, "address": "二段"})),
    )
    .await;
    assert_eq!(s, 201, "{other}");
    assert!(
        other["recommendation"]["assignments"]
            .as_array()
            .unwrap()
            .iter()
            .all(|x| !sent.contains(&x["vehicle_id"].as_i64().unwrap()))
    );
    let oid = other["incident"]["id"].as_i64().unwrap();
    let (s, e) = send(
        &f,
        Method::POST,
        &format!("/api/v1/incidents/{oid}/dispatch"),
        "dispatcher",
        Some(json!({"vehicles": [sent[0]]})),
    )
    .await;
    assert_eq!(s, 409, "{e}");
    assert!(e["message"].as_str().unwrap().contains("committed"), "{e}");

    // Timeline of the first vehicle: 出动, then an impossible 到场, then the real one.
    let v0 = sent[0];
    let tl = format!("/api/v1/incidents/{id}/timeline");
    let (s, o) =
        send(&f, Method::POST, &tl, "dispatcher", Some(json!({"stage": "出动", "vehicle_id": v0, "at": ago(18)})))
            .await;
    assert_eq!((s, o["vehicle_status"].as_str()), (201, Some("en_route")), "{o}");
    let (s, e) =
        send(&f, Method::POST, &tl, "dispatcher", Some(json!({"stage": "arrival", "vehicle_id": v0, "at": ago(19)})))
            .await;
    assert_eq!(s, 422, "{e}");
    assert!(e["message"].as_str().unwrap().contains("到场时间不能早于出动时间"), "{e}");
    let (s, o) =
        send(&f, Method::POST, &tl, "dispatcher", Some(json!({"stage": "到场", "vehicle_id": v0, "at": ago(15)})))
            .await;
    assert_eq!(s, 201, "{o}");
    assert_eq!((o["vehicle_status"].as_str(), o["incident"]["status"].as_str()), (Some("on_scene"), Some("on_scene")));
    assert_eq!(o["entry"]["warnings"], json!([]), "2.2 km in 3 minutes is plausible: {o}");
    // The board: everything for the screen in one call.
    let (s, b) = f.get_json(&format!("/api/v1/incidents/{id}/board"), "dispatcher").await;
    assert_eq!(s, 200, "{b}");
    assert_eq!(b["timeline"].as_array().unwrap().len(), 3, "接警, 出动, 到场");
    assert!(
        b["dispatches"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["vehicle_name"] == "西水罐" && d["eta_label"].as_str().unwrap().ends_with("分钟")),
        "{b}"
    );
    let feats = b["routes"]["features"].as_array().unwrap();
    assert!(feats.iter().any(|r| r["properties"]["label"].as_str().unwrap().starts_with("西站")), "{b}");
    assert_eq!(b["preplan"]["match"], "unit");
    assert!(b["water"].as_array().is_some());
    // Withdraw and return every vehicle; closing before that is refused.
    let (s, e) = send(&f, Method::POST, &tl, "dispatcher", Some(json!({"stage": "closed", "at": ago(1)}))).await;
    assert_eq!(s, 409, "{e}");
    for v in &sent {
        if *v != v0 {
            send(&f, Method::POST, &tl, "dispatcher", Some(json!({"stage": "到场", "vehicle_id": v, "at": ago(14)})))
                .await;
        }
        for (stage, m) in [("撤离", 5), ("归队", 2)] {
            let (s, o) =
                send(&f, Method::POST, &tl, "dispatcher", Some(json!({"stage": stage, "vehicle_id": v, "at": ago(m)})))
                    .await;
            assert_eq!(s, 201, "{stage} {v}: {o}");
        }
        let (_, veh) = f.get_json(&format!("/api/v1/vehicles/{v}"), "dispatcher").await;
        assert_eq!(veh["status"], "in_station");
    }
    let (s, o) = send(&f, Method::POST, &tl, "dispatcher", Some(json!({"stage": "警情处置结束", "at": ago(1)}))).await;
    assert_eq!((s, o["incident"]["status"].as_str()), (201, Some("closed")), "{o}");
    // The vehicles are free again: the second incident may have them.
    let (s, _) = send(
        &f,
        Method::POST,
        &format!("/api/v1/incidents/{oid}/dispatch"),
        "dispatcher",
        Some(json!({"vehicles": [v0]})),
    )
    .await;
    assert_eq!(s, 200);
    // Consoles were told.
    let (_, ev) = f.get_json("/api/v1/events/recent", "dispatcher").await;
    let kinds: Vec<&str> = ev.as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert!(kinds.contains(&"incident") && kinds.contains(&"incident_update"), "{kinds:?}");
    // Inspectors read but do not dispatch.
    let (s, _) = send(
        &f,
        Method::POST,
        &format!("/api/v1/incidents/{oid}/dispatch"),
        "inspector",
        Some(json!({"recommended": true})),
    )
    .await;
    assert_eq!(s, 403);
}

/// Issue 14, defect 2: a fire with more than one arrival. The first vehicle arrives, the crew
/// deploys and puts water on; a reinforcement sent then arrives after 出水 (it was refused with 422,
/// so the incident could never close); once the fire is out no vehicle is sent; every vehicle
/// returns — two at once — and the incident closes.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reinforcement_arriving_after_water_on_is_recorded_and_the_incident_closes() {
    let f = common::start().await;
    network(&f).await;
    let unit = f.west.ids["units"];
    let body = json!({"category": "fire", "unit_id": unit, "reported_at": ago(40)});
    let (s, v) = send(&f, Method::POST, "/api/v1/incidents", "dispatcher", Some(body)).await;
    assert_eq!(s, 201, "{v}");
    let id = v["incident"]["id"].as_i64().unwrap();
    let picks: Vec<i64> = v["recommendation"]["assignments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["vehicle_id"].as_i64().unwrap())
        .collect();
    let (first, second) = (picks[0], picks[1]);
    let d = format!("/api/v1/incidents/{id}/dispatch");
    let tl = format!("/api/v1/incidents/{id}/timeline");
    let record = |body: Value| {
        let (f, tl) = (&f, &tl);
        async move { send(f, Method::POST, tl, "dispatcher", Some(body)).await }
    };
    let (s, o) = send(&f, Method::POST, &d, "dispatcher", Some(json!({"vehicles": [first]}))).await;
    assert_eq!(s, 200, "{o}");
    for body in [
        json!({"stage": "出动", "vehicle_id": first, "at": ago(38)}),
        json!({"stage": "到场", "vehicle_id": first, "at": ago(33)}),
        json!({"stage": "展开", "at": ago(32)}),
        json!({"stage": "出水", "at": ago(31)}),
    ] {
        let (s, o) = record(body.clone()).await;
        assert_eq!(s, 201, "{body}: {o}");
    }
    // The reinforcement.
    let (s, o) = send(&f, Method::POST, &d, "dispatcher", Some(json!({"vehicles": [second]}))).await;
    assert_eq!(s, 200, "{o}");
    let (s, o) = record(json!({"stage": "出动", "vehicle_id": second, "at": ago(29)})).await;
    assert_eq!(s, 201, "{o}");
    let (s, o) = record(json!({"stage": "到场", "vehicle_id": second, "at": ago(22)})).await;
    assert_eq!(s, 201, "a vehicle arriving after 出水 is recorded: {o}");
    assert_eq!((o["vehicle_status"].as_str(), o["entry"]["vehicle_id"].as_i64()), (Some("on_scene"), Some(second)));
    for body in [
        json!({"stage": "扑灭", "at": ago(15)}),
        json!({"stage": "结束", "at": ago(12)}),
        json!({"stage": "撤离", "vehicle_ids": [first, second], "at": ago(10)}),
    ] {
        let (s, o) = record(body.clone()).await;
        assert_eq!(s, 201, "{body}: {o}");
    }
    // The fire is out: no more vehicles are sent (issue 14, defect 4), a free one neither.
    let (s, e) = send(&f, Method::POST, &d, "dispatcher", Some(json!({"vehicles": [picks[2]]}))).await;
    let field = &e["fields"][0];
    assert_eq!(
        (s, field["code"].as_str(), field["params"]["stage"].as_str()),
        (409, Some("fire_out"), Some("extinguished")),
        "{e}"
    );
    // Not closed while the vehicles are out; a 归队 before 撤离 is refused for every vehicle listed,
    // with the vehicle and the times (Asia/Shanghai, to the second).
    let (s, e) = record(json!({"stage": "警情处置结束", "at": ago(9)})).await;
    assert_eq!(
        (s, e["fields"][0]["code"].as_str(), &e["fields"][0]["params"]["n"]),
        (409, Some("vehicles_committed"), &json!(2)),
        "{e}"
    );
    let (s, e) = record(json!({"stage": "归队", "vehicle_ids": [first, second], "at": ago(11)})).await;
    assert_eq!(s, 422, "{e}");
    let p = &e["fields"][0]["params"];
    assert_eq!(
        (e["fields"][0]["code"].as_str(), p["vehicle_id"].as_i64()),
        (Some("timeline_order"), Some(first)),
        "{e}"
    );
    assert_eq!((p["stage"].as_str(), p["before"].as_str()), (Some("returned"), Some("withdrawn")), "{e}");
    assert!(p["at"].as_str().unwrap().ends_with("+08:00") && !e["message"].as_str().unwrap().contains(".md"), "{e}");
    for (body, code) in [
        (json!({"stage": "归队", "vehicle_ids": [first, first], "at": ago(5)}), "duplicate_vehicle"),
        (json!({"stage": "出水", "vehicle_ids": [first], "at": ago(5)}), "incident_stage"),
        (json!({"stage": "归队", "vehicle_id": first, "vehicle_ids": [second], "at": ago(5)}), "vehicle_or_vehicles"),
    ] {
        let (s, e) = record(body.clone()).await;
        assert_eq!((s, e["fields"][0]["code"].as_str()), (422, Some(code)), "{body}: {e}");
    }
    let (s, o) = record(json!({"stage": "归队", "vehicle_ids": [first, second], "at": ago(5)})).await;
    assert_eq!(s, 201, "{o}");
    let back: Vec<i64> = o["entries"].as_array().unwrap().iter().map(|e| e["vehicle_id"].as_i64().unwrap()).collect();
    assert_eq!((back, o["vehicle_status"].as_str()), (vec![first, second], Some("in_station")), "{o}");
    for v in [first, second] {
        let (_, veh) = f.get_json(&format!("/api/v1/vehicles/{v}"), "dispatcher").await;
        assert_eq!(veh["status"], "in_station", "{veh}");
    }
    let (s, o) = record(json!({"stage": "警情处置结束", "at": ago(1)})).await;
    assert_eq!((s, o["incident"]["status"].as_str()), (201, Some("closed")), "{o}");
    let (_, t) = f.get_json(&tl, "dispatcher").await;
    let arrivals = t.as_array().unwrap().iter().filter(|e| e["stage"] == "arrival").count();
    assert_eq!(arrivals, 2, "{t}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_gets_clear_answers_and_writes_nothing() {
    let f = common::start().await;
    let roads = network(&f).await;
    let before = counts(&f).await;
    let post = |b: Value| {
        let f = &f;
        async move { send(f, Method::POST, "/api/v1/incidents", "dispatcher", Some(b)).await }
    };
    // Far from every road.
    let (s, e) = post(json!({"category": "fire", "lon": 0.8, "lat": 0.8})).await;
    assert_eq!(s, 422, "{e}");
    assert!(e["message"].as_str().unwrap().contains("no routable road"), "{e}");
    // Unknown words, missing location, malformed bodies.
    let (s, e) = post(json!({"category": "fire_and_flood", "lon": 0.5, "lat": 0.5})).await;
    assert_eq!((s, e["fields"][0]["field"].as_str()), (422, Some("category")), "{e}");
    assert!(e["message"].as_str().unwrap().contains("fire(火灾扑救)"), "{e}");
    let (s, e) = post(json!({"category": "fire", "sub_type": "volcano", "lon": 0.5, "lat": 0.5})).await;
    assert_eq!((s, e["fields"][0]["field"].as_str()), (422, Some("sub_type")), "{e}");
    let (s, _) = post(json!({"category": "fire"})).await;
    assert_eq!(s, 422);
    let (s, _) = post(json!({"category": "fire", "lon": 0.5})).await;
    assert_eq!(s, 422);
    let (s, _) = post(json!({"category": "fire", "lon": "east", "lat": 0.5})).await;
    assert_eq!(s, 422);
    let (s, _) = post(json!({"category": "fire", "lon": 0.5, "lat": 0.5, "level": 300})).await;
    assert_eq!(s, 422);
    let (s, _) = post(json!({"category": "fire", "lon": 0.5, "lat": 0.5, "colour": "red"})).await;
    assert_eq!(s, 422);
    let (s, e) = post(json!({"category": "fire", "unit_query": "商场"})).await;
    assert!(s == 422 && e["message"].as_str().unwrap().contains("several"), "{s} {e}");
    let r = f
        .req(Method::POST, "/api/v1/incidents", Some("dispatcher"))
        .header("content-type", "application/json")
        .body("{\"category\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    assert_eq!(counts(&f).await, before, "nothing written by refused intakes");
    // Closing the middle of the street cuts the stations off from the east end.
    let (s, _) =
        send(&f, Method::PATCH, &format!("/api/v1/roads/{}", roads[1]), "admin", Some(json!({"access": "no"}))).await;
    assert_eq!(s, 200);
    let before = counts(&f).await;
    let (s, e) = post(json!({"category": "fire", "lon": 0.525, "lat": 0.5})).await;
    assert_eq!(s, 422, "{e}");
    assert!(e["message"].as_str().unwrap().contains("no force can reach"), "{e}");
    assert_eq!(counts(&f).await, before, "nothing written by a refused intake");
    // The operator may confirm it anyway: the recommendation then says why nothing is filled.
    let (s, v) = post(json!({"category": "fire", "lon": 0.525, "lat": 0.5, "accept_unroutable": true})).await;
    assert_eq!(s, 201, "{v}");
    assert!(v["recommendation"]["unfilled"][0]["reason"].as_str().unwrap().contains("cannot reach"), "{v}");
    let id = v["incident"]["id"].as_i64().unwrap();
    let (s, _) =
        send(&f, Method::PATCH, &format!("/api/v1/roads/{}", roads[1]), "admin", Some(json!({"access": "yes"}))).await;
    assert_eq!(s, 200);
    // Dispatch bodies and timeline out of order.
    let d = format!("/api/v1/incidents/{id}/dispatch");
    let (s, _) = send(&f, Method::POST, &d, "dispatcher", Some(json!({"recommended": true, "vehicles": [1]}))).await;
    assert_eq!(s, 422);
    let (s, _) = send(&f, Method::POST, &d, "dispatcher", Some(json!({}))).await;
    assert_eq!(s, 422);
    let (s, e) = send(&f, Method::POST, &d, "dispatcher", Some(json!({"vehicles": [999999]}))).await;
    assert_eq!(s, 422, "{e}");
    let tanker = f.west.ids["vehicles"];
    let (s, _) = send(&f, Method::POST, &d, "dispatcher", Some(json!({"vehicles": [tanker]}))).await;
    assert_eq!(s, 200);
    let tl = format!("/api/v1/incidents/{id}/timeline");
    let (s, e) = send(&f, Method::POST, &tl, "dispatcher", Some(json!({"stage": "归队", "vehicle_id": tanker}))).await;
    assert_eq!(s, 409, "归队 needs 撤离 or 中途返回 first: {e}");
    let (s, e) = send(
        &f,
        Method::POST,
        &tl,
        "dispatcher",
        Some(json!({"stage": "arrival", "vehicle_id": tanker, "at": ago(60)})),
    )
    .await;
    assert_eq!(s, 422, "before the alarm: {e}");
    let (s, e) =
        send(&f, Method::POST, &tl, "dispatcher", Some(json!({"stage": "teleport", "vehicle_id": tanker}))).await;
    assert_eq!(s, 422, "{e}");
    assert!(e["message"].as_str().unwrap().contains("arrival(到场)"), "{e}");
    let (_, veh) = f.get_json(&format!("/api/v1/vehicles/{tanker}"), "admin").await;
    assert_eq!(veh["status"], "dispatched", "refused stages moved nothing");
    let (_, t) = f.get_json(&tl, "admin").await;
    assert_eq!(t.as_array().unwrap().len(), 1, "only 接警: {t}");
    // Manual status: the committed vehicle cannot go to maintenance; calling it off works.
    let st = format!("/api/v1/vehicles/{tanker}/status");
    let (s, _) = send(&f, Method::POST, &st, "logistics", Some(json!({"status": "maintenance"}))).await;
    assert_eq!(s, 409);
    let (s, v) = send(&f, Method::POST, &st, "logistics", Some(json!({"status": "在队"}))).await;
    assert_eq!((s, v["status"].as_str()), (200, Some("in_station")), "{v}");
    let (s, _) = send(&f, Method::POST, &st, "inspector", Some(json!({"status": "maintenance"}))).await;
    assert_eq!(s, 403);
}

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn preplans_and_dispatch_plans() {
    let f = common::start().await;
    network(&f).await;
    let unit = f.west.ids["units"];
    let doc = json!({"building": {"floors_above": 5}, "floors": [{"floor": "1-5", "usage": "商场"}], "occupancy": {"day": 800},
        "hazardous_materials": [], "fire_facilities": [{"name": "室内消火栓系统"}], "key_parts": [{"name": "配电室"}],
        "water_sources": [{"description": "门前地上消火栓", "distance_m": 40}], "access_routes": [{"name": "南侧消防车道"}],
        "attack_notes": "内攻", "evacuation_notes": "南门"});
    let (s, p) =
        send(&f, Method::POST, "/api/v1/preplans", "inspector", Some(json!({"unit_id": unit, "doc": doc}))).await;
    assert_eq!(s, 200, "the fixture's plan is replaced: {p}");
    assert_eq!(p["completeness"]["percent"], 100.0, "the fixture attached a floor plan: {p}");
    let pid = p["id"].as_i64().unwrap();
    let (s, _) =
        send(&f, Method::POST, "/api/v1/preplans", "dispatcher", Some(json!({"unit_id": unit, "doc": doc}))).await;
    assert_eq!(s, 403, "dispatchers read pre-plans, inspectors write them");
    // Upload, download, refuse.
    let up = |name: &str, body: Vec<u8>| {
        f.req(Method::POST, &format!("/api/v1/preplans/{pid}/attachments?name={name}"), Some("inspector"))
            .header("content-type", "application/octet-stream")
            .body(body)
    };
    let r = up("%E4%BA%8C%E5%B1%82.png", PNG.to_vec()).send().await.unwrap();
    assert_eq!(r.status(), 201);
    let p: Value = r.json().await.unwrap();
    let att = p["attachments"].as_array().unwrap().last().unwrap().clone();
    assert_eq!((att["name"].as_str(), att["content_type"].as_str()), (Some("二层.png"), Some("image/png")));
    let r = f
        .req(Method::GET, &format!("/api/v1/preplan-attachments/{}", att["id"]), Some("dispatcher"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["content-type"], "image/png");
    assert_eq!(r.headers()["x-content-type-options"], "nosniff");
    assert_eq!(r.bytes().await.unwrap().as_ref(), PNG);
    let r = up("x.html", b"<script>alert(1)</script>".to_vec()).send().await.unwrap();
    assert_eq!(r.status(), 422);
    // Too big: 413 — or, when the server answers before the client has finished sending and
    // closes, a reset connection (either way nothing is stored; the count is checked below).
    match up("big.pdf", [b"%PDF-".to_vec(), vec![0; 11 * 1024 * 1024]].concat()).send().await {
        Ok(r) => assert_eq!(r.status(), 413),
        Err(e) => assert!(e.is_request() || e.is_body(), "{e}"),
    }
    let r = up("a.png", vec![]).send().await.unwrap();
    assert_eq!(r.status(), 422);
    let (_, p) = f.get_json(&format!("/api/v1/preplans/{pid}"), "leader").await;
    assert_eq!(p["attachments"].as_array().unwrap().len(), 2, "refused uploads stored nothing");
    // Shown for an incident at the unit.
    let (_, v) = send(
        &f,
        Method::POST,
        "/api/v1/incidents",
        "dispatcher",
        Some(json!({"category": "fire", "unit_query": "西商场"})),
    )
    .await;
    let (s, pp) = f.get_json(&format!("/api/v1/incidents/{}/preplan", v["incident"]["id"]), "dispatcher").await;
    assert_eq!((s, pp["match"].as_str(), pp["preplan"]["id"].as_i64()), (200, Some("unit"), Some(pid)));
    // … and for one 10 m away without a unit: the nearest key unit's.
    let (_, v) = send(
        &f,
        Method::POST,
        "/api/v1/incidents",
        "dispatcher",
        Some(json!({"category": "fire", "lon": 0.5201, "lat": 0.5})),
    )
    .await;
    let (_, pp) = f.get_json(&format!("/api/v1/incidents/{}/preplan", v["incident"]["id"]), "dispatcher").await;
    assert_eq!(pp["match"], "nearest", "{pp}");
    let (_, list) = f.get_json("/api/v1/preplans", "leader").await;
    assert_eq!(list["total"], 2);

    // Dispatch plans: read, load (TOML), refuse bad ones and other roles.
    let (s, plans) = f.get_json("/api/v1/dispatch-plans", "inspector").await;
    assert_eq!((s, plans["in_force"]["id"].as_str()), (200, Some("cn-baseline")));
    let toml = huoyan_incidents::rules::CN_BASELINE.replace("id = \"cn-baseline\"", "id = \"test-city\"");
    let load = |user: &str, body: String| {
        f.req(Method::POST, "/api/v1/dispatch-plans", Some(user)).header("content-type", "application/toml").body(body)
    };
    assert_eq!(load("inspector", toml.clone()).send().await.unwrap().status(), 403);
    let r = load("dispatcher", toml.replace("count = 2", "count = 0")).send().await.unwrap();
    assert_eq!(r.status(), 422);
    assert!(r.json::<Value>().await.unwrap()["message"].as_str().unwrap().contains("count must be"));
    assert_eq!(load("dispatcher", toml).send().await.unwrap().status(), 201);
    let (_, plans) = f.get_json("/api/v1/dispatch-plans", "leader").await;
    assert_eq!(plans["in_force"]["id"], "test-city");
    assert_eq!(plans["history"].as_array().unwrap().len(), 2);
}

/// An incident from a monitored unit's alarm: refused while the alarm is not a confirmed real fire
/// (or does not exist), then taken in at the unit and linked to the alarm, with the alarm's update
/// pushed to consoles; a second intake from the same alarm is 409 and writes nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn intake_from_a_confirmed_alarm() {
    let f = common::start().await;
    network(&f).await;
    let alarm = f.west.ids["alarms"];
    let from = |id: i64| json!({"category": "fire", "source": {"kind": "alarm", "alarm_id": id}});
    let before = counts(&f).await;
    let (s, e) = send(&f, Method::POST, "/api/v1/incidents", "dispatcher", Some(from(alarm))).await;
    assert_eq!(s, 422, "{e}");
    assert_eq!(e["fields"][0]["field"], "source.alarm_id", "{e}");
    assert!(e["fields"][0]["reason"].as_str().unwrap().contains("尚未确认为真实火警"), "{e}");
    let (s, e) = send(&f, Method::POST, "/api/v1/incidents", "dispatcher", Some(from(alarm + 1000))).await;
    assert_eq!(s, 422, "{e}");
    assert!(e["fields"][0]["reason"].as_str().unwrap().contains("不存在"), "{e}");
    assert_eq!(counts(&f).await, before, "refused intakes write nothing");

    let (s, h) = send(
        &f,
        Method::POST,
        &format!("/api/v1/alarms/{alarm}/handle"),
        "dispatcher",
        Some(json!({"result": "real"})),
    )
    .await;
    assert_eq!(s, 200, "{h}");
    let (s, v) = send(&f, Method::POST, "/api/v1/incidents", "dispatcher", Some(from(alarm))).await;
    assert_eq!(s, 201, "{v}");
    let inc = &v["incident"];
    let id = inc["id"].as_i64().unwrap();
    assert_eq!(inc["source"], json!({"kind": "alarm", "alarm_id": alarm}));
    assert_eq!(inc["unit_id"], f.west.ids["units"], "the monitored unit is the place: {inc}");
    assert!(!v["recommendation"]["assignments"].as_array().unwrap().is_empty(), "{v}");
    let (_, a) = f.get_json(&format!("/api/v1/alarms/{alarm}"), "dispatcher").await;
    assert_eq!(a["incident_id"], id, "{a}");
    let (_, ev) = f.get_json("/api/v1/events/recent", "dispatcher").await;
    let settled = ev.as_array().unwrap().iter().any(|e| {
        e["kind"] == "alarm_update"
            && e["data"]["id"] == alarm
            && e["data"]["incident_id"] == id
            && e["unhandled"] == false
    });
    assert!(settled, "the alarm's link is pushed: {ev}");

    let before = counts(&f).await;
    let (s, e) = send(&f, Method::POST, "/api/v1/incidents", "dispatcher", Some(from(alarm))).await;
    assert_eq!(s, 409, "{e}");
    assert!(e["message"].as_str().unwrap().contains(&format!("已转为警情 #{id}")), "{e}");
    assert_eq!(counts(&f).await, before);
}

/// The vocabularies the incident screens show come from /terms, Chinese terms beside the codes.
#[tokio::test]
async fn terms_name_incident_categories_statuses_and_stages() {
    let f = common::start().await;
    let (s, t) = f.get_json("/api/v1/terms", "dispatcher").await;
    assert_eq!(s, 200);
    let zh = |group: &str, code: &str| {
        t[group].as_array().unwrap().iter().find(|x| x["code"] == code).map(|x| x["zh"].as_str().unwrap().to_string())
    };
    assert_eq!(zh("incident_category", "false_alarm").as_deref(), Some("虚假警"));
    assert_eq!(zh("incident_status", "on_scene").as_deref(), Some("到场处置"));
    assert_eq!(zh("timeline_stage", "water_on").as_deref(), Some("出水"));
    assert_eq!(zh("dispatch_status", "alerted").as_deref(), Some("联动通知"));
    assert_eq!(t["timeline_stage"].as_array().unwrap().len(), 13);
}
