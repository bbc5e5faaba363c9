//! The intake (接警) as a service: from an [`IncidentRequest`] and the caller to a stored incident
//! with the recommendation of what to send ([`Intake`]), or a typed refusal ([`IntakeError`]).
//! The HTTP handler (`POST /api/v1/incidents`, `routes/incidents.rs`) only extracts the request,
//! calls [`take_in`] and answers.
//!
//! Each rule is checked in exactly one place:
//!
//! | rule | where |
//! |---|---|
//! | the caller may take incidents in (role) | the handler (`Auth::require`), as for every route |
//! | the caller may read alarms, when the intake names one (role) | here ([`take_in`]) |
//! | the alarm: in the caller's scope, a 火警 confirmed as real, not yet an incident | the monitoring module, `huoyan_monitor::api::alarm_for_incident`: asked here first (its unit is the default place), and again in the store's transaction, which links it (concurrent intakes) |
//! | the place: `lon`+`lat`, `unit_id` or `unit_query` (one unit of the caller's scope) | here (`locate`) |
//! | coordinates, texts, response level, 接警 not in the future, the sub-type of the plan set in force | [`NewIncident::check`] |
//! | a force can reach the point by road (unless `accept_unroutable`) | here |
//! | the jurisdiction in the caller's scope, the unit's jurisdiction | [`Incidents::insert_incident`](crate::store::Incidents::insert_incident), in its transaction |
//!
//! The plan is chosen from the checked request itself ([`Target::for_incident`]), and the
//! recommendation computed before the incident is written, from the same inputs it will have.

use std::time::Instant;

use chrono::{DateTime, Utc};
use huoyan_domain::access::{Action, Resource, can};
use huoyan_domain::account::Principal;
use huoyan_domain::incident::IncidentCategory;
use huoyan_domain::validate::{code as kernel, unknown_reference};
use huoyan_domain::{FieldError, Refusal, Unit};
use huoyan_roads::RoadNetwork;
use huoyan_store::{ListQuery, Scope, Store, StoreError};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::rules::{Recommendation, Target, code};
use crate::situation::{Situation, fill};
use crate::store::Incidents;
use crate::store::incidents::{Incident, IncidentSource, NewIncident};

/// An incident to take in. Give `lon`+`lat`, or `unit_id`, or `unit_query` (a unit name or
/// 统一社会信用代码 that must match exactly one unit you can see).
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IncidentRequest {
    /// Category (code or Chinese term).
    pub category: IncidentCategory,
    /// Sub-type (code or Chinese term) of the dispatch plan set in force, e.g. `high_rise` / 高层建筑火灾.
    #[serde(default)]
    pub sub_type: Option<String>,
    /// Response level 1–5 (default 1).
    #[serde(default)]
    pub level: Option<u8>,
    /// Longitude (WGS84).
    #[serde(default)]
    pub lon: Option<f64>,
    /// Latitude (WGS84).
    #[serde(default)]
    pub lat: Option<f64>,
    /// The unit at the address.
    #[serde(default)]
    pub unit_id: Option<i64>,
    /// Find the unit by name or credit code.
    #[serde(default)]
    pub unit_query: Option<String>,
    /// Address (default: the unit's).
    #[serde(default)]
    pub address: Option<String>,
    /// `{"kind": "call"}` (default) or `{"kind": "alarm", "alarm_id": 12}`.
    #[serde(default)]
    pub source: Option<IncidentSource>,
    /// Caller's name.
    #[serde(default)]
    pub caller_name: Option<String>,
    /// Caller's telephone.
    #[serde(default)]
    pub caller_phone: Option<String>,
    /// 被困人员: how many people are trapped, as told (absent: not known; 0: none).
    #[serde(default)]
    #[schema(minimum = 0, maximum = 100000)]
    pub trapped: Option<i64>,
    /// 起火部位 (e.g. 三层厨房).
    #[serde(default)]
    pub fire_location: Option<String>,
    /// 燃烧物质 (e.g. 电动车、油类、化学品).
    #[serde(default)]
    pub burning_material: Option<String>,
    /// 接警时间 (default now).
    #[serde(default)]
    pub reported_at: Option<DateTime<Utc>>,
    /// Notes.
    #[serde(default)]
    pub notes: Option<String>,
    /// Jurisdiction (default: by the point).
    #[serde(default)]
    pub jurisdiction_id: Option<i64>,
    /// Take the incident in although no force can reach it by road (off the network, closures);
    /// without it such an intake is refused (422) so the operator confirms the location first.
    #[serde(default)]
    pub accept_unroutable: bool,
}

/// The answer to an intake.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Intake {
    /// The incident.
    pub incident: Incident,
    /// What to send.
    pub recommendation: Recommendation,
    /// Server time spent, ms: `recommendation_ms` (forces, travel times, plan) and `total_ms` (the whole request).
    #[schema(value_type = Object)]
    pub timing: Value,
}

/// Why an intake was refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum IntakeError {
    /// A refusal (422 fields, 409 conflict, 403 forbidden, 404) or a storage failure, as the
    /// store reports them.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The dispatch plan set in force has no plan for the incident (a set without a catch-all
    /// for its category): a defect of the set, not of the request.
    #[error("the plan set has no catch-all for the category {0}")]
    NoPlan(&'static str),
}

impl From<FieldError> for IntakeError {
    /// One invalid field (422).
    fn from(e: FieldError) -> IntakeError {
        IntakeError::Store(StoreError::Invalid(vec![e]))
    }
}

/// Takes an incident in for `actor`: resolves its place, checks it, computes the recommendation
/// from the forces the actor can see and the road network, and writes it (linking its alarm).
/// See the module's table for which rule is checked where.
pub async fn take_in(
    store: &Store,
    roads: &RoadNetwork,
    actor: &Principal,
    mut r: IncidentRequest,
) -> Result<Intake, IntakeError> {
    let t0 = Instant::now();
    let scope = Scope::from(actor);
    if let Some(IncidentSource::Alarm { alarm_id }) = &r.source {
        if !can(actor.role, Resource::Alarm, Action::Read) {
            let m = format!("the role {} ({}) may not read Alarm", actor.role.code(), actor.role.zh());
            return Err(StoreError::Forbidden(Refusal::from(m)).into());
        }
        let alarm = huoyan_monitor::api::check_alarm_for_incident(store, actor, *alarm_id).await?;
        // From an alarm without a place of its own: the monitored unit.
        if r.unit_id.is_none()
            && r.unit_query.as_deref().is_none_or(|q| q.trim().is_empty())
            && r.lon.is_none()
            && r.lat.is_none()
        {
            r.unit_id = alarm.unit_id;
        }
    }
    let (unit, lon, lat) = locate(store, &scope, &r).await?;
    let mut new = NewIncident::new(
        r.category,
        lon,
        lat,
        r.address
            .clone()
            .or_else(|| unit.as_ref().and_then(|u| u.address.clone()))
            .unwrap_or_else(|| unit.as_ref().map(|u| u.name.clone()).unwrap_or_default()),
    );
    new.sub_type = r.sub_type.clone();
    new.level = r.level.unwrap_or(1);
    new.unit_id = unit.as_ref().map(|u| u.id);
    new.source = r.source.clone().unwrap_or(IncidentSource::Call);
    new.caller_name = r.caller_name.clone();
    new.caller_phone = r.caller_phone.clone();
    new.trapped = r.trapped;
    new.fire_location = r.fire_location.clone();
    new.burning_material = r.burning_material.clone();
    new.reported_at = r.reported_at.unwrap_or_else(Utc::now);
    new.notes = r.notes.clone();
    new.jurisdiction_id = r.jurisdiction_id;
    let t1 = Instant::now();
    let plans = Incidents(store).dispatch_plans().await?;
    let mut new = new.check(&plans).map_err(StoreError::Invalid)?;
    let sit = Situation::at(store, roads, &scope, (lon, lat)).await?;
    if !r.accept_unroutable {
        if let Some(problem) = &sit.routing_problem {
            let reason = format!(
                "{problem}；请核实地点，或以 accept_unroutable=true 确认接警 (check the location, or confirm with accept_unroutable)"
            );
            let e = FieldError::new("lon", code::UNROUTABLE, reason);
            return Err(e.with("problem", sit.routing_code.unwrap_or("off_network")).into());
        }
        if !sit.any_reachable() && sit.stations.iter().any(|s| s.kind != huoyan_domain::StationKind::Micro) {
            let reason = "没有消防力量能经道路到达该地点（道路封闭或路网断开）；请核实，或以 accept_unroutable=true 确认接警 (no force can reach this point by road)";
            return Err(FieldError::new("lon", code::UNROUTABLE, reason).with("problem", "unreachable").into());
        }
    }
    // The recommendation is computed from the same inputs the stored incident will have.
    let target = Target::for_incident(new.category, new.sub_type.clone(), new.level, unit.as_ref());
    let rec = fill(&plans, &target, &sit, new.unit_id).ok_or(IntakeError::NoPlan(new.category.code()))?;
    let rec_ms = t1.elapsed().as_secs_f64() * 1000.0;
    new.set_plan(Some(rec.plan_id.clone()));
    let incident = Incidents(store).insert_incident(actor, new).await?;
    let total_ms = t0.elapsed().as_secs_f64() * 1000.0;
    tracing::info!(incident = incident.id, recommendation_ms = rec_ms, total_ms, "incident taken in");
    let timing =
        json!({"recommendation_ms": (rec_ms * 100.0).round() / 100.0, "total_ms": (total_ms * 100.0).round() / 100.0});
    Ok(Intake { incident, recommendation: rec, timing })
}

/// Resolves the unit and the point of an intake.
async fn locate(store: &Store, scope: &Scope, r: &IncidentRequest) -> Result<(Option<Unit>, f64, f64), IntakeError> {
    let unit = match (&r.unit_id, r.unit_query.as_deref().map(str::trim).filter(|q| !q.is_empty())) {
        (Some(id), _) => Some(store.get::<Unit>(scope, *id).await.map_err(|e| match e {
            StoreError::NotFound { .. } => {
                IntakeError::from(unknown_reference("unit_id", "units", *id, format!("unit {id} does not exist")))
            }
            other => other.into(),
        })?),
        (None, Some(q)) => {
            let found = store
                .list::<Unit>(scope, &ListQuery { q: Some(q.into()), limit: Some(6), ..Default::default() })
                .await?;
            match found.items.len() {
                1 => found.items.into_iter().next(),
                0 => {
                    let e =
                        FieldError::new("unit_query", code::NO_MATCH, format!("没有匹配“{q}”的单位 (no unit matches)"));
                    return Err(e.with("query", q).into());
                }
                _ => {
                    let names: Vec<String> = found.items.iter().map(|u| format!("{}({})", u.name, u.id)).collect();
                    let reason =
                        format!("{} 个单位匹配，请选择 (several units match): {}", found.total, names.join(", "));
                    let e = FieldError::new("unit_query", code::AMBIGUOUS, reason);
                    return Err(e.with("query", q).with("n", found.total).into());
                }
            }
        }
        (None, None) => None,
    };
    match (r.lon, r.lat, &unit) {
        (Some(lon), Some(lat), _) => Ok((unit, lon, lat)),
        (None, None, Some(u)) => {
            let (lon, lat) = (u.lon, u.lat);
            Ok((unit, lon, lat))
        }
        (None, None, None) => {
            Err(FieldError::new("lon", code::LOCATION_REQUIRED, "give lon and lat, unit_id or unit_query").into())
        }
        _ => {
            Err(FieldError::new(if r.lat.is_none() { "lat" } else { "lon" }, kernel::REQUIRED, "give both lon and lat")
                .into())
        }
    }
}
