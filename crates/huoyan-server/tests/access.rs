//! The access-control matrix, over every endpoint of the OpenAPI document: anonymous callers get
//! only the public pages; each role gets exactly what `huoyan_domain::access` grants; a township
//! officer and a unit manager (both in the west) cannot read or change anything in the east, and
//! see only their subtree or unit in lists. Refused writes write nothing.

mod common;

use huoyan_domain::Role;
use huoyan_domain::access::{Action, Resource, can};
use reqwest::Method;
use serde_json::{Value, json};

/// Every (method, path template, public) in the OpenAPI document. Operations authenticated by a
/// sensor's device token (not a session) count as not public; they are checked in tests/sensors.rs.
async fn operations(f: &common::Fixture) -> Vec<(Method, String, bool)> {
    operations_with_scheme(f).await.into_iter().map(|(m, p, public, _)| (m, p, public)).collect()
}

/// The same with whether the operation takes a device token instead of a session.
async fn operations_with_scheme(f: &common::Fixture) -> Vec<(Method, String, bool, bool)> {
    let doc: Value = f.http.get(f.url("/api/v1/openapi.json")).send().await.unwrap().json().await.unwrap();
    let mut ops = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (m, op) in item.as_object().unwrap() {
            let method = Method::from_bytes(m.to_uppercase().as_bytes()).unwrap();
            let device = op["security"].as_array().is_some_and(|a| a.iter().any(|s| s.get("device_token").is_some()));
            ops.push((method, path.clone(), op.get("security").is_none(), device));
        }
    }
    assert!(ops.len() > 60, "the document lists {} operations", ops.len());
    ops
}

/// A tile over the fixture's west township (its road at 0.5,0.3 is in it) for `/tiles/{z}/{x}/{y}.mvt`.
fn with_tile(path: &str) -> String {
    path.replace("{z}", "14").replace("{x}", "8214").replace("{y}", "8178")
}

fn resource_and_action(method: &Method, path: &str) -> Option<(Resource, Action)> {
    if path.starts_with("/tiles/") {
        return Some((Resource::Map, if *method == Method::GET { Action::Read } else { Action::Write }));
    }
    let seg: Vec<&str> = path.trim_start_matches("/api/v1/").split('/').collect();
    let action = if *method == Method::GET { Action::Read } else { Action::Write };
    let res = match seg[0] {
        "roads" => Resource::Road,
        "buildings" => Resource::Building,
        "stations" => Resource::Station,
        "vehicles" => Resource::Vehicle,
        "personnel" => Resource::Person,
        "water_sources" => Resource::WaterSource,
        "units" => Resource::Unit,
        "jurisdictions" => Resource::Jurisdiction,
        "users" => Resource::User,
        "audit" => Resource::Audit,
        "rule-sets" => Resource::RuleSet,
        "stats" | "map" | "dashboard" | "search" => Resource::Map,
        "alarms" | "events" => Resource::Alarm,
        "devices" | "sensors" => Resource::Device,
        "thresholds" => Resource::RuleSet,
        "incidents" => Resource::Incident,
        "dispatch-plans" => Resource::DispatchPlan,
        "preplans" | "preplan-attachments" => Resource::PrePlan,
        "route" => Resource::Road,
        "eta" => Resource::Station,
        _ => return None, // terms, auth: any account
    };
    Some((res, action))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn anonymous_callers_get_only_public_pages() {
    let f = common::start().await;
    let mut checked = 0;
    for (method, path, public) in operations(&f).await {
        let concrete = with_tile(&path.replace("{id}", "1"));
        let mut r = f.req(method.clone(), &concrete, None);
        if method != Method::GET && method != Method::DELETE {
            r = r.header("content-type", "application/json").body("{}");
        }
        let status = r.send().await.unwrap().status().as_u16();
        if public {
            assert_ne!(status, 401, "{method} {path} is public");
        } else {
            assert_eq!(status, 401, "{method} {path} must need a login");
            checked += 1;
        }
    }
    assert!(checked > 50);
    let home = f.http.get(f.url("/")).send().await.unwrap();
    assert_eq!(home.status(), 200);
    assert!(home.text().await.unwrap().contains("火眼"));
    assert_eq!(f.http.get(f.url("/api/v1/health")).send().await.unwrap().status(), 200);
    assert_eq!(f.http.get(f.url("/metrics")).send().await.unwrap().status(), 200);
    // A made-up token is no better than none.
    let r = f.http.get(f.url("/api/v1/units")).bearer_auth("0".repeat(64)).send().await.unwrap();
    assert_eq!(r.status(), 401);
}

/// A body for a write on `table`: the east record itself (PUT/PATCH) or a copy to create (POST).
async fn east_body(f: &common::Fixture, table: &str, user: &str) -> Value {
    let id = f.east.ids.get(table).copied();
    match (table, id) {
        ("alarms", _) => json!({"result": "false", "note": "access test"}),
        ("devices", _) => {
            json!({"jurisdiction_id": f.east.jurisdiction.id, "address": "00000000b0ff", "name": "东新装置"})
        }
        ("sensors", _) => {
            json!({"jurisdiction_id": f.east.jurisdiction.id, "address": "east-sensor-9", "name": "东新传感器", "measurement": "sprinkler_pressure"})
        }
        (_, Some(id)) => {
            // Read it as the admin (the caller may not see it).
            let (s, mut v) = f.get_json(&format!("/api/v1/{table}/{id}"), "admin").await;
            assert_eq!(s, 200);
            v["id"] = json!(0);
            if table == "units" {
                v["uscc"] = Value::Null;
                v["building_id"] = Value::Null;
                v["classes"] = json!([]);
                v["class_reasons"] = json!([]);
            }
            v
        }
        ("jurisdictions", _) => json!({"parent_id": f.east.jurisdiction.id, "level": "village", "name": "东某社区"}),
        ("users", _) => {
            json!({"username": format!("new_{user}"), "role": "inspector", "jurisdiction_id": f.east.jurisdiction.id, "password": "long enough 123"})
        }
        _ => json!({}),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_endpoint_for_every_role() {
    let f = common::start().await;
    let before = f.fingerprint().await;
    // Session roles do not apply to device-token operations (tests/sensors.rs checks those).
    let ops: Vec<(Method, String, bool)> =
        operations_with_scheme(&f).await.into_iter().filter(|o| !o.3).map(|(m, p, public, _)| (m, p, public)).collect();
    let roles = [
        ("admin", Role::Admin),
        ("dispatcher", Role::Dispatcher),
        ("inspector", Role::Inspector),
        ("logistics", Role::Logistics),
        ("leader", Role::Leader),
        ("township", Role::Township),
        ("unitmgr", Role::UnitManager),
    ];
    let mut checks = 0;
    for (user, role) in roles {
        let west_only = matches!(role, Role::Township | Role::UnitManager);
        for (method, path, public) in &ops {
            if *public || path.starts_with("/api/v1/auth/") {
                continue;
            }
            let table = path.trim_start_matches("/api/v1/").split('/').next().unwrap();
            let allowed = resource_and_action(method, path).is_none_or(|(r, a)| can(role, r, a));
            let is_write = *method != Method::GET;
            // City-wide roles only try reads here (their allowed writes are exercised elsewhere).
            if is_write && allowed && !west_only {
                continue;
            }
            let east_id = match table {
                "jurisdictions" => Some(f.east.jurisdiction.id),
                "users" => Some(f.east.user_id),
                t => f.east.ids.get(t).copied(),
            };
            let mut concrete = with_tile(&path.replace("{id}", &east_id.unwrap_or(1).to_string()));
            if path == "/api/v1/map/features" {
                concrete.push_str("?bbox=0,0,2,1&layers=stations,water_sources,units");
            }
            if path == "/api/v1/route" {
                concrete.push_str("?from=0.5,0.3&to=0.5005,0.3");
            }
            if path == "/api/v1/eta" {
                concrete.push_str("?at=0.5,0.3");
            }
            if path == "/api/v1/search" {
                concrete.push_str("?q=%E5%95%86%E5%9C%BA"); // 商场: one unit in each township
            }
            let mut req = f.req(method.clone(), &concrete, Some(user));
            if path.ends_with("/import") {
                req = req
                    .header("content-type", "text/csv")
                    .body("名称,经度,纬度,类型\n东新单位,1.5,0.5,商店\n东新水源,1.6,0.5,地上消火栓\n");
            } else if path.ends_with("/rule-sets") && is_write {
                req = req
                    .header("content-type", "application/toml")
                    .body(huoyan_domain::classify::NATIONAL_BASELINE.replace("cn-national-baseline", "x-test"));
            } else if is_write && *method != Method::DELETE {
                req = req.json(&east_body(&f, table, user).await);
            }
            let resp = req.send().await.unwrap();
            let status = resp.status().as_u16();
            // An event stream never ends: its status is the answer.
            let body: Value =
                if path.ends_with("/stream") { Value::Null } else { resp.json().await.unwrap_or(Value::Null) };
            let ctx = format!("{user} {method} {concrete} → {status} {body}");
            checks += 1;
            if !allowed {
                assert_eq!(status, 403, "{ctx}");
                continue;
            }
            let item = path.contains("{id}");
            match (is_write, item, west_only) {
                // Reading an east record from the west: not found.
                (false, true, true) => assert_eq!(status, 404, "{ctx}"),
                (false, true, false) => assert_eq!(status, 200, "{ctx}"),
                // Changing an east record from the west: not found (it is not visible) or forbidden.
                (true, true, _) => assert!([403, 404].contains(&status), "{ctx}"),
                // Creating in the east from the west: forbidden.
                (true, false, _) => assert_eq!(status, 403, "{ctx}"),
                (false, false, _) => {
                    assert_eq!(status, 200, "{ctx}");
                    check_confined(&f, role, path, &body);
                }
            }
        }
    }
    assert!(checks > 200, "{checks}");
    assert_eq!(f.fingerprint().await.0, before.0, "refused requests wrote nothing to the audit log");
    assert_eq!(f.fingerprint().await.1.units, before.1.units);
}

/// A list answer of a west-scoped caller holds only west things.
fn check_confined(f: &common::Fixture, role: Role, path: &str, body: &Value) {
    let west = f.west.jurisdiction.id;
    let items: Vec<&Value> = match body {
        Value::Object(o) if o.get("items").is_some_and(Value::is_array) => {
            o["items"].as_array().unwrap().iter().collect()
        }
        Value::Array(a) => a.iter().collect(),
        Value::Object(o) if o.contains_key("features") => o["features"].as_array().unwrap().iter().collect(),
        _ => vec![],
    };
    match role {
        Role::Township => {
            if path.ends_with("/jurisdictions") {
                assert_eq!(items.iter().map(|j| j["id"].as_i64().unwrap()).collect::<Vec<_>>(), vec![west]);
            } else if path.ends_with("/map/features") {
                assert!(!items.is_empty());
                for it in &items {
                    assert!(it["geometry"]["coordinates"][0].as_f64().unwrap() < 1.0, "{path}: {it}");
                }
            } else if path.ends_with("/eta") {
                let items = body["items"].as_array().unwrap();
                assert_eq!(items.len(), 1, "the west station only: {body}");
            } else if path.ends_with("/stats") {
                assert_eq!(
                    (body["stations"].as_i64(), body["units"].as_i64(), body["water_sources"].as_i64()),
                    (Some(1), Some(1), Some(1))
                );
            } else if body.get("items").is_some() {
                assert_eq!(items.len(), 1, "{path}: {body}");
                for it in &items {
                    assert_eq!(it["jurisdiction_id"].as_i64(), Some(west), "{path}: {it}");
                }
            }
        }
        Role::UnitManager => {
            if path.ends_with("/units") {
                assert_eq!(
                    items.iter().map(|u| u["id"].as_i64().unwrap()).collect::<Vec<_>>(),
                    vec![f.west.ids["units"]]
                );
            } else if path.ends_with("/alarms") || path.ends_with("/devices") {
                // Its unit's alarms and devices only (issue 14, defect 9).
                assert!(!items.is_empty(), "{path}: {body}");
                for it in &items {
                    assert_eq!(it["unit_id"].as_i64(), Some(f.west.ids["units"]), "{path}: {it}");
                }
            }
        }
        _ => {
            if path.ends_with("/eta") {
                assert_eq!(items.len(), 2, "a city-wide role sees both stations: {body}");
            } else if body.get("items").is_some() && !path.contains("audit") {
                assert!(body["total"].as_i64().unwrap() >= 2, "a city-wide role sees both townships: {path} {body}");
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unit_manager_edits_only_its_unit() {
    let f = common::start().await;
    let mine = f.west.ids["units"];
    let r = f
        .req(Method::PATCH, &format!("/api/v1/units/{mine}"), Some("unitmgr"))
        .json(&json!({"phone": "13800000000"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.json::<Value>().await.unwrap()["phone"], "13800000000");
    let r = f.req(Method::DELETE, &format!("/api/v1/units/{mine}"), Some("unitmgr")).send().await.unwrap();
    assert_eq!(r.status(), 403);
    let (_, me) = f.get_json("/api/v1/auth/me", "unitmgr").await;
    assert_eq!(me["user"]["unit_id"], mine);
    assert_eq!(me["jurisdiction_name"], "西街道");
    // What the console derives its buttons from (issue 14, defect 9): it changes its unit but
    // creates and imports nothing; it reads its unit's alarms and devices and handles none.
    let perm = |res: &str| {
        let p = me["permissions"].as_array().unwrap().iter().find(|p| p["resource"] == res).unwrap().clone();
        (p["read"].as_bool().unwrap(), p["write"].as_bool().unwrap(), p["create"].as_bool().unwrap())
    };
    assert_eq!(perm("unit"), (true, true, false));
    assert_eq!(perm("alarm"), (true, false, false));
    assert_eq!(perm("device"), (true, false, false));
    assert_eq!(perm("incident"), (false, false, false));
    let (_, me) = f.get_json("/api/v1/auth/me", "inspector").await;
    let unit = me["permissions"].as_array().unwrap().iter().find(|p| p["resource"] == "unit").unwrap().clone();
    assert_eq!((unit["write"].as_bool(), unit["create"].as_bool()), (Some(true), Some(true)));
    // Its import is refused before any row is read.
    let r = f
        .req(Method::POST, "/api/v1/units/import", Some("unitmgr"))
        .header("content-type", "text/csv")
        .body("名称,经度,纬度,类型\n西新单位,0.5,0.5,商店\n")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
}
