//! The console's home dashboard (`GET /dashboard`: units by class and jurisdiction, water-source
//! 完好率 by type, stations and vehicles on duty) and its map search (`GET /search?q=`: units,
//! water sources and stations by name, code or address). Read-only; scoped to the caller.

use axum::extract::{Query, State};
use axum::routing::get;
use axum::{Json, Router};
use huoyan_domain::access::{Action, Resource, can};
use huoyan_store::Scope;
use huoyan_store::dashboard::{Dashboard, SEARCH_LAYERS, SearchHit};
use serde::Serialize;

use huoyan_api::AppState;
use huoyan_api::error::{ApiError, ApiResult};
use huoyan_api::extract::Auth;

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/dashboard", get(dashboard)).route("/search", get(search))
}

async fn dashboard(State(st): State<AppState>, auth: Auth) -> ApiResult<Json<Dashboard>> {
    let p = auth.require(Resource::Map, Action::Read)?;
    Ok(Json(st.store.dashboard(&Scope::from(p)).await?))
}

/// Search results, best first within each layer.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(crate) struct SearchResult {
    /// Matches.
    pub items: Vec<SearchHit>,
    /// How many matches are listed.
    pub total: i64,
}

async fn search(
    State(st): State<AppState>,
    auth: Auth,
    Query(params): Query<Vec<(String, String)>>,
) -> ApiResult<Json<SearchResult>> {
    let p = auth.require(Resource::Map, Action::Read)?;
    let mut q = None;
    let mut limit = 10;
    let mut layers: Vec<String> = SEARCH_LAYERS.iter().map(|s| s.to_string()).collect();
    for (k, v) in &params {
        match k.as_str() {
            "q" => q = Some(v.clone()),
            "limit" => {
                limit = v.parse::<i64>().ok().filter(|n| (1..=100).contains(n)).ok_or_else(|| {
                    ApiError::BadRequest(format!("query parameter limit: {v:?} is not an integer in 1..100"))
                })?
            }
            "layers" => layers = v.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect(),
            other => {
                return Err(ApiError::BadRequest(format!(
                    "unknown query parameter {other:?}; known: q, layers, limit"
                )));
            }
        }
    }
    let q = q.ok_or_else(|| ApiError::BadRequest("query parameter q is required".into()))?;
    if q.chars().count() > 200 {
        return Err(ApiError::BadRequest("query parameter q: longer than 200 characters".into()));
    }
    for l in &layers {
        if !SEARCH_LAYERS.contains(&l.as_str()) {
            return Err(ApiError::BadRequest(format!("unknown layer {l:?}; known: {}", SEARCH_LAYERS.join(", "))));
        }
    }
    // Only the layers the role may read.
    let resource = |l: &str| match l {
        "units" => Resource::Unit,
        "water_sources" => Resource::WaterSource,
        _ => Resource::Station,
    };
    let allowed: Vec<&str> =
        layers.iter().map(String::as_str).filter(|l| can(p.role, resource(l), Action::Read)).collect();
    let items = st.store.search(&Scope::from(p), &q, &allowed, limit).await?;
    Ok(Json(SearchResult { total: items.len() as i64, items }))
}
