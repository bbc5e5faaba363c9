//! Health, statistics, the audit log and the classification rule sets.

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

use huoyan_api::AppState;
use huoyan_api::error::{ApiError, ApiResult};
use huoyan_api::extract::{Auth, decode_json};

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

/// The answer to loading a rule set.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(crate) struct RuleSetLoaded {
    /// Id of the set loaded.
    pub loaded: String,
    /// Id of the set in force today (the loaded one once its `effective_from` has come).
    pub in_force: String,
    /// Units whose classes changed.
    pub units_reclassified: usize,
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
) -> ApiResult<Json<RuleSetLoaded>> {
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
    let loaded = set.id.clone();
    let units_reclassified = st.store.load_rule_set(p, set).await?;
    Ok(Json(RuleSetLoaded { loaded, in_force: st.store.rules().id.clone(), units_reclassified }))
}
