//! The jurisdiction tree over HTTP.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use huoyan_domain::access::{Action, Resource};
use huoyan_domain::jurisdiction::Jurisdiction;
use huoyan_store::Scope;

use super::parse_id;
use huoyan_api::AppState;
use huoyan_api::error::{ApiError, ApiResult};
use huoyan_api::extract::{Auth, JsonBody};

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/jurisdictions", get(list).post(create))
        .route("/jurisdictions/{id}", get(get_one).put(update).delete(remove))
}

async fn list(
    State(st): State<AppState>,
    auth: Auth,
    Query(params): Query<Vec<(String, String)>>,
) -> ApiResult<Json<Vec<Jurisdiction>>> {
    let p = auth.require(Resource::Jurisdiction, Action::Read)?;
    let mut with_boundary = false;
    for (k, v) in &params {
        match (k.as_str(), v.as_str()) {
            ("boundary", "true" | "1") => with_boundary = true,
            ("boundary", "false" | "0") => with_boundary = false,
            _ => {
                return Err(ApiError::BadRequest(format!(
                    "unknown query parameter {k}={v}; known: boundary=true|false"
                )));
            }
        }
    }
    Ok(Json(st.store.list_jurisdictions(&Scope::from(p), with_boundary).await?))
}

async fn get_one(State(st): State<AppState>, auth: Auth, Path(id): Path<String>) -> ApiResult<Json<Jurisdiction>> {
    let p = auth.require(Resource::Jurisdiction, Action::Read)?;
    Ok(Json(st.store.get_jurisdiction(&Scope::from(p), parse_id(&id)?).await?))
}

async fn create(
    State(st): State<AppState>,
    auth: Auth,
    JsonBody(j): JsonBody<Jurisdiction>,
) -> ApiResult<(StatusCode, Json<Jurisdiction>)> {
    let p = auth.require(Resource::Jurisdiction, Action::Write)?;
    Ok((StatusCode::CREATED, Json(st.store.create_jurisdiction(p, j).await?)))
}

async fn update(
    State(st): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    JsonBody(j): JsonBody<Jurisdiction>,
) -> ApiResult<Json<Jurisdiction>> {
    let p = auth.require(Resource::Jurisdiction, Action::Write)?;
    Ok(Json(st.store.update_jurisdiction(p, parse_id(&id)?, j).await?))
}

async fn remove(State(st): State<AppState>, auth: Auth, Path(id): Path<String>) -> ApiResult<StatusCode> {
    let p = auth.require(Resource::Jurisdiction, Action::Write)?;
    st.store.delete_jurisdiction(p, parse_id(&id)?).await?;
    Ok(StatusCode::NO_CONTENT)
}
