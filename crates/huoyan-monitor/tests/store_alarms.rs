//! The alarm pipeline's storage on both backends: merging per device and kind, handling (audited,
//! clearing the merge key, a confirmed fire queueing exactly one webhook), automatic resolution,
//! the engine's cursor filed in the same transaction, and jurisdiction scope.

use common::TestStore;
use huoyan_domain::account::Principal;
use huoyan_domain::jurisdiction::Jurisdiction;
use huoyan_domain::*;
use huoyan_monitor::store::Monitoring;
use huoyan_monitor::store::alarms::{AlarmFilter, Handling, Signal};
use huoyan_monitor::store::frames::NewDevice;
use huoyan_store::on_both;
use huoyan_store::testkit as common;
use huoyan_store::{Scope, StoreError};

/// The tables these tests need: the kernel's (always) and the monitoring module's.
const MODULES: &[&huoyan_store::migrate::Schema] = &[&huoyan_monitor::SCHEMA];

/// A city, its west and east townships, one UITD in each.
struct World {
    west: Jurisdiction,
    east: Jurisdiction,
}

const WEST: &str = "00000000a001";
const EAST: &str = "00000000b001";

async fn world(s: &TestStore) -> World {
    let sys = Principal::system();
    let (_, west, east) = common::city_west_east(s).await;
    for (j, address) in [(&west, WEST), (&east, EAST)] {
        Monitoring(s)
            .register_device(
                &sys,
                NewDevice {
                    jurisdiction_id: j.id,
                    unit_id: None,
                    address: address.into(),
                    name: format!("{} 传输装置", j.name),
                },
            )
            .await
            .unwrap();
    }
    World { west, east }
}

fn signal(address: &str, kind: &str, component: &str) -> Signal {
    Signal {
        device_address: address.into(),
        kind: kind.into(),
        level: if kind == "fire" { "fire".into() } else { "warning".into() },
        at: huoyan_store::now(),
        frame_id: None,
        summary: format!("{kind} · {component}"),
        component: serde_json::json!({ "text": component }),
        resolves: None,
    }
}

fn operator(j: &Jurisdiction, role: Role) -> Principal {
    Principal {
        user_id: 7,
        username: format!("op-{}", j.id),
        role,
        jurisdiction_id: j.id,
        jurisdiction_path: j.path.clone(),
        unit_id: None,
    }
}

fn handling(result: &str) -> Handling {
    Handling { result: result.into(), note: Some("现场核实".into()) }
}

async fn open_of(s: &TestStore, address: &str, kind: &str) -> Vec<huoyan_monitor::store::alarms::Alarm> {
    let f = AlarmFilter {
        device_address: Some(address.into()),
        kind: Some(kind.into()),
        status: vec!["open".into(), "escalated".into()],
        ..Default::default()
    };
    Monitoring(s).list_alarms(&Scope::all(), &f).await.unwrap().items
}

async fn signals_merge_per_device_and_kind(s: &TestStore) {
    world(s).await;
    let first = Monitoring(s).apply_signals(&[signal(WEST, "fire", "1回路1号")], None).await.unwrap();
    assert_eq!((first.len(), first[0].change, first[0].alarm.count), (1, "opened", 1));
    // A storm from one panel: three more fire signals, one of them a repeat of the same component.
    let batch = [signal(WEST, "fire", "1回路2号"), signal(WEST, "fire", "1回路1号"), signal(WEST, "fire", "1回路3号")];
    let merged = Monitoring(s).apply_signals(&batch, None).await.unwrap();
    assert_eq!(merged.len(), 1, "an alarm changed three times is reported once: {merged:?}");
    assert_eq!((merged[0].change, merged[0].alarm.id, merged[0].alarm.count), ("merged", first[0].alarm.id, 4));
    let comps = merged[0].alarm.detail["components"].as_array().unwrap();
    assert_eq!(comps.len(), 3, "the repeated component is listed once: {comps:?}");
    // Another kind of the same device, and the same kind of another device, are other alarms.
    let other = Monitoring(s)
        .apply_signals(&[signal(WEST, "fault", "回路故障"), signal(EAST, "fire", "2回路1号")], None)
        .await
        .unwrap();
    assert_eq!(other.iter().map(|c| c.change).collect::<Vec<_>>(), ["opened", "opened"]);
    assert!(other.iter().all(|c| c.alarm.id != first[0].alarm.id));
    assert_eq!(open_of(s, WEST, "fire").await.len(), 1);
    assert_eq!(Monitoring(s).list_alarms(&Scope::all(), &AlarmFilter::default()).await.unwrap().total, 3);
    // Signals of an unregistered device are skipped, not filed under some other device.
    assert!(Monitoring(s).apply_signals(&[signal("0000000000ff", "fire", "x")], None).await.unwrap().is_empty());
    assert_eq!(Monitoring(s).list_alarms(&Scope::all(), &AlarmFilter::default()).await.unwrap().total, 3);
}
on_both!(merging, signals_merge_per_device_and_kind, MODULES);

async fn handling_clears_the_merge_key_and_is_audited(s: &TestStore) {
    let w = world(s).await;
    let a = Monitoring(s).apply_signals(&[signal(WEST, "fault", "主板故障")], None).await.unwrap().remove(0).alarm;
    let op = operator(&w.west, Role::Dispatcher);
    let (handled, path) = Monitoring(s).handle_alarm(&op, a.id, &handling("false")).await.unwrap();
    assert_eq!(path, w.west.path);
    assert_eq!(
        (handled.status.as_str(), handled.result.as_deref(), handled.handled_by.as_deref()),
        ("handled", Some("false"), Some(op.username.as_str()))
    );
    assert_eq!(handled.note.as_deref(), Some("现场核实"));
    assert!(open_of(s, WEST, "fault").await.is_empty());
    // The same fault again is a new alarm, not a merge into the handled one.
    let again = Monitoring(s).apply_signals(&[signal(WEST, "fault", "主板故障")], None).await.unwrap();
    assert_eq!(again[0].change, "opened");
    assert_ne!(again[0].alarm.id, a.id);
    assert_eq!(again[0].alarm.count, 1);
    assert_eq!(
        Monitoring(s).get_alarm(&Scope::all(), a.id).await.unwrap().count,
        1,
        "the handled alarm is left as it was"
    );
    // Audited with before and after.
    let log = s.audit_log(&Scope::all(), Some("alarms"), Some(a.id), 10).await.unwrap();
    assert_eq!(log.len(), 1, "{log:?}");
    assert_eq!((log[0].action.as_str(), log[0].username.as_str()), ("handle", op.username.as_str()));
    assert_eq!(log[0].before.as_ref().unwrap()["status"], "open");
    assert_eq!(log[0].after.as_ref().unwrap()["result"], "false");
    // Handling twice is a conflict naming who did it, and changes nothing.
    let err = Monitoring(s).handle_alarm(&op, a.id, &handling("real")).await.unwrap_err();
    assert!(matches!(err, StoreError::Conflict(ref m) if m.contains(&op.username)), "{err}");
    assert_eq!(Monitoring(s).get_alarm(&Scope::all(), a.id).await.unwrap().result.as_deref(), Some("false"));
    assert_eq!(s.audit_log(&Scope::all(), Some("alarms"), Some(a.id), 10).await.unwrap().len(), 1);
    // Bad input is refused before anything is written.
    let fresh = again[0].alarm.id;
    for h in
        [handling("maybe"), Handling { result: "real".into(), note: Some("长".repeat(2001)) }, handling("recovered")]
    {
        let err = Monitoring(s).handle_alarm(&op, fresh, &h).await.unwrap_err();
        assert!(matches!(err, StoreError::Invalid(_)), "{h:?}: {err}");
    }
    assert!(matches!(
        Monitoring(s).handle_alarm(&op, 999_999, &handling("false")).await.unwrap_err(),
        StoreError::NotFound { .. }
    ));
    assert_eq!(Monitoring(s).get_alarm(&Scope::all(), fresh).await.unwrap().status, "open");
    assert!(s.audit_log(&Scope::all(), Some("alarms"), Some(fresh), 10).await.unwrap().is_empty());
}
on_both!(handling, handling_clears_the_merge_key_and_is_audited, MODULES);

async fn a_resolving_signal_closes_with_recovered(s: &TestStore) {
    world(s).await;
    let mut offline = signal(WEST, "offline", "离线");
    offline.component = serde_json::Value::Null;
    let opened = Monitoring(s).apply_signals(&[offline.clone(), offline.clone()], None).await.unwrap();
    assert_eq!((opened[0].change, opened[0].alarm.count), ("opened", 2));
    let mut back = offline.clone();
    back.resolves = Some("recovered".into());
    let resolved = Monitoring(s).apply_signals(&[back.clone()], None).await.unwrap();
    assert_eq!(resolved.len(), 1);
    let a = &resolved[0].alarm;
    assert_eq!(
        (resolved[0].change, a.status.as_str(), a.result.as_deref(), a.handled_by.as_deref()),
        ("resolved", "handled", Some("recovered"), Some("system"))
    );
    assert!(open_of(s, WEST, "offline").await.is_empty());
    // Nothing open: a resolving signal does nothing (and opens nothing).
    assert!(Monitoring(s).apply_signals(&[back], None).await.unwrap().is_empty());
    assert_eq!(Monitoring(s).list_alarms(&Scope::all(), &AlarmFilter::default()).await.unwrap().total, 1);
    // It only resolves its own kind.
    Monitoring(s).apply_signals(&[signal(WEST, "fault", "x")], None).await.unwrap();
    let mut other = offline;
    other.resolves = Some("recovered".into());
    assert!(Monitoring(s).apply_signals(&[other], None).await.unwrap().is_empty());
    assert_eq!(open_of(s, WEST, "fault").await.len(), 1);
}
on_both!(resolving, a_resolving_signal_closes_with_recovered, MODULES);

async fn the_cursor_moves_with_the_alarms(s: &TestStore) {
    world(s).await;
    assert_eq!(Monitoring(s).cursor("alarms").await.unwrap(), 0);
    let mut a = signal(WEST, "fire", "1回路1号");
    a.frame_id = Some(41);
    let mut b = signal(WEST, "fire", "1回路2号");
    b.frame_id = Some(42);
    let c = Monitoring(s).apply_signals(&[a, b], Some(("alarms", 42))).await.unwrap();
    assert_eq!(Monitoring(s).cursor("alarms").await.unwrap(), 42);
    assert_eq!((c[0].alarm.first_frame_id, c[0].alarm.last_frame_id, c[0].alarm.count), (Some(41), Some(42), 2));
    // An empty batch still moves the cursor (frames that made no signal).
    Monitoring(s).apply_signals(&[], Some(("alarms", 50))).await.unwrap();
    assert_eq!(Monitoring(s).cursor("alarms").await.unwrap(), 50);
    // Cursors are independent by name.
    Monitoring(s).set_cursor("readings", 3).await.unwrap();
    assert_eq!(
        (Monitoring(s).cursor("alarms").await.unwrap(), Monitoring(s).cursor("readings").await.unwrap()),
        (50, 3)
    );
    assert_eq!(open_of(s, WEST, "fire").await[0].count, 2);
}
on_both!(cursor, the_cursor_moves_with_the_alarms, MODULES);

async fn a_confirmed_fire_queues_one_webhook(s: &TestStore) {
    let w = world(s).await;
    let op = operator(&w.west, Role::Dispatcher);
    assert_eq!(Monitoring(s).outbox_pending().await.unwrap(), 0);
    // A fault confirmed as real, or a fire found false, sends nothing.
    let fault = Monitoring(s).apply_signals(&[signal(WEST, "fault", "x")], None).await.unwrap().remove(0).alarm;
    Monitoring(s).handle_alarm(&op, fault.id, &handling("real")).await.unwrap();
    let false_fire =
        Monitoring(s).apply_signals(&[signal(WEST, "fire", "误报点")], None).await.unwrap().remove(0).alarm;
    Monitoring(s).handle_alarm(&op, false_fire.id, &handling("false")).await.unwrap();
    assert_eq!(Monitoring(s).outbox_pending().await.unwrap(), 0);
    // A real fire: exactly one entry, also after a second (refused) attempt.
    let fire = Monitoring(s).apply_signals(&[signal(WEST, "fire", "3层东")], None).await.unwrap().remove(0).alarm;
    Monitoring(s).handle_alarm(&op, fire.id, &handling("real")).await.unwrap();
    assert!(Monitoring(s).handle_alarm(&op, fire.id, &handling("real")).await.is_err());
    assert_eq!(Monitoring(s).outbox_pending().await.unwrap(), 1);
    let due = Monitoring(s).outbox_due(10).await.unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].event, "fire_confirmed");
    assert_eq!(due[0].payload["alarm"]["id"], fire.id);
    assert_eq!(due[0].payload["confirmed_by"], op.username.as_str());
    // A failed delivery stays pending and is not due before its retry time; a delivery clears it.
    let later = (chrono::Utc::now() + chrono::Duration::seconds(60)).to_rfc3339();
    Monitoring(s).outbox_result(due[0].id, Some("HTTP 502"), &later).await.unwrap();
    assert!(Monitoring(s).outbox_due(10).await.unwrap().is_empty());
    assert_eq!(Monitoring(s).outbox_pending().await.unwrap(), 1);
    Monitoring(s).outbox_result(due[0].id, None, &later).await.unwrap();
    assert_eq!(Monitoring(s).outbox_pending().await.unwrap(), 0);
}
on_both!(webhook, a_confirmed_fire_queues_one_webhook, MODULES);

async fn scope_confines_seeing_and_handling(s: &TestStore) {
    let w = world(s).await;
    let west_alarm = Monitoring(s).apply_signals(&[signal(WEST, "fire", "西")], None).await.unwrap().remove(0).alarm;
    let east_alarm = Monitoring(s).apply_signals(&[signal(EAST, "fire", "东")], None).await.unwrap().remove(0).alarm;
    let east_op = operator(&w.east, Role::Dispatcher);
    let east_scope = Scope::from(&east_op);
    let seen = Monitoring(s).list_alarms(&east_scope, &AlarmFilter::default()).await.unwrap();
    assert_eq!(seen.items.iter().map(|a| a.id).collect::<Vec<_>>(), vec![east_alarm.id]);
    assert_eq!(seen.total, 1);
    assert!(matches!(
        Monitoring(s).get_alarm(&east_scope, west_alarm.id).await.unwrap_err(),
        StoreError::NotFound { .. }
    ));
    let err = Monitoring(s).handle_alarm(&east_op, west_alarm.id, &handling("false")).await.unwrap_err();
    assert!(matches!(err, StoreError::Forbidden(_) | StoreError::NotFound { .. }), "{err}");
    // A unit manager sees only its unit's alarms (these devices belong to no unit) and handles none.
    let mut mgr = operator(&w.west, Role::UnitManager);
    mgr.unit_id = Some(1);
    assert_eq!(Monitoring(s).list_alarms(&Scope::from(&mgr), &AlarmFilter::default()).await.unwrap().total, 0);
    assert!(matches!(
        Monitoring(s).get_alarm(&Scope::from(&mgr), west_alarm.id).await.unwrap_err(),
        StoreError::NotFound { .. }
    ));
    assert!(matches!(
        Monitoring(s).handle_alarm(&mgr, west_alarm.id, &handling("false")).await.unwrap_err(),
        StoreError::Forbidden(_)
    ));
    // Nothing was written by the refused attempts.
    assert_eq!(Monitoring(s).get_alarm(&Scope::all(), west_alarm.id).await.unwrap().status, "open");
    assert!(s.audit_log(&Scope::all(), Some("alarms"), None, 10).await.unwrap().is_empty());
    // The west's own operator can.
    Monitoring(s).handle_alarm(&operator(&w.west, Role::Dispatcher), west_alarm.id, &handling("test")).await.unwrap();
}
on_both!(scope, scope_confines_seeing_and_handling, MODULES);

async fn overdue_alarms_escalate_once(s: &TestStore) {
    world(s).await;
    let fire = Monitoring(s).apply_signals(&[signal(WEST, "fire", "x")], None).await.unwrap().remove(0).alarm;
    Monitoring(s).apply_signals(&[signal(WEST, "fault", "y")], None).await.unwrap();
    let future =
        (chrono::Utc::now() + chrono::Duration::seconds(5)).to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let list = Monitoring(s).escalate_overdue("fire", &future).await.unwrap();
    assert_eq!(list.iter().map(|(a, _)| a.id).collect::<Vec<_>>(), vec![fire.id]);
    assert_eq!(list[0].0.status, "escalated");
    assert!(Monitoring(s).escalate_overdue("fire", &future).await.unwrap().is_empty(), "escalated once");
    // An escalated alarm still merges repeats.
    let c = Monitoring(s).apply_signals(&[signal(WEST, "fire", "z")], None).await.unwrap();
    assert_eq!((c[0].change, c[0].alarm.id, c[0].alarm.status.as_str()), ("merged", fire.id, "escalated"));
}
on_both!(escalation, overdue_alarms_escalate_once, MODULES);

/// One node of those sharing a database leads (PostgreSQL advisory lock, per schema); when it
/// lets go, another takes over. SQLite always grants the lead (one node owns the file).
async fn one_leader_at_a_time(s: &TestStore) {
    let mut first = s.try_lead("alarms").await.unwrap().expect("the first node leads");
    assert!(first.holds().await);
    if s.backend() == huoyan_store::Backend::Postgres {
        assert!(s.try_lead("alarms").await.unwrap().is_none(), "a second node stands by");
        let other = s.try_lead("webhook").await.unwrap();
        assert!(other.is_some(), "another name is another lock");
        drop(first);
        // The lock goes with the leader's connection; closing it is asynchronous.
        let mut next = None;
        for _ in 0..50 {
            next = s.try_lead("alarms").await.unwrap();
            if next.is_some() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert!(next.is_some(), "a standby takes over when the leader goes");
    } else {
        assert!(s.try_lead("alarms").await.unwrap().is_some());
        drop(first);
    }
}
on_both!(leadership, one_leader_at_a_time, MODULES);
