//! A UITD's allowed source addresses through the API (issue 14, defect 12): set on registration
//! (`POST /api/v1/devices`) and changed later (`PATCH /api/v1/devices/{id}`), checked per entry
//! with coded errors, stored, audited, and listed with the device. The gateway's side (refusing
//! connections from elsewhere) is `huoyan-gateway/tests/spoofing.rs`.

mod common;

use reqwest::Method;
use serde_json::{Value, json};

async fn send(f: &common::Fixture, method: Method, path: &str, user: &str, body: Value) -> (u16, Value) {
    let r = f.req(method, path, Some(user)).json(&body).send().await.unwrap();
    let s = r.status().as_u16();
    (s, r.json().await.unwrap_or(Value::Null))
}

/// (field, code, params) of each entry of `fields`.
fn fields(v: &Value) -> Vec<(String, String, Value)> {
    v["fields"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|e| {
                    (
                        e["field"].as_str().unwrap().to_owned(),
                        e["code"].as_str().unwrap().to_owned(),
                        e["params"].clone(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn allowed_sources_are_set_checked_and_listed() {
    let f = common::start().await;
    let west = f.west.jurisdiction.id;
    // Registration with a binding: stored in its canonical form.
    let body = json!({"jurisdiction_id": west, "address": "00000000a0f1", "name": "西门装置",
        "allowed_sources": ["10.8.0.0/16", " 192.0.2.7 ", "fd00::/8", "10.8.0.0/16"]});
    let (s, d) = send(&f, Method::POST, "/api/v1/devices", "inspector", body).await;
    assert_eq!(s, 201, "{d}");
    assert_eq!(d["allowed_sources"], json!(["10.8.0.0/16", "192.0.2.7/32", "fd00::/8"]));
    assert_eq!((d["refused_count"].as_i64(), d["last_refused_at"].is_null()), (Some(0), true));
    let id = d["id"].as_i64().unwrap();
    // A bad entry is refused with its index, a code and the parameters to explain it.
    let bad = json!({"jurisdiction_id": west, "address": "00000000a0f2", "name": "x",
        "allowed_sources": ["10.0.0.0/8", "10.8.0.1/16", "10.0.0.0/33", "gateway.example"]});
    let (s, v) = send(&f, Method::POST, "/api/v1/devices", "inspector", bad).await;
    assert_eq!(s, 422, "{v}");
    assert_eq!(
        fields(&v),
        vec![
            (
                "allowed_sources[1]".into(),
                "cidr_host_bits".into(),
                json!({"value": "10.8.0.1/16", "network": "10.8.0.0/16"})
            ),
            ("allowed_sources[2]".into(), "cidr_prefix".into(), json!({"value": "10.0.0.0/33", "max": 32})),
            ("allowed_sources[3]".into(), "bad_cidr".into(), json!({"value": "gateway.example"})),
        ],
        "{v}"
    );
    let (_, list) = f.get_json("/api/v1/devices", "admin").await;
    assert!(!list.as_array().unwrap().iter().any(|d| d["address"] == "00000000a0f2"), "nothing registered");
    let many: Vec<String> = (0..33).map(|i| format!("10.0.{i}.0/24")).collect();
    let (s, v) = send(
        &f,
        Method::POST,
        "/api/v1/devices",
        "inspector",
        json!({"jurisdiction_id": west, "address": "00000000a0f3", "name": "x", "allowed_sources": many}),
    )
    .await;
    assert_eq!((s, fields(&v)), (422, vec![("allowed_sources".into(), "too_many".into(), json!({"max": 32}))]));

    // PATCH: change the binding; the listing shows it.
    let path = format!("/api/v1/devices/{id}");
    let (s, d) = send(&f, Method::PATCH, &path, "inspector", json!({"allowed_sources": ["100.64.0.0/10"]})).await;
    assert_eq!((s, &d["allowed_sources"], &d["name"]), (200, &json!(["100.64.0.0/10"]), &json!("西门装置")), "{d}");
    let (_, list) = f.get_json("/api/v1/devices", "dispatcher").await;
    let listed = list.as_array().unwrap().iter().find(|d| d["id"] == id).unwrap().clone();
    assert_eq!(listed["allowed_sources"], json!(["100.64.0.0/10"]));
    // A name alone keeps the binding; a bad entry changes nothing.
    let (s, d) = send(&f, Method::PATCH, &path, "inspector", json!({"name": "西门传输装置"})).await;
    assert_eq!((s, &d["allowed_sources"]), (200, &json!(["100.64.0.0/10"])), "{d}");
    let (s, v) =
        send(&f, Method::PATCH, &path, "inspector", json!({"allowed_sources": ["100.64.0.0/10", "::1/200"]})).await;
    assert_eq!(
        (s, fields(&v)),
        (422, vec![("allowed_sources[1]".into(), "cidr_prefix".into(), json!({"value": "::1/200", "max": 128}))])
    );
    let (s, v) = send(&f, Method::PATCH, &path, "inspector", json!({"allowed_sources": "10.0.0.0/8"})).await;
    assert_eq!((s, fields(&v)[0].1.as_str()), (422, "wrong_type"), "{v}");
    let (s, v) = send(&f, Method::PATCH, &path, "inspector", json!({"address": "00000000ffff"})).await;
    assert_eq!((s, fields(&v)[0].1.as_str()), (422, "unknown_field"), "the address is not changed here: {v}");
    // `null` (as `[]`) removes the binding.
    let (s, d) = send(&f, Method::PATCH, &path, "inspector", json!({"allowed_sources": null})).await;
    assert_eq!((s, &d["allowed_sources"], &d["name"]), (200, &json!([]), &json!("西门传输装置")), "{d}");
    // Audited with before and after.
    let (_, log) = f.get_json(&format!("/api/v1/audit?entity=devices&entity_id={id}"), "admin").await;
    let updates: Vec<&Value> = log.as_array().unwrap().iter().filter(|e| e["action"] == "update").collect();
    assert_eq!(updates.len(), 3, "{log}");

    // A sensor authenticates with its token: no source binding.
    let sensor = f.west.ids["sensors"];
    let (s, v) = send(
        &f,
        Method::PATCH,
        &format!("/api/v1/devices/{sensor}"),
        "inspector",
        json!({"allowed_sources": ["10.0.0.0/8"]}),
    )
    .await;
    assert_eq!((s, fields(&v)[0].1.as_str()), (422, "sources_uitd_only"), "{v}");
    // Who may: the role table (a dispatcher reads devices, does not change them), and the scope
    // (the east's inspector does not see a west device).
    let (s, _) = send(&f, Method::PATCH, &path, "dispatcher", json!({"allowed_sources": []})).await;
    assert_eq!(s, 403);
    let (s, _) = send(&f, Method::PATCH, &path, "east_inspector", json!({"allowed_sources": []})).await;
    assert_eq!(s, 404);
    let (s, _) = send(&f, Method::PATCH, "/api/v1/devices/999999", "admin", json!({})).await;
    assert_eq!(s, 404);
}
