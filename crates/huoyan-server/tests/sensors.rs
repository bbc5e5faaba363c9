//! IoT sensors over HTTP: registration (token shown once), ingestion authenticated by the device
//! token with readings stored before the answer and evaluated into a 低压 alarm, hostile input
//! refused without writing, and the threshold rules read and loaded as data.

mod common;

use huoyan_monitor::store::Monitoring;
use std::time::Duration;

use huoyan_server::ServerConfig;
use reqwest::Method;
use serde_json::{Value, json};

async fn post_readings(f: &common::Fixture, token: Option<&str>, body: impl Into<reqwest::Body>) -> (u16, Value) {
    let mut r = f.http.post(f.url("/api/v1/sensors/readings")).header("content-type", "application/json").body(body);
    if let Some(t) = token {
        r = r.header("X-Huoyan-Device-Token", t);
    }
    let r = r.send().await.unwrap();
    let s = r.status().as_u16();
    (s, r.json().await.unwrap_or(Value::Null))
}

fn reading(ago_s: i64, value: Value) -> Value {
    json!({"at": (chrono::Utc::now() - chrono::Duration::seconds(ago_s)).to_rfc3339(), "value": value})
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_low_reading_over_http_becomes_a_low_pressure_alarm() {
    let f = common::start().await;
    let _engine = common::start_engine(&f);
    let (address, token) = f.west.sensor.clone();
    let mut live = f.req(Method::GET, "/api/v1/events/stream", Some("dispatcher")).send().await.unwrap();
    common::read_events(&mut live, Duration::from_secs(5), |e, _| e == "hello").await;
    let (s, v) = post_readings(
        &f,
        Some(&token),
        json!({"address": address.to_uppercase(), "readings": [reading(60, json!(0.25)), reading(30, json!(0.12))]})
            .to_string(),
    )
    .await;
    assert_eq!(s, 200, "{v}");
    assert_eq!((v["stored"].as_u64(), v["duplicates"].as_u64()), (Some(2), Some(0)));
    // Stored before the answer.
    assert_eq!(Monitoring(&f.store).count_readings(Some(f.west.ids["sensors"])).await.unwrap(), 2);
    // The engine was woken: a 低压 alarm is pushed to the console.
    let got = common::read_events(&mut live, Duration::from_secs(10), |e, _| e == "alarm").await;
    let ev = &got.last().expect("an alarm event").2;
    assert_eq!(ev["data"]["kind"], "low_pressure", "{got:?}");
    assert!(ev["title"].as_str().unwrap().starts_with("低压"), "{ev}");
    assert!(ev["data"]["summary"].as_str().unwrap().contains("GB 50974-2014 7.2.8"), "{ev}");
    let (_, list) = f.get_json(&format!("/api/v1/alarms?device={address}&kind=low_pressure"), "dispatcher").await;
    assert_eq!(list["total"], 1, "{list}");
    // The token may come in the payload instead (as over MQTT); the same reading again is a duplicate.
    let again = json!({"address": address, "token": token, "readings": [reading(5, json!(0.3))]});
    let (s, v) = post_readings(&f, None, again.to_string()).await;
    assert_eq!((s, v["stored"].as_u64()), (200, Some(1)), "{v}");
    // 0.3 MPa: back to normal → the alarm resolves as recovered.
    let got = common::read_events(&mut live, Duration::from_secs(10), |e, v| {
        e == "alarm_update" && v["data"]["change"] == "resolved"
    })
    .await;
    let ev = &got.last().unwrap().2;
    assert_eq!((ev["data"]["result"].as_str(), ev["unhandled"].as_bool()), (Some("recovered"), Some(false)), "{got:?}");
    // Recent readings and the sensor in the device list (without its token).
    let (s, rs) = f.get_json(&format!("/api/v1/sensors/{}/readings", f.west.ids["sensors"]), "inspector").await;
    assert_eq!(s, 200);
    assert_eq!(
        rs.as_array().unwrap().iter().map(|r| r["value"].as_f64().unwrap()).collect::<Vec<_>>(),
        [0.3, 0.12, 0.25]
    );
    let (_, devices) = f.get_json("/api/v1/devices", "inspector").await;
    let sensor = devices.as_array().unwrap().iter().find(|d| d["address"] == address.as_str()).unwrap();
    assert_eq!(
        (sensor["kind"].as_str(), sensor["last_value"].as_f64(), sensor["online"].as_bool()),
        (Some("sensor"), Some(0.3), Some(true))
    );
    assert!(!sensor.to_string().contains(&token), "the token is never shown again");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_readings_are_refused_and_store_nothing() {
    let f = common::start_with(ServerConfig { max_body_bytes: 64 * 1024, ..Default::default() }).await;
    let (address, token) = f.west.sensor.clone();
    let (east_address, _) = f.east.sensor.clone();
    let ok = |readings: Value| json!({"address": address, "readings": readings}).to_string();
    let many: Vec<Value> = (0..101).map(|i| reading(i, json!(0.2))).collect();
    let cases: Vec<(Option<String>, String, u16)> = vec![
        (None, ok(json!([reading(1, json!(0.1))])), 401),
        (Some("0".repeat(64)), ok(json!([reading(1, json!(0.1))])), 401),
        (Some(token.clone()), json!({"address": east_address, "readings": [reading(1, json!(0.1))]}).to_string(), 401),
        (
            Some(token.clone()),
            json!({"address": "no-such-sensor", "readings": [reading(1, json!(0.1))]}).to_string(),
            401,
        ),
        (
            Some(token.clone()),
            json!({"address": "00000000a001", "readings": [reading(1, json!(0.1))]}).to_string(),
            401,
        ),
        (
            Some(token.clone()),
            json!({"address": address, "token": "other", "readings": [reading(1, json!(0.1))]}).to_string(),
            // Two tokens that disagree authenticate no device.
            401,
        ),
        (Some(token.clone()), json!({"readings": [reading(1, json!(0.1))]}).to_string(), 422),
        (Some(token.clone()), ok(json!([reading(1, json!("0.1"))])), 422),
        (Some(token.clone()), ok(json!([{"at": 5, "value": 0.1}])), 422),
        (Some(token.clone()), ok(json!([reading(1, json!(null))])), 422),
        (
            Some(token.clone()),
            format!(
                "{{\"address\": \"{address}\", \"readings\": [{{\"at\": \"2026-12-01T00:00:00Z\", \"value\": NaN}}]}}"
            ),
            400,
        ),
        (
            Some(token.clone()),
            format!(
                "{{\"address\": \"{address}\", \"readings\": [{{\"at\": \"2026-12-01T00:00:00Z\", \"value\": 1e999}}]}}"
            ),
            400,
        ),
        (Some(token.clone()), ok(json!([reading(1, json!(1e7))])), 422),
        (Some(token.clone()), ok(json!([reading(1, json!(-1e300))])), 422),
        (Some(token.clone()), ok(json!(many)), 422),
        (Some(token.clone()), ok(json!([])), 422),
        (Some(token.clone()), ok(json!([reading(-3600, json!(0.1))])), 422),
        (Some(token.clone()), ok(json!([reading(8 * 86400, json!(0.1))])), 422),
        (Some(token.clone()), ok(json!([{"at": "tomorrow", "value": 0.1}])), 422),
        (
            Some(token.clone()),
            ok(json!([reading(1, json!(0.1)), {"at": "2026-12-01T00:00:00Z", "value": 0.1, "unit": "kPa"}])),
            422,
        ),
        (
            Some(token.clone()),
            ok(json!([{"at": "2026-12-01T00:00:00Z", "value": 0.1, "metric": "gas_lel", "unit": "MPa"}])),
            422,
        ),
        (
            Some(token.clone()),
            ok(json!([reading(1, json!(0.1))])).replace("\"readings\"", "\"extra\": 1, \"readings\""),
            422,
        ),
        (Some(token.clone()), "{\"address\": ".into(), 400),
        (
            Some(token.clone()),
            json!({"address": address, "readings": [reading(1, json!(0.1))], "pad": "长".repeat(30_000)}).to_string(),
            413,
        ),
    ];
    for (tok, body, want) in cases {
        let (s, v) = post_readings(&f, tok.as_deref(), body.clone()).await;
        let shown: String = body.chars().take(160).collect();
        assert_eq!(s, want, "{shown} → {v}");
        assert!(v["message"].as_str().is_some_and(|m| !m.is_empty()), "a clear message: {shown} → {v}");
    }
    let r = f
        .http
        .post(f.url("/api/v1/sensors/readings"))
        .header("X-Huoyan-Device-Token", &token)
        .body(ok(json!([reading(1, json!(0.1))])))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 415);
    assert_eq!(Monitoring(&f.store).count_readings(None).await.unwrap(), 0, "nothing stored");
    // A session token is not a device token.
    let r = f
        .req(Method::POST, "/api/v1/sensors/readings", Some("admin"))
        .json(&json!({"address": address, "readings": [reading(1, json!(0.1))]}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    assert_eq!(Monitoring(&f.store).count_readings(None).await.unwrap(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn registering_sensors_and_tokens() {
    let f = common::start().await;
    let before = f.fingerprint().await.0;
    let west = f.west.jurisdiction.id;
    let body = |extra: Value| {
        let mut v = json!({"jurisdiction_id": west, "address": "West-SP-1", "name": "西大楼喷淋水压", "measurement": "sprinkler_pressure", "building_id": f.west.ids["buildings"], "unit_id": f.west.ids["units"]});
        for (k, x) in extra.as_object().unwrap() {
            v[k] = x.clone();
        }
        v
    };
    for (user, b, want) in [
        ("inspector", body(json!({"measurement": "humidity"})), 422),
        ("inspector", body(json!({"measurement": "hydrant_pressure"})), 422),
        ("inspector", body(json!({"address": "a/b+c"})), 422),
        ("inspector", body(json!({"address": "x"})), 422),
        ("inspector", body(json!({"name": " "})), 422),
        ("inspector", body(json!({"building_id": 999_999})), 422),
        ("inspector", body(json!({"token": "mine"})), 422),
        ("inspector", body(json!({"address": "west-hp-1"})), 409),
        ("east_inspector", body(json!({})), 403),
        ("east_inspector", body(json!({"jurisdiction_id": f.east.jurisdiction.id})), 422),
        ("dispatcher", body(json!({})), 403),
    ] {
        let r = f.req(Method::POST, "/api/v1/sensors", Some(user)).json(&b).send().await.unwrap();
        let s = r.status().as_u16();
        assert_eq!(s, want, "{user} {b} → {}", r.text().await.unwrap());
    }
    assert_eq!(f.fingerprint().await.0, before, "refused registrations wrote nothing");
    let r = f.req(Method::POST, "/api/v1/sensors", Some("inspector")).json(&body(json!({}))).send().await.unwrap();
    assert_eq!(r.status(), 201);
    let reg: Value = r.json().await.unwrap();
    let token = reg["token"].as_str().unwrap().to_string();
    assert_eq!(token.len(), 64);
    assert_eq!(
        (reg["device"]["address"].as_str(), reg["device"]["measurement"].as_str()),
        (Some("west-sp-1"), Some("sprinkler_pressure"))
    );
    let id = reg["device"]["id"].as_i64().unwrap();
    let (_, log) = f.get_json(&format!("/api/v1/audit?entity=devices&entity_id={id}"), "admin").await;
    assert_eq!(log.as_array().unwrap().len(), 1);
    assert!(!log.to_string().contains(&token), "the token is not in the audit log");
    let one = || json!({"address": "west-sp-1", "readings": [reading(1, json!(0.3))]}).to_string();
    assert_eq!(post_readings(&f, Some(&token), one()).await.0, 200);
    // Rotation: the old token stops working.
    let r = f.req(Method::POST, &format!("/api/v1/sensors/{id}/token"), Some("inspector")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let fresh = r.json::<Value>().await.unwrap()["token"].as_str().unwrap().to_string();
    assert_ne!(fresh, token);
    assert_eq!(post_readings(&f, Some(&token), one()).await.0, 401);
    assert_eq!(post_readings(&f, Some(&fresh), one()).await.0, 200);
    // A UITD is not a sensor: no token for it.
    let r = f
        .req(Method::POST, &format!("/api/v1/sensors/{}/token", f.west.ids["devices"]), Some("inspector"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn threshold_rules_are_data() {
    let f = common::start().await;
    let (s, t) = f.get_json("/api/v1/thresholds", "dispatcher").await;
    assert_eq!((s, t["origin"].as_str()), (200, Some("shipped")), "{t}");
    let hydrant =
        t["rules"]["rule"].as_array().unwrap().iter().find(|r| r["measurement"] == "hydrant_pressure").unwrap().clone();
    assert_eq!(
        (hydrant["value"].as_f64(), hydrant["source"].as_str(), hydrant["verified"].as_bool()),
        (Some(0.14), Some("GB 50974-2014 7.2.8"), Some(true))
    );
    let put = |user: &'static str, ct: &'static str, body: String| {
        let r = f.req(Method::PUT, "/api/v1/thresholds", Some(user)).header("content-type", ct).body(body);
        async move {
            let r = r.send().await.unwrap();
            let s = r.status().as_u16();
            (s, r.json::<Value>().await.unwrap_or(Value::Null))
        }
    };
    let local = t["toml"]
        .as_str()
        .unwrap()
        .replace("value = 0.14", "value = 0.2")
        .replace("id = \"huoyan-default\"", "id = \"local-2026\"");
    let before = f.fingerprint().await.0;
    assert_eq!(put("inspector", "application/toml", local.clone()).await.0, 403);
    assert_eq!(
        put("admin", "application/toml", local.replace("source = \"GB 50974-2014 7.2.8\"", "source = \"\"")).await.0,
        422
    );
    assert_eq!(put("admin", "application/toml", local.replace("unit = \"MPa\"", "unit = \"bar\"")).await.0, 422);
    assert_eq!(put("admin", "application/toml", "[[rule]".into()).await.0, 422);
    assert_eq!(put("admin", "text/csv", local.clone()).await.0, 415);
    assert_eq!(f.fingerprint().await.0, before, "refused loads wrote nothing");
    let (s, v) = put("admin", "application/toml", local).await;
    assert_eq!((s, v["origin"].as_str(), v["loaded_by"].as_str()), (200, Some("api"), Some("admin")), "{v}");
    let (_, t) = f.get_json("/api/v1/thresholds", "township").await;
    assert_eq!(t["rules"]["id"], "local-2026");
    // JSON works too (the rules as the GET returns them).
    let mut rules = t["rules"].clone();
    rules["id"] = json!("local-json");
    let (s, v) = put("admin", "application/json", rules.to_string()).await;
    assert_eq!((s, v["rules"]["id"].as_str()), (200, Some("local-json")), "{v}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sensors_own_threshold_replaces_the_general_one_for_it_alone() {
    let f = common::start().await;
    let _engine = common::start_engine(&f);
    let (west, west_token) = f.west.sensor.clone();
    let (east, east_token) = f.east.sensor.clone();
    let rule = |measurement: &str, device: &str, value: f64, unit: &str| {
        format!(
            "\n[[rule]]\nmeasurement = \"{measurement}\"\ndevice = \"{device}\"\ncomparison = \"lt\"\nvalue = {value}\nunit = \"{unit}\"\nhysteresis = 0.02\nkind = \"low_pressure\"\nsource = \"本地设定（该管网平时压力 0.35 MPa）\"\nverified = false\n"
        )
    };
    let put = |body: String| {
        let r = f.req(Method::PUT, "/api/v1/thresholds", Some("admin")).header("content-type", "application/toml");
        async move {
            let r = r.body(body).send().await.unwrap();
            let s = r.status().as_u16();
            (s, r.json::<Value>().await.unwrap_or(Value::Null))
        }
    };
    let shipped = huoyan_monitor::thresholds::SHIPPED.replace("id = \"huoyan-default\"", "id = \"per-sensor\"");
    let before = f.fingerprint().await.0;
    // A rule for a sensor nobody registered, or for a sensor of another measurement: refused.
    let (s, v) = put(format!("{shipped}{}", rule("hydrant_pressure", "hp-nobody", 0.3, "MPa"))).await;
    assert_eq!(s, 422, "{v}");
    assert!(v.to_string().contains("not a registered sensor"), "{v}");
    let (s, v) = put(format!("{shipped}{}", rule("tank_level", &west, 0.3, "m"))).await;
    assert_eq!(s, 422, "{v}");
    assert!(v.to_string().contains("measures hydrant_pressure, not tank_level"), "{v}");
    assert_eq!(f.fingerprint().await.0, before, "refused loads wrote nothing");
    let (s, v) = put(format!("{shipped}{}", rule("hydrant_pressure", &west.to_uppercase(), 0.3, "MPa"))).await;
    assert_eq!(s, 422, "addresses are written as registered (lower-case): {v}");
    let (s, v) = put(format!("{shipped}{}", rule("hydrant_pressure", &west, 0.3, "MPa"))).await;
    assert_eq!(s, 200, "{v}");
    let (_, t) = f.get_json("/api/v1/thresholds", "dispatcher").await;
    let own: Vec<&Value> =
        t["rules"]["rule"].as_array().unwrap().iter().filter(|r| r["device"] == west.as_str()).collect();
    assert_eq!(own.len(), 1, "{t}");

    // 0.25 MPa at both: low for the west sensor (its own 0.3), normal for the east (general 0.14).
    let mut live = f.req(Method::GET, "/api/v1/events/stream", Some("dispatcher")).send().await.unwrap();
    common::read_events(&mut live, Duration::from_secs(5), |e, _| e == "hello").await;
    for (address, token) in [(&east, &east_token), (&west, &west_token)] {
        let (s, v) = post_readings(
            &f,
            Some(token),
            json!({"address": address, "readings": [reading(1, json!(0.25))]}).to_string(),
        )
        .await;
        assert_eq!(s, 200, "{v}");
    }
    let got = common::read_events(&mut live, Duration::from_secs(10), |e, _| e == "alarm").await;
    let ev = &got.last().expect("an alarm event").2;
    assert_eq!(
        (ev["data"]["kind"].as_str(), ev["data"]["device_address"].as_str()),
        (Some("low_pressure"), Some(west.as_str())),
        "{got:?}"
    );
    assert!(ev["data"]["summary"].as_str().unwrap().contains("低于0.3 MPa（本地设定"), "{ev}");
    // The east reading was judged first (readings are judged in order) and raised nothing.
    let (_, list) = f.get_json(&format!("/api/v1/alarms?device={east}"), "dispatcher").await;
    assert_eq!(list["total"], 0, "{list}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn registering_a_uitd_checks_its_unit() {
    let f = common::start().await;
    let before = f.fingerprint().await.0;
    let west = f.west.jurisdiction.id;
    let body = |unit: Value| json!({"jurisdiction_id": west, "address": "0000000a0b0c", "name": "西商场传输装置", "unit_id": unit});
    // A unit that does not exist, or not in the caller's jurisdiction: a field error, not a 500.
    for (user, unit, want) in [
        ("inspector", json!(999_999), 422),
        ("east_inspector", json!(f.west.ids["units"]), 403),
        ("inspector", json!("x"), 422),
    ] {
        let r = f.req(Method::POST, "/api/v1/devices", Some(user)).json(&body(unit.clone())).send().await.unwrap();
        let s = r.status().as_u16();
        let text = r.text().await.unwrap();
        assert_eq!(s, want, "{user} {unit} → {text}");
        if s == 422 && unit.is_i64() {
            assert!(text.contains("unit_id"), "{text}");
        }
    }
    assert_eq!(f.fingerprint().await.0, before, "refused registrations wrote nothing");
    let r = f
        .req(Method::POST, "/api/v1/devices", Some("inspector"))
        .json(&body(json!(f.west.ids["units"])))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201, "{}", r.text().await.unwrap());
}
