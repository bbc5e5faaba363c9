//! Map features by bounding box for the console: one GeoJSON FeatureCollection per request with the
//! layers asked for, each feature carrying the few properties the map draws and its id for details.

use axum::extract::{Query, State};
use axum::routing::get;
use axum::{Json, Router};
use geojson::{Feature, FeatureCollection, Geometry, Value};
use huoyan_domain::access::{Action, can};
use huoyan_domain::geometry::BBox;
use huoyan_domain::*;
use huoyan_store::{ListQuery, Scope};
use serde_json::{Map, json};

use super::resource_of;
use huoyan_api::AppState;
use huoyan_api::error::{ApiError, ApiResult};
use huoyan_api::extract::Auth;

/// Layers the endpoint serves.
pub(crate) const LAYERS: &[&str] = &["stations", "water_sources", "units", "roads", "buildings"];

/// Most features per layer in one answer (the console zooms in or uses tiles beyond that).
pub(crate) const MAX_PER_LAYER: i64 = 5000;

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/map/features", get(features))
}

fn feature(layer: &str, id: i64, geometry: Geometry, props: serde_json::Value) -> Feature {
    let mut p = Map::new();
    p.insert("layer".into(), json!(layer));
    p.insert("id".into(), json!(id));
    if let serde_json::Value::Object(m) = props {
        p.extend(m);
    }
    Feature { bbox: None, geometry: Some(geometry), id: None, properties: Some(p), foreign_members: None }
}

fn point(lon: f64, lat: f64) -> Geometry {
    Geometry::new(Value::Point(vec![lon, lat]))
}

async fn features(
    State(st): State<AppState>,
    Auth(p): Auth,
    Query(params): Query<Vec<(String, String)>>,
) -> ApiResult<Json<FeatureCollection>> {
    let mut bbox = None;
    let mut layers: Vec<String> = vec!["stations".into(), "water_sources".into(), "units".into()];
    let mut limit = 2000;
    for (k, v) in &params {
        match k.as_str() {
            "bbox" => {
                bbox = Some(BBox::parse(v).map_err(|e| ApiError::BadRequest(format!("query parameter bbox: {e}")))?)
            }
            "layers" => layers = v.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect(),
            "limit" => {
                limit = v.parse::<i64>().ok().filter(|n| (1..=MAX_PER_LAYER).contains(n)).ok_or_else(|| {
                    ApiError::BadRequest(format!(
                        "query parameter limit: {v:?} is not an integer in 1..{MAX_PER_LAYER}"
                    ))
                })?
            }
            _ => {
                return Err(ApiError::BadRequest(format!("unknown query parameter {k:?}; known: bbox, layers, limit")));
            }
        }
    }
    let bbox = bbox
        .ok_or_else(|| ApiError::BadRequest("query parameter bbox is required: minLon,minLat,maxLon,maxLat".into()))?;
    let scope = Scope::from(&p);
    let q = ListQuery { bbox: Some(bbox), limit: Some(limit), ..Default::default() };
    let mut out = Vec::new();
    for layer in &layers {
        let kind = EntityKind::from_table(layer)
            .filter(|_| LAYERS.contains(&layer.as_str()))
            .ok_or_else(|| ApiError::BadRequest(format!("unknown layer {layer:?}; known: {}", LAYERS.join(", "))))?;
        if !can(p.role, resource_of(kind), Action::Read) {
            return Err(ApiError::Forbidden(format!("the role {} may not read the layer {layer}", p.role.zh()).into()));
        }
        match kind {
            EntityKind::Station => {
                for s in st.store.list::<Station>(&scope, &q).await?.items {
                    out.push(feature(layer, s.id, point(s.lon, s.lat), json!({"name": s.name, "kind": s.kind, "kind_zh": s.kind.zh(), "status": s.status, "status_zh": s.status.zh(), "duty_strength": s.duty_strength})));
                }
            }
            EntityKind::WaterSource => {
                for w in st.store.list::<WaterSource>(&scope, &q).await?.items {
                    out.push(feature(layer, w.id, point(w.lon, w.lat), json!({"name": w.code, "kind": w.kind, "kind_zh": w.kind.zh(), "status": w.status, "status_zh": w.status.zh(), "flow_lps": w.flow_lps})));
                }
            }
            EntityKind::Unit => {
                for u in st.store.list::<Unit>(&scope, &q).await?.items {
                    let classes: Vec<&str> = u.classes.iter().map(|c| c.code()).collect();
                    out.push(feature(layer, u.id, point(u.lon, u.lat), json!({"name": u.name, "use_category": u.use_category, "use_category_zh": u.use_category.zh(), "classes": classes})));
                }
            }
            EntityKind::Road => {
                for r in st.store.list::<Road>(&scope, &q).await?.items {
                    out.push(feature(
                        layer,
                        r.id,
                        r.geometry,
                        json!({"name": r.name, "class": r.class, "oneway": r.oneway}),
                    ));
                }
            }
            _ => {
                for b in st.store.list::<Building>(&scope, &q).await?.items {
                    out.push(feature(layer, b.id, b.footprint, json!({"name": b.name, "floors": b.floors})));
                }
            }
        }
    }
    Ok(Json(FeatureCollection { bbox: None, features: out, foreign_members: None }))
}
