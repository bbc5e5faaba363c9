//! What the dispatcher sees beside an incident, and the dispatch plans:
//!
//! - the recommendation: the plan in force selected for the incident (`huoyan_dispatch`), filled
//!   from the caller's vehicles by road travel time (one one-to-many search of the routing graph
//!   from every force to the incident), with the 1–3–5 minute alerts;
//! - routes with ETA labels from the stations involved, nearby water sources with status and road
//!   distance, and the pre-plan of the incident's unit or of the nearest key unit;
//! - `GET /api/v1/dispatch-plans` (the set in force and the load history) and
//!   `POST /api/v1/dispatch-plans` (load a set, TOML or JSON; admin and dispatcher);
//! - `POST /api/v1/vehicles/{id}/status` (在队 ↔ 检修, or calling a dispatch off).

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, header};
use axum::routing::{get, post};
use axum::{Json, Router};
use huoyan_api::AppState;
use huoyan_api::error::{ApiError, ApiResult};
use huoyan_api::extract::{Auth, decode_json};
use huoyan_api::params::parse_id;
use huoyan_domain::access::{Action, Resource};
use huoyan_domain::geometry::{BBox, distance_m};
use huoyan_domain::{Record, Unit, UnitClass, Vehicle, VehicleStatus, WaterSource};
use huoyan_store::{ListQuery, Scope};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::rules::{PlanSet, Recommendation, Target};
pub use crate::situation::Situation;
use crate::store::Incidents;
use crate::store::incidents::Incident;
use crate::store::preplans::PrePlan;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/dispatch-plans", get(plans).post(load_plans))
        .route("/vehicles/{id}/status", post(vehicle_status))
}

/// Every record of a kind visible in `scope`.
pub async fn all<R: Record>(st: &AppState, scope: &Scope, q: ListQuery) -> ApiResult<Vec<R>> {
    Ok(crate::situation::all(&st.store, scope, q).await?)
}

/// The plan target of a stored incident: its category, sub-type, level and unit.
pub fn target(inc: &Incident, unit: Option<&Unit>) -> Target {
    Target::for_incident(inc.category, inc.sub_type.clone(), inc.level, unit)
}

/// Fills the plan for a target from the situation (500 when the plan set has no plan for it).
pub fn recommend(plans: &PlanSet, t: &Target, sit: &Situation, unit_id: Option<i64>) -> ApiResult<Recommendation> {
    crate::situation::fill(plans, t, sit, unit_id)
        .ok_or_else(|| ApiError::Internal("the plan set has no catch-all for the category".into()))
}

/// The unit of an incident, if it has one the caller can see.
pub async fn unit_of(st: &AppState, scope: &Scope, inc: &Incident) -> ApiResult<Option<Unit>> {
    match inc.unit_id {
        Some(id) => match st.store.get::<Unit>(scope, id).await {
            Ok(u) => Ok(Some(u)),
            Err(huoyan_store::StoreError::NotFound { .. }) => Ok(None),
            Err(e) => Err(e.into()),
        },
        None => Ok(None),
    }
}

/// An ETA label, e.g. `4.2 分钟`.
pub fn label(seconds: f64) -> String {
    format!("{:.1} 分钟", seconds / 60.0)
}

/// Routes from the given stations to the point as a GeoJSON FeatureCollection with ETA labels.
pub fn routes(sit: &Situation, stations: &[i64], to: (f64, f64)) -> Value {
    let mut seen = Vec::new();
    let mut features = Vec::new();
    for &sid in stations {
        if seen.contains(&sid) || seen.len() >= 30 {
            continue;
        }
        seen.push(sid);
        let Some(s) = sit.stations.iter().find(|s| s.id == sid) else { continue };
        if let Some(r) = sit.route_from(sid, to) {
            features.push(json!({"type": "Feature", "geometry": r.geometry, "properties": {
                "station_id": sid, "station_name": s.name, "station_kind": s.kind, "seconds": (r.seconds * 10.0).round() / 10.0,
                "meters": r.metres.round(), "label": format!("{} {}", s.name, label(r.seconds))}}));
        }
    }
    json!({"type": "FeatureCollection", "features": features})
}

/// A water source near an incident.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct NearbyWater {
    /// The record.
    pub water_source: WaterSource,
    /// The status in Chinese.
    pub status_zh: String,
    /// Whether it can be used now (完好).
    pub usable: bool,
    /// Straight-line distance, m.
    pub straight_m: f64,
    /// Road distance from the incident, m (`None`: not reachable by road or no graph).
    pub road_m: Option<f64>,
    /// Road travel time, s.
    pub road_s: Option<f64>,
}

/// Water sources within `radius_m` of a point, nearest first (at most 30), with road distances.
pub async fn water_near(
    st: &AppState,
    scope: &Scope,
    at: (f64, f64),
    radius_m: f64,
    g: Option<&huoyan_geo::Router>,
) -> ApiResult<Vec<NearbyWater>> {
    let dlat = radius_m / 111_320.0;
    let dlon = radius_m / (111_320.0 * at.1.to_radians().cos().abs().max(0.01));
    let bbox = BBox { min_lon: at.0 - dlon, min_lat: at.1 - dlat, max_lon: at.0 + dlon, max_lat: at.1 + dlat };
    let found: Vec<WaterSource> = all(st, scope, ListQuery { bbox: Some(bbox), ..Default::default() }).await?;
    let mut near: Vec<(f64, WaterSource)> =
        found.into_iter().map(|w| (distance_m(at, (w.lon, w.lat)), w)).filter(|(d, _)| *d <= radius_m).collect();
    near.sort_by(|a, b| a.0.total_cmp(&b.0));
    near.truncate(30);
    Ok(near
        .into_iter()
        .map(|(d, w)| {
            let r = g.and_then(|g| g.route(at, (w.lon, w.lat)).ok());
            NearbyWater {
                status_zh: w.status.zh().into(),
                usable: w.status == huoyan_domain::WaterStatus::Intact,
                straight_m: d.round(),
                road_m: r.as_ref().map(|r| r.metres.round()),
                road_s: r.as_ref().map(|r| (r.seconds * 10.0).round() / 10.0),
                water_source: w,
            }
        })
        .collect())
}

/// The pre-plan shown for an incident.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct IncidentPrePlan {
    /// `unit` (the incident's own unit), `nearest` (the nearest key unit with a pre-plan within
    /// 300 m), or `none`.
    pub r#match: String,
    /// The unit whose pre-plan it is.
    pub unit_id: Option<i64>,
    /// Its distance from the incident, m.
    pub distance_m: Option<f64>,
    /// The pre-plan.
    pub preplan: Option<PrePlan>,
}

/// The pre-plan of the incident's unit, or of the nearest key unit with one within 300 m.
pub async fn preplan_for(st: &AppState, scope: &Scope, inc: &Incident) -> ApiResult<IncidentPrePlan> {
    if let Some(u) = inc.unit_id
        && let Some(p) = Incidents(&st.store).preplan_for_unit(scope, u).await?
    {
        return Ok(IncidentPrePlan {
            r#match: "unit".into(),
            unit_id: Some(u),
            distance_m: Some(0.0),
            preplan: Some(p),
        });
    }
    let at = (inc.lon, inc.lat);
    let r = 300.0;
    let dlat = r / 111_320.0;
    let dlon = r / (111_320.0 * inc.lat.to_radians().cos().abs().max(0.01));
    let bbox = BBox { min_lon: at.0 - dlon, min_lat: at.1 - dlat, max_lon: at.0 + dlon, max_lat: at.1 + dlat };
    let mut units: Vec<(f64, Unit)> = Vec::new();
    for class in [UnitClass::KeyUnit, UnitClass::HighRisk] {
        let q = ListQuery { bbox: Some(bbox), class: Some(class.code().into()), ..Default::default() };
        for u in all::<Unit>(st, scope, q).await? {
            if !units.iter().any(|(_, x)| x.id == u.id) {
                units.push((distance_m(at, (u.lon, u.lat)), u));
            }
        }
    }
    units.retain(|(d, _)| *d <= r);
    units.sort_by(|a, b| a.0.total_cmp(&b.0));
    for (d, u) in units.into_iter().take(10) {
        if let Some(p) = Incidents(&st.store).preplan_for_unit(scope, u.id).await? {
            return Ok(IncidentPrePlan {
                r#match: "nearest".into(),
                unit_id: Some(u.id),
                distance_m: Some(d.round()),
                preplan: Some(p),
            });
        }
    }
    Ok(IncidentPrePlan { r#match: "none".into(), unit_id: None, distance_m: None, preplan: None })
}

/// Names of vehicles and stations by id, for lists shown to people.
pub fn names(sit: &Situation) -> (HashMap<i64, String>, HashMap<i64, String>) {
    (
        sit.vehicles.iter().map(|v| (v.id, v.name.clone())).collect(),
        sit.stations.iter().map(|s| (s.id, s.name.clone())).collect(),
    )
}

/// The plan set in force and the load history.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PlanSets {
    /// The set in force.
    pub in_force: PlanSet,
    /// Loads, newest first, then the built-in baseline.
    pub history: Vec<crate::store::plansets::PlanSetInfo>,
}

async fn plans(State(st): State<AppState>, auth: Auth) -> ApiResult<Json<PlanSets>> {
    auth.require(Resource::DispatchPlan, Action::Read)?;
    let in_force = (*Incidents(&st.store).dispatch_plans().await?).clone();
    Ok(Json(PlanSets { in_force, history: Incidents(&st.store).dispatch_plan_history().await? }))
}

/// Loads a plan set, as TOML (`application/toml`) or JSON.
async fn load_plans(
    State(st): State<AppState>,
    auth: Auth,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<(axum::http::StatusCode, Json<crate::store::plansets::PlanSetInfo>)> {
    let p = auth.require(Resource::DispatchPlan, Action::Write)?;
    let ct = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let text = std::str::from_utf8(&body).map_err(|_| ApiError::BadRequest("the plan set is not UTF-8".into()))?;
    let set = if ct.starts_with("application/json") {
        PlanSet::from_json(text)
    } else if ct.starts_with("application/toml") || ct.starts_with("text/") {
        PlanSet::from_toml(text)
    } else {
        return Err(ApiError::UnsupportedMediaType("send the plan set as application/toml or application/json".into()));
    }
    .map_err(|e| ApiError::field("plans", crate::rules::code::BAD_PLAN_SET, e.to_string()))?;
    Ok((axum::http::StatusCode::CREATED, Json(Incidents(&st.store).load_dispatch_plans(p, set).await?)))
}

/// A manual status change.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusChange {
    /// `in_station` (在队) or `maintenance` (检修); `in_station` for a vehicle 出动 but not yet left calls the dispatch off.
    pub status: VehicleStatus,
}

async fn vehicle_status(
    State(st): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult<Json<Vehicle>> {
    let p = auth.require(Resource::Vehicle, Action::Write)?;
    let id = parse_id(&id)?;
    let c: StatusChange = decode_json(&body)?;
    Ok(Json(Incidents(&st.store).set_vehicle_status(p, id, c.status).await?))
}
