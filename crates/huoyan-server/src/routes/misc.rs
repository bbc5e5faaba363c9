//! Health, statistics, the audit log, classification rule sets and the vocabularies.

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::routing::get;
use axum::{Json, Router};
use huoyan_domain::RuleSet;
use huoyan_domain::access::{Action, Resource};
use huoyan_store::Scope;
use huoyan_store::audit::AuditRecord;
use huoyan_store::stats::Stats;
use serde::Serialize;

use crate::AppState;
use crate::error::{ApiError, ApiResult};
use crate::extract::{Auth, decode_json};

/// Health answer.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(crate) struct Health {
    /// `ok` or `degraded`.
    pub status: &'static str,
    /// `sqlite` or `postgres`.
    pub backend: huoyan_store::Backend,
    /// Whether the database answered.
    pub database: bool,
    /// Program version.
    pub version: &'static str,
    /// Seconds since start.
    pub uptime_s: u64,
}

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/health", get(health))
        .route("/stats", get(stats))
        .route("/audit", get(audit))
        .route("/rule-sets", get(rule_sets).post(load_rule_set))
        .route("/terms", get(terms))
}

async fn health(State(st): State<AppState>) -> (StatusCode, Json<Health>) {
    let ok = st.store.ping().await.is_ok();
    let h = Health {
        status: if ok { "ok" } else { "degraded" },
        backend: st.store.backend(),
        database: ok,
        version: env!("CARGO_PKG_VERSION"),
        uptime_s: st.started.elapsed().as_secs(),
    };
    (if ok { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE }, Json(h))
}

async fn stats(State(st): State<AppState>, auth: Auth) -> ApiResult<Json<Stats>> {
    let p = auth.require(Resource::Map, Action::Read)?;
    Ok(Json(st.store.stats(&Scope::from(p)).await?))
}

async fn audit(
    State(st): State<AppState>,
    auth: Auth,
    Query(params): Query<Vec<(String, String)>>,
) -> ApiResult<Json<Vec<AuditRecord>>> {
    let p = auth.require(Resource::Audit, Action::Read)?;
    let (mut entity, mut entity_id, mut limit) = (None, None, 100);
    for (k, v) in &params {
        let num = || {
            v.parse::<i64>().map_err(|_| ApiError::BadRequest(format!("query parameter {k}: {v:?} is not an integer")))
        };
        match k.as_str() {
            "entity" => entity = Some(v.clone()),
            "entity_id" => entity_id = Some(num()?),
            "limit" => limit = num()?.clamp(1, 1000),
            _ => {
                return Err(ApiError::BadRequest(format!(
                    "unknown query parameter {k:?}; known: entity, entity_id, limit"
                )));
            }
        }
    }
    Ok(Json(st.store.audit_log(&Scope::from(p), entity.as_deref(), entity_id, limit).await?))
}

/// Rule sets loaded, and the one in force.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(crate) struct RuleSets {
    /// Id of the set in force today.
    pub in_force: String,
    /// Every set (the national baseline first).
    pub sets: Vec<RuleSet>,
}

async fn rule_sets(State(st): State<AppState>, auth: Auth) -> ApiResult<Json<RuleSets>> {
    auth.require(Resource::RuleSet, Action::Read)?;
    Ok(Json(RuleSets { in_force: st.store.rules().id.clone(), sets: st.store.rule_sets().await? }))
}

/// Loads a province's rule set, as TOML (`application/toml`) or JSON; reclassifies every unit.
async fn load_rule_set(
    State(st): State<AppState>,
    auth: Auth,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Json<serde_json::Value>> {
    let p = auth.require(Resource::RuleSet, Action::Write)?;
    let ct = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let set = if ct.starts_with("application/json") {
        let set: RuleSet = decode_json(&body)?;
        set.check().map_err(|e| ApiError::field("rules", "bad_rule_set", e.to_string()))?;
        set
    } else if ct.starts_with("application/toml") || ct.starts_with("text/") {
        let text =
            std::str::from_utf8(&body).map_err(|_| ApiError::BadRequest("the rule set is not UTF-8 text".into()))?;
        RuleSet::from_toml(text).map_err(|e| ApiError::field("rules", "bad_rule_set", e.to_string()))?
    } else {
        return Err(ApiError::UnsupportedMediaType("send the rule set as application/toml or application/json".into()));
    };
    let id = set.id.clone();
    let changed = st.store.load_rule_set(p, set).await?;
    Ok(Json(serde_json::json!({ "loaded": id, "in_force": st.store.rules().id, "units_reclassified": changed })))
}

/// One vocabulary value.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(crate) struct Term {
    /// Code used in the API.
    pub code: &'static str,
    /// The users' Chinese term.
    pub zh: &'static str,
}

fn list<T: Copy>(all: &[T], code: fn(T) -> &'static str, zh: fn(T) -> &'static str) -> Vec<Term> {
    all.iter().map(|v| Term { code: code(*v), zh: zh(*v) }).collect()
}

async fn terms(_auth: Auth) -> Json<serde_json::Value> {
    use huoyan_domain::*;
    use huoyan_incidents::store::dispatch::DispatchStatus;
    use huoyan_incidents::store::incidents::IncidentStatus;
    use huoyan_monitor::kinds::{KINDS, RESULTS};
    Json(serde_json::json!({
        // Alarm kinds with their level; results with the term for 火警 and for other kinds.
        "alarm_kind": KINDS.iter().map(|(code, zh, level)| serde_json::json!({ "code": code, "zh": zh, "level": level })).collect::<Vec<_>>(),
        "alarm_result": RESULTS.iter().map(|(code, fire, other)| serde_json::json!({ "code": code, "zh": other, "zh_fire": fire })).collect::<Vec<_>>(),
        "jurisdiction_level": list(JurisdictionLevel::ALL, JurisdictionLevel::code, JurisdictionLevel::zh),
        "station_kind": list(StationKind::ALL, StationKind::code, StationKind::zh),
        "station_status": list(StationStatus::ALL, StationStatus::code, StationStatus::zh),
        "vehicle_family": list(VehicleFamily::ALL, VehicleFamily::code, VehicleFamily::zh),
        "vehicle_status": list(VehicleStatus::ALL, VehicleStatus::code, VehicleStatus::zh),
        "water_kind": list(WaterKind::ALL, WaterKind::code, WaterKind::zh),
        "water_status": list(WaterStatus::ALL, WaterStatus::code, WaterStatus::zh),
        "road_class": list(RoadClass::ALL, RoadClass::code, RoadClass::zh),
        "road_access": list(RoadAccess::ALL, RoadAccess::code, RoadAccess::zh),
        "use_category": list(UseCategory::ALL, UseCategory::code, UseCategory::zh),
        "unit_class": list(UnitClass::ALL, UnitClass::code, UnitClass::zh),
        "role": list(Role::ALL, Role::code, Role::zh),
        "incident_category": list(incident::IncidentCategory::ALL, incident::IncidentCategory::code, incident::IncidentCategory::zh),
        "incident_status": list(IncidentStatus::ALL, IncidentStatus::code, IncidentStatus::zh),
        "timeline_stage": list(&huoyan_incidents::rules::Stage::ALL, huoyan_incidents::rules::Stage::code, huoyan_incidents::rules::Stage::zh),
        "dispatch_status": list(DispatchStatus::ALL, DispatchStatus::code, DispatchStatus::zh),
    }))
}
