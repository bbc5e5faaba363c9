//! Travel times by road for the dispatcher: `GET /api/v1/route` (time, distance and path between
//! two points) and `GET /api/v1/eta` (every force the caller may see, fastest first). The road
//! graph comes from the road-network service (`huoyan-roads`).

use axum::extract::{Query, State};
use axum::routing::get;
use axum::{Json, Router};
use huoyan_domain::access::{Action, Resource};
use huoyan_domain::{FieldError, Station};
use huoyan_geo::RouteError;
use huoyan_store::{ListQuery, Scope};
use serde_json::{Value, json};

use huoyan_api::AppState;
use huoyan_api::error::{ApiError, ApiResult};
use huoyan_api::extract::Auth;

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/route", get(route)).route("/eta", get(eta))
}

fn point(name: &str, v: &str) -> ApiResult<(f64, f64)> {
    let bad = || ApiError::BadRequest(format!("query parameter {name}: {v:?} is not LON,LAT in WGS84"));
    let (a, b) = v.split_once(',').ok_or_else(bad)?;
    let (lon, lat): (f64, f64) = (a.trim().parse().map_err(|_| bad())?, b.trim().parse().map_err(|_| bad())?);
    if !lon.is_finite() || !lat.is_finite() || lon.abs() > 180.0 || lat.abs() > 90.0 {
        return Err(bad());
    }
    Ok((lon, lat))
}

fn params(q: &[(String, String)], known: &[&str]) -> ApiResult<std::collections::HashMap<String, String>> {
    let mut out = std::collections::HashMap::new();
    for (k, v) in q {
        if !known.contains(&k.as_str()) {
            return Err(ApiError::BadRequest(format!("unknown query parameter {k:?}; known: {}", known.join(", "))));
        }
        out.insert(k.clone(), v.clone());
    }
    for k in known {
        if !out.contains_key(*k) {
            return Err(ApiError::BadRequest(format!("query parameter {k} is required (LON,LAT)")));
        }
    }
    Ok(out)
}

pub(crate) fn route_error(e: RouteError) -> ApiError {
    match e {
        RouteError::InvalidPoint { .. } => ApiError::BadRequest(e.to_string()),
        RouteError::NoRoadNear { distance_m, max_m } => {
            let e = FieldError::new("point", "no_road_near", e.to_string());
            e.with("max_m", max_m).with("distance_m", distance_m).into()
        }
        RouteError::Unreachable => ApiError::field("point", "unreachable", e.to_string()),
    }
}

async fn route(
    State(st): State<AppState>,
    auth: Auth,
    Query(q): Query<Vec<(String, String)>>,
) -> ApiResult<Json<Value>> {
    auth.require(Resource::Road, Action::Read)?;
    let p = params(&q, &["from", "to"])?;
    let (from, to) = (point("from", &p["from"])?, point("to", &p["to"])?);
    let g = st.roads.graph(&st.store).await?;
    let r = g.route(from, to).map_err(route_error)?;
    Ok(Json(json!({
        "seconds": (r.seconds * 10.0).round() / 10.0,
        "meters": r.metres.round(),
        "path": {"type": "Feature", "geometry": r.geometry, "properties": {"road_ids": r.road_ids}},
    })))
}

async fn eta(State(st): State<AppState>, auth: Auth, Query(q): Query<Vec<(String, String)>>) -> ApiResult<Json<Value>> {
    let p = auth.require(Resource::Station, Action::Read)?;
    let at = point("at", &params(&q, &["at"])?["at"])?;
    let scope = Scope::from(p);
    let mut stations: Vec<Station> = Vec::new();
    loop {
        let lq = ListQuery {
            limit: Some(huoyan_store::query::MAX_PAGE),
            offset: Some(stations.len() as i64),
            ..Default::default()
        };
        let page = st.store.list::<Station>(&scope, &lq).await?;
        if page.items.is_empty() {
            break;
        }
        stations.extend(page.items);
    }
    let g = st.roads.graph(&st.store).await?;
    let pts: Vec<(f64, f64)> = stations.iter().map(|s| (s.lon, s.lat)).collect();
    let times = g.travel_times_to(at, &pts).map_err(route_error)?;
    let rows: Vec<(Option<f64>, &Station)> =
        huoyan_geo::fastest_first(&times).into_iter().map(|(i, t)| (t, &stations[i])).collect();
    let items: Vec<Value> = rows
        .iter()
        .map(|(t, s)| {
            json!({"station_id": s.id, "name": s.name, "kind": s.kind, "kind_zh": s.kind.zh(), "status": s.status,
                   "duty_strength": s.duty_strength, "seconds": t.map(|t| (t * 10.0).round() / 10.0), "reachable": t.is_some()})
        })
        .collect();
    Ok(Json(json!({"at": [at.0, at.1], "items": items})))
}
