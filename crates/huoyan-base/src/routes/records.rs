//! The generic record routes: `/api/v1/{table}` (list, create) and `/api/v1/{table}/{id}` (get,
//! replace, merge-patch, delete) for every record kind, with filters, paging and bounding boxes.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use huoyan_domain::Record;
use huoyan_domain::access::Action;
use huoyan_store::{Page, Scope};

pub(crate) use huoyan_api::params::{LIST_PARAMS, parse_list_query};

use super::{parse_id, resource_of};
use huoyan_api::AppState;
use huoyan_api::error::{ApiError, ApiResult};
use huoyan_api::extract::{Auth, JsonBody, decode_json};

pub(crate) fn router<R: Record>() -> Router<AppState> {
    let base = format!("/{}", R::KIND.table());
    Router::new()
        .route(&base, get(list::<R>).post(create::<R>))
        .route(&format!("{base}/{{id}}"), get(get_one::<R>).put(replace::<R>).patch(patch::<R>).delete(remove::<R>))
}

async fn list<R: Record>(
    State(st): State<AppState>,
    auth: Auth,
    Query(params): Query<Vec<(String, String)>>,
) -> ApiResult<Json<Page<R>>> {
    let p = auth.require(resource_of(R::KIND), Action::Read)?;
    let q = parse_list_query(&params)?;
    Ok(Json(st.store.list::<R>(&Scope::from(p), &q).await?))
}

async fn get_one<R: Record>(State(st): State<AppState>, auth: Auth, Path(id): Path<String>) -> ApiResult<Json<R>> {
    let p = auth.require(resource_of(R::KIND), Action::Read)?;
    Ok(Json(st.store.get::<R>(&Scope::from(p), parse_id(&id)?).await?))
}

async fn create<R: Record>(
    State(st): State<AppState>,
    auth: Auth,
    JsonBody(r): JsonBody<R>,
) -> ApiResult<(StatusCode, Json<R>)> {
    let p = auth.require(resource_of(R::KIND), Action::Write)?;
    Ok((StatusCode::CREATED, Json(st.store.insert(p, r).await?)))
}

async fn replace<R: Record>(
    State(st): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    JsonBody(r): JsonBody<R>,
) -> ApiResult<Json<R>> {
    let p = auth.require(resource_of(R::KIND), Action::Write)?;
    Ok(Json(st.store.update(p, parse_id(&id)?, r).await?))
}

/// JSON merge patch (RFC 7396): members given replace the current ones; `null` clears optional ones.
async fn patch<R: Record>(
    State(st): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    JsonBody(patch): JsonBody<serde_json::Value>,
) -> ApiResult<Json<R>> {
    let p = auth.require(resource_of(R::KIND), Action::Write)?;
    let id = parse_id(&id)?;
    if !patch.is_object() {
        return Err(ApiError::BadRequest("a merge patch must be a JSON object".into()));
    }
    let current: R = st.store.get(&Scope::from(p), id).await?;
    let mut doc = serde_json::to_value(&current).map_err(|e| ApiError::Internal(e.to_string()))?;
    merge(&mut doc, patch);
    let bytes = serde_json::to_vec(&doc).map_err(|e| ApiError::Internal(e.to_string()))?;
    let next: R = decode_json(&bytes)?;
    Ok(Json(st.store.update(p, id, next).await?))
}

fn merge(target: &mut serde_json::Value, patch: serde_json::Value) {
    match (target, patch) {
        (serde_json::Value::Object(t), serde_json::Value::Object(p)) => {
            for (k, v) in p {
                if v.is_null() {
                    t.insert(k, serde_json::Value::Null);
                } else {
                    merge(t.entry(k).or_insert(serde_json::Value::Null), v);
                }
            }
        }
        (t, p) => *t = p,
    }
}

async fn remove<R: Record>(State(st): State<AppState>, auth: Auth, Path(id): Path<String>) -> ApiResult<StatusCode> {
    let p = auth.require(resource_of(R::KIND), Action::Write)?;
    st.store.delete::<R>(p, parse_id(&id)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(s: &[(&str, &str)]) -> Vec<(String, String)> {
        s.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn list_parameters_are_checked() {
        let q = parse_list_query(&params(&[
            ("kind", "hydrant_above, pool"),
            ("limit", "10"),
            ("bbox", "-71.2,42.3,-71,42.4"),
        ]))
        .unwrap();
        assert_eq!(q.kinds, vec!["hydrant_above", "pool"]);
        assert_eq!(q.limit, Some(10));
        for bad in [
            ("limit", "0"),
            ("limit", "9999999"),
            ("offset", "-1"),
            ("bbox", "1,2"),
            ("sort", "colour"),
            ("colour", "red"),
        ] {
            assert!(matches!(parse_list_query(&params(&[bad])), Err(ApiError::BadRequest(_))), "{bad:?}");
        }
    }

    #[test]
    fn merge_patch_replaces_and_clears() {
        let mut doc = serde_json::json!({"a": 1, "b": {"c": 2, "d": 3}, "e": "x"});
        merge(&mut doc, serde_json::json!({"a": 5, "b": {"c": null}, "e": null}));
        assert_eq!(doc, serde_json::json!({"a": 5, "b": {"c": null, "d": 3}, "e": null}));
    }
}
