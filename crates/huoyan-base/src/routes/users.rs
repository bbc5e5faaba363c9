//! Account administration (admins, within their subtree).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use huoyan_domain::access::{Action, Resource};
use huoyan_domain::account::{User, UserInput};
use huoyan_store::Scope;

use super::parse_id;
use huoyan_api::AppState;
use huoyan_api::error::ApiResult;
use huoyan_api::extract::{Auth, JsonBody};

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/users", get(list).post(create)).route("/users/{id}", get(get_one).put(update).delete(remove))
}

async fn list(State(st): State<AppState>, auth: Auth) -> ApiResult<Json<Vec<User>>> {
    let p = auth.require(Resource::User, Action::Read)?;
    Ok(Json(st.store.list_users(&Scope::from(p)).await?))
}

async fn get_one(State(st): State<AppState>, auth: Auth, Path(id): Path<String>) -> ApiResult<Json<User>> {
    let p = auth.require(Resource::User, Action::Read)?;
    Ok(Json(st.store.get_user(&Scope::from(p), parse_id(&id)?).await?))
}

async fn create(
    State(st): State<AppState>,
    auth: Auth,
    JsonBody(input): JsonBody<UserInput>,
) -> ApiResult<(StatusCode, Json<User>)> {
    let p = auth.require(Resource::User, Action::Write)?;
    Ok((StatusCode::CREATED, Json(st.store.create_user(p, input).await?)))
}

async fn update(
    State(st): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    JsonBody(input): JsonBody<UserInput>,
) -> ApiResult<Json<User>> {
    let p = auth.require(Resource::User, Action::Write)?;
    Ok(Json(st.store.update_user(p, parse_id(&id)?, input).await?))
}

async fn remove(State(st): State<AppState>, auth: Auth, Path(id): Path<String>) -> ApiResult<StatusCode> {
    let p = auth.require(Resource::User, Action::Write)?;
    st.store.delete_user(p, parse_id(&id)?).await?;
    Ok(StatusCode::NO_CONTENT)
}
