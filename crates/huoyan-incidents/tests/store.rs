//! Incidents, dispatch, timeline, pre-plans and dispatch plan sets in the store, on SQLite and
//! (when `HUOYAN_TEST_PG_URL` is set) PostgreSQL: the same stories on both.

use chrono::{Duration, Utc};
use common::TestStore;
use huoyan_domain::account::Principal;
use huoyan_domain::incident::IncidentCategory;
use huoyan_domain::jurisdiction::Jurisdiction;
use huoyan_domain::*;
use huoyan_incidents::Incidents;
use huoyan_incidents::rules::{PlanSet, PrePlanDoc, Stage};
use huoyan_incidents::store::dispatch::{DispatchOrder, DispatchStatus, StationAlert};
use huoyan_incidents::store::incidents::{IncidentPatch, IncidentQuery, IncidentSource, IncidentStatus, NewIncident};
use huoyan_incidents::store::timeline::NewTimelineEntry;
use huoyan_monitor::store::Monitoring;
use huoyan_monitor::store::alarms::{Handling, Signal};
use huoyan_monitor::store::frames::NewDevice;
use huoyan_store::on_both;
use huoyan_store::testkit as common;
use huoyan_store::{Scope, StoreError};

/// The tables these tests need: the kernel's (always), the monitoring and incidents modules'.
const MODULES: &[&huoyan_store::migrate::Schema] = &[&huoyan_monitor::SCHEMA, &huoyan_incidents::SCHEMA];

struct World {
    west: Jurisdiction,
    east: Jurisdiction,
    station: Station,
    tankers: Vec<Vehicle>,
    mall: Unit,
    shop: Unit,
}

async fn world(s: &TestStore) -> World {
    let sys = Principal::system();
    let (_, west, east) = common::city_west_east(s).await;
    let station: Station =
        serde_json::from_value(serde_json::json!({"name": "西站", "kind": "level1", "lon": 0.5, "lat": 0.5})).unwrap();
    let station = s.insert(&sys, station).await.unwrap();
    let mut tankers = Vec::new();
    for i in 1..=2 {
        let v: Vehicle = serde_json::from_value(serde_json::json!({"station_id": station.id, "name": format!("西水罐{i}"), "family": "firefighting", "vehicle_type": "水罐消防车"})).unwrap();
        tankers.push(s.insert(&sys, v).await.unwrap());
    }
    let mall: Unit = serde_json::from_value(serde_json::json!({"name": "西商场", "lon": 0.52, "lat": 0.5, "use_category": "mall", "metrics": {"building_area_m2": 5000.0, "combustible_goods": true}})).unwrap();
    let mall = s.insert(&sys, mall).await.unwrap();
    let shop: Unit = serde_json::from_value(serde_json::json!({"name": "小卖部", "lon": 0.53, "lat": 0.5, "use_category": "shop", "metrics": {"building_area_m2": 50.0}})).unwrap();
    let shop = s.insert(&sys, shop).await.unwrap();
    World { west, east, station, tankers, mall, shop }
}

fn person(role: Role, j: &Jurisdiction) -> Principal {
    Principal {
        user_id: 7,
        username: "dd".into(),
        role,
        jurisdiction_id: j.id,
        jurisdiction_path: j.path.clone(),
        unit_id: None,
    }
}

fn entry(stage: Stage, minutes_ago: i64, vehicle: Option<i64>) -> NewTimelineEntry {
    NewTimelineEntry {
        stage,
        at: Some(Utc::now() - Duration::minutes(minutes_ago)),
        vehicle_id: vehicle,
        vehicle_ids: Vec::new(),
        note: None,
        fire_out_on_arrival: false,
    }
}

fn order(v: &Vehicle) -> DispatchOrder {
    DispatchOrder {
        vehicle_id: v.id,
        requirement: Some("水罐/泡沫消防车".into()),
        eta_s: Some(240.0),
        distance_m: Some(2000.0),
    }
}

async fn vehicle_status(s: &TestStore, id: i64) -> VehicleStatus {
    s.get::<Vehicle>(&Scope::all(), id).await.unwrap().status
}

async fn intake_dispatch_arrival_return(s: &TestStore) {
    let w = world(s).await;
    let sys = Principal::system();
    let mut n = NewIncident::new(IncidentCategory::Fire, 0.52, 0.5, "西商场");
    n.unit_id = Some(w.mall.id);
    n.reported_at = Utc::now() - Duration::minutes(30);
    n.sub_type = Some("高层建筑火灾".into());
    let inc = Incidents(s).create_incident(&sys, n).await.unwrap();
    assert_eq!(
        (inc.status, inc.jurisdiction_id, inc.sub_type.as_deref()),
        (IncidentStatus::Received, w.west.id, Some("high_rise"))
    );
    assert_eq!(inc.source, IncidentSource::Call);
    assert_eq!(inc.fire_grade, Some(incident::FireGrade::General));
    let tl = Incidents(s).timeline(&Scope::all(), inc.id).await.unwrap();
    assert_eq!(tl.iter().map(|e| e.stage).collect::<Vec<_>>(), vec![Stage::Alarm], "接警 is recorded at intake");

    // Dispatch one tanker and alert a station: the vehicle record moves to 出动 with its dispatch record.
    let d = Incidents(s)
        .dispatch_vehicles(
            &sys,
            inc.id,
            vec![order(&w.tankers[0])],
            vec![StationAlert { station_id: w.station.id, eta_s: None, reason: None }],
        )
        .await
        .unwrap();
    assert_eq!(
        d.iter().map(|x| x.status).collect::<Vec<_>>(),
        vec![DispatchStatus::Dispatched, DispatchStatus::Alerted]
    );
    assert_eq!(d[0].eta_s, Some(240.0));
    assert_eq!(vehicle_status(s, w.tankers[0].id).await, VehicleStatus::Dispatched);
    assert_eq!(Incidents(s).get_incident(&Scope::all(), inc.id).await.unwrap().status, IncidentStatus::Dispatched);

    // The same vehicle cannot be sent to a second incident; all-or-nothing with a free one.
    let other = Incidents(s)
        .create_incident(&sys, NewIncident::new(IncidentCategory::Rescue, 0.51, 0.5, "别处"))
        .await
        .unwrap();
    let err = Incidents(s)
        .dispatch_vehicles(&sys, other.id, vec![order(&w.tankers[1]), order(&w.tankers[0])], vec![])
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict(ref m) if m.contains("出动")), "{err}");
    assert_eq!(vehicle_status(s, w.tankers[1].id).await, VehicleStatus::InStation, "nothing half-written");
    assert!(Incidents(s).dispatches(&Scope::all(), other.id).await.unwrap().is_empty());

    // Timeline: 出动 → 途中, 到场 → 到场 and the incident on scene.
    let id = w.tankers[0].id;
    let o = Incidents(s).add_timeline_entry(&sys, inc.id, entry(Stage::Dispatch, 28, Some(id))).await.unwrap();
    assert_eq!(o.vehicle_status, Some(VehicleStatus::EnRoute));
    // An arrival before the 出动: refused with the rule, nothing written.
    let err = Incidents(s).add_timeline_entry(&sys, inc.id, entry(Stage::Arrival, 29, Some(id))).await.unwrap_err();
    assert!(matches!(err, StoreError::Invalid(ref f) if f[0].reason.contains("到场时间不能早于出动时间")), "{err}");
    assert_eq!(vehicle_status(s, id).await, VehicleStatus::EnRoute);
    // 2 km in 4 minutes: plausible.
    let o = Incidents(s).add_timeline_entry(&sys, inc.id, entry(Stage::Arrival, 24, Some(id))).await.unwrap();
    assert!(o.entry.warnings.is_empty(), "{:?}", o.entry.warnings);
    assert_eq!((o.vehicle_status, o.incident.status), (Some(VehicleStatus::OnScene), IncidentStatus::OnScene));
    assert!(
        matches!(
            Incidents(s).add_timeline_entry(&sys, inc.id, entry(Stage::Arrival, 23, Some(id))).await,
            Err(StoreError::Conflict(_))
        ),
        "recorded twice"
    );
    Incidents(s).add_timeline_entry(&sys, inc.id, entry(Stage::WaterOn, 22, None)).await.unwrap();
    Incidents(s).add_timeline_entry(&sys, inc.id, entry(Stage::Withdrawn, 10, Some(id))).await.unwrap();
    assert_eq!(vehicle_status(s, id).await, VehicleStatus::Returning);
    let err = Incidents(s).add_timeline_entry(&sys, inc.id, entry(Stage::Closed, 5, None)).await.unwrap_err();
    assert!(matches!(err, StoreError::Conflict(ref m) if m.contains("still committed")), "{err}");
    Incidents(s).add_timeline_entry(&sys, inc.id, entry(Stage::Returned, 6, Some(id))).await.unwrap();
    assert_eq!(vehicle_status(s, id).await, VehicleStatus::InStation);
    let o = Incidents(s).add_timeline_entry(&sys, inc.id, entry(Stage::Closed, 5, None)).await.unwrap();
    assert_eq!(o.incident.status, IncidentStatus::Closed);
    assert!(matches!(
        Incidents(s).add_timeline_entry(&sys, inc.id, entry(Stage::Ended, 4, None)).await,
        Err(StoreError::Conflict(_))
    ));
    // The returned vehicle is free again.
    Incidents(s).dispatch_vehicles(&sys, other.id, vec![order(&w.tankers[0])], vec![]).await.unwrap();

    // Append-only timeline; audit entries for each step.
    assert!(s.execute_admin("UPDATE incident_events SET actor = 'x'").await.is_err());
    assert!(s.execute_admin("DELETE FROM incident_events").await.is_err());
    let log = s.audit_log(&Scope::all(), Some("incidents"), Some(inc.id), 100).await.unwrap();
    let actions: Vec<&str> = log.iter().rev().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["create", "dispatch", "timeline", "timeline", "timeline", "timeline", "timeline", "timeline"]);
    // A vehicle with dispatch history cannot be deleted.
    assert!(matches!(s.delete::<Vehicle>(&sys, id).await, Err(StoreError::Conflict(_))));
}
on_both!(flow, intake_dispatch_arrival_return, MODULES);

/// A 火警 at the mall, filed as the monitoring engine would; returns its id.
async fn fire_alarm(s: &TestStore, w: &World, address: &str) -> i64 {
    let sys = Principal::system();
    let d = NewDevice {
        jurisdiction_id: w.west.id,
        unit_id: Some(w.mall.id),
        address: address.into(),
        name: "西商场传输装置".into(),
    };
    Monitoring(s).register_device(&sys, d).await.unwrap();
    let signal = Signal {
        device_address: address.into(),
        kind: "fire".into(),
        level: "fire".into(),
        at: Utc::now().to_rfc3339(),
        frame_id: None,
        summary: "感烟火灾探测器 回路1 点3".into(),
        component: serde_json::json!({"loop": 1, "point": 3}),
        resolves: None,
    };
    let changes = Monitoring(s).apply_signals(&[signal], None).await.unwrap();
    assert_eq!(changes.len(), 1);
    changes[0].alarm.id
}

async fn incident_from_a_confirmed_fire_alarm(s: &TestStore) {
    let w = world(s).await;
    let sys = Principal::system();
    let from_alarm = |id: i64| {
        let mut n = NewIncident::new(IncidentCategory::Fire, 0.52, 0.5, "西商场");
        n.unit_id = Some(w.mall.id);
        n.source = IncidentSource::Alarm { alarm_id: id };
        n
    };
    let refused = |e: StoreError, words: &str| matches!(e, StoreError::Invalid(ref f) if f[0].field == "source.alarm_id" && f[0].reason.contains(words));
    let count = async || Incidents(s).list_incidents(&Scope::all(), &IncidentQuery::default()).await.unwrap().total;
    // No such alarm; an alarm not yet confirmed; a fault alarm: refused, nothing written.
    assert!(refused(Incidents(s).create_incident(&sys, from_alarm(9999)).await.unwrap_err(), "不存在"));
    let fire = fire_alarm(s, &w, "0000000000a1").await;
    assert!(refused(Incidents(s).create_incident(&sys, from_alarm(fire)).await.unwrap_err(), "尚未确认"));
    assert_eq!(count().await, 0);
    // Someone outside the alarm's jurisdiction does not see it.
    let east = person(Role::Dispatcher, &w.east);
    Monitoring(s)
        .handle_alarm(&sys, fire, &Handling { result: "real".into(), note: Some("值班员电话核实".into()) })
        .await
        .unwrap();
    assert!(refused(Incidents(s).create_incident(&east, from_alarm(fire)).await.unwrap_err(), "不存在"));
    // Confirmed: the incident is taken in and the alarm points to it.
    let inc = Incidents(s).create_incident(&person(Role::Dispatcher, &w.west), from_alarm(fire)).await.unwrap();
    assert_eq!(inc.source, IncidentSource::Alarm { alarm_id: fire });
    assert_eq!(Monitoring(s).get_alarm(&Scope::all(), fire).await.unwrap().incident_id, Some(inc.id));
    // Only once.
    let again = Incidents(s).create_incident(&sys, from_alarm(fire)).await.unwrap_err();
    assert!(matches!(again, StoreError::Conflict(ref m) if m.contains(&inc.id.to_string())), "{again}");
    assert_eq!(count().await, 1);
}
on_both!(from_alarm, incident_from_a_confirmed_fire_alarm, MODULES);

/// A fire with two crews (issue 14): the first arrives, deploys and puts water on; the
/// reinforcement sent then arrives after 出水 (it was refused: "出水时间不能早于到场时间"); both
/// return in one request for the two vehicles, all or nothing; the incident closes.
async fn a_reinforcement_arrives_after_water_on(s: &TestStore) {
    let w = world(s).await;
    let sys = Principal::system();
    let mut n = NewIncident::new(IncidentCategory::Fire, 0.52, 0.5, "西商场");
    n.reported_at = Utc::now() - Duration::minutes(40);
    let inc = Incidents(s).create_incident(&sys, n).await.unwrap();
    let (first, second) = (w.tankers[0].id, w.tankers[1].id);
    Incidents(s).dispatch_vehicles(&sys, inc.id, vec![order(&w.tankers[0])], vec![]).await.unwrap();
    for e in [
        entry(Stage::Dispatch, 38, Some(first)),
        entry(Stage::Arrival, 34, Some(first)),
        entry(Stage::Deploy, 33, None),
        entry(Stage::WaterOn, 32, None),
    ] {
        Incidents(s).add_timeline_entry(&sys, inc.id, e).await.unwrap();
    }
    // The reinforcement, sent after 出水, arrives after it.
    Incidents(s).dispatch_vehicles(&sys, inc.id, vec![order(&w.tankers[1])], vec![]).await.unwrap();
    Incidents(s).add_timeline_entry(&sys, inc.id, entry(Stage::Dispatch, 30, Some(second))).await.unwrap();
    let o = Incidents(s).add_timeline_entry(&sys, inc.id, entry(Stage::Arrival, 24, Some(second))).await.unwrap();
    assert_eq!((o.vehicle_status, o.entry.vehicle_id), (Some(VehicleStatus::OnScene), Some(second)));
    for e in [
        entry(Stage::Extinguished, 15, None),
        entry(Stage::Ended, 12, None),
        entry(Stage::Withdrawn, 11, Some(first)),
        entry(Stage::Withdrawn, 10, Some(second)),
    ] {
        Incidents(s).add_timeline_entry(&sys, inc.id, e).await.unwrap();
    }
    // Both back at once: the second's 归队 before its own 撤离 refuses the whole request, naming it.
    let both = |minutes_ago| NewTimelineEntry {
        vehicle_ids: vec![first, second],
        ..entry(Stage::Returned, minutes_ago, None)
    };
    let err = Incidents(s).add_timeline_entry(&sys, inc.id, both(11)).await.unwrap_err();
    let StoreError::Invalid(f) = &err else { panic!("{err}") };
    assert_eq!((f[0].code.as_str(), &f[0].params["before"]), ("timeline_order", &serde_json::json!("withdrawn")));
    assert_eq!(f[0].params["vehicle_id"], serde_json::json!(second), "{err}");
    assert_eq!(vehicle_status(s, first).await, VehicleStatus::Returning, "nothing half-written");
    let twice = NewTimelineEntry { vehicle_ids: vec![first, first], ..entry(Stage::Returned, 5, None) };
    let err = Incidents(s).add_timeline_entry(&sys, inc.id, twice).await.unwrap_err();
    assert!(matches!(err, StoreError::Invalid(ref f) if f[0].code == "duplicate_vehicle"), "{err}");
    let o = Incidents(s).add_timeline_entry(&sys, inc.id, both(5)).await.unwrap();
    assert_eq!(o.entries.iter().map(|e| e.vehicle_id).collect::<Vec<_>>(), [Some(first), Some(second)]);
    assert_eq!(o.vehicle_status, Some(VehicleStatus::InStation));
    for v in [first, second] {
        assert_eq!(vehicle_status(s, v).await, VehicleStatus::InStation);
    }
    let o = Incidents(s).add_timeline_entry(&sys, inc.id, entry(Stage::Closed, 4, None)).await.unwrap();
    assert_eq!(o.incident.status, IncidentStatus::Closed);
    let timeline = Incidents(s).timeline(&Scope::all(), inc.id).await.unwrap();
    assert_eq!(timeline.iter().filter(|e| e.stage == Stage::Arrival).count(), 2, "two arrivals recorded");
    assert_eq!(timeline.iter().filter(|e| e.stage == Stage::Returned).count(), 2);
}
on_both!(reinforcement, a_reinforcement_arrives_after_water_on, MODULES);

async fn implausible_speed_is_flagged_and_statuses_only_move_forward(s: &TestStore) {
    let w = world(s).await;
    let sys = Principal::system();
    let mut n = NewIncident::new(IncidentCategory::Fire, 0.52, 0.5, "西商场");
    n.reported_at = Utc::now() - Duration::minutes(30);
    let inc = Incidents(s).create_incident(&sys, n).await.unwrap();
    let v = &w.tankers[0];
    let far = DispatchOrder { vehicle_id: v.id, requirement: None, eta_s: Some(100.0), distance_m: Some(30_000.0) };
    Incidents(s).dispatch_vehicles(&sys, inc.id, vec![far], vec![]).await.unwrap();
    Incidents(s).add_timeline_entry(&sys, inc.id, entry(Stage::Dispatch, 20, Some(v.id))).await.unwrap();
    let o = Incidents(s).add_timeline_entry(&sys, inc.id, entry(Stage::Arrival, 15, Some(v.id))).await.unwrap();
    assert!(o.entry.warnings[0].contains("360 km/h"), "{:?}", o.entry.warnings);
    let tl = Incidents(s).timeline(&Scope::all(), inc.id).await.unwrap();
    assert_eq!(tl.last().unwrap().warnings, o.entry.warnings, "warnings are stored with the entry");
    // 中途返回 after arrival is impossible; a stage for a vehicle not sent is refused.
    assert!(matches!(
        Incidents(s).add_timeline_entry(&sys, inc.id, entry(Stage::MidwayReturn, 14, Some(v.id))).await,
        Err(StoreError::Conflict(_))
    ));
    let err = Incidents(s)
        .add_timeline_entry(&sys, inc.id, entry(Stage::Arrival, 14, Some(w.tankers[1].id)))
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict(ref m) if m.contains("not committed")), "{err}");
    assert!(
        matches!(Incidents(s).add_timeline_entry(&sys, inc.id, entry(Stage::Arrival, 14, None)).await, Err(StoreError::Invalid(ref f)) if f[0].field == "vehicle_id")
    );
    // A future time.
    assert!(matches!(
        Incidents(s).add_timeline_entry(&sys, inc.id, entry(Stage::Deploy, -60, None)).await,
        Err(StoreError::Invalid(_))
    ));
}
on_both!(speed, implausible_speed_is_flagged_and_statuses_only_move_forward, MODULES);

async fn manual_vehicle_status(s: &TestStore) {
    let w = world(s).await;
    let sys = Principal::system();
    let v = &w.tankers[0];
    assert_eq!(
        Incidents(s).set_vehicle_status(&sys, v.id, VehicleStatus::Maintenance).await.unwrap().status,
        VehicleStatus::Maintenance
    );
    let inc =
        Incidents(s).create_incident(&sys, NewIncident::new(IncidentCategory::Fire, 0.52, 0.5, "x")).await.unwrap();
    assert!(
        matches!(Incidents(s).dispatch_vehicles(&sys, inc.id, vec![order(v)], vec![]).await, Err(StoreError::Conflict(ref m)) if m.contains("检修"))
    );
    Incidents(s).set_vehicle_status(&sys, v.id, VehicleStatus::InStation).await.unwrap();
    assert!(matches!(
        Incidents(s).set_vehicle_status(&sys, v.id, VehicleStatus::OnScene).await,
        Err(StoreError::Invalid(_))
    ));
    // Calling a dispatch off before the vehicle leaves.
    Incidents(s).dispatch_vehicles(&sys, inc.id, vec![order(v)], vec![]).await.unwrap();
    assert!(matches!(
        Incidents(s).set_vehicle_status(&sys, v.id, VehicleStatus::Maintenance).await,
        Err(StoreError::Conflict(_))
    ));
    Incidents(s).set_vehicle_status(&sys, v.id, VehicleStatus::InStation).await.unwrap();
    assert_eq!(Incidents(s).dispatches(&Scope::all(), inc.id).await.unwrap()[0].status, DispatchStatus::Cancelled);
    // Once it has left, only the timeline moves it.
    Incidents(s).dispatch_vehicles(&sys, inc.id, vec![order(v)], vec![]).await.unwrap();
    Incidents(s).add_timeline_entry(&sys, inc.id, entry(Stage::Dispatch, 0, Some(v.id))).await.unwrap();
    assert!(matches!(
        Incidents(s).set_vehicle_status(&sys, v.id, VehicleStatus::InStation).await,
        Err(StoreError::Conflict(_))
    ));
}
on_both!(vehicle_status_by_hand, manual_vehicle_status, MODULES);

async fn scope_and_bad_input_write_nothing(s: &TestStore) {
    let w = world(s).await;
    let sys = Principal::system();
    let before = s.audit_log(&Scope::all(), None, None, 1000).await.unwrap().len();
    let bad = NewIncident::new(IncidentCategory::Fire, 200.0, 0.5, "x");
    assert!(
        matches!(Incidents(s).create_incident(&sys, bad).await, Err(StoreError::Invalid(ref f)) if f[0].field == "lon")
    );
    let mut bad = NewIncident::new(IncidentCategory::Rescue, 0.5, 0.5, "x");
    bad.sub_type = Some("high_rise".into()); // a fire sub-type
    assert!(
        matches!(Incidents(s).create_incident(&sys, bad).await, Err(StoreError::Invalid(ref f)) if f[0].field == "sub_type")
    );
    let mut bad = NewIncident::new(IncidentCategory::Fire, 0.5, 0.5, "x");
    bad.level = 6;
    bad.unit_id = Some(999_999);
    assert!(matches!(Incidents(s).create_incident(&sys, bad).await, Err(StoreError::Invalid(_))));
    let mut bad = NewIncident::new(IncidentCategory::Fire, 0.5, 0.5, "x");
    bad.unit_id = Some(999_999);
    assert!(
        matches!(Incidents(s).create_incident(&sys, bad).await, Err(StoreError::Invalid(ref f)) if f[0].field == "unit_id")
    );
    assert_eq!(Incidents(s).list_incidents(&Scope::all(), &IncidentQuery::default()).await.unwrap().total, 0);
    assert_eq!(s.audit_log(&Scope::all(), None, None, 1000).await.unwrap().len(), before);
    // East staff cannot create in the west nor see the west's incident.
    let east = person(Role::Dispatcher, &w.east);
    assert!(matches!(
        Incidents(s).create_incident(&east, NewIncident::new(IncidentCategory::Fire, 0.5, 0.5, "x")).await,
        Err(StoreError::Forbidden(_))
    ));
    let inc = Incidents(s)
        .create_incident(&person(Role::Dispatcher, &w.west), NewIncident::new(IncidentCategory::Fire, 0.5, 0.5, "西"))
        .await
        .unwrap();
    assert!(matches!(Incidents(s).get_incident(&Scope::from(&east), inc.id).await, Err(StoreError::NotFound { .. })));
    assert_eq!(Incidents(s).list_incidents(&Scope::from(&east), &IncidentQuery::default()).await.unwrap().total, 0);
    assert!(matches!(
        Incidents(s).dispatch_vehicles(&east, inc.id, vec![order(&w.tankers[0])], vec![]).await,
        Err(StoreError::NotFound { .. })
    ));
    let mut mgr = person(Role::UnitManager, &w.west);
    mgr.unit_id = Some(w.mall.id);
    assert!(matches!(
        Incidents(s).list_incidents(&Scope::from(&mgr), &IncidentQuery::default()).await,
        Err(StoreError::Forbidden(_))
    ));
    // Escalation and grading inputs.
    let up = Incidents(s)
        .update_incident(&sys, inc.id, IncidentPatch { level: Some(3), deaths: Some(3), ..Default::default() })
        .await
        .unwrap();
    assert_eq!((up.level, up.fire_grade), (3, Some(incident::FireGrade::Larger)));
    assert!(matches!(
        Incidents(s).update_incident(&sys, inc.id, IncidentPatch { level: Some(0), ..Default::default() }).await,
        Err(StoreError::Invalid(_))
    ));
    let open = Incidents(s)
        .list_incidents(&Scope::all(), &IncidentQuery { open_only: true, ..Default::default() })
        .await
        .unwrap();
    assert_eq!(open.items[0].id, inc.id);
    // A unit with incidents cannot be deleted.
    let mut n = NewIncident::new(IncidentCategory::Fire, 0.53, 0.5, "小卖部");
    n.unit_id = Some(w.shop.id);
    Incidents(s).create_incident(&sys, n).await.unwrap();
    assert!(matches!(s.delete::<Unit>(&sys, w.shop.id).await, Err(StoreError::Conflict(_))));
}
on_both!(scope_and_bad_input, scope_and_bad_input_write_nothing, MODULES);

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

async fn preplans_with_attachments(s: &TestStore) {
    let w = world(s).await;
    let sys = Principal::system();
    let inspector = person(Role::Inspector, &w.west);
    // Only key units get pre-plans.
    assert!(
        matches!(Incidents(s).put_preplan(&inspector, w.shop.id, PrePlanDoc::default()).await, Err(StoreError::Invalid(ref f)) if f[0].field == "unit_id")
    );
    let mut doc: PrePlanDoc = serde_json::from_value(serde_json::json!({
        "building": {"floors_above": 5, "height_m": 22.0}, "floors": [{"floor": "1-5", "usage": "商场"}],
        "hazardous_materials": [], "attack_notes": "内攻", "evacuation_notes": "南门"
    }))
    .unwrap();
    let p = Incidents(s).put_preplan(&inspector, w.mall.id, doc.clone()).await.unwrap();
    assert_eq!(p.completeness.percent, 45.5, "{:?}", p.completeness);
    assert_eq!(p.unit_name, "西商场");
    doc.key_parts = vec![serde_json::from_value(serde_json::json!({"name": "配电室"})).unwrap()];
    let p = Incidents(s).put_preplan(&inspector, w.mall.id, doc).await.unwrap();
    assert_eq!((p.version, p.completeness.percent), (2, 54.5));
    // Attachments: sniffed, limited, counted.
    let p2 = Incidents(s).add_attachment(&inspector, p.id, "一层平面图.png", PNG).await.unwrap();
    assert_eq!(p2.attachments[0].content_type, "image/png");
    assert_eq!(p2.completeness.percent, 63.6);
    let (meta, bytes) = Incidents(s).attachment(&Scope::all(), p2.attachments[0].id).await.unwrap();
    assert_eq!((meta.size_bytes as usize, bytes.as_slice()), (PNG.len(), PNG));
    assert!(
        matches!(Incidents(s).add_attachment(&inspector, p.id, "x.exe", b"MZ\x90\0").await, Err(StoreError::Invalid(ref f)) if f[0].field == "file")
    );
    let big = [b"%PDF-".to_vec(), vec![0u8; huoyan_incidents::store::preplans::MAX_ATTACHMENT_BYTES]].concat();
    assert!(matches!(
        Incidents(s).add_attachment(&inspector, p.id, "big.pdf", &big).await,
        Err(StoreError::Invalid(_))
    ));
    assert!(
        matches!(Incidents(s).add_attachment(&inspector, p.id, "../x.png", PNG).await, Err(StoreError::Invalid(ref f)) if f[0].field == "name")
    );
    assert_eq!(Incidents(s).get_preplan(&Scope::all(), p.id).await.unwrap().attachments.len(), 1);
    let list = Incidents(s).list_preplans(&Scope::all(), None, None).await.unwrap();
    assert_eq!((list.total, list.items[0].completeness), (1, 63.6));
    assert!(Incidents(s).preplan_for_unit(&Scope::all(), w.mall.id).await.unwrap().is_some());
    // Out of scope: invisible.
    let east = person(Role::Inspector, &w.east);
    assert!(matches!(Incidents(s).get_preplan(&Scope::from(&east), p.id).await, Err(StoreError::NotFound { .. })));
    assert!(matches!(Incidents(s).attachment(&Scope::from(&east), meta.id).await, Err(StoreError::NotFound { .. })));
    assert!(matches!(
        Incidents(s).put_preplan(&east, w.mall.id, PrePlanDoc::default()).await,
        Err(StoreError::Invalid(_))
    ));
    // Detach, delete.
    assert_eq!(Incidents(s).delete_attachment(&inspector, meta.id).await.unwrap().completeness.percent, 54.5);
    assert!(
        matches!(s.delete::<Unit>(&sys, w.mall.id).await, Err(StoreError::Conflict(_))),
        "a unit with a pre-plan stays"
    );
    Incidents(s).delete_preplan(&inspector, p.id).await.unwrap();
    assert!(Incidents(s).preplan_for_unit(&Scope::all(), w.mall.id).await.unwrap().is_none());
}
on_both!(preplans, preplans_with_attachments, MODULES);

async fn dispatch_plan_sets(s: &TestStore) {
    let w = world(s).await;
    let sys = Principal::system();
    assert_eq!(Incidents(s).dispatch_plans().await.unwrap().id, "cn-baseline");
    let mut set = PlanSet::baseline();
    set.id = "test-local".into();
    set.sub_types.push(huoyan_incidents::rules::SubType {
        code: "tunnel".into(),
        zh: "隧道火灾".into(),
        category: IncidentCategory::Fire,
    });
    // A township account may not load deployment-wide plans.
    assert!(matches!(
        Incidents(s).load_dispatch_plans(&person(Role::Dispatcher, &w.west), set.clone()).await,
        Err(StoreError::Forbidden(_))
    ));
    let info = Incidents(s).load_dispatch_plans(&sys, set).await.unwrap();
    assert!(info.seq > 0);
    assert_eq!(Incidents(s).dispatch_plans().await.unwrap().id, "test-local");
    // The new sub-type is accepted at intake.
    let mut n = NewIncident::new(IncidentCategory::Fire, 0.5, 0.5, "隧道");
    n.sub_type = Some("隧道火灾".into());
    assert_eq!(Incidents(s).create_incident(&sys, n).await.unwrap().sub_type.as_deref(), Some("tunnel"));
    let mut bad = PlanSet::baseline();
    bad.plans.clear();
    assert!(matches!(Incidents(s).load_dispatch_plans(&sys, bad).await, Err(StoreError::Invalid(_))));
    let hist = Incidents(s).dispatch_plan_history().await.unwrap();
    assert_eq!(hist.iter().map(|h| h.set_id.as_str()).collect::<Vec<_>>(), ["test-local", "cn-baseline"]);
}
on_both!(plan_sets, dispatch_plan_sets, MODULES);

/// The kernel refuses to delete a register record or jurisdiction that a module's rows still name
/// (the modules' schemas declare those references), naming the module's table; nothing is deleted.
async fn module_rows_keep_the_records_they_name(s: &TestStore) {
    let w = world(s).await;
    let sys = Principal::system();
    let mut n = NewIncident::new(IncidentCategory::Fire, 0.5, 0.5, "西商场");
    n.unit_id = Some(w.mall.id);
    let inc = Incidents(s).create_incident(&sys, n).await.unwrap();
    let conflict = |r: Result<(), StoreError>, table: &str| match r {
        Err(StoreError::Conflict(m)) => assert!(m.contains(table), "{m}"),
        other => panic!("expected a conflict naming {table}, got {other:?}"),
    };
    conflict(s.delete::<Unit>(&sys, w.mall.id).await, "incidents");
    Incidents(s).dispatch_vehicles(&sys, inc.id, vec![order(&w.tankers[0])], vec![]).await.unwrap();
    conflict(s.delete::<Vehicle>(&sys, w.tankers[0].id).await, "dispatches");
    let village = Jurisdiction {
        id: 0,
        parent_id: Some(w.west.id),
        level: JurisdictionLevel::Village,
        name: "西村".into(),
        code: None,
        boundary: None,
        path: String::new(),
    };
    let village = s.create_jurisdiction(&sys, village).await.unwrap();
    let mut n = NewIncident::new(IncidentCategory::Rescue, 0.5, 0.5, "西村");
    n.jurisdiction_id = Some(village.id);
    Incidents(s).create_incident(&sys, n).await.unwrap();
    conflict(s.delete_jurisdiction(&sys, village.id).await, "incidents");
    let d = NewDevice {
        jurisdiction_id: w.shop.jurisdiction_id,
        unit_id: Some(w.shop.id),
        address: "0a00000000aa".into(),
        name: "商店传输装置".into(),
    };
    Monitoring(s).register_device(&sys, d).await.unwrap();
    conflict(s.delete::<Unit>(&sys, w.shop.id).await, "devices");
    // All still there.
    let all = Scope::all();
    assert!(s.get::<Unit>(&all, w.mall.id).await.is_ok() && s.get::<Unit>(&all, w.shop.id).await.is_ok());
    assert!(s.get::<Vehicle>(&all, w.tankers[0].id).await.is_ok());
}
on_both!(references, module_rows_keep_the_records_they_name, MODULES);

/// 接警编号 in intake order per year (Asia/Shanghai), the intake's questions stored and corrected,
/// the list searchable by number, address or unit name, and showing the unit's name.
async fn numbers_questions_and_search(s: &TestStore) {
    let w = world(s).await;
    let sys = Principal::system();
    // The first two of 2025 (the second taken in late on 31 December, Beijing time), then one
    // reported at 00:30 on 1 January 2026 Beijing time (16:30 UTC the day before): a new year.
    let at = |t: &str| chrono::DateTime::parse_from_rfc3339(t).unwrap().with_timezone(&Utc);
    let mut a = NewIncident::new(IncidentCategory::Fire, 0.52, 0.5, "西商场");
    a.unit_id = Some(w.mall.id);
    a.reported_at = at("2025-06-01T08:00:00Z");
    a.trapped = Some(3);
    a.fire_location = Some(" 三层厨房 ".into());
    a.burning_material = Some("油类".into());
    let a = Incidents(s).create_incident(&sys, a).await.unwrap();
    let mut b = NewIncident::new(IncidentCategory::Rescue, 0.53, 0.5, "东门路 5 号");
    b.reported_at = at("2025-12-31T15:59:00Z");
    b.trapped = Some(0);
    let b = Incidents(s).create_incident(&sys, b).await.unwrap();
    let mut c = NewIncident::new(IncidentCategory::Fire, 0.53, 0.5, "小卖部");
    c.unit_id = Some(w.shop.id);
    c.reported_at = at("2025-12-31T16:30:00Z");
    let c = Incidents(s).create_incident(&sys, c).await.unwrap();
    assert_eq!(
        (a.number.as_str(), b.number.as_str(), c.number.as_str()),
        ("2025-000001", "2025-000002", "2026-000001")
    );
    assert_eq!(
        (a.trapped, a.fire_location.as_deref(), a.burning_material.as_deref(), a.unit_name.as_deref()),
        (Some(3), Some("三层厨房"), Some("油类"), Some("西商场"))
    );
    assert_eq!((b.trapped, b.unit_name.as_deref(), c.trapped), (Some(0), None, None));

    // A negative count or an over-long text is refused, and nothing is written.
    let mut bad = NewIncident::new(IncidentCategory::Fire, 0.52, 0.5, "x");
    bad.trapped = Some(-1);
    bad.fire_location = Some("楼".repeat(5000));
    match Incidents(s).create_incident(&sys, bad).await {
        Err(StoreError::Invalid(fields)) => {
            let names: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
            assert_eq!(names, vec!["trapped", "fire_location"], "{fields:?}");
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    // Corrections: the count as now known, a blank clears the seat of fire, absent keeps.
    let p = IncidentPatch { trapped: Some(1), fire_location: Some("  ".into()), ..Default::default() };
    let a2 = Incidents(s).update_incident(&sys, a.id, p).await.unwrap();
    assert_eq!((a2.trapped, a2.fire_location, a2.burning_material.as_deref()), (Some(1), None, Some("油类")));
    assert_eq!(a2.number, a.number, "the number never changes");

    let find = |q: &str| {
        let q = IncidentQuery { q: Some(q.into()), ..Default::default() };
        async move {
            let page = Incidents(s).list_incidents(&Scope::all(), &q).await.unwrap();
            page.items.iter().map(|i| i.number.clone()).collect::<Vec<_>>()
        }
    };
    assert_eq!(find("2025-000002").await, vec!["2025-000002"]);
    assert_eq!(find("1").await, vec!["2026-000001", "2025-000001"], "a sequence alone: any year");
    assert_eq!(find("5").await, Vec::<String>::new(), "digits match numbers only, not the 5 of 东门路 5 号");
    assert_eq!(find("东门").await, vec!["2025-000002"], "a part of the address");
    assert_eq!(find("小卖").await, vec!["2026-000001"], "a part of the unit's name");
    assert_eq!(find("%").await, Vec::<String>::new(), "LIKE wildcards are literal");
}
on_both!(numbers_questions_search, numbers_questions_and_search, MODULES);

/// The leader's summary: open incidents by status and with people trapped, vehicles committed,
/// today's by category (the day cut at 00:00 Beijing time), the daily series with empty days.
async fn summary_now_and_today(s: &TestStore) {
    let w = world(s).await;
    let sys = Principal::system();
    let now = Utc::now();
    let today0 = huoyan_incidents::store::summary::day_start(now).with_timezone(&Utc);
    let mut fire = NewIncident::new(IncidentCategory::Fire, 0.52, 0.5, "西商场");
    fire.reported_at = today0 + Duration::seconds(1);
    fire.trapped = Some(2);
    let fire = Incidents(s).create_incident(&sys, fire).await.unwrap();
    let mut rescue = NewIncident::new(IncidentCategory::Rescue, 0.53, 0.5, "东门");
    rescue.reported_at = today0 - Duration::seconds(1);
    let rescue = Incidents(s).create_incident(&sys, rescue).await.unwrap();
    let mut old = NewIncident::new(IncidentCategory::Fire, 0.53, 0.5, "旧");
    old.reported_at = today0 - Duration::days(2) + Duration::hours(3);
    Incidents(s).create_incident(&sys, old).await.unwrap();
    Incidents(s).dispatch_vehicles(&sys, fire.id, vec![order(&w.tankers[0])], vec![]).await.unwrap();

    let sum = Incidents(s).incident_summary(&Scope::all(), 3, now).await.unwrap();
    assert_eq!((sum.open, sum.open_trapped, sum.vehicles_committed), (3, 1, 1));
    assert_eq!((sum.open_by_status["dispatched"], sum.open_by_status["received"]), (1, 2));
    assert_eq!(sum.today, 1, "the rescue a second before midnight was yesterday");
    assert_eq!((sum.today_by_category["fire"], sum.today_by_category["rescue"]), (1, 0));
    let series: Vec<(i64, i64)> = sum.daily.iter().map(|d| (d.total, d.fires)).collect();
    assert_eq!(series, vec![(1, 1), (1, 0), (1, 1)], "{:?}", sum.daily);
    assert!(sum.day_start.ends_with("T00:00:00+08:00"), "{}", sum.day_start);
    assert_eq!(sum.daily.last().unwrap().day, sum.day_start[..10]);

    // The township of the east sees none of the west's; a unit manager is refused.
    let east = Incidents(s).incident_summary(&Scope::from(&person(Role::Township, &w.east)), 30, now).await.unwrap();
    assert_eq!((east.open, east.today, east.daily.len()), (0, 0, 30));
    let mut mgr = person(Role::UnitManager, &w.west);
    mgr.unit_id = Some(w.mall.id);
    assert!(matches!(Incidents(s).incident_summary(&Scope::from(&mgr), 30, now).await, Err(StoreError::Forbidden(_))));
    let _ = rescue;
}
on_both!(summary, summary_now_and_today, MODULES);
