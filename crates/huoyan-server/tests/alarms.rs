//! The monitoring centre's API as the console's 监控中心 uses it: the operator's queue order
//! (unhandled first), the level filter, KPIs by kind with the mean time to handle, devices with
//! their units' names, and each stored frame with its one-line Chinese summary; the store queries
//! behind them on SQLite and (when `HUOYAN_TEST_PG_URL` is set) PostgreSQL.

mod common;

use huoyan_monitor::store::Monitoring;
use huoyan_monitor::store::alarms::Signal;
use huoyan_monitor::store::frames::NewFrame;
use reqwest::Method;
use serde_json::{Value, json};

fn ids(page: &Value) -> Vec<i64> {
    page["items"].as_array().unwrap().iter().map(|a| a["id"].as_i64().unwrap()).collect()
}

async fn handle(f: &common::Fixture, id: i64, result: &str) -> (u16, Value) {
    let r = f
        .req(Method::POST, &format!("/api/v1/alarms/{id}/handle"), Some("dispatcher"))
        .json(&json!({"result": result, "note": "接警员核实"}))
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.json().await.unwrap_or(Value::Null))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_queue_puts_unhandled_alarms_first_and_filters_by_level() {
    let f = common::start().await;
    let (west, east) = (f.west.ids["alarms"], f.east.ids["alarms"]);
    assert!(east > west);
    // The newer (east) fire is handled: newest-first keeps it on top, the queue moves it down.
    let (s, a) = handle(&f, east, "false").await;
    assert_eq!(s, 200, "{a}");
    assert_eq!(a["status"], "handled");
    let (s, page) = f.get_json("/api/v1/alarms", "dispatcher").await;
    assert_eq!(s, 200, "{page}");
    assert_eq!(ids(&page), [east, west]);
    let (_, page) = f.get_json("/api/v1/alarms?sort=queue", "dispatcher").await;
    assert_eq!(ids(&page), [west, east]);
    let (_, page) = f.get_json("/api/v1/alarms?sort=-id", "dispatcher").await;
    assert_eq!(ids(&page), [east, west]);

    // A fault of the west UITD: a warning-level alarm.
    let fault = Signal {
        device_address: "00000000a001".into(),
        kind: "fault".into(),
        level: "warning".into(),
        at: huoyan_store::now(),
        frame_id: None,
        summary: "火灾报警系统1号 · 总线故障".into(),
        component: json!({"text": "总线"}),
        resolves: None,
    };
    let changes = Monitoring(&f.store).apply_signals(&[fault], None).await.unwrap();
    let fault_id = changes[0].alarm.id;
    let (_, page) = f.get_json("/api/v1/alarms?level=warning", "dispatcher").await;
    assert_eq!(ids(&page), [fault_id]);
    assert_eq!(page["total"], 1);
    let (_, page) = f.get_json("/api/v1/alarms?level=fire&sort=queue", "dispatcher").await;
    assert_eq!(ids(&page), [west, east]);
    // The queue puts an unhandled 火警 before a newer fault (issue 14, defect 3).
    let (_, page) =
        f.get_json("/api/v1/alarms?level=fire,warning&sort=queue&status=open,escalated", "dispatcher").await;
    assert_eq!(ids(&page), [west, fault_id]);
    let (_, page) = f.get_json("/api/v1/alarms?sort=priority", "dispatcher").await;
    assert_eq!(ids(&page), [west, fault_id, east]);
    let (_, page) = f.get_json("/api/v1/alarms?sort=time", "dispatcher").await;
    assert_eq!(ids(&page), [fault_id, east, west]);
    let (_, page) = f.get_json("/api/v1/alarms?level=info", "dispatcher").await;
    assert_eq!(page["total"], 0);
    for bad in ["level=red", "level=fire,,x", "sort=queue,-id", "sort=name"] {
        let (s, e) = f.get_json(&format!("/api/v1/alarms?{bad}"), "dispatcher").await;
        assert_eq!(s, 400, "{bad}: {e}");
        assert!(e["message"].as_str().unwrap().contains(bad.split('=').next().unwrap()), "{bad}: {e}");
    }
}

/// `POST /alarms/handle`: many alarms with one result and note, all or nothing, never `real`, only
/// for those who may handle alarms; the unhandled count goes to zero (issue 14, defect 3).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_batch_handles_many_alarms_at_once() {
    let f = common::start().await;
    let (west, east) = (f.west.ids["alarms"], f.east.ids["alarms"]);
    let batch = |who: &'static str, body: Value| {
        let r = f.req(Method::POST, "/api/v1/alarms/handle", Some(who)).json(&body);
        async move {
            let r = r.send().await.unwrap();
            (r.status().as_u16(), r.json::<Value>().await.unwrap_or(Value::Null))
        }
    };
    let unhandled = || async {
        let (s, c) = f.get_json("/api/v1/alarms/counts", "dispatcher").await;
        assert_eq!(s, 200, "{c}");
        c["total"].as_i64().unwrap()
    };
    assert_eq!(unhandled().await, 2);
    let (_, c) = f.get_json("/api/v1/alarms/counts", "dispatcher").await;
    assert_eq!((c["fire"].as_i64(), c["fault"].as_i64(), c["other"].as_i64()), (Some(2), Some(0), Some(0)), "{c}");
    // The unit manager's count is its unit's fire (the west one).
    let (s, c) = f.get_json("/api/v1/alarms/counts", "unitmgr").await;
    assert_eq!((s, c["fire"].as_i64()), (200, Some(1)), "{c}");
    let (s, e) = batch("dispatcher", json!({"ids": [west, east], "result": "real"})).await;
    assert_eq!((s, e["fields"][0]["code"].as_str()), (422, Some("real_one_by_one")), "{e}");
    let (s, e) = batch("dispatcher", json!({"ids": [], "result": "false"})).await;
    assert_eq!(s, 422, "{e}");
    let (s, e) = batch("dispatcher", json!({"ids": (1..=101).collect::<Vec<i64>>(), "result": "false"})).await;
    assert_eq!((s, e["fields"][0]["code"].as_str()), (422, Some("too_many")), "{e}");
    // A unit manager sees its alarms but handles none; a leader handles none.
    for who in ["unitmgr", "leader"] {
        let (s, e) = batch(who, json!({"ids": [west], "result": "false"})).await;
        assert_eq!(s, 403, "{who}: {e}");
    }
    // The west's operator cannot reach the east alarm: nothing is written.
    let (s, e) = batch("township", json!({"ids": [west, east], "result": "false"})).await;
    assert!([403, 404].contains(&s), "{e}");
    assert_eq!(unhandled().await, 2);
    let (s, done) = batch("dispatcher", json!({"ids": [west, east], "result": "false", "note": "联动测试"})).await;
    assert_eq!(s, 200, "{done}");
    let done = done.as_array().unwrap();
    assert_eq!(
        done.iter().map(|a| (a["id"].as_i64().unwrap(), a["result"].as_str().unwrap())).collect::<Vec<_>>(),
        [(west, "false"), (east, "false")]
    );
    assert!(done.iter().all(|a| a["note"] == "联动测试" && a["status"] == "handled"));
    assert_eq!(unhandled().await, 0);
    // Again: both already handled, 409 naming the first.
    let (s, e) = batch("dispatcher", json!({"ids": [west, east], "result": "test"})).await;
    assert_eq!((s, e["fields"][0]["field"].as_str()), (409, Some("ids[0]")), "{e}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kpis_count_alarms_by_kind_and_the_mean_time_to_handle() {
    let f = common::start().await;
    let (s, k) = f.get_json("/api/v1/alarms/kpis", "leader").await;
    assert_eq!(s, 200, "{k}");
    assert_eq!(k["by_kind"], json!({"fire": 2}));
    assert_eq!(k["open_by_kind"], json!({"fire": 2}));
    assert_eq!(k["handle_mean_s"], Value::Null, "nothing handled yet");
    let mut took = Vec::new();
    for (id, result) in [(f.west.ids["alarms"], "real"), (f.east.ids["alarms"], "false")] {
        let (s, a) = handle(&f, id, result).await;
        assert_eq!(s, 200, "{a}");
        let at = |k: &str| chrono::DateTime::parse_from_rfc3339(a[k].as_str().unwrap()).unwrap();
        took.push((at("handled_at") - at("first_at")).num_milliseconds() as f64 / 1000.0);
    }
    let (_, k) = f.get_json("/api/v1/alarms/kpis", "leader").await;
    assert_eq!(k["by_kind"], json!({"fire": 2}), "handled alarms still count in the period");
    assert_eq!(k["open_by_kind"], json!({}));
    assert_eq!(k["false_alarm_rate"], 0.5);
    let mean = k["handle_mean_s"].as_f64().unwrap();
    assert!((mean - (took[0] + took[1]) / 2.0).abs() < 0.002, "mean of {took:?}: {k}");
    // A period starting later leaves them out.
    let later = (chrono::Utc::now() + chrono::Duration::hours(1)).to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let (_, k) = f.get_json(&format!("/api/v1/alarms/kpis?since={}", later.replace('+', "%2B")), "leader").await;
    assert_eq!(k["by_kind"], json!({}));
    assert_eq!(k["handle_mean_s"], Value::Null);
    // The console's terms: kinds with levels, results with the term for a fire.
    let (_, t) = f.get_json("/api/v1/terms", "dispatcher").await;
    let fire = t["alarm_kind"].as_array().unwrap().iter().find(|k| k["code"] == "fire").unwrap().clone();
    assert_eq!(fire, json!({"code": "fire", "zh": "火警", "level": "fire"}));
    let offline = t["alarm_kind"].as_array().unwrap().iter().find(|k| k["code"] == "offline").unwrap().clone();
    assert_eq!((offline["zh"].as_str(), offline["level"].as_str()), (Some("离线"), Some("warning")));
    let real = t["alarm_result"].as_array().unwrap().iter().find(|k| k["code"] == "real").unwrap().clone();
    assert_eq!(real, json!({"code": "real", "zh": "确认属实", "zh_fire": "确认真实火警"}));
    // A township officer sees no alarms.
    assert_eq!(f.get_json("/api/v1/alarms/kpis", "township").await.0, 403);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn devices_carry_their_units_names_and_frames_a_summary() {
    let f = common::start().await;
    let (s, list) = f.get_json("/api/v1/devices", "dispatcher").await;
    assert_eq!(s, 200, "{list}");
    // Each township has a UITD and a hydrant pressure sensor at its mall.
    let list = list.as_array().unwrap();
    assert_eq!(list.iter().filter(|d| d["kind"] == "uitd").count(), 2, "{list:?}");
    assert_eq!(list.len(), 4, "{list:?}");
    let west = list.iter().find(|d| d["address"] == "00000000a001").unwrap();
    assert_eq!(west["unit_name"], "西商场");
    assert_eq!(west["unit_id"], f.west.ids["units"]);
    assert_eq!(west["online"], false);
    // The east inspector sees only the east device.
    let (_, list) = f.get_json("/api/v1/devices", "east_inspector").await;
    let east = list.as_array().unwrap();
    assert!(!east.is_empty() && east.iter().all(|d| d["jurisdiction_id"] == f.east.jurisdiction.id), "{east:?}");
    let uitds: Vec<&str> =
        east.iter().filter(|d| d["kind"] == "uitd").map(|d| d["unit_name"].as_str().unwrap()).collect();
    assert_eq!(uitds, ["东商场"]);

    // A stored UITD mains failure (GB/T 26875.3 type 21, bit 3) reads as one line.
    let raw = {
        use huoyan_gb26875::*;
        let time = TimeTag::from_unix(1_764_000_000, 8 * 3600);
        encode(&Frame {
            serial: 1,
            version: Version::default(),
            time,
            source: Address([0, 0, 0, 0, 0xa0, 0x01]),
            destination: Address([0; 6]),
            command: Command::SendData,
            adu: Some(Adu::UitdState(vec![UitdStateObject { state: UitdState(9), time }])),
        })
    };
    let frame = NewFrame {
        received_at: huoyan_store::now(),
        device_address: "00000000a001".into(),
        serial: 1,
        command: 2,
        adu_type: Some(21),
        raw: raw.clone(),
        quarantined: false,
    };
    Monitoring(&f.store).store_frames(&[frame]).await.unwrap();
    let id = west["id"].as_i64().unwrap();
    let (s, frames) = f.get_json(&format!("/api/v1/devices/{id}/frames"), "dispatcher").await;
    assert_eq!(s, 200, "{frames}");
    let frames = frames.as_array().unwrap();
    assert_eq!(frames.len(), 1);
    assert_eq!(frames[0]["summary"], "发送数据 · 上传用户信息传输装置运行状态 · 用户信息传输装置：主电故障");
    assert_eq!(frames[0]["raw"], hex::encode(&raw));
    assert_eq!(
        frames[0]["decoded"]["adu"]["objects"][0]["state"]["main_power_fault"], true,
        "decoded from the wire bytes"
    );
    assert_eq!(frames[0]["decoded"]["adu"]["type"]["code"], 21);
    assert_eq!(frames[0]["serial"], 1);
    // Another jurisdiction's device is not found.
    assert_eq!(f.get_json(&format!("/api/v1/devices/{id}/frames"), "east_inspector").await.0, 404);
}

/// The store queries behind the queue, the KPIs and the device list, on any backend.
async fn story(store: &huoyan_store::Store) {
    use huoyan_domain::account::Principal;
    use huoyan_domain::jurisdiction::Jurisdiction;
    use huoyan_domain::{JurisdictionLevel, Unit};
    use huoyan_monitor::store::alarms::{AlarmFilter, Handling};
    use huoyan_store::Scope;

    let sys = Principal::system();
    let square = geojson::Geometry::new(geojson::Value::Polygon(vec![vec![
        vec![0.0, 0.0],
        vec![1.0, 0.0],
        vec![1.0, 1.0],
        vec![0.0, 1.0],
        vec![0.0, 0.0],
    ]]));
    let city = Jurisdiction {
        id: 0,
        parent_id: None,
        level: JurisdictionLevel::City,
        name: "市".into(),
        code: None,
        boundary: Some(square),
        path: String::new(),
    };
    let city = store.create_jurisdiction(&sys, city).await.unwrap();
    let unit: Unit =
        serde_json::from_value(json!({"name": "甲商场", "lon": 0.5, "lat": 0.5, "use_category": "mall"})).unwrap();
    let unit = store.insert(&sys, unit).await.unwrap();
    let nd = huoyan_monitor::store::frames::NewDevice {
        jurisdiction_id: city.id,
        unit_id: Some(unit.id),
        address: "0000000000a1".into(),
        name: "甲装置".into(),
    };
    Monitoring(store).register_device(&sys, nd).await.unwrap();
    let signal = |kind: &str, level: &str| Signal {
        device_address: "0000000000a1".into(),
        kind: kind.into(),
        level: level.into(),
        at: huoyan_store::now(),
        frame_id: None,
        summary: format!("{kind} 部件"),
        component: json!({"text": kind}),
        resolves: None,
    };
    let fire = Monitoring(store).apply_signals(&[signal("fire", "fire")], None).await.unwrap()[0].alarm.id;
    let fault = Monitoring(store).apply_signals(&[signal("fault", "warning")], None).await.unwrap()[0].alarm.id;
    Monitoring(store).handle_alarm(&sys, fault, &Handling { result: "ignored".into(), note: None }).await.unwrap();
    let list = |f: AlarmFilter| async move {
        Monitoring(store).list_alarms(&Scope::all(), &f).await.unwrap().items.iter().map(|a| a.id).collect::<Vec<_>>()
    };
    assert_eq!(list(AlarmFilter::default()).await, [fault, fire]);
    assert_eq!(
        list(AlarmFilter { sort: huoyan_monitor::store::alarms::AlarmSort::Priority, ..Default::default() }).await,
        [fire, fault]
    );
    assert_eq!(
        list(AlarmFilter { levels: vec!["warning".into(), "info".into()], ..Default::default() }).await,
        [fault]
    );
    let k = Monitoring(store).monitoring_kpis(&Scope::all(), "2000-01-01T00:00:00.000Z").await.unwrap();
    assert_eq!(k.by_kind, [("fault".to_string(), 1), ("fire".to_string(), 1)].into());
    assert_eq!(k.open_by_kind, [("fire".to_string(), 1)].into());
    assert_eq!(k.handle_mean_s, None, "only a fault was handled");
    let names = Monitoring(store).unit_names(&[unit.id, unit.id + 1000]).await.unwrap();
    assert_eq!(names, [(unit.id, "甲商场".to_string())].into());
    assert!(Monitoring(store).unit_names(&[]).await.unwrap().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn store_queue_and_kpis_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let store = huoyan_server::open_store_dir(dir.path()).await.unwrap();
    story(&store).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn store_queue_and_kpis_on_postgres() {
    let Some(pg) = common::postgres("huoyan_alarms").await else { return };
    story(&pg.store).await;
    pg.drop().await;
}
