//! The OpenAPI document is the API (issue 14, defect 14): every operation documents what it can
//! answer (401/403 when it needs a session, 404 with a path id, 400/413/415/422 with a body, the
//! login's 401 and 429 with `Retry-After`), path ids are positive, query parameters are typed, and
//! the server accepts what the document allows: PATCH as `application/merge-patch+json`, an empty
//! query parameter as an absent one, `3.0` for an integer, a `Condition.value` as the number it is.
//! `scripts/test-api-fuzz.sh` (schemathesis) checks the rest against the running demo.

mod common;

use reqwest::Method;
use serde_json::{Value, json};

fn document() -> Value {
    serde_json::from_str(&huoyan_server::openapi::document_json()).unwrap()
}

/// Every operation: (method, path, operation).
fn operations(doc: &Value) -> Vec<(String, String, Value)> {
    let mut out = vec![];
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            out.push((method.to_uppercase(), path.clone(), op.clone()));
        }
    }
    out
}

fn statuses(op: &Value) -> Vec<&str> {
    op["responses"].as_object().unwrap().keys().map(String::as_str).collect()
}

#[test]
fn every_operation_documents_what_it_can_answer() {
    let doc = document();
    let ops = operations(&doc);
    assert!(ops.len() > 60, "{} operations", ops.len());
    for (method, path, op) in &ops {
        let name = format!("{method} {path}");
        let s = statuses(op);
        let secured = op["security"].as_array().is_some_and(|a| !a.is_empty());
        let params = op["parameters"].as_array().cloned().unwrap_or_default();
        let in_path: Vec<&Value> = params.iter().filter(|p| p["in"] == "path").collect();
        let has_body = op.get("requestBody").is_some();
        if secured {
            assert!(s.contains(&"401") && s.contains(&"403"), "{name}: {s:?}");
        }
        if !in_path.is_empty() {
            assert!(s.contains(&"404"), "{name}: {s:?}");
        }
        if has_body {
            for code in ["400", "413", "415", "422"] {
                assert!(s.contains(&code), "{name}: {code} missing from {s:?}");
            }
        }
        assert!(s.iter().all(|c| !c.starts_with('5')), "{name}: a 5xx is a defect, not an answer: {s:?}");
        assert!(s.iter().any(|c| c.starts_with('2')), "{name}: no success: {s:?}");
        for (code, r) in op["responses"].as_object().unwrap() {
            if code.starts_with('4') {
                assert_eq!(
                    r["content"]["application/json"]["schema"]["$ref"], "#/components/schemas/ErrorBody",
                    "{name} {code}"
                );
            }
        }
        for p in &params {
            let schema = &p["schema"];
            assert!(schema["type"].is_string(), "{name}: parameter {} is untyped", p["name"]);
        }
        for p in &in_path {
            assert_eq!(p["schema"]["type"], "integer", "{name}: {}", p["name"]);
            let min = p["schema"]["minimum"].as_f64().unwrap_or(-1.0);
            let want = if p["name"] == "id" { 1.0 } else { 0.0 };
            assert_eq!(min, want, "{name}: {} minimum", p["name"]);
        }
    }

    let op = |m: &str, p: &str| ops.iter().find(|o| o.0 == m && o.1 == p).map(|o| o.2.clone()).unwrap();
    let login = op("POST", "/api/v1/auth/login");
    assert!(statuses(&login).contains(&"401"), "{login}");
    assert!(login["responses"]["429"]["headers"].get("Retry-After").is_some(), "{login}");
    for t in ["stations", "units", "water_sources", "vehicles", "personnel", "buildings", "roads"] {
        let patch = op("PATCH", &format!("/api/v1/{t}/{{id}}"));
        assert!(patch["requestBody"]["content"].get("application/merge-patch+json").is_some(), "{t}");
        let put = op("PUT", &format!("/api/v1/{t}/{{id}}"));
        assert!(statuses(&put).contains(&"200"), "{t}: PUT answers 200 on replace");
        let list = op("GET", &format!("/api/v1/{t}"));
        assert!(statuses(&list).contains(&"404"), "{t}: an unknown jurisdiction_id");
    }
    let preplans = op("POST", "/api/v1/preplans");
    assert!(statuses(&preplans).contains(&"200") && statuses(&preplans).contains(&"201"), "{preplans}");
    // Bodies also given as TOML are documented as JSON too (what a client can generate).
    for (m, p) in [("POST", "/api/v1/rule-sets"), ("POST", "/api/v1/dispatch-plans"), ("PUT", "/api/v1/thresholds")] {
        let content = &op(m, p)["requestBody"]["content"];
        assert!(content.get("application/json").is_some() && content.get("application/toml").is_some(), "{p}");
    }

    // Limits and vocabularies in the parameters.
    let list = op("GET", "/api/v1/stations");
    let param =
        |op: &Value, n: &str| op["parameters"].as_array().unwrap().iter().find(|p| p["name"] == n).cloned().unwrap();
    let limit = param(&list, "limit");
    assert_eq!((limit["schema"]["minimum"].as_f64(), limit["schema"]["maximum"].as_f64()), (Some(1.0), Some(5000.0)));
    let kind = param(&op("GET", "/api/v1/alarms"), "kind");
    assert!(kind["schema"]["enum"].as_array().unwrap().contains(&json!("fire")), "{kind}");
    let category = param(&op("GET", "/api/v1/incidents"), "category");
    assert!(category["schema"]["enum"].as_array().unwrap().contains(&json!("false_alarm")), "{category}");
    assert_eq!(param(&op("GET", "/api/v1/map/features"), "bbox")["required"], true);

    // Condition.value: a number, a boolean or a string, not an object.
    let value = &doc["components"]["schemas"]["Condition"]["properties"]["value"];
    let types: Vec<&str> = value["oneOf"].as_array().unwrap().iter().map(|s| s["type"].as_str().unwrap()).collect();
    assert_eq!(types, ["number", "boolean", "string"], "{value}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_merge_patch_is_accepted_as_documented() {
    let f = common::start().await;
    let id = f.west.ids["stations"];
    let path = format!("/api/v1/stations/{id}");
    let patch = |ct: &'static str, body: Value| {
        f.req(Method::PATCH, &path, Some("admin")).header("content-type", ct).body(body.to_string()).send()
    };
    let r = patch("application/merge-patch+json", json!({"phone": "0571-12345678"})).await.unwrap();
    assert_eq!(r.status(), 200);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["phone"], "0571-12345678", "{v}");
    // Plain JSON as before; anything else still 415.
    let r = patch("application/json; charset=utf-8", json!({"phone": null})).await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.json::<Value>().await.unwrap()["phone"], Value::Null);
    let r = patch("text/plain", json!({"phone": "1"})).await.unwrap();
    assert_eq!(r.status(), 415);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_empty_query_parameter_is_an_absent_one() {
    let f = common::start().await;
    for path in [
        "/api/v1/stations?limit=&offset=&q=&bbox=&sort=",
        "/api/v1/alarms?limit=&kind=&status=&since=",
        "/api/v1/incidents?limit=&category=",
        "/api/v1/audit?limit=&entity_id=",
        "/api/v1/preplans?limit=",
        "/api/v1/incidents/summary?days=",
    ] {
        let (s, v) = f.get_json(path, "admin").await;
        assert_eq!(s, 200, "{path}: {v}");
        if v.get("limit").is_some() {
            assert_eq!(v["limit"], 50, "{path}: the default page");
        }
    }
    // A required parameter left empty is missing.
    let (s, v) = f.get_json("/api/v1/search?q=", "admin").await;
    assert_eq!((s, v["error"].as_str()), (400, Some("bad_request")), "{v}");
    // A value that is there is still checked.
    let (s, _) = f.get_json("/api/v1/stations?limit=0", "admin").await;
    assert_eq!(s, 400);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_number_without_fraction_is_an_integer() {
    let f = common::start().await;
    let body = json!({"name": "新站", "kind": "level1", "lon": 0.5, "lat": 0.5, "duty_strength": 12.0});
    let r = f.req(Method::POST, "/api/v1/stations", Some("admin")).json(&body).send().await.unwrap();
    let s = r.status().as_u16();
    let v: Value = r.json().await.unwrap();
    assert_eq!(s, 201, "{v}");
    assert_eq!(v["duty_strength"], 12, "{v}");
    let body = json!({"name": "新站", "kind": "level1", "lon": 0.5, "lat": 0.5, "duty_strength": 12.5});
    let r = f.req(Method::POST, "/api/v1/stations", Some("admin")).json(&body).send().await.unwrap();
    assert_eq!(r.status(), 422);
    let v: Value = r.json().await.unwrap();
    assert_eq!(
        (v["fields"][0]["field"].as_str(), v["fields"][0]["code"].as_str()),
        (Some("duty_strength"), Some("wrong_type"))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_condition_value_round_trips_as_documented() {
    let f = common::start().await;
    let (s, sets) = f.get_json("/api/v1/rule-sets", "admin").await;
    assert_eq!(s, 200);
    let mut set = sets["sets"][0].clone();
    let values: Vec<Value> = set["rules"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["all"].as_array().unwrap().iter().chain(r["any"].as_array().unwrap()))
        .map(|c| c["value"].clone())
        .collect();
    assert!(values.iter().any(Value::is_number), "the baseline compares numbers");
    assert!(values.iter().all(|v| v.is_number() || v.is_boolean() || v.is_string()), "{values:?}");

    // A set sent as JSON with a number, a boolean and a string comes back as it was sent.
    set["id"] = json!("test-roundtrip");
    set["effective_from"] = json!("2099-01-01");
    set["rules"][0]["all"] = json!([{"metric": "beds", "op": ">=", "value": 100}]);
    set["rules"][0]["any"] = json!([]);
    let r = f.req(Method::POST, "/api/v1/rule-sets", Some("admin")).json(&set).send().await.unwrap();
    let s = r.status().as_u16();
    let loaded: Value = r.json().await.unwrap();
    assert_eq!(s, 200, "{loaded}");
    assert_eq!(loaded["loaded"], "test-roundtrip");
    let (_, sets) = f.get_json("/api/v1/rule-sets", "admin").await;
    let back = sets["sets"].as_array().unwrap().iter().find(|s| s["id"] == "test-roundtrip").cloned().unwrap();
    assert_eq!(back["rules"][0]["all"][0]["value"], json!(100), "{back}");
}
