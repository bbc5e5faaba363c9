//! The operator's alarm queue over HTTP: listing and filtering, handling (a confirmed fire becomes
//! an incident request and one webhook), bad input refused without writing, and the live stream
//! (`/api/v1/events/stream`) delivering an alarm filed from a stored frame, with `Last-Event-ID`
//! replay and jurisdiction scope, read over a real HTTP connection.

mod common;

use huoyan_monitor::store::Monitoring;
use std::time::Duration;

use huoyan_monitor::store::frames::NewFrame;
use reqwest::Method;
use serde_json::{Value, json};

async fn handle(f: &common::Fixture, id: impl std::fmt::Display, user: &str, body: Value) -> (u16, Value) {
    let r = f.req(Method::POST, &format!("/api/v1/alarms/{id}/handle"), Some(user)).json(&body).send().await.unwrap();
    let s = r.status().as_u16();
    (s, r.json().await.unwrap_or(Value::Null))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn list_filter_and_handle() {
    let f = common::start().await;
    let (s, all) = f.get_json("/api/v1/alarms?status=open,escalated", "dispatcher").await;
    assert_eq!(s, 200, "{all}");
    assert_eq!(all["total"], 2, "one open fire in each township: {all}");
    let (_, west) = f.get_json("/api/v1/alarms?device=00000000A001&kind=fire", "dispatcher").await;
    assert_eq!(west["items"].as_array().unwrap().len(), 1);
    assert_eq!(west["items"][0]["id"], f.west.ids["alarms"]);
    assert_eq!(west["items"][0]["detail"]["unit_name"], "西商场");
    let (_, none) = f.get_json("/api/v1/alarms?kind=fault", "dispatcher").await;
    assert_eq!(none["total"], 0);
    let (_, unit) = f.get_json(&format!("/api/v1/alarms?unit_id={}", f.east.ids["units"]), "dispatcher").await;
    assert_eq!(unit["items"][0]["id"], f.east.ids["alarms"]);
    // The east's inspector sees the east only.
    let (_, east) = f.get_json("/api/v1/alarms", "east_inspector").await;
    assert_eq!(
        east["items"].as_array().unwrap().iter().map(|a| a["id"].clone()).collect::<Vec<_>>(),
        vec![json!(f.east.ids["alarms"])]
    );
    let (s, _) = f.get_json(&format!("/api/v1/alarms/{}", f.west.ids["alarms"]), "east_inspector").await;
    assert_eq!(s, 404);

    // Handling: a real fire → handled, one webhook queued, an incident request pushed.
    let id = f.west.ids["alarms"];
    let (s, a) = handle(&f, id, "dispatcher", json!({"result": "real", "note": "视频复核有明火"})).await;
    assert_eq!(s, 200, "{a}");
    assert_eq!(
        (a["status"].as_str(), a["result"].as_str(), a["handled_by"].as_str()),
        (Some("handled"), Some("real"), Some("dispatcher"))
    );
    assert_eq!(Monitoring(&f.store).outbox_pending().await.unwrap(), 1);
    let (_, recent) = f.get_json("/api/v1/events/recent", "dispatcher").await;
    let kinds: Vec<&str> = recent.as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["alarm_update", "incident_request"], "{recent}");
    assert_eq!(recent[1]["data"]["alarm"]["id"], id);
    let (_, handled) = f.get_json("/api/v1/alarms?status=handled", "dispatcher").await;
    assert_eq!(handled["total"], 1);
    let (_, log) = f.get_json(&format!("/api/v1/audit?entity=alarms&entity_id={id}"), "admin").await;
    assert_eq!(log.as_array().unwrap().len(), 1, "{log}");
    assert_eq!(log[0]["action"], "handle");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_handling_is_refused_and_writes_nothing() {
    let f = common::start().await;
    let id = f.east.ids["alarms"];
    let before = f.fingerprint().await;
    let cases: Vec<(String, &str, Value, u16)> = vec![
        (id.to_string(), "dispatcher", json!({"result": "maybe"}), 422),
        (id.to_string(), "dispatcher", json!({"result": "recovered"}), 422),
        (id.to_string(), "dispatcher", json!({"result": "false", "note": "长".repeat(2001)}), 422),
        (id.to_string(), "dispatcher", json!({"result": "false", "by": "me"}), 422),
        (id.to_string(), "dispatcher", json!({"result": 3}), 422),
        (id.to_string(), "dispatcher", json!({}), 422),
        ("abc".into(), "dispatcher", json!({"result": "false"}), 400),
        ("-1".into(), "dispatcher", json!({"result": "false"}), 400),
        ("999999".into(), "dispatcher", json!({"result": "false"}), 404),
        (id.to_string(), "inspector", json!({"result": "false"}), 403),
        (id.to_string(), "township", json!({"result": "false"}), 403),
        (id.to_string(), "leader", json!({"result": "false"}), 403),
    ];
    for (path_id, user, body, want) in cases {
        let (s, v) = handle(&f, &path_id, user, body.clone()).await;
        assert_eq!(s, want, "{user} {path_id} {body} → {v}");
        assert!(v["message"].as_str().is_some_and(|m| !m.is_empty()), "a clear message: {v}");
    }
    let (s, v) = f
        .req(Method::POST, &format!("/api/v1/alarms/{id}/handle"), Some("dispatcher"))
        .header("content-type", "text/plain")
        .body("false")
        .send()
        .await
        .map(|r| (r.status().as_u16(), ()))
        .unwrap();
    assert_eq!(s, 415, "{v:?}");
    for q in ["status=closed", "kind=bogus", "device=zz", "since=yesterday", "limit=x", "colour=red"] {
        let (s, v) = f.get_json(&format!("/api/v1/alarms?{q}"), "dispatcher").await;
        assert_eq!(s, 400, "{q}: {v}");
    }
    assert_eq!(f.fingerprint().await.0, before.0, "nothing audited");
    assert_eq!(Monitoring(&f.store).outbox_pending().await.unwrap(), 0);
    let (_, a) = f.get_json(&format!("/api/v1/alarms/{id}"), "dispatcher").await;
    assert_eq!(a["status"], "open");
    // Handling twice: the second answer is a 409 naming who handled it.
    assert_eq!(handle(&f, id, "dispatcher", json!({"result": "test"})).await.0, 200);
    let (s, v) = handle(&f, id, "admin", json!({"result": "false"})).await;
    assert_eq!((s, v["error"].as_str()), (409, Some("conflict")), "{v}");
    assert!(v["message"].as_str().unwrap().contains("dispatcher"), "{v}");
    let (_, a) = f.get_json(&format!("/api/v1/alarms/{id}"), "dispatcher").await;
    assert_eq!(a["result"], "test");
}

/// The wire bytes of a component fault (GB/T 26875.3 type 2, state bit 2) of smoke detector 3回路7号
/// in 二层走廊, from the west UITD.
fn component_fault(serial: u16) -> Vec<u8> {
    use huoyan_gb26875::{Address, ComponentState, encode};
    let source = Address([0, 0, 0, 0, 0xa0, 0x01]);
    encode(&huoyan_simulator::frames::component_upload(source, serial, ComponentState(0x04), (3, 7), "二层走廊"))
}

/// A component fault (ADU type 2, 部件运行状态) from the west UITD, as the gateway stores it.
fn fault_frame(serial: u16) -> NewFrame {
    NewFrame {
        received_at: huoyan_store::now(),
        device_address: "00000000a001".into(),
        serial,
        command: 2,
        adu_type: Some(2),
        raw: component_fault(serial),
        quarantined: false,
    }
}

async fn stream(f: &common::Fixture, user: &str, last_event_id: Option<u64>) -> reqwest::Response {
    let mut r = f.req(Method::GET, "/api/v1/events/stream", Some(user));
    if let Some(id) = last_event_id {
        r = r.header("Last-Event-ID", id.to_string());
    }
    let resp = r.send().await.unwrap();
    assert_eq!(resp.status(), 200);
    assert!(resp.headers()["content-type"].to_str().unwrap().starts_with("text/event-stream"));
    resp
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_stream_delivers_an_alarm_filed_from_a_frame_and_replays_it() {
    let f = common::start().await;
    let engine = common::start_engine(&f);
    let wait = Duration::from_secs(10);
    let mut city = stream(&f, "dispatcher", None).await;
    let mut east = stream(&f, "east_inspector", None).await;
    let hello = common::read_events(&mut city, wait, |e, _| e == "hello").await;
    assert_eq!(hello.last().unwrap().1, "hello", "{hello:?}");
    common::read_events(&mut east, wait, |e, _| e == "hello").await;

    // A frame arrives (the gateway commits it and wakes the engine).
    Monitoring(&f.store).store_frames(&[fault_frame(1)]).await.unwrap();
    engine.wake();
    let got = common::read_events(&mut city, wait, |e, _| e == "alarm").await;
    let (id, kind, ev) = got.last().expect("an alarm event within 10 s");
    assert_eq!(kind, "alarm", "{got:?}");
    assert_eq!((ev["level"].as_str(), ev["unhandled"].as_bool()), (Some("warning"), Some(true)));
    assert_eq!(ev["data"]["kind"], "fault");
    assert_eq!(ev["data"]["change"], "opened");
    assert!(ev["title"].as_str().unwrap().contains("感烟火灾探测器 3回路7号"), "{ev}");
    assert!(ev["title"].as_str().unwrap().starts_with("故障 · 西商场"), "{ev}");
    let seq = id.expect("events carry their sequence number as the SSE id");
    let alarm_id = ev["data"]["id"].as_i64().unwrap();

    // A repeat merges: an alarm_update with count 2.
    Monitoring(&f.store).store_frames(&[fault_frame(2)]).await.unwrap();
    engine.wake();
    let got = common::read_events(&mut city, wait, |e, _| e == "alarm_update").await;
    let upd = &got.last().unwrap().2;
    assert_eq!(
        (upd["data"]["id"].as_i64(), upd["data"]["count"].as_i64(), upd["data"]["change"].as_str()),
        (Some(alarm_id), Some(2), Some("merged"))
    );

    // The east's inspector saw neither (only keep-alives, if anything).
    let seen = common::read_events(&mut east, Duration::from_millis(500), |_, _| false).await;
    assert!(seen.iter().all(|(_, e, _)| !e.starts_with("alarm")), "{seen:?}");

    // A console reconnecting with Last-Event-ID gets what it missed, then hello.
    let mut again = stream(&f, "dispatcher", Some(seq - 1)).await;
    let replay = common::read_events(&mut again, wait, |e, _| e == "hello").await;
    let ids: Vec<Option<u64>> = replay.iter().filter(|(_, e, _)| e != "hello").map(|(i, _, _)| *i).collect();
    assert_eq!(ids, vec![Some(seq), Some(seq + 1)], "{replay:?}");
    assert_eq!(replay.last().unwrap().2["last_seq"], seq + 1);
    // Up to date: nothing replayed.
    let mut current = stream(&f, "dispatcher", Some(seq + 1)).await;
    let replay = common::read_events(&mut current, wait, |e, _| e == "hello").await;
    assert_eq!(replay.iter().map(|(_, e, _)| e.as_str()).collect::<Vec<_>>(), ["hello"]);
    // An id of another start of the server (or of another node) cannot be answered from this
    // sequence: the console is told to reload, then hello.
    let r = f
        .req(Method::GET, "/api/v1/events/stream", Some("dispatcher"))
        .header("Last-Event-ID", format!("abc123-{}", seq - 1))
        .send()
        .await
        .unwrap();
    let mut elsewhere = r;
    let replay = common::read_events(&mut elsewhere, wait, |e, _| e == "hello").await;
    assert_eq!(replay.iter().map(|(_, e, _)| e.as_str()).collect::<Vec<_>>(), ["resync", "hello"], "{replay:?}");
    // A bad Last-Event-ID is a 400, not a silent full stream.
    let r = f
        .req(Method::GET, "/api/v1/events/stream", Some("dispatcher"))
        .header("Last-Event-ID", "abc")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    // And the filed alarm is in the queue, its frames recorded.
    let (_, a) = f.get_json(&format!("/api/v1/alarms/{alarm_id}"), "dispatcher").await;
    assert_eq!((a["count"].as_i64(), a["first_frame_id"].is_i64()), (Some(2), true), "{a}");
}

#[tokio::test]
async fn an_alarm_outside_the_callers_jurisdiction_is_not_found_when_handled() {
    let f = common::start().await;
    // A dispatcher of the west township only.
    let r = f
        .req(Method::POST, "/api/v1/users", Some("admin"))
        .json(&json!({"username": "west_dispatcher", "display_name": "西调度", "role": "dispatcher", "jurisdiction_id": f.west.jurisdiction.id, "password": common::PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let r = f
        .http
        .post(f.url("/api/v1/auth/login"))
        .json(&json!({"username": "west_dispatcher", "password": common::PASSWORD}))
        .send()
        .await
        .unwrap();
    let token = r.json::<Value>().await.unwrap()["token"].as_str().unwrap().to_string();
    let before = f.fingerprint().await;
    let answer = |id: i64| {
        f.http
            .post(f.url(&format!("/api/v1/alarms/{id}/handle")))
            .bearer_auth(&token)
            .json(&json!({"result": "false"}))
            .send()
    };
    let east = answer(f.east.ids["alarms"]).await.unwrap().status().as_u16();
    let missing = answer(999_999).await.unwrap().status().as_u16();
    assert_eq!((east, missing), (404, 404), "outside the scope answers as if it did not exist");
    assert_eq!(f.fingerprint().await.0, before.0, "nothing written");
}
