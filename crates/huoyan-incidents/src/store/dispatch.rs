//! Dispatching (调派): vehicles sent to an incident and stations alerted, and manual vehicle
//! status changes. Sending a vehicle writes its dispatch record and moves the vehicle record
//! 在队 → 出动 in the same transaction; a vehicle that is not 在队 is refused with a conflict (409)
//! naming its status, and a partial unique index keeps a vehicle committed to one incident at a
//! time even against writes racing each other.

use huoyan_domain::account::Principal;
use huoyan_domain::validate::{code as kernel, unknown_reference};
use huoyan_domain::{FieldError, Vehicle, VehicleStatus};
use huoyan_store::audit::{self, AuditEntry};
use huoyan_store::query::Scope;
use huoyan_store::records::set_vehicle_status_tx;
use huoyan_store::{Result, StoreError, now, opt_float};
use serde::{Deserialize, Serialize};
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};
use utoipa::ToSchema;

use crate::rules::code;
use crate::store::Incidents;
use crate::store::incidents::IncidentStatus;

huoyan_domain::terms! {
    /// Where a dispatch stands; for vehicles it mirrors the vehicle's status.
    DispatchStatus {
        /// 联动通知: a station alerted (no vehicle).
        Alerted = ("alerted", "联动通知"),
        /// 出动: ordered out.
        Dispatched = ("dispatched", "出动"),
        /// 途中.
        EnRoute = ("en_route", "途中"),
        /// 到场.
        OnScene = ("on_scene", "到场"),
        /// 返队.
        Returning = ("returning", "返队"),
        /// 已归队: done.
        Returned = ("returned", "已归队"),
        /// 已取消: called off before leaving.
        Cancelled = ("cancelled", "已取消"),
    }
}

impl DispatchStatus {
    /// Whether the vehicle is committed.
    pub fn is_active(self) -> bool {
        matches!(
            self,
            DispatchStatus::Dispatched | DispatchStatus::EnRoute | DispatchStatus::OnScene | DispatchStatus::Returning
        )
    }

    /// The vehicle status it mirrors.
    pub fn vehicle_status(self) -> Option<VehicleStatus> {
        Some(match self {
            DispatchStatus::Dispatched => VehicleStatus::Dispatched,
            DispatchStatus::EnRoute => VehicleStatus::EnRoute,
            DispatchStatus::OnScene => VehicleStatus::OnScene,
            DispatchStatus::Returning => VehicleStatus::Returning,
            DispatchStatus::Returned => VehicleStatus::InStation,
            _ => return None,
        })
    }

    /// The dispatch status for a vehicle status reached on the timeline.
    pub fn from_vehicle(s: VehicleStatus) -> DispatchStatus {
        match s {
            VehicleStatus::Dispatched => DispatchStatus::Dispatched,
            VehicleStatus::EnRoute => DispatchStatus::EnRoute,
            VehicleStatus::OnScene => DispatchStatus::OnScene,
            VehicleStatus::Returning => DispatchStatus::Returning,
            VehicleStatus::InStation | VehicleStatus::Maintenance => DispatchStatus::Returned,
        }
    }
}

/// A vehicle to send.
#[derive(Debug, Clone, PartialEq, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DispatchOrder {
    /// Vehicle id.
    pub vehicle_id: i64,
    /// The plan requirement it fills.
    #[serde(default)]
    pub requirement: Option<String>,
    /// Road travel time at dispatch, seconds.
    #[serde(default)]
    pub eta_s: Option<f64>,
    /// Road distance at dispatch, metres (for the average-speed check).
    #[serde(default)]
    pub distance_m: Option<f64>,
}

/// A station to alert (联动通知, e.g. a micro fire station).
#[derive(Debug, Clone, PartialEq, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StationAlert {
    /// Station id.
    pub station_id: i64,
    /// Road travel time, seconds.
    #[serde(default)]
    pub eta_s: Option<f64>,
    /// Why (the rule).
    #[serde(default)]
    pub reason: Option<String>,
}

/// A dispatch record.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Dispatch {
    /// Id.
    pub id: i64,
    /// Incident.
    pub incident_id: i64,
    /// Vehicle (`None` for a station alert).
    pub vehicle_id: Option<i64>,
    /// Station.
    pub station_id: i64,
    /// Requirement filled, or the alert's reason.
    pub requirement: Option<String>,
    /// Road travel time at dispatch, seconds.
    pub eta_s: Option<f64>,
    /// Road distance at dispatch, metres.
    pub distance_m: Option<f64>,
    /// Status.
    pub status: DispatchStatus,
    /// Created (UTC).
    pub created_at: String,
    /// Last change (UTC).
    pub updated_at: String,
}

fn decode(r: &AnyRow) -> Result<Dispatch> {
    let id: i64 = r.try_get(0)?;
    let status: String = r.try_get(8)?;
    Ok(Dispatch {
        id,
        incident_id: r.try_get(1)?,
        vehicle_id: r.try_get(2)?,
        station_id: r.try_get(3)?,
        requirement: r.try_get(4)?,
        eta_s: r.try_get(5)?,
        distance_m: r.try_get(6)?,
        status: DispatchStatus::ALL.iter().copied().find(|s| s.code() == status).ok_or(StoreError::Corrupt {
            table: "dispatches",
            id,
            reason: format!("status {status:?}"),
        })?,
        created_at: r.try_get(9)?,
        updated_at: r.try_get(10)?,
    })
}

fn conflict_on_unique(e: sqlx::Error, what: FieldError) -> StoreError {
    match &e {
        sqlx::Error::Database(d) if matches!(d.kind(), sqlx::error::ErrorKind::UniqueViolation) => {
            StoreError::Conflict(what.into())
        }
        _ => StoreError::Database(e),
    }
}

impl Incidents<'_> {
    pub(crate) async fn dispatches_tx(&self, tx: &mut Transaction<'_, Any>, incident_id: i64) -> Result<Vec<Dispatch>> {
        let rows = sqlx::query(
            "SELECT id, incident_id, vehicle_id, station_id, requirement, eta_s, distance_m, jurisdiction_id, status, created_at, updated_at \
             FROM dispatches WHERE incident_id = $1 ORDER BY id",
        )
        .bind(incident_id)
        .fetch_all(&mut **tx)
        .await?;
        rows.iter().map(decode).collect()
    }

    /// The dispatches and alerts of an incident visible in `scope`.
    pub async fn dispatches(&self, scope: &Scope, incident_id: i64) -> Result<Vec<Dispatch>> {
        self.get_incident(scope, incident_id).await?;
        let mut tx = self.pool().begin().await?;
        let out = self.dispatches_tx(&mut tx, incident_id).await?;
        tx.commit().await?;
        Ok(out)
    }

    /// Sends vehicles and alerts stations, all or nothing: every vehicle must be 在队 and visible
    /// to the actor; each becomes 出动 with its dispatch record; the incident becomes 已调派.
    pub async fn dispatch_vehicles(
        &self,
        actor: &Principal,
        incident_id: i64,
        orders: Vec<DispatchOrder>,
        alerts: Vec<StationAlert>,
    ) -> Result<Vec<Dispatch>> {
        let incident = self.get_incident(&Scope::from(actor), incident_id).await?;
        if incident.status == IncidentStatus::Closed {
            return Err(crate::store::timeline::incident_closed());
        }
        if orders.is_empty() && alerts.is_empty() {
            let reason = "nothing to dispatch: give vehicles or stations to alert";
            return Err(StoreError::invalid("vehicles", kernel::REQUIRED, reason));
        }
        let mut c = huoyan_domain::validate::Checker::default();
        for (i, o) in orders.iter().enumerate() {
            if orders[..i].iter().any(|p| p.vehicle_id == o.vehicle_id) {
                let reason = format!("vehicle {} is listed twice", o.vehicle_id);
                c.push(FieldError::new(format!("vehicles[{i}]"), kernel::DUPLICATE, reason).with("id", o.vehicle_id));
            }
            c.opt_text(&format!("vehicles[{i}].requirement"), &o.requirement);
            c.range(&format!("vehicles[{i}].eta_s"), o.eta_s, 0.0, 1e7);
            c.range(&format!("vehicles[{i}].distance_m"), o.distance_m, 0.0, 1e7);
        }
        for (i, a) in alerts.iter().enumerate() {
            c.opt_text(&format!("alerts[{i}].reason"), &a.reason);
            c.range(&format!("alerts[{i}].eta_s"), a.eta_s, 0.0, 1e7);
        }
        c.finish().map_err(StoreError::Invalid)?;
        let mut tx = self.begin_write().await?;
        if !orders.is_empty() {
            // Once 扑灭 or 结束 is recorded, no vehicle is sent (alerting stations stays possible).
            let out: Option<String> = sqlx::query_scalar(
                "SELECT stage FROM incident_events WHERE incident_id = $1 AND stage IN ('extinguished', 'ended') ORDER BY at, id",
            )
            .bind(incident_id)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some(stage) = out {
                let zh = crate::rules::Stage::parse(&stage).map_or("扑灭", |s| s.zh());
                let reason =
                    format!("{zh}已记录，不再调派车辆 (the fire is out: {stage} is recorded; no vehicle is sent)");
                let e = FieldError::new("vehicles", code::FIRE_OUT, reason).with("stage", stage.as_str());
                return Err(StoreError::Conflict(e.into()));
            }
        }
        let existing = self.dispatches_tx(&mut tx, incident_id).await?;
        let at = now();
        let mut made = Vec::new();
        for (i, o) in orders.iter().enumerate() {
            let row = sqlx::query("SELECT v.parent_id, j.path FROM vehicles v JOIN jurisdictions j ON j.id = v.jurisdiction_id WHERE v.id = $1")
                .bind(o.vehicle_id)
                .fetch_optional(&mut *tx)
                .await?;
            let visible = row
                .as_ref()
                .map(|r| r.try_get::<String, _>(1))
                .transpose()?
                .is_some_and(|p| huoyan_domain::jurisdiction::path_within(&p, &actor.jurisdiction_path));
            let (Some(row), true) = (row, visible) else {
                let reason = format!("vehicle {} does not exist", o.vehicle_id);
                return Err(unknown_reference(&format!("vehicles[{i}]"), "vehicles", o.vehicle_id, reason).into());
            };
            let station_id: Option<i64> = row.try_get(0)?;
            let v = set_vehicle_status_tx(
                &mut tx,
                self.backend(),
                o.vehicle_id,
                Some(VehicleStatus::InStation),
                VehicleStatus::Dispatched,
            )
            .await
            .map_err(|e| match e {
                StoreError::Conflict(m) => {
                    let reason =
                        format!("{m}；已被调派或检修的车辆不能再调派 (a committed vehicle cannot be dispatched again)");
                    // The kernel's refusal (`vehicle_status`: not 在队; `vehicle_changed`: changed
                    // meanwhile) with its parameters, on this vehicle of the order.
                    let kernel = m.detail.map_or_else(|| FieldError::new("", kernel::INVALID, ""), |d| *d);
                    let c =
                        if kernel.code == kernel::VEHICLE_STATUS { code::VEHICLE_NOT_AVAILABLE } else { &kernel.code };
                    let e = FieldError {
                        params: kernel.params.clone(),
                        ..FieldError::new(format!("vehicles[{i}]"), c, reason)
                    };
                    StoreError::Conflict(e.into())
                }
                other => other,
            })?;
            let id = insert_dispatch(
                &mut tx,
                incident_id,
                incident.jurisdiction_id,
                Some(o.vehicle_id),
                station_id.unwrap_or(v.station_id),
                o.requirement.as_deref(),
                o.eta_s,
                o.distance_m,
                DispatchStatus::Dispatched,
                &at,
            )
            .await
            .map_err(|e| match e {
                StoreError::Database(e) => conflict_on_unique(
                    e,
                    FieldError::new(
                        format!("vehicles[{i}]"),
                        code::VEHICLE_COMMITTED_ELSEWHERE,
                        format!("车辆 {} 已调派到其他警情 (vehicle {} is committed elsewhere)", v.name, v.name),
                    )
                    .with("vehicle", v.name.as_str()),
                ),
                other => other,
            })?;
            made.push(id);
        }
        for (i, a) in alerts.iter().enumerate() {
            let row = sqlx::query(
                "SELECT j.path FROM stations s JOIN jurisdictions j ON j.id = s.jurisdiction_id WHERE s.id = $1",
            )
            .bind(a.station_id)
            .fetch_optional(&mut *tx)
            .await?;
            let path: Option<String> = row.map(|r| r.try_get(0)).transpose()?;
            if !path.is_some_and(|p| huoyan_domain::jurisdiction::path_within(&p, &actor.jurisdiction_path)) {
                let reason = format!("station {} does not exist", a.station_id);
                return Err(unknown_reference(&format!("alerts[{i}]"), "stations", a.station_id, reason).into());
            }
            if existing.iter().any(|d| d.vehicle_id.is_none() && d.station_id == a.station_id) {
                continue;
            }
            made.push(
                insert_dispatch(
                    &mut tx,
                    incident_id,
                    incident.jurisdiction_id,
                    None,
                    a.station_id,
                    a.reason.as_deref(),
                    a.eta_s,
                    None,
                    DispatchStatus::Alerted,
                    &at,
                )
                .await?,
            );
        }
        if incident.status == IncidentStatus::Received && !orders.is_empty() {
            sqlx::query(
                "UPDATE incidents SET status = 'dispatched', updated_at = $1, version = version + 1 WHERE id = $2",
            )
            .bind(at.as_str())
            .bind(incident_id)
            .execute(&mut *tx)
            .await?;
        }
        let all = self.dispatches_tx(&mut tx, incident_id).await?;
        let new: Vec<Dispatch> = all.into_iter().filter(|d| made.contains(&d.id)).collect();
        audit::append(
            &mut tx,
            self.backend(),
            actor,
            AuditEntry::new("dispatch", "incidents", Some(incident_id), Some(incident.jurisdiction_id)).after(&new),
        )
        .await?;
        tx.commit().await?;
        Ok(new)
    }

    /// Changes a vehicle's status by hand: 在队 ↔ 检修 for a vehicle not committed, or 出动 → 在队
    /// to call a dispatch off before the vehicle leaves (出动 recorded on the timeline). Every other
    /// change goes through the incident timeline.
    pub async fn set_vehicle_status(&self, actor: &Principal, vehicle_id: i64, to: VehicleStatus) -> Result<Vehicle> {
        let before: Vehicle = self.get(&Scope::from(actor), vehicle_id).await?;
        let mut tx = self.begin_write().await?;
        let active = sqlx::query("SELECT id, incident_id, status FROM dispatches WHERE vehicle_id = $1 AND status IN ('dispatched', 'en_route', 'on_scene', 'returning')")
            .bind(vehicle_id)
            .fetch_optional(&mut *tx)
            .await?;
        match (active, before.status, to) {
            (Some(d), VehicleStatus::Dispatched, VehicleStatus::InStation) => {
                let (did, status): (i64, String) = (d.try_get(0)?, d.try_get(2)?);
                if status != "dispatched" {
                    let reason =
                        "车辆已出动，请在时间线记录中途返回 (the vehicle has left; record 中途返回 on the timeline)";
                    return Err(StoreError::Conflict(FieldError::new("status", code::VEHICLE_LEFT, reason).into()));
                }
                sqlx::query("UPDATE dispatches SET status = 'cancelled', updated_at = $1 WHERE id = $2")
                    .bind(now())
                    .bind(did)
                    .execute(&mut *tx)
                    .await?;
            }
            (Some(d), _, _) => {
                let inc: i64 = d.try_get(1)?;
                let reason = format!(
                    "车辆已调派到警情 {inc}，状态随时间线变化 (vehicle committed to incident {inc}: record 到场/撤离/归队 on its timeline)"
                );
                let e = FieldError::new("status", code::VEHICLE_ON_INCIDENT, reason).with("incident", inc);
                return Err(StoreError::Conflict(e.into()));
            }
            (None, _, VehicleStatus::InStation | VehicleStatus::Maintenance) => {}
            (None, _, other) => {
                let reason =
                    format!("{}只能通过调派产生 (status {} comes only from a dispatch)", other.zh(), other.code());
                let e = FieldError::new("status", code::STATUS_FROM_DISPATCH, reason).with("status", other.code());
                return Err(e.into());
            }
        }
        let after = set_vehicle_status_tx(&mut tx, self.backend(), vehicle_id, Some(before.status), to).await?;
        audit::append(
            &mut tx,
            self.backend(),
            actor,
            AuditEntry::new("update", "vehicles", Some(vehicle_id), Some(after.jurisdiction_id))
                .before(&before)
                .after(&after),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }
}

#[allow(clippy::too_many_arguments)]
async fn insert_dispatch(
    tx: &mut Transaction<'_, Any>,
    incident_id: i64,
    jurisdiction_id: i64,
    vehicle_id: Option<i64>,
    station_id: i64,
    requirement: Option<&str>,
    eta_s: Option<f64>,
    distance_m: Option<f64>,
    status: DispatchStatus,
    at: &str,
) -> Result<i64> {
    let row = sqlx::query(
        "INSERT INTO dispatches (incident_id, jurisdiction_id, vehicle_id, station_id, requirement, eta_s, distance_m, status, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, CAST($6 AS DOUBLE PRECISION), CAST($7 AS DOUBLE PRECISION), $8, $9, $9) RETURNING id",
    )
    .bind(incident_id)
    .bind(jurisdiction_id)
    .bind(vehicle_id)
    .bind(station_id)
    .bind(requirement)
    .bind(opt_float(eta_s))
    .bind(opt_float(distance_m))
    .bind(status.code())
    .bind(at)
    .fetch_one(&mut **tx)
    .await?;
    Ok(row.try_get(0)?)
}
