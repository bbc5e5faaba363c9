//! The incident timeline in the store: append-only entries (the database refuses UPDATE and
//! DELETE), each checked against those recorded before with `crate::rules::check_entry` and
//! moving the vehicle along 出动 → 途中 → 到场 → 返队 → 在队 in the same transaction as the entry,
//! its dispatch record, the incident's status and the audit entry.

use chrono::{DateTime, Utc};
use huoyan_domain::account::Principal;
use huoyan_domain::validate::code as kernel;
use huoyan_domain::{FieldError, VehicleStatus};
use huoyan_store::audit::{self, AuditEntry};
use huoyan_store::query::Scope;
use huoyan_store::records::set_vehicle_status_tx;
use huoyan_store::{Backend, Result, StoreError, now};
use serde::{Deserialize, Serialize};
use sqlx::{Any, Row, Transaction};
use utoipa::ToSchema;

use crate::rules::{Mark, Stage, advance, check_entry, code};
use crate::store::Incidents;
use crate::store::dispatch::DispatchStatus;
use crate::store::incidents::{Incident, IncidentStatus};

/// A recorded stage.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct TimelineEntry {
    /// Id.
    pub id: i64,
    /// Incident.
    pub incident_id: i64,
    /// Stage.
    pub stage: Stage,
    /// The stage's Chinese term.
    pub stage_zh: String,
    /// When it happened (UTC RFC 3339).
    pub at: String,
    /// The vehicle, for per-vehicle stages.
    pub vehicle_id: Option<i64>,
    /// Who recorded it.
    pub actor: String,
    /// Note (e.g. 平均时速异常原因).
    pub note: Option<String>,
    /// Plausibility warnings given when it was recorded.
    pub warnings: Vec<String>,
    /// When it was recorded (UTC).
    pub recorded_at: String,
}

/// A stage to record.
#[derive(Debug, Clone, PartialEq, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewTimelineEntry {
    /// Stage (code or Chinese term).
    pub stage: Stage,
    /// When; default now.
    #[serde(default)]
    pub at: Option<DateTime<Utc>>,
    /// The vehicle (required for 出动, 中途返回, 到场, 撤离, 归队, unless `vehicle_ids` is given).
    #[serde(default)]
    pub vehicle_id: Option<i64>,
    /// Several vehicles at once, for a per-vehicle stage (e.g. 归队 of every crew at the end), in
    /// place of `vehicle_id`: one entry each, at the same time and with the same note, all
    /// recorded or none (1–100 distinct ids).
    #[serde(default)]
    pub vehicle_ids: Vec<i64>,
    /// Note, e.g. the reason for an implausible average speed.
    #[serde(default)]
    pub note: Option<String>,
    /// 到场时火已熄灭 (reverses the 扑灭 ordering rule).
    #[serde(default)]
    pub fire_out_on_arrival: bool,
}

/// What recording a stage did.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct TimelineOutcome {
    /// The entry (with `vehicle_ids`: the first vehicle's).
    pub entry: TimelineEntry,
    /// Every entry recorded: one, or one per vehicle of `vehicle_ids`, in their order.
    pub entries: Vec<TimelineEntry>,
    /// The incident afterwards.
    pub incident: Incident,
    /// The vehicles' new status, for per-vehicle stages.
    pub vehicle_status: Option<VehicleStatus>,
}

/// At most this many vehicles in one `vehicle_ids`.
pub const MAX_VEHICLES_AT_ONCE: usize = 100;

#[allow(clippy::too_many_arguments)]
pub(crate) async fn insert_event(
    tx: &mut Transaction<'_, Any>,
    backend: Backend,
    actor: &Principal,
    incident_id: i64,
    stage: Stage,
    at: &str,
    vehicle_id: Option<i64>,
    note: Option<&str>,
    warnings: &[String],
) -> Result<i64> {
    let warnings =
        serde_json::to_string(warnings).map_err(|e| StoreError::invalid("warnings", kernel::INVALID, e.to_string()))?;
    let row = huoyan_store::dynq(format!(
        "INSERT INTO incident_events (incident_id, stage, at, vehicle_id, actor_id, actor, note, warnings, recorded_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, {}, $9) RETURNING id",
        backend.json_param(8)
    ))
    .bind(incident_id)
    .bind(stage.code())
    .bind(at)
    .bind(vehicle_id)
    .bind(actor.user_id)
    .bind(actor.username.as_str())
    .bind(note)
    .bind(warnings)
    .bind(now())
    .fetch_one(&mut **tx)
    .await?;
    Ok(row.try_get(0)?)
}

/// 409: the incident is closed (`incident_closed`).
pub(crate) fn incident_closed() -> StoreError {
    let e = FieldError::new("incident", code::INCIDENT_CLOSED, "警情已处置结束 (the incident is closed)");
    StoreError::Conflict(e.into())
}

fn parse_time(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s).ok().map(|t| t.with_timezone(&Utc))
}

impl Incidents<'_> {
    async fn events_tx(&self, tx: &mut Transaction<'_, Any>, incident_id: i64) -> Result<Vec<TimelineEntry>> {
        let rows = huoyan_store::dynq(format!(
            "SELECT id, incident_id, stage, at, vehicle_id, actor, note, {} AS warnings, recorded_at FROM incident_events WHERE incident_id = $1 ORDER BY at, id",
            self.backend().json_col("warnings")
        ))
        .bind(incident_id)
        .fetch_all(&mut **tx)
        .await?;
        rows.iter()
            .map(|r| {
                let id: i64 = r.try_get(0)?;
                let corrupt = |reason: String| StoreError::Corrupt { table: "incident_events", id, reason };
                let stage: String = r.try_get(2)?;
                let stage = Stage::parse(&stage).ok_or_else(|| corrupt(format!("stage {stage:?}")))?;
                let warnings: String = r.try_get(7)?;
                Ok(TimelineEntry {
                    id,
                    incident_id: r.try_get(1)?,
                    stage,
                    stage_zh: stage.zh().into(),
                    at: r.try_get(3)?,
                    vehicle_id: r.try_get(4)?,
                    actor: r.try_get(5)?,
                    note: r.try_get(6)?,
                    warnings: serde_json::from_str(&warnings).map_err(|e| corrupt(e.to_string()))?,
                    recorded_at: r.try_get(8)?,
                })
            })
            .collect()
    }

    /// The timeline of an incident visible in `scope`, in time order.
    pub async fn timeline(&self, scope: &Scope, incident_id: i64) -> Result<Vec<TimelineEntry>> {
        self.get_incident(scope, incident_id).await?;
        let mut tx = self.pool().begin().await?;
        let out = self.events_tx(&mut tx, incident_id).await?;
        tx.commit().await?;
        Ok(out)
    }

    /// Records a stage — for one vehicle, several (`vehicle_ids`) or the incident: checks order and
    /// plausibility (each vehicle against its own timeline and the incident's, see
    /// [`check_entry`]), moves each vehicle and its dispatch, updates the incident's status, and
    /// audits — all in one transaction, so a batch is recorded whole or not at all. Refusals about
    /// one vehicle carry its id (`vehicle_id`).
    pub async fn add_timeline_entry(
        &self,
        actor: &Principal,
        incident_id: i64,
        e: NewTimelineEntry,
    ) -> Result<TimelineOutcome> {
        let before = self.get_incident(&Scope::from(actor), incident_id).await?;
        if before.status == IncidentStatus::Closed {
            return Err(incident_closed());
        }
        let mut c = huoyan_domain::validate::Checker::default();
        c.opt_text("note", &e.note);
        let targets = vehicles_of(&e, &mut c);
        c.finish().map_err(StoreError::Invalid)?;
        let now_t = Utc::now();
        let at_t = e.at.unwrap_or(now_t);
        let at = at_t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        let reported = parse_time(&before.reported_at).ok_or(StoreError::Corrupt {
            table: "incidents",
            id: incident_id,
            reason: "reported_at".into(),
        })?;
        let mut tx = self.begin_write().await?;
        let events = self.events_tx(&mut tx, incident_id).await?;
        let dispatches = self.dispatches_tx(&mut tx, incident_id).await?;
        let sent: Vec<(i64, Option<f64>)> =
            dispatches.iter().filter_map(|d| d.vehicle_id.map(|v| (v, d.distance_m.map(|m| m / 1000.0)))).collect();
        let mut marks: Vec<Mark> = events
            .iter()
            .filter_map(|x| parse_time(&x.at).map(|at| Mark { stage: x.stage, at, vehicle_id: x.vehicle_id }))
            .collect();
        let about = |err: FieldError, v: Option<i64>| match v {
            Some(v) => err.with("vehicle_id", v),
            None => err,
        };
        let mut new_status = None;
        let mut ids = Vec::with_capacity(targets.len());
        for vehicle in targets {
            if events.iter().any(|x| x.stage == e.stage && (!e.stage.per_vehicle() || x.vehicle_id == vehicle)) {
                let reason = format!(
                    "{}{}已记录 ({} is already recorded{})",
                    vehicle.map(|v| format!("车辆 {v} 的")).unwrap_or_default(),
                    e.stage.zh(),
                    e.stage.code(),
                    if vehicle.is_some() { " for this vehicle" } else { "" }
                );
                let err = FieldError::new("stage", code::STAGE_RECORDED, reason)
                    .with("stage", e.stage.code())
                    .with("vehicle", vehicle.is_some());
                return Err(StoreError::Conflict(about(err, vehicle).into()));
            }
            let new = Mark { stage: e.stage, at: at_t, vehicle_id: vehicle };
            let check = check_entry(&marks, &new, &sent, reported, e.fire_out_on_arrival, now_t);
            if !check.errors.is_empty() {
                return Err(StoreError::Invalid(check.errors.into_iter().map(|x| about(x, vehicle)).collect()));
            }
            if let Some(v) = vehicle {
                let d =
                    dispatches.iter().find(|d| d.vehicle_id == Some(v) && d.status.is_active()).ok_or_else(|| {
                        let reason =
                            format!("车辆 {v} 未调派到此警情或已归队 (vehicle {v} is not committed to this incident)");
                        StoreError::Conflict(
                            FieldError::new("vehicle_id", code::VEHICLE_NOT_COMMITTED, reason)
                                .with("vehicle", v)
                                .into(),
                        )
                    })?;
                let current = d.status.vehicle_status().unwrap_or(VehicleStatus::Dispatched);
                let next = advance(current, e.stage).map_err(|r| match r.detail {
                    Some(d) => StoreError::Conflict(about(*d, vehicle).into()),
                    None => StoreError::Conflict(r),
                })?;
                set_vehicle_status_tx(&mut tx, self.backend(), v, Some(current), next).await?;
                sqlx::query("UPDATE dispatches SET status = $1, updated_at = $2 WHERE id = $3")
                    .bind(DispatchStatus::from_vehicle(next).code())
                    .bind(now())
                    .bind(d.id)
                    .execute(&mut *tx)
                    .await?;
                new_status = Some(next);
            }
            if e.stage == Stage::Closed {
                let active = dispatches.iter().filter(|d| d.status.is_active()).count();
                if active > 0 {
                    let reason =
                        format!("还有 {active} 辆车未归队，不能结束警情 ({active} vehicles are still committed)");
                    let e = FieldError::new("stage", code::VEHICLES_COMMITTED, reason).with("n", active);
                    return Err(StoreError::Conflict(e.into()));
                }
            }
            let warnings: Vec<String> = check.warnings.iter().map(|w| w.reason.clone()).collect();
            let id = insert_event(
                &mut tx,
                self.backend(),
                actor,
                incident_id,
                e.stage,
                &at,
                vehicle.or(e.vehicle_id),
                e.note.as_deref(),
                &warnings,
            )
            .await?;
            marks.push(new);
            ids.push(id);
        }
        let status = match e.stage {
            Stage::Closed => IncidentStatus::Closed,
            Stage::Arrival if before.status != IncidentStatus::OnScene => IncidentStatus::OnScene,
            _ => before.status,
        };
        sqlx::query("UPDATE incidents SET status = $1, updated_at = $2, version = version + 1 WHERE id = $3")
            .bind(status.code())
            .bind(now())
            .bind(incident_id)
            .execute(&mut *tx)
            .await?;
        let incident = self.incident_tx(&mut tx, incident_id).await?;
        let recorded = self.events_tx(&mut tx, incident_id).await?;
        let mut entries = Vec::with_capacity(ids.len());
        for id in ids {
            let entry = recorded
                .iter()
                .find(|x| x.id == id)
                .cloned()
                .ok_or(StoreError::NotFound { entity: "incident_events", id })?;
            audit::append(
                &mut tx,
                self.backend(),
                actor,
                AuditEntry::new("timeline", "incidents", Some(incident_id), Some(incident.jurisdiction_id))
                    .after(&entry),
            )
            .await?;
            entries.push(entry);
        }
        tx.commit().await?;
        let entry = entries.first().cloned().ok_or(StoreError::NotFound { entity: "incident_events", id: 0 })?;
        Ok(TimelineOutcome { entry, entries, incident, vehicle_status: new_status })
    }
}

/// The vehicles an entry is for (`None`: the incident), or the refusals of its `vehicle_id` and
/// `vehicle_ids` pushed to `c`: a per-vehicle stage needs one of them, an incident stage takes
/// no `vehicle_ids`, and a list holds 1–100 distinct ids.
fn vehicles_of(e: &NewTimelineEntry, c: &mut huoyan_domain::validate::Checker) -> Vec<Option<i64>> {
    if e.vehicle_ids.is_empty() {
        if e.stage.per_vehicle() && e.vehicle_id.is_none() {
            let reason = format!("{}需要指明车辆 (stage {} needs vehicle_id)", e.stage.zh(), e.stage.code());
            c.push(FieldError::new("vehicle_id", code::VEHICLE_REQUIRED, reason).with("stage", e.stage.code()));
        }
        return vec![if e.stage.per_vehicle() { e.vehicle_id } else { None }];
    }
    if !e.stage.per_vehicle() {
        let reason = format!(
            "{}是警情的时间节点，不按车辆记录 (stage {} belongs to the incident)",
            e.stage.zh(),
            e.stage.code()
        );
        c.push(FieldError::new("vehicle_ids", code::INCIDENT_STAGE, reason).with("stage", e.stage.code()));
    }
    if e.vehicle_id.is_some() {
        let reason = "vehicle_id 与 vehicle_ids 只能给一个 (give vehicle_id or vehicle_ids, not both)";
        c.push(FieldError::new("vehicle_ids", code::VEHICLE_OR_VEHICLES, reason));
    }
    if e.vehicle_ids.len() > MAX_VEHICLES_AT_ONCE {
        let reason = format!("一次最多记录 {MAX_VEHICLES_AT_ONCE} 辆车 (at most {MAX_VEHICLES_AT_ONCE} vehicles)");
        c.push(FieldError::new("vehicle_ids", kernel::TOO_MANY, reason).with("max", MAX_VEHICLES_AT_ONCE));
    }
    let mut seen = std::collections::HashSet::new();
    if let Some(v) = e.vehicle_ids.iter().find(|v| !seen.insert(**v)) {
        let reason = format!("车辆 {v} 重复 (vehicle {v} is listed twice)");
        c.push(FieldError::new("vehicle_ids", code::DUPLICATE_VEHICLE, reason).with("vehicle_id", *v));
    }
    e.vehicle_ids.iter().map(|v| Some(*v)).collect()
}
