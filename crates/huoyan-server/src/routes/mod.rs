//! The kernel's own routes, one module per area; `api_router` merges them with the modules' routers under
//! `/api/v1`.

pub(crate) mod auth;
pub(crate) mod dashboard;
pub(crate) mod files;
pub(crate) mod jurisdictions;
pub(crate) mod live;
pub(crate) mod map;
pub(crate) mod misc;
pub(crate) mod records;
pub(crate) mod routing;
pub(crate) mod tiles;
pub(crate) mod users;

use axum::Router;
use huoyan_domain::*;

pub(crate) use huoyan_api::params::{parse_id, resource_of};

use crate::AppState;

/// Every `/api/v1` route.
pub(crate) fn api_router() -> Router<AppState> {
    Router::new()
        .merge(misc::router())
        .merge(auth::router())
        .merge(jurisdictions::router())
        .merge(users::router())
        .merge(map::router())
        .merge(tiles::api_router())
        .merge(dashboard::router())
        .merge(routing::router())
        .merge(live::router())
        .merge(huoyan_monitor::routes::router())
        .merge(huoyan_incidents::routes::router())
        .merge(records::router::<Road>())
        .merge(records::router::<Building>())
        .merge(records::router::<Station>())
        .merge(records::router::<Vehicle>())
        .merge(records::router::<Person>())
        .merge(records::router::<WaterSource>())
        .merge(records::router::<Unit>())
}
