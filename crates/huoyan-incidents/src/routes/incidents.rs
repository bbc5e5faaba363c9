//! Incidents (接处警) over HTTP:
//!
//! | | |
//! |---|---|
//! | `POST /incidents` | intake from coordinates, a unit id or a unit search, or from a confirmed alarm (`source: {"kind": "alarm", "alarm_id": N}`: the alarm must be a fire confirmed as real and not yet an incident; its unit is the default location; the alarm is linked to the incident); answers the incident with its recommendation (and the server time it took). The intake itself is the service [`crate::intake::take_in`]; the handler extracts, calls it and answers |
//! | `GET /incidents` | list, newest first (`status`, `category`, `open`, `q`: number, address or unit name, `limit`, `offset`) |
//! | `GET /incidents/summary` | now and today, with a daily series (`days`, default 30): the leader's home page |
//! | `GET /incidents/{id}` | one incident |
//! | `PATCH /incidents/{id}` | escalate or correct (level, category, sub-type, address, notes, grading inputs) |
//! | `GET /incidents/{id}/board` | everything the incident screen shows in one call: incident, timeline, dispatches, a fresh recommendation, routes with ETA labels, pre-plan, nearby water |
//! | `GET /incidents/{id}/recommendation` | a fresh recommendation (committed vehicles excluded) |
//! | `POST /incidents/{id}/dispatch` | 一键调派 `{"recommended": true}` or a chosen set `{"vehicles": [..], "alerts": [..]}` |
//! | `GET`/`POST /incidents/{id}/timeline` | the timeline; record a stage (checked, moves the vehicle) |
//! | `GET /incidents/{id}/water` | water sources within `radius_m` (default 500) with status and road distance |
//! | `GET /incidents/{id}/preplan` | the pre-plan of the unit or the nearest key unit |
//!
//! Every change is pushed to consoles on the live bus (`incident`, `incident_update`).

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use huoyan_api::AppState;
use huoyan_api::error::{ApiError, ApiResult};
use huoyan_api::extract::{Auth, decode_json};
use huoyan_api::live::NewLiveEvent;
use huoyan_api::openapi::Q;
use huoyan_api::params::parse_id;
use huoyan_domain::FieldError;
use huoyan_domain::access::{Action, Resource};
use huoyan_domain::incident::IncidentCategory;
use huoyan_domain::validate::code as kernel;
use huoyan_store::{Page, Scope};
use serde::Deserialize;
use serde_json::{Value, json};

use super::dispatch::{Situation, label, names, preplan_for, recommend, routes, target, unit_of, water_near};
use crate::rules::{Recommendation, code};
use crate::store::Incidents;
use crate::store::dispatch::{DispatchOrder, StationAlert};
use crate::store::incidents::{Incident, IncidentPatch, IncidentQuery, IncidentSource};
use crate::store::timeline::NewTimelineEntry;

pub use crate::intake::{IncidentRequest, Intake, IntakeError};

impl From<IntakeError> for ApiError {
    fn from(e: IntakeError) -> ApiError {
        match e {
            IntakeError::Store(e) => e.into(),
            IntakeError::NoPlan(_) => ApiError::Internal(e.to_string()),
        }
    }
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/incidents", get(list).post(create))
        .route("/incidents/summary", get(summary))
        .route("/incidents/{id}", get(get_one).patch(patch))
        .route("/incidents/{id}/board", get(board))
        .route("/incidents/{id}/recommendation", get(recommendation))
        .route("/incidents/{id}/dispatch", post(dispatch))
        .route("/incidents/{id}/timeline", get(timeline).post(add_stage))
        .route("/incidents/{id}/water", get(water))
        .route("/incidents/{id}/preplan", get(preplan))
}

/// Query parameters of `GET /incidents`.
pub const LIST_PARAMS: &[(&str, &str, Q)] = &[
    (
        "status",
        "comma-separated: received, dispatched, on_scene, closed",
        Q::Codes(&["received", "dispatched", "on_scene", "closed"]),
    ),
    (
        "category",
        "fire, rescue, social_assistance, security_duty, false_alarm (or the Chinese term)",
        Q::Code(IncidentCategory::CODES),
    ),
    ("open", "true: only those not closed", Q::Bool),
    (
        "q",
        "接警编号 (2026-000123) or its sequence alone (123: digits match numbers only), or a part of the address or of the unit's name",
        Q::Len(0, 100),
    ),
    ("limit", "1–1000, default 50", Q::Int(1, 1000)),
    ("offset", "rows to skip", Q::Int(0, i64::MAX)),
];

fn event(inc: &Incident, kind: &str, path: String, what: &str) -> NewLiveEvent {
    let mut data = serde_json::to_value(inc).unwrap_or_default();
    data["change"] = Value::from(what);
    NewLiveEvent {
        kind: kind.into(),
        title: format!(
            "{} · {}{}",
            inc.category.zh(),
            inc.address,
            if what.is_empty() { String::new() } else { format!(" · {what}") }
        ),
        level: match (kind, inc.category) {
            ("incident", IncidentCategory::Fire) => "fire".into(),
            ("incident", _) => "warning".into(),
            _ => "info".into(),
        },
        unhandled: inc.status == crate::store::incidents::IncidentStatus::Received,
        data,
        jurisdiction_path: path,
    }
}

async fn publish(st: &AppState, inc: &Incident, kind: &str, what: &str) {
    // The incident is stored: a missing path only narrows who sees the push.
    let path =
        st.store.jurisdiction_path(inc.jurisdiction_id).await.unwrap_or_else(|_| format!("/{}/", inc.jurisdiction_id));
    st.live.publish(event(inc, kind, path, what));
}

async fn create(State(st): State<AppState>, auth: Auth, body: Bytes) -> ApiResult<(StatusCode, Json<Intake>)> {
    let p = auth.require(Resource::Incident, Action::Write)?;
    let r: IncidentRequest = decode_json(&body)?;
    let intake = crate::intake::take_in(&st.store, &st.roads, p, r).await?;
    if let IncidentSource::Alarm { alarm_id } = intake.incident.source {
        // The store linked the alarm to its incident; consoles see the request settled.
        let linked = huoyan_monitor::api::alarm(&st.store, &Scope::from(p), alarm_id).await?;
        let path = st
            .store
            .jurisdiction_path(linked.jurisdiction_id)
            .await
            .unwrap_or_else(|_| format!("/{}/", linked.jurisdiction_id));
        st.live.publish(huoyan_monitor::api::alarm_event(&linked, "incident", &path));
    }
    publish(&st, &intake.incident, "incident", "").await;
    Ok((StatusCode::CREATED, Json(intake)))
}

async fn list(
    State(st): State<AppState>,
    auth: Auth,
    Query(params): Query<Vec<(String, String)>>,
) -> ApiResult<Json<Page<Incident>>> {
    let p = auth.require(Resource::Incident, Action::Read)?;
    let mut q = IncidentQuery::default();
    let int = |k: &str, v: &str, max: i64| match v.parse::<i64>() {
        Ok(n) if (0..=max).contains(&n) => Ok(n),
        _ => Err(ApiError::BadRequest(format!("query parameter {k}: {v:?} is not an integer in 0..{max}"))),
    };
    for (k, v) in &params {
        match k.as_str() {
            "status" => {
                for s in v.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                    if !["received", "dispatched", "on_scene", "closed"].contains(&s) {
                        return Err(ApiError::BadRequest(format!(
                            "query parameter status: {s:?} is not received, dispatched, on_scene or closed"
                        )));
                    }
                    q.statuses.push(s.into());
                }
            }
            "category" => {
                q.category = Some(
                    IncidentCategory::parse(v)
                        .ok_or_else(|| {
                            ApiError::BadRequest(format!("query parameter category: {}", IncidentCategory::expected()))
                        })?
                        .code()
                        .into(),
                )
            }
            "open" => q.open_only = matches!(v.as_str(), "true" | "1"),
            "q" => {
                if v.chars().count() > 100 {
                    return Err(ApiError::BadRequest("query parameter q: at most 100 characters".into()));
                }
                q.q = Some(v.trim().to_string()).filter(|s| !s.is_empty());
            }
            "limit" => q.limit = Some(int(k, v, 1000)?.max(1)),
            "offset" => q.offset = Some(int(k, v, i64::MAX)?),
            _ => {
                return Err(ApiError::BadRequest(format!(
                    "unknown query parameter {k:?}; known: {}",
                    LIST_PARAMS.iter().map(|p| p.0).collect::<Vec<_>>().join(", ")
                )));
            }
        }
    }
    Ok(Json(Incidents(&st.store).list_incidents(&Scope::from(p), &q).await?))
}

async fn summary(
    State(st): State<AppState>,
    auth: Auth,
    Query(params): Query<Vec<(String, String)>>,
) -> ApiResult<Json<crate::store::summary::IncidentSummary>> {
    let p = auth.require(Resource::Incident, Action::Read)?;
    let mut days = 30;
    for (k, v) in &params {
        match k.as_str() {
            "days" => {
                days = v.parse::<u32>().ok().filter(|d| (1..=crate::store::summary::MAX_DAYS).contains(d)).ok_or_else(
                    || ApiError::BadRequest(format!("query parameter days: {v:?} is not an integer in 1..366")),
                )?
            }
            _ => return Err(ApiError::BadRequest(format!("unknown query parameter {k:?}; known: days"))),
        }
    }
    let summary = Incidents(&st.store).incident_summary(&Scope::from(p), days, chrono::Utc::now()).await?;
    Ok(Json(summary))
}

async fn get_one(State(st): State<AppState>, auth: Auth, Path(id): Path<String>) -> ApiResult<Json<Incident>> {
    let p = auth.require(Resource::Incident, Action::Read)?;
    Ok(Json(Incidents(&st.store).get_incident(&Scope::from(p), parse_id(&id)?).await?))
}

async fn patch(
    State(st): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult<Json<Incident>> {
    let p = auth.require(Resource::Incident, Action::Write)?;
    let id = parse_id(&id)?;
    let change: IncidentPatch = decode_json(&body)?;
    let inc = Incidents(&st.store).update_incident(p, id, change).await?;
    publish(&st, &inc, "incident_update", "更新").await;
    Ok(Json(inc))
}

async fn fresh(st: &AppState, scope: &Scope, inc: &Incident) -> ApiResult<(Situation, Recommendation)> {
    let unit = unit_of(st, scope, inc).await?;
    let plans = Incidents(&st.store).dispatch_plans().await?;
    let sit = Situation::at(&st.store, &st.roads, scope, (inc.lon, inc.lat)).await?;
    let rec = recommend(&plans, &target(inc, unit.as_ref()), &sit, inc.unit_id)?;
    Ok((sit, rec))
}

async fn recommendation(
    State(st): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> ApiResult<Json<Recommendation>> {
    let p = auth.require(Resource::Incident, Action::Read)?;
    let scope = Scope::from(p);
    let inc = Incidents(&st.store).get_incident(&scope, parse_id(&id)?).await?;
    Ok(Json(fresh(&st, &scope, &inc).await?.1))
}

async fn board(State(st): State<AppState>, auth: Auth, Path(id): Path<String>) -> ApiResult<Json<Value>> {
    let p = auth.require(Resource::Incident, Action::Read)?;
    let scope = Scope::from(p);
    let inc = Incidents(&st.store).get_incident(&scope, parse_id(&id)?).await?;
    let (sit, rec) = fresh(&st, &scope, &inc).await?;
    let timeline = Incidents(&st.store).timeline(&scope, inc.id).await?;
    let dispatches = Incidents(&st.store).dispatches(&scope, inc.id).await?;
    let (vn, sn) = names(&sit);
    let disp: Vec<Value> = dispatches
        .iter()
        .map(|d| {
            let mut v = serde_json::to_value(d).unwrap_or_default();
            v["vehicle_name"] = json!(d.vehicle_id.and_then(|i| vn.get(&i)));
            v["station_name"] = json!(sn.get(&d.station_id));
            v["eta_label"] = json!(d.eta_s.map(label));
            v
        })
        .collect();
    let mut stations: Vec<i64> =
        dispatches.iter().filter(|d| d.status.is_active() || d.vehicle_id.is_none()).map(|d| d.station_id).collect();
    stations.extend(rec.assignments.iter().map(|a| a.station_id));
    stations.extend(rec.alerts.iter().map(|a| a.station_id));
    let at = (inc.lon, inc.lat);
    let routes = routes(&sit, &stations, at);
    let water = water_near(&st, &scope, at, 500.0, sit.graph.as_deref()).await?;
    let preplan = preplan_for(&st, &scope, &inc).await?;
    Ok(Json(json!({
        "incident": inc, "timeline": timeline, "dispatches": disp, "recommendation": rec,
        "routes": routes, "preplan": preplan, "water": water, "routing_problem": sit.routing_problem,
    })))
}

/// 一键调派 or a chosen set.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DispatchRequest {
    /// Send the current recommendation (vehicles and alerts).
    #[serde(default)]
    pub recommended: bool,
    /// Or these vehicles.
    #[serde(default)]
    pub vehicles: Vec<i64>,
    /// And alert these stations.
    #[serde(default)]
    pub alerts: Vec<i64>,
}

async fn dispatch(
    State(st): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    let p = auth.require(Resource::Incident, Action::Write)?;
    let id = parse_id(&id)?;
    let req: DispatchRequest = decode_json(&body)?;
    if req.recommended == (!req.vehicles.is_empty() || !req.alerts.is_empty()) {
        return Err(ApiError::field(
            "recommended",
            code::RECOMMENDED_OR_CHOSEN,
            "send either {\"recommended\": true} or the vehicles and alerts you chose",
        ));
    }
    if req.vehicles.len() > 200 || req.alerts.len() > 200 {
        let e = FieldError::new("vehicles", kernel::TOO_MANY, "at most 200 vehicles and 200 alerts");
        return Err(e.with("max", 200).into());
    }
    let scope = Scope::from(p);
    let inc = Incidents(&st.store).get_incident(&scope, id).await?;
    let (sit, rec) = fresh(&st, &scope, &inc).await?;
    let at = (inc.lon, inc.lat);
    // (vehicle or station id, the requirement filled or the alert's reason)
    type Picks = Vec<(i64, Option<String>)>;
    let (vehicles, alerts): (Picks, Picks) = if req.recommended {
        if rec.assignments.is_empty() && rec.alerts.is_empty() {
            let reason = "没有可调派的力量 (nothing available to dispatch); see the recommendation's unfilled";
            return Err(ApiError::Conflict(FieldError::new("recommended", code::NOTHING_AVAILABLE, reason).into()));
        }
        (
            rec.assignments.iter().map(|a| (a.vehicle_id, Some(a.label.clone()))).collect(),
            rec.alerts.iter().map(|a| (a.station_id, Some(a.text.clone()))).collect(),
        )
    } else {
        (req.vehicles.iter().map(|v| (*v, None)).collect(), req.alerts.iter().map(|s| (*s, None)).collect())
    };
    let mut orders = Vec::new();
    for (vid, label) in vehicles {
        let station = sit.vehicles.iter().find(|v| v.id == vid).map(|v| v.station_id);
        let route = station.and_then(|s| sit.route_from(s, at));
        orders.push(DispatchOrder {
            vehicle_id: vid,
            requirement: label,
            eta_s: route.as_ref().map(|r| r.seconds).or_else(|| station.and_then(|s| sit.eta_of(s))),
            distance_m: route.as_ref().map(|r| r.metres),
        });
    }
    let alerts: Vec<StationAlert> = alerts
        .into_iter()
        .map(|(sid, reason)| StationAlert { station_id: sid, eta_s: sit.eta_of(sid), reason })
        .collect();
    let made = Incidents(&st.store).dispatch_vehicles(p, id, orders, alerts).await?;
    let inc = Incidents(&st.store).get_incident(&scope, id).await?;
    publish(
        &st,
        &inc,
        "incident_update",
        &format!("调派 {} 辆车", made.iter().filter(|d| d.vehicle_id.is_some()).count()),
    )
    .await;
    Ok(Json(
        json!({"incident": inc, "dispatches": made, "unfilled": if req.recommended { json!(rec.unfilled) } else { json!([]) }}),
    ))
}

async fn timeline(
    State(st): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<crate::store::timeline::TimelineEntry>>> {
    let p = auth.require(Resource::Incident, Action::Read)?;
    Ok(Json(Incidents(&st.store).timeline(&Scope::from(p), parse_id(&id)?).await?))
}

async fn add_stage(
    State(st): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<crate::store::timeline::TimelineOutcome>)> {
    let p = auth.require(Resource::Incident, Action::Write)?;
    let id = parse_id(&id)?;
    let e: NewTimelineEntry = decode_json(&body)?;
    let out = Incidents(&st.store).add_timeline_entry(p, id, e).await?;
    publish(&st, &out.incident, "incident_update", out.entry.stage.zh()).await;
    Ok((StatusCode::CREATED, Json(out)))
}

async fn water(
    State(st): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Query(params): Query<Vec<(String, String)>>,
) -> ApiResult<Json<Vec<super::dispatch::NearbyWater>>> {
    let p = auth.require(Resource::Incident, Action::Read)?;
    let mut radius = 500.0;
    for (k, v) in &params {
        match (k.as_str(), v.parse::<f64>()) {
            ("radius_m", Ok(r)) if (10.0..=3000.0).contains(&r) => radius = r,
            ("radius_m", _) => {
                return Err(ApiError::BadRequest(format!(
                    "query parameter radius_m: {v:?} is not a number of metres in 10..3000"
                )));
            }
            _ => return Err(ApiError::BadRequest(format!("unknown query parameter {k:?}; known: radius_m"))),
        }
    }
    let scope = Scope::from(p);
    let inc = Incidents(&st.store).get_incident(&scope, parse_id(&id)?).await?;
    let g = st.roads.graph(&st.store).await.ok();
    Ok(Json(water_near(&st, &scope, (inc.lon, inc.lat), radius, g.as_deref()).await?))
}

async fn preplan(
    State(st): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> ApiResult<Json<super::dispatch::IncidentPrePlan>> {
    let p = auth.require(Resource::Incident, Action::Read)?;
    auth.require(Resource::PrePlan, Action::Read)?;
    let scope = Scope::from(p);
    let inc = Incidents(&st.store).get_incident(&scope, parse_id(&id)?).await?;
    Ok(Json(preplan_for(&st, &scope, &inc).await?))
}
