//! The engine end to end on both backends: stored frames and sensor readings become alarms from
//! the engine's cursors exactly once (also across a restart), threshold alarms open, merge and
//! resolve as `recovered`, a loaded rule set takes effect without code, and (when Mosquitto runs
//! on 127.0.0.1:1883) a reading published over MQTT becomes a stored reading and a 低压 alarm.

use huoyan_monitor::store::Monitoring;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::TestStore;
use huoyan_domain::account::Principal;
use huoyan_domain::jurisdiction::Jurisdiction;
use huoyan_domain::{JurisdictionLevel, WaterSource};
use huoyan_monitor::engine::{CURSOR, READINGS_CURSOR};
use huoyan_monitor::ingest::{ReadingIn, ReadingsPayload};
use huoyan_monitor::store::alarms::AlarmFilter;
use huoyan_monitor::store::frames::{NewDevice, NewFrame};
use huoyan_monitor::store::sensors::NewSensor;
use huoyan_monitor::{Engine, MonitorConfig, OnChange};
use huoyan_store::on_both;
use huoyan_store::testkit as common;
use huoyan_store::{Scope, Store};

/// The tables these tests need: the kernel's (always) and the monitoring module's.
const MODULES: &[&huoyan_store::migrate::Schema] = &[&huoyan_monitor::SCHEMA];

const UITD: &str = "00000000c001";

/// A city with a hydrant, a UITD and a pressure sensor on the hydrant; returns the sensor's
/// address and token.
async fn setup(s: &Store, sensor: &str) -> String {
    let sys = Principal::system();
    let square = geojson::Geometry::new(geojson::Value::Polygon(vec![vec![
        vec![0.0, 0.0],
        vec![1.0, 0.0],
        vec![1.0, 1.0],
        vec![0.0, 1.0],
        vec![0.0, 0.0],
    ]]));
    let city = s
        .create_jurisdiction(
            &sys,
            Jurisdiction {
                id: 0,
                parent_id: None,
                level: JurisdictionLevel::City,
                name: "测试市".into(),
                code: None,
                boundary: Some(square),
                path: String::new(),
            },
        )
        .await
        .unwrap();
    let hydrant: WaterSource =
        serde_json::from_value(serde_json::json!({"code": "H-1", "kind": "hydrant_above", "lon": 0.5, "lat": 0.5}))
            .unwrap();
    let hydrant = s.insert(&sys, hydrant).await.unwrap();
    Monitoring(s)
        .register_device(
            &sys,
            NewDevice { jurisdiction_id: city.id, unit_id: None, address: UITD.into(), name: "传输装置".into() },
        )
        .await
        .unwrap();
    let reg = Monitoring(s)
        .register_sensor(
            &sys,
            NewSensor {
                jurisdiction_id: city.id,
                water_source_id: Some(hydrant.id),
                address: sensor.into(),
                name: "H-1 水压".into(),
                measurement: "hydrant_pressure".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!((reg.device.kind.as_str(), reg.device.water_source_id), ("sensor", Some(hydrant.id)));
    reg.token
}

/// The alarm changes an engine reported: (alarm id, change).
type Seen = Arc<Mutex<Vec<(i64, &'static str)>>>;

fn engine(s: &Store) -> (Engine, Seen) {
    let seen: Seen = Arc::default();
    let log = seen.clone();
    let on_change: OnChange = Arc::new(move |c| log.lock().unwrap().push((c.alarm.id, c.change)));
    (Engine::new(s.clone(), MonitorConfig { batch: 2, ..Default::default() }, on_change), seen)
}

/// A GB/T 26875.3 upload (type 2, 部件运行状态) of a smoke detector at loop 1, point `serial`
/// with component state `state` (0x02 = 火警), as the UITD sends it.
fn component_upload(serial: u16, state: u16) -> Vec<u8> {
    use huoyan_gb26875::{Address, ComponentState, encode};
    let source = Address([0, 0, 0, 0, 0xc0, 0x01]);
    encode(&huoyan_simulator::frames::component_upload(
        source,
        serial,
        ComponentState(state),
        (1, u32::from(serial)),
        "一层大厅",
    ))
}

fn fire_frame(serial: u16) -> NewFrame {
    NewFrame {
        received_at: huoyan_store::now(),
        device_address: UITD.into(),
        serial,
        command: 2,
        adu_type: Some(2),
        raw: component_upload(serial, 0x02),
        quarantined: false,
    }
}

fn payload(values: &[(i64, f64)]) -> ReadingsPayload {
    let now = chrono::Utc::now();
    ReadingsPayload {
        address: None,
        token: None,
        readings: values
            .iter()
            .map(|(ago, v)| ReadingIn {
                at: (now - chrono::Duration::seconds(*ago)).to_rfc3339(),
                value: *v,
                metric: None,
                unit: Some("MPa".into()),
            })
            .collect(),
    }
}

async fn open_alarms(s: &Store, kind: &str) -> Vec<huoyan_monitor::store::alarms::Alarm> {
    let f =
        AlarmFilter { kind: Some(kind.into()), status: vec!["open".into(), "escalated".into()], ..Default::default() };
    Monitoring(s).list_alarms(&Scope::all(), &f).await.unwrap().items
}

async fn frames_are_filed_once_across_restarts(s: &TestStore) {
    setup(s, "hp-0001").await;
    let first = (1..=5).map(fire_frame).collect::<Vec<_>>();
    Monitoring(s).store_frames(&first).await.unwrap();
    let (e, seen) = engine(s);
    assert_eq!(e.catch_up().await.unwrap(), 5, "five frames read in batches of two");
    let fire = open_alarms(s, "fire").await;
    assert_eq!((fire.len(), fire[0].count), (1, 5), "merged into one alarm");
    assert_eq!(Monitoring(s).cursor(CURSOR).await.unwrap(), fire[0].last_frame_id.unwrap());
    assert_eq!(seen.lock().unwrap().first(), Some(&(fire[0].id, "opened")));
    // Again, and after a "restart" (a new engine over the same store): nothing is read twice.
    assert_eq!(e.catch_up().await.unwrap(), 0);
    let (restarted, _) = engine(s);
    assert_eq!(restarted.catch_up().await.unwrap(), 0);
    // A retransmitted frame is not stored again, so not counted again; a new one is. The
    // retransmission is the same bytes (a new `fire_frame(5)` carries the time of its making in
    // the ADU, and is another frame once the second has changed).
    Monitoring(s).store_frames(&[first[4].clone(), fire_frame(6)]).await.unwrap();
    assert_eq!(restarted.catch_up().await.unwrap(), 1);
    assert_eq!(open_alarms(s, "fire").await[0].count, 6);
}
on_both!(frames_once, frames_are_filed_once_across_restarts, MODULES);

async fn the_cursor_is_saved_once_the_engine_has_caught_up(s: &TestStore) {
    setup(s, "hp-0001").await;
    // Normal states (0x01) file nothing, so reading them does not save the cursor at once.
    let normal = |serial| NewFrame { raw: component_upload(serial, 0x01), ..fire_frame(serial) };
    let (e, _) = engine(s);
    assert_eq!(e.catch_up().await.unwrap(), 0);
    Monitoring(s).store_frames(&(1..=3).map(normal).collect::<Vec<_>>()).await.unwrap();
    assert_eq!(e.catch_up().await.unwrap(), 3);
    let last = Monitoring(s).frames_after(0, 10).await.unwrap().last().unwrap().id;
    assert!(Monitoring(s).cursor(CURSOR).await.unwrap() < last, "read, not saved yet");
    // Caught up, and the saved position older than CURSOR_SAVE_EVERY: the next look saves it.
    tokio::time::sleep(huoyan_monitor::engine::CURSOR_SAVE_EVERY).await;
    assert_eq!(e.catch_up().await.unwrap(), 0);
    assert_eq!(Monitoring(s).cursor(CURSOR).await.unwrap(), last);
    assert!(open_alarms(s, "fire").await.is_empty());
}
on_both!(cursor_when_idle, the_cursor_is_saved_once_the_engine_has_caught_up, MODULES);

/// Two nodes on one PostgreSQL schema: a frame stored by the node without the engine wakes the
/// leading engine at the commit (`LISTEN/NOTIFY`), long before its next poll.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_nodes_frame_wakes_the_leading_engine() {
    let Some(s) = common::postgres_with(MODULES).await else {
        eprintln!("HUOYAN_TEST_PG_URL not set: PostgreSQL-only test skipped");
        return;
    };
    setup(&s, "hp-0001").await;
    let on_change: OnChange = Arc::new(|_| {});
    let config = MonitorConfig { poll_ms: 600_000, ..Default::default() };
    let engine = Engine::new(s.store.clone(), config, on_change);
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let running = tokio::spawn(engine.run(async move {
        let _ = stopped.await;
    }));
    // The engine leads, listens and has caught up (its first poll is at once) …
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert!(open_alarms(&s, "fire").await.is_empty());
    // … when the other node stores a fire upload.
    let (url, schema) = s.pg_location().unwrap();
    let other =
        Store::connect(&huoyan_store::StoreConfig { url, pg_schema: Some(schema), max_connections: 1 }).await.unwrap();
    Monitoring(&other).store_frames(&[fire_frame(1)]).await.unwrap();
    let mut filed = false;
    for _ in 0..100 {
        if !open_alarms(&s, "fire").await.is_empty() {
            filed = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(filed, "the fire was not filed within 5 s although the engine polls only every 10 min");
    let _ = stop.send(());
    running.await.unwrap();
    other.close().await;
    s.drop_schema().await;
}

async fn low_pressure_opens_merges_and_recovers(s: &TestStore) {
    let token = setup(s, "hp-0001").await;
    let (e, _) = engine(s);
    // Normal pressure: nothing.
    huoyan_monitor::ingest::ingest(s, "hp-0001", &token, &payload(&[(300, 0.25)])).await.unwrap();
    e.catch_up().await.unwrap();
    assert!(open_alarms(s, "low_pressure").await.is_empty());
    // Below 0.14 MPa twice: one 低压 alarm, count 2, citing GB 50974-2014 7.2.8.
    let r = huoyan_monitor::ingest::ingest(s, "HP-0001", &token, &payload(&[(200, 0.12), (100, 0.11)])).await.unwrap();
    assert_eq!((r.stored, r.duplicates), (2, 0));
    e.catch_up().await.unwrap();
    let low = open_alarms(s, "low_pressure").await;
    assert_eq!((low.len(), low[0].count, low[0].level.as_str()), (1, 2, "warning"));
    assert!(low[0].summary.contains("GB 50974-2014 7.2.8"), "{}", low[0].summary);
    assert_eq!(low[0].device_address, "hp-0001");
    assert_eq!(low[0].detail["components"][0]["rule"]["verified"], true);
    // The same message again (an MQTT redelivery): stored once, counted once.
    let again = huoyan_monitor::ingest::ingest(s, "hp-0001", &token, &payload(&[])).await;
    assert!(again.is_err(), "an empty batch is refused");
    let before = Monitoring(s).count_readings(None).await.unwrap();
    let dup = payload(&[(200, 0.12)]);
    let mut same = dup.clone();
    same.readings[0].at = Monitoring(s).readings_after(0, 10).await.unwrap()[1].at.clone();
    let r = huoyan_monitor::ingest::ingest(s, "hp-0001", &token, &same).await.unwrap();
    assert_eq!((r.stored, r.duplicates), (0, 1));
    assert_eq!(Monitoring(s).count_readings(None).await.unwrap(), before);
    e.catch_up().await.unwrap();
    assert_eq!(open_alarms(s, "low_pressure").await[0].count, 2);
    // In the hysteresis band (0.14–0.15): still open.
    huoyan_monitor::ingest::ingest(s, "hp-0001", &token, &payload(&[(50, 0.145)])).await.unwrap();
    e.catch_up().await.unwrap();
    assert_eq!(open_alarms(s, "low_pressure").await.len(), 1);
    // Back to 0.2 MPa: resolved by the system as recovered.
    huoyan_monitor::ingest::ingest(s, "hp-0001", &token, &payload(&[(10, 0.2)])).await.unwrap();
    e.catch_up().await.unwrap();
    assert!(open_alarms(s, "low_pressure").await.is_empty());
    let all = Monitoring(s)
        .list_alarms(&Scope::all(), &AlarmFilter { kind: Some("low_pressure".into()), ..Default::default() })
        .await
        .unwrap();
    assert_eq!(
        (all.total, all.items[0].result.as_deref(), all.items[0].handled_by.as_deref()),
        (1, Some("recovered"), Some("system"))
    );
    assert_eq!(
        Monitoring(s).cursor(READINGS_CURSOR).await.unwrap(),
        Monitoring(s).readings_after(0, 100).await.unwrap().last().unwrap().id
    );
    let dev = Monitoring(s)
        .list_devices(&Scope::all(), None)
        .await
        .unwrap()
        .into_iter()
        .find(|d| d.address == "hp-0001")
        .unwrap();
    assert_eq!((dev.last_value, dev.online), (Some(0.2), true));
}
on_both!(low_pressure, low_pressure_opens_merges_and_recovers, MODULES);

async fn bad_tokens_and_payloads_store_nothing(s: &TestStore) {
    let token = setup(s, "hp-0001").await;
    use huoyan_monitor::ingest::{IngestError, ingest};
    for (address, tok) in
        [("hp-0001", "0".repeat(64)), ("hp-0002", token.clone()), (UITD, token.clone()), ("a/b", token.clone())]
    {
        let err = ingest(s, address, &tok, &payload(&[(10, 0.1)])).await.unwrap_err();
        assert!(matches!(err, IngestError::Unauthorized), "{address}: {err}");
    }
    let mut mixed = payload(&[(10, 0.1), (5, f64::NAN)]);
    assert!(
        matches!(ingest(s, "hp-0001", &token, &mixed).await.unwrap_err(), IngestError::Invalid { ref field, .. } if field == "readings[1].value")
    );
    mixed.readings[1].value = 0.3;
    mixed.address = Some("hp-0009".into());
    assert!(
        matches!(ingest(s, "hp-0001", &token, &mixed).await.unwrap_err(), IngestError::Invalid { ref field, .. } if field == "address")
    );
    assert_eq!(Monitoring(s).count_readings(None).await.unwrap(), 0, "a payload with one bad reading is refused whole");
    // A rotated token replaces the old one.
    let sensor = Monitoring(s)
        .list_devices(&Scope::all(), None)
        .await
        .unwrap()
        .into_iter()
        .find(|d| d.kind == "sensor")
        .unwrap();
    let fresh = Monitoring(s).rotate_sensor_token(&Principal::system(), sensor.id).await.unwrap().token;
    assert!(matches!(
        ingest(s, "hp-0001", &token, &payload(&[(10, 0.1)])).await.unwrap_err(),
        IngestError::Unauthorized
    ));
    assert_eq!(ingest(s, "hp-0001", &fresh, &payload(&[(10, 0.1)])).await.unwrap().stored, 1);
}
on_both!(bad_ingest, bad_tokens_and_payloads_store_nothing, MODULES);

async fn a_loaded_rule_set_takes_effect_without_code(s: &TestStore) {
    let token = setup(s, "hp-0001").await;
    let (e, _) = engine(s);
    assert_eq!(e.rules().await.unwrap().id, "huoyan-default");
    // A stricter local rule: 低压 below 0.30 MPa.
    let text = huoyan_monitor::thresholds::SHIPPED
        .replace("value = 0.14", "value = 0.30")
        .replace("id = \"huoyan-default\"", "id = \"local\"");
    huoyan_monitor::thresholds::ThresholdRules::parse(&text).unwrap();
    Monitoring(s).load_threshold_rules(&Principal::system(), "test", &text).await.unwrap();
    assert_eq!(e.rules().await.unwrap().id, "local");
    huoyan_monitor::ingest::ingest(s, "hp-0001", &token, &payload(&[(10, 0.25)])).await.unwrap();
    e.catch_up().await.unwrap();
    assert_eq!(open_alarms(s, "low_pressure").await.len(), 1, "0.25 MPa is low under the loaded set");
    assert_eq!(s.audit_log(&Scope::all(), Some("threshold_rule_sets"), None, 10).await.unwrap().len(), 1);
}
on_both!(loaded_rules, a_loaded_rule_set_takes_effect_without_code, MODULES);

/// MQTT against the local Mosquitto (skipped with a notice when none listens on 1883).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reading_published_over_mqtt_becomes_a_low_pressure_alarm() {
    if tokio::time::timeout(Duration::from_secs(2), tokio::net::TcpStream::connect("127.0.0.1:1883"))
        .await
        .map(|r| r.is_err())
        .unwrap_or(true)
    {
        eprintln!("no MQTT broker on 127.0.0.1:1883: MQTT test skipped (start one with `mosquitto -d`)");
        return;
    }
    let s = common::sqlite_with(MODULES).await;
    let address = format!("mq-{}", std::process::id());
    let token = setup(&s, &address).await;
    let wake = Arc::new(tokio::sync::Notify::new());
    let (e, _) = engine(&s);
    let e = e.with_wake(wake.clone());
    let run = tokio::spawn(e.clone().run(std::future::pending()));
    let topic_root = format!("huoyan-test-{}", std::process::id());
    let config = huoyan_mqtt::MqttConfig {
        url: "mqtt://127.0.0.1:1883".into(),
        topic: format!("{topic_root}/{{address}}/readings"),
        client_id: format!("huoyan-test-{}", std::process::id()),
        keep_alive_secs: 5,
        ..Default::default()
    };
    let client = tokio::spawn(huoyan_mqtt::run(s.store.clone(), config, wake, std::future::pending()));
    // A device publishing: its own client.
    let mut opts = rumqttc::MqttOptions::new(format!("sensor-{address}"), "127.0.0.1", 1883);
    opts.set_keep_alive(Duration::from_secs(5));
    let (device, mut device_loop) = rumqttc::AsyncClient::new(opts, 10);
    tokio::spawn(async move { while device_loop.poll().await.is_ok() {} });
    let body = serde_json::json!({"token": token, "readings": [{"at": chrono::Utc::now().to_rfc3339(), "value": 0.1, "unit": "MPa"}]});
    let bad =
        serde_json::json!({"token": "wrong", "readings": [{"at": chrono::Utc::now().to_rfc3339(), "value": 0.05}]});
    // Publish until the subscriber is in (its subscription may lag the first publish).
    let deadline = tokio::time::Instant::now() + Duration::from_secs(15);
    loop {
        device
            .publish(format!("{topic_root}/{address}/readings"), rumqttc::QoS::AtLeastOnce, false, bad.to_string())
            .await
            .unwrap();
        device
            .publish(format!("{topic_root}/{address}/readings"), rumqttc::QoS::AtLeastOnce, false, body.to_string())
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_millis(500)).await;
        if !open_alarms(&s, "low_pressure").await.is_empty() || tokio::time::Instant::now() > deadline {
            break;
        }
    }
    let low = open_alarms(&s, "low_pressure").await;
    assert_eq!(low.len(), 1, "a 低压 alarm from the MQTT reading");
    assert_eq!(low[0].device_address, address);
    let readings = Monitoring(&s).readings_after(0, 100).await.unwrap();
    assert!(
        !readings.is_empty() && readings.iter().all(|r| r.value == 0.1),
        "only the authenticated readings were stored: {readings:?}"
    );
    client.abort();
    run.abort();
}

/// A sensor silent longer than `sensor_offline_secs` goes offline with a 离线 alarm (once); its
/// next reading brings it back online and resolves the alarm as recovered.
async fn a_silent_sensor_goes_offline_and_a_reading_recovers_it(s: &TestStore) {
    let token = setup(s, "hp-0001").await;
    let log = Arc::new(Mutex::new(Vec::new()));
    let seen = log.clone();
    let on_change: OnChange = Arc::new(move |c| seen.lock().unwrap().push((c.alarm.kind.clone(), c.change)));
    let e = Engine::new(s.store.clone(), MonitorConfig { sensor_offline_secs: 1, ..Default::default() }, on_change);
    huoyan_monitor::ingest::ingest(s, "hp-0001", &token, &payload(&[(30, 0.25)])).await.unwrap();
    e.catch_up().await.unwrap();
    assert!(Monitoring(s).authenticate_sensor("hp-0001", &token).await.unwrap().unwrap().online);
    assert_eq!(e.expire_sensors().await.unwrap(), 0, "heard from within the second");
    tokio::time::sleep(Duration::from_millis(1200)).await;
    assert_eq!(e.expire_sensors().await.unwrap(), 1);
    assert!(!Monitoring(s).authenticate_sensor("hp-0001", &token).await.unwrap().unwrap().online);
    let offline = open_alarms(s, "offline").await;
    assert_eq!((offline.len(), offline[0].device_address.as_str()), (1, "hp-0001"));
    assert_eq!(e.expire_sensors().await.unwrap(), 0, "offline once, not again every check");
    // The UITD (no frames, never online) is not the sensors' business.
    assert!(open_alarms(s, "offline").await.iter().all(|a| a.device_address != UITD));
    huoyan_monitor::ingest::ingest(s, "hp-0001", &token, &payload(&[(1, 0.26)])).await.unwrap();
    e.catch_up().await.unwrap();
    assert!(Monitoring(s).authenticate_sensor("hp-0001", &token).await.unwrap().unwrap().online);
    assert!(open_alarms(s, "offline").await.is_empty(), "the reading resolved the 离线 alarm");
    let changes = log.lock().unwrap().clone();
    assert_eq!(changes, [("offline".to_string(), "opened"), ("offline".to_string(), "resolved")]);
    // Off: never expires.
    let off = Engine::new(
        s.store.clone(),
        MonitorConfig { sensor_offline_secs: 0, ..Default::default() },
        Arc::new(|_: &huoyan_monitor::store::alarms::AlarmChange| {}),
    );
    tokio::time::sleep(Duration::from_millis(1200)).await;
    assert_eq!(off.expire_sensors().await.unwrap(), 0);
}
on_both!(sensor_offline, a_silent_sensor_goes_offline_and_a_reading_recovers_it, MODULES);

/// Silence rules as data: a measurement's limit applies with the default off, a sensor's own
/// rule overrides it, and a rule naming an unknown sensor is refused.
async fn silence_rules_set_each_sensors_limit(s: &TestStore) {
    use huoyan_monitor::thresholds::{SHIPPED, ThresholdRules};
    let sys = Principal::system();
    let token1 = setup(s, "hp-0001").await;
    let first = Monitoring(s).sensor_by_address("hp-0001").await.unwrap().unwrap();
    let token2 = Monitoring(s)
        .register_sensor(
            &sys,
            NewSensor {
                jurisdiction_id: first.jurisdiction_id,
                water_source_id: first.water_source_id,
                address: "hp-0002".into(),
                name: "H-1 水压（备用）".into(),
                measurement: "hydrant_pressure".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .token;
    let silence = |device: &str, secs: u64| {
        let device = if device.is_empty() { String::new() } else { format!("device = \"{device}\"\n") };
        format!(
            "\n[[silence]]\nmeasurement = \"hydrant_pressure\"\n{device}after_secs = {secs}\nsource = \"本地设定\"\n"
        )
    };
    // A rule naming a sensor nobody registered is refused, naming the rule.
    let bad = ThresholdRules::parse(&format!("{SHIPPED}{}", silence("hp-9999", 60))).unwrap();
    let err = bad.check_sensors(s).await.unwrap().unwrap_err().to_string();
    // The shipped set has one silence rule (smoke): this is the second.
    assert!(err.starts_with("silence rule 2 (hydrant_pressure): device \"hp-9999\""), "{err}");
    // Pressure sensors: 1 s; hp-0002: an hour. The engine's default is off.
    let text = format!("{SHIPPED}{}{}", silence("", 1), silence("hp-0002", 3600));
    let set = ThresholdRules::parse(&text).unwrap();
    set.check_sensors(s).await.unwrap().unwrap();
    Monitoring(s).load_threshold_rules(&sys, "test", &text).await.unwrap();
    let e = Engine::new(
        s.store.clone(),
        MonitorConfig { sensor_offline_secs: 0, ..Default::default() },
        Arc::new(|_: &huoyan_monitor::store::alarms::AlarmChange| {}),
    );
    for (address, token) in [("hp-0001", &token1), ("hp-0002", &token2)] {
        huoyan_monitor::ingest::ingest(s, address, token, &payload(&[(1, 0.3)])).await.unwrap();
    }
    e.catch_up().await.unwrap();
    assert_eq!(e.expire_sensors().await.unwrap(), 0, "both heard from within the second");
    tokio::time::sleep(Duration::from_millis(1200)).await;
    assert_eq!(e.expire_sensors().await.unwrap(), 1);
    assert!(!Monitoring(s).sensor_by_address("hp-0001").await.unwrap().unwrap().online, "its measurement's 1 s");
    assert!(Monitoring(s).sensor_by_address("hp-0002").await.unwrap().unwrap().online, "its own hour");
    let offline = open_alarms(s, "offline").await;
    assert_eq!(offline.iter().map(|a| a.device_address.as_str()).collect::<Vec<_>>(), ["hp-0001"]);
}
on_both!(silence_rules, silence_rules_set_each_sensors_limit, MODULES);
