//! Refusals carry a stable `code` and its `params` beside the human-readable `reason`, so that a
//! client translates them instead of parsing the text: field errors (422), and the conflicts and
//! forbidden writes that name a field (409, 403) as the one entry of `fields`.

mod common;

use reqwest::Method;
use serde_json::{Value, json};

async fn send(f: &common::Fixture, method: Method, path: &str, user: &str, body: Value) -> (u16, Value) {
    let r = f.req(method, path, Some(user)).json(&body).send().await.unwrap();
    let s = r.status().as_u16();
    (s, r.json().await.unwrap_or(Value::Null))
}

/// The first entry of `fields`: field, code, params (`null` when none).
fn first(v: &Value) -> (&str, &str, &Value) {
    let e = &v["fields"][0];
    (e["field"].as_str().unwrap_or_default(), e["code"].as_str().unwrap_or_default(), &e["params"])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn field_errors_carry_codes_and_parameters() {
    let f = common::start().await;
    let station = json!({"name": "新站", "kind": "level1", "lon": 0.5, "lat": 0.5, "duty_strength": 5000});
    let (s, v) = send(&f, Method::POST, "/api/v1/stations", "admin", station).await;
    assert_eq!(s, 422, "{v}");
    assert_eq!(first(&v), ("duty_strength", "out_of_range", &json!({"value": 5000, "min": 0, "max": 1000})), "{v}");
    assert_eq!(v["fields"][0]["reason"], "5000 is outside 0..1000", "the reason stays: {v}");

    let (s, v) = send(
        &f,
        Method::POST,
        "/api/v1/stations",
        "admin",
        json!({"name": "x", "kind": "tap", "lon": 0.5, "lat": 0.5}),
    )
    .await;
    assert_eq!((s, first(&v)), (422, ("kind", "unknown_value", &json!({"value": "tap"}))), "{v}");

    let unit =
        json!({"name": "码错单位", "lon": 0.5, "lat": 0.5, "use_category": "shop", "uscc": "91350100M000100Y44"});
    let (s, v) = send(&f, Method::POST, "/api/v1/units", "admin", unit).await;
    assert_eq!((s, first(&v)), (422, ("uscc", "uscc_check_character", &json!({"given": "4", "expected": "3"}))), "{v}");

    let (s, v) = send(
        &f,
        Method::POST,
        "/api/v1/stations",
        "admin",
        json!({"name": " ", "kind": "level1", "lon": 0.5, "lat": 0.5}),
    )
    .await;
    assert_eq!((s, first(&v)), (422, ("name", "required", &Value::Null)), "no params, none sent: {v}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn conflicts_and_refusals_name_their_field_and_code() {
    let f = common::start().await;
    // A UITD address that is taken: 409, its message unchanged, the code on the address.
    let (_, devices) = f.get_json("/api/v1/devices", "admin").await;
    let taken = devices.as_array().unwrap().iter().find(|d| d["kind"] == "uitd").unwrap()["address"].clone();
    let uitd = json!({"jurisdiction_id": f.west.jurisdiction.id, "address": taken, "name": "重复装置"});
    let (s, v) = send(&f, Method::POST, "/api/v1/devices", "admin", uitd).await;
    assert_eq!((s, v["error"].as_str()), (409, Some("conflict")), "{v}");
    assert_eq!(first(&v), ("address", "address_taken", &json!({"address": taken})), "{v}");
    assert_eq!(v["fields"][0]["reason"], v["message"], "{v}");

    // A sensor in another township's jurisdiction: 403 on the jurisdiction.
    let sensor = json!({"jurisdiction_id": f.west.jurisdiction.id, "address": "east-sp-9", "name": "喷淋", "measurement": "sprinkler_pressure"});
    let (s, v) = send(&f, Method::POST, "/api/v1/sensors", "east_inspector", sensor).await;
    assert_eq!((s, v["error"].as_str()), (403, Some("forbidden")), "{v}");
    assert_eq!(first(&v), ("jurisdiction_id", "outside_jurisdiction", &Value::Null), "{v}");

    // A role refusal has no field: no `fields`.
    let sensor = json!({"jurisdiction_id": f.west.jurisdiction.id, "address": "west-sp-9", "name": "喷淋", "measurement": "sprinkler_pressure"});
    let (s, v) = send(&f, Method::POST, "/api/v1/sensors", "dispatcher", sensor).await;
    assert_eq!((s, v.get("fields")), (403, None), "{v}");

    // A threshold rule naming an unregistered sensor: the rule's number and what is wrong.
    let text = huoyan_monitor::thresholds::SHIPPED.to_string()
        + "\n[[rule]]\nmeasurement = \"hydrant_pressure\"\ndevice = \"hp-x\"\ncomparison = \"lt\"\nvalue = 0.2\nunit = \"MPa\"\nkind = \"low_pressure\"\nsource = \"本地设定\"\nverified = false\n";
    let n = huoyan_monitor::thresholds::ThresholdRules::shipped().rules.len() + 1;
    let r = f.req(Method::PUT, "/api/v1/thresholds", Some("admin")).header("content-type", "application/toml");
    let r = r.body(text).send().await.unwrap();
    let s = r.status().as_u16();
    let v: Value = r.json().await.unwrap();
    assert_eq!(s, 422, "{v}");
    assert_eq!(
        first(&v),
        (
            "rules",
            "unregistered_sensor",
            &json!({"rule": n, "measurement": "hydrant_pressure", "key": "device", "device": "hp-x"})
        ),
        "{v}"
    );
    assert_eq!(
        v["fields"][0]["reason"],
        format!("rule {n} (hydrant_pressure): device \"hp-x\" is not a registered sensor")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readings_and_the_timeline_carry_codes() {
    let f = common::start().await;
    let (address, token) = f.west.sensor.clone();
    let at = chrono::Utc::now().to_rfc3339();
    let body = json!({"address": address, "readings": [{"at": at, "value": 120, "unit": "kPa"}]});
    let r = f.http.post(f.url("/api/v1/sensors/readings")).header("X-Huoyan-Device-Token", &token).json(&body);
    let r = r.send().await.unwrap();
    assert_eq!(r.status(), 422);
    let v: Value = r.json().await.unwrap();
    assert_eq!(
        first(&v),
        (
            "readings[0].unit",
            "wrong_unit",
            &json!({"unit": "kPa", "expected": "MPa", "measurement": "hydrant_pressure"})
        ),
        "{v}"
    );

    let intake = json!({"category": "fire", "lon": 0.525, "lat": 0.5, "accept_unroutable": true});
    let (s, v) = send(&f, Method::POST, "/api/v1/incidents", "dispatcher", intake).await;
    assert_eq!(s, 201, "{v}");
    let tl = format!("/api/v1/incidents/{}/timeline", v["incident"]["id"]);
    let (s, v) =
        send(&f, Method::POST, &tl, "dispatcher", json!({"stage": "water_on", "at": "2020-01-01T00:00:00Z"})).await;
    assert_eq!(s, 422, "{v}");
    let (field, code, params) = first(&v);
    assert_eq!((field, code, &params["stage"]), ("water_on", "timeline_before_received", &json!("water_on")), "{v}");
    assert!(v["fields"][0]["reason"].as_str().unwrap().contains("出水时间不能早于接警时间"), "{v}");
    let (s, v) = send(&f, Method::POST, &tl, "dispatcher", json!({"stage": "arrival"})).await;
    assert_eq!((s, first(&v)), (422, ("vehicle_id", "vehicle_required", &json!({"stage": "arrival"}))), "{v}");
    let tanker = f.west.ids["vehicles"];
    let (s, v) = send(&f, Method::POST, &tl, "dispatcher", json!({"stage": "arrival", "vehicle_id": tanker})).await;
    assert_eq!((s, first(&v)), (409, ("vehicle_id", "vehicle_not_committed", &json!({"vehicle": tanker}))), "{v}");
}
