//! Who may change what of a unit (issue: outside testing): a unit manager cannot declassify or move
//! its own unit; a reference to a building outside the caller's jurisdiction is refused; a record
//! moved by `PATCH` is re-filed under the node its new place lies in, which the caller must see.

mod common;

use reqwest::Method;
use serde_json::{Value, json};

async fn patch(f: &common::Fixture, user: &str, path: &str, body: Value) -> (u16, Value) {
    let r = f
        .req(Method::PATCH, path, Some(user))
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    let s = r.status().as_u16();
    (s, r.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn a_unit_manager_cannot_declassify_or_move_its_unit() {
    let f = common::start().await;
    let unit = format!("/api/v1/units/{}", f.west.ids["units"]);
    let (_, before) = f.get_json(&unit, "admin").await;
    for (body, field) in [
        (json!({"metrics": {"beds": 10}}), "metrics"),
        (json!({"use_category": "office"}), "use_category"),
        (json!({"lon": 0.9}), "lon"),
        (json!({"building_id": null}), "building_id"),
    ] {
        let (s, v) = patch(&f, "unitmgr", &unit, body.clone()).await;
        assert_eq!(s, 403, "{body}: {v}");
        assert_eq!(v["fields"][0]["code"], "field_locked", "{v}");
        assert_eq!(v["fields"][0]["field"], field, "{v}");
    }
    let (_, after) = f.get_json(&unit, "admin").await;
    assert_eq!(after["classes"], before["classes"]);
    assert_eq!(after["metrics"], before["metrics"]);
    // Its contacts are its own to keep current.
    let (s, v) = patch(&f, "unitmgr", &unit, json!({"phone": "0571-12345678"})).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["phone"], "0571-12345678");
    // The brigade may change the class-deciding fields.
    let (s, v) = patch(&f, "admin", &unit, json!({"metrics": {"beds": 10}})).await;
    assert_eq!(s, 200, "{v}");
}

#[tokio::test]
async fn a_building_outside_the_callers_jurisdiction_cannot_be_named() {
    let f = common::start().await;
    let unit = format!("/api/v1/units/{}", f.west.ids["units"]);
    let east_building = f.east.ids["buildings"];
    let (s, v) = patch(&f, "township", &unit, json!({"building_id": east_building})).await;
    assert_eq!(s, 422, "{v}");
    assert_eq!(v["fields"][0]["code"], "unknown_reference", "{v}");
    // The city-wide admin sees both, and may.
    let (s, v) = patch(&f, "admin", &unit, json!({"building_id": east_building})).await;
    assert_eq!(s, 200, "{v}");
}

#[tokio::test]
async fn moving_a_record_refiles_it_within_the_callers_scope() {
    let f = common::start().await;
    let ws = format!("/api/v1/units/{}", f.west.ids["units"]);
    // The west township's user cannot move its unit into the east township.
    let (s, v) = patch(&f, "township", &ws, json!({"lon": 1.5, "lat": 0.5})).await;
    assert_eq!(s, 403, "{v}");
    assert_eq!(v["fields"][0]["code"], "outside_jurisdiction", "{v}");
    let (_, still) = f.get_json(&ws, "admin").await;
    assert_eq!(still["jurisdiction_id"], f.west.jurisdiction.id);
    // The city's admin moves it; it is then filed under the east township.
    let (s, v) = patch(&f, "admin", &ws, json!({"lon": 1.5, "lat": 0.5})).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["jurisdiction_id"], f.east.jurisdiction.id, "{v}");
}
