//! A running server on 127.0.0.1 over a fresh SQLite store with a small city: two townships (west
//! and east), one record of every kind in each, and one account per role (the township officer and
//! the unit manager in the west).

#![allow(dead_code, unreachable_pub)]

use huoyan_monitor::store::Monitoring;
use std::collections::HashMap;

use huoyan_domain::account::{Principal, UserInput};
use huoyan_domain::incident::IncidentCategory;
use huoyan_domain::jurisdiction::Jurisdiction;
use huoyan_domain::*;
use huoyan_server::{AppState, ServerConfig};
use huoyan_store::Store;
use serde_json::{Value, json};

pub struct Side {
    pub jurisdiction: Jurisdiction,
    /// table → id of the record of that table in this township.
    pub ids: HashMap<&'static str, i64>,
    pub user_id: i64,
    /// The address and ingestion token of the township's hydrant pressure sensor.
    pub sensor: (String, String),
}

pub struct Fixture {
    pub base: String,
    pub http: reqwest::Client,
    pub store: Store,
    pub city: Jurisdiction,
    pub west: Side,
    pub east: Side,
    /// user name → token.
    pub tokens: HashMap<String, String>,
    /// The server's state (its live bus, the alarm engine's wake-up).
    pub state: AppState,
    _dir: tempfile::TempDir,
}

pub const PASSWORD: &str = "correct horse battery";

pub fn square(lon0: f64, d: f64) -> geojson::Geometry {
    geojson::Geometry::new(geojson::Value::Polygon(vec![vec![
        vec![lon0, 0.0],
        vec![lon0 + d, 0.0],
        vec![lon0 + d, 1.0],
        vec![lon0, 1.0],
        vec![lon0, 0.0],
    ]]))
}

pub fn node(parent: Option<i64>, level: JurisdictionLevel, name: &str, b: geojson::Geometry) -> Jurisdiction {
    Jurisdiction {
        id: 0,
        parent_id: parent,
        level,
        name: name.into(),
        code: None,
        boundary: Some(b),
        path: String::new(),
    }
}

/// The schema `side` writes to: the program's own, or an old store's (the upgrade test), whose
/// incidents lack the columns of incidents 2 (`intake_questions`) and are written by SQL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Schema {
    Current,
    BeforeIntakeQuestions,
}

/// An incident and its 接警 entry written as the program before incidents 2 did.
async fn old_incident(
    store: &Store,
    jurisdiction: i64,
    unit: i64,
    n: &huoyan_incidents::store::incidents::NewIncident,
) -> i64 {
    let at = huoyan_store::now();
    store
        .execute_admin(&format!(
            "INSERT INTO incidents (jurisdiction_id, category, level, lon, lat, address, unit_id, source, status, \
             reported_at, created_by, created_at, updated_at) VALUES ({jurisdiction}, 'fire', 1, {}, {}, '{}', {unit}, \
             'call', 'received', '{at}', 'system', '{at}', '{at}')",
            n.lon, n.lat, n.address
        ))
        .await
        .unwrap();
    let id: i64 = store.admin_strings("SELECT CAST(MAX(id) AS TEXT) FROM incidents").await.unwrap()[0].parse().unwrap();
    store
        .execute_admin(&format!(
            "INSERT INTO incident_events (incident_id, stage, at, actor_id, actor, warnings, recorded_at) \
             VALUES ({id}, 'alarm', '{at}', 0, 'system', '[]', '{at}')"
        ))
        .await
        .unwrap();
    id
}

pub async fn side(
    store: &Store,
    schema: Schema,
    j: Jurisdiction,
    lon: f64,
    tag: &str,
    uscc: &str,
) -> (HashMap<&'static str, i64>, (String, String)) {
    let sys = Principal::system();
    let mut ids = HashMap::new();
    let station: Station =
        serde_json::from_value(json!({"name": format!("{tag}站"), "kind": "level1", "lon": lon, "lat": 0.5})).unwrap();
    let station = store.insert(&sys, station).await.unwrap();
    ids.insert("stations", station.id);
    let v: Vehicle = serde_json::from_value(json!({"station_id": station.id, "name": format!("{tag}水罐"), "family": "firefighting", "vehicle_type": "水罐消防车", "seats": 6})).unwrap();
    ids.insert("vehicles", store.insert(&sys, v).await.unwrap().id);
    let p: Person =
        serde_json::from_value(json!({"station_id": station.id, "name": format!("{tag}张三"), "on_duty": true}))
            .unwrap();
    ids.insert("personnel", store.insert(&sys, p).await.unwrap().id);
    let w: WaterSource = serde_json::from_value(json!({"code": format!("{tag}-H1"), "kind": "hydrant_above", "status": "intact", "lon": lon + 0.01, "lat": 0.5})).unwrap();
    ids.insert("water_sources", store.insert(&sys, w).await.unwrap().id);
    let b: Building = serde_json::from_value(json!({"name": format!("{tag}大楼"), "floors": 5, "footprint": {"type": "Polygon", "coordinates": [[[lon, 0.2], [lon + 0.001, 0.2], [lon + 0.001, 0.201], [lon, 0.201], [lon, 0.2]]]}})).unwrap();
    let b = store.insert(&sys, b).await.unwrap();
    ids.insert("buildings", b.id);
    let u: Unit = serde_json::from_value(json!({"name": format!("{tag}商场"), "uscc": uscc, "lon": lon + 0.02, "lat": 0.5, "use_category": "mall", "building_id": b.id, "metrics": {"building_area_m2": 5000.0, "combustible_goods": true}})).unwrap();
    ids.insert("units", store.insert(&sys, u).await.unwrap().id);
    let r: Road = serde_json::from_value(json!({"name": format!("{tag}路"), "class": "primary", "length_m": 100.0, "geometry": {"type": "LineString", "coordinates": [[lon, 0.3], [lon + 0.001, 0.3]]}})).unwrap();
    ids.insert("roads", store.insert(&sys, r).await.unwrap().id);
    // A monitored unit: its UITD and one open fire alarm.
    let address = if tag == "西" { "00000000a001" } else { "00000000b001" };
    let nd = huoyan_monitor::store::frames::NewDevice {
        jurisdiction_id: j.id,
        unit_id: Some(ids["units"]),
        address: address.into(),
        name: format!("{tag}传输装置"),
    };
    ids.insert("devices", Monitoring(store).register_device(&sys, nd).await.unwrap().id);
    // A pressure sensor on the township's hydrant.
    let sensor_address = if tag == "西" { "west-hp-1" } else { "east-hp-1" };
    let ns = huoyan_monitor::store::sensors::NewSensor {
        jurisdiction_id: j.id,
        unit_id: None,
        building_id: None,
        water_source_id: Some(ids["water_sources"]),
        address: sensor_address.into(),
        name: format!("{tag}-H1 水压"),
        measurement: "hydrant_pressure".into(),
    };
    let reg = Monitoring(store).register_sensor(&sys, ns).await.unwrap();
    ids.insert("sensors", reg.device.id);
    let signal = huoyan_monitor::store::alarms::Signal {
        device_address: address.into(),
        kind: "fire".into(),
        level: "fire".into(),
        at: huoyan_store::now(),
        frame_id: None,
        summary: "火灾报警系统1号 · 感烟火灾探测器 1回路1号".into(),
        component: json!({"text": "感烟火灾探测器"}),
        resolves: None,
    };
    let changes = Monitoring(store).apply_signals(&[signal], None).await.unwrap();
    ids.insert("alarms", changes[0].alarm.id);
    // An incident on the road, the unit's pre-plan and a floor plan attached to it.
    let mut n = huoyan_incidents::store::incidents::NewIncident::new(
        IncidentCategory::Fire,
        lon + 0.0005,
        0.3,
        format!("{tag}路口"),
    );
    n.unit_id = Some(ids["units"]);
    let incident = if schema == Schema::BeforeIntakeQuestions {
        old_incident(store, j.id, ids["units"], &n).await
    } else {
        huoyan_incidents::Incidents(store).create_incident(&sys, n).await.unwrap().id
    };
    ids.insert("incidents", incident);
    let doc: huoyan_incidents::rules::PrePlanDoc = serde_json::from_value(json!({"attack_notes": "内攻"})).unwrap();
    let plan = huoyan_incidents::Incidents(store).put_preplan(&sys, ids["units"], doc).await.unwrap();
    ids.insert("preplans", plan.id);
    let plan = huoyan_incidents::Incidents(store)
        .add_attachment(&sys, plan.id, "平面图.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
        .await
        .unwrap();
    ids.insert("preplan-attachments", plan.attachments[0].id);
    assert!(ids.values().all(|id| *id > 0));
    (ids, (sensor_address.to_string(), reg.token))
}

pub async fn start() -> Fixture {
    start_with(ServerConfig::default()).await
}

pub async fn start_with(mut config: ServerConfig) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let store = huoyan_server::open_store_dir(dir.path()).await.unwrap();
    let sys = Principal::system();
    let city =
        store.create_jurisdiction(&sys, node(None, JurisdictionLevel::City, "测试市", square(0.0, 2.0))).await.unwrap();
    let west = store
        .create_jurisdiction(&sys, node(Some(city.id), JurisdictionLevel::Township, "西街道", square(0.0, 1.0)))
        .await
        .unwrap();
    let east = store
        .create_jurisdiction(&sys, node(Some(city.id), JurisdictionLevel::Township, "东街道", square(1.0, 1.0)))
        .await
        .unwrap();
    let (west_ids, west_sensor) = side(&store, Schema::Current, west.clone(), 0.5, "西", "91350100M000100Y43").await;
    let (east_ids, east_sensor) = side(
        &store,
        Schema::Current,
        east.clone(),
        1.5,
        "东",
        &format!("91330106MA2XXXXX0{}", uscc::check_char("91330106MA2XXXXX0").unwrap()),
    )
    .await;
    let mut users = Vec::new();
    for (name, role, j, unit) in [
        ("admin", Role::Admin, city.id, None),
        ("dispatcher", Role::Dispatcher, city.id, None),
        ("inspector", Role::Inspector, city.id, None),
        ("logistics", Role::Logistics, city.id, None),
        ("leader", Role::Leader, city.id, None),
        ("township", Role::Township, west.id, None),
        ("unitmgr", Role::UnitManager, west.id, Some(west_ids["units"])),
        ("east_inspector", Role::Inspector, east.id, None),
    ] {
        let u = store
            .create_user(
                &sys,
                UserInput {
                    username: name.into(),
                    display_name: name.into(),
                    role,
                    jurisdiction_id: j,
                    unit_id: unit,
                    password: Some(PASSWORD.into()),
                    disabled: false,
                },
            )
            .await
            .unwrap();
        users.push((name, u.id));
    }
    config.listen = "127.0.0.1:0".into();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let state = AppState::new(store.clone(), config);
    let serving = state.clone();
    tokio::spawn(async move {
        huoyan_server::serve(listener, serving, std::future::pending()).await.unwrap();
    });
    let http = reqwest::Client::new();
    let mut tokens = HashMap::new();
    for (name, _) in &users {
        let r = http
            .post(format!("{base}/api/v1/auth/login"))
            .json(&json!({"username": name, "password": PASSWORD}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "login {name}");
        let v: Value = r.json().await.unwrap();
        tokens.insert(name.to_string(), v["token"].as_str().unwrap().to_string());
    }
    let uid = |n: &str| users.iter().find(|(u, _)| *u == n).unwrap().1;
    Fixture {
        base,
        http,
        store,
        city,
        west: Side { jurisdiction: west, ids: west_ids, user_id: uid("unitmgr"), sensor: west_sensor },
        east: Side { jurisdiction: east, ids: east_ids, user_id: uid("east_inspector"), sensor: east_sensor },
        tokens,
        state,
        _dir: dir,
    }
}

impl Fixture {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// A request as `user` (`None` = anonymous).
    pub fn req(&self, method: reqwest::Method, path: &str, user: Option<&str>) -> reqwest::RequestBuilder {
        let mut r = self.http.request(method, self.url(path));
        if let Some(u) = user {
            r = r.bearer_auth(&self.tokens[u]);
        }
        r
    }

    pub async fn get_json(&self, path: &str, user: &str) -> (u16, Value) {
        let r = self.req(reqwest::Method::GET, path, Some(user)).send().await.unwrap();
        let status = r.status().as_u16();
        (status, r.json().await.unwrap_or(Value::Null))
    }

    /// The audit log length and record counts, to check that a refused request wrote nothing.
    pub async fn fingerprint(&self) -> (usize, huoyan_store::stats::Stats) {
        let log = self.store.audit_log(&huoyan_store::Scope::all(), None, None, 1000).await.unwrap().len();
        (log, self.store.stats(&huoyan_store::Scope::all()).await.unwrap())
    }
}

/// A store in a fresh PostgreSQL schema, when `HUOYAN_TEST_PG_URL` is set (`None` otherwise: the
/// caller skips its PostgreSQL variant). [`PgSchema::drop`] removes the schema.
pub struct PgSchema {
    pub store: Store,
    url: String,
    schema: String,
}

pub async fn postgres(prefix: &str) -> Option<PgSchema> {
    let Some(url) = std::env::var("HUOYAN_TEST_PG_URL").ok().filter(|u| !u.is_empty()) else {
        eprintln!("HUOYAN_TEST_PG_URL not set: PostgreSQL variant skipped");
        return None;
    };
    let nanos =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0);
    let schema = format!("{prefix}_{}_{}", std::process::id(), nanos % 100_000);
    let config = huoyan_store::StoreConfig { url: url.clone(), pg_schema: Some(schema.clone()), max_connections: 2 };
    let store = huoyan_server::open_store(&config).await.unwrap();
    Some(PgSchema { store, url, schema })
}

impl PgSchema {
    /// Another store on the same schema (another node of a cluster).
    pub async fn another_node(&self) -> Store {
        let config = huoyan_store::StoreConfig {
            url: self.url.clone(),
            pg_schema: Some(self.schema.clone()),
            max_connections: 2,
        };
        huoyan_server::open_store(&config).await.unwrap()
    }

    pub async fn drop(self) {
        self.store.close().await;
        let config = huoyan_store::StoreConfig { url: self.url, pg_schema: None, max_connections: 1 };
        let admin = Store::connect(&config).await.unwrap();
        admin.execute_admin(&format!("DROP SCHEMA {} CASCADE", self.schema)).await.unwrap();
        admin.close().await;
    }
}

/// Runs the alarm engine as `huoyan serve` does: woken by the server after readings, reporting
/// every alarm change to the live bus. Returns it (to wake it after storing frames).
pub fn start_engine(f: &Fixture) -> huoyan_monitor::Engine {
    let live = f.state.live.clone();
    let on_change: huoyan_monitor::OnChange =
        std::sync::Arc::new(move |c: &huoyan_monitor::store::alarms::AlarmChange| {
            live.publish(huoyan_server::alarm_event(&c.alarm, c.change, &c.jurisdiction_path));
        });
    let config = huoyan_monitor::MonitorConfig { poll_ms: 50, ..Default::default() };
    let engine =
        huoyan_monitor::Engine::new(f.store.clone(), config, on_change).with_wake(f.state.monitor_wake.clone());
    tokio::spawn(engine.clone().run(std::future::pending()));
    engine
}

/// Reads Server-Sent Events from a response until `want` accepts one or `timeout` passes; returns
/// every event read as (id, event, data).
pub async fn read_events(
    resp: &mut reqwest::Response,
    timeout: std::time::Duration,
    want: impl Fn(&str, &Value) -> bool,
) -> Vec<(Option<u64>, String, Value)> {
    let deadline = tokio::time::Instant::now() + timeout;
    let mut buf = String::new();
    let mut out = Vec::new();
    loop {
        while let Some(end) = buf.find("\n\n") {
            let block: String = buf.drain(..end + 2).collect();
            let (mut id, mut event, mut data) = (None, String::from("message"), String::new());
            for line in block.lines() {
                if let Some(v) = line.strip_prefix("id:") {
                    // `origin-seq`: the sequence number.
                    id = v.trim().rsplit('-').next().and_then(|s| s.parse().ok());
                } else if let Some(v) = line.strip_prefix("event:") {
                    event = v.trim().to_string();
                } else if let Some(v) = line.strip_prefix("data:") {
                    data.push_str(v.trim_start());
                }
            }
            if data.is_empty() {
                continue; // a keep-alive comment
            }
            let value: Value = serde_json::from_str(&data).unwrap_or(Value::String(data));
            let done = want(&event, &value);
            out.push((id, event, value));
            if done {
                return out;
            }
        }
        match tokio::time::timeout_at(deadline, resp.chunk()).await {
            Ok(Ok(Some(bytes))) => buf.push_str(&String::from_utf8_lossy(&bytes)),
            _ => return out,
        }
    }
}
