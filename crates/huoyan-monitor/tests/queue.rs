//! The operator's queue on both backends (issue 14, defect 3): the priority order (unhandled 火警
//! first, overdue ones first among them, then other overdue alarms, then by level, then time),
//! batch handling (误报 / 测试 / 忽略 with one note, all or nothing, never 确认真实, audited per
//! alarm), the unhandled count going to zero, and a unit manager seeing only its unit's alarms
//! and devices.

use common::TestStore;
use huoyan_domain::account::Principal;
use huoyan_domain::*;
use huoyan_monitor::store::Monitoring;
use huoyan_monitor::store::alarms::{AlarmFilter, AlarmSort, Signal, priority_rank};
use huoyan_monitor::store::frames::NewDevice;
use huoyan_monitor::store::handling::{BatchHandling, MAX_BATCH};
use huoyan_store::testkit as common;
use huoyan_store::{Scope, StoreError, on_both};

const MODULES: &[&huoyan_store::migrate::Schema] = &[&huoyan_monitor::SCHEMA];

const MALL: &str = "00000000c001";
const SCHOOL: &str = "00000000c002";

struct World {
    west: jurisdiction::Jurisdiction,
    mall: i64,
}

/// The west township with two units, a UITD in each.
async fn world(s: &TestStore) -> World {
    let sys = Principal::system();
    let (_, west, _) = common::city_west_east(s).await;
    let mut units = Vec::new();
    for (name, address) in [("甲商场", MALL), ("乙学校", SCHOOL)] {
        let unit: Unit = serde_json::from_value(serde_json::json!({
            "name": name, "lon": 0.5, "lat": 0.5, "use_category": "mall"
        }))
        .unwrap();
        let unit = s.insert(&sys, unit).await.unwrap();
        units.push(unit.id);
        let d =
            NewDevice { jurisdiction_id: west.id, unit_id: Some(unit.id), address: address.into(), name: name.into() };
        Monitoring(s).register_device(&sys, d).await.unwrap();
    }
    World { west, mall: units[0] }
}

fn signal(address: &str, kind: &str, level: &str) -> Signal {
    Signal {
        device_address: address.into(),
        kind: kind.into(),
        level: level.into(),
        at: huoyan_store::now(),
        frame_id: None,
        summary: format!("{kind} 部件"),
        component: serde_json::json!({ "text": kind }),
        resolves: None,
    }
}

async fn file(s: &TestStore, address: &str, kind: &str, level: &str) -> i64 {
    Monitoring(s).apply_signals(&[signal(address, kind, level)], None).await.unwrap()[0].alarm.id
}

fn dispatcher(w: &World) -> Principal {
    Principal {
        user_id: 7,
        username: "值班员".into(),
        role: Role::Dispatcher,
        jurisdiction_id: w.west.id,
        jurisdiction_path: w.west.path.clone(),
        unit_id: None,
    }
}

async fn queue(s: &TestStore, scope: &Scope) -> Vec<i64> {
    let f = AlarmFilter { sort: AlarmSort::Priority, ..Default::default() };
    Monitoring(s).list_alarms(scope, &f).await.unwrap().items.iter().map(|a| a.id).collect()
}

async fn unhandled(s: &TestStore) -> i64 {
    Monitoring(s).unhandled_counts(&Scope::all(), None).await.unwrap().total
}

async fn overdue_fire_leads_the_queue(s: &TestStore) {
    let w = world(s).await;
    // An old fire, overdue (the engine's escalation), then newer faults, an info and a fresh fire.
    let old_fire = file(s, MALL, "fire", "fire").await;
    let far = (chrono::Utc::now() + chrono::Duration::hours(1)).to_rfc3339();
    assert_eq!(Monitoring(s).escalate_overdue("fire", &far).await.unwrap().len(), 1);
    let old_fault = file(s, SCHOOL, "fault", "warning").await;
    Monitoring(s).escalate_overdue("warning", &far).await.unwrap();
    let info = file(s, MALL, "started", "info").await;
    let fault = file(s, MALL, "fault", "warning").await;
    let fire = file(s, SCHOOL, "fire", "fire").await;
    let handled = file(s, SCHOOL, "supervise", "warning").await;
    let b = BatchHandling { ids: vec![handled], result: "test".into(), note: None };
    Monitoring(s).handle_alarms(&dispatcher(&w), &b).await.unwrap();
    assert_eq!(queue(s, &Scope::all()).await, [old_fire, fire, old_fault, fault, info, handled]);
    let c = Monitoring(s).unhandled_counts(&Scope::all(), None).await.unwrap();
    assert_eq!((c.fire, c.fault, c.other, c.escalated, c.total), (2, 2, 1, 2, 5));
    // The history stays newest first.
    let f = AlarmFilter::default();
    let time: Vec<i64> =
        Monitoring(s).list_alarms(&Scope::all(), &f).await.unwrap().items.iter().map(|a| a.id).collect();
    assert_eq!(time, [handled, fire, fault, info, old_fault, old_fire]);
    // The rank the console sorts live arrivals by is the same.
    assert!(priority_rank("escalated", "fire") < priority_rank("open", "fire"));
    assert!(priority_rank("open", "fire") < priority_rank("escalated", "warning"));
    assert!(priority_rank("open", "info") < priority_rank("handled", "fire"));
}
on_both!(priority, overdue_fire_leads_the_queue, MODULES);

async fn a_batch_is_all_or_nothing_and_never_real(s: &TestStore) {
    let w = world(s).await;
    let op = dispatcher(&w);
    let ids = [
        file(s, MALL, "fault", "warning").await,
        file(s, MALL, "fire", "fire").await,
        file(s, SCHOOL, "fault", "warning").await,
        file(s, SCHOOL, "fire", "fire").await,
    ];
    let c = Monitoring(s).unhandled_counts(&Scope::all(), None).await.unwrap();
    assert_eq!((c.fire, c.fault, c.other, c.escalated, c.total), (2, 2, 0, 0, 4));
    let c = Monitoring(s).unhandled_counts(&Scope::all(), Some(w.mall)).await.unwrap();
    assert_eq!((c.fire, c.fault, c.total), (1, 1, 2), "one unit's");
    // 确认真实 is one by one.
    let real = BatchHandling { ids: ids[..2].to_vec(), result: "real".into(), note: None };
    let err = Monitoring(s).handle_alarms(&op, &real).await.unwrap_err();
    assert!(err.to_string().contains("real_one_by_one") || format!("{err:?}").contains("real_one_by_one"), "{err:?}");
    for (bad, field) in [
        (BatchHandling { ids: vec![], result: "false".into(), note: None }, "ids"),
        (BatchHandling { ids: (1..=MAX_BATCH as i64 + 1).collect(), result: "false".into(), note: None }, "ids"),
        (BatchHandling { ids: vec![ids[0]], result: "maybe".into(), note: None }, "result"),
        (BatchHandling { ids: vec![ids[0]], result: "false".into(), note: Some("长".repeat(2001)) }, "note"),
    ] {
        match Monitoring(s).handle_alarms(&op, &bad).await.unwrap_err() {
            StoreError::Invalid(f) => assert_eq!(f[0].field, field, "{f:?}"),
            other => panic!("{other:?}"),
        }
    }
    // One already handled in the middle: nothing of the batch is written, the refusal names it.
    let single = huoyan_monitor::store::alarms::Handling { result: "test".into(), note: None };
    Monitoring(s).handle_alarm(&op, ids[2], &single).await.unwrap();
    let b = BatchHandling { ids: ids.to_vec(), result: "false".into(), note: Some("联动测试".into()) };
    match Monitoring(s).handle_alarms(&op, &b).await.unwrap_err() {
        StoreError::Conflict(r) => assert!(format!("{r:?}").contains("ids[2]"), "{r:?}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(unhandled(s).await, 3, "the batch wrote nothing");
    // An id that does not exist: not found, nothing written.
    let b = BatchHandling { ids: vec![ids[0], 999_999], result: "false".into(), note: None };
    assert!(matches!(Monitoring(s).handle_alarms(&op, &b).await.unwrap_err(), StoreError::NotFound { .. }));
    assert_eq!(unhandled(s).await, 3);
    // The rest at once, a repeated id counting once: the count reaches zero, each audited.
    let audit_before = s.audit_log(&Scope::all(), Some("alarms"), None, 100).await.unwrap().len();
    let b = BatchHandling {
        ids: vec![ids[0], ids[1], ids[3], ids[0]],
        result: "false".into(),
        note: Some(" 联动测试 ".into()),
    };
    let done = Monitoring(s).handle_alarms(&op, &b).await.unwrap();
    assert_eq!(done.iter().map(|(a, _)| a.id).collect::<Vec<_>>(), [ids[0], ids[1], ids[3]]);
    for (a, path) in &done {
        assert_eq!(
            (a.status.as_str(), a.result.as_deref(), a.note.as_deref(), a.handled_by.as_deref()),
            ("handled", Some("false"), Some("联动测试"), Some("值班员"))
        );
        assert_eq!(path, &w.west.path);
    }
    assert_eq!(unhandled(s).await, 0);
    let audit_after = s.audit_log(&Scope::all(), Some("alarms"), None, 100).await.unwrap().len();
    assert_eq!(audit_after - audit_before, 3, "one audit entry per alarm");
    // No webhook: nothing was confirmed real.
    assert_eq!(Monitoring(s).outbox_pending().await.unwrap(), 0);
}
on_both!(batch, a_batch_is_all_or_nothing_and_never_real, MODULES);

async fn a_unit_manager_sees_its_units_alarms_and_devices(s: &TestStore) {
    let w = world(s).await;
    let mine = file(s, MALL, "fault", "warning").await;
    let other = file(s, SCHOOL, "fire", "fire").await;
    let scope = Scope { path: w.west.path.clone(), unit_id: Some(w.mall) };
    assert_eq!(queue(s, &scope).await, [mine]);
    assert_eq!(Monitoring(s).get_alarm(&scope, mine).await.unwrap().unit_id, Some(w.mall));
    assert!(matches!(Monitoring(s).get_alarm(&scope, other).await.unwrap_err(), StoreError::NotFound { .. }));
    let devices = Monitoring(s).list_devices(&scope, None).await.unwrap();
    assert_eq!(devices.iter().map(|d| d.address.as_str()).collect::<Vec<_>>(), [MALL]);
    let k = Monitoring(s).monitoring_kpis(&scope, "2000-01-01T00:00:00.000Z").await.unwrap();
    assert_eq!((k.devices, k.open_by_kind.values().sum::<i64>()), (1, 1));
    let c = Monitoring(s).unhandled_counts(&scope, None).await.unwrap();
    assert_eq!((c.fire, c.fault, c.total), (0, 1, 1), "the other unit's fire is not counted");
    // It handles none, not even its own.
    let mgr = Principal { role: Role::UnitManager, unit_id: Some(w.mall), ..dispatcher(&w) };
    let b = BatchHandling { ids: vec![mine], result: "false".into(), note: None };
    assert!(matches!(Monitoring(s).handle_alarms(&mgr, &b).await.unwrap_err(), StoreError::Forbidden(_)));
}
on_both!(unit_manager, a_unit_manager_sees_its_units_alarms_and_devices, MODULES);
