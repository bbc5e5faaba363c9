//! The base's routes, one module per area. [`api_router`] holds every `/api/v1` route but the
//! uploads ([`upload_router`], which the composition gives the larger body limit) and the
//! base-map tiles outside `/api/v1` ([`tiles_router`]).

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
use huoyan_api::AppState;
use huoyan_domain::*;

pub(crate) use huoyan_api::params::{parse_id, resource_of};

/// The base's `/api/v1` routes (uploads aside).
pub fn api_router() -> Router<AppState> {
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
        .merge(records::router::<Road>())
        .merge(records::router::<Building>())
        .merge(records::router::<Station>())
        .merge(records::router::<Vehicle>())
        .merge(records::router::<Person>())
        .merge(records::router::<WaterSource>())
        .merge(records::router::<Unit>())
}

/// The spreadsheet uploads and downloads under `/api/v1` (`/units/import`, `/units/export.xlsx` …).
pub fn upload_router() -> Router<AppState> {
    files::router()
}

/// The base-map vector tiles, outside `/api/v1` (`/tiles/{z}/{x}/{y}.mvt`).
pub fn tiles_router(config: &huoyan_api::ServerConfig) -> Router<AppState> {
    tiles::router(config)
}
