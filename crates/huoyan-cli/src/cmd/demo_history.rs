//! The demo's past month of incidents (`huoyan_demo::past_incidents`), taken in the way a
//! dispatcher would have: the real intake with its recommendation, the recommended vehicles
//! dispatched, the timeline recorded stage by stage at the planned times (出动, 到场, for fires
//! 出水/控制/扑灭, 撤离, 归队) and the incident closed. An incident the rules refuse is skipped and
//! counted, never half-written (each step is its own checked transaction; a failure leaves an
//! open incident, which is closed as it stands).

use chrono::{Duration, Utc};
use huoyan_domain::Unit;
use huoyan_domain::account::Principal;
use huoyan_domain::incident::IncidentCategory;
use huoyan_incidents::Incidents;
use huoyan_incidents::intake::{IncidentRequest, take_in};
use huoyan_incidents::rules::Stage;
use huoyan_incidents::store::dispatch::DispatchOrder;
use huoyan_incidents::store::timeline::NewTimelineEntry;
use huoyan_roads::RoadNetwork;
use huoyan_store::Store;

/// Takes the past `days` days' incidents in; returns (taken in and closed, skipped).
pub(crate) async fn seed(store: &Store, units: &[Unit], days: u32, seed: u64) -> anyhow::Result<(usize, usize)> {
    let sys = Principal::system();
    let roads = RoadNetwork::default();
    let plan = huoyan_demo::past_incidents(days, units.len(), Utc::now(), seed);
    let (mut done, mut skipped) = (0, 0);
    for p in plan {
        let unit = &units[p.unit];
        let req: IncidentRequest = serde_json::from_value(serde_json::json!({
            "category": p.category.code(),
            "unit_id": unit.id,
            "caller_phone": p.caller_phone,
            "trapped": p.trapped,
            "reported_at": p.reported_at,
            "accept_unroutable": true,
        }))?;
        let intake = match take_in(store, &roads, &sys, req).await {
            Ok(i) => i,
            Err(e) => {
                tracing::debug!(error = %e, "demo history: intake refused");
                skipped += 1;
                continue;
            }
        };
        if record(store, &sys, &intake, &p).await.is_err() {
            skipped += 1;
            continue;
        }
        done += 1;
    }
    Ok((done, skipped))
}

/// Dispatch, timeline and close of one taken-in incident.
async fn record(
    store: &Store,
    sys: &Principal,
    intake: &huoyan_incidents::intake::Intake,
    p: &huoyan_demo::PastIncident,
) -> anyhow::Result<()> {
    let inc = Incidents(store);
    let id = intake.incident.id;
    let orders: Vec<DispatchOrder> = intake
        .recommendation
        .assignments
        .iter()
        .map(|a| DispatchOrder {
            vehicle_id: a.vehicle_id,
            requirement: Some(a.label.clone()),
            eta_s: Some(a.eta_s),
            distance_m: None,
        })
        .collect();
    let t0 = p.reported_at + Duration::minutes(p.turnout_min);
    let entry = |stage: Stage, at: chrono::DateTime<Utc>, vehicles: Vec<i64>| NewTimelineEntry {
        stage,
        at: Some(at),
        vehicle_id: None,
        vehicle_ids: vehicles,
        note: None,
        fire_out_on_arrival: false,
    };
    if !orders.is_empty() {
        inc.dispatch_vehicles(sys, id, orders.clone(), vec![]).await?;
        let all: Vec<i64> = orders.iter().map(|o| o.vehicle_id).collect();
        inc.add_timeline_entry(sys, id, entry(Stage::Dispatch, t0, all.clone())).await?;
        let mut first = None;
        for o in &orders {
            let at = t0 + Duration::seconds(o.eta_s.unwrap_or(300.0).round() as i64 + 30);
            first = Some(first.map_or(at, |f: chrono::DateTime<Utc>| f.min(at)));
            inc.add_timeline_entry(sys, id, entry(Stage::Arrival, at, vec![o.vehicle_id])).await?;
        }
        let first = first.unwrap_or(t0);
        let last_arrival = orders
            .iter()
            .map(|o| t0 + Duration::seconds(o.eta_s.unwrap_or(300.0).round() as i64 + 30))
            .max()
            .unwrap_or(t0);
        let mut end = first + Duration::minutes(p.on_scene_min);
        if p.category == IncidentCategory::Fire {
            inc.add_timeline_entry(sys, id, entry(Stage::WaterOn, first + Duration::minutes(2), vec![])).await?;
            let span = p.on_scene_min.max(10);
            inc.add_timeline_entry(sys, id, entry(Stage::Controlled, first + Duration::minutes(span / 3), vec![]))
                .await?;
            inc.add_timeline_entry(
                sys,
                id,
                entry(Stage::Extinguished, first + Duration::minutes(span * 2 / 3), vec![]),
            )
            .await?;
        }
        end = end.max(last_arrival + Duration::minutes(5));
        inc.add_timeline_entry(sys, id, entry(Stage::Withdrawn, end, all.clone())).await?;
        let back = orders.iter().map(|o| o.eta_s.unwrap_or(300.0)).fold(0.0, f64::max);
        let returned = end + Duration::seconds(back.round() as i64 + 120);
        inc.add_timeline_entry(sys, id, entry(Stage::Returned, returned, all)).await?;
        inc.add_timeline_entry(sys, id, entry(Stage::Closed, returned + Duration::minutes(1), vec![])).await?;
    } else {
        inc.add_timeline_entry(sys, id, entry(Stage::Closed, p.reported_at + Duration::minutes(15), vec![])).await?;
    }
    Ok(())
}
